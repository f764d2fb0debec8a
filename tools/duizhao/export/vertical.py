"""The corpus for concordancers (CWB, Sketch Engine, KonText): vertical files, one token a line.

``vertical/duizhao_zh.vrt``: the Chinese cut by the project's segmenter (:mod:`.words`), each
token ``word<TAB>pos``; ``vertical/duizhao_en.vrt``: the English, each token ``word<TAB>lc``.
Both have ``<doc id title_zh title_en date genre place publisher>`` and, inside, one
``<seg id="doc/segment" kind status>`` per segment, in the same order: segment *n* of one file
is the translation of segment *n* of the other (the alignment unit, CWB ``-a seg``). In the
Chinese, every accepted annotation is a structure around its tokens: ``<term id ref>``,
``<entity id ref type>``, ``<figure id indicator measure modality unit value low high>``. An
annotation boundary inside a word cuts the word there (reported); a span that crosses another
span, which structures cannot express, or whose anchor does not resolve, is left out (reported).
``vertical/duizhao_zh`` and ``duizhao_en`` are the CWB registry files, with the
``cwb-encode`` command line that builds the corpora from the files.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from .. import annotations
from ..project import Project
from .documents import records as document_records
from .words import tagged

EN_TOKEN = re.compile(r"\w+(?:[-'’.,]\w+)*|[^\w\s]")
DOC_ATTRS = ("id", "title_zh", "title_en", "date", "genre", "place_zh", "publisher_zh")
SPAN_ATTRS = {"term": ("id", "ref"), "entity": ("id", "ref", "type"),
              "figure": ("id", "indicator", "measure", "modality", "unit", "value", "low", "high")}


@dataclass
class Report:
    """What the export had to do to annotations: words cut, spans left out."""

    cut: list[str] = field(default_factory=list)  # "annotation id: word"
    left_out: list[str] = field(default_factory=list)  # "annotation id: why"


@dataclass(frozen=True)
class Span:
    kind: str
    start: int
    end: int
    attrs: dict


def _attr(value) -> str:
    text = "" if value is None else str(value)
    return text.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;").replace(">", "&gt;")


def _open(tag: str, attrs: dict) -> str:
    return f"<{tag}" + "".join(f' {k}="{_attr(v)}"' for k, v in attrs.items()) + ">"


def _cell(text: str) -> str:
    return text.replace("\t", " ").replace("<", "&lt;").replace(">", "&gt;")


def spans(project: Project, report: Report) -> dict[tuple[str, str], list[Span]]:
    """Accepted annotations by (document, segment), as character spans of the zh text."""
    from .figures import interval_fields

    index = annotations.load(project)
    entity_types = {e.get("id"): e.get("type") for e in project.registry("entities")}
    out: dict[tuple[str, str], list[Span]] = {}
    for ann in index:
        if ann.status != "accepted" or ann.type not in SPAN_ATTRS:
            continue
        where = index.span(ann)
        if where is None:
            report.left_out.append(f"{ann.id}: its anchor does not resolve (duizhao check --select A)")
            continue
        if ann.type == "figure":
            interval = interval_fields(ann)
            attrs = {"id": ann.id, "indicator": ann.indicator, "measure": ann.measure,
                     "modality": ann.modality or "actual", "unit": ann.unit, "value": ann.value,
                     "low": interval["low"], "high": interval["high"]}
        else:
            ref = ann.term if ann.type == "term" else ann.entity
            attrs = {"id": ann.id, "ref": ref, **({"type": entity_types.get(ref)} if ann.type == "entity" else {})}
        out.setdefault((ann.doc, ann.segment), []).append(Span(ann.type, *where, attrs))
    return out


def _nested(found: list[Span], report: Report) -> list[Span]:
    """The spans that nest properly (outer first); a span crossing an earlier one is left out."""
    kept: list[Span] = []
    for span in sorted(found, key=lambda s: (s.start, -s.end)):
        crossing = next((k for k in kept if k.start < span.start < k.end < span.end), None)
        if crossing is not None:
            report.left_out.append(f"{span.attrs['id']}: crosses {crossing.attrs['id']} (structures must nest)")
        else:
            kept.append(span)
    return kept


def zh_lines(project: Project, text: str, found: list[Span], report: Report) -> list[str]:
    """The vertical lines of one segment's Chinese text with its annotation structures."""
    kept = _nested(found, report)
    cuts = {b for s in kept for b in (s.start, s.end)}
    pieces: list[tuple[int, int, str]] = []
    for token, pos in tagged(project, text):
        edges = [token.start, *sorted(b for b in cuts if token.start < b < token.end), token.end]
        if len(edges) > 2:
            ids = [s.attrs["id"] for s in kept if token.start < s.start < token.end or token.start < s.end < token.end]
            report.cut.append(f"{', '.join(ids)}: {token.text}")
        pieces += [(a, b, pos) for a, b in zip(edges, edges[1:])]
    lines: list[str] = []
    stack: list[Span] = []
    waiting = list(kept)  # outer first
    for a, b, pos in pieces:
        while stack and stack[-1].end <= a:
            lines.append(f"</{stack.pop().kind}>")
        while waiting and waiting[0].start <= a:
            span = waiting.pop(0)
            if span.end > a:
                lines.append(_open(span.kind, span.attrs))
                stack.append(span)
            else:
                report.left_out.append(f"{span.attrs['id']}: covers no word")
        lines.append(f"{_cell(text[a:b])}\t{pos}")
    lines += [f"</{span.kind}>" for span in reversed(stack)]
    report.left_out += [f"{span.attrs['id']}: covers no word" for span in waiting]
    return lines


