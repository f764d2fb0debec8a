"""Code actions: the rules' fixes (:mod:`duizhao.check.fix`) offered where their findings are,
one quick fix per finding (an unsafe one says so and is never preferred), and a source action
that applies every safe fix of the file, as ``duizhao check --fix`` would in one pass."""

from __future__ import annotations

from collections.abc import Sequence

from lsprotocol import types
from pygls.workspace.position_codec import PositionCodec

from ..check.finding import Fix, Safety
from ..check.fix import compatible
from .convert import fix_of, text_edits

FIX_ALL = f"{types.CodeActionKind.SourceFixAll.value}.duizhao"


def _title(fix: Fix, code: str | None) -> str:
    unsafe = fix.safety is Safety.UNSAFE
    return f"{fix.title} ({code}{', unsafe: read it after' if unsafe else ''})"


def quick_fixes(uri: str, diagnostics: Sequence[types.Diagnostic], lines: Sequence[str],
                codec: PositionCodec) -> list[types.CodeAction]:
    out = []
    for diag in diagnostics:
        fix = fix_of(diag.data)
        if fix is None or not fix.edits:
            continue
        out.append(types.CodeAction(
            title=_title(fix, str(diag.code)), kind=types.CodeActionKind.QuickFix, diagnostics=[diag],
            is_preferred=fix.safety is Safety.SAFE,
            edit=types.WorkspaceEdit(changes={uri: text_edits(fix, lines, codec)})))
    return out


def fix_all(uri: str, diagnostics: Sequence[types.Diagnostic], lines: Sequence[str],
            codec: PositionCodec) -> types.CodeAction | None:
    """Every safe fix of the file's findings that does not overlap another."""
    fixes = [f for d in sorted(diagnostics, key=lambda d: (d.range.start.line, d.range.start.character))
             if (f := fix_of(d.data)) is not None and f.safety is Safety.SAFE and f.edits]
    chosen = compatible(fixes)
    if not chosen:
        return None
    edits = [e for fix in chosen for e in text_edits(fix, lines, codec)]
    return types.CodeAction(title=f"duizhao: apply {len(chosen)} safe fix(es)", kind=FIX_ALL,
                            edit=types.WorkspaceEdit(changes={uri: edits}))
