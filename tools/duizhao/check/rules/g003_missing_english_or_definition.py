"""G003 missing-english-or-definition — a glossary entry has a blank rendering or definition.

**What it does.** Requires a non-blank `en` and a definition in both languages
(`definition.zh` and `definition.en`), reporting values that are empty or only
whitespace — which the JSON Schema lets through — and a definition given in one
language only.

**Why.** The site shows the English rendering and both definitions in every tooltip and
on the glossary page, the TBX export carries them, and translators are checked against
`en`: a blank is a hole in all of them.

**Bad.**
```yaml
definition:
  zh: 投资50亿元以上或20亿元以上的重大项目。
  en: " "
```

**Good.**
```yaml
definition:
  zh: 投资50亿元以上或20亿元以上的重大项目。
  en: Major projects with investment of 5 billion yuan or more.
```
"""

from ...registries import registries
from ..finding import Problem, Severity

CODE = "G003"
SLUG = "missing-english-or-definition"
SEVERITY = Severity.ERROR
TARGET = "yaml"


def _blank(value) -> bool:
    return isinstance(value, str) and not value.strip()


def check(item, project):
    if item.kind != "glossary":
        return
    found = registries(project)
    for term in found.records("glossary"):
        tid = term.id
        if _blank(term.en):
            yield Problem(*found.position(term, "en"), f"term {tid!r} has a blank English rendering `en`")
        definition = term.get("definition")
        if not isinstance(definition, dict):
            continue
        for lang, other in (("zh", "en"), ("en", "zh")):
            if _blank(definition.get(lang)) or (lang not in definition and isinstance(definition.get(other), str)):
                place = found.position(term, "definition", lang)
                yield Problem(*place, f"term {tid!r} has no {'Chinese' if lang == 'zh' else 'English'} definition "
                              f"(definition.{lang} is {'blank' if lang in definition else 'missing'})")
