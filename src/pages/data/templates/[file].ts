import type { APIRoute } from 'astro';
import { builder } from '../_shared';
import { fileResponse } from '../_files';

export async function getStaticPaths() {
  return [...(await builder()).extraFiles().keys()].filter((p) => p.startsWith('templates/')).map((p) => ({ params: { file: p.slice('templates/'.length) } }));
}

export const GET: APIRoute = async ({ params }) => fileResponse((await builder()).extraFiles().get(`templates/${params.file}`), params.file!);
