/**
 * npm run sample                         writes the fictional 示例市 sample region to data/
 * npm run sample -- --data DIR           … to another folder (or PORTAL_DATA=DIR)
 * npm run sample -- --schools N          a benchmark region of N schools (all datasets, 5 years)
 * npm run sample -- --seed S             another seed (same seed → same bytes)
 * Exit codes: 0 written; 1 the sample's self-check failed; 2 could not run (bad arguments,
 * or the folder holds real data: a portal.yml without `sample: true` is never overwritten
 * unless --force is given).
 */
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DEFAULT_SEED, generateLarge, generateSample } from '../src/lib/sample';

function fail(code: number, message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(code);
}

interface Args {
  data: string;
  schools: number | null;
  seed: number;
  force: boolean;
}

function parse(argv: readonly string[]): Args {
  const args: Args = { data: process.env.PORTAL_DATA || 'data', schools: null, seed: DEFAULT_SEED, force: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const [flag, inline] = a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    const valueOf = () => {
      const v = inline ?? argv[++i];
      if (v === undefined || v === '') fail(2, `参数 ${flag} 缺少取值。`);
      return v;
    };
    const int = (v: string, what: string) => {
      if (!/^\d+$/.test(v) || Number(v) < 1) fail(2, `${what}必须是正整数，收到“${v}”。`);
      return Number(v);
    };
    if (flag === '--data') args.data = valueOf();
    else if (flag === '--schools') args.schools = int(valueOf(), '--schools 学校数');
    else if (flag === '--seed') args.seed = int(valueOf(), '--seed 随机种子');
    else if (flag === '--force') args.force = true;
    else if (flag === '--help' || flag === '-h') {
      process.stdout.write('用法：npm run sample -- [--data 目录] [--schools 学校数] [--seed 种子] [--force]\n');
      process.exit(0);
    } else fail(2, `不认识的参数“${a}”。用法：npm run sample -- [--data 目录] [--schools 学校数] [--seed 种子] [--force]`);
  }
  return args;
}

/** Removes what an earlier run wrote (year folders and our top-level files), nothing else. */
function clearPrevious(dir: string, force: boolean): void {
  if (!existsSync(dir)) return;
  if (!statSync(dir).isDirectory()) fail(2, `“${dir}”不是文件夹。`);
  const portal = join(dir, 'portal.yml');
  const hasData = readdirSync(dir).some((f) => f.endsWith('.csv') || /^\d{4}$/.test(f) || f.startsWith('portal.'));
  const isSample = existsSync(portal) && /^sample:\s*true\s*$/m.test(readFileSync(portal, 'utf8'));
  if (hasData && !isSample && !force) {
    fail(2, `“${dir}”中已有数据，且不是示例数据（portal.yml 中没有 sample: true）。为免覆盖真实数据，示例生成器不会写入。如确需覆盖，请加 --force。`);
  }
  for (const f of readdirSync(dir)) {
    if (/^\d{4}$/.test(f) || ['portal.yml', 'regions.csv', 'schools.csv', 'plans.csv', 'standards.csv'].includes(f)) rmSync(join(dir, f), { recursive: true, force: true });
  }
}

const args = parse(process.argv.slice(2));
const dir = resolve(args.data);
clearPrevious(dir, args.force);
const started = performance.now();
try {
  if (args.schools === null) {
    const r = generateSample(dir, args.seed);
    const schools = r.spec.schools.length;
    const ms = Math.round(performance.now() - started);
    process.stdout.write(
      `已生成示例数据：${r.spec.counties.length}个县区、${schools}所学校、${r.spec.years[0]}–${r.spec.years[r.spec.years.length - 1]}年，写入 ${dir}（${ms} 毫秒）。\n` +
        `自检通过：预置的${r.planted.length}条发现均已出现，没有预置之外的违规。\n`,
    );
  } else {
    const r = generateLarge(dir, args.schools, args.seed);
    const ms = Math.round(performance.now() - started);
    process.stdout.write(`已生成测试区域：${r.spec.cities.length}个市、${r.spec.counties.length}个县区、${r.spec.schools.length}所学校、5个年度，写入 ${dir}（${ms} 毫秒）。\n`);
  }
} catch (e) {
  fail(1, e instanceof Error ? e.message : String(e));
}
