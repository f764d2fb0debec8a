"""Accepting and rejecting proposals in an annotation file.

Only the ``status`` value of the chosen items changes (``proposed`` → ``accepted`` or
``rejected``); the file is rewritten through the round-trip loader, so comments, key
order and formatting stay, and atomically. A rejected proposal stays in the file: that
is how ``suggest`` knows never to propose it again. Editing ``status:`` by hand in the
YAML does exactly the same.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .. import yamlio
from ..check.runner import UsageError
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
           source: str | None = None) -> list[tuple[str, str]]:
    """Set the status of the given ids (``{id: accepted|rejected}``), and of every pending
    proposal (from ``source``, if given) when ``all_status`` is set. Returns (id, status) changed."""
    if not path.exists():
        raise UsageError(f"{path}: no annotation file (run `duizhao suggest` first)")
    data, _ = load_for_update(path, doc_id)
    items = [i for i in data.get("annotations") or [] if isinstance(i, dict)]
    by_id = {i.get("id"): i for i in items}
    wanted = {full_id(doc_id, k): v for k, v in decisions.items()}
    unknown = [k for k in wanted if k not in by_id]
    if unknown:
        raise UsageError(f"{path}: no annotation {', '.join(unknown)}")
    changed = []
    for ann_id, status in wanted.items():
        if by_id[ann_id].get("status") != status:
            by_id[ann_id]["status"] = status
            changed.append((ann_id, status))
    if all_status:
        for item in items:
            if item.get("status") == "proposed" and (source is None or item.get("source") == source):
                item["status"] = all_status
                changed.append((str(item.get("id")), all_status))
    if changed:
        yamlio.atomic_write(path, yamlio.dumps(data))
    return changed

