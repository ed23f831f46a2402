/**
 * The State Council's yearly holiday notices (国务院办公厅关于××年部分节假日安排的通知) as data:
 * which days are public holidays (放假) and which weekend days are worked (调休上班). Working
 * days for the publication rule are counted on this calendar. A data folder may add or correct
 * days in calendar.csv (a row per date); a year in neither is counted Monday–Friday and marked
 * 近似 (approximate).
 *
 * `off` lists every day off of the notice's spans, including the weekend days inside them (they
 * are not working days either way). `work` lists the 调休 weekend days that are working days.
 * Each span is written as the notice words it (e.g. 2023: “9月29日至10月6日放假调休，共8天。
 * 10月7日（星期六）、10月8日（星期日）上班”).
 */
import type { SourceDocument } from '../indicators/types';

export interface HolidayNotice {
  readonly year: number;
  readonly source: SourceDocument;
  /** Days off, as inclusive ISO spans [from, to]. */
  readonly off: readonly (readonly [string, string])[];
  /** Weekend days that are working days (调休上班). */
  readonly work: readonly string[];
}

const notice = (year: number, number: string, date: string): SourceDocument => ({
  issuer: '国务院办公厅',
  title: `国务院办公厅关于${year}年部分节假日安排的通知`,
  number,
  year: Number(date.slice(0, 4)),
  date,
  kind: 'national',
});

export const HOLIDAY_NOTICES: readonly HolidayNotice[] = [
  {
    year: 2021,
    source: notice(2021, '国办发明电〔2020〕27号', '2020-11-25'),
    off: [['2021-01-01', '2021-01-03'], ['2021-02-11', '2021-02-17'], ['2021-04-03', '2021-04-05'], ['2021-05-01', '2021-05-05'], ['2021-06-12', '2021-06-14'], ['2021-09-19', '2021-09-21'], ['2021-10-01', '2021-10-07']],
    work: ['2021-02-07', '2021-02-20', '2021-04-25', '2021-05-08', '2021-09-18', '2021-09-26', '2021-10-09'],
  },
  {
    year: 2022,
    source: notice(2022, '国办发明电〔2021〕11号', '2021-10-25'),
    off: [['2022-01-01', '2022-01-03'], ['2022-01-31', '2022-02-06'], ['2022-04-03', '2022-04-05'], ['2022-04-30', '2022-05-04'], ['2022-06-03', '2022-06-05'], ['2022-09-10', '2022-09-12'], ['2022-10-01', '2022-10-07']],
    work: ['2022-01-29', '2022-01-30', '2022-04-02', '2022-04-24', '2022-05-07', '2022-10-08', '2022-10-09'],
  },
  {
    year: 2023,
    source: notice(2023, '国办发明电〔2022〕16号', '2022-12-08'),
    off: [['2022-12-31', '2023-01-02'], ['2023-01-21', '2023-01-27'], ['2023-04-05', '2023-04-05'], ['2023-04-29', '2023-05-03'], ['2023-06-22', '2023-06-24'], ['2023-09-29', '2023-10-06']],
    work: ['2023-01-28', '2023-01-29', '2023-04-23', '2023-05-06', '2023-06-25', '2023-10-07', '2023-10-08'],
  },
  {
    year: 2024,
    source: notice(2024, '国办发明电〔2023〕7号', '2023-10-25'),
    off: [['2024-01-01', '2024-01-01'], ['2024-02-10', '2024-02-17'], ['2024-04-04', '2024-04-06'], ['2024-05-01', '2024-05-05'], ['2024-06-10', '2024-06-10'], ['2024-09-15', '2024-09-17'], ['2024-10-01', '2024-10-07']],
    work: ['2024-02-04', '2024-02-18', '2024-04-07', '2024-04-28', '2024-05-11', '2024-09-14', '2024-09-29', '2024-10-12'],
  },
  {
    year: 2025,
    source: notice(2025, '国办发明电〔2024〕12号', '2024-11-12'),
    off: [['2025-01-01', '2025-01-01'], ['2025-01-28', '2025-02-04'], ['2025-04-04', '2025-04-06'], ['2025-05-01', '2025-05-05'], ['2025-05-31', '2025-06-02'], ['2025-10-01', '2025-10-08']],
    work: ['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11'],
  },
  {
    year: 2026,
    source: notice(2026, '国办发明电〔2025〕7号', '2025-11-04'),
    off: [['2026-01-01', '2026-01-03'], ['2026-02-15', '2026-02-23'], ['2026-04-04', '2026-04-06'], ['2026-05-01', '2026-05-05'], ['2026-06-19', '2026-06-21'], ['2026-09-25', '2026-09-27'], ['2026-10-01', '2026-10-07']],
    work: ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'],
  },
];
