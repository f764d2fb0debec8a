"""duizhao.registries: the one model of the glossary, entity and indicator registries."""

from __future__ import annotations

import json

import pytest

from duizhao.project import Project
from duizhao.registries import RECORD, Entity, Term, registries

from conftest import REPO, build_project


@pytest.mark.parametrize("name", sorted(RECORD))
def test_records_read_every_key_of_the_json_schema(name):
    schema = json.loads((REPO / "annotations" / "schema" / f"{name}.schema.json").read_text(encoding="utf-8"))
    [items] = [prop["items"] for prop in schema["properties"].values()]
    assert RECORD[name].keys() == set(items["properties"]) - {"note"}


def test_registries_are_read_once_per_project(project_dir):
    project = Project(project_dir)
    assert registries(project) is registries(project)
    term = registries(project).terms["chain-chief-system"]
    assert (term.zh, term.forms, term.renderings, term.forbidden) == (
        "链长制", ("链长制", "产业链链长制"), ("industrial chain chief system",), ("chain length system",))
    assert registries(project).position(term, "variants", 0) == (6, 16)


def test_a_repeated_id_keeps_its_first_entry(tmp_path):
    root = build_project(tmp_path / "p")
    glossary = root / "annotations" / "glossary.yaml"
    glossary.write_text(glossary.read_text(encoding="utf-8") + """  - id: chain-chief-system
    zh: 链长
    en: chain chief
    category: policy-mechanism
    definition: {zh: 链长。, en: Chain chief.}
""", encoding="utf-8")
    found = registries(Project(root))
    assert found.terms["chain-chief-system"].zh == "链长制"
    assert [t.id for t in found.records("glossary")] == ["chain-chief-system", "project-5020"]


def test_entries_as_written_become_records():
    entity = Entity.of({"id": "x", "zh": "甲", "en": "X", "aliases": ["甲乙", 3], "en_aliases": "X Co."})
    assert (entity.forms, entity.variants, entity.renderings) == (("甲", "甲乙"), ("甲乙",), ("X", "X Co."))
    assert Term.of({"en": 5, "en_variants": [" ", "a"]}).renderings == ("a",)
