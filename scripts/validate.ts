/**
 * npm run validate [-- --data DIR] [--format text|json|github]
 * Exit 0: no errors (warnings allowed). 1: errors. 2: could not run.
 */
import { relative } from 'node:path';
import { parseArgs, rejectUnknownFlags, runCli, UsageError, writeOut } from './lib/cli';
import { runPipeline, processEffects } from '../src/lib/pipeline';
import { formatGithub, formatJson, formatText } from '../src/lib/validate/report';

const USAGE = `用法：npm run validate -- [--data 文件夹] [--format text|json|github]

检查数据文件夹（默认 data/，也可用环境变量 PORTAL_DATA 指定）中的全部CSV文件。
  --data 文件夹     要检查的数据文件夹
  --format text     按文件分组的中文问题清单（默认）
  --format json     机器可读的结果：{"ok", "errors", "warnings", "issues"}
  --format github   GitHub Actions 注释（在拉取请求中标出文件和行）
  --help            显示本说明

退出码：0 没有错误（可以有提醒），1 有错误，2 无法检查（例如文件夹不存在）。
`;

runCli(async () => {
  const args = parseArgs(process.argv.slice(2));
  if (args.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  rejectUnknownFlags(args, [], USAGE);
  if (args.positional.length > 0) {
    throw new UsageError(`请用 --data 指定文件夹，例如：npm run validate -- --data ${args.positional[0]}\n\n${USAGE}`);
  }
  const format = args.format ?? 'text';
  if (!['text', 'json', 'github'].includes(format)) throw new UsageError(`不支持的格式“${format}”，可用：text、json、github。`);
  const { issues, readable, errors, warnings } = await runPipeline({ dataDir: args.data }, { ...processEffects(), log: () => {} });
  if (!readable) {
    if (format === 'json') await writeOut(formatJson(issues, args.data));
    process.stderr.write(`无法检查：${issues[0]?.message ?? args.data}\n`);
    return 2;
  }
  if (format === 'json') await writeOut(formatJson(issues, args.data));
  else if (format === 'github') {
    await writeOut(formatGithub(issues, relative(process.cwd(), args.data).split('\\').join('/'), args.data) + `数据检查：${errors} 个错误，${warnings} 个提醒。\n`);
  } else await writeOut(formatText(issues, shownPath(args.data)));
  return errors > 0 ? 1 : 0;
});

/** The folder as the user would type it: relative when inside the current folder, else absolute. */
function shownPath(dir: string): string {
  const rel = relative(process.cwd(), dir);
  return rel === '' ? '.' : rel.startsWith('..') ? dir : rel;
}
