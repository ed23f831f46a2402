/**
 * Beyond one machine: three regions built as three separate jobs (each its own data folder,
 * `base_path: /pN/`), joined with `npm run join` into one site; the joined search page finds a
 * school of each region, and its result leads to that school's page under the region's path.
 * Kept cheap: three tiny regions (12 schools each), one shared download cache, one browser.
 * SKIPPED, with the reason in the title, when chromium is missing.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateLarge } from '../../src/lib/sample';
import { buildSite, ROOT } from '../helpers/site';
import { serveStatic, type StaticServer } from '../helpers/server';
import { launchBrowser, suiteTitle, watchedPage } from '../helpers/browser';

const launched = await launchBrowser();
const SHARDS = [
  { name: 'p1', seed: 11, title: '甲省' },
  { name: 'p2', seed: 22, title: '乙省' },
  { name: 'p3', seed: 33, title: '丙省' },
];

let tmp = '';
let server: StaticServer;
/** Per shard: an open school's id and name, read from the shard's own schools.csv. */
const picked = new Map<string, { id: string; name: string }>();

function firstOpenSchool(csv: string): { id: string; name: string } {
  const rows = csv.replace(/^\ufeff/, '').trim().split(/\r?\n/).map((l) => l.split(','));
  const head = rows[0];
  const id = head.indexOf('学校标识码');
  const name = head.indexOf('学校名称');
  const status = head.indexOf('状态');
  const row = rows.slice(1).find((r) => r[status] !== '撤并' && r[status] !== '停办')!;
  return { id: row[id], name: row[name] };
}

describe.skipIf(!launched.browser)(suiteTitle('three shards joined into one site with one search', launched), () => {
  const browser = launched.browser!;
  beforeAll(async () => {
    tmp = mkdtempSync(join(tmpdir(), 'portal-shards-'));
    for (const s of SHARDS) {
      const data = join(tmp, 'regions', s.name, 'data');
      generateLarge(data, 12, s.seed);
      const yml = readFileSync(join(data, 'portal.yml'), 'utf8');
      writeFileSync(join(data, 'portal.yml'), yml.replace(/^base_path:.*$/m, `base_path: "/${s.name}/"`).replace(/^title:.*$/m, `title: "${s.title}义务教育均衡发展数据（示例）"`));
      picked.set(s.name, firstOpenSchool(readFileSync(join(data, 'schools.csv'), 'utf8')));
      // Each region is its own build (in CI: its own job); they share one download cache here.
      const r = await buildSite(data, join(tmp, 'shards', s.name), ['--cache', join(tmp, 'cache')], { PORTAL_TODAY: '2026-01-15' });
      if (!r.ok) throw new Error(`build of shard ${s.name} failed (exit ${r.code}):\n${r.log}`);
    }
    const tsx = join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');
    const j = spawnSync(process.execPath, [tsx, join(ROOT, 'scripts', 'join.ts'), '--out', join(tmp, 'site'), ...SHARDS.map((s) => join(tmp, 'shards', s.name))], { cwd: ROOT, encoding: 'utf8' });
    if (j.status !== 0) throw new Error(`npm run join failed (exit ${j.status}):\n${j.stdout}\n${j.stderr}`);
    server = await serveStatic(join(tmp, 'site'), '/');
  }, 20 * 60_000);

  afterAll(async () => {
    await server?.close();
    await browser.close();
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  it('the joined home page lists every region and links into its folder', async () => {
    const w = await watchedPage(browser, server.origin);
    try {
      await w.page.goto(server.url);
      for (const s of SHARDS) {
        const link = w.page.locator(`a[href="/${s.name}/"]`);
        await expect(link.textContent()).resolves.toContain(s.title);
      }
      // Each shard is the whole site of its region, under its own path.
      for (const s of SHARDS) expect(existsSync(join(tmp, 'site', s.name, 'schools', picked.get(s.name)!.id, 'index.html'))).toBe(true);
      expect(w.errors).toEqual([]);
    } finally {
      await w.close();
    }
  });

  for (const s of SHARDS) {
    it(`the one search page finds a school of ${s.title} and leads to its page under /${s.name}/`, async () => {
      const school = picked.get(s.name)!;
      const w = await watchedPage(browser, server.origin);
      try {
        await w.page.goto(`${server.url}search/?q=${encodeURIComponent(school.name)}`);
        const href = `/${s.name}/schools/${school.id}/`;
        const hit = w.page.locator(`#search-results a[href="${href}"]`);
        await hit.waitFor({ timeout: 30_000 });
        expect(await hit.textContent()).toContain(school.name);
        await hit.click();
        await w.page.waitForURL(`**${href}`);
        expect(await w.page.locator('h1').first().textContent()).toContain(school.name);
        // The merged indexes are read from each shard's own folder; nothing failed to load.
        expect(w.failed).toEqual([]);
        expect(w.errors).toEqual([]);
        expect(w.foreign).toEqual([]);
      } finally {
        await w.close();
      }
    });
  }
});
