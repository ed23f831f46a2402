/**
 * The schools directory in the browser (progressive enhancement of /schools/): the rows are all in
 * the HTML; this filters and sorts them in place from the form. Pure helpers here, unit-tested;
 * `enhanceDirectory` wires them to the form and table.
 */

/** What a row carries in its data-* attributes (views/directory.ts rowData). */
export interface RowData {
  readonly county?: string;
  readonly stage?: string;
  readonly ownership?: string;
  readonly locale?: string;
  readonly name?: string;
  readonly students?: string;
}

export type Criteria = Readonly<Record<'q' | 'county' | 'stage' | 'ownership' | 'locale', string>>;

const KEYS = ['county', 'stage', 'ownership', 'locale'] as const;

/** A row is shown when its name contains the query and every chosen filter matches. */
export function rowMatches(row: RowData, c: Criteria): boolean {
  const q = c.q.trim();
  return (!q || (row.name ?? '').includes(q)) && KEYS.every((k) => !c[k] || row[k] === c[k]);
}

const collator = new Intl.Collator('zh-CN');

/**
 * Display order for a sort choice: '' keeps the page order (county, then school code), 'name'
 * Chinese collation, 'students-asc' / 'students-desc' by students; schools without a published
 * figure stay at the end either way. Ties keep the page order.
 */
export function rowOrder(rows: readonly RowData[], sort: string): number[] {
  const idx = rows.map((_, i) => i);
  if (sort === 'name') return idx.sort((a, b) => collator.compare(rows[a].name ?? '', rows[b].name ?? '') || a - b);
  if (sort.startsWith('students')) {
    const dir = sort.endsWith('desc') ? -1 : 1;
    const n = (i: number) => (rows[i].students ? Number(rows[i].students) : NaN);
    return idx.sort((a, b) => {
      const na = n(a);
      const nb = n(b);
      if (Number.isNaN(na) || Number.isNaN(nb)) return Number.isNaN(na) === Number.isNaN(nb) ? a - b : Number.isNaN(na) ? 1 : -1;
      return dir * (na - nb) || a - b;
    });
  }
  return idx;
}

export const countText = (shown: number, total: number): string => `显示 ${shown} 所学校，共 ${total} 所`;

/** Shows the form and filters/sorts the table's rows whenever it changes. */
export function enhanceDirectory(form: HTMLFormElement, table: HTMLTableElement, count: HTMLElement | null): void {
  const tbody = table.tBodies[0];
  if (!tbody) return;
  form.hidden = false;
  const original = [...tbody.rows];
  const data = original.map((r) => ({ ...r.dataset }) as RowData);
  const apply = () => {
    const fd = new FormData(form);
    const get = (k: string) => String(fd.get(k) ?? '');
    const c: Criteria = { q: get('q'), county: get('county'), stage: get('stage'), ownership: get('ownership'), locale: get('locale') };
    let shown = 0;
    original.forEach((r, i) => {
      const ok = rowMatches(data[i], c);
      r.hidden = !ok;
      if (ok) shown++;
    });
    tbody.append(...rowOrder(data, get('sort')).map((i) => original[i]));
    if (count) count.textContent = countText(shown, original.length);
  };
  form.addEventListener('input', apply);
  form.addEventListener('change', apply);
  form.addEventListener('submit', (e) => e.preventDefault());
  apply();
}
