"""One module per ``duizhao`` subcommand; each has ``register(subparsers)``."""

from . import check, export, ingest, rules, stats

__all__ = ["check", "export", "ingest", "rules", "stats"]
