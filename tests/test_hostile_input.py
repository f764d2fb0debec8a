"""Hostile and careless input (issue 11): no hang, no silent loss, every finding at its line.

The readers' bounds are tested in test_yaml_read.py and the rules' places in their fixtures
(tests/fixtures/rules/{X005,X006,X009,Y001,Y003,Y005,Y006,Y007,Y008}); here: what the whole
check does with a file it cannot read, a rule that crashes, registry ids written twice and
a byte-order mark.
"""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from duizhao.check import Severity, run
from duizhao.check.finding import INTERNAL
from duizhao.check.rules import RULES
from duizhao.cli import main
from duizhao.project import Project

from conftest import build_project

ANN = Path("annotations") / "mini-news-2020.yaml"
TEI = Path("corpus") / "mini-news-2020.xml"


def _edit(root: Path, rel: Path | str, old: str, new: str) -> None:
    path = root / rel
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _seen(findings) -> list[tuple[str, int, int, str, str]]:
    return [(f.path.split("/", 1)[0] + "/" + Path(f.path).name, f.line, f.col, f.code, f.severity.value) for f in findings]


def _run(root: Path, **kwargs):
    return run(Project(root), **kwargs)


def _not_checked(note: str) -> dict[str, set[str]]:
    """``{target: rule codes}`` of an info note ("… not checked: A001, F001 on x; G004 on the corpus")."""
    prefix = "while this file cannot be read, not checked: "
    assert note.startswith(prefix), note
    out: dict[str, set[str]] = {}
    for part in note[len(prefix):].split("; "):
        codes, targets = part.split(" on ", 1)
        for target in targets.split(", "):
            out.setdefault(target, set()).update(codes.split(", "))
    return out


# -- a file that cannot be read: exactly its own error, and one note -------------------------
def test_an_unreadable_document_produces_its_error_and_one_note_not_a_flood(project_dir):
    _edit(project_dir, TEI, "</head>", "</heed>")
    findings = _run(project_dir)
    assert [(f.code, f.severity) for f in findings] == [("X001", Severity.ERROR), ("X001", Severity.INFO)]
    error, note = findings
    assert (note.path, note.line, note.col) == (error.path, error.line, error.col)
    skipped = _not_checked(note.message)
    assert set(skipped) == {str(project_dir / ANN), "the corpus"}
    assert {"A001", "A002", "A003", "A004", "F001"} <= skipped[str(project_dir / ANN)]
    assert skipped["the corpus"] == {"E002", "G004"}


def test_an_unreadable_annotation_file_skips_g005_on_its_document(project_dir):
    _edit(project_dir, ANN, "    quote: 链长制\n", "    quote: 链长制\n   status: x\n")
    findings = _run(project_dir)
    assert [(f.code, f.severity.value) for f in findings] == [("Y001", "error"), ("Y001", "info")]
    skipped = _not_checked(findings[1].message)
    assert skipped["the corpus"] == {"E002"} and "G005" in skipped[str(project_dir / TEI)]


def test_an_unreadable_registry_skips_the_lookups_in_it(project_dir):
    _edit(project_dir, "annotations/glossary.yaml", "terms:\n", "terms: &t\n")
    findings = _run(project_dir)
    assert [(f.path.endswith("glossary.yaml"), f.code, f.severity.value) for f in findings] == [
        (True, "Y006", "error"), (True, "Y006", "info")]
    skipped = _not_checked(findings[1].message)
    assert skipped[str(project_dir / ANN)] == {"G001"} and {"G005", "T005", "T006"} <= skipped[str(project_dir / TEI)]


def test_the_note_is_shown_with_the_rules_it_is_about(project_dir, capsys):
    _edit(project_dir, TEI, "</head>", "</heed>")
    assert main(["--root", str(project_dir), "check", "--select", "G004"]) == 0  # a note never fails a check
    out = capsys.readouterr().out.splitlines()
    assert out[0].endswith(": X001 [info] while this file cannot be read, not checked: G004 on the corpus (xml-not-well-formed)")
    assert out[1] == "1 finding(s): 0 error(s), 0 warning(s), 1 note(s) on what was not checked"
    assert main(["--root", str(project_dir), "check", "--select", "G004", "--strict", "--format", "github"]) == 0
    assert capsys.readouterr().out.startswith("::notice file=")


