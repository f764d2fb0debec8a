"""One hardened XML parser for everything the project reads.

No DTD is loaded, no entity is expanded, nothing is fetched from the network; a
document that declares entities, refers to external resources or contains entity
references is refused with a precise message instead of being half-read. So is a file
beyond the bounds of :mod:`duizhao.limits` (X009): too large, nested too deep, a text
too long.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from .limits import MAX_FILE_BYTES, MAX_XML_DEPTH, MAX_XML_TEXT_BYTES, size

XINCLUDE_NS = "http://www.w3.org/2001/XInclude"


@dataclass(frozen=True)
class XMLProblem(Exception):
    """Why a file could not be read as safe, well-formed XML."""

    code: str  # X001 not well-formed, X003 duplicate id, X006 hostile, X009 beyond a limit
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
        huge_tree=False,  # libxml2's limits: MAX_XML_DEPTH, MAX_XML_TEXT_BYTES
        remove_blank_text=False,
    )


def parse_bytes(data: bytes) -> etree._ElementTree:
    """Parse ``data`` or raise :class:`XMLProblem`."""
    if len(data) > MAX_FILE_BYTES:
        raise too_large(len(data))
    try:
        root = etree.fromstring(data, _parser())
    except etree.XMLSyntaxError as exc:
        line, col = exc.position if exc.position else (exc.lineno or 1, 1)
        message = exc.msg or str(exc)
        message = message.split(", line ")[0]
        line, col = line or 1, max(col, 1)
        if message.startswith("ID ") and "already defined" in message:
            xid = message.split()[1]
            raise XMLProblem("X003", f"duplicate xml:id {xid!r}", line, 1) from None
        if message.startswith("Excessive depth"):
            raise XMLProblem("X009", f"elements nested deeper than {MAX_XML_DEPTH} levels refused "
                             "(TEI documents need about 10; an unclosed element?)", line, col) from None
        if message.startswith("Resource limit exceeded"):
            raise XMLProblem("X009", f"a text or attribute value over {size(MAX_XML_TEXT_BYTES)} refused", line, col) from None
        if "Entity" in message or "entity" in message:
            raise XMLProblem("X006", f"entity refused: {message}", line, col) from None
        raise XMLProblem("X001", f"not well-formed: {message}", line, col) from None
    tree = root.getroottree()
    _refuse_hostile(tree, data)
    return tree


def parse_file(path: str | Path) -> etree._ElementTree:
    """Parse the file at ``path`` (never read whole when it is beyond the size limit)."""
    nbytes = Path(path).stat().st_size
    if nbytes > MAX_FILE_BYTES:
        raise too_large(nbytes)
    return parse_bytes(Path(path).read_bytes())


def too_large(nbytes: int) -> XMLProblem:
    return XMLProblem("X009", f"file of {size(nbytes)} refused (the limit is {size(MAX_FILE_BYTES)})")


def _doctype_position(data: bytes) -> tuple[int, int]:
    """1-based (line, col) of the DOCTYPE declaration in the prolog of ``data``, past the
    XML declaration, comments and processing instructions; (1, 1) when not found."""
    at = 3 if data.startswith(b"\xef\xbb\xbf") else 0
    while at < len(data):
        if data[at] in b" \t\r\n":
            at += 1
            continue
        opening, closing = next(((o, c) for o, c in ((b"<!--", b"-->"), (b"<?", b"?>")) if data.startswith(o, at)), (None, None))
        if opening is None:
            break
        end = data.find(closing, at + len(opening))
        if end < 0:
            return 1, 1
        at = end + len(closing)
    if not data.startswith(b"<!DOCTYPE", at):
        return 1, 1
    start = data.rfind(b"\n", 0, at) + 1
    return data.count(b"\n", 0, at) + 1, len(data[start:at].decode("utf-8", errors="replace")) + 1


def _refuse_hostile(tree: etree._ElementTree, data: bytes) -> None:
    docinfo = tree.docinfo
    if docinfo.doctype or docinfo.internalDTD is not None or docinfo.externalDTD is not None:
        raise XMLProblem("X006", "DOCTYPE declarations are refused (no DTDs, no entity declarations)",
                         *_doctype_position(data))
    for node in tree.iter():
        if isinstance(node, etree._Entity):
            raise XMLProblem("X006", f"entity reference &{node.name}; refused", node.sourceline or 1, 1)
        if isinstance(node.tag, str) and node.tag.startswith("{%s}" % XINCLUDE_NS):
            raise XMLProblem("X006", "XInclude refused: external references are not allowed", node.sourceline or 1, 1)
