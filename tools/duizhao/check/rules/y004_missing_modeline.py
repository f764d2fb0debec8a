"""Y004 missing-modeline — the file does not name its JSON Schema for the editor.

**What it does.** Requires the first line of every annotation and registry file to be a
`yaml-language-server` modeline pointing at the right schema in `annotations/schema/`.

**Why.** With the modeline, VS Code, Neovim and other editors using yaml-language-server
validate and complete the file as the annotator types: wrong units or misspelt keys are
caught before `duizhao check` runs.

**Bad.** A file that starts with `document: jian-news-2019-12`.

**Good.**
```yaml
# yaml-language-server: $schema=schema/annotations.schema.json
document: jian-news-2019-12
```

**Fix (safe).** `duizhao check --fix` inserts the modeline, or corrects one that names
another schema.
"""

from ...project import ANNOTATION_SCHEMA, SCHEMA_FOR_YAML
from ...yamlio import BOM, MODELINE_PREFIX
from ..finding import Edit, Fix, Problem, Severity

CODE = "Y004"
SLUG = "missing-modeline"
SEVERITY = Severity.WARNING
TARGET = "yaml"
FIX = "safe"  # a comment line: the data does not change


def expected_modeline(kind: str) -> str:
    return f"{MODELINE_PREFIX}schema/{SCHEMA_FOR_YAML.get(kind, ANNOTATION_SCHEMA)}"


def check(item, project):
    lines = item.text.removeprefix(BOM).splitlines()  # a byte-order mark is Y008's
    first = lines[0].strip() if lines else ""
    want = expected_modeline(item.kind)
    if first == want:
        return
    col = 2 if item.text.startswith(BOM) else 1  # after a byte-order mark (Y008 takes it out)
    if first.startswith(MODELINE_PREFIX):  # a modeline naming another schema: corrected
        fix = Fix("correct the modeline", (Edit(1, col, 1, col + len(lines[0]), want),))
    else:
        fix = Fix("insert the modeline", (Edit.insert(1, col, want + "\n"),))
    yield Problem(1, 1, f"first line should be the editor modeline `{want}`", fix=fix)
