"""``duizhao release X.Y.Z``: check the corpus (--strict), record the version, compute the
changelog, write CITATION.cff and build the release archive in build/release/."""

from __future__ import annotations

import datetime as dt
from pathlib import Path


def register(sub) -> None:
    p = sub.add_parser("release", help="a versioned release: changelog, CITATION.cff, archive (build/release/)")
    p.add_argument("version", help="the new corpus version, X.Y.Z (semantic versioning)")
    p.add_argument("--date", help="release date (default: today), ISO 8601")
    p.add_argument("--no-site", action="store_true", help="leave the built site out of the archive")
    p.add_argument("-o", "--output", help="folder of the archive (default: build/release)")
    p.set_defaults(func=run)


def run(args, project) -> int:
    from .. import release
    from ..check import run as check
    from ..check.finding import Severity
    from ..release_archive import CITATION, archive, citation, prepend_changelog, write_record

    if not release.VERSION.fullmatch(args.version):
        print(f"duizhao release: {args.version!r} is not a version X.Y.Z")
        return 2
    last = release.recorded(project.root)
    if last is not None and _key(args.version) <= _key(last.version):
        print(f"duizhao release: {args.version} is not after the last release, {last.version}")
        return 2
    findings = [f for f in check(project) if f.severity in (Severity.ERROR, Severity.WARNING)]
    if findings:
        for f in findings[:20]:
            print(f"{f.path}:{f.line}:{f.col}: {f.code} [{f.severity.value}] {f.message}")
        print(f"duizhao release: {len(findings)} finding(s) (duizhao check --strict): nothing released")
        return 1
    date = args.date or dt.date.today().isoformat()
    manifest = release.manifest(project)
    prepend_changelog(project.root, release.changelog_entry(args.version, date, last.manifest if last else {},
                                                            manifest))
    write_record(project.root, args.version, date, manifest)
    (project.root / CITATION).write_text(citation(args.version, date), encoding="utf-8")
    out = Path(args.output) if args.output else project.root / "build" / "release"
    fresh = type(project)(project.root)  # reads the release record just written
    tarball, listing = archive(fresh, args.version, out, with_site=not args.no_site)
    print(f"released {args.version} ({date}): {tarball} ({len(listing)} files, SHA256SUMS inside);"
          f" commit corpus/release.json, CHANGELOG.md and {CITATION}")
    return 0


def _key(version: str) -> tuple[int, ...]:
    return tuple(int(part) for part in version.split("+")[0].split("."))
