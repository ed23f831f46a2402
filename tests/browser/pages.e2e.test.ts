/**
 * The built sample site in headless Chromium, as a reader meets it (loading, requests, sideways
 * scroll and axe of every page: every-page.e2e.test.ts): the schools directory works with JavaScript turned off; and
 * search (Pagefind) finds a school by its Chinese name and by a street of its admission zone.
 * SKIPPED, with the reason in the title, when chromium is missing or does not start.
 */
import { expect, it } from 'vitest';
import { loadPortalData } from '../../src/lib/model/load';
import { SAMPLE_DATA } from '../helpers/site';
import { describeBuiltSite, type BuiltSite } from '../helpers/browser-site';
import { watchedPage } from '../helpers/browser';
import { PAGE_TYPES, pagePath, type PageType } from './site-pages';

const { data } = await loadPortalData(SAMPLE_DATA);
const schools = data.schools as unknown as { school_id: string; name: string; status: string; region_code: string }[];
const openSchools = schools.filter((s) => s.status !== 'closed');
const latest = data.years[data.years.length - 1] as unknown as { zones?: { school_id: string; area: string }[] };
const zone = (latest.zones ?? []).find((z) => openSchools.some((s) => s.school_id === z.school_id))!;
const firstSchool = openSchools[0];

let site: BuiltSite;
const path = (t: PageType) => {
  const p = pagePath(site.out, t, { school: firstSchool.school_id, county: firstSchool.region_code });
  if (p === null) throw new Error(`the build has no ${t} page (looked in ${site.out})`);
  return p;
};

await describeBuiltSite('pages in a real browser', (built) => {
  site = built;

  it('the schools directory works with JavaScript disabled: every open school is listed and linked', async () => {
    const w = await watchedPage(site.browser, site.server.origin, { javaScriptEnabled: false });
    try {
      await w.page.goto(site.server.url + path('schools'), { waitUntil: 'load' });
      const links = await w.page.$$eval('main a[href]', (as) => as.map((a) => ({ href: (a as HTMLAnchorElement).href, text: a.textContent ?? '' })));
      const missing = openSchools.filter((s) => !links.some((l) => l.href.includes(`schools/${s.school_id}/`) && l.text.includes(s.name)));
      expect(missing.map((s) => `${s.school_id} ${s.name}`)).toEqual([]);
      // Visible without script: not hidden behind a "loading" state.
      expect(await w.page.locator(`main a[href*="schools/${firstSchool.school_id}/"]`).first().isVisible()).toBe(true);
    } finally {
      await w.close();
    }
  });

  it('without JavaScript, the county filter link shows exactly that county’s open schools', async () => {
    const w = await watchedPage(site.browser, site.server.origin, { javaScriptEnabled: false });
    try {
      await w.page.goto(site.server.url + path('schools'), { waitUntil: 'load' });
      const county = firstSchool.region_code;
      const link = w.page.locator(`main a[href*="schools/county/${county}/"]`).first();
      expect(await link.count(), `a filter link to schools/county/${county}/`).toBe(1);
      await Promise.all([w.page.waitForLoadState('load'), link.click()]);
      const ids = await w.page.$$eval('main a[href]', (as) =>
        [...new Set(as.map((a) => /schools\/(\d{10})\//.exec(a.getAttribute('href') ?? '')?.[1]).filter((x): x is string => !!x))].sort(),
      );
      const expected = openSchools.filter((s) => s.region_code === county).map((s) => s.school_id).sort();
      expect(ids).toEqual(expected);
      expect(w.errors).toEqual([]);
    } finally {
      await w.close();
    }
  });

  /**
   * Types the query into a search box as a reader would (key by key, then Enter) and waits for a
   * result linking to the school. `from: 'home'` uses the box in the site header of the home page
   * (which leads to the search page); `from: 'search'` the box on the search page itself.
   */
  async function searchFor(query: string, schoolId: string, from: 'home' | 'search'): Promise<{ found: boolean; hrefs: string[]; firstSchoolHit: string | null; errors: string[]; status: string }> {
    const w = await watchedPage(site.browser, site.server.origin);
    try {
      await w.page.goto(site.server.url + path(from), { waitUntil: 'networkidle' });
      const scope = from === 'search' ? 'main ' : '';
      const box = w.page.locator(`${scope}input[type="search"], ${scope}input[role="searchbox"], ${scope}.pagefind-ui__search-input`).first();
      await box.waitFor({ state: 'visible', timeout: 15_000 });
      await box.click();
      await box.pressSequentially(query, { delay: 20 });
      await box.press('Enter');
      const hit = w.page.locator(`main a[href*="schools/${schoolId}/"]`).first();
      let found = true;
      try {
        await hit.waitFor({ state: 'visible', timeout: 15_000 });
      } catch {
        found = false;
      }
      const hrefs = await w.page.$$eval('main a[href]', (as) => as.map((a) => a.getAttribute('href') ?? '').slice(0, 30));
      const firstSchoolHit = hrefs.find((h) => /schools\/\d{10}\//.test(h)) ?? null;
      const status = (await w.page.locator('main [role="status"]').first().textContent().catch(() => '')) ?? '';
      return { found, hrefs, firstSchoolHit, errors: [...w.errors, ...w.failed, ...w.foreign], status };
    } finally {
      await w.close();
    }
  }

  it(`search from the header box finds a school by its Chinese name (${firstSchool.name})`, async () => {
    const r = await searchFor(firstSchool.name, firstSchool.school_id, 'home');
    expect(r.errors).toEqual([]);
    expect(r.found, `no result linking to schools/${firstSchool.school_id}/; status “${r.status}”; links on the page: ${r.hrefs.join(' ')}`).toBe(true);
    // The exact name is the school a reader means: it comes before other schools.
    expect(r.firstSchoolHit, 'first school in the results').toContain(`schools/${firstSchool.school_id}/`);
  });

  it(`the search page finds the school serving a zone street (${zone?.area})`, async () => {
    expect(zone, 'the sample has admission zones').toBeTruthy();
    const r = await searchFor(zone.area, zone.school_id, 'search');
    expect(r.errors).toEqual([]);
    expect(r.found, `no result linking to schools/${zone.school_id}/; status “${r.status}”; links on the page: ${r.hrefs.join(' ')}`).toBe(true);
  });
});
