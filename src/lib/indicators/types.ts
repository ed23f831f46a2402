/**
 * The results the site renders: everything an assessor (督导评估) would compute from the
 * published data, per school, per region, per plan. Computed by `computeIndicators(data)`
 * (./index.ts) — pure, deterministic, no Astro.
 *
 * Stability: pages are built against these types. Changes after the first commit are additive.
 *
 * Missing data travels as a typed value (like OWID's ErrorValues), never as 0 or NaN:
 *   { kind: 'missing', missing: ['resources.equipment_value_yuan'] }   a blank cell / absent file
 *   { kind: 'undefined', code: 'zero_mean', reason: '全县均值为0，差异系数无定义' }  cannot be computed
 *   { kind: 'not_applicable', reason: '班级数不足12个，不适用' }         the rule does not apply
 */
import type { PartStage, SchoolStage, SourceRef } from '../schema';
// Re-exported: site code imports them from here.
export type { PartStage, SchoolStage, SourceRef } from '../schema';

// ───────────────────────────── typed values ─────────────────────────────

/** A number that could be computed. `note` explains a special case (e.g. a one-school county). */
export interface NumberValue {
  readonly kind: 'value';
  readonly value: number;
  readonly note?: string;
}

/**
 * Inputs were not reported. Each entry names what is missing:
 *   `dataset.column`        a blank cell, e.g. `resources.equipment_value_yuan`
 *   `dataset`               the whole file is not published for that year, e.g. `funding`
 *   `YEAR/dataset.column`   an input from another year, e.g. `2023/counties.compulsory_education_appropriation_yuan`
 *   `dataset:school_id`     no row for that school in the file, e.g. `resources:2121000101`
 * Sorted, unique.
 */
export interface MissingValue {
  readonly kind: 'missing';
  readonly missing: readonly string[];
}

/** Stable reasons a value cannot be computed although its inputs are present. */
export type UndefinedCode =
  | 'zero_mean' // CV: the (weighted) mean is 0 — no division
  | 'zero_denominator' // a rate whose denominator is 0 (0 students, 0 teachers, 0 planned seats …)
  | 'no_schools' // no school of that stage counts in the region
  | 'no_previous_year' // growth needs the previous year, which is not in the data
  | 'inconsistent'; // inputs present but contradictory (explained in `reason`)

export interface UndefinedValue {
  readonly kind: 'undefined';
  readonly code: UndefinedCode;
  /** Plain Chinese, shown to readers. */
  readonly reason: string;
}

export interface NotApplicableValue {
  readonly kind: 'not_applicable';
  /** Plain Chinese, shown to readers. */
  readonly reason: string;
}

/** Every computed number in the results. Use `isValue()` (./values.ts) to narrow. */
export type Computed = NumberValue | MissingValue | UndefinedValue | NotApplicableValue;

// ───────────────────────────── standards ─────────────────────────────

/** `>=`: the value must reach the threshold (e.g. 生均教学及辅助用房面积 ≥ 4.5). `<=`: must not exceed it (CV ≤ 0.50). */
export type Comparison = '>=' | '<=';

export type StandardStage = PartStage | 'all';

/** Which part of the official method a rule belongs to (for grouping on the methodology page). */
export type StandardGroup =
  | 'basic_balance' // 基本均衡 (2012)
  | 'resources' // 资源配置 (2017)
  | 'government' // 政府保障程度 (2017)
  | 'quality' // 教育质量 (2017)
  | 'social' // 社会认可度 (2017)
  | 'class_size' // 班额
  | 'admissions' // 招生公开
  | 'procedure'; // 评估程序 (application timing)

/** An official document a threshold comes from. `number` is the 文号 when it has one. */
export interface SourceDocument {
  readonly title: string;
  readonly number: string | null;
  /** Year of issue; null when the public copy does not say. */
  readonly year: number | null;
  readonly url?: string;
  /** Issuing body (制定机关), e.g. 教育部. */
  readonly issuer?: string;
  /** Date of issue, ISO yyyy-mm-dd; null when the public copy does not say. */
  readonly date?: string | null;
  /** For a law: the edition cited (修订、修正日期). */
  readonly edition?: string;
  /**
   * national: a national rule; law: a national law; local_plan: a local government plan (a local
   * target); news: a reporter's article quoting a local target (not a government document).
   */
  readonly kind?: 'national' | 'law' | 'local_plan' | 'news';
}

