/**
 * The publisher guide (Chinese) for a bureau clerk who edits CSV in Excel or WPS and pushes to
 * git. Generated from the schema modules (columns, labels, types, examples, allowed values), the
 * settings defaults and the issue catalogue, so it never drifts from what the validator does.
 *
 * Pure: `guideBlocks()` is a small document model; `guideMarkdown()` renders it for
 * docs/publisher-guide.md (`npm run guide`), `guideHtml()` for the site page /guide/. Both
 * renderers escape everything, so a label with `|` or `<` cannot break the table or the page.
 */
import { ALL_DATASETS, AUXILIARY_DATASETS, TOP_LEVEL_DATASETS, YEAR_DATASETS } from '../schema';
import type { Column, ColumnType, DatasetSchema } from '../schema/types';
import { ISSUE_KINDS, type IssueKind } from '../validate/codes';
import { DEFAULT_LICENSE, DEFAULT_SUPPRESSION_THRESHOLD } from '../settings/load';

// ───────────────────────────── document model ─────────────────────────────

/** Inline text: `code` spans in backticks, nothing else (kept tiny so both renderers agree). */
export type Block =
  | { readonly kind: 'heading'; readonly level: 1 | 2 | 3 | 4; readonly text: string; readonly id: string }
  | { readonly kind: 'para'; readonly text: string }
  | { readonly kind: 'list'; readonly ordered: boolean; readonly items: readonly string[] }
  | { readonly kind: 'table'; readonly head: readonly string[]; readonly rows: readonly (readonly string[])[] }
  | { readonly kind: 'code'; readonly lang: string; readonly text: string }
  | { readonly kind: 'note'; readonly text: string };

const h = (level: 1 | 2 | 3 | 4, text: string, id: string): Block => ({ kind: 'heading', level, text, id });
const p = (text: string): Block => ({ kind: 'para', text });
const ol = (...items: string[]): Block => ({ kind: 'list', ordered: true, items });
const ul = (...items: string[]): Block => ({ kind: 'list', ordered: false, items });
const code = (lang: string, text: string): Block => ({ kind: 'code', lang, text: text.replace(/\n$/, '') });
const note = (text: string): Block => ({ kind: 'note', text });

// ───────────────────────────── facts the guide states ─────────────────────────────

const TYPE_ZH: Record<ColumnType, string> = {
  code: '代码（按文本填写）',
  text: '文本',
  integer: '整数',
  number: '数字',
  percent: '百分比（0–100）',
  date: '日期',
  year: '年份',
  enum: '选项',
  url: '网址',
};

/**
 * Weight of a junior pupil when shared facilities of a nine/twelve-year school are split by
 * enrolment (primary : junior = 1 : 1.1). A common provincial practice, not a national rule.
 */
export const JUNIOR_WEIGHT = 1.1;

/**
 * Splits a shared quantity (sports ground, equipment value, music rooms…) of a nine- or
 * twelve-year school between its primary and junior parts by weighted enrolment. Rounded to
 * two decimals, and the junior part is the remainder so the two rows add up to the total.
 */
export function splitShared(total: number, primaryStudents: number, juniorStudents: number, juniorWeight = JUNIOR_WEIGHT): { primary: number; junior: number } {
  const wp = primaryStudents;
  const wj = juniorStudents * juniorWeight;
  if (wp + wj === 0) return { primary: 0, junior: 0 };
  const primary = Math.round((total * wp * 100) / (wp + wj)) / 100;
  return { primary, junior: Math.round((total - primary) * 100) / 100 };
}

/** Every portal.yml setting, in the order the guide explains them. */
export interface SettingDoc {
  readonly key: string;
  readonly what: string;
  readonly dflt: string;
  readonly example: string;
}

