"""Y008 byte-order-mark — the file starts with a byte-order mark (U+FEFF).

**What it does.** Reports a YAML file whose first character is a byte-order mark, as a
warning. `duizhao check --fix` removes it (a safe fix: the data does not change).

**Why.** UTF-8 needs no byte-order mark, and an invisible character before the editor
modeline can hide it from yaml-language-server (no completion, no validation in the
editor); other tools (`grep '^#'`, diff viewers, some YAML readers) stumble on it too.
duizhao reads the file all the same.

**Bad.** A file saved by an editor as "UTF-8 with BOM": bytes `EF BB BF` before
`# yaml-language-server: …`.

**Good.** The same file saved as plain UTF-8.

**Fix (safe).** `duizhao check --fix` removes the byte-order mark; the data does not change.
"""

from ...yamlio import BOM
from ..finding import Edit, Fix, Problem, Severity

CODE = "Y008"
SLUG = "byte-order-mark"
SEVERITY = Severity.WARNING
TARGET = "yaml"
FIX = "safe"  # one invisible character: the data does not change


def check(item, project):
    if item.text.startswith(BOM):
        yield Problem(1, 1, "the file starts with a byte-order mark (U+FEFF): save it as UTF-8 without one",
                      fix=Fix("remove the byte-order mark", (Edit(1, 1, 1, 2),)))
