/**
 * The /glossary/ view (src/lib/views/glossary.ts): definitions whose numbers come from the applied
 * standards table, and linkFirstTerms linking only the first, longest, non-overlapping occurrence.
 */
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runPipeline } from '../src/lib/pipeline';
import { glossaryTerms, glossaryView, linkFirstTerms } from '../src/lib/views/glossary';

const portal = (await runPipeline({ dataDir: resolve('data'), today: '2026-11-24' })).portal();
const v = glossaryView(portal);
const def = (id: string) => v.entries.find((e) => e.id === id)!.definition;
const th = (key: string, stage?: 'primary' | 'junior') => portal.standard(key, stage).threshold;

describe('glossary entries', () => {
  it('every required term is defined, with unique ASCII anchors', () => {
    const terms = v.entries.map((e) => e.term);
    for (const t of ['差异系数', '综合差异系数', '优质均衡', '基本均衡', '划片', '划片入学', '摇号', '大班额', '超大班额', '生均公用经费', '特殊教育学生', '教学点', '九年一贯制', '十二年一贯制', '完全中学', '未公布', '不适用', '无法计算'])
      expect(terms).toContain(t);
    expect(terms).toContain(`${Math.round(th('min_ratio_missed') * 100)}%规则`);
    expect(terms).toContain(`<${portal.settings.suppression_threshold}`);
    const ids = v.entries.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9-]+$/);
    for (const e of v.entries) expect(e.definition.length).toBeGreaterThan(5);
  });

  it('numbers in definitions match the standards table', () => {
    expect(def('cv')).toContain(th('cv_quality', 'primary').toFixed(3));
    expect(def('cv')).toContain(th('cv_quality', 'junior').toFixed(3));
    expect(def('cv')).toContain(portal.standard('cv_quality', 'primary').source.number!);
    expect(def('composite-cv')).toContain(th('cv_basic', 'primary').toFixed(3));
    expect(def('composite-cv')).toContain(th('cv_basic', 'junior').toFixed(3));
    expect(def('rule-85')).toContain(`至少${th('min_indicators_met')}项`);
    expect(def('rule-85')).toContain(`${Math.round(th('min_ratio_missed') * 100)}%`);
    expect(def('large-class')).toContain(`${th('large_class_min')}–${th('super_large_class_min') - 1}人`);
    expect(def('super-large-class')).toContain(`${th('super_large_class_min')}人及以上`);
    expect(def('teaching-point')).toContain(`不足${th('teaching_point_min_students')}人`);
  });

  it('anchors are the page links', () => {
    const t = glossaryTerms(portal, v);
    expect(t.find((x) => x.term === '差异系数')!.href).toMatch(/glossary\/#cv$/);
  });
});

describe('linkFirstTerms', () => {
  const terms = [
    { term: '差异系数', href: '#cv' },
    { term: '综合差异系数', href: '#composite-cv' },
    { term: '优质均衡', href: '#q' },
  ];

  it('links only the first occurrence of each term', () => {
    expect(linkFirstTerms('优质均衡看差异系数，差异系数越小越好；优质均衡。', terms)).toEqual([
      { text: '优质均衡', href: '#q' },
      { text: '看' },
      { text: '差异系数', href: '#cv' },
      { text: '，差异系数越小越好；优质均衡。' },
    ]);
  });

  it('longest first, no overlapping matches: 综合差异系数 is not split into 综合 + 差异系数', () => {
    expect(linkFirstTerms('综合差异系数是差异系数的平均；综合差异系数只作参考。', terms)).toEqual([
      { text: '综合差异系数', href: '#composite-cv' },
      { text: '是' },
      { text: '差异系数', href: '#cv' },
      { text: '的平均；综合差异系数只作参考。' },
    ]);
    // a repeated longer term never gives away the shorter one inside it
    expect(linkFirstTerms('综合差异系数，综合差异系数', terms)).toEqual([
      { text: '综合差异系数', href: '#composite-cv' },
      { text: '，综合差异系数' },
    ]);
  });

  it('text without terms is one plain segment; segments rebuild the text', () => {
    expect(linkFirstTerms('没有术语', terms)).toEqual([{ text: '没有术语' }]);
    expect(linkFirstTerms('', terms)).toEqual([]);
    const s = '本站逐项计算差异系数，检验优质均衡。';
    expect(linkFirstTerms(s, terms).map((x) => x.text).join('')).toBe(s);
  });
});
