import { describe, expect, it } from 'vitest';
import {
  applyEmbargo,
  describeWithheld,
  embargoFor,
  loadPublishableData,
  parseEmbargo,
  publicationDate,
  todayInChina,
} from '../src/lib/privacy';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runPipeline } from '../src/lib/pipeline';
import { FIXTURES, fixtureCopy, fixtureText } from './fixture-dir';

const PORTAL = 'title: "测试县"\nregion_name: "测试县"\nregion_level: county\nsample: true\n';

describe('embargo settings', () => {
  it('accepts files, year folders and spreadsheet-style dates', () => {
    const { rules, issues } = parseEmbargo({ '2025/funding.csv': '2026-03-01', '2026': '2026/9/1', 'data/plans': '2026年1月15日' });
    expect(issues).toEqual([]);
    expect(rules).toHaveLength(3);
    expect(rules).toEqual(
      expect.arrayContaining([
        { target: '2026', publishAfter: '2026-09-01' },
        { target: '2025/funding.csv', publishAfter: '2026-03-01' },
        { target: 'plans.csv', publishAfter: '2026-01-15' },
      ]),
    );
  });

  it('a misspelt file or an impossible date is a settings error in Chinese', () => {
    const { rules, issues } = parseEmbargo({ '2025/fundings.csv': '2026-03-01', '2025/outcomes.csv': '2026-02-30' });
    expect(rules).toEqual([]);
    expect(issues.map((i) => i.code)).toEqual(['invalid-settings', 'invalid-settings']);
    expect(issues[0].message).toContain('2025/fundings.csv');
    expect(issues[1].message).toContain('2026-02-30');
  });

  it('judges the date in Beijing time: 17:00 UTC on 28 Feb is already 1 March in China', () => {
    expect(todayInChina(new Date('2026-02-28T17:00:00Z'))).toBe('2026-03-01');
    expect(todayInChina(new Date('2026-02-28T15:59:00Z'))).toBe('2026-02-28');
    expect(publicationDate({ PORTAL_TODAY: '2026-03-01' })).toBe('2026-03-01');
  });

  it('is lifted on the publish_after date itself', () => {
    const rules = [{ target: '2025/funding.csv', publishAfter: '2026-03-01' }];
    expect(embargoFor(rules, '2025/funding.csv', '2026-02-28')).not.toBeNull();
    expect(embargoFor(rules, '2025/funding.csv', '2026-03-01')).toBeNull();
    expect(embargoFor(rules, '2025/outcomes.csv', '2026-02-28')).toBeNull();
  });
});

