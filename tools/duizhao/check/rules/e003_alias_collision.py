"""E003 alias-collision — one Chinese name is registered for two things.

**What it does.** Reports a name (`zh` or one of the `aliases`) of an entity that is also
a name of another entity, or that equals a glossary term's `zh` or one of its `variants`.

**Why.** A name must resolve to one referent: the gazetteer, the entity pages and the
mention counts cannot choose between two. Keep an ambiguous short form (市工信局 in a
corpus of several cities) out of the aliases and annotate its mentions by hand.

**Bad.**
```yaml
- id: jian-industry-bureau
  aliases: [市工信局]
- id: yichun-industry-bureau
  aliases: [市工信局]
```

**Good.** The short form in neither list; each mention annotated with the right entity.
"""

from ...registries import registries
from ..finding import Problem, Severity

CODE = "E003"
SLUG = "alias-collision"
SEVERITY = Severity.ERROR
TARGET = "yaml"


def check(item, project):
    if item.kind != "entities":
        return
    found = registries(project)
    terms = {form: term.id for term in found.records("glossary") for form in term.forms}
    owner: dict[str, tuple[str, int]] = {}
    for entity in found.records("entities"):
        eid = entity.id
        for form in entity.forms:
            place = found.form_position(entity, form)
            if form in owner and owner[form][0] != eid:
                other, line = owner[form]
                yield Problem(*place, f"{form!r} of entity {eid!r} is already a name of entity {other!r} (line {line})")
            if form in terms:
                yield Problem(*place, f"{form!r} of entity {eid!r} is also the glossary term {terms[form]!r}")
            owner.setdefault(form, (eid, place[0]))
