"""Results kept on disk between runs under ``<project>/build/cache/``, keyed by the digest
of everything they are computed from.

Used by ``duizhao check`` for parsed YAML (:meth:`Project.yaml`) and for the findings of
unchanged files (:mod:`duizhao.check.incremental`). Every key is salted with the digest of
the code that computed the value (:func:`code_digest`), so a new version never reads an
old entry.

An entry is never trusted blindly: it must unpickle, name its own key, and hold only
plain data (the unpickler refuses every class but dates and times), else it is ignored
and recomputed. Writes are atomic (a temporary file renamed into place), so concurrent
runs see a whole entry or none; a read-only checkout works, only without the speed-up.
``build/`` is never committed.
"""

from __future__ import annotations

import datetime
import hashlib
import io
import os
import pickle
import sys
import tempfile
from functools import lru_cache
from pathlib import Path
from typing import Any

from . import __version__

_FORMAT = "duizhao-cache/1"
_ALLOWED = {("datetime", name): getattr(datetime, name) for name in ("date", "datetime", "time", "timedelta", "timezone")}


# The parts of duizhao whose code computes nothing the caches keep: an edit there (the site,
# the recommenders, the commands, the language server) does not invalidate the check's caches.
_NOT_CACHED = frozenset({"site", "suggest", "export", "commands", "lsp", "cli.py"})


@lru_cache(maxsize=1)
def code_digest() -> str:
    """The version of the code that computes cached values: the sources of duizhao's modules
    (but :data:`_NOT_CACHED`), the Python and ruamel.yaml versions. The same whichever
    modules a process has imported, so that ``duizhao check``, the language server and the
    site build share their entries."""
    import ruamel.yaml

    package = Path(__file__).resolve().parent
    parts: list[bytes | str] = [__version__, sys.version, ruamel.yaml.__version__]
    for source in sorted(package.rglob("*.py")):
        name = source.relative_to(package)
        if name.parts[0] not in _NOT_CACHED:
            parts += [str(name), source.read_bytes()]
    return digest(*parts)


def digest(*parts: bytes | str) -> str:
    """SHA-256 over ``parts`` (each length-prefixed, so that no two lists collide)."""
    h = hashlib.sha256()
    for part in parts:
        data = part.encode() if isinstance(part, str) else part
        h.update(len(data).to_bytes(8, "big"))
        h.update(data)
    return h.hexdigest()


class _PlainUnpickler(pickle.Unpickler):
    def find_class(self, module: str, name: str) -> Any:
        if (module, name) not in _ALLOWED:
            raise pickle.UnpicklingError(f"{module}.{name} is not allowed in a cache entry")
        return _ALLOWED[(module, name)]


class DiskCache:
    """Pickled values in ``directory``, one file per key."""

    def __init__(self, directory: Path):
        self.directory = Path(directory)
        self.hits = self.misses = 0

    def _path(self, key: str) -> Path:
        return self.directory / key[:2] / f"{key}.pickle"

    def get(self, key: str) -> Any | None:
        """The value stored under ``key``; None when there is none or it cannot be trusted."""
        try:
            with open(self._path(key), "rb") as fh:
                entry = _PlainUnpickler(io.BytesIO(fh.read())).load()
        except Exception:  # missing, truncated, corrupt or foreign: recompute
            self.misses += 1
            return None
        if not (isinstance(entry, tuple) and len(entry) == 3 and entry[:2] == (_FORMAT, key)):
            self.misses += 1
            return None
        self.hits += 1
        return entry[2]

    def put(self, key: str, value: Any) -> None:
        path = self._path(key)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
            try:
                with os.fdopen(fd, "wb") as fh:
                    pickle.dump((_FORMAT, key, value), fh, protocol=pickle.HIGHEST_PROTOCOL)
                os.replace(tmp, path)
            except BaseException:
                Path(tmp).unlink(missing_ok=True)
                raise
        except OSError:  # read-only or full disk: the run goes on uncached
            pass
