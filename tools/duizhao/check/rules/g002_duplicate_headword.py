"""G002 duplicate-headword — two glossary entries share a Chinese form.

**What it does.** Compares every entry's `zh` and `variants` with every other entry's:
the same headword twice, or one entry's variant equal to another's headword or variant.

**Why.** A form must name one term: otherwise the gazetteer, the frequency counts and the
English rendering checks cannot tell which entry a mention belongs to. Merge the entries
or drop the shared form from one.

**Bad.**
```yaml
- id: chain-chief-system
  zh: 链长制
- id: industrial-chain-chief
  zh: 产业链链长制
  variants: [链长制]
```

**Good.**
```yaml
- id: chain-chief-system
  zh: 链长制
  variants: [产业链链长制]
```
"""

from ...registries import registries
from ..finding import Problem, Severity

CODE = "G002"
SLUG = "duplicate-headword"
SEVERITY = Severity.ERROR
TARGET = "yaml"


def check(item, project):
    if item.kind != "glossary":
        return
    owner: dict[str, tuple[str, int]] = {}  # form -> (term id, line)
    found = registries(project)
    for term in found.records("glossary"):
        tid = term.id
        for form in term.forms:
            place = found.form_position(term, form)
            if form in owner and owner[form][0] != tid:
                other, line = owner[form]
                yield Problem(*place, f"{form!r} of term {tid!r} is already a form of term {other!r} (line {line})")
            owner.setdefault(form, (tid, place[0]))
