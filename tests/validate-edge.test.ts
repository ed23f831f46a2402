/**
 * Edge cases a clerk meets that the main bad-input tests do not: a header below blank lines,
 * phone numbers typed with full-width digits, the validateDataDir report, and the CLI's help
 * and typo handling.
 */
import { spawnSync } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { loadPortalData, validateDataDir } from '../src/lib/model/load';
import { ISSUE_KINDS } from '../src/lib/validate/codes';
import type { TypedRow } from '../src/lib/validate/table';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES, fixtureCopy, fixtureText } from './fixture-dir';

let cleanups: (() => void)[] = [];
afterEach(() => {
  cleanups.forEach((c) => c());
  cleanups = [];
});
function copy(overrides: Record<string, string | Uint8Array | null> = {}) {
  const f = fixtureCopy('minimal', overrides);
  cleanups.push(f.cleanup);
  return f.dir;
}

describe('row numbers when the file starts with blank lines', () => {
  it('header problems name the row the header is really on, data rows keep their numbers', async () => {
    // Two blank lines, then a header without the required 片区 column: Excel shows the header on row 3.
    const zones = '\r\n,,\r\n学校标识码,说明\r\n2199010001,\r\n2199010001,单号\r\n';
    const { data, issues } = await loadPortalData(copy({ '2025/zones.csv': zones }));
    expect(issues).toEqual([
      expect.objectContaining({ file: '2025/zones.csv', row: 3, column: 'area', code: 'missing-required-column' }),
    ]);
    expect(issues[0].message).toContain('第3行');
    expect(data.years[0].zones!.map((z) => z._source.row)).toEqual([4, 5]);
  });
});

describe('personal data typed with full-width digits', () => {
  it('is rejected like the half-width form', async () => {
    const zones = fixtureText('minimal', '2025/zones.csv').replace('文昌街道南门社区,单号', '文昌街道南门社区,联系电话１３８１２３４５６７８');
    const { issues } = await loadPortalData(copy({ '2025/zones.csv': zones }));
    expect(issues).toEqual([expect.objectContaining({ file: '2025/zones.csv', row: 3, column: 'note', code: 'phone-value', severity: 'error' })]);
  });
});

describe('validateDataDir', () => {
  it('reports a clean folder as ok', async () => {
    expect(await validateDataDir(copy())).toEqual({ ok: true, errors: 0, warnings: 0, issues: [], readable: true });
  });

  it('counts errors and warnings like the JSON report', async () => {
    const zones = fixtureText('minimal', '2025/zones.csv').replace('学校标识码,片区,说明', '学校标识码,片区,说明,备注栏');
    const classes = fixtureText('minimal', '2025/classes.csv').replace('1班,44', '1班,四十四');
    const r = await validateDataDir(copy({ '2025/zones.csv': zones, '2025/classes.csv': classes }));
    expect(r).toMatchObject({ ok: false, errors: 1, warnings: 1, readable: true });
    expect(r.issues.map((i) => i.code).sort()).toEqual(['not-a-number', 'unknown-column']);
  });

  it('does not throw for a folder that does not exist', async () => {
    const r = await validateDataDir('/nonexistent/portal-data');
    expect(r).toMatchObject({ ok: false, readable: false, errors: 1 });
    expect(r.issues[0].code).toBe('data-folder-missing');
  });
});

describe('catalogue', () => {
  it('has an entry for papaparse problems other than quotes', () => {
    expect(ISSUE_KINDS.find((k) => k.code === 'csv-parse-error')).toMatchObject({ severity: 'error' });
  });
});

describe('validate CLI help and typos', () => {
  const root = new URL('..', import.meta.url).pathname;
  const run = (args: string[]) => {
    const r = spawnSync(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'scripts/validate.ts', ...args], { cwd: root, encoding: 'utf8' });
    return { code: r.status, out: r.stdout, err: r.stderr };
  };

  it('--help prints Chinese usage with the exit codes and exits 0', () => {
    const r = run(['--help']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('用法：npm run validate');
    expect(r.out).toContain('退出码');
  });

  it('a mistyped flag or a bare folder name exits 2 with a hint, no stack trace', () => {
    const typo = run(['--fromat', 'json']);
    expect(typo.code).toBe(2);
    expect(typo.err).toContain('不认识的参数 --fromat');
    expect(typo.out).toBe('');
    const bare = run(['data']);
    expect(bare.code).toBe(2);
    expect(bare.err).toContain('--data data');
    for (const r of [typo, bare]) expect(r.err).not.toMatch(/\n\s+at /);
  });
});

describe('standards.csv indicator keys', () => {
  it('are checked against an injected list of known indicators', async () => {
    const { checkCrossFile } = await import('../src/lib/validate/cross-file');
    const row = (indicator: string, row: number) =>
      ({ indicator, stage: 'all', threshold: 1, source: '本地文件', _source: { file: 'standards.csv', row } }) as unknown as TypedRow;
    const issues = checkCrossFile(
      { regions: [], schools: [], plans: [], standards: [row('class_size_limit', 2), row('班额上限', 3)], years: [] },
      ['class_size_limit'],
    );
    expect(issues).toEqual([expect.objectContaining({ file: 'standards.csv', row: 3, column: 'indicator', code: 'unknown-standard-indicator', value: '班额上限' })]);
  });
});

describe('a UTF-8 file with a few broken bytes', () => {
  it('says where the broken bytes are instead of reading everything as GBK mojibake', async () => {
    const utf8 = new TextEncoder().encode(fixtureText('minimal', '2025/zones.csv'));
    // “南门” in GBK (C4 CF C3 C5) pasted into the UTF-8 file on row 3.
    const at = new TextEncoder().encode(fixtureText('minimal', '2025/zones.csv').split('南门')[0]).length;
    const broken = new Uint8Array([...utf8.subarray(0, at), 0xc4, 0xcf, 0xc3, 0xc5, ...utf8.subarray(at + 6)]);
    const { issues } = await loadPortalData(copy({ '2025/zones.csv': broken }));
    expect(issues).toEqual([expect.objectContaining({ file: '2025/zones.csv', row: 3, code: 'encoding-mixed', severity: 'error' })]);
    expect(issues[0].message).toContain('第3行');
  });

  it('still reads a whole GBK file as GBK', async () => {
    const { issues } = await loadPortalData(copy({ 'schools.csv': readFileSync(join(FIXTURES, 'bad-gbk', 'schools.csv')) }));
    expect(issues.filter((i) => i.file === 'schools.csv' && i.code.startsWith('encoding'))).toEqual([]);
  });
});

describe('random bytes without any NUL', () => {
  it('are called a binary file, not an unknown text encoding', async () => {
    let seed = 7;
    const bytes = new Uint8Array(2000).map(() => 1 + ((seed = (seed * 1103515245 + 12345) % 2147483648) % 255));
    const { issues } = await loadPortalData(copy({ '2025/zones.csv': bytes }));
    expect(issues).toEqual([expect.objectContaining({ file: '2025/zones.csv', row: null, code: 'not-csv' })]);
    expect(issues[0].message).toContain('二进制文件');
  });
});
