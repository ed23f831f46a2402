import type { SourceDocument } from '../indicators/types';

/** The documents the national thresholds come from. 文号 only where it is certain; otherwise null. */
export const DOCUMENTS = {
  basic2012: { title: '县域义务教育均衡发展督导评估暂行办法', number: '教督〔2012〕3号', year: 2012 },
  quality2017: { title: '县域义务教育优质均衡发展督导评估办法', number: '教督〔2017〕6号', year: 2017 },
  integration2016: {
    title: '国务院关于统筹推进县域内城乡义务教育一体化改革发展的若干意见',
    number: '国发〔2016〕40号',
    year: 2016,
  },
  disclosure2019: { title: '义务教育领域基层政务公开标准指引', number: null, year: 2019 },
  /** Local plans quoted in the domain reference: the national method gives no number for these. */
  taipingPlan2023: { title: '太平区义务教育发展基本均衡方案（太平区教育局，2023-09-18）', number: null, year: 2023 },
  jinzhou: { title: '锦州义务教育未来十年迈向优质均衡（锦州市教育局公开介绍）', number: null, year: null },
} as const satisfies Record<string, SourceDocument>;
