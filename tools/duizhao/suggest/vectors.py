"""Word vectors the project computes itself, for stanza's ``Pretrain``.

Count-based embeddings: a symmetric window co-occurrence matrix over the corpus's jieba
tokens, positive pointwise mutual information, and a truncated SVD (randomised, numpy
only, seeded). Small corpora make small vectors: that is the point, the NER model must
not depend on anything downloaded.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path

import numpy as np


def train_vectors(sentences: Iterable[Sequence[str]], dim: int = 32, window: int = 3,
                  seed: int = 0) -> tuple[list[str], np.ndarray]:
    """(words, vectors): one L2-normalised row per word, most frequent first."""
    sentences = [list(s) for s in sentences]
    counts = Counter(w for s in sentences for w in s)
    words = [w for w, _ in counts.most_common()]
    index = {w: i for i, w in enumerate(words)}
    n = len(words)
    if n == 0:
        return [], np.zeros((0, dim), dtype=np.float32)
    rows, cols, weights = [], [], []
    for sentence in sentences:
        ids = [index[w] for w in sentence]
        for offset in range(1, window + 1):
            left, right = ids[:-offset], ids[offset:]
            rows += left + right
            cols += right + left
            weights += [1.0 / offset] * (2 * len(left))
    cooc = np.zeros((n, n), dtype=np.float64)
    np.add.at(cooc, (np.array(rows, dtype=np.int64), np.array(cols, dtype=np.int64)), np.array(weights))
    row_sums = cooc.sum(axis=1, keepdims=True)
    context = cooc.sum(axis=0, keepdims=True) ** 0.75  # context distribution smoothing
    with np.errstate(divide="ignore", invalid="ignore"):
        pmi = np.log(cooc * (context.sum() or 1.0) / ((row_sums * context) + 1e-12))
    ppmi = np.where((cooc > 0) & np.isfinite(pmi), np.maximum(pmi, 0.0), 0.0)
    vectors = _truncated_svd(ppmi, dim, seed)
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    vectors = np.where(norms > 0, vectors / np.maximum(norms, 1e-12), vectors)
    return words, vectors.astype(np.float32)


def _truncated_svd(matrix: np.ndarray, dim: int, seed: int, power_iterations: int = 3) -> np.ndarray:
    """U·sqrt(S) of the top ``dim`` singular triplets (randomised range finder)."""
    n = matrix.shape[0]
    k = min(dim, n)
    rng = np.random.default_rng(seed)
    basis = matrix @ rng.standard_normal((n, min(n, k + 8)))
    for _ in range(power_iterations):
        basis, _ = np.linalg.qr(basis)
        basis = matrix @ (matrix.T @ basis)
    basis, _ = np.linalg.qr(basis)
    u_small, s, _ = np.linalg.svd(basis.T @ matrix, full_matrices=False)
    u = (basis @ u_small)[:, :k] * np.sqrt(s[:k])
    if k < dim:  # tiny vocabularies: pad so that the dimension is what was asked
        u = np.hstack([u, np.zeros((n, dim - k))])
    return u


def write_word2vec(path: Path, words: list[str], vectors: np.ndarray) -> None:
    """The word2vec text format (``N D`` header, then ``word v1 … vD``)."""
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(f"{len(words)} {vectors.shape[1]}\n")
        for word, row in zip(words, vectors):
            fh.write(word + " " + " ".join(f"{x:.5f}" for x in row) + "\n")


def write_pretrain(text_path: Path, pt_path: Path) -> int:
    """Convert a word2vec text file into stanza's ``.pt`` pretrain; returns its vocabulary size."""
    from stanza.models.common.pretrain import Pretrain

    pt_path.unlink(missing_ok=True)
    pretrain = Pretrain(str(pt_path), str(text_path), max_vocab=-1, save_to_file=True)
    pretrain.load()
    return len(pretrain.vocab)
