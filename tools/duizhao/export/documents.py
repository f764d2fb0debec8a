"""The documents: one row per corpus document with its header (titles, publisher, date, genre,
place, source file and its checksum) and its size.

``date`` is the document's date, or the earliest it can be (``date_cert`` says how sure the
encoder is); ``segments`` counts its segments, ``translated``, ``checked`` and ``reviewed``
those with an English translation, with one that passes the automatic checks (not revised by
a second reader) and with one revised by a second reader; ``zh_chars`` the Chinese characters
of its text. How the English was made comes from the header (:mod:`duizhao.translation_provenance`):
``translator`` (the respStmts the segments' ``@resp`` name), ``translation_method``
(machine-generated, machine-assisted or human, as the translator's ``resp`` states it) and
``reviser`` (the second readers who revised segments).
"""

from __future__ import annotations

from collections.abc import Iterator

from ..project import Project
from ..provenance import recorded
from ..tei import NS
from ..text import count_ideographs
from ..translation_provenance import of as provenance_of
from .tables import write_csv, write_json

COLUMNS = ["id", "title_zh", "title_en", "publisher_zh", "publisher_en", "date", "date_cert", "genre", "place_zh",
           "place_en", "source_file", "source_sha256", "source_bytes", "segments", "translated", "checked", "reviewed",
           "zh_chars", "translator", "translation_method", "reviser"]


def records(project: Project) -> Iterator[dict]:
    for doc in project.documents.values():
        date = doc.root.xpath("tei:teiHeader/tei:fileDesc/tei:sourceDesc/tei:bibl/tei:date/@cert", namespaces=NS)
        source = recorded(doc)
        translations = [doc.translations.get(s.id) for s in doc.segments]
        made = provenance_of(doc)
        yield {
            "id": doc.id, "title_zh": doc.titles.get("zh"), "title_en": doc.titles.get("en"),
            "publisher_zh": doc.publisher.get("zh"), "publisher_en": doc.publisher.get("en"),
            "date": doc.date, "date_cert": date[0] if date else None, "genre": doc.genre,
            "place_zh": doc.place.get("zh"), "place_en": doc.place.get("en"), "source_file": doc.source_file,
            "source_sha256": source.sha256 if source else None, "source_bytes": source.size if source else None,
            "segments": len(doc.segments), "translated": sum(1 for t in translations if t and t.en),
            "checked": sum(1 for t in translations if t and t.en and t.status == "checked"),
            "reviewed": sum(1 for t in translations if t and t.status == "reviewed"),
            "zh_chars": sum(count_ideographs(s.zh) for s in doc.segments),
            "translator": "; ".join(r.name for r in made.translators) or None,
            "translation_method": made.method,
            "reviser": "; ".join(dict.fromkeys(r.name for rev in made.revisions for r in rev.revisers)) or None,
        }


FORMATS = {
    "csv": lambda project, out: write_csv(records(project), out, COLUMNS),
    "json": lambda project, out: write_json(records(project), out),
}
