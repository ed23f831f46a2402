/**
 * A bureau that serves the portal under a sub-path (https://www.example.gov.cn/jiaoyu/, or a
 * GitHub/GitLab project page) sets `base_path: "/jiaoyu/"` in portal.yml and nothing else.
 * Builds the sample region once that way and checks every internal link and asset.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BUILD_SCRIPT_EXISTS, buildSite, ROOT, type BuildResult } from './helpers/site';
import { checkLinks, describeBroken, linksOf, listFiles } from './helpers/links';

describe.skipIf(!BUILD_SCRIPT_EXISTS)('a site built with base_path /jiaoyu/ (needs scripts/build.ts)', () => {
  let work: string;
  let build: BuildResult;
  let dist: string;
  let pages: string[];

  beforeAll(async () => {
    // Vite puts BASE_URL=/ into the test worker's environment; a child build would inherit it and
    // Astro would take it over the base path (reported to the site helper). A bureau's shell has no such variable.
    delete process.env.BASE_URL;
    work = mkdtempSync(join(tmpdir(), 'portal-base-'));
    cpSync(join(ROOT, 'data'), join(work, 'data'), { recursive: true });
    const yml = readFileSync(join(work, 'data/portal.yml'), 'utf8');
    writeFileSync(join(work, 'data/portal.yml'), yml.replace(/^base_path:.*$/m, 'base_path: "/jiaoyu/"'));
    dist = join(work, 'dist');
    build = await buildSite(join(work, 'data'), dist);
    pages = build.ok ? listFiles(dist).filter((f) => f.endsWith('.html')) : [];
  }, 600_000);
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('builds', () => {
    expect(build.ok, build.log).toBe(true);
    expect(pages.length).toBeGreaterThan(10);
  });

  it('every root-relative href and src starts with /jiaoyu/', () => {
    const outside: string[] = [];
    for (const p of pages) {
      for (const l of linksOf(readFileSync(join(dist, p), 'utf8'))) {
        for (const u of l.split(',').map((s) => s.trim().split(/\s+/)[0])) {
          if (u.startsWith('/') && !u.startsWith('//') && !u.startsWith('/jiaoyu/')) outside.push(`${p}: ${u}`);
        }
      }
    }
    expect(outside.slice(0, 40)).toEqual([]);
  });

  it('every internal link and asset resolves to a file in dist/', () => {
    const { broken, checked } = checkLinks(dist, { base: '/jiaoyu/' });
    expect(checked).toBeGreaterThan(pages.length);
    expect(broken, describeBroken(broken)).toEqual([]);
  });

  it('stylesheets and scripts are loaded from under /jiaoyu/', () => {
    const home = readFileSync(join(dist, 'index.html'), 'utf8');
    const assets = [...home.matchAll(/<(?:link|script)\b[^>]*(?:href|src)="([^"]+)"/g)].map((m) => m[1]).filter((u) => !/^(https?:|data:)/.test(u));
    for (const a of assets) expect(a.startsWith('/jiaoyu/') || !a.startsWith('/'), a).toBe(true);
  });
});
