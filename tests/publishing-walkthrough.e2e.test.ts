/**
 * “From an empty folder to a published site”, step by step as the publisher guide tells a bureau
 * clerk: copy the CI template, replace the sample data with the county's own (filled into the
 * templates the site offers), check, preview, build. Every step is a test.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { extraFiles } from '../src/lib/export/distribution';
import { buildSite, ROOT, type BuildResult } from './helpers/site';
import { checkLinks, describeBroken, listFiles } from './helpers/links';

const TSX = join(ROOT, 'node_modules/.bin/tsx');
const templates = extraFiles();

/** A template as downloaded from /data/templates/, filled in by column label (as a clerk types it). */
function fill(dataset: string, rows: Record<string, string>[]): string {
  const header = new TextDecoder().decode(templates.get(`templates/${dataset}.csv`)).replace(/^\ufeff/, '').trim();
  const labels = header.split(',');
  for (const r of rows) for (const k of Object.keys(r)) if (!labels.includes(k)) throw new Error(`${dataset}: no column ${k}`);
  const lines = rows.map((r) => labels.map((l) => r[l] ?? '').join(','));
  // Excel's “CSV UTF-8” adds a BOM and CRLF line ends
  return '\ufeff' + [header, ...lines].join('\r\n') + '\r\n';
}

