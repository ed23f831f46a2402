/**
 * A province's or city's target share of counties reaching the standard (plans.csv milestone
 * 县区达标比例, e.g. the 吉林 plan: 25 % by 2014, 65 % by 2015, 100 % by 2018) as a reader sees
 * it: the target in one sentence, its status this year, and per year (newest first) how many
 * counties reached it and which did not.
 */
import type { PlanProgress } from '../indicators/types';
import { PLAN_STATUS_ZH, show } from '../site/format';
import type { Portal } from '../site/portal';
import type { Verdict, ViewTable } from './types';

export interface ShareTargetView {
  readonly id: string;
  readonly heading: string;
  /** One sentence: target, status in the latest year, where it stands. */
  readonly summary: string;
  readonly verdict: Verdict;
  readonly source: string;
  readonly sourceUrl: string | null;
  readonly table: ViewTable;
}

const BALANCE_ZH = { basic: '基本均衡', quality: '优质均衡（资源配置）' } as const;

const VERDICT: Record<string, Verdict> = { met: 'met', met_early: 'met', missed: 'unmet', on_track: 'unknown', unknown: 'unknown', not_applicable: 'not_applicable' };

export function shareTargetViews(portal: Portal): ShareTargetView[] {
  const out: ShareTargetView[] = [];
  const rows = portal.results.progress.filter((p): p is PlanProgress & { shareTarget: NonNullable<PlanProgress['shareTarget']> } => !!p.shareTarget);
  for (const p of [...rows].sort((a, b) => a.region_code.localeCompare(b.region_code) || a.target_year - b.target_year)) {
    const t = p.shareTarget;
    const region = portal.regionsByCode.get(p.region_code)?.name ?? p.region_code;
    const name = (code: string) => portal.regionsByCode.get(code)?.name ?? code;
    const list = (codes: readonly string[]) => (codes.length ? codes.map(name).join('、') : '—');
    const latest = t.years[t.years.length - 1];
    const heading = `${region}：到${p.target_year}年，${t.targetPct}%的县区达到${BALANCE_ZH[t.balance]}`;
    const status = PLAN_STATUS_ZH[p.latest] ?? p.latest;
    const where = latest
      ? `${latest.year}年所辖${t.counties.length}个县区中${latest.reached.length}个达到（${show(latest.share, '%', 1).text}）${latest.unknown.length ? `，${latest.unknown.length}个数据不足` : ''}`
      : '没有年度数据';
    out.push({
      id: `share-${p.region_code}-${p.target_year}-${t.balance}`,
      heading,
      summary: `${status}：${where}。`,
      verdict: VERDICT[p.latest] ?? 'unknown',
      source: p.planSource,
      sourceUrl: p.planSourceUrl,
      table: {
        caption: `${heading}：逐年情况（最新年份在前）`,
        searchable: false,
        columns: [{ label: '年份' }, { label: '达到的县区', numeric: true }, { label: '比例', numeric: true }, { label: '目标比例', numeric: true }, { label: '未达到' }, { label: '数据不足' }],
        rows: [...t.years].reverse().map((y) => [
          `${y.year}年`,
          `${y.reached.length}/${t.counties.length}`,
          show(y.share, '%', 1).text,
          `${t.targetPct}%`,
          list(y.notReached),
          list(y.unknown),
        ]),
      },
    });
  }
  return out;
}
