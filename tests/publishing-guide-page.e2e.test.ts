/**
 * /guide/ on the built site: a clerk reading the guide on the portal sees the same entries as
 * docs/publisher-guide.md — every validation code, every setting — and the table of contents
 * jumps to real sections. Uses the shared build of data/ (one build per test run).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ISSUE_KINDS } from '../src/lib/validate/codes';
import { SETTING_DOCS } from '../src/lib/publishing/guide';
import { buildSiteOnce } from './helpers/site';

let html = '';
beforeAll(async () => {
  const out = await buildSiteOnce();
  html = readFileSync(join(out, 'guide', 'index.html'), 'utf8');
}, 900_000);

describe('/guide/ page', () => {
  it('is a page of the site layout, titled 数据发布指南', () => {
    expect(html).toMatch(/<title>数据发布指南/);
    expect(html).toContain('<h1 id="guide">数据发布指南</h1>');
    expect(html).toContain('id="main"');
  });

  it('has an entry for every validation code and every setting', () => {
    for (const k of ISSUE_KINDS) expect(html, k.code).toContain(`id="issue-${k.code}"`);
    for (const s of SETTING_DOCS) expect(html, s.key).toContain(`<code>${s.key}</code>`);
  });

  it('every table-of-contents link names a section on the page', () => {
    const toc = html.slice(html.indexOf('<nav class="toc"'), html.indexOf('</nav>', html.indexOf('<nav class="toc"')));
    const targets = [...toc.matchAll(/href="#([^"]+)"/g)].map((m) => m[1]);
    expect(targets).toHaveLength(9);
    for (const t of targets) expect(html).toContain(`id="${t}"`);
  });
});
