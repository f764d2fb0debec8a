"""Accepting and rejecting proposals in an annotation file.

Only the ``status`` value of the chosen items changes (``proposed`` → ``accepted`` or
``rejected``); the file is rewritten through the round-trip loader, so comments, key
order and formatting stay, and atomically. A rejected proposal stays in the file: that
is how ``suggest`` knows never to propose it again. Editing ``status:`` by hand in the
YAML does exactly the same.

Reviewed work (any status but ``proposed``) is changed only when asked with ``force``;
otherwise the whole request is refused, each such id named with its status, and the file
is left as it is.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .. import yamlio
from ..errors import UsageError
from .store import load_for_update

DECISIONS = ("accepted", "rejected")


@dataclass(frozen=True)
class Pending:
    id: str
    segment: str
    type: str
    quote: str
    prefix: str | None
    suffix: str | None
    source: str
    fields: dict


def full_id(doc_id: str, ann_id: str) -> str:
    """``a0007`` or ``<doc>.a0007`` → ``<doc>.a0007``."""
    return ann_id if "." in ann_id else f"{doc_id}.{ann_id}"


def pending(path: Path, doc_id: str) -> list[Pending]:
    """The proposals of a file that still wait for review."""
    if not path.exists():
        return []
    data, _ = load_for_update(path, doc_id)
    items = data.get("annotations") or []
    skip = {"id", "segment", "type", "quote", "prefix", "suffix", "status", "source"}
    return [
        Pending(str(i.get("id")), str(i.get("segment")), str(i.get("type")), str(i.get("quote")),
                i.get("prefix"), i.get("suffix"), str(i.get("source")), {k: v for k, v in i.items() if k not in skip})
        for i in items if isinstance(i, dict) and i.get("status") == "proposed"
    ]


def decide(path: Path, doc_id: str, decisions: dict[str, str], all_status: str | None = None,
           source: str | None = None, force: bool = False) -> list[tuple[str, str, str]]:
    """Set the status of the given ids (``{id: accepted|rejected}``), and of every pending
    proposal (from ``source``, if given) when ``all_status`` is set. Returns (id, old, new)
    of each change. Reviewed ids without ``force``: a usage error, nothing written."""
    if not path.exists():
        raise UsageError(f"{path}: no annotation file (run `duizhao suggest` first)")
    data, _ = load_for_update(path, doc_id)
    items = [i for i in data.get("annotations") or [] if isinstance(i, dict)]
    wanted = {full_id(doc_id, k): v for k, v in decisions.items()}
    found = {ann_id: [i for i in items if i.get("id") == ann_id] for ann_id in wanted}
    unknown = [k for k, v in found.items() if not v]
    if unknown:
        raise UsageError(f"{path}: no annotation {', '.join(unknown)}")
    repeated = [k for k, v in found.items() if len(v) > 1]
    if repeated:
        raise UsageError(f"{path}: {', '.join(repeated)} used by several annotations (A005): give each its own id first")
    todo = [(found[ann_id][0], status) for ann_id, status in wanted.items() if found[ann_id][0].get("status") != status]
    reviewed = [(item, status) for item, status in todo if item.get("status") != "proposed"]
    if reviewed and not force:
        lines = "".join(f"\n  {item.get('id')} is {item.get('status') or 'without status'} (asked: {status})" for item, status in reviewed)
        raise UsageError(f"{path.name}: refused to change reviewed work, nothing was written:{lines}"
                           "\n(only proposals are reviewed; add --force to change these anyway)")
    if all_status:
        todo += [(i, all_status) for i in items if i.get("status") == "proposed" and i.get("id") not in wanted
                 and (source is None or i.get("source") == source)]
    changes = [(str(item.get("id")), str(item.get("status")), status) for item, status in todo]
    for item, status in todo:
        item["status"] = status
    if changes:
        yamlio.atomic_write(path, yamlio.dumps(data))
    return changes
