/**
 * The built sample site, served locally, and one page of each type found in it. Page types a
 * reader relies on must exist in the build; a missing one fails the test that needs it (it is
 * never quietly left out).
 */
import { existsSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { loadSettings } from '../../src/lib/settings/load';
import { SAMPLE_DATA } from '../helpers/site';

export type PageType = 'home' | 'schools' | 'school' | 'county' | 'topic' | 'methodology' | 'data' | 'dataset' | 'search';
export const PAGE_TYPES: readonly PageType[] = ['home', 'county', 'school', 'schools', 'topic', 'methodology', 'data', 'dataset', 'search'];

export const SAMPLE_BASE = loadSettings(SAMPLE_DATA).settings.base_path || '/';

function firstSubdirWithIndex(out: string, dir: string, prefer?: string): string | null {
  const abs = join(out, dir);
  if (!existsSync(abs)) return null;
  const subs = readdirSync(abs, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(abs, d.name, 'index.html')))
    .map((d) => d.name)
    .sort();
  if (prefer && subs.includes(prefer)) return `${dir}/${prefer}/`;
  return subs.length ? `${dir}/${subs[0]}/` : null;
}

/** Path (relative to the base) of one page of the type, or null when the build has none. */
export function pagePath(out: string, type: PageType, opts: { school?: string; county?: string } = {}): string | null {
  const has = (p: string) => existsSync(join(out, p, 'index.html'));
  switch (type) {
    case 'home':
      return has('') ? '' : null;
    case 'schools':
      return has('schools') ? 'schools/' : null;
    case 'school':
      return firstSubdirWithIndex(out, 'schools', opts.school);
    case 'county':
      return firstSubdirWithIndex(out, 'counties', opts.county);
    case 'topic':
      return firstSubdirWithIndex(out, 'topics');
    case 'methodology':
      return has('methodology') ? 'methodology/' : null;
    case 'data':
      return has('data') ? 'data/' : null;
    case 'dataset':
      // One dataset's page under /data/ (schools.csv: the one every region has).
      return has('data/schools') ? 'data/schools/' : firstSubdirWithIndex(out, 'data');
    case 'search':
      return has('search') ? 'search/' : null;
  }
}

/** Site paths (relative to the base) of every HTML page in a build ('' for the home page). */
export function everyPage(out: string): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      if (e.isDirectory()) {
        if (e.name !== 'pagefind' && e.name !== '_astro') walk(join(dir, e.name));
      } else if (e.name === 'index.html') {
        const rel = relative(out, dir).split('\\').join('/');
        found.push(rel ? rel + '/' : '');
      }
    }
  };
  walk(out);
  return found.sort();
}
