"""Every rule fires on its bad fixture, at the expected places, and stays quiet on its good one.

Fixtures live in ``tests/fixtures/rules/<CODE>/{bad,good}/``: each is an overlay on the
base fixture project (``tests/fixtures/base``); ``bad/expected.txt`` lists the expected
findings as ``path:line:col CODE``, one per line.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from duizhao.check import run
from duizhao.check.rules import RULES
from duizhao.project import Project

from conftest import RULE_FIXTURES, build_project

CODES = sorted(RULES)


def _findings(root: Path, code: str) -> set[tuple[str, int, int, str]]:
    project = Project(root)
    found = run(project, select=[code])
    return {(str(Path(f.path).resolve().relative_to(root.resolve())), f.line, f.col, f.code) for f in found}


def _expected(overlay: Path) -> set[tuple[str, int, int, str]]:
    out = set()
    for line in (overlay / "expected.txt").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            place, code = line.split()
            path, ln, col = place.rsplit(":", 2)
            out.add((path, int(ln), int(col), code))
    return out


def test_base_fixture_is_clean(project_dir):
    assert run(Project(project_dir)) == []


@pytest.mark.parametrize("code", CODES)
def test_rule_has_fixtures_and_docs(code):
    rule = RULES[code]
    assert (RULE_FIXTURES / code / "bad" / "expected.txt").is_file(), f"{code}: no bad fixture"
    assert (RULE_FIXTURES / code / "good").is_dir(), f"{code}: no good fixture"
    doc = rule.__doc__ or ""
    assert doc.startswith(f"{code} {rule.SLUG} — ")
    for section in ("**What it does.**", "**Why.**", "**Bad.**", "**Good.**"):
        assert section in doc, f"{code}: docstring lacks {section}"


@pytest.mark.parametrize("code", CODES)
def test_rule_fires_on_bad(code, tmp_path):
    overlay = RULE_FIXTURES / code / "bad"
    root = build_project(tmp_path / "p", overlay)
    assert _findings(root, code) == _expected(overlay)


@pytest.mark.parametrize("code", CODES)
def test_rule_quiet_on_good(code, tmp_path):
    root = build_project(tmp_path / "p", RULE_FIXTURES / code / "good")
    assert _findings(root, code) == set()


@pytest.mark.parametrize("overlay", sorted(p for p in RULE_FIXTURES.glob("*/*") if p.is_dir()), ids=lambda p: f"{p.parent.name}-{p.name}")
def test_no_rule_crashes_on_any_fixture(overlay, tmp_path):
    """Every rule runs on every fixture (malformed ones included) without raising."""
    root = build_project(tmp_path / "p", overlay)
    run(Project(root))


@pytest.mark.parametrize("code", CODES)
def test_a_fixable_rule_declares_and_documents_its_fix(code):
    """FIX is "safe" or "unsafe" and the rule's page says so; a rule without FIX offers no fix
    (a fix without a declared safety would crash the check, see parallel.as_row)."""
    rule = RULES[code]
    if hasattr(rule, "FIX"):
        assert rule.FIX in ("safe", "unsafe")
        assert f"**Fix ({rule.FIX}).**" in rule.__doc__
    else:
        assert "**Fix" not in (rule.__doc__ or "")
