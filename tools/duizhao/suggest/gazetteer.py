"""The ``gazetteer`` recommender: every occurrence of a registered name.

Terms (``zh`` + ``variants``) and entities (``zh`` + ``aliases``) are found with the
project's Aho-Corasick matcher, longest-leftmost (``吉安市工业和信息化局`` wins over
``吉安市``; of two crossing names the one that starts first). A form registered for two
things (a collision E003 reports) yields one proposal per thing: the reviewer chooses.
"""

from __future__ import annotations

from ..project import Project
from ..tei import Document
from .base import Proposal
from .lexicon import Lexicon

NAME = "gazetteer"


class GazetteerRecommender:
    name = NAME

    def __init__(self, lexicon: Lexicon):
        self.lexicon = lexicon

    def propose(self, doc: Document) -> list[Proposal]:
        return [
            Proposal.make(kind, seg.id, match.start, match.end, **{kind: rid})
            for seg in doc.segments
            for match in self.lexicon.longest_leftmost(seg.zh)
            for kind, rid in match.refs
        ]


def build(project: Project, lexicon: Lexicon | None = None, **_: object) -> GazetteerRecommender:
    return GazetteerRecommender(lexicon or Lexicon.of(project))
