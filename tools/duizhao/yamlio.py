"""Reading and rewriting annotator YAML files without losing anything.

Everything goes through ruamel.yaml, which refuses duplicate keys (PyYAML would silently
keep the last one). Input is bounded before anything is built from it (anchors, aliases,
sizes: :mod:`duizhao.yamlproblems`). Rewriting tools (``--fix``, ``suggest``, ``review``) use the
round-trip loader (:func:`loads`): comments, key order and formatting survive, and the
data knows its positions. Readers (checks, exports, the site) use :func:`read_data`:
plain dicts and lists, several times faster, with :class:`Positions` computed only when a
message needs a line and column. Writes are atomic.
"""

from __future__ import annotations

import io
import os
import tempfile
from pathlib import Path
from typing import Any

from array import array
from collections.abc import Sequence

from ruamel.yaml import YAML
from ruamel.yaml import events as ev
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.constructor import RoundTripConstructor
from ruamel.yaml.error import YAMLError
from ruamel.yaml.nodes import ScalarNode
from ruamel.yaml.resolver import VersionedResolver

from .limits import MAX_FILE_BYTES, MAX_YAML_DEPTH, MAX_YAML_SCALAR_CHARS
from .yamlproblems import YAMLProblem, bounded, refused, sized, too_deep, too_large, too_long, worded

__all__ = ["BOM", "MODELINE_PREFIX", "Positions", "YAMLProblem", "atomic_write", "dumps", "load", "loads",
           "position", "read_data", "round_trip", "too_large"]

MODELINE_PREFIX = "# yaml-language-server: $schema="
BOM = "\ufeff"  # a byte-order mark: read (YAML allows it), reported (Y008), removed by --fix


def round_trip() -> YAML:
    yaml = YAML(typ="rt")
    yaml.allow_duplicate_keys = False
    yaml.preserve_quotes = True
    yaml.width = 4096
    yaml.indent(mapping=2, sequence=4, offset=2)
    return yaml


def _read_only(text: str) -> Any:
    """Round-trip data (positions, duplicate-key errors) without comments, 7x faster.

    ruamel.yaml's C parser (ruamel.yaml.clib) composes the node tree and its round-trip
    constructor builds CommentedMap/CommentedSeq with line/column information from it.
    Comments are not kept: use :func:`loads` for anything that will be written back.
    """
    yaml = YAML(typ="safe", pure=False)
    node = yaml.compose(text)
    if node is None:
        return None
    constructor = RoundTripConstructor(loader=round_trip())
    constructor.allow_duplicate_keys = False
    return constructor.construct_document(node)


def loads(text: str, read_only: bool = False) -> Any:
    """Parse YAML text into round-trip data or raise :class:`YAMLProblem`.

    ``read_only=True`` leaves comments out (faster); rewriting tools use the default.
    Readers that never write back want :func:`read_data`. Refused input (anchors, limits)
    is a :class:`YAMLProblem` too.
    """
    bounded(text)
    return worded(lambda: _read_only(text) if read_only else round_trip().load(text), text)


# -- the readers' path: plain data ------------------------------------------------------
class _Unusual(Exception):
    """Something the fast reader leaves to ruamel.yaml's own loaders: tags, merge keys,
    directives, duplicate or unhashable keys, and every error."""


def _safe() -> YAML:
    yaml = YAML(typ="safe", pure=False)  # ruamel.yaml.clib's C parser
    yaml.allow_duplicate_keys = False
    return yaml


# ruamel.yaml's YAML 1.2 implicit typing: first character → [(tag, regexp)], and the
# types the fast reader builds with the safe constructor's own functions.
_IMPLICIT = VersionedResolver(version=(1, 2)).versioned_resolver
_ANY_FIRST = list(_IMPLICIT.get(None, []))
_RESOLVERS = {first: list(pairs) + _ANY_FIRST for first, pairs in _IMPLICIT.items() if first is not None}
_TYPED = {f"tag:yaml.org,2002:{name}" for name in ("null", "bool", "int", "float", "timestamp")}
_STRUCTURE = (ev.StreamStartEvent, ev.StreamEndEvent, ev.DocumentEndEvent)


