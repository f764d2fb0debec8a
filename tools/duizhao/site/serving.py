"""``mkdocs serve`` told of a save as it happens.

MkDocs' server looks at every watched file twice a second (its polling observer): on
average a quarter of a second lost before each rebuild, and at 1,000 documents thousands
of ``stat`` calls a second. Here the server is given the system's file events instead
(inotify on Linux, through watchdog, which MkDocs already uses), restricted to changes:
the builds themselves open and read the watched files, and an opened or read file must not
start another build.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import watchdog.events as ev
import watchdog.observers

CHANGES: list[type[ev.FileSystemEvent]] = [
    ev.FileCreatedEvent, ev.FileModifiedEvent, ev.FileDeletedEvent, ev.FileMovedEvent, ev.FileClosedEvent,
    ev.DirCreatedEvent, ev.DirDeletedEvent, ev.DirMovedEvent,
]


class ChangeObserver(watchdog.observers.Observer):  # type: ignore[misc,valid-type]
    """The platform's native observer, reporting only what changes a file."""

    def schedule(self, event_handler, path, *, recursive=False, event_filter=None, follow_symlink=False):
        return super().schedule(event_handler, path, recursive=recursive, event_filter=event_filter or CHANGES,
                                follow_symlink=follow_symlink)


def watch(server: Any, also: Path | None = None) -> Any:
    """Give ``server`` (MkDocs' LiveReloadServer, before it starts) a :class:`ChangeObserver`
    for what it watches so far (the docs and mkdocs.yml; the config's ``watch:`` list comes
    after this hook), and watch ``also``."""
    watched = list(server._watched_paths)
    for path in watched:
        server.unwatch(path)
    server.observer = ChangeObserver()
    for path in watched:
        server.watch(path)
    if also is not None:
        also.mkdir(parents=True, exist_ok=True)
        server.watch(str(also))
    return server