let work: string;
const data = () => join(work, 'data');
const run = (script: string, ...args: string[]) =>
  spawnSync(TSX, [join(ROOT, 'scripts', script), ...args], { cwd: work, encoding: 'utf8', env: { ...process.env, PORTAL_DATA: '', PORTAL_TODAY: '2026-02-01' } });

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'portal-walkthrough-'));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('从空文件夹到发布的网站', () => {
  it('第1步：复制 CI 模板到 .github/workflows/', () => {
    mkdirSync(join(work, '.github/workflows'), { recursive: true });
    cpSync(join(ROOT, 'templates/github/workflows/portal.yml'), join(work, '.github/workflows/portal.yml'));
    const wf = parse(readFileSync(join(work, '.github/workflows/portal.yml'), 'utf8'));
    expect(Object.keys(wf.jobs)).toEqual(['validate', 'build', 'deploy']);
  });

  it('第2步：填写网站设置 data/portal.yml（关闭示例数据标记，设置子路径和隐去阈值）', () => {
    mkdirSync(join(data(), '2025'), { recursive: true });
    writeFileSync(
      join(data(), 'portal.yml'),
      [
        'title: "云岭县义务教育均衡发展数据"',
        'region_name: "云岭县"',
        'region_level: county',
        'region_code: "990901"',
        'sample: false',
        'publisher: "云岭县教育局"',
        'contact: "云岭县教育局基础教育股"',
        'report_error_url: "mailto:jiaoyu@example.gov.cn"',
        'base_path: "/jiaoyu/"',
        'suppression_threshold: 5',
        'embargo:',
        '  2025/funding.csv: 2026-03-01',
        '',
      ].join('\n'),
    );
  });

  it('第3步：按模板填写名录、规划和2025学年数据', () => {
    writeFileSync(join(data(), 'regions.csv'), fill('regions', [{ 行政区划代码: '990901', 名称: '云岭县', 层级: '县区' }]));
    writeFileSync(
      join(data(), 'schools.csv'),
      fill('schools', [
        { 学校标识码: '2199090001', 学校名称: '云岭县城关小学', 所属县区代码: '990901', 学段: '小学', 办学性质: '公办', 城乡类型: '城区', 地址: '云岭县城关镇建设路1号' },
        { 学校标识码: '2199090002', 学校名称: '云岭县石门九年一贯制学校', 所属县区代码: '990901', 学段: '九年一贯制', 办学性质: '公办', 城乡类型: '乡村' },
      ]),
    );
    writeFileSync(
      join(data(), 'plans.csv'),
      fill('plans', [
        { 县区代码: '990901', 学校标识码: '2199090002', 目标年份: '2026', 里程碑: '学校达标', 依据文件: '《云岭县县域义务教育优质均衡发展实施方案》' },
        { 县区代码: '990901', 目标年份: '2027', 里程碑: '申请验收', 依据文件: '《云岭县县域义务教育优质均衡发展实施方案》' },
      ]),
    );
    const y = (f: string) => join(data(), '2025', f);
    writeFileSync(
      y('admissions.csv'),
      fill('admissions', [
        { 学校标识码: '2199090001', 年级: '1', 计划招生数: '135', 录取人数: '133', 划片内录取数: '130', 残疾儿童录取数: '2', 招生方式: '划片', 计划公布日期: '2025/5/10', 结果公布日期: '2025年7月20日' },
        { 学校标识码: '2199090002', 年级: '1', 计划招生数: '45', 录取人数: '41', 划片内录取数: '41', 残疾儿童录取数: '0', 招生方式: '划片' },
        { 学校标识码: '2199090002', 年级: '7', 计划招生数: '90', 录取人数: '88', 划片内录取数: '88', 招生方式: '划片' },
      ]),
    );
    writeFileSync(
      y('classes.csv'),
      fill('classes', [
        { 学校标识码: '2199090001', 年级: '1', 班级: '1班', 学生数: '45' },
        { 学校标识码: '2199090001', 年级: '1', 班级: '2班', 学生数: '44' },
        { 学校标识码: '2199090001', 年级: '1', 班级: '3班', 学生数: '44' },
        { 学校标识码: '2199090002', 年级: '1', 班级: '1班', 学生数: '41' },
        { 学校标识码: '2199090002', 年级: '7', 班级: '1班', 学生数: '44' },
        { 学校标识码: '2199090002', 年级: '7', 班级: '2班', 学生数: '44' },
      ]),
    );
    // a nine-year school reports its primary and junior parts on separate rows
    writeFileSync(
      y('resources.csv'),
      fill('resources', [
        { 学校标识码: '2199090001', 学段: '小学', 在校生数: '800', 高于规定学历教师数: '40', 县级及以上骨干教师数: '8', 体育艺术专任教师数: '7', 教学及辅助用房面积: '4000', 体育运动场馆面积: '6000', 教学仪器设备值: '1800000', 网络多媒体教室数: '20', 班级数: '18' },
        { 学校标识码: '2199090002', 学段: '小学', 在校生数: '250', 高于规定学历教师数: '14', 县级及以上骨干教师数: '2', 体育艺术专任教师数: '3', 教学及辅助用房面积: '1300', 体育运动场馆面积: '2200', 教学仪器设备值: '500000', 网络多媒体教室数: '6', 班级数: '6' },
        { 学校标识码: '2199090002', 学段: '初中', 在校生数: '260', 高于规定学历教师数: '20', 县级及以上骨干教师数: '3', 体育艺术专任教师数: '3', 教学及辅助用房面积: '1700', 体育运动场馆面积: '2700', 教学仪器设备值: '700000', 网络多媒体教室数: '6', 班级数: '6' },
      ]),
    );
    writeFileSync(
      y('teachers.csv'),
      fill('teachers', [
        { 学校标识码: '2199090001', 专任教师数: '48', 持教师资格证人数: '48', 应交流人数: '10', 交流人数: '2', 交流骨干教师数: '1' },
        { 学校标识码: '2199090002', 专任教师数: '40', 持教师资格证人数: '39', 应交流人数: '8', 交流人数: '1', 交流骨干教师数: '0' },
      ]),
    );
    writeFileSync(
      y('funding.csv'),
      fill('funding', [
        { 学校标识码: '2199090001', 公用经费支出: '720000', 教师培训经费: '40000', 特教学生数: '3', 特教公用经费: '18000' },
        { 学校标识码: '2199090002', 公用经费支出: '520000', 教师培训经费: '30000' },
      ]),
    );
    writeFileSync(
      y('zones.csv'),
      fill('zones', [
        { 学校标识码: '2199090001', 片区: '城关镇建设社区' },
        { 学校标识码: '2199090001', 片区: '城关镇东街社区' },
        { 学校标识码: '2199090002', 片区: '石门镇' },
      ]),
    );
    expect(readdirSync(join(data(), '2025')).sort()).toEqual(['admissions.csv', 'classes.csv', 'funding.csv', 'resources.csv', 'teachers.csv', 'zones.csv']);
  });

  it('第4步：npm run validate —— 没有错误', () => {
    const r = run('validate.ts');
    expect(r.stdout + r.stderr, r.stdout).toContain('✓');
    expect(r.status).toBe(0);
  });

  it('第5步：npm run preview —— 列出将新增的学校页面，经费数据等到 3 月 1 日才发布', () => {
    const r = run('preview.ts', '--format', 'json');
    expect(r.status, r.stderr).toBe(0);
    const rep = JSON.parse(r.stdout);
    expect(rep.errors).toBe(0);
    expect(rep.pagesAdded.map((p: { label: string }) => p.label)).toEqual(
      expect.arrayContaining(['学校页面：云岭县城关小学（2199090001）', '学校页面：云岭县石门九年一贯制学校（2199090002）', '地区页面：云岭县（990901）']),
    );
    expect(rep.withheld).toEqual([{ file: '2025/funding.csv', dataset: 'funding', year: 2025, publishAfter: '2026-03-01' }]);
    expect(rep.datasets.some((d: { dataset: string }) => d.dataset === 'funding')).toBe(false);
  });

  describe('第6步：npm run build —— 生成网站', () => {
    let build: BuildResult;
    let files: string[];
    beforeAll(async () => {
      delete process.env.BASE_URL; // set by Vite in test workers, never in a bureau's shell (see publishing-base-path)
      build = await buildSite(data(), join(work, 'dist'), [], { PORTAL_TODAY: '2026-02-01' });
      files = build.ok ? listFiles(join(work, 'dist')) : [];
    }, 600_000);

    it('builds without errors', () => {
      expect(build.ok, build.log).toBe(true);
      expect(existsSync(join(work, 'dist/index.html'))).toBe(true);
    });

    it('every page of the county site is in Chinese, without the sample banner, with working links under /jiaoyu/', () => {
      const home = readFileSync(join(work, 'dist/index.html'), 'utf8');
      expect(home).toContain('lang="zh-CN"');
      expect(home).toContain('云岭县');
      expect(home).not.toContain('示例数据');
      const { broken, pages } = checkLinks(join(work, 'dist'), { base: '/jiaoyu/' });
      expect(pages).toBeGreaterThan(1);
      expect(broken, describeBroken(broken)).toEqual([]);
    });

    it('each school has a page naming it', () => {
      const html = files.filter((f) => f.endsWith('.html')).map((f) => readFileSync(join(work, 'dist', f), 'utf8'));
      for (const name of ['云岭县城关小学', '云岭县石门九年一贯制学校']) expect(html.some((h) => h.includes(`<h1`) && h.includes(name))).toBe(true);
    });

    it('the embargoed funding file is in no download and the build says so', () => {
      expect(files.filter((f) => /funding-2025|2025\/funding|funding_2025/.test(f))).toEqual([]);
      expect(build.log).toContain('暂不发布 2025/funding.csv');
    });

    it('the 2 disabled pupils are “<5” everywhere, the raw count nowhere next to its label', () => {
      const csv = files.filter((f) => /admissions/.test(f) && f.endsWith('.csv')).map((f) => readFileSync(join(work, 'dist', f), 'utf8'));
      expect(csv.length).toBeGreaterThan(0);
      let seen = 0;
      for (const c of csv) {
        const lines = c.replace(/^\ufeff/, '').trim().split(/\r?\n/);
        const col = lines[0].split(',').findIndex((h) => h === 'admitted_disabled' || h === '残疾儿童录取数');
        const school = lines.find((l) => l.startsWith('2199090001,1,'));
        if (col < 0 || !school) continue;
        expect(school.split(',')[col]).toBe('<5');
        seen++;
      }
      expect(seen).toBeGreaterThan(0);
    });
  });
});
