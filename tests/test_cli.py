"""The ``duizhao`` command line: exit codes, output formats, rule selection, robustness."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from duizhao.cli import main

from conftest import REPO

DUIZHAO = [sys.executable, "-m", "duizhao.cli"]


def _run(args: list[str], cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([*DUIZHAO, *args], cwd=cwd, capture_output=True, text=True, timeout=120)


def _break_yaml(project_dir: Path) -> Path:
    path = project_dir / "annotations" / "mini-news-2020.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("value: 3.6", "value: 3.6\n    value: 3.9"), encoding="utf-8")
    return path


def test_clean_project_exits_0(project_dir, capsys):
    assert main(["--root", str(project_dir), "check"]) == 0
    assert "All checks passed." in capsys.readouterr().out


def test_error_exits_1_with_file_line_col(project_dir, capsys):
    _break_yaml(project_dir)
    assert main(["--root", str(project_dir), "check"]) == 1
    out = capsys.readouterr().out
    assert "annotations/mini-news-2020.yaml:" in out and ": Y002 [error] duplicate key 'value'" in out


def test_warnings_fail_only_with_strict(project_dir):
    path = project_dir / "annotations" / "mini-news-2020.yaml"
    path.write_text(path.read_text(encoding="utf-8").split("\n", 1)[1], encoding="utf-8")  # drop the modeline (Y004 warning)
    assert main(["--root", str(project_dir), "check"]) == 0
    assert main(["--root", str(project_dir), "check", "--strict"]) == 1


def test_select_and_ignore(project_dir, capsys):
    _break_yaml(project_dir)
    assert main(["--root", str(project_dir), "check", "--select", "X"]) == 0
    assert main(["--root", str(project_dir), "check", "--ignore", "Y002"]) == 0
    assert main(["--root", str(project_dir), "check", "--select", "Q9"]) == 2
    assert "unknown rule code" in capsys.readouterr().err


def test_json_and_github_formats(project_dir, capsys):
    _break_yaml(project_dir)
    main(["--root", str(project_dir), "check", "--format", "json"])
    data = json.loads(capsys.readouterr().out)
    assert data[0]["code"] == "Y002" and data[0]["line"] > 1 and data[0]["severity"] == "error"
    assert {"path", "line", "col", "code", "slug", "severity", "message", "url"} <= set(data[0])
    main(["--root", str(project_dir), "check", "--format", "github"])
    out = capsys.readouterr().out
    assert out.startswith("::error file=") and ",line=" in out and "title=Y002 duplicate-key::" in out


def test_check_single_file_and_missing_path(project_dir, capsys):
    path = _break_yaml(project_dir)
    assert main(["--root", str(project_dir), "check", str(path)]) == 1
    assert main(["--root", str(project_dir), "check", str(project_dir / "nope.xml")]) == 2
    assert "no such file" in capsys.readouterr().err


def test_outside_a_project_is_a_clear_error(tmp_path):
    result = _run(["check"], tmp_path)
    assert result.returncode == 2
    assert "no duizhao project" in result.stderr and "Traceback" not in result.stderr


HOSTILE_XML = {
    "xxe.xml": '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><TEI>&x;</TEI>',
    "laughs.xml": '<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;&a;">]><TEI>&b;</TEI>',
    "xinclude.xml": '<TEI xmlns="http://www.tei-c.org/ns/1.0" xmlns:xi="http://www.w3.org/2001/XInclude"><xi:include href="/etc/passwd" parse="text"/></TEI>',
    "truncated.xml": '<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader>',
    "binary.xml": "\x00\x01\x02garbage",
    "empty.xml": "",
    "not-tei.xml": "<html><body>hi</body></html>",
    "latin1.xml": '<?xml version="1.0" encoding="ISO-8859-1"?><TEI>caf\xe9</TEI>',
}
BAD_YAML = {
    "tabs.yaml": "document: x\n\tannotations: []\n",
    "list.yaml": "- just\n- a list\n",
    "scalar.yaml": "hello\n",
    "empty.yaml": "",
    "control.yaml": "document: \x07bell\n",
    "anchors.yaml": "a: &x [*x]\n",
    "latin1.yaml": "document: caf\udce9\n",
    "html-note.yaml": "# yaml-language-server: $schema=schema/annotations.schema.json\ndocument: html-note\nannotations:\n  - id: html-note.a0001\n    type: term\n    segment: s001\n    quote: x\n    status: accepted\n    source: manual\n    term: nope\n    note: \"<script>alert(1)</script>\"\n",
}


@pytest.mark.parametrize("name", sorted(HOSTILE_XML))
def test_hostile_or_broken_xml_gives_a_finding_not_a_traceback(name, project_dir):
    (project_dir / "corpus" / name).write_bytes(HOSTILE_XML[name].encode("latin-1"))
    result = _run(["check", "--format", "json"], project_dir)
    assert "Traceback" not in result.stderr
    assert result.returncode == 1, result.stderr
    findings = [f for f in json.loads(result.stdout) if f["path"].endswith(name)]
    assert findings and all(f["line"] >= 1 for f in findings)


@pytest.mark.parametrize("name", sorted(BAD_YAML))
def test_broken_yaml_gives_a_finding_not_a_traceback(name, project_dir):
    (project_dir / "annotations" / name).write_bytes(BAD_YAML[name].encode("utf-8", errors="surrogateescape"))
    result = _run(["check", "--format", "json"], project_dir)
    assert "Traceback" not in result.stderr
    assert result.returncode == 1, result.stderr
    assert any(f["path"].endswith(name) for f in json.loads(result.stdout))


@pytest.mark.parametrize("command", [["export", "segments", "--format", "jsonl"], ["stats"]])
def test_commands_name_the_files_they_leave_out(command, project_dir):
    (project_dir / "corpus" / "evil.xml").write_bytes(HOSTILE_XML["xxe.xml"].encode("latin-1"))
    result = _run(command, project_dir)
    assert result.returncode == 0 and "mini-news-2020" in result.stdout
    assert "warning: corpus/evil.xml left out: X006" in result.stderr and "Traceback" not in result.stderr


def test_export_segments_jsonl_contract(capsys):
    assert main(["--root", str(REPO), "export", "segments", "--format", "jsonl"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert len(rows) >= 150
    # the contract's keys, and who translated and who revised (from the TEI header)
    assert all(set(r) == {"doc", "segment", "kind", "zh", "en", "status", "translator", "reviser"} for r in rows)
    assert {r["kind"] for r in rows} >= {"head", "p", "turn", "caption", "item", "byline"}
    assert all(r["en"] and r["status"] in {"draft", "checked", "reviewed"} and r["translator"] for r in rows)
    assert all((r["reviser"] is not None) == (r["status"] == "reviewed") and r["reviser"] != r["translator"] for r in rows)


def test_stats_json(capsys):
    assert main(["--root", str(REPO), "stats", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["total"]["segments"] == sum(d["segments"] for d in data["documents"])
    assert len(data["documents"]) == 5 and data["total"]["zh_chars"] > 15000
    # every translated segment counted under one status: draft, checked or reviewed
    assert all(d["draft"] + d["checked"] + d["reviewed"] == d["translated"] for d in [*data["documents"], data["total"]])


def test_rules_lists_every_rule(capsys):
    from duizhao.check.rules import RULES
    assert main(["rules"]) == 0
    out = capsys.readouterr().out
    assert all(code in out for code in RULES)


@pytest.mark.parametrize("schema, says", [
    ("corpus/schema/duizhao-tei.rng", "cannot read the TEI schema corpus/schema/duizhao-tei.rng (rule X002"),
    ("annotations/schema/annotations.schema.json", "cannot read the JSON Schema annotations/schema/annotations.schema.json"),
])
def test_a_missing_schema_is_a_project_error_not_an_internal_error(schema, says, project_dir, capsys):
    (project_dir / schema).unlink()
    assert main(["--root", str(project_dir), "check", "--no-cache"]) == 2
    out, err = capsys.readouterr()
    assert err.startswith(f"duizhao: project error: {says}") and "internal error" not in out + err
    assert out == ""  # no findings printed: the check did not run


def test_json_findings_say_what_they_concern_and_where_they_end(project_dir, capsys):
    path = project_dir / "annotations" / "mini-news-2020.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("term: chain-chief-system", "term: no-such-term"), encoding="utf-8")
    assert main(["--root", str(project_dir), "check", "--format", "json", "--select", "G001,G005"]) == 1
    g001, g005 = json.loads(capsys.readouterr().out)
    assert g001["path"].endswith("annotations/mini-news-2020.yaml")
    assert {k: g001[k] for k in ("code", "line", "col", "end_line", "end_col", "document", "segment", "annotation", "fix")} == {
        "code": "G001", "line": 25, "col": 5, "end_line": 25, "end_col": 23, "document": "mini-news-2020",
        "segment": "s003", "annotation": "mini-news-2020.a0002", "fix": None}
    assert g005["path"].endswith("corpus/mini-news-2020.xml") and (g005["line"], g005["end_line"]) == (46, 46)
    assert (g005["document"], g005["segment"], g005["annotation"]) == ("mini-news-2020", "s003", None)


def test_the_export_command_names_every_dataset_and_a_wrong_format_is_a_usage_error(capsys):
    from duizhao.commands.export import DATASETS
    from duizhao.export import EXPORTERS

    assert DATASETS == tuple(sorted(EXPORTERS))
    assert main(["--root", str(REPO), "export", "segments", "--format", "xlsx"]) == 2
    assert capsys.readouterr().err.startswith("duizhao: usage error: segments cannot be exported as 'xlsx'")


def test_a_json_report_reads_back_as_the_same_findings(project_dir, capsys):
    """The site's quality report keeps the findings as JSON (site/background.py) and reads them back."""
    from duizhao.check.finding import Finding

    path = project_dir / "annotations" / "mini-news-2020.yaml"
    path.write_text(path.read_text(encoding="utf-8").split("\n", 1)[1].replace("term: chain-chief-system", "term: x"),
                    encoding="utf-8")
    main(["--root", str(project_dir), "check", "--format", "json"])
    rows = json.loads(capsys.readouterr().out)
    assert {r["code"] for r in rows} >= {"Y004", "G001"}
    assert [Finding.from_dict(r).as_dict() for r in rows] == rows
