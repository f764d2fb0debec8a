"""Source integrity: ingest records the SHA-256 and size of the source it keeps; X010 notices
when those bytes change; the corpus headers record theirs."""

from __future__ import annotations

import hashlib

from duizhao.check import run
from duizhao.cli import main
from duizhao.project import Project
from duizhao.provenance import recorded

from conftest import REPO


def test_ingest_records_the_checksum_of_the_kept_source_and_x010_sees_it_change(tmp_path, project_dir):
    src = tmp_path / "brief.txt"
    src.write_bytes("吉安简讯\n\n2020年10月15日，全市工业1-9月增长3.6%。\n".encode("utf-8"))
    assert main(["--root", str(project_dir), "ingest", str(src), "--id", "jian-brief-2020"]) == 0
    out = project_dir / "corpus" / "jian-brief-2020.xml"
    kept = project_dir / "corpus" / "sources" / "brief.txt"
    project = Project(project_dir)
    written = recorded(project.tei(out).doc)
    assert (written.sha256, written.size) == (hashlib.sha256(kept.read_bytes()).hexdigest(), kept.stat().st_size)
    assert [f.code for f in run(project, [out], select=["X002", "X010"])] == []  # schema-valid, and matching

    kept.write_bytes(kept.read_bytes().replace(b"\n", b"\r\n"))  # same characters, other bytes
    found = run(Project(project_dir), [out], select=["X008", "X010"])
    assert [f.code for f in found] == ["X010"]
    assert "brief.txt has changed since it was recorded" in found[0].message
    assert found[0].line == written.element.sourceline


def test_every_corpus_header_records_its_source_checksum():
    project = Project(REPO)
    for doc in project.documents.values():
        source = REPO / "corpus" / "sources" / doc.source_file
        written = recorded(doc)
        assert written is not None, doc.id
        assert written.sha256 == hashlib.sha256(source.read_bytes()).hexdigest(), doc.id
        assert written.size == source.stat().st_size, doc.id