export const SETTING_DOCS: readonly SettingDoc[] = [
  { key: 'title', what: '网站标题，显示在每页顶部和浏览器标签上。', dflt: '“地区名称”+义务教育均衡发展数据', example: 'title: "青禾县义务教育均衡发展数据"' },
  { key: 'region_name', what: '门户覆盖的地区名称。', dflt: '本地区', example: 'region_name: "青禾县"' },
  { key: 'region_level', what: '地区层级：province（省）、city（市）或 county（县区）。', dflt: 'city', example: 'region_level: county' },
  { key: 'region_code', what: '本地区的6位行政区划代码（请加引号）；不填时取 regions.csv 中最上级的地区。', dflt: '不填', example: 'region_code: "990201"' },
  { key: 'sample', what: 'true 表示数据是虚构的示例：每页显示“示例数据”横幅。发布真实数据时必须改为 false。', dflt: 'false', example: 'sample: false' },
  { key: 'publisher', what: '发布单位，显示在页脚、下载文件和引用说明中。', dflt: '“地区名称”+教育局', example: 'publisher: "青禾县教育局"' },
  { key: 'contact', what: '联系方式（单位办公室、公务邮箱），显示在页脚。不要填写个人手机号。', dflt: '不填', example: 'contact: "青禾县教育局办公室，jyj@example.gov.cn"' },
  { key: 'report_error_url', what: '“报告数据错误”链接：mailto: 邮箱或 https:// 网址。网页会自动带上页面和行号。', dflt: '不填（不显示链接）', example: 'report_error_url: "mailto:jyj@example.gov.cn"' },
  { key: 'license', what: '数据许可协议：name（名称）和 url（全文地址）。', dflt: `${DEFAULT_LICENSE.name}`, example: 'license:\n  name: "CC BY 4.0"\n  url: "https://creativecommons.org/licenses/by/4.0/deed.zh-hans"' },
  { key: 'base_path', what: '网站所在的子路径。网站放在 https://域名/jiaoyu/ 下时写 /jiaoyu/；GitHub Pages 项目网站写 /仓库名/；放在域名根目录时写 /。', dflt: '/', example: 'base_path: "/jiaoyu/"' },
  { key: 'site_url', what: '网站的完整地址（以 https:// 开头，不含子路径），用于站点地图、引用和分享。', dflt: '不填', example: 'site_url: "https://edu.example.gov.cn"' },
  { key: 'english', what: 'true 时网站同时提供英文说明（界面和表头用英文，数据本身不翻译）。', dflt: 'false', example: 'english: false' },
  { key: 'logo', what: '标志图片的文件名（放在 public/ 文件夹中），显示在页面顶部。', dflt: '不填', example: 'logo: "logo.png"' },
  { key: 'suppression_threshold', what: '敏感类别（如残疾儿童录取数、特教学生数）小于该值的数字显示为“<N”，保护个人隐私。1到100之间的整数。', dflt: String(DEFAULT_SUPPRESSION_THRESHOLD), example: 'suppression_threshold: 5' },
  { key: 'embargo', what: '暂缓发布：数据文件（或整个年份文件夹）→ 发布日期。该日期之前文件照常检查，但不出现在网站和下载中。详见“暂缓发布”一节。', dflt: '不填（全部发布）', example: 'embargo:\n  2025/funding.csv: 2026-03-01' },
];

// ───────────────────────────── sections ─────────────────────────────

function datasetPath(d: DatasetSchema): string {
  return d.perYear ? `年份文件夹/${d.id}.csv` : `${d.id}.csv`;
}

function allowedValues(c: Column): string {
  const parts: string[] = [];
  if (c.values) parts.push(c.values.map((v) => `${v.zh}（${v.key}）`).join('、'));
  if (c.type === 'code' && c.digits) parts.push(`${c.digits}位数字`);
  if (c.min !== undefined && c.max !== undefined) parts.push(`${c.min}–${c.max}`);
  else if (c.min !== undefined) parts.push(`≥ ${c.min}`);
  if (c.default) {
    const d = c.values?.find((v) => v.key === c.default);
    parts.push(`留空 = ${d ? d.zh : c.default}`);
  }
  return parts.join('；');
}

