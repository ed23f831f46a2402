/**
 * The two languages of the site. Chinese is the site; English is an optional second version
 * under /en/ (portal.yml `english: true`) that renders the same view models' numbers and verdicts
 * with English words. School, county and community names are data and stay in Chinese.
 */
import type { PortalSettings } from '../settings/types';

export type Locale = 'zh' | 'en';

/** The value of <html lang> and of hreflang for a locale. */
export const LANG: Record<Locale, string> = { zh: 'zh-CN', en: 'en' };
export const OG_LOCALE: Record<Locale, string> = { zh: 'zh_CN', en: 'en_US' };

/** Folder of the English pages (site path, without base). */
export const EN_PREFIX = 'en/';

/**
 * getStaticPaths of every English page lives under src/pages/[lang]/: it yields `lang: 'en'`
 * only when the bureau switched English on, so with `english: false` no /en/ page is built.
 */
export function englishLangPaths(settings: Pick<PortalSettings, 'english'>): { params: { lang: 'en' } }[] {
  return settings.english ? [{ params: { lang: 'en' } }] : [];
}

/** Site path (without base) of a page in a locale: “counties/” → “en/counties/”. */
export function localePath(locale: Locale, path: string): string {
  const p = path.replace(/^\/+/, '');
  return locale === 'en' ? EN_PREFIX + p : p;
}

/** The topic pages with an English version (src/pages/[lang]/topics/); the others link to the Chinese page. */
export const EN_TOPICS = ['admissions', 'class-size', 'funding', 'teachers'] as const;
