/**
 * npm run join -- --out DIR SHARD [SHARD…]
 * Joins sites built separately (one per province: `npm run build -- --data … --out shards/<name>`,
 * with `base_path: "/<name>/"` in that province's portal.yml) into one site with one search.
 * SHARD is a build output folder (served at /<folder name>/) or NAME=FOLDER.
 * Exit codes: 0 joined; 2 could not (a shard is missing, unbuilt or built for another base path).
 */
import { resolve } from 'node:path';
import { parseArgs, rejectUnknownFlags, runCli, UsageError } from './lib/cli';
import { JoinError, joinShards, parseShardArg } from '../src/lib/build/join';

const USAGE = `用法：npm run join -- --out 输出文件夹 分片文件夹 [分片文件夹…]

把分别生成的各地区网站（每个地区一次 npm run build，portal.yml 中 base_path 为 "/分片名/"）
合并成一个网站：各分片放在 /分片名/ 下，首页列出各地区，/search/ 一次搜索全部地区。
  分片可写成 文件夹（分片名取文件夹名）或 分片名=文件夹。
`;

runCli(() => {
  const args = parseArgs(process.argv.slice(2), ['out']);
  if (args.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  rejectUnknownFlags(args, ['out'], USAGE);
  const out = args.flags.get('out');
  if (typeof out !== 'string') throw new UsageError(`请用 --out 指定输出文件夹。\n\n${USAGE}`);
  if (!args.positional.length) throw new UsageError(`请列出要合并的分片文件夹。\n\n${USAGE}`);
  try {
    const joined = joinShards(resolve(out), args.positional.map(parseShardArg));
    for (const s of joined) process.stdout.write(`${s.base}  ${s.title}（${s.files} 个文件）\n`);
    process.stdout.write(`已合并 ${joined.length} 个分片到 ${out}：首页 /，搜索 /search/。\n`);
    return 0;
  } catch (e) {
    if (e instanceof JoinError) {
      process.stderr.write(`无法合并：${e.message}\n`);
      return 2;
    }
    throw e;
  }
});
