/**
 * A tiny static file server for the built site, on a random free port of 127.0.0.1.
 * It serves dist/ under the site's base path (e.g. /jiaoyu/) exactly as a plain web host would:
 * directory → index.html, no rewriting, 404 for anything else. Every request is recorded so a
 * test can assert that a page asked for nothing it cannot have.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.zip': 'application/zip',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.wasm': 'application/wasm',
  '.pf_meta': 'application/octet-stream',
  '.pf_index': 'application/octet-stream',
  '.pf_fragment': 'application/octet-stream',
  '.pf_filter': 'application/octet-stream',
};

export interface ServedRequest {
  method: string;
  url: string;
  status: number;
}

export interface StaticServer {
  /** e.g. http://127.0.0.1:43123 — no trailing slash, no base path. */
  origin: string;
  /** origin + base, ending in '/': where the home page is. */
  root: string;
  port: number;
  requests: ServedRequest[];
  close(): Promise<void>;
}

/** Maps a URL path to a file inside dir, or null (outside the base, traversal, missing). */
export function resolveStaticPath(dir: string, base: string, urlPath: string): string | null {
  let path: string;
  try {
    path = decodeURIComponent(urlPath.split('?')[0].split('#')[0]);
  } catch {
    return null;
  }
  const b = base.endsWith('/') ? base : `${base}/`;
  if (path + '/' === b) path = b;
  if (!path.startsWith(b)) return null;
  const rel = normalize(path.slice(b.length));
  if (rel.startsWith('..') || rel.includes(`${sep}..${sep}`)) return null;
  let file = join(dir, rel);
  if (!file.startsWith(normalize(dir))) return null;
  if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
  if (!existsSync(file) || !statSync(file).isFile()) return null;
  return file;
}

export async function serveStatic(dir: string, base = '/'): Promise<StaticServer> {
  const requests: ServedRequest[] = [];
  const server: Server = createServer((req, res) => {
    const url = req.url ?? '/';
    const file = resolveStaticPath(dir, base, url);
    const status = file ? 200 : 404;
    requests.push({ method: req.method ?? 'GET', url, status });
    if (!file) {
      const notFound = resolveStaticPath(dir, base, `${base.endsWith('/') ? base : base + '/'}404.html`);
      res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' });
      if (notFound) createReadStream(notFound).pipe(res);
      else res.end('404');
      return;
    }
    res.writeHead(200, {
      'content-type': TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
      'cache-control': 'no-store',
    });
    if (req.method === 'HEAD') res.end();
    else createReadStream(file).pipe(res);
  });
  await new Promise<void>((ok, ko) => {
    server.once('error', ko);
    server.listen(0, '127.0.0.1', () => ok());
  });
  const port = (server.address() as AddressInfo).port;
  const origin = `http://127.0.0.1:${port}`;
  const b = base.endsWith('/') ? base : `${base}/`;
  return {
    origin,
    root: origin + b,
    port,
    requests,
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections?.();
        server.close(() => ok());
      }),
  };
}
