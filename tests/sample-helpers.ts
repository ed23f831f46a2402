/**
 * A minimal reader for the generator's own output (Chinese headers and values, UTF-8, no BOM),
 * so the sample tests can run the indicators on data/ without depending on the full loader.
 * Not a test file itself.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { parse as parseYaml } from 'yaml';
import type { PortalData, YearData } from '../src/lib/model/types';
import { TOP_LEVEL_DATASETS, YEAR_DATASETS, type DatasetSchema } from '../src/lib/schema';
import type { PortalSettings } from '../src/lib/settings/types';

export function readRows(schema: DatasetSchema, file: string, rel: string): Record<string, unknown>[] {
  const text = readFileSync(file, 'utf8');
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: true });
  const [head, ...rows] = parsed.data;
  const cols = head.map((h) => schema.columns.find((c) => c.zh === h || c.key === h));
  return rows.map((cells, i) => {
    const out: Record<string, unknown> = { _source: { file: rel, row: i + 2 } };
    cols.forEach((c, j) => {
      if (!c) throw new Error(`${rel}: unknown header ${head[j]}`);
      const v = cells[j] ?? '';
      if (v === '') out[c.key] = c.default ?? null;
      else if (['integer', 'number', 'percent', 'year'].includes(c.type)) out[c.key] = Number(v);
      else if (c.type === 'enum') {
        const e = c.values!.find((x) => x.key === v || x.zh === v || (x.aliases ?? []).includes(v));
        if (!e) throw new Error(`${rel}: bad value ${v} in ${c.key}`);
        out[c.key] = e.key;
      } else out[c.key] = v;
    });
    return out;
  });
}

export function readPortal(dir: string): PortalData {
  const top = Object.fromEntries(
    TOP_LEVEL_DATASETS.map((d) => [d.id, existsSync(join(dir, `${d.id}.csv`)) ? readRows(d, join(dir, `${d.id}.csv`), `${d.id}.csv`) : []]),
  );
  const years: YearData[] = readdirSync(dir)
    .filter((f) => /^\d{4}$/.test(f))
    .sort()
    .map((folder) => {
      const y: Record<string, unknown> = { year: Number(folder), folder };
      for (const d of YEAR_DATASETS) {
        const f = join(dir, folder, `${d.id}.csv`);
        if (existsSync(f)) y[d.id] = readRows(d, f, `${folder}/${d.id}.csv`);
      }
      return y as unknown as YearData;
    });
  const settings = parseYaml(readFileSync(join(dir, 'portal.yml'), 'utf8')) as PortalSettings;
  return { dataDir: dir, settings, regions: top.regions, schools: top.schools, plans: top.plans, standards: top.standards, years } as unknown as PortalData;
}
