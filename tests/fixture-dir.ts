import { cpSync, mkdtempSync, rmSync, writeFileSync, mkdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export const FIXTURES = join(import.meta.dirname, 'fixtures');

/**
 * A temporary copy of a fixture data folder with some files replaced (string or bytes) or
 * removed (null). Returns the folder path; call cleanup() when done.
 */
export function fixtureCopy(
  name: string,
  overrides: Record<string, string | Uint8Array | null> = {},
): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), `portal-${name}-`));
  cpSync(join(FIXTURES, name), dir, { recursive: true });
  for (const [rel, content] of Object.entries(overrides)) {
    const p = join(dir, rel);
    if (content === null) rmSync(p, { recursive: true, force: true });
    else {
      mkdirSync(dirname(p), { recursive: true });
      writeFileSync(p, content);
    }
  }
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export function fixtureText(name: string, rel: string): string {
  return readFileSync(join(FIXTURES, name, rel), 'utf8');
}
