"""X002 tei-schema-invalid — the document does not follow the project's RELAX NG schema.

**What it does.** Validates each document against `corpus/schema/duizhao-tei.rng` and
reports every violation at the element that causes it.

**Why.** The tools, the site and the exports rely on the structure the schema fixes
(segments with ids, header fields, speaker turns, `choice/sic/corr`). A document outside
it would be misread silently.

**Bad.** `<p>没有编号的段落</p>` (a segment without `xml:id`), `<para>…</para>`

**Good.** `<p xml:id="s012">…</p>`
"""

from ..finding import Problem, Severity

CODE = "X002"
SLUG = "tei-schema-invalid"
SEVERITY = Severity.ERROR
TARGET = "tei"


def check(item, project):
    if item.doc is None:
        return
    schema = project.tei_schema
    if schema.validate(item.doc.tree):
        return
    for err in schema.error_log:
        message = err.message.replace("{http://www.tei-c.org/ns/1.0}", "")
        yield Problem(err.line, err.column + 1 if err.column else 1, f"schema: {message}")
