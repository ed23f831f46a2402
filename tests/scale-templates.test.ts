/**
 * The multi-region CI templates (templates/github/workflows/portal-shards.yml,
 * templates/gitlab/.gitlab-ci-shards.yml) build one job per region in parallel, each with its own
 * data folder, output and download cache, and join the outputs with `npm run join` into the one
 * site they deploy. Checked as a bureau would copy them: the YAML parses and the commands are the
 * project's own.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const ROOT = resolve(import.meta.dirname, '..');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };

describe('multi-region CI templates', () => {
  it('GitHub Actions: a matrix job per region builds its own folder; one job joins them; the joined site is deployed', () => {
    const wf = parse(readFileSync(join(ROOT, 'templates/github/workflows/portal-shards.yml'), 'utf8'));
    const shard = wf.jobs.shard;
    expect(shard.strategy.matrix.shard.length).toBeGreaterThan(1);
    const steps = shard.steps.map((s: { run?: string }) => s.run ?? '').join('\n');
    expect(steps).toContain('npm run build -- --data "regions/${{ matrix.shard }}/data" --out "shards/${{ matrix.shard }}" --cache');
    expect(shard.steps.some((s: { uses?: string; with?: { path?: string } }) => s.uses?.startsWith('actions/cache') && s.with?.path?.includes('${{ matrix.shard }}'))).toBe(true);
    expect(wf.jobs.join.needs).toBe('shard');
    expect(wf.jobs.join.steps.map((s: { run?: string }) => s.run ?? '').join('\n')).toContain('npm run join -- --out site');
    expect(wf.jobs.deploy.needs).toBe('join');
  });

  it('GitLab CI: parallel:matrix jobs per region, a join job, pages publishes the joined site', () => {
    const ci = parse(readFileSync(join(ROOT, 'templates/gitlab/.gitlab-ci-shards.yml'), 'utf8'));
    expect(ci.shard.parallel.matrix[0].SHARD.length).toBeGreaterThan(1);
    expect(ci.shard.script.join('\n')).toContain('npm run build -- --data "regions/$SHARD/data" --out "shards/$SHARD" --cache');
    expect(ci.shard.artifacts.paths).toEqual(['shards/$SHARD']);
    expect(ci.join.script.join('\n')).toContain('npm run join -- --out public shards/*');
    expect(ci.pages.needs).toEqual(['join']);
    expect(ci.pages.artifacts.paths).toEqual(['public']);
  });

  it('the commands they run exist', () => {
    expect(pkg.scripts.build).toBeDefined();
    expect(pkg.scripts.join).toBe('tsx scripts/join.ts');
  });
});
