/**
 * The generated data passes the project's own validation with no error and no warning — the
 * sample as written to data/, and a benchmark region — and the indicators computed from the
 * loader's model (not the tests' small reader) find exactly the planted findings.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { computeIndicators } from '../src/lib/indicators/compute';
import { loadPortalDataSync } from '../src/lib/model/load';
import { generateLarge, generateSample, samplePlantedFindings } from '../src/lib/sample';

const tmp: string[] = [];
afterAll(() => tmp.forEach((d) => rmSync(d, { recursive: true, force: true })));
function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'sample-validate-'));
  tmp.push(d);
  return d;
}

describe('generated data is valid', () => {
  it('the sample: no issues at all, and the indicators find exactly what was planted', () => {
    const dir = tempDir();
    generateSample(dir);
    const r = loadPortalDataSync(dir);
    expect(r.issues.map((i) => `${i.file}:${i.row} ${i.code} ${i.message}`)).toEqual([]);
    expect(r.data.settings.sample).toBe(true);
    const got = computeIndicators(r.data).findings.map((f) => f.id).sort();
    expect(got).toEqual(samplePlantedFindings().map((f) => f.id).sort());
  });

  it('a benchmark region: no issues at all', () => {
    const dir = tempDir();
    generateLarge(dir, 300);
    const r = loadPortalDataSync(dir);
    expect(r.issues.map((i) => `${i.file}:${i.row} ${i.code} ${i.message}`)).toEqual([]);
    expect(r.data.schools).toHaveLength(300);
  });
});
