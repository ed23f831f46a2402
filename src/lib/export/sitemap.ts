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

/**
 * For the build script, after `astro build`: write dist/sitemap.xml listing every built page.
 * Returns a plain-Chinese note instead of writing when site_url is not set (sitemaps need
 * absolute URLs).
 */
export async function writeSitemap(distDir: string, basePath: string, siteUrl: string | null): Promise<string> {
  const { readdirSync, statSync, writeFileSync } = await import('node:fs');
  const { join, relative } = await import('node:path');
  if (!siteUrl) return '未设置 site_url（data/portal.yml），未生成 sitemap.xml。';
  const files: string[] = [];
  const walk = (d: string) => {
    for (const n of readdirSync(d)) {
      const p = join(d, n);
      if (statSync(p).isDirectory()) walk(p);
      else if (n.endsWith('.html')) files.push(relative(distDir, p));
    }
  };
  walk(distDir);
  const paths = pagePathsFromFiles(files, basePath);
  writeFileSync(join(distDir, 'sitemap.xml'), sitemapXml(siteUrl, paths));
  return `sitemap.xml：${paths.length} 个页面。`;
}
