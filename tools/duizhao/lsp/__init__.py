"""``duizhao lsp``: a Language Server for annotation YAML, the registries and the TEI files.

:mod:`.server` wires the protocol (pygls) to the pieces: :mod:`.session` (the project as the
editor has it, and the check's cache kept between edits), :mod:`.convert` (findings as
diagnostics, fixes as text edits), :mod:`.cursor` (what the cursor is on, in text that may
not parse), :mod:`.lookup` (what keys refer to), :mod:`.hover`, :mod:`.completion`,
:mod:`.definition` and :mod:`.actions`. Diagnostics come from the same rules as ``duizhao
check``; nothing here decides what is wrong.
"""
