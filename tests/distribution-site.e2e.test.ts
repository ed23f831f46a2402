/**
 * On the built site (dist/, or DIST_DIR): every download link a page shows with a SHA-256 points
 * to a file whose real SHA-256 and size are the ones printed; every release folder passes
 * `sha256sum -c SHA256SUMS`; JSON-LD parses and cannot be closed early by a `</script>`.
 * Uses DIST_DIR when set, else the sample site built once per test run (tests/helpers/site.ts).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { buildSiteOnce } from './helpers/site';

let dist = '';
let pages: string[] = [];
// The base path the site was built with: /data/ pages live at <base>data/.
let base = '/';
beforeAll(async () => {
  dist = process.env.DIST_DIR ? resolve(process.env.DIST_DIR) : await buildSiteOnce();
  pages = walk(dist).filter((f) => f.endsWith('.html') && /\/(data|changelog)\//.test(f));
  base = readFileSync(join(dist, 'data', 'index.html'), 'utf8').match(/href="([^"]*)data\/dictionary\/"/)?.[1] ?? '/';
}, 600_000);

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

const decode = (s: string) => s.replace(/&amp;/g, '&').replace(/&#x2F;/g, '/');

describe('built downloads', () => {

  it('every checksum on a page equals the SHA-256 and size of the file it links to', () => {
    let checked = 0;
    for (const page of pages) {
      const html = readFileSync(page, 'utf8');
      for (const m of html.matchAll(/<a\b[^>]*>/g)) {
        const tag = m[0];
        const sha = tag.match(/data-sha256="([0-9a-f]{64})"/)?.[1];
        if (!sha) continue;
        const href = decode(tag.match(/href="([^"]+)"/)![1]);
        expect(href.startsWith(base), `${href} on ${relative(dist, page)}`).toBe(true);
        const file = join(dist, decodeURIComponent(href.slice(base.length)));
        expect(existsSync(file), `${href} on ${relative(dist, page)}`).toBe(true);
        const bytes = readFileSync(file);
        expect(createHash('sha256').update(bytes).digest('hex'), href).toBe(sha);
        const size = tag.match(/data-bytes="(\d+)"/)?.[1];
        if (size) expect(bytes.length, href).toBe(Number(size));
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(10);
  });

  it('every release folder and the latest alias pass sha256sum -c', () => {
    const folders = [join(dist, 'data', 'latest'), ...readdirSync(join(dist, 'data', 'releases')).map((v) => join(dist, 'data', 'releases', v))].filter((f) =>
      existsSync(join(f, 'SHA256SUMS')),
    );
    expect(folders.length).toBeGreaterThan(1);
    for (const f of folders) execFileSync('sha256sum', ['--quiet', '-c', 'SHA256SUMS'], { cwd: f });
  });

  it('JSON-LD blocks parse as schema.org Datasets', () => {
    for (const page of pages) {
      const html = readFileSync(page, 'utf8');
      for (const m of html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)) {
        const ld = JSON.parse(m[1]);
        expect(ld['@type']).toBe('Dataset');
        expect(m[1]).not.toMatch(/<\/script/i);
        // The dataset's own citation is creditText (schema.org citation = works it cites); every URL absolute.
        expect(ld.citation, relative(dist, page)).toBeUndefined();
        expect(ld.creditText, relative(dist, page)).toMatch(/\[DS\/OL\]/);
        JSON.stringify(ld, (k, v) => {
          if (['url', 'contentUrl', 'license', 'sameAs'].includes(k) && typeof v === 'string') expect(v, `${k} on ${relative(dist, page)}`).toMatch(/^https?:\/\//);
          return v;
        });
      }
    }
  });

  it('the Atom feed is served and well-formed enough for readers', () => {
    const feed = readFileSync(join(dist, 'feed.xml'), 'utf8');
    expect(feed).toMatch(/^<\?xml version="1.0" encoding="utf-8"\?>\n<feed xmlns="http:\/\/www.w3.org\/2005\/Atom"/);
    expect(feed.match(/<entry>/g)?.length ?? 0).toBe(feed.match(/<\/entry>/g)?.length ?? -1);
  });
});
