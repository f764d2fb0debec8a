"""The data package's tables as Parquet files (``parquet/<table>.parquet``) for DuckDB, Spark,
pandas and R (arrow), written with pyarrow.

Column types follow the Table Schema (string, int64, float64, bool, date32; a list is a list of
strings); each column carries its description as field metadata, and each file the package's
name, version and the table's primary and foreign keys as file metadata.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

ARROW_TYPES = {"integer": pa.int64(), "number": pa.float64(), "boolean": pa.bool_(), "date": pa.date32(),
               "list": pa.list_(pa.string())}


def _value(value, kind: str):
    if value is None or value == "":
        return None
    if kind == "date":
        return dt.date.fromisoformat(value)
    if kind == "number":
        return float(value)
    return list(value) if kind == "list" else value


def arrow_schema(package: dict, resource: dict) -> pa.Schema:
    schema = resource["schema"]
    fields = [pa.field(f["name"], ARROW_TYPES.get(f["type"], pa.string()),
                       nullable=not f.get("constraints", {}).get("required"),
                       metadata={"description": f.get("description", "")}) for f in schema["fields"]]
    keys = {"primaryKey": schema["primaryKey"], "foreignKeys": schema.get("foreignKeys", [])}
    return pa.schema(fields, metadata={"name": f"{package['name']}.{resource['name']}",
                                       "version": package["version"], "description": resource["description"],
                                       "keys": json.dumps(keys)})


def write(package: dict, rows: dict[str, list[dict]], out: Path) -> list[Path]:
    """One Parquet file per table in ``out/parquet/``."""
    folder = out / "parquet"
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for resource in package["resources"]:
        schema = arrow_schema(package, resource)
        columns = {f["name"]: [_value(row.get(f["name"]), f["type"]) for row in rows[resource["name"]]]
                   for f in resource["schema"]["fields"]}
        path = folder / f"{resource['name']}.parquet"
        pq.write_table(pa.Table.from_pydict(columns, schema=schema), path)
        written.append(path)
    return written
