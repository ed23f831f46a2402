/**
 * Joining shards into one site. A province (or any region) is built as its own job
 * (`npm run build` with its own data folder and `base_path: /<name>/` in its portal.yml); the
 * join puts each shard's output at /<name>/ of one site and adds:
 *   /index.html         the list of shards (title and link of each)
 *   /search/index.html  one search over every shard: the first shard's Pagefind bundle, with every
 *                       other shard's index merged in the browser (Pagefind `mergeIndex`); each
 *                       result links into its own shard (Pagefind derives the URL prefix from
 *                       the bundle path, /<name>/pagefind/ → /<name>/)
 *   /shards.json        the shards, for tools
 * Nothing is rebuilt and no index is rebuilt: joining is copying, so it needs no more memory
 * than the largest file. Output is byte-identical for the same shards.
 */
import { constants, copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { walkFiles } from './place';

export interface Shard {
  /** The folder `npm run build --out` wrote. */
  readonly dir: string;
  /** Path segment it is served under (/<name>/): the shard's base_path. Default: the folder's name. */
  readonly name?: string;
}

export interface JoinedShard {
  readonly name: string;
  readonly base: string;
  readonly title: string;
  readonly files: number;
}

export class JoinError extends Error {}

const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
const unesc = (s: string) => s.replace(/&(lt|gt|quot|#39|amp);/g, (_, e: string) => ({ lt: '<', gt: '>', quot: '"', '#39': "'", amp: '&' })[e]!);

function shardTitle(html: string, name: string): string {
  const m = /<title>([^<]*)<\/title>/i.exec(html);
  return m ? unesc(m[1]).trim() : name;
}

/** Copies each shard to out/<name>/ and writes the joined home, search page and shards.json. */
export function joinShards(outDir: string, shards: readonly Shard[]): JoinedShard[] {
  const out = resolve(outDir);
  if (!shards.length) throw new JoinError('没有要合并的分片。');
  const seen = new Set<string>();
  const planned = shards.map((s) => {
    const dir = resolve(s.dir);
    const name = s.name ?? basename(dir);
    if (!NAME.test(name)) throw new JoinError(`分片名“${name}”只能包含字母、数字、点、下划线和连字符。`);
    if (seen.has(name)) throw new JoinError(`分片名“${name}”重复。`);
    seen.add(name);
    const index = join(dir, 'index.html');
    if (!existsSync(index)) throw new JoinError(`${dir} 不是生成好的网站（没有 index.html）：请先运行 npm run build -- --out ${dir}`);
    if (!existsSync(join(dir, 'pagefind', 'pagefind.js'))) throw new JoinError(`${dir} 没有搜索索引（pagefind/）。`);
    const html = readFileSync(index, 'utf8');
    const base = `/${name}/`;
    // Every link of a shard carries its base path: a shard built for “/” would link out of its folder.
    if (!html.includes(`href="${base}`)) {
      throw new JoinError(`分片 ${name} 的链接不在 ${base} 之下：请在它的 portal.yml 中设置 base_path: "${base}" 后重新生成。`);
    }
    return { dir, name, base, title: shardTitle(html, name) };
  });
  rmSync(out, { recursive: true, force: true });
  const joined: JoinedShard[] = [];
  for (const s of planned) {
    let files = 0;
    for (const f of walkFiles(s.dir)) {
      const dst = join(out, s.name, f);
      mkdirSync(dirname(dst), { recursive: true });
      copyFileSync(join(s.dir, f), dst, constants.COPYFILE_FICLONE);
      files++;
    }
    joined.push({ name: s.name, base: s.base, title: s.title, files });
  }
  mkdirSync(join(out, 'search'), { recursive: true });
  writeFileSync(join(out, 'index.html'), homePage(joined));
  writeFileSync(join(out, 'search', 'index.html'), searchPage(joined));
  writeFileSync(join(out, 'shards.json'), JSON.stringify({ shards: joined.map(({ name, base, title, files }) => ({ name, base, title, files })) }, null, 2) + '\n');
  return joined;
}

const STYLE = `body{font-family:system-ui,"PingFang SC","Microsoft YaHei",sans-serif;max-width:50rem;margin:0 auto;padding:1rem;line-height:1.6;color:#1a1a1a}
a{color:#0b57d0}input,button{font:inherit;padding:.4rem .6rem}ol{padding-left:1.2rem}li{margin:.6rem 0}.muted{color:#555}mark{background:#fff3a3}`;

function homePage(shards: readonly JoinedShard[]): string {
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>义务教育均衡发展数据门户</title><style>${STYLE}</style></head>
<body><main>
<h1>义务教育均衡发展数据门户</h1>
<p><a href="/search/">搜索全部地区的学校、县区和页面</a></p>
<h2>地区</h2>
<ul>
${shards.map((s) => `<li><a href="${esc(s.base)}">${esc(s.title)}</a></li>`).join('\n')}
</ul>
</main></body></html>
`;
}

function searchPage(shards: readonly JoinedShard[]): string {
  const bundles = shards.map((s) => ({ base: s.base, title: s.title }));
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>搜索 — 义务教育均衡发展数据门户</title><style>${STYLE}</style></head>
<body><main>
<p><a href="/">← 全部地区</a></p>
<h1>搜索全部地区</h1>
<form id="search-form" role="search" action="/search/">
<label for="q">学校、县区或页面名称</label>
<input id="q" name="q" type="search" autocomplete="off">
<button type="submit">搜索</button>
</form>
<p id="search-status" role="status" aria-live="polite"></p>
<ol id="search-results"></ol>
<noscript><p>搜索需要 JavaScript。也可以进入各地区的网站，使用学校名录查找学校。</p></noscript>
</main>
<script type="module">
const shards = ${JSON.stringify(bundles).replace(/</g, '\\u003c')};
const form = document.getElementById('search-form');
const status = document.getElementById('search-status');
const list = document.getElementById('search-results');
let pf = null;
async function load() {
  if (pf) return pf;
  pf = await import(shards[0].base + 'pagefind/pagefind.js');
  await pf.options({ excerptLength: 24 });
  await pf.init();
  // One search over every shard: the other shards' indexes are merged in the browser.
  for (const s of shards.slice(1)) await pf.mergeIndex(s.base + 'pagefind/');
  return pf;
}
function shardOf(url) {
  return shards.find((s) => url.startsWith(s.base));
}
// Page text comes from the data: only Pagefind's <mark> tags become elements, the rest is text.
function excerpt(el, html) {
  const unescape = (t) => t.replace(/&(lt|gt|quot|#39|#x27|amp);/g, (_, e) => ({ lt: '<', gt: '>', quot: '"', '#39': "'", '#x27': "'", amp: '&' })[e]);
  let mark = false;
  for (const part of html.split(/(<\\/?mark>)/)) {
    if (part === '<mark>') mark = true;
    else if (part === '</mark>') mark = false;
    else if (part) {
      const node = mark ? document.createElement('mark') : document.createTextNode('');
      node.textContent = unescape(part);
      el.append(node);
    }
  }
}
async function run(q) {
  list.replaceChildren();
  if (!q) { status.textContent = ''; return; }
  status.textContent = '正在搜索…';
  try {
    const p = await load();
    const res = await p.search(q);
    const data = await Promise.all(res.results.slice(0, 30).map((r) => r.data()));
    status.textContent = res.results.length ? '找到 ' + res.results.length + ' 个页面' + (res.results.length > 30 ? '，显示前30个' : '') + '。' : '没有找到。可以换一个词。';
    for (const d of data) {
      const li = document.createElement('li');
      const a = document.createElement('a');
      a.href = d.url;
      a.textContent = (d.meta && d.meta.title) || d.url;
      li.append(a);
      const s = shardOf(d.url);
      if (s) {
        const small = document.createElement('small');
        small.className = 'muted';
        small.textContent = ' ' + s.title;
        li.append(small);
      }
      const para = document.createElement('p');
      excerpt(para, d.excerpt || '');
      li.append(para);
      list.append(li);
    }
  } catch (e) {
    status.textContent = '搜索索引无法加载。请进入各地区的网站查找。';
  }
}
form.addEventListener('submit', (e) => {
  e.preventDefault();
  const q = String(new FormData(form).get('q') || '').trim();
  history.replaceState(null, '', q ? '?q=' + encodeURIComponent(q) : location.pathname);
  run(q);
});
const initial = new URLSearchParams(location.search).get('q');
if (initial) { document.getElementById('q').value = initial; run(initial.trim()); }
</script>
</body></html>
`;
}

/** `DIR` or `NAME=DIR` arguments of `npm run join`. */
export function parseShardArg(arg: string): Shard {
  const eq = arg.indexOf('=');
  if (eq > 0 && !arg.slice(0, eq).includes('/')) return { name: arg.slice(0, eq), dir: arg.slice(eq + 1) };
  return { dir: arg };
}

export function isDir(p: string): boolean {
  return existsSync(p) && statSync(p).isDirectory();
}
