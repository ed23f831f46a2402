import { describe, expect, it, beforeAll, afterAll } from 'vitest';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { toCodeQuality } from '../templates/gitlab/codequality';
import { FIXTURES } from './fixture-dir';

const ROOT = resolve(import.meta.dirname, '..');
const TSX = join(ROOT, 'node_modules/.bin/tsx');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
const github = parse(readFileSync(join(ROOT, 'templates/github/workflows/portal.yml'), 'utf8'));
const gitlabText = readFileSync(join(ROOT, 'templates/gitlab/.gitlab-ci.yml'), 'utf8');
const gitlab = parse(gitlabText);

/** Every shell line of a workflow, wherever it sits. */
function runLines(doc: unknown): string[] {
  const out: string[] = [];
  const walk = (v: unknown, key: string | null) => {
    if (typeof v === 'string' && (key === 'run' || key === 'script')) out.push(...v.split('\n'));
    else if (Array.isArray(v)) v.forEach((x) => walk(x, key === 'script' ? 'script' : null));
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, k);
  };
  walk(doc, null);
  return out;
}

describe.each([
  ['GitHub', github],
  ['GitLab', gitlab],
])('%s template calls only what exists', (_name, doc) => {
  const lines = runLines(doc);
  it('every `npm run <script>` is a script of package.json', () => {
    const called = [...lines.join('\n').matchAll(/npm run (?:--silent )?([\w:-]+)/g)].map((m) => m[1]);
    expect(called).toEqual(expect.arrayContaining(['validate', 'build']));
    for (const s of called) expect(pkg.scripts, `npm run ${s}`).toHaveProperty(s);
  });
  it('every file it runs with tsx exists', () => {
    for (const m of lines.join('\n').matchAll(/tsx ([\w./-]+\.ts)/g)) expect(existsSync(join(ROOT, m[1])), m[1]).toBe(true);
  });
  it('installs with npm ci and validates before building', () => {
    const all = lines.join('\n');
    expect(all).toContain('npm ci');
    expect(all.indexOf('validate')).toBeLessThan(all.indexOf('npm run build'));
  });
});

describe('GitHub Actions template', () => {
  it('runs on pull requests, pushes to main, a daily schedule (embargo dates) and by hand', () => {
    expect(Object.keys(github.on).sort()).toEqual(['pull_request', 'push', 'schedule', 'workflow_dispatch']);
    expect(github.on.push.branches).toEqual(['main']);
    // 16:05 UTC = 00:05 Beijing time, right after an embargo date begins
    expect(github.on.schedule[0].cron).toBe('5 16 * * *');
  });

  it('pull requests get annotations and a Chinese summary, and never deploy', () => {
    const v = github.jobs.validate;
    const runs = v.steps.map((s: { run?: string }) => s.run ?? '').join('\n');
    expect(runs).toContain('validate -- --format github');
    expect(runs).toMatch(/--format text[\s\S]*GITHUB_STEP_SUMMARY/);
    expect(github.jobs.build.if).toBe("github.event_name != 'pull_request'");
    expect(github.jobs.build.needs).toBe('validate');
  });

  it('main is built, uploaded and deployed to Pages with the needed permissions', () => {
    const uses = (job: { steps: { uses?: string; with?: Record<string, unknown> }[] }) => job.steps.map((s) => s.uses).filter(Boolean);
    expect(uses(github.jobs.build)).toEqual(expect.arrayContaining(['actions/upload-pages-artifact@v3']));
    expect(github.jobs.build.steps.find((s: { uses?: string }) => s.uses?.startsWith('actions/upload-pages-artifact')).with.path).toBe('dist');
    expect(uses(github.jobs.deploy)).toEqual(['actions/deploy-pages@v4']);
    expect(github.jobs.deploy.permissions).toEqual({ pages: 'write', 'id-token': 'write' });
    expect(github.jobs.deploy.environment.name).toBe('github-pages');
  });
});

