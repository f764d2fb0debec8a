"""Table Schemas of the exported tables, derived from what already says what a column is.

A table's fields are its exporter's ``COLUMNS``, in order, so a column an exporter gains is in
the schema the next time it is written. Each field takes its type from :data:`TYPES` (string when
not listed), and its description, enum and required flag from the JSON Schema of the YAML it
comes from (``annotations/schema/*.json``: annotations and figures from the annotation schema,
registries from theirs); :data:`DESCRIPTIONS` describes the derived columns no YAML holds.
Enums the figures vocabulary defines (``rank_of``) come from :mod:`duizhao.figures.vocabulary`.
Lists are cells joined with `` | `` (:func:`duizhao.export.tables.cell`).
"""

from __future__ import annotations

from typing import Any

from ..figures.vocabulary import RANKABLE
from ..project import Project
from ..tei import GENRES
from ..translation_provenance import METHODS, STATUSES

LIST_DELIMITER = " | "
TYPES: dict[str, str] = {
    **dict.fromkeys(("start", "end", "segments", "translated", "checked", "reviewed", "zh_chars", "source_bytes", "frequency",
                     "occurrences", "mentions", "figures"), "integer"),
    **dict.fromkeys(("value", "value_max", "scale", "normalised_value", "normalised_value_max", "low", "high"),
                    "number"),
    **dict.fromkeys(("low_closed", "high_closed"), "boolean"),
    **dict.fromkeys(("period_start", "period_end", "date"), "date"),
    **dict.fromkeys(("aliases", "en_aliases", "variants", "en_variants", "forbidden"), "list"),
}
# Where a table's columns are described: (JSON Schema file kind, path to its item properties).
SOURCES: dict[str, tuple[str, tuple[str, ...]]] = {
    "annotations": ("annotations", ("definitions", "annotation")),
    "figures": ("annotations", ("definitions", "annotation")),
    "entities": ("entities", ("properties", "entities", "items")),
    "glossary": ("glossary", ("properties", "terms", "items")),
    "indicators": ("indicators", ("properties", "indicators", "items")),
}
RENAMED = {"document": "doc"}  # a column named otherwise than its YAML key
ENUMS: dict[str, list[str]] = {
    "rank_of": list(RANKABLE),
    "genre": list(GENRES),
    "kind": ["head", "p", "item", "byline", "dateline", "caption", "turn"],
    "segments.status": [*STATUSES, "missing"],
    "translation_method": list(METHODS),
    "figures.status": ["accepted", "proposed"],
}
DESCRIPTIONS: dict[str, str] = {
    "doc": "document id (documents.id)",
    "document": "document id (documents.id)",
    "segments.segment": "xml:id of the segment, unique within its document",
    "kind": "what the segment is: head, p(aragraph), item, byline, dateline, caption, turn (a speaker's paragraph)",
    "zh": "the Chinese text (the one plain-text definition: corrections applied, whitespace normalised)",
    "zh_words": "the Chinese text cut into words by the project's segmenter (jieba knowing every registered "
                "term and entity name), separated by spaces: what full-text search indexes",
    "en": "the English translation",
    "segments.status": "translation status: draft; checked (passes the automatic checks, not revised by a second "
                       "reader); reviewed (revised by a second reader, named in reviser); or missing",
    "segments.translator": "who translated the segment: the name in the TEI header's respStmt that its @resp points "
                           "to (documents.translation_method says how)",
    "segments.reviser": "who revised the segment as second reader (reviewed segments only): the respStmt named by "
                        "the @who of the revision its @change points to",
    "documents.translator": "who translated the document: the respStmts its segments' @resp point to",
    "translation_method": "how the English was drafted, as the translator's respStmt states it: machine-generated, "
                          "machine-assisted or human; empty when the header does not say",
    "documents.reviser": "who revised segments of the document as second reader (see reviewed)",
    "start": "start offset (characters) of the span in the segment's zh text; empty when the anchor does not resolve",
    "end": "end offset (exclusive) of the span in the segment's zh text",
    "period_start": "first day of the period",
    "period_end": "last day of the period",
    "normalised_value": "value × scale, in the unit's base (yuan, counts …); percentages stay percentages",
    "normalised_value_max": "value_max × scale",
    "low": "lower end of the interval of the signed, scaled statistic; empty when unbounded",
    "low_closed": "whether low is included",
    "high": "upper end of the interval of the signed, scaled statistic; empty when unbounded",
    "high_closed": "whether high is included",
    "pinyin": "pinyin of the Chinese name (derived)",
    "definition_zh": "definition in Chinese", "definition_en": "definition in English",
    "description_zh": "description in Chinese", "description_en": "description in English",
    "frequency": "occurrences of the term's forms in the corpus (not inside a longer registered name)",
    "first_doc": "document of the first occurrence", "first_segment": "segment of the first occurrence",
    "occurrences": "occurrences of the entity's names in the corpus", "mentions": "accepted entity annotations",
    "figures": "active figures coded under this indicator",
    "title_zh": "title in Chinese", "title_en": "title in English",
    "publisher_zh": "original publisher (Chinese)", "publisher_en": "original publisher (English)",
    "date": "date of the document (or the earliest it can be)",
    "date_cert": "the encoder's certainty about the date (low, medium, high; empty: stated in the source)",
    "genre": "genre of the document", "place_zh": "place (Chinese)", "place_en": "place (English)",
    "source_file": "the source text as received, in corpus/sources/",
    "source_sha256": "SHA-256 of the source file's bytes", "source_bytes": "size of the source file in bytes",
    "segments": "number of segments", "translated": "segments with an English translation",
    "checked": "segments whose translation passes the automatic checks and was not revised by a second reader",
    "reviewed": "segments whose translation was revised by a second reader", "zh_chars": "Chinese characters of the text",
}


