"""The glossary as a termbase: every term with derived pinyin, its frequency in the corpus
and its first occurrence.

``frequency`` counts the occurrences of the term's ``zh`` and ``variants`` in the
segments' zh text, not counting those inside a longer registered name (链长 inside 链长制;
see :mod:`duizhao.names`); ``first_doc``/``first_segment`` is the first of them in corpus
order. TBX is written with translate-toolkit: one ``termEntry`` per term (``id`` = the
glossary id, subject field = category), a zh-CN ``langSet`` (headword, variants, pinyin,
definition) and an en ``langSet`` (rendering, accepted variants, and the forbidden
renderings marked ``deprecatedTerm-admn-sts``).
"""

from __future__ import annotations

from collections.abc import Iterator

from lxml import etree
from translate.storage import tbx

from ..names import corpus_names
from ..pinyin import pinyin
from ..project import Project
from ..registries import registries
from .tables import write_csv, write_json

COLUMNS = ["id", "zh", "pinyin", "en", "en_variants", "variants", "forbidden", "category",
           "definition_zh", "definition_en", "frequency", "first_doc", "first_segment"]
ZH, EN = "zh-CN", "en"
DEPRECATED = "deprecatedTerm-admn-sts"


def records(project: Project) -> Iterator[dict]:
    names = corpus_names(project)
    for term in registries(project).records("glossary"):
        tid, zh = term.id, term.zh
        if tid is None or zh is None:
            continue
        occurrences = names.of("term", tid)
        yield {
            "id": tid, "zh": zh, "pinyin": pinyin(zh), "en": term.en,
            "en_variants": list(term.en_variants),
            "variants": list(term.variants),
            "forbidden": list(term.forbidden),
            "category": term.category,
            "definition_zh": term.definition.get("zh"), "definition_en": term.definition.get("en"),
            "frequency": len(occurrences),
            "first_doc": occurrences[0].doc if occurrences else None,
            "first_segment": occurrences[0].segment if occurrences else None,
        }


def _element(unit: tbx.tbxunit, parent, tag: str, text: str, before=None, **attrs) -> None:
    """A TBX metadata element (translate-toolkit reads it back as a note)."""
    node = etree.Element(unit.namespaced(tag), **attrs)
    node.text = text
    if before is not None:
        before.addprevious(node)
    else:
        parent.append(node)


def termbase(project: Project) -> tbx.tbxfile:
    store = tbx.tbxfile(sourcelanguage=ZH, targetlanguage=EN)
    source_desc = store.document.getroot().find(".//sourceDesc/p")
    if source_desc is not None:
        source_desc.text = "duizhao glossary (annotations/glossary.yaml)"
    for rec in records(project):
        unit = store.addsourceunit(rec["zh"])
        unit.setid(rec["id"])
        unit.set_source_terms([rec["zh"], *rec["variants"]], ZH)
        english = [e for e in [rec["en"], *rec["en_variants"], *rec["forbidden"]] if isinstance(e, str)]
        unit.set_target_terms(list(dict.fromkeys(english)), EN)
        if rec["category"]:
            _element(unit, unit.xmlelement, "descrip", rec["category"], before=unit.source_dom, type="subjectField")
        for lang_node, definition in ((unit.source_dom, rec["definition_zh"]), (unit.target_dom, rec["definition_en"])):
            if lang_node is not None and definition:
                _element(unit, lang_node, "descrip", definition, before=lang_node[0] if len(lang_node) else None, type="definition")
        tig, term = unit.namespaced("tig"), unit.namespaced("term")
        for node in unit.source_dom.iterfind(tig):
            _element(unit, node, "termNote", pinyin(node.findtext(term) or ""), type="pronunciation")
        for node in unit.target_dom.iterfind(tig) if unit.target_dom is not None else ():
            if node.findtext(term) in rec["forbidden"]:
                _element(unit, node, "termNote", DEPRECATED, type="administrativeStatus")
    return store


def write_tbx(project: Project, out) -> None:
    out.write(bytes(termbase(project)))


FORMATS = {
    "csv": lambda project, out: write_csv(records(project), out, COLUMNS),
    "tbx": write_tbx,
    "json": lambda project, out: write_json(records(project), out),
}
