"""Anchors: exact TextQuoteSelector semantics and the shortest disambiguating context."""

from __future__ import annotations

import json

import pytest

from duizhao.anchoring import Status, occurrences, resolve, shortest_context, shortest_prefix, shortest_suffix
from duizhao.cli import main

from conftest import REPO

TEXT = "1-9月，全市规模工业增加值增长3.6%，出口增长3.6%，列全省第1。"


def test_unique_quote_resolves_to_its_offsets():
    res = resolve(TEXT, "规模工业增加值")
    assert res.ok and (res.start, res.end) == (7, 14) and TEXT[res.start:res.end] == "规模工业增加值"


def test_missing_quote_is_not_found_never_a_near_miss():
    res = resolve(TEXT, "增长3.60%")
    assert res.status is Status.NOT_FOUND and res.start is None and res.occurrences == ()
    assert "not in the segment text" in res.describe("增长3.60%")


def test_repeated_quote_is_ambiguous_until_a_prefix_chooses():
    res = resolve(TEXT, "增长3.6%")
    assert res.status is Status.AMBIGUOUS and len(res.matches) == 2
    assert resolve(TEXT, "增长3.6%", prefix="出口").start == TEXT.index("出口") + 2
    assert resolve(TEXT, "增长3.6%", prefix="值").start == TEXT.index("值增长") + 1


def test_prefix_must_immediately_precede_and_suffix_immediately_follow():
    assert resolve(TEXT, "增长3.6%", prefix="增加").status is Status.NOT_FOUND  # 增加值 — not adjacent
    assert resolve(TEXT, "增长3.6%", suffix="列全省").status is Status.NOT_FOUND  # a comma in between
    assert resolve(TEXT, "增长3.6%", suffix="，列").ok
    assert resolve(TEXT, "1-9月", prefix="x").status is Status.NOT_FOUND  # nothing precedes offset 0
    res = resolve(TEXT, "增长3.6%", prefix="进口")
    assert "occurs 2 time(s) but never with prefix '进口'" in res.describe("增长3.6%", "进口")


def test_overlapping_occurrences_are_all_found():
    assert occurrences("aaaa", "aa") == [0, 1, 2]
    assert occurrences("abc", "") == []


def test_shortest_prefix_is_minimal_and_empty_when_unique():
    second = TEXT.rindex("增长3.6%")
    assert shortest_prefix(TEXT, second, second + 6) == "口"
    assert shortest_prefix(TEXT, 7, 14) == ""
    # a prefix cannot tell apart the two "ab" of "abab" when the first is meant
    assert shortest_prefix("abab", 0, 2) is None
    assert shortest_suffix("abab", 0, 2) == "a"
    assert shortest_context("abab", 0, 2) == ("", "a")
    # periodic text: only the whole context singles out the middle "a"
    assert shortest_context("aaa", 1, 2) == ("a", "a")




@pytest.mark.parametrize("length", [1, 2, 4])
def test_shortest_context_always_singles_out_the_place_in_the_real_corpus(length, capsys):
    """Every span of the real corpus's zh text, made unique with the computed context."""
    assert main(["--root", str(REPO), "export", "segments", "--format", "jsonl"]) == 0
    texts = [json.loads(line)["zh"] for line in capsys.readouterr().out.splitlines()]
    checked = 0
    for text in texts:
        for start in range(0, max(0, len(text) - length), 7):
            prefix, suffix = shortest_context(text, start, start + length)
            res = resolve(text, text[start:start + length], prefix or None, suffix or None)
            assert res.ok and res.start == start, (text, start)
            checked += 1
    assert checked > 1000
