/**
 * The pages publish what the downloads publish: a school with 3 special-education pupils shows
 * “<5”, and no page shows a per-pupil figure or a county ratio that gives the 3 back.
 *
 * Worked example (by hand), 测试县 2025, threshold 5:
 *   第一小学 2199010001: 特教学生数 3 → “<5”; 特教公用经费 15 000 元 (withheld with it)
 *   第一中学 3199010002: 特教学生数 12;     特教公用经费 96 000 元
 *   Raw per-pupil of 第一小学 15 000 ÷ 3 = 5 000 元 → 15 000 ÷ 5 000 = 3 pupils.
 *   Raw county (15 000 + 96 000) ÷ 15 = 7 400 元 → 111 000 ÷ 7 400 − 12 = 3 pupils.
 *   Neither 5 000 nor 7 400 may appear on a page; the county ratio over shown schools is 8 000.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSite, type BuildResult } from './helpers/site';
import { listFiles } from './helpers/links';
import { fixtureCopy } from './fixture-dir';

const FUNDING = '学校标识码,公用经费支出,教师培训经费,特教学生数,特教公用经费,基建及装备投入\n2199010001,1200000,60000,3,15000,\n3199010002,1100000,56000,12,96000,\n';

describe('pages never give a small sensitive count back', () => {
  let fx: { dir: string; cleanup: () => void };
  let out: string;
  let build: BuildResult;
  let pages: Map<string, string>;
  beforeAll(async () => {
    delete process.env.BASE_URL; // Vite sets it in test workers; a bureau's shell does not
    fx = fixtureCopy('minimal', { '2025/funding.csv': FUNDING });
    out = mkdtempSync(join(tmpdir(), 'portal-privacy-site-'));
    build = await buildSite(fx.dir, out, [], { PORTAL_TODAY: '2026-01-15' });
    pages = new Map(build.ok ? listFiles(out).filter((f) => f.endsWith('.html')).map((f) => [f, readFileSync(join(out, f), 'utf8')]) : []);
  }, 600_000);
  afterAll(() => {
    fx.cleanup();
    rmSync(out, { recursive: true, force: true });
  });

  it('builds', () => {
    expect(build.ok, build.log).toBe(true);
  });

  it('the school page shows “<5” for its 3 special-education pupils and for its 2 disabled first-graders', () => {
    const page = [...pages].find(([f, html]) => f.includes('2199010001') && html.includes('测试县第一小学'));
    expect(page, 'a page for 测试县第一小学').toBeDefined();
    const text = page![1].replace(/<[^>]+>/g, ' ');
    expect(text).toMatch(/特教学生数\s+&lt;5/);
    expect(text).not.toMatch(/特教学生数\s+3\b/);
  });

  it('no page shows 5 000 元 per pupil or the 7 400 元 county ratio', () => {
    const leaks: string[] = [];
    for (const [f, html] of pages) {
      const text = html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
      for (const m of text.matchAll(/(?:^|[^0-9.,])((?:5,?000|7,?400)(?:\.0+)?\s*元)/g)) leaks.push(`${f}: …${text.slice(Math.max(0, m.index! - 30), m.index! + 20)}…`);
    }
    expect(leaks).toEqual([]);
  });
});
