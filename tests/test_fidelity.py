"""Every seed is accounted for, in order, by its TEI: body (source reading) plus recorded omissions."""

from __future__ import annotations

import copy

import pytest
from lxml import etree

from duizhao.fidelity import compare, source_path
from duizhao.project import Project
from duizhao.tei import T, Document

from conftest import REPO

PROJECT = Project(REPO)
DOCS = sorted(PROJECT.documents)


def test_every_source_has_exactly_one_document():
    sources = sorted(p.name for p in PROJECT.sources_dir.glob("*.txt"))
    recorded = sorted(d.source_file for d in PROJECT.documents.values())
    assert sources == recorded
    assert len(DOCS) == 5


@pytest.mark.parametrize("doc_id", DOCS)
def test_encoding_is_faithful(doc_id):
    """Source reading (sic over corr) + omissions == the seed, ideograph for ideograph, digit
    for digit. So nothing is lost, and the body adds nothing outside ``corr``: anything added
    there would be part of the source reading and break the equality."""
    doc = PROJECT.documents[doc_id]
    src = source_path(doc)
    assert src is not None
    assert compare(doc, src.read_text(encoding="utf-8")) is None


def _mutated(doc: Document, mutate) -> Document:
    tree = copy.deepcopy(doc.tree)
    mutate(tree.getroot())
    return Document(doc.id, doc.path, tree)


@pytest.mark.parametrize("doc_id", DOCS)
def test_a_silent_change_is_caught(doc_id):
    doc = PROJECT.documents[doc_id]
    source = source_path(doc).read_text(encoding="utf-8")

    def add_character(root):
        seg = root.find(f".//{T}text[@type='source']//{T}p")
        seg.text = "增" + (seg.text or "")

    mismatch = compare(_mutated(doc, add_character), source)
    assert mismatch is not None and mismatch.line > 0


def test_a_dropped_omission_is_caught():
    doc = next(d for d in PROJECT.documents.values() if d.omissions)
    source = source_path(doc).read_text(encoding="utf-8")

    def drop_omission(root):
        item = root.find(f".//{T}list[@type='omitted']/{T}item")
        item.getparent().remove(item)

    assert compare(_mutated(doc, drop_omission), source) is not None


def test_repairs_are_recorded_as_choice():
    """The known layout debris of the seeds is repaired with choice/sic/corr, typed."""
    kinds = {
        corr.get("type")
        for d in PROJECT.documents.values()
        for corr in d.root.iter(T + "corr")
    }
    assert {"page-break", "duplicate", "misplaced", "substitution", "punctuation"} <= kinds
    misplaced = [c for d in PROJECT.documents.values() for c in d.root.iter(T + "corr") if c.get("type") == "misplaced"]
    assert any((c.text or "").strip() for c in misplaced), "the misplaced subheading is restored where it belongs"