def _build(text: str, positions: bool = False) -> tuple[Any, bytes | None]:
    """``(data, marks)`` of a plain YAML document, straight from the C parser's events:
    what ``YAML(typ="safe")`` returns, 4x faster; ``marks`` (with ``positions``) for
    :class:`Positions`. Raises :class:`_Unusual` on anything but mappings, sequences and
    scalars (tags, merge keys, directives) and on every error, and :class:`YAMLProblem`
    on refused input (anchors and aliases, a value or nesting beyond the limits)."""
    yaml = _safe()
    constructor = yaml.constructor
    stack: list[list[Any]] = []  # [container, key, key seen, its latest entry]
    marks: list[int] | None = [] if positions else None  # see Positions
    root = None
    documents = 0
    long_values = len(text) > MAX_YAML_SCALAR_CHARS  # else no value can be too long: not looked at
    try:
        for event in yaml.parse(text):
            kind = type(event)
            if kind is ev.ScalarEvent:
                if event.anchor is not None or event.ctag is not None:
                    raise _Unusual if event.anchor is None else refused(event)
                node, opens = event.value, False
                if long_values and len(node) > MAX_YAML_SCALAR_CHARS:
                    raise too_long(event)
                if event.implicit[0]:
                    for tag, regexp in _RESOLVERS.get(node[:1], _ANY_FIRST):
                        if regexp.match(node):
                            if tag not in _TYPED:
                                raise _Unusual  # merge key, value key, "!" …
                            node = constructor.yaml_constructors[tag](constructor, ScalarNode(tag, node, None, None))
                            break
            elif kind is ev.MappingStartEvent or kind is ev.SequenceStartEvent:
                if event.anchor is not None or event.ctag is not None:
                    raise _Unusual if event.anchor is None else refused(event)
                if len(stack) >= MAX_YAML_DEPTH:
                    raise too_deep(event)
                node, opens = {} if kind is ev.MappingStartEvent else [], True
            elif kind is ev.MappingEndEvent or kind is ev.SequenceEndEvent:
                latest = stack.pop()[3]
                if marks is not None and latest is not None:
                    marks[3 * latest + 2] = len(marks) // 3
                continue
            elif kind is ev.DocumentStartEvent:
                documents += 1
                if documents > 1 or event.version or event.tags:
                    raise _Unusual
                continue
            elif kind in _STRUCTURE:
                continue
            else:  # aliases
                raise refused(event)
            if stack:
                top = stack[-1]
                container = top[0]
                if type(container) is list:
                    container.append(node)
                    if marks is not None:
                        _entry(marks, top, event.start_mark)
                elif top[2]:
                    key = top[1]
                    if key in container:
                        raise _Unusual  # the round-trip loader words the duplicate key
                    container[key] = node
                    top[2] = False
                else:
                    hash(node)
                    top[1], top[2] = node, True
                    if marks is not None:
                        _entry(marks, top, event.start_mark)
            else:
                root = node
            if opens:
                stack.append([node, None, False, None])
    except (_Unusual, YAMLProblem):
        raise
    except Exception as exc:  # syntax errors, bad scalars, unhashable keys: the slow path words them
        raise _Unusual from exc
    return root, None if marks is None else array("i", marks).tobytes()


def _entry(marks: list[int], frame: list[Any], mark: Any) -> None:
    """Record a new entry of ``frame``'s container; the previous one's subtree ends here."""
    index = len(marks) // 3
    if frame[3] is not None:
        marks[3 * frame[3] + 2] = index
    frame[3] = index
    marks += (mark.line, mark.column, 0)


def read_data(text: str, with_positions: bool = False) -> Any:
    """Plain data (dict, list, str, int, float, bool, None, date) of a YAML text, or
    :class:`YAMLProblem`: the data ``YAML(typ="safe")`` gives, with the messages of
    :func:`loads`. For readers; tools that write back use :func:`loads`.
    ``with_positions``: ``(data, Positions)`` from the same pass (12% slower)."""
    sized(text)
    try:
        data, marks = _build(text, with_positions)
        return (data, Positions(data, marks)) if with_positions else data
    except _Unusual:
        pass
    loads(text, read_only=True)  # refused input, and the reference wording of syntax errors and duplicate keys
    data = worded(lambda: _safe().load(text), text)  # what remains: a tag the safe loader does not know
    return (data, Positions.of(text, data)) if with_positions else data


