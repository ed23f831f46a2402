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
  { key: 'cv_basic', stage: 'primary', threshold: 0.65, comparison: '<=', unit: '', digits: 3, zh: '综合差异系数上限（基本均衡，小学）', valueLabel: '基本均衡综合差异系数（按数据中有的4项指标计算）', en: 'Composite CV limit, basic balance (primary)', group: 'basic_balance', source: D.basic2012, computable: true,
    article: '评估认定标准（小学、初中综合差异系数分别小于或等于0.65、0.55）',
    note: '2012年办法检验的是综合差异系数——8项指标各自差异系数的平均值，不是逐项检验。数据中有其中4项（生均教学及辅助用房面积、生均体育运动场馆面积、生均教学仪器设备值、生均高于规定学历教师数），本站的综合差异系数是这4项的平均值，并注明“按8项中的4项计算”；生均图书册数、每百名学生拥有计算机台数、师生比、生均中级及以上专业技术职务教师数不在数据中。单项差异系数只列出，不据此判定。差异系数与单位无关，故“每百名”与“生均”结果相同。' },
  { key: 'cv_basic', stage: 'junior', threshold: 0.55, comparison: '<=', unit: '', digits: 3, zh: '综合差异系数上限（基本均衡，初中）', valueLabel: '基本均衡综合差异系数（按数据中有的4项指标计算）', en: 'Composite CV limit, basic balance (junior)', group: 'basic_balance', source: D.basic2012, computable: true,
    article: '评估认定标准（小学、初中综合差异系数分别小于或等于0.65、0.55）',
    note: '同小学说明。' },

  // ── 资源配置 7 项 (2017) ──
  { key: 'qualified_teachers_per_100', stage: 'primary', threshold: 4.2, comparison: '>=', unit: '人', zh: '每百名学生拥有高于规定学历教师数', en: 'Teachers above required qualification per 100 students', group: 'resources', source: Q, computable: true, article: '第五条第（一）项', note: '高于规定学历教师数 ÷ 在校生数 × 100。' },
  { key: 'qualified_teachers_per_100', stage: 'junior', threshold: 5.3, comparison: '>=', unit: '人', zh: '每百名学生拥有高于规定学历教师数', en: 'Teachers above required qualification per 100 students', group: 'resources', source: Q, computable: true, article: '第五条第（一）项', note: '高于规定学历教师数 ÷ 在校生数 × 100。' },
  { key: 'backbone_teachers_per_100', stage: 'primary', threshold: 1.0, comparison: '>=', unit: '人', zh: '每百名学生拥有县级及以上骨干教师数', en: 'County-level or higher backbone teachers per 100 students', group: 'resources', source: Q, computable: true, article: '第五条第（二）项', note: '县级及以上骨干教师数 ÷ 在校生数 × 100。' },
  { key: 'backbone_teachers_per_100', stage: 'junior', threshold: 1.0, comparison: '>=', unit: '人', zh: '每百名学生拥有县级及以上骨干教师数', en: 'County-level or higher backbone teachers per 100 students', group: 'resources', source: Q, computable: true, article: '第五条第（二）项', note: '县级及以上骨干教师数 ÷ 在校生数 × 100。' },
  { key: 'pe_arts_teachers_per_100', stage: 'primary', threshold: 0.9, comparison: '>=', unit: '人', zh: '每百名学生拥有体育、艺术（美术、音乐）专任教师数', en: 'PE and arts teachers per 100 students', group: 'resources', source: Q, computable: true, article: '第五条第（三）项', note: '体育艺术专任教师数 ÷ 在校生数 × 100。' },
  { key: 'pe_arts_teachers_per_100', stage: 'junior', threshold: 0.9, comparison: '>=', unit: '人', zh: '每百名学生拥有体育、艺术（美术、音乐）专任教师数', en: 'PE and arts teachers per 100 students', group: 'resources', source: Q, computable: true, article: '第五条第（三）项', note: '体育艺术专任教师数 ÷ 在校生数 × 100。' },
  { key: 'teaching_space_per_student', stage: 'primary', threshold: 4.5, comparison: '>=', unit: 'm²', zh: '生均教学及辅助用房面积', en: 'Teaching and auxiliary space per student', group: 'resources', source: Q, computable: true, article: '第五条第（四）项', note: '教学及辅助用房面积 ÷ 在校生数。' },
  { key: 'teaching_space_per_student', stage: 'junior', threshold: 5.8, comparison: '>=', unit: 'm²', zh: '生均教学及辅助用房面积', en: 'Teaching and auxiliary space per student', group: 'resources', source: Q, computable: true, article: '第五条第（四）项', note: '教学及辅助用房面积 ÷ 在校生数。' },
  { key: 'sports_space_per_student', stage: 'primary', threshold: 7.5, comparison: '>=', unit: 'm²', zh: '生均体育运动场馆面积', en: 'Sports grounds and halls per student', group: 'resources', source: Q, computable: true, article: '第五条第（五）项', note: '体育运动场馆面积 ÷ 在校生数。' },
  { key: 'sports_space_per_student', stage: 'junior', threshold: 10.2, comparison: '>=', unit: 'm²', zh: '生均体育运动场馆面积', en: 'Sports grounds and halls per student', group: 'resources', source: Q, computable: true, article: '第五条第（五）项', note: '体育运动场馆面积 ÷ 在校生数。' },
  { key: 'equipment_value_per_student', stage: 'primary', threshold: 2000, comparison: '>=', unit: '元', zh: '生均教学仪器设备值', en: 'Teaching equipment value per student', group: 'resources', source: Q, computable: true, article: '第五条第（六）项', note: '教学仪器设备值 ÷ 在校生数。' },
  { key: 'equipment_value_per_student', stage: 'junior', threshold: 2500, comparison: '>=', unit: '元', zh: '生均教学仪器设备值', en: 'Teaching equipment value per student', group: 'resources', source: Q, computable: true, article: '第五条第（六）项', note: '教学仪器设备值 ÷ 在校生数。' },
  { key: 'multimedia_rooms_per_100', stage: 'primary', threshold: 2.3, comparison: '>=', unit: '间', zh: '每百名学生拥有网络多媒体教室数', en: 'Networked multimedia classrooms per 100 students', group: 'resources', source: Q, computable: true, article: '第五条第（七）项', note: '网络多媒体教室数 ÷ 在校生数 × 100。' },
  { key: 'multimedia_rooms_per_100', stage: 'junior', threshold: 2.4, comparison: '>=', unit: '间', zh: '每百名学生拥有网络多媒体教室数', en: 'Networked multimedia classrooms per 100 students', group: 'resources', source: Q, computable: true, article: '第五条第（七）项', note: '网络多媒体教室数 ÷ 在校生数 × 100。' },
  { key: 'min_indicators_met', stage: 'all', threshold: 6, comparison: '>=', unit: '项', zh: '每所学校至少达标的指标数（7项中）', en: 'Indicators a school must meet (of 7)', group: 'resources', source: Q, computable: true, article: '第五条', note: '每所学校7项指标中至少6项达到要求。' },
  { key: 'min_ratio_missed', stage: 'all', threshold: 0.85, comparison: '>=', unit: '', zh: '未达标指标不低于标准的比例', en: 'Minimum share of the threshold for a missed indicator', group: 'resources', source: Q, computable: true, digits: 2, article: '第五条', note: '余项不低于要求的85%，按 指标值 ÷ 标准值 计算。' },
  { key: 'cv_quality', stage: 'primary', threshold: 0.5, comparison: '<=', unit: '', digits: 3, article: '第五条', valueLabel: '差异系数', zh: '差异系数上限（优质均衡，小学）', en: 'CV limit, quality balance (primary)', group: 'resources', source: Q, computable: true, note: '7项指标逐项计算按在校生数加权的差异系数，每一项都不得超过上限；综合差异系数（7项平均）只作参考，不据此判定。' },
  { key: 'cv_quality', stage: 'junior', threshold: 0.45, comparison: '<=', unit: '', digits: 3, article: '第五条', valueLabel: '差异系数', zh: '差异系数上限（优质均衡，初中）', en: 'CV limit, quality balance (junior)', group: 'resources', source: Q, computable: true, note: '同小学说明。' },
  { key: 'teaching_point_min_students', stage: 'all', threshold: 50, comparison: '>=', unit: '人', zh: '计入差异系数的教学点最少在校生数', en: 'Minimum students for a teaching point to count', group: 'resources', source: Q, computable: true, article: '第五条', note: '资源配置评估不含特殊教育学校、职业学校及不足50人的教学点；这些学校列出但不计入。' },

  // ── 政府保障程度 (2017) ──
  { key: 'music_art_room_classes', stage: 'all', threshold: 12, comparison: '>=', unit: '个', zh: '音乐、美术专用教室按班级数配置的单位', valueLabel: '班级数', en: 'Classes per required music and art room', group: 'government', source: Q, computable: true, article: '第六条第（三）项',
    note: '“所有小学、初中每12个班级配备音乐、美术专用教室1间以上”，按全校计算：一贯制学校的小学部、初中部班级数相加，两行的专用教室间数相加（共用的教室只填在一行）。需要的间数 = ⌈全校班级数 ÷ 12⌉，至少1间——班级数不足12个的学校也须各有1间（11 + 8 = 19个班需各2间）。部分省份对小规模学校另有规定（如可与其他专用教室合用），应以 standards.csv 覆盖本表，不在计算中另设例外。' },
  { key: 'music_rooms_per_12_classes', stage: 'all', threshold: 1, comparison: '>=', unit: '间', zh: '每12个班级配备音乐专用教室间数', valueLabel: '音乐专用教室间数', en: 'Music rooms per 12 classes', group: 'government', source: Q, computable: true, article: '第六条第（三）项', digits: 0,
    note: '检验时比较的是间数：现有音乐专用教室间数不少于需要的间数（⌈全校班级数 ÷ 12⌉ × 本值，至少本值）。' },
  { key: 'art_rooms_per_12_classes', stage: 'all', threshold: 1, comparison: '>=', unit: '间', zh: '每12个班级配备美术专用教室间数', valueLabel: '美术专用教室间数', en: 'Art rooms per 12 classes', group: 'government', source: Q, computable: true, article: '第六条第（三）项', digits: 0,
    note: '检验时比较的是间数：现有美术专用教室间数不少于需要的间数（⌈全校班级数 ÷ 12⌉ × 本值，至少本值）。' },
  { key: 'music_room_area', stage: 'all', threshold: 96, comparison: '>=', unit: 'm²', zh: '每间音乐专用教室面积', en: 'Area of each music room', group: 'government', source: Q, computable: false, article: '第六条第（三）项', note: '数据只有教室间数，没有每间面积，无法检验。' },
  { key: 'art_room_area', stage: 'all', threshold: 90, comparison: '>=', unit: 'm²', zh: '每间美术专用教室面积', en: 'Area of each art room', group: 'government', source: Q, computable: false, article: '第六条第（三）项', note: '数据只有教室间数，没有每间面积，无法检验。' },
  { key: 'school_size', stage: 'all', threshold: 2000, comparison: '<=', unit: '人', zh: '学校规模上限', valueLabel: '学校规模（义务教育阶段在校生数）', en: 'Maximum school size', group: 'government', source: Q, computable: true, article: '第六条第（四）项', digits: 0, note: '“所有小学、初中规模不超过2000人”：全校义务教育阶段在校生数。完全中学只计初中部（高中部不属义务教育），按本上限检验。' },
  { key: 'school_size_through', stage: 'all', threshold: 2500, comparison: '<=', unit: '人', zh: '九年一贯制、十二年一贯制学校规模上限', valueLabel: '学校规模（义务教育阶段在校生数）', en: 'Maximum size of nine/twelve-year schools', group: 'government', source: Q, computable: true, article: '第六条第（四）项', digits: 0, note: '九年一贯制、十二年一贯制学校义务教育阶段在校生数（小学部与初中部合计；十二年一贯制的高中部不计）。' },
  { key: 'class_size', stage: 'primary', threshold: 45, comparison: '<=', unit: '人', zh: '班额上限（小学）', valueLabel: '班额', en: 'Maximum class size (primary)', group: 'government', source: Q, computable: true, article: '第六条第（五）项', digits: 0, note: '小学所有班级学生数不超过45人。' },
  { key: 'class_size', stage: 'junior', threshold: 50, comparison: '<=', unit: '人', zh: '班额上限（初中）', valueLabel: '班额', en: 'Maximum class size (junior)', group: 'government', source: Q, computable: true, article: '第六条第（五）项', digits: 0, note: '初中所有班级学生数不超过50人。' },
  { key: 'public_funds_small_school_floor', stage: 'all', threshold: 100, comparison: '>=', unit: '人', zh: '村小学和教学点公用经费核定人数', en: 'Students funded at minimum for village primary schools and teaching points', group: 'government', source: Q, computable: true, article: '第六条第（六）项', digits: 0, note: '“不足100名学生的村小学和教学点按100名学生核定公用经费”：只适用于乡村的小学和教学点，不适用于初中、九年一贯制学校和城区、镇区学校。数据的城乡类型不区分乡中心区与村庄，乡村小学均按此核定。' },
  { key: 'public_funds_vs_standard', stage: 'all', threshold: 100, comparison: '>=', unit: '%', zh: '公用经费达到省定生均标准的程度', valueLabel: '公用经费支出占按省定生均标准核定数的比例', en: 'Public funds as % of the provincial standard', group: 'government', source: Q, computable: true, article: '第六条第（二）、（六）项', note: '学校公用经费支出 ÷（省定生均标准 × 在校生数）× 100；一贯制学校按小学、初中学生分别乘以各自标准；不足100人的乡村小学和教学点按100人核定。' },
  { key: 'special_ed_funds_per_student', stage: 'all', threshold: 6000, comparison: '>=', unit: '元', zh: '特殊教育学生生均公用经费', en: 'Public funds per special-education student', group: 'government', source: Q, computable: true, article: '第六条第（六）项', note: '2017年办法为不低于6000元；此后国家基准提高，部分地方定为7000元或8000元，可在 standards.csv 中覆盖。' },
  { key: 'teacher_pay_vs_civil_servants', stage: 'all', threshold: 100, comparison: '>=', unit: '%', zh: '教师平均工资相当于当地公务员的比例', en: 'Teacher pay as % of civil-servant pay', group: 'government', source: Q, computable: true, article: '第六条第（七）项', note: '教师年平均工资 ÷ 当地公务员年平均工资 × 100，不低于100%。' },
  { key: 'training_360h_share', stage: 'all', threshold: 100, comparison: '>=', unit: '%', zh: '教师5年360学时培训完成率', en: 'Teachers completing 360 training hours in 5 years', group: 'government', source: Q, computable: true, article: '第六条第（八）项', note: '完成人数 ÷ 专任教师数 × 100。' },
  { key: 'teacher_exchange_rate', stage: 'all', threshold: 10, comparison: '>=', unit: '%', zh: '教师交流轮岗比例', en: 'Teachers exchanged, % of eligible', group: 'government', source: Q, computable: true, article: '第六条第（十）项', note: '全县每年交流轮岗教师不低于符合交流条件教师总数的10%；按县汇总判定，学校数值仅供参考。' },
  { key: 'backbone_exchange_share', stage: 'all', threshold: 20, comparison: '>=', unit: '%', zh: '交流教师中骨干教师比例', en: 'Backbone teachers, % of those exchanged', group: 'government', source: Q, computable: true, article: '第六条第（十）项', note: '骨干教师不低于交流轮岗教师总数的20%；按县汇总判定。' },
  { key: 'certified_teachers_share', stage: 'all', threshold: 100, comparison: '>=', unit: '%', zh: '专任教师持证上岗率', en: 'Teachers holding a certificate', group: 'government', source: Q, computable: true, article: '第六条第（十一）项', note: '持教师资格证人数 ÷ 专任教师数 × 100。' },
  { key: 'zone_enrolment_urban', stage: 'all', threshold: 100, comparison: '>=', unit: '%', zh: '城区公办学校就近划片入学比例', en: 'Enrolment by zone, urban public schools', group: 'government', source: Q, computable: true, article: '第六条第（十二）项', note: '划片内录取数 ÷ 录取人数 × 100，城区公办学校；数据不标寄宿制学校，故未能按办法剔除寄宿制学校。' },
  { key: 'zone_enrolment_town', stage: 'all', threshold: 95, comparison: '>=', unit: '%', zh: '镇区公办学校就近划片入学比例', en: 'Enrolment by zone, town public schools', group: 'government', source: Q, computable: true, article: '第六条第（十二）项', note: '同城区说明。' },
  { key: 'quota_allocation', stage: 'all', threshold: 50, comparison: '>=', unit: '%', zh: '优质高中招生名额分配比例', en: 'Quota places of quality high schools allocated', group: 'government', source: Q, computable: true, article: '第六条第（十三）项', note: '县区报告（counties.csv）；向农村初中倾斜的情况数据无法显示。' },
  { key: 'migrant_public', stage: 'all', threshold: 85, comparison: '>=', unit: '%', zh: '随迁子女在公办学校及政府购买学位就读比例', en: 'Migrant children in public or purchased places', group: 'government', source: Q, computable: true, article: '第六条第（十四）项', note: '县区报告（counties.csv）。' },
  { key: 'education_spending_growth_margin', stage: 'all', threshold: 0, comparison: '>=', strict: true, unit: '个百分点', digits: 1, zh: '义务教育财政拨款增长比例高于财政经常性收入增长比例', valueLabel: '义务教育财政拨款增长比例减财政经常性收入增长比例', en: 'Growth of compulsory-education appropriations minus growth of recurrent revenue', group: 'government', source: D.compulsoryEducationLaw, article: '第四十二条第三款', computable: true,
    note: '“用于实施义务教育财政拨款的增长比例应当高于财政经常性收入的增长比例”：两者之差须大于0，相等（差为0）不达标。数据为 counties.csv 的义务教育财政拨款与财政经常性收入，与上年同口径比较（需上一年数据）。吉林省《关于深入推进义务教育均衡发展的实施意见》（吉政发〔2013〕32号）重申同一要求。' },
  { key: 'spending_per_student_growth', stage: 'all', threshold: 0, comparison: '>=', strict: true, unit: '%', digits: 1, zh: '按在校学生人数平均的义务教育费用逐步增长', valueLabel: '生均义务教育财政拨款增长率', en: 'Growth of compulsory-education appropriations per student', group: 'government', source: D.compulsoryEducationLaw, article: '第四十二条第三款', computable: true,
    note: '“保证按照在校学生人数平均的义务教育费用逐步增长”：生均义务教育财政拨款（义务教育财政拨款 ÷ 义务教育阶段在校生数）须比上年增长，持平（0%）不达标。' },
  { key: 'public_funds_per_student_growth', stage: 'all', threshold: 0, comparison: '>=', strict: true, unit: '%', digits: 1, zh: '学生人均公用经费逐步增长', valueLabel: '生均公用经费增长率', en: 'Growth of public funds per student', group: 'government', source: D.compulsoryEducationLaw, article: '第四十二条第三款', computable: true,
    note: '“保证教职工工资和学生人均公用经费逐步增长”：全县学校公用经费支出合计 ÷ 在校生数，须比上年增长，持平不达标（需上一年 funding.csv）。' },
  { key: 'education_share_change', stage: 'all', threshold: 0, comparison: '>=', strict: true, unit: '个百分点', digits: 1, zh: '财政教育支出占一般预算支出比例提高', valueLabel: '一般公共预算教育支出占一般公共预算支出比例的变化', en: 'Change in education share of general budget spending', group: 'government', source: D.jinzhou, article: '“教育投入更多了”一节', computable: true,
    note: '锦州的地方目标：“确保财政教育支出占一般预算支出比例明显提高并达到或超过省核定要求”。本站计算 一般公共预算教育支出 ÷ 一般公共预算支出 × 100 及其比上年的变化（需 counties.csv 的这两列和上一年数据）；“明显”与省核定比例无全国统一数值，只检验是否提高。' },

  // ── 教育质量 (2017) ──
  { key: 'retention_junior', stage: 'junior', threshold: 95, comparison: '>=', unit: '%', zh: '初中三年巩固率', en: 'Junior three-year retention', group: 'quality', source: Q, computable: true, article: '第七条第（一）项', note: '县区报告（counties.csv）。' },
  { key: 'disabled_enrollment', stage: 'all', threshold: 95, comparison: '>=', unit: '%', zh: '残疾儿童少年入学率', en: 'Enrolment of children with disabilities', group: 'quality', source: Q, computable: true, article: '第七条第（二）项', note: '县区报告（counties.csv）。' },
  { key: 'training_funds_share', stage: 'all', threshold: 5, comparison: '>=', unit: '%', zh: '教师培训经费占公用经费比例', en: 'Teacher training funds, % of public funds', group: 'quality', source: Q, computable: true, article: '第七条第（四）项', note: '按不低于学校年度公用经费预算总额的5%安排；数据为支出数，按 培训经费 ÷ 公用经费支出 × 100 计算。' },
  { key: 'dropout_rate', stage: 'primary', threshold: 0, comparison: '<=', unit: '%', zh: '辍学率（小学）', valueLabel: '辍学率', en: 'Dropout rate (primary)', group: 'quality', source: D.taipingPlan2023, computable: true, article: '“四、工作任务”（一）第4点', digits: 2, note: '“小学实现在校生无辍学”；国家办法以巩固率表述，此数值引自地方规划。九年一贯制、十二年一贯制学校只报全校一个辍学数时，小学部的0标准无法单独检验（页面注明），不按初中标准代替。' },
  { key: 'dropout_rate', stage: 'junior', threshold: 1, comparison: '<=', unit: '%', zh: '辍学率（初中）', valueLabel: '辍学率', en: 'Dropout rate (junior)', group: 'quality', source: D.taipingPlan2023, computable: true, article: '“四、工作任务”（一）第4点', digits: 2, note: '“初中在校生辍学率控制在省定标准1%以内”（引自地方规划）。一贯制学校辍学数未分学段：全校无辍学时两项标准均达到；有辍学时无法分别检验，显示为“无法判定”。' },
  { key: 'pass_rate', stage: 'junior', threshold: 95, comparison: '>=', unit: '%', zh: '学业合格率（初中）', valueLabel: '学业合格率', en: 'Academic pass rate (junior)', group: 'quality', source: D.jinzhou, article: '“素质教育让学生更快乐”一节', computable: true, note: '地方目标：锦州“完善初中学业水平考试和综合素质评价制度……学生学业合格率达到95%以上”，出自记者文章，只适用于初中（含一贯制学校、完全中学的初中部）。县区数值按学年初在校生数加权。' },
  { key: 'good_rate', stage: 'junior', threshold: 90, comparison: '>=', unit: '%', zh: '综合素质评价优良率（初中）', valueLabel: '综合素质评价优良率', en: 'Good-or-better comprehensive evaluation (junior)', group: 'quality', source: D.jinzhou, article: '“素质教育让学生更快乐”一节', computable: true, note: '地方目标：锦州“综合素质评价优良率达到90%以上”，出自记者文章，只适用于初中。县区数值按学年初在校生数加权。' },
  { key: 'monitoring_difference_rate', stage: 'all', threshold: 0.15, comparison: '<=', unit: '', zh: '国家义务教育质量监测校际差异率', en: 'Inter-school difference rate in national monitoring', group: 'quality', source: Q, computable: false, article: '第七条第（九）项', note: '相关科目学业水平达到Ⅲ级以上且校际差异率低于0.15；监测结果不在公开学校数据中，只作说明。' },

  // ── 社会认可度 (2017) ──
  { key: 'satisfaction', stage: 'all', threshold: 85, comparison: '>=', unit: '%', zh: '社会认可度', en: 'Public satisfaction', group: 'social', source: Q, computable: true, article: '第八条', note: '县区报告（counties.csv）。' },

  // ── 班额分档 ──
  { key: 'large_class_min', stage: 'all', threshold: 56, comparison: '>=', unit: '人', zh: '大班额下限', valueLabel: '班额', en: 'Large class (大班额) from', group: 'class_size', source: D.integration2016, computable: true, digits: 0, note: '分档界限，不是合格标准：56–65人为大班额。国发〔2016〕40号要求2018年基本消除66人以上超大班额、2020年基本消除56人以上大班额。' },
  { key: 'super_large_class_min', stage: 'all', threshold: 66, comparison: '>=', unit: '人', zh: '超大班额下限', valueLabel: '班额', en: 'Very large class (超大班额) from', group: 'class_size', source: D.integration2016, computable: true, digits: 0, note: '分档界限，不是合格标准：66人及以上为超大班额。' },

  // ── 招生公开 ──
  { key: 'publication_working_days', stage: 'all', threshold: 20, comparison: '<=', unit: '工作日', zh: '招生信息公开时限', valueLabel: '录取结果公布距学年开始的工作日数', en: 'Admission information published within', group: 'admissions', source: D.disclosure2019, article: '“招生管理”事项（公开时限）', computable: true, digits: 0, note: '招生计划、招生范围、招生结果等信息自形成或变更之日起20个工作日内公开。本站以学年开始日（9月1日）为录取结果形成的最晚日期，从次日起计工作日：工作日按国务院办公厅当年《关于部分节假日安排的通知》确定（法定节假日不计，调休上班的周末计入）；数据中没有当年通知的年份按周一至周五计算，并标注“近似”。' },

  // ── 评估程序 ──
  { key: 'application_years_after_basic', stage: 'all', threshold: 3, comparison: '>=', unit: '年', zh: '通过基本均衡认定后申请优质均衡的年限', en: 'Years after basic-balance recognition before applying', group: 'procedure', source: Q, computable: false, article: '第三条', note: '通过国家义务教育基本均衡发展认定三年以上方可申请；数据不含基本均衡认定日期，只作说明。' },
];
