/** Portal settings a bureau edits in data/portal.yml (or .json / .toml). */
export interface PortalSettings {
  /** Site title, e.g. “示例市义务教育均衡发展数据” */
  readonly title: string;
  /** Region the portal covers, e.g. “示例市” */
  readonly region_name: string;
  readonly region_level: 'province' | 'city' | 'county';
  /** Root region code of the portal (optional; defaults to the top of regions.csv). */
  readonly region_code: string | null;
  /** true while data/ holds the fictional sample: every page shows the 示例数据 banner. */
  readonly sample: boolean;
  readonly publisher: string;
  readonly contact: string | null;
  /** mailto: or https: address; pages link to it prefilled with page and row. */
  readonly report_error_url: string | null;
  readonly license: { readonly name: string; readonly url: string | null };
  /** Sub-path the site is served under, always starting and ending with “/”, e.g. “/jiaoyu/”. */
  readonly base_path: string;
  /** Absolute site URL (for sitemap, Open Graph, citations); null when unknown. */
  readonly site_url: string | null;
  readonly english: boolean;
  /** Path of a logo file in public/ (optional). */
  readonly logo: string | null;
  /** Counts of sensitive categories below this are shown as “<N”. Default 5. */
  readonly suppression_threshold: number;
}