describe('GitLab CI template', () => {
  it('validates merge requests with a Code Quality report and publishes main as the pages job from dist/', () => {
    expect(gitlab.validate.artifacts.reports.codequality).toBe('gl-code-quality-report.json');
    expect(gitlab.validate.artifacts.when).toBe('always');
    expect(gitlab.workflow.rules.map((r: { if: string }) => r.if)).toEqual(
      expect.arrayContaining(['$CI_PIPELINE_SOURCE == "merge_request_event"', '$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH']),
    );
    expect(gitlab.build.rules[0].if).toBe('$CI_PIPELINE_SOURCE != "merge_request_event"');
    expect(gitlab.pages.artifacts.paths).toEqual(['public']);
    expect(gitlab.pages.script.join('\n')).toContain('cp -r dist public');
    expect(gitlab.pages.needs).toEqual(['build']);
  });

  it('turns the JSON report into Code Quality entries on the right file and line', () => {
    const entries = toCodeQuality({
      issues: [
        { file: '2025/classes.csv', row: 3, column: 'students', value: 'abc', code: 'not-a-number', severity: 'error', message: '不是数字' },
        { file: 'schools.csv', row: null, column: 'x', value: 'x', code: 'unknown-column', severity: 'warning', message: '无法识别的列' },
      ],
    });
    expect(entries[0]).toMatchObject({ check_name: 'not-a-number', severity: 'major', location: { path: 'data/2025/classes.csv', lines: { begin: 3 } } });
    expect(entries[1]).toMatchObject({ severity: 'minor', location: { path: 'data/schools.csv', lines: { begin: 1 } } });
    expect(entries[0].fingerprint).not.toBe(entries[1].fingerprint);
  });
});

describe('GitLab Code Quality converter as the pipeline runs it', () => {
  it('reads validate --format json on stdin and writes the report', () => {
    const report = JSON.stringify({ ok: false, errors: 1, warnings: 0, issues: [{ file: '2025/classes.csv', row: 3, column: 'students', value: 'x', code: 'not-a-number', severity: 'error', message: '第3行“学生数”的值“x”不是数字' }] });
    const r = spawnSync(TSX, [join(ROOT, 'templates/gitlab/codequality.ts')], { input: report, encoding: 'utf8', env: { ...process.env, PORTAL_DATA: '' } });
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({ description: '学生数 [students]：第3行“学生数”的值“x”不是数字', location: { path: 'data/2025/classes.csv', lines: { begin: 3 } } });
  });
});

describe('a deliberately broken CSV in a pull request', () => {
  let repo: string;
  let out: { status: number | null; stdout: string };
  beforeAll(() => {
    // a bureau repository: data/ at the top, validate run from the repository root as CI does
    repo = mkdtempSync(join(tmpdir(), 'portal-pr-'));
    cpSync(join(FIXTURES, 'minimal'), join(repo, 'data'), { recursive: true });
    const classes = readFileSync(join(repo, 'data/2025/classes.csv'), 'utf8').split('\n');
    classes[2] = classes[2].replace(/,\d+$/, ',四十五'); // spreadsheet row 3
    writeFileSync(join(repo, 'data/2025/classes.csv'), classes.join('\n'));
    const r = spawnSync(TSX, [join(ROOT, 'scripts/validate.ts'), '--format', 'github'], { cwd: repo, encoding: 'utf8', env: { ...process.env, PORTAL_DATA: '' } });
    out = { status: r.status, stdout: r.stdout };
  }, 60_000);
  afterAll(() => rmSync(repo, { recursive: true, force: true }));

  it('fails the check and annotates data/2025/classes.csv line 3', () => {
    expect(out.status).toBe(1);
    const line = out.stdout.split('\n').find((l) => l.startsWith('::error '));
    expect(line).toMatch(/^::error file=data\/2025\/classes\.csv,line=3,title=not-a-number 学生数 \[students\]::/);
    // the message is the Chinese one a clerk reads, naming the value
    expect(line).toContain('四十五');
    expect(line).toContain('第3行');
  });
});

