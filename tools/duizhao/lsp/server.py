"""``duizhao lsp``: the language server (pygls, over stdio).

It serves the files of a duizhao project (``annotations/*.yaml`` with the registries, and
``corpus/*.xml``): diagnostics from the same rules as ``duizhao check`` on open, on change
(after :data:`DEBOUNCE` seconds without typing) and on save; hover, completion, go to
definition and code actions (the rules' fixes). Each file is served by the project it is in
(:class:`~.session.Session`).
"""

from __future__ import annotations

import asyncio
from pathlib import Path

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.uris import from_fs_path, to_fs_path

from .. import __version__
from ..check.edits import scalar
from ..check.places import yaml_line_end
from ..errors import ProjectError
from . import actions, completion, convert, definition, hover
from .session import Session, kind_of

DEBOUNCE = 0.05  # seconds of quiet after a change before the check runs


class DuizhaoServer(LanguageServer):
    def __init__(self) -> None:
        super().__init__("duizhao", __version__, text_document_sync_kind=types.TextDocumentSyncKind.Incremental)
        self.sessions: dict[Path, Session] = {}
        self.published: dict[str, list[types.Diagnostic]] = {}  # uri → what the editor shows
        self.pending: dict[str, asyncio.Task] = {}

    def session(self, path: Path) -> Session | None:
        """The session of the project ``path`` is in (None outside a duizhao project)."""
        for root, session in self.sessions.items():
            if path.is_relative_to(root):
                return session
        try:
            session = Session.at(path.parent)
        except ProjectError:
            return None
        self.sessions[session.root] = session
        return session

    def served(self, uri: str) -> tuple[Path, Session] | None:
        path = Path(to_fs_path(uri) or "").resolve()
        session = self.session(path) if kind_of(path) else None
        return None if session is None else (path, session)

    def publish(self, uri: str) -> None:
        """Check the file at ``uri`` (and the open files that depend on it) and publish."""
        served = self.served(uri)
        if served is None:
            return
        path, session = served
        targets = session.companions(path)
        by_path: dict[Path, list] = {p: [] for p in targets}
        for finding in session.check(targets):
            where = (Path.cwd() / finding.path).resolve()
            if where in by_path:
                by_path[where].append(finding)
        for target, findings in by_path.items():
            target_uri = from_fs_path(str(target))
            doc = self.workspace.get_text_document(target_uri)
            lines = doc.source.splitlines()
            diagnostics = [convert.diagnostic(f, lines, doc.position_codec) for f in findings]
            self.published[target_uri] = diagnostics
            self.text_document_publish_diagnostics(
                types.PublishDiagnosticsParams(uri=target_uri, version=doc.version, diagnostics=diagnostics))

    def later(self, uri: str) -> None:
        """Publish once the editor has been quiet for :data:`DEBOUNCE` seconds."""
        if uri in self.pending:
            self.pending[uri].cancel()

        async def run() -> None:
            await asyncio.sleep(DEBOUNCE)
            self.pending.pop(uri, None)
            self.publish(uri)
        self.pending[uri] = asyncio.ensure_future(run())


server = DuizhaoServer()


def _cursor(ls: DuizhaoServer, params: types.TextDocumentPositionParams):
    """``(lookup, path, text, line, character)`` of a request at a position in a served file,
    the position in code points (not the client's units); None for a file the server does not serve."""
    served = ls.served(params.text_document.uri)
    if served is None:
        return None
    doc = ls.workspace.get_text_document(params.text_document.uri)
    at = doc.position_codec.position_from_client_units(doc.lines, params.position)
    return served[1].lookup(), served[0], doc.source, at.line, at.character


@server.feature(types.TEXT_DOCUMENT_DID_OPEN)
def did_open(ls: DuizhaoServer, params: types.DidOpenTextDocumentParams) -> None:
    served = ls.served(params.text_document.uri)
    if served is not None:
        served[1].opened(served[0], params.text_document.text)
        ls.publish(params.text_document.uri)


