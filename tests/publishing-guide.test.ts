/**
 * The publisher guide is generated from the code, so it cannot drift: every validation code,
 * every portal.yml setting and every column of every template is explained, and the committed
 * docs/publisher-guide.md is exactly what the generator writes.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { guideBlocks, guideHtml, guideMarkdown, guideToc, splitShared, SETTING_DOCS } from '../src/lib/publishing/guide';
import { ISSUE_KINDS } from '../src/lib/validate/codes';
import { ALL_DATASETS } from '../src/lib/schema';

const ROOT = join(import.meta.dirname, '..');
const md = guideMarkdown();
const html = guideHtml();

/** Top-level fields of PortalSettings, read from the source so a new setting must be documented. */
function settingsFields(): string[] {
  const src = readFileSync(join(ROOT, 'src/lib/settings/types.ts'), 'utf8');
  const body = src.slice(src.indexOf('interface PortalSettings'));
  return [...body.matchAll(/^ {2}readonly (\w+)\??:/gm)].map((m) => m[1]);
}

/** Keys loadSettings accepts without a “misspelt setting” warning. */
function knownSettingKeys(): string[] {
  const src = readFileSync(join(ROOT, 'src/lib/settings/load.ts'), 'utf8');
  const m = /KNOWN_KEYS = new Set\(\[([\s\S]*?)\]\)/.exec(src);
  return [...(m?.[1] ?? '').matchAll(/'(\w+)'/g)].map((x) => x[1]);
}

describe('publisher guide', () => {
  it('docs/publisher-guide.md is the generator’s output (run `npm run guide` after changing the code)', () => {
    expect(readFileSync(join(ROOT, 'docs/publisher-guide.md'), 'utf8')).toBe(md);
  });

  it('explains every validation code with its title, meaning and fix', () => {
    expect(ISSUE_KINDS.length).toBeGreaterThan(30);
    for (const k of ISSUE_KINDS) {
      const at = md.indexOf(`（\`${k.code}\`）\n\n- 类型：`);
      expect(at, k.code).toBeGreaterThan(0);
      expect(md.slice(at, at + 2000)).toContain(`怎么改：`);
      expect(html).toContain(`id="issue-${k.code}"`);
    }
    // the text itself, markdown-escaped or not
    const plain = md.replace(/\\(.)/g, '$1');
    for (const k of ISSUE_KINDS) {
      expect(plain).toContain(k.title);
      expect(plain).toContain(k.description);
      expect(plain).toContain(k.fix);
    }
  });

  it('documents every portal.yml setting, including embargo', () => {
    const fields = [...new Set([...settingsFields(), ...knownSettingKeys()])];
    expect(fields).toEqual(expect.arrayContaining(['title', 'base_path', 'suppression_threshold', 'embargo']));
    for (const f of fields) {
      expect(SETTING_DOCS.map((s) => s.key), f).toContain(f);
      expect(md).toContain(`| \`${f}\` |`);
    }
  });

  it('shows every column of every template with its Chinese header, key, example and allowed values', () => {
    const plain = md.replace(/\\(.)/g, '$1');
    for (const d of ALL_DATASETS) {
      expect(md).toContain(`${d.id}.csv`);
      for (const c of d.columns) {
        expect(md, `${d.id}.${c.key}`).toContain(`| ${c.zh} | \`${c.key}\` |`);
        expect(plain).toContain(c.example);
        for (const v of c.values ?? []) expect(plain).toContain(`${v.zh}（${v.key}）`);
      }
    }
  });

  it('covers every step from an empty folder to a published site, and the other topics asked for', () => {
    const toc = guideToc().map((t) => t.id);
    expect(toc).toEqual(['steps', 'templates', 'excel', 'nine-year', 'settings', 'issues', 'privacy', 'corrections', 'embargo']);
    for (const cmd of ['npm ci', 'npm run validate', 'npm run preview', 'npm run build', '.github/workflows/portal.yml', '.gitlab-ci.yml', 'releases/releases.yml', 'PORTAL_TODAY']) {
      expect(md).toContain(cmd);
    }
    expect(md).toContain('2.1E+09'); // the scientific-notation-code entry
    expect(md).toContain('2.12E+09');
    expect(md).toContain('1 : 1.1');
  });

  it('nine-year school: a shared 10000 m² ground, 600 primary and 400 junior pupils → 5769.23 + 4230.77', () => {
    // by hand: weights 600×1 = 600 and 400×1.1 = 440; 10000 × 600 / 1040 = 5769.23…
    expect(splitShared(10000, 600, 400)).toEqual({ primary: 5769.23, junior: 4230.77 });
    expect(md).toContain('5769.23');
    expect(splitShared(0, 0, 0)).toEqual({ primary: 0, junior: 0 });
  });

  it('escapes text in both renderings (a pipe cannot break a table, markup cannot enter the page)', () => {
    const blocks = [
      { kind: 'table' as const, head: ['a|b'], rows: [['<script>x</script> | `c|d`']] },
      { kind: 'para' as const, text: 'see `<b>` & <i>' },
    ];
    const m = guideMarkdown(blocks);
    expect(m.split('\n').find((l) => l.startsWith('| a'))).toBe('| a\\|b |');
    expect(m).toContain('\\<script\\>x\\</script\\> \\| `c\\|d`');
    const hh = guideHtml(blocks);
    expect(hh).not.toContain('<script>');
    expect(hh).toContain('<code>&lt;b&gt;</code> &amp; &lt;i&gt;');
  });

  it('every heading id is unique (deep links from validation messages)', () => {
    const ids = guideBlocks().filter((b) => b.kind === 'heading').map((b) => (b as { id: string }).id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('what the guide promises about embargo holds in the pull-request check', () => {
  it('a misspelt embargoed file is an error of `npm run validate`, once (it would otherwise be published early)', async () => {
    const { fixtureCopy } = await import('./fixture-dir');
    const { validateDataDir } = await import('../src/lib/model/load');
    const { loadPublishableData } = await import('../src/lib/privacy/publishable');
    const portal = readFileSync(join(ROOT, 'tests/fixtures/minimal/portal.yml'), 'utf8');
    const f = fixtureCopy('minimal', { 'portal.yml': portal + 'embargo:\n  2025/fundng.csv: 2026-03-01\n  2025/outcomes.csv: 2026-02-30\n' });
    try {
      const r = await validateDataDir(f.dir);
      expect(r.ok).toBe(false);
      const msgs = r.issues.filter((i) => i.code === 'invalid-settings').map((i) => i.message);
      expect(msgs).toHaveLength(2);
      expect(msgs[0]).toContain('2025/fundng.csv');
      expect(msgs[1]).toContain('2026-02-30');
      const p = await loadPublishableData(f.dir, '2026-01-01');
      expect(p.issues.filter((i) => i.code === 'invalid-settings')).toHaveLength(2);
    } finally {
      f.cleanup();
    }
  });
});

describe('every command the guide tells a clerk to run exists', () => {
  it('npm run X → package.json scripts', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    const cmds = [...md.matchAll(/npm run (\w+)/g)].map((m) => m[1]);
    expect(cmds).toEqual(expect.arrayContaining(['validate', 'preview', 'build']));
    for (const c of new Set(cmds)) expect(pkg.scripts, c).toHaveProperty(c);
    expect(pkg.scripts).toHaveProperty('start');
  });
});
