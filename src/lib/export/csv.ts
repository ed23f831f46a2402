/**
 * RFC 4180 CSV in two flavours:
 *  - code:   UTF-8 without BOM, LF, column keys as headers — what pandas, R and Frictionless read
 *            (datapackage-js rejects a BOM in the header).
 *  - people: UTF-8 with BOM, CRLF, Chinese headers, formula-looking text neutralised, codes as
 *            `="0101"` — what Excel, WPS and LibreOffice open with Chinese and codes intact.
 */
import type { Column } from '../schema/types';
import { formatCell, neutraliseFormula, type Flavour } from './cells';
import type { ExportTable } from './table';

const BOM = '\uFEFF';
const encoder = new TextEncoder();

/** Quote a field when RFC 4180 requires it (comma, quote, CR, LF); spaces at either end too, so no reader trims them. */
export function csvField(text: string): string {
  if (/[",\r\n]/.test(text) || /^\s|\s$/.test(text)) return `"${text.replace(/"/g, '""')}"`;
  return text;
}

export function csvLines(lines: readonly (readonly string[])[], flavour: Flavour): string {
  const eol = flavour === 'people' ? '\r\n' : '\n';
  let out = flavour === 'people' ? BOM : '';
  for (const line of lines) out += line.map(csvField).join(',') + eol;
  return out;
}

export function headerOf(columns: readonly Column[], flavour: Flavour): string[] {
  return columns.map((c) => (flavour === 'people' ? neutraliseFormula(c.zh) : c.key));
}

/** The cells of a table as text, header first. */
export function tableLines(table: ExportTable, flavour: Flavour): string[][] {
  const cols = table.def.columns;
  const lines: string[][] = [headerOf(cols, flavour)];
  for (const row of table.rows) lines.push(cols.map((c) => formatCell(c, row[c.key] as never, flavour)));
  return lines;
}

export function tableCsv(table: ExportTable, flavour: Flavour, textAsFormula = true): Uint8Array {
  // Line by line, without an intermediate array of cells (20,000 schools × 24 classes is ~500k rows).
  const cols = table.def.columns;
  const eol = flavour === 'people' ? '\r\n' : '\n';
  const out: string[] = [(flavour === 'people' ? BOM : '') + headerOf(cols, flavour).map(csvField).join(',') + eol];
  for (const row of table.rows) {
    let line = '';
    for (let i = 0; i < cols.length; i++) line += (i ? ',' : '') + csvField(formatCell(cols[i], row[cols[i].key] as never, flavour, textAsFormula));
    out.push(line + eol);
  }
  return encoder.encode(out.join(''));
}

/** A header-only file with Chinese headers, for a bureau to fill in Excel or WPS. */
export function templateCsv(columns: readonly Column[]): Uint8Array {
  return encoder.encode(csvLines([headerOf(columns, 'people')], 'people'));
}
