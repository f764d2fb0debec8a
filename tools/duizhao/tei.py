"""The corpus document model: a TEI file read into header fields and segments.

Every tool (checks, exports, site, suggestions) reads documents through
:func:`load_document`, so there is one notion of what a segment is and what its text is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from lxml import etree

from .text import TEI_NS, plain_text
from .xmlsafe import parse_bytes, parse_file

T = "{%s}" % TEI_NS
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
NS = {"tei": TEI_NS}

SEGMENT_TAGS = {T + name for name in ("head", "p", "item", "byline", "dateline")}
GENRES = ("newsletter", "news-report", "online-interview", "annual-review", "press-conference")


@dataclass(frozen=True)
class Segment:
    """A translatable unit of the Chinese source, addressed by its ``xml:id``."""

    id: str
    kind: str  # head | p | item | byline | dateline | caption | turn
    zh: str
    line: int
    speaker: str | None = None  # person id of the turn, without '#'
    speaker_label: str | None = None  # the source's label (问, 嘉宾…)
    div: str | None = None  # type of the nearest enclosing div
    element: etree._Element | None = field(default=None, repr=False, compare=False)


@dataclass(frozen=True)
class Translation:
    segment: str
    en: str
    status: str  # draft | checked | reviewed (a category of the translation-status taxonomy)
    resp: str  # the translator: a respStmt id, without '#'
    line: int
    changes: tuple[str, ...] = ()  # @change: the revisionDesc changes recording its revision, without '#'


@dataclass(frozen=True)
class Responsibility:
    """A ``titleStmt/respStmt``: what was done (``resp``) and by whom (``names``)."""

    id: str
    resp: str
    names: tuple[str, ...]
    line: int

    @property
    def name(self) -> str:
        return "; ".join(self.names)


@dataclass(frozen=True)
class Change:
    """A ``revisionDesc/change``: when, by whom (respStmt ids, without '#') and what."""

    id: str | None
    when: str
    who: tuple[str, ...]
    text: str
    line: int


@dataclass(frozen=True)
class Person:
    id: str
    role: str
    names: dict[str, str]
    occupations: dict[str, str]


@dataclass(frozen=True)
class Omission:
    after: str | None  # segment id the omitted text followed; None = before the first
    text: str
    note: str
    line: int


@dataclass
class Document:
    """A parsed corpus document."""

    id: str
    path: Path
    tree: etree._ElementTree = field(repr=False)

    @property
    def root(self) -> etree._Element:
        return self.tree.getroot()

    def _first(self, xpath: str) -> etree._Element | None:
        found = self.root.xpath(xpath, namespaces=NS)
        return found[0] if found else None

    def _by_lang(self, xpath: str) -> dict[str, str]:
        return {
            el.get(XML_LANG, "zh"): " ".join((el.text or "").split())
            for el in self.root.xpath(xpath, namespaces=NS)
        }

    def position(self, el: etree._Element) -> tuple[int, int]:
        """1-based (line, col) of ``el``'s start tag (the first ``<name`` on its line)."""
        line = el.sourceline or 1
        text = self._lines[line - 1] if line <= len(self._lines) else ""
        name = etree.QName(el).localname
        found = re.search(rf"<(\w+:)?{re.escape(name)}[\s/>]", text)
        return line, found.start() + 1 if found else 1

    @cached_property
    def _lines(self) -> list[str]:
        return self.path.read_text(encoding="utf-8", errors="replace").splitlines()

    # -- header -----------------------------------------------------------------
    @cached_property
    def titles(self) -> dict[str, str]:
        return self._by_lang("tei:teiHeader/tei:fileDesc/tei:titleStmt/tei:title")

    @cached_property
    def headings(self) -> dict[str, tuple[str, str]]:
        """``{lang: (title, subtitle)}``: the main title (``type="main"`` or untyped) and the
        subtitle (``type="sub"``, its leading dash dropped) of ``titleStmt``. :attr:`titles`
        keeps the last title of each language, which for a document with a subtitle is the
        subtitle."""
        out: dict[str, tuple[str, str]] = {}
        for el in self.root.xpath("tei:teiHeader/tei:fileDesc/tei:titleStmt/tei:title", namespaces=NS):
            lang, kind = el.get(XML_LANG, "zh"), el.get("type") or "main"
            text = " ".join("".join(el.itertext()).split())
            main, sub = out.get(lang, ("", ""))
            if kind == "main" and not main:
                main = text
            elif kind == "sub" and not sub:
                sub = text.lstrip("—–-― ").strip()
            out[lang] = (main, sub)
        return {lang: (main or sub, sub if main else "") for lang, (main, sub) in out.items()}

    @cached_property
    def dating(self) -> tuple[str | None, str | None, str | None, str]:
        """``(earliest, latest, cert, as written)`` of the document's date: ``when`` is both
        ends; a date known to a month or a range has ``notBefore``/``notAfter``."""
        el = self._first("tei:teiHeader/tei:fileDesc/tei:sourceDesc/tei:bibl/tei:date")
        if el is None:
            return None, None, None, ""
        written = " ".join("".join(el.itertext()).split())
        when = el.get("when")
        return (when or el.get("notBefore"), when or el.get("notAfter"), el.get("cert"), written)

    @cached_property
    def publisher(self) -> dict[str, str]:
        return self._by_lang("tei:teiHeader/tei:fileDesc/tei:sourceDesc/tei:bibl/tei:publisher")

    @cached_property
    def place(self) -> dict[str, str]:
        return self._by_lang("tei:teiHeader/tei:profileDesc/tei:creation/tei:placeName")

    @cached_property
    def abstract(self) -> dict[str, str]:
        return {
            el.get(XML_LANG): " ".join(" ".join(el.itertext()).split())
            for el in self.root.xpath("tei:teiHeader/tei:profileDesc/tei:abstract", namespaces=NS)
        }

    @cached_property
    def date(self) -> str | None:
        """The document's date (ISO), or the earliest it can be for a date range."""
        el = self._first("tei:teiHeader/tei:fileDesc/tei:sourceDesc/tei:bibl/tei:date")
        return None if el is None else (el.get("when") or el.get("notBefore"))

    @cached_property
    def genre(self) -> str | None:
        el = self._first("tei:teiHeader/tei:profileDesc/tei:textClass/tei:catRef")
        target = None if el is None else el.get("target", "")
        return target.removeprefix("#genre-") if target else None

    @cached_property
    def source_file(self) -> str | None:
        el = self._first("tei:teiHeader/tei:fileDesc/tei:sourceDesc/tei:bibl/tei:idno[@type='source-file']")
        return None if el is None else (el.text or "").strip()

    @cached_property
    def speakers(self) -> dict[str, Person]:
        people = {}
        for el in self.root.xpath("tei:teiHeader/tei:profileDesc/tei:particDesc/tei:listPerson/tei:person", namespaces=NS):
            pid = el.get(XML_ID)
            people[pid] = Person(
                id=pid,
                role=el.get("role", ""),
                names={n.get(XML_LANG): (n.text or "").strip() for n in el.findall(T + "persName")},
                occupations={n.get(XML_LANG): (n.text or "").strip() for n in el.findall(T + "occupation")},
            )
        return people

    @cached_property
    def responsibilities(self) -> dict[str, Responsibility]:
        """The ``titleStmt/respStmt``s with an ``xml:id``, by id, in header order."""
        out = {}
        for el in self.root.xpath("tei:teiHeader/tei:fileDesc/tei:titleStmt/tei:respStmt[@xml:id]", namespaces=NS):
            out[el.get(XML_ID)] = Responsibility(
                id=el.get(XML_ID),
                resp=" ".join(" ".join("".join(r.itertext()).split()) for r in el.findall(T + "resp")),
                names=tuple(" ".join("".join(n.itertext()).split()) for n in el.findall(T + "name")),
                line=el.sourceline or 0,
            )
        return out

    @cached_property
    def revisions(self) -> list[Change]:
        """The ``revisionDesc`` entries, in header order."""
        return [
            Change(
                id=el.get(XML_ID),
                when=el.get("when") or "",
                who=tuple(w.removeprefix("#") for w in (el.get("who") or "").split()),
                text=" ".join("".join(el.itertext()).split()),
                line=el.sourceline or 0,
            )
            for el in self.root.xpath("tei:teiHeader/tei:revisionDesc/tei:change", namespaces=NS)
        ]

    @cached_property
    def status_categories(self) -> dict[str, dict[str, str]] | None:
        """The categories of the ``translation-status`` taxonomy: ``{id: {lang: description}}``;
        ``None`` when the header declares no such taxonomy."""
        taxonomy = self._first("tei:teiHeader/tei:encodingDesc/tei:classDecl/tei:taxonomy[@xml:id='translation-status']")
        if taxonomy is None:
            return None
        return {
            cat.get(XML_ID): {d.get(XML_LANG, "en"): " ".join("".join(d.itertext()).split())
                              for d in cat.findall(T + "catDesc")}
            for cat in taxonomy.findall(T + "category") if cat.get(XML_ID)
        }

    @cached_property
    def omissions(self) -> list[Omission]:
        items = self.root.xpath("tei:teiHeader/tei:encodingDesc/tei:p/tei:list[@type='omitted']/tei:item", namespaces=NS)
        return [
            Omission(
                after=(item.get("corresp") or "").removeprefix("#") or None,
                text=item.findtext(T + "quote") or "",
                note=item.findtext(T + "note") or "",
                line=item.sourceline or 0,
            )
            for item in items
        ]

    # -- text -------------------------------------------------------------------
    @cached_property
    def source_text(self) -> etree._Element | None:
        return self._first("tei:text[@type='source']")

    @cached_property
    def segments(self) -> list[Segment]:
        if self.source_text is None:
            return []
        return [_segment(el) for el in self.source_text.iter(*SEGMENT_TAGS) if el.get(XML_ID)]

    @cached_property
    def segment_index(self) -> dict[str, Segment]:
        return {seg.id: seg for seg in self.segments}

    @cached_property
    def translation_elements(self) -> list[etree._Element]:
        """Every ``<ab>`` of the English translation, in document order."""
        return self.root.xpath("tei:text[@type='translation']/tei:body/tei:ab", namespaces=NS)

    @cached_property
    def translations(self) -> dict[str, Translation]:
        out = {}
        for ab in self.translation_elements:
            seg = (ab.get("corresp") or "").removeprefix("#")
            out.setdefault(seg, Translation(
                segment=seg,
                en=plain_text(ab, "en"),
                status=(ab.get("ana") or "").removeprefix("#"),
                resp=(ab.get("resp") or "").removeprefix("#"),
                line=ab.sourceline or 0,
                changes=tuple(c.removeprefix("#") for c in (ab.get("change") or "").split()),
            ))
        return out


