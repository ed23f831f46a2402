// Bytes of download files for the static endpoints. Content types matter for dev preview only;
// in dist/ the extension decides.
export const CONTENT_TYPES: Record<string, string> = {
  csv: 'text/csv; charset=utf-8',
  json: 'application/json; charset=utf-8',
  zip: 'application/zip',
  md: 'text/markdown; charset=utf-8',
  txt: 'text/plain; charset=utf-8',
};

export function fileResponse(bytes: Uint8Array | undefined, path: string): Response {
  if (!bytes) return new Response('未找到该文件', { status: 404 });
  const ext = path.includes('.') ? path.slice(path.lastIndexOf('.') + 1) : 'txt';
  return new Response(bytes as unknown as BodyInit, { headers: { 'Content-Type': CONTENT_TYPES[ext] ?? 'text/plain; charset=utf-8' } });
}
