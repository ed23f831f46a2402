import type { APIRoute } from 'astro';
import { builder } from '../../_shared';
import { fileResponse } from '../../_files';

export async function getStaticPaths() {
  const d = await (await builder()).distribution();
  return d.releases.flatMap((r) => (r.available ? r.files.map((f) => ({ params: { version: r.version, file: f.path } })) : []));
}

export const GET: APIRoute = async ({ params }) => fileResponse((await (await builder()).releaseFiles(params.version!))?.get(params.file!), params.file!);
