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

from ..names import Matcher, NameMatch
from ..project import Project
from ..registries import Entity, Term, records_of, registries


@dataclass
class Lexicon:
    """Glossary terms and entities (records; entries as written are read into records)."""

    glossary: list[Term] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)

    def __post_init__(self):
        self.glossary = records_of("glossary", self.glossary)  # type: ignore[assignment]
        self.entities = records_of("entities", self.entities)  # type: ignore[assignment]

    @classmethod
    def of(cls, project: Project) -> "Lexicon":
        found = registries(project)
        return cls(found.records("glossary"), found.records("entities"))  # type: ignore[arg-type]

    @cached_property
    def matcher(self) -> Matcher:
        return Matcher.of([*self.glossary, *self.entities])

    @cached_property
    def entity_types(self) -> dict[str, str]:
        return {str(e.id): e.type or "" for e in self.entities}

    def without(self, entity_ids: Iterable[str]) -> "Lexicon":
        """A copy that no longer knows these entities (for 'absent from the registry' tests)."""
        drop = set(entity_ids)
        return Lexicon(self.glossary, [e for e in self.entities if e.id not in drop])

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
