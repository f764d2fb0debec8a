"""``duizhao ingest``: a plain-text report becomes a schema-valid TEI skeleton.

Every non-empty line becomes a segment (``head`` for short unpunctuated lines, ``p``
otherwise; ``问:``/``答:`` lines become speaker turns), numbered ``s001…``. Nothing is
dropped: lines that look like web boilerplate go to the header's omission list, and the
debris the importer suspects is flagged with XML comments (and printed) for the encoder
to repair with ``choice/sic/corr``:

- ``split``: a paragraph that does not end a sentence, followed by another one (a page
  break inside a sentence);
- ``stray``: a short line between two halves of a sentence (a subheading dropped into it);
- ``duplicate``: a short line repeating the end of the previous paragraph;
- ``boilerplate``: share buttons, navigation, related links, app promotions.

The header's date is read from the text (:func:`date_in`), never from today's date: the first
full date (2021年5月25日, 2024/8/6) with ``cert="medium"``, else the latest year and month
(2020年11月) or else the year the text names most often (not a target year: 到2025年) with
``cert="low"``; the bibl's note says what was read and where. A text without any leaves the
date empty (``<date/>``), so that ``duizhao check`` (X005) asks the encoder for it.

The header follows the translation-provenance model (``site/guide/encoding.md``): a
``respStmt`` for the encoding (``enc-duizhao``, who made the skeleton) and one for the
translation (``tr-duizhao``, whose ``resp`` the translator completes with who or what drafts
the English and by which method), the ``translation-status`` categories draft | checked |
reviewed, and a ``revisionDesc`` entry for the ingest. The translation ``text`` holds an empty
``<ab ana="#draft">`` per segment, which T001 reports until it has its English.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
import sys
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from . import provenance
from .project import Project
from .tei import GENRES, XML_ID, XML_LANG
from .translation_provenance import CATEGORIES
from .text import TEI_NS, normalise

BOILERPLATE = re.compile(
    r"^(分享到|上一篇|下一篇|相关资讯|相关文章|相關文章|相关阅读|登录|注册|首页\s*[|｜]|打印本页|关闭窗口|"
    r"扫一扫|【?字体[:：]|浏览次数|点击量|责任编辑[:：]?$)|关注.*(公众号|微信)|微信公众号|客户端"
)
SENTENCE_END = tuple("。！？!?；;…”’）)】」》") + (":", "：")
SPEAKER = re.compile(r"^(问|答|嘉宾|主持人|记者)\s*[:：]+\s*")
MARKDOWN_HEADING = re.compile(r"^#{1,6}\s+")
BOLD = re.compile(r"\*\*(.+?)\*\*")
MARKDOWN_LINK = re.compile(r"\[([^\]]+)\]\(([^)\s]+)\)")
FULL_DATE = re.compile(r"(?<!\d)((?:19|20)\d{2})(?:\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日|([/.-])(\d{1,2})\4(\d{1,2})(?!\d))")
YEAR_MONTH = re.compile(r"(?<!\d)((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月(?!\s*\d{1,2}\s*日)")
YEAR = re.compile(r"(?<![\d到至—–~-])((?:19|20)\d{2})\s*年")  # 到2025年, 2019-2035年: targets and range ends
HEAD_MAX = 30  # characters: longer lines are paragraphs
STRAY_MAX = 8

E = "{%s}" % TEI_NS


@dataclass
class Line:
    number: int  # 1-based line in the source
    text: str
    blank_before: bool


@dataclass
class Flag:
    kind: str
    line: int
    message: str


@dataclass
class Skeleton:
    tree: etree._ElementTree
    flags: list[Flag] = field(default_factory=list)
    segments: int = 0


def _lines(source: str) -> list[Line]:
    out, blank = [], False
    for number, raw in enumerate(source.splitlines(), 1):
        text = raw.strip()
        if not text:
            blank = True
            continue
        out.append(Line(number, text, blank))
        blank = False
    return out


def _is_heading(text: str) -> bool:
    return bool(MARKDOWN_HEADING.match(text)) or (len(text) <= HEAD_MAX and not text.endswith(SENTENCE_END))


def _ends_sentence(text: str) -> bool:
    return normalise(text).endswith(SENTENCE_END)


_INLINE_MARKUP = re.compile(f"{BOLD.pattern}|{MARKDOWN_LINK.pattern}")


def _inline(parent: etree._Element, text: str) -> None:
    """Put ``text`` into ``parent``, turning Markdown bold into ``hi`` and links into ``ref``."""
    text = MARKDOWN_HEADING.sub("", text)
    pos, last = 0, None
    for m in _INLINE_MARKUP.finditer(text):
        chunk = text[pos:m.start()]
        if last is None:
            parent.text = (parent.text or "") + chunk
        else:
            last.tail = (last.tail or "") + chunk
        if m.group(1) is not None:
            last = etree.SubElement(parent, E + "hi", rend="bold")
            last.text = m.group(1)
        else:
            last = etree.SubElement(parent, E + "ref", target=m.group(3))
            last.text = m.group(2)
        pos = m.end()
    rest = text[pos:]
    if last is None:
        parent.text = (parent.text or "") + rest
    else:
        last.tail = (last.tail or "") + rest


@dataclass(frozen=True)
class TextDate:
    when: str | None  # ISO 8601 (YYYY-MM-DD, YYYY-MM or YYYY); None: the text gives none
    cert: str | None = None  # medium for a full date, low for a month or a year
    evidence: str = "no date in the source text: fill in sourceDesc/bibl/date and creation/date"


def date_in(source: str) -> TextDate:
    """The document's date as the text gives it (see the module docstring)."""
    def where(m: re.Match) -> str:
        return f"read from the source text, line {source.count(chr(10), 0, m.start()) + 1}: {m.group(0)!r}; check it"

    def valid(*parts: int) -> bool:
        try:
            dt.date(*parts, *(1,) * (3 - len(parts)))
        except ValueError:
            return False
        return True

    for m in FULL_DATE.finditer(source):
        y, mo, d = int(m[1]), int(m[2] or m[5]), int(m[3] or m[6])
        if valid(y, mo, d):
            return TextDate(f"{y:04d}-{mo:02d}-{d:02d}", "medium", where(m))
    months = [m for m in YEAR_MONTH.finditer(source) if valid(int(m[1]), int(m[2]))]
    if months:
        m = max(months, key=lambda m: (int(m[1]), int(m[2])))
        return TextDate(f"{int(m[1]):04d}-{int(m[2]):02d}", "low", where(m))
    years = list(YEAR.finditer(source))
    if years:
        count = {y: sum(m[1] == y for m in years) for y in {m[1] for m in years}}
        year = max(count, key=lambda y: (count[y], y))
        return TextDate(year, "low", where(next(m for m in years if m[1] == year)))
    return TextDate(None)


