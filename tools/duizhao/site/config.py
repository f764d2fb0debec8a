"""A MkDocs configuration for another project directory (a test fixture, a synthetic
corpus) that builds it with this repository's site: it inherits ``mkdocs.yml`` and points
``docs_dir``, the theme overrides and the hooks back here, by absolute path.
"""

from __future__ import annotations

import json
from pathlib import Path

REPO = Path(__file__).resolve().parents[3]


def write_config(project: Path, site_dir: Path, *, with_proposals: bool = False) -> Path:
    """Write ``project/mkdocs.yml`` (building ``project``'s corpus into ``site_dir``)."""
    project, site_dir = Path(project).resolve(), Path(site_dir).resolve()
    settings = {
        "INHERIT": str(REPO / "mkdocs.yml"),
        "docs_dir": str(REPO / "site"),
        "site_dir": str(site_dir),
        "theme": {"name": "material", "custom_dir": str(REPO / "site" / "overrides")},
        "hooks": [str(REPO / "tools" / "duizhao" / "site" / "hooks.py")],
        "watch": [str(project / "corpus"), str(project / "annotations")],
        "extra": {"duizhao": {"with_proposals": with_proposals, "cache_dir": str(project / "build" / "cache" / "site")}},
    }
    path = project / "mkdocs.yml"
    path.write_text("".join(f"{key}: {json.dumps(value, ensure_ascii=False)}\n" for key, value in settings.items()),
                    encoding="utf-8")
    return path
