"""The readers' YAML path: plain data like ruamel's safe loader, lazy positions, the parse cache."""

from __future__ import annotations

import pickle
import time
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
    "merged:\n  <<: {x: 1}\n  y: 2\n",
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


REFUSED = {"Y006", "Y007"}  # valid YAML that duizhao refuses: the fixtures of these rules


@pytest.mark.parametrize("path", REAL_FILES, ids=lambda p: str(p.relative_to(REPO)))
def test_same_data_as_the_safe_loader_on_every_yaml_file(path):
    text = path.read_text(encoding="utf-8", errors="replace")
    try:
        expected = _safe(text)
    except Exception:
        with pytest.raises(yamlio.YAMLProblem):
            yamlio.read_data(text)
        return
    refused = REFUSED.intersection(path.parts)
    if refused and path.parts[-3] == "bad":
        with pytest.raises(yamlio.YAMLProblem) as problem:
            yamlio.read_data(text)
        assert {problem.value.code} == refused
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
    "base: !!str 1\nuse: {x: 1, y: [a, b]}\nlist:\n- {k: v}\n-   - deep\n",  # the fallback (tags)
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


# -- bounded input (issue 11) -------------------------------------------------------------
def _bomb(levels: int = 10) -> str:
    """Anchored lists of ten aliases of the one before: 10**levels values once expanded."""
    rows = ["l0: &l0 [x, x, x, x, x, x, x, x, x, x]"]
    rows += [f"l{i}: &l{i} [" + ", ".join([f"*l{i - 1}"] * 10) + "]" for i in range(1, levels)]
    return "\n".join(rows) + "\n"


READERS = {
    "read_data": yamlio.read_data,
    "with positions": lambda text: yamlio.read_data(text, with_positions=True),
    "round trip": yamlio.loads,
    "read only": lambda text: yamlio.loads(text, read_only=True),
}


@pytest.mark.parametrize("reader", READERS.values(), ids=READERS)
@pytest.mark.parametrize("text, expected", [
    ("document: x\nbomb:\n" + "".join("  " + row + "\n" for row in _bomb().splitlines()),
     ("Y006", 3, 7, "anchor &l0 refused")),
    ("tag: !!str 1\n" + _bomb(), ("Y006", 2, 5, "anchor &l0")),  # after a tag: the loaders' path
    ("a: [1, 2]\nb: *nowhere\n", ("Y006", 2, 4, "alias *nowhere refused")),
    ("? *k\n: 1\n", ("Y006", 1, 3, "alias *k")),
    ("note: " + "[" * 5000 + "]" * 5000 + "\n", ("Y007", 1, 38, "nesting deeper than 32 levels")),
    ("tag: !!str 1\nnote: " + "[" * 5000 + "]" * 5000 + "\n", ("Y007", 2, 38, "nesting deeper")),
    ("a: 1\nnote: '" + "长" * 100_001 + "'\n", ("Y007", 2, 7, "a value of 100,001 characters refused")),
    ("a: " + "x" * (16 * 1024 * 1024) + "\n", ("Y007", 1, 1, "file of 16.8 MB refused")),
])
def test_refused_input_is_a_problem_at_its_place_within_milliseconds(reader, text, expected):
    start = time.perf_counter()
    with pytest.raises(yamlio.YAMLProblem) as refused:
        reader(text)
    assert time.perf_counter() - start < 0.5
    code, line, col, words = expected
    assert (refused.value.code, refused.value.line, refused.value.col) == (code, line, col)
    assert words in refused.value.message


def test_the_limit_itself_is_allowed():  # the real files: test_same_data_as_the_safe_loader_on_every_yaml_file
    text = "a:" + "".join("\n" + "  " * i + "- " + ("x" if i == 30 else "") for i in range(31)) + "\n"
    assert yamlio.read_data(text) is not None  # 32 levels: the limit itself is allowed


def test_a_file_over_the_size_limit_is_not_read_whole(tmp_path):
    path = tmp_path / "annotations" / "big.yaml"
    path.parent.mkdir()
    (tmp_path / "corpus").mkdir()
    path.write_bytes(b"# yaml-language-server: $schema=schema/annotations.schema.json\nnotes:\n" + b"  - x\n" * 3_000_000)
    item = Project(tmp_path).yaml(path)
    assert item.data is None and item.problem.code == "Y007" and item.problem.message.startswith("file of 18.0 MB refused")
    assert item.text.startswith("# yaml-language-server") and len(item.text) <= 4096
    with pytest.raises(yamlio.YAMLProblem, match="file of 18.0 MB"):
        yamlio.load(path)


def test_a_byte_order_mark_is_read_past():
    text = yamlio.BOM + "# yaml-language-server: $schema=schema/glossary.schema.json\nterms:\n  - id: a\n"
    assert yamlio.read_data(text) == yamlio.loads(text) == {"terms": [{"id": "a"}]}
    assert yamlio.read_data(text, with_positions=True)[1].at(("terms", 0, "id")) == (3, 5)
