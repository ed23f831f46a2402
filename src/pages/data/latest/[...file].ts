import type { APIRoute } from 'astro';
import { builder } from '../_shared';
import { fileResponse } from '../_files';

// /data/latest/… serves the same bytes as /data/releases/<latest version>/….
export async function getStaticPaths() {
  const latest = (await (await builder()).distribution()).latest;
  return latest ? latest.files.map((f) => ({ params: { file: f.path } })) : [];
}

export const GET: APIRoute = async ({ params }) => {
  const latest = (await (await builder()).distribution()).latest!;
  return fileResponse((await (await builder()).releaseFiles(latest.version))?.get(params.file!), params.file!);
};