function datasetSection(d: DatasetSchema): Block[] {
  const required = d.columns.filter((c) => c.required).map((c) => c.zh);
  const blocks: Block[] = [
    h(3, `${d.zh}：\`${datasetPath(d)}\``, `dataset-${d.id}`),
    p(d.description),
    p(
      `${d.optional ? (d.missingWarning ? `可选文件：没有这份文件时，${d.missingWarning}` : '可选文件：没有时使用全国标准。') : d.perYear ? '每个年份文件夹一份；没有这份文件时，网站显示“未公布”，不会当作0。' : '必需文件。'}` +
        `必填列：${required.join('、')}。同一文件中，${d.primaryKey.map((k) => d.columns.find((c) => c.key === k)?.zh ?? k).join(' + ')} 不能重复。`,
    ),
    {
      kind: 'table',
      head: ['列名（表头）', '英文键名', '类型', '必填', '单位', '允许的取值', '说明', '示例'],
      rows: d.columns.map((c) => [
        c.zh,
        `\`${c.key}\``,
        TYPE_ZH[c.type],
        c.required ? '是' : '否',
        c.unit ?? '',
        allowedValues(c),
        c.description + (c.sensitive ? '（敏感：小数字会被隐去）' : ''),
        c.example,
      ]),
    },
  ];
  const example = d.columns.map((c) => csvCell(c.zh)).join(',') + '\n' + d.columns.map((c) => csvCell(c.example)).join(',');
  blocks.push(p('表头和一行示例（可直接复制到空白表格中）：'), code('csv', example));
  return blocks;
}

