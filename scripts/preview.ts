/**
 * npm run preview [-- --against REF|VERSION] [--data DIR] [--date yyyy-mm-dd] [--format text|json]
 * Shows, in Chinese, what pushing the current data/ would change on the site.
 * Exit 0: preview shown (even when the data has errors — they are listed); 2: could not run.
 */
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { parseArgs, rejectUnknownFlags, runCli, UsageError, writeOut } from './lib/cli';
import { runPipeline, processEffects } from '../src/lib/pipeline';
import { publicationDate } from '../src/lib/privacy/embargo';
import { buildPreview, formatPreview } from '../src/lib/publishing/preview';
import { readReleases, resolveRelease, type ReleaseEntry } from '../src/lib/export/releases';
import type { PortalData } from '../src/lib/model/types';

const USAGE = `用法：npm run preview -- [--against 版本或git引用] [--data 文件夹] [--date 2026-03-01] [--format text|json]

在推送之前，列出网站将发生的变化：新增、删除、修改的数据集和行，新出现或消失的“发现”，新增或删除的页面。
  --against   与哪个版本比较：releases.yml 中的版本号（如 2025.1），或 git 分支/标签/提交（如 origin/main）。
              默认：origin/main（线上网站所用的版本）；没有远程仓库时用 HEAD（上一次提交）。
  --data      数据文件夹（默认 data/，或环境变量 PORTAL_DATA）
  --date      按哪一天判断 publish_after（默认今天，北京时间）
  --format    text（默认，中文）或 json
`;

function gitOk(cwd: string, ref: string): boolean {
  try {
    execFileSync('git', ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], { cwd, stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

function emptyModel(like: PortalData): PortalData {
  return { ...like, regions: [], schools: [], plans: [], standards: [], years: [] };
}

runCli(async () => {
  const args = parseArgs(process.argv.slice(2), ['against', 'date']);
  if (args.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  rejectUnknownFlags(args, ['against', 'date'], USAGE);
  const format = args.format ?? 'text';
  if (!['text', 'json'].includes(format)) throw new UsageError(`不支持的格式“${format}”，可用：text、json。`);
  const dateFlag = args.flags.get('date');
  const today = publicationDate({ PORTAL_TODAY: typeof dateFlag === 'string' ? dateFlag : process.env.PORTAL_TODAY });
  if (typeof dateFlag === 'string' && today !== dateFlag.replace(/\//g, '-')) throw new UsageError(`日期“${dateFlag}”无效，请写成 2026-03-01。`);

  const effects = { ...processEffects(), log: () => {} };
  const current = await runPipeline({ dataDir: args.data, today }, effects);
  if (!current.readable) throw new UsageError(current.issues[0]?.message ?? `找不到数据文件夹 ${args.data}`);

  // What the site shows now.
  const againstFlag = args.flags.get('against');
  let against = typeof againstFlag === 'string' ? againstFlag : null;
  if (against === null) against = gitOk(args.data, 'origin/main') ? 'origin/main' : gitOk(args.data, 'HEAD') ? 'HEAD' : null;
  let before: PortalData;
  let label: string;
  if (against === null) {
    before = emptyModel(current.published.data);
    label = '尚未发布的空网站（这里不是 git 仓库）';
  } else {
    const config = readReleases(args.data);
    const release = config.releases.find((r) => r.version === against);
    const entry: ReleaseEntry = release ?? { version: against, date: today, notes: '', source: { kind: 'git', ref: against, path: null }, corrections: [] };
    const where = resolveRelease(entry, args.data, join(tmpdir(), 'portal-preview-cache'));
    if (!where.ok) throw new UsageError(where.reason);
    const old = await runPipeline({ dataDir: where.dir, today }, effects);
    before = old.readable ? old.published.data : emptyModel(current.published.data);
    label = release ? ` 版本 ${against} ` : ` ${against} `;
  }

  const report = buildPreview({ before, after: current.published.data, against: label, today, issues: current.issues, withheld: current.withheld });
  if (format === 'json') await writeOut(JSON.stringify(report, null, 2) + '\n');
  else {
    const rel = relative(process.cwd(), args.data) || '.';
    await writeOut(formatPreview(report, current.issues, rel.startsWith('..') ? args.data : rel));
  }
  return 0;
});
