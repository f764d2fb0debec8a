"""The rule registry: every rule module, by code. Adding a rule means adding its module name here."""

from importlib import import_module
from types import ModuleType

_MODULE_NAMES = (
    "a001_segment_not_found",
    "a002_quote_not_found",
    "a003_ambiguous_quote",
    "a004_overlapping_annotations",
    "a005_duplicate_annotation_id",
    "a006_document_mismatch",
    "e001_unknown_entity",
    "e002_entity_never_mentioned",
    "e003_alias_collision",
    "e004_alias_in_translation",
    "f001_figure_value_mismatch",
    "f002_unknown_indicator",
    "f003_invalid_period",
    "f004_figure_conflict",
    "f005_unknown_scope",
    "f006_modality_cue",
    "f007_sign_contradicts_text",
    "f008_measure_cue",
    "f009_figure_incomplete",
    "f010_indicator_not_named",
    "g001_unknown_term",
    "g002_duplicate_headword",
    "g003_missing_english_or_definition",
    "g004_term_unused",
    "g005_term_unannotated",
    "s001_proposal_pending",
    "t001_missing_translation",
    "t002_number_not_in_translation",
    "t003_chinese_in_translation",
    "t004_length_ratio",
    "t005_glossary_rendering_missing",
    "t006_forbidden_rendering",
    "t007_orphan_translation",
    "t008_half_rendering",
    "t009_review_without_second_reader",
    "x001_not_well_formed",
    "x002_schema_invalid",
    "x003_duplicate_id",
    "x004_dangling_reference",
    "x005_missing_header_field",
    "x006_hostile_xml",
    "x007_document_id_mismatch",
    "x008_source_mismatch",
    "x009_xml_too_large",
    "x010_source_checksum",
    "x011_suppression_without_reason",
    "x012_unused_suppression",
    "x013_undeclared_translation_status",
    "x014_unknown_responsibility",
    "y001_yaml_syntax",
    "y002_duplicate_key",
    "y003_schema_violation",
    "y004_missing_modeline",
    "y005_duplicate_registry_id",
    "y006_anchor_or_alias",
    "y007_yaml_too_large",
    "y008_byte_order_mark",
    "y009_suppression_without_reason",
    "y010_unused_suppression",
)

RULES: dict[str, ModuleType] = {}
for _name in _MODULE_NAMES:
    _module = import_module(f"{__name__}.{_name}")
    if _module.CODE in RULES:
        raise RuntimeError(f"two rules claim code {_module.CODE}")
    if not _name.startswith(_module.CODE.lower() + "_"):
        raise RuntimeError(f"rule module {_name} declares code {_module.CODE}")
    RULES[_module.CODE] = _module
