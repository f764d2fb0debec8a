"""The registries as one model: glossary terms, entities and indicators as typed records.

``annotations/glossary.yaml``, ``entities.yaml`` and ``indicators.yaml`` are read once per
project (:func:`registries`) into :class:`Term`, :class:`Entity` and :class:`Indicator`
records that carry their Chinese forms (``zh`` and the ``variants`` / ``aliases``), their
English forms (``en`` and the ``en_variants`` / ``en_aliases``), a term's ``forbidden``
renderings, the entry as written and its place in the file. Rules, recommenders, exports,
the search dictionary and the site all take names and renderings from here, so that a
form means the same everywhere; nothing else parses a registry entry.

Values of the wrong type (a schema violation, reported by Y003) read as absent. An id
written twice keeps its first entry (Y005 reports the others), as in
:meth:`Project.registry`.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ClassVar

from .memo import per_project
from .project import REGISTRIES, Project, registry_key


def _texts(value: Any) -> tuple[str, ...]:
    """The non-blank strings of a value written as one string or a list of them, once each."""
    values = [value] if isinstance(value, str) else value if isinstance(value, list) else []
    return tuple(dict.fromkeys(v for v in values if isinstance(v, str) and v.strip()))


def _text(value: Any) -> str | None:
    return value if isinstance(value, str) else None


def _names(first: Any, others: Any) -> tuple[str, ...]:
    """Chinese forms: ``first`` then ``others`` (a list), non-empty strings, once each."""
    forms = [first, *(others if isinstance(others, list) else [])]
    return tuple(dict.fromkeys(f for f in forms if isinstance(f, str) and f))


def _mapping(value: Any) -> dict[str, str]:
    """A ``{zh, en}`` text (a definition, a description): its string values."""
    return {k: v for k, v in value.items() if isinstance(v, str)} if isinstance(value, dict) else {}


@dataclass(frozen=True, eq=False)
class Record:
    """One registry entry. ``forms``: its Chinese forms, ``zh`` first; ``renderings``: its
    English forms a translation may use, ``en`` first (see the subclasses for which keys)."""

    registry: ClassVar[str]
    kind: ClassVar[str]  # what an annotation or a name match calls it: term | entity | indicator
    ZH_MORE: ClassVar[str]  # the key of the other Chinese forms
    EN_MORE: ClassVar[str | None]  # the key of the other English forms (None: the registry has none)

    id: str | None
    zh: str | None
    en: str | None
    forms: tuple[str, ...]
    renderings: tuple[str, ...]
    data: Mapping[str, Any] = field(repr=False)  # the entry as written
    index: int = -1  # its place in the registry's list (-1: not read from a file)

    @classmethod
    def of(cls, entry: Mapping[str, Any], index: int = -1) -> "Record":
        """The record of a registry entry (a mapping as read from YAML)."""
        rid = entry.get("id")
        return cls(id=rid if isinstance(rid, str) else None, zh=_text(entry.get("zh")), en=_text(entry.get("en")),
                   forms=_names(entry.get("zh"), entry.get(cls.ZH_MORE)),
                   renderings=_texts([entry.get("en"), *_texts(entry.get(cls.EN_MORE) if cls.EN_MORE else None)]),
                   data=entry, index=index, **cls._own(entry))

    @classmethod
    def _own(cls, entry: Mapping[str, Any]) -> dict[str, Any]:
        """The keys only this kind of record has."""
        return {}

    @classmethod
    def keys(cls) -> set[str]:
        """Every key of an entry that the record reads."""
        return {"id", "zh", "en", cls.ZH_MORE, *([cls.EN_MORE] if cls.EN_MORE else []), *cls._own({})}

    @property
    def variants(self) -> tuple[str, ...]:
        """The Chinese forms other than ``zh`` (a term's ``variants``, an entity's ``aliases``)."""
        return self.forms[1:] if self.zh is not None and self.forms[:1] == (self.zh,) else self.forms

    @property
    def en_variants(self) -> tuple[str, ...]:
        """The English forms other than ``en``, as written (``en_variants`` / ``en_aliases``)."""
        return _texts(self.data.get(self.EN_MORE)) if self.EN_MORE else ()

    @property
    def gloss(self) -> dict[str, str]:
        """Its explanation, ``{zh, en}``: a term's or an indicator's definition, an entity's description."""
        return getattr(self, "definition", None) or getattr(self, "description", None) or {}

    def get(self, key: str, default: Any = None) -> Any:
        """A key of the entry as written."""
        return self.data.get(key, default)


@dataclass(frozen=True, eq=False)
class Term(Record):
    """A glossary term: ``variants``, ``en_variants``, ``forbidden`` renderings, a category and
    a definition in both languages."""

    registry = "glossary"
    kind = "term"
    ZH_MORE = "variants"
    EN_MORE = "en_variants"

    forbidden: tuple[str, ...] = ()
    category: str | None = None
    definition: dict[str, str] = field(default_factory=dict)

    @classmethod
    def _own(cls, entry):
        return {"forbidden": _texts(entry.get("forbidden")), "category": _text(entry.get("category")),
                "definition": _mapping(entry.get("definition"))}


