"""What ``duizhao release X.Y.Z`` writes: ``CITATION.cff``, the changelog entry, the release
record and the archive ``build/release/duizhao-X.Y.Z.tar.gz`` (TEI with sources and schema,
annotation YAML with schemas, the data package with SQLite, Parquet and vertical files, the
built site, CHANGELOG.md, CITATION.cff, and ``SHA256SUMS`` of every file in it).
"""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import sys
import tarfile
from pathlib import Path

from . import release
from .project import Project

CITATION = "CITATION.cff"
CHANGELOG = "CHANGELOG.md"
CHANGELOG_HEAD = "# Changelog of the corpus\n\nComputed by `duizhao release` from the corpus itself.\n\n"


def citation(version: str, date: str) -> str:
    """``CITATION.cff`` (CFF 1.2.0) of a release of the corpus."""
    return "\n".join([
        "# Written by `duizhao release` from corpus/release.json: edit there, not here.",
        "cff-version: 1.2.0",
        'message: "If you use this corpus, please cite it as below."',
        "type: dataset",
        'title: "对照 duizhao: a bilingual Chinese–English TEI corpus of Jiangxi industrial-policy reports"',
        "authors:",
        '  - name: "duizhao project"',
        f'version: "{version}"',
        f"date-released: {date}",
        'license: "CC-BY-4.0"',
        f'url: "{release.HOMEPAGE}"',
        "keywords:", "  - parallel corpus", "  - Chinese", "  - TEI", "  - industrial policy", "  - Jiangxi",
        'abstract: "Chinese reports on industrial policy in Jiangxi province, encoded in TEI with a complete '
        'English translation and stand-off annotations of terms, named entities and figures (figures as data)."',
        ""])


def write_record(root: Path, version: str, date: str, manifest: dict) -> None:
    path = root / release.RECORD
    path.write_text(json.dumps({"version": version, "date": date, "manifest": manifest}, ensure_ascii=False,
                               indent=1, sort_keys=True) + "\n", encoding="utf-8")


def prepend_changelog(root: Path, entry: str) -> None:
    path = root / CHANGELOG
    old = path.read_text(encoding="utf-8") if path.exists() else CHANGELOG_HEAD
    body = old[len(CHANGELOG_HEAD):] if old.startswith(CHANGELOG_HEAD) else old
    path.write_text(CHANGELOG_HEAD + entry + ("\n" + body if body.strip() else ""), encoding="utf-8")


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        while block := fh.read(1 << 20):
            digest.update(block)
    return digest.hexdigest()


def build_site(project: Project, out: Path) -> None:
    """``mkdocs build --strict`` of the project into ``out`` (its own ``mkdocs.yml``, or, for a
    project without one, this repository's site pointed at it)."""
    from .site.config import write_config

    config = project.root / "mkdocs.yml"
    made = not config.exists()
    if made:
        write_config(project.root, out)
    try:
        done = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-f", str(config),
                               "-d", str(out.resolve())], capture_output=True, text=True, cwd=project.root)
    finally:
        if made:
            config.unlink(missing_ok=True)
    if done.returncode != 0:
        raise RuntimeError(f"the site does not build: {done.stderr[-2000:]}")


def archive(project: Project, version: str, out_dir: Path, with_site: bool = True) -> tuple[Path, list[tuple[str, str, int]]]:
    """The release folder and its ``.tar.gz``; ``(path, sha256, bytes)`` of every file in it."""
    from .export.package import export_all

    name = f"duizhao-{version}"
    folder = out_dir / name
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    shutil.copytree(project.corpus_dir, folder / "corpus", ignore=shutil.ignore_patterns("release.json"))
    shutil.copytree(project.annotations_dir, folder / "annotations")
    for extra in (CITATION, CHANGELOG):
        if (project.root / extra).exists():
            shutil.copyfile(project.root / extra, folder / extra)
    report, _ = export_all(project, folder / "data")
    if not report.valid:
        raise RuntimeError("the data package is not valid: run duizhao export package")
    if with_site:
        build_site(project, folder / "site")
    files = sorted(p for p in folder.rglob("*") if p.is_file())
    listing = [(str(p.relative_to(folder)), sha256(p), p.stat().st_size) for p in files]
    (folder / "SHA256SUMS").write_text("".join(f"{digest}  {path}\n" for path, digest, _ in listing), encoding="utf-8")
    tarball = out_dir / f"{name}.tar.gz"
    with tarfile.open(tarball, "w:gz") as tar:
        tar.add(folder, arcname=name)
    (out_dir / f"{name}.tar.gz.sha256").write_text(f"{sha256(tarball)}  {tarball.name}\n", encoding="utf-8")
    return tarball, listing
