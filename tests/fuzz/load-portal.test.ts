/**
 * loadPortalData on temporary data folders where some files are replaced by generated ones
 * (see csv-model.ts): cross-file checks must cope with whatever the per-file reader let through
 * (null keys, unknown schools, broken regions) — never throw, keep every record, and report
 * every problem with a catalogued code, a file and a row that exists.
 */
import fc from 'fast-check';
import { runs } from './csv-model';
import { describe, it } from 'vitest';
import { loadPortalData } from '../../src/lib/model/load';
import { classes, regions, schools, zones } from '../../src/lib/schema';
import type { DatasetSchema } from '../../src/lib/schema/types';
import { fixtureCopy } from '../fixture-dir';
import { filePlan, type FilePlan } from './csv-model';
import { issueShapeProblems } from '../helpers/issues';

type Slot = { rel: string; schema: DatasetSchema; get: (d: Awaited<ReturnType<typeof loadPortalData>>['data']) => readonly unknown[] | undefined };
const SLOTS: Slot[] = [
  { rel: 'schools.csv', schema: schools, get: (d) => d.schools },
  { rel: 'regions.csv', schema: regions, get: (d) => d.regions },
  { rel: '2025/classes.csv', schema: classes, get: (d) => (d.years.find((y) => y.year === 2025) as unknown as Record<string, unknown[]>)?.classes },
  { rel: '2025/zones.csv', schema: zones, get: (d) => (d.years.find((y) => y.year === 2025) as unknown as Record<string, unknown[]>)?.zones },
];

describe('loadPortalData on folders with generated files', () => {
  it('never throws; keeps every record; every issue has a catalogued code, a file and an existing row', async () => {
    // Codes mostly from the fixture (so cross-file rules — grade taught, closed school, region
    // level, plan region — really run), sometimes random (unknown school or region).
    const codes = {
      school_id: ['2199010001', '3199010002', '2199010003', '2199010001'],
      region_code: ['990101', '990100', '990000', '990101'],
      parent_code: ['990100', '990000', '990101'],
    };
    const arb = fc.tuple(
      ...SLOTS.map((s) =>
        fc.option(fc.oneof(filePlan(s.schema, { dropRequired: true, maxRecords: 6 }), filePlan(s.schema, { maxRecords: 6, codes })), { freq: 2 }),
      ),
    );
    await fc.assert(
      fc.asyncProperty(arb, async (plans) => {
        const overrides: Record<string, string> = {};
        plans.forEach((p, i) => {
          if (p) overrides[SLOTS[i].rel] = p.text;
        });
        const { dir, cleanup } = fixtureCopy('minimal', overrides);
        try {
          let res;
          try {
            res = await loadPortalData(dir);
          } catch (e) {
            throw new Error(`loadPortalData threw: ${(e as Error).stack}\n${JSON.stringify(overrides, null, 1)}`);
          }
          const problems = issueShapeProblems(res.issues);
          if (!res.readable) problems.push('folder reported unreadable');
          plans.forEach((p: FilePlan | null, i) => {
            if (!p) return;
            const slot = SLOTS[i];
            const refused = res.issues.some((is) => is.file === slot.rel && is.row === null && is.severity === 'error' && ['not-csv', 'empty-file'].includes(is.code));
            // Control characters past the binary threshold: the whole file is refused, and says so.
            if (refused && /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(p.text)) return;
            const nonBlank = p.records.filter((r) => !r.blank).length;
            const rows = slot.get(res.data) ?? [];
            if (rows.length !== nonBlank) problems.push(`${slot.rel}: ${nonBlank} non-blank records, ${rows.length} rows in the model`);
            const lastRow = p.records.length + 2;
            for (const is of res.issues) if (is.file === slot.rel && is.row !== null && is.row > lastRow) problems.push(`${is.code} on ${slot.rel} row ${is.row} > last row ${lastRow}`);
          });
          if (problems.length) throw new Error(problems.slice(0, 8).join('\n') + '\n' + JSON.stringify(overrides, null, 1));
        } finally {
          cleanup();
        }
      }),
      { numRuns: runs(60) },
    );
  });
});
