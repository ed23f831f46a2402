/**
 * `npm run validate -- --format json` → GitLab Code Quality report, so each data problem shows in
 * the merge request with its file and line. Usage (see .gitlab-ci.yml):
 *   npx tsx templates/gitlab/codequality.ts < validate-report.json > gl-code-quality-report.json
 * `--data data` sets the folder prefix (default data/, or PORTAL_DATA).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { columnName } from '../../src/lib/validate/report';

interface ReportIssue {
  file: string;
  row: number | null;
  /** Physical line of the file (a quoted cell spanning lines makes it differ from row). */
  line?: number | null;
  column: string | null;
  value: string | null;
  code: string;
  severity: 'error' | 'warning';
  message: string;
}

export interface CodeQualityEntry {
  description: string;
  check_name: string;
  fingerprint: string;
  severity: 'info' | 'minor' | 'major' | 'critical' | 'blocker';
  location: { path: string; lines: { begin: number } };
}

export function toCodeQuality(report: { issues: readonly ReportIssue[] }, dataPrefix = 'data'): CodeQualityEntry[] {
  const prefix = dataPrefix.replace(/\/+$/, '').replace(/^\.\/?/, '');
  return report.issues.map((i) => {
    const path = [prefix, i.file === '.' ? '' : i.file].filter(Boolean).join('/');
    return {
      // The column by its Chinese label with the key in brackets, as in the GitHub annotations.
      description: i.column ? `${columnName(i.file, i.column)}：${i.message}` : i.message,
      check_name: i.code,
      // stable across pipelines, so GitLab can tell new problems from fixed ones
      fingerprint: createHash('sha256').update([i.code, i.file, i.row, i.column, i.value].join('\u0000')).digest('hex').slice(0, 32),
      severity: i.severity === 'error' ? 'major' : 'minor',
      location: { path, lines: { begin: i.line ?? i.row ?? 1 } },
    };
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const i = process.argv.indexOf('--data');
  const prefix = i > 0 ? process.argv[i + 1] : process.env.PORTAL_DATA || 'data';
  const text = readFileSync(0, 'utf8');
  let report: { issues: ReportIssue[] } = { issues: [] };
  try {
    report = JSON.parse(text);
  } catch {
    process.stderr.write('无法读取检查结果（validate --format json 的输出）。\n');
  }
  process.stdout.write(JSON.stringify(toCodeQuality(report, prefix), null, 2) + '\n');
}
