"""``duizhao stats``: corpus size and coverage."""

from __future__ import annotations


def register(sub) -> None:
    p = sub.add_parser("stats", help="corpus size and coverage (translation, annotations)")
    p.add_argument("--format", default="text", choices=["text", "json"])
    p.set_defaults(func=run)


def run(args, project) -> int:
    from ..stats import collect, render
    print(render(collect(project), args.format))
    return 0
