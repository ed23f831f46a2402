/** Open-data distribution: downloads, dictionary, datapackage, releases, diffs, feed. No Astro here. */
export * from './table';
export * from './cells';
export * from './csv';
export * from './json';
export * from './checksums';
export * from './dictionary';
export * from './datapackage';
export * from './diff';
export * from './citation';
export * from './feed';
export * from './sitemap';
export * from './zip';
export * from './releases';
export * from './data-tables';
export * from './indicator-tables';
export * from './release-build';
export * from './distribution';
