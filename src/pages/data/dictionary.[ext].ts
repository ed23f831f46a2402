import type { APIRoute } from 'astro';
import { builder } from './_shared';
import { fileResponse } from './_files';

// /data/dictionary.csv (Excel-ready) and /data/dictionary.json
export function getStaticPaths() {
  return [{ params: { ext: 'csv' } }, { params: { ext: 'json' } }];
}

export const GET: APIRoute = async ({ params }) => fileResponse((await builder()).extraFiles().get(`dictionary.${params.ext}`), `dictionary.${params.ext}`);
