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

/**
 * The longest excerpt of a cell an issue carries or quotes: enough to find the cell, never a
 * pasted paragraph or the lines of a file linked in from elsewhere (messages become pull-request
 * annotations).
 */
export const MAX_VALUE_CHARS = 40;

/** Control and bidi characters are shown as “�” in an excerpt: they would reorder or hide text. */
const UNSHOWABLE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

export function shorten(value: string): string {
  const v = value.length > MAX_VALUE_CHARS ? value.slice(0, MAX_VALUE_CHARS) + '…' : value;
  return v.replace(UNSHOWABLE, '\ufffd');
}

/** Builds an issue from the catalogue: severity and message come from the code's entry. */
export function makeIssue(
  code: IssueCode,
  at: IssueAt,
  params: Record<string, string | number | null | undefined> = {},
): Issue {
  const kind = issueKind(code);
  const value = at.value === undefined || at.value === null ? null : shorten(at.value);
  // An unknown column is named by its header text, which can be anything (a line of another file).
  const column = at.column === undefined || at.column === null ? null : shorten(at.column);
  const label = at.label === undefined ? undefined : shorten(at.label);
  const message = fillTemplate(kind.template, {
    file: at.file.replace(UNSHOWABLE, '\ufffd'),
    row: at.row ?? undefined,
    column: column ?? undefined,
    label: label ?? column ?? undefined,
    value: value ?? undefined,
    ...params,
  });
  return {
    file: at.file,
    row: at.row ?? null,
    column,
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

/**
 * Problems that make schools.csv or regions.csv unreadable (wholly, or a code column): every
 * other file's references fail because of them, so they are listed before everything else.
 */
const ROOT_CAUSE_CODES = new Set([
  'data-folder-missing',
  'required-file-missing',
  'link-outside-data',
  'not-a-file',
  'empty-file',
  'not-csv',
  'encoding-unreadable',
  'encoding-mixed',
  'encoding-utf16',
  'encoding-big5',
  'file-too-large',
  'missing-required-column',
  'scientific-notation-code',
  'same-error-in-column',
]);

function rootCause(i: Issue): boolean {
  return (i.file === 'schools.csv' || i.file === 'regions.csv' || i.file === '.') && ROOT_CAUSE_CODES.has(i.code);
}

/** Stable order: root causes first (see above), then file, row (file-level first), column, code. */
export function sortIssues(issues: readonly Issue[]): Issue[] {
  return [...issues].sort(
    (a, b) =>
      Number(rootCause(b)) - Number(rootCause(a)) ||
      a.file.localeCompare(b.file) ||
      (a.row ?? 0) - (b.row ?? 0) ||
      (a.column ?? '').localeCompare(b.column ?? '') ||
      a.code.localeCompare(b.code),
  );
}
