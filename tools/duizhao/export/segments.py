"""The aligned segments: ``{doc, segment, kind, zh, en, status, translator, reviser}`` per segment.

``{doc, segment, kind, zh, en, status}`` is a stable contract; ``translator`` (who translated
the segment: the ``respStmt`` its ``@resp`` names) and ``reviser`` (who revised a ``reviewed``
segment as second reader: the ``respStmt`` named by the ``@who`` of the revision its
``@change`` points to; empty otherwise) come from the TEI header
(:mod:`duizhao.translation_provenance`).

``jsonl``: one record per segment. ``tmx``: a TMX 1.4 translation memory of the
translated segments (zh-CN source, en target; ``tuid`` = ``<doc>/<segment>``; props
``x-doc``, ``x-segment``, ``x-kind``, ``x-status``, and ``x-translator``, ``x-reviser`` when
known), written by translate-toolkit so that
CAT tools (OmegaT, Trados, memoQ) can import it.
"""

from __future__ import annotations

import json
from collections.abc import Iterator

from lxml import etree
from translate.storage import tmx

from .. import __version__
from ..project import Project
from ..translation_provenance import reviser, translator

SOURCE_LANG, TARGET_LANG = "zh-CN", "en"
COLUMNS = ["doc", "segment", "kind", "zh", "en", "status", "translator", "reviser"]
TMX_PROPS = ("doc", "segment", "kind", "status", "translator", "reviser")


def records(project: Project) -> Iterator[dict]:
    """One record per segment of every document, in corpus and document order."""
    for doc in project.documents.values():
        for seg in doc.segments:
            tr = doc.translations.get(seg.id)
            yield {
                "doc": doc.id,
                "segment": seg.id,
                "kind": seg.kind,
                "zh": seg.zh,
                "en": tr.en if tr else None,
                "status": tr.status if tr else "missing",
                "translator": translator(doc, tr) if tr and tr.en else None,
                "reviser": reviser(doc, tr),
            }


def write_jsonl(project: Project, out) -> None:
    for rec in records(project):
        out.write(json.dumps(rec, ensure_ascii=False) + "\n")


def _add_prop(unit: tmx.tmxunit, kind: str, value: str) -> None:
    """A ``<prop type="x-KIND">`` of the unit (translate-toolkit has no API for props)."""
    prop = etree.Element(unit.namespaced("prop"), type=f"x-{kind}")
    prop.text = value
    first_tuv = unit.xmlelement.find(unit.namespaced("tuv"))
    position = len(unit.xmlelement) if first_tuv is None else unit.xmlelement.index(first_tuv)
    unit.xmlelement.insert(position, prop)


def translation_memory(project: Project) -> tmx.tmxfile:
    """The translated segments as a translate-toolkit TMX store."""
    store = tmx.tmxfile(sourcelanguage=SOURCE_LANG, targetlanguage=TARGET_LANG)
    header = store.document.getroot().find(store.namespaced("header"))
    header.set("creationtool", "duizhao")
    header.set("creationtoolversion", __version__)
    header.set("segtype", "paragraph")
    for rec in records(project):
        if not rec["en"]:
            continue
        unit = store.addsourceunit(rec["zh"], SOURCE_LANG)
        unit.settarget(rec["en"], TARGET_LANG, append=True)
        unit.xmlelement.set("tuid", f"{rec['doc']}/{rec['segment']}")
        for kind in TMX_PROPS:
            if rec[kind] is not None:
                _add_prop(unit, kind, rec[kind])
    return store


def write_tmx(project: Project, out) -> None:
    translation_memory(project).serialize(out)


FORMATS = {"jsonl": write_jsonl, "tmx": write_tmx}
