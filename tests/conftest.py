"""Shared test helpers: a throw-away project built from the base fixture plus an overlay."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
FIXTURES = REPO / "tests" / "fixtures"
BASE = FIXTURES / "base"
RULE_FIXTURES = FIXTURES / "rules"


def build_project(dest: Path, overlay: Path | None = None) -> Path:
    """Copy the base fixture project to ``dest``, add the repo's schemas, apply ``overlay``.

    In an overlay, a file named ``<name>.delete`` removes ``<name>`` from the base.
    """
    shutil.copytree(BASE, dest)
    shutil.copytree(REPO / "corpus" / "schema", dest / "corpus" / "schema")
    shutil.copytree(REPO / "annotations" / "schema", dest / "annotations" / "schema")
    if overlay is not None:
        for src in sorted(overlay.rglob("*")):
            rel = src.relative_to(overlay)
            if src.is_dir() or rel.name == "expected.txt":
                continue
            target = dest / rel
            if src.name.endswith(".delete"):
                target.with_name(src.name[: -len(".delete")]).unlink()
                continue
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(src, target)
    return dest


@pytest.fixture
def project_dir(tmp_path: Path) -> Path:
    return build_project(tmp_path / "project")


@pytest.fixture
def repo() -> Path:
    return REPO
