"""Y003 yaml-schema-violation — the file does not match its JSON Schema.

**What it does.** Validates annotation files against
`annotations/schema/annotations.schema.json` and the registries against
`glossary`/`entities`/`indicators.schema.json`, reporting each violation where it is
written: an unknown key at that key, a wrong value at the value.

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

import re
from collections.abc import Callable
from typing import Any

import jsonschema_rs
from jsonschema import Draft7Validator

from ...memo import per_project
from ..finding import Problem, Severity

CODE = "Y003"
SLUG = "yaml-schema-violation"
SEVERITY = Severity.ERROR
TARGET = "yaml"


def fast_gate(schema: dict[str, Any]) -> Callable[[Any], bool] | None:
    """A quick validity test for ``schema`` (jsonschema-rs, compiled Rust), or None when it
    cannot compile the schema. False for a value it cannot take (a date, a key that is not a
    string) and wherever it is stricter than jsonschema (``$`` before a final newline): the
    caller then asks jsonschema, which decides."""
    try:
        is_valid = jsonschema_rs.Draft7Validator(schema).is_valid
    except Exception:  # a schema it does not support: jsonschema alone decides
        return None

    def gate(data: Any) -> bool:
        try:
            return is_valid(data)
        except ValueError:  # a value with no JSON equivalent
            return False

    return gate


@per_project
def _validators(project) -> dict[str, tuple[Callable[[Any], bool] | None, Draft7Validator]]:
    return {}


def _validator(project, kind: str) -> tuple[Callable[[Any], bool] | None, Draft7Validator]:
    """(a fast validity test, the validator that words every error) for a kind of file.

    The fast test stops at the first error, many times faster than jsonschema, which lists
    every error with its path and so runs only on the files the test rejects."""
    cache = _validators(project)
    if kind not in cache:
        schema = project.json_schema(kind)
        cache[kind] = (fast_gate(schema), Draft7Validator(schema))
    return cache[kind]


def _describe(error) -> str:
    where = "/".join(str(p) for p in error.absolute_path)
    if error.validator == "additionalProperties":
        return f"{where or 'top level'}: {error.message}"
    if error.validator == "enum":
        allowed = ", ".join(map(str, error.validator_value))
        return f"{where}: {error.instance!r} is not one of: {allowed}"
    return f"{where}: {error.message}" if where else error.message


def _unexpected(error) -> list[str]:
    """The keys an ``additionalProperties: false`` error is about."""
    schema, instance = error.schema, error.instance
    patterns = list(schema.get("patternProperties", {}))
    return [key for key in instance if key not in schema.get("properties", {})
            and not any(re.search(p, str(key)) for p in patterns)]


def _placed(item, error):
    """``(line, col, message)`` for each place ``error`` is about: an unexpected key where it
    is written, a wrong value where the value is (``unit: percnt``: at ``percnt``)."""
    path = list(error.absolute_path)
    if error.validator == "additionalProperties" and isinstance(error.instance, dict):
        where = "/".join(map(str, path)) or "top level"
        for key in _unexpected(error) or [None]:
            if key is None:
                yield (*item.position(path), f"schema: {_describe(error)}")
            else:
                yield (*item.position([*path, key]), f"schema: {where}: unknown key {key!r} "
                       "(a misspelling? the schema allows no other keys here)")
        return
    yield (*item.value_position(path), f"schema: {_describe(error)}")


def check(item, project):
    if item.data is None:
        if item.problem is None:
            yield Problem(1, 1, "empty file")
        return
    fast, validator = _validator(project, item.kind)
    if fast is not None and fast(item.data):
        return
    for error in sorted(validator.iter_errors(item.data), key=lambda e: list(map(str, e.absolute_path))):
        for line, col, message in _placed(item, error):
            yield Problem(line, col, message)
