/**
 * One cell → its text in a download. The decision “is this a number or text?” is made per
 * column from the schema, never by looking at the value: a -3 in a numeric column stays a
 * number, a “-3” typed into a text column is neutralised in the Excel flavour.
 */
import type { Column } from '../schema/types';
import { isNumericColumn, type CellValue } from './table';

export type Flavour = 'code' | 'people';

/** Characters that make Excel, WPS or LibreOffice evaluate a cell as a formula (OWASP CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** Prefix a risky text cell with an apostrophe, which spreadsheets show as plain text. */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** Plain decimal notation, never 1e+21 or 1e-7, so every reader parses it the same way. */
export function formatNumber(n: number): string {
  if (!Number.isFinite(n)) return '';
  if (Object.is(n, -0)) return '0';
  const s = String(n);
  if (!/e/i.test(s)) return s;
  return n.toLocaleString('en-US', { useGrouping: false, maximumFractionDigits: 20 });
}

/**
 * Text a spreadsheet would turn into a number, date or time when it opens a CSV: 2199010001
 * (a number), 0101 (loses its zero), 1E5, 1/2 (a date), 10:30. In a text or code column that
 * is wrong, so the Excel-ready CSV writes such cells as `="0101"`, which Excel, WPS and
 * LibreOffice Calc all show as the text 0101.
 */
const SPREADSHEET_CONVERTS = /^\s*[+\-]?[\d.,\s/:%\-]*\d[\d.,\s/:%\-]*(?:[eE][+\-]?\d+)?\s*$/;

export function wouldBecomeNumber(text: string): boolean {
  return SPREADSHEET_CONVERTS.test(text);
}

/** `="text"`: a string literal Excel, WPS and LibreOffice evaluate to the text itself. */
export function asTextFormula(text: string): string {
  return `="${text.replace(/"/g, '""')}"`;
}

const TEXT_TYPES = new Set(['code', 'text', 'url', 'enum']);

/** The cell's text with enum keys or Chinese labels, before any spreadsheet protection. */
export function cellText(column: Column, value: CellValue, labels: boolean): string {
  if (value === null || value === undefined) return '';
  if (isNumericColumn(column) && typeof value === 'number') return formatNumber(value);
  let text: string;
  if (typeof value === 'number') text = formatNumber(value);
  else if (typeof value === 'boolean') text = value ? 'true' : 'false';
  else text = value;
  if (labels && column.type === 'enum' && column.values) {
    const v = column.values.find((e) => e.key === text);
    if (v) text = v.zh;
  }
  return text;
}

/**
 * Text of a cell. `code` flavour: enum keys, the form datapackage.json describes.
 * `people` flavour: enum values by Chinese label (the templates accept them back); codes and
 * other text a spreadsheet would read as a number written as `="…"` (kept as text, leading
 * zeros and all); text cells that could start a formula neutralised.
 * `textAsFormula: false` (the fill-in templates, which a clerk may edit in a text editor) skips
 * the `="…"` form.
 */
export function formatCell(column: Column, value: CellValue, flavour: Flavour, textAsFormula = true): string {
  const text = cellText(column, value, flavour === 'people');
  if (flavour !== 'people' || text === '') return text;
  if (isNumericColumn(column) && typeof value === 'number') return text;
  if (textAsFormula && TEXT_TYPES.has(column.type) && wouldBecomeNumber(text)) return asTextFormula(text);
  return neutraliseFormula(text);
}

/** The JSON value of a cell: numbers stay numbers, blanks are null, enums are keys. */
export function jsonCell(column: Column, value: CellValue): string | number | boolean | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  return value;
}
