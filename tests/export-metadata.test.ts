/**
 * Metadata as its users meet it (issue 13, items 8, 10, 11, 15): a new bureau without
 * releases.yml, a bureau that started from this repository, search engines reading JSON-LD,
 * feed readers subscribed to two portals, and a reader pasting a citation into a reference manager.
 */
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import {
  ACCESS_DATE_NOTE,
  DistributionBuilder,
  buildRelease,
  releaseContext,
  citation,
  citationBibtex,
  citationCff,
  citationRis,
  datasetJsonLd,
  feedAuthority,
  fillAccessDate,
  parseReleases,
  publicationWarnings,
  readReleases,
  temporalCoverage,
} from '../src/lib/export';
import type { PortalData } from '../src/lib/model/types';
import { git, modelJsonEffects, releaseB, settings } from './export-fixture';

const ROOT = resolve(__dirname, '..');
const dec = new TextDecoder();

// The loader is injected: here a data folder is one JSON file of the typed model.
const effects = modelJsonEffects;


/** A bureau's folder: <root>/data with model.json (and portal.yml when given), no releases/. */
function bureau(portalYml: string | null, model: PortalData = releaseB()): string {
  const root = mkdtempSync(join(tmpdir(), 'bureau-'));
  mkdirSync(join(root, 'data'));
  writeFileSync(join(root, 'data', 'model.json'), JSON.stringify(model));
  if (portalYml !== null) writeFileSync(join(root, 'data', 'portal.yml'), portalYml);
  return root;
}

