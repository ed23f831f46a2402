/** The validate CLI: exit codes 0/1/2, and the text, json and github formats. */
import { spawnSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { fixtureCopy, fixtureText } from './fixture-dir';

const root = new URL('..', import.meta.url).pathname;
function run(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'scripts/validate.ts', ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, ...env },
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const broken = fixtureCopy('minimal', {
  '2025/classes.csv': fixtureText('minimal', '2025/classes.csv').replace('1班,44', '1班,四十四'),
  '2025/zones.csv': fixtureText('minimal', '2025/zones.csv').replace('学校标识码,片区,说明', '学校标识码,片区,说明,备注栏'),
});
afterAll(() => broken.cleanup());

describe('npm run validate', () => {
  it('exits 0 on the sample data with a Chinese success line', () => {
    const r = run([]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('数据检查通过');
  });

  it('reads the folder from PORTAL_DATA', () => {
    const r = run(['--format', 'json'], { PORTAL_DATA: broken.dir });
    expect(r.code).toBe(1);
  });

  it('exits 1 with errors, grouped by file in Chinese text', () => {
    const r = run(['--data', broken.dir]);
    expect(r.code).toBe(1);
    expect(r.out).toContain('■ 2025/classes.csv');
    expect(r.out).toContain('第2行');
    expect(r.out).toContain('1 个错误、1 个提醒');
    expect(r.err).not.toMatch(/at .*\.ts:\d+/);
  });

  it('--format json is exactly {ok, errors, warnings, issues}', () => {
    const r = run(['--data', broken.dir, '--format', 'json']);
    const j = JSON.parse(r.out);
    expect(Object.keys(j)).toEqual(['ok', 'errors', 'warnings', 'issues']);
    expect(j).toMatchObject({ ok: false, errors: 1, warnings: 1 });
    expect(j.issues[0]).toEqual({
      file: '2025/classes.csv',
      row: 2,
      column: 'students',
      value: '四十四',
      code: 'not-a-number',
      severity: 'error',
      message: expect.stringContaining('四十四'),
      // the file's physical line (equal to the row unless a quoted cell above spans lines)
      line: 2,
    });
  });

  it('--format github writes workflow commands with file and line', () => {
    const r = run(['--data', broken.dir, '--format', 'github']);
    const lines = r.out.split('\n').filter((l) => l.startsWith('::'));
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^::error file=.*2025\/classes\.csv,line=2,title=not-a-number 学生数 \[students\]::/);
    expect(lines[1]).toMatch(/^::warning file=.*2025\/zones\.csv,line=1,/);
  });

  it('exits 2 with a message, not a stack trace, when the folder does not exist', () => {
    const r = run(['--data', '/nonexistent/folder']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('找不到数据文件夹');
    expect(r.err).not.toMatch(/\n\s+at /);
  });

  it('exits 2 on an unknown format', () => {
    const r = run(['--format', 'xml']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('不支持的格式');
  });
});