function csvCell(s: string): string {
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function issueSection(k: IssueKind): Block[] {
  return [
    h(3, `${k.title}（\`${k.code}\`）`, `issue-${k.code}`),
    ul(
      `类型：${k.severity === 'error' ? '错误——改正前网站不会发布' : '提醒——不影响发布，但请核对'}`,
      `含义：${k.description}`,
      `怎么改：${k.fix}`,
    ),
  ];
}

const SCOPE_ORDER: readonly { scope: IssueKind['scope']; zh: string }[] = [
  { scope: 'folder', zh: '文件夹' },
  { scope: 'file', zh: '文件' },
  { scope: 'header', zh: '表头' },
  { scope: 'row', zh: '行' },
  { scope: 'cell', zh: '单元格' },
  { scope: 'cross-file', zh: '文件之间' },
  { scope: 'map', zh: '县区边界文件' },
];

/** The guide as blocks. `kinds` defaults to the live catalogue (a parameter only for tests). */
export function guideBlocks(kinds: readonly IssueKind[] = ISSUE_KINDS): Block[] {
  const b: Block[] = [];
  b.push(
    h(1, '数据发布指南', 'guide'),
    p('本指南写给负责发布数据的工作人员：用 Excel 或 WPS 填写表格，保存为 CSV，提交到 git 仓库，网站就会自动检查并发布。全程不需要写程序。本指南由程序根据数据规范和检查规则自动生成，与网站实际的检查完全一致。'),
  );

  // 1. From an empty folder to a published site
  b.push(
    h(2, '一、从零开始发布网站', 'steps'),
    p('以下步骤以一个新的县区为例。每一步都有对应的自动测试，保证按本指南操作可以成功。'),
    h(3, '第1步：准备门户程序', 'step-1'),
    ol(
      '在 GitHub 或 GitLab 上，用门户程序仓库创建本单位的仓库（“Use this template”或导入仓库）。',
      '在电脑上安装 Node.js 24 和 git，把仓库克隆到本地，在仓库文件夹中运行一次 `npm ci`（安装所需程序，只需一次）。',
      '仓库中的 `data/` 文件夹是虚构的示例数据。把它整个删除，新建一个空的 `data/` 文件夹——下面的步骤把本地数据放进去。',
      '同样删除 `releases/releases.yml` 和 `releases/snapshots/`：那是示例数据的版本记录（文件中写有 `sample: true`），示例的旧版本和更正不属于本单位。忘记删除也不会发布它们——构建时忽略并给出提醒。',
    ),
    p('关于版本：网站上的每份下载文件都标有版本号和日期（引用、订阅源和数据包描述都用它们）。开始时不需要 `releases/releases.yml`：版本号和日期取自 `data/` 最后一次提交（git）的日期，不在 git 中时取最新文件的修改日期，构建时会提醒。正式发布后，需要保留旧版本的下载地址或发布更正时，按“发布版本和更正”一节建立 `releases/releases.yml`。'),
    h(3, '第2步：写网站设置 portal.yml', 'step-2'),
    p('在 `data/` 中新建文本文件 `portal.yml`（用记事本即可，保存为 UTF-8），至少写明地区名称和层级。每一项的含义见“网站设置”一节。'),
    code(
      'yaml',
      [
        'title: "青禾县义务教育均衡发展数据"',
        'region_name: "青禾县"',
        'region_level: county',
        'region_code: "990201"',
        'sample: false',
        'publisher: "青禾县教育局"',
        'contact: "青禾县教育局办公室，jyj@example.gov.cn"',
        'report_error_url: "mailto:jyj@example.gov.cn"',
        'base_path: "/"',
        `suppression_threshold: ${DEFAULT_SUPPRESSION_THRESHOLD}`,
      ].join('\n'),
    ),
    h(3, '第3步：填写地区、学校和规划', 'step-3'),
    p(
      `按“如何填写各个表格”一节填写必需的文件，保存到 \`data/\` 中：${TOP_LEVEL_DATASETS.filter((d) => !d.optional)
        .map((d) => `\`${d.id}.csv\`（${d.zh}）`)
        .join('、')}。网站的“数据 → 模板”页面可以下载带中文表头的空白模板和示例。`,
    ),
    ul(
      '`regions.csv`：从省（或市）一直写到本县区，每个地区一行，用“上级代码”连起来。',
      '`schools.csv`：每所学校一行，包括已撤并的学校（状态填“已撤并”并写撤并年份），学校永远不要删除。',
      '`plans.csv`（可选，还没有规划时可以先不放）：优质均衡发展规划中的每个目标年份一行，写明依据文件；省、市可写所辖县区达标比例的目标（里程碑“县区达标比例”，填目标比例）。',
    ),
    h(3, '第4步：建立年份文件夹并填写年度数据', 'step-4'),
    p(
      `每个学年建一个以四位年份命名的文件夹（2025 表示2025年秋季开始的学年），例如 \`data/2025/\`，把该年的数据文件放进去：${YEAR_DATASETS.map((d) => `\`${d.id}.csv\`（${d.zh}）`).join('、')}。数据可以分批公布：没有的文件网站显示为“未公布”，不会当作0。`,
    ),
    h(3, '第5步：检查数据', 'step-5'),
    p('在仓库文件夹中运行：'),
    code('sh', 'npm run validate'),
    p('程序按文件列出每个问题，写明第几行、哪一列、怎么改（各种问题的说明见“检查结果说明”一节）。“错误”必须改正，“提醒”请核对。没有错误时显示“✓ 数据检查通过”。检查其他文件夹：`npm run validate -- --data 文件夹`。'),
    h(3, '第6步：预览将发生的变化', 'step-6'),
    code('sh', 'npm run preview'),
    p('列出与线上网站相比，网站上将新增、删除、修改哪些数据集和行（旧值 → 新值）、哪些页面，以及新出现或已消除的“发现”（未达标的指标等）。默认与 git 中的 origin/main（线上网站所用的数据）比较；也可以与 `releases/releases.yml` 中登记的某个版本比较，例如 `npm run preview -- --against 2025.1`。确认无误再提交。'),
    h(3, '第7步：在本机查看网站（可选）', 'step-7'),
    code('sh', 'npm run build\nnpm start'),
    p('`npm run build` 先检查数据，有错误时停止；生成的网站在 `dist/` 文件夹中，可以复制到任何静态网站服务器。'),
    h(3, '第8步：设置自动发布', 'step-8'),
    ol(
      'GitHub：把门户程序中的 `templates/github/workflows/portal.yml` 复制为仓库中的 `.github/workflows/portal.yml`；在仓库“Settings → Pages → Build and deployment → Source”中选择“GitHub Actions”。网站地址为 https://用户名.github.io/仓库名/，因此 portal.yml 中写 `base_path: "/仓库名/"`。',
      'GitLab：把 `templates/gitlab/.gitlab-ci.yml` 复制到仓库根目录。网站发布到 GitLab Pages（地址见“部署 → Pages”）。',
      '其他服务器：运行 `npm run build`，把 `dist/` 文件夹的内容上传到服务器。',
    ),
    h(3, '第9步：提交并发布', 'step-9'),
    ol(
      '新建分支，提交 `data/` 中的修改，创建拉取请求（GitHub）或合并请求（GitLab）。',
      '自动检查会把每个问题标注在对应文件的对应行上，并在摘要页给出中文问题清单和预览。',
      '没有错误后合并到 main 分支：网站自动生成并发布，几分钟后即可访问。',
    ),
  );

  // 2. Templates
  b.push(
    h(2, '二、如何填写各个表格', 'templates'),
    p('以下内容由数据规范自动生成。通用规则：'),
    ul(
      '第1行是表头，每列写中文列名（如“计划招生数”）或英文键名（如 `planned_seats`），列的顺序不限。从第2行起每行一条记录；不要合并单元格，不要加标题行、合计行或备注行。',
      '空单元格表示“未填报”，与0不同：确实是0就填0，不知道就留空。',
      '数字可以带千分位（1,234）或全角数字；百分比填 0–100 之间的数，可带 %（95 或 95%，不要写成 0.95）。',
      '日期写成 2025-05-10，也可以是 2025/5/10 或 2025年5月10日。',
      '选项可以填中文（如“小学”）或英文键名（如 `primary`）。',
      '学校标识码（10位）和行政区划代码（6位）是代码，必须按文本保存（见“用 Excel/WPS 保存”）。',
      '不要填写任何个人信息：学生或家长姓名、身份证号、手机号等列会被拒绝发布。',
    ),
    h(3, '文件一览', 'files'),
    {
      kind: 'table',
      head: ['文件', '名称', '位置', '是否必需'],
      rows: [...ALL_DATASETS, ...AUXILIARY_DATASETS].map((d) => [`\`${d.id}.csv\``, d.zh, d.perYear ? '年份文件夹中' : '数据文件夹中', d.optional ? '可选' : d.perYear ? '按年公布' : '必需']),
    },
  );
  for (const d of [...ALL_DATASETS, ...AUXILIARY_DATASETS]) b.push(...datasetSection(d));
  b.push(
    h(3, '县区边界（可选）：`boundaries.geojson`', 'dataset-boundaries'),
    p('放在数据文件夹中（与 schools.csv 同级）。有这份文件时，全市地图（/map/）和每个县区页面的地图画出县区边界；没有时地图只标出学校位置（按 schools.csv 的经纬度）。地图在构建时画成图片，不加载任何在线地图。'),
    ul(
      'GeoJSON 格式的 FeatureCollection，每个县区一个 Polygon 或 MultiPolygon 要素。',
      '坐标为经纬度（十进制度数），与 schools.csv 的经纬度使用同一坐标系（WGS-84 或 GCJ-02）；投影坐标（以米为单位）请先转换。环的方向不限。',
      '每个要素的 properties 中写县区的行政区划代码（`region_code`、`行政区划代码` 或 `adcode`），与 regions.csv 一致。',
      '边界会画进每个县区页面：文件请尽量小（建议先简化到 1 MB 以内，例如用 mapshaper）。',
      '文件有问题时（不是有效的 JSON、代码不在 regions.csv 中、坐标不是经纬度），`npm run validate` 和自动检查会给出中文提醒，指出第几个要素、哪个属性（见“县区边界文件层面的问题”）；地图跳过有问题的边界，不会中断发布。',
    ),
  );

  // 3. Excel / WPS
  b.push(
    h(2, '三、用 Excel/WPS 保存', 'excel'),
    p('网站自动识别 CSV 文件的编码：UTF-8（带或不带 BOM）和 GBK/GB18030 都可以，换行方式也不限，不需要任何设置。'),
    h(3, 'Excel', 'excel-excel'),
    ol('“文件 → 另存为”，保存类型选“CSV UTF-8（逗号分隔）(*.csv)”；没有这一项时选“CSV（逗号分隔）(*.csv)”。', '文件名必须与规定一致，例如 `admissions.csv`（小写英文）。', '出现“某些功能可能会丢失”的提示时选“是”（保持CSV格式）。'),
    h(3, 'WPS 表格', 'excel-wps'),
    ol('“文件 → 另存为”，文件类型选“CSV 文件（逗号分隔）(*.csv)”。', '文件名同上。只有当前工作表会被保存，每个数据文件请单独保存一次。'),
    h(3, '学校标识码按文本保存，避免变成 2.1E+09', 'excel-codes'),
    p('Excel 和 WPS 会把一长串数字当作数字，显示成 2.12E+09 这样的科学计数法，保存后原来的数字就丢了；前导零也会被去掉。'),
    ol(
      '填写或粘贴之前，选中“学校标识码”“行政区划代码”等代码列，右键“设置单元格格式 → 文本”。',
      '已经变成 2.12E+09 的单元格：先把列设为文本，再重新输入或从原始系统重新粘贴完整代码。',
      '用 Excel 打开已有的 CSV 时，不要双击打开，而用“数据 → 从文本/CSV”导入，文件原始格式选“65001: Unicode (UTF-8)”，并把代码列的数据类型设为“文本”。',
    ),
    note('检查程序会发现变成科学计数法的代码（`scientific-notation-code`）和位数不对的代码（`bad-code`），并指出具体的行。'),
  );

  // 4. Nine/twelve-year schools
  const ex = splitShared(10000, 600, 400);
  b.push(
    h(2, '四、九年一贯制和十二年一贯制学校', 'nine-year'),
    p('资源配置指标按小学、初中分别计算。九年一贯制、十二年一贯制学校在 `schools.csv` 中只占一行（学段填“九年一贯制”或“十二年一贯制”），但在每年的 `resources.csv` 中要按学段填两行：一行学段为“小学”，一行为“初中”，各填该学段的在校生数、教师数、班级数和设施。十二年一贯制学校的高中部不填。'),
    p(
      `只有全校合计数的共用设施（运动场、教学仪器设备、专用教室等），许多省份的做法是按加权在校生数分摊：小学生权重1，初中生权重 ${JUNIOR_WEIGHT}（小学 : 初中 = 1 : ${JUNIOR_WEIGHT}）。这是常见的地方做法，不是全国统一规定；如本省有规定，请按本省规定分摊，并在规划或说明中注明口径。`,
    ),
    p(
      `例：某九年一贯制学校小学部600人、初中部400人，共用体育运动场馆10000平方米。加权人数为 600×1 = 600 和 400×${JUNIOR_WEIGHT} = 440，小学部分得 10000×600÷1040 ≈ ${ex.primary} 平方米，初中部分得 ${ex.junior} 平方米，两行相加等于10000。`,
    ),
  );

  // 5. Settings
  b.push(
    h(2, '五、网站设置（portal.yml）', 'settings'),
    p('`data/portal.yml` 是一个文本文件，每行“设置项: 值”。文字最好加英文双引号；代码（如区划代码）必须加引号。写错的设置项名称会得到提醒，写错的值会得到错误提示并使用默认值。也可以写成 portal.json 或 portal.toml。'),
    {
      kind: 'table',
      head: ['设置项', '含义', '不填时'],
      rows: SETTING_DOCS.map((s) => [`\`${s.key}\``, s.what, s.dflt]),
    },
    p('示例：'),
    code('yaml', SETTING_DOCS.map((s) => s.example).join('\n')),
  );

  // 6. Issue codes
  b.push(
    h(2, '六、检查结果说明', 'issues'),
    p('`npm run validate` 和自动检查给出的每个问题都带有一个代码（括号中的英文），下面按代码说明含义和改法。“错误”会阻止发布；“提醒”不影响发布。'),
  );
  for (const { scope, zh } of SCOPE_ORDER) {
    const list = kinds.filter((k) => k.scope === scope);
    if (!list.length) continue;
    b.push(h(3, `${zh}层面的问题`, `issues-${scope}`));
    for (const k of list) b.push(...issueSection(k).map((x) => (x.kind === 'heading' ? { ...x, level: 4 as const } : x)));
  }
  const other = kinds.filter((k) => !SCOPE_ORDER.some((s) => s.scope === k.scope));
  for (const k of other) b.push(...issueSection(k));

  // 7. Privacy
  const sensitive = ALL_DATASETS.flatMap((d) => d.columns.filter((c) => c.sensitive).map((c) => `${d.zh}中的“${c.zh}”`));
  b.push(
    h(2, '七、隐私保护', 'privacy'),
    ul(
      '网站只发布学校和地区的汇总数字，不发布任何个人信息。含有姓名、身份证号、手机号等的列或单元格会被检查程序拒绝（见 `personal-data-column`、`id-card-value`、`phone-value`）。',
      `敏感类别的小数字自动隐去：${sensitive.join('、')}小于 suppression_threshold（默认${DEFAULT_SUPPRESSION_THRESHOLD}）时，网页和下载文件中都显示为“<${DEFAULT_SUPPRESSION_THRESHOLD}”；0 照常显示。CSV 中请照实填写，不要自己改成“<5”。`,
      '为防止用合计数反推被隐去的数字，县区、市的合计只用公开的数字计算：含有被隐去数字时显示为范围（例如“20–23”），不显示精确值；由被隐去的人数算出的生均值（如特教生均公用经费）和是否达标不公布，县区的生均值只按人数公开的学校计算。',
      `特殊教育学校的学生都是残疾学生：某年在校生少于 suppression_threshold（默认${DEFAULT_SUPPRESSION_THRESHOLD}）人的特殊教育学校，该年的在校生数、班级人数、学年初在校生数、辍学人数、报名和录取人数在下载文件中显示为“<${DEFAULT_SUPPRESSION_THRESHOLD}”，按人数拨付或计算的数值（公用经费、教师培训经费、特教公用经费、学业合格率、优良率）留空，网页不显示这些数字和按人数计算的指标，县区数字不含该校。CSV 中同样照实填写。`,
    ),
  );

  // 8. Corrections
  b.push(
    h(2, '八、发布版本和更正', 'corrections'),
    p('每次发布都有一个版本号，登记在仓库的 `releases/releases.yml` 中。旧版本的下载地址永久有效，更正会在“更新记录”页面和订阅源中说明原因。发现已发布的数据有错时：'),
    ol(
      '把当前版本固定下来：把当前的 `data/` 文件夹整个复制到 `releases/snapshots/<当前版本号>/`，并在 `releases.yml` 中给当前（最后一个）版本加上 `snapshot: snapshots/<当前版本号>`。也可以改写 `git: <标签>`（需要完整的 git 历史）。',
      '在 `data/` 中改正数据，运行 `npm run validate` 和 `npm run preview` 确认变化正确。',
      '在 `releases.yml` 末尾添加新版本（不写 snapshot，即当前 data/ 文件夹），用 `corrections` 逐条写明更正的数据集、学年、主键、列和原因。',
      '提交并合并，网站自动发布新版本。',
    ),
    code(
      'yaml',
      [
        'releases:',
        '  - version: "2025.1"',
        '    date: 2025-09-01',
        '    snapshot: snapshots/2025.1',
        '    notes: 首次发布',
        '  - version: "2025.2"',
        '    date: 2025-12-15',
        '    notes: 更正一处录取人数',
        '    corrections:',
        '      - dataset: admissions',
        '        year: 2024',
        '        key: "2199010002/1"      # 主键：学校标识码/年级',
        '        column: admitted',
        '        reason: 录取人数误录为125，经复核应为152。',
      ].join('\n'),
    ),
    p('版本号只能用字母、数字、点、下划线和连字符；版本按日期从早到晚排列；只有最后一个版本可以不写 snapshot 或 git。没有 `releases.yml` 时，当前数据作为唯一版本发布，版本号和日期取自 `data/` 最后一次提交的日期（不在 git 中时取最新文件的修改日期）。第一次建立 `releases.yml` 时，第一个版本通常就写这个日期，已经发布的下载地址保持不变。'),
  );

  // 9. Embargo
  b.push(
    h(2, '九、暂缓发布（embargo）', 'embargo'),
    p('有些数据要等到规定日期才能公开（例如经费数据在财政部门公布之后）。可以先把文件放进仓库，在 portal.yml 中写明发布日期：'),
    code('yaml', ['embargo:', '  2025/funding.csv: 2026-03-01    # 一个文件', '  2025/outcomes.csv: 2026-03-01', '  2026: 2026-09-01                # 整个年份文件夹'].join('\n')),
    ul(
      '日期之前：文件照常检查（有错误会报出，请提前改正），但不出现在任何页面、下载文件、搜索和版本对比中。',
      '从该日期当天起（北京时间）发布。自动发布模板每天生成一次网站，到期的数据当天就会出现，不需要再提交。',
      '写错的文件名或日期会得到 `invalid-settings` 错误，避免因拼写错误而提前发布。',
      '想知道某一天网站会是什么样子，可以指定日期预览：`npm run preview -- --date 2026-03-01`，或设置环境变量 PORTAL_TODAY（例如 `PORTAL_TODAY=2026-03-01 npm run build`）。这是网站内容唯一依赖当天日期的地方；不设置时按北京时间的今天计算。',
    ),
  );
  return b;
}

