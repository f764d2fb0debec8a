"""The data package's tables as one SQLite database for Datasette (``duizhao.sqlite``).

Each table of the package becomes an SQLite table with the same columns, typed from its Table
Schema, its primary key and its foreign keys (checked with ``PRAGMA foreign_key_check`` after
loading); lists are JSON arrays (Datasette facets them). ``segments_fts`` is an FTS5 index of
the segments' ``zh_words`` (the Chinese cut into words) and ``en``, declared with
``content="segments"`` as Datasette expects, so a table page searches with ``?_search=``.
``datasette.json`` holds the metadata Datasette shows: title, licences, sources and every
table's and column's description.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

SQL_TYPES = {"integer": "INTEGER", "number": "REAL", "boolean": "INTEGER"}
FTS = {"segments": ("zh_words", "en")}  # table: the columns its full-text index covers


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _names(names: list[str]) -> str:
    return ", ".join(map(_quote, names))


def create_table(resource: dict) -> str:
    schema = resource["schema"]
    columns = [f"{_quote(f['name'])} {SQL_TYPES.get(f['type'], 'TEXT')}"
               + (" NOT NULL" if f.get("constraints", {}).get("required") else "") for f in schema["fields"]]
    columns.append(f"PRIMARY KEY ({_names(schema['primaryKey'])})")
    for fk in schema.get("foreignKeys", []):
        target = fk["reference"]["resource"] or resource["name"]
        columns.append(f"FOREIGN KEY ({_names(fk['fields'])}) REFERENCES {_quote(target)} "
                       f"({_names(fk['reference']['fields'])})")
    return f"CREATE TABLE {_quote(resource['name'])} (\n  " + ",\n  ".join(columns) + "\n)"


def _value(value, kind: str):
    if value is None or value == "":
        return None
    if kind == "list":
        return json.dumps(list(value), ensure_ascii=False)
    if kind == "boolean":
        return int(bool(value))
    return value


def write_database(package: dict, rows: dict[str, list[dict]], path: Path) -> None:
    """``path``: the tables of ``package`` filled with ``rows``, foreign keys checked, FTS built."""
    path.unlink(missing_ok=True)
    db = sqlite3.connect(path)
    try:
        for resource in package["resources"]:
            fields = resource["schema"]["fields"]
            db.execute(create_table(resource))
            db.executemany(
                f"INSERT INTO {_quote(resource['name'])} VALUES ({', '.join('?' * len(fields))})",
                [[_value(row.get(f["name"]), f["type"]) for f in fields] for row in rows[resource["name"]]])
        for table, columns in FTS.items():
            fts = _quote(f"{table}_fts")
            db.execute(f"CREATE VIRTUAL TABLE {fts} USING fts5({_names(list(columns))}, content=\"{table}\")")
            db.execute(f"INSERT INTO {fts} ({fts}) VALUES ('rebuild')")
        broken = db.execute("PRAGMA foreign_key_check").fetchall()
        if broken:
            raise ValueError(f"foreign keys broken in the SQLite database: {broken[:5]}")
        db.commit()
        db.execute("VACUUM")
    finally:
        db.close()


def metadata(package: dict) -> dict:
    """Datasette's metadata for the database: what the package says, table by table."""
    licence = package["licenses"][0]
    tables = {}
    for resource in package["resources"]:
        fields = resource["schema"]["fields"]
        tables[resource["name"]] = {
            "description": resource["description"],
            "columns": {f["name"]: f["description"] for f in fields if f.get("description")},
        }
    return {
        "title": package["title"],
        "description": f"{package['description']} Version {package['version']}.",
        "license": licence["name"], "license_url": licence["path"],
        "source": "duizhao corpus", "source_url": package["homepage"],
        "databases": {"duizhao": {"tables": tables}},
    }


def write(package: dict, rows: dict[str, list[dict]], out: Path) -> Path:
    """``duizhao.sqlite`` and ``datasette.json`` in ``out``."""
    database = out / "duizhao.sqlite"
    write_database(package, rows, database)
    (out / "datasette.json").write_text(json.dumps(metadata(package), ensure_ascii=False, indent=2) + "\n",
                                        encoding="utf-8")
    return database
