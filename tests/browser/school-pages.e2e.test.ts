/**
 * The school, county, comparison and map pages of the sample in headless Chromium, as a parent on
 * a 390 px phone and a journalist at 1280 px meet them (sideways scroll, axe, requests: every-page.e2e):
 * the verdict on the first screen of a school page, the comparison sortable with
 * JavaScript and in code order without it, every map marker a link, every chart's CSV there.
 * SKIPPED, with the reason in the title, when chromium is missing or does not start.
 */
import { expect, it } from 'vitest';
import { describeBuiltSite, type BuiltSite } from '../helpers/browser-site';
import { watchedPage } from '../helpers/browser';


let site: BuiltSite;

await describeBuiltSite('school, county, comparison and map pages in a real browser', (built) => {
  site = built;

  it('school page, phone: the verdict line is on the first screen; at 1280 px this year’s admission is too', async () => {
    for (const [width, what] of [
      [390, '#verdict'],
      [1280, '#admission-now'],
    ] as const) {
      const w = await watchedPage(site.browser, site.server.origin, { width, height: 844 });
      try {
        await w.page.goto(site.server.url + 'schools/3199020009/', { waitUntil: 'load' });
        const box = await w.page.locator(what).boundingBox();
        expect(box && box.y + Math.min(box.height, 40) <= 844, `${what} at ${width} px starts at ${box?.y}`).toBe(true);
        const text = await w.page.locator('#verdict').innerText();
        expect(text).toContain('达到优质均衡学校要求');
        const adm = await w.page.locator('.admission-now').innerText();
        expect(adm).toMatch(/报名人数\s*163人/);
        expect(adm).toMatch(/划片内录取\s*不适用/);
      } finally {
        await w.close();
      }
    }
  });

  it('/counties/: in code order without JavaScript; a header button sorts the rows and sets aria-sort', async () => {
    const nojs = await watchedPage(site.browser, site.server.origin, { javaScriptEnabled: false });
    try {
      await nojs.page.goto(site.server.url + 'counties/', { waitUntil: 'load' });
      const codes = await nojs.page.$$eval('#comparison-primary tbody tr', (rows) => rows.map((r) => r.lastElementChild?.textContent?.trim()));
      expect(codes).toEqual(['990101', '990102', '990103']);
      expect(await nojs.page.locator('.sort-button').count()).toBe(0);
    } finally {
      await nojs.close();
    }
    const w = await watchedPage(site.browser, site.server.origin);
    try {
      await w.page.goto(site.server.url + 'counties/', { waitUntil: 'load' });
      const button = w.page.locator('#comparison-primary th .sort-button').nth(2); // 达标学校
      await button.click();
      const th = w.page.locator('#comparison-primary th').nth(2);
      expect(await th.getAttribute('aria-sort')).toBe('ascending');
      // 青禾区 4/7, 云溪县 6/7, 石湾区 8/8 → ascending: 青禾区, 云溪县, 石湾区; descending reverses.
      await button.click();
      expect(await th.getAttribute('aria-sort')).toBe('descending');
      const names = await w.page.$$eval('#comparison-primary tbody tr th', (c) => c.map((x) => x.textContent?.trim()));
      expect(names).toEqual(['石湾区', '云溪县', '青禾区']);
      const csv = await w.page.locator('#comparison-primary .table-csv').getAttribute('href');
      expect((await fetch(site.server.origin + csv)).status).toBe(200);
      expect(w.errors).toEqual([]);
    } finally {
      await w.close();
    }
  });

  it('map: one link per school on the map, the same schools in the table; chart CSVs of school and county pages exist', async () => {
    const w = await watchedPage(site.browser, site.server.origin, { width: 390, height: 844 });
    try {
      await w.page.goto(site.server.url + 'map/', { waitUntil: 'load' });
      const markers = await w.page.locator('#map-region svg a.map-point:visible').count();
      const rows = await w.page.locator('#map-region ~ details table tbody tr').count();
      expect(markers).toBeGreaterThan(30);
      expect(markers).toBe(rows);
      // At region scale a county's schools can overlap; on the county page's map each is clear.
      await w.page.goto(site.server.url + 'counties/990101/', { waitUntil: 'load' });
      expect(await w.page.locator('#chart-map svg a').count()).toBe(11);
      await w.page.locator('#chart-map svg a[href$="/schools/2199010001/"]').click();
      expect(w.page.url()).toMatch(/\/schools\/2199010001\/$/);
      for (const p of ['schools/3199020009/', 'counties/990101/']) {
        await w.page.goto(site.server.url + p, { waitUntil: 'load' });
        const links = await w.page.$$eval('.chart-links a[download]', (as) => as.map((a) => (a as HTMLAnchorElement).getAttribute('href')!));
        expect(links.length, p).toBeGreaterThan(0);
        for (const href of links) expect((await fetch(site.server.origin + href)).status, href).toBe(200);
      }
    } finally {
      await w.close();
    }
  });
});
