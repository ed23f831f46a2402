/**
 * Rules within one row, from the data contract: a part cannot exceed its total, results cannot
 * be published before the plan. Kept as data so the publisher guide can list them.
 */
export interface PartOfTotal {
  readonly dataset: string;
  readonly part: string;
  readonly total: string;
}

export const PART_OF_TOTAL: readonly PartOfTotal[] = [
  { dataset: 'admissions', part: 'admitted_in_zone', total: 'admitted' },
  { dataset: 'admissions', part: 'admitted_migrant', total: 'admitted' },
  { dataset: 'admissions', part: 'admitted_disabled', total: 'admitted' },
  { dataset: 'teachers', part: 'certified_teachers', total: 'teachers' },
  { dataset: 'teachers', part: 'exchanged', total: 'exchange_eligible' },
  { dataset: 'teachers', part: 'backbone_exchanged', total: 'exchanged' },
  { dataset: 'teachers', part: 'training_360h_done', total: 'teachers' },
  { dataset: 'teachers', part: 'exchange_eligible', total: 'teachers' },
  { dataset: 'outcomes', part: 'dropouts', total: 'students_start' },
  { dataset: 'funding', part: 'special_ed_funds_yuan', total: 'public_funds_yuan' },
];

export interface DateOrder {
  readonly dataset: string;
  readonly earlier: string;
  readonly later: string;
}

export const DATE_ORDER: readonly DateOrder[] = [
  { dataset: 'admissions', earlier: 'plan_published_on', later: 'results_published_on' },
];
