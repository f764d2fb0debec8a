"""F008 measure-cue — a figure's measure contradicts the words just before it.

**What it does.** Reads the clause before the number (`duizhao.figures.cues`): 连续N年 is a
streak, `measure: duration` (never a rank); 高于/高出/低于…平均, 较目标差欠, 超过…计划 is a
difference to a benchmark, `measure: gap`; 户均, 平均每家, 每个项目, 人均 is a per-item
figure, `measure: average`. A target or forecast of an increase (新增, 净增, 增加) coded as
a `level` is reported too: it is `measure: change`.

**Why.** 连续八年 stored as "ranked 8th", 户均研发经费810万元 read as the province's R&D
spending, a gap to the provincial average charted as growth over time, and a target of 28
*new* firms read as a stock that collapses from 196 to 28 — each puts a wrong point on a chart.

**Bad.**
```yaml
quote: 八年        # 连续八年保持全省前三
unit: rank
measure: rank
```

**Good.**
```yaml
quote: 八年
unit: year
measure: duration
```
"""

from ...figures import cues, default_modality
from ..finding import Problem, Severity
from ..annotated import figures_in_context

CODE = "F008"
SLUG = "measure-cue"
SEVERITY = Severity.WARNING
TARGET = "yaml"
_WORDS = {"duration": "a streak (连续…)", "gap": "a difference to a benchmark", "average": "a per-item figure"}


def check(item, project):
    for ann, before, after in figures_in_context(item, project):
        wanted = cues.measure_cue(before)
        if wanted == "average" and ann.measure in ("rank", "share"):
            wanted = None  # 每个园区…占比: a share or rank of each item is still a share or rank
        if wanted is not None and ann.measure != wanted:
            yield Problem(*ann.position("measure"),
                          f"{ann.id}: {_WORDS[wanted]} is measure: {wanted}, coded {ann.measure or 'nothing'}")
        elif (wanted is None and ann.measure == "level" and default_modality(ann.modality) in ("target", "forecast")
              and cues.increase(before)):
            yield Problem(*ann.position("measure"),
                          f"{ann.id}: a {ann.modality} for an increase (新增/净增) is measure: change, coded level")
