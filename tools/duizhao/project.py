"""Where things are in a duizhao repository, and loading them once.

A :class:`Project` knows the fixed layout (``corpus/``, ``annotations/``) and caches
every parsed file, keeping the parse problem instead of raising, so that checks,
exports and the site share one read of each file. YAML is read as plain data
(:func:`duizhao.yamlio.read_data`); with :meth:`Project.use_cache` the parsed data is also
kept on disk between runs, keyed by the file's bytes.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any

from lxml import etree

from . import yamlio
from .diskcache import DiskCache, code_digest, digest
from .errors import ProjectError
from .limits import MAX_FILE_BYTES
from .tei import Document, load_document
from .xmlsafe import XMLProblem

REGISTRIES = ("glossary", "entities", "indicators")
SCHEMA_FOR_YAML = {name: f"{name}.schema.json" for name in REGISTRIES}
ANNOTATION_SCHEMA = "annotations.schema.json"


def registry_key(name: str) -> str:
    """The key of a registry's list: ``terms`` in the glossary, else the registry's name."""
    return "terms" if name == "glossary" else name


def repeated_ids(items: list[Any]) -> list[tuple[int, int]]:
    """``(index, index of the first)`` of each registry item whose id an earlier item has."""
    first: dict[str, int] = {}
    out = []
    for index, item in enumerate(items):
        rid = item.get("id") if isinstance(item, dict) else None
        if isinstance(rid, str):
            if rid in first:
                out.append((index, first[rid]))
            else:
                first[rid] = index
    return out


@dataclass
class TEIFile:
    path: Path
    doc: Document | None
    problem: XMLProblem | None
    source: str | None = field(default=None, repr=False, compare=False)  # the text, when held in memory

    @property
    def kind(self) -> str:
        return "tei"

    @property
    def text(self) -> str:
        """The file's text (read again from disk unless the project holds it in memory)."""
        if self.source is None:
            return self.path.read_text(encoding="utf-8", errors="replace")
        return self.source


@dataclass
class YAMLFile:
    path: Path
    data: Any  # plain data when read by Project.yaml; round-trip data in the rewriting tools
    problem: yamlio.YAMLProblem | None
    text: str
    _positions: yamlio.Positions | None = field(default=None, repr=False, compare=False)
    _cached_positions: tuple[DiskCache, str] | None = field(default=None, repr=False, compare=False)

    @property
    def kind(self) -> str:
        """``glossary`` | ``entities`` | ``indicators`` | ``annotations``."""
        return self.path.stem if self.path.stem in REGISTRIES else "annotations"

    def position(self, path: Sequence[Any]) -> tuple[int, int]:
        """1-based (line, col) of the key or item at ``path`` (keys and list indexes), or of
        the nearest enclosing one; the file is re-read for positions only when asked."""
        if hasattr(self.data, "lc"):
            return yamlio.position(self.data, list(path))
        if self._positions is None:
            cached = self._cached_positions[0].get(self._cached_positions[1]) if self._cached_positions else None
            self._positions = (yamlio.Positions.restore(self.data, cached[0]) if cached
                               else yamlio.Positions.of(self.text, self.data))
        return self._positions.at(path)


    def value_position(self, path: Sequence[Any]) -> tuple[int, int]:
        """1-based (line, col) of the value of the key at the end of ``path`` when it is written
        on the key's line (``scale: 10000``: the ``1``), else of the key or item itself."""
        line, col = self.position(path)
        if not path or not isinstance(path[-1], str) or line < 1:
            return line, col
        text = self._line(line)
        colon = text.find(":", col - 1 + len(path[-1]))
        value = len(text[colon + 1:]) - len(text[colon + 1:].lstrip()) + colon + 1 if colon >= 0 else -1
        if value < 0 or value >= len(text) or text[value] == "#":
            return line, col
        return line, value + 1

    def _line(self, number: int) -> str:
        """Line ``number`` (1-based) of the file's text."""
        start = 0
        for _ in range(number - 1):
            start = self.text.find("\n", start) + 1
            if start == 0:
                return ""
        end = self.text.find("\n", start)
        return self.text[start:] if end < 0 else self.text[start:end]


@lru_cache(maxsize=None)
def shown_path(path: Path, cwd: Path) -> str:
    """``path`` relative to the working directory ``cwd`` when inside it (as editors expect)."""
    try:
        return str(path.relative_to(cwd.resolve()))
    except ValueError:
        return str(path)


def find_root(start: Path | None = None) -> Path:
    """The nearest directory at or above ``start`` with ``corpus/`` and ``annotations/``."""
    here = (start or Path.cwd()).resolve()
    for cand in (here, *here.parents):
        if (cand / "corpus").is_dir() and (cand / "annotations").is_dir():
            return cand
    raise ProjectError(f"no duizhao project (corpus/ and annotations/) at or above {here}")


