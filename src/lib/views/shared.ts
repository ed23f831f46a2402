/**
 * Small pieces the school, county, comparison and map views share: verdict words for a check,
 * chart → ViewChart with its anchor and CSV path, a ViewTable as formula-safe CSV, and a
 * StandardsIndex over the portal's applied standards (for the core's class-band rule).
 */
import { comparisonSymbol } from '../indicators/format';
import type { ChartResult } from '../charts/types';
import type { Check, PartStage } from '../indicators/types';
import type { StandardsIndex } from '../standards';
import { csvLines } from '../export/csv';
import { neutraliseFormula } from '../export/cells';
import { checkStatus, fmtUnit, show } from '../site/format';
import type { Portal } from '../site/portal';
import { QUALITY_INDICATOR_KEYS } from '../standards';
import { cellText, type TableCell, type Verdict, type ViewChart, type ViewTable } from './types';

/** How many resource-allocation indicators a school is checked on (7 in the 2017 method). */
export const INDICATOR_COUNT = QUALITY_INDICATOR_KEYS.length;

export const STAGE_ZH: Record<PartStage, string> = { primary: '小学', junior: '初中' };
export const PART_ZH: Record<PartStage, string> = { primary: '小学部', junior: '初中部' };

/** The portal's applied standards as the core's StandardsIndex (classBand and friends take one). */
export function standardsOf(p: Portal): StandardsIndex {
  return {
    all: p.results.standards,
    get: (key, stage) => p.standard(key, stage),
    threshold: (key, stage) => p.standard(key, stage).threshold,
  };
}

/**
 * The school rule of the 2017 method in words, from the applied standards (so a standards.csv
 * override changes every page): “7项资源配置指标中至少6项达标，其余项不低于标准的85%”.
 */
export function schoolRule(p: Portal): { readonly total: number; readonly minMet: number; readonly ratioPct: number; readonly text: string; readonly short: string } {
  const total = QUALITY_INDICATOR_KEYS.length;
  const minMet = p.standard('min_indicators_met').threshold;
  const ratioPct = Math.round(p.standard('min_ratio_missed').threshold * 100);
  return { total, minMet, ratioPct, text: `${total}项资源配置指标中至少${minMet}项达标，其余项不低于标准的${ratioPct}%`, short: `${total}项中${minMet}项以上` };
}

export function verdictOf(c: Check): Verdict {
  if (c.met === true) return 'met';
  if (c.met === false) return 'unmet';
  return c.value.kind === 'not_applicable' ? 'not_applicable' : 'unknown';
}

/** “≥ 4.5 m²” / “≤ 0.500”. */
export function thresholdText(c: Pick<Check, 'comparison' | 'threshold' | 'unit' | 'strict'>): string {
  // strict rules (“高于”, “逐步增长”) read “> 0”, not “≥ 0”
  return `${comparisonSymbol(c.comparison, c.strict)} ${fmtUnit(c.threshold, c.unit)}`;
}

/** The value of a check as a table cell (未公布 / 无法计算 / 不适用 carry their reason in words). */
export function valueCell(c: Pick<Check, 'value' | 'unit'>): string {
  const s = show(c.value, c.unit);
  return s.isNumber || !s.note ? s.text : `${s.text}（${s.note}）`;
}

/**
 * The “对照” cell: ✓ 达标 / ✗ 差 0.3 m² with a verdict; “—” when the value cell already says why
 * there is nothing to compare (never “无法计算 ? 无法计算”).
 */
export function statusCell(c: Check): TableCell {
  const v = verdictOf(c);
  if (v === 'met' || v === 'unmet') {
    const st = checkStatus(c);
    return { text: `${st.symbol} ${st.text}`, verdict: v };
  }
  return { text: '—', verdict: v };
}

/** A chart with its stable anchor and the site path of its own CSV (written by the route's endpoint). */
export function withDownload(p: Portal, chart: ChartResult, id: string, folder: string): ViewChart {
  return { ...chart, id, csv: p.href(`${folder}${id}.csv`) };
}

const PLAIN_NUMBER = /^-?\d{1,3}(,\d{3})*(\.\d+)?$|^-?\d+(\.\d+)?$/;

/**
 * Any table (a chart's or a view's) as an Excel-ready CSV (src/lib/export/csv.ts, people flavour:
 * BOM, CRLF). A cell of a numeric column that is a plain number is written without thousands
 * separators so spreadsheets read it as a number; every other cell that could start a formula
 * (=, +, -, @, tab, CR) is neutralised.
 */
export function tableCsv(table: Pick<ViewTable, 'columns' | 'rows'>): string {
  const cell = (c: TableCell, i: number) => {
    const t = cellText(c);
    if (table.columns[i]?.numeric && PLAIN_NUMBER.test(t)) return t.replace(/,/g, '');
    return neutraliseFormula(t);
  };
  const lines = [table.columns.map((c) => neutraliseFormula(c.label)), ...table.rows.map((r) => r.map(cell))];
  return csvLines(lines, 'people');
}

/** 0.85 → “85%”. */
export function pct(share: number): string {
  return `${Math.round(share * 1000) / 10}%`;
}
