import { describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import {
  allSensitiveColumns,
  deducibleRanges,
  publishedRatio,
  publishedTotal,
  suppressCount,
  suppressPortalData,
  suppressRows,
  publishableIndicators,
  withheldReason,
  withoutSmallCounts,
} from '../src/lib/privacy';
import { admissions, funding } from '../src/lib/schema';
import { loadPortalData, validateDataDir } from '../src/lib/model/load';
import { runPipeline } from '../src/lib/pipeline';
import { fixtureCopy } from './fixture-dir';

describe('small counts of sensitive categories', () => {
  it('the contract marks disabled admissions and special-education pupils as sensitive', () => {
    expect(allSensitiveColumns()).toEqual(expect.arrayContaining(['admissions.admitted_disabled', 'funding.special_ed_students']));
  });

  it('1–4 show as “<5”; 0, 5 and “not reported” are shown as they are', () => {
    expect([0, 1, 4, 5, 12, null].map((v) => suppressCount(v, 5))).toEqual([0, '<5', '<5', 5, 12, null]);
    // a bureau that sets suppression_threshold: 10
    expect([3, 9, 10].map((v) => suppressCount(v, 10))).toEqual(['<10', '<10', 10]);
  });

  it('only sensitive columns of a row, and the values that give them back, are touched', () => {
    const [row] = suppressRows(admissions, [{ school_id: '2199010001', admitted: 3, admitted_migrant: 2, admitted_disabled: 2 }], 5);
    expect(row).toEqual({ school_id: '2199010001', admitted: 3, admitted_migrant: 2, admitted_disabled: '<5' });
    // 18 000 元 ÷ the 6 000 元 per-pupil standard = 3 pupils: the amount is withheld with the count.
    const [f] = suppressRows(funding, [{ special_ed_students: 3, special_ed_funds_yuan: 18000, public_funds_yuan: 900000 }], 5);
    expect(f).toEqual({ special_ed_students: '<5', special_ed_funds_yuan: null, public_funds_yuan: 900000 });
    // a shown count (12) or 0 keeps its amount
    const [g, h] = suppressRows(funding, [{ special_ed_students: 12, special_ed_funds_yuan: 96000 }, { special_ed_students: 0, special_ed_funds_yuan: 0 }], 5);
    expect(g).toEqual({ special_ed_students: 12, special_ed_funds_yuan: 96000 });
    expect(h).toEqual({ special_ed_students: 0, special_ed_funds_yuan: 0 });
  });
});

/*
 * Worked example (by hand). 云溪县, 2024, 残疾儿童录取数 by school, threshold 5:
 *   A = 3, B = 12, C = 7, D = 0      true county total 22
 * Published cells: A “<5”, B 12, C 7, D 0.
 * If the county page printed the true total 22, a reader computes 22 − 12 − 7 − 0 = 3 = A.
 * Complementary suppression of one more cell is not enough either: schools E = 1 and F = 1
 * both “<5” under a total of 21 + 2 = 23 with G = 21 shown: 23 − 21 = 2 = 1 + 1 → both 1.
 * Our rule: the total is computed from the published cells only, so it is 19 + (1…4) = “20–23”,
 * and A can only be narrowed to 1…4 — what “<5” already said.
 */
describe('no back-calculation from totals', () => {
  const published = ['<5', 12, 7, 0];

  it('shows why an exact total leaks: 22 − 12 − 7 − 0 = 3', () => {
    expect(deducibleRanges(published, { low: 22, high: 22 }, 5)).toEqual([{ index: 0, low: 3, high: 3 }]);
    // two hidden cells of 1 under an exact total are disclosed too
    expect(deducibleRanges(['<5', '<5', 21], { low: 23, high: 23 }, 5)).toEqual([
      { index: 0, low: 1, high: 1 },
      { index: 1, low: 1, high: 1 },
    ]);
    // …and two hidden 4s
    expect(deducibleRanges(['<5', '<5', 21], { low: 29, high: 29 }, 5).map((r) => [r.low, r.high])).toEqual([
      [4, 4],
      [4, 4],
    ]);
  });

  it('the county total is published as the range 20–23', () => {
    const t = publishedTotal(published, 5);
    expect(t).toMatchObject({ exact: null, low: 20, high: 23, suppressedParts: 1, text: '20–23' });
    // from that range a reader learns nothing more about A than “<5”
    expect(deducibleRanges(published, t, 5)).toEqual([{ index: 0, low: 1, high: 4 }]);
  });

  it('a total computed from raw rows by mistake is still a range (raw small counts are never summed exactly)', () => {
    expect(publishedTotal([3, 12, 7, 0], 5).text).toBe('20–23');
  });

  it('the city total sums county ranges, so it cannot be used to recover the county total either', () => {
    // 云溪县 (A “<5” + 19) and 青禾区 (“<5”, “<5”, 30): city = 19 + 30 + 3 hidden → 52–61
    const city = publishedTotal(['<5', 12, 7, 0, '<5', '<5', 30], 5);
    expect(city.text).toBe('52–61');
    for (const r of deducibleRanges(['<5', 12, 7, 0, '<5', '<5', 30], city, 5)) expect([r.low, r.high]).toEqual([1, 4]);
  });

  it('with no hidden part the total is exact', () => {
    expect(publishedTotal([5, 12, null, 0], 5)).toMatchObject({ exact: 17, text: '17', missingParts: 1 });
  });

  it('shares and per-pupil ratios over a hidden count are not shown (ratio × other side = the count)', () => {
    // 特教生均公用经费 18000 ÷ 3 = 6000 would reveal the 3 pupils to anyone who reads the funds column
    expect(publishedRatio(18000, '<5', 5)).toBeNull();
    expect(publishedRatio(18000, 3, 5, { denominator: true })).toBeNull();
    expect(publishedRatio(48000, 8, 5, { denominator: true })).toBe(6000);
    // share of disabled among admitted
    expect(publishedRatio(2, 178, 5, { numerator: true })).toBeNull();
  });
});

describe('pages and downloads agree', () => {
  it('the sample region suppresses exactly the same cells as the downloads', async () => {
    const p = await runPipeline({ dataDir: resolve('data') });
    const ours = suppressPortalData(p.published.data);
    const theirs = p.published.tables();
    let hidden = 0;
    for (const [i, y] of ours.years.entries()) {
      expect(y.admissions).toEqual(theirs.years[i].admissions);
      expect(y.funding).toEqual(theirs.years[i].funding);
      hidden += (y.admissions ?? []).filter((r) => (r.admitted_disabled as unknown) === '<5').length;
    }
    // the sample has small counts, so the rule is exercised on real pages
    expect(hidden).toBeGreaterThan(0);
  });

  it('respects the bureau’s threshold from portal.yml', async () => {
    const fx = fixtureCopy('minimal', {
      'portal.yml': 'title: "测试县"\nregion_name: "测试县"\nregion_level: county\nsuppression_threshold: 3\n',
    });
    try {
      const { data } = await loadPortalData(fx.dir);
      const adm = suppressPortalData(data).years[0].admissions!;
      // 2 disabled pupils → “<3”; 1 → “<3”
      expect(adm.map((r) => r.admitted_disabled as unknown)).toEqual(['<3', '<3']);
      const fund = suppressPortalData(data).years[0].funding!;
      expect(fund.map((r) => r.special_ed_students as unknown)).toEqual([3, '<3']);
    } finally {
      fx.cleanup();
    }
  });
});

describe('personal data is refused before anything is published', () => {
  it('a pupil-name column stops publication', async () => {
    const fx = fixtureCopy('minimal', {
      '2025/zones.csv': '学校标识码,片区,学生姓名\n2199010001,文昌街道翠湖社区,张小明\n',
    });
    try {
      const r = await validateDataDir(fx.dir);
      expect(r.ok).toBe(false);
      expect(r.issues).toContainEqual(expect.objectContaining({ file: '2025/zones.csv', code: 'personal-data-column', severity: 'error' }));
    } finally {
      fx.cleanup();
    }
  });

  it('an ID-card number or a mobile number in a note stops publication', async () => {
    const fx = fixtureCopy('minimal', {
      '2025/zones.csv': '学校标识码,片区,说明\n2199010001,文昌街道翠湖社区,联系人 13812345678\n2199010001,文昌街道南门社区,11010519491231002X\n',
    });
    try {
      const r = await validateDataDir(fx.dir);
      expect(r.ok).toBe(false);
      expect(r.issues).toContainEqual(expect.objectContaining({ file: '2025/zones.csv', row: 2, code: 'phone-value' }));
      expect(r.issues).toContainEqual(expect.objectContaining({ file: '2025/zones.csv', row: 3, code: 'id-card-value' }));
    } finally {
      fx.cleanup();
    }
  });
});

/*
 * Worked example for derived values. 测试县 2025, funding.csv (threshold 3 for this example):
 *   第一小学 special-ed pupils 3, special-ed funds 18 000 元  → published “3”
 *   第一中学 special-ed pupils 2, special-ed funds  8 000 元  → published “<3”
 * Raw county per-pupil = (18 000 + 8 000) ÷ (3 + 2) = 5 200 元. With the funds of both schools
 * and the 3 pupils of 第一小学 published, a reader solves 5 200 × (3 + n) = 26 000 → n = 2.
 * Published county per-pupil uses only schools whose counts are shown: 18 000 ÷ 3 = 6 000 元,
 * and 第一中学 gets no per-pupil value (4 000 元 would give 8 000 ÷ 4 000 = 2 pupils).
 */
describe('indicators over a hidden count', () => {
  const funding = '学校标识码,公用经费支出,教师培训经费,特教学生数,特教公用经费,基建及装备投入\n2199010001,1200000,60000,3,18000,500000\n3199010002,1100000,56000,2,8000,\n';
  const portal = 'title: "测试县"\nregion_name: "测试县"\nregion_level: county\nsuppression_threshold: 3\n';

  it('the raw county ratio would give the hidden count back; the published one does not', async () => {
    const fx = fixtureCopy('minimal', { '2025/funding.csv': funding, 'portal.yml': portal });
    try {
      const { data } = await loadPortalData(fx.dir);
      const { computeIndicators } = await import('../src/lib/indicators');
      const county = (r: ReturnType<typeof computeIndicators>) => r.regionYears.find((x) => x.region_code === '990101' && x.year === 2025)!.funding.specialEdPerStudent.value;
      const raw = county(computeIndicators(data));
      expect(raw).toMatchObject({ kind: 'value', value: 5200 });
      // the reader's equation: 5200 × (3 + n) = 26000
      expect(26000 / 5200 - 3).toBe(2);

      const pub = publishableIndicators(data);
      expect(county(pub)).toMatchObject({ kind: 'value', value: 6000 });
      const school = (id: string) => pub.schools.find((s) => s.school_id === id && s.year === 2025)!.funding.specialEdPerStudent;
      expect(school('2199010001').value).toMatchObject({ kind: 'value', value: 6000 });
      expect(school('3199010002')).toMatchObject({ met: null, value: { kind: 'not_applicable', reason: withheldReason(3) } });
      // and no finding names the hidden school's per-pupil funds
      expect(pub.findings.filter((f) => f.indicator === 'special_ed_funds_per_student' && f.subject.school_id === '3199010002')).toEqual([]);
    } finally {
      fx.cleanup();
    }
  });

  it('withoutSmallCounts blanks exactly the cells that show “<N”', async () => {
    const { data } = await loadPortalData(resolve('data'));
    const blanked = withoutSmallCounts(data);
    const shown = suppressPortalData(data);
    for (const [i, y] of data.years.entries()) {
      for (const [j, r] of (y.admissions ?? []).entries()) {
        const isHidden = (shown.years[i].admissions![j].admitted_disabled as unknown) === '<5';
        expect(blanked.years[i].admissions![j].admitted_disabled).toBe(isHidden ? null : r.admitted_disabled);
      }
    }
  });
});
