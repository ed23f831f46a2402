import { createHash } from 'node:crypto';

export function sha256Hex(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export interface Checksummed {
  /** Path relative to the folder the SHA256SUMS file sits in. */
  readonly path: string;
  readonly sha256: string;
}

/** `sha256sum -c SHA256SUMS` format: hash, two spaces, path; sorted by path; LF. */
export function sha256sums(files: readonly Checksummed[]): string {
  return [...files]
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
    .map((f) => `${f.sha256}  ${f.path}\n`)
    .join('');
}

/** Human-readable size: 1.2 MB, 340 KB, 512 B (binary multiples, as file managers show). */
export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}
