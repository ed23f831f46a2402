/**
 * A tiny static file server for the built site: serves OUT under the portal's base path, with
 * the MIME types Pagefind's files need. For `npm start` and for tests (random port).
 */
import { createReadStream, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';

export const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.webmanifest': 'application/manifest+json',
  '.wasm': 'application/wasm',
  '.zip': 'application/zip',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.pf_meta': 'application/octet-stream',
  '.pf_index': 'application/octet-stream',
  '.pf_fragment': 'application/octet-stream',
  '.pagefind': 'application/octet-stream',
};

export function mimeOf(path: string): string {
  const name = path.toLowerCase();
  if (name.endsWith('sha256sums')) return 'text/plain; charset=utf-8';
  return MIME[extname(name)] ?? 'application/octet-stream';
}

function fileAt(root: string, rel: string): string | null {
  const p = normalize(join(root, rel));
  if (p !== root && !p.startsWith(root + sep)) return null;
  try {
    const st = statSync(p);
    if (st.isFile()) return p;
    if (st.isDirectory()) {
      const idx = join(p, 'index.html');
      if (statSync(idx, { throwIfNoEntry: false })?.isFile()) return idx;
    }
  } catch {
    /* not found */
  }
  return null;
}

export interface Served {
  readonly server: Server;
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

/** Serves `dir` at http://host:port{base}. port 0 picks a free port. */
export function serveStatic(dir: string, opts: { base?: string; port?: number; host?: string } = {}): Promise<Served> {
  const root = resolve(dir);
  const base = opts.base ?? '/';
  const host = opts.host ?? '127.0.0.1';
  const server = createServer((req, res) => {
    let path: string;
    try {
      path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    } catch {
      res.writeHead(400).end('Bad request');
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    if (base !== '/' && (path === '/' || path === base.replace(/\/$/, ''))) {
      res.writeHead(302, { location: base }).end();
      return;
    }
    if (!path.startsWith(base)) return notFound(res, root);
    const rel = path.slice(base.length);
    // /schools/x without a trailing slash → the folder's index, as static hosts do.
    if (rel && !rel.endsWith('/') && !extname(rel) && fileAt(root, rel + '/')) {
      res.writeHead(301, { location: path + '/' }).end();
      return;
    }
    const file = fileAt(root, rel);
    if (!file) return notFound(res, root);
    res.writeHead(200, { 'content-type': mimeOf(file), 'cache-control': 'no-cache' });
    if (req.method === 'HEAD') res.end();
    else createReadStream(file).pipe(res);
  });
  function notFound(res: import('node:http').ServerResponse, r: string) {
    const page = fileAt(r, '404.html');
    res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' });
    if (page) createReadStream(page).pipe(res);
    else res.end('<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>未找到</title><p>页面不存在。</p></html>');
  }
  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(opts.port ?? 0, host, () => {
      const addr = server.address();
      const port = typeof addr === 'object' && addr ? addr.port : (opts.port ?? 0);
      ok({
        server,
        port,
        url: `http://${host === '0.0.0.0' ? 'localhost' : host}:${port}${base}`,
        close: () => new Promise((done) => server.close(() => done())),
      });
    });
  });
}
