import type { APIRoute } from 'astro';
import { pagePortal } from '../../lib/views/page-context';
import { mapCsv } from '../../lib/views/map';
import { portalBoundaries } from '../../lib/charts/map-boundaries';

// /map/schools.csv: the table of the map (school, county, stage, verdict, coordinates).
export const GET: APIRoute = async () => {
  const p = await pagePortal();
  return new Response(mapCsv(p, portalBoundaries(p)), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