def _date_element(date: TextDate) -> str:
    if date.when is None:
        return "<date/>"
    return f'<date when="{date.when}" cert="{date.cert}">{date.when}</date>'


def _header(doc_id: str, title: str, source_name: str, date: TextDate) -> etree._Element:
    x = etree.fromstring(f"""<teiHeader xmlns="{TEI_NS}">
  <fileDesc>
    <titleStmt>
      <title xml:lang="zh"></title>
      <title xml:lang="en"></title>
      <respStmt xml:id="enc-duizhao"><resp>TEI encoding (skeleton made by duizhao ingest), source repairs and annotation</resp><name>duizhao project</name></respStmt>
      <respStmt xml:id="tr-duizhao"><resp>English translation (to be completed: who or what drafts it, and whether machine-generated, machine-assisted or a human translation)</resp><name>duizhao project</name></respStmt>
    </titleStmt>
    <publicationStmt><publisher>duizhao project</publisher></publicationStmt>
    <sourceDesc>
      <bibl>
        <title xml:lang="zh"></title>
        <publisher xml:lang="zh"></publisher>
        {_date_element(date)}
        <idno type="source-file"></idno>
        <note xml:lang="en">Skeleton made by duizhao ingest: complete the header (English title, publisher, genre, place) and repair the flagged debris. Date: </note>
      </bibl>
    </sourceDesc>
  </fileDesc>
  <encodingDesc>
    <editorialDecl><correction><p>To be completed: list every repair made with choice/sic/corr.</p></correction></editorialDecl>
    <classDecl>
      <taxonomy xml:id="genre">{''.join(f'<category xml:id="genre-{g}"><catDesc xml:lang="en">{g.replace("-", " ")}</catDesc></category>' for g in GENRES)}</taxonomy>
      <taxonomy xml:id="translation-status">{''.join(f'<category xml:id="{c}"><catDesc xml:lang="en">{en}</catDesc><catDesc xml:lang="zh">{zh}</catDesc></category>' for c, (en, zh) in CATEGORIES.items())}</taxonomy>
    </classDecl>
  </encodingDesc>
  <profileDesc>
    <creation>{_date_element(date)}<placeName xml:lang="zh"></placeName></creation>
    <langUsage><language ident="zh">Chinese</language><language ident="en">English</language></langUsage>
    <textClass><catRef target="#genre-news-report"/></textClass>
  </profileDesc>
  <revisionDesc><change when="{dt.date.today().isoformat()}" who="#enc-duizhao">Skeleton made by duizhao ingest from {source_name}.</change></revisionDesc>
</teiHeader>""")
    for el in x.iter(E + "title"):
        if el.get(XML_LANG) == "zh":
            el.text = title
    x.find(f".//{E}idno").text = source_name
    x.find(f".//{E}bibl/{E}note").text += date.evidence + "."
    return x


