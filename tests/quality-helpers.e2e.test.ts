/**
 * The test helpers themselves: the static server serves a site under its base path and nothing
 * outside it; the browser helper records console errors and blocks requests to other hosts; axe
 * finds a real contrast problem. Browser parts are SKIPPED (with the reason) without chromium.
 */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveStatic, type StaticServer } from './helpers/server';
import { launchBrowser, seriousAxeViolations, suiteTitle, watchedPage } from './helpers/browser';

const dir = mkdtempSync(join(tmpdir(), 'quality-helpers-'));
mkdirSync(join(dir, 'schools', '2199010001'), { recursive: true });
writeFileSync(
  join(dir, 'index.html'),
  '<!doctype html><html lang="zh-CN"><head><title>首页</title></head><body><main><h1>首页</h1><p style="color:#bbb;background:#fff">浅灰文字对比度不足</p>' +
    '<img src="https://tiles.example.com/x.png" alt="外部图片"><script>console.error("故意的错误")</script></main></body></html>',
);
writeFileSync(join(dir, 'schools', '2199010001', 'index.html'), '<!doctype html><html lang="zh-CN"><head><title>学校</title></head><body><main><h1>学校</h1></main></body></html>');
writeFileSync(join(dir, '404.html'), '<!doctype html><title>404</title>找不到页面');

let server: StaticServer;
beforeAll(async () => {
  server = await serveStatic(dir, '/jiaoyu/');
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('static server', () => {
  it('serves directories as index.html under the base path, 404 elsewhere', async () => {
    const home = await fetch(server.url);
    expect(home.status).toBe(200);
    expect(await home.text()).toContain('首页');
    expect((await fetch(server.url + 'schools/2199010001/')).status).toBe(200);
    const redirect = await fetch(server.url + 'schools/2199010001', { redirect: 'manual' });
    expect(redirect.status).toBe(301);
    expect((await fetch(server.origin + '/schools/2199010001/')).status).toBe(404);
    const missing = await fetch(server.url + 'nope/');
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain('找不到页面');
    expect((await fetch(server.url + '..%2f..%2fetc/passwd')).status).not.toBe(200);
  });
});

const launched = await launchBrowser();
afterAll(async () => {
  await launched.browser?.close();
});

describe.skipIf(!launched.browser)(suiteTitle('browser helper', launched), () => {
  it('records console errors and blocks requests to other hosts', async () => {
    const w = await watchedPage(launched.browser!, server.origin);
    await w.page.goto(server.url, { waitUntil: 'load' });
    expect(w.errors.join('\n')).toContain('故意的错误');
    expect(w.foreign).toEqual(['https://tiles.example.com/x.png']);
    await w.close();
  });

  it('axe reports the low-contrast paragraph as a serious violation', async () => {
    const w = await watchedPage(launched.browser!, server.origin);
    await w.page.goto(server.url, { waitUntil: 'load' });
    const v = await seriousAxeViolations(w.page);
    expect(v.map((x) => x.id)).toContain('color-contrast');
    await w.close();
  });
});
