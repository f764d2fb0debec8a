"""The corpus as one Frictionless Data Package (v2): every table as CSV with its Table Schema.

``duizhao export package`` writes ``build/data/`` (or ``--output DIR``): ``<table>.csv`` for
each of :data:`TABLES`, ``datapackage.json`` (the package: metadata, resources, schemas with
primary and foreign keys) and ``README.md`` (the same for people), then the same tables as a
SQLite database for Datasette (:mod:`.sqlite`), as Parquet (:mod:`.parquet`) and the
concordancer corpus (:mod:`.vertical`). The package is validated with ``frictionless`` (the
library) before the command reports success.

Rows come from the exporters of ``duizhao export`` (their ``records`` and ``COLUMNS``); the
segments table adds ``zh_words``, the Chinese text cut into words (:mod:`.words`).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType

from .. import release
from ..project import Project
from . import annotation_records, documents, entities, figures, glossary, indicators, segments
from .schema import table_schema
from .tables import write_csv
from .words import spaced

FK = tuple[list[str], str, list[str]]  # (fields, resource, fields there); resource "" = this table


@dataclass(frozen=True)
class Table:
    name: str
    source: ModuleType  # an exporter: records(project) and COLUMNS
    primary_key: list[str]
    foreign_keys: list[FK] = field(default_factory=list)
    extra: dict[str, Callable[[Project, dict], object]] = field(default_factory=dict)  # derived columns

    def columns(self) -> list[str]:
        return [*self.source.COLUMNS, *self.extra]

    def rows(self, project: Project) -> Iterator[dict]:
        for row in self.source.records(project):
            yield {**row, **{name: derive(project, row) for name, derive in self.extra.items()}}

    @property
    def description(self) -> str:
        return " ".join((self.source.__doc__ or "").split("\n\n")[0].split())


SEGMENT = (["doc", "segment"], "segments", ["doc", "segment"])
TABLES: tuple[Table, ...] = (
    Table("documents", documents, ["id"]),
    Table("segments", segments, ["doc", "segment"], [(["doc"], "documents", ["id"])],
          {"zh_words": lambda project, row: spaced(project, row["zh"])}),
    Table("annotations", annotation_records, ["id"], [
        (["doc"], "documents", ["id"]), SEGMENT, (["term"], "glossary", ["id"]), (["entity"], "entities", ["id"]),
        (["indicator"], "indicators", ["id"]), (["scope"], "entities", ["id"]), (["rank_among"], "entities", ["id"])]),
    Table("figures", figures, ["id"], [
        (["id"], "annotations", ["id"]), (["document", "segment"], "segments", ["doc", "segment"]),
        (["indicator"], "indicators", ["id"]), (["scope"], "entities", ["id"]), (["rank_among"], "entities", ["id"])]),
    Table("entities", entities, ["id"], [(["parent"], "", ["id"])]),
    Table("glossary", glossary, ["id"], [(["first_doc", "first_segment"], "segments", ["doc", "segment"])]),
    Table("indicators", indicators, ["id"]),
)
TITLE = "对照 duizhao: Jiangxi industrial-policy reports in Chinese and English"
DESCRIPTION = ("A bilingual (Chinese → English) corpus of Chinese reports on industrial policy in Jiangxi "
               "province: the documents, their aligned segments, stand-off annotations of terms, named entities "
               "and figures (figures as data: signed values, units, intervals, indicators, scopes, periods), "
               "and the glossary, entity and indicator registries they refer to.")
LICENSES = [
    {"name": "CC-BY-4.0", "path": "https://creativecommons.org/licenses/by/4.0/",
     "title": "Encoding, translation, annotations and registries: Creative Commons Attribution 4.0"},
    {"name": "LicenseRef-source-publishers",
     "title": "Chinese source texts: © their publishers (see sources), reproduced for research"},
]


def sources(project: Project) -> list[dict]:
    """One source per document: its publisher and title, the file as received and its checksum."""
    out = []
    for row in documents.records(project):
        publisher = row["publisher_zh"] or row["publisher_en"] or "unknown publisher"
        out.append({"title": f"{publisher}: {row['title_zh']} ({row['source_file']}, sha256 {row['source_sha256']})"})
    return out


def contributors(project: Project) -> list[dict]:
    """Who made the corpus: each translation responsibility the headers name, and the project."""
    seen: dict[str, set[str]] = {"duizhao project": {"creator", "publisher"}}
    for doc in project.documents.values():
        for resp in doc.root.iter("{http://www.tei-c.org/ns/1.0}respStmt"):
            name = " ".join(resp.findtext("{http://www.tei-c.org/ns/1.0}name", "").split())
            what = " ".join(resp.findtext("{http://www.tei-c.org/ns/1.0}resp", "").split())
            if name:
                seen.setdefault(name, set()).add(what)
    return [{"title": name, "roles": sorted(roles)} for name, roles in sorted(seen.items())]


def descriptor(project: Project) -> dict:
    """``datapackage.json`` of the corpus as it is now."""
    current = release.current(project)
    return {
        "$schema": "https://datapackage.org/profiles/2.0/datapackage.json",
        "name": "duizhao",
        "title": TITLE,
        "description": DESCRIPTION,
        "version": current.version,
        "created": dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat().replace("+00:00", "Z"),
        "homepage": release.HOMEPAGE,
        "keywords": ["Chinese", "English", "parallel corpus", "TEI", "industrial policy", "Jiangxi", "statistics"],
        "licenses": LICENSES,
        "sources": sources(project),
        "contributors": contributors(project),
        "resources": [{
            "name": table.name, "type": "table", "path": f"{table.name}.csv", "scheme": "file", "format": "csv",
            "mediatype": "text/csv", "encoding": "utf-8", "description": table.description,
            "schema": table_schema(project, table.name, table.columns(), table.primary_key, table.foreign_keys),
        } for table in TABLES],
    }


def write_tables(project: Project, out: Path) -> dict[str, list[dict]]:
    """Write every table's CSV into ``out``; the rows, by table (for the other formats)."""
    out.mkdir(parents=True, exist_ok=True)
    rows: dict[str, list[dict]] = {}
    for table in TABLES:
        rows[table.name] = list(table.rows(project))
        with open(out / f"{table.name}.csv", "w", encoding="utf-8", newline="") as fh:
            write_csv(rows[table.name], fh, table.columns())
    return rows


def write_package(project: Project, out: Path) -> tuple[dict, dict[str, list[dict]]]:
    """The CSV tables, ``datapackage.json`` and ``README.md`` in ``out``."""
    from .package_readme import readme

    rows = write_tables(project, out)
    package = descriptor(project)
    (out / "datapackage.json").write_text(json.dumps(package, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    (out / "README.md").write_text(readme(package, {name: len(r) for name, r in rows.items()}), encoding="utf-8")
    return package, rows


def export_all(project: Project, out: Path):
    """The package, validated, then (when valid) SQLite, Parquet and vertical files in ``out``;
    ``(frictionless report, vertical report)``."""
    from . import parquet, sqlite, vertical

    package, rows = write_package(project, out)
    report = validate(out)
    if not report.valid:  # what frictionless says, before SQLite refuses the same broken keys
        return report, vertical.Report()
    sqlite.write(package, rows, out)
    parquet.write(package, rows, out)
    return report, vertical.write(project, out)


def validate(out: Path):
    """The frictionless report of the package in ``out`` (foreign keys included)."""
    from frictionless import Package, system

    with system.use_context(trusted=True):
        return Package(str(out / "datapackage.json")).validate()
