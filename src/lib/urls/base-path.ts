/**
 * Every internal link and asset path goes through here, so a site served under a sub-path
 * (portal.yml base_path, e.g. “/jiaoyu/”) keeps working.
 */
export function normaliseBase(base: string | undefined | null): string {
  let b = (base ?? '/').trim() || '/';
  if (!b.startsWith('/')) b = '/' + b;
  if (!b.endsWith('/')) b += '/';
  return b.replace(/\/{2,}/g, '/');
}

export function withBase(base: string, path: string): string {
  const b = normaliseBase(base);
  return b + path.replace(/^\/+/, '');
}
