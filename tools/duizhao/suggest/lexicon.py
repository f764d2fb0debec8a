"""The names the recommenders know: the glossary and entity registries, matched with
:class:`duizhao.names.Matcher` (the project's one Aho-Corasick name matcher).

The gazetteer proposes its matches, the segmenter adds every form to jieba's dictionary,
and the stanza recommender maps a predicted span back to entity ids by its text.
Evaluation builds lexicons that no longer know some entities (:meth:`Lexicon.without`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from ..names import Matcher, NameMatch
from ..project import Project


@dataclass
class Lexicon:
    glossary: list[dict[str, Any]] = field(default_factory=list)
    entities: list[dict[str, Any]] = field(default_factory=list)

    @classmethod
    def of(cls, project: Project) -> "Lexicon":
        return cls(project.registry("glossary"), project.registry("entities"))

    @cached_property
    def matcher(self) -> Matcher:
        return Matcher.from_registries(self.glossary, self.entities)

    @cached_property
    def entity_types(self) -> dict[str, str]:
        return {str(e.get("id")): str(e.get("type") or "") for e in self.entities}

    def without(self, entity_ids: Iterable[str]) -> "Lexicon":
        """A copy that no longer knows these entities (for 'absent from the registry' tests)."""
        drop = set(entity_ids)
        return Lexicon(self.glossary, [e for e in self.entities if e.get("id") not in drop])

    def forms(self) -> list[str]:
        return list(self.matcher.forms)

    def named(self, form: str, kind: str) -> list[str]:
        """Ids of the ``kind`` (``term`` or ``entity``) entries written ``form`` (zh or alias)."""
        return [rid for k, rid in self.matcher.forms.get(form, []) if k == kind]

    def entities_named(self, form: str) -> list[str]:
        """Ids of the entities written ``form`` (zh or alias)."""
        return self.named(form, "entity")

    def longest_leftmost(self, text: str) -> list[NameMatch]:
        """Name matches without overlaps: at each place the longest, leftmost first."""
        kept: list[NameMatch] = []
        for match in self.matcher.find(text):  # by start; nested matches already dropped
            if not kept or match.start >= kept[-1].end:
                kept.append(match)
        return kept
