/** Short plan-status cell text: a symbol and a word, so year columns stay narrow (full wording goes in the title). */
export const PLAN_STATUS_SHORT: Record<string, string> = {
  met: '✓ 达标',
  met_early: '✓ 提前达标',
  on_track: '· 未到期',
  missed: '✗ 到期未达标',
  unknown: '? 数据不足',
  not_applicable: '—',
};
