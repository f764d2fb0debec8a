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

from typing import Any

import fastjsonschema
from jsonschema import Draft7Validator

from ...memo import per_project
from ..finding import Problem, Severity

CODE = "Y003"
SLUG = "yaml-schema-violation"
SEVERITY = Severity.ERROR
TARGET = "yaml"


@per_project
def _validators(project) -> dict[str, tuple[Any | None, Draft7Validator]]:
    return {}


def _validator(project, kind: str) -> tuple[Any | None, Draft7Validator]:
    """(a fast validity test, the validator that words every error) for a kind of file.

    fastjsonschema compiles the schema to Python and stops at the first error; jsonschema
    lists every error with its path but is 15x slower, so it runs only on invalid files."""
    cache = _validators(project)
    if kind not in cache:
        schema = project.json_schema(kind)
        try:
            fast = fastjsonschema.compile(schema, use_default=False)
        except fastjsonschema.JsonSchemaDefinitionException:
            fast = None  # a schema it cannot compile: jsonschema alone decides
        cache[kind] = (fast, Draft7Validator(schema))
    return cache[kind]


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
    fast, validator = _validator(project, item.kind)
    try:
        if fast is not None:
            fast(item.data)
            return
    except Exception:  # invalid (or a value it cannot judge): jsonschema words every error
        pass
    for error in sorted(validator.iter_errors(item.data), key=lambda e: list(map(str, e.absolute_path))):
        line, col = item.position(error.absolute_path)
        yield Problem(line, col, f"schema: {_describe(error)}")
