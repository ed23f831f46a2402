/**
 * A minimal, deterministic XLSX (Office Open XML) writer: one sheet, Chinese headers, numbers
 * as numbers, dates as real date cells (shown yyyy-mm-dd), everything else as inline strings.
 * Text cells in XLSX are never formulas, and codes stay text — their column is formatted as
 * text (@), so 学校标识码 keep their leading zeros even when a reader retypes one.
 * styles.xml carries the default “Normal” cell style and a default font (宋体 11) that Excel,
 * WPS and LibreOffice expect.
 */
import { zipSync, type Zippable } from 'fflate';
import { isNumericColumn, type ExportTable } from './table';
import { cellText } from './cells';

/** Cell styles (indexes into cellXfs). */
const STYLE = { normal: 0, header: 1, date: 2, text: 3 } as const;

/** Excel's serial day number of an ISO date (1900 date system: 1 = 1900-01-01, with its leap-year quirk). */
export function excelSerial(iso: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return null;
  const t = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  if (Number.isNaN(t)) return null;
  const serial = Math.round((t - Date.UTC(1899, 11, 30)) / 86_400_000);
  return serial >= 61 ? serial : null;
}

const enc = new TextEncoder();

function xmlText(s: string): string {
  // Control characters other than tab/LF/CR are not allowed in XML 1.0.
  return s
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

function colName(i: number): string {
  let n = i + 1;
  let s = '';
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

function strCell(ref: string, text: string, style = 0): string {
  return `<c r="${ref}" t="inlineStr"${style ? ` s="${style}"` : ''}><is><t xml:space="preserve">${xmlText(text)}</t></is></c>`;
}

export function tableXlsx(table: ExportTable, isoDate: string): Uint8Array {
  const cols = table.def.columns;
  const rows: string[] = [];
  rows.push(`<row r="1">${cols.map((c, i) => strCell(`${colName(i)}1`, c.zh, STYLE.header)).join('')}</row>`);
  table.rows.forEach((row, r) => {
    const n = r + 2;
    let cells = '';
    cols.forEach((c, i) => {
      const v = row[c.key];
      if (v === null || v === undefined || v === '') return;
      const ref = `${colName(i)}${n}`;
      if (isNumericColumn(c) && typeof v === 'number' && Number.isFinite(v)) {
        cells += `<c r="${ref}"><v>${v}</v></c>`;
        return;
      }
      const serial = c.type === 'date' && typeof v === 'string' ? excelSerial(v) : null;
      if (serial !== null) {
        cells += `<c r="${ref}" s="${STYLE.date}"><v>${serial}</v></c>`;
        return;
      }
      // Labels as people read them; text is never evaluated, so no apostrophe is needed.
      cells += strCell(ref, cellText(c, v as never, true), c.type === 'code' ? STYLE.text : STYLE.normal);
    });
    rows.push(`<row r="${n}">${cells}</row>`);
  });
  // Column formats: codes as text (@), dates yyyy-mm-dd, so a retyped cell keeps its kind.
  const colDefs = cols
    .map((c, i) => (c.type === 'code' || c.type === 'date' ? `<col min="${i + 1}" max="${i + 1}" width="${c.type === 'code' ? 14 : 12}" style="${c.type === 'code' ? STYLE.text : STYLE.date}" customWidth="1"/>` : ''))
    .join('');
  const sheet =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
    '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>' +
    '<sheetFormatPr defaultRowHeight="15"/>' +
    (colDefs ? `<cols>${colDefs}</cols>` : '') +
    `<sheetData>${rows.join('')}</sheetData></worksheet>`;
  const sheetName = xmlText(table.def.zh.slice(0, 31).replace(/[\\/?*[\]:]/g, ' '));
  const files: Record<string, string> = {
    '[Content_Types].xml':
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>',
    '_rels/.rels':
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    'xl/workbook.xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="${sheetName}" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    'xl/_rels/workbook.xml.rels':
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>',
    'xl/styles.xml':
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
      '<numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy\\-mm\\-dd"/></numFmts>' +
      '<fonts count="2"><font><sz val="11"/><name val="宋体"/><family val="2"/><charset val="134"/></font><font><b/><sz val="11"/><name val="宋体"/><family val="2"/><charset val="134"/></font></fonts>' +
      '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
      '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
      '<cellXfs count="4">' +
      '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
      '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>' +
      '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
      '<xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
      '</cellXfs>' +
      '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
      '<dxfs count="0"/><tableStyles count="0"/>' +
      '</styleSheet>',
    'xl/worksheets/sheet1.xml': sheet,
  };
  const [y, m, d] = isoDate.split('-').map(Number);
  const mtime = new Date(Math.max(1980, y || 1980), (m || 1) - 1, d || 1, 12);
  const z: Zippable = {};
  for (const k of Object.keys(files)) z[k] = [enc.encode(files[k]), { mtime, level: 1 }];
  return zipSync(z, { mtime });
}
