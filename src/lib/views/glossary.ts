/**
 * The /glossary/ page: the terms a reader meets on the site, defined in plain Chinese.
 * Every threshold in a definition is read from the applied standards table (portal.standard),
 * so a region's standards.csv override changes the glossary too — no policy number lives here.
 * `linkFirstTerms` splits a text into segments linking the first occurrence of each term.
 */
import type { Portal } from '../site/portal';
import { suppressionMarker } from '../privacy/suppress';
import { fmtCv } from '../site/format';
import { schoolRule, INDICATOR_COUNT } from './shared';

export interface GlossaryEntry {
  /** Stable ASCII anchor (`/glossary/#id`). */
  readonly id: string;
  readonly term: string;
  readonly definition: string;
  /** Site path (already with the base path) for further reading. */
  readonly seeAlso?: { readonly href: string; readonly label: string };
}

export interface GlossaryView {
  readonly entries: readonly GlossaryEntry[];
}

export type Segment = { readonly text: string } | { readonly text: string; readonly href: string };

export function glossaryView(p: Portal): GlossaryView {
  const std = (key: string, stage?: 'primary' | 'junior') => p.standard(key, stage).threshold;
  const method = { href: p.href('methodology/'), label: '方法说明' };
  const standards = { href: p.href('methodology/#standards'), label: '全部标准及来源' };
  const qP = fmtCv(std('cv_quality', 'primary'));
  const qJ = fmtCv(std('cv_quality', 'junior'));
  const bP = fmtCv(std('cv_basic', 'primary'));
  const bJ = fmtCv(std('cv_basic', 'junior'));
  const rule = schoolRule(p);
  const large = std('large_class_min');
  const superLarge = std('super_large_class_min');
  const tpMin = std('teaching_point_min_students');
  const marker = suppressionMarker(p.settings.suppression_threshold);
  const qSource = p.standard('cv_quality', 'primary').source;
  const qNo = qSource.number ? `（${qSource.number}）` : '';

  const entries: GlossaryEntry[] = [
    { id: 'cv', term: '差异系数',
      definition: `衡量一个县区内各校之间某项指标差距大小的数值：按在校生数加权的标准差除以加权平均值。数值越小，校际差距越小。优质均衡评估${qNo}对${INDICATOR_COUNT}项资源配置指标逐项计算，县区每一项的差异系数小学不超过${qP}、初中不超过${qJ}。`,
      seeAlso: { href: p.href('methodology/#校际差异系数'), label: '校际差异系数与算例' } },
    { id: 'composite-cv', term: '综合差异系数',
      definition: `2012年基本均衡评估使用的数值：各项指标差异系数的平均值。基本均衡要求小学不超过${bP}、初中不超过${bJ}。优质均衡逐项检验差异系数，综合差异系数只作参考。`,
      seeAlso: method },
    { id: 'quality-balance', term: '优质均衡',
      definition: `县域义务教育优质均衡发展：在基本均衡的基础上，资源配置、政府保障程度、教育质量和社会认可度四个方面都达到国家评估标准${qNo}。`,
      seeAlso: method },
    { id: 'basic-balance', term: '基本均衡',
      definition: `县域义务教育基本均衡发展：按2012年办法评估，主要看县区内校际差距（综合差异系数）。通过基本均衡认定是申请优质均衡评估的前提。`,
      seeAlso: method },
    { id: 'rule-85', term: `${rule.ratioPct}%规则`,
      definition: `优质均衡对每所学校的要求：${rule.text}。`,
      seeAlso: method },
    { id: 'zoning', term: '划片入学',
      definition: '教育部门为每所公办学校划定招生范围（学区），适龄儿童在户籍或居住地所在的片区内就近入学。',
      seeAlso: standards },
    { id: 'zone', term: '划片',
      definition: '划定公办学校招生范围的做法，见“划片入学”。' },
    { id: 'lottery', term: '摇号',
      definition: '报名人数超过招生计划时，用随机抽签的方式确定录取名单，常见于民办学校和片区内学位不足的公办学校。' },
    { id: 'large-class', term: '大班额',
      definition: `一个班的学生数为${large}–${superLarge - 1}人。这是分档界限，不是合格标准；优质均衡另有班额上限。`,
      seeAlso: standards },
    { id: 'super-large-class', term: '超大班额',
      definition: `一个班的学生数为${superLarge}人及以上。这是分档界限，不是合格标准。`,
      seeAlso: standards },
    { id: 'public-funds', term: '生均公用经费',
      definition: '学校用于日常运转（水电、办公、教学用品、培训等）的公用经费按在校生数平均的数额，不含人员工资和基本建设支出。各省规定生均标准，优质均衡要求学校达到省定标准。',
      seeAlso: standards },
    { id: 'special-ed', term: '特殊教育学生',
      definition: '残疾儿童少年等需要特殊教育的学生，可在特殊教育学校就读，也可在普通学校随班就读。特殊教育学生的生均公用经费另有更高标准。',
      seeAlso: standards },
    { id: 'teaching-point', term: '教学点',
      definition: `农村、边远地区为方便低年级学生就近上学而设的小规模教学场所，通常只开设部分年级，隶属于一所小学。在校生不足${tpMin}人的教学点不计入差异系数。`,
      seeAlso: method },
    { id: 'nine-year', term: '九年一贯制',
      definition: '同一所学校包含小学和初中两个学段（一至九年级）。本站分别按小学部、初中部对照各自的标准。' },
    { id: 'twelve-year', term: '十二年一贯制',
      definition: '同一所学校包含小学、初中和高中（一至十二年级）。高中部不属于义务教育，不计入本站的指标。' },
    { id: 'complete-middle', term: '完全中学',
      definition: '同时设有初中和高中的中学。本站只计其初中部。' },
    { id: 'not-published', term: '未公布',
      definition: '计算所需的数据没有公布或为空；页面同时说明缺少哪一项数据。' },
    { id: 'not-applicable', term: '不适用',
      definition: '该项标准不适用于这所学校或这个学段（例如只适用于初中的标准对小学）；页面同时说明原因。' },
    { id: 'not-computable', term: '无法计算',
      definition: '数据已公布，但无法算出结果（例如分母为0）；页面同时说明原因。' },
    { id: 'suppressed', term: marker,
      definition: `为保护个人隐私，1至${p.settings.suppression_threshold - 1}人的小数目（如残疾儿童录取数、特殊教育学生数）不显示具体数值，只显示“${marker}”。`,
      seeAlso: method },
  ];
  return { entries };
}

