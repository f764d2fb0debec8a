"""Rendered pages cached on disk by the hash of what they are made from.

A page is re-rendered only when one of its inputs changed: the key of a document page
is the digest of its TEI file, its annotation file and the registries; a cross-document
page (an entity's mentions, an indicator's figures, the indexes) hashes what it shows of
the documents it draws on (:mod:`.keys`).
Every key is salted with the digest of the generator itself (duizhao's code and the
templates), so a change of code never serves a stale page. Entries not used by a build
are removed at its end.
"""

from __future__ import annotations

import hashlib
import sys
from collections.abc import Callable
from pathlib import Path

from .. import __version__

PACKAGE = Path(__file__).resolve().parent.parent  # tools/duizhao


def code_digest() -> str:
    """Digest of the generator: every module of the site package and the page templates,
    whether imported yet or not (``charts`` is imported only by the first indicator page),
    plus the other duizhao modules loaded (the loaders, checks and exporters the site runs).
    Code that is not used (the recommenders, the CLI) does not invalidate the cache."""
    h = hashlib.sha256(__version__.encode())
    loaded = {Path(m.__file__).resolve() for name, m in list(sys.modules.items())
              if (name == "duizhao" or name.startswith("duizhao.")) and getattr(m, "__file__", None)}
    site = PACKAGE / "site"
    for path in sorted(loaded | set(site.glob("*.py")) | set(site.joinpath("templates").glob("*.html"))):
        h.update(str(path.relative_to(PACKAGE)).encode())
        h.update(path.read_bytes())
    return h.hexdigest()


class RenderCache:
    def __init__(self, directory: Path, salt: str):
        self.directory = directory
        self.salt = salt
        self.used: set[str] = set()
        self.hits = 0
        self.misses = 0

    def key(self, *parts: object) -> str:
        return hashlib.sha256(repr((self.salt, parts)).encode()).hexdigest()

    def _path(self, key: str) -> Path:
        return self.directory / key[:2] / f"{key}.html"

    def has(self, key: str) -> bool:
        return self._path(key).is_file()

    def keep(self, key: str) -> None:
        """Keep the entry for ``key`` (not pruned) without reading it."""
        self.used.add(key)

    def get(self, key: str, render: Callable[[], str]) -> str:
        """The cached text for ``key``, rendering (and storing) it when there is none."""
        self.used.add(key)
        path = self._path(key)
        try:
            text = path.read_text(encoding="utf-8")
            self.hits += 1
            return text
        except OSError:
            pass
        text = render()
        self.misses += 1
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_suffix(".tmp")
            tmp.write_text(text, encoding="utf-8")
            tmp.replace(path)
        except OSError:  # a read-only checkout still builds, only slower
            pass
        return text

    def prune(self) -> None:
        """Remove the entries this build did not use."""
        if not self.directory.is_dir():
            return
        for path in self.directory.glob("*/*.html"):
            if path.stem not in self.used:
                path.unlink(missing_ok=True)