@server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
def did_change(ls: DuizhaoServer, params: types.DidChangeTextDocumentParams) -> None:
    served = ls.served(params.text_document.uri)
    if served is not None:
        served[1].opened(served[0], ls.workspace.get_text_document(params.text_document.uri).source)
        ls.later(params.text_document.uri)


@server.feature(types.TEXT_DOCUMENT_DID_SAVE)
def did_save(ls: DuizhaoServer, params: types.DidSaveTextDocumentParams) -> None:
    served = ls.served(params.text_document.uri)
    if served is not None:
        served[1].changed_on_disk()
        ls.publish(params.text_document.uri)


@server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
def did_close(ls: DuizhaoServer, params: types.DidCloseTextDocumentParams) -> None:
    served = ls.served(params.text_document.uri)
    if served is not None:
        served[1].closed(served[0])
        ls.published.pop(params.text_document.uri, None)
        ls.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=params.text_document.uri, diagnostics=[]))


@server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
def did_change_watched_files(ls: DuizhaoServer, params: types.DidChangeWatchedFilesParams) -> None:
    for change in params.changes:
        path = Path(to_fs_path(change.uri) or "").resolve()
        session = ls.session(path)
        if session is not None:
            session.changed_on_disk(path)


@server.feature(types.TEXT_DOCUMENT_HOVER)
def on_hover(ls: DuizhaoServer, params: types.HoverParams) -> types.Hover | None:
    cursor = _cursor(ls, params)
    if cursor is None:
        return None
    shown = hover.hover(*cursor)
    if shown is None:
        return None
    return types.Hover(contents=types.MarkupContent(kind=types.MarkupKind.Markdown, value=shown))


@server.feature(types.TEXT_DOCUMENT_COMPLETION, types.CompletionOptions(trigger_characters=[" ", ":"]))
def on_completion(ls: DuizhaoServer, params: types.CompletionParams) -> types.CompletionList | None:
    cursor = _cursor(ls, params)
    if cursor is None:
        return None
    uri, (_, _, text, line, character) = params.text_document.uri, cursor
    lines = text.splitlines()
    at, choices = completion.complete(*cursor)
    if not choices:
        return None
    doc = ls.workspace.get_text_document(uri)
    where = convert.span(lines, doc.position_codec, line + 1, at.start + 1, line + 1, max(at.end, character) + 1)
    space = " " if at.start and lines[line][at.start - 1] == ":" else ""
    items = [types.CompletionItem(
        label=c.label, detail=c.detail or None, filter_text=c.filter_text or None, sort_text=f"{n:05d}",
        documentation=c.documentation or None, kind=types.CompletionItemKind.Value,
        text_edit=types.TextEdit(range=where, new_text=space + scalar(c.label))) for n, c in enumerate(choices)]
    return types.CompletionList(is_incomplete=False, items=items)


@server.feature(types.TEXT_DOCUMENT_DEFINITION)
def on_definition(ls: DuizhaoServer, params: types.DefinitionParams) -> types.Location | None:
    cursor = _cursor(ls, params)
    if cursor is None:
        return None
    found = definition.definition(*cursor)
    if found is None:
        return None
    path, target_line, col = found
    uri = from_fs_path(str(path))
    target = ls.workspace.get_text_document(uri)
    lines = target.source.splitlines()
    end = yaml_line_end(lines[target_line - 1], col - 1) + 1 if target_line <= len(lines) else col
    return types.Location(uri=uri, range=convert.span(lines, target.position_codec, target_line, col, target_line, end))


@server.feature(types.TEXT_DOCUMENT_CODE_ACTION,
                types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix, actions.FIX_ALL]))
def on_code_action(ls: DuizhaoServer, params: types.CodeActionParams) -> list[types.CodeAction] | None:
    uri = params.text_document.uri
    if ls.served(uri) is None:
        return None
    doc = ls.workspace.get_text_document(uri)
    lines = doc.source.splitlines()
    found = actions.quick_fixes(uri, params.context.diagnostics, lines, doc.position_codec)
    every = actions.fix_all(uri, ls.published.get(uri, []), lines, doc.position_codec)
    return [*found, *([every] if every else [])] or None


def main() -> None:
    server.start_io()
