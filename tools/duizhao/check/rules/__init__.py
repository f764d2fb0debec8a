"""The rule registry: every rule module, by code. Adding a rule means adding it here."""

from types import ModuleType

from . import (
    x001_not_well_formed,
    x002_schema_invalid,
    x003_duplicate_id,
    x004_dangling_reference,
    x005_missing_header_field,
    x006_hostile_xml,
    x007_document_id_mismatch,
    x008_source_mismatch,
    y001_yaml_syntax,
    y002_duplicate_key,
    y003_schema_violation,
    y004_missing_modeline,
)

_MODULES: tuple[ModuleType, ...] = (
    x001_not_well_formed,
    x002_schema_invalid,
    x003_duplicate_id,
    x004_dangling_reference,
    x005_missing_header_field,
    x006_hostile_xml,
    x007_document_id_mismatch,
    x008_source_mismatch,
    y001_yaml_syntax,
    y002_duplicate_key,
    y003_schema_violation,
    y004_missing_modeline,
)

RULES: dict[str, ModuleType] = {}
for _module in _MODULES:
    if _module.CODE in RULES:
        raise RuntimeError(f"two rules claim code {_module.CODE}")
    RULES[_module.CODE] = _module
