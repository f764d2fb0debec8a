"""Machine suggestions: recommenders propose annotations, annotators review them.

Each recommender is one module with ``NAME`` and ``build(project, lexicon=None, **options)``
returning an object whose ``propose(doc)`` lists :class:`~.base.Proposal`s; the registry
below is the one list of them. :mod:`.store` writes proposals into the annotation files.
"""

from __future__ import annotations

from importlib import import_module
from types import ModuleType

# name -> module (imported on first use: stanza and torch are slow to import)
_MODULES = {
    "gazetteer": "gazetteer",
    "figures": "figures",
    "stanza": "ner",
}
RECOMMENDERS = tuple(_MODULES)


def recommender(name: str) -> ModuleType:
    """The module of recommender ``name`` (``ValueError`` if there is none)."""
    if name not in _MODULES:
        raise ValueError(f"unknown recommender {name!r} (choose from {', '.join(RECOMMENDERS)})")
    return import_module(f".{_MODULES[name]}", __name__)