/** One row of the national standards table (src/lib/standards). */
export interface StandardDefinition {
  /** Stable key, also what data/standards.csv names in its `indicator` column. */
  readonly key: string;
  readonly stage: StandardStage;
  readonly threshold: number;
  readonly comparison: Comparison;
  /** Unit shown to readers: m², 元, 人, %, 个, 间, 工作日, 年, or '' for a pure ratio. */
  readonly unit: string;
  readonly zh: string;
  readonly en: string;
  readonly group: StandardGroup;
  readonly source: SourceDocument;
  /** Plain Chinese: how the portal applies it, or why the data cannot show it. */
  readonly note: string;
  /** false: shown on the methodology page but the data model cannot test it (e.g. music-room area). */
  readonly computable: boolean;
  /** Where the rule sits in the source, as the text numbers it (e.g. 第六条第（三）项). */
  readonly article?: string;
  /**
   * How the value is named in a sentence (“学校规模（义务教育阶段在校生数）”), as opposed to `zh`,
   * which names the rule (“学校规模上限”). Defaults to `zh`.
   */
  readonly valueLabel?: string;
  /**
   * With comparison `>=`: the value must be strictly greater than the threshold (“高于”,
   * “逐步增长”: 0 growth does not meet it). Shown as “>” / “高于”.
   */
  readonly strict?: boolean;
  /** Decimals the value and the threshold are shown with (pages, findings, downloads alike). */
  readonly digits?: number;
}

/** A standard as it applies to this portal's region: national, or replaced by data/standards.csv. */
export interface AppliedStandard extends StandardDefinition {
  readonly origin: 'national' | 'local';
  /** The national value, kept so the site can show “本地标准 8000 元（国家标准 6000 元）”. */
  readonly nationalThreshold: number;
  /** Present when origin = 'local': the override's stated source and its row in standards.csv. */
  readonly local?: { readonly source: string; readonly row: SourceRef };
  /**
   * The source in one line of plain Chinese: issuing body, title, number, date, article — or,
   * for a local override, the source standards.csv gives. Pages show this, not their own.
   */
  readonly citation: string;
}

// ───────────────────────────── checks ─────────────────────────────

/**
 * A value compared with one applied standard.
 * `gap`: how far from the threshold, in the indicator's unit, always ≥ 0; 0 when met
 *        (`>=`: threshold − value; `<=`: value − threshold). null when the value is not a number.
 * `ratio`: value / threshold (for `>=` rules: 0.85 = 85 % of the standard). null when not computable
 *          (threshold 0, or value not a number).
 * `met`: null when the value is missing / undefined / not applicable.
 */
export interface Check {
  /** Key of the AppliedStandard (e.g. `teaching_space_per_student`). */
  readonly key: string;
  readonly stage: StandardStage;
  readonly value: Computed;
  readonly threshold: number;
  readonly comparison: Comparison;
  readonly unit: string;
  readonly met: boolean | null;
  readonly gap: number | null;
  readonly ratio: number | null;
  /** true: `>=` means strictly greater (see StandardDefinition.strict); the value must exceed the threshold. */
  readonly strict?: boolean;
}

/** The seven resource-allocation indicators of the 2017 method (keys as in the domain reference). */
export type QualityIndicatorKey =
  | 'qualified_teachers_per_100'
  | 'backbone_teachers_per_100'
  | 'pe_arts_teachers_per_100'
  | 'teaching_space_per_student'
  | 'sports_space_per_student'
  | 'equipment_value_per_student'
  | 'multimedia_rooms_per_100';

export interface IndicatorCheck extends Check {
  readonly key: QualityIndicatorKey;
}

// ───────────────────────────── schools ─────────────────────────────

/** Why a school (part) is listed but not counted in a region's CV and shares. */
export type ExclusionReason =
  | 'special_education' // 特殊教育学校
  | 'small_teaching_point' // 教学点 under the minimum size (50 students)
  | 'no_students' // 0 students: no weight in the weighted sums
  | 'no_resources_row' // school open that year but no resources.csv row for this stage
  | 'missing_input'; // (per indicator) the indicator's input is blank