def write(project: Project, out: Path) -> Report:
    """``vertical/duizhao_zh.vrt``, ``duizhao_en.vrt`` and their registry files in ``out``."""
    folder = out / "vertical"
    folder.mkdir(parents=True, exist_ok=True)
    report = Report()
    found = spans(project, report)
    docs = {row["id"]: row for row in document_records(project)}
    with open(folder / "duizhao_zh.vrt", "w", encoding="utf-8") as zh, \
         open(folder / "duizhao_en.vrt", "w", encoding="utf-8") as en:
        for doc in project.documents.values():
            head = _open("doc", {k.removesuffix("_zh") if k in ("place_zh", "publisher_zh") else k: docs[doc.id][k]
                                 for k in DOC_ATTRS})
            zh.write(head + "\n")
            en.write(head + "\n")
            for seg in doc.segments:
                tr = doc.translations.get(seg.id)
                seg_open = _open("seg", {"id": f"{doc.id}/{seg.id}", "kind": seg.kind,
                                         "status": tr.status if tr else "missing"})
                body = zh_lines(project, seg.zh, found.get((doc.id, seg.id), []), report)
                zh.write("\n".join([seg_open, *body, "</seg>"]) + "\n")
                words = EN_TOKEN.findall(tr.en) if tr else []
                en.write("\n".join([seg_open, *(f"{_cell(w)}\t{w.lower()}" for w in words), "</seg>"]) + "\n")
            zh.write("</doc>\n")
            en.write("</doc>\n")
    for lang in ("zh", "en"):
        (folder / f"duizhao_{lang}").write_text(registry(lang), encoding="utf-8")
    return report


def _s_attributes(lang: str) -> list[tuple[str, int, tuple[str, ...]]]:
    doc = [k.removesuffix("_zh") if k in ("place_zh", "publisher_zh") else k for k in DOC_ATTRS]
    base = [("doc", 0, tuple(doc)), ("seg", 0, ("id", "kind", "status"))]
    return base + ([(kind, 1, attrs) for kind, attrs in SPAN_ATTRS.items()] if lang == "zh" else [])


def registry(lang: str) -> str:
    """The CWB registry file of the Chinese or English corpus (aligned with the other)."""
    other = "en" if lang == "zh" else "zh"
    positional = ["pos"] if lang == "zh" else ["lc"]
    structures = _s_attributes(lang)
    flags = " ".join(f"-S {name}:{depth}+{'+'.join(attrs)}" for name, depth, attrs in structures)
    lines = [f"# duizhao corpus, {'Chinese' if lang == 'zh' else 'English'} side, aligned with duizhao_{other} by <seg>.",
             f"# cwb-encode -c utf8 -d /corpora/data/duizhao_{lang} -f duizhao_{lang}.vrt "
             f"-R /corpora/registry/duizhao_{lang} -P {positional[0]} {flags}",
             f"# cwb-align -o {lang}-{other}.align -V seg_id duizhao_{lang} duizhao_{other} seg"
             f" && cwb-align-encode -D {lang}-{other}.align",
             "", f'NAME "duizhao ({"Chinese" if lang == "zh" else "English"})"', f"ID   duizhao_{lang}",
             f"HOME /corpora/data/duizhao_{lang}", "", f'##:: charset  = "utf8"', f'##:: language = "{lang}"', "",
             "ATTRIBUTE word", *(f"ATTRIBUTE {p}" for p in positional), ""]
    for name, depth, attrs in structures:
        levels = [""] + [str(i) for i in range(1, depth + 1)]
        for level in levels:
            lines.append(f"STRUCTURE {name}{level}")
            lines += [f"STRUCTURE {name}_{a}{level}" for a in attrs]
    lines += ["", f"ALIGNED duizhao_{other}", ""]
    return "\n".join(lines)
