"""Hostile and careless input: every known case injected at once into a copy of the project.

Copies ``corpus/`` and ``annotations/`` (of this repository, or of ``--source``) to
``build/bench/hostile/clean`` and ``build/bench/hostile/<scenario>``, injects the cases
below into the second, runs ``duizhao check --no-cache --format json`` on both under
``/usr/bin/time -v`` (with a timeout: the code before issue 11 ran past 60 s and 2.8 GB on
the alias bomb alone) and prints, per scenario, each finding with its file:line:col and
code, which injected case explains it, the wall time and peak memory, and the difference
with the clean copy's report. Scenario *every case* has all cases at once; in it
``indicators.yaml`` is refused for its anchors, which hides its duplicate id, so scenario
*every case but the alias keys* leaves that one case out.

    .venv/bin/python benchmarks/hostile_input.py [--source DIR] [--code TOOLS_DIR] [--timeout S] [--keep]

``--code`` runs another copy of the package (e.g. ``git archive`` of an older commit,
its ``tools/`` directory) for a before/after comparison. The generated copies are
deleted at the end unless ``--keep``; the JSON of the results goes to
``build/bench/hostile_input.json``.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
OUT = REPO / "build" / "bench"

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

SCENARIOS = {
    "every case": [c.name for c in CASES],
    "every case but the alias keys": [c.name for c in CASES if c.name != "alias keys in indicators.yaml"],
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
    seconds and peak RSS (``/usr/bin/time -v``: the largest process), or a timeout."""
    main = f"import sys; sys.path.insert(0, {str(code)!r}); from duizhao.cli import main; sys.exit(main())"
    command = ["/usr/bin/time", "-v", sys.executable, "-c", main, "--root", str(root), "check", "--no-cache", "--format", "json"]
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=timeout, cwd=root)
    except subprocess.TimeoutExpired:
        return {"timeout": timeout}
    stats = dict(re.findall(r"^\t([^:\n]+): (.+)$", done.stderr, re.M))
    wall = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (\S+)", done.stderr).group(1)
    minutes, seconds = wall.rsplit(":", 1)
    try:
        findings = json.loads(done.stdout) if done.stdout.strip() else []
    except json.JSONDecodeError:
        findings = []
    return {
        "exit": done.returncode if "Exit status" not in stats else int(stats["Exit status"]),
        "seconds": 60 * float(minutes.split(":")[-1]) + float(seconds),
        "peak_mb": int(stats.get("Maximum resident set size (kbytes)", 0)) / 1024,
        "findings": findings,
        "stderr": "\n".join(line for line in done.stderr.splitlines() if line.startswith("duizhao")),
    }


def _explained(finding: dict, cases: list[Case]) -> str | None:
    for case in cases:
        if finding["path"] == case.path and finding["code"] in case.codes:
            return case.name
    return None


def report(name: str, result: dict, clean: dict, cases: list[Case]) -> None:
    print(f"\n### {name}\n")
    if "timeout" in result:
        print(f"**no result: still running after {result['timeout']:.0f} s (killed)**")
        return
    print(f"exit {result['exit']}, {result['seconds']:.2f} s wall, peak RSS {result['peak_mb']:.0f} MB "
          f"(clean copy: exit {clean.get('exit')}, {clean.get('seconds', 0):.2f} s, {clean.get('peak_mb', 0):.0f} MB)")
    if result["stderr"]:
        print(f"\nstderr: `{result['stderr']}`")
    print("\n| file:line:col | code | severity | message | injected case |\n|---|---|---|---|---|")
    unexplained = []
    for f in result["findings"]:
        case = _explained(f, cases)
        if case is None:
            unexplained.append(f)
        message = f["message"] if len(f["message"]) < 160 else f["message"][:157] + "…"
        print(f"| {f['path']}:{f['line']}:{f['col']} | {f['code']} | {f['severity']} | {message.replace('|', '/')} | {case or '**none**'} |")
    key = lambda f: (f["path"], f["code"], f["message"])  # noqa: E731 (lines move where a case added lines)
    new = [f for f in result["findings"] if key(f) not in {key(c) for c in clean.get("findings", [])}]
    gone = [f for f in clean.get("findings", []) if key(f) not in {key(h) for h in result["findings"]}]
    silent = [c.name for c in cases if not any(_explained(f, [c]) for f in result["findings"])]
    print(f"\n{len(result['findings'])} findings; clean copy: {len(clean.get('findings', []))}; "
          f"new: {len(new)}; gone from the clean report: {len(gone)}; "
          f"not explained by an injected case: {len(unexplained)}; cases without a finding: {silent or 'none'}")


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