export type Counted =
  | { readonly counted: true }
  | { readonly counted: false; readonly reason: ExclusionReason; readonly note: string };

export interface ExcludedSchool {
  readonly school_id: string;
  readonly name: string;
  readonly reason: ExclusionReason;
  /** Plain Chinese, e.g. “教学点，在校生32人，不足50人，不计入差异系数”. */
  readonly note: string;
  readonly students: number | null;
}

/**
 * The 6-of-7 rule: at least `required` (6) indicators met, and every missed one at least
 * `minRatio` (85 %) of its threshold.
 * `unknown` when blanks could change the outcome (e.g. 5 met, 2 missing).
 */
export interface SchoolVerdict {
  readonly status: 'passes' | 'fails' | 'unknown';
  readonly met: number;
  readonly computed: number;
  readonly required: number;
  readonly minRatio: number;
  readonly missed: readonly QualityIndicatorKey[];
  /** Missed indicators below minRatio of the threshold. */
  readonly belowMinRatio: readonly QualityIndicatorKey[];
  readonly missing: readonly QualityIndicatorKey[];
  /** Plain Chinese, e.g. “7项中达标6项，未达标项达到标准的85%以上”. */
  readonly explanation: string;
}

/** Class-size band boundaries come from the standards table (class_size, large_class_min, super_large_class_min). */
export interface ClassRef {
  readonly grade: number;
  readonly class_name: string;
  readonly students: number;
  readonly source: SourceRef;
}

export interface ClassSizeProfile {
  /** classes.csv not published for the year → counts are 0 and `published` false. */
  readonly published: boolean;
  readonly classes: number;
  readonly students: number;
  readonly mean: Computed;
  readonly max: Computed;
  /** Stage limit (primary 45, junior 50). */
  readonly limit: number;
  /** Classes above the stage limit (includes 大班额 and 超大班额). */
  readonly overLimit: number;
  /** 大班额: large_class_min ≤ students < super_large_class_min (56–65). */
  readonly large: number;
  /** 超大班额: ≥ super_large_class_min (66). */
  readonly superLarge: number;
  readonly overLimitClasses: readonly ClassRef[];
}

/**
 * Music and art rooms of a whole school (教督〔2017〕6号 第六条第（三）项). `music` / `art`: value =
 * rooms held (间), threshold = rooms required for the school's classes (⌈classes ÷ 12⌉, at least
 * 1), comparison `>=`; key music_rooms_per_12_classes / art_rooms_per_12_classes.
 */
export interface MusicArtRooms {
  /** Classes of the whole school (all parts). */
  readonly classes: Computed;
  readonly musicRooms: Computed;
  readonly artRooms: Computed;
  /** Rooms required; null when the classes are not reported. */
  readonly musicRequired: number | null;
  readonly artRequired: number | null;
  readonly music: Check;
  readonly art: Check;
}

/** School size is a whole-school rule (both parts of a nine-year school together). */
export interface SchoolSize {
  readonly students: Computed;
  /** `school_size` (2000) or `school_size_through` (2500) for nine/twelve-year schools. */
  readonly check: Check;
}

export type PublicationStatus = 'on_time' | 'late' | 'not_published' | 'date_missing' | 'not_due';

/**
 * Admission results publication (招生结果公开), rule of the portal (documented in
 * src/lib/indicators/admissions.ts): results count as produced at the start of the school
 * year (1 September of the year folder) at the latest, and must be public within
 * `publication_working_days` (20) working days after that, counted from the next day on the
 * State Council's holiday calendar (调休 weekends worked, holidays off).
 */
export interface Publication {
  readonly status: PublicationStatus;
  readonly planPublishedOn: string | null;
  readonly resultsPublishedOn: string | null;
  /** The last on-time date (ISO). */
  readonly deadline: string;
  /** Working days from the reference date to publication (negative = before it). null when not published. */
  readonly workingDays: number | null;
  /**
   * official: every day counted lies in a year with the State Council's notice (built in or
   * calendar.csv). approximate (近似): some year has none, counted Monday–Friday.
   */
  readonly calendar: 'official' | 'approximate';
  /** Plain Chinese: which notice the count follows, or why it is approximate. */
  readonly calendarNote: string;
}

