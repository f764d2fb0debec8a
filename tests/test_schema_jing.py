"""Schema enforcement proven against Jing, the reference RELAX NG validator.

Rule X002 validates with libxml2 (lxml), which is known to disagree with Jing in places.
Here Jing judges: for invalid variants made from one valid fixture by small mutations, for
every corpus document and for every TEI fixture, duizhao's verdict (X002, or the parser's
refusal that precedes it) must equal Jing's, and an invalid variant must be reported at the
line of the element it is about. Jing runs here only, never in ``duizhao check``.
"""

from __future__ import annotations

import copy
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from lxml import etree

from duizhao.check.rules import x002_schema_invalid
from duizhao.project import Project

from conftest import FIXTURES, REPO

JING = shutil.which("jing")
SCHEMA = REPO / "corpus" / "schema" / "duizhao-tei.rng"
VALID = FIXTURES / "schema" / "schema-2020.xml"
T, XML = "{http://www.tei-c.org/ns/1.0}", "{http://www.w3.org/XML/1998/namespace}"
NS = {"t": T[1:-1]}

pytestmark = pytest.mark.skipif(JING is None, reason="Debian's jing is missing: `make jing` installs it")

Mutation = Callable[[etree._ElementTree], etree._Element]  # returns the element the finding is about


def _one(tree, xpath):
    found = tree.xpath(xpath, namespaces=NS)
    assert found, xpath
    return found[0]


def attr(xpath: str, name: str, value: str | None) -> Mutation:
    def mutate(tree):
        el = _one(tree, xpath)
        if value is None:
            del el.attrib[name]
        else:
            el.set(name, value)
        return el
    return mutate


def text(xpath: str, value: str) -> Mutation:
    def mutate(tree):
        el = _one(tree, xpath)
        el.text = value
        return el
    return mutate


def remove(xpath: str) -> Mutation:
    def mutate(tree):
        el = _one(tree, xpath)
        parent = el.getparent()
        parent.remove(el)
        return parent
    return mutate


def add(xpath: str, new: Callable[[etree._ElementTree], etree._Element]) -> Mutation:
    def mutate(tree):
        el = _one(tree, xpath)
        el.append(new(tree))
        return el
    return mutate


def twice(xpath: str) -> Mutation:
    def mutate(tree):
        el = _one(tree, xpath)
        el.addnext(copy.deepcopy(el))
        return el.getnext()
    return mutate


def move_after(xpath: str, anchor: str) -> Mutation:
    def mutate(tree):
        el = _one(tree, xpath)
        _one(tree, anchor).addnext(el)
        return el
    return mutate


def into(xpath: str, parent: str) -> Mutation:
    def mutate(tree):
        el = _one(tree, xpath)
        _one(tree, parent).append(el)
        return el
    return mutate


def rename(xpath: str, tag: str) -> Mutation:
    def mutate(tree):
        el = _one(tree, xpath)
        el.tag = tag
        return el
    return mutate


