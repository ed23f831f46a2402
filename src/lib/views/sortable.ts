/**
 * Sorting a rendered table in the browser (progressive enhancement of the /counties/ comparison):
 * without JavaScript the table stays in the order the view gave it (county code). Pure helpers
 * here, unit-tested; `enhanceSortable` wires them to a <table> (header buttons + aria-sort).
 */

/** A cell's sort key: “4/7（…）” → 4 ÷ 7; “0.312 ✓” → 0.312; “1,951” → 1951; text without a number → null. */
export function sortKey(text: string): number | null {
  const t = text.trim();
  const frac = /^(\d+)\/(\d+)/.exec(t);
  if (frac) return Number(frac[2]) ? Number(frac[1]) / Number(frac[2]) : null;
  const n = /^-?[\d,]*\.?\d+/.exec(t);
  return n ? Number(n[0].replace(/,/g, '')) : null;
}

/**
 * Row order for one column: numbers compared as numbers (cells without a number last, whatever
 * the direction), otherwise Chinese text order; ties keep the original (code) order.
 */
export function sortOrder(cells: readonly string[], dir: 'ascending' | 'descending', numeric: boolean): number[] {
  const idx = cells.map((_, i) => i);
  const sign = dir === 'ascending' ? 1 : -1;
  if (numeric) {
    const keys = cells.map(sortKey);
    return idx.sort((a, b) => {
      const ka = keys[a];
      const kb = keys[b];
      if (ka === null || kb === null) return ka === kb ? a - b : ka === null ? 1 : -1;
      return (ka - kb) * sign || a - b;
    });
  }
  return idx.sort((a, b) => cells[a].localeCompare(cells[b], 'zh-CN') * sign || a - b);
}

/** Adds a sort button to each column header of the table; clicking sorts, again reverses. */
export function enhanceSortable(table: HTMLTableElement): void {
  const body = table.tBodies[0];
  const heads = Array.from(table.tHead?.rows[0]?.cells ?? []);
  if (!body || !heads.length) return;
  heads.forEach((th, col) => {
    const label = th.textContent ?? '';
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'sort-button';
    button.textContent = label;
    button.setAttribute('aria-label', `按“${label}”排列`);
    th.textContent = '';
    th.appendChild(button);
    button.addEventListener('click', () => {
      const dir = th.getAttribute('aria-sort') === 'ascending' ? 'descending' : 'ascending';
      for (const h of heads) h.removeAttribute('aria-sort');
      th.setAttribute('aria-sort', dir);
      const rows = Array.from(body.rows);
      const order = sortOrder(rows.map((r) => r.cells[col]?.textContent ?? ''), dir, th.classList.contains('num'));
      for (const i of order) body.appendChild(rows[i]);
    });
  });
  table.classList.add('is-sortable');
}