export interface AdmissionSummary {
  readonly published: boolean;
  /** Admission rows (grades) of this part. */
  readonly rows: number;
  readonly plannedSeats: number;
  /** Sum of admitted where results are out; Missing when no row has results. */
  readonly admitted: Computed;
  /** admitted / planned seats, in %. */
  readonly fillRate: Computed;
  /** admitted in zone / admitted, in %. */
  readonly inZoneShare: Computed;
  /** admitted migrant children / admitted, in %. */
  readonly migrantShare: Computed;
  /** Any grade admitted above its planned seats. null when no results yet. */
  readonly overPlan: boolean | null;
  /** Total admitted above plan over the rows that exceed it. */
  readonly overPlanBy: number;
  readonly publication: Publication;
  readonly sources: readonly SourceRef[];
  /**
   * 就近划片入学: in-zone share vs zone_enrolment_urban (100 %) for urban public schools,
   * zone_enrolment_town (95 %) for town public schools; not_applicable for rural or private
   * schools. (The method leaves out boarding schools; the data does not mark them.)
   */
  readonly zoneEnrolment?: Check;
}

/** Whole-school funding (funding.csv is per school, not per part). */
export interface FundingSummary {
  readonly publicFunds: Computed;
  /** public funds / whole-school students (元/人). */
  readonly publicFundsPerStudent: Computed;
  /**
   * Against the county's provincial per-student standard (counties.csv), weighted by the
   * school's primary and junior students; village schools and teaching points under
   * `small_school_funding_floor` (100) students are funded as if they had 100.
   */
  readonly publicFundsVsStandard: Check;
  /** training funds / public funds, in % (≥ 5). */
  readonly trainingShare: Check;
  /** special-education funds / special-education students (≥ 6000 元). not_applicable without such students. */
  readonly specialEdPerStudent: Check;
  readonly source: SourceRef | null;
}

/** Whole-school teacher figures (teachers.csv is per school). */
export interface TeacherSummary {
  readonly teachers: Computed;
  /** certified / teachers, % (100). */
  readonly certifiedShare: Check;
  /** exchanged / eligible, % (≥ 10; the rule is county-wide, shown per school for information). */
  readonly exchangeRate: Check;
  /** backbone exchanged / exchanged, % (≥ 20). */
  readonly backboneExchangedShare: Check;
  /** 360-hour completions / teachers, % (100). */
  readonly training360Share: Check;
  readonly source: SourceRef | null;
}

/** Whole-school outcomes (outcomes.csv is per school). */
export interface OutcomeSummary {
  readonly studentsStart: Computed;
  readonly dropouts: Computed;
  /**
   * dropouts / students at start, %. Primary limit 0, junior ≤ 1. A nine/twelve-year school
   * reports one figure for both parts: it is compared with the junior limit (noted).
   */
  readonly dropoutRate: Check;
  readonly passRate: Check;
  readonly goodRate: Check;
  readonly source: SourceRef | null;
}

/** One school, one year, one part (primary or junior). A nine-year school yields two. */
export interface SchoolYearResult {
  readonly school_id: string;
  readonly name: string;
  readonly region_code: string;
  readonly year: number;
  /** The part this row is about. */
  readonly stage: PartStage;
  /** The school's own stage from schools.csv (nine_year → two part rows). */
  readonly schoolStage: SchoolStage;
  readonly kind: 'regular' | 'teaching_point' | 'special_education';
  readonly ownership: 'public' | 'private';
  readonly locale: 'urban' | 'town' | 'rural';
  /** Students of this part (resources.csv); Missing when the row is absent. */
  readonly students: Computed;
  readonly classes: Computed;
  /** The seven indicators, in the order of the standards table. */
  readonly indicators: readonly IndicatorCheck[];
  readonly verdict: SchoolVerdict;
  /** Whether this part counts in its county's CV and shares, and if not why. */
  readonly counted: Counted;
  readonly classSize: ClassSizeProfile;
  /**
   * Music and art rooms, whole school (identical on both part rows of a nine-year school):
   * rooms held vs rooms required (⌈classes ÷ 12⌉, at least 1). See MusicArtRooms.
   */
  readonly musicArtRooms: MusicArtRooms;
  /** Whole-school blocks: identical on both part rows of a nine-year school. */
  readonly size: SchoolSize;
  readonly admissions: AdmissionSummary;
  readonly funding: FundingSummary;
  readonly teachers: TeacherSummary;
  readonly outcomes: OutcomeSummary;
  /** resources.csv row of this part, when present. */
  readonly source: SourceRef | null;
}

