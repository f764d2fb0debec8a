"""``duizhao lsp`` end to end: a real LSP client (pytest-lsp) starts the server over stdio
and sees what an editor would: diagnostics with ranges, codes and rule pages, hover text,
completion labels, definitions and the rules' fixes as code actions."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
import pytest_lsp
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities

from duizhao.check.fix import apply_edits
from duizhao.check.finding import Edit

from conftest import build_project

DOC = "mini-news-2020"
SERVER = ClientServerConfig(server_command=[sys.executable, "-m", "duizhao.cli", "lsp"])


@pytest.fixture
def root(tmp_path) -> Path:
    return build_project(tmp_path / "project").resolve()


@pytest_lsp.fixture(config=SERVER)
async def client(lsp_client: LanguageClient, root: Path):
    await lsp_client.initialize_session(types.InitializeParams(
        capabilities=client_capabilities("visual-studio-code"), root_uri=root.as_uri()))
    yield
    await lsp_client.shutdown_session()


def _uri(path: Path) -> str:
    return path.as_uri()


async def _open(client: LanguageClient, path: Path, text: str | None = None) -> list[types.Diagnostic]:
    """Open ``path`` (with ``text`` in the buffer, else the file) and wait for its diagnostics."""
    text = path.read_text(encoding="utf-8") if text is None else text
    language = "xml" if path.suffix == ".xml" else "yaml"
    client.text_document_did_open(types.DidOpenTextDocumentParams(text_document=types.TextDocumentItem(
        uri=_uri(path), language_id=language, version=1, text=text)))
    await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    return list(client.diagnostics[_uri(path)])


async def _change(client: LanguageClient, path: Path, text: str, version: int) -> list[types.Diagnostic]:
    client.text_document_did_change(types.DidChangeTextDocumentParams(
        text_document=types.VersionedTextDocumentIdentifier(uri=_uri(path), version=version),
        content_changes=[types.TextDocumentContentChangeWholeDocument(text=text)]))
    await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    return list(client.diagnostics[_uri(path)])


def _where(text: str, needle: str, offset: int = 0) -> types.Position:
    """The position of ``needle`` (plus ``offset`` characters) in ``text``."""
    before = text[:text.index(needle) + offset]
    return types.Position(line=before.count("\n"), character=len(before) - before.rfind("\n") - 1)


def _summary(diagnostics: list[types.Diagnostic]) -> list[tuple]:
    return [(d.code, d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character,
             d.severity) for d in diagnostics]


@pytest.mark.asyncio
async def test_a_broken_file_gets_diagnostics_then_none_once_edited_into_validity(client: LanguageClient, root: Path):
    path = root / "annotations" / f"{DOC}.yaml"
    good = path.read_text(encoding="utf-8")
    broken = good.replace("term: chain-chief-system", "term: chain-chef").replace("quote: 立讯智造", "quote: 立讯制造")
    found = await _open(client, path, broken)
    assert _summary(found) == [
        ("G001", 24, 4, 24, 20, types.DiagnosticSeverity.Error),  # term: chain-chef
        ("A002", 35, 4, 35, 15, types.DiagnosticSeverity.Error),  # quote: 立讯制造
    ]
    g001 = next(d for d in found if d.code == "G001")
    assert (g001.range.start.line, g001.range.start.character, g001.range.end.character) == (24, 4, 20)
    assert g001.message == ("mini-news-2020.a0002: term 'chain-chef' is not in annotations/glossary.yaml "
                            "(unknown-term)")
    assert g001.code_description.href == "http://127.0.0.1:8000/en/rules/#g001" and g001.source == "duizhao"
    assert await _change(client, path, good, 2) == []


@pytest.mark.asyncio
async def test_save_checks_again_against_the_files_on_disk(client: LanguageClient, root: Path):
    path, tei = root / "annotations" / f"{DOC}.yaml", root / "corpus" / f"{DOC}.xml"
    assert await _open(client, path) == []
    tei.write_text(tei.read_text(encoding="utf-8").replace("立讯智造出口", "立讯精密出口"), encoding="utf-8")
    client.text_document_did_save(types.DidSaveTextDocumentParams(text_document=types.TextDocumentIdentifier(uri=_uri(path))))
    await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    assert [d.code for d in client.diagnostics[_uri(path)]] == ["A002"]


@pytest.mark.asyncio
async def test_a_tei_buffer_is_checked_as_typed(client: LanguageClient, root: Path):
    path = root / "corpus" / f"{DOC}.xml"
    text = path.read_text(encoding="utf-8")
    assert await _open(client, path) == []
    found = await _change(client, path, text.replace('<ab corresp="#s002"', '<ab corresp="#s099"'), 2)
    assert {d.code for d in found} >= {"X004", "T001"}
    x004 = next(d for d in found if d.code == "X004")
    assert x004.range.start.line == _where(text, '<ab corresp="#s002"').line


@pytest.mark.asyncio
async def test_hover_shows_the_quote_in_its_segment_the_entry_and_the_figure(client: LanguageClient, root: Path):
    path = root / "annotations" / f"{DOC}.yaml"
    text = path.read_text(encoding="utf-8")
    await _open(client, path)

    async def hover(needle: str, offset: int = 0) -> str:
        found = await client.text_document_hover_async(types.HoverParams(
            text_document=types.TextDocumentIdentifier(uri=_uri(path)), position=_where(text, needle, offset)))
        return found.contents.value

    quote = await hover("quote: 增长3.6%", 8)
    assert "1-9月，全市规模工业增加值**增长3.6%**，列全省第1" in quote
    assert "grew by 3.6%" in quote and quote.startswith("s002 (p)")
    term = await hover("term: chain-chief-system", 8)
    assert term.startswith("**链长制** (liànzhǎng zhì) — *industrial chain chief system*")
    assert "`chain-chief-system` in glossary.yaml · policy-mechanism" in term and "also: 产业链链长制" in term
    figure = await hover("value: 3.6", 7)
    assert figure.startswith("**+3.6 % year on year, Ji'an, 2020-01/2020-09, actual**")
    assert "interval of the statistic: 3.6" in figure
    assert (await hover("unit: percent", 7)).endswith("`percent`: a percentage (3.6 for 3.6%)")
    assert (await hover("scope: jian-city", 8)).startswith("**吉安市** (jí'ānshì) — *Ji'an*")


@pytest.mark.asyncio
async def test_completion_offers_ids_by_any_form_segments_enums_and_quotes(client: LanguageClient, root: Path):
    path = root / "annotations" / f"{DOC}.yaml"
    text = path.read_text(encoding="utf-8")
    buffer = text.replace("    term: chain-chief-system\n", "    term: 链长\n")
    await _open(client, path, buffer)

    async def labels(needle: str, offset: int, source: str = buffer) -> list[types.CompletionItem]:
        found = await client.text_document_completion_async(types.CompletionParams(
            text_document=types.TextDocumentIdentifier(uri=_uri(path)), position=_where(source, needle, offset)))
        return found.items if found else []

    terms = await labels("term: 链长", 8)
    assert [i.label for i in terms] == ["chain-chief-system", "project-5020"]
    assert "链长制" in terms[0].filter_text and "industrial chain chief system" in terms[0].filter_text
    assert terms[0].detail == "链长制 — industrial chain chief system"
    assert terms[0].text_edit.new_text == "chain-chief-system" and terms[0].text_edit.range.start.character == 10
    assert [i.label for i in await labels("segment: s002", 10)] == ["s001", "s002", "s003"]
    assert [i.label for i in await labels("modality" if "modality" in buffer else "measure: growth_yoy", 10)][:3] == \
        ["level", "growth_yoy", "growth"]
    indicators = await labels("indicator: industrial-value-added", 12)
    assert "industrial-value-added" in [i.label for i in indicators]
    assert all(i.text_edit.range.start.character == 15 for i in indicators)  # the whole value is replaced
    figures = [i.label for i in await labels("quote: 增长3.6%", 8)]
    assert "3.6%" in figures and "1031.3亿元" in figures
    names = [i.label for i in await labels("quote: 链长制", 8)]
    assert names == ["产业链链长制", "链长制", "“5020”项目"]


@pytest.mark.asyncio
async def test_definition_leads_to_the_registry_entry_and_the_segment(client: LanguageClient, root: Path):
    path = root / "annotations" / f"{DOC}.yaml"
    text = path.read_text(encoding="utf-8")
    await _open(client, path)

    async def goto(needle: str, offset: int) -> types.Location:
        return await client.text_document_definition_async(types.DefinitionParams(
            text_document=types.TextDocumentIdentifier(uri=_uri(path)), position=_where(text, needle, offset)))

    term = await goto("term: chain-chief-system", 8)
    assert term.uri == _uri(root / "annotations" / "glossary.yaml") and term.range.start.line == 2
    segment = await goto("segment: s003", 10)
    tei = (root / "corpus" / f"{DOC}.xml").read_text(encoding="utf-8")
    assert segment.uri == _uri(root / "corpus" / f"{DOC}.xml")
    assert (segment.range.start.line, segment.range.start.character) == (_where(tei, '<p xml:id="s003"').line, 8)


@pytest.mark.asyncio
async def test_code_actions_are_the_rules_fixes(client: LanguageClient, root: Path):
    path = root / "annotations" / f"{DOC}.yaml"
    text = path.read_text(encoding="utf-8")
    body = text.split("\n", 1)[1].replace("    quote: 链长制\n", "    quote: 链长制\n    prefix: 全省\n")
    found = await _open(client, path, body)
    assert sorted(d.code for d in found) == ["A002", "Y004"]
    actions = await client.text_document_code_action_async(types.CodeActionParams(
        text_document=types.TextDocumentIdentifier(uri=_uri(path)),
        range=types.Range(start=types.Position(line=0, character=0), end=types.Position(line=40, character=0)),
        context=types.CodeActionContext(diagnostics=found)))
    titles = [a.title for a in actions]
    assert titles == ["insert the modeline (Y004)", "remove the prefix (A002, unsafe: read it after)",
                      "duizhao: apply 1 safe fix(es)"]
    modeline, unsafe, every = actions
    assert not unsafe.is_preferred and modeline.is_preferred and modeline.kind == types.CodeActionKind.QuickFix
    assert every.kind == "source.fixAll.duizhao"
    [edit] = modeline.edit.changes[_uri(path)]
    assert (edit.range.start.line, edit.range.start.character, edit.range.end.line) == (0, 0, 0)
    fixed = apply_edits(body, [Edit.insert(1, 1, edit.new_text)])
    assert fixed.startswith("# yaml-language-server: $schema=schema/annotations.schema.json\ndocument:")
    [removal] = unsafe.edit.changes[_uri(path)]
    assert (removal.range.start.line, removal.range.end.line, removal.new_text) == (
        _where(body, "    prefix: 全省").line, _where(body, "    prefix: 全省").line + 1, "")


@pytest.mark.asyncio
async def test_a_buffer_that_does_not_parse_gets_its_own_error_and_hover_still_works(client: LanguageClient, root: Path):
    path = root / "annotations" / f"{DOC}.yaml"
    good = path.read_text(encoding="utf-8")
    broken = good.replace("    quote: 链长制\n", "    quote: [链长制\n")
    found = await _open(client, path, broken)
    assert [(d.code, d.severity) for d in found] == [("Y001", types.DiagnosticSeverity.Error),
                                                     ("Y001", types.DiagnosticSeverity.Information)]
    assert found[0].message.endswith("(yaml-syntax)") and found[0].range.start.line == _where(broken, "quote: [").line + 1
    assert found[1].message.startswith("while this file cannot be read, not checked: E002 on the corpus")
    hover = await client.text_document_hover_async(types.HoverParams(
        text_document=types.TextDocumentIdentifier(uri=_uri(path)), position=_where(broken, "term: chain-chief-system", 8)))
    assert hover.contents.value.startswith("**链长制**")  # the registry is read, the buffer need not parse
    assert await _change(client, path, good, 2) == []


@pytest.mark.asyncio
async def test_in_tei_a_translation_leads_to_its_segment(client: LanguageClient, root: Path):
    path = root / "corpus" / f"{DOC}.xml"
    text = path.read_text(encoding="utf-8")
    await _open(client, path)
    where = _where(text, '<ab corresp="#s002"', 15)
    hover = await client.text_document_hover_async(types.HoverParams(
        text_document=types.TextDocumentIdentifier(uri=_uri(path)), position=where))
    assert hover.contents.value.startswith("s002 (p)\n\n1-9月，全市规模工业增加值增长3.6%")
    found = await client.text_document_definition_async(types.DefinitionParams(
        text_document=types.TextDocumentIdentifier(uri=_uri(path)), position=where))
    assert found.uri == _uri(path) and found.range.start.line == _where(text, '<p xml:id="s002"').line