describe('item 13: deploys are never cancelled, the preview is posted even when validation fails', () => {
  it('GitHub Pages deploy uses GitHub’s recommended concurrency: group pages, not cancelled in progress', () => {
    expect(github.jobs.deploy.concurrency).toEqual({ group: 'pages', 'cancel-in-progress': false });
    // A later push or the daily schedule (same ref: main) must not cancel a running build/deploy:
    // the workflow-wide group cancels pull-request runs only.
    const wf = github.concurrency;
    expect(wf['cancel-in-progress']).not.toBe(true);
    expect(String(wf['cancel-in-progress'])).toBe("${{ github.event_name == 'pull_request' }}");
  });

  it('after a failed validate step the summary, the preview and the pull-request comment still run', () => {
    const steps = github.jobs.validate.steps as { name?: string; run?: string; if?: string }[];
    const failing = steps.findIndex((s) => s.run?.includes('--format github'));
    const later = steps.slice(failing + 1);
    const preview = later.find((s) => s.run?.includes('npm run --silent preview'));
    const comment = later.find((s) => s.run?.includes('gh pr comment'));
    expect(preview?.if).toMatch(/^always\(\) && github\.event_name == 'pull_request'/);
    expect(comment?.if).toMatch(/^always\(\) && github\.event_name == 'pull_request'/);
    for (const s of later) expect(s.if ?? '', s.name).toMatch(/^always\(\)/);
    // The comment carries the Chinese issue list and the preview.
    expect(comment!.run).toContain('--body-file portal-comment.md');
    expect(preview!.run).toContain('>> portal-comment.md');
    expect(github.jobs.validate.permissions['pull-requests']).toBe('write');
    // No ${{ }} expression of user-controlled text inside a shell line (branch names are passed as env).
    for (const s of later) expect(s.run ?? '').not.toMatch(/\$\{\{\s*github\.(base_ref|head_ref)/);
  });

  it('GitLab’s pages job deploys from the default branch only (not from a schedule on another branch)', () => {
    expect(gitlab.pages.rules).toEqual([{ if: '$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH' }]);
    expect(gitlab.pages.resource_group).toBe('pages');
    // The merge-request job still prints the preview when validation fails (exit status kept for last).
    const script = gitlab.validate.script.join('\n');
    expect(script).toMatch(/validate -- --format text \|\| status=\$\?[\s\S]*preview[\s\S]*exit \$\{status:-0\}/);
  });
});

describe('item 12: annotations point at the physical line, columns named by Chinese label with the key', () => {
  let repo: string;
  const run = (format: string) =>
    spawnSync(TSX, [join(ROOT, 'scripts/validate.ts'), '--format', format], { cwd: repo, encoding: 'utf8', env: { ...process.env, PORTAL_DATA: '' } });
  beforeAll(() => {
    repo = mkdtempSync(join(tmpdir(), 'portal-pr-lines-'));
    cpSync(join(FIXTURES, 'minimal'), join(repo, 'data'), { recursive: true });
    const lines = readFileSync(join(repo, 'data/2025/classes.csv'), 'utf8').replace(/\r\n/g, '\n').split('\n');
    // Spreadsheet row 2 gets a class name typed on two lines (Alt+Enter in Excel): one row, two lines.
    lines[1] = lines[1].replace(',1班,', ',"1班\n（实验班）",');
    // Spreadsheet row 4 is physical line 5 of the file.
    lines[3] = lines[3].replace(/,\d+$/, ',四十五');
    writeFileSync(join(repo, 'data/2025/classes.csv'), lines.join('\n'));
  }, 60_000);
  afterAll(() => rmSync(repo, { recursive: true, force: true }));

  it('GitHub: line=5 for spreadsheet row 4 below a two-line cell; the title names 学生数 [students]', () => {
    const r = run('github');
    expect(r.status).toBe(1);
    const line = r.stdout.split('\n').find((l) => l.startsWith('::error '))!;
    expect(line).toMatch(/^::error file=data\/2025\/classes\.csv,line=5,title=not-a-number 学生数 \[students\]::/);
    expect(line).toContain('第4行'); // the message names the row as the spreadsheet shows it …
    expect(line).toContain('表格中第4行，文件中第5行'); // … and says why the annotation is on line 5
  });

  it('GitLab: the JSON report carries line 5 and the Code Quality entry begins there', () => {
    const r = run('json');
    const report = JSON.parse(r.stdout);
    const issue = report.issues.find((i: { code: string }) => i.code === 'not-a-number');
    expect(issue).toMatchObject({ row: 4, line: 5, column: 'students' });
    const cq = spawnSync(TSX, [join(ROOT, 'templates/gitlab/codequality.ts')], { input: r.stdout, encoding: 'utf8', env: { ...process.env, PORTAL_DATA: '' } });
    const entry = JSON.parse(cq.stdout).find((e: { check_name: string }) => e.check_name === 'not-a-number');
    expect(entry.location).toEqual({ path: 'data/2025/classes.csv', lines: { begin: 5 } });
    expect(entry.description).toMatch(/^学生数 \[students\]：.*第4行/);
  });

  it('the text report names the column 学生数 [students]', () => {
    const r = run('text');
    expect(r.stdout).toMatch(/错误［第4行，列 学生数 \[students\]］/);
  });

  it('maps rows to lines through CRLF, blank lines, escaped quotes, a BOM and Excel’s sep=, line', async () => {
    const { recordStartLines } = await import('../src/lib/validate/report');
    const enc = (s: string) => new TextEncoder().encode(s);
    // rows: 1 header, 2 "a\r\nb", 3 blank, 4 x""y "multi\nline", 5 last
    const text = 'h1,h2\r\n"a\r\nb",1\r\n\r\n"x""y","multi\nline"\r\nlast,2\r\n';
    expect(recordStartLines(enc(text)).slice(0, 5)).toEqual([1, 2, 4, 5, 7]);
    expect(recordStartLines(enc('\uFEFFsep=,\r\nh\r\n"a\nb"\r\nc\r\n')).slice(0, 3)).toEqual([2, 3, 5]);
    // A quote inside an unquoted field is a literal character (as papaparse reads it).
    expect(recordStartLines(enc('h\nab"c\nd\n')).slice(0, 3)).toEqual([1, 2, 3]);
  });
});

describe('item 16: npm ci is quiet about install scripts and keeps the Node 24 pin working', () => {
  const pkgJson = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { allowScripts?: Record<string, boolean>; devDependencies: Record<string, string> };
  const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, { version?: string; hasInstallScript?: boolean }> };

  it('every locked package with an install script is declared in allowScripts (npm 11’s field; npm 12 blocks the rest)', () => {
    const withScripts = Object.entries(lock.packages)
      .filter(([, p]) => p.hasInstallScript)
      .map(([path, p]) => ({ name: path.replace(/^.*node_modules\//, ''), version: p.version }));
    expect(withScripts.map((p) => p.name)).toEqual(expect.arrayContaining(['node', 'esbuild']));
    for (const p of withScripts) {
      const allowed = pkgJson.allowScripts?.[p.name] ?? pkgJson.allowScripts?.[`${p.name}@${p.version}`];
      expect(allowed, `${p.name}@${p.version} runs an install script: approve it (npm install-scripts approve ${p.name}) or deny it`).toBe(true);
    }
  });

  it('the pin itself: the node package (whose preinstall installs Node 24) is a dev dependency', () => {
    expect(pkgJson.devDependencies.node).toMatch(/^\^?24\./);
    expect(pkgJson.allowScripts?.node).toBe(true);
  });
});
