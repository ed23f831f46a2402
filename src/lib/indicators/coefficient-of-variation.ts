/**
 * The coefficient of variation (差异系数) as assessors compute it: weighted by enrolment.
 * For the n schools of one stage in a region, with Pᵢ students and value Xᵢ, P = ΣPᵢ:
 *     X̄ = Σ Pᵢ·Xᵢ / P      S = √( Σ Pᵢ·(Xᵢ − X̄)² / P )      CV = S / X̄
 * Edge cases (decided here, documented on the methodology page):
 *   - schools with 0 students carry no weight: excluded from the sums and listed;
 *   - no school left → undefined (no_schools);
 *   - X̄ = 0 → undefined (zero_mean), never a division;
 *   - one school → CV 0 by definition, with a note saying so.
 * Sums run in the order of the ids so the result is byte-stable.
 */
import type { Computed } from './types';
import { tidy, undefinedValue, value } from './values';

export interface CvPoint {
  readonly id: string;
  /** Pᵢ: students. */
  readonly weight: number;
  /** Xᵢ: the school's indicator value. */
  readonly value: number;
}

export interface CvComputation {
  readonly value: Computed;
  readonly mean: Computed;
  readonly sd: Computed;
  readonly schools: number;
  readonly students: number;
  /** ids of points with weight 0 (excluded, listed). */
  readonly zeroWeight: readonly string[];
}

export const ONE_SCHOOL_NOTE = '只有1所学校，差异系数按定义为0';

export function weightedCv(points: readonly CvPoint[]): CvComputation {
  const sorted = [...points].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const zeroWeight = sorted.filter((p) => p.weight === 0).map((p) => p.id);
  const used = sorted.filter((p) => p.weight > 0);
  const P = used.reduce((s, p) => s + p.weight, 0);
  if (used.length === 0) {
    const u = undefinedValue('no_schools', '没有可计入的学校');
    return { value: u, mean: u, sd: u, schools: 0, students: 0, zeroWeight };
  }
  const mean = used.reduce((s, p) => s + p.weight * p.value, 0) / P;
  const variance = used.reduce((s, p) => s + p.weight * (p.value - mean) ** 2, 0) / P;
  const sd = Math.sqrt(variance);
  const base = { mean: value(tidy(mean)), sd: value(tidy(sd)), schools: used.length, students: P, zeroWeight };
  if (Math.abs(mean) < Number.EPSILON) {
    return { ...base, value: undefinedValue('zero_mean', '均值为0，差异系数无定义（不做除法）') };
  }
  if (used.length === 1) return { ...base, sd: value(0), value: value(0, ONE_SCHOOL_NOTE) };
  return { ...base, value: value(tidy(sd / mean)) };
}

/**
 * The plain (unweighted, population) CV — NOT the official method. Kept only so tests and the
 * methodology page can show that the two differ.
 */
export function unweightedCv(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const mean = values.reduce((s, v) => s + v, 0) / values.length;
  if (mean === 0) return null;
  const sd = Math.sqrt(values.reduce((s, v) => s + (v - mean) ** 2, 0) / values.length);
  return sd / mean;
}

/** Mean of single CVs (综合差异系数): reported, never tested. Missing/undefined when any input is. */
export function compositeCv(cvs: readonly Computed[]): Computed {
  if (cvs.length === 0) return undefinedValue('no_schools', '没有可计入的学校');
  const bad = cvs.find((c) => c.kind !== 'value');
  if (bad) {
    const ms = cvs.filter((c) => c.kind === 'missing').flatMap((c) => (c.kind === 'missing' ? c.missing : []));
    if (ms.length) return { kind: 'missing', missing: [...new Set(ms)].sort() };
    return bad;
  }
  return value(tidy(cvs.reduce((s, c) => s + (c.kind === 'value' ? c.value : 0), 0) / cvs.length));
}