P = "//t:text[@type='source']//t:p"
# invalid by design; each names what is wrong
INVALID: dict[str, Mutation] = {
    "title/@type not an allowed value": attr("//t:titleStmt/t:title", "type", "primary"),
    "idno/@type not an allowed value": attr("//t:idno", "type", "isbn"),
    "corr/@type not an allowed value": attr("//t:corr", "type", "typo"),
    "ab/@ana not one of #draft, #checked, #reviewed": attr("//t:ab", "ana", "#final"),
    "ab/@change not a pointer": attr("//t:ab[@change]", "change", "rev-1"),
    "change/@xml:id not an NCName": attr("//t:change[@xml:id]", f"{XML}id", "2026-12-05"),
    "inline note/@type not an allowed value": attr(f"{P}/t:note", "type", "comment"),
    "date/@cert not an allowed value": attr("//t:creation/t:date", "cert", "certain"),
    "date/@when not an ISO date": attr("//t:creation/t:date", "when", "2020/11/09"),
    "xml:lang not a language tag": attr("//t:placeName", f"{XML}lang", "Chinese!"),
    "sp/@who not a pointer": attr("//t:sp", "who", "netizen"),
    "segment id not sNNN": attr(P, f"{XML}id", "para4"),
    "sp without @who": attr("//t:sp", "who", None),
    "ab without @resp": attr("//t:ab", "resp", None),
    "ab without @corresp": attr("//t:ab", "corresp", None),
    "catRef without @target": attr("//t:catRef", "target", None),
    "change without @when (it has @who)": attr("//t:change", "when", None),
    "paragraph segment without xml:id": attr(P, f"{XML}id", None),
    "head segment without xml:id (it has @type)": attr("//t:div/t:head", f"{XML}id", None),
    "person without xml:id (it has @role)": attr("//t:person", f"{XML}id", None),
    "list item segment without xml:id": attr("//t:list[@type='bulleted']/t:item", f"{XML}id", None),
    "an attribute the schema does not know": attr(P, "n", "4"),
    "xml:lang on a speaker": attr("//t:speaker", f"{XML}lang", "zh"),
    "text directly in div": text("//t:div", "散落的文字"),
    "text directly in sp": text("//t:sp", "散落的文字"),
    "text directly in the translation body": text("//t:text[@type='translation']/t:body", "loose"),
    "choice with two corr": twice("//t:corr"),
    "choice with two sic": twice("//t:sic"),
    "choice without corr": remove("//t:corr"),
    "choice inside sic": add("//t:sic", lambda tree: copy.deepcopy(_one(tree, "//t:choice"))),
    "speaker after the paragraphs": move_after("//t:speaker", "//t:sp/t:p"),
    "two speakers": twice("//t:speaker"),
    "p inside p": into(f"({P})[2]", f"({P})[1]"),
    "head after a paragraph": move_after("//t:div/t:head", "//t:div/t:p"),
    "header sections out of order": move_after("//t:encodingDesc", "//t:profileDesc"),
    "an element the schema does not know": rename(P, f"{T}para"),
    "figure without head": remove("//t:figure/t:head"),
    "sp without a paragraph": remove("(//t:sp)[1]/t:p"),
    "two dates in the source bibl": twice("//t:bibl/t:date"),
    "an element in the empty pb": add("//t:pb", lambda tree: etree.Element(f"{T}lb")),
    "hi without @rend": attr(f"{P}/t:hi", "rend", None),
    "no revisionDesc": remove("//t:revisionDesc"),
    "the translation before the source": move_after("//t:text[@type='source']", "//t:text[@type='translation']"),
}
# valid on purpose: what the encoding guide allows must stay allowed
VALID_VARIANTS: dict[str, Mutation] = {
    "sp without speaker (a turn with no label in the source)": remove("//t:speaker"),
    "corr before sic": move_after("//t:sic", "//t:corr"),
    "no translation yet": remove("//t:text[@type='translation']"),
    "a checked segment": attr("//t:ab[@ana='#draft']", "ana", "#checked"),
    "a reviewed segment without @change (rule T009's finding, not the schema's)": attr("//t:ab[@change]", "change", None),
    "a paragraph directly in body": move_after(P, "//t:div[1]"),
}


def _every_attribute() -> dict[str, Mutation]:
    """Generated: each attribute of each element of the fixture removed, and given a value
    no datatype of the schema accepts. Their verdicts are whatever Jing says."""
    tree = etree.parse(str(VALID))
    out = {}
    for el in tree.getroot().iter(etree.Element):
        where = tree.getelementpath(el).replace(T, "")
        for name in el.attrib:
            short = name.replace(XML, "xml:")
            out[f"{where} @{short} removed"] = attr(tree.getpath(el), name, None)
            out[f"{where} @{short}='!?'"] = attr(tree.getpath(el), name, "!?")
    return out


def _write(mutations: dict[str, Mutation], dest: Path) -> dict[str, tuple[Path, int]]:
    """Write each variant; (file, line of the element the finding is about)."""
    out = {}
    for number, (name, mutate) in enumerate(mutations.items()):
        tree = etree.parse(str(VALID))
        target = mutate(tree)
        path = dest / f"v{number:03d}.xml"
        target_path = tree.getpath(target)
        tree.write(str(path), encoding="UTF-8", xml_declaration=True)
        reread = etree.parse(str(path), etree.XMLParser(collect_ids=False))
        out[name] = (path, reread.xpath(target_path)[0].sourceline)
    return out


