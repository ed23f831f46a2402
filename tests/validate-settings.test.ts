/**
 * data/portal.(yml|json|toml): what a bureau writes becomes PortalSettings; missing values get
 * defaults, bad values an issue on the settings file (never a crash), typos a warning.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadSettings } from '../src/lib/settings/load';

let dirs: string[] = [];
afterEach(() => {
  dirs.forEach((d) => rmSync(d, { recursive: true, force: true }));
  dirs = [];
});
function folder(files: Record<string, string>): string {
  const d = mkdtempSync(join(tmpdir(), 'portal-settings-'));
  dirs.push(d);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(d, name), text);
  return d;
}

describe('portal settings', () => {
  it('reads portal.yml, with a BOM and Chinese values', () => {
    const { settings, issues } = loadSettings(
      folder({
        'portal.yml':
          '\ufeff# 设置\nregion_name: 某某县\nregion_level: county\nregion_code: "330101"\nsample: true\nbase_path: jiaoyu\nsite_url: https://edu.example.gov.cn/\nreport_error_url: mailto:data@example.gov.cn\n',
      }),
    );
    expect(issues).toEqual([]);
    expect(settings).toMatchObject({
      region_name: '某某县',
      title: '某某县义务教育均衡发展数据',
      publisher: '某某县教育局',
      region_level: 'county',
      region_code: '330101',
      sample: true,
      base_path: '/jiaoyu/',
      site_url: 'https://edu.example.gov.cn',
      report_error_url: 'mailto:data@example.gov.cn',
      suppression_threshold: 5,
    });
  });

  it('gives defaults when there is no settings file at all (with one warning saying so)', () => {
    const { settings, issues } = loadSettings(folder({}));
    expect(issues.map((i) => i.code)).toEqual(['settings-missing']);
    expect(settings).toMatchObject({ sample: false, base_path: '/', region_level: 'city', suppression_threshold: 5, site_url: null });
    expect(settings.license.name).toBe('CC BY 4.0');
  });

  it('reads portal.json and the TOML subset the same way', () => {
    const json = loadSettings(folder({ 'portal.json': JSON.stringify({ region_name: '甲市', sample: true, suppression_threshold: 10 }) }));
    const toml = loadSettings(folder({ 'portal.toml': 'region_name = "甲市"\nsample = true # 示例\nsuppression_threshold = 10\n[license]\nname = "CC0"\n' }));
    expect(json.issues).toEqual([]);
    expect(toml.issues).toEqual([]);
    expect(json.settings).toMatchObject({ region_name: '甲市', sample: true, suppression_threshold: 10 });
    expect(toml.settings).toMatchObject({ region_name: '甲市', sample: true, suppression_threshold: 10, license: { name: 'CC0', url: null } });
  });

  it('reports each bad value on the settings file and falls back to the default', () => {
    const { settings, issues } = loadSettings(
      folder({
        'portal.yml':
          'region_level: 乡镇\nsample: 是\nsuppression_threshold: 0\nreport_error_url: data@example.gov.cn\nsite_url: edu.example.gov.cn\nregion_code: 33010\n',
      }),
    );
    expect(issues.map((i) => [i.file, i.code, i.severity])).toEqual(Array(6).fill(['portal.yml', 'invalid-settings', 'error']));
    const text = issues.map((i) => i.message).join('\n');
    for (const key of ['region_level', 'sample', 'suppression_threshold', 'report_error_url', 'site_url', 'region_code']) expect(text).toContain(key);
    expect(settings).toMatchObject({ region_level: 'city', sample: false, suppression_threshold: 5, report_error_url: null, site_url: null, region_code: null });
  });

  it('turns a YAML syntax error into an issue instead of a crash', () => {
    const { settings, issues } = loadSettings(folder({ 'portal.yml': 'region_name: "未闭合\nsample: true\n' }));
    expect(issues).toEqual([expect.objectContaining({ file: 'portal.yml', code: 'invalid-settings', severity: 'error' })]);
    expect(issues[0].message).toContain('无法读取');
    expect(settings.sample).toBe(false);
  });

  it('warns about a misspelt setting instead of ignoring it silently', () => {
    const { settings, issues } = loadSettings(folder({ 'portal.yml': 'smaple: true\n' }));
    expect(issues).toEqual([expect.objectContaining({ file: 'portal.yml', code: 'unknown-setting', severity: 'warning', value: 'smaple' })]);
    expect(settings.sample).toBe(false);
  });
});

describe('settings read elsewhere', () => {
  it('an embargo list (read by the privacy module) is not reported as a misspelt setting', () => {
    const { issues } = loadSettings(folder({ 'portal.yml': 'sample: true\nembargo:\n  2025/funding.csv: 2026-03-01\n' }));
    expect(issues).toEqual([]);
  });
});

describe('URL settings become links only when they are http(s) or mailto', () => {
  const hostile = ['javascript:alert(1)', 'JavaScript:alert(1)', 'java\tscript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'vbscript:msgbox(1)', '//evil.example/x', 'file:///etc/passwd', 'https://exa mple.com', 'https://example.com/\u202Egnp.exe'];
  for (const url of hostile) {
    it(`license.url ${JSON.stringify(url)} is refused with a Chinese message and no link`, () => {
      const { settings, issues } = loadSettings(folder({ 'portal.json': JSON.stringify({ license: { name: 'CC BY 4.0', url } }) }));
      expect(settings.license).toEqual({ name: 'CC BY 4.0', url: null });
      const i = issues.find((x) => x.code === 'invalid-settings');
      expect(i?.severity).toBe('error');
      expect(i?.message).toMatch(/license\.url 只能是以 http:\/\/ 或 https:\/\/ 开头的网址/);
      expect(i?.message).not.toMatch(/[\t\u202E]/);
    });
  }

  it('report_error_url and logo: javascript: refused; mailto:, https and a relative logo path kept', () => {
    const bad = loadSettings(folder({ 'portal.yml': 'report_error_url: "javascript:alert(1)"\nlogo: "javascript:alert(1)"\nsite_url: "javascript://x"\n' }));
    expect(bad.settings.report_error_url).toBeNull();
    expect(bad.settings.logo).toBeNull();
    expect(bad.settings.site_url).toBeNull();
    expect(bad.issues.filter((i) => i.code === 'invalid-settings').map((i) => i.message.split('：')[1].slice(0, 8))).toEqual(['report_e', 'site_url', 'logo 应为 ']);
    const ok = loadSettings(folder({ 'portal.yml': 'report_error_url: "mailto:data@example.gov.cn"\nlogo: "images/logo.png"\nlicense:\n  name: CC BY 4.0\n  url: "https://creativecommons.org/licenses/by/4.0/"\n' }));
    expect(ok.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(ok.settings.report_error_url).toBe('mailto:data@example.gov.cn');
    expect(ok.settings.logo).toBe('images/logo.png');
    expect(ok.settings.license.url).toBe('https://creativecommons.org/licenses/by/4.0/');
  });

  it('URL cells (学校网址, 文件链接) accept only http(s)', async () => {
    const { readTable } = await import('../src/lib/validate/table');
    const { schools } = await import('../src/lib/schema');
    const csv = '学校标识码,学校名称,所属县区代码,学段,办学性质,城乡类型,网址\n2199010001,一小,990101,小学,公办,城区,javascript:alert(1)\n2199010002,二小,990101,小学,公办,城区,https://school.example.cn/\n';
    const r = readTable(schools, 'schools.csv', new TextEncoder().encode(csv));
    expect(r.rows.map((x) => x.website)).toEqual([null, 'https://school.example.cn/']);
    const i = r.issues.find((x) => x.code === 'bad-url')!;
    expect(i.message).toBe('schools.csv 第2行“网址”的值“javascript:alert(1)”不是有效网址，须以 http:// 或 https:// 开头。');
  });
});

describe('base_path and a missing settings file', () => {
  for (const base of ['../', '/../x/', 'https://evil.example/', '//evil.example/', 'a/../../b']) {
    it(`base_path ${JSON.stringify(base)} is refused and "/" used`, () => {
      const { settings, issues } = loadSettings(folder({ 'portal.json': JSON.stringify({ base_path: base }) }));
      expect(settings.base_path).toBe(base === '//evil.example/' ? '/evil.example/' : '/');
      if (base !== '//evil.example/') expect(issues.find((i) => i.code === 'invalid-settings')?.message).toMatch(/base_path 应为网站所在的子路径/);
    });
  }

  it('no portal.yml: a warning naming the defaults used', () => {
    const { settings, issues } = loadSettings(folder({}));
    expect(settings.title).toBe('本地区义务教育均衡发展数据');
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ code: 'settings-missing', severity: 'warning', file: 'portal.yml' });
    expect(issues[0].message).toContain('已使用默认设置：标题“本地区义务教育均衡发展数据”、发布者“本地区教育局”、许可协议 CC BY 4.0、base_path "/"、小数字隐去阈值 5');
  });
});

describe('hidden characters in settings', () => {
  it('a bidi override in the title is refused with a Chinese message and removed from the title shown', () => {
    const { settings, issues } = loadSettings(folder({ 'portal.json': JSON.stringify({ title: '示例市\u202E据数', license: { name: 'CC\u2066 BY' } }) }));
    expect(settings.title).toBe('示例市据数');
    expect(settings.license.name).toBe('CC BY');
    expect(issues.filter((i) => i.code === 'invalid-settings').map((i) => i.message)).toEqual([
      '网站设置文件 portal.json 有误：title 中含有不可见的控制字符或改变文字方向的字符（如 U+202E），已删除这些字符。请重新输入该设置。',
      '网站设置文件 portal.json 有误：license.name 中含有不可见的控制字符或改变文字方向的字符（如 U+202E），已删除这些字符。请重新输入该设置。',
    ]);
  });
});
