"""Y005 duplicate-registry-id — two entries of a registry have the same `id`.

**What it does.** Reports every entry of `glossary.yaml`, `entities.yaml` or
`indicators.yaml` whose `id` another entry of the same registry also has: the first
occurrence (naming the lines of the others) and each later one (naming the first).

**Why.** Annotations refer to registry entries by id, so an id must name one entry. Read
as data, the second entry would silently replace the first (or be silently ignored):
one of the two definitions is lost without a word. duizhao keeps the first entry and
leaves the others out until this is fixed; the other commands warn about it.

**Bad.**
```yaml
- id: byd
  zh: 比亚迪
- id: byd
  zh: 比亚迪集团
```

**Good.**
```yaml
- id: byd
  zh: 比亚迪
  aliases: [比亚迪集团]
```
"""

from ...project import REGISTRIES, registry_key, repeated_ids
from ..finding import Problem, Severity

CODE = "Y005"
SLUG = "duplicate-registry-id"
SEVERITY = Severity.ERROR
TARGET = "yaml"


def check(item, project):
    key = registry_key(item.kind)
    items = item.data.get(key) if item.kind in REGISTRIES and isinstance(item.data, dict) else None
    if not isinstance(items, list):
        return
    repeats: dict[int, list[int]] = {}
    for index, first in repeated_ids(items):
        repeats.setdefault(first, []).append(index)
    for first, later in repeats.items():
        rid = items[first]["id"]
        lines = [item.position((key, i))[0] for i in later]
        yield Problem(*item.position((key, first, "id")),
                      f"id {rid!r} is used again at line {', '.join(map(str, lines))}: only this entry is read")
        for index in later:
            yield Problem(*item.position((key, index, "id")),
                          f"id {rid!r} is already used at line {item.position((key, first))[0]}: this entry is left out")
