/**
 * Which pages have a counterpart in the other language, so the page shell can write
 * <link rel="alternate" hreflang> both ways and a language switch. The list mirrors
 * src/pages/[lang]/ (tests/i18n-views.test.ts and the English browser test check that every
 * link points at a page that exists).
 */
import { ALL_DATASETS } from '../schema';
import { INDICATOR_TABLES } from '../export/indicator-tables';
import type { Portal } from '../site/portal';
import { EN_PREFIX, EN_TOPICS, LANG, type Locale } from './locale';

const DATASET_IDS = new Set<string>([...ALL_DATASETS.map((d) => d.id), ...INDICATOR_TABLES.map((d) => d.id)]);

/** Chinese site paths (without base) that have an English page, given the portal's data. */
export function hasEnglish(p: Portal, zhPath: string): boolean {
  if (!p.settings.english) return false;
  const path = zhPath.replace(/^\/+/, '');
  if (['', 'schools/', 'counties/', 'methodology/', 'data/', 'topics/'].includes(path)) return true;
  if (EN_TOPICS.some((t) => path === `topics/${t}/`)) return true;
  let m = /^schools\/([^/]+)\/$/.exec(path);
  if (m) return p.schoolsById.has(m[1]);
  m = /^counties\/([^/]+)\/$/.exec(path);
  if (m) return p.counties.some((c) => c.region_code === m![1]);
  m = /^data\/([^/]+)\/$/.exec(path);
  if (m) return DATASET_IDS.has(m[1]);
  return false;
}

export interface Alternates {
  readonly locale: Locale;
  /** Site path (with base) of the page in each language; null when there is none. */
  readonly zh: string | null;
  readonly en: string | null;
  /** The other language's page, for the visible switch (null: no counterpart). */
  readonly other: { readonly locale: Locale; readonly href: string; readonly lang: string } | null;
}

/**
 * The language of a page from its site path, and its counterparts.
 * `pathname` is the page's URL path including the base (Astro.url.pathname).
 */
export function alternatesOf(p: Portal, pathname: string): Alternates {
  const base = p.settings.base_path;
  let rel = pathname.startsWith(base) ? pathname.slice(base.length) : pathname.replace(/^\/+/, '');
  if (rel && !rel.endsWith('/') && !/\.[a-z0-9]+$/i.test(rel)) rel += '/';
  const isEn = p.settings.english && (rel === EN_PREFIX || rel.startsWith(EN_PREFIX));
  const zhRel = isEn ? rel.slice(EN_PREFIX.length) : rel;
  const en = hasEnglish(p, zhRel) ? p.href(EN_PREFIX + zhRel) : null;
  const zh = p.href(zhRel);
  const locale: Locale = isEn ? 'en' : 'zh';
  const other = isEn ? { locale: 'zh' as const, href: zh, lang: LANG.zh } : en ? { locale: 'en' as const, href: en, lang: LANG.en } : null;
  return { locale, zh, en, other };
}