def test_checking_one_file_notes_only_what_concerns_it(project_dir):
    _edit(project_dir, TEI, "</head>", "</heed>")
    findings = _run(project_dir, paths=[project_dir / ANN])
    assert [(f.code, f.severity.value) for f in findings] == [("X001", "info")]
    assert set(_not_checked(findings[0].message)) == {str(project_dir / ANN)}  # G004/E002 are not shown for one file


# -- a rule that crashes on one file ------------------------------------------------------------
def _crash_on(monkeypatch, code: str, name: str, phase: str = "check") -> None:
    rule = RULES[code]
    real = getattr(rule, phase)

    def crashing(item, *rest):
        if getattr(item, "path", None) is not None and item.path.name == name:
            raise RecursionError("maximum recursion depth exceeded")
        return real(item, *rest)
    monkeypatch.setattr(rule, phase, crashing)


def test_a_rule_that_crashes_on_one_file_is_reported_there_and_the_rest_is_checked(project_dir, monkeypatch, capsys):
    _edit(project_dir, TEI, 'corresp="#s001" resp="#tr-duizhao"', 'corresp="#s001" resp="#nobody"')  # X014, same file
    _edit(project_dir, ANN, "value: 3.6", "value: 3.6\n    value: 3.9")  # Y002, another file
    _crash_on(monkeypatch, "X005", "mini-news-2020.xml")
    findings = _run(project_dir)
    crash = [f for f in findings if f.slug == INTERNAL]
    assert [(f.path.endswith(str(TEI)), f.line, f.col, f.code) for f in crash] == [(True, 1, 1, "X005")]
    assert crash[0].message.startswith("internal error: rule X005 (missing-header-field) failed: RecursionError:")
    assert {"X014", "Y002"} <= {f.code for f in findings}  # every other rule, every other file
    assert main(["--root", str(project_dir), "check"]) == 2  # after printing everything
    assert ": X005 [error] internal error:" in capsys.readouterr().out


def test_a_corpus_rule_whose_summary_crashes_is_not_combined_and_says_so(project_dir, monkeypatch):
    _crash_on(monkeypatch, "G004", "mini-news-2020.xml", phase="summarise")
    findings = _run(project_dir)
    assert [(f.code, f.slug) for f in findings] == [("G004", INTERNAL)]
    assert "(G004 was not checked on the corpus)" in findings[0].message


def test_a_corpus_rule_that_crashes_while_combining_is_reported_once(project_dir, monkeypatch):
    monkeypatch.setattr(RULES["A005"], "check", lambda project, summaries: 1 / 0)
    findings = _run(project_dir)
    assert [(f.code, f.slug, f.path) for f in findings] == [("A005", INTERNAL, str(project_dir))]


def test_a_crash_is_not_cached(project_dir, monkeypatch):
    _crash_on(monkeypatch, "Y003", "mini-news-2020.yaml")
    assert [f.slug for f in run(Project(project_dir), cache=True)] == [INTERNAL]
    monkeypatch.undo()
    assert run(Project(project_dir), cache=True) == []


# -- the alias bomb and deep nesting, end to end ---------------------------------------------
def test_an_alias_bomb_in_a_note_and_keys_is_refused_within_a_second(project_dir):
    bomb = "{" + ", ".join([f"l0: &l0 [{', '.join(['x'] * 10)}]"] + [
        f"l{i}: &l{i} [{', '.join([f'*l{i - 1}'] * 10)}]" for i in range(1, 10)]) + "}"
    _edit(project_dir, ANN, "    term: chain-chief-system\n", f"    term: chain-chief-system\n    note: {bomb}\n")
    _edit(project_dir, "annotations/indicators.yaml", "indicators:\n", f"keys: {bomb}\n? *l9\n: boom\nindicators:\n")
    start = time.perf_counter()
    findings = _run(project_dir, select=["Y"])
    assert time.perf_counter() - start < 1
    assert [(f.path.split("/")[-1], f.line, f.col, f.code) for f in findings if f.severity is Severity.ERROR] == [
        ("indicators.yaml", 2, 12, "Y006"), ("mini-news-2020.yaml", 26, 16, "Y006")]


