import type { APIRoute } from 'astro';
import { portalDistribution } from '../lib/export/portal';

/** Atom feed of data releases and corrections. */
export const GET: APIRoute = async () =>
  new Response(await portalDistribution().feed(), { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
