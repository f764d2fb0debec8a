"""Indexes joined from per-document parts (duizhao.joined): joined again only where changed
documents are, they equal the index joined from scratch."""

import random

from duizhao.joined import Joined


def _parts(rng: random.Random, docs: list[str]) -> dict[str, dict[str, list[tuple[str, int]]]]:
    return {d: {k: [(d, i) for i in range(rng.randint(0, 3))] for k in rng.sample("abcdefgh", rng.randint(0, 5))}
            for d in docs}


def test_rejoining_the_changed_documents_equals_joining_all_again():
    rng = random.Random(13)
    for _ in range(300):
        order = [f"d{i}" for i in range(rng.randint(0, 8))]
        parts = _parts(rng, order)
        before = Joined.of(order, parts.__getitem__)
        changed = set(rng.sample(order, rng.randint(0, len(order))))
        added = [f"n{i}" for i in range(rng.randint(0, 2))]
        removed = {d for d in changed if rng.random() < 0.3}
        new_order = [d for d in order if d not in removed] + added
        # a changed document may move (its date edited); the others keep their order
        for d in changed - removed:
            if rng.random() < 0.3:
                new_order.remove(d)
                new_order.insert(rng.randint(0, len(new_order)), d)
        new_parts = {d: parts[d] for d in new_order if d in parts and d not in changed}
        if rng.random() < 0.5:  # edited in place: as many values per key as before, other values
            new_order, added = [d for d in order], []
            new_parts.update({d: {k: [("new", *v) for v in vs] for k, vs in parts[d].items()} for d in changed})
        new_parts.update(_parts(rng, [d for d in new_order if d not in new_parts]))
        changed |= set(added)
        touched = {k for d in changed for side in (parts, new_parts) for k in side.get(d, {})}
        again = before.rejoined(new_order, new_parts.__getitem__, changed, touched)
        fresh = Joined.of(new_order, new_parts.__getitem__)
        assert again.values == fresh.values
        assert {k: list(v.items()) for k, v in again.where.items()} == {k: list(v.items()) for k, v in fresh.where.items()}
        assert before.values == Joined.of(order, parts.__getitem__).values  # the last index is left as it was


def test_a_key_no_document_has_any_more_is_gone():
    before = Joined.of(["a", "b"], {"a": {"x": [1]}, "b": {"y": [2]}}.__getitem__)
    again = before.rejoined(["a", "b"], {"a": {}, "b": {"y": [2]}}.__getitem__, {"a"}, {"x"})
    assert again.values == {"y": [2]} and again.where == {"y": {"b": (0, 1)}}
