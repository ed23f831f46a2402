/**
 * Which parts of the 2017 method (教督〔2017〕6号) the published data can show, for the
 * methodology page. The 2017 text groups 7 resource indicators, 15 government-guarantee items,
 * 9 education-quality items and social recognition; the wording below is the portal's short
 * reading of each item, not a quotation. `keys` are the standards-table rules that test it.
 */
export type CoverageLevel = 'shown' | 'partly' | 'not_shown';

export interface CoverageItem {
  readonly part: 'resources' | 'government' | 'quality' | 'social' | 'veto' | 'extra';
  readonly zh: string;
  readonly level: CoverageLevel;
  readonly keys: readonly string[];
  /** Plain Chinese: how it is shown, or why the data cannot show it. */
  readonly note: string;
}

export const METHOD_COVERAGE: readonly CoverageItem[] = [
  { part: 'resources', zh: '资源配置7项指标（每校达标情况，7项中至少6项、余项不低于85%）', level: 'shown', keys: ['qualified_teachers_per_100', 'backbone_teachers_per_100', 'pe_arts_teachers_per_100', 'teaching_space_per_student', 'sports_space_per_student', 'equipment_value_per_student', 'multimedia_rooms_per_100', 'min_indicators_met', 'min_ratio_missed'], note: '由 resources.csv 逐校逐学段计算；一贯制学校按小学部、初中部分别计算。' },
  { part: 'resources', zh: '7项指标的校际差异系数（小学≤0.50、初中≤0.45）', level: 'shown', keys: ['cv_quality'], note: '按在校生数加权，逐项检验；综合差异系数只作参考。特殊教育学校和不足50人的教学点列出但不计入。' },
  { part: 'government', zh: '县域学校规划布局合理', level: 'not_shown', keys: [], note: '属于规划审查，数据中没有可计算的数值。' },
  { part: 'government', zh: '城乡统一的学校建设、编制、公用经费和装备配置标准', level: 'not_shown', keys: [], note: '是否“统一”需审查文件，数据无法显示。' },
  { part: 'government', zh: '每12个班级配备音乐、美术专用教室各1间以上，面积分别不小于96、90平方米', level: 'partly', keys: ['music_art_room_classes', 'music_rooms_per_12_classes', 'art_rooms_per_12_classes', 'music_room_area', 'art_room_area'], note: '按全校班级数检验间数（不足12个班也须各1间）；每间面积不在数据中。' },
  { part: 'government', zh: '学校规模不超过2000人（九年、十二年一贯制不超过2500人）', level: 'shown', keys: ['school_size', 'school_size_through'], note: '按各学段在校生数合计。' },
  { part: 'government', zh: '小学、初中班额分别不超过45人、50人', level: 'shown', keys: ['class_size', 'large_class_min', 'super_large_class_min'], note: '由 classes.csv 逐班检验，并统计大班额、超大班额。' },
  { part: 'government', zh: '公用经费不低于省定标准；不足100人的村小和教学点按100人核定；特教学校生均不低于6000元', level: 'shown', keys: ['public_funds_vs_standard', 'public_funds_small_school_floor', 'special_ed_funds_per_student'], note: '省定标准由县区在 counties.csv 中报告；按100人核定只适用于乡村小学和教学点；数据为支出数而非拨款数。' },
  { part: 'government', zh: '教师平均工资不低于当地公务员', level: 'shown', keys: ['teacher_pay_vs_civil_servants'], note: '县区报告；绩效工资总量核定情况无法显示。' },
  { part: 'government', zh: '教师5年360学时培训完成率100%', level: 'shown', keys: ['training_360h_share'], note: '由 teachers.csv 汇总。' },
  { part: 'government', zh: '县级统筹分配教职工编制和岗位', level: 'not_shown', keys: [], note: '数据中没有编制数。' },
  { part: 'government', zh: '教师交流轮岗不低于10%，其中骨干教师不低于20%', level: 'shown', keys: ['teacher_exchange_rate', 'backbone_exchange_share'], note: '按县区合计判定（合计之比，不是各校比例的平均）。' },
  { part: 'government', zh: '专任教师持证上岗率100%', level: 'shown', keys: ['certified_teachers_share'], note: '由 teachers.csv 汇总。' },
  { part: 'government', zh: '城区、镇区公办学校就近划片入学比例分别达到100%、95%', level: 'partly', keys: ['zone_enrolment_urban', 'zone_enrolment_town'], note: '由划片内录取数计算；数据不区分寄宿制学校，无法按办法剔除。' },
  { part: 'government', zh: '优质高中招生名额分配比例不低于50%，并向农村初中倾斜', level: 'partly', keys: ['quota_allocation'], note: '比例为县区报告；是否向农村初中倾斜无法显示。' },
  { part: 'government', zh: '符合条件的随迁子女在公办学校和政府购买学位就读比例不低于85%', level: 'shown', keys: ['migrant_public'], note: '县区报告。' },
  { part: 'government', zh: '留守儿童关爱体系健全', level: 'not_shown', keys: [], note: '不是数值指标。' },
  { part: 'quality', zh: '初中三年巩固率95%以上', level: 'shown', keys: ['retention_junior'], note: '县区报告。' },
  { part: 'quality', zh: '残疾儿童少年入学率95%以上', level: 'shown', keys: ['disabled_enrollment'], note: '县区报告。' },
  { part: 'quality', zh: '学校制定章程，实现管理与教学信息化', level: 'not_shown', keys: [], note: '数据中没有。' },
  { part: 'quality', zh: '教师培训经费不低于学校年度公用经费预算的5%；教师熟练运用信息化手段教学', level: 'partly', keys: ['training_funds_share'], note: '培训经费比例可算（按支出数）；信息化教学能力无法显示。' },
  { part: 'quality', zh: '德育工作、校园文化建设水平良好以上', level: 'not_shown', keys: [], note: '需现场评估。' },
  { part: 'quality', zh: '课程开齐开足，教学秩序规范，综合实践活动有效开展', level: 'not_shown', keys: [], note: '需现场评估。' },
  { part: 'quality', zh: '无过重课业负担', level: 'not_shown', keys: [], note: '需调查。' },
  { part: 'quality', zh: '国家义务教育质量监测相关科目达到Ⅲ级以上，校际差异率低于0.15', level: 'not_shown', keys: ['monitoring_difference_rate'], note: '监测结果不在公开学校数据中。' },
  { part: 'social', zh: '社会认可度85%以上', level: 'shown', keys: ['satisfaction'], note: '县区报告。' },
  { part: 'veto', zh: '一票否决：考试招生、违规择校、重点校重点班、有编不补或长期借用教师、重大安全事故、弄虚作假', level: 'not_shown', keys: [], note: '只在方法说明中列出。' },
  { part: 'veto', zh: '申请条件：通过基本均衡认定三年以上', level: 'not_shown', keys: ['application_years_after_basic'], note: '数据不含基本均衡认定日期。' },
  { part: 'extra', zh: '基本均衡（2012）综合差异系数：小学≤0.65、初中≤0.55', level: 'partly', keys: ['cv_basic'], note: '检验8项指标差异系数的平均值（综合差异系数），不逐项检验；数据有其中4项（生均教学及辅助用房面积、生均体育运动场馆面积、生均教学仪器设备值、生均高于规定学历教师数），综合差异系数按这4项计算并注明。' },
  { part: 'extra', zh: '辍学率（小学0，初中≤1%）', level: 'partly', keys: ['dropout_rate'], note: '数值引自地方规划，不是2017年办法的条文；一贯制学校只报全校辍学数时，小学部的标准无法单独检验。' },
  { part: 'extra', zh: '初中学业合格率≥95%、综合素质评价优良率≥90%', level: 'shown', keys: ['pass_rate', 'good_rate'], note: '锦州的地方目标，出自锦州市智慧教育云平台的记者文章，只适用于初中。' },
  { part: 'extra', zh: '义务教育财政拨款增长比例高于财政经常性收入增长比例，生均义务教育费用和学生人均公用经费逐步增长（《义务教育法》第四十二条）', level: 'shown', keys: ['education_spending_growth_margin', 'spending_per_student_growth', 'public_funds_per_student_growth'], note: '“高于”“逐步增长”按严格大于检验，持平不达标；需要上一年数据。' },
  { part: 'extra', zh: '财政教育支出占一般预算支出比例提高（锦州地方目标）', level: 'shown', keys: ['education_share_change'], note: '需要 counties.csv 的一般公共预算教育支出、一般公共预算支出和上一年数据；省核定比例无全国统一数值。' },
  { part: 'extra', zh: '招生结果20个工作日内公开', level: 'shown', keys: ['publication_working_days'], note: '以9月1日为最晚形成日期，从次日起按国务院办公厅当年节假日安排计工作日；没有当年通知的年份按周一至周五计算，标注“近似”。' },
];
