import type { Issue } from './issue';
import { countBySeverity } from './make-issue';

/** The issue list as a Chinese text report, grouped by file (what the CLI and the build print). */
export function formatText(issues: readonly Issue[], dataDir: string): string {
  const { errors, warnings } = countBySeverity(issues);
  const lines: string[] = [];
  if (issues.length === 0) {
    lines.push(`✓ 数据检查通过：${dataDir} 中没有发现问题。`);
    return lines.join('\n') + '\n';
  }
  const byFile = new Map<string, Issue[]>();
  for (const i of issues) {
    const list = byFile.get(i.file) ?? [];
    list.push(i);
    byFile.set(i.file, list);
  }
  for (const [file, list] of byFile) {
    lines.push(`■ ${file}（${list.length}个问题）`);
    for (const i of list) {
      const where = [i.row !== null ? `第${i.row}行` : null, i.column ? `列 ${i.column}` : null].filter(Boolean).join('，');
      lines.push(`  ${i.severity === 'error' ? '错误' : '提醒'}${where ? `［${where}］` : ''} ${i.message}  (${i.code})`);
    }
    lines.push('');
  }
  lines.push(
    errors > 0
      ? `✗ 共 ${errors} 个错误、${warnings} 个提醒。请改正错误后再发布（提醒不影响发布）。`
      : `✓ 没有错误，共 ${warnings} 个提醒（不影响发布）。`,
  );
  return lines.join('\n') + '\n';
}

/** `{"ok", "errors", "warnings", "issues"}` — the machine-readable report. */
export function formatJson(issues: readonly Issue[]): string {
  const { errors, warnings } = countBySeverity(issues);
  return JSON.stringify({ ok: errors === 0, errors, warnings, issues }, null, 2) + '\n';
}

/** GitHub Actions workflow-command escaping (actions/toolkit command.ts). */
function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}
function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/**
 * One `::error file=…,line=…,title=…::message` line per issue, so a pull request shows each
 * problem on the file and line. `filePrefix` is the data folder relative to the repository root.
 */
export function formatGithub(issues: readonly Issue[], filePrefix: string): string {
  const prefix = filePrefix === '' || filePrefix === '.' ? '' : filePrefix.replace(/\/+$/, '') + '/';
  return issues
    .map((i) => {
      const props = [`file=${escapeProperty(prefix + (i.file === '.' ? '' : i.file))}`];
      if (i.row !== null) props.push(`line=${i.row}`);
      props.push(`title=${escapeProperty(`${i.code}${i.column ? ` (${i.column})` : ''}`)}`);
      return `::${i.severity === 'error' ? 'error' : 'warning'} ${props.join(',')}::${escapeData(i.message)}`;
    })
    .join('\n') + (issues.length ? '\n' : '');
}
