"""The errors every command reports with exit status 2, in one module that any package may
import (``check``, ``suggest``, ``site``, ``lsp`` and the commands alike; none imports
another's internals). ``duizhao`` prints ``duizhao: <kind>: <message>`` for each, never a
traceback."""


class DuizhaoError(Exception):
    """Exit 2 with a message; :attr:`kind` is how the message starts."""

    kind = "error"


class UsageError(DuizhaoError):
    """Bad command-line input: an unknown rule code, a path that does not exist."""

    kind = "usage error"


class ProjectError(DuizhaoError):
    """The repository is not a usable duizhao project: no ``corpus/`` and ``annotations/``,
    or a file every check needs is missing or unreadable (a schema)."""

    kind = "project error"


class InternalError(DuizhaoError):
    """A bug in duizhao (please report it)."""

    kind = "internal error"


class RuleCrash(InternalError):
    """A rule raised on a file: reported as a finding there, the rest is still checked."""