def test_a_note_nested_5000_deep_is_one_finding_and_nothing_else_changes(project_dir):
    _edit(project_dir, ANN, "    term: chain-chief-system\n", "    term: chain-chief-system\n    note: " + "[" * 5000 + "]" * 5000 + "\n")
    findings = _run(project_dir)
    assert [(f.line, f.col, f.code, f.severity.value) for f in findings] == [(26, 40, "Y007", "error"), (26, 40, "Y007", "info")]


# -- registry ids written twice -------------------------------------------------------------
def test_a_repeated_registry_id_keeps_the_first_entry_and_is_reported_at_both(project_dir, capsys, monkeypatch):
    _edit(project_dir, "annotations/entities.yaml", "  - id: jian-city\n", "  - id: luxshare\n")
    project = Project(project_dir)
    assert [e["zh"] for e in project.registry("entities")] == ["立讯智造"]  # the first; the second is left out
    assert [e["zh"] for e in project.registry_items("entities")] == ["立讯智造", "吉安市"]
    assert project.left_out() == [((project_dir / "annotations" / "entities.yaml").resolve(),
                                   "11:5: id 'luxshare' is already used at line 3: this entry is left out")]
    found = [(f.line, f.col, f.message) for f in run(project, select=["Y005"])]
    assert found == [(3, 5, "id 'luxshare' is used again at line 11: only this entry is read"),
                     (11, 5, "id 'luxshare' is already used at line 3: this entry is left out")]
    monkeypatch.chdir(project_dir)
    assert main(["export", "entities", "--format", "json"]) == 0
    out, err = capsys.readouterr()
    assert [e["zh"] for e in json.loads(out)] == ["立讯智造"]
    assert "warning: annotations/entities.yaml:11:5: id 'luxshare' is already used at line 3" in err


# -- places -------------------------------------------------------------------------------
def test_a_wrong_scale_is_reported_at_its_value(project_dir):
    _edit(project_dir, ANN, "    unit: percent\n    scale: 1\n", "    unit: percent\n    scale: 10000\n")
    [finding] = _run(project_dir, select=["F001"])
    text = (project_dir / ANN).read_text(encoding="utf-8").splitlines()
    assert text[finding.line - 1][finding.col - 1:] == "10000" and "scale 10000 but" in finding.message


def test_a_doctype_is_reported_where_it_is_written(project_dir):
    _edit(project_dir, TEI, "<TEI ", "<!-- a -->\n<!-- b -->\n  <!DOCTYPE TEI>\n<TEI ")
    [finding] = _run(project_dir, select=["X006"])
    assert (finding.line, finding.col) == (4, 3)


# -- a byte-order mark ---------------------------------------------------------------------------
def test_a_byte_order_mark_is_a_warning_with_a_safe_fix_and_hides_no_modeline(project_dir, capsys):
    path = project_dir / "annotations" / "glossary.yaml"
    original = path.read_text(encoding="utf-8")
    path.write_text("\ufeff" + original, encoding="utf-8")
    findings = _run(project_dir)
    assert [(f.line, f.col, f.code, f.fix.title, f.fix.safety.value) for f in findings] == [
        (1, 1, "Y008", "remove the byte-order mark", "safe")]
    assert main(["--root", str(project_dir), "check", "--fix"]) == 0
    assert "annotations/glossary.yaml: fixed 1 finding(s) (Y008)" in capsys.readouterr().err
    assert path.read_text(encoding="utf-8") == original
