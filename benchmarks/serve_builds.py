"""The builds `mkdocs serve --dirty` runs after saves, timed in one process without the server
(no file events, page fetches or catch-up builds): what a save's build itself costs.

The served copy of ``live_loop.py`` (build/bench/live/site<size>; its first build takes
minutes at 1,000 documents, later runs reuse its caches) is built once, as the server's first
build, then once after each of ``--saves`` saves. Before each save, the follower (the exports,
checks and search that a save's build starts behind it) is let finish and the catch-up build
the server would then run is run, untimed: the timed builds are a save's own, with the
follower of the save before not yet at work. ``--profile DIR`` writes each save's build as
a cProfile file.

    .venv/bin/python benchmarks/serve_builds.py --size 1000 [--tei] [--saves 6] [--profile /tmp/prof]
"""

from __future__ import annotations

import argparse
import cProfile
import multiprocessing
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

from live_loop import _save, one_file, site_copy


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=5)
    parser.add_argument("--tei", action="store_true", help="save the TEI file (else the annotation file)")
    parser.add_argument("--saves", type=int, default=6)
    parser.add_argument("--profile", type=Path, help="a folder for a cProfile file per save")
    args = parser.parse_args()
    site = site_copy(args.size)
    sys.path.insert(0, str(site / "tools"))  # the copy's code, as the server runs it
    os.environ["NO_MKDOCS_2_WARNING"] = "1"
    os.chdir(site)
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    out, url = tempfile.mkdtemp(prefix="serve-builds-"), "http://127.0.0.1:8765/"

    def config():
        loaded = load_config("mkdocs.yml", site_dir=out)
        loaded.site_url = url
        return loaded
    first = config()
    first.plugins.on_startup(command="serve", dirty=True)
    started = time.perf_counter()
    build(first, serve_url=url, dirty=True)
    print(f"first build: {time.perf_counter() - started:.1f} s", flush=True)
    path = one_file(site)
    if args.tei:
        path = site / "corpus" / f"{path.stem}.xml"
    times = []
    try:
        for n in range(args.saves):
            while multiprocessing.active_children():  # the follower
                time.sleep(0.2)
            build(config(), serve_url=url, dirty=True)  # the catch-up build
            _save(path)
            profile = cProfile.Profile() if args.profile else None
            started = time.perf_counter()
            if profile is not None:
                profile.enable()
            build(config(), serve_url=url, dirty=True)
            if profile is not None:
                profile.disable()
                args.profile.mkdir(parents=True, exist_ok=True)
                profile.dump_stats(args.profile / f"save{n}.prof")
            times.append(time.perf_counter() - started)
    finally:
        first.plugins.on_shutdown()
    print(f"{args.size:,} documents, {'TEI' if args.tei else 'YAML'} saved: build after a save, median "
          f"{statistics.median(times):.2f} s ({' '.join(f'{t:.2f}' for t in times)})")


if __name__ == "__main__":
    main()
