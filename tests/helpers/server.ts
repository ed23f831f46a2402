/**
 * The site's own static server (scripts/lib/serve.ts, used by `npm start`) on a random loopback
 * port, so browser tests see the site exactly as a reader of `npm start` would — and test that
 * server too. close() also drops Chromium's keep-alive connections so a test never hangs.
 */
import { serveStatic as serveSite } from '../../scripts/lib/serve';

export interface StaticServer {
  /** Full URL of the site root, with the base path and a trailing slash. */
  readonly url: string;
  readonly origin: string;
  readonly base: string;
  close(): Promise<void>;
}

export async function serveStatic(root: string, base = '/'): Promise<StaticServer> {
  const prefix = base.endsWith('/') ? base : base + '/';
  const s = await serveSite(root, { base: prefix, port: 0, host: '127.0.0.1' });
  const origin = `http://127.0.0.1:${s.port}`;
  return {
    url: origin + prefix,
    origin,
    base: prefix,
    close: () => {
      s.server.closeAllConnections?.();
      return s.close();
    },
  };
}
