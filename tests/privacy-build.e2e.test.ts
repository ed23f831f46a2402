/**
 * The build is the last gate before publication: data with personal information never becomes a
 * page or a download, whatever the CI does.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSite, type BuildResult } from './helpers/site';
import { fixtureCopy } from './fixture-dir';

describe('npm run build refuses personal data', () => {
  const cases: Record<string, Record<string, string>> = {
    'a pupil-name column': { '2025/zones.csv': '学校标识码,片区,学生姓名\n2199010001,文昌街道翠湖社区,张小明\n' },
    'an ID-card number in a note': { '2025/zones.csv': '学校标识码,片区,说明\n2199010001,文昌街道翠湖社区,11010519491231002X\n' },
    'a mobile number in a note': { '2025/zones.csv': '学校标识码,片区,说明\n2199010001,文昌街道翠湖社区,家长电话138-1234-5678\n' },
  };
  const results = new Map<string, { build: BuildResult; out: string }>();
  const cleanups: (() => void)[] = [];
  beforeAll(async () => {
    for (const [name, files] of Object.entries(cases)) {
      const fx = fixtureCopy('minimal', files);
      const out = mkdtempSync(join(tmpdir(), 'portal-privacy-out-'));
      rmSync(out, { recursive: true, force: true });
      cleanups.push(fx.cleanup, () => rmSync(out, { recursive: true, force: true }));
      results.set(name, { build: await buildSite(fx.dir, out), out });
    }
  }, 300_000);
  afterAll(() => cleanups.forEach((c) => c()));

  it.each(Object.keys(cases))('%s: exit 1, the Chinese reason with file and row, nothing written', (name) => {
    const { build, out } = results.get(name)!;
    expect(build.code, build.log).toBe(1);
    expect(build.log).toContain('2025/zones.csv');
    expect(build.log).toMatch(/个人信息|身份证|手机号码/);
    expect(build.log).not.toMatch(/\n\s+at .+:\d+:\d+/); // no stack trace
    expect(existsSync(join(out, 'index.html'))).toBe(false);
  });
});
