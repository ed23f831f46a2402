/**
 * Determinism: the same data/ must give a byte-identical dist/ (same files, same SHA-256 of every
 * file), so that a rebuild with nothing changed publishes nothing new, caches stay warm and a
 * diff between two deployments shows only real data changes. Compares the shared build with a
 * fresh build into a different folder (so absolute output paths leaking into pages show up too).
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildSite, buildSiteOnce, SAMPLE_DATA } from './helpers/site';
import { listFiles } from './helpers/links';

function digest(dir: string): Map<string, string> {
  const m = new Map<string, string>();
  for (const f of listFiles(dir)) m.set(f, createHash('sha256').update(readFileSync(join(dir, f))).digest('hex'));
  return m;
}

/** First differing bytes of two text files, with a little context, to say what changed. */
function firstDifference(a: Buffer, b: Buffer): string {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  const from = Math.max(0, i - 80);
  return `at byte ${i}:\n    first:  …${a.subarray(from, i + 80).toString('utf8')}…\n    second: …${b.subarray(from, i + 80).toString('utf8')}…`;
}


describe('determinism', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'portal-determinism-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('two builds of the same data give byte-identical dist/ (file list and SHA-256 of every file)', async () => {
    const first = await buildSiteOnce();
    const second = await buildSite(SAMPLE_DATA, join(tmp, 'again', 'dist'));
    expect(second.ok, `second build failed:\n${second.log}`).toBe(true);
    const a = digest(first);
    const b = digest(second.outDir);
    const onlyFirst = [...a.keys()].filter((f) => !b.has(f));
    const onlySecond = [...b.keys()].filter((f) => !a.has(f));
    const differing = [...a.keys()].filter((f) => b.has(f) && a.get(f) !== b.get(f));
    const report = [
      onlyFirst.length ? `only in the first build (${onlyFirst.length}): ${onlyFirst.slice(0, 10).join(', ')}` : '',
      onlySecond.length ? `only in the second build (${onlySecond.length}): ${onlySecond.slice(0, 10).join(', ')}` : '',
      differing.length ? `${differing.length} files differ, first: ${differing.slice(0, 10).join(', ')}` : '',
      ...differing.slice(0, 3).map((f) => `  ${f} ${firstDifference(readFileSync(join(first, f)), readFileSync(join(second.outDir, f)))}`),
    ]
      .filter(Boolean)
      .join('\n');
    expect(a.size).toBeGreaterThan(20);
    expect(report, report).toBe('');
  });
});