// ───────────────────────────── regions ─────────────────────────────

export type RegionLevel = 'province' | 'city' | 'county';

/**
 * Student-weighted coefficient of variation (差异系数) of one indicator across the counted
 * schools of one stage of one region:
 *   X̄ = ΣPᵢXᵢ / P,  S = √(ΣPᵢ(Xᵢ−X̄)² / P),  CV = S / X̄.
 * One school → value 0 with a note. X̄ = 0 → undefined (code zero_mean).
 */
export interface CvResult {
  readonly region_code: string;
  readonly year: number;
  readonly stage: PartStage;
  readonly indicator: QualityIndicatorKey;
  readonly value: Computed;
  /** The limit from the standards table (cv_quality: primary 0.50, junior 0.45; cv_basic 0.65/0.55). */
  readonly limit: number;
  /** Which limit: `cv_quality` (2017) or `cv_basic` (2012). */
  readonly limitKey: 'cv_quality' | 'cv_basic';
  /**
   * CV ≤ limit. null when the CV is not a number, or when some counted school lacks the
   * input (the value is then over the schools that report it, see `missingInputs`).
   */
  readonly passes: boolean | null;
  /** Schools in the weighted sums. */
  readonly schools: number;
  /** P = Σ Pᵢ over those schools. */
  readonly students: number;
  /** X̄, the region value (total over total students). */
  readonly mean: Computed;
  /** S, the weighted standard deviation. */
  readonly sd: Computed;
  /** Listed, not counted: special-education schools, small teaching points, 0-student schools. */
  readonly excluded: readonly ExcludedSchool[];
  /** Counted schools whose input for this indicator is blank (reason missing_input). */
  readonly missingInputs: readonly ExcludedSchool[];
  /** true for counties (the limit is a county rule); city/province CVs are shown for context. */
  readonly tested: boolean;
}

export interface BasicBalance {
  readonly value: Computed;
  readonly limit: number;
  /** value ≤ limit; null when the composite is not a number. Only counties are tested. */
  readonly passes: boolean | null;
  /** Indicators averaged (those the data holds) and indicators of the 2012 list. */
  readonly indicators: number;
  readonly of: number;
  /** Plain Chinese, e.g. “综合差异系数（按2012年办法8项指标中数据有的4项计算）”. */
  readonly label: string;
}

export interface ClassCounts {
  readonly classes: number;
  readonly overLimit: number;
  readonly large: number;
  readonly superLarge: number;
  /** % of classes that are 大班额 / 超大班额. */
  readonly largeShare: Computed;
  readonly superLargeShare: Computed;
  /** Schools with no classes.csv rows for the year (not counted as zero). */
  readonly schoolsWithoutData: readonly string[];
}

