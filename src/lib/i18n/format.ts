/**
 * Typed values in English. The numbers are formatted by the same src/lib/site/format.ts helpers
 * the Chinese pages use (same digits, same separators); only the words around them change.
 */
import type { Check, Computed } from '../indicators/types';
import { comparisonSymbol } from '../indicators/format';
import { fmt } from '../site/format';
import { verdictOf } from '../views/shared';
import type { TableCell } from '../views/types';
import { describeMissingEn, unitEn } from './labels';

/** “4.5 m²”, “2,000 yuan”, “96.5%”, “0.512”, “4.2” (units the indicator name implies are dropped). */
export function fmtUnitEn(x: number, unit: string, digits = 2): string {
  if (unit === '%') return `${fmt(x, 1)}%`;
  if (unit === '') return fmt(x, 3);
  const u = unitEn(unit);
  return u ? `${fmt(x, digits)} ${u}` : fmt(x, digits);
}

export interface ShownEn {
  readonly text: string;
  readonly note: string;
  readonly isNumber: boolean;
}

/**
 * A typed value as English text: the number, or “not published” naming what is missing, or
 * “cannot be computed” / “not applicable” (the core's reasons are Chinese sentences, so the
 * English page gives the category and links to the Chinese page for the full reason).
 */
export function showEn(c: Computed, unit = '', digits = 2): ShownEn {
  switch (c.kind) {
    case 'value':
      return { text: fmtUnitEn(c.value, unit, digits), note: '', isNumber: true };
    case 'missing':
      return { text: 'not published', note: `missing: ${c.missing.map(describeMissingEn).join('; ')}`, isNumber: false };
    case 'undefined':
      return { text: 'cannot be computed', note: '', isNumber: false };
    case 'not_applicable':
      return { text: 'not applicable', note: '', isNumber: false };
  }
}

export function valueCellEn(c: Pick<Check, 'value' | 'unit'>): string {
  const s = showEn(c.value, c.unit);
  return s.isNumber || !s.note ? s.text : `${s.text} (${s.note})`;
}

/** “≥ 4.5 m²” / “≤ 0.500” / “> 0 pp”. */
export function thresholdTextEn(c: Pick<Check, 'comparison' | 'threshold' | 'unit' | 'strict'>): string {
  return `${comparisonSymbol(c.comparison, c.strict)} ${fmtUnitEn(c.threshold, c.unit)}`;
}

/** “2.1 m² short” for a minimum, “5 over” for a maximum. */
export function gapText(c: Pick<Check, 'gap' | 'unit' | 'comparison'>): string {
  if (c.gap === null) return '';
  return `${fmtUnitEn(c.gap, c.unit)} ${c.comparison === '<=' ? 'over' : 'short'}`;
}

/** The “check” cell: ✓ met / ✗ 2.1 m² short, with the verdict; “—” when the value cell says why. */
export function statusCellEn(c: Check): TableCell {
  const v = verdictOf(c);
  if (v === 'met') return { text: '✓ met', verdict: v };
  if (v === 'unmet') return { text: `✗ ${gapText(c) || 'not met'}`, verdict: v };
  return { text: '—', verdict: v };
}

/** 0.85 → “85%” (same rounding as the Chinese pct). */
export function pctEn(share: number): string {
  return `${Math.round(share * 1000) / 10}%`;
}

/** “1 school” / “3 schools”. */
export const plural = (n: number, one: string, many = `${one}s`): string => `${fmt(n)} ${n === 1 ? one : many}`;

/** A list in English: “a”, “a and b”, “a, b and c”. */
export function listEn(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