class Positions:
    """Where each key and item of a YAML document is written, for messages.

    Kept small, as it is cached: for every *entry* (a mapping's key, a sequence's item)
    in document order, three ints in one array (``marks``): its 0-based line and column,
    and the index of the entry after its subtree. The data, whose dicts keep document
    order, tells which entry a path names. A document the fast reader leaves to ruamel
    (anchors, tags…) has a ``tree`` instead: ``(line, col, {key or index: (line, col, …)})``.
    """

    def __init__(self, data: Any, marks: bytes | None = None, tree: tuple[int, int, Any] | None = None):
        self.data = data
        self.marks = marks
        self.tree = tree
        self._array = array("i")
        self._array.frombytes(marks or b"")
        self._item_entries: dict[int, list[int]] = {}  # id(sequence) → its items' entries

    @classmethod
    def of(cls, text: str, data: Any) -> "Positions":
        """The positions of ``text``, whose plain data is ``data``."""
        try:
            return cls(data, marks=_build(text, positions=True)[1])
        except _Unusual:
            try:
                return cls(data, tree=_tree_of(_read_only(text)))
            except YAMLError:
                return cls(data)

    @property
    def state(self) -> tuple[str, Any]:
        """What to cache (plain data)."""
        return ("tree", self.tree) if self.marks is None else ("marks", self.marks)

    @classmethod
    def restore(cls, data: Any, state: tuple[str, Any]) -> "Positions":
        kind, value = state
        return cls(data, tree=value) if kind == "tree" else cls(data, marks=value)

    def at(self, path: Sequence[Any]) -> tuple[int, int]:
        """The 1-based (line, col) of the key (in a mapping) or item (in a sequence) at
        ``path``, like :func:`position`; the nearest enclosing known place otherwise."""
        if self.marks is None:
            return self._in_tree(path)
        marks, line, col = self._array, 0, 0
        node, entry = self.data, 0  # entry: the first entry inside node
        for step in path:
            if isinstance(node, dict):
                try:
                    if step not in node:
                        break
                except TypeError:
                    break
                for key in node:
                    if key == step:
                        break
                    entry = marks[3 * entry + 2]
            elif isinstance(node, list) and isinstance(step, int) and 0 <= step < len(node):
                items = self._items(node, entry)
                if step >= len(items):
                    break
                entry = items[step]
            else:
                break
            if 3 * entry + 2 >= len(marks):
                break
            line, col = marks[3 * entry], marks[3 * entry + 1]
            node, entry = node[step], entry + 1
        return line + 1, col + 1

    def _items(self, node: list[Any], first: int) -> list[int]:
        """The entries of a sequence's items (``first``: its first item's), found once per
        sequence: asking for every item of a long list stays linear."""
        found = self._item_entries.get(id(node))
        if found is None:
            found, entry, marks = [], first, self._array
            for _ in node:
                found.append(entry)
                if 3 * entry + 2 >= len(marks):
                    break
                entry = marks[3 * entry + 2]
            self._item_entries[id(node)] = found
        return found

    def _in_tree(self, path: Sequence[Any]) -> tuple[int, int]:
        line, col, node = 0, 0, self.tree[2] if self.tree else None
        for step in path:
            try:
                line, col, node = node[step]
            except (KeyError, IndexError, TypeError):
                break
        return line + 1, col + 1


def _tree_of(data: Any) -> tuple[int, int, Any] | None:
    """A position tree from round-trip data (the fallback of :class:`Positions`)."""
    def children(node: Any) -> Any:
        if isinstance(node, CommentedMap):
            return {k: (*node.lc.key(k)[:2], children(v)) for k, v in node.items()}
        if isinstance(node, CommentedSeq):
            return [(*node.lc.item(i)[:2], children(v)) for i, v in enumerate(node)]
        return None
    return (0, 0, children(data))


def load(path: str | Path, read_only: bool = False) -> Any:
    nbytes = Path(path).stat().st_size
    if nbytes > MAX_FILE_BYTES:
        raise too_large(nbytes)
    try:
        text = Path(path).read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise YAMLProblem("Y001", f"not UTF-8: {exc.reason} at byte {exc.start}") from None
    return loads(text, read_only)


def dumps(data: Any) -> str:
    buf = io.StringIO()
    round_trip().dump(data, buf)
    return buf.getvalue()


def atomic_write(path: str | Path, text: str) -> None:
    """Write ``text`` to ``path`` so that readers see the old or the new file, never half."""
    path = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        if path.exists():
            os.chmod(tmp, path.stat().st_mode & 0o777)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def position(node: Any, path: list[Any]) -> tuple[int, int]:
    """The 1-based (line, col) of the value at ``path`` inside a round-tripped document.

    Falls back to the nearest enclosing node whose position is known.
    """
    line, col = 1, 1
    for step in path:
        if isinstance(node, CommentedMap) and step in node:
            kl = node.lc.key(step)
            line, col = kl[0] + 1, kl[1] + 1
            node = node[step]
        elif isinstance(node, CommentedSeq) and isinstance(step, int) and step < len(node):
            il = node.lc.item(step)
            line, col = il[0] + 1, il[1] + 1
            node = node[step]
        else:
            break
    return line, col
