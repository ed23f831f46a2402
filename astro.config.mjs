// The build is driven by scripts/build.ts: it runs the pipeline (validation first) and passes
// base, site and the pipeline's input (Vite define __PORTAL_INPUT__) in Astro's inline config.
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';

export default defineConfig({
  trailingSlash: 'ignore',
  build: { format: 'directory', concurrency: 2 },
  integrations: [mdx()],
  devToolbar: { enabled: false },
});
