/**
 * Vitest globalSetup: one scratch folder per test run, shared by every worker. It builds nothing
 * itself — the first test that calls buildSiteOnce() builds data/ into it (under a lock) and the
 * others reuse that build, so runs that need no site never pay for one.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    qualityRunDir: string;
  }
}

export default function setup(project: TestProject): () => void {
  const dir = mkdtempSync(join(tmpdir(), 'portal-test-run-'));
  project.provide('qualityRunDir', dir);
  process.env.QUALITY_RUN_DIR = dir;
  return () => {
    if (!process.env.QUALITY_KEEP_BUILD) rmSync(dir, { recursive: true, force: true });
  };
}