// ───────────────────────────── renderers ─────────────────────────────

function mdInline(s: string): string {
  // Backtick spans pass through; elsewhere escape the characters Markdown would interpret.
  return s
    .split(/(`[^`]*`)/)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(/([\\*_[\]<>#])/g, '\\$1')))
    .join('');
}

function mdCell(s: string): string {
  return mdInline(s).replace(/\|/g, '\\|').replace(/\n/g, '<br>');
}

/** The guide as Markdown (docs/publisher-guide.md). */
export function guideMarkdown(blocks: readonly Block[] = guideBlocks()): string {
  const out: string[] = ['<!-- 本文件由 npm run guide 根据数据规范和检查规则自动生成，请勿手工修改。 -->', ''];
  for (const b of blocks) {
    switch (b.kind) {
      case 'heading':
        out.push(`${'#'.repeat(b.level)} ${mdInline(b.text)}`, '');
        break;
      case 'para':
        out.push(mdInline(b.text), '');
        break;
      case 'note':
        out.push(`> ${mdInline(b.text)}`, '');
        break;
      case 'list':
        b.items.forEach((it, i) => out.push(`${b.ordered ? `${i + 1}.` : '-'} ${mdInline(it)}`));
        out.push('');
        break;
      case 'table':
        out.push(`| ${b.head.map(mdCell).join(' | ')} |`, `|${b.head.map(() => '---').join('|')}|`);
        for (const r of b.rows) out.push(`| ${r.map(mdCell).join(' | ')} |`);
        out.push('');
        break;
      case 'code':
        out.push('```' + b.lang, b.text, '```', '');
        break;
    }
  }
  return out.join('\n').replace(/\n+$/, '\n');
}

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function htmlInline(s: string): string {
  return s
    .split(/(`[^`]*`)/)
    .map((part, i) => (i % 2 === 1 ? `<code>${esc(part.slice(1, -1))}</code>` : esc(part)))
    .join('');
}

