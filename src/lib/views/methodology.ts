/**
 * /methodology/ — how every indicator is computed and against which standard: the facts the prose
 * (src/content/methodology.mdx) prints (thresholds from the standards table, the worked CV example
 * of the domain reference computed with the portal's own function), the seven indicators with
 * their formulas and standards per stage, what the data cannot show, and every standard with its
 * source, grouped.
 */
import { unweightedCv, weightedCv } from '../indicators';
import { comparisonSymbol } from '../indicators/format';
import type { AppliedStandard, StandardGroup } from '../indicators/types';
import { num } from '../indicators/values';
import { QUALITY_INDICATOR_KEYS, METHOD_COVERAGE, methodologyFacts } from '../standards';
import { fmtUnit } from '../site/format';
import type { Portal } from '../site/portal';
import { glossaryTerms, linkFirstTerms, type Segment } from './glossary';
import type { Crumb } from './topics';
import type { Link, TableCell, ViewTable, Words } from './types';

/** What the MDX prose reads as `props` (every number it prints). */
export interface MethodologyProse {
  readonly q: AppliedStandard['source'];
  readonly ex: {
    readonly p: readonly number[];
    readonly x: readonly string[];
    readonly meanFormula: string;
    readonly mean: string;
    readonly varFormula: string;
    readonly variance: string;
    readonly sd: string;
    readonly cv: string;
    readonly unweighted: string;
  };
  readonly minMet: number;
  readonly minRatioPct: number;
  readonly cvP: string;
  readonly cvJ: string;
  readonly basicP: string;
  readonly basicJ: string;
  readonly tpMin: number;
  readonly appYears: number;
  readonly pubDays: number;
  readonly suppress: number;
  readonly m: ReturnType<typeof methodologyFacts>;
}

export interface MethodologyView {
  readonly title: string;
  readonly description: string;
  readonly breadcrumbs: Crumb[];
  readonly lede: readonly Segment[];
  readonly tocLabel: string;
  readonly toc: readonly Link[];
  readonly prose: MethodologyProse;
  readonly indicators: { readonly id: string; readonly heading: string; readonly table: ViewTable };
  readonly coverage: { readonly id: string; readonly heading: string; readonly intro: string; readonly table: ViewTable };
  readonly standards: { readonly id: string; readonly heading: string; readonly intro: string; readonly groups: readonly { readonly summary: string; readonly table: ViewTable }[] };
}

/** The words of the page, in one place (another language passes its own MethodologyWords). */
export const METHODOLOGY_ZH = {
  groups: {
    basic_balance: '基本均衡（2012年办法）',
    resources: '资源配置',
    government: '政府保障程度',
    quality: '教育质量',
    social: '社会认可度',
    class_size: '班额分档',
    admissions: '招生公开',
    procedure: '评估程序',
  } satisfies Record<StandardGroup, string>,
  stages: { primary: '小学', junior: '初中' } as Record<string, string>,
  title: '方法说明',
  description: '本站各项指标的含义、计算公式、标准和来源；差异系数算例；数据不能显示的指标。',
  lede: '每项指标怎么算、标准是多少、出自哪份文件，以及本站的数据不能说明什么；差异系数、优质均衡等术语的含义见',
  glossary: '术语表',
  end: '。',
  tocLabel: '本页目录',
  toc: (total: number) => [
    ['本站衡量什么', '#本站衡量什么'],
    [`${total}项指标的公式与标准`, '#indicators'],
    ['校际差异系数与算例', '#校际差异系数'],
    ['哪些学校计入', '#哪些学校计入'],
    ['本站不能衡量什么', '#coverage'],
    ['全部标准及来源', '#standards'],
  ],
  indicatorsHeading: (total: number) => `${total}项指标的公式与标准`,
  indicatorsCaption: (total: number, cite: string) => `资源配置${total}项指标（${cite}）`,
  indicatorsColumns: ['指标', '计算方法', '小学标准', '初中标准'],
  local: '（本地）',
  coverageHeading: '本站不能衡量什么',
  coverageIntro: '2017年办法中的以下内容，公开的学校数据无法显示或只能部分显示：',
  coverageCaption: '数据不能显示或只能部分显示的评估内容',
  coverageColumns: ['评估内容', '本站情况', '原因'],
  partly: '部分显示',
  notShown: '不能显示',
  standardsHeading: '全部标准及来源',
  standardsIntro: '标准以数据表形式保存；地方可用 standards.csv 设定更严格的本地标准，页面会同时注明国家标准。点各组标题展开。',
  groupSummary: (group: string, n: number) => `${group}（${n}条）`,
  standardsColumns: ['规则', '标准', '说明', '来源'],
  localStandard: (national: string) => `本地标准；国家 ${national}`,
  notComputable: '（数据无法检验）',
} as const;
export type MethodologyWords = Words<typeof METHODOLOGY_ZH>;

/** The worked example of the domain reference: three schools, weights 1000/500/500, values 5/4/3. */
const EXAMPLE = { p: [1000, 500, 500], x: [5.0, 4.0, 3.0] } as const;

