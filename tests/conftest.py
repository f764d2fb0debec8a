"""Shared test helpers: a throw-away project built from the base fixture plus an overlay."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
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


def build_site(root: Path, out: Path) -> Path:
    """``make site`` for project ``root``: ``mkdocs build --strict`` with this repository's
    site into ``out`` (proposals hidden, as published)."""
    from duizhao.site.config import write_config

    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    env.pop("DUIZHAO_WITH_PROPOSALS", None)
    done = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(write_config(root, out))],
                          capture_output=True, text=True, env=env, cwd=root)
    assert done.returncode == 0, done.stdout + done.stderr
    return out


@pytest.fixture
def project_dir(tmp_path: Path) -> Path:
    return build_project(tmp_path / "project")


@pytest.fixture
def repo() -> Path:
    return REPO
