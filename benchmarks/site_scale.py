"""How the site scales: build time and the search payload of one query.

For the real corpus and synthetic corpora (default 100 and 1,000 documents, made from the
real ones under new ids by ``check_scale.generate``, in build/bench/, never committed):

* **build** — ``mkdocs build`` of the duizhao site, cold (empty render cache) and warm
  (unchanged inputs), against a *bare* Material build of the same text as plain
  Markdown (every document as a page in each language tree, zh and en paragraphs, the
  theme's built-in search with jieba): the ratio is duizhao / bare, cold.
* **search** — in headless Chromium, one Chinese query on a fresh search page: bytes
  fetched for it (everything requested after the page has loaded) and the time from
  submitting it to the results, for the duizhao site (Pagefind) and for the bare build
  (the theme's search: its index is fetched whole).

Documents without an annotation file get one synthesised from the corpus (every
registered term and entity name found by ``duizhao.names``, every number found by
``duizhao.numbers`` as a figure), so that pages carry a realistic load of highlights.

    .venv/bin/python benchmarks/site_scale.py [--sizes real 100 1000] [--query 链长制]
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))

from check_scale import generate  # noqa: E402  (the lead's synthetic corpus generator)

from duizhao.names import corpus_names  # noqa: E402
from duizhao.numbers import find_numbers  # noqa: E402
from duizhao.project import Project  # noqa: E402
from duizhao.site import search  # noqa: E402
from duizhao.site.config import write_config  # noqa: E402
from duizhao.site.data import SiteData  # noqa: E402

OUT = REPO / "build" / "bench" / "site"
CHROMIUM = "/usr/bin/chromium"
MKDOCS = [sys.executable, "-m", "mkdocs"]
MAX_SYNTHETIC_FIGURES = 8  # per segment


def real_corpus(dest: Path) -> None:
    if dest.exists():
        shutil.rmtree(dest)
    dest.mkdir(parents=True)
    for part in ("corpus", "annotations"):
        shutil.copytree(REPO / part, dest / part)


def annotate_missing(root: Path) -> int:
    """Give every document without an annotation file a synthesised one; return how many."""
    project = Project(root)
    names = corpus_names(project)
    by_segment: dict[tuple[str, str], list] = {}
    for occ in names.occurrences:
        by_segment.setdefault((occ.doc, occ.segment), []).append(occ.match)
    made = 0
    for doc in project.documents.values():
        path = root / "annotations" / f"{doc.id}.yaml"
        if path.exists():
            continue
        lines = ["# yaml-language-server: $schema=schema/annotations.schema.json", f"document: {doc.id}",
                 "annotations:"]
        n = 0
        for seg in doc.segments:
            spans = []
            for match in by_segment.get((doc.id, seg.id), []):
                kind, rid = match.refs[0]
                spans.append((match.start, match.end, kind, {kind: rid}))
            taken = [(s, e) for s, e, _, _ in spans]
            for num in find_numbers(seg.zh)[:MAX_SYNTHETIC_FIGURES]:
                if num.unit is None or any(s < num.end and num.start < e for s, e in taken):
                    continue
                fields = {"value": num.value, "unit": num.unit, "scale": num.scale, "qualifier": num.qualifier}
                if num.value_max is not None:
                    fields["value_max"] = num.value_max
                spans.append((num.start, num.end, "figure", fields))
            for start, end, kind, fields in sorted(spans, key=lambda s: (s[0], -s[1])):
                quote = seg.zh[start:end]
                count = seg.zh.count(quote)
                n += 1
                lines += [f"  - id: {doc.id}.a{n:04d}", f"    type: {kind}", f"    segment: {seg.id}",
                          f"    quote: {json.dumps(quote, ensure_ascii=False)}"]
                if count > 1:  # the whole text before it singles it out
                    lines.append(f"    prefix: {json.dumps(seg.zh[:start], ensure_ascii=False)}" if start else
                                 f"    suffix: {json.dumps(seg.zh[end:], ensure_ascii=False)}")
                lines += ["    status: accepted", "    source: manual"]
                lines += [f"    {k}: {json.dumps(v, ensure_ascii=False)}" for k, v in fields.items()]
        if n == 0:
            lines[-1] = "annotations: []"
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        made += 1
    return made


def bare_site(root: Path, dest: Path) -> Path:
    """The same text as plain Markdown pages in a bare Material site; return its config."""
    docs = dest / "docs"
    if dest.exists():
        shutil.rmtree(dest)
    project = Project(root)
    for doc in project.documents.values():
        lines = []
        for seg in doc.segments:
            tr = doc.translations.get(seg.id)
            lines += [seg.zh, "", tr.en if tr else "", ""]
        for lang in ("en", "zh"):
            page = docs / lang / "documents" / f"{doc.id}.md"
            page.parent.mkdir(parents=True, exist_ok=True)
            title = doc.titles.get(lang) or doc.id
            page.write_text(f"# {title}\n\n" + "\n".join(lines), encoding="utf-8")
    (docs / "index.md").write_text("# Corpus\n", encoding="utf-8")
    # the glossary, entity and indicator names as jieba's user dictionary (one word a line)
    (dest / "userdict.txt").write_text("\n".join(search.dictionary(SiteData(project))) + "\n", encoding="utf-8")
    config = dest / "mkdocs.yml"
    config.write_text(
        "site_name: bare\nsite_dir: site\ndocs_dir: docs\n"
        "theme:\n  name: material\n  font: false\n"
        "plugins:\n  - search:\n      separator: '[\\s\\u200b\\-]'\n"
        f"      jieba_dict_user: {dest / 'userdict.txt'}\n", encoding="utf-8")
    return config


def timed_build(config: Path) -> tuple[float, float]:
    """(wall seconds, CPU seconds of the build and every process it started)."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run([*MKDOCS, "build", "-q", "-f", str(config)], capture_output=True, text=True, env=env)
    took = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        raise SystemExit(f"build of {config} failed:\n{done.stdout}\n{done.stderr}")
    return took, (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)


