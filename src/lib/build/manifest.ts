/** The distribution manifest passed from the build's first stage to the pages' process, as JSON. */
import { readFileSync } from 'node:fs';
import type { Distribution } from '../export/distribution';

export function distributionJson(d: Distribution): string {
  return JSON.stringify({ ...d, lastChanged: [...d.lastChanged] });
}

export function readDistribution(file: string): Distribution {
  const raw = JSON.parse(readFileSync(file, 'utf8')) as Omit<Distribution, 'lastChanged'> & { lastChanged: [string, { version: string; date: string }][] };
  return { ...raw, lastChanged: new Map(raw.lastChanged) };
}