/** One region (county, city or province), one year, one stage. */
export interface CountyYearResult {
  readonly region_code: string;
  readonly name: string;
  readonly level: RegionLevel;
  readonly year: number;
  readonly stage: PartStage;
  /** All school parts of the stage in the region that year, counted or not (school_ids, sorted). */
  readonly schoolIds: readonly string[];
  readonly countedSchools: number;
  /** Listed, not counted (special education, teaching points under 50, 0 students, no row). */
  readonly excluded: readonly ExcludedSchool[];
  readonly students: number;
  /** 2017 CVs, one per indicator, in the order of the standards table. */
  readonly cv: readonly CvResult[];
  /** Mean of the seven single CVs — reported as counties publish it, never tested. Missing/undefined if any is. */
  readonly compositeCv: Computed;
  /**
   * 2012 basic-balance CVs for the indicators the data shares with the 2012 list (CV is
   * scale-free, so per-100 and per-student give the same CV): teaching space, sports space,
   * equipment value, qualified teachers. Listed only: the 2012 method tests the composite
   * (see basicBalance), so each has `passes` null and `tested` false.
   */
  readonly basicCv: readonly CvResult[];
  /** Mean of the basicCv values (= basicBalance.value). */
  readonly basicCompositeCv: Computed;
  /**
   * The 2012 test (教督〔2012〕3号): the 综合差异系数 — mean of the indicator CVs — against
   * cv_basic (primary 0.65, junior 0.55), computed from the `indicators` (4) of the `of` (8)
   * indicators the data holds, and labelled so.
   */
  readonly basicBalance: BasicBalance;
  /** Counted schools by 6-of-7 verdict, and share passing (%, of counted schools with a known verdict… see `share`). */
  readonly sixOfSeven: {
    readonly passes: number;
    readonly fails: number;
    readonly unknown: number;
    /** passes / counted schools, %. Missing when any verdict is unknown. */
    readonly share: Computed;
    readonly failing: readonly string[];
  };
  /**
   * Schools of this stage (whole-school counts: a nine-year school appears under both stages)
   * whose rooms could be tested, those meeting the rule, and those short of music or art rooms.
   * `required` is the music rooms required (kept for pages); `art_required` the art rooms.
   */
  readonly musicArtRooms: {
    readonly schoolsApplicable: number;
    readonly schoolsMeeting: number;
    readonly short: readonly { readonly school_id: string; readonly classes: number; readonly music_rooms: number | null; readonly art_rooms: number | null; readonly required: number; readonly art_required: number }[];
  };
  readonly classes: ClassCounts;
  readonly schoolsOverSize: readonly string[];
  readonly admissions: {
    readonly plannedSeats: number;
    readonly admitted: Computed;
    readonly fillRate: Computed;
    readonly inZoneShare: Computed;
    readonly migrantShare: Computed;
    readonly overPlanSchools: readonly string[];
    readonly resultsNotPublished: readonly string[];
    readonly publishedLate: readonly string[];
    /** In-zone share over the public urban (100 %) and town (95 %) schools of the stage (ratio of sums). */
    readonly zoneEnrolment?: { readonly urban: Check; readonly town: Check };
  };
}

/** Region-wide results of a year that do not split by stage (finance, county-reported, whole-school aggregates). */
export interface RegionYearResult {
  readonly region_code: string;
  readonly name: string;
  readonly level: RegionLevel;
  readonly year: number;
  readonly finance: {
    /**
     * 义务教育财政拨款 (counties.csv compulsory_education_appropriation_yuan; old header
     * 财政教育支出 / education_spending_yuan still accepted). The field keeps its first name.
     */
    readonly educationSpending: Computed;
    readonly recurrentRevenue: Computed;
    /** Year-on-year growth of the appropriation, %. Needs the previous year. */
    readonly spendingGrowth: Computed;
    readonly revenueGrowth: Computed;
    /**
     * spendingGrowth − revenueGrowth (个百分点) must be > 0 (《义务教育法》第四十二条: “高于”; a
     * difference of 0 does not meet it — the check is `strict`).
     */
    readonly growthCheck: Check;
    /** Appropriation / students (all parts, resources.csv), 元. */
    readonly spendingPerStudent: Computed;
    readonly spendingPerStudentGrowth: Computed;
    /** Appropriation per student grows (growth > 0 %, strict: “逐步增长”). */
    readonly perStudentCheck: Check;
    /** Year-on-year growth of public funds per student (funding.csv), %. */
    readonly publicFundsPerStudentGrowth: Computed;
    /** Public funds per student grow (> 0 %, strict; 《义务教育法》第四十二条 “学生人均公用经费逐步增长”). */
    readonly publicFundsGrowthCheck: Check;
    /** General-budget education spending / general-budget spending, % (counties.csv). */
    readonly educationShare: Computed;
    /** Change of that share from the previous year, 个百分点. */
    readonly educationShareChange: Computed;
    /** The share rises (> 0 个百分点, strict; 锦州 local target). */
    readonly educationShareCheck: Check;
  };
  /**
   * counties.csv figures vs thresholds: teacher_pay_vs_civil_servants, quota_allocation,
   * migrant_public, disabled_enrollment, retention_junior, satisfaction. For cities and
   * provinces: not_applicable (these are county reports).
   */
  readonly reported: readonly Check[];
  readonly teachers: {
    readonly teachers: Computed;
    readonly certifiedShare: Check;
    readonly exchangeRate: Check;
    readonly backboneExchangedShare: Check;
    readonly training360Share: Check;
  };
  readonly funding: {
    readonly publicFunds: Computed;
    readonly publicFundsPerStudent: Computed;
    readonly trainingShare: Check;
    readonly specialEdPerStudent: Check;
    readonly schoolsBelowStandard: readonly string[];
    /** funding.csv rows the figures come from. */
    readonly sources?: readonly SourceRef[];
  };
  readonly outcomes: {
    /** Dropout by school stage group (primary schools, junior schools, nine/twelve-year schools). */
    readonly dropout: readonly { readonly group: SchoolStage; readonly studentsStart: Computed; readonly dropouts: Computed; readonly rate: Check }[];
    /** Student-weighted (students_start) mean of school pass / good rates. */
    readonly passRate: Check;
    readonly goodRate: Check;
  };
  /** counties.csv row used (county level only). */
  readonly source: SourceRef | null;
}

