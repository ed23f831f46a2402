/** Entry points: the 35-school sample (with its self-check) and benchmark regions of N schools. */
import { mkdirSync } from 'node:fs';
import { indexStandards, resolveStandards, type StandardsIndex } from '../standards';
import { selfCheck, type CvEntry } from './check';
import { writeYears, type YearOutput } from './engine';
import { largeRegion } from './large-region';
import { plantedFindings, type PlantedFinding } from './planted';
import { CITY, DEFAULT_SEED, sampleRegion } from './sample-region';
import { localStandardRows, writeTopLevel } from './top-level';
import type { RegionSpec } from './types';

/** The thresholds the sample is planned against: national ones with the sample's local override. */
export function sampleStandards(): StandardsIndex {
  return indexStandards(resolveStandards(localStandardRows()));
}

export interface SampleResult {
  readonly spec: RegionSpec;
  readonly years: readonly YearOutput[];
  readonly planted: readonly PlantedFinding[];
  readonly cvs: readonly CvEntry[];
}

export function generateSample(dir: string, seed: number = DEFAULT_SEED): SampleResult {
  const spec = sampleRegion(seed);
  const std = sampleStandards();
  mkdirSync(dir, { recursive: true });
  writeTopLevel(spec, dir, { title: '示例市义务教育均衡发展数据（示例）', regionName: CITY.name, regionLevel: 'city', regionCode: CITY.code, english: true });
  const years = writeYears(spec, std, dir, { keep: true });
  const cvs = selfCheck(spec, years, std);
  return { spec, years, planted: plantedFindings(spec, std), cvs };
}

/** The planted findings of the sample region for a seed (what `npm run sample` writes to data/). */
export function samplePlantedFindings(seed: number = DEFAULT_SEED): PlantedFinding[] {
  return plantedFindings(sampleRegion(seed), sampleStandards());
}

export function generateLarge(dir: string, schools: number, seed: number = DEFAULT_SEED): { spec: RegionSpec } {
  const spec = largeRegion(schools, seed);
  const std = sampleStandards();
  mkdirSync(dir, { recursive: true });
  writeTopLevel(spec, dir, {
    title: `${spec.province.name}义务教育均衡发展数据（示例，${schools}所学校）`,
    regionName: spec.province.name,
    regionLevel: 'province',
    regionCode: spec.province.code,
  });
  writeYears(spec, std, dir, { keep: false });
  return { spec };
}
