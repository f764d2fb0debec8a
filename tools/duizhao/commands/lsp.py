"""``duizhao lsp``: the language server, over stdio (editors start it; see the README)."""

from __future__ import annotations


def register(sub) -> None:
    p = sub.add_parser("lsp", help="language server (stdio) for annotation YAML, registries and TEI: "
                                   "diagnostics, hover, completion, definitions, fixes")
    p.set_defaults(func=run, no_project=True)  # each file is served by the project it is in


def run(args, project) -> int:
    from ..lsp.server import main
    main()
    return 0
