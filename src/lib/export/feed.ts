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

/** A tag: URI (RFC 4151); the authority is a DNS name or an e-mail address. */
export function tagUri(authority: string, date: string, specific: string): string {
  const a = authority.toLowerCase().replace(/[^a-z0-9.@-]+/g, '-') || 'edu-portal';
  return `tag:${a},${date}:${specific.replace(/[^A-Za-z0-9._/-]+/g, '-')}`;
}

/** FNV-1a, 32 bits, as 8 hex digits: a short stable fingerprint (not a security hash). */
function fnv1a(text: string): string {
  let h = 0x811c9dc5;
  for (const b of new TextEncoder().encode(text)) {
    h ^= b;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

/**
 * The tag: authority of a portal's feed ids, unique per portal: the site's host name; without
 * site_url, the e-mail address of report_error_url (mailto:), which the bureau owns; else a name
 * made from the region code and a fingerprint of publisher, title and region (two bureaus never
 * share it, and it stays the same from build to build). The last two ids change once when
 * site_url is set later — the build warns while it is unset.
 */
export function feedAuthority(s: { readonly site_url: string | null; readonly report_error_url: string | null; readonly region_code: string | null; readonly region_name: string; readonly publisher: string; readonly title: string }): string {
  if (s.site_url) {
    try {
      return new URL(s.site_url).hostname;
    } catch {
      /* validated by the settings loader; fall through */
    }
  }
  const mail = s.report_error_url?.match(/^mailto:([^?]+@[^?]+)/i)?.[1];
  if (mail) return decodeURIComponent(mail).trim().toLowerCase();
  const code = (s.region_code ?? '').replace(/[^0-9A-Za-z]+/g, '');
  return `${code ? `r${code}-` : ''}${fnv1a(`${s.publisher}|${s.title}|${s.region_name}|${s.region_code ?? ''}`)}.edu-portal.invalid`;
}

export function atomFeed(f: FeedInput): string {
  const entries = [...f.entries].sort((a, b) => (a.date === b.date ? (a.id < b.id ? 1 : -1) : a.date < b.date ? 1 : -1));
  const updated = entries.length ? entries[0].date : '2000-01-01';
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