def build(source: str, doc_id: str, source_name: str) -> Skeleton:
    """The TEI skeleton of ``source`` (text) for document ``doc_id``."""
    lines = _lines(source)
    title = next((MARKDOWN_HEADING.sub("", ln.text) for ln in lines if not BOILERPLATE.search(ln.text)), doc_id)
    root = etree.Element(E + "TEI", nsmap={None: TEI_NS})
    root.set(XML_ID, doc_id)
    root.set(XML_LANG, "zh")
    header = _header(doc_id, title, source_name, date_in(source))
    root.append(header)
    text = etree.SubElement(root, E + "text", type="source")
    text.set(XML_LANG, "zh")
    body = etree.SubElement(text, E + "body")
    div = etree.SubElement(body, E + "div", type="article")
    skel = Skeleton(root.getroottree())
    omissions: list[tuple[str | None, str, int]] = []
    speakers: set[str] = set()
    last_seg: etree._Element | None = None
    previous: Line | None = None

    for i, line in enumerate(lines):
        if BOILERPLATE.search(line.text):
            omissions.append((last_seg.get(XML_ID) if last_seg is not None else None, line.text, line.number))
            skel.flags.append(Flag("boilerplate", line.number, f"left out as suspected boilerplate: {line.text!r}"))
            continue
        nxt = lines[i + 1] if i + 1 < len(lines) else None
        kind = "head" if _is_heading(line.text) and not SPEAKER.match(line.text) else "p"
        if previous is not None and last_seg is not None and not _ends_sentence(previous.text) and kind == "p" and previous.blank_before is not None:
            if line.blank_before and not _is_heading(previous.text):
                skel.flags.append(Flag("split", line.number, f"line {previous.number} does not end a sentence: a page break inside a sentence? (join with <choice><sic><pb/></sic><corr type=\"page-break\"/></choice>)"))
        if kind == "head" and len(line.text) <= STRAY_MAX and previous is not None and not _ends_sentence(previous.text) \
                and not _is_heading(previous.text) and nxt is not None and not _is_heading(nxt.text):
            skel.flags.append(Flag("stray", line.number, f"short line {line.text!r} inside a sentence: a subheading dropped by the layout?"))
        if previous is not None and len(line.text) <= 4 and normalise(previous.text).endswith(normalise(line.text)) and kind != "head":
            skel.flags.append(Flag("duplicate", line.number, f"{line.text!r} repeats the end of line {previous.number}: a duplicated fragment?"))
        skel.segments += 1
        seg_id = f"s{skel.segments:03d}"
        m = SPEAKER.match(line.text)
        if m:
            label = m.group(1)
            who = "questioner" if label in ("问", "记者") else "respondent"
            speakers.add(who)
            sp = etree.SubElement(div, E + "sp", who=f"#{who}")
            etree.SubElement(sp, E + "speaker").text = label
            el = etree.SubElement(sp, E + "p")
            content = line.text[m.end():]
        else:
            if kind == "head" and any(isinstance(c.tag, str) and c.tag != E + "head" for c in div):
                div = etree.SubElement(body, E + "div", type="section")
            el = etree.SubElement(div, E + kind)
            content = line.text
        el.set(XML_ID, seg_id)
        _inline(el, content)
        comments = [f for f in skel.flags if f.line == line.number and f.kind != "boilerplate"]
        for flag in comments:
            el.addprevious(etree.Comment(f" ingest {flag.kind}: {flag.message.replace('--', '—')} "))
        last_seg, previous = el, line

    if omissions:
        p = etree.SubElement(header.find(E + "encodingDesc"), E + "p")
        p.set(XML_LANG, "en")
        p.text = "Left out of the body, in source order: "
        lst = etree.SubElement(p, E + "list", type="omitted")
        for after, quote, number in omissions:
            item = etree.SubElement(lst, E + "item")
            if after:
                item.set("corresp", f"#{after}")
            etree.SubElement(item, E + "quote").text = quote
            etree.SubElement(item, E + "note").text = f"suspected web boilerplate (ingest, source line {number}): review"
    if speakers:
        partic = etree.SubElement(header.find(E + "profileDesc"), E + "particDesc")
        lst = etree.SubElement(partic, E + "listPerson")
        for who in sorted(speakers):
            person = etree.SubElement(lst, E + "person", role=who)
            person.set(XML_ID, who)
            name = etree.SubElement(person, E + "persName")
            name.set(XML_LANG, "zh")
            name.text = "提问者" if who == "questioner" else "答问者"
    if skel.segments == 0:
        etree.SubElement(div, E + "p").set(XML_ID, "s001")
    _translation(root)
    etree.indent(root, space="  ")
    return skel


