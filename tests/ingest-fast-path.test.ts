import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readCell, readCellFast } from '../src/lib/csv/normalise';
import { ALL_DATASETS } from '../src/lib/schema';
import type { Column } from '../src/lib/schema';

/**
 * The validator reads plain cells through an allocation-free fast path (500,000 class rows per
 * year in a large region). A clerk must get exactly the same value or issue whichever path a
 * cell takes, so the fast path may only answer when the full reader would accept the same value.
 */
const columns: Column[] = ALL_DATASETS.flatMap((d) => d.columns).filter((c) => ['integer', 'code', 'text'].includes(c.type));
const alphabet = ['0', '1', '2', '5', '9', ' ', '\u3000', '\u00a0', '１', '-', '.', ',', '%', 'E', '+', 'a', '班', '\t', 'X'];
const cell = fc.array(fc.constantFrom(...alphabet), { maxLength: 14 }).map((a) => a.join(''));

describe('fast path agrees with the full cell reader', () => {
  it('for every integer, code and text column of the contract', () => {
    fc.assert(
      fc.property(fc.constantFrom(...columns), cell, (col, raw) => {
        const fast = readCellFast(raw, col);
        if (fast === undefined) return;
        expect(readCell(raw, col)).toEqual({ ok: true, value: fast });
      }),
      { numRuns: 5000 },
    );
  });

  it('answers the common cells itself and leaves the rest to the full reader', () => {
    const byKey = (k: string) => columns.find((c) => c.key === k)!;
    expect(readCellFast('43', byKey('students'))).toBe(43);
    expect(readCellFast('2199010001', byKey('school_id'))).toBe('2199010001');
    expect(readCellFast('0199010001', byKey('school_id'))).toBe('0199010001');
    expect(readCellFast('1班', byKey('class_name'))).toBe('1班');
    // Out of range, padded, thousands separators, scientific notation, possible phone numbers:
    // the full reader decides (and reports).
    expect(readCellFast('10', byKey('grade'))).toBeUndefined();
    expect(readCellFast(' 43', byKey('students'))).toBeUndefined();
    expect(readCellFast('1,234', byKey('students'))).toBeUndefined();
    expect(readCellFast('2.1E+09', byKey('school_id'))).toBeUndefined();
    expect(readCellFast('13812345678', byKey('class_name'))).toBeUndefined();
  });
});

describe('strict UTF-8 decoding agrees with the WHATWG fatal decoder', () => {
  it('for valid, broken, BOM-prefixed and GBK bytes alike', async () => {
    const { decodeCsvBytes } = await import('../src/lib/csv/decode');
    const fatal = new TextDecoder('utf-8', { fatal: true });
    const pieces = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 8 }).map((s) => Array.from(new TextEncoder().encode(s))),
      fc.constantFrom([0xef, 0xbb, 0xbf], [0x1a], [0xc0, 0x80], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0xd1, 0xa7], [0xb0, 0xa1], [0xe4, 0xb8], [0x2c], [0x0a]),
      fc.array(fc.integer({ min: 0x20, max: 0xff }), { maxLength: 4 }),
    );
    fc.assert(
      fc.property(fc.array(pieces, { minLength: 1, maxLength: 12 }), (parts) => {
        const bytes = new Uint8Array(parts.flat());
        const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
        let end = bytes.length;
        while (end > (bom ? 3 : 0) && bytes[end - 1] === 0x1a) end--; // a DOS end-of-file mark is not text
        let expected: string | null;
        try {
          expected = fatal.decode(bytes.subarray(bom ? 3 : 0, end));
        } catch {
          expected = null;
        }
        const r = decodeCsvBytes(bytes);
        if (r.ok && r.encoding !== 'gb18030') expect(r.text).toBe(expected);
        if (expected === null) expect(r.ok && r.encoding !== 'gb18030').toBe(false);
        else if (r.ok) expect(r.encoding).not.toBe('gb18030');
      }),
      { numRuns: 3000 },
    );
  });
});
