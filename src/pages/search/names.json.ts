// /search/names.json: the name index the search page matches before asking Pagefind
// (src/lib/views/search.ts builds it; src/lib/views/search-client.ts reads it).
import { pagePortal } from '../../lib/views/page-context';
import { nameIndex } from '../../lib/views/search';

export async function GET() {
  const p = await pagePortal();
  return new Response(JSON.stringify(nameIndex(p)), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
}
