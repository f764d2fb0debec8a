"""Documentation cannot drift: every command the README and the site's pages show is run
(or, for a synopsis, checked against the command line) and does what the text says.

Each section of a page runs on its own scratch copy of the repository, in page order, as a
reader following that section would; ``~/reports/jian-brief-2020.txt``, the text the
walk-throughs ingest, is the journey fixture. An example that is neither run nor in
:data:`NOT_RUN` fails, and so does an entry of :data:`NOT_RUN` or :data:`CLAIMS` that no
page shows any more.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from duizhao import yamlio
from duizhao.check.rules import RULES
from duizhao.cli import build_parser

from conftest import FIXTURES, REPO, build_project
from doc_examples import Example, examples, subcommands, synopsis_problems

BIN = Path(sys.executable).parent
NEW = "jian-brief-2020-11"  # the document the walk-throughs ingest
COPIED = ("corpus", "annotations", "site", "mkdocs.yml", "Makefile", "pyproject.toml", ".ci", "README.md")

# Examples this test does not run, and why. Each is still checked as far as is cheap: a
# make target exists (`make -n`), a duizhao command parses, .ci/run is an executable file.
NOT_RUN = {
    "make serve": "serves until stopped; test_site_serve.py runs mkdocs serve --dirty (a save on its page)",
    "mkdocs serve --dirty": "serves until stopped: test_site_serve.py runs it, saves and reads the pages",
    "DUIZHAO_WITH_PROPOSALS=1 make serve": "serves until stopped; proposals shown: test_site_units.py",
    "make test": "this test suite",
    "duizhao lsp": "a language server talks to an editor until stopped: test_lsp.py drives it with a real client",
    ".ci/run": "make test + make site",
    "make site": "minutes (evaluate, then the strict build); the strict build: test_site.py, test_journey.py",
    "DUIZHAO_SITE_URL=https://corpus.example.org/duizhao/ make site":
        "as make site; the build with an address (sitemap, canonical, hreflang): test_site_reader.py",
    "mkdocs build --strict": "the strict build of test_site.py and test_journey.py (conftest.build_site)",
    "make evaluation": "minutes (stanza trained per held-out document): test_suggest_evaluate.py",
    "duizhao evaluate": "minutes: test_suggest_evaluate.py runs it on the fixture project",
    "duizhao train": "minutes: test_suggest_stanza.py trains and suggests through stanza",
    "make bench": "minutes at 5,000 documents (benchmarks/); the checker at scale: test_check_scale.py",
    "duizhao export": "prose naming the command (its dataset argument is required)",
    "duizhao review": "prose naming the command (its document argument is required)",
}


@dataclass(frozen=True)
class Run:
    example: Example
    code: int
    out: str                    # stdout + stderr
    before: dict[str, bytes] = field(repr=False)  # corpus/ and annotations/ before the command


@dataclass(frozen=True)
class Claim:
    """What the text says a command does: its exit code, what it prints, what it leaves."""

    code: int = 0
    says: tuple[str, ...] = ()                  # regular expressions the output matches
    then: Callable[[Path, Run], None] | None = None


def _files(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes()
            for d in ("corpus", "annotations") for p in sorted((root / d).rglob("*")) if p.is_file()}


def _statuses(root: Path, doc: str) -> dict[str, str]:
    items = yamlio.load(root / "annotations" / f"{doc}.yaml")["annotations"]
    return {i["id"].rsplit(".", 1)[1]: i["status"] for i in items}


def _reviewed(data: bytes) -> dict[str, str]:
    """id → status of the accepted and rejected annotations of a YAML file."""
    items = (yamlio.loads(data.decode("utf-8")) or {}).get("annotations") or []
    return {str(i.get("id")): i["status"] for i in items
            if isinstance(i, dict) and i.get("status") in ("accepted", "rejected")}


def reviewed_work_kept(root: Path, run: Run) -> None:
    after = _files(root)
    for name, data in run.before.items():
        if name.endswith(".yaml") and after.get(name) != data:
            now = _reviewed(after[name]) if name in after else {}
            lost = {k: v for k, v in _reviewed(data).items() if now.get(k) != v}
            assert lost == {}, f"{run.example} changed reviewed work in {name}"


def nothing_written(root: Path, run: Run) -> None:
    assert _files(root) == run.before, "files changed"


def safe_fixes_only(root: Path, run: Run) -> None:
    """--fix: the TEI untouched; in each YAML file the same annotations (the house order may
    differ) and every comment line still there."""
    after = _files(root)
    for name, data in run.before.items():
        if after[name] == data:
            continue
        assert name.endswith(".yaml"), f"--fix rewrote {name}"
        old, new = data.decode("utf-8"), after[name].decode("utf-8")
        comments = [line.strip() for line in old.splitlines() if line.strip().startswith("#")]
        assert [c for c in comments if c not in new] == [], name
        items = [{i["id"]: dict(i) for i in yamlio.loads(text)["annotations"]} for text in (old, new)]
        assert items[0] == items[1], name


def every_rule_listed(root: Path, run: Run) -> None:
    assert [c for c in RULES if not re.search(rf"^{c}\s", run.out, re.M)] == []


def a_row_per_document(root: Path, run: Run) -> None:
    docs = [p.stem for p in (root / "corpus").glob("*.xml")]
    assert docs and [d for d in docs if not re.search(rf"^{d}\s+\d+", run.out, re.M)] == []
    assert all(column in run.out for column in ("transl.", "reviewed", "annot."))


def ingested(root: Path, run: Run) -> None:
    tei = (root / "corpus" / f"{NEW}.xml").read_text(encoding="utf-8")
    assert 'xml:id="s001"' in tei and "<!-- duizhao" not in tei  # the fixture has no debris
    source = (root / "home" / "reports" / "jian-brief-2020.txt").read_bytes()
    assert (root / "corpus" / "sources" / "jian-brief-2020.txt").read_bytes() == source


def decided(**expected: str) -> Callable[[Path, Run], None]:
    def check(root: Path, run: Run) -> None:
        statuses = _statuses(root, NEW)
        assert {k: statuses[k] for k in expected} == expected
        assert "proposed" in statuses.values()  # the others still wait
    return check


def figures_accepted(root: Path, run: Run) -> None:
    items = yamlio.load(root / "annotations" / f"{NEW}.yaml")["annotations"]
    assert {i["status"] for i in items if i["source"] == "figures"} == {"accepted"}


def _missing(field: str) -> str:
    return rf"{NEW}\.xml:\d+:\d+: X005 \[error\] missing header field: {field}"


# What the pages say each command does, keyed by (page, command); a list gives one claim per
# occurrence in page order. Any other example that is run must exit 0. After every command,
# no accepted or rejected annotation has another status (unless it says --force).
CLAIMS: dict[tuple[str, str], Claim | list[Claim]] = {
    ("README.md", "duizhao stats"): Claim(then=a_row_per_document),
    ("README.md", "duizhao rules"): Claim(then=every_rule_listed),
    ("README.md", "make check"): Claim(says=("All checks passed",)),
    ("README.md", "duizhao check"): [
        Claim(says=("All checks passed",)),                          # "exits 0 when clean"
        Claim(1, says=tuple(map(_missing, ("English title", "original publisher", "place")))),
    ],
    ("README.md", "duizhao check --fix"): Claim(then=safe_fixes_only),
    ("README.md", f"duizhao ingest ~/reports/jian-brief-2020.txt --id {NEW}"):
        Claim(says=(r"3 segments, 0 flag",), then=ingested),
    ("README.md", f"duizhao suggest {NEW} --recommender gazetteer"): Claim(says=(r"added [1-9]\d* proposal",)),
    ("README.md", f"duizhao review {NEW}"): Claim(says=(rf"{NEW}\.a0001 ", r"[1-9]\d* proposal\(s\) pending")),
    ("README.md", "duizhao check --strict"): Claim(1, says=("S001", "T001")),
    ("site/guide/suggestions.md", "duizhao check --strict"): [
        Claim(),                                                     # nothing waits in the published corpus
        Claim(1, says=(r"S001 \[warning\]",)),                        # "S001 until all are decided"
    ],
    ("site/guide/suggestions.md", f"duizhao ingest ~/reports/jian-brief-2020.txt --id {NEW}"): Claim(then=ingested),
    ("site/guide/suggestions.md", f"duizhao suggest {NEW} --recommender gazetteer"):
        Claim(says=(r"added [1-9]\d* proposal\(s\) from gazetteer",)),
    ("site/guide/suggestions.md", f"duizhao suggest {NEW} --recommender figures"):
        Claim(says=(r"added [1-9]\d* proposal\(s\) from figures",)),
    ("site/guide/suggestions.md", f"duizhao review {NEW}"): Claim(says=(rf"{NEW}\.a0001 .*吉安工业",)),
    ("site/guide/suggestions.md", f"duizhao review {NEW} --accept a0002 a0003 --reject a0001"):
        Claim(says=(rf"{NEW}\.a0001: proposed → rejected",),
              then=decided(a0001="rejected", a0002="accepted", a0003="accepted")),
    ("site/guide/suggestions.md", f"duizhao review {NEW} --accept-all --source figures"): Claim(then=figures_accepted),
    ("site/guide/suggestions.md", f"duizhao review {NEW} --accept a0001"):
        Claim(2, says=(rf"{NEW}\.a0001 is rejected", "--force"), then=nothing_written),
}

EXAMPLES = examples(REPO)


def _claims(example: Example, nth: int) -> Claim:
    claim = CLAIMS.get((example.page, example.command), Claim())
    if isinstance(claim, list):  # a missing one is reported by the first test, not at collection
        return claim[nth] if nth < len(claim) else Claim()
    return claim


def _runnable(example: Example) -> bool:
    return not example.synopsis and example.command not in NOT_RUN


def _sections() -> dict[tuple[str, str], list[tuple[Example, Claim]]]:
    seen: dict[tuple[str, str], int] = defaultdict(int)
    out: dict[tuple[str, str], list[tuple[Example, Claim]]] = defaultdict(list)
    for example in EXAMPLES:
        if _runnable(example) and example.program:
            key = (example.page, example.command)
            out[example.page, example.section].append((example, _claims(example, seen[key])))
            seen[key] += 1
    return out


def _scratch(dest: Path) -> Path:
    for name in COPIED:
        src = REPO / name
        (shutil.copytree if src.is_dir() else shutil.copy2)(src, dest / name)
    reports = dest / "home" / "reports"  # the one file the pages presume: ~/reports/jian-brief-2020.txt
    reports.mkdir(parents=True)
    shutil.copy(FIXTURES / "journey" / "fx-brief-2020.txt", reports / "jian-brief-2020.txt")
    return dest


def _env(root: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DUIZHAO_WITH_PROPOSALS", "MAKEFLAGS", "MAKELEVEL")}
    return {**env, "PATH": f"{BIN}{os.pathsep}{env['PATH']}", "HOME": str(root / "home"), "NO_MKDOCS_2_WARNING": "1"}


def _shell(command: str) -> str:
    """The command as run: make uses this test's environment and never sets one up (-o
    leaves the stamp alone; MAKEFLAGS cannot carry -o)."""
    return re.sub(r"(^|\s)make(?=\s)", rf"\1make -o .venv/.installed-stamp BIN={BIN}", command, count=1)


def test_every_example_is_run_checked_or_not_run_for_a_stated_reason():
    assert EXAMPLES, "no examples found"
    unknown = [str(e) for e in EXAMPLES if e.program is None]
    assert unknown == [], "not a command this test can run: tag the block `text`, or teach tests/doc_examples.py"
    shown = {e.command for e in EXAMPLES}
    assert sorted(set(NOT_RUN) - shown) == [], "NOT_RUN lists commands no page shows any more"
    assert sorted(set(CLAIMS) - {(e.page, e.command) for e in EXAMPLES}) == [], "CLAIMS about commands no page shows"
    counts = defaultdict(int)
    for example in EXAMPLES:
        if _runnable(example):
            counts[example.page, example.command] += 1
    wrong = {k: (len(v), counts[k]) for k, v in CLAIMS.items() if isinstance(v, list) and len(v) != counts[k]}
    assert wrong == {}, "a claim per occurrence: (claims, occurrences)"


@pytest.mark.parametrize("example", [e for e in EXAMPLES if e.synopsis], ids=str)
def test_synopses_show_only_what_the_command_line_has(example):
    if example.program == "duizhao":
        assert synopsis_problems(example.command, build_parser()) == []
    else:
        pytest.fail(f"{example}: a synopsis of {example.program} this test cannot check")


@pytest.mark.parametrize("example", [e for e in EXAMPLES if e.command in NOT_RUN], ids=str)
def test_examples_not_run_exist(example):
    words = shlex.split(example.command)
    words = words[next(i for i, w in enumerate(words) if "=" not in w):]
    if words[0] == "make":
        done = subprocess.run(["make", "-n", *words[1:]], cwd=REPO, capture_output=True, text=True,
                              env={**os.environ, "MAKEFLAGS": ""})
        assert done.returncode == 0, done.stderr
    elif words[0] == "duizhao" and len(words) == 2:
        assert words[1] in subcommands(build_parser())
    elif words[0] == "duizhao":
        build_parser().parse_args(words[1:])
    elif words[0] == ".ci/run":
        assert os.access(REPO / ".ci" / "run", os.X_OK)
    else:
        assert (BIN / words[0]).exists()


@pytest.mark.parametrize("section", sorted(_sections()), ids=lambda s: f"{s[0]}::{s[1]}")
def test_section_examples_do_what_the_text_says(section, tmp_path):
    root = _scratch(tmp_path / "repo")
    env = _env(root)
    for example, claim in _sections()[section]:
        before = _files(root)
        done = subprocess.run(["bash", "-c", _shell(example.command)], cwd=root, env=env, capture_output=True,
                              text=True, timeout=600)
        run = Run(example, done.returncode, done.stdout + done.stderr, before)
        context = f"{example} exited {run.code}:\n{run.out[-3000:]}"
        assert run.code == claim.code, context
        assert "Traceback" not in run.out and "internal error" not in run.out, context
        assert [s for s in claim.says if not re.search(s, run.out, re.M)] == [], context
        if "--force" not in example.command:
            reviewed_work_kept(root, run)
        if claim.then is not None:
            claim.then(root, run)


def test_the_extraction_finds_what_a_new_page_would_show(tmp_path):
    (tmp_path / "site" / "guide").mkdir(parents=True)
    (tmp_path / "README.md").write_text("# R\n\nThe `duizhao` CLI; run `duizhao check --strict`.\n", encoding="utf-8")
    (tmp_path / "site" / "guide" / "new.md").write_text(
        "# New\n\n```text\ntools/  a layout line\n```\n\n```\npip install something\n"
        "duizhao stats   # a comment\nduizhao review DOC [--force]\n```\n", encoding="utf-8")
    found = [(e.page, e.line, e.command, e.program, e.synopsis) for e in examples(tmp_path)]
    assert found == [
        ("README.md", 3, "duizhao check --strict", "duizhao", False),
        ("site/guide/new.md", 8, "pip install something", None, False),  # fails the first test above
        ("site/guide/new.md", 9, "duizhao stats", "duizhao", False),
        ("site/guide/new.md", 10, "duizhao review DOC [--force]", "duizhao", True),
    ]


def test_a_command_that_changes_reviewed_work_is_caught(tmp_path):
    root = tmp_path / "p"
    build_project(root, FIXTURES / "suggest")
    path = root / "annotations" / "fx-interview-2021.yaml"
    run = Run(EXAMPLES[0], 0, "", _files(root))
    path.write_text(path.read_text(encoding="utf-8").replace("status: accepted", "status: rejected", 1), encoding="utf-8")
    with pytest.raises(AssertionError, match="changed reviewed work in annotations/fx-interview-2021.yaml"):
        reviewed_work_kept(root, run)