def _jing(paths: list[Path]) -> dict[Path, list[str]]:
    """Jing's errors per file (one Java start for all files)."""
    done = subprocess.run([JING, str(SCHEMA), *map(str, paths)], capture_output=True, text=True)
    errors: dict[Path, list[str]] = {p: [] for p in paths}
    for line in done.stdout.splitlines():
        file, _, rest = line.partition(":")
        errors[Path(file)].append(rest)
    assert done.returncode in (0, 1) and (done.returncode == 1) == any(errors.values()), done.stdout + done.stderr
    return errors


def _duizhao(path: Path) -> list[tuple[int, str]]:
    """(line, message) of what duizhao reports against the schema: X002's findings, or the
    parser's refusal (not well-formed, duplicate id, hostile) that comes before X002."""
    project = Project(REPO)
    item = project.tei(path)
    if item.doc is None:
        return [(item.problem.line, f"{item.problem.code} {item.problem.message}")]
    return [(p.line, p.message) for p in x002_schema_invalid.check(item, project)]


@pytest.fixture(scope="module")
def variants(tmp_path_factory) -> dict[str, tuple[Path, int]]:
    return _write({**INVALID, **VALID_VARIANTS, **_every_attribute()}, tmp_path_factory.mktemp("variants"))


@pytest.fixture(scope="module")
def jing(variants) -> dict[Path, list[str]]:
    return _jing([p for p, _ in variants.values()])


def test_the_fixture_is_valid_for_both():
    assert _jing([VALID]) == {VALID: []}
    assert _duizhao(VALID) == []


@pytest.mark.parametrize("name", INVALID)
def test_x002_rejects_each_invalid_variant_at_its_element(name, variants, jing):
    path, line = variants[name]
    assert jing[path], f"Jing accepts {name!r}: the variant does not test what it says"
    found = _duizhao(path)
    assert found, f"{name}: duizhao accepts what Jing rejects: {jing[path][0]}"
    jing_lines = {int(e.split(":")[0]) for e in jing[path]}
    assert {ln for ln, _ in found} & ({line} | jing_lines), (name, line, found, jing[path])


@pytest.mark.parametrize("name", VALID_VARIANTS)
def test_what_the_encoding_guide_allows_stays_valid(name, variants, jing):
    path, _ = variants[name]
    assert jing[path] == [] and _duizhao(path) == []


def test_every_attribute_variant_gets_jings_verdict_at_its_element(variants, jing):
    generated = {n: variants[n] for n in _every_attribute()}
    assert len(generated) > 100
    wrong, unplaced = [], []
    for name, (path, line) in generated.items():
        found = _duizhao(path)
        if bool(found) != bool(jing[path]):
            wrong.append((name, found[:1], jing[path][:1]))
        elif found and line not in {ln for ln, _ in found}:
            unplaced.append((name, line, found[:2]))
    assert wrong == [] and unplaced == []


TEI_FILES = sorted([*(REPO / "corpus").glob("*.xml"), *FIXTURES.rglob("*.xml")])


def test_corpus_and_fixtures_get_jings_verdict():
    assert len(TEI_FILES) > 30
    refused = {p: Project(REPO).tei(p).problem for p in TEI_FILES}
    refused = {p: problem.code for p, problem in refused.items() if problem is not None}
    # the parser's refusals come before the schema: not well-formed (Jing too stops at it),
    # duplicate xml:id (the xml:id rule, which Jing does not apply), hostile or oversized
    # (not for Jing's parser, which would resolve the entity)
    assert {code for code in refused.values()} <= {"X001", "X003", "X006", "X009"}
    for path in (p for p, code in refused.items() if code == "X001"):
        assert "fatal:" in subprocess.run([JING, str(SCHEMA), str(path)], capture_output=True, text=True).stdout
    jing = _jing([p for p in TEI_FILES if p not in refused])  # Jing stops at the first file it cannot parse
    disagree = [(p.relative_to(REPO).as_posix(), _duizhao(p)[:1], jing[p][:1]) for p in jing
                if bool(_duizhao(p)) != bool(jing[p])]
    assert disagree == []
