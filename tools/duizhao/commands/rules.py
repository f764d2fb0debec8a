"""``duizhao rules``: the rule catalogue."""

from __future__ import annotations


def register(sub) -> None:
    p = sub.add_parser("rules", help="list the check rules")
    p.set_defaults(func=run, no_project=True)


def summary(rule) -> str:
    """The rule's one-line summary: its docstring's first line after the slug."""
    return (rule.__doc__ or "").strip().splitlines()[0].split(" — ", 1)[-1]


def run(args, project) -> int:
    from ..check.rules import RULES
    for code, rule in sorted(RULES.items()):
        fix = f"fix: {rule.FIX}" if hasattr(rule, "FIX") else ""
        print(f"{code}  {rule.SLUG:<28} {rule.SEVERITY.value:<8} {fix:<12} {summary(rule)}")
    return 0
