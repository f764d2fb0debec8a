"""One hardened XML parser for everything the project reads.

No DTD is loaded, no entity is expanded, nothing is fetched from the network; a
document that declares entities, refers to external resources or contains entity
references is refused with a precise message instead of being half-read.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from lxml import etree

XINCLUDE_NS = "http://www.w3.org/2001/XInclude"


@dataclass(frozen=True)
class XMLProblem(Exception):
    """Why a file could not be read as safe, well-formed XML."""

    code: str  # X001 not well-formed, X003 duplicate id, X006 hostile
    message: str
    line: int = 1
    col: int = 1

    def __str__(self) -> str:
        return f"{self.line}:{self.col}: {self.message}"


def _parser() -> etree.XMLParser:
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        remove_blank_text=False,
    )


def parse_bytes(data: bytes) -> etree._ElementTree:
    """Parse ``data`` or raise :class:`XMLProblem`."""
    try:
        root = etree.fromstring(data, _parser())
    except etree.XMLSyntaxError as exc:
        line, col = exc.position if exc.position else (exc.lineno or 1, 1)
        message = exc.msg or str(exc)
        message = message.split(", line ")[0]
        if message.startswith("ID ") and "already defined" in message:
            xid = message.split()[1]
            raise XMLProblem("X003", f"duplicate xml:id {xid!r}", line or 1, 1) from None
        if "Entity" in message or "entity" in message:
            raise XMLProblem("X006", f"entity refused: {message}", line or 1, max(col, 1)) from None
        raise XMLProblem("X001", f"not well-formed: {message}", line or 1, max(col, 1)) from None
    tree = root.getroottree()
    _refuse_hostile(tree)
    return tree


def parse_file(path: str | Path) -> etree._ElementTree:
    return parse_bytes(Path(path).read_bytes())


def _refuse_hostile(tree: etree._ElementTree) -> None:
    docinfo = tree.docinfo
    if docinfo.doctype or docinfo.internalDTD is not None or docinfo.externalDTD is not None:
        raise XMLProblem("X006", "DOCTYPE declarations are refused (no DTDs, no entity declarations)", 1, 1)
    for node in tree.iter():
        if isinstance(node, etree._Entity):
            raise XMLProblem("X006", f"entity reference &{node.name}; refused", node.sourceline or 1, 1)
        if isinstance(node.tag, str) and node.tag.startswith("{%s}" % XINCLUDE_NS):
            raise XMLProblem("X006", "XInclude refused: external references are not allowed", node.sourceline or 1, 1)
