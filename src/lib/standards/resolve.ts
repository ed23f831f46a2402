/**
 * Applies data/standards.csv to the national table. An override replaces the national value
 * for its key and stage (`all` replaces every stage of the key); the result records which
 * value applied and where it came from, so the site can say so.
 */
import type { StandardRow } from '../schema';
import type { AppliedStandard, StandardDefinition, StandardStage } from '../indicators/types';
import { NATIONAL_STANDARDS } from './national';
import { citeSource } from './documents';

/** Every key data/standards.csv may name (the validator checks `indicator` against it). */
export const STANDARD_KEYS: readonly string[] = [...new Set(NATIONAL_STANDARDS.map((s) => s.key))];

export function isStandardKey(key: string): boolean {
  return STANDARD_KEYS.includes(key);
}

/** Stages a key is defined for in the national table (`all` or primary/junior). */
export function stagesOfKey(key: string): readonly StandardStage[] {
  return NATIONAL_STANDARDS.filter((s) => s.key === key).map((s) => s.stage);
}

function national(def: StandardDefinition): AppliedStandard {
  return { ...def, origin: 'national', nationalThreshold: def.threshold, citation: citeSource(def.source, def.article) };
}

function local(def: StandardDefinition, stage: StandardStage, row: StandardRow): AppliedStandard {
  return {
    ...def,
    stage,
    threshold: row.threshold,
    origin: 'local',
    nationalThreshold: def.threshold,
    local: { source: row.source, row: row._source },
    citation: `${row.source}（本地标准，见 standards.csv 第${row._source.row}行；国家标准依据：${citeSource(def.source, def.article)}）`,
  };
}

/**
 * National table with local overrides applied, in table order. Overrides with an unknown key
 * are ignored here (the validator reports them). Precedence: an override for the exact stage
 * beats one for `all`. An override of a stage-specific value for an `all` key adds a
 * stage-specific row right after the national one (lookups prefer the exact stage).
 */
export function resolveStandards(overrides: readonly StandardRow[]): AppliedStandard[] {
  const find = (key: string, stage: StandardStage) => overrides.find((o) => o.indicator === key && o.stage === stage);
  const out: AppliedStandard[] = [];
  for (const def of NATIONAL_STANDARDS) {
    if (def.stage === 'all') {
      const all = find(def.key, 'all');
      out.push(all ? local(def, 'all', all) : national(def));
      for (const stage of ['primary', 'junior'] as const) {
        const o = find(def.key, stage);
        if (o) out.push(local(def, stage, o));
      }
    } else {
      const o = find(def.key, def.stage) ?? find(def.key, 'all');
      out.push(o ? local(def, def.stage, o) : national(def));
    }
  }
  return out;
}

/** Lookup of applied standards by key and stage (exact stage first, then `all`). */
export interface StandardsIndex {
  readonly all: readonly AppliedStandard[];
  get(key: string, stage?: StandardStage): AppliedStandard;
  threshold(key: string, stage?: StandardStage): number;
}

export function indexStandards(applied: readonly AppliedStandard[]): StandardsIndex {
  const map = new Map<string, AppliedStandard>();
  for (const s of applied) map.set(`${s.key}|${s.stage}`, s);
  const get = (key: string, stage: StandardStage = 'all'): AppliedStandard => {
    const s = map.get(`${key}|${stage}`) ?? map.get(`${key}|all`);
    if (!s) throw new Error(`standards table has no ${key} for ${stage}`);
    return s;
  };
  return { all: applied, get, threshold: (key, stage) => get(key, stage).threshold };
}
