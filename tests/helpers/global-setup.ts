/**
 * Vitest globalSetup: one scratch folder per test run, shared by every worker. It builds nothing
 * itself — the first test that calls buildSiteOnce() builds data/ into it (under a lock) and the
 * others reuse that build, so runs that need no site never pay for one.
 *
 * Its tmp/ subfolder is the TMPDIR of every test worker and of what they start (builds, git,
 * Chromium, LibreOffice), so whatever a test or a tool leaves in its temp folder goes when the run
 * ends — nothing is left in the system temp folder. QUALITY_KEEP_BUILD=1 keeps it all.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    qualityRunDir: string;
  }
}

export default function setup(project: TestProject): () => void {
  // Called once per project (unit, e2e): the projects of one run share the folder.
  const owner = String(process.pid);
  if (process.env.QUALITY_RUN_DIR && process.env.QUALITY_RUN_OWNER === owner) {
    project.provide('qualityRunDir', process.env.QUALITY_RUN_DIR);
    return () => {};
  }
  const dir = mkdtempSync(join(tmpdir(), 'portal-test-run-'));
  const tmp = join(dir, 'tmp');
  mkdirSync(tmp);
  project.provide('qualityRunDir', dir);
  // Workers start after the global setups and inherit this process's environment.
  process.env.QUALITY_RUN_DIR = dir;
  process.env.QUALITY_RUN_OWNER = owner;
  process.env.TMPDIR = tmp;
  return () => {
    if (process.env.QUALITY_KEEP_BUILD) console.log(`test run folder kept: ${dir}`);
    else rmSync(dir, { recursive: true, force: true });
  };
}
