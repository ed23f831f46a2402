// The build is driven by scripts/build.ts, which validates data/ first and passes the portal
// settings through the environment (PORTAL_DATA, PORTAL_BASE, PORTAL_SITE).
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';

export default defineConfig({
  base: process.env.PORTAL_BASE || '/',
  site: process.env.PORTAL_SITE || undefined,
  trailingSlash: 'ignore',
  build: { format: 'directory', concurrency: 2 },
  integrations: [mdx()],
  devToolbar: { enabled: false },
});
