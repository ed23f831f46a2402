/**
 * npm run validate [-- --data DIR] [--format text|json|github]
 * Exit 0: no errors (warnings allowed). 1: errors. 2: could not run.
 */
import { relative } from 'node:path';
import { parseArgs, runCli, UsageError } from './lib/cli';
import { loadPortalData } from '../src/lib/model/load';
import { formatGithub, formatJson, formatText } from '../src/lib/validate/report';
import { countBySeverity } from '../src/lib/validate/make-issue';

runCli(async () => {
  const args = parseArgs(process.argv.slice(2));
  const format = args.format ?? 'text';
  if (!['text', 'json', 'github'].includes(format)) throw new UsageError(`不支持的格式“${format}”，可用：text、json、github。`);
  const { issues, readable } = await loadPortalData(args.data);
  if (!readable) {
    if (format === 'json') process.stdout.write(formatJson(issues));
    process.stderr.write(`无法检查：${issues[0]?.message ?? args.data}\n`);
    return 2;
  }
  if (format === 'json') process.stdout.write(formatJson(issues));
  else if (format === 'github') {
    process.stdout.write(formatGithub(issues, relative(process.cwd(), args.data).split('\\').join('/')));
    const { errors, warnings } = countBySeverity(issues);
    process.stdout.write(`数据检查：${errors} 个错误，${warnings} 个提醒。\n`);
  } else process.stdout.write(formatText(issues, relative(process.cwd(), args.data) || '.'));
  return countBySeverity(issues).errors > 0 ? 1 : 0;
});
