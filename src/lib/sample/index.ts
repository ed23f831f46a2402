/** The seeded, deterministic sample-region generator (npm run sample). */
export { generateSample, generateLarge, samplePlantedFindings, sampleStandards } from './generate';
export type { SampleResult } from './generate';
export { plantedFindings } from './planted';
export type { PlantedFinding } from './planted';
export { weightedCv, countyCvs } from './check';
export type { CvEntry } from './check';
export { sampleRegion, DEFAULT_SEED, SAMPLE_YEARS, PROVINCE, CITY, QINGHE, YUNXI, SHIWAN } from './sample-region';
export type { RegionSpec, SchoolSpec, CountySpec, PlanSpec } from './types';
