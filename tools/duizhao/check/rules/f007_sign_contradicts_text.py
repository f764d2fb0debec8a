"""F007 sign-contradicts-text — a change, growth or gap has the opposite sign of its words.

**What it does.** For figures of measure `growth_yoy`, `growth`, `change` or `gap`, reads the
nearest word of direction before the number in its clause (`duizhao.figures.cues.direction`):
下降, 减少, 下滑, 回落, 降幅, 低于…, 差欠 mean a fall (the value must be negative); 增长,
提高, 加快, 高出, 收窄 … a rise (positive, unless the quote writes the minus: 同比-2.4%).
A level reached (下滑至12%) and a bound (低于1毫秒) say nothing about the sign.

**Why.** The value is the statistic with its sign (contract v2), and the exported interval
of a bounded decline depends on it: 降幅超过10% stored as +10 reads as a rise of more than 10 %.

**Bad.**
```yaml
quote: 下降3.4%
value: 3.4
measure: growth_yoy
```

**Good.**
```yaml
quote: 下降3.4%
value: -3.4
measure: growth_yoy
```
"""

from ...figures import cues
from ..finding import Problem, Severity
from ..annotated import figures_in_context

CODE = "F007"
SLUG = "sign-contradicts-text"
SEVERITY = Severity.ERROR
TARGET = "yaml"
SIGNED = ("growth_yoy", "growth", "change", "gap")


def check(item, project):
    for ann, before, after in figures_in_context(item, project):
        if ann.measure not in SIGNED or ann.value == 0:
            continue
        way = cues.direction(before)
        written_minus = any(ch in ann.quote for ch in "-−负")
        if way == "down" and ann.value > 0:
            yield Problem(*ann.position("value"), f"{ann.id}: the text says a fall but value {ann.value:g} is positive")
        elif way == "up" and ann.value < 0 and not written_minus:
            yield Problem(*ann.position("value"), f"{ann.id}: the text says a rise but value {ann.value:g} is negative")