@dataclass(frozen=True, eq=False)
class Entity(Record):
    """An entity: ``aliases``, ``en_aliases``, a type, a parent entity and a description."""

    registry = "entities"
    kind = "entity"
    ZH_MORE = "aliases"
    EN_MORE = "en_aliases"

    type: str | None = None
    parent: str | None = None
    wikidata: str | None = None
    description: dict[str, str] = field(default_factory=dict)

    @classmethod
    def _own(cls, entry):
        return {"type": _text(entry.get("type")), "parent": _text(entry.get("parent")),
                "wikidata": _text(entry.get("wikidata")), "description": _mapping(entry.get("description"))}


@dataclass(frozen=True, eq=False)
class Indicator(Record):
    """An indicator: ``variants``, a default unit and a definition (no other English forms)."""

    registry = "indicators"
    kind = "indicator"
    ZH_MORE = "variants"
    EN_MORE = None

    unit: str | None = None
    definition: dict[str, str] = field(default_factory=dict)

    @classmethod
    def _own(cls, entry):
        return {"unit": _text(entry.get("unit")), "definition": _mapping(entry.get("definition"))}


RECORD = {cls.registry: cls for cls in (Term, Entity, Indicator)}
KIND = {name: cls.kind for name, cls in RECORD.items()}  # glossary → term, entities → entity …


def records_of(name: str, entries: Iterable[Any]) -> list[Record]:
    """Records of the registry ``name`` from entries (mappings; anything else is left out):
    for tests and for lists already in hand. Records given are kept as they are."""
    cls = RECORD[name]
    return [e if isinstance(e, cls) else cls.of(e) for e in entries if isinstance(e, (Mapping, cls))]


class Registries:
    """The three registries of a project, read once (use :func:`registries`)."""

    def __init__(self, project: Project):
        self.project = project
        self._records: dict[str, list[Record]] = {}
        self._by_id: dict[str, dict[str, Record]] = {}
        for name in REGISTRIES:
            items = project.registry_items(name)
            kept = {id(e) for e in project.registry(name)}  # repeated ids left out, as Project.registry does
            cls = RECORD[name]
            records = [cls.of(item, i) for i, item in enumerate(items) if id(item) in kept]
            self._records[name] = records
            by_id: dict[str, Record] = {}
            for record in records:
                if record.id is not None:
                    by_id.setdefault(record.id, record)
            self._by_id[name] = by_id

    def records(self, name: str) -> list[Record]:
        """Every entry of a registry in file order (also those without a valid id)."""
        return self._records[name]

    def by_id(self, name: str) -> dict[str, Record]:
        """The entries of a registry that have an id, by id."""
        return self._by_id[name]

    @property
    def terms(self) -> dict[str, Term]:
        return self._by_id["glossary"]  # type: ignore[return-value]

    @property
    def entities(self) -> dict[str, Entity]:
        return self._by_id["entities"]  # type: ignore[return-value]

    @property
    def indicators(self) -> dict[str, Indicator]:
        return self._by_id["indicators"]  # type: ignore[return-value]

    def entries(self, name: str) -> dict[str, Mapping[str, Any]]:
        """``{id: entry as written}`` of a registry: what templates and cache keys read."""
        return {rid: record.data for rid, record in self._by_id[name].items()}

    def __iter__(self) -> Iterator[Record]:
        for name in REGISTRIES:
            yield from self._records[name]

    # -- where an entry is written ----------------------------------------------------
    def path(self, name: str) -> Path:
        return self.project.annotations_dir / f"{name}.yaml"

    def position(self, record: Record, key: str = "id", sub: int | str | None = None) -> tuple[int, int]:
        """1-based (line, col) of a record's ``key`` in its file, or of ``sub`` (an item index
        or a key) inside the value of ``key``; (1, 1) when the entry has no ``key``."""
        if record.index < 0 or key not in record.data:
            return 1, 1
        path: list[Any] = [registry_key(record.registry), record.index, key]
        value = record.data[key]
        if sub is not None and (isinstance(value, dict) and sub in value
                                or isinstance(value, list) and isinstance(sub, int) and 0 <= sub < len(value)):
            path.append(sub)
        return self.project.yaml(self.path(record.registry)).position(path)

    def form_position(self, record: Record, form: str) -> tuple[int, int]:
        """Where one of a record's Chinese forms is written: its ``zh`` or its item in the
        ``variants`` / ``aliases`` list."""
        if form == record.zh:
            return self.position(record, "zh")
        others = record.data.get(record.ZH_MORE)
        return self.position(record, record.ZH_MORE, others.index(form)) if isinstance(others, list) and form in others \
            else self.position(record, "zh")


@per_project
def registries(project: Project) -> Registries:
    """The project's registries, read once."""
    return Registries(project)
