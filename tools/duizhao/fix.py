"""``duizhao check --fix``: safe, mechanical rewrites of annotator YAML files.

Each fix keeps comments, key order and quoting (ruamel.yaml round trip), is verified by
re-reading the result (same data, only reordered where sorting was asked for) and is
written atomically; a file that cannot be fixed safely is left as it is, with a note.

- **Y004**: insert (or correct) the editor modeline on the first line.
- **Y008**: remove a byte-order mark at the start of the file.
- **A003**: add the shortest prefix (else suffix) to an ambiguous quote, but only when the
  intended occurrence is certain: every other place the quote matches is already the
  exact span of another annotation of the same type in the same segment.
- **Order**: annotations sorted by segment (document order), then start offset (longer
  span first), then their previous order. A comment above an annotation moves with it.
  Not done while any annotation of the file cannot be anchored (A001-A003).
- **Format**: indentation and layout normalised to the house style of
  :func:`duizhao.yamlio.round_trip` (2-space mappings, sequences indented by 2).

:func:`apply_fixes` reads and writes the files itself: call it before the project's
files are loaded for checking (``duizhao check --fix`` does).
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

from . import yamlio
from .anchoring import Status, resolve, shortest_context
from .annotations import Annotation, AnnotationIndex, read
from .project import REGISTRIES, Project, YAMLFile


# -- which occurrence an ambiguous quote means ------------------------------------------
def intended_start(ann: Annotation, text: str, taken: set[tuple[int, int]]) -> int | None:
    """The only place ``ann`` matches that is not already an annotation of its type, if one."""
    if not ann.quote:
        return None
    res = resolve(text, ann.quote, ann.prefix, ann.suffix)
    if res.status is not Status.AMBIGUOUS:
        return None
    free = [s for s in res.matches if (s, s + len(ann.quote)) not in taken]
    return free[0] if len(free) == 1 else None


def context_for(ann: Annotation, text: str, start: int) -> tuple[str | None, str | None] | None:
    """The ``(prefix, suffix)`` that make ``ann`` land on ``start`` (``None``: leave that key out)."""
    end = start + len(ann.quote or "")
    prefix, suffix = shortest_context(text, start, end)
    final = (prefix or ann.prefix, suffix or ann.suffix)
    return final if resolve(text, ann.quote or "", *final).start == start else None


def _taken(spans: dict[int, tuple[int, int] | None], anns: list[Annotation], ann: Annotation) -> set[tuple[int, int]]:
    return {
        spans[o.index] for o in anns
        if o is not ann and o.active and o.type == ann.type and o.segment == ann.segment and spans.get(o.index)
    }


def disambiguation(index: AnnotationIndex, ann: Annotation) -> tuple[str | None, str | None] | None:
    """What ``--fix`` would set as ``(prefix, suffix)`` for an ambiguous ``ann``, if it can know."""
    seg = index.segment(ann)
    if seg is None:
        return None
    anns = index.file(ann.path).annotations
    spans = {o.index: index.span(o) for o in anns}
    start = intended_start(ann, seg.zh, _taken(spans, anns, ann))
    return None if start is None else context_for(ann, seg.zh, start)


# -- the fixes --------------------------------------------------------------------------
def _set_after(node: Any, key: str, value: str | None, after: str) -> None:
    if value is None:
        return
    if key in node:
        node[key] = value
    else:
        node.insert(list(node).index(after) + 1 if after in node else len(node), key, value)


def _add_prefixes(project: Project, item: YAMLFile) -> list[str]:
    """Disambiguate quotes whose intended occurrence is certain (repeats until stable)."""
    doc = project.documents.get(item.path.stem)
    if doc is None:
        return []
    anns = read(item).annotations
    text_of = {a.index: doc.segment_index[a.segment].zh for a in anns if a.segment in doc.segment_index and a.quote}
    spans = {a.index: _span(a, text_of) for a in anns}
    notes, progress = [], True
    while progress:
        progress = False
        for i, ann in enumerate(anns):
            if not ann.active or ann.index not in text_of or spans[ann.index] is not None:
                continue
            start = intended_start(ann, text_of[ann.index], _taken(spans, anns, ann))
            context = None if start is None else context_for(ann, text_of[ann.index], start)
            if context is None:
                continue
            prefix, suffix = context
            changed = " and ".join(f"{k} {v!r}" for k, v in (("prefix", prefix), ("suffix", suffix)) if v != getattr(ann, k))
            _set_after(ann.node, "prefix", prefix, "quote")
            _set_after(ann.node, "suffix", suffix, "prefix" if "prefix" in ann.node else "quote")
            anns[i] = dataclasses.replace(ann, prefix=prefix, suffix=suffix)
            spans[ann.index] = (start, start + len(ann.quote))
            notes.append(f"{ann.id}: set {changed} (A003)")
            progress = True
    return notes


def _span(ann: Annotation, text_of: dict[int, str]) -> tuple[int, int] | None:
    if ann.index not in text_of:
        return None
    res = resolve(text_of[ann.index], ann.quote, ann.prefix, ann.suffix)
    return (res.start, res.end) if res.ok else None


def _sort(project: Project, path: Path, text: str) -> tuple[str, str | None]:
    """The text with its annotation blocks in anchor order, or why it was not sorted."""
    data = yamlio.loads(text)
    items = data.get("annotations") if isinstance(data, dict) else None
    if not isinstance(items, list) or len(items) < 2:
        return text, None
    if items.fa.flow_style():
        return text, "not sorted: the annotation list is in flow style"
    doc = project.documents.get(path.stem)
    if doc is None:
        return text, f"not sorted: no TEI document {path.stem!r}"
    order = {seg.id: n for n, seg in enumerate(doc.segments)}
    keys = []
    for ann in read(YAMLFile(path, data, None, text)).annotations:
        seg = doc.segment_index.get(ann.segment or "")
        res = resolve(seg.zh, ann.quote, ann.prefix, ann.suffix) if seg and ann.quote else None
        if res is None or not res.ok:
            return text, f"not sorted: {ann.id or 'annotation ' + str(ann.index + 1)} (line {ann.line}) cannot be anchored"
        keys.append((order[seg.id], res.start, -res.end, ann.index))
    if len(keys) != len(items):
        return text, "not sorted: the list holds entries that are not annotations"
    if keys == sorted(keys):
        return text, None

    lines = text.splitlines(keepends=True)
    starts = [items.lc.item(i)[0] for i in range(len(items))]
    if len(set(starts)) != len(starts):
        return text, "not sorted: several annotations share a line"
    top_keys = list(data)
    after = top_keys[top_keys.index("annotations") + 1:]
    end = data.lc.key(after[0])[0] if after else len(lines)
    floor = data.lc.key("annotations")[0]

    def loose(n: int) -> bool:  # blank or comment-only line
        return not lines[n].strip() or lines[n].lstrip().startswith("#")

    begins = []
    for i, s in enumerate(starts):
        b, limit = s, starts[i - 1] if i else floor
        while b - 1 > limit and loose(b - 1):
            b -= 1
        begins.append(b)
    tail = end
    while tail - 1 > starts[-1] and loose(tail - 1):
        tail -= 1
    bounds = [*begins[1:], tail]
    blocks = ["".join(lines[b:e]) for b, e in zip(begins, bounds)]
    ranked = [blocks[k[3]] for k in sorted(keys)]
    return "".join(lines[: begins[0]]) + "".join(ranked) + "".join(lines[tail:]), None


def _modeline(text: str, kind: str) -> str:
    from .check.rules.y004_missing_modeline import expected_modeline

    want = expected_modeline(kind)
    first, sep, rest = text.partition("\n")
    if first.strip() == want:
        return text
    if first.startswith(yamlio.MODELINE_PREFIX):
        return want + sep + rest
    return want + "\n" + text


def _plain(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def _same_data(before: Any, after: Any) -> bool:
    """Equal, ignoring the order of the annotation list."""
    a, b = _plain(before), _plain(after)
    if isinstance(a, dict) and isinstance(b, dict) and isinstance(a.get("annotations"), list):
        key = repr
        a = {**a, "annotations": sorted(a["annotations"], key=key)}
        b = {**b, "annotations": sorted(b.get("annotations") or [], key=key)}
    return a == b


def fix_file(project: Project, path: Path) -> list[str]:
    """Fix one file in place; returns what was done (or why not), one note per line."""
    path = Path(path).resolve()
    name = path.relative_to(project.root) if path.is_relative_to(project.root) else path
    text = path.read_text(encoding="utf-8")
    try:
        data = yamlio.loads(text)
    except yamlio.YAMLProblem as problem:
        return [f"{name}: not fixed: {problem}"]
    if data is None:
        return []
    kind = path.stem if path.stem in REGISTRIES else "annotations"
    new = yamlio.dumps(data)  # never with a byte-order mark
    notes = [f"{name}: removed the byte-order mark (Y008)"] if text.startswith(yamlio.BOM) else []
    notes += [f"{name}: normalised indentation and layout"] if new != text.removeprefix(yamlio.BOM) else []
    if kind == "annotations":
        added = _add_prefixes(project, YAMLFile(path, data, None, text))
        notes += [f"{name}: {note}" for note in added]
        new = yamlio.dumps(data) if added else new
        unsorted = new
        new, why = _sort(project, path, new)
        notes += [f"{name}: {why}"] if why else []
        notes += [f"{name}: sorted annotations by segment and offset"] if new != unsorted else []
    with_modeline = _modeline(new, kind)
    if with_modeline != new:
        notes.append(f"{name}: inserted the editor modeline (Y004)")
        new = with_modeline
    if new == text:
        return [n for n in notes if "not sorted" in n]
    try:
        same = _same_data(data, yamlio.loads(new))
    except yamlio.YAMLProblem:
        same = False
    if not same:  # a bug in a fix: never write
        return [f"{name}: not fixed: the rewrite would change the data (please report this)"]
    yamlio.atomic_write(path, new)
    return notes


def targets(project: Project, paths: list[Path]) -> list[Path]:
    """The YAML files to fix: those named (directories searched), else every one of the project."""
    if not paths:
        return project.yaml_paths()
    found: list[Path] = []
    for path in paths:
        path = Path(path).resolve()
        if path.is_dir():
            found += sorted(p for p in path.rglob("*.y*ml") if p.suffix in (".yaml", ".yml"))
        elif path.suffix in (".yaml", ".yml") and path.exists():
            found.append(path)
    return list(dict.fromkeys(found))


def apply_fixes(project: Project, paths: list[Path]) -> list[str]:
    """Apply every safe fix to the annotator files under ``paths``; one note per change."""
    notes: list[str] = []
    for path in targets(project, paths):
        notes += fix_file(project, path)
    return notes
