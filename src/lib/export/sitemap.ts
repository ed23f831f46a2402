/** sitemap.xml (sitemaps.org 0.9) from the list of built pages. URLs must be absolute. */
import { escapeXml } from './feed';

export function sitemapXml(siteUrl: string, paths: readonly string[]): string {
  const origin = siteUrl.replace(/\/+$/, '');
  const urls = [...new Set(paths)].sort().map((p) => `  <url><loc>${escapeXml(origin + (p.startsWith('/') ? p : '/' + p))}</loc></url>`);
  return ['<?xml version="1.0" encoding="UTF-8"?>', '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">', ...urls, '</urlset>', ''].join('\n');
}

/** Page paths from built HTML files: `data/index.html` → `/data/`; 404 pages are left out. */
export function pagePathsFromFiles(files: readonly string[], basePath: string): string[] {
  const base = basePath.endsWith('/') ? basePath : basePath + '/';
  return files
    .map((f) => f.split('\\').join('/'))
    .filter((f) => f.endsWith('.html') && !/(^|\/)404(\/index)?\.html$/.test(f))
    .map((f) => base + f.replace(/(^|\/)index\.html$/, '$1').replace(/\.html$/, ''));
}
