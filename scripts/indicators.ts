/**
 * npm run indicators -- [--format json|text] [--data DIR] [--unsuppressed]
 *
 * Prints the indicator results exactly as the site publishes them (embargoed files withheld,
 * small counts not reported), computed by the same pipeline as the build, so anyone can
 * reproduce the site's numbers. `--unsuppressed` prints the bureau's own exact figures instead
 * (every file, embargoed ones included), labelled as not for publication.
 * Exit codes: 0 ok, 1 the data has validation errors, 2 the folder cannot be read or bad usage.
 */
import { parseArgs, rejectUnknownFlags, runCli, UsageError, writeOut } from './lib/cli';
import { runPipeline, processEffects } from '../src/lib/pipeline';
import { summaryText } from '../src/lib/indicators/summary-text';
import { formatText } from '../src/lib/validate/report';

const USAGE = `用法：npm run indicators -- [--format json|text] [--data 文件夹] [--unsuppressed]

按网站公布的口径输出全部指标结果（未到公布日期的文件不计入，少于阈值的人数不公布）。
  --format text     中文摘要（默认）
  --format json     全部结果（JSON）
  --data 文件夹     数据文件夹（默认 data/，也可用环境变量 PORTAL_DATA 指定）
  --unsuppressed    输出未经隐私处理的内部数字（含未到公布日期的文件）——仅供教育局内部核对，不得公开
  --help            显示本说明

退出码：0 成功，1 数据有错误，2 无法运行。
`;

/** Marks output that must not be published, in both formats. */
const UNPUBLISHED_LABEL = '内部核对用：未经隐私处理、含未到公布日期的文件，不得公开';

runCli(async () => {
  const args = parseArgs(process.argv.slice(2));
  if (args.help) {
    await writeOut(USAGE);
    return 0;
  }
  rejectUnknownFlags(args, ['unsuppressed'], USAGE);
  const format = args.format ?? 'text';
  if (format !== 'json' && format !== 'text') throw new UsageError(`不支持的格式“${format}”，可用：text、json。`);
  const raw = args.flags.has('unsuppressed');
  if (raw && args.flags.get('unsuppressed') !== true) throw new UsageError('--unsuppressed 不带值。');

  const p = await runPipeline({ dataDir: args.data }, { ...processEffects(), log: () => {} });
  if (!p.readable) {
    process.stderr.write(`无法计算指标：${p.issues[0]?.message ?? args.data}\n`);
    return 2;
  }
  if (!p.ok) {
    process.stderr.write(`数据有 ${p.errors} 个错误，无法计算指标。请先改正：\n`);
    process.stderr.write(formatText(p.issues.filter((i) => i.severity === 'error').slice(0, 20), args.data));
    if (p.errors > 20) process.stderr.write(`……另有 ${p.errors - 20} 个错误（npm run validate 列出全部）。\n`);
    return 1;
  }
  const results = raw ? p.unpublished.results() : p.published.results();
  if (format === 'json') {
    const body = raw ? { notice: UNPUBLISHED_LABEL, unsuppressed: true, ...results } : results;
    await writeOut(JSON.stringify(body, null, 2) + '\n');
  } else {
    await writeOut((raw ? `【${UNPUBLISHED_LABEL}】\n` : '') + summaryText(results));
  }
  return 0;
});
