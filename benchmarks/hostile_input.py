"""Hostile and careless input: every known case injected at once into a copy of the project.

Copies ``corpus/`` and ``annotations/`` (of this repository, or of ``--source``) to
``build/bench/hostile/clean`` and ``build/bench/hostile/<scenario>``, injects the cases
below into the second, runs ``duizhao check --no-cache --format json`` on both under
``/usr/bin/time -v`` (with a timeout: the code before issue 11 ran past 60 s and 2.8 GB on
the alias bomb alone) and prints, per scenario, each finding with its file:line:col and
code, which injected case explains it, the wall time and peak memory, and the difference
with the clean copy's report. Scenario *every case* has all cases at once; in it
``indicators.yaml`` is refused for its anchors, which hides its duplicate id, so scenario
*every case but the alias keys* leaves that one case out; the third leaves out the three
cases that hung the code before issue 11, to compare its report on the others.

    .venv/bin/python benchmarks/hostile_input.py [--source DIR] [--code TOOLS_DIR] [--timeout S] [--keep]

``--code`` runs another copy of the package (e.g. ``git archive`` of an older commit,
its ``tools/`` directory) for a before/after comparison. The generated copies are
deleted at the end unless ``--keep``; the JSON of the results goes to
``build/bench/hostile_input.json``.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from check_scale import _tree_rss_kb  # benchmarks/, the script's directory, is on sys.path

REPO = Path(__file__).resolve().parent.parent
OUT = REPO / "build" / "bench"

READ_CODES = {"X001", "X003", "X006", "X009", "Y001", "Y002", "Y006", "Y007"}  # a file that cannot be read
NEWS, INTERVIEW, NEWSLETTER, PRESSER, YICHUN = (
    "jian-news-2019-12", "jian-interview-2021-05", "jian-newsletter-2020-11", "jiangxi-presser-2024-08", "yichun-review-2022")


def _bomb(name: str, levels: int = 10) -> str:
    """A flow mapping of ``levels`` anchored lists, each holding ten aliases of the one before:
    10**levels items once expanded."""
    parts = [f"{name}0: &{name}0 [x, x, x, x, x, x, x, x, x, x]"]
    parts += [f"{name}{i}: &{name}{i} [" + ", ".join([f"*{name}{i - 1}"] * 10) + "]" for i in range(1, levels)]
    return "{" + ", ".join(parts) + "}"


def _replace(old: str, new: str) -> Callable[[str], str]:
    def edit(text: str) -> str:
        if old not in text:
            raise SystemExit(f"injection point not found: {old[:60]!r}")
        return text.replace(old, new, 1)
    return edit


def _append(extra: str) -> Callable[[str], str]:
    return lambda text: text.rstrip("\n") + "\n" + extra


def _first_note(text: str, new: Callable[[str], str]) -> str:
    """The first ``note:`` of an annotation file replaced by ``new(old value)``."""
    m = re.search(r"(?m)^(    note: )(.*)$", text)
    return text[:m.start(2)] + new(m.group(2)) + text[m.end(2):]


@dataclass(frozen=True)
class Case:
    name: str
    path: str  # relative to the project
    codes: tuple[str, ...]  # the codes it should produce at ``path`` (info notes of the same file included)
    inject: Callable[[str], str]


CASES = [
    Case("alias bomb in a note", f"annotations/{NEWS}.yaml", ("Y006",),
         lambda t: _first_note(t, lambda _: _bomb("l"))),
    Case("alias keys in indicators.yaml", "annotations/indicators.yaml", ("Y006",),
         _replace("\nindicators:\n", "\nkeys: " + _bomb("k", 8) + "\n? *k7\n: the aliases as a key\nindicators:\n")),
    Case("duplicate id in entities.yaml", "annotations/entities.yaml", ("Y005",),
         _append("  - id: byd\n    type: company\n    zh: 比亚迪集团\n    en: BYD Group\n")),
    Case("duplicate id in glossary.yaml", "annotations/glossary.yaml", ("Y005",),
         _append("  - id: chain-chief\n    zh: 链长甲\n    en: chain chief (again)\n    category: policy-mechanism\n"
                 "    definition:\n      zh: 重复的条目。\n      en: A repeated entry.\n")),
    Case("duplicate id in indicators.yaml", "annotations/indicators.yaml", ("Y005",),
         _append("  - id: arrears-identified\n    zh: 清欠\n    en: arrears identified (again)\n    unit: cny\n"
                 "    definition:\n      zh: 重复的条目。\n      en: A repeated entry.\n")),
    Case("note nested 5,000 lists deep", f"annotations/{NEWSLETTER}.yaml", ("Y007",),
         lambda t: _first_note(t, lambda _: "[" * 5000 + "]" * 5000)),
    Case("DOCTYPE on line 4", f"corpus/{NEWS}.xml", ("X006",),
         _replace('<?xml version="1.0" encoding="UTF-8"?>\n',
                  '<?xml version="1.0" encoding="UTF-8"?>\n<!-- one -->\n<!-- two -->\n<!DOCTYPE TEI>\n')),
    Case("unknown key in an annotation", f"annotations/{YICHUN}.yaml", ("Y003",),
         _replace("    qualifier: exact\n    indicator: policy-measures\n",
                  "    qualifier: exact\n    colour: red\n    indicator: policy-measures\n")),
    Case("wrong scale", f"annotations/{YICHUN}.yaml", ("F001",),
         _replace("    value: 1000\n    unit: cny\n    scale: 100000000\n", "    value: 1000\n    unit: cny\n    scale: 10000\n")),
    Case("unclosed quote in a note", f"annotations/{INTERVIEW}.yaml", ("Y001",),
         _replace('numbered in the same sentence."', "numbered in the same sentence.")),
    Case("missing header field (date)", f"corpus/{NEWSLETTER}.xml", ("X005", "X002"),  # the schema wants it too
         _replace('          <date when="2020-11-09">2020-11-09</date>\n          <idno type="source-file">',
                  '          <idno type="source-file">')),
    Case("TEI not well-formed", f"corpus/{INTERVIEW}.xml", ("X001",),
         _replace("<speaker>问</speaker>", "<speaker>问</speeker>")),
    Case("TEI nested 300 elements deep", f"corpus/{PRESSER}.xml", ("X009",),
         lambda t: re.sub(r'(<p xml:id="s\d+"[^>]*>)', lambda m: m.group(1) + '<hi rend="bold">' * 300 + "x" + "</hi>" * 300, t, count=1)),
    Case("YAML syntax error", f"annotations/{PRESSER}.yaml", ("Y001",),
         _replace("    quote: 昌\n", "    quote: 昌\n   status: accepted\n")),
    Case("byte-order mark", "annotations/glossary.yaml", ("Y008",), lambda t: "\ufeff" + t),
    Case("TEI file over the size limit", "corpus/huge.xml", ("X009",), lambda _: "<TEI>" + "<p>长</p>" * 1_800_000 + "</TEI>"),
    Case("YAML file over the size limit", "annotations/huge.yaml", ("Y007",), lambda _: "# yaml-language-server: $schema=schema/annotations.schema.json\nnotes:\n" + "  - 长长长长长长长长长长\n" * 700_000),
]

HANGS_BEFORE = ("alias bomb in a note", "alias keys in indicators.yaml", "note nested 5,000 lists deep")
SCENARIOS = {
    "every case": [c.name for c in CASES],
    "every case but the alias keys": [c.name for c in CASES if c.name != "alias keys in indicators.yaml"],
    # for the code before issue 11, which never finished the two above: what it made of the rest
    "every case but the three that hung the code before": [c.name for c in CASES if c.name not in HANGS_BEFORE],
}


def copy_project(source: Path, dest: Path) -> None:
    if dest.exists():
        shutil.rmtree(dest)
    dest.mkdir(parents=True)
    for part in ("corpus", "annotations"):
        shutil.copytree(source / part, dest / part)


def inject(root: Path, names: list[str]) -> None:
    for case in CASES:
        if case.name in names:
            path = root / case.path
            text = path.read_text(encoding="utf-8") if path.exists() else ""
            path.write_text(case.inject(text), encoding="utf-8")


def run_check(root: Path, code: Path, timeout: float) -> dict:
    """``duizhao check`` on ``root`` with the package in ``code``: findings, exit code, wall
    seconds and peak RSS (``/usr/bin/time -v``: the largest process; and the process tree,
    sampled every 0.1 s, which is all there is when the run is killed at ``timeout``)."""
    main = f"import sys; sys.path.insert(0, {str(code)!r}); from duizhao.cli import main; sys.exit(main())"
    command = ["/usr/bin/time", "-v", sys.executable, "-c", main, "--root", str(root), "check", "--no-cache", "--format", "json"]
    start = time.perf_counter()
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=root,
                            start_new_session=True)
    tree_peak, done = 0, threading.Event()

    def sample() -> None:
        nonlocal tree_peak
        while not done.wait(0.1):
            tree_peak = max(tree_peak, _tree_rss_kb(proc.pid))
    sampler = threading.Thread(target=sample)
    sampler.start()
    try:
        stdout, stderr = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)  # the check and its workers
        proc.communicate()
        return {"timeout": timeout, "tree_peak_mb": tree_peak / 1024}
    finally:
        done.set()
        sampler.join()
    stats = dict(re.findall(r"^\t([^:\n]+): (.+)$", stderr, re.M))
    try:
        findings = json.loads(stdout) if stdout.strip() else []
    except json.JSONDecodeError:
        findings = []
    return {
        "exit": int(stats.get("Exit status", proc.returncode)),
        "seconds": time.perf_counter() - start,
        "peak_mb": int(stats.get("Maximum resident set size (kbytes)", 0)) / 1024,
        "tree_peak_mb": tree_peak / 1024,
        "findings": findings,
        "stderr": "\n".join(line for line in stderr.splitlines() if line.startswith("duizhao")),
    }


def _explained(finding: dict, cases: list[Case]) -> str | None:
    for case in cases:
        if finding["path"] == case.path and finding["code"] in case.codes:
            return case.name
    return None


def report(name: str, result: dict, clean: dict, cases: list[Case]) -> None:
    print(f"\n### {name}\n")
    if "timeout" in result:
        print(f"**no result: still running after {result['timeout']:.0f} s (killed), "
              f"process tree at {result['tree_peak_mb']:.0f} MB**")
        return
    print(f"exit {result['exit']}, {result['seconds']:.2f} s wall, peak RSS {result['peak_mb']:.0f} MB "
          f"(process tree {result['tree_peak_mb']:.0f} MB; clean copy: exit {clean.get('exit')}, "
          f"{clean.get('seconds', 0):.2f} s, {clean.get('peak_mb', 0):.0f} MB)")
    if result["stderr"]:
        print(f"\nstderr: `{result['stderr']}`")
    key = lambda f: (f["path"], f["code"], f["message"])  # noqa: E731 (lines move where a case added lines)
    before = {key(f) for f in clean.get("findings", [])}
    print("\n| file:line:col | code | severity | message | injected case |\n|---|---|---|---|---|")
    unexplained = []
    for f in result["findings"]:
        if key(f) in before:
            continue  # in the clean copy's report too
        case = _explained(f, cases)
        if case is None:
            unexplained.append(f)
        message = f["message"] if len(f["message"]) < 160 else f["message"][:157] + "…"
        print(f"| {f['path']}:{f['line']}:{f['col']} | {f['code']} | {f['severity']} | {message.replace('|', '/')} | {case or '**none**'} |")
    after = {key(f) for f in result["findings"]}
    gone = [f for f in clean.get("findings", []) if key(f) not in after]
    unread = {f["path"] for f in result["findings"] if f["code"] in READ_CODES and f["severity"] == "error"}
    notes = [f["message"] for f in result["findings"] if f["severity"] == "info"]
    in_unread = [f for f in gone if f["path"] in unread]
    noted = [f for f in gone if f not in in_unread and any(f["code"] in n and (f["path"] in n or "the corpus" in n) for n in notes)]
    lost = [f for f in gone if f not in in_unread and f not in noted]
    silent = [c.name for c in cases if not any(_explained(f, [c]) for f in result["findings"])]
    kept = len([f for f in result["findings"] if key(f) in before])
    print(f"\n{len(result['findings'])} findings ({kept} as in the clean copy's report of {len(clean.get('findings', []))}); "
          f"new: {len(result['findings']) - kept}, of which not explained by an injected case: {len(unexplained)}; "
          f"gone: {len(gone)} ({len(in_unread)} in files the cases made unreadable, {len(noted)} of rules a note "
          f"says were not checked, {len(lost)} otherwise); cases without a finding: {silent or 'none'}")
    for f in lost:
        print(f"- gone without a reason: {f['path']}:{f['line']}:{f['col']} {f['code']} {f['message'][:120]}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=Path, default=REPO, help="project to copy (default: this repository)")
    parser.add_argument("--code", type=Path, default=REPO / "tools", help="directory holding the duizhao package")
    parser.add_argument("--timeout", type=float, default=120)
    parser.add_argument("--scenario", action="append", choices=sorted(SCENARIOS), help="default: all")
    parser.add_argument("--keep", action="store_true", help="keep the generated copies under build/bench/hostile/")
    args = parser.parse_args()
    base = OUT / "hostile"
    copy_project(args.source.resolve(), base / "clean")
    clean = run_check(base / "clean", args.code.resolve(), args.timeout)
    results = {"clean": clean}
    for name in args.scenario or SCENARIOS:
        root = base / name.replace(" ", "-")
        copy_project(args.source.resolve(), root)
        inject(root, SCENARIOS[name])
        results[name] = run_check(root, args.code.resolve(), args.timeout)
        report(name, results[name], clean, [c for c in CASES if c.name in SCENARIOS[name]])
    (OUT / "hostile_input.json").write_text(json.dumps(results, ensure_ascii=False, indent=1), encoding="utf-8")
    if not args.keep:
        shutil.rmtree(base)


if __name__ == "__main__":
    main()
