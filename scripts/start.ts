/**
 * npm start [-- --data DIR] [--out DIR] [--port N]
 * Builds the site (validation first), then serves it on http://localhost:4321{base_path}.
 */
import { parseArgs, rejectUnknownFlags, runCli, UsageError } from './lib/cli';
import { serveStatic } from './lib/serve';
import { runBuild } from './build';

const USAGE = `用法：npm start -- [--data 文件夹] [--out 输出文件夹] [--port 端口]

检查数据、生成网站，然后在 http://localhost:4321/ 上预览（按 Ctrl+C 结束）。
`;

runCli(async () => {
  const args = parseArgs(process.argv.slice(2), ['out', 'port']);
  if (args.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  rejectUnknownFlags(args, ['out', 'port'], USAGE);
  const outFlag = args.flags.get('out');
  const portFlag = args.flags.get('port');
  if (outFlag === true || portFlag === true) throw new UsageError(`参数后面需要一个值。\n\n${USAGE}`);
  const port = typeof portFlag === 'string' ? Number(portFlag) : Number(process.env.PORT || 4321);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`端口“${portFlag}”无效。`);
  const res = await runBuild({ dataDir: args.data, outDir: typeof outFlag === 'string' ? outFlag : 'dist' });
  if (res.code !== 0) return res.code;
  const served = await serveStatic(res.outDir, { base: res.base, port, host: '0.0.0.0' });
  process.stdout.write(`\n网站已启动：http://localhost:${served.port}${res.base}\n按 Ctrl+C 结束。\n`);
  await new Promise<void>((done) => {
    const stop = () => served.close().then(done);
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  return 0;
});