describe('an embargoed dataset is validated but not published', () => {
  it('withholds 2025/funding.csv until 2026-03-01 and says so', async () => {
    const fx = fixtureCopy('minimal', { 'portal.yml': PORTAL + 'embargo:\n  2025/funding.csv: 2026-03-01\n' });
    try {
      const before = await loadPublishableData(fx.dir, '2026-02-28');
      expect(before.issues.filter((i) => i.severity === 'error')).toEqual([]);
      expect(before.data.years[0].funding).toBeUndefined();
      expect(before.data.years[0].admissions).toHaveLength(2);
      expect(before.withheld).toEqual([{ file: '2025/funding.csv', dataset: 'funding', year: 2025, publishAfter: '2026-03-01' }]);
      expect(describeWithheld(before.withheld)[0]).toContain('暂不发布 2025/funding.csv');

      const after = await loadPublishableData(fx.dir, '2026-03-01');
      expect(after.data.years[0].funding).toHaveLength(2);
      expect(after.withheld).toEqual([]);
    } finally {
      fx.cleanup();
    }
  });

  it('still reports errors in an embargoed file, so they are fixed before the date', async () => {
    const fx = fixtureCopy('minimal', {
      'portal.yml': PORTAL + 'embargo:\n  2025/funding.csv: 2026-03-01\n',
      '2025/funding.csv': '学校标识码,公用经费支出,教师培训经费,特教学生数,特教公用经费,基建及装备投入\n2199010001,很多,60000,3,18000,500000\n',
    });
    try {
      const r = await loadPublishableData(fx.dir, '2026-02-01');
      expect(r.issues).toContainEqual(expect.objectContaining({ file: '2025/funding.csv', row: 2, code: 'not-a-number' }));
      expect(r.data.years[0].funding).toBeUndefined();
    } finally {
      fx.cleanup();
    }
  });

  it('a whole embargoed year disappears from the site (no empty year page)', async () => {
    const fx = fixtureCopy('minimal', { 'portal.yml': PORTAL + 'embargo:\n  "2025": 2099-09-01\n' });
    try {
      const r = await loadPublishableData(fx.dir, '2026-01-01');
      expect(r.data.years).toEqual([]);
      expect(r.withheld.map((w) => w.file).sort()).toEqual(
        ['admissions', 'classes', 'counties', 'funding', 'outcomes', 'resources', 'teachers', 'zones'].map((d) => `2025/${d}.csv`),
      );
      // schools and plans are not affected
      expect(r.data.schools.length).toBeGreaterThan(0);
      expect(r.data.plans.length).toBeGreaterThan(0);
    } finally {
      fx.cleanup();
    }
  });

  it('applyEmbargo is pure: the input model is untouched', async () => {
    const fx = fixtureCopy('minimal');
    try {
      const r = await loadPublishableData(fx.dir, '2026-01-01');
      const out = applyEmbargo(r.data, [{ target: 'plans.csv', publishAfter: '2026-06-01' }], '2026-01-01');
      expect(out.data.plans).toEqual([]);
      expect(r.data.plans.length).toBeGreaterThan(0);
      expect(out.withheld).toEqual([{ file: 'plans.csv', dataset: 'plans', year: null, publishAfter: '2026-06-01' }]);
    } finally {
      fx.cleanup();
    }
  });
});

describe('embargoing a file that is already published', () => {
  /*
   * Release 1 (a snapshot) published 2025/funding.csv and schools.csv. Release 2 is the current
   * folder, whose portal.yml embargoes both until 2027-01-01 (today 2026-11-24). Release 2's
   * changes.csv/json must not list them as “file removed” or every row removed: a reader would
   * take the data as withdrawn, and the embargo would be visible as a deletion.
   */
  it('leaves the withheld files out of changes.csv/json instead of showing every row removed', async () => {
    const f = fixtureCopy('minimal', {
      'portal.yml': fixtureText('minimal', 'portal.yml') + 'embargo:\n  2025/funding.csv: 2027-01-01\n  schools.csv: 2027-01-01\n',
    });
    const rel = mkdtempSync(join(tmpdir(), 'portal-embargo-rel-'));
    try {
      cpSync(join(FIXTURES, 'minimal'), join(rel, 'snapshots', 'r1'), { recursive: true });
      writeFileSync(
        join(rel, 'releases.yml'),
        'releases:\n  - version: "r1"\n    date: 2026-01-10\n    snapshot: snapshots/r1\n  - version: "r2"\n    date: 2026-11-20\n',
      );
      const b = (await runPipeline({ dataDir: f.dir, today: '2026-11-24', releaseCacheDir: join(rel, 'cache'), releasesFile: join(rel, 'releases.yml') })).distribution();
      const dist = await b.distribution();
      const r2 = dist.releases.find((r) => r.version === 'r2');
      expect(r2 && r2.available).toBe(true);
      const files = (await b.releaseFiles('r2'))!;
      const changes = JSON.parse(new TextDecoder().decode(files.get('changes.json'))) as { dataset: string; change: string }[];
      expect(changes.filter((c) => c.dataset === 'funding' || c.dataset === 'schools')).toEqual([]);
      const diff = r2!.available ? r2!.diff! : null;
      expect(diff!.tables.map((t) => t.dataset)).not.toContain('funding');
      expect(diff!.tables.map((t) => t.dataset)).not.toContain('schools');
      // and the withheld files are not in r2's downloads at all (no empty schools.csv)
      expect([...files.keys()].filter((p) => /funding|(^|\/)schools\./.test(p) && !p.includes('indicators/'))).toEqual([]);
      // r1 still has them (already published)
      expect((await b.releaseFiles('r1'))!.has('csv/2025/funding.csv')).toBe(true);
    } finally {
      f.cleanup();
      rmSync(rel, { recursive: true, force: true });
    }
  });
});
