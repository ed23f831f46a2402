import type { SourceDocument } from '../indicators/types';

/**
 * The documents the thresholds come from: issuing body, title, 文号, date of issue. The article
 * or item a rule sits in is on the rule itself (StandardDefinition.article), so one document
 * serves many rules. `number` is null when the document has none (a law, a guide, an article).
 * `kind` says what sort of text it is, so the site can tell a national rule from a local target.
 */
export const DOCUMENTS = {
  basic2012: {
    issuer: '教育部',
    title: '县域义务教育均衡发展督导评估暂行办法',
    number: '教督〔2012〕3号',
    year: 2012,
    date: '2012-01-20',
    kind: 'national',
  },
  quality2017: {
    issuer: '教育部',
    title: '县域义务教育优质均衡发展督导评估办法',
    number: '教督〔2017〕6号',
    year: 2017,
    date: '2017-04-19',
    kind: 'national',
  },
  compulsoryEducationLaw: {
    issuer: '全国人民代表大会常务委员会',
    title: '中华人民共和国义务教育法',
    number: null,
    year: 2006,
    date: '2006-06-29',
    kind: 'law',
    edition: '2006年6月29日修订，2018年12月29日第二次修正',
  },
  integration2016: {
    issuer: '国务院',
    title: '国务院关于统筹推进县域内城乡义务教育一体化改革发展的若干意见',
    number: '国发〔2016〕40号',
    year: 2016,
    date: '2016-07-02',
    kind: 'national',
  },
  disclosure2019: {
    issuer: '教育部办公厅',
    title: '义务教育领域基层政务公开标准指引',
    number: null,
    year: 2019,
    date: '2019-06-19',
    kind: 'national',
  },
  /** Local plans quoted in the domain reference: the national method gives no number for these. */
  taipingPlan2023: {
    issuer: '锦州市太平区教育局',
    title: '太平区义务教育发展基本均衡方案',
    number: null,
    year: 2023,
    date: '2023-09-18',
    kind: 'local_plan',
  },
  /** A reporter's article on the city's education platform, not a government document. */
  jinzhou: {
    issuer: '锦州市智慧教育云平台（文：记者王超）',
    title: '锦州义务教育未来十年迈向优质均衡！优在哪些方面？如何推进？一起看看~',
    number: null,
    year: null,
    date: null,
    kind: 'news',
  },
} as const satisfies Record<string, SourceDocument>;

const KIND_NOTE: Record<NonNullable<SourceDocument['kind']>, string> = {
  national: '',
  law: '',
  local_plan: '（地方规划中的目标，不是国家标准）',
  news: '（记者文章报道的地方目标，不是政府文件，也不是国家标准）',
};

/** “2017-04-19” → “2017年4月19日”. */
export function dateZh(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/**
 * One citation in plain Chinese: issuing body, title, number, date, article.
 *   教育部《县域义务教育优质均衡发展督导评估办法》（教督〔2017〕6号，2017年4月19日）第六条第（三）项
 *   全国人民代表大会常务委员会《中华人民共和国义务教育法》（2006年6月29日修订，2018年12月29日第二次修正）第四十二条第三款
 */
export function citeSource(doc: SourceDocument, article?: string | null): string {
  const meta = [doc.number, doc.edition ?? (doc.date ? dateZh(doc.date) : doc.year ? `${doc.year}年` : null)].filter((x): x is string => !!x);
  const issuer = doc.issuer && !doc.title.startsWith(doc.issuer) ? doc.issuer : '';
  return `${issuer}《${doc.title}》${meta.length ? `（${meta.join('，')}）` : ''}${article ?? ''}${doc.kind ? KIND_NOTE[doc.kind] : ''}`;
}
