"""How much of a file duizhao agrees to read: the bounds on hostile or careless input.

A file beyond one of these is refused by its reader (:mod:`duizhao.yamlio`,
:mod:`duizhao.xmlsafe`) before anything is built from it, with a finding at the place that
crosses the bound (Y007, X009), so that no file can make a check hang, exhaust memory or
overflow Python's stack. Each bound is far above what the corpus needs (measured on the
real files, 2026-12): raising one is a one-line change here.
"""

from __future__ import annotations

MAX_FILE_BYTES = 16 * 1024 * 1024
"""Any corpus or annotator file. The largest real file is 118 KB; reading one of 16 MiB
takes a few seconds."""

MAX_YAML_DEPTH = 32
"""Nested mappings and lists in a YAML file (the real files need 3 or 4). Python code walks
nested data recursively: 5,000 levels overflowed the schema validator's stack."""

MAX_YAML_SCALAR_CHARS = 100_000
"""Characters in one YAML value (the longest real value, a definition, has 378)."""

MAX_XML_DEPTH = 256
"""Nested elements in a TEI file: libxml2's own limit, kept by parsing without
``huge_tree`` (the corpus needs 9)."""

MAX_XML_TEXT_BYTES = 10_000_000
"""Bytes in one XML text node: libxml2's own limit without ``huge_tree``."""


def size(nbytes: int) -> str:
    """``nbytes`` for a message: ``17.2 MB``."""
    return f"{nbytes / 1e6:.1f} MB"
