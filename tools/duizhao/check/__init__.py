"""``duizhao check``: a linter for the corpus, modelled on yamllint and Ruff.

Each rule is one module in :mod:`duizhao.check.rules` with ``CODE``, ``SLUG``,
``SEVERITY``, ``TARGET`` (``tei`` | ``yaml`` | ``corpus``), a docstring
(What / Why / Bad / Good) and a ``check`` generator yielding :class:`Problem`: of one file
(``check(item, project)``) or, for a corpus rule, of the summaries of every file
(``SUMMARISES``, ``summarise(item, project)``, ``check(project, summaries)``: see
:mod:`duizhao.check.summary`). ``NEEDS`` names the other files a rule cannot judge
without (its document, a registry, every document): where one cannot be read, the rule
is skipped and the check says so (:mod:`duizhao.check.coverage`).
"""

from .finding import Finding, Problem, Severity
from ..errors import UsageError
from .runner import run

__all__ = ["Finding", "Problem", "Severity", "UsageError", "run"]
