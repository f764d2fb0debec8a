"""The errors every command reports with exit status 2, in one module that any package may
import (``check``, ``suggest`` and the commands alike; none imports another's internals)."""


class UsageError(Exception):
    """Bad command-line input (exit 2)."""
