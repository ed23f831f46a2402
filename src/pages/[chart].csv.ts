import type { APIRoute } from 'astro';
import { pagePortal } from '../lib/views/page-context';
import { homeChartFiles } from '../lib/views/home';

// /home-cv-<stage>.csv: the numbers of one chart of the home page (Excel-ready CSV).
export async function getStaticPaths() {
  return homeChartFiles(await pagePortal());
}

export const GET: APIRoute = ({ props }) => new Response((props as { csv: string }).csv, { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
