"""Training a stanza NER model from accepted entity annotations.

Texts with entity spans become BIOES-tagged sentences of jieba words (a word is cut where
an annotation boundary falls inside it), word vectors are computed from the same words
(:mod:`.vectors`), and stanza's own trainer (``stanza.models.ner_tagger``) fits a small
BiLSTM-CRF on CPU. The model directory holds everything a ``stanza.Pipeline`` needs
offline: ``ner.pt``, ``pretrain.pt``, ``resources.json`` (``{}``) and ``meta.json``.
"""

from __future__ import annotations

import json
import logging
import tempfile
import time
from collections import Counter
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path

from .tokens import Segmenter, Token, split_at
from .vectors import train_vectors, write_pretrain, write_word2vec

MODEL_FILE = "ner.pt"
PRETRAIN_FILE = "pretrain.pt"
META_FILE = "meta.json"
TAGS = ("PERSON", "ORG", "COMPANY", "PLACE", "PROGRAMME", "DOCUMENT", "EVENT")


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    tag: str  # one of TAGS


@dataclass(frozen=True)
class Example:
    """A text (a segment's zh) with its gold entity spans; no spans = all ``O``."""

    text: str
    spans: tuple[Span, ...] = ()


@dataclass
class TrainConfig:
    """Hyper-parameters: deliberately tiny so that a model trains in seconds on CPU."""

    dim: int = 32  # word vector size
    window: int = 3
    hidden_dim: int = 64
    char_hidden_dim: int = 32
    char_emb_dim: int = 16
    batch_size: int = 32
    max_steps: int = 400
    eval_interval: int = 100
    optim: str = "adam"  # stanza's default SGD needs thousands of steps on data this small
    word_dropout: float = 0.1  # words replaced by <unk> in training: new names are unknown words
    lr: float = 0.01
    seed: int = 1234


@dataclass
class TrainReport:
    out: str
    sentences: int
    tokens: int
    mentions: dict[str, int]
    vocabulary: int
    split_tokens: int  # words cut because an annotation boundary fell inside
    seconds: float
    config: dict = field(default_factory=dict)


@contextmanager
def cpu_settings() -> Iterator[None]:
    """One thread and denormals flushed to zero while training: on a small CPU model the
    second thread only adds contention, and denormal floats (weights decaying towards zero)
    slowed training down tenfold after a few hundred steps."""
    import torch

    threads = torch.get_num_threads()
    torch.set_num_threads(1)
    torch.set_flush_denormal(True)
    try:
        yield
    finally:
        torch.set_flush_denormal(False)
        torch.set_num_threads(threads)


def bioes(tokens: list[Token], spans: Iterable[Span]) -> list[str]:
    """BIOES tags of ``tokens`` for ``spans`` (tokens must already align with the spans)."""
    tags = ["O"] * len(tokens)
    starts = {tok.start: i for i, tok in enumerate(tokens)}
    ends = {tok.end: i for i, tok in enumerate(tokens)}
    for span in spans:
        first, last = starts.get(span.start), ends.get(span.end)
        if first is None or last is None or any(t != "O" for t in tags[first:last + 1]):
            continue
        if first == last:
            tags[first] = f"S-{span.tag}"
        else:
            tags[first] = f"B-{span.tag}"
            tags[first + 1:last] = [f"I-{span.tag}"] * (last - first - 1)
            tags[last] = f"E-{span.tag}"
    return tags


def outermost(spans: Iterable[Span]) -> list[Span]:
    """Keep the outermost of nested or crossing spans (BIOES has one layer)."""
    kept: list[Span] = []
    for span in sorted(spans, key=lambda s: (s.start, -(s.end - s.start))):
        if all(span.end <= k.start or span.start >= k.end for k in kept):
            kept.append(span)
    return kept


def tagged_sentences(examples: Iterable[Example], segmenter: Segmenter) -> tuple[list[list[tuple[str, str]]], int]:
    """(sentences of (word, tag), number of words cut at annotation boundaries)."""
    out, cuts = [], 0
    for example in examples:
        spans = outermost(example.spans)
        bounds = {b for s in spans for b in (s.start, s.end)}
        for sentence in segmenter.sentences(example.text):
            aligned = split_at(sentence, bounds)
            cuts += len(aligned) - len(sentence)
            inside = [s for s in spans if sentence[0].start <= s.start and s.end <= sentence[-1].end]
            out.append(list(zip((t.text for t in aligned), bioes(aligned, inside))))
    return out, cuts


def train(examples: list[Example], out: Path, segmenter: Segmenter, config: TrainConfig | None = None,
          verbose: bool = False, unlabeled: Iterable[str] = ()) -> TrainReport:
    """Train a model from ``examples`` into ``out`` (created); returns what was done.

    The word vectors are computed from the examples' texts plus ``unlabeled`` texts (the
    rest of the corpus: raw text teaches word similarity without any annotation)."""
    from stanza.models import ner_tagger  # importing it sets stanza's logger to DEBUG

    config = config or TrainConfig()
    began = time.time()
    out.mkdir(parents=True, exist_ok=True)
    sentences, cuts = tagged_sentences(examples, segmenter)
    mentions = Counter(tag[2:] for s in sentences for _, tag in s if tag[:2] in ("B-", "S-"))
    if not mentions:
        raise ValueError("no accepted entity annotations to train on")
    seen = {e.text for e in examples}
    corpus = [[w for w, _ in s] for s in sentences] + [
        [tok.text for tok in sentence]
        for text in dict.fromkeys(t for t in unlabeled if t and t not in seen)
        for sentence in segmenter.sentences(text)
    ]
    words, vectors = train_vectors(corpus, dim=config.dim, window=config.window, seed=config.seed)
    data = [[{"text": w, "ner": t} for w, t in s] for s in sentences]
    logging.getLogger("stanza").setLevel(logging.INFO if verbose else logging.WARNING)
    with tempfile.TemporaryDirectory(prefix="duizhao-train-") as tmp, cpu_settings():
        work = Path(tmp)
        write_word2vec(work / "vectors.txt", words, vectors)
        vocabulary = write_pretrain(work / "vectors.txt", out / PRETRAIN_FILE)
        (work / "train.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        ner_tagger.main([
            "--mode", "train", "--cpu", "--shorthand", "zh_duizhao",
            "--train_file", str(work / "train.json"),
            # the training set doubles as the dev set: there is too little data to hold
            # some back, and leave-one-document-out evaluation measures generalisation
            "--eval_file", str(work / "train.json"),
            "--wordvec_pretrain_file", str(out / PRETRAIN_FILE),
            "--save_dir", str(out), "--save_name", MODEL_FILE,
            "--word_emb_dim", str(config.dim), "--hidden_dim", str(config.hidden_dim),
            "--char_hidden_dim", str(config.char_hidden_dim), "--char_emb_dim", str(config.char_emb_dim),
            "--batch_size", str(config.batch_size), "--max_steps", str(config.max_steps),
            "--eval_interval", str(config.eval_interval), "--log_step", str(config.eval_interval),
            "--word_dropout", str(config.word_dropout), "--optim", config.optim, "--lr", str(config.lr), "--seed", str(config.seed),
        ])
    (out / "resources.json").write_text("{}\n", encoding="utf-8")
    report = TrainReport(
        out=str(out), sentences=len(sentences), tokens=sum(len(s) for s in sentences),
        mentions=dict(sorted(mentions.items())), vocabulary=vocabulary, split_tokens=cuts,
        seconds=round(time.time() - began, 2), config=asdict(config),
    )
    (out / META_FILE).write_text(json.dumps(asdict(report), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return report
