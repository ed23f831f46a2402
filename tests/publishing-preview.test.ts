import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { FIXTURES } from './fixture-dir';
import type { PreviewReport } from '../src/lib/publishing/preview';

const ROOT = resolve(import.meta.dirname, '..');
const TSX = join(ROOT, 'node_modules/.bin/tsx');

/**
 * A bureau repository: the minimal county committed (= what the site shows), then edited in the
 * working folder the way a clerk would before pushing.
 */
let repo: string;
let json: PreviewReport;
let text: string;

function git(...args: string[]) {
  execFileSync('git', ['-c', 'user.name=测试', '-c', 'user.email=t@example.org', ...args], { cwd: repo, stdio: 'ignore' });
}
function preview(...args: string[]) {
  return spawnSync(TSX, [join(ROOT, 'scripts/preview.ts'), ...args], { cwd: repo, encoding: 'utf8', env: { ...process.env, PORTAL_DATA: '' } });
}

beforeAll(() => {
  repo = mkdtempSync(join(tmpdir(), 'portal-preview-'));
  cpSync(join(FIXTURES, 'minimal'), join(repo, 'data'), { recursive: true });
  git('init', '-q', '-b', 'main');
  git('add', '.');
  git('commit', '-q', '-m', '已发布');

  // 1. a new school with its zone
  appendFileSync(join(repo, 'data/schools.csv'), '2199010004,测试县第二小学,990101,小学,公办,乡村,普通学校,测试县河西村,在办,\n');
  appendFileSync(join(repo, 'data/2025/zones.csv'), '2199010004,河西村,\n');
  // 2. a corrected count, and a change of a suppressed count that must stay invisible (2 → 3: both “<5”)
  const adm = join(repo, 'data/2025/admissions.csv');
  writeFileSync(adm, readFileSync(adm, 'utf8').replace('2199010001,1,4,180,200,178,170,20,2,', '2199010001,1,4,180,200,179,170,20,3,'));
  // 3. funding embargoed until the finance office releases it
  appendFileSync(join(repo, 'data/portal.yml'), 'embargo:\n  2025/funding.csv: 2026-03-01\n');

  const j = preview('--format', 'json', '--date', '2026-02-01');
  expect(j.stderr).toBe('');
  json = JSON.parse(j.stdout);
  text = preview('--date', '2026-02-01').stdout;
}, 120_000);
afterAll(() => rmSync(repo, { recursive: true, force: true }));