def _translation(root: etree._Element) -> None:
    """The English to be written: an empty ``ab`` per segment, a ``draft`` by the translator
    the header names (``tr-duizhao``); T001 reports each until it has its English."""
    text = etree.SubElement(root, E + "text", type="translation")
    text.set(XML_LANG, "en")
    body = etree.SubElement(text, E + "body")
    for seg in root.find(E + "text").iter():
        if isinstance(seg.tag, str) and seg.get(XML_ID):
            etree.SubElement(body, E + "ab", corresp=f"#{seg.get(XML_ID)}", resp="#tr-duizhao", ana="#draft")


def ingest_file(source: Path, doc_id: str, output: Path | None, project: Project | None, force: bool = False) -> int:
    """Write the skeleton (and keep the source in corpus/sources/); print the flags."""
    if not re.fullmatch(r"[a-z][a-z0-9-]*", doc_id):
        print(f"duizhao ingest: document id {doc_id!r} must be a lowercase slug [a-z][a-z0-9-]*", file=sys.stderr)
        return 2
    try:
        text = source.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        print(f"duizhao ingest: cannot read {source}: {exc}", file=sys.stderr)
        return 2
    corpus = project.corpus_dir if project else Path("corpus")
    output = output or corpus / f"{doc_id}.xml"
    if output.exists() and not force:
        print(f"duizhao ingest: {output} exists (use --force to overwrite)", file=sys.stderr)
        return 2
    skel = build(text, doc_id, source.name)
    sources = output.parent / "sources"
    sources.mkdir(parents=True, exist_ok=True)
    if not (sources / source.name).exists():
        shutil.copyfile(source, sources / source.name)
    provenance.record(skel.tree, sources / source.name)  # SHA-256 and size of the kept copy (rule X010)
    output.parent.mkdir(parents=True, exist_ok=True)
    skel.tree.write(str(output), xml_declaration=True, encoding="UTF-8", pretty_print=True)
    print(f"{output}: {skel.segments} segments, {len(skel.flags)} flag(s)")
    for flag in skel.flags:
        print(f"{source}:{flag.line}: {flag.kind}: {flag.message}")
    return 0