def _json_properties(project: Project, table: str) -> tuple[dict[str, Any], list[str]]:
    if table not in SOURCES:
        return {}, []
    kind, path = SOURCES[table]
    node: Any = project.json_schema(kind)
    for key in path:
        node = node.get(key, {})
    return node.get("properties", {}), node.get("required", [])


def _lookup(table_map: dict, table: str, column: str):
    return table_map.get(f"{table}.{column}", table_map.get(column))


def field(project: Project, table: str, column: str, required: bool = False) -> dict[str, Any]:
    """The Table Schema field of one column."""
    properties, needed = _json_properties(project, table)
    prop = properties.get(RENAMED.get(column, column), {})
    out: dict[str, Any] = {"name": column, "type": TYPES.get(column, "string")}
    description = _lookup(DESCRIPTIONS, table, column) or prop.get("description")
    if description:
        out["description"] = description
    if out["type"] == "list":
        out.update(delimiter=LIST_DELIMITER, itemType="string")
    constraints: dict[str, Any] = {}
    if required or RENAMED.get(column, column) in needed and table != "figures":
        constraints["required"] = True
    enum = _lookup(ENUMS, table, column) or prop.get("enum")
    if enum:
        constraints["enum"] = list(enum)
    if constraints:
        out["constraints"] = constraints
    return out


def table_schema(project: Project, table: str, columns: list[str], primary_key: list[str],
                 foreign_keys: list[tuple[list[str], str, list[str]]]) -> dict[str, Any]:
    """A Table Schema (v2) with every column, its primary key and foreign keys
    (``(fields, resource, fields)``; the resource ``""`` for a key into the table itself)."""
    return {
        "$schema": "https://datapackage.org/profiles/2.0/tableschema.json",
        "fields": [field(project, table, c, required=c in primary_key) for c in columns],
        "missingValues": [""],
        "primaryKey": primary_key,
        "foreignKeys": [{"fields": fields, "reference": {"resource": resource, "fields": ref}}
                        for fields, resource, ref in foreign_keys],
    }
