"""``duizhao release``: one record of version and date, a computed changelog, a CITATION.cff that
cffconvert validates, and an archive whose SHA256SUMS hold."""

from __future__ import annotations

import hashlib
import json
import tarfile

import pytest

from duizhao import release
from duizhao.cli import main
from duizhao.project import Project


def _release(root, version, *extra) -> int:
    return main(["--root", str(root), "release", version, "--no-site", "--date", "2026-12-01", *extra])


def test_two_releases_record_the_version_compute_the_changelog_and_archive_with_checksums(project_dir, capsys):
    from cffconvert import Citation

    assert release.current(Project(project_dir)).version == "0.0.0+dev"
    assert _release(project_dir, "0.1.0") == 0
    assert release.current(Project(project_dir)).version == "0.1.0"
    cff = (project_dir / "CITATION.cff").read_text(encoding="utf-8")
    Citation(cff).validate()  # cffconvert's own validation (raises when invalid)
    with pytest.raises(Exception):
        Citation(cff.replace("date-released: 2026-12-01", "date-released: 1 December")).validate()
    assert 'version: "0.1.0"' in cff and "First release." in (project_dir / "CHANGELOG.md").read_text()

    # re-translate one segment, add an annotation, reject another: the next changelog says so
    tei = project_dir / "corpus" / "mini-news-2020.xml"
    text = tei.read_text(encoding="utf-8")
    tei.write_text(text.replace("Luxshare", "Luxshare Precision", 1), encoding="utf-8")
    yaml_path = project_dir / "annotations" / "mini-news-2020.yaml"
    yaml_text = yaml_path.read_text(encoding="utf-8")
    yaml_path.write_text(yaml_text + "  - id: mini-news-2020.a0900\n    type: term\n    segment: s003\n"
                         "    quote: 产业链链长制\n    status: accepted\n    source: manual\n    term: chain-chief-system\n",
                         encoding="utf-8")
    assert release.current(Project(project_dir)).version == "0.1.0+dev"
    assert _release(project_dir, "0.1.0") == 2  # not after the last release
    capsys.readouterr()
    assert _release(project_dir, "0.2.0") == 0, capsys.readouterr().out
    changelog = (project_dir / "CHANGELOG.md").read_text(encoding="utf-8")
    newest = changelog.split("## 0.1.0")[0]
    assert "## 0.2.0 — 2026-12-01" in newest
    assert "Segments re-translated 1: mini-news-2020/s003" in newest
    assert "Annotations added: 1 (term 1)" in newest
    assert json.loads((project_dir / "corpus" / "release.json").read_text())["version"] == "0.2.0"

    out = project_dir / "build" / "release"
    tarball = out / "duizhao-0.2.0.tar.gz"
    assert (out / "duizhao-0.2.0.tar.gz.sha256").read_text().split()[0] == hashlib.sha256(tarball.read_bytes()).hexdigest()
    with tarfile.open(tarball) as tar:
        names = set(tar.getnames())
        sums = tar.extractfile("duizhao-0.2.0/SHA256SUMS").read().decode().splitlines()
        for line in sums:
            digest, path = line.split("  ")
            assert hashlib.sha256(tar.extractfile(f"duizhao-0.2.0/{path}").read()).hexdigest() == digest
    listed = {line.split("  ")[1] for line in sums}
    assert {"corpus/mini-news-2020.xml", "annotations/mini-news-2020.yaml", "data/datapackage.json",
            "data/duizhao.sqlite", "data/parquet/figures.parquet", "data/vertical/duizhao_zh.vrt",
            "CITATION.cff", "CHANGELOG.md"} <= listed
    assert {f"duizhao-0.2.0/{p}" for p in listed} <= names
    package = json.loads(tar_member(tarball, "duizhao-0.2.0/data/datapackage.json"))
    assert package["version"] == "0.2.0"


def tar_member(tarball, name) -> bytes:
    with tarfile.open(tarball) as tar:
        return tar.extractfile(name).read()


def test_release_refuses_a_corpus_with_findings(project_dir, capsys):
    yaml_path = project_dir / "annotations" / "mini-news-2020.yaml"
    yaml_path.write_text(yaml_path.read_text(encoding="utf-8").replace("status: accepted", "status: proposed", 1),
                         encoding="utf-8")
    assert _release(project_dir, "0.1.0") == 1
    assert "nothing released" in capsys.readouterr().out
    assert not (project_dir / "corpus" / "release.json").exists() and not (project_dir / "CITATION.cff").exists()