describe('npm run preview compares the working folder with the last commit', () => {
  it('lists the changed datasets with rows and cells', () => {
    const files = json.datasets.map((d) => `${d.year ?? ''}/${d.dataset}:${d.status}`);
    expect(files).toEqual(expect.arrayContaining(['/schools:changed', '2025/zones:changed', '2025/admissions:changed']));
    const adm = json.datasets.find((d) => d.dataset === 'admissions')!;
    expect(adm.changed).toEqual([{ key: ['2199010001', '1'], changes: [{ column: 'admitted', old: '178', new: '179', correction: null }] }]);
  });

  it('never shows a suppressed value: 2 → 3 disabled pupils is “<5” → “<5”, no change', () => {
    const adm = json.datasets.find((d) => d.dataset === 'admissions')!;
    expect(adm.changed.flatMap((c) => c.changes.map((x) => x.column))).not.toContain('admitted_disabled');
    expect(text).not.toMatch(/残疾儿童录取数 2 → 3/);
  });

  it('the newly embargoed funding file is withheld until its date, not “removed”, and says so', () => {
    expect(json.withheld).toEqual([{ file: '2025/funding.csv', dataset: 'funding', year: 2025, publishAfter: '2026-03-01' }]);
    // Before: “− 不再发布 2025/funding.csv（学校经费，2025学年），原有 2 行” and its download page “删除”.
    expect(json.datasets.find((d) => d.dataset === 'funding')).toBeUndefined();
    expect(json.withdrawn).toEqual([{ file: '2025/funding.csv', dataset: 'funding', year: 2025, publishAfter: '2026-03-01', rowsOnline: 2 }]);
    expect(text).not.toMatch(/不再发布 2025\/funding/);
    expect(text).toContain('暂停发布（网站上现有，推送后暂时撤下，不是删除；到发布日期自动重新发布，无需再推送）：');
    expect(text).toContain('2025/funding.csv（学校经费，2025学年，网站上现有 2 行）：设置了 publish_after，2026-03-01 起重新发布');
    expect(json.pagesRemoved.map((p) => p.id)).not.toContain('2025/funding');
    expect(json.pagesWithheld).toEqual([expect.objectContaining({ kind: 'download', id: '2025/funding', publishAfter: '2026-03-01' })]);
    expect(text).toContain('· 数据下载：2025/funding.csv（学校经费）：2026-03-01 起恢复');
    // Findings computed from the funding file are held back with it, not “不再出现” (resolved).
    expect(json.findingsResolved.map((f) => f.id).filter((id) => /fund/.test(id))).toEqual([]);
  });

  it('names the new school page and the new zone row in Chinese', () => {
    expect(json.pagesAdded.map((p) => p.label)).toContain('学校页面：测试县第二小学（2199010004）');
    expect(text).toContain('+ 学校页面：测试县第二小学（2199010004）');
    expect(text).toContain('~ 2025/admissions.csv（招生计划与结果，2025学年）：修改 1 行（1 个单元格）');
    expect(text).toContain('录取人数 178 → 179');
    expect(text).toContain('+ 2199010004 / 河西村');
  });

  it('on the publish_after date the funding file is not a change any more', () => {
    const r = preview('--format', 'json', '--date', '2026-03-01');
    const rep = JSON.parse(r.stdout) as PreviewReport;
    expect(rep.withheld).toEqual([]);
    expect(rep.datasets.find((d) => d.dataset === 'funding')).toBeUndefined();
  });

  it('with an error in the data it says the site will not update, and where the error is', () => {
    const cls = join(repo, 'data/2025/classes.csv');
    const before = readFileSync(cls, 'utf8');
    writeFileSync(cls, before.replace(/,45\n/, ',四十五\n'));
    try {
      const r = preview('--date', '2026-02-01');
      expect(r.status).toBe(0);
      expect(r.stdout).toContain('推送后网站不会更新');
      expect(r.stdout).toMatch(/2025\/classes\.csv[\s\S]*第3行/);
    } finally {
      writeFileSync(cls, before);
    }
  });

  it('names a new finding: a first-grade class of 60 pupils is a 大班额', () => {
    const cls = join(repo, 'data/2025/classes.csv');
    const before = readFileSync(cls, 'utf8');
    writeFileSync(cls, before.replace(/,45\n/, ',60\n'));
    try {
      const r = preview('--format', 'json', '--date', '2026-02-01');
      const rep = JSON.parse(r.stdout) as PreviewReport;
      expect(rep.findingsAdded.length).toBeGreaterThan(0);
      expect(rep.findingsAdded.map((f) => f.message).join('\n')).toMatch(/测试县第一小学1年级.*60人/);
      expect(preview('--date', '2026-02-01').stdout).toMatch(/新出现 \d+ 条：\n\s+· 2025学年 测试县第一小学1年级/);
    } finally {
      writeFileSync(cls, before);
    }
  });

  it('compares with a release of releases.yml when asked, and explains a bad reference', () => {
    const r = preview('--against', 'v9.9');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('v9.9');
  });
});

describe('buildPreview: findings of a withheld file', () => {
  it('a finding computed from the newly embargoed funding file is held back with it, not “不再出现”', async () => {
    const { loadPublishableData } = await import('../src/lib/privacy/publishable');
    const { buildPreview, formatPreview } = await import('../src/lib/publishing/preview');
    const { fixtureCopy, fixtureText } = await import('./fixture-dir');
    // 10 000 元 of training out of 1 200 000 元 of public funds: 0.8 %, below the 5 % rule.
    const funding = fixtureText('minimal', '2025/funding.csv').replace('"1,200,000",60000', '"1,200,000",10000');
    const before = fixtureCopy('minimal', { '2025/funding.csv': funding });
    const after = fixtureCopy('minimal', { '2025/funding.csv': funding, 'portal.yml': fixtureText('minimal', 'portal.yml') + 'embargo:\n  2025/funding.csv: 2026-03-01\n' });
    try {
      const b = await loadPublishableData(before.dir, '2026-02-01');
      const a = await loadPublishableData(after.dir, '2026-02-01');
      const r = buildPreview({ before: b.data, after: a.data, against: ' HEAD ', today: '2026-02-01', issues: a.issues, withheld: a.withheld });
      expect(r.findingsWithheld.length).toBeGreaterThan(0);
      expect(r.findingsWithheld.map((f) => f.message).join('\n')).toMatch(/培训/);
      expect(r.findingsResolved).toEqual([]);
      expect(formatPreview(r)).toMatch(/随暂不发布的文件暂时不显示 \d+ 条（到发布日期后恢复）：\n\s+· 2025学年 .*培训/);
    } finally {
      before.cleanup();
      after.cleanup();
    }
  });
});
