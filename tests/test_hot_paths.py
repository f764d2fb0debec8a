"""The fast paths of the translation rules keep their results: number words, units, folding."""

from __future__ import annotations

import pytest

from duizhao.numbers import english_numbers, find_numbers
from duizhao.renderings import find, fold, forbidden_used, rendered
from duizhao.text import char_folder, count_ideographs, count_latin_letters, ideographs


@pytest.mark.parametrize("text, values", [
    ("two big three", [2, 3]),  # a word that states no number ends a run
    ("two, three", [2, 3]),
    ("two - three", [2, 3]),  # joined, yet two numbers (as "two three")
    ("one hundred and twenty-three firms", [123]),
    ("one's share", [1]),
    ("a lot and a half", [0.5]),
    ("Mayor Li met them in May", [5]),
    ("May the output grow", []),
    ("the first and the second", [1, 2]),
    ("twenty3 COVID19", [20, 3, 19]),
    ("The Seventh Plenary", [7]),
    ("TWO THIRDS of the 5G base stations", [2 / 3, 2, 5]),
    ("decades and dozens, doubled twice", [10, 12, 2, 2]),
    ("ſecond", []),  # number words are ASCII words: ſ is not an s here (it is in renderings)
    ("someone anywhere tenths", []),  # inside longer words: no number
    ("TEN-THOUSAND, 1,234.5 and .5", [10_000, 1234.5, 0.5]),
    ("from 9:45am to 2/3", [9.75, 9, 45, 2, 3, 2 / 3]),
    ("two" + " word" * 500 + " three", [2, 3]),  # a long gap of other words breaks the run
])
def test_english_number_runs(text, values):
    assert english_numbers(text) == pytest.approx(values)


@pytest.mark.parametrize("zh, unit", [
    ("3个月", "month"), ("5个百分点", "percentage_point"), ("5个", "count"), ("10千瓦时", "kwh"),
    ("20人次", "person_time"), ("3项目", None), ("2位数", None), ("9名", "person"),
])
def test_units_are_read_longest_first(zh, unit):
    [m] = find_numbers(zh)
    assert m.unit == unit


def test_full_width_forms_are_folded_one_for_one():
    [m] = find_numbers("增长１２．５％，")
    assert (m.value, m.unit, m.text, m.start, m.end) == (12.5, "percent", "１２．５％", 2, 7)
    fold_ = char_folder({"“": '"', "—": "-"})
    assert fold_("a “b”—c") == 'a "b”-c' and fold_("plain") == "plain"
    with pytest.raises(AssertionError):
        char_folder({"ab": "c"})


def test_renderings_fold_curly_quotes_once_per_text():
    term = {"en": '"5020" projects', "forbidden": ["chain length system"]}
    assert rendered(term, "17 “5020” projects") and fold("“5020”") == '"5020"'
    assert forbidden_used({"forbidden": ["chain length system"]}, "the chain–length system") == ["chain length system"]
    assert not find("chain length system", "the chain–long length system", slop=False)


@pytest.mark.parametrize("zh, texts", [
    ("GDP增长5%，AC313和N95", ["5%"]),  # a Latin word with no digit is skipped, identifiers are not numbers
    ("abc" * 300 + "三个", ["三个"]),
    ("5G基站120个", ["120个"]),
])
def test_the_chinese_scanner_skips_to_possible_numbers(zh, texts):
    assert [m.text for m in find_numbers(zh)] == texts


@pytest.mark.parametrize("rendering, text, found", [
    ("key industry", "Key Industries", True),
    ("key industry", "\u212aey industry", True),  # the Kelvin sign is a k under re.IGNORECASE
    ("special zone", "\u017fpecial zone", True),  # long s
    ("industrial chain", "chain industrial", False),
    ("organisation", "ORGANIZATIONS", True),
    ("“5020” projects", 'the "5020" project', True),
    ("№ 1 plan", "the №1 Plans", True),  # not ASCII: searched from the start
])
def test_renderings_search_from_where_the_form_can_start(rendering, text, found):
    assert rendered({"en": rendering}, text) is found is bool(find(rendering, text))


@pytest.mark.parametrize("text", ["", "工业增加值增长3.6%，Ji'an 吉安", "Ａｂ é ſ \u212a xyZ 中", "a" * 50])
def test_counts_of_ideographs_and_latin_letters(text):
    assert count_ideographs(text) == len(ideographs(text))
    assert count_latin_letters(text) == sum(ch.isascii() and ch.isalpha() for ch in text)
