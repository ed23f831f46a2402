/**
 * The English catalogue and helpers (src/lib/i18n): every Chinese UI text has an English one
 * with the same {placeholders}, English texts carry no Chinese characters, and the small
 * converters (pinyin, article numbers, dates, units) read as a person would write them.
 */
import { describe, expect, it } from 'vitest';
import { EN, MESSAGES, t, ZH } from '../src/lib/i18n/messages';
import { romanise } from '../src/lib/i18n/romanise';
import { articleEn, chineseNumber, citeSourceEn, dateEn } from '../src/lib/i18n/views/methodology';
import { fmtUnitEn, thresholdTextEn } from '../src/lib/i18n/format';
import { englishLangPaths, localePath } from '../src/lib/i18n/locale';
import { DOCUMENTS } from '../src/lib/standards/documents';
import { INDICATOR_SHORT_EN, PLAN_STATUS_EN, PUBLICATION_EN, SEVERITY_EN, VERDICT_EN, datasetEn } from '../src/lib/i18n/labels';
import { INDICATOR_SHORT } from '../src/lib/site/labels';
import { PLAN_STATUS_ZH, PUBLICATION_ZH } from '../src/lib/site/format';
import { SEVERITY_ZH } from '../src/lib/site/labels';

const HAN = /\p{Script=Han}/u;
const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('message catalogue', () => {
  it('every Chinese key has an English text and no English key is left over', () => {
    expect(Object.keys(EN).sort()).toEqual(Object.keys(ZH).sort());
    for (const [k, v] of Object.entries(EN)) expect(v.trim(), k).not.toBe('');
  });

  it('English and Chinese texts take the same placeholders', () => {
    for (const k of Object.keys(ZH) as (keyof typeof ZH)[]) expect(placeholders(EN[k]), k).toEqual(placeholders(ZH[k]));
  });

  it('no Chinese characters in the English UI, except the switch back to 中文', () => {
    const han = Object.entries(EN).filter(([k, v]) => HAN.test(v) && k !== 'switchTo');
    expect(han).toEqual([]);
    expect(EN.switchTo).toBe('中文');
    expect(ZH.switchTo).toBe('English');
  });

  it('fills placeholders', () => {
    expect(t('en', 'years', { from: 2021, to: 2025 })).toBe('School years covered: 2021–2025');
    expect(t('zh', 'years', { from: 2021, to: 2025 })).toBe('覆盖学年：2021—2025');
    expect(MESSAGES.en.home).toBe('Home');
  });

  it('label tables cover every Chinese key, in English', () => {
    for (const [zh, en] of [[INDICATOR_SHORT, INDICATOR_SHORT_EN], [PLAN_STATUS_ZH, PLAN_STATUS_EN], [PUBLICATION_ZH, PUBLICATION_EN], [SEVERITY_ZH, SEVERITY_EN]] as const) {
      expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
      for (const v of Object.values(en)) expect(v).not.toMatch(HAN);
    }
    for (const v of Object.values(VERDICT_EN)) expect(v).not.toMatch(HAN);
    expect(datasetEn('admissions')).toBe('Admission plans and results');
    expect(datasetEn('findings')).toBe('Findings');
  });
});

describe('English pages exist only with english: true', () => {
  it('getStaticPaths of an English page is empty when English is off', () => {
    expect(englishLangPaths({ english: false })).toEqual([]);
    expect(englishLangPaths({ english: true })).toEqual([{ params: { lang: 'en' } }]);
    expect(localePath('en', '/counties/')).toBe('en/counties/');
    expect(localePath('zh', '/counties/')).toBe('counties/');
  });
});

describe('converters', () => {
  it('pinyin of names: one word per word, administrative suffixes apart', () => {
    expect(romanise('青禾区实验小学')).toBe('Qinghe Qu Shiyan Xiaoxue');
    expect(romanise('示例市第一中学')).toBe('Shili Shi Diyi Zhongxue');
    expect(romanise('绿水县')).toBe('Lüshui Xian');
    expect(romanise('ABC')).toBe('');
  });

  it('article numbers of the documents', () => {
    expect(chineseNumber('五')).toBe(5);
    expect(chineseNumber('十')).toBe(10);
    expect(chineseNumber('十三')).toBe(13);
    expect(chineseNumber('四十二')).toBe(42);
    expect(articleEn('第五条第（一）项')).toBe('Article 5, item (1)');
    expect(articleEn('第六条第（二）、（六）项')).toBe('Article 6, items (2) and (6)');
    expect(articleEn('第四十二条第三款')).toBe('Article 42, paragraph 3');
    expect(articleEn('第五条')).toBe('Article 5');
  });

  it('a citation keeps the Chinese title with an English gloss, number and date', () => {
    expect(citeSourceEn(DOCUMENTS.quality2017, '第五条')).toBe(
      'Ministry of Education, 《县域义务教育优质均衡发展督导评估办法》 (Measures for the Supervision and Assessment of Quality-Balanced Development of Compulsory Education in Counties; 教督〔2017〕6号; 19 April 2017), Article 5',
    );
    expect(citeSourceEn(DOCUMENTS.jinzhou)).toMatch(/not a government document/);
    expect(dateEn('2023-10-09')).toBe('9 October 2023');
  });

  it('units: numbers formatted as on the Chinese pages, English unit words', () => {
    expect(fmtUnitEn(2000, '元')).toBe('2,000 yuan');
    expect(fmtUnitEn(4.5, 'm²')).toBe('4.5 m²');
    expect(fmtUnitEn(96.54, '%')).toBe('96.5%');
    expect(fmtUnitEn(4.2, '人')).toBe('4.2');
    expect(thresholdTextEn({ comparison: '>=', threshold: 0, unit: '%', strict: true })).toBe('> 0%');
    expect(thresholdTextEn({ comparison: '<=', threshold: 0.5, unit: '' })).toBe('≤ 0.5');
  });
});
