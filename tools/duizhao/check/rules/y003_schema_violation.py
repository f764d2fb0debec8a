"""Y003 yaml-schema-violation — the file does not match its JSON Schema.

**What it does.** Validates annotation files against
`annotations/schema/annotations.schema.json` and the registries against
`glossary`/`entities`/`indicators.schema.json`, reporting each violation at the key or
item that causes it.

**Why.** The schemas are the contract between annotators, tools and the site; the same
schemas drive completion and validation in the annotator's editor (see Y004).

**Bad.**
```yaml
- id: jian-news-2019-12.a0001
  type: figure
  unit: percnt
```

**Good.**
```yaml
- id: jian-news-2019-12.a0001
  type: figure
  unit: percent
  value: 3.6
```
"""

from jsonschema import Draft7Validator

from ...yamlio import position
from ..finding import Problem, Severity

CODE = "Y003"
SLUG = "yaml-schema-violation"
SEVERITY = Severity.ERROR
TARGET = "yaml"

_validators: dict[str, Draft7Validator] = {}


def _validator(project, kind: str) -> Draft7Validator:
    key = f"{project.root}:{kind}"
    if key not in _validators:
        _validators[key] = Draft7Validator(project.json_schema(kind))
    return _validators[key]


def _describe(error) -> str:
    where = "/".join(str(p) for p in error.absolute_path)
    if error.validator == "additionalProperties":
        return f"{where or 'top level'}: {error.message}"
    if error.validator == "enum":
        allowed = ", ".join(map(str, error.validator_value))
        return f"{where}: {error.instance!r} is not one of: {allowed}"
    return f"{where}: {error.message}" if where else error.message


def check(item, project):
    if item.data is None:
        if item.problem is None:
            yield Problem(1, 1, "empty file")
        return
    validator = _validator(project, item.kind)
    for error in sorted(validator.iter_errors(item.data), key=lambda e: list(map(str, e.absolute_path))):
        line, col = position(item.data, list(error.absolute_path))
        yield Problem(line, col, f"schema: {_describe(error)}")