Stat = tuple[int, int, int]  # size, mtime in ns, inode: a file unchanged since it was read


def file_stat(path: Path) -> Stat | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return (st.st_size, st.st_mtime_ns, st.st_ino)


class Project:
    def __init__(self, root: Path | str):
        self.root = Path(root).resolve()
        self.corpus_dir = self.root / "corpus"
        self.annotations_dir = self.root / "annotations"
        self.sources_dir = self.corpus_dir / "sources"
        self._tei: dict[Path, TEIFile] = {}
        self._yaml: dict[Path, YAMLFile] = {}
        self.parse_cache: DiskCache | None = None
        # YAML positions worked out in the parsing pass (12% more) rather than by a second
        # parse when a message asks: for ``duizhao check``, which asks for most of them.
        self.eager_positions = False
        self._only: frozenset[Path] | None = None  # a view's files (see view())
        # Texts being edited (the language server's open buffers), read instead of the files.
        self.overlay: dict[Path, str] = {}
        self._stats: dict[Path, Stat | None] = {}  # of the files read from disk, taken before reading

    @property
    def cache_dir(self) -> Path:
        return self.root / "build" / "cache"

    def use_cache(self) -> None:
        """Keep parsed YAML in ``build/cache/yaml/`` between runs (``duizhao check``)."""
        self.parse_cache = DiskCache(self.cache_dir / "yaml")

    @classmethod
    def discover(cls, start: Path | None = None) -> "Project":
        return cls(find_root(start))

    # -- files --------------------------------------------------------------------
    def view(self, paths: Iterable[Path]) -> "Project":
        """The same project seeing only ``paths`` among its corpus and annotation files (as
        :meth:`tei_paths`, :meth:`yaml_paths` and :attr:`documents`): a worker's share of a
        check. The registries and the files this project already parsed are shared."""
        view = Project(self.root)
        paths = [Path(p) for p in paths]
        view._only = frozenset([*paths, *(p.resolve() for p in paths)])
        view.parse_cache = self.parse_cache
        view.eager_positions = self.eager_positions
        view.overlay = self.overlay
        registries = {(self.annotations_dir / f"{name}.yaml").resolve() for name in REGISTRIES}
        view._yaml = {p: f for p, f in self._yaml.items() if p in view._only or p in registries}
        view._tei = {p: f for p, f in self._tei.items() if p in view._only}
        return view

    def carry(self, previous: "Project") -> None:
        """Take ``previous``'s parsed files that have not changed on disk since it read them (a
        long-running process — ``mkdocs serve`` — reads again only what a save touched)."""
        for mine, theirs in ((self._tei, previous._tei), (self._yaml, previous._yaml)):
            for path, parsed in theirs.items():
                stat = previous._stats.get(path)
                if stat is not None and path not in mine and file_stat(path) == stat:
                    mine[path], self._stats[path] = parsed, stat

    # Sorted by name as strings (one folder: the same order as paths, at a tenth of the cost).
    def tei_paths(self) -> list[Path]:
        return self._visible(sorted(self.corpus_dir.glob("*.xml"), key=str))

    def yaml_paths(self) -> list[Path]:
        return self._visible(sorted(self.annotations_dir.glob("*.yaml"), key=str))

    def _visible(self, paths: list[Path]) -> list[Path]:
        return paths if self._only is None else [p for p in paths if p in self._only]

    def tei(self, path: Path) -> TEIFile:
        if path in self._tei:  # a path as listed (the root is resolved): not resolved again
            return self._tei[path]
        path = Path(path).resolve()
        if path not in self._tei:
            source = self.overlay.get(path)
            if source is None:
                self._stats[path] = file_stat(path)
            try:
                doc = load_document(path) if source is None else load_document(path, source)
                self._tei[path] = TEIFile(path, doc, None, source)
            except XMLProblem as problem:
                self._tei[path] = TEIFile(path, None, problem, source)
        return self._tei[path]

    def yaml(self, path: Path) -> YAMLFile:
        if path in self._yaml:
            return self._yaml[path]
        path = Path(path).resolve()
        if path not in self._yaml:
            held = self.overlay.get(path)
            if held is None:
                self._stats[path] = file_stat(path)
            nbytes = path.stat().st_size if held is None else len(held.encode("utf-8"))
            if nbytes > MAX_FILE_BYTES:  # its first lines only, for the modeline check (Y004)
                with path.open("rb") as fh:
                    head = (fh.read(4096) if held is None else held[:4096].encode()).decode("utf-8", errors="replace")
                self._yaml[path] = YAMLFile(path, None, yamlio.too_large(nbytes), head)
                return self._yaml[path]
            raw = path.read_bytes() if held is None else held.encode("utf-8")
            text = raw.decode("utf-8", errors="replace")
            try:
                raw.decode("utf-8")
                self._yaml[path] = self._read_yaml(path, raw, text)
            except UnicodeDecodeError as exc:
                line = raw[: exc.start].count(b"\n") + 1
                problem = yamlio.YAMLProblem("Y001", f"not UTF-8: {exc.reason} at byte {exc.start}", line, 1)
                self._yaml[path] = YAMLFile(path, None, problem, text)
            except yamlio.YAMLProblem as problem:
                self._yaml[path] = YAMLFile(path, None, problem, text)
        return self._yaml[path]

    def _read_yaml(self, path: Path, raw: bytes, text: str) -> YAMLFile:
        """A YAML file's plain data, from the parse cache when its bytes were read before
        (its positions are cached beside it, and loaded only when a message needs them)."""
        if self.parse_cache is None:
            if not self.eager_positions:
                return YAMLFile(path, yamlio.read_data(text), None, text)
            data, positions = yamlio.read_data(text, with_positions=True)
            return YAMLFile(path, data, None, text, _positions=positions)
        key = digest(code_digest(), raw)
        where = (self.parse_cache, key + "-positions")
        cached = self.parse_cache.get(key)
        if cached is not None:
            return YAMLFile(path, cached[0], None, text, _cached_positions=where)
        data, positions = yamlio.read_data(text, with_positions=True)  # a file that does not parse is not cached
        self.parse_cache.put(key, (data,))
        self.parse_cache.put(where[1], (positions.state,))
        return YAMLFile(path, data, None, text, _cached_positions=where)

    # -- the corpus as data ----------------------------------------------------------
    @cached_property
    def documents(self) -> dict[str, Document]:
        """Every well-formed corpus document by id, in file order."""
        docs = (self.tei(p).doc for p in self.tei_paths())
        return {d.id: d for d in docs if d is not None}

    def unreadable(self) -> list[tuple[Path, str]]:
        """``(path, "CODE line:col: message")`` of every file read so far that could not be
        parsed: what a command working on the rest left out."""
        files = [*self._tei.values(), *self._yaml.values()]
        return sorted((f.path, f"{f.problem.code} {f.problem}") for f in files if f.problem is not None)

    def annotation_file(self, doc_id: str) -> YAMLFile | None:
        path = self.annotations_dir / f"{doc_id}.yaml"
        return self.yaml(path) if path.exists() else None

    def registry(self, name: str) -> list[dict[str, Any]]:
        """Entries of a registry (empty when missing or unreadable). An id written twice keeps
        its first entry: the later ones are left out, and said so (:meth:`repeated_ids`)."""
        items = self.registry_items(name)
        left_out = {index for index, _ in repeated_ids(items)}
        return [e for i, e in enumerate(items) if isinstance(e, dict) and i not in left_out]

    def registry_items(self, name: str) -> list[Any]:
        """The list of a registry as written (every item, repeated ids included)."""
        path = self.annotations_dir / f"{name}.yaml"
        data = self.yaml(path).data if path.exists() else None
        items = data.get(registry_key(name)) if isinstance(data, dict) else None
        return items if isinstance(items, list) else []

    def left_out(self) -> list[tuple[Path, str]]:
        """``(path, "line:col: message")`` of every registry entry left out because an earlier
        entry has its id (registries read so far): what :meth:`registry` drops."""
        out = []
        for name in REGISTRIES:
            path = (self.annotations_dir / f"{name}.yaml").resolve()
            if path not in self._yaml:
                continue
            items, file = self.registry_items(name), self._yaml[path]
            for index, first in repeated_ids(items):
                line, col = file.position((registry_key(name), index, "id"))
                first_line = file.position((registry_key(name), first))[0]
                out.append((path, f"{line}:{col}: id {items[index]['id']!r} is already used at line {first_line}: "
                                  "this entry is left out"))
        return out

    # -- schemas ---------------------------------------------------------------------
    # A missing or broken schema is the project's problem, not a file's: every command that
    # needs it stops with a ProjectError (exit 2) that names the file.
    @cached_property
    def tei_schema(self) -> etree.RelaxNG:
        path = self.corpus_dir / "schema" / "duizhao-tei.rng"
        try:
            return etree.RelaxNG(etree.parse(str(path)))
        except (OSError, etree.Error) as exc:
            raise ProjectError(f"cannot read the TEI schema {self._shown(path)} (rule X002 validates every "
                               f"document against it): {exc}") from None

    def json_schema(self, kind: str) -> dict[str, Any]:
        path = self.annotations_dir / "schema" / SCHEMA_FOR_YAML.get(kind, ANNOTATION_SCHEMA)
        try:
            return json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise ProjectError(f"cannot read the JSON Schema {self._shown(path)} (rule Y003 validates the "
                               f"{kind} file against it): {exc}") from None

    def _shown(self, path: Path) -> str:
        return str(path.relative_to(self.root)) if path.is_relative_to(self.root) else str(path)
