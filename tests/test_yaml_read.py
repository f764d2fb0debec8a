"""The readers' YAML path: plain data like ruamel's safe loader, lazy positions, the parse cache."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from duizhao import yamlio
from duizhao.diskcache import DiskCache
from duizhao.project import Project

from conftest import FIXTURES, REPO

REAL_FILES = sorted({*REPO.glob("annotations/*.yaml"), *FIXTURES.rglob("*.yaml")})

EDGE_CASES = [
    "",
    "# only a comment\n",
    "just a scalar\n",
    "- 1\n- two\n- [3, 4.5, {a: b}]\n",
    "a: 1\nb: -2.5e3\nc: .inf\nd: 0x1F\ne: 0o17\nf: 1_000\ng: +7\n",
    "t: true\nf: False\nn: null\ne:\ntilde: ~\nyes: yes\nno: off\n",
    "d: 2020-01-02\nt: 2020-01-02 10:11:12+08:00\np: 2020-01/2020-09\ny: '2020'\n",
    "q: \"增长3.6%\"\ns: 'it''s'\nplain: 链长制\nu: \"\\u00e9\\t\"\n",
    "block: |\n  line one\n  line two\nfolded: >-\n  folded\n  text\n",
    "flow: {a: [1, 2], b: {c: d}}\n'quoted key': 1\n? complex\n: value\n",
    "1: int key\n2.5: float key\nfalse: bool key\n~: null key\n",
    "base: &b {x: 1}\nuse: *b\n",
    "base: &b {x: 1}\nmerged:\n  <<: *b\n  y: 2\n",
    "tagged: !!str 12\nset: !!set {a, b}\n",
    "%YAML 1.1\n---\non: yes\n",
    "---\na: 1\n...\n",
]


def _safe(text: str):
    yaml = YAML(typ="safe", pure=False)
    yaml.allow_duplicate_keys = False
    return yaml.load(text)


@pytest.mark.parametrize("text", EDGE_CASES)
def test_same_data_as_the_safe_loader(text):
    assert yamlio.read_data(text) == _safe(text)


@pytest.mark.parametrize("path", REAL_FILES, ids=lambda p: str(p.relative_to(REPO)))
def test_same_data_as_the_safe_loader_on_every_yaml_file(path):
    text = path.read_text(encoding="utf-8", errors="replace")
    try:
        expected = _safe(text)
    except Exception:
        with pytest.raises(yamlio.YAMLProblem):
            yamlio.read_data(text)
        return
    assert yamlio.read_data(text) == expected


@pytest.mark.parametrize("text", [
    "a: 1\nb: 2\na: 3\n",  # duplicate key (the safe loader refuses it too)
    "annotations:\n  - id: x\n    id: y\n",
    "a: [1, 2\n",
    "a: 'unclosed\n",
    "- a\nb: c\n",
    "a: 1\n---\nb: 2\n",  # two documents
])
def test_problems_are_worded_as_by_the_round_trip_loader(text):
    with pytest.raises(yamlio.YAMLProblem) as fast:
        yamlio.read_data(text)
    with pytest.raises(yamlio.YAMLProblem) as reference:
        yamlio.loads(text, read_only=True)
    assert fast.value == reference.value


def test_duplicate_keys_are_refused_by_the_safe_loader_as_well():
    yaml = YAML(typ="safe", pure=False)
    yaml.allow_duplicate_keys = False
    with pytest.raises(Exception, match="duplicate key"):
        yaml.load("a: 1\na: 2\n")


def _paths(node, prefix=()):
    """Every key/index path of round-trip data."""
    if isinstance(node, dict):
        for k, v in node.items():
            yield (*prefix, k)
            yield from _paths(v, (*prefix, k))
    elif isinstance(node, list):
        for i, v in enumerate(node):
            yield (*prefix, i)
            yield from _paths(v, (*prefix, i))


@pytest.mark.parametrize("text", [
    (FIXTURES / "base" / "annotations" / "mini-news-2020.yaml").read_text(encoding="utf-8"),
    (REPO / "annotations" / "glossary.yaml").read_text(encoding="utf-8"),
    "base: &b {x: 1, y: [a, b]}\nuse: *b\nlist:\n- {k: v}\n-   - deep\n",  # the fallback (anchors)
])
def test_positions_agree_with_the_round_trip_data(text):
    data = yamlio.loads(text, read_only=True)
    positions = yamlio.Positions.of(text, yamlio.read_data(text))
    paths = list(_paths(data))
    assert paths
    for path in paths:
        assert positions.at(path) == yamlio.position(data, list(path)), path
    for path in [(), ("nope",), (*paths[-1], "nope"), (*paths[0], 99)]:
        assert positions.at(path) == yamlio.position(data, list(path))


def test_positions_from_the_same_pass_and_unparsable_text():
    data, positions = yamlio.read_data("a:\n  b: 1\n", with_positions=True)
    assert data == {"a": {"b": 1}} and positions.at(("a", "b")) == (2, 3)
    assert yamlio.Positions.of("a: [1\n", None).at(("a",)) == (1, 1)


# -- the cache ---------------------------------------------------------------------------
def test_disk_cache_round_trip_and_distrust(tmp_path):
    cache = DiskCache(tmp_path)
    value = {"a": [1, 2.5, None, "链"], "d": __import__("datetime").date(2020, 1, 2)}
    cache.put("k1", value)
    assert cache.get("k1") == value and cache.get("k2") is None
    path = next(tmp_path.rglob("k1.pickle"))
    path.write_bytes(path.read_bytes()[:20])  # truncated
    assert cache.get("k1") is None
    path.write_bytes(pickle.dumps(("duizhao-cache/1", "another key", value)))  # not its own key
    assert cache.get("k1") is None
    path.write_bytes(pickle.dumps(("duizhao-cache/1", "k1", Path("/"))))  # a class that is not plain data
    assert cache.get("k1") is None
    assert [p.name for p in tmp_path.rglob("*")] == [path.parent.name, path.name]  # no temporary files left


def test_project_reads_unchanged_yaml_from_the_parse_cache(project_dir):
    path = project_dir / "annotations" / "mini-news-2020.yaml"
    first = Project(project_dir)
    first.use_cache()
    data = first.yaml(path).data
    again = Project(project_dir)
    again.use_cache()
    assert again.yaml(path).data == data and again.parse_cache.hits == 1
    assert again.yaml(path).position(("annotations", 0, "quote")) == (8, 5)  # positions are cached too
    path.write_text(path.read_text(encoding="utf-8").replace("增长3.6%", "增长3.7%"), encoding="utf-8")
    changed = Project(project_dir)
    changed.use_cache()
    assert changed.yaml(path).data["annotations"][0]["quote"] == "增长3.7%" and changed.parse_cache.hits == 0
    for entry in (project_dir / "build" / "cache" / "yaml").rglob("*.pickle"):
        entry.write_bytes(b"garbage")
    corrupt = Project(project_dir)
    corrupt.use_cache()
    assert corrupt.yaml(path).data == changed.yaml(path).data


def test_without_cache_nothing_is_written(project_dir):
    Project(project_dir).yaml(project_dir / "annotations" / "glossary.yaml")
    assert not (project_dir / "build").exists()
