/**
 * A bureau that serves the portal under a sub-path (https://www.example.gov.cn/jiaoyu/, or a
 * GitHub/GitLab project page) sets `base_path: "/jiaoyu/"` in portal.yml and nothing else.
 * Builds the sample region once that way (the build quality-links and browser/base-path share)
 * and checks every internal link and asset.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSiteOnce, sampleDataWithBase } from './helpers/site';
import { checkLinks, describeBroken, linksOf, listFiles } from './helpers/links';

describe('a site built with base_path /jiaoyu/', () => {
  let dist: string;
  let pages: string[];

  beforeAll(async () => {
    // (The build helper gives the build a bureau's shell environment: no BASE_URL from Vite.)
    dist = await buildSiteOnce(await sampleDataWithBase('/jiaoyu/'));
    pages = listFiles(dist).filter((f) => f.endsWith('.html'));
  }, 600_000);

  it('builds', () => {
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
