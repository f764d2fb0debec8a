"""Per-project memoisation: derived indexes computed once per :class:`~duizhao.project.Project`.

The project caches parsed files; indexes built on top of them (annotations, name
matches) are cached here, keyed weakly by the project so they die with it.
"""

from __future__ import annotations

import functools
import weakref
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")
_CACHES: list[weakref.WeakKeyDictionary] = []


def per_project(build: Callable[..., T]) -> Callable[..., T]:
    """Decorate ``build(project)`` so that it runs once per project object."""
    cache: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()
    _CACHES.append(cache)

    @functools.wraps(build)
    def cached(project) -> T:
        if project not in cache:
            cache[project] = build(project)
        return cache[project]

    def put(project, value: T) -> T:
        """Make ``value`` the index of ``project`` (one built from an earlier project's)."""
        cache[project] = value
        return value

    cached.put = put  # type: ignore[attr-defined]
    return cached


def forget(project) -> None:
    """Drop every index built for ``project``: an index that refers back to its project
    (the annotation index does) would otherwise keep it, and itself, alive for good."""
    for cache in _CACHES:
        cache.pop(project, None)
