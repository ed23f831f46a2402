/**
 * Property tests of readTable on generated files (see csv-model.ts): whatever a bureau's file looks
 * like, reading it never throws, every non-blank record becomes a typed row numbered as the
 * spreadsheet numbers it, every valid cell is read to its value, and every cell that could not be
 * read has an issue naming its file, row and column, in Chinese, with a catalogued code.
 */
import fc from 'fast-check';
import { runs } from './csv-model';
import { describe, expect, it } from 'vitest';
import { readTable } from '../../src/lib/validate/table';
import { ALL_DATASETS, classes, schools, zones, admissions, funding, regions } from '../../src/lib/schema';
import type { DatasetSchema } from '../../src/lib/schema/types';
import type { Issue } from '../../src/lib/validate/issue';
import { filePlan, rowOfRecord, type FilePlan } from './csv-model';
import { issueShapeProblems } from '../helpers/issues';

const enc = (s: string) => new TextEncoder().encode(s);
/** Blank to a reader: nothing visible once spaces (incl. ideographic, NBSP, zero-width) are gone. */
const invisible = (s: string) => s.replace(/[\s\u200b\ufeff]/g, '') === '';

/** Everything a correct reader must do with this file, as a list of violations (empty = fine). */
export function violations(schema: DatasetSchema, plan: FilePlan, file: string): string[] {
  let result;
  try {
    result = readTable(schema, file, enc(plan.text));
  } catch (e) {
    return [`readTable threw: ${(e as Error).stack}`];
  }
  const { rows, issues } = result;
  const out: string[] = [];
  const sepLine = plan.text.replace(/^\ufeff/, '').startsWith('sep=,') ? 1 : 0;
  const lastRow = plan.records.length + 1 + sepLine + 1;
  out.push(...issueShapeProblems(issues, { file, maxRow: lastRow }));

  // A file refused as a whole (e.g. too many control characters: binary) has no rows, and says so.
  const refused = issues.find((i) => i.row === null && i.severity === 'error' && ['not-csv', 'encoding-unreadable', 'encoding-utf16', 'empty-file'].includes(i.code));
  if (refused) {
    if (!/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(plan.text)) out.push(`a text file refused as a whole: ${refused.code} ${refused.message}`);
    if (rows.length) out.push(`refused file (${refused.code}) still gave ${rows.length} rows`);
    return out;
  }
  const expected = plan.records.map((r, k) => ({ r, row: rowOfRecord(k) })).filter((x) => !x.r.blank);
  if (rows.length !== expected.length) {
    out.push(`expected ${expected.length} rows (non-blank records), got ${rows.length}`);
    return out;
  }
  const at = (row: number | null, column: string | null, codes?: string[]) =>
    issues.some((i) => i.row === row && (column === undefined || i.column === column) && (!codes || codes.includes(i.code)));
  const headerKeys = new Set(plan.header.filter((h) => h.col).map((h) => h.col!.key));
  for (const col of schema.columns) {
    if (col.required && !headerKeys.has(col.key) && !issues.some((i) => i.code === 'missing-required-column' && i.column === col.key)) {
      out.push(`required column ${col.key} left out of the header but no missing-required-column issue`);
    }
  }
  expected.forEach(({ r, row }, k) => {
    const got = rows[k];
    if (got._source.row !== row) out.push(`record ${k}: row ${got._source.row}, spreadsheet row is ${row}`);
    if (got._source.file !== file) out.push(`record ${k}: file ${got._source.file}`);
    if (r.ragged && !at(row, null, ['ragged-row'])) out.push(`row ${row}: extra cells but no ragged-row issue`);
    plan.header.forEach((h, i) => {
      if (!h.col) return;
      const col = h.col;
      const p = r.plans[i];
      const value = got[col.key];
      const empty = col.default ?? null;
      if (p === null || p.kind === 'empty' || (p.kind === 'junk' && invisible(p.raw))) {
        if (value !== empty) out.push(`row ${row} ${col.key}: empty cell read as ${JSON.stringify(value)}`);
        if (col.required && empty === null && !at(row, col.key, ['required-value-missing']))
          out.push(`row ${row} ${col.key}: required cell empty but no required-value-missing issue`);
      } else if (p.kind === 'valid') {
        if (value !== p.value) out.push(`row ${row} ${col.key}: ${JSON.stringify(p.raw)} read as ${JSON.stringify(value)}, expected ${JSON.stringify(p.value)}`);
      } else if (value === null && !at(row, col.key)) {
        out.push(`row ${row} ${col.key}: ${JSON.stringify(p.raw)} dropped (null) with no issue naming the cell`);
      }
    });
  });
  return out;
}

