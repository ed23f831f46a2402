/**
 * What the build says about the published metadata before it writes anything: the release the
 * downloads will carry when there is no releases.yml (or only the sample's), a broken
 * releases.yml, and a missing site_url (which citations, og:image, feed ids and the sitemap need).
 * Plain Chinese, one line each; never an error (the site still builds).
 */
import type { PortalSettings } from '../settings/types';
import { readReleases, ReleaseConfigError } from './releases';

export const SITE_URL_WARNING =
  '提醒：data/portal.yml 没有设置 site_url（网站的完整地址，如 https://edu.example.gov.cn）。' +
  '引用（CITATION、BibTeX、RIS 中的网址）、分享图片 og:image、订阅源 feed.xml 的地址和 sitemap.xml 都需要完整网址：' +
  '现在引用和订阅源中只有站内路径，不生成 sitemap.xml。';

export function publicationWarnings(dataDir: string, settings: PortalSettings, releasesFile?: string): string[] {
  const out: string[] = [];
  try {
    out.push(...(readReleases(dataDir, { sample: settings.sample, regionCode: settings.region_code, file: releasesFile }).warnings ?? []));
  } catch (e) {
    if (e instanceof ReleaseConfigError) out.push(`版本记录有误（下载文件将无法生成）：${e.message}`);
    else throw e;
  }
  if (!settings.site_url) out.push(SITE_URL_WARNING);
  return out;
}
