import { lstatSync, readFileSync } from 'node:fs';
import { checkDataFile, dataRoot } from '../validate/data-file';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { Issue } from '../validate/issue';
import type { PortalSettings } from './types';
import { makeIssue } from '../validate/make-issue';
import { normaliseBase } from '../urls/base-path';
import { parseEmbargo } from './embargo';

export const SETTINGS_FILES = ['portal.yml', 'portal.yaml', 'portal.json', 'portal.toml'] as const;

export const DEFAULT_LICENSE = { name: 'CC BY 4.0', url: 'https://creativecommons.org/licenses/by/4.0/deed.zh-hans' };
export const DEFAULT_SUPPRESSION_THRESHOLD = 5;
export const DEFAULT_REGION_NAME = '本地区';

/**
 * A tiny TOML subset (key = "string" | number | true/false, [table]) — enough for the flat
 * settings file, so bureaus that prefer TOML need no extra dependency.
 */
function parseTomlSubset(text: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  let table: Record<string, unknown> = out;
  for (const [i, rawLine] of text.split(/\r?\n/).entries()) {
    const line = rawLine.replace(/\s+#.*$/, '').trim();
    if (line === '' || line.startsWith('#')) continue;
    const t = /^\[([A-Za-z0-9_]+)\]$/.exec(line);
    if (t) {
      table = {};
      out[t[1]] = table;
      continue;
    }
    const kv = /^([A-Za-z0-9_]+)\s*=\s*(.+)$/.exec(line);
    if (!kv) throw new Error(`第${i + 1}行无法识别：${rawLine}`);
    const v = kv[2].trim();
    if (/^".*"$/.test(v)) table[kv[1]] = JSON.parse(v);
    else if (/^'.*'$/.test(v)) table[kv[1]] = v.slice(1, -1);
    else if (v === 'true' || v === 'false') table[kv[1]] = v === 'true';
    else if (/^-?\d+(\.\d+)?$/.test(v)) table[kv[1]] = Number(v);
    else throw new Error(`第${i + 1}行的值无法识别：${v}（文字请加双引号）`);
  }
  return out;
}

/** Every setting a bureau may write; anything else is most likely a typo (`smaple: true`). */
const KNOWN_KEYS = new Set([
  'title',
  'region_name',
  'region_level',
  'region_code',
  'sample',
  'publisher',
  'contact',
  'report_error_url',
  'license',
  'base_path',
  'site_url',
  'english',
  'logo',
  'suppression_threshold',
  // Read by src/lib/privacy/embargo.ts (files withheld until a date), not by PortalSettings.
  'embargo',
]);

/**
 * Whether a URL may become a link: http(s) with a host, mailto: with an address, or (where a
 * setting allows it) a relative path inside the site. Anything else — javascript:, data:,
 * vbscript:, file:, protocol-relative “//host”, a path with “..”, or a value holding spaces,
 * control or bidi characters (browsers drop tabs and newlines inside “java\tscript:”) — is
 * refused. URL cells of the CSV files follow the same rule (csv/normalise.ts).
 */
export function isSafeUrl(v: string, allow: { mailto?: boolean; relative?: boolean } = {}): boolean {
  if (v === '' || /[\s\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2066-\u2069\ufeff<>"'`\\]/.test(v)) return false;
  if (/^https?:\/\//i.test(v)) {
    try {
      const u = new URL(v);
      return (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname !== '';
    } catch {
      return false;
    }
  }
  if (allow.mailto && /^mailto:[^@\s]+@[^@\s]+$/i.test(v)) return true;
  if (allow.relative) return !/^[a-z][a-z0-9+.-]*:/i.test(v) && !v.startsWith('//') && !v.split(/[/?#]/).includes('..');
  return false;
}

/** A short excerpt of a value for a message (never a whole pasted file). */
function excerpt(v: string): string {
  const t = v.replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, '�');
  return t.length > 40 ? `${t.slice(0, 40)}…` : t;
}

const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v.trim() : typeof v === 'number' ? String(v) : null);

/** Reads data/portal.(yml|yaml|json|toml); missing or bad values fall back to defaults with an issue. */
export function loadSettings(dataDir: string): { settings: PortalSettings; issues: Issue[] } {
  const issues: Issue[] = [];
  let raw: Record<string, unknown> = {};
  const file = SETTINGS_FILES.find((f) => {
    try {
      return lstatSync(join(dataDir, f), { throwIfNoEntry: false }) !== undefined;
    } catch {
      return false;
    }
  });
  const bad = (detail: string) => issues.push(makeIssue('invalid-settings', { file: file ?? 'portal.yml' }, { detail }));
  if (!file) {
    issues.push(
      makeIssue('settings-missing', { file: 'portal.yml' }, {
        defaults: `标题“${DEFAULT_REGION_NAME}义务教育均衡发展数据”、发布者“${DEFAULT_REGION_NAME}教育局”、许可协议 ${DEFAULT_LICENSE.name}、base_path "/"、小数字隐去阈值 ${DEFAULT_SUPPRESSION_THRESHOLD}、不显示“示例数据”横幅、无 site_url 和报错地址`,
      }),
    );
  }
  // portal.yml linked to a file outside the folder (or a folder named portal.yml): not read.
  const checked = file ? checkDataFile(dataDir, dataRoot(dataDir), file) : null;
  if (checked && !checked.ok) issues.push(checked.issue);
  if (file && checked?.ok) {
    const text = readFileSync(checked.path, 'utf8').replace(/^\ufeff/, '');
    try {
      const parsed = file.endsWith('.json') ? JSON.parse(text) : file.endsWith('.toml') ? parseTomlSubset(text) : parseYaml(text);
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) raw = parsed as Record<string, unknown>;
      else if (parsed !== null && parsed !== undefined) bad('文件内容应为“设置项: 值”的列表。');
    } catch (e) {
      bad(`无法读取：${(e as Error).message.split('\n')[0]}`);
    }
  }

  // Control and bidi characters (U+202E…) in a setting would hide or reverse text on every page
  // (title, publisher, contact): refused like in the CSV cells, and removed from the value used.
  const URL_KEYS = new Set(['url', 'report_error_url', 'site_url', 'logo', 'base_path']);
  const HIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g;
  const scrub = (obj: Record<string, unknown>, prefix: string) => {
    for (const [k, v] of Object.entries(obj)) {
      // URL settings are refused whole when they hold such characters (isSafeUrl), never repaired.
      if (typeof v === 'string' && !URL_KEYS.has(k) && v.search(HIDDEN) >= 0) {
        bad(`${prefix}${k} 中含有不可见的控制字符或改变文字方向的字符（如 U+202E），已删除这些字符。请重新输入该设置。`);
        obj[k] = v.replace(HIDDEN, '');
      }
    }
  };
  scrub(raw, '');
  if (raw.license && typeof raw.license === 'object' && !Array.isArray(raw.license)) scrub(raw.license as Record<string, unknown>, 'license.');
  for (const key of Object.keys(raw)) {
    if (!KNOWN_KEYS.has(key)) {
      issues.push(
        makeIssue('unknown-setting', { file: file ?? 'portal.yml', value: key }, { known: [...KNOWN_KEYS].join('、') }),
      );
    }
  }
  // A misspelt embargo file name would publish the real file early: `npm run validate` (the
  // pull-request check) must say so, not only the build.
  if (file) issues.push(...parseEmbargo(raw.embargo, file).issues);

  const regionName = str(raw.region_name) ?? DEFAULT_REGION_NAME;
  const level = str(raw.region_level) ?? 'city';
  if (!['province', 'city', 'county'].includes(level)) bad(`region_level 应为 province、city 或 county，现为“${level}”。`);
  let reportUrl = str(raw.report_error_url);
  if (reportUrl && !isSafeUrl(reportUrl, { mailto: true })) {
    bad(`report_error_url 只能是 mailto:（电子邮箱）或以 http:// 、https:// 开头的网址，现为“${excerpt(reportUrl)}”；网站上不会显示这个链接。`);
    reportUrl = null;
  }
  let siteUrl = str(raw.site_url);
  if (siteUrl && !isSafeUrl(siteUrl)) {
    bad(`site_url 应为以 https:// 开头的完整网址（如 https://jyj.example.gov.cn），现为“${excerpt(siteUrl)}”；已忽略。`);
    siteUrl = null;
  }
  let basePath = str(raw.base_path);
  const segments = basePath ? basePath.split('/').filter((x) => x !== '') : [];
  if (basePath && !segments.every((x) => /^[A-Za-z0-9._~-]+$/.test(x) && x !== '.' && x !== '..')) {
    bad(`base_path 应为网站所在的子路径，如 "/" 或 "/jiaoyu/"（只含字母、数字和 - _ . ~），不能是网址，也不能含“..”，现为“${excerpt(basePath)}”；已使用 "/"。`);
    basePath = null;
  }
  let logo = str(raw.logo);
  if (logo && !isSafeUrl(logo, { relative: true })) {
    bad(`logo 应为 public/ 文件夹中的图片路径（如 logo.png）或 https:// 网址，现为“${excerpt(logo)}”；已忽略。`);
    logo = null;
  }
  let threshold = DEFAULT_SUPPRESSION_THRESHOLD;
  if (raw.suppression_threshold !== undefined && raw.suppression_threshold !== null) {
    const n = Number(raw.suppression_threshold);
    if (Number.isInteger(n) && n >= 1 && n <= 100) threshold = n;
    else bad(`suppression_threshold 应为1到100之间的整数，现为“${excerpt(String(raw.suppression_threshold))}”；已使用默认值5。`);
  }
  let license = DEFAULT_LICENSE as { name: string; url: string | null };
  if (typeof raw.license === 'string') license = { name: raw.license, url: null };
  else if (raw.license && typeof raw.license === 'object') {
    const l = raw.license as Record<string, unknown>;
    license = { name: str(l.name) ?? DEFAULT_LICENSE.name, url: str(l.url) };
  }
  if (license.url && !isSafeUrl(license.url)) {
    bad(`license.url 只能是以 http:// 或 https:// 开头的网址，现为“${excerpt(license.url)}”；网站和下载文件中只显示许可协议名称，不显示这个链接。`);
    license = { ...license, url: null };
  }
  const bool = (key: string, dflt: boolean): boolean => {
    const v = raw[key];
    if (v === undefined || v === null) return dflt;
    if (typeof v === 'boolean') return v;
    bad(`${key} 应为 true 或 false，现为“${excerpt(String(v))}”。`);
    return dflt;
  };
  const regionCode = str(raw.region_code);
  if (regionCode && !/^\d{6}$/.test(regionCode)) bad(`region_code 应为6位行政区划代码，现为“${excerpt(regionCode)}”。`);

  const settings: PortalSettings = {
    title: str(raw.title) ?? `${regionName}义务教育均衡发展数据`,
    region_name: regionName,
    region_level: (['province', 'city', 'county'].includes(level) ? level : 'city') as PortalSettings['region_level'],
    region_code: regionCode && /^\d{6}$/.test(regionCode) ? regionCode : null,
    sample: bool('sample', false),
    publisher: str(raw.publisher) ?? `${regionName}教育局`,
    contact: str(raw.contact),
    report_error_url: reportUrl,
    license,
    base_path: normaliseBase(basePath),
    site_url: siteUrl ? siteUrl.replace(/\/+$/, '') : null,
    english: bool('english', false),
    logo,
    suppression_threshold: threshold,
  };
  return { settings, issues };
}
