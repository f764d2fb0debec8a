"""Datasets exported from the corpus: ``EXPORTERS[what][format](project, stream)``.

Each dataset module registers its formats; text formats get a text stream, binary ones
(TMX and TBX written by translate-toolkit) a byte stream.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Callable

from ..errors import UsageError
from ..project import Project
from . import annotation_records, documents, entities, figures, glossary, indicators, segments, w3c

Writer = Callable[[Project, object], None]

EXPORTERS: dict[str, dict[str, Writer]] = {
    "documents": documents.FORMATS,
    "segments": segments.FORMATS,
    "annotations": {**annotation_records.FORMATS, "w3c": w3c.write},
    "figures": figures.FORMATS,
    "entities": entities.FORMATS,
    "glossary": glossary.FORMATS,
    "indicators": indicators.FORMATS,
}
BINARY_FORMATS = {"tmx", "tbx"}


def export(project: Project, what: str, fmt: str | None, output: str | None) -> int:
    formats = EXPORTERS[what]
    fmt = fmt or next(iter(formats))
    if fmt not in formats:
        raise UsageError(f"{what} cannot be exported as {fmt!r} (choose from: {', '.join(formats)})")
    writer = formats[fmt]
    binary = fmt in BINARY_FORMATS
    if output:
        path = Path(output)
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(path, "wb" if binary else "w", **({} if binary else {"encoding": "utf-8", "newline": ""})) as fh:
            writer(project, fh)
    else:
        writer(project, sys.stdout.buffer if binary else sys.stdout)
        if binary:
            sys.stdout.buffer.flush()
    return 0