// ───────────────────────────── progress to plan ─────────────────────────────

/**
 * met: the standard is met in that year, at or after the target year.
 * met_early: met before the target year.
 * on_track: not met yet, target year not reached.
 * missed: target year reached or passed, standard not met.
 * unknown: the data for that year cannot decide (blanks, file not published).
 * not_applicable: the milestone is not something the data can test (milestone `other`).
 */
export type PlanStatus = 'met' | 'met_early' | 'on_track' | 'missed' | 'unknown' | 'not_applicable';

/** One thing standing between a school or county and the standard. */
export interface Gap {
  readonly subject: 'school' | 'region';
  readonly region_code: string;
  readonly school_id: string | null;
  readonly name: string;
  readonly stage: PartStage;
  /**
   * Who, ready for a sentence: the school (“青禾区实验小学”; the part only for a school with two:
   * “育才学校小学部”) or the region and stage (“青禾区小学阶段”). Use it instead of name + stage,
   * which doubles words (“实验小学小学”).
   */
  readonly where?: string;
  /**
   * One of the seven indicator keys. subject 'school': the school's value vs the indicator's
   * threshold. subject 'region': the county's CV of that indicator vs its cv_quality limit.
   */
  readonly indicator: string;
  readonly value: Computed;
  readonly threshold: number;
  readonly comparison: Comparison;
  /** In the indicator's unit, ≥ 0. null when the value is not a number. */
  readonly gap: number | null;
  readonly unit: string;
}

export interface PlanYearStatus {
  readonly year: number;
  readonly status: PlanStatus;
  /** Plain Chinese: what was tested, e.g. “7项指标中6项达标，未达标项均达85%以上”. */
  readonly basis: string;
  /** What stands in the way that year (empty when met). */
  readonly gaps: readonly Gap[];
}

export interface PlanProgress {
  readonly region_code: string;
  readonly school_id: string | null;
  readonly target_year: number;
  readonly milestone: 'school_standard' | 'county_application' | 'county_recognition' | 'county_share' | 'other';
  readonly description: string | null;
  /**
   * A province's or city's target share of its counties reaching the standard by target_year
   * (milestone county_share, plans.csv target_share_pct; e.g. 吉林 25 % by 2014). Per year:
   * counties reaching it, not reaching it, undecided, and the share.
   */
  readonly shareTarget?: ShareTarget;
  readonly planSource: string;
  readonly planSourceUrl: string | null;
  /** plans.csv row. */
  readonly source: SourceRef;
  /** One entry per year in the data, ascending. */
  readonly years: readonly PlanYearStatus[];
  /** Status in the latest year of data. */
  readonly latest: PlanStatus;
}

export interface ShareTarget {
  readonly targetPct: number;
  /** basic: 2012 basic balance (composite CV within cv_basic in every stage, 4 of 8 indicators); quality: the 2017 resource-allocation part. */
  readonly balance: 'basic' | 'quality';
  /** Counties under the region, sorted. */
  readonly counties: readonly string[];
  readonly years: readonly {
    readonly year: number;
    readonly reached: readonly string[];
    readonly notReached: readonly string[];
    readonly unknown: readonly string[];
    /** reached / all counties, %; Missing when undecided counties could change the outcome. */
    readonly share: Computed;
  }[];
}