function workedExample(): MethodologyProse['ex'] {
  const P = EXAMPLE.p.reduce((a, b) => a + b, 0);
  const r = weightedCv(EXAMPLE.p.map((w, i) => ({ id: 'ABC'[i], weight: w, value: EXAMPLE.x[i] })));
  const mean = num(r.mean)!;
  const sd = num(r.sd)!;
  const f = (x: number, d = 4) => Number(x.toFixed(d)).toString();
  const x1 = (v: number) => v.toFixed(1);
  return {
    p: EXAMPLE.p,
    x: EXAMPLE.x.map(x1),
    meanFormula: `(${EXAMPLE.p.map((w, i) => `${w}×${x1(EXAMPLE.x[i])}`).join(' + ')}) ÷ ${P}`,
    mean: f(mean),
    varFormula: `(${EXAMPLE.p.map((w, i) => `${w}×(${x1(EXAMPLE.x[i])}−${f(mean)})²`).join(' + ')}) ÷ ${P}`,
    variance: f(sd * sd),
    sd: f(sd),
    cv: f(num(r.value)!),
    unweighted: f(unweightedCv([...EXAMPLE.x])!),
  };
}

/** “≥ 4.5 m²（本地）”. */
const standardText = (s: AppliedStandard) => `${comparisonSymbol(s.comparison, s.strict)} ${fmtUnit(s.threshold, s.unit)}`;

export function methodologyView(p: Portal, w: MethodologyWords = METHODOLOGY_ZH): MethodologyView {
  const total = QUALITY_INDICATOR_KEYS.length;
  const cvStd = p.standard('cv_quality', 'primary');
  const cv2 = (key: string, stage: 'primary' | 'junior') => p.standard(key, stage).threshold.toFixed(2);
  const prose: MethodologyProse = {
    q: cvStd.source,
    ex: workedExample(),
    minMet: p.standard('min_indicators_met').threshold,
    minRatioPct: Math.round(p.standard('min_ratio_missed').threshold * 100),
    cvP: cv2('cv_quality', 'primary'),
    cvJ: cv2('cv_quality', 'junior'),
    basicP: cv2('cv_basic', 'primary'),
    basicJ: cv2('cv_basic', 'junior'),
    tpMin: p.standard('teaching_point_min_students').threshold,
    appYears: p.standard('application_years_after_basic').threshold,
    pubDays: p.standard('publication_working_days').threshold,
    suppress: p.settings.suppression_threshold,
    // thresholds and full citations of every rule, from the applied standards table (core)
    m: methodologyFacts(p.results.standards),
  };

  const stdCell = (s: AppliedStandard): string => `${standardText(s)}${s.origin === 'local' ? w.local : ''}`;
  const indicators: ViewTable = {
    caption: w.indicatorsCaption(total, cvStd.citation),
    layout: 'stack',
    columns: w.indicatorsColumns.map((label, i) => ({ label, numeric: i >= 2 })),
    rows: QUALITY_INDICATOR_KEYS.map((k) => {
      const sp = p.standard(k, 'primary');
      const sj = p.standard(k, 'junior');
      return [sp.zh, sp.note, stdCell(sp), stdCell(sj)];
    }),
  };

  const coverage: ViewTable = {
    caption: w.coverageCaption,
    layout: 'stack',
    columns: w.coverageColumns.map((label) => ({ label })),
    rows: METHOD_COVERAGE.filter((c) => c.level !== 'shown').map((c) => [c.zh, c.level === 'partly' ? w.partly : w.notShown, c.note]),
  };

  // Groups in the order the standards table first names them.
  const groups = new Map<StandardGroup, AppliedStandard[]>();
  for (const s of p.results.standards) groups.set(s.group, [...(groups.get(s.group) ?? []), s]);
  const rule = (s: AppliedStandard) => {
    const stage = w.stages[s.stage] ?? '';
    return stage && !s.zh.includes(stage) ? `${s.zh}（${stage}）` : s.zh;
  };

  return {
    title: w.title,
    description: w.description,
    breadcrumbs: [{ label: w.title }],
    lede: [...linkFirstTerms(w.lede, glossaryTerms(p)), { text: w.glossary, href: p.href('glossary/') }, { text: w.end }],
    tocLabel: w.tocLabel,
    toc: w.toc(total).map(([text, href]) => ({ text, href })),
    prose,
    indicators: { id: 'indicators', heading: w.indicatorsHeading(total), table: indicators },
    coverage: { id: 'coverage', heading: w.coverageHeading, intro: w.coverageIntro, table: coverage },
    standards: {
      id: 'standards',
      heading: w.standardsHeading,
      intro: w.standardsIntro,
      groups: [...groups.entries()].map(([g, list]) => ({
        summary: w.groupSummary(w.groups[g], list.length),
        table: {
          caption: w.groups[g],
          layout: 'stack',
          columns: w.standardsColumns.map((label, i) => ({ label, numeric: i === 1 })),
          rows: list.map((s): TableCell[] => [
            rule(s),
            s.origin === 'local' ? { text: standardText(s), note: w.localStandard(fmtUnit(s.nationalThreshold, s.unit)) } : standardText(s),
            `${s.note}${s.computable ? '' : w.notComputable}`,
            s.origin === 'local' && s.local ? s.local.source : s.citation,
          ]),
        },
      })),
    },
  };
}
