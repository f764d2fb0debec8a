"""The site's downloads: every dataset of ``duizhao export``, and each document's files.

Exporters are run at build time from :data:`duizhao.export.EXPORTERS` (whatever is
registered when the site is built), so the downloads are always those of the corpus as
published; each document's TEI and annotation YAML are offered as they are.
"""

from __future__ import annotations

import hashlib
import io
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ..export import BINARY_FORMATS, EXPORTERS
from ..project import Project
from .render import Download

ROOT = "downloads"


@dataclass(frozen=True)
class Payload:
    """A download and where its bytes come from (in memory or a file of the project)."""

    download: Download
    content: bytes | None = None
    source: Path | None = None


def sha256(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()


def _description(writer) -> str:
    module = sys.modules.get(getattr(writer, "__module__", ""), None)
    doc = (getattr(module, "__doc__", None) or "").strip()
    return doc.splitlines()[0] if doc else ""


def dataset_paths() -> list[tuple[str, str, str]]:
    """``(dataset, format, path)`` of every registered export, known before any is run."""
    return [(what, fmt, f"{ROOT}/{what}.{fmt}") for what, formats in sorted(EXPORTERS.items()) for fmt in formats]


def datasets(project: Project) -> list[Payload]:
    """Run every registered exporter in every format."""
    out = []
    for what, fmt, path in dataset_paths():
        writer = EXPORTERS[what][fmt]
        if fmt in BINARY_FORMATS:
            buffer: io.IOBase = io.BytesIO()
            writer(project, buffer)
            content = buffer.getvalue()
        else:
            text = io.StringIO()
            writer(project, text)
            content = text.getvalue().encode("utf-8")
        out.append(Payload(Download(what, fmt, path, len(content), None, _description(writer), sha256(content)), content))
    return out


def document_files(project: Project, digest: Callable[[Path], str] | None = None) -> list[Payload]:
    """Each document's TEI file and, when it has one, its annotation file (copied as they are:
    size and checksum are those of the source file; ``digest(path)``: its SHA-256, perhaps
    remembered, else read here)."""
    out = []
    for doc in project.documents.values():
        files = [("tei", "TEI XML", doc.path, f"{ROOT}/tei/{doc.id}.xml")]
        yaml_path = project.annotations_dir / f"{doc.id}.yaml"
        if yaml_path.exists():
            files.append(("yaml", "YAML", yaml_path, f"{ROOT}/annotations/{doc.id}.yaml"))
        for what, fmt, path, url in files:
            checksum = digest(path) if digest is not None else sha256(path.read_bytes())
            out.append(Payload(Download(what, fmt, url, path.stat().st_size, doc.id, sha256=checksum), source=path))
    return out
