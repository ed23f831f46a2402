import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readTable } from '../src/lib/validate/table';
import { ALL_DATASETS, classes } from '../src/lib/schema';
import type { DatasetSchema } from '../src/lib/schema/types';

/**
 * A file without quote characters is read straight from the text (no papaparse, no array per
 * record): that is what makes validation fast on a province's 500,000 class rows. A clerk must
 * get exactly the same rows and the same messages whichever way the file is read. Quoting one
 * header cell changes nothing in the content but sends the file through papaparse, so the two
 * readings of the same file are compared.
 */
const enc = (s: string) => new TextEncoder().encode(s);

/** The same content with the first header cell quoted: read by papaparse. */
function quotedHeader(text: string): string {
  const lines = text.split('\n');
  const h = lines.findIndex((l) => l.replace(/[,\s]/g, '') !== '');
  if (h < 0) return text;
  const comma = lines[h].indexOf(',');
  const first = comma < 0 ? lines[h].replace(/\r$/, '') : lines[h].slice(0, comma);
  lines[h] = `"${first}"` + lines[h].slice(first.length);
  return lines.join('\n');
}

const cellChars = ['0', '1', '2', '5', '9', '.', ',', ' ', '\u3000', '\u00a0', '１', '-', '%', 'E', '+', 'a', '班', '小学', '划片', '/', '年', '\t', 'X', '\u202e'];
const cell = fc.oneof(
  { weight: 4, arbitrary: fc.array(fc.constantFrom(...cellChars), { maxLength: 6 }).map((a) => a.join('')) },
  { weight: 2, arbitrary: fc.constantFrom('', '2199010001', '3199010002', '990101', '44', '0.5', '97.2', '12.50', '2025-05-10', '2025/5/10', '45787', '公办', 'primary', '138 1234 5678', '110101199003077774') },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 2_000_000 }).map(String) },
);

function fileOf(schema: DatasetSchema) {
  const names = schema.columns.flatMap((c) => [c.zh, c.key]);
  const header = fc.array(fc.oneof({ weight: 8, arbitrary: fc.constantFrom(...names) }, { weight: 1, arbitrary: fc.constantFrom('', '备注', '姓名') }), { minLength: 1, maxLength: 8 });
  return header.chain((h) =>
    fc.record({
      header: fc.constant(h),
      rows: fc.array(fc.array(cell, { minLength: 0, maxLength: h.length + 2 }), { maxLength: 12 }),
      eol: fc.constantFrom('\n', '\r\n', 'mixed'),
      leadingBlank: fc.boolean(),
      trailingEol: fc.boolean(),
    }),
  );
}

function serialise(f: { header: string[]; rows: string[][]; eol: string; leadingBlank: boolean; trailingEol: boolean }): string {
  const lines = [f.header.join(','), ...f.rows.map((r) => r.join(','))];
  if (f.leadingBlank) lines.unshift('');
  const eol = (i: number) => (f.eol === 'mixed' ? (i % 2 ? '\r\n' : '\n') : f.eol);
  return lines.map((l, i) => l + (i < lines.length - 1 || f.trailingEol ? eol(i) : '')).join('');
}

describe('a plain file reads the same as through papaparse', () => {
  for (const schema of ALL_DATASETS) {
    it(`${schema.id}: same rows, same issues`, () => {
      fc.assert(
        fc.property(fileOf(schema), (f) => {
          const text = serialise(f);
          const plain = readTable(schema, 'x.csv', enc(text));
          const viaPapa = readTable(schema, 'x.csv', enc(quotedHeader(text)));
          expect(plain.issues).toEqual(viaPapa.issues);
          expect(plain.rows).toEqual(viaPapa.rows);
          expect(plain.columns).toEqual(viaPapa.columns);
        }),
        { numRuns: 300 },
      );
    });
  }

  it('a clerk sees the same messages in a plain file as in a quoted one', () => {
    const text = '学校标识码,年级,班级,学生数,,\r\n2199010001,1,1班,44,,\r\n\r\n2199010001,1,1班,４５,x,\r\n2.1E+09,12,2班,abc\r\n';
    const plain = readTable(classes, '2025/classes.csv', enc(text));
    expect(plain.rows.map((r) => [r._source.row, r.school_id, r.grade, r.class_name, r.students])).toEqual([
      [2, '2199010001', 1, '1班', 44],
      [4, '2199010001', 1, '1班', 45],
      [5, null, null, '2班', null],
    ]);
    const said = plain.issues.map((i) => [i.row, i.column, i.code]);
    expect(said).toEqual(
      expect.arrayContaining([
        [4, null, 'blank-header'],
        [4, 'school_id', 'duplicate-key'],
        [5, 'school_id', 'scientific-notation-code'],
        [5, 'grade', 'out-of-range'],
        [5, 'students', 'not-a-number'],
      ]),
    );
    for (const i of plain.issues) expect(i.message).toMatch(/[\u4e00-\u9fa5]/);
    expect(readTable(classes, '2025/classes.csv', enc(quotedHeader(text)))).toEqual(plain);
  });
});

describe('duplicate keys', () => {
  /** The rule as it always was: the first row of each key, keys compared part by part (Map semantics). */
  function reference(schema: DatasetSchema, rows: readonly Record<string, unknown>[]): [number, number][] {
    const pk = schema.primaryKey;
    const required = pk.map((k) => schema.columns.find((c) => c.key === k)!.required);
    const first = new Map<unknown, Map<unknown, number>>();
    const out: [number, number][] = [];
    for (const r of rows) {
      if (pk.some((k, j) => r[k] === null && required[j])) continue;
      const head = r[pk[0]] ?? '';
      let rest: unknown = pk.length === 2 ? (r[pk[1]] ?? '') : '';
      if (pk.length > 2) rest = pk.slice(1).map((k) => String(r[k] ?? '')).join('\u0001');
      const inner = first.get(head) ?? new Map<unknown, number>();
      first.set(head, inner);
      const row = (r._source as { row: number }).row;
      if (inner.has(rest)) out.push([row, inner.get(rest)!]);
      else inner.set(rest, row);
    }
    return out;
  }

  for (const schema of ALL_DATASETS.filter((d) => d.primaryKey.length > 0)) {
    it(`${schema.id}: every repeated key is reported once per repeat, with the row it repeats`, () => {
      const keyCells = schema.primaryKey.map((k) => {
        const c = schema.columns.find((x) => x.key === k)!;
        const samples = c.type === 'code' ? ['2199010001', '3199010002', '990101', ''] : c.type === 'integer' || c.type === 'year' ? ['1', '2', '7', '2025', '', 'x'] : c.values ? [c.values[0].zh, c.values[0].key, c.values.at(-1)!.zh, ''] : ['1班', '2班', '1', '', 'a'];
        return fc.constantFrom(...samples);
      });
      fc.assert(
        fc.property(fc.array(fc.tuple(...(keyCells as [fc.Arbitrary<string>])), { maxLength: 40 }), (records) => {
          const header = schema.primaryKey.map((k) => schema.columns.find((c) => c.key === k)!.zh);
          const text = [header.join(','), ...records.map((r) => r.join(','))].join('\n') + '\n';
          const t = readTable(schema, 'x.csv', enc(text));
          const got = t.issues.filter((i) => i.code === 'duplicate-key').map((i) => [i.row!, Number(/与第(\d+)行重复/.exec(i.message)?.[1] ?? NaN)]);
          expect(got).toEqual(reference(schema, t.rows));
        }),
        { numRuns: 200 },
      );
    });
  }
});
