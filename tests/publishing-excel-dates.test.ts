/**
 * Item 14 of issue 13: dates as Excel and WPS save them. A date-time cell (“2025-05-10 00:00:00”)
 * is a date; a date column formatted as a number gives 45787, which gets a hint that names the date.
 */
import { describe, expect, it } from 'vitest';
import { readCell, excelSerialDate } from '../src/lib/csv/normalise';
import { admissions } from '../src/lib/schema';
import { makeIssue } from '../src/lib/validate/make-issue';

const col = admissions.columns.find((c) => c.key === 'plan_published_on')!;

describe('Excel/WPS dates', () => {
  it('accepts a date-time as its date', () => {
    for (const raw of ['2025-05-10 00:00:00', '2025/5/10 0:00', '2025-05-10 14:30', '2025-05-10T00:00:00', '2025年5月10日 0:00:00'])
      expect(readCell(raw, col), raw).toEqual({ ok: true, value: '2025-05-10' });
    expect(readCell('2025-05-10 25:00', col)).toMatchObject({ ok: false, code: 'bad-date' });
    expect(readCell('2025-02-30 00:00:00', col)).toMatchObject({ ok: false, code: 'bad-date' });
  });

  it('an Excel serial such as 45787 is an error whose message says it is 2025-05-10 and how to fix the column', () => {
    expect(excelSerialDate('45787')).toBe('2025-05-10');
    const r = readCell('45787', col);
    expect(r).toMatchObject({ ok: false, code: 'bad-date' });
    if (r.ok) throw new Error('unreachable');
    const issue = makeIssue('bad-date', { file: '2025/admissions.csv', row: 3, column: col.key, label: col.zh, value: '45787' }, r.params);
    expect(issue.message).toContain('45787');
    expect(issue.message).toContain('Excel 的日期序号');
    expect(issue.message).toContain('2025-05-10');
    expect(issue.message).toContain('“日期”格式');
    // Other numbers get no such hint.
    const plain = readCell('123', col);
    expect(plain).toEqual({ ok: false, code: 'bad-date' });
  });
});