def _segment(el: etree._Element) -> Segment:
    parent = el.getparent()
    kind = el.tag[len(T):]
    speaker = label = None
    if kind == "head" and parent.tag == T + "figure":
        kind = "caption"
    elif kind == "p" and parent.tag == T + "sp":
        kind = "turn"
        speaker = (parent.get("who") or "").split()[0].removeprefix("#") or None
        label_el = parent.find(T + "speaker")
        label = plain_text(label_el) if label_el is not None else None
    div = next((a.get("type") for a in el.iterancestors(T + "div")), None)
    return Segment(
        id=el.get(XML_ID), kind=kind, zh=plain_text(el), line=el.sourceline or 0,
        speaker=speaker, speaker_label=label, div=div, element=el,
    )


def load_document(path: str | Path, text: str | None = None) -> Document:
    """Parse a corpus file with the hardened parser (raises ``XMLProblem``); ``text``: its
    contents as being edited, parsed instead of the file."""
    path = Path(path)
    tree = parse_file(path) if text is None else parse_bytes(text.encode("utf-8"))
    doc = Document(id=tree.getroot().get(XML_ID) or path.stem, path=path, tree=tree)
    if text is not None:
        doc.__dict__["_lines"] = text.splitlines()  # positions in the text, not the file
    return doc