/** The guide as an HTML fragment for the /guide/ page (headings carry ids for deep links). */
export function guideHtml(blocks: readonly Block[] = guideBlocks()): string {
  const out: string[] = [];
  for (const b of blocks) {
    switch (b.kind) {
      case 'heading':
        out.push(`<h${b.level} id="${esc(b.id)}">${htmlInline(b.text)}</h${b.level}>`);
        break;
      case 'para':
        out.push(`<p>${htmlInline(b.text)}</p>`);
        break;
      case 'note':
        out.push(`<aside class="note"><p>${htmlInline(b.text)}</p></aside>`);
        break;
      case 'list': {
        const tag = b.ordered ? 'ol' : 'ul';
        out.push(`<${tag}>${b.items.map((it) => `<li>${htmlInline(it)}</li>`).join('')}</${tag}>`);
        break;
      }
      case 'table':
        out.push(
          `<div class="table-wrap"><table><thead><tr>${b.head.map((c) => `<th scope="col">${htmlInline(c)}</th>`).join('')}</tr></thead><tbody>` +
            b.rows.map((r) => `<tr>${r.map((c) => `<td>${htmlInline(c).replace(/\n/g, '<br>')}</td>`).join('')}</tr>`).join('') +
            '</tbody></table></div>',
        );
        break;
      case 'code':
        out.push(`<pre><code${b.lang ? ` class="language-${esc(b.lang)}"` : ''}>${esc(b.text)}</code></pre>`);
        break;
    }
  }
  return out.join('\n') + '\n';
}

/** Table of contents: the level-2 headings. */
export function guideToc(blocks: readonly Block[] = guideBlocks()): { id: string; text: string }[] {
  return blocks.filter((b): b is Extract<Block, { kind: 'heading' }> => b.kind === 'heading' && b.level === 2).map((b) => ({ id: b.id, text: b.text }));
}

/** Backwards-compatible entry point: the Markdown text. */
export function publisherGuide(): string {
  return guideMarkdown();
}
