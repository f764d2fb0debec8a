"""F010 indicator-not-named — the text names another indicator than the one a figure is coded with.

**What it does.** Looks for the registered names of indicators (`zh` and `variants` in
`indicators.yaml`) in the clause (list item, up to a 、) before the figure's number. When none of the coded
indicator's names is there but another indicator's name is (the one written nearest before
the number, and not a part of one of the coded indicator's names: 营业收入 inside
电子信息产业营业收入), the figure is reported: the registry says that wording is the other
indicator. Names nested in a longer registered name count as the longer one.

**Why.** The same thing must have the same indicator in every document, or a researcher's
series splits in two (enterprise technology centres under two ids; national "little giants"
under the provincial indicator). The registry's names are the one place that says which
wording is which indicator; a figure that contradicts them is either miscoded, or the
registry lacks a variant (add it) or an indicator (add it, with a definition).

**Bad.** `indicator: little-giant-enterprises` for 国家级专精特新“小巨人”企业3家, where
国家级专精特新“小巨人”企业 is a variant of `national-little-giant-enterprises`.

**Good.** `indicator: national-little-giant-enterprises`; or, when the sentence names
several things, a suppression with the reason: `# duizhao: ignore[F010] the share of the
value added, not the value added`.
"""

from __future__ import annotations

from ...figures import cues
from ...memo import per_project
from ...names import Matcher
from ...registries import registries
from ..finding import Problem, Severity
from ..annotated import figures_in_context

CODE = "F010"
SLUG = "indicator-not-named"
SEVERITY = Severity.WARNING
TARGET = "yaml"


@per_project
def _indicator_names(project) -> tuple[Matcher, dict[str, tuple[str, ...]]]:
    indicators = registries(project).indicators
    return Matcher.of(indicators.values()), {ind_id: ind.forms for ind_id, ind in indicators.items()}


def check(item, project):
    names = None
    for ann, before, _ in figures_in_context(item, project):
        if ann.indicator is None:
            continue
        matcher, by_id = names = names or _indicator_names(project)
        clause = cues.clause_before(before)
        if "分别" in clause:
            continue  # A、B分别增长x、y: the names come in the order of the numbers, F010 cannot tell
        found = matcher.find(cues.item_before(before))  # 国家级冠军5家、省级12家: each item its own name
        if not found or any(ann.indicator == rid for m in found for _, rid in m.refs):
            continue
        nearest = found[-1]
        if any(nearest.form in own for own in by_id.get(ann.indicator, [])):
            continue  # 营业收入 before 电子信息产业营业收入's figure: the generic part of the coded name
        named = ", ".join(rid for _, rid in nearest.refs)
        yield Problem(*ann.position("indicator"),
                      f"{ann.id}: the text names {nearest.form!r} ({named}) before the number, but the figure is "
                      f"coded {ann.indicator}, whose names are not in the clause")
