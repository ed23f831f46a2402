/**
 * Property tests of the personal-data and hidden-character guards: every ID-card number, however
 * it is typed (groups split by spaces or hyphens, inside other text, upper- or lower-case X, a
 * wrong check digit), is caught in any text column and never repeated in the report; a bidi
 * control anywhere in a text cell is refused; and no message quotes more than a short excerpt.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runs } from './csv-model';
import { readTable } from '../../src/lib/validate/table';
import { zones } from '../../src/lib/schema';
import { MAX_VALUE_CHARS } from '../../src/lib/validate/make-issue';

const enc = (s: string) => new TextEncoder().encode(s);
const W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

/** An 18-character ID: province 11–65, a real birth date 1940–2019, sequence, check digit. */
const idCard = fc
  .record({
    province: fc.integer({ min: 11, max: 65 }),
    rest: fc.integer({ min: 0, max: 9999 }),
    birth: fc.date({ min: new Date('1940-01-01T00:00:00Z'), max: new Date('2019-12-31T00:00:00Z'), noInvalidDate: true }),
    seq: fc.integer({ min: 0, max: 999 }),
    wrongCheck: fc.boolean(),
  })
  .map(({ province, rest, birth, seq, wrongCheck }) => {
    const body = `${province}${String(rest).padStart(4, '0')}${birth.toISOString().slice(0, 10).replace(/-/g, '')}${String(seq).padStart(3, '0')}`;
    let sum = 0;
    for (let i = 0; i < 17; i++) sum += Number(body[i]) * W[i];
    const right = '10X98765432'[sum % 11];
    const check = wrongCheck ? '10X98765432'[(sum + 1) % 11] : right;
    return body + check;
  });

/** The ID as people type it: split into groups by spaces or hyphens, within other text. */
const typed = fc
  .record({ id: idCard, cuts: fc.uniqueArray(fc.integer({ min: 1, max: 17 }), { maxLength: 4 }), sep: fc.constantFrom(' ', '-', ''), before: fc.constantFrom('', '身份证 ', '联系人：张某，', '备注'), lower: fc.boolean() })
  .map(({ id, cuts, sep, before, lower }) => {
    const s = lower ? id.toLowerCase() : id;
    let out = '';
    for (let i = 0; i < s.length; i++) out += (cuts.includes(i) ? sep : '') + s[i];
    return { id, cell: before + out };
  });

describe('personal data in text cells (fuzz)', () => {
  it('every ID-card number, however typed, is an error and the report never repeats it', () => {
    fc.assert(
      fc.property(typed, ({ id, cell }) => {
        const r = readTable(zones, '2025/zones.csv', enc(`学校标识码,片区,说明\n2199010001,青禾街道,"${cell}"\n`));
        const i = r.issues.find((x) => x.code === 'id-card-value');
        expect(i, cell).toBeDefined();
        expect(i!.value!.replace(/[^0-9Xx]/g, '')).not.toContain(id.slice(2, 17));
        expect(JSON.stringify(r.issues)).not.toContain(id.slice(6, 14));
      }),
      { numRuns: runs(300) },
    );
  });

  it('a bidi control anywhere in a text cell is refused, and no issue value holds it or more than the excerpt', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), fc.constantFrom('\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069'), fc.nat(), (text, ch, at) => {
        const clean = text.replace(/[",\r\n\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g, '');
        const k = at % (clean.length + 1);
        const cell = `片区${clean.slice(0, k)}${ch}${clean.slice(k)}`;
        const r = readTable(zones, '2025/zones.csv', enc(`学校标识码,片区,说明\n2199010001,${cell},\n`));
        expect(r.rows[0].area).toBeNull();
        const i = r.issues.find((x) => x.code === 'bidi-control');
        expect(i).toBeDefined();
        for (const x of r.issues) {
          expect(x.value ?? '').not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
          expect((x.value ?? '').length).toBeLessThanOrEqual(MAX_VALUE_CHARS + 1);
        }
      }),
      { numRuns: runs(200) },
    );
  });
});
