"""The data package's README.md: the same description as ``datapackage.json``, for people."""

from __future__ import annotations


def _keys(schema: dict) -> str:
    parts = [f"primary key ({', '.join(schema['primaryKey'])})"]
    for fk in schema.get("foreignKeys", []):
        target = fk["reference"]["resource"] or "itself"
        parts.append(f"({', '.join(fk['fields'])}) → {target} ({', '.join(fk['reference']['fields'])})")
    return "; ".join(parts)


USAGE = """\
## Using it

- **Frictionless** (validates the tables against their schemas, foreign keys included):
  `frictionless validate datapackage.json`
- **pandas**: `pd.read_csv("figures.csv")`; **R**: `frictionless::read_package("datapackage.json")`
- **Datasette**: `datasette duizhao.sqlite --metadata datasette.json`, then, for instance,
  the English full-text search `/duizhao/segments?_search=lithium`, the Chinese one by words
  (the text is segmented: `zh_words`) `/duizhao/segments?_search=链长制`, or a join:
  `select f.document, f.quote, f.value, i.en from figures f join indicators i on i.id = f.indicator`
- **DuckDB / Spark** read `parquet/*.parquet`:
  `duckdb -c "select indicator, count(*) n, min(low), max(high) from 'parquet/figures.parquet' group by indicator order by n desc"`
- **CWB / Sketch Engine / KonText**: `vertical/duizhao_zh.vrt` and `vertical/duizhao_en.vrt`, one token per
  line, aligned by `<seg id>`; their registry files are `vertical/duizhao_zh` and `vertical/duizhao_en`.

Lists inside a CSV cell are joined with ` | `; an empty cell is a null; booleans are `true`/`false`.
"""


def readme(package: dict, counts: dict[str, int]) -> str:
    lines = [f"# {package['title']}", "", f"Version {package['version']}, created {package['created']}.", "",
             package["description"], "", "## Licences", ""]
    lines += [f"- {lic['title']}" for lic in package["licenses"]]
    lines += ["", "## Tables", ""]
    for res in package["resources"]:
        schema = res["schema"]
        lines += [f"### {res['name']} ({counts.get(res['name'], 0)} rows, `{res['path']}`)", "", res["description"], "",
                  f"Keys: {_keys(schema)}.", "", "| column | type | description |", "|---|---|---|"]
        for f in schema["fields"]:
            enum = f.get("constraints", {}).get("enum")
            extra = f" One of: {', '.join(map(str, enum))}." if enum else ""
            lines.append(f"| `{f['name']}` | {f['type']} | {f.get('description', '')}{extra} |")
        lines.append("")
    lines += ["## Sources", ""] + [f"- {s['title']}" for s in package["sources"]] + ["", USAGE]
    return "\n".join(lines)
