"""``duizhao export package``: the corpus as a Frictionless Data Package, SQLite for Datasette and
Parquet, each proved with the ecosystem's own tool (frictionless, Datasette's test client, DuckDB)."""

from __future__ import annotations

import asyncio
import csv
import json
import shutil
from collections import defaultdict
from pathlib import Path

import pytest

from duizhao.cli import main
from duizhao.export import figures
from duizhao.export.package import TABLES, validate
from duizhao.project import Project

from conftest import REPO


@pytest.fixture(scope="module")
def package(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("data")
    assert main(["--root", str(REPO), "export", "package", "-o", str(out)]) == 0
    return out


def _descriptor(out: Path) -> dict:
    return json.loads((out / "datapackage.json").read_text(encoding="utf-8"))


def test_frictionless_finds_the_package_valid_foreign_keys_included(package):
    report = validate(package)
    assert report.valid, report.flatten(["taskName", "rowNumber", "fieldName", "type", "message"])
    assert {task.name for task in report.tasks} == {t.name for t in TABLES}
    keys = {r["name"]: r["schema"]["foreignKeys"] for r in _descriptor(package)["resources"]}
    assert {"fields": ["entity"], "reference": {"resource": "entities", "fields": ["id"]}} in keys["annotations"]
    assert {"fields": ["term"], "reference": {"resource": "glossary", "fields": ["id"]}} in keys["annotations"]
    assert {"fields": ["doc", "segment"], "reference": {"resource": "segments", "fields": ["doc", "segment"]}} \
        in keys["annotations"]
    assert {"fields": ["indicator"], "reference": {"resource": "indicators", "fields": ["id"]}} in keys["figures"]
    assert {"fields": ["scope"], "reference": {"resource": "entities", "fields": ["id"]}} in keys["figures"]


def test_frictionless_reports_a_broken_foreign_key(package, tmp_path):
    broken = shutil.copytree(package, tmp_path / "broken")
    path = broken / "annotations.csv"
    rows = list(csv.DictReader(path.open(encoding="utf-8")))
    victim = next(i for i, row in enumerate(rows) if row["type"] == "entity")
    rows[victim]["entity"] = "no-such-entity"
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    report = validate(broken)
    assert not report.valid
    errors = [(task.name, error.row_number, error.type, error.message) for task in report.tasks for error in task.errors]
    assert [e[:3] for e in errors] == [("annotations", victim + 2, "foreign-key")]  # header is row 1
    assert "no-such-entity" in errors[0][3]


def test_each_table_has_the_columns_of_its_exporter_in_its_schema(package):
    descriptor = _descriptor(package)
    assert descriptor["version"] and descriptor["created"] and len(descriptor["licenses"]) == 2
    assert len(descriptor["sources"]) == len(Project(REPO).documents)
    for resource in descriptor["resources"]:
        header = next(csv.reader((package / resource["path"]).open(encoding="utf-8")))
        assert header == [f["name"] for f in resource["schema"]["fields"]], resource["name"]
    fields = next(r for r in descriptor["resources"] if r["name"] == "figures")["schema"]["fields"]
    assert [f["name"] for f in fields] == figures.COLUMNS
    modality = next(f for f in fields if f["name"] == "modality")
    assert modality["constraints"]["enum"] == ["actual", "forecast", "target", "threshold"]
    assert "Frictionless" in (package / "README.md").read_text(encoding="utf-8")


async def _datasette_get(database: Path, path: str):
    from datasette.app import Datasette

    metadata = json.loads((database.parent / "datasette.json").read_text(encoding="utf-8"))
    ds = Datasette([str(database)], metadata=metadata)
    await ds.invoke_startup()
    response = await ds.client.get(path)
    assert response.status_code == 200, response.text
    return response.json()


def _get(database: Path, path: str):
    """``_datasette_get`` in a thread of its own (a browser test run before may have left an
    event loop running in this one)."""
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, _datasette_get(database, path)).result()


def test_datasette_runs_a_join_and_full_text_searches_in_chinese_and_english(package):
    database = package / "duizhao.sqlite"
    sql = ("select f.id, f.quote, i.en as indicator from figures f join indicators i on i.id = f.indicator "
           "where f.indicator = 'industrial-value-added' order by f.id")
    from urllib.parse import quote
    joined = _get(database, f"/duizhao.json?_shape=array&sql={quote(sql)}")
    expected = [r for r in figures.records(Project(REPO)) if r["indicator"] == "industrial-value-added"]
    assert sorted(r["id"] for r in joined) == sorted(r["id"] for r in expected)
    english = next(e["en"] for e in Project(REPO).registry("indicators") if e["id"] == "industrial-value-added")
    assert {r["indicator"] for r in joined} == {english}

    zh = _get(database, f"/duizhao/segments.json?_shape=array&_search={quote('链长制')}")
    assert zh and all("链长制" in row["zh"] for row in zh)
    en = _get(database, "/duizhao/segments.json?_shape=array&_search=lithium")
    assert en and all("lithium" in row["en"].lower() for row in en)
    assert {row["doc"] for row in en} >= {"yichun-review-2022"}


def test_duckdb_reads_the_parquet_and_reproduces_figures_by_indicator(package):
    import duckdb

    rows = duckdb.sql(f"select indicator, count(*) as n, min(low), max(high) from "
                      f"'{package / 'parquet' / 'figures.parquet'}' group by indicator").fetchall()
    expected: dict[str, list] = defaultdict(list)
    for r in figures.records(Project(REPO)):
        expected[r["indicator"]].append(r)

    def bound(values, pick):
        present = [v for v in values if v is not None]
        return pick(present) if present else None

    assert {ind: (n, lo, hi) for ind, n, lo, hi in rows} == {
        ind: (len(rs), bound([r["low"] for r in rs], min), bound([r["high"] for r in rs], max))
        for ind, rs in expected.items()}
    types = dict(duckdb.sql(f"describe select * from '{package / 'parquet' / 'figures.parquet'}'")
                 .fetchall()[i][:2] for i in range(len(figures.COLUMNS)))
    assert types["low"] == "DOUBLE" and types["low_closed"] == "BOOLEAN" and types["period_start"] == "DATE"
