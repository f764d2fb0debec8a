"""A005 duplicate-annotation-id — two annotations share an id (in one file or across files).

**What it does.** Collects the `id` of every annotation of every annotation file,
rejected ones included, and reports each repeat with the place of the first use. (Each
file is summarised as hashes of its ids; only the files sharing a hash are read again.)

**Why.** Ids are stable and never reused: exports, the site's permalinks and the review
of suggestions address annotations by id; a repeat makes them point at two things.

**Bad.**
```yaml
- id: jian-news-2019-12.a0007
  quote: 链长制
- id: jian-news-2019-12.a0007
  quote: 立讯
```

**Good.**
```yaml
- id: jian-news-2019-12.a0007
  quote: 链长制
- id: jian-news-2019-12.a0008
  quote: 立讯
```
"""

from array import array
from collections import defaultdict
from hashlib import blake2b

from ... import annotations
from ..finding import Problem, Severity
from ..annotated import file_annotations
from ..summary import index_of

CODE = "A005"
SLUG = "duplicate-annotation-id"
SEVERITY = Severity.ERROR
TARGET = "corpus"
SUMMARISES = ("yaml",)


def _hash(annotation_id: str) -> int:
    return int.from_bytes(blake2b(annotation_id.encode(), digest_size=8).digest(), "little", signed=True)


def summarise(item, project):
    """The 64-bit hashes of an annotation file's ids, as bytes (8 per id)."""
    _, anns = file_annotations(item, project)  # none unless an annotation file
    ids = [ann.id for ann in anns if ann.id is not None]
    return array("q", map(_hash, ids)).tobytes() if ids else None


def _places(rows) -> dict[int, list]:
    """Each hash, with the files that hold it (once per id)."""
    out = defaultdict(list)
    for path, s in rows:
        for h in array("q", s):
            out[h].append(path)
    return out


def _repeated(summaries) -> tuple[set[int], set | None]:
    """The hashes that occur more than once in the project, and the files that hold them
    (None: not known, look at every file). When only some files are checked, only their
    hashes are counted, in the others' summaries (without numpy)."""
    if summaries.wanted is not None:
        mine, others = summaries.split("yaml")
        here = _places(mine)
        elsewhere = index_of(_places, others) if summaries.lasting else \
            _places([(path, s) for path, s in others if not here.keys().isdisjoint(array("q", s))])
        repeated = {h for h, paths in here.items() if len(paths) + len(elsewhere.get(h, ())) > 1}
        return repeated, {p for h in repeated for p in (*here[h], *elsewhere.get(h, ()))}
    import numpy

    rows = [numpy.frombuffer(s, dtype=numpy.int64) for _, s in summaries["yaml"] if s]
    if not rows:
        return set(), None
    values, counts = numpy.unique(numpy.concatenate(rows), return_counts=True)
    return set(values[counts > 1].tolist()), None


def check(project, summaries):
    repeated, files = _repeated(summaries)
    first = {}
    for path, s in summaries["yaml"] if repeated else ():
        if not s or (files is not None and path not in files) or repeated.isdisjoint(array("q", s)):
            continue
        for ann in annotations.read(project.yaml(path)).annotations:  # only the files with a repeat are read
            if ann.id is None or _hash(ann.id) not in repeated:
                continue
            if ann.id in first:
                seen = first[ann.id]
                where = f"line {seen.line}" if seen.path == ann.path else f"{seen.path.parent.name}/{seen.path.name}:{seen.line}"
                yield Problem(*ann.position("id"), f"annotation id {ann.id!r} is already used at {where}", path=ann.path)
            else:
                first[ann.id] = ann
