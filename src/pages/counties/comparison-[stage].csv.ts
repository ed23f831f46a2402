import type { APIRoute } from 'astro';
import { pagePortal } from '../../lib/views/page-context';
import { comparisonFiles } from '../../lib/views/counties';

// /counties/comparison-primary.csv, comparison-junior.csv: the comparison tables of /counties/.
export async function getStaticPaths() {
  return comparisonFiles(await pagePortal());
}

export const GET: APIRoute = ({ props }) => new Response((props as { csv: string }).csv, { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
