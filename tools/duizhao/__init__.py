"""对照 duizhao: a bilingual TEI corpus toolkit (check, export, suggest, publish)."""

__version__ = "0.1.0"
