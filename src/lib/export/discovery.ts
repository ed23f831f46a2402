/**
 * What makes a dataset findable and correctable: schema.org Dataset JSON-LD (for search
 * engines) and the “报告数据错误” link prefilled with the page and row.
 */
export interface JsonLdDataset {
  readonly name: string;
  readonly description: string;
  readonly url: string;
  readonly version: string;
  readonly date: string;
  readonly licence: { readonly name: string; readonly url: string | null };
  readonly publisher: string;
  readonly keywords?: readonly string[];
  /** ISO 8601 interval the data covers, e.g. from `temporalCoverage()`. */
  readonly temporal?: string | null;
  readonly spatial?: string | null;
  /**
   * How to cite this dataset itself (schema.org `creditText`). Not `citation`: on a Dataset that
   * property lists works the data provider recommends citing in addition to the dataset.
   */
  readonly creditText?: string;
  readonly isAccessibleForFree?: boolean;
  readonly downloads: readonly { readonly url: string; readonly format: string; readonly name?: string; readonly bytes?: number }[];
}

/** An absolute http(s) URL, or null (JSON-LD consumers such as search engines need absolute URLs). */
export function absoluteUrl(u: string | null | undefined): string | null {
  if (!u) return null;
  try {
    const url = new URL(u);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
  } catch {
    return null;
  }
}

/**
 * The time a set of school years covers, as an ISO 8601 interval of months: school year 2024
 * runs from September 2024 to August 2025, so years 2021…2025 give `2021-09/2026-08`. Null when
 * no file is per year.
 */
export function temporalCoverage(years: readonly (number | null)[]): string | null {
  const ys = years.filter((y): y is number => typeof y === 'number' && Number.isInteger(y));
  if (!ys.length) return null;
  return `${Math.min(...ys)}-09/${Math.max(...ys) + 1}-08`;
}

/**
 * schema.org Dataset. Every URL in it is absolute: a site path (no site_url set) is left out
 * rather than published relative — the build warns that site_url is missing.
 */
export function datasetJsonLd(d: JsonLdDataset): Record<string, unknown> {
  const url = absoluteUrl(d.url);
  const licence = absoluteUrl(d.licence.url);
  const out: Record<string, unknown> = {
    '@context': 'https://schema.org',
    '@type': 'Dataset',
    name: d.name,
    description: d.description.length >= 50 ? d.description : `${d.description}（义务教育均衡发展开放数据，含数据字典、校验和与引用方式。）`,
    ...(url ? { url } : {}),
    version: d.version,
    dateModified: d.date,
    inLanguage: 'zh-CN',
    isAccessibleForFree: d.isAccessibleForFree ?? true,
    license: licence ?? d.licence.name,
    creator: { '@type': 'Organization', name: d.publisher },
    publisher: { '@type': 'Organization', name: d.publisher },
    keywords: [...(d.keywords ?? ['义务教育', '均衡发展', '开放数据'])],
  };
  const downloads = d.downloads.flatMap((x) => {
    const contentUrl = absoluteUrl(x.url);
    if (!contentUrl) return [];
    return [{
      '@type': 'DataDownload',
      encodingFormat: x.format,
      contentUrl,
      ...(x.name ? { name: x.name } : {}),
      ...(x.bytes !== undefined ? { contentSize: `${x.bytes} B` } : {}),
    }];
  });
  if (downloads.length) out.distribution = downloads;
  if (d.temporal) out.temporalCoverage = d.temporal;
  if (d.spatial) out.spatialCoverage = { '@type': 'Place', name: d.spatial };
  if (d.creditText) out.creditText = d.creditText;
  return out;
}

/**
 * JSON for inside <script type="application/ld+json">: “<” is escaped so a value containing
 * `</script>` or `<!--` cannot end the element early; U+2028/2029 too, for old parsers.
 */
export function jsonLdText(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

export interface ReportContext {
  /** Absolute or site-relative URL of the page the reader is on. */
  readonly page: string;
  readonly title: string;
  readonly dataset?: string;
  readonly file?: string;
  /** Spreadsheet row (header = 1), when the report is about one row. */
  readonly row?: number | null;
}

/**
 * The configured report address (mailto: or https:) prefilled with page, file and row.
 * mailto: gets subject and body; a web form gets page/dataset/file/row query parameters.
 */
export function reportErrorHref(reportUrl: string | null, c: ReportContext): string | null {
  if (!reportUrl) return null;
  const subject = `报告数据错误：${c.title}`;
  const lines = [`页面：${c.page}`, c.file ? `文件：${c.file}` : '', c.row ? `行号：${c.row}` : '行号（表格中的行号，表头为第1行）：', '错误内容：', '正确的值及依据：'].filter(Boolean);
  if (reportUrl.startsWith('mailto:')) {
    const sep = reportUrl.includes('?') ? '&' : '?';
    return `${reportUrl}${sep}subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(lines.join('\n'))}`;
  }
  try {
    const u = new URL(reportUrl);
    u.searchParams.set('page', c.page);
    u.searchParams.set('title', subject);
    if (c.dataset) u.searchParams.set('dataset', c.dataset);
    if (c.file) u.searchParams.set('file', c.file);
    if (c.row) u.searchParams.set('row', String(c.row));
    return u.toString();
  } catch {
    return reportUrl;
  }
}