/**
 * Split `text` into segments, linking the first occurrence of each term (longest term first at
 * any position, so 综合差异系数 wins over the 差异系数 inside it; matches never overlap, and a
 * later 综合差异系数 stays plain text whole rather than linking the 差异系数 inside it).
 */
export function linkFirstTerms(text: string, terms: readonly { term: string; href: string }[]): Segment[] {
  const sorted = [...terms].filter((t) => t.term.length > 0).sort((a, b) => b.term.length - a.term.length);
  const used = new Set<string>();
  const out: Segment[] = [];
  let plain = '';
  let i = 0;
  while (i < text.length) {
    const hit = sorted.find((t) => text.startsWith(t.term, i));
    if (hit && used.has(hit.term)) {
      // already linked: keep it as plain text whole, so a shorter term inside it is not linked
      plain += hit.term;
      i += hit.term.length;
    } else if (hit) {
      if (plain) out.push({ text: plain });
      plain = '';
      out.push({ text: hit.term, href: hit.href });
      used.add(hit.term);
      i += hit.term.length;
    } else {
      plain += text[i];
      i += 1;
    }
  }
  if (plain) out.push({ text: plain });
  return out;
}

/** The glossary's terms as link targets for linkFirstTerms. */
export function glossaryTerms(p: Portal, view: GlossaryView = glossaryView(p)): { term: string; href: string }[] {
  return view.entries.map((e) => ({ term: e.term, href: p.href(`glossary/#${e.id}`) }));
}
