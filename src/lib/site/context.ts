/**
 * National figures shown as context (not thresholds): the share of 大班额 and 超大班额 among
 * all compulsory-education classes in China, as reported by the Ministry of Education.
 */
export interface NationalClassShare {
  readonly year: number;
  /** % of classes with 56–65 pupils. */
  readonly large: number;
  /** % of classes with 66 or more. */
  readonly superLarge: number;
}

export const NATIONAL_CLASS_SHARES: readonly NationalClassShare[] = [
  { year: 2017, large: 10.1, superLarge: 2.4 }, // lint-allow: national statistics shown as context, not thresholds
  { year: 2018, large: 7.06, superLarge: 0.5 }, // lint-allow: national statistics shown as context, not thresholds
  { year: 2021, large: 0.71, superLarge: 0.01 },
];

export const NATIONAL_CLASS_SHARES_SOURCE = '教育部历年全国教育事业发展统计公报及新闻发布会（全国义务教育大班额、超大班额占比）';
