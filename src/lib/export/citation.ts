/**
 * Suggested citations of a whole release or one dataset file of it:
 *  - GB/T 7714—2015 in Chinese (dataset type [DS/OL]). The standard asks for the date the reader
 *    accessed the data (引用日期) in square brackets; a file built once cannot know it, so the
 *    citation carries the placeholder `[YYYY-MM-DD]` and `ACCESS_DATE_NOTE` tells the reader what
 *    to write there (`fillAccessDate()` fills it, e.g. in a page script).
 *  - An APA-like English one.
 *  - Machine-readable: CITATION.cff (Citation File Format 1.2.0), BibTeX and RIS, for reference
 *    managers (Zotero, EndNote, NoteExpress).
 * Deterministic: only the release's own date, never the build time.
 */
export interface CitationInput {
  readonly publisher: string;
  /** Portal title, e.g. “示例市义务教育均衡发展数据”. */
  readonly title: string;
  readonly version: string;
  /** ISO date of the release. */
  readonly date: string;
  /** Absolute URL when site_url is set, else the site path. */
  readonly url: string;
  /** Place of publication (the region), for GB/T 7714’s “出版地: 出版者”. */
  readonly place?: string;
  /** For one dataset: its Chinese and English names and year. */
  readonly dataset?: { readonly zh: string; readonly en: string; readonly year: number | null };
}

export interface Citation {
  /** GB/T 7714—2015, with `[YYYY-MM-DD]` where the reader writes the access date. */
  readonly zh: string;
  readonly en: string;
}

/** Where the reader's access date goes in a GB/T 7714 citation. */
export const ACCESS_DATE_PLACEHOLDER = '[YYYY-MM-DD]';

export const ACCESS_DATE_NOTE =
  '按 GB/T 7714—2015，网络数据须注明引用日期：请把方括号中的 YYYY-MM-DD 换成您访问或下载本数据的日期，例如 [2026-03-01]。圆括号中是本版本的发布日期。';

/** The GB/T 7714 citation with the reader's access date (ISO yyyy-mm-dd) written in. */
export function fillAccessDate(zh: string, accessed: string): string {
  return zh.split(ACCESS_DATE_PLACEHOLDER).join(`[${accessed}]`);
}

function isAbsolute(url: string): boolean {
  return /^https?:\/\//i.test(url);
}

export function citation(c: CitationInput): Citation {
  const year = c.date.slice(0, 4);
  const dsZh = c.dataset ? `：${c.dataset.zh}${c.dataset.year !== null ? `（${c.dataset.year}学年）` : ''}` : '';
  const dsEn = c.dataset ? `: ${c.dataset.en}${c.dataset.year !== null ? `, school year ${c.dataset.year}` : ''}` : '';
  return {
    // 主要责任者. 题名[DS/OL]. 版本项. 出版地: 出版者, 出版年(更新或修改日期)[引用日期]. 获取和访问路径.
    zh: `${c.publisher}. ${c.title}${dsZh}[DS/OL]. 版本 ${c.version}. ${c.place ? `${c.place}: ` : ''}${c.publisher}, ${year}(${c.date})${ACCESS_DATE_PLACEHOLDER}. ${c.url}.`,
    en: `${c.publisher}. (${year}). ${c.title}${dsEn} (Version ${c.version}) [Data set]. ${c.url}`,
  };
}

// ───────────────────────────── CITATION.cff ─────────────────────────────

/** SPDX ids CFF accepts for the licences a data portal uses; others go to `license-url` only. */
const SPDX: Record<string, string> = {
  'cc-by-4.0': 'CC-BY-4.0',
  'cc-by-sa-4.0': 'CC-BY-SA-4.0',
  'cc-by-nc-4.0': 'CC-BY-NC-4.0',
  'cc-by-nd-4.0': 'CC-BY-ND-4.0',
  'cc0-1.0': 'CC0-1.0',
  'cc0': 'CC0-1.0',
  'odbl-1.0': 'ODbL-1.0',
  'odc-by-1.0': 'ODC-By-1.0',
  'pddl-1.0': 'PDDL-1.0',
};

export function spdxLicence(name: string): string | null {
  const k = name.trim().toLowerCase().replace(/[\s_]+/g, '-');
  return SPDX[k] ?? null;
}

/** A YAML double-quoted scalar (JSON strings are valid YAML). */
const yq = (s: string) => JSON.stringify(s);

export interface CffInput extends CitationInput {
  readonly abstract?: string;
  readonly licence: { readonly name: string; readonly url: string | null };
  readonly keywords?: readonly string[];
}

