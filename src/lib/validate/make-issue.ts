import type { Issue } from './issue';
import { fillTemplate, issueKind, type IssueCode } from './codes';

export interface IssueAt {
  readonly file: string;
  readonly row?: number | null;
  readonly column?: string | null;
  readonly value?: string | null;
  /** Chinese label of the column, for the message. */
  readonly label?: string;
}

/** The longest value an issue carries or quotes; a 1 MB pasted cell must not flood the report. */
const MAX_VALUE_CHARS = 120;

export function shorten(value: string): string {
  return value.length > MAX_VALUE_CHARS ? value.slice(0, MAX_VALUE_CHARS) + '…' : value;
}

/** Builds an issue from the catalogue: severity and message come from the code's entry. */
export function makeIssue(
  code: IssueCode,
  at: IssueAt,
  params: Record<string, string | number | null | undefined> = {},
): Issue {
  const kind = issueKind(code);
  const value = at.value === undefined || at.value === null ? null : shorten(at.value);
  const message = fillTemplate(kind.template, {
    file: at.file,
    row: at.row ?? undefined,
    column: at.column ?? undefined,
    label: at.label ?? at.column ?? undefined,
    value: value ?? undefined,
    ...params,
  });
  return {
    file: at.file,
    row: at.row ?? null,
    column: at.column ?? null,
    value,
    code,
    severity: kind.severity,
    message,
  };
}

export function countBySeverity(issues: readonly Issue[]): { errors: number; warnings: number } {
  let errors = 0;
  let warnings = 0;
  for (const i of issues) {
    if (i.severity === 'error') errors++;
    else warnings++;
  }
  return { errors, warnings };
}

/** Stable order: file, row (file-level first), column, code. */
export function sortIssues(issues: readonly Issue[]): Issue[] {
  return [...issues].sort(
    (a, b) =>
      a.file.localeCompare(b.file) ||
      (a.row ?? 0) - (b.row ?? 0) ||
      (a.column ?? '').localeCompare(b.column ?? '') ||
      a.code.localeCompare(b.code),
  );
}
