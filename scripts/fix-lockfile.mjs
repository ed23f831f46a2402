#!/usr/bin/env node
// The npm registry mirror reachable from this project's machines lacks some other-platform
// builds (e.g. @pagefind/darwin-arm64@1.6.0 is a 404 there), so `npm install` leaves them out of
// package-lock.json and `npm ci` then refuses the lock ("Missing: … from lock file").
// This adds an entry for each missing optional platform package, marked optional with the os/cpu
// its name states, so npm ci skips it on other platforms exactly as it would with a full lock.
// Run after `npm install` changes dependencies: node scripts/fix-lockfile.mjs
import { readFileSync, writeFileSync } from 'node:fs';

const path = new URL('../package-lock.json', import.meta.url);
const lock = JSON.parse(readFileSync(path, 'utf8'));
const pkgs = lock.packages;
const OS = { darwin: 'darwin', linux: 'linux', win32: 'win32', windows: 'win32', freebsd: 'freebsd', android: 'android', wasi: 'wasi', sunos: 'sunos', aix: 'aix', openbsd: 'openbsd', netbsd: 'netbsd' };
const CPU = ['arm64', 'x64', 'arm', 'ia32', 'wasm32', 'ppc64', 's390x', 'riscv64', 'loong64', 'mips64el'];
let added = 0;
for (const [key, entry] of Object.entries(pkgs)) {
  for (const [dep, version] of Object.entries(entry.optionalDependencies ?? {})) {
    const depKey = `node_modules/${dep}`;
    if (pkgs[depKey] || pkgs[`${key}/node_modules/${dep}`]) continue;
    const parts = dep.split('/').pop().split('-');
    const os = parts.map((p) => OS[p]).filter(Boolean);
    const cpu = parts.filter((p) => CPU.includes(p));
    if (os.length === 0 && cpu.length === 0) continue; // not a platform build: leave it to npm
    pkgs[depKey] = {
      version: String(version).replace(/^[\^~]/, ''),
      dev: entry.dev || undefined,
      optional: true,
      ...(os.length ? { os: [...new Set(os)] } : {}),
      ...(cpu.length ? { cpu } : {}),
    };
    added++;
  }
}
lock.packages = Object.fromEntries(Object.entries(pkgs).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b))));
writeFileSync(path, JSON.stringify(lock, null, 2) + '\n');
console.log(`package-lock.json: ${added} missing optional platform entries added`);
