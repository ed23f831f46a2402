import type { APIRoute } from 'astro';
import { pagePipeline } from '../lib/views/page-context';

/** Atom feed of data releases and corrections. */
export const GET: APIRoute = async () =>
  new Response(await (await pagePipeline()).distribution().feed(), { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
