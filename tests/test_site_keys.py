"""The generated pages' render-cache keys (duizhao.site.keys): a page whose key did not
change after an edit is never re-rendered (nor, with ``mkdocs serve --dirty``,
re-templated), so its key must cover all it shows; and an edit should change the keys of
the pages it changes, not more.

Each test copies the real corpus, edits it as an annotator or a translator would, and
renders every generated page of both languages (title, description, <head> additions and
HTML) before and after, with the keys build.py would give them.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from xml.sax.saxutils import escape

import pytest

from duizhao import annotations as annotations_mod
from duizhao import names, yamlio
from duizhao.figures import default_modality
from duizhao.project import Project
from duizhao.site import i18n, meta, page_list, render, urls
from duizhao.site.cache import RenderCache
from duizhao.site.data import Place, SiteData
from duizhao.site.html import environment
from duizhao.site.render import Download, Pages, entity_pages
from duizhao.suggest.report import Published

from conftest import REPO

VERSION = meta.Version("1.2.0", "2026-01-01", "1.2.0+test")
SITE_URL = "https://example.org/duizhao/"
GLOSSARY_DOWNLOADS = [Download("glossary", "csv", "downloads/glossary.csv", 0)]
ENV = environment()


def copy_corpus(dest: Path) -> Path:
    for part in ("corpus", "annotations"):
        shutil.copytree(REPO / part, dest / part)
    return dest


class Site:
    """Every generated (not deferred) page of a project: its key, as build.py salts it, and
    what it shows."""

    def __init__(self, root: Path, previous: SiteData | None = None):
        project = Project(root)
        if previous is not None:  # as `mkdocs serve` builds again after a save (SiteBuilder.add_files)
            project.carry(previous.project)
            annotations_mod.carry(project, previous.project)
            names.carry(project, previous.project)
        self.data = data = SiteData(project, version="test", previous=previous)
        inputs = page_list.Inputs(
            doc_digests={d.id: data.document_digest(d) for d in data.documents}, results="-",
            site_url=None,
            doc_files={(d.id, w): f"downloads/{w}/{d.id}.{w}" for d in data.documents for w in ("tei", "yaml")},
            glossary_downloads=GLOSSARY_DOWNLOADS, evaluation=Published("missing"), listing=lambda: [],
            findings=lambda: [], root=root, version=VERSION)
        cache = RenderCache(root / "unused", "code")
        self.specs = [s for s in page_list.specs(data, inputs) if not s.deferred]
        self.keys = {f"{lang}/{s.path}": cache.key(lang, urls.of_src(f"{lang}/{s.path}"), s.key)
                     for lang in i18n.LANGS for s in self.specs}
        self._shown: dict[str, tuple] | None = None

    @property
    def shown(self) -> dict[str, tuple]:
        if self._shown is None:
            self._shown, views = {}, {}
            for lang in i18n.LANGS:
                pages = Pages(self.data, lang, ENV, views, VERSION, SITE_URL)
                for spec in self.specs:
                    src = f"{lang}/{spec.path}"
                    url = urls.of_src(src)
                    head = spec.head(lang, urls.absolute(SITE_URL, url)) if spec.head else None
                    self._shown[src] = (spec.title(lang), spec.description(lang), head, spec.render(pages, url))
        return self._shown


@pytest.fixture(scope="module")
def base(tmp_path_factory) -> Site:
    return Site(copy_corpus(tmp_path_factory.mktemp("base")))


def both(path: str) -> set[str]:
    return {f"{lang}/{path}" for lang in i18n.LANGS}


def doc_pages(doc: str) -> set[str]:
    return both(f"documents/{doc}.md")


def entity_page(eid: str, number: int = 1) -> set[str]:
    return both(f"entities/{eid}.md" if number == 1 else f"entities/{eid}/{number}.md")


def entity_all(data: SiteData, eid: str) -> set[str]:
    return {p for n in range(1, entity_pages(len(data.places_of("entity", eid))) + 1) for p in entity_page(eid, n)}


def compare(before: Site, after: Site, name: str) -> set[str]:
    """The pages whose key changed, after checking that no other page shows anything else
    (its title, description, <head> additions or HTML) than before."""
    assert set(before.keys) == set(after.keys), name
    changed = {p for p in after.keys if after.keys[p] != before.keys[p]}
    stale = sorted(p for p in after.keys if p not in changed and after.shown[p] != before.shown[p])
    assert not stale, f"{name}: pages changed under an unchanged key: {stale}"
    differs = {p for p in after.keys if after.shown[p] != before.shown[p]}
    print(f"\n{name}: {len(changed)} keys changed, {len(differs)} pages changed, of {len(after.keys)}")
    return changed


def edit_annotation(root: Path, place: Place, change: Callable[[dict], None]) -> None:
    ann = place.mark.ann
    path = root / "annotations" / f"{ann.doc}.yaml"
    data = yamlio.loads(path.read_text(encoding="utf-8"))
    change(data["annotations"][ann.index])
    path.write_text(yamlio.dumps(data), encoding="utf-8")


def marks(data: SiteData, kind: str) -> list[Place]:
    """Every visible mark of ``kind`` with a target, by target, then in corpus order."""
    return [p for (k, _), places in sorted(data.places.items()) if k == kind for p in places]


def edited(tmp_path: Path, edit: Callable[[Path], None]) -> Site:
    """The site of a copy of the corpus after ``edit``; on the way, the keys of a serving
    build, which carries over what the build before the edit worked out, are checked equal
    to those of a fresh one."""
    root = copy_corpus(tmp_path)
    before = Site(root)
    edit(root)
    after = Site(root)
    assert Site(root, previous=before.data).keys == after.keys
    return after


def test_keys_are_made_without_projecting_english(tmp_path):
    site = Site(copy_corpus(tmp_path))
    assert site.data.projected == {}  # nothing projected: the keys are cheap to compute
    assert len(set(site.keys.values())) == len(site.keys)


# -- the edits ------------------------------------------------------------------------


def test_a_note_changes_only_its_documents_pages(tmp_path, base):
    place = next(p for p in marks(base.data, "figure") + marks(base.data, "entity") if p.mark.ann.note)
    after = edited(tmp_path, lambda root: edit_annotation(
        root, place, lambda node: node.__setitem__("note", node["note"] + " (edited)")))
    assert compare(base, after, "(a) note") == doc_pages(place.doc.id)


def test_a_mention_given_to_another_entity(tmp_path, base):
    data = base.data
    place = next(p for p in marks(data, "entity") if len(data.places_of("entity", p.mark.target)) > 1)
    old = place.mark.target
    new = next(eid for (k, eid), ps in sorted(data.places.items()) if k == "entity" and eid != old and ps)
    after = edited(tmp_path, lambda root: edit_annotation(root, place, lambda node: node.__setitem__(
        "entity", new)))
    assert any(p.mark.id == place.mark.id for p in after.data.places_of("entity", new))
    assert compare(base, after, "(b) mention moved to another entity") == (
        doc_pages(place.doc.id) | entity_all(data, old) | entity_all(data, new) | both("entities/index.md"))


def test_a_mention_moved_to_another_segment(tmp_path, base):
    data = base.data
    for place in marks(data, "entity"):
        quote, doc = place.mark.ann.quote or "", place.doc
        others = [s for s in doc.segments if s.id != place.segment.id and s.zh.count(quote) == 1
                  and not any(m.target == place.mark.target for m in data.segment_marks(doc, s))]
        if quote and others:
            break
    else:
        pytest.skip("no quote of an entity found once in another segment")

    def move(node: dict) -> None:
        node["segment"] = others[0].id
        node.pop("prefix", None)
        node.pop("suffix", None)
    after = edited(tmp_path, lambda root: edit_annotation(root, place, move))
    assert any(p.mark.id == place.mark.id and p.segment.id == others[0].id
               for p in after.data.places_of("entity", place.mark.target))
    # the same number of mentions: the entities index is not rendered again
    assert compare(base, after, "(b) mention moved to another segment") == (
        doc_pages(doc.id) | entity_all(data, place.mark.target))


@pytest.mark.parametrize("what", ["value", "modality", "scope"])
def test_a_figure_changed(tmp_path, base, what):
    figures = marks(base.data, "figure")
    scopes = {i: [p.mark.ann.scope for p in figures if p.mark.ann.indicator == i and p.mark.ann.scope]
              for i in base.data.indicators}
    # a figure whose scope and another one the page names already (the entities named stay the same)
    place = next(p for p in figures if scopes[p.mark.ann.indicator].count(p.mark.ann.scope) > 1
                 and len(set(scopes[p.mark.ann.indicator])) > 1)
    ann = place.mark.ann
    if what == "value":
        change = {"value": (ann.value or 0) + 1}
    elif what == "modality":
        change = {"modality": "forecast" if default_modality(ann.modality) != "forecast" else "target"}
    else:
        change = {"scope": sorted(set(scopes[ann.indicator]) - {ann.scope})[0]}
    after = edited(tmp_path, lambda root: edit_annotation(root, place, lambda node: node.update(change)))
    expected = doc_pages(place.doc.id) | both(f"figures/{ann.indicator}.md")
    if what == "modality":  # the figures index counts an indicator's figures by modality
        expected |= both("figures/index.md")
    assert compare(base, after, f"(c) figure {what}") == expected


def translatable(data: SiteData, places: list[Place]) -> Place | None:
    """The first of ``places`` whose mark is projected into an English written without markup."""
    for place in places:
        en = place.doc.translations[place.segment.id].en
        if data.projections(place.doc, place.segment).get(place.mark.id) is not None and \
                place.doc.path.read_text(encoding="utf-8").count(f">{escape(en)}</ab>") == 1:
            return place
    return None


def retranslate(root: Path, data: SiteData, place: Place) -> str:
    """Put a word before the English of ``place``'s mark; the new English of its segment."""
    start = data.projections(place.doc, place.segment)[place.mark.id][0]
    en = place.doc.translations[place.segment.id].en
    new_en = en[:start] + "truly " + en[start:]
    path = root / "corpus" / place.doc.path.name
    tei = path.read_text(encoding="utf-8")
    path.write_text(tei.replace(f">{escape(en)}</ab>", f">{escape(new_en)}</ab>"), encoding="utf-8")
    return new_en


