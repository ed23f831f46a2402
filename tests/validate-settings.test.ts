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

  it('gives defaults when there is no settings file at all', () => {
    const { settings, issues } = loadSettings(folder({}));
    expect(issues).toEqual([]);
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
