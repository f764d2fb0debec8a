"""E004 alias-in-translation — the English names an entity by an alias, not by its registered name.

**What it does.** For each entity annotated in a segment (accepted or proposed), looks in
the segment's English for the entity's `en_aliases` that are names (they have a capital
letter), written as registered (a lower-case description such as "the municipal Party
committee" is not a name). An alias that is only a short form of `en` is allowed: a part of
it ("Yongxiu" of "Yongxiu County"), `en` with more words ("Jiangxi Province"), its initials
("MIIT"), or, for a person, a title with a name of theirs ("Director Huang"). Any other
alias is reported at the `<ab>`, with the `en` to write (`duizhao.renderings.shortens`).

**Why.** One entity has one English name: readers, the entity index and the exports must
not meet "Navigating Jinggang" in one document and "Linghang Jinggang" in another. Aliases
are kept in the registry so that search and the site find every form, but a translation
uses `en`; if `en` is wrong, change the registry, not one translation.

**Bad.** `领航井冈` annotated as `linghang-jinggang` → "the "Navigating Jinggang" training course"

**Good.** "the "Linghang Jinggang" training course"
"""

from collections import defaultdict

from ... import annotations
from ...memo import per_project
from ...registries import registries
from ...renderings import fold, pattern, shortens
from ..aligned import translated
from ..finding import Problem, Severity

CODE = "E004"
SLUG = "alias-in-translation"
SEVERITY = Severity.WARNING
TARGET = "tei"
NEEDS = ("annotations", "entities")  # see check.coverage


@per_project
def _other_names(project) -> dict[str, list[str]]:
    """``{entity id: its en_aliases that are names and not short forms of en}``, once per project."""
    out = {}
    for eid, entity in registries(project).entities.items():
        if entity.en:
            out[eid] = [alias for alias in entity.en_variants
                        if alias != alias.lower() and not shortens(alias, entity.en, entity.type == "person")]
    return out


def _annotated(project, doc) -> dict[str, list[str]]:
    """``{segment: [entity id]}`` of the document's active entity annotations, in file order."""
    path = project.annotations_dir / f"{doc.id}.yaml"
    out: dict[str, list[str]] = defaultdict(list)
    if not annotations.is_annotation_file(path) or not path.exists():
        return out
    for ann in annotations.load(project).file(path).annotations:
        if ann.active and ann.type == "entity" and ann.entity and ann.entity not in out[ann.segment]:
            out[ann.segment].append(ann.entity)
    return out


def check(item, project):
    if item.doc is None:
        return
    other_names = _other_names(project)
    annotated = None
    for seg, tr in translated(item.doc):
        if annotated is None:
            annotated = _annotated(project, item.doc)
        aliases = [(eid, alias) for eid in annotated.get(seg.id, ()) for alias in other_names.get(eid, ())]
        english = fold(tr.en) if aliases else ""
        for eid, alias in aliases:
            if pattern(alias, True, False).search(english):
                yield Problem(tr.line, 1, f'{seg.id}: "{alias}" is an alias of {eid}; write its name '
                              f'"{registries(project).entities[eid].en}"')
