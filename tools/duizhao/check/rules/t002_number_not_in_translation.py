"""T002 number-not-in-translation — a number of the Chinese is missing from the English.

**What it does.** Reads every numeric expression of a segment's Chinese with
`duizhao.numbers.find_numbers` and looks for its value (value × scale, both ends of a
range) among the numbers of the English (`duizhao.numbers.english_numbers`: digits,
"103.13 billion", spelled-out numbers, ordinals, month names, "twice", "half"…). 万/亿
amounts are converted (1031.3亿元 → 103.13 billion; 56.38亿千瓦时 → 5.638 billion kWh),
periods and ordinals count (1-9月 → January to September, 2020年 → 2020, 全省第一 → first),
signs do not (同比-2.4% → down 2.4%). A bare 一 before a classifier (一批, 一个) is
exempt: English says "a". Identifiers such as 5G or a telephone number are not numbers.
Reported at the `<ab>`, naming the Chinese expression and the value looked for.

**Why.** A figure dropped or altered in translation is the most damaging translation
error in a statistical report, and the easiest to verify mechanically.

A deliberate exception (a number that the English rightly does not repeat) is suppressed
on the `<ab>`'s line or the line above, with a reason:
`<!-- duizhao: ignore[T002] 三大 is rendered by naming the three exchanges -->`

**Bad.** `1-9月…营业收入1031.3亿元` → "operating revenue of 103.1 billion yuan" (rounded, and
the period left out)

**Good.** "From January to September … operating revenue of 103.13 billion yuan"
"""

from ...numbers import NumberMention, Values, describe, english_numbers, same_value
from ..aligned import segment_numbers, translated
from ..finding import Problem, Severity

CODE = "T002"
SLUG = "number-not-in-translation"
SEVERITY = Severity.ERROR
TARGET = "tei"


def _says_a(m: NumberMention) -> bool:
    """一 before a classifier (一批, 一个, 一季度): rendered "a", not "one"."""
    return m.value == 1 and m.scale == 1 and m.value_max is None and "一" in m.text and "第" not in m.text


def _looked_for(m: NumberMention) -> str:
    if m.value_max is None:
        return describe(m.amount)
    return f"{describe(m.amount)} and {describe(m.amount_max)}"


def check(item, project):
    if item.doc is None:
        return
    for seg, tr in translated(item.doc):
        english: Values | None = None  # read when the Chinese has a number to look for
        reported: set[str] = set()
        for m in segment_numbers(item.doc, seg):
            if _says_a(m) or m.text in reported:
                continue
            if english is None:
                english = Values(english_numbers(tr.en))
            if same_value(m, english):
                continue
            reported.add(m.text)
            yield Problem(tr.line, 1, f"{seg.id}: {m.text} is not in the English (looked for {_looked_for(m)})")
