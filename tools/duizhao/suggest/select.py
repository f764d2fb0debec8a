"""Which documents a command works on: ids or paths named on the command line."""

from __future__ import annotations

from pathlib import Path

from ..errors import UsageError
from ..project import Project
from ..tei import Document


def documents(project: Project, names: list[str] | None) -> list[Document]:
    """The named documents (an id, ``corpus/<id>.xml`` or ``annotations/<id>.yaml``), or all."""
    docs = project.documents
    if not names:
        return list(docs.values())
    out = []
    for name in names:
        doc_id = Path(name).stem if name.endswith((".xml", ".yaml", ".yml")) else name
        if doc_id not in docs:
            known = ", ".join(docs) or "none"
            raise UsageError(f"no corpus document {doc_id!r} (documents: {known})")
        out.append(docs[doc_id])
    return out


def annotation_path(project: Project, doc: Document) -> Path:
    return project.annotations_dir / f"{doc.id}.yaml"
