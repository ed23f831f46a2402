/**
 * Atom feed (RFC 4287) of releases and corrections. Entry ids are tag: URIs derived from the
 * version, so they never change; `updated` is the release date, never the build time.
 */
export interface FeedEntry {
  readonly id: string;
  readonly title: string;
  /** ISO date yyyy-mm-dd. */
  readonly date: string;
  readonly url: string;
  readonly summary: string;
  readonly category: 'release' | 'correction';
}

export interface FeedInput {
  readonly title: string;
  /** The feed's own URL and the changelog page (absolute when site_url is set). */
  readonly selfUrl: string;
  readonly pageUrl: string;
  readonly author: string;
  /** Authority for tag: URIs, e.g. the site's host name. */
  readonly authority: string;
  readonly entries: readonly FeedEntry[];
}

export function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

export function tagUri(authority: string, date: string, specific: string): string {
  const a = authority.toLowerCase().replace(/[^a-z0-9.-]+/g, '-') || 'edu-portal';
  return `tag:${a},${date}:${specific.replace(/[^A-Za-z0-9._/-]+/g, '-')}`;
}

export function atomFeed(f: FeedInput): string {
  const entries = [...f.entries].sort((a, b) => (a.date === b.date ? (a.id < b.id ? 1 : -1) : a.date < b.date ? 1 : -1));
  const updated = entries.length ? entries[0].date : '1970-01-01';
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN">',
    `  <title>${escapeXml(f.title)}</title>`,
    `  <id>${escapeXml(tagUri(f.authority, '2000-01-01', 'feed'))}</id>`,
    `  <link rel="self" type="application/atom+xml" href="${escapeXml(f.selfUrl)}"/>`,
    `  <link rel="alternate" type="text/html" href="${escapeXml(f.pageUrl)}"/>`,
    `  <updated>${updated}T00:00:00Z</updated>`,
    `  <author><name>${escapeXml(f.author)}</name></author>`,
  ];
  for (const e of entries) {
    lines.push(
      '  <entry>',
      `    <id>${escapeXml(e.id)}</id>`,
      `    <title>${escapeXml(e.title)}</title>`,
      `    <link rel="alternate" type="text/html" href="${escapeXml(e.url)}"/>`,
      `    <updated>${e.date}T00:00:00Z</updated>`,
      `    <category term="${e.category}" label="${e.category === 'release' ? '数据发布' : '数据更正'}"/>`,
      `    <summary type="text">${escapeXml(e.summary)}</summary>`,
      '  </entry>',
    );
  }
  lines.push('</feed>', '');
  return lines.join('\n');
}