def mention_pages(data: SiteData, place: Place) -> set[str]:
    """The entity pages that show a mention in ``place``'s segment."""
    out = set()
    for mark in data.segment_marks(place.doc, place.segment):
        if mark.type == "entity" and mark.target in data.entities:
            ids = [(p.doc.id, p.mark.id) for p in data.places_of("entity", mark.target)]
            out |= entity_page(mark.target, ids.index((place.doc.id, mark.id)) // render.MENTIONS_PER_PAGE + 1)
    return out


def test_a_segments_english_edited(tmp_path, base):
    data = base.data
    place = translatable(data, marks(data, "entity"))
    assert place is not None
    new_en: list[str] = []
    after = edited(tmp_path, lambda root: new_en.append(retranslate(root, data, place)))
    assert after.data.project.documents[place.doc.id].translations[place.segment.id].en == new_en[0]
    assert compare(base, after, "(d) English of a segment") == doc_pages(place.doc.id) | mention_pages(data, place)


def test_a_segments_chinese_edited(tmp_path, base):
    """A term's name written into a segment: the glossary lists one more occurrence; the
    mentions of the segment show its text."""
    data = base.data
    tid = next(t for t in data.glossary if data.term_occurrences(t))
    zh = data.glossary[tid]["zh"]
    for place in marks(data, "entity"):
        doc, seg = place.doc, place.segment
        written = f'xml:id="{seg.id}">{escape(seg.zh)}</'
        if doc.path.read_text(encoding="utf-8").count(written) == 1:
            break
    else:
        pytest.skip("no segment with a mention written without markup")

    def write(root: Path) -> None:
        path = root / "corpus" / doc.path.name
        path.write_text(path.read_text(encoding="utf-8").replace(written, written[:-2] + escape(zh) + "</"),
                        encoding="utf-8")
    after = edited(tmp_path, write)
    assert len(after.data.term_occurrences(tid)) == len(data.term_occurrences(tid)) + 1
    assert compare(base, after, "(h) Chinese of a segment") == (
        doc_pages(doc.id) | both("glossary.md") | mention_pages(data, place))


def test_a_segments_translation_status_changed(tmp_path, base):
    doc = next(d for d in base.data.documents if 'ana="#reviewed"' in d.path.read_text(encoding="utf-8"))

    def demote(root: Path) -> None:
        path = root / "corpus" / doc.path.name
        path.write_text(path.read_text(encoding="utf-8").replace('ana="#reviewed"', 'ana="#checked"', 1),
                        encoding="utf-8")
    # the document lists show each document's segments by status
    assert compare(base, edited(tmp_path, demote), "(i) a segment's translation status") == (
        doc_pages(doc.id) | both("index.md") | both("documents/index.md"))


def test_an_entitys_english_name_changed(tmp_path, base):
    data = base.data
    scopes = {p.mark.ann.scope for p in marks(data, "figure")}
    eid = next(e for e, entry in data.entities.items() if e in scopes and data.places_of("entity", e)
               and (entry.get("parent") or any(c.get("parent") == e for c in data.entities.values())))

    def rename(root: Path) -> None:
        path = root / "annotations" / "entities.yaml"
        registry = yamlio.loads(path.read_text(encoding="utf-8"))
        entry = next(e for e in registry["entities"] if e["id"] == eid)
        entry["en"] = entry["en"] + " Renamed"
        path.write_text(yamlio.dumps(registry), encoding="utf-8")
    after = edited(tmp_path, rename)
    entry = data.entities[eid]
    related = {eid, entry.get("parent")} | {c for c, e in data.entities.items() if e.get("parent") == eid}
    naming = {p.mark.ann.indicator for p in marks(data, "figure") if eid in (p.mark.ann.scope, p.mark.ann.rank_among)}
    changed = compare(base, after, "(e) an entity's English name")
    assert changed == (set().union(*(doc_pages(d.id) for d in data.documents), *(
        entity_all(data, e) for e in related if e in data.entities), *(both(f"figures/{i}.md") for i in naming))
        | both("entities/index.md"))


def test_a_term_added_to_the_glossary(tmp_path, base):
    forms = {f for r in (*base.data.vocabulary.terms.values(), *base.data.vocabulary.entities.values()) for f in r.forms}
    zh = next(w for w in ("发展", "企业", "工业", "项目") if w not in forms)

    def add(root: Path) -> None:
        path = root / "annotations" / "glossary.yaml"
        path.write_text(path.read_text(encoding="utf-8") + f"  - id: zz-added\n    zh: {zh}\n    en: added\n",
                        encoding="utf-8")
    after = edited(tmp_path, add)
    assert after.data.term_occurrences("zz-added")
    changed = compare(base, after, "(g) a term added to the glossary")
    # the registries are part of every document page's key; the home page counts the terms
    assert both("glossary.md") | both("index.md") <= changed
    assert not any(p.startswith(("en/entities/", "en/figures/", "en/documents/index")) for p in changed)


def test_a_term_annotation_rejected(tmp_path, base):
    place = marks(base.data, "term")[0]
    after = edited(tmp_path, lambda root: edit_annotation(
        root, place, lambda node: node.__setitem__("status", "rejected")))
    # the document lists count a document's annotations (the glossary shows where a term occurs, not
    # how often it is annotated)
    assert compare(base, after, "(f) a term annotation rejected") == (
        doc_pages(place.doc.id) | both("index.md") | both("documents/index.md"))


def test_a_mention_changes_only_the_entity_page_it_is_on(tmp_path, monkeypatch):
    """With several pages of mentions, an edit re-renders the one page that shows it."""
    monkeypatch.setattr(render, "MENTIONS_PER_PAGE", 3)
    before = Site(copy_corpus(tmp_path / "before"))
    data = before.data
    eid, places = max(((k[1], ps) for k, ps in data.places.items() if k[0] == "entity"), key=lambda kp: len(kp[1]))
    place = translatable(data, places[3:])
    assert place is not None and len(places) > 6
    number = places.index(place) // 3 + 1
    assert number > 1 and len([p for p in before.keys if p.startswith(f"en/entities/{eid}")]) > 2
    after = edited(tmp_path / "after", lambda root: retranslate(root, data, place))
    assert entity_page(eid, number) <= mention_pages(data, place)
    assert compare(before, after, f"(d) English of a mention on page {number} of several") == (
        doc_pages(place.doc.id) | mention_pages(data, place))