describe('item 8: no releases.yml — version and date come from the data, never 1970-01-01', () => {
  it('outside git: the newest file’s modification date (Beijing time), with a warning', () => {
    const root = bureau(null);
    // 2025-12-14 20:30 UTC is 2025-12-15 04:30 in Beijing.
    const t = Date.UTC(2025, 11, 14, 20, 30) / 1000;
    utimesSync(join(root, 'data', 'model.json'), t, t);
    const cfg = readReleases(join(root, 'data'));
    expect(cfg.file).toBeNull();
    expect(cfg.releases).toHaveLength(1);
    expect(cfg.releases[0].date).toBe('2025-12-15');
    expect(cfg.releases[0].version).toBe('2025-12-15');
    expect(cfg.warnings?.join('\n')).toMatch(/没有 releases\/releases\.yml.*最新的修改日期（2025-12-15）.*版本 2025-12-15/);
  });

  it('in git: the date of the last commit that touched the data folder, not of later commits elsewhere', () => {
    const root = bureau(null);
    git(root, {}, 'init', '-q', '-b', 'main');
    git(root, {}, 'add', '.');
    git(root, { GIT_COMMITTER_DATE: '2025-09-01T10:00:00+08:00', GIT_AUTHOR_DATE: '2025-09-01T10:00:00+08:00' }, 'commit', '-qm', 'data');
    writeFileSync(join(root, 'README.md'), 'docs only\n');
    git(root, {}, 'add', 'README.md');
    git(root, { GIT_COMMITTER_DATE: '2026-01-05T10:00:00+08:00', GIT_AUTHOR_DATE: '2026-01-05T10:00:00+08:00' }, 'commit', '-qm', 'docs');
    const cfg = readReleases(join(root, 'data'));
    expect(cfg.releases[0]).toMatchObject({ version: '2025-09-01', date: '2025-09-01' });
    expect(cfg.warnings?.[0]).toContain('最后一次提交的日期（2025-09-01）');
    // A shallow clone (CI without fetch-depth: 0) is named in the warning.
    const clone = mkdtempSync(join(tmpdir(), 'bureau-shallow-'));
    execFileSync('git', ['clone', '-q', '--depth', '1', `file://${root}`, clone], { stdio: 'pipe' });
    expect(readReleases(join(clone, 'data')).warnings?.[0]).toMatch(/浅克隆.*fetch-depth: 0/);
  });

  it('the feed, datapackage, citation and zip of such a portal carry the derived date', async () => {
    const root = bureau(null);
    const t = Date.UTC(2025, 5, 30, 4, 0) / 1000;
    utimesSync(join(root, 'data', 'model.json'), t, t);
    const b = new DistributionBuilder({ dataDir: join(root, 'data'), cacheDir: join(root, '.cache'), effects });
    const d = await b.distribution();
    expect(d.latest?.version).toBe('2025-06-30');
    const files = (await b.releaseFiles('2025-06-30'))!;
    const pkg = JSON.parse(dec.decode(files.get('datapackage.json')!));
    expect(pkg.created).toBe('2025-06-30T00:00:00Z');
    // No site_url in the model's settings? Then no relative homepage either.
    if (!d.settings.site_url) expect(pkg.homepage).toBeUndefined();
    else expect(pkg.homepage).toMatch(/^https:\/\//);
    expect(dec.decode(files.get('CITATION.txt')!)).toContain('2025(2025-06-30)');
    const feed = await b.feed();
    expect(feed).toContain('<updated>2025-06-30T00:00:00Z</updated>');
    for (const [p, bytes] of files) if (!p.endsWith('.zip') && !p.endsWith('.xlsx')) expect(dec.decode(bytes), p).not.toContain('1970');
    expect(feed).not.toContain('1970');
  });

  it('the sample’s releases.yml is flagged as sample-only with its region code', () => {
    const cfg = parseReleases(readFileSync(join(ROOT, 'releases', 'releases.yml'), 'utf8'), join(ROOT, 'releases', 'releases.yml'));
    expect(cfg.sample).toBe(true);
    expect(cfg.regionCode).toBe(readFileSync(join(ROOT, 'data', 'portal.yml'), 'utf8').match(/region_code:\s*"(\d+)"/)![1]);
  });

  it('a bureau that replaced data/ does not inherit the sample’s snapshots and corrections', async () => {
    const copyReleases = (root: string) => cpSync(join(ROOT, 'releases'), join(root, 'releases'), { recursive: true });
    // Their own data, sample: false (what the guide's step 2 writes).
    const own = bureau('title: "青禾县义务教育均衡发展数据"\nregion_name: "青禾县"\nregion_level: county\nregion_code: "990201"\nsample: false\npublisher: "青禾县教育局"\n');
    copyReleases(own);
    const cfg = readReleases(join(own, 'data'));
    expect(cfg.releases.map((r) => r.version)).not.toContain('2025.1');
    expect(cfg.releases.flatMap((r) => r.corrections)).toEqual([]);
    expect(cfg.warnings?.join('\n')).toMatch(/示例数据的版本记录.*已忽略.*请删除 releases\/releases\.yml 和 releases\/snapshots\//);
    const b = new DistributionBuilder({ dataDir: join(own, 'data'), cacheDir: join(own, '.cache'), effects });
    const d = await b.distribution();
    expect(d.releases).toHaveLength(1);
    expect(d.latest?.diff).toBeNull();
    // Forgot to set sample: false but has their own region code: still not inherited.
    const forgot = bureau('region_name: "青禾县"\nregion_code: "990201"\nsample: true\n');
    copyReleases(forgot);
    expect(readReleases(join(forgot, 'data')).releases.map((r) => r.version)).not.toContain('2025.1');
    // The sample itself keeps its history.
    const sample = bureau(readFileSync(join(ROOT, 'data', 'portal.yml'), 'utf8'));
    copyReleases(sample);
    expect(readReleases(join(sample, 'data')).releases.map((r) => r.version)).toEqual(['2025.1', '2025.2']);
  });

  it('the publisher guide’s first steps say how releases work and how to start fresh', () => {
    const guide = readFileSync(join(ROOT, 'docs', 'publisher-guide.md'), 'utf8');
    const first = guide.slice(0, guide.indexOf('## 二、'));
    expect(first).toMatch(/releases\/releases\.yml/);
    expect(first).toMatch(/releases\/snapshots\//);
    expect(first).toMatch(/版本号和日期/);
  });
});

describe('item 10: JSON-LD says how to cite the dataset with the right property, URLs absolute', () => {
  const base = {
    name: '测试市义务教育均衡发展数据',
    description: '学校名录、招生计划与结果、班额、办学条件、经费、教师、质量与招生范围。',
    version: '2025.2',
    date: '2025-09-10',
    licence: { name: 'CC BY 4.0', url: 'https://creativecommons.org/licenses/by/4.0/' },
    publisher: '测试市教育局',
    spatial: '测试市',
    temporal: temporalCoverage([2021, null, 2025, 2023]),
    creditText: '测试市教育局. 测试市义务教育均衡发展数据[DS/OL]. …',
  };

  it('the dataset’s own citation is creditText (schema.org citation means works it cites); temporalCoverage is set', () => {
    const ld = datasetJsonLd({ ...base, url: 'https://edu.example.gov.cn/data/', downloads: [{ url: 'https://edu.example.gov.cn/data/x.zip', format: 'application/zip' }] });
    expect(ld.citation).toBeUndefined();
    expect(ld.creditText).toBe(base.creditText);
    // School years 2021…2025 run from September 2021 to August 2026.
    expect(ld.temporalCoverage).toBe('2021-09/2026-08');
    expect(temporalCoverage([null])).toBeNull();
  });

  it('every URL is absolute: site paths (no site_url) are left out, never published relative', () => {
    const rel = datasetJsonLd({ ...base, url: '/data/', downloads: [{ url: '/data/releases/2025.2/x.zip', format: 'application/zip' }] });
    expect(rel.url).toBeUndefined();
    expect(rel.distribution).toBeUndefined();
    const abs = datasetJsonLd({ ...base, url: 'https://edu.example.gov.cn/jiaoyu/data/', downloads: [{ url: 'https://edu.example.gov.cn/jiaoyu/data/x.zip', format: 'application/zip' }] });
    const urls: string[] = [];
    JSON.stringify(abs, (k, v) => {
      if (typeof v === 'string' && (k === 'url' || k === 'contentUrl' || k === 'license')) urls.push(v);
      return v;
    });
    expect(urls.length).toBe(3);
    for (const u of urls) expect(u).toMatch(/^https:\/\//);
  });

  it('without site_url the datapackage has no relative homepage and CITATION.cff no relative url', () => {
    const bare = { ...settings, site_url: null };
    const b = buildRelease({ entry: { version: '2025.2', date: '2025-09-10', notes: '', source: { kind: 'current' }, corrections: [] }, data: { ...releaseB(), settings: bare }, indicators: null, previous: null, ctx: releaseContext(bare, '<5') });
    const pkg = JSON.parse(dec.decode(b.files.get('datapackage.json')!));
    expect(pkg.homepage).toBeUndefined();
    expect(parseYaml(dec.decode(b.files.get('CITATION.cff')!)).url).toBeUndefined();
  });

  it('the build warns when site_url is unset, naming citations, og:image, feed ids and the sitemap', () => {
    const root = bureau(null);
    const w = publicationWarnings(join(root, 'data'), { ...settings, site_url: null }).join('\n');
    expect(w).toMatch(/没有设置 site_url/);
    for (const word of ['引用', 'og:image', '订阅源', 'sitemap.xml']) expect(w).toContain(word);
    expect(publicationWarnings(join(root, 'data'), settings).join('\n')).not.toMatch(/site_url/);
  });
});

describe('item 11: feed ids are unique per portal even without site_url', () => {
  const bare = { ...settings, site_url: null, report_error_url: null };
  it('two bureaus without site_url get different tag: authorities, stable from build to build', () => {
    const a = feedAuthority({ ...bare, region_code: '990201', publisher: '青禾县教育局', title: '青禾县义务教育均衡发展数据', region_name: '青禾县' });
    const b = feedAuthority({ ...bare, region_code: '990202', publisher: '白桦县教育局', title: '白桦县义务教育均衡发展数据', region_name: '白桦县' });
    expect(a).not.toBe(b);
    expect(a).not.toBe('edu-portal');
    expect(feedAuthority({ ...bare, region_code: '990201', publisher: '青禾县教育局', title: '青禾县义务教育均衡发展数据', region_name: '青禾县' })).toBe(a);
    // Same region code, different publisher (a city and its county portal): still different.
    expect(feedAuthority({ ...bare, region_code: '990201', publisher: '另一个发布者', title: 'x', region_name: 'y' })).not.toBe(a);
    expect(feedAuthority({ ...bare, report_error_url: 'mailto:Data@QingHe.gov.cn?subject=x' })).toBe('data@qinghe.gov.cn');
    expect(feedAuthority(settings)).toBe('edu.example.gov.cn');
  });

  it('the built feeds of two such portals share no id', async () => {
    const ids = async (portalSettings: typeof settings) => {
      const root = bureau(null, { ...releaseB(), settings: portalSettings });
      const b = new DistributionBuilder({ dataDir: join(root, 'data'), cacheDir: join(root, '.cache'), effects });
      return [...(await b.feed()).matchAll(/<id>([^<]+)<\/id>/g)].map((m) => m[1]);
    };
    const one = await ids({ ...bare, region_code: '990201', publisher: '青禾县教育局' });
    const two = await ids({ ...bare, region_code: '990202', publisher: '白桦县教育局' });
    expect(one.length).toBeGreaterThan(1);
    for (const id of one) expect(two).not.toContain(id);
  });
});

describe('item 15: citations as CITATION.cff, BibTeX and RIS; GB/T 7714 explains the access date', () => {
  const input = {
    publisher: '测试市教育局',
    title: '测试市义务教育均衡发展数据',
    version: '2025.2',
    date: '2025-09-10',
    url: 'https://edu.example.gov.cn/jiaoyu/data/releases/2025.2/',
    place: '测试市',
  };

  it('GB/T 7714 has 出版地: 出版者 and a dated placeholder the note explains, never “[引用日期]”', () => {
    const c = citation(input);
    expect(c.zh).toBe('测试市教育局. 测试市义务教育均衡发展数据[DS/OL]. 版本 2025.2. 测试市: 测试市教育局, 2025(2025-09-10)[YYYY-MM-DD]. https://edu.example.gov.cn/jiaoyu/data/releases/2025.2/.');
    expect(c.zh).not.toContain('[引用日期]');
    expect(ACCESS_DATE_NOTE).toMatch(/YYYY-MM-DD.*访问或下载本数据的日期/);
    expect(fillAccessDate(c.zh, '2026-03-01')).toContain('2025(2025-09-10)[2026-03-01]. https://');
  });

  it('CITATION.cff is Citation File Format 1.2.0 for a dataset', () => {
    const cff = parseYaml(citationCff({ ...input, licence: settings.license, abstract: '摘要', keywords: ['义务教育'] }));
    expect(cff).toMatchObject({
      'cff-version': '1.2.0',
      type: 'dataset',
      title: '测试市义务教育均衡发展数据',
      version: '2025.2',
      'date-released': '2025-09-10',
      authors: [{ name: '测试市教育局' }],
      url: input.url,
      license: 'CC-BY-4.0',
      'license-url': 'https://creativecommons.org/licenses/by/4.0/',
    });
    expect(typeof cff.message).toBe('string');
    // A site path is not a URL in CFF's sense; an unknown licence name is not an SPDX id.
    const bare = parseYaml(citationCff({ ...input, url: '/data/', licence: { name: '政府数据开放许可', url: null } }));
    expect(bare.url).toBeUndefined();
    expect(bare.license).toBeUndefined();
  });

  it('BibTeX: one @misc entry, corporate author in double braces, special characters escaped', () => {
    const bib = citationBibtex({ ...input, title: '数据 50% & more_{x}' }, 'edu_2025.2');
    expect(bib.startsWith('@misc{edu_2025.2,\n')).toBe(true);
    expect(bib).toContain('author = {{测试市教育局}}');
    expect(bib).toContain('title = {{数据 50\\% \\& more\\_\\{x\\}}}');
    expect(bib).toContain('year = {2025}');
    expect(bib).toContain(`url = {${input.url}}`);
    let depth = 0;
    for (const ch of bib.replace(/\\[{}]/g, '')) {
      depth += ch === '{' ? 1 : ch === '}' ? -1 : 0;
      expect(depth).toBeGreaterThanOrEqual(0);
    }
    expect(depth).toBe(0);
  });

  it('RIS: TY DATA … ER, CRLF, one tag per line', () => {
    const ris = citationRis({ ...input, dataset: { zh: '招生计划与结果', en: 'Admissions', year: 2024 } });
    const lines = ris.split('\r\n');
    expect(lines[0]).toBe('TY  - DATA');
    expect(lines).toContain('TI  - 测试市义务教育均衡发展数据：招生计划与结果（2024学年）');
    expect(lines).toContain('PY  - 2025');
    expect(lines).toContain('DA  - 2025/09/10');
    expect(lines).toContain(`UR  - ${input.url}`);
    expect(lines.at(-2)).toBe('ER  - ');
    for (const l of lines.slice(0, -1)) expect(l).toMatch(/^[A-Z][A-Z0-9]  - /);
  });

  it('every release folder (and its zip) has the four citation files', async () => {
    const root = bureau(null);
    const b = new DistributionBuilder({ dataDir: join(root, 'data'), cacheDir: join(root, '.cache'), effects });
    const d = await b.distribution();
    const paths = d.latest!.files.map((f) => f.path);
    for (const f of ['CITATION.txt', 'CITATION.cff', 'CITATION.bib', 'CITATION.ris']) expect(paths).toContain(f);
    const files = (await b.releaseFiles(d.latest!.version))!;
    const txt = dec.decode(files.get('CITATION.txt')!);
    expect(txt).toContain(ACCESS_DATE_NOTE);
    expect(txt).not.toContain('[引用日期]');
    const bib = dec.decode(files.get('CITATION.bib')!);
    expect(bib.match(/^@misc\{/gm)!.length).toBe(d.latest!.tables.length + 1);
    const keys = [...bib.matchAll(/^@misc\{([^,]+),/gm)].map((m) => m[1]);
    expect(new Set(keys).size).toBe(keys.length);
    const ris = dec.decode(files.get('CITATION.ris')!);
    expect(ris.match(/^TY  - DATA\r$/gm)!.length).toBe(d.latest!.tables.length + 1);
  });
});
