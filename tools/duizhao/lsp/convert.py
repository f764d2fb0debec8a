"""Between duizhao's places (1-based lines, columns in characters) and the protocol's
(0-based, columns in the code units the client asked for: UTF-16 by default): findings as
diagnostics, fixes as text edits."""

from __future__ import annotations

import os
from collections.abc import Sequence
from typing import Any

from lsprotocol import types
from pygls.workspace.position_codec import PositionCodec, ServerTextPosition

from ..check.finding import Edit, Finding, Fix, Safety, Severity

SOURCE = "duizhao"
LOCAL_SITE = "http://127.0.0.1:8000/"  # what `make serve` serves
SEVERITY = {Severity.ERROR: types.DiagnosticSeverity.Error, Severity.WARNING: types.DiagnosticSeverity.Warning,
            Severity.INFO: types.DiagnosticSeverity.Information}


def position(lines: Sequence[str], codec: PositionCodec, line: int, col: int) -> types.Position:
    """The protocol position of duizhao's (line, col)."""
    if line - 1 >= len(lines):
        return types.Position(line=max(len(lines), line - 1), character=0)
    text = lines[line - 1]
    return codec.position_to_client_units(lines, ServerTextPosition(line - 1, min(max(col - 1, 0), len(text))))


def span(lines: Sequence[str], codec: PositionCodec, line: int, col: int, end_line: int, end_col: int) -> types.Range:
    return types.Range(start=position(lines, codec, line, col), end=position(lines, codec, end_line, end_col))


def rule_page(code: str) -> str:
    """The rule's page on the site: ``DUIZHAO_SITE_URL`` when set, else the local preview."""
    base = (os.environ.get("DUIZHAO_SITE_URL") or LOCAL_SITE).rstrip("/") + "/"
    return f"{base}en/rules/#{code.lower()}"


def diagnostic(finding: Finding, lines: Sequence[str], codec: PositionCodec) -> types.Diagnostic:
    """A finding as the editor shows it; its fix travels in ``data`` for the code actions."""
    return types.Diagnostic(
        range=span(lines, codec, finding.line, finding.col, finding.end_line or finding.line,
                   finding.end_col or finding.col + 1),
        message=f"{finding.message} ({finding.slug})",
        severity=SEVERITY[finding.severity],
        code=finding.code,
        code_description=types.CodeDescription(href=rule_page(finding.code)),
        source=SOURCE,
        data={"fix": finding.fix.as_dict()} if finding.fix is not None else None,
    )


def fix_of(data: Any) -> Fix | None:
    """The fix a diagnostic carries (as :func:`diagnostic` put it), if any."""
    raw = data.get("fix") if isinstance(data, dict) else None
    if not isinstance(raw, dict):
        return None
    edits = tuple(Edit(e["line"], e["col"], e["end_line"], e["end_col"], e["content"]) for e in raw.get("edits", ()))
    safety = Safety(raw["applicability"]) if raw.get("applicability") else None
    return Fix(raw.get("title", "fix"), edits, safety)


def text_edits(fix: Fix, lines: Sequence[str], codec: PositionCodec) -> list[types.TextEdit]:
    return [types.TextEdit(range=span(lines, codec, e.line, e.col, e.end_line, e.end_col), new_text=e.content)
            for e in fix.edits]
