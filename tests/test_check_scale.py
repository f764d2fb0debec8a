"""``duizhao check`` at scale: worker processes, the incremental mode, the fast schema gate."""

from __future__ import annotations

import copy
import dataclasses
import gc
import json
import os
import shutil
import weakref
from pathlib import Path

import pytest
from jsonschema import Draft7Validator

from duizhao import annotations, memo, yamlio
from duizhao.check import aligned, incremental, parallel, run
from duizhao.check.rules import y003_schema_violation
from duizhao.cli import main
from duizhao.project import Project

from conftest import BASE, REPO, build_project

DOC = "mini-news-2020"
_REAL_CHECK_FILE = parallel.check_file


def _many(dest: Path, copies: int) -> Path:
    """The base project with ``copies`` more documents (TEI, source, annotations renamed)."""
    root = build_project(dest)
    tei = (root / "corpus" / f"{DOC}.xml").read_text(encoding="utf-8")
    ann = (root / "annotations" / f"{DOC}.yaml").read_text(encoding="utf-8")
    for n in range(copies):
        new = f"mini-copy{n:02d}-2020"
        (root / "corpus" / f"{new}.xml").write_text(tei.replace(DOC, new).replace("mini.txt", f"{new}.txt"), encoding="utf-8")
        shutil.copy(root / "corpus" / "sources" / "mini.txt", root / "corpus" / "sources" / f"{new}.txt")
        text = ann.replace(DOC, new)
        if n % 3 == 0:  # some findings to compare: an unknown term, a wrong quote
            text = text.replace("term: chain-chief-system", "term: no-such-term").replace("quote: 链长制", "quote: 链短制")
        (root / "annotations" / f"{new}.yaml").write_text(text, encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def big(tmp_path_factory) -> Path:
    return _many(tmp_path_factory.mktemp("big") / "project", 14)


def _pids(monkeypatch, log: Path) -> None:
    """Record which process checks each file (the patch is inherited by forked workers)."""
    real = _REAL_CHECK_FILE

    def spy(project, path, codes):
        with open(log, "a") as fh:
            fh.write(f"{os.getpid()}\n")
        return real(project, path, codes)
    monkeypatch.setattr(parallel, "check_file", spy)


def test_workers_report_exactly_what_one_process_does(big, monkeypatch, tmp_path):
    _pids(monkeypatch, tmp_path / "alone")
    alone = run(Project(big), jobs=1)
    _pids(monkeypatch, tmp_path / "shared")
    shared = run(Project(big), jobs=2)
    assert set((tmp_path / "alone").read_text().split()) == {str(os.getpid())}
    assert len(set((tmp_path / "shared").read_text().split()) - {str(os.getpid())}) == 2  # two workers did the work
    assert shared == alone and {f.code for f in alone} >= {"G001", "A002"}


def test_workers_on_named_files_see_their_documents(big):
    paths = sorted(big.glob("annotations/mini-copy*.yaml"))
    assert run(Project(big), paths, jobs=2) == run(Project(big), paths, jobs=1)


def test_a_check_of_some_files_reports_what_the_whole_check_reports_there(big, tmp_path):
    """The corpus rules leave aside what concerns only other files (summaries.wanted): the
    fast path gives exactly the whole check's findings in the files named."""
    root = shutil.copytree(big, tmp_path / "p")
    one, two = root / "annotations" / "mini-copy01-2020.yaml", root / "annotations" / "mini-copy02-2020.yaml"
    one.write_text(one.read_text(encoding="utf-8").replace("value: 3.6", "value: 4.6"), encoding="utf-8")  # F004
    two.write_text(two.read_text(encoding="utf-8").replace("mini-copy02-2020.a0002", "mini-copy01-2020.a0002"),
                   encoding="utf-8")  # A005 (and A006)
    whole = run(Project(root), cache=True)
    assert {"F004", "A005", "G001"} <= {f.code for f in whole}
    kept = incremental.FindingsCache(Project(root), fresh_for=60)  # as the language server keeps it
    for paths in ([one], [two], [one, two], [root / "corpus" / "mini-copy04-2020.xml"], [root / "annotations" / "glossary.yaml"]):
        shown = {str(p.relative_to(Path.cwd())) if p.is_relative_to(Path.cwd()) else str(p) for p in paths}
        expected = [f for f in whole if f.path in shown]
        assert run(Project(root), paths, cache=True) == expected, paths
        assert run(Project(root), paths, cache=kept) == expected, paths


def test_a_rule_crash_in_a_worker_is_reported_at_each_file_and_the_rest_is_checked(big, monkeypatch, capsys):
    from duizhao.check.rules import RULES
    monkeypatch.setattr(RULES["T001"], "check", lambda item, project: 1 / 0)
    assert main(["--root", str(big), "check", "--jobs", "2", "--no-cache"]) == 2
    out = capsys.readouterr().out.splitlines()
    crashes = [line for line in out if ": T001 [error] internal error: rule T001 (missing-translation) failed: ZeroDivisionError" in line]
    assert len(crashes) == 15 and all(line.split(":")[1:3] == ["1", "1"] for line in crashes)  # one per document
    assert any(": G001 [error]" in line for line in out) and any(": A002 [error]" in line for line in out)


def _counting(monkeypatch) -> list[Path]:
    checked: list[Path] = []
    real = parallel.check_file

    def spy(project, path, codes):
        checked.append(Path(path))
        return real(project, path, codes)
    monkeypatch.setattr(parallel, "check_file", spy)
    return checked


def test_incremental_mode_rechecks_only_what_changed(project_dir, monkeypatch):
    checked = _counting(monkeypatch)
    first = run(Project(project_dir), cache=True)
    assert len(checked) == 5  # 1 TEI + 4 YAML
    checked.clear()
    assert run(Project(project_dir), cache=True) == first and checked == []

    ann = project_dir / "annotations" / f"{DOC}.yaml"
    ann.write_text(ann.read_text(encoding="utf-8").replace("term: chain-chief-system", "term: no-such-term"), encoding="utf-8")
    edited = run(Project(project_dir), cache=True)
    assert [p.name for p in checked] == [f"{DOC}.xml", ann.name]  # its document too: G005 compares them
    assert {f.code for f in edited} == {"G001", "G005"} and edited == run(Project(project_dir))


def test_a_document_edit_rechecks_its_annotation_file(project_dir, monkeypatch):
    run(Project(project_dir), cache=True)
    checked = _counting(monkeypatch)
    tei = project_dir / "corpus" / f"{DOC}.xml"
    tei.write_text(tei.read_text(encoding="utf-8").replace("链长制", "链主制"), encoding="utf-8")
    found = run(Project(project_dir), cache=True)
    assert sorted(p.name for p in checked) == [f"{DOC}.xml", f"{DOC}.yaml"]
    assert found == run(Project(project_dir)) and "A002" in {f.code for f in found}


def test_a_glossary_edit_rechecks_everything_and_refreshes_t005(project_dir, monkeypatch):
    assert not [f for f in run(Project(project_dir), cache=True) if f.code == "T005"]
    checked = _counting(monkeypatch)
    glossary = project_dir / "annotations" / "glossary.yaml"
    glossary.write_text(glossary.read_text(encoding="utf-8").replace("en: industrial chain chief system",
                                                                     "en: chain leader mechanism"), encoding="utf-8")
    found = run(Project(project_dir), cache=True)
    assert len(checked) == 5
    assert [f.code for f in found if f.code == "T005"] == ["T005"] and found == run(Project(project_dir))


def test_a_source_text_edit_rechecks_its_tei_file(project_dir, monkeypatch):
    run(Project(project_dir), cache=True)
    checked = _counting(monkeypatch)
    source = project_dir / "corpus" / "sources" / "mini.txt"
    source.write_text(source.read_text(encoding="utf-8") + "多了一句。\n", encoding="utf-8")
    found = run(Project(project_dir), cache=True)
    assert [p.name for p in checked] == [f"{DOC}.xml"] and "X008" in {f.code for f in found}


def test_other_selections_reuse_what_is_known_and_corrupt_entries_are_not_reused(project_dir, monkeypatch):
    run(Project(project_dir), select=["X"], cache=True)
    checked = _counting(monkeypatch)
    assert run(Project(project_dir), select=["X"], cache=True) == [] and checked == []
    assert run(Project(project_dir), cache=True) == [] and len(checked) == 5  # the other rules are new
    checked.clear()
    assert run(Project(project_dir), select=["X"], cache=True) == [] and checked == []  # known from the whole run
    for entry in (project_dir / "build" / "cache" / "check").rglob("*.pickle"):
        entry.write_bytes(entry.read_bytes()[:-5])
    checked.clear()
    found = run(Project(project_dir), cache=True)
    assert len(checked) == 5 and found == run(Project(project_dir))


def test_cli_jobs_and_no_cache(project_dir, capsys):
    assert main(["--root", str(project_dir), "check", "--no-cache", "--jobs", "1"]) == 0
    assert not (project_dir / "build").exists() and "All checks passed." in capsys.readouterr().out
    assert main(["--root", str(project_dir), "check", "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out) == [] and (project_dir / "build" / "cache" / "check").is_dir()
    with pytest.raises(SystemExit) as exit_:
        main(["--root", str(project_dir), "check", "--jobs", "0"])
    assert exit_.value.code == 2


def test_dependencies_are_what_the_rules_read(project_dir):
    project = Project(project_dir)
    assert incremental.dependencies(project, project_dir / "corpus" / f"{DOC}.xml") == [
        project.sources_dir / "mini.txt", project.annotations_dir / f"{DOC}.yaml"]
    assert incremental.dependencies(project, project_dir / "annotations" / f"{DOC}.yaml") == [project.corpus_dir / f"{DOC}.xml"]
    assert incremental.dependencies(project, project_dir / "annotations" / "glossary.yaml") == []


# -- the Y003 gate ------------------------------------------------------------------------
def _mutations(item: dict) -> list[dict]:
    """One-field changes of a valid annotation: wrong types, values, extra and missing keys."""
    out = []
    for key in list(item):
        for value in (None, 3, 2.5, True, "", "x y", ["a"], {"a": 1}, -1, 0):
            changed = dict(item, **{key: value})
            out.append(changed)
        out.append({k: v for k, v in item.items() if k != key})
    out += [dict(item, extra="x"), dict(item, type="figure"), dict(item, type="entity"), dict(item, scale=0),
            dict(item, period="2020-13"), dict(item, period=__import__("datetime").date(2020, 1, 2))]
    return out


def test_the_fast_schema_gate_agrees_with_jsonschema():
    data = yamlio.read_data((BASE / "annotations" / f"{DOC}.yaml").read_text(encoding="utf-8"))
    schema = json.loads((REPO / "annotations" / "schema" / "annotations.schema.json").read_text(encoding="utf-8"))
    fast, full = y003_schema_violation.fast_gate(schema), Draft7Validator(schema)
    cases = [data, {**data, "document": "Bad Id"}, {**data, "annotations": "none"}, {"document": DOC}]
    for i, item in enumerate(data["annotations"]):
        for changed in _mutations(item):
            doc = copy.deepcopy(data)
            doc["annotations"][i] = changed
            cases.append(doc)
    assert len(cases) > 300
    assert fast is not None
    for case in cases:
        assert fast(case) == full.is_valid(case), case


def test_annotation_records_are_what_the_constructor_makes(project_dir):
    item = Project(project_dir).yaml(project_dir / "annotations" / f"{DOC}.yaml")
    item.data["annotations"][1].update(value="7", scale=2, note=None, prefix=["x"], unknown="key")
    fields = [f.name for f in dataclasses.fields(annotations.Annotation)]
    for record in annotations.read(item).annotations:
        node = record.node
        expected = annotations.Annotation(
            doc=DOC, path=item.path, index=record.index, file=item, node=node,
            **{k: node[k] if isinstance(node.get(k), str) else None for k in annotations.TEXT_FIELDS},
            **{k: annotations._number(node.get(k)) for k in annotations.NUMBER_FIELDS})
        assert [getattr(record, f) for f in fields] == [getattr(expected, f) for f in fields] and record == expected
    second = annotations.read(item).annotations[1]
    assert (second.value, second.scale, second.note, second.prefix) == (None, 2.0, None, None)
    assert dataclasses.replace(second, prefix="x").prefix == "x" and second.line == 19 and hash(second)


def test_a_forgotten_view_is_freed(project_dir):
    view = Project(project_dir).view([project_dir / "annotations" / f"{DOC}.yaml"])
    annotations.load(view)  # the index refers back to its project
    alive = weakref.ref(view)
    memo.forget(view)
    del view
    assert alive() is None


def test_the_numbers_t002_and_f001_share_are_scanned_once_and_freed_with_the_document(project_dir, monkeypatch):
    scanned = []
    monkeypatch.setattr(aligned, "find_numbers", lambda text: scanned.append(text) or [])
    before = set(aligned._NUMBERS)
    run(Project(project_dir), select=["F001"])
    assert scanned  # F001 reads the segments' numbers through the shared scan
    scanned.clear()
    run(Project(project_dir), select=["T002", "F001"])
    assert scanned and len(scanned) == len(set(scanned))  # each segment once, for both rules
    gc.collect()
    assert set(aligned._NUMBERS) == before  # the check's documents are gone, and their numbers


# -- the corpus rules work on per-file summaries ---------------------------------------------
def test_corpus_rules_combine_summaries_across_files_workers_and_cache(tmp_path):
    root = _many(tmp_path / "project", 14)
    first_copy = root / "annotations" / "mini-copy01-2020.yaml"  # reuses an id of the base document
    first_copy.write_text(first_copy.read_text(encoding="utf-8").replace("mini-copy01-2020.a0001", f"{DOC}.a0001"), encoding="utf-8")
    second_copy = root / "annotations" / "mini-copy02-2020.yaml"  # reports the growth rate differently
    second_copy.write_text(second_copy.read_text(encoding="utf-8").replace("value: 3.6", "value: 3.7"), encoding="utf-8")
    alone = run(Project(root), jobs=1)
    assert run(Project(root), jobs=2, cache=True) == alone == run(Project(root), jobs=2, cache=True)  # cold, then warm
    [a005] = [f for f in alone if f.code == "A005"]
    assert a005.path.endswith(f"{DOC}.yaml") and (a005.line, a005.col) == (5, 5)  # the copy comes first
    assert a005.message == f"annotation id '{DOC}.a0001' is already used at annotations/mini-copy01-2020.yaml:5"
    f004 = [f for f in alone if f.code == "F004"]
    assert len(f004) == 15 and sum(f.path.endswith("mini-copy02-2020.yaml") for f in f004) == 1
    assert all((f.line, f.col) == (11, 5) for f in f004)
    assert "3.7 percent at annotations/mini-copy02-2020.yaml:5 (mini-copy02-2020.a0001)" in f004[0].message


def test_a_warm_run_reads_no_file_again(project_dir, monkeypatch):
    first = run(Project(project_dir), cache=True)

    def refuse(*args, **kwargs):
        raise AssertionError("a file was parsed again")
    monkeypatch.setattr("duizhao.project.load_document", refuse)
    monkeypatch.setattr(yamlio, "read_data", refuse)
    assert run(Project(project_dir), cache=True) == first


def test_a_corpus_rule_alone_still_sees_every_file(big):
    assert run(Project(big), select=["G004", "E002"], jobs=2) == [f for f in run(Project(big), jobs=1) if f.code in ("G004", "E002")]
    paths = [big / "annotations" / "mini-copy01-2020.yaml"]
    assert run(Project(big), paths, select=["A005"], jobs=2) == []
