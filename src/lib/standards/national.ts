/**
 * The national thresholds as data — the only place policy numbers live. Indicators read them
 * through resolveStandards() so data/standards.csv can replace any of them for a region.
 * Order matters: it is the order of the methodology page and of every indicator list.
 */
import type { StandardDefinition } from '../indicators/types';
import { DOCUMENTS as D } from './documents';

const Q = D.quality2017;

export const NATIONAL_STANDARDS: readonly StandardDefinition[] = [
  // ── 基本均衡 (2012) ──
  { key: 'cv_basic', stage: 'primary', threshold: 0.65, comparison: '<=', unit: '', zh: '差异系数上限（基本均衡，小学）', en: 'CV limit, basic balance (primary)', group: 'basic_balance', source: D.basic2012, computable: true,
    note: '2012年办法的8项指标中，数据可算其中4项（生均教学及辅助用房面积、生均体育运动场馆面积、生均教学仪器设备值、生均高于规定学历教师数）；生均图书册数、每百名学生计算机台数、师生比、中级职称教师数不在数据中。差异系数与单位无关，故“每百名”与“生均”结果相同。' },
  { key: 'cv_basic', stage: 'junior', threshold: 0.55, comparison: '<=', unit: '', zh: '差异系数上限（基本均衡，初中）', en: 'CV limit, basic balance (junior)', group: 'basic_balance', source: D.basic2012, computable: true,
    note: '同小学说明。' },

  // ── 资源配置 7 项 (2017) ──
  { key: 'qualified_teachers_per_100', stage: 'primary', threshold: 4.2, comparison: '>=', unit: '人', zh: '每百名学生拥有高于规定学历教师数', en: 'Teachers above required qualification per 100 students', group: 'resources', source: Q, computable: true, note: '高于规定学历教师数 ÷ 在校生数 × 100。' },
  { key: 'qualified_teachers_per_100', stage: 'junior', threshold: 5.3, comparison: '>=', unit: '人', zh: '每百名学生拥有高于规定学历教师数', en: 'Teachers above required qualification per 100 students', group: 'resources', source: Q, computable: true, note: '高于规定学历教师数 ÷ 在校生数 × 100。' },
  { key: 'backbone_teachers_per_100', stage: 'primary', threshold: 1.0, comparison: '>=', unit: '人', zh: '每百名学生拥有县级及以上骨干教师数', en: 'County-level or higher backbone teachers per 100 students', group: 'resources', source: Q, computable: true, note: '县级及以上骨干教师数 ÷ 在校生数 × 100。' },
  { key: 'backbone_teachers_per_100', stage: 'junior', threshold: 1.0, comparison: '>=', unit: '人', zh: '每百名学生拥有县级及以上骨干教师数', en: 'County-level or higher backbone teachers per 100 students', group: 'resources', source: Q, computable: true, note: '县级及以上骨干教师数 ÷ 在校生数 × 100。' },
  { key: 'pe_arts_teachers_per_100', stage: 'primary', threshold: 0.9, comparison: '>=', unit: '人', zh: '每百名学生拥有体育、艺术（美术、音乐）专任教师数', en: 'PE and arts teachers per 100 students', group: 'resources', source: Q, computable: true, note: '体育艺术专任教师数 ÷ 在校生数 × 100。' },
  { key: 'pe_arts_teachers_per_100', stage: 'junior', threshold: 0.9, comparison: '>=', unit: '人', zh: '每百名学生拥有体育、艺术（美术、音乐）专任教师数', en: 'PE and arts teachers per 100 students', group: 'resources', source: Q, computable: true, note: '体育艺术专任教师数 ÷ 在校生数 × 100。' },
  { key: 'teaching_space_per_student', stage: 'primary', threshold: 4.5, comparison: '>=', unit: 'm²', zh: '生均教学及辅助用房面积', en: 'Teaching and auxiliary space per student', group: 'resources', source: Q, computable: true, note: '教学及辅助用房面积 ÷ 在校生数。' },
  { key: 'teaching_space_per_student', stage: 'junior', threshold: 5.8, comparison: '>=', unit: 'm²', zh: '生均教学及辅助用房面积', en: 'Teaching and auxiliary space per student', group: 'resources', source: Q, computable: true, note: '教学及辅助用房面积 ÷ 在校生数。' },
  { key: 'sports_space_per_student', stage: 'primary', threshold: 7.5, comparison: '>=', unit: 'm²', zh: '生均体育运动场馆面积', en: 'Sports grounds and halls per student', group: 'resources', source: Q, computable: true, note: '体育运动场馆面积 ÷ 在校生数。' },
  { key: 'sports_space_per_student', stage: 'junior', threshold: 10.2, comparison: '>=', unit: 'm²', zh: '生均体育运动场馆面积', en: 'Sports grounds and halls per student', group: 'resources', source: Q, computable: true, note: '体育运动场馆面积 ÷ 在校生数。' },
  { key: 'equipment_value_per_student', stage: 'primary', threshold: 2000, comparison: '>=', unit: '元', zh: '生均教学仪器设备值', en: 'Teaching equipment value per student', group: 'resources', source: Q, computable: true, note: '教学仪器设备值 ÷ 在校生数。' },
  { key: 'equipment_value_per_student', stage: 'junior', threshold: 2500, comparison: '>=', unit: '元', zh: '生均教学仪器设备值', en: 'Teaching equipment value per student', group: 'resources', source: Q, computable: true, note: '教学仪器设备值 ÷ 在校生数。' },
  { key: 'multimedia_rooms_per_100', stage: 'primary', threshold: 2.3, comparison: '>=', unit: '间', zh: '每百名学生拥有网络多媒体教室数', en: 'Networked multimedia classrooms per 100 students', group: 'resources', source: Q, computable: true, note: '网络多媒体教室数 ÷ 在校生数 × 100。' },
  { key: 'multimedia_rooms_per_100', stage: 'junior', threshold: 2.4, comparison: '>=', unit: '间', zh: '每百名学生拥有网络多媒体教室数', en: 'Networked multimedia classrooms per 100 students', group: 'resources', source: Q, computable: true, note: '网络多媒体教室数 ÷ 在校生数 × 100。' },
  { key: 'min_indicators_met', stage: 'all', threshold: 6, comparison: '>=', unit: '项', zh: '每所学校至少达标的指标数（7项中）', en: 'Indicators a school must meet (of 7)', group: 'resources', source: Q, computable: true, note: '每所学校7项指标中至少6项达到要求。' },
  { key: 'min_ratio_missed', stage: 'all', threshold: 0.85, comparison: '>=', unit: '', zh: '未达标指标不低于标准的比例', en: 'Minimum share of the threshold for a missed indicator', group: 'resources', source: Q, computable: true, note: '余项不低于要求的85%，按 指标值 ÷ 标准值 计算。' },
  { key: 'cv_quality', stage: 'primary', threshold: 0.5, comparison: '<=', unit: '', zh: '差异系数上限（优质均衡，小学）', en: 'CV limit, quality balance (primary)', group: 'resources', source: Q, computable: true, note: '7项指标逐项计算按在校生数加权的差异系数，每一项都不得超过上限；综合差异系数（7项平均）只作参考，不据此判定。' },
  { key: 'cv_quality', stage: 'junior', threshold: 0.45, comparison: '<=', unit: '', zh: '差异系数上限（优质均衡，初中）', en: 'CV limit, quality balance (junior)', group: 'resources', source: Q, computable: true, note: '同小学说明。' },
  { key: 'teaching_point_min_students', stage: 'all', threshold: 50, comparison: '>=', unit: '人', zh: '计入差异系数的教学点最少在校生数', en: 'Minimum students for a teaching point to count', group: 'resources', source: Q, computable: true, note: '资源配置评估不含特殊教育学校、职业学校及不足50人的教学点；这些学校列出但不计入。' },

  // ── 政府保障程度 (2017) ──
  { key: 'music_art_room_classes', stage: 'all', threshold: 12, comparison: '>=', unit: '个', zh: '音乐、美术专用教室配置的班级单位', en: 'Classes per required music and art room', group: 'government', source: Q, computable: true, note: '所有小学、初中每12个班级配备音乐、美术专用教室1间以上；班级数不足12个的学校不适用。即 专用教室间数 × 12 ÷ 班级数 ≥ 1（所需间数 = ⌈班级数 ÷ 12⌉，18个班需2间）。' },
  { key: 'music_rooms_per_12_classes', stage: 'all', threshold: 1, comparison: '>=', unit: '间', zh: '每12个班级音乐专用教室数', en: 'Music rooms per 12 classes', group: 'government', source: Q, computable: true, note: '音乐专用教室数 ÷ (班级数 ÷ 12)。' },
  { key: 'art_rooms_per_12_classes', stage: 'all', threshold: 1, comparison: '>=', unit: '间', zh: '每12个班级美术专用教室数', en: 'Art rooms per 12 classes', group: 'government', source: Q, computable: true, note: '美术专用教室数 ÷ (班级数 ÷ 12)。' },
  { key: 'music_room_area', stage: 'all', threshold: 96, comparison: '>=', unit: 'm²', zh: '每间音乐专用教室面积', en: 'Area of each music room', group: 'government', source: Q, computable: false, note: '数据只有教室间数，没有每间面积，无法检验。' },
  { key: 'art_room_area', stage: 'all', threshold: 90, comparison: '>=', unit: 'm²', zh: '每间美术专用教室面积', en: 'Area of each art room', group: 'government', source: Q, computable: false, note: '数据只有教室间数，没有每间面积，无法检验。' },
  { key: 'school_size', stage: 'all', threshold: 2000, comparison: '<=', unit: '人', zh: '学校规模上限', en: 'Maximum school size', group: 'government', source: Q, computable: true, note: '全校义务教育阶段在校生数（各学段合计）。' },
  { key: 'school_size_through', stage: 'all', threshold: 2500, comparison: '<=', unit: '人', zh: '九年一贯制、十二年一贯制学校规模上限', en: 'Maximum size of nine/twelve-year schools', group: 'government', source: Q, computable: true, note: '九年一贯制、十二年一贯制学校义务教育阶段在校生数。' },
  { key: 'class_size', stage: 'primary', threshold: 45, comparison: '<=', unit: '人', zh: '班额上限（小学）', en: 'Maximum class size (primary)', group: 'government', source: Q, computable: true, note: '小学所有班级学生数不超过45人。' },
  { key: 'class_size', stage: 'junior', threshold: 50, comparison: '<=', unit: '人', zh: '班额上限（初中）', en: 'Maximum class size (junior)', group: 'government', source: Q, computable: true, note: '初中所有班级学生数不超过50人。' },
  { key: 'public_funds_small_school_floor', stage: 'all', threshold: 100, comparison: '>=', unit: '人', zh: '小规模学校公用经费核定人数', en: 'Students funded at minimum for small schools', group: 'government', source: Q, computable: true, note: '不足100名学生的村小学和教学点按100名学生核定公用经费；全县学校公用经费不低于省定生均标准（标准由县区在 counties.csv 中报告）。' },
  { key: 'public_funds_vs_standard', stage: 'all', threshold: 100, comparison: '>=', unit: '%', zh: '公用经费达到省定生均标准的程度', en: 'Public funds as % of the provincial standard', group: 'government', source: Q, computable: true, note: '学校公用经费支出 ÷（省定生均标准 × 在校生数）× 100；一贯制学校按小学、初中学生分别乘以各自标准；不足100人的乡村学校和教学点按100人核定。' },
  { key: 'special_ed_funds_per_student', stage: 'all', threshold: 6000, comparison: '>=', unit: '元', zh: '特殊教育学生生均公用经费', en: 'Public funds per special-education student', group: 'government', source: Q, computable: true, note: '2017年办法为不低于6000元；此后国家基准提高，部分地方定为7000元或8000元，可在 standards.csv 中覆盖。' },
  { key: 'teacher_pay_vs_civil_servants', stage: 'all', threshold: 100, comparison: '>=', unit: '%', zh: '教师平均工资相当于当地公务员的比例', en: 'Teacher pay as % of civil-servant pay', group: 'government', source: Q, computable: true, note: '教师年平均工资 ÷ 当地公务员年平均工资 × 100，不低于100%。' },
  { key: 'training_360h_share', stage: 'all', threshold: 100, comparison: '>=', unit: '%', zh: '教师5年360学时培训完成率', en: 'Teachers completing 360 training hours in 5 years', group: 'government', source: Q, computable: true, note: '完成人数 ÷ 专任教师数 × 100。' },
  { key: 'teacher_exchange_rate', stage: 'all', threshold: 10, comparison: '>=', unit: '%', zh: '教师交流轮岗比例', en: 'Teachers exchanged, % of eligible', group: 'government', source: Q, computable: true, note: '全县每年交流轮岗教师不低于符合交流条件教师总数的10%；按县汇总判定，学校数值仅供参考。' },
  { key: 'backbone_exchange_share', stage: 'all', threshold: 20, comparison: '>=', unit: '%', zh: '交流教师中骨干教师比例', en: 'Backbone teachers, % of those exchanged', group: 'government', source: Q, computable: true, note: '骨干教师不低于交流轮岗教师总数的20%；按县汇总判定。' },
  { key: 'certified_teachers_share', stage: 'all', threshold: 100, comparison: '>=', unit: '%', zh: '专任教师持证上岗率', en: 'Teachers holding a certificate', group: 'government', source: Q, computable: true, note: '持教师资格证人数 ÷ 专任教师数 × 100。' },
  { key: 'zone_enrolment_urban', stage: 'all', threshold: 100, comparison: '>=', unit: '%', zh: '城区公办学校就近划片入学比例', en: 'Enrolment by zone, urban public schools', group: 'government', source: Q, computable: true, note: '划片内录取数 ÷ 录取人数 × 100，城区公办学校；数据不标寄宿制学校，故未能按办法剔除寄宿制学校。' },
  { key: 'zone_enrolment_town', stage: 'all', threshold: 95, comparison: '>=', unit: '%', zh: '镇区公办学校就近划片入学比例', en: 'Enrolment by zone, town public schools', group: 'government', source: Q, computable: true, note: '同城区说明。' },
  { key: 'quota_allocation', stage: 'all', threshold: 50, comparison: '>=', unit: '%', zh: '优质高中招生名额分配比例', en: 'Quota places of quality high schools allocated', group: 'government', source: Q, computable: true, note: '县区报告（counties.csv）；向农村初中倾斜的情况数据无法显示。' },
  { key: 'migrant_public', stage: 'all', threshold: 85, comparison: '>=', unit: '%', zh: '随迁子女在公办学校及政府购买学位就读比例', en: 'Migrant children in public or purchased places', group: 'government', source: Q, computable: true, note: '县区报告（counties.csv）。' },
  { key: 'education_spending_growth_margin', stage: 'all', threshold: 0, comparison: '>=', unit: '个百分点', zh: '财政教育支出增幅高于经常性收入增幅', en: 'Education spending growth minus revenue growth', group: 'government', source: D.jinzhou, computable: true, note: '教育经费法定增长要求：财政教育支出增长幅度高于经常性财政收入增长幅度，按上年同口径计算（需上一年数据）。' },
  { key: 'spending_per_student_growth', stage: 'all', threshold: 0, comparison: '>=', unit: '%', zh: '生均财政教育支出逐年增长', en: 'Growth of education spending per student', group: 'government', source: D.jinzhou, computable: true, note: '财政教育支出 ÷ 在校生数，与上年相比不下降。' },

  // ── 教育质量 (2017) ──
  { key: 'retention_junior', stage: 'junior', threshold: 95, comparison: '>=', unit: '%', zh: '初中三年巩固率', en: 'Junior three-year retention', group: 'quality', source: Q, computable: true, note: '县区报告（counties.csv）。' },
  { key: 'disabled_enrollment', stage: 'all', threshold: 95, comparison: '>=', unit: '%', zh: '残疾儿童少年入学率', en: 'Enrolment of children with disabilities', group: 'quality', source: Q, computable: true, note: '县区报告（counties.csv）。' },
  { key: 'training_funds_share', stage: 'all', threshold: 5, comparison: '>=', unit: '%', zh: '教师培训经费占公用经费比例', en: 'Teacher training funds, % of public funds', group: 'quality', source: Q, computable: true, note: '按不低于学校年度公用经费预算总额的5%安排；数据为支出数，按 培训经费 ÷ 公用经费支出 × 100 计算。' },
  { key: 'dropout_rate', stage: 'primary', threshold: 0, comparison: '<=', unit: '%', zh: '辍学率（小学）', en: 'Dropout rate (primary)', group: 'quality', source: D.taipingPlan2023, computable: true, note: '小学在校生无辍学；国家办法以巩固率表述，此数值引自规划文件。' },
  { key: 'dropout_rate', stage: 'junior', threshold: 1, comparison: '<=', unit: '%', zh: '辍学率（初中）', en: 'Dropout rate (junior)', group: 'quality', source: D.taipingPlan2023, computable: true, note: '初中辍学率控制在省定标准1%以内；一贯制学校辍学数未分学段，按初中标准比较。' },
  { key: 'pass_rate', stage: 'all', threshold: 95, comparison: '>=', unit: '%', zh: '学业合格率', en: 'Academic pass rate', group: 'quality', source: D.jinzhou, computable: true, note: '引自地方规划；县区数值按学年初在校生数加权。' },
  { key: 'good_rate', stage: 'all', threshold: 90, comparison: '>=', unit: '%', zh: '综合素质评价优良率', en: 'Good-or-better comprehensive evaluation', group: 'quality', source: D.jinzhou, computable: true, note: '引自地方规划；县区数值按学年初在校生数加权。' },
  { key: 'monitoring_difference_rate', stage: 'all', threshold: 0.15, comparison: '<=', unit: '', zh: '国家义务教育质量监测校际差异率', en: 'Inter-school difference rate in national monitoring', group: 'quality', source: Q, computable: false, note: '相关科目学业水平达到Ⅲ级以上且校际差异率低于0.15；监测结果不在公开学校数据中，只作说明。' },

  // ── 社会认可度 (2017) ──
  { key: 'satisfaction', stage: 'all', threshold: 85, comparison: '>=', unit: '%', zh: '社会认可度', en: 'Public satisfaction', group: 'social', source: Q, computable: true, note: '县区报告（counties.csv）。' },

  // ── 班额分档 ──
  { key: 'large_class_min', stage: 'all', threshold: 56, comparison: '>=', unit: '人', zh: '大班额下限', en: 'Large class (大班额) from', group: 'class_size', source: D.integration2016, computable: true, note: '分档界限，不是合格标准：56–65人为大班额。国发〔2016〕40号要求2018年基本消除66人以上超大班额、2020年基本消除56人以上大班额。' },
  { key: 'super_large_class_min', stage: 'all', threshold: 66, comparison: '>=', unit: '人', zh: '超大班额下限', en: 'Very large class (超大班额) from', group: 'class_size', source: D.integration2016, computable: true, note: '分档界限，不是合格标准：66人及以上为超大班额。' },

  // ── 招生公开 ──
  { key: 'publication_working_days', stage: 'all', threshold: 20, comparison: '<=', unit: '工作日', zh: '招生信息公开时限', en: 'Admission information published within', group: 'admissions', source: D.disclosure2019, computable: true, note: '招生计划、招生范围、招生结果等信息自形成或变更之日起20个工作日内公开。本门户以学年开始日（9月1日）为录取结果形成的最晚日期，按周一至周五计工作日（未扣除节假日）。' },

  // ── 评估程序 ──
  { key: 'application_years_after_basic', stage: 'all', threshold: 3, comparison: '>=', unit: '年', zh: '通过基本均衡认定后申请优质均衡的年限', en: 'Years after basic-balance recognition before applying', group: 'procedure', source: Q, computable: false, note: '通过国家义务教育基本均衡发展认定三年以上方可申请；数据不含基本均衡认定日期，只作说明。' },
];
