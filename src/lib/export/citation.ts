/**
 * Suggested citations: GB/T 7714—2015 style in Chinese (dataset type [DS/OL]) and an
 * APA-like English one, for a whole release or one dataset file of it.
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
  /** For one dataset: its Chinese and English names and year. */
  readonly dataset?: { readonly zh: string; readonly en: string; readonly year: number | null };
}

export interface Citation {
  readonly zh: string;
  readonly en: string;
}

export function citation(c: CitationInput): Citation {
  const year = c.date.slice(0, 4);
  const dsZh = c.dataset ? `：${c.dataset.zh}${c.dataset.year !== null ? `（${c.dataset.year}学年）` : ''}` : '';
  const dsEn = c.dataset ? `: ${c.dataset.en}${c.dataset.year !== null ? `, school year ${c.dataset.year}` : ''}` : '';
  return {
    // 主要责任者. 题名[DS/OL]. 版本. 出版者, 出版年(更新日期)[引用日期]. 获取和访问路径.
    zh: `${c.publisher}. ${c.title}${dsZh}[DS/OL]. 版本 ${c.version}. ${c.publisher}, ${year}(${c.date})[引用日期]. ${c.url}.`,
    en: `${c.publisher}. (${year}). ${c.title}${dsEn} (Version ${c.version}) [Data set]. ${c.url}`,
  };
}
