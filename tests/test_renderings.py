"""duizhao.renderings: finding a glossary term's English in a translation."""

from __future__ import annotations

import pytest

from duizhao.renderings import Renderings, accepted, find, forbidden_used, parts, prepare, rendered, shortens

TERM = {"id": "chain-chief-system", "zh": "链长制", "en": "industrial chain chief system",
        "en_variants": ["chain chief system"], "forbidden": ["chain length system"]}


@pytest.mark.parametrize("rendering, text", [
    ("industrial chain", "the industrial chains of Ji'an"),
    ("industrial chain", "Industrial Chain"),
    ('"5020" projects', "attracted 17 “5020” projects"),
    ("high-quality development", "high quality development"),
    ("industry above designated size", "industries above designated size"),
    ("little giant", "national little giants"),
    ("10-billion-yuan enterprise", "three 10-billion-yuan enterprises"),
    ("café", "a Café in Ji'an"),  # letters beyond ASCII are letters of the word
    ("Ruìjīn base", "the Ruìjīn bases"),
])
def test_found(rendering, text):
    assert find(rendering, text)


@pytest.mark.parametrize("rendering, text", [
    ("chain", "a chainsaw"),
    ("industrial chain", "industrialchain"),
    ("SRDI", "SRDIX"),
    ("café", "caf é"),
    ("Ruìjīn", "Ruìjīnese"),
    ("", "anything"),
])
def test_not_found(rendering, text):
    assert not find(rendering, text)


def test_accepted_and_forbidden():
    assert accepted(TERM) == ["industrial chain chief system", "chain chief system"]
    assert rendered(TERM, "the chain chief systems of the city")
    assert not rendered(TERM, "the chain leader mechanism")
    assert forbidden_used(TERM, "a Chain Length System") == ["chain length system"]
    assert forbidden_used(TERM, "the industrial chain chief system") == []


def test_malformed_entries_are_ignored():
    assert accepted({"en": 5, "en_variants": "not a list"}) == ["not a list"]
    assert accepted({"en_variants": [None, 3, " "]}) == []
    assert forbidden_used({"forbidden": None}, "text") == []


@pytest.mark.parametrize("rendering, text", [
    ("high-quality development", "high-quality industrial development"),  # one extra word
    ("modernizing industrial chains", "modernising industrial chains"),
    ("industrial chain modernization", "industrial chain modernisation"),
    ("innovation centre", "innovation centers"),
    ('"Three Hundreds" projects', '"Three Hundred" projects'),
])
def test_tolerated_variation(rendering, text):
    assert find(rendering, text)


def test_forbidden_renderings_match_word_for_word():
    term = {"forbidden": ["first industry"]}
    assert forbidden_used(term, "the first industry") == ["first industry"]
    assert forbidden_used(term, "the first leading industry") == []
    assert not find("digital transformation", "digital and intelligent transformation")  # two extra words


@pytest.mark.parametrize("rendering, expected", [
    ("strengthening industrial chains and filling gaps", ["strengthening industrial chains", "filling gaps"]),
    ("tax and fee cuts", ["tax cuts", "fee cuts"]),  # one-word parts share the last part's head
    ("micro, small and medium-sized enterprises", ["micro enterprises", "small enterprises", "medium-sized enterprises"]),
    ("counties, county-level cities and districts", ["counties", "county-level cities", "districts"]),
    ("industrial chain chief system", ["industrial chain chief system"]),
])
def test_parts(rendering, expected):
    assert parts(rendering) == expected


def test_half_rendered_needs_a_form_that_covers_every_part():
    term = {"en": "strengthening industrial chains and filling gaps", "en_variants": ["fill gaps", "strengthen industrial chains and fill gaps"]}
    renderings = Renderings(term)
    assert renderings.partial == ["fill gaps"]
    assert renderings.half_rendered(prepare("projects that fill gaps in chains")) == ["filling gaps", "fill gaps"]
    assert renderings.half_rendered(prepare("projects that strengthen industrial chains and fill gaps in them")) == []
    assert Renderings({"en": "industrial chain chief system"}).half_rendered(prepare("chief")) == []


@pytest.mark.parametrize("alias, name, person, short", [
    ("Yongxiu", "Yongxiu County", False, True),
    ("Jiangxi Province", "Jiangxi", False, True),
    ("MIIT", "Ministry of Industry and Information Technology", False, True),
    ("CCID", "China Center for Information Industry Development", False, True),
    ("Director Huang", "Huang Guodong", True, True),
    ("Director Huang", "Huang Guodong", False, False),
    ("Navigating Jinggang", "Linghang Jinggang", False, False),
    ("One Enterprise One Technology", "One Enterprise, One Technology", False, True),  # marks do not make a name
    ("Municipal Bureau of Industry and Information Technology", "Ji'an Municipal Bureau of Industry and Information Technology", False, True),
    ("CCID Research Institute", "China Center for Information Industry Development", False, False),
])
def test_shortens(alias, name, person, short):
    assert shortens(alias, name, person) is short
