"""The ``stanza`` recommender: a stanza NER pipeline over jieba-segmented sentences.

The model is one ``duizhao train`` made (or one the user points to with ``--model``);
nothing is ever downloaded: ``download_method=None`` and a model directory whose
``resources.json`` is ``{}``. Predicted spans are mapped back to character offsets in
``Segment.zh`` and to registry ids by name; a span that names no registered entity is a
*new entity candidate* when it could be a name (:mod:`.candidates`), reported but never
written (the schema needs an entity id).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from ..project import Project
from ..tei import Document
from .base import Proposal, RecommenderUnavailable
from .candidates import plausible
from .lexicon import Lexicon
from .tokens import Segmenter
from .training import MODEL_FILE, PRETRAIN_FILE, cpu_settings

NAME = "stanza"
DEFAULT_MODEL_DIR = Path("build") / "models" / "ner"


class ModelMissing(RecommenderUnavailable):
    """No trained model where one was expected."""


@dataclass(frozen=True)
class Prediction:
    segment: str
    start: int
    end: int
    tag: str  # PERSON, ORG, COMPANY …
    text: str


def load_pipeline(model_dir: Path):
    """A ``stanza.Pipeline`` (tokenize + ner) over pretokenized input, offline."""
    import stanza

    model, pretrain = model_dir / MODEL_FILE, model_dir / PRETRAIN_FILE
    if not model.is_file() or not pretrain.is_file():
        raise ModelMissing(f"{model_dir}: no trained NER model ({MODEL_FILE} and {PRETRAIN_FILE}); run `duizhao train` first")
    resources = model_dir / "resources.json"
    if not resources.exists():
        resources.write_text("{}\n", encoding="utf-8")
    pipeline = stanza.Pipeline(
        lang="zh", processors="tokenize,ner", tokenize_pretokenized=True,
        download_method=None, allow_unknown_language=True, dir=str(model_dir),
        ner_model_path=str(model), ner_pretrain_path=str(pretrain),
        use_gpu=False, logging_level="ERROR",
    )
    logging.getLogger("stanza").setLevel(logging.ERROR)
    return pipeline


class StanzaRecommender:
    name = NAME

    def __init__(self, model_dir: Path, lexicon: Lexicon, segmenter: Segmenter | None = None):
        self.lexicon = lexicon
        self.segmenter = segmenter or Segmenter(lexicon.forms())
        self.pipeline = load_pipeline(model_dir)
        self._last: tuple[str, list[Prediction]] | None = None  # propose + candidates: one run

    def predict(self, doc: Document) -> list[Prediction]:
        """Every entity span the model finds in ``doc``'s segments."""
        if self._last is None or self._last[0] != doc.id:
            self._last = (doc.id, self._predict(doc))
        return self._last[1]

    def _predict(self, doc: Document) -> list[Prediction]:
        sentences, owners = [], []
        for seg in doc.segments:
            for tokens in self.segmenter.sentences(seg.zh):
                sentences.append(tokens)
                owners.append(seg)
        if not sentences:
            return []
        with cpu_settings():
            result = self.pipeline([[t.text for t in tokens] for tokens in sentences])
        out = []
        for seg, tokens, sentence in zip(owners, sentences, result.sentences):
            for ent in sentence.ents:
                first, last = ent.tokens[0].id[0] - 1, ent.tokens[-1].id[-1] - 1
                start, end = tokens[first].start, tokens[last].end
                out.append(Prediction(seg.id, start, end, ent.type, seg.zh[start:end]))
        return out

    def propose(self, doc: Document) -> list[Proposal]:
        """Predictions whose text is a registered entity name (preferring the predicted type)."""
        out = []
        for pred in self.predict(doc):
            named = self.lexicon.entities_named(pred.text)
            typed = [e for e in named if self.lexicon.entity_types.get(e, "").upper() == pred.tag] or named
            out.extend(Proposal.make("entity", pred.segment, pred.start, pred.end, entity=e) for e in typed)
        return out

    def candidates(self, doc: Document) -> list[Prediction]:
        """Predictions that name no registered entity and could be names: new entity candidates."""
        return [p for p in self.predict(doc)
                if not self.lexicon.entities_named(p.text) and plausible(p.text, self.lexicon)]


def build(project: Project, lexicon: Lexicon | None = None, model: Path | None = None, **_: object) -> StanzaRecommender:
    model_dir = Path(model) if model else project.root / DEFAULT_MODEL_DIR
    return StanzaRecommender(model_dir, lexicon or Lexicon.of(project))
