/**
 * One precision per quantity, for every sentence the core writes (findings, plan progress,
 * the text summary) and for pages and downloads that ask: a CV always has 3 decimals, a
 * percentage 1, a gap between percentages is in 个百分点 with the precision of the values it
 * compares. The standards table may set `digits` for a rule; otherwise the unit decides.
 */
import type { Comparison } from './types';
import type { PartStage, SchoolStage } from '../schema';

/** Decimals by unit when the rule sets none. '' is a pure ratio (a CV). */
const UNIT_DIGITS: Record<string, number> = {
  '': 3, // lint-allow: precision (a CV has 3 decimals: 0.450)
  '%': 1,
  '个百分点': 1,
  '人': 2,
  '元': 2,
  'm²': 2,
  '间': 2,
  '个': 0,
  '项': 0,
  '年': 0,
  '工作日': 0,
  '个工作日': 0,
};

export function digitsFor(unit: string, digits?: number): number {
  return digits ?? UNIT_DIGITS[unit] ?? 2;
}

/** Rounded to the quantity's precision, trailing zeros kept for CVs (0.450), dropped otherwise. */
export function formatQuantity(x: number, unit: string, digits?: number): string {
  const d = digitsFor(unit, digits);
  const r = Number(x.toFixed(d));
  const out = unit === '' ? r.toFixed(d) : String(r);
  return out.replace('-', '−');
}

/** The unit of the difference between two values of `unit`: percentages differ in 个百分点. */
export function gapUnit(unit: string): string {
  return unit === '%' ? '个百分点' : unit;
}

/** “不低于” / “高于” / “不超过”: how a rule reads. */
export function comparisonZh(c: Comparison, strict?: boolean): string {
  return c === '>=' ? (strict ? '高于' : '不低于') : '不超过';
}

/** “≥” / “>” / “≤”: the rule as a symbol. */
export function comparisonSymbol(c: Comparison, strict?: boolean): string {
  return c === '>=' ? (strict ? '>' : '≥') : '≤';
}

/** “1,234” style is for pages; sentences use plain digits. A value with its unit: “2172人”, “0.523”, “96.5%”. */
export function withUnit(x: number, unit: string, digits?: number): string {
  return `${formatQuantity(x, unit, digits)}${unit}`;
}

/**
 * A school part in a sentence: the school's name alone when it has one part (“青禾区实验小学”,
 * never “青禾区实验小学小学”), with 小学部 / 初中部 when it has two (nine/twelve-year schools).
 */
export function partName(name: string, schoolStage: SchoolStage, stage: PartStage): string {
  const two = schoolStage === 'nine_year' || schoolStage === 'twelve_year';
  return two ? `${name}${stage === 'primary' ? '小学部' : '初中部'}` : name;
}
