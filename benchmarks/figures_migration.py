"""What the figures contract v2 migration changed, per class, and what the F rules had caught.

    .venv/bin/python benchmarks/figures_migration.py [--before bc3b265] [--after HEAD] [--rules-on 7564b0b]

Reads the annotation files of two commits (git show; nothing is checked out) and counts, for the
figures accepted before, what the migration did to each attribute (modality from→to, measure
from→to, sign flips, qualifier, indicator, scope, period, the new rank_of/rank_among/per/benchmark/
value_max) and how many were rejected or added. With ``--rules-on``, runs the F rules of the
current code on that commit's annotations (the corpus before the migration, in v2 syntax) and
reports, per rule, how many of the figures it flagged were then changed in what the rule is about.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tarfile
import tempfile
from collections import Counter
from io import BytesIO
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
DOCS = ("jian-news-2019-12", "jian-newsletter-2020-11", "jian-interview-2021-05", "yichun-review-2022",
        "jiangxi-presser-2024-08")
ATTRS = ("value", "value_max", "unit", "scale", "qualifier", "indicator", "measure", "modality", "rank_of",
         "rank_among", "per", "benchmark", "scope", "period")
# which attributes a rule's finding is about: a flagged figure counts as caught when one of them changed
RULE_ATTRS = {"F006": ("modality", "qualifier", "status"), "F007": ("value",), "F008": ("measure",),
              "F009": ("rank_of", "rank_among", "per", "benchmark", "value_max", "measure", "unit", "qualifier"),
              "F010": ("indicator", "status")}


def figures_at(rev: str) -> dict[str, dict]:
    out = {}
    for doc in DOCS:
        text = subprocess.run(["git", "show", f"{rev}:annotations/{doc}.yaml"], cwd=ROOT, capture_output=True,
                              text=True, check=True).stdout
        for ann in yaml.safe_load(text)["annotations"]:
            if ann.get("type") == "figure":
                out[ann["id"]] = ann
    return out


def _modality(ann: dict) -> str:
    return "target" if ann.get("measure") == "target" else ann.get("modality") or "actual"


def _measure(ann: dict) -> str | None:
    return None if ann.get("measure") == "target" else ann.get("measure")


def changes(before: dict[str, dict], after: dict[str, dict]) -> Counter:
    tally: Counter = Counter()
    for fid, old in before.items():
        if old.get("status") != "accepted":
            continue
        new = after.get(fid)
        if new is None:
            tally["deleted"] += 1
            continue
        if new.get("status") != "accepted":
            tally["rejected as not a figure (or not codable)"] += 1
            continue
        changed = False
        if _modality(old) != _modality(new):
            tally[f"modality {_modality(old)} → {_modality(new)}"] += 1
            changed = True
        if _measure(old) != new.get("measure"):
            tally[f"measure {_measure(old) or '(target)'} → {new.get('measure')}"] += 1
            changed = True
        if old.get("value") is not None and new.get("value") is not None and (old["value"] < 0) != (new["value"] < 0):
            tally["sign flipped"] += 1
            changed = True
        for key in ("value", "unit", "scale", "qualifier", "indicator", "scope", "period"):
            if key == "value" and (old.get("value") or 0) * (new.get("value") or 0) < 0:
                continue
            if old.get(key) != new.get(key) and str(old.get(key)) != str(new.get(key)):
                tally[f"{key} changed"] += 1
                changed = True
        for key in ("value_max", "rank_of", "rank_among", "per", "benchmark"):
            if old.get(key) is None and new.get(key) is not None:
                tally[f"{key} added"] += 1
                changed = True
        tally["figures changed in some attribute" if changed else "figures unchanged"] += 1
    tally["figures added (accepted, new ids)"] = sum(
        1 for fid, a in after.items() if fid not in before and a.get("status") == "accepted")
    tally["accepted before"] = sum(1 for a in before.values() if a.get("status") == "accepted")
    tally["accepted after"] = sum(1 for a in after.values() if a.get("status") == "accepted")
    return tally


def rule_findings(rev: str) -> list[dict]:
    """The F rules of the current code on ``rev``'s corpus and annotations."""
    archive = subprocess.run(["git", "archive", rev, "corpus", "annotations"], cwd=ROOT, capture_output=True,
                             check=True).stdout
    with tempfile.TemporaryDirectory() as tmp:
        tarfile.open(fileobj=BytesIO(archive)).extractall(tmp, filter="data")
        # the current schemas: the rules read v2 attributes
        for schema in (ROOT / "annotations" / "schema").glob("*.json"):
            (Path(tmp) / "annotations" / "schema" / schema.name).write_bytes(schema.read_bytes())
        done = subprocess.run([sys.executable, "-m", "duizhao.cli", "check", "--no-cache", "--format", "json",
                               "--select", ",".join(RULE_ATTRS)], cwd=tmp, capture_output=True, text=True)
    return json.loads(done.stdout or "[]")


def caught(findings: list[dict], before: dict[str, dict], after: dict[str, dict]) -> dict[str, tuple[int, int]]:
    """Per rule: (figures flagged, of which changed in what the rule is about)."""
    out = {}
    for code, attrs in RULE_ATTRS.items():
        ids = {f["message"].split(":")[0] for f in findings if f["code"] == code}
        hit = sum(1 for fid in ids if fid in after and any(
            str(before.get(fid, {}).get(a)) != str(after[fid].get(a)) for a in attrs))
        out[code] = (len(ids), hit)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--before", default="bc3b265")
    ap.add_argument("--after", default="HEAD")
    ap.add_argument("--rules-on", default="7564b0b", help="commit whose annotations the rules are run on")
    args = ap.parse_args()
    before, after = figures_at(args.before), figures_at(args.after)
    for what, n in sorted(changes(before, after).items(), key=lambda kv: (-kv[1], kv[0])):
        print(f"{n:5d}  {what}")
    if args.rules_on:
        print(f"\nF rules on {args.rules_on} (flagged figures / changed since in what the rule is about):")
        findings = rule_findings(args.rules_on)
        for code, (flagged, hit) in caught(findings, figures_at(args.rules_on), after).items():
            print(f"  {code}: {flagged} flagged, {hit} changed")
        flagged = {f["message"].split(":")[0] for f in findings}
        old = figures_at(args.rules_on)
        moved = {fid for fid, a in old.items() if a.get("status") == "accepted" and fid in after
                 and any(str(a.get(k)) != str(after[fid].get(k)) for k in (*ATTRS, "status"))}
        print(f"  figures changed since {args.rules_on}: {len(moved)}, flagged by some F rule: {len(moved & flagged)}")


if __name__ == "__main__":
    main()
