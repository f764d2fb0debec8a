"""The names the recommenders know: glossary terms and entity names, from the registries.

A :class:`Lexicon` maps every surface form (a term's ``zh`` and ``variants``, an entity's
``zh`` and ``aliases``) to what it names. The gazetteer matches it, the segmenter adds it
to jieba's dictionary, and the stanza recommender maps predicted spans back to ids with it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from ..project import Project


@dataclass(frozen=True)
class Name:
    """What a surface form names: ``type`` is ``term`` or ``entity``."""

    type: str
    id: str
    category: str  # entity type (place, company …) or glossary category


@dataclass
class Lexicon:
    names: dict[str, list[Name]] = field(default_factory=dict)

    @classmethod
    def from_registries(cls, glossary: Iterable[dict[str, Any]], entities: Iterable[dict[str, Any]]) -> "Lexicon":
        lexicon = cls()
        for term in glossary:
            lexicon._add(Name("term", str(term.get("id")), str(term.get("category") or "")), term.get("zh"), term.get("variants"))
        for entity in entities:
            lexicon._add(Name("entity", str(entity.get("id")), str(entity.get("type") or "")), entity.get("zh"), entity.get("aliases"))
        return lexicon

    @classmethod
    def of(cls, project: Project) -> "Lexicon":
        return cls.from_registries(project.registry("glossary"), project.registry("entities"))

    def _add(self, name: Name, main: Any, others: Any) -> None:
        forms = [main, *(others if isinstance(others, list) else [])]
        for form in forms:
            if isinstance(form, str) and form.strip():
                named = self.names.setdefault(form.strip(), [])
                if name not in named:
                    named.append(name)

    def without(self, entity_ids: Iterable[str]) -> "Lexicon":
        """A copy that no longer knows these entities (for 'absent from the registry' tests)."""
        drop = set(entity_ids)
        kept = {form: [n for n in named if not (n.type == "entity" and n.id in drop)] for form, named in self.names.items()}
        return Lexicon({form: named for form, named in kept.items() if named})

    def entities_named(self, form: str) -> list[Name]:
        return [n for n in self.names.get(form, []) if n.type == "entity"]

    def forms(self) -> list[str]:
        return list(self.names)