class Server:
    def __init__(self, directory: Path, port: int):
        self.url = f"http://127.0.0.1:{port}/"
        self.process = subprocess.Popen([sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1",
                                         "-d", str(directory)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(0.5)

    def __enter__(self) -> "Server":
        return self

    def __exit__(self, *exc: object) -> None:
        self.process.terminate()
        self.process.wait()


def _browser(p):
    return p.chromium.launch(executable_path=CHROMIUM,
                             args=["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"])


SEARCH_URLS = ("search", "lunr")  # search.js + worker + Pagefind bundles; search_index.json + the theme's worker


def _duizhao_query(page, url: str, query: str, warmed: bool) -> tuple[float, int]:
    """Milliseconds from a query to its results, and how many: on the search page as a
    reader finds it (``warmed``: the page has loaded the engine, the Chinese bundle's entry
    and the dictionary while it was being opened, as it does for every reader) or on a page
    whose engine has not started (the query waits for all of it)."""
    if not warmed:
        page.goto(url + "zh/search/", wait_until="domcontentloaded")  # the query races the warm-up
    page.wait_for_function("window.duizhaoSearch !== undefined")
    if warmed:
        page.wait_for_load_state("networkidle")
    ms, total = page.evaluate("""async (q) => {
        const t = performance.now();
        const found = await window.duizhaoSearch.search(q);
        return [performance.now() - t, found.total];
    }""", query)
    page.wait_for_load_state("networkidle")
    return ms, total


def search_payload(site: Path, query: str, bare: bool) -> dict:
    """One query on a freshly opened page: the search bytes fetched since the page was
    opened (the theme fetches its whole index at load, Pagefind the engine and what the
    query needs) and the milliseconds until its answer (the theme: until its index is
    loaded, plus the query; duizhao: from the query on the loaded search page, and apart,
    ``cold_start_ms``, on a page queried as soon as it opens, engine start included)."""
    from playwright.sync_api import sync_playwright

    with Server(site, 8790) as server, sync_playwright() as p:
        browser = _browser(p)
        page = browser.new_page()
        fetched: list[tuple[str, int, int]] = []

        def on_response(response) -> None:
            if any(part in response.url[len(server.url):] for part in SEARCH_URLS):
                try:
                    body = response.body()
                except Exception:  # redirects and aborted requests have no body
                    return
                fetched.append((response.url, len(body), len(gzip.compress(body))))

        page.on("response", on_response)
        if bare:  # the theme loads its whole index first ("Initializing search"), then answers
            opened = time.perf_counter()
            page.goto(server.url, wait_until="domcontentloaded")
            meta = "document.querySelector('.md-search-result__meta').textContent"
            page.wait_for_function(f"() => /Type to start/.test({meta})", timeout=600_000)  # index loaded
            ready_ms = (time.perf_counter() - opened) * 1000
            start = time.perf_counter()
            page.click("input.md-search__input")
            page.keyboard.type(query)  # the theme reacts to key events, not to a filled value
            page.keyboard.press("End")
            page.wait_for_function(f"() => /matching document/.test({meta})", timeout=600_000)
        else:  # timed in the page: from the query to its results (fetches included)
            cold_ms, _ = _duizhao_query(browser.new_page(), server.url, query, warmed=False)
            page.goto(server.url + "zh/search/", wait_until="domcontentloaded")
            found = _duizhao_query(page, server.url, query, warmed=True)
            one_query = list(fetched)  # what the page and the first query cost; the next one is timed apart
            warm_ms = page.evaluate("""async () => {
                const t = performance.now();
                await window.duizhaoSearch.search("专精特新");
                return performance.now() - t;
            }""")
            fetched[:] = one_query
        ms = (time.perf_counter() - start) * 1000 + ready_ms if bare else found[0]
        page.wait_for_load_state("networkidle")
        results = (page.evaluate("document.querySelectorAll('.md-search-result__item').length") if bare
                   else found[1])
        browser.close()
    return {"bytes": sum(b for _, b, _ in fetched), "gzip_bytes": sum(g for _, _, g in fetched),
            "requests": len(fetched), "ms": round(ms), "results": results,
            "next_query_ms": None if bare else round(warm_ms),
            "cold_start_ms": None if bare else round(cold_ms),
            "index_ready_ms": round(ready_ms) if bare else None,
            "largest": sorted(((b, u.rsplit("/", 1)[-1]) for u, b, _ in fetched), reverse=True)[:3]}


def measure_search(size: str, query: str) -> dict:
    """Only the search measurements, on the sites of an earlier run (``--search-only``)."""
    root = OUT / f"corpus-{size}"
    return {"size": size, "search": search_payload(root / "build" / "site", query, bare=False),
            "bare_search": search_payload(OUT / f"bare-{size}" / "site", query, bare=True)}


def run(size: str, query: str) -> dict:
    root = OUT / f"corpus-{size}"
    if size == "real":
        real_corpus(root)
    else:
        (root / "build").mkdir(parents=True, exist_ok=True)
        generate(root, int(size))
    synthesised = annotate_missing(root)
    documents = len(list((root / "corpus").glob("*.xml")))
    site = root / "build" / "site"
    config = write_config(root, site)
    shutil.rmtree(root / "build" / "cache", ignore_errors=True)
    cold = timed_build(config)
    warm = timed_build(config)
    edited = sorted((root / "annotations").glob("*-*.yaml"))[0]  # one annotation file changes
    original = edited.read_text(encoding="utf-8")
    edited.write_text(original + "# edited\n", encoding="utf-8")
    one_changed = timed_build(config)
    edited.write_text(original, encoding="utf-8")
    bare_config = bare_site(root, OUT / f"bare-{size}")
    bare = timed_build(bare_config)
    ours = search_payload(site, query, bare=False)
    theirs = search_payload(bare_config.parent / "site", query, bare=True)
    return {"size": size, "documents": documents, "synthesised_annotation_files": synthesised,
            "build_cold_s": round(cold[0], 1), "build_warm_s": round(warm[0], 1),
            "build_one_changed_s": round(one_changed[0], 1), "bare_s": round(bare[0], 1),
            "ratio": round(cold[0] / bare[0], 2),
            "cpu_cold_s": round(cold[1], 1), "cpu_bare_s": round(bare[1], 1), "cpu_ratio": round(cold[1] / bare[1], 2),
            "search": ours, "bare_search": theirs}


def table(rows: list[dict]) -> str:
    out = ["| corpus | docs | duizhao build cold / unchanged / one file changed (s) | bare Material (s) "
           "| ratio cold wall (CPU) | query: duizhao (Pagefind) | query: bare Material |",
           "|---|---:|---:|---:|---:|---|---|"]
    for r in rows:
        s, b = r["search"], r["bare_search"]
        out.append(
            f"| {r['size']} | {r['documents']} | {r['build_cold_s']} / {r['build_warm_s']} / {r['build_one_changed_s']} "
            f"| {r['bare_s']} | "
            f"{r['ratio']}× ({r['cpu_ratio']}×) | {s['bytes'] / 1e6:.2f} MB ({s['gzip_bytes'] / 1e6:.2f} MB gz), {s['requests']} req, "
            f"{s['ms']} ms (next query {s['next_query_ms']} ms; on a page just opened {s.get('cold_start_ms')} ms), {s['results']} hits | {b['bytes'] / 1e6:.2f} MB ({b['gzip_bytes'] / 1e6:.2f} MB gz), "
            f"{b['requests']} req, {b['ms']} ms, {b['results']} hits |")
    return "\n".join(out)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", nargs="+", default=["real", "100", "1000"])
    parser.add_argument("--query", default="链长制")
    parser.add_argument("--search-only", action="store_true", help="measure search again on the sites already built")
    args = parser.parse_args()
    results = OUT / "results.json"  # one row per size: a run replaces the rows of its sizes only
    earlier = {r["size"]: r for r in json.loads(results.read_text(encoding="utf-8"))} if results.exists() else {}
    for size in args.sizes:
        print(f"… {size}", file=sys.stderr, flush=True)
        if args.search_only:
            if size not in earlier:
                parser.error(f"no earlier run of size {size} in {results}: run it without --search-only first")
            earlier[size] = {**earlier[size], **measure_search(size, args.query)}
        else:
            earlier[size] = run(size, args.query)
        print(json.dumps(earlier[size], ensure_ascii=False), file=sys.stderr, flush=True)
    order = {"real": 0}
    rows = sorted(earlier.values(), key=lambda r: (order.get(r["size"], 1), int(r["documents"])))
    results.write_text(json.dumps(rows, ensure_ascii=False, indent=2), encoding="utf-8")
    print(table(rows))


if __name__ == "__main__":
    main()
