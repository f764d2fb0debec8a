"""F006 modality-cue — a figure's modality contradicts the cue words of its clause.

**What it does.** Reads the clause before the figure for the guideline's cues
(`duizhao.figures.cues`): 预计, 有望, 可望, 将达 … call for `modality: forecast`; 目标, 力争,
确保, 计划, 争取 … for `target`; an amount that bounds a class (亿元以上工业项目, 过百亿元企业,
申报条件 …) for `threshold`. A figure coded otherwise is reported, and so is a milestone crossed
(迈上3000亿元台阶) that is not an actual figure with `qualifier: at_least`. In a gap
(`measure: gap`) the words 目标/计划 name the benchmark (较年初目标差欠), not the modality.

**Why.** A forecast or a target that reads as an outcome misleads every chart of the data;
the review found the same 预计全年… coded three different ways.

**Bad.**
```yaml
quote: 增长11%        # 预计全年工业投资同比增长11%
measure: growth_yoy  # no modality: reads as the year's outcome
```

**Good.**
```yaml
quote: 增长11%
measure: growth_yoy
modality: forecast
period: "2019"
```
A cue that misleads (a cue word that belongs to another clause's verb) is suppressed with
a reason: `# duizhao: ignore[F006] 计划 names the plan, not a goal`.
"""

from ...figures import cues, default_modality
from ..finding import Problem, Severity
from ..annotated import figures_in_context

CODE = "F006"
SLUG = "modality-cue"
SEVERITY = Severity.WARNING
TARGET = "yaml"


def check(item, project):
    for ann, before, after in figures_in_context(item, project):
        coded = default_modality(ann.modality)
        allowed = cues.modalities(before, after, ann.unit)
        if ann.measure == "gap":
            allowed.discard("target")
        if cues.milestone(after):
            if coded != "actual" or ann.qualifier != "at_least":
                yield Problem(*ann.position("modality" if coded != "actual" else "qualifier"),
                              f"{ann.id}: a milestone crossed (…台阶) is modality: actual with qualifier: at_least")
            continue
        if allowed and coded not in allowed:
            want = " or ".join(sorted(allowed))
            where = "modality" if ann.modality is not None else "measure" if ann.measure is not None else "value"
            yield Problem(*ann.position(where),
                          f"{ann.id}: the text calls for modality: {want} (clause: …{cues.clause_before(before)[-16:]}"
                          f"[{ann.quote}]), coded {coded}")
