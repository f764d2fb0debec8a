"""X002 tei-schema-invalid — the document does not follow the project's RELAX NG schema.

**What it does.** Validates each document against `corpus/schema/duizhao-tei.rng` and
reports every violation at the element that causes it.

**Why.** The tools, the site and the exports rely on the structure the schema fixes
(segments with ids, header fields, speaker turns, `choice/sic/corr`). A document outside
it would be misread silently.

**Bad.** `<p>没有编号的段落</p>` (a segment without `xml:id`), `<para>…</para>`

**Good.** `<p xml:id="s012">…</p>`
"""

import copy
import re
from collections import Counter

from ..finding import Problem, Severity

CODE = "X002"
SLUG = "tei-schema-invalid"
SEVERITY = Severity.ERROR
TARGET = "tei"

TEI = "{http://www.tei-c.org/ns/1.0}"
UNPLACED = re.compile(r"Element (\w+) failed to validate attributes")


def check(item, project):
    if item.doc is None:
        return
    schema = project.tei_schema
    tree = item.doc.tree
    if schema.validate(tree):
        return
    errors = [(e.line, e.column, e.message.replace(TEI, "")) for e in schema.error_log]
    unplaced = Counter(m for line, _, m in errors if not line and UNPLACED.fullmatch(m))
    placed = {m: _culprits(tree, schema, m, n) for m, n in unplaced.items()}
    for line, col, message in errors:
        if not line and message in placed and placed[message]:
            line, col = placed[message].pop(0), 0
            message = f"<{UNPLACED.fullmatch(message)[1]}>: a required attribute is missing or one is not allowed or invalid"
        yield Problem(line or 1, col + 1 if col else 1, f"schema: {message}")


def _culprits(tree, schema, message: str, count: int) -> list[int]:
    """Lines of the elements an attribute error is about. libxml2 reports it without a
    place (line 0) when the element has other attributes (a head without xml:id but with
    @type, a change without @when but with @who): the culprit is the element whose removal
    takes one such error away (placed or not: removing a sibling can let libxml2 place it)."""
    name = TEI + UNPLACED.fullmatch(message)[1]
    schema.validate(tree)
    before, lines = _count(schema, message), []
    for index, element in enumerate(tree.getroot().iter(name)):
        trial = copy.deepcopy(tree)
        gone = list(trial.getroot().iter(name))[index]
        parent = gone.getparent()
        if parent is not None:  # else the root, the only one of its name
            parent.remove(gone)
            schema.validate(trial)
        if parent is None or _count(schema, message) < before:
            lines.append(element.sourceline)
            if len(lines) == count:
                break
    return lines


def _count(schema, message: str) -> int:
    return sum(1 for e in schema.error_log if e.message.replace(TEI, "") == message)
