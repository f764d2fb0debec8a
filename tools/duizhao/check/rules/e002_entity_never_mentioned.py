"""E002 entity-never-mentioned — a registered entity appears nowhere in the corpus.

**What it does.** Reports (as a warning) an entity of `annotations/entities.yaml` whose
`zh` and `aliases` are written nowhere in the corpus — not in any segment's Chinese
text (also inside longer names), not in any TEI header (publisher, speakers) — and that no accepted or proposed annotation (as `entity` or figure `scope`) and
no other entity (as `parent`) refers to.

**Why.** The registry describes this corpus. An entry nothing refers to is usually a
misspelt name (so its real mentions go unmatched) or left over from a deleted document.

**Bad.** `zh: 立迅智造` when the text writes 立讯智造

**Good.** `zh: 立讯智造`
"""

from ..finding import Problem, Severity
from ...registries import registries
from ..annotated import file_annotations
from ..summary import written, written_anywhere

CODE = "E002"
SLUG = "entity-never-mentioned"
SEVERITY = Severity.WARNING
TARGET = "corpus"
SUMMARISES = ("tei", "yaml")
NEEDS = ("every document", "every annotation file")  # see check.coverage


def summarise(item, project):
    """A document: the entities named in it; an annotation file: the entities its accepted
    and proposed annotations refer to (as ``entity`` or figure ``scope``)."""
    if item.kind == "tei":
        return written(item, project, "entity")
    if item.kind != "annotations":
        return None
    _, anns = file_annotations(item, project)
    return sorted({ref for ann in anns if ann.active for ref in (ann.entity, ann.scope) if ref is not None})


def check(project, summaries):
    if not summaries.reports_on(project.annotations_dir / "entities.yaml"):
        return
    found = registries(project)
    named = written_anywhere(summaries["tei"])
    entities = found.records("entities")
    referred = {e.parent for e in entities if e.parent is not None}
    for _, ids in summaries["yaml"]:
        referred.update(ids or ())
    for entity in entities:
        if entity.id is not None and entity.id not in referred and entity.id not in named:
            yield Problem(*found.position(entity, "zh"),
                          f"entity {entity.id!r} ({entity.get('zh')}) is neither named in the corpus nor referred to",
                          path=found.path("entities"))