const SCHEMAS: DatasetSchema[] = [schools, classes, zones, admissions, funding, regions];

describe('readTable on generated files', () => {
  for (const schema of SCHEMAS) {
    it(`${schema.id}: never throws, loses no record, reads every valid cell, names every bad one`, () => {
      fc.assert(
        fc.property(filePlan(schema), (plan) => {
          const v = violations(schema, plan, `2025/${schema.id}.csv`);
          if (v.length) throw new Error(v.slice(0, 8).join('\n') + `\n--- file ---\n${JSON.stringify(plan.text)}`);
        }),
        { numRuns: runs(150) },
      );
    });
  }

  it('every dataset: header with required columns left out still gives rows and header issues', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ALL_DATASETS).chain((s) => filePlan(s, { dropRequired: true, maxRecords: 5 }).map((p) => [s, p] as const)), ([schema, plan]) => {
        const v = violations(schema, plan, `${schema.id}.csv`);
        if (v.length) throw new Error(v.slice(0, 8).join('\n') + `\n--- file ---\n${JSON.stringify(plan.text)}`);
      }),
      { numRuns: runs(200) },
    );
  });
});

describe('readTable on arbitrary bytes', () => {
  const check = (bytes: Uint8Array, schema: DatasetSchema): string[] => {
    let r;
    try {
      r = readTable(schema, 'x.csv', bytes);
    } catch (e) {
      return [`threw ${(e as Error).stack}`];
    }
    const out = issueShapeProblems(r.issues as Issue[], { file: 'x.csv' });
    const rowsSeen = r.rows.map((x) => x._source.row);
    for (let k = 1; k < rowsSeen.length; k++) if (rowsSeen[k] <= rowsSeen[k - 1]) out.push(`row numbers not increasing: ${rowsSeen}`);
    if (r.rows.length > 0 && rowsSeen[0] < 2) out.push(`first data row ${rowsSeen[0]} (the header is row 1)`);
    return out;
  };

  it('random bytes: never throws, issues well formed', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 0, maxLength: 400 }), fc.constantFrom(...SCHEMAS), (bytes, schema) => {
        expect(check(bytes, schema)).toEqual([]);
      }),
      { numRuns: runs(400) },
    );
  });

  it('a valid file with random bytes spliced in: never throws, issues well formed', () => {
    const good = enc('学校标识码,年级,班级,学生数\r\n2199010001,1,1班,38\r\n2199010001,1,"2班,实验",40\r\n2199010001,2,1班,41\r\n');
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(good.length), fc.uint8Array({ minLength: 1, maxLength: 4 })), { minLength: 1, maxLength: 4 }), (splices) => {
        let bytes = good;
        for (const [pos, ins] of splices) {
          const p = Math.min(pos, bytes.length);
          const next = new Uint8Array(bytes.length + ins.length);
          next.set(bytes.subarray(0, p));
          next.set(ins, p);
          next.set(bytes.subarray(p), p + ins.length);
          bytes = next;
        }
        expect(check(bytes, classes)).toEqual([]);
      }),
      { numRuns: runs(400) },
    );
  });
});

describe('cells are never merged into a different value', () => {
  // A quoted cell "38⏎40" (two counts pasted into one cell, or two lines joined by a file with
  // mixed line endings) must not become 3840: the publisher would never see the mistake.
  const numericCols = ALL_DATASETS.flatMap((s) => s.columns.filter((c) => c.type === 'integer' || c.type === 'number' || c.type === 'code').map((c) => [s, c] as const));
  it('two numbers separated by a line break or tab in one cell are refused, not concatenated', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...numericCols),
        fc.integer({ min: 1, max: 99999 }),
        fc.integer({ min: 0, max: 99999 }),
        fc.constantFrom('\n', '\r\n', '\t'),
        ([schema, col], a, b, sep) => {
          const raw = `${a}${sep}${b}`;
          const header = schema.columns.map((c) => c.zh).join(',');
          const cells = schema.columns.map((c) => (c.key === col.key ? `"${raw}"` : ''));
          const r = readTable(schema, 'x.csv', enc(`${header}\n${cells.join(',')}\n`));
          const v = r.rows[0][col.key];
          const named = r.issues.some((i) => i.row === 2 && i.column === col.key);
          if (v !== null || !named) throw new Error(`${schema.id}.${col.key}: ${JSON.stringify(raw)} read as ${JSON.stringify(v)}${named ? '' : ' with no issue'}`);
        },
      ),
      { numRuns: runs(200) },
    );
  });
});
