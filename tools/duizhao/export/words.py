"""The corpus's Chinese words: the project's segmenter (jieba knowing every registered term and
entity name, as the recommenders segment) with jieba's part-of-speech tags (ICTCLAS set).

A registered name is one word, tagged by what it names: an entity ``nr`` (person), ``ns``
(place), ``nt`` (organisation, company), else ``nz``; a glossary term ``nz``. Full-text search
(SQLite) and the concordancer export cut the Chinese text the same way.
"""

from __future__ import annotations

from ..memo import per_project
from ..annotations import as_text, as_texts
from ..project import Project
from ..suggest.tokens import Segmenter, Token

ENTITY_TAGS = {"person": "nr", "place": "ns", "org": "nt", "company": "nt"}
OTHER_NAME = "nz"


def name_tags(project: Project) -> dict[str, str]:
    """Every registered Chinese form with the tag it gets (an entity's wins over a term's)."""
    tags = {form: OTHER_NAME for entry in project.registry("glossary") for form in _forms(entry, "variants")}
    for entry in project.registry("entities"):
        tags.update(dict.fromkeys(_forms(entry, "aliases"), ENTITY_TAGS.get(as_text(entry.get("type")) or "", OTHER_NAME)))
    return tags


def _forms(entry: dict, others: str) -> list[str]:
    return [f for f in (as_text(entry.get("zh")), *as_texts(entry.get(others))) if f]


@per_project
def segmenter(project: Project) -> Segmenter:
    return Segmenter(tags=name_tags(project))


def tagged(project: Project, text: str) -> list[tuple[Token, str]]:
    """The words of ``text`` (offsets into it) with their part of speech."""
    return segmenter(project).tagged(text)


def spaced(project: Project, text: str) -> str:
    """``text`` as words separated by single spaces (what full-text search indexes)."""
    return " ".join(token.text for token, _ in tagged(project, text))
