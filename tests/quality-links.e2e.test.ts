/**
 * Link check over the built site: a reader who clicks any internal link, or a page that loads any
 * internal stylesheet, script or image, must reach a file that exists; every #anchor must land on
 * an element. Checked at the root and under a base path (/jiaoyu/), where a link written without
 * withBase() breaks.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildSiteOnce, sampleDataWithBase } from './helpers/site';
import { checkLinks, describeBroken } from './helpers/links';

describe('the link checker itself', () => {
  const dir = mkdtempSync(join(tmpdir(), 'links-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const put = (p: string, s: string) => {
    mkdirSync(dirname(join(dir, p)), { recursive: true });
    writeFileSync(join(dir, p), s);
  };
  put('index.html', `<a href="/jiaoyu/schools/">ok</a><a href="schools/%E5%AE%9E%E9%AA%8C/#zone">ok-encoded</a>
    <a href="/jiaoyu/schools/missing/">broken</a><a href="/schools/">outside base</a><a href="#nowhere">bad anchor</a>
    <a href="#main">good anchor</a><main id="main"></main><a href="https://example.org/x">external</a>
    <img srcset="/jiaoyu/a.png 1x, /jiaoyu/b.png 2x"><script src="/jiaoyu/app.js"></script>
    <script>const s = '<a href="/not/checked">';</script><a href="mailto:x@y.cn">mail</a>`);
  put('schools/index.html', `<a href="../">up</a><a href="./实验/">raw unicode</a><a href="../index.html#main">anchor on page</a>`);
  put('schools/实验/index.html', `<h2 id="zone">划片</h2>`);
  put('a.png', 'x');
  put('app.js', '');
  put('style.css', `body{background:url("/jiaoyu/a.png")} .x{background:url(/jiaoyu/none.png)}`);

  it('finds exactly the broken links, anchors and CSS urls, under the base path', () => {
    const { broken } = checkLinks(dir, { base: '/jiaoyu/' });
    const got = broken.map((b) => `${b.page} ${b.link}`).sort();
    expect(got).toEqual(
      [
        'index.html /jiaoyu/schools/missing/',
        'index.html /schools/',
        'index.html #nowhere',
        'index.html /jiaoyu/b.png',
        'style.css /jiaoyu/none.png',
      ].sort(),
    );
  });
});


describe('links in the built site', () => {

  it('every internal link, asset and #anchor resolves (site at /)', async () => {
    const dist = await buildSiteOnce();
    const { checked, pages, broken } = checkLinks(dist, { base: '/' });
    expect(pages).toBeGreaterThan(20);
    expect(checked).toBeGreaterThan(pages);
    expect(broken, `${broken.length} broken links:\n${describeBroken(broken)}`).toEqual([]);
  });

  it('every internal link stays under the base path when the site lives at /jiaoyu/ (portal.yml base_path)', async () => {
    // The same data with base_path: /jiaoyu/ — how a bureau hosts the portal under its own site.
    // (One build per test run, shared with publishing-base-path and browser/base-path.)
    const dist = await buildSiteOnce(await sampleDataWithBase('/jiaoyu/'));
    const { pages, broken } = checkLinks(dist, { base: '/jiaoyu/' });
    expect(pages).toBeGreaterThan(20);
    expect(broken, `${broken.length} broken links:\n${describeBroken(broken)}`).toEqual([]);
  });
});
