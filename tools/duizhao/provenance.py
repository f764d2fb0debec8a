"""Source integrity: the SHA-256 and size of each source file, recorded in its TEI header.

``corpus/sources/<file>`` is the text exactly as received. The header's ``sourceDesc/bibl``
records its bytes next to its name::

    <idno type="source-file">001_511fe2cbc10e6690.txt</idno>
    <idno type="sha256">7d1c…</idno>
    <extent><measure unit="byte" quantity="6002">6002 bytes</measure></extent>

``duizhao ingest`` writes them; rule X010 reports a source whose bytes no longer match.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from .tei import NS, T, Document

BIBL = "tei:teiHeader/tei:fileDesc/tei:sourceDesc/tei:bibl"


@dataclass(frozen=True)
class Fingerprint:
    """The SHA-256 (hex) and size in bytes of a file; ``element``: where a header records them."""

    sha256: str | None
    size: int | None
    element: etree._Element | None = field(default=None, compare=False, repr=False)


def fingerprint(path: Path) -> Fingerprint:
    """The fingerprint of a file's bytes, read in 1 MiB blocks."""
    digest, size = hashlib.sha256(), 0
    with open(path, "rb") as fh:
        while block := fh.read(1 << 20):
            digest.update(block)
            size += len(block)
    return Fingerprint(digest.hexdigest(), size)


def recorded(doc: Document) -> Fingerprint | None:
    """What the header records of its source (``None`` when it records neither hash nor size)."""
    bibl = doc.root.xpath(BIBL, namespaces=NS)
    if not bibl:
        return None
    sha = bibl[0].find(f"{T}idno[@type='sha256']")
    measure = bibl[0].find(f"{T}extent/{T}measure[@unit='byte']")
    if sha is None and measure is None:
        return None
    quantity = measure.get("quantity", "") if measure is not None else ""
    first = sha if sha is not None else measure
    return Fingerprint((sha.text or "").strip().lower() if sha is not None else None,
                       int(quantity) if quantity.isdigit() else None, first)


def elements(print_: Fingerprint) -> list[etree._Element]:
    """The ``idno`` and ``extent`` elements that record a fingerprint."""
    idno = etree.Element(T + "idno", type="sha256")
    idno.text = print_.sha256
    extent = etree.Element(T + "extent")
    measure = etree.SubElement(extent, T + "measure", unit="byte", quantity=str(print_.size))
    measure.text = f"{print_.size} bytes"
    return [idno, extent]


def record(tree: etree._ElementTree, source: Path) -> None:
    """Write ``source``'s fingerprint after the header's ``idno type="source-file"`` (replacing
    an older record)."""
    idno = tree.getroot().find(f".//{T}sourceDesc/{T}bibl/{T}idno[@type='source-file']")
    if idno is None:
        raise ValueError("the header names no source file (idno type='source-file')")
    bibl = idno.getparent()
    for old in [*bibl.findall(f"{T}idno[@type='sha256']"), *bibl.findall(f"{T}extent")]:
        bibl.remove(old)
    new = elements(fingerprint(source))
    for element in reversed(new):
        element.tail = idno.tail
        idno.addnext(element)