export function citationCff(c: CffInput): string {
  const spdx = spdxLicence(c.licence.name);
  const lines = [
    'cff-version: 1.2.0',
    `message: ${yq('使用本数据请按以下信息引用。 / If you use this data, please cite it as below.')}`,
    'type: dataset',
    `title: ${yq(c.title)}`,
    `version: ${yq(c.version)}`,
    `date-released: ${yq(c.date)}`,
    'authors:',
    `  - name: ${yq(c.publisher)}`,
    ...(c.abstract ? [`abstract: ${yq(c.abstract)}`] : []),
    ...(isAbsolute(c.url) ? [`url: ${yq(c.url)}`] : []),
    ...(spdx ? [`license: ${yq(spdx)}`] : []),
    ...(c.licence.url && isAbsolute(c.licence.url) ? [`license-url: ${yq(c.licence.url)}`] : []),
    ...(c.keywords?.length ? ['keywords:', ...c.keywords.map((k) => `  - ${yq(k)}`)] : []),
  ];
  return lines.join('\n') + '\n';
}

// ───────────────────────────── BibTeX ─────────────────────────────

/** Text safe inside a BibTeX field (special characters escaped; Chinese passes through). */
export function bibEscape(s: string): string {
  return s.replace(/[\\{}$&%#_^~]/g, (ch) =>
    ch === '\\' ? '\\textbackslash{}' : ch === '^' ? '\\textasciicircum{}' : ch === '~' ? '\\textasciitilde{}' : `\\${ch}`,
  );
}

export function bibKey(parts: readonly string[]): string {
  return parts.join('_').replace(/[^A-Za-z0-9_.-]+/g, '_').replace(/_+/g, '_').replace(/^_|_$/g, '') || 'dataset';
}

export function citationBibtex(c: CitationInput, key: string): string {
  const title = `${c.title}${c.dataset ? `：${c.dataset.zh}${c.dataset.year !== null ? `（${c.dataset.year}学年）` : ''}` : ''}`;
  const fields: [string, string][] = [
    // Double braces: a corporate author, never split into given and family names.
    ['author', `{${bibEscape(c.publisher)}}`],
    ['title', `{${bibEscape(title)}}`],
    ['year', c.date.slice(0, 4)],
    ['month', String(Number(c.date.slice(5, 7)) || 1)],
    ['date', c.date],
    ['version', bibEscape(c.version)],
    ['publisher', `${bibEscape(c.publisher)}`],
    ...(c.place ? ([['address', bibEscape(c.place)]] as [string, string][]) : []),
    ...(isAbsolute(c.url) ? ([['url', c.url], ['howpublished', `\\url{${c.url}}`]] as [string, string][]) : ([['howpublished', bibEscape(c.url)]] as [string, string][])),
    ['note', `数据集 [DS/OL], 版本 ${bibEscape(c.version)}, 发布于 ${c.date}`],
    ['langid', 'chinese'],
  ];
  return `@misc{${key},\n${fields.map(([k, v]) => `  ${k} = {${v}}`).join(',\n')}\n}\n`;
}

// ───────────────────────────── RIS ─────────────────────────────

/** One RIS record (TY DATA): CRLF line ends, `TAG  - value`, as EndNote and NoteExpress expect. */
export function citationRis(c: CitationInput): string {
  const title = `${c.title}${c.dataset ? `：${c.dataset.zh}${c.dataset.year !== null ? `（${c.dataset.year}学年）` : ''}` : ''}`;
  const one = (s: string) => s.replace(/[\r\n]+/g, ' ');
  const rows: [string, string][] = [
    ['TY', 'DATA'],
    ['AU', one(c.publisher)],
    ['TI', one(title)],
    ['PY', c.date.slice(0, 4)],
    ['DA', c.date.replace(/-/g, '/')],
    ['ET', one(c.version)],
    ['PB', one(c.publisher)],
    ...(c.place ? ([['CY', one(c.place)]] as [string, string][]) : []),
    ...(isAbsolute(c.url) ? ([['UR', c.url]] as [string, string][]) : []),
    ['LA', 'zh-CN'],
    ['N1', one(`版本 ${c.version}，发布日期 ${c.date}。${isAbsolute(c.url) ? '' : `站内路径：${c.url}`}`)],
    ['ER', ''],
  ];
  return rows.map(([k, v]) => `${k}  - ${v}`).join('\r\n') + '\r\n';
}
