/**
 * npm run indicators -- [--format json|text] [--data DIR]
 * Prints every indicator result (JSON) or a Chinese summary (text), computed from data/ (or
 * --data DIR, or the PORTAL_DATA environment variable) so anyone can reproduce the numbers.
 * Exit codes: 0 ok, 1 the data has validation errors, 2 the folder does not exist or bad usage.
 */
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { publishableIndicators } from '../src/lib/privacy/indicators';
import { loadPublishableData } from '../src/lib/privacy/publishable';
import { summaryText } from '../src/lib/indicators/summary-text';
import type { PortalData } from '../src/lib/model/types';
import type { Issue } from '../src/lib/validate/issue';

interface Args {
  format: 'json' | 'text';
  data: string;
}

function parseArgs(argv: readonly string[]): Args | string {
  let format: Args['format'] = 'text';
  let data = process.env.PORTAL_DATA || 'data';
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const [flag, inline] = a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    const next = () => inline ?? argv[++i];
    if (flag === '--format') {
      const f = next();
      if (f !== 'json' && f !== 'text') return `未知的输出格式：${f ?? '（空）'}，可用 json 或 text`;
      format = f;
    } else if (flag === '--data') {
      const d = next();
      if (!d) return '--data 后面需要一个文件夹路径';
      data = d;
    } else if (flag === '--help' || flag === '-h') {
      return 'help';
    } else return `未知参数：${a}`;
  }
  return { format, data };
}

/**
 * What may be published: embargoed files withheld, and indicators computed with small sensitive
 * counts (and the amounts that give them back) as not reported — this output is as public as the
 * site, so it must not give back a “<5” (src/lib/privacy/README.md).
 */
async function load(dir: string): Promise<{ data: PortalData | null; issues: readonly Issue[] }> {
  const r = await loadPublishableData(dir);
  return { data: r.readable ? r.data : null, issues: r.issues };
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  if (args === 'help') {
    process.stdout.write('用法：npm run indicators -- [--format json|text] [--data 数据文件夹]\n');
    return 0;
  }
  if (typeof args === 'string') {
    process.stderr.write(args + '\n');
    return 2;
  }
  const dir = resolve(args.data);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    process.stderr.write(`数据文件夹不存在：${dir}\n`);
    return 2;
  }
  const { data, issues } = await load(dir);
  const errors = issues.filter((i) => i.severity === 'error');
  if (errors.length || !data) {
    process.stderr.write(`数据有 ${errors.length} 个错误，无法计算指标。请先运行 npm run validate 查看并修正：\n`);
    for (const e of errors.slice(0, 20)) process.stderr.write(`  ${e.file}${e.row ? ` 第${e.row}行` : ''}${e.column ? ` ${e.column}列` : ''}：${e.message}\n`);
    if (errors.length > 20) process.stderr.write(`  ……另有 ${errors.length - 20} 个错误\n`);
    return 1;
  }
  const results = publishableIndicators(data);
  process.stdout.write(args.format === 'json' ? JSON.stringify(results, null, 2) + '\n' : summaryText(results));
  return 0;
}

// exitCode, not exit(): a large JSON written to a pipe is flushed asynchronously, and
// process.exit() cut it off after 64 KB (`npm run indicators -- --format json | jq` failed).
main().then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`计算指标时出错：${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  },
);
