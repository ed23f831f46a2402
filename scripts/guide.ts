/**
 * npm run guide [-- --check]
 * Writes docs/publisher-guide.md from the schema, settings and issue catalogue. With --check,
 * writes nothing and exits 1 when the committed file is out of date (for CI).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs, rejectUnknownFlags, runCli } from './lib/cli';
import { guideMarkdown } from '../src/lib/publishing/guide';

const USAGE = `用法：npm run guide [-- --check] [--out 文件]

根据数据规范和检查规则生成发布指南 docs/publisher-guide.md。
  --out 文件   写到其他位置
  --check      只检查 docs/publisher-guide.md 是否是最新的（不是则退出码为1）
`;

runCli(() => {
  const args = parseArgs(process.argv.slice(2), ['out']);
  if (args.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  rejectUnknownFlags(args, ['out', 'check'], USAGE);
  const out = resolve(typeof args.flags.get('out') === 'string' ? (args.flags.get('out') as string) : 'docs/publisher-guide.md');
  const text = guideMarkdown();
  if (args.flags.has('check')) {
    const same = existsSync(out) && readFileSync(out, 'utf8') === text;
    process.stdout.write(same ? `✓ ${out} 是最新的。\n` : `✗ ${out} 不是最新的，请运行 npm run guide。\n`);
    return same ? 0 : 1;
  }
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, text);
  process.stdout.write(`已生成发布指南：${out}\n`);
  return 0;
});
