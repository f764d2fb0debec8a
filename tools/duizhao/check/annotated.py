"""What the annotation rules share: an annotation file's records, unresolved anchors and
figures with the words around them (:mod:`.aligned` is what the translation rules share;
registry entries, by id and with their positions, are :mod:`duizhao.registries`)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from .. import annotations
from ..figures.cues import number_start
from ..project import Project


def file_annotations(item, project: Project) -> tuple[annotations.AnnotationIndex, list[annotations.Annotation]]:
    """The project's annotation index and the records of ``item`` (none unless ``item`` is
    an annotation file): the common start of every per-file annotation rule."""
    index = annotations.load(project)
    return index, (index.file(item.path).annotations if item.kind == "annotations" else [])


def unresolved(item, project: Project, status) -> Iterator[tuple[annotations.AnnotationIndex, annotations.Annotation, Any]]:
    """``(index, annotation, resolution)`` for each active annotation of ``item`` whose anchor
    resolves with ``status`` (an :class:`~duizhao.anchoring.Status`)."""
    index, anns = file_annotations(item, project)
    for ann in anns:
        res = index.resolution(ann) if ann.active else None
        if res is not None and res.status is status:
            yield index, ann, res


def figures_in_context(item, project: Project) -> Iterator[tuple[annotations.Annotation, str, str]]:
    """``(figure, text before its number, text after its quote)`` in its segment's zh text, for
    each active figure of ``item`` whose anchor resolves: the start of every rule that reads cue
    words (the quote's own words before the number count as before: 下降3.4%, 新增28家)."""
    index, anns = file_annotations(item, project)
    for ann in anns:
        if not ann.active or ann.type != "figure" or ann.value is None:
            continue
        span, seg = index.span(ann), index.segment(ann)
        if span is not None and seg is not None:
            yield ann, seg.zh[:span[0]] + ann.quote[:number_start(ann.quote)], seg.zh[span[1]:]
