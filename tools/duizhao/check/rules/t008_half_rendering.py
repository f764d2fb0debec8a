"""T008 half-rendering — the English renders only part of a term of several parts.

**What it does.** For each glossary term written in a segment's Chinese (longest match
first, as in T005) whose registered rendering `en` has coordinated parts ("strengthening
industrial chains and filling gaps", "tax and fee cuts", "micro, small and medium-sized
enterprises": the parts between its commas and "and"s), reports the segment when its
English uses a part, or an accepted form that renders one part only, but no form that
renders them all. Parts are matched as T005 matches renderings, with their words in any
regular verb form too (fill, filling). Reported at the `<ab>`; T005 then says nothing of
the term there.

**Why.** A half rendering drops half of the policy: 强链补链 rendered "filling gaps" says
nothing of strengthening the chain, 中小微企业 rendered "small and medium-sized
enterprises" leaves out micro enterprises. An `en_variants` form that covers one part is
itself a half rendering and does not make the English whole.

**Bad.** `突出强链补链项目` → "prioritizing projects that fill gaps"

**Good.** "prioritizing projects that strengthen industrial chains and fill gaps in them"
"""

from ..aligned import translated_terms
from ..finding import Problem, Severity

CODE = "T008"
SLUG = "half-rendering"
SEVERITY = Severity.WARNING
TARGET = "tei"
NEEDS = ("glossary", "entities")  # see check.coverage


def check(item, project):
    if item.doc is None:
        return
    for seg, tr, form, term, renderings, text in translated_terms(project, item.doc, lambda r: r.parts[1:]):
        found = renderings.half_rendered(text)
        if found:
            used = " and ".join(f'"{f}"' for f in found)
            yield Problem(tr.line, 1, f'{seg.id}: {form} ({term.id}) is rendered only in part ({used}); '
                          f'render every part: "{term.en}"')