/** For each county, in the latest year with resources: what remains and which schools hold it back. */
export interface CountyGaps {
  readonly region_code: string;
  readonly name: string;
  readonly year: number;
  /** CVs over their limit (subject region). */
  readonly cvGaps: readonly Gap[];
  /** Counted schools failing 6-of-7, with every indicator they miss (subject school). */
  readonly schoolGaps: readonly Gap[];
  /** School ids holding the county back, sorted. */
  readonly schoolsHoldingBack: readonly string[];
  /** Resource allocation met: every CV within its limit and every counted school passes. null when unknown. */
  readonly resourcesMet: boolean | null;
}

// ───────────────────────────── findings ─────────────────────────────

/** Stable rule codes of findings (policy breaches shown on the site — never validation errors). */
export type FindingRule =
  | 'class_over_limit' // class above the stage limit (46–55 primary, 51–55 junior)
  | 'large_class' // 大班额 56–65
  | 'super_large_class' // 超大班额 ≥ 66
  | 'admitted_over_plan'
  | 'school_over_size'
  | 'indicator_below_threshold' // one of the seven below its threshold
  | 'six_of_seven_failed'
  | 'cv_over_limit' // county CV above cv_quality
  | 'basic_cv_over_limit' // county's 2012 composite CV (mean of the indicator CVs) above cv_basic
  | 'music_art_rooms_short'
  | 'training_funds_low'
  | 'special_ed_funds_low'
  | 'public_funds_below_standard'
  | 'exchange_low' // county exchange rate < 10 %
  | 'backbone_exchange_low' // county backbone share of exchanged < 20 %
  | 'certificates_incomplete'
  | 'training_360h_incomplete'
  | 'dropout_over_limit'
  | 'pass_rate_low'
  | 'good_rate_low'
  | 'county_reported_below' // a counties.csv figure below its threshold
  | 'education_spending_growth_low' // 义务教育财政拨款 growth not above recurrent revenue growth, or per student not growing
  | 'public_funds_growth_low' // public funds per student not growing
  | 'education_share_not_rising' // education share of general budget spending not rising (锦州 local target)
  | 'results_not_published'
  | 'results_published_late'
  | 'plan_missed';

/**
 * notice: informational (e.g. a class of 46–55, a share a little short).
 * concern: a rule of the method is not met (a school failing 6-of-7, a CV above its limit).
 * serious: named in national campaigns as to be eliminated (超大班额) or a missed plan target.
 */
export type FindingSeverity = 'notice' | 'concern' | 'serious';

export interface Finding {
  /** Stable, unique id: `${rule}:${year}:${region_code}:${school_id|-}:${stage|-}:${detail}`. */
  readonly id: string;
  readonly rule: FindingRule;
  readonly severity: FindingSeverity;
  readonly subject: {
    readonly kind: 'school' | 'class' | 'region' | 'plan';
    readonly region_code: string;
    readonly school_id: string | null;
    /** School or region name. */
    readonly name: string;
    /** For classes: grade and class name. */
    readonly class?: { readonly grade: number; readonly class_name: string };
  };
  readonly year: number;
  readonly stage: PartStage | null;
  /** Standard key that was applied. */
  readonly indicator: string;
  readonly value: number;
  readonly threshold: number;
  readonly comparison: Comparison;
  readonly unit: string;
  /** ≥ 0, in the unit. */
  readonly gap: number;
  /** Plain, neutral Chinese: the standard, the value and the gap. */
  readonly message: string;
  /** Rows the value was computed from (file relative to data/, spreadsheet row). */
  readonly sources: readonly SourceRef[];
}

// ───────────────────────────── all results ─────────────────────────────

export interface IndicatorResults {
  /** Every standard as applied (national or local override), in table order. */
  readonly standards: readonly AppliedStandard[];
  /** Years in the data, ascending. */
  readonly years: readonly number[];
  /** Sorted by year, region_code, school_id, stage (primary before junior). */
  readonly schools: readonly SchoolYearResult[];
  /** Sorted by year, region_code, stage. Counties, cities and provinces alike (see `level`). */
  readonly counties: readonly CountyYearResult[];
  /** Sorted by year, region_code. */
  readonly regionYears: readonly RegionYearResult[];
  /** In plans.csv order (by source row). */
  readonly progress: readonly PlanProgress[];
  /** Sorted by region_code. */
  readonly countyGaps: readonly CountyGaps[];
  /** Sorted by year, rule, region_code, school_id, stage, id. */
  readonly findings: readonly Finding[];
}
