"""One module per ``duizhao`` subcommand; each has ``register(subparsers)``."""

from . import check, evaluate, export, ingest, lsp, release, review, rules, stats, suggest, train

__all__ = ["check", "evaluate", "export", "ingest", "lsp", "release", "review", "rules", "stats", "suggest", "train"]
