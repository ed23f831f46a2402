/**
 * A minimal, deterministic XLSX (Office Open XML) writer: one sheet, Chinese headers, numbers
 * as numbers, everything else as inline strings. Text cells in XLSX are never formulas, and
 * codes stay text, so 学校标识码 keep their leading zeros (which a CSV opened in Excel loses).
 */
import { zipSync, type Zippable } from 'fflate';
import { isNumericColumn, type ExportTable } from './table';
import { formatCell } from './cells';

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
  rows.push(`<row r="1">${cols.map((c, i) => strCell(`${colName(i)}1`, c.zh, 1)).join('')}</row>`);
  table.rows.forEach((row, r) => {
    const n = r + 2;
    let cells = '';
    cols.forEach((c, i) => {
      const v = row[c.key];
      if (v === null || v === undefined || v === '') return;
      const ref = `${colName(i)}${n}`;
      if (isNumericColumn(c) && typeof v === 'number' && Number.isFinite(v)) cells += `<c r="${ref}"><v>${v}</v></c>`;
      // Labels as people read them; text is never evaluated, so no apostrophe is needed.
      else cells += strCell(ref, formatCell(c, v as never, 'people').replace(/^'(?=[=+\-@\t\r])/, ''));
    });
    rows.push(`<row r="${n}">${cells}</row>`);
  });
  const sheet =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
    '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>' +
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
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs></styleSheet>',
    'xl/worksheets/sheet1.xml': sheet,
  };
  const [y, m, d] = isoDate.split('-').map(Number);
  const mtime = new Date(Math.max(1980, y || 1980), (m || 1) - 1, d || 1, 12);
  const z: Zippable = {};
  for (const k of Object.keys(files)) z[k] = [enc.encode(files[k]), { mtime, level: 1 }];
  return zipSync(z, { mtime });
}
