/**
 * /guide/ as a page a clerk can read on a phone: the guide's blocks (src/lib/publishing/guide.ts)
 * grouped by their level-2 sections, each section collapsed under its heading, tables as
 * label/value cards on narrow screens (every cell carries its column name), code that wraps.
 * The text is the same as docs/publisher-guide.md; only the layout differs.
 */
import { guideBlocks, guideHtml, guideToc, type Block } from '../publishing/guide';

export interface GuideSection {
  readonly id: string;
  readonly title: string;
  /** HTML of the section's body (escaped by the guide's own renderer). */
  readonly html: string;
}

export interface GuideView {
  /** HTML before the first section (title and introduction), shown open. */
  readonly intro: string;
  readonly toc: readonly { id: string; text: string }[];
  readonly sections: readonly GuideSection[];
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const inline = (s: string) =>
  s
    .split(/(`[^`]*`)/)
    .map((part, i) => (i % 2 === 1 ? `<code>${esc(part.slice(1, -1))}</code>` : esc(part)))
    .join('');

/** A guide table that reads as one card per row on a phone (the column names become labels). */
export function stackedTableHtml(b: Extract<Block, { kind: 'table' }>): string {
  const head = b.head.map((c) => `<th scope="col">${inline(c)}</th>`).join('');
  const rows = b.rows
    .map(
      (r) =>
        '<tr>' +
        r
          .map((c, i) =>
            i === 0
              ? `<th scope="row">${inline(c).replace(/\n/g, '<br>')}</th>`
              : `<td data-label="${esc(b.head[i] ?? '')}">${inline(c).replace(/\n/g, '<br>')}</td>`,
          )
          .join('') +
        '</tr>',
    )
    .join('');
  return `<table class="stack guide-table"><thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table>`;
}

const render = (blocks: readonly Block[]) => blocks.map((b) => (b.kind === 'table' ? stackedTableHtml(b) + '\n' : guideHtml([b]))).join('');

export function guideView(blocks: readonly Block[] = guideBlocks()): GuideView {
  const starts = blocks.flatMap((b, i) => (b.kind === 'heading' && b.level === 2 ? [i] : []));
  const first = starts[0] ?? blocks.length;
  const sections = starts.map((s, k) => {
    const h = blocks[s] as Extract<Block, { kind: 'heading' }>;
    return { id: h.id, title: h.text, html: render(blocks.slice(s + 1, starts[k + 1] ?? blocks.length)) };
  });
  return { intro: render(blocks.slice(0, first)), toc: guideToc(blocks), sections };
}
