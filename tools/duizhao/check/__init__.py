"""``duizhao check``: a linter for the corpus, modelled on yamllint and Ruff.

Each rule is one module in :mod:`duizhao.check.rules` with ``CODE``, ``SLUG``,
``SEVERITY``, ``TARGET`` (``tei`` | ``yaml`` | ``corpus``), a docstring
(What / Why / Bad / Good) and a ``check`` generator yielding :class:`Problem`.
"""

from .finding import Finding, Problem, Severity
from .runner import UsageError, run

__all__ = ["Finding", "Problem", "Severity", "UsageError", "run"]
