/* duizhao search worker: runs Pagefind off the page. Pagefind re-segments queries in
   Chinese pages with Intl.Segmenter, which would split dictionary words (链长制) that
   the index keeps whole; in a worker there is no page language, so the query arrives
   as search.js cut it. One Pagefind instance per language bundle. */
const bundles = new Map();

function bundle(url) {
  if (!bundles.has(url)) {
    bundles.set(url, import(url + "pagefind.js").then(async (pagefind) => {
      await pagefind.options({ excerptLength: 40 });
      await pagefind.init();
      return pagefind;
    }));
  }
  return bundles.get(url);
}

let last = { key: null, found: null };  // the latest search, for "more results"

self.onmessage = async (event) => {
  const { id, url, query, offset = 0, limit } = event.data;
  try {
    const pagefind = await bundle(url);
    if (query === null) {  // warm-up: load the bundle before the reader has finished typing
      self.postMessage({ id, total: 0, results: [] });
      return;
    }
    const key = url + "\n" + query;
    if (last.key !== key) last = { key, found: await pagefind.search(query) };
    const found = last.found;
    const results = await Promise.all(found.results.slice(offset, offset + limit).map((r) => r.data()));
    self.postMessage({
      id,
      total: found.results.length,
      results: results.map((d) => ({ url: d.url, meta: d.meta, excerpt: d.excerpt })),
    });
  } catch (err) {
    self.postMessage({ id, error: String(err) });
  }
};
