"""`mkdocs serve --dirty` (``make serve``): a save shows on its page without waiting for the
exports, checks and search index, which catch up behind it; nothing outlives the server; a
long-running build reads again only the files that changed."""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from duizhao import annotations as annotations_mod
from duizhao.project import Project
from duizhao.site.background import FOLLOWER_NICENESS, Background, Follower
from duizhao.site.config import write_config
from duizhao.site.publish import linked, search_bundle

from conftest import FIXTURES, build_project

NOTE = "    status: accepted\n"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _port_is_free(port: int) -> bool:
    with socket.socket() as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as the server binds it
        try:
            s.bind(("127.0.0.1", port))
        except OSError:
            return False
        return True


def _get(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


def _wait_for(url: str, text: str, timeout: float) -> float:
    started = time.monotonic()
    while text not in _get(url):
        assert time.monotonic() - started < timeout, f"{text!r} not on {url} after {timeout}s"
        time.sleep(0.2)
    return time.monotonic() - started


def _serve(root: Path, port: int) -> subprocess.Popen:
    config = write_config(root, root / "build" / "site")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--dirty", "-f", str(config),
                             "--dev-addr", f"127.0.0.1:{port}"], cwd=root, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)


def test_a_save_shows_at_once_and_the_checks_follow(tmp_path):
    root = build_project(tmp_path / "p", FIXTURES / "site")
    port = _free_port()
    server = _serve(root, port)
    base = f"http://127.0.0.1:{port}/en/"
    try:
        _wait_for(base + "documents/mini-news-2020/", "mini-news-2020", 300)
        ann = root / "annotations" / "mini-news-2020.yaml"
        # a note: only the document's own two pages (en, zh) are rendered again
        ann.write_text(ann.read_text(encoding="utf-8").replace(NOTE, NOTE + "    note: served-note-1\n", 1),
                       encoding="utf-8")
        _wait_for(base + "documents/mini-news-2020/", "served-note-1", 60)
        # its download is the file as saved; the other document's, copied by the first build, stays
        downloads = f"http://127.0.0.1:{port}/downloads/"
        _wait_for(downloads + "annotations/mini-news-2020.yaml", "served-note-1", 10)
        assert 'xml:id="mini-interview-2021"' in _get(downloads + "tei/mini-interview-2021.xml")
        assert "mini-interview-2021" in _get(downloads + "documents.csv")  # a dataset, linked
        # an unknown entity: the page at once, the data-quality page when the checks have run
        ann.write_text(ann.read_text(encoding="utf-8").replace("entity: luxshare", "entity: no-such-entity"),
                       encoding="utf-8")
        _wait_for(base + "quality/", "no-such-entity", 120)
        # a retitled document: every page's navigation says so (the rules page shows no title itself)
        tei = root / "corpus" / "mini-news-2020.xml"
        tei.write_text(tei.read_text(encoding="utf-8").replace("Ji'an Industry Brief", "Ji'an Industry Letter", 1),
                       encoding="utf-8")
        _wait_for(base + "rules/", "Industry Letter", 60)
    finally:
        server.send_signal(signal.SIGINT)
        log = server.communicate(timeout=60)[0]
    rendered = [int(n) for n in re.findall(r"generated pages \((\d+) rendered", log)]
    assert len(rendered) >= 3 and rendered[1] == 2, log  # the first save: the document in two languages
    assert "Traceback" not in log, log
    deadline = time.monotonic() + 10
    while not _port_is_free(port):  # no worker of the server holds its socket
        assert time.monotonic() < deadline, f"port {port} still taken after the server stopped"
        time.sleep(0.2)


FOLLOWED = """
import sys, time
from pathlib import Path
from duizhao.site.background import Follower, Job

def slow(out):
    time.sleep(60)

follower = Follower(Path(sys.argv[1]) / "ready")
follower.start(Path(sys.argv[1]), "k", [Job("slow", "done", slow, lambda p: None)])
print(follower.process.pid, flush=True)
time.sleep(60)
"""


def _alive(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().split(") ")[1][0] not in "ZX"
    except (OSError, IndexError):
        return False


def test_a_killed_server_leaves_no_follower_behind(tmp_path):
    """The follower holds the server's socket (it is forked): it must end with the server,
    even one killed outright, or the next `make serve` finds the port taken. It yields the
    processors to the server's builds."""
    script = tmp_path / "serve.py"
    script.write_text(FOLLOWED, encoding="utf-8")
    server = subprocess.Popen([sys.executable, str(script), str(tmp_path)], stdout=subprocess.PIPE, text=True)
    follower = int(server.stdout.readline())
    assert _alive(follower)
    deadline = time.monotonic() + 5  # it yields the processor to the server's builds
    lower = min(os.getpriority(os.PRIO_PROCESS, server.pid) + FOLLOWER_NICENESS, 19)
    while os.getpriority(os.PRIO_PROCESS, follower) != lower:
        assert time.monotonic() < deadline, "the follower does not run at a lower priority"
        time.sleep(0.05)
    server.kill()
    server.communicate(timeout=30)
    deadline = time.monotonic() + 5
    while _alive(follower):
        assert time.monotonic() < deadline, "the follower outlived the killed server"
        time.sleep(0.05)


def test_the_follower_brings_the_results_up_to_date(tmp_path):
    root = build_project(tmp_path / "p", FIXTURES / "base")
    cache = tmp_path / "cache"
    first = Background(Project(root), cache, "k1", parallel=False)
    assert first.current and first.dirs["findings"] == cache / "findings" / "k1"
    findings = first.findings.result()
    follower = Follower(tmp_path / "serve" / "ready")
    second = Background(Project(root), cache, "k2", follower=follower)
    assert not second.current and second.dirs["exports"] == cache / "exports" / "k1"  # the latest shown
    assert second.findings.result() == findings
    assert follower.process is not None
    follower.process.join(120)
    assert follower.stamp.read_text(encoding="utf-8") == "k2"
    third = Background(Project(root), cache, "k2", follower=follower)
    assert third.current and third.dirs["exports"] == cache / "exports" / "k2"
    third.prune()
    assert sorted(p.name for p in (cache / "exports").iterdir()) == ["k2"]


def test_search_bundle_is_linked_while_serving_and_copied_when_built(tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    for bundle in (a, b):
        bundle.mkdir()
        (bundle / "index.json").write_text(bundle.name, encoding="utf-8")
        (bundle / "records.json").write_text("{}", encoding="utf-8")
    target = tmp_path / "site" / "search" / "pagefind"
    search_bundle(a, target, link=True)
    search_bundle(b, target, link=True)
    assert target.is_symlink() and (target / "index.json").read_text(encoding="utf-8") == "b"
    search_bundle(a, target)
    assert not target.is_symlink() and (target / "index.json").read_text(encoding="utf-8") == "a"
    assert not (target / "records.json").exists()


def test_a_served_dataset_is_a_link_swapped_for_whatever_was_there(tmp_path):
    old, new = tmp_path / "k1.csv", tmp_path / "k2.csv"
    old.write_text("k1", encoding="utf-8")
    new.write_text("k2", encoding="utf-8")
    target = tmp_path / "site" / "downloads" / "documents.csv"
    target.parent.mkdir(parents=True)
    target.write_text("copied", encoding="utf-8")  # a build's copy
    linked(old, target)
    assert target.is_symlink() and target.read_text(encoding="utf-8") == "k1"
    linked(new, target)
    assert target.read_text(encoding="utf-8") == "k2" and not target.with_name("documents.csv.new").exists()


def test_a_project_carries_over_only_the_files_unchanged_on_disk(tmp_path):
    root = build_project(tmp_path / "p", FIXTURES / "site")
    old = Project(root)
    old_docs = dict(old.documents)
    old_index = annotations_mod.load(old)
    ann = root / "annotations" / "mini-news-2020.yaml"
    ann.write_text(ann.read_text(encoding="utf-8").replace(NOTE, NOTE + "    note: changed\n", 1), encoding="utf-8")
    new = Project(root)
    new.carry(old)
    index = annotations_mod.carry(new, old)
    assert new.documents["mini-news-2020"] is old_docs["mini-news-2020"]  # the TEI did not change
    files = {f.doc: f for f in index.files}
    before = {f.doc: f for f in old_index.files}
    assert files["mini-interview-2021"] is before["mini-interview-2021"]
    assert files["mini-news-2020"] is not before["mini-news-2020"]
    assert any(a.note == "changed" for a in files["mini-news-2020"].annotations)
    assert annotations_mod.load(new) is index


def _place_ids(data) -> dict:
    return {k: [(p.doc.id, p.segment.id, p.mark.id, p.mark.start, p.mark.end, p.mark.ann.note) for p in v]
            for k, v in data.places.items()}


def _terms(data) -> dict:
    return {tid: [(o.doc, o.segment, o.match) for o in data.term_occurrences(tid)] for tid in data.glossary}


def _offsets(data) -> dict:
    return {k: list(v.items()) for k, v in data.place_offsets.items()}


def test_site_data_carries_over_the_documents_unchanged_and_equals_a_fresh_read(tmp_path):
    from duizhao import names
    from duizhao.site.data import SiteData

    root = build_project(tmp_path / "p", FIXTURES / "site")
    old_project = Project(root)
    old = SiteData(old_project, version="t")
    old.places
    interview = old.marks["mini-interview-2021"]
    before = old.document_digest(old_project.documents["mini-news-2020"])
    ann = root / "annotations" / "mini-news-2020.yaml"
    ann.write_text(ann.read_text(encoding="utf-8").replace(NOTE, NOTE + "    note: carried\n", 1)
                   .replace("entity: luxshare", "entity: jian-city"), encoding="utf-8")
    project = Project(root)
    project.carry(old_project)
    annotations_mod.carry(project, old_project)
    names.carry(project, old_project)
    new = SiteData(project, version="t", previous=old)
    assert new.marks["mini-interview-2021"] is interview  # not worked out again
    fresh = SiteData(Project(root), version="t")
    assert _place_ids(new) == _place_ids(fresh)
    assert _terms(new) == _terms(fresh)
    assert new.document_digest(project.documents["mini-news-2020"]) == fresh.document_digest(
        fresh.project.documents["mini-news-2020"]) != before


def test_places_and_names_joined_again_after_saves_equal_a_fresh_read(tmp_path):
    """A build joins the places and the name occurrences again only where the saved documents
    are (duizhao.joined): after each save, they are a fresh read's, in the same order."""
    from duizhao import names
    from duizhao.site.data import SiteData

    root = build_project(tmp_path / "p", FIXTURES / "site")
    news_tei, news = root / "corpus" / "mini-news-2020.xml", root / "annotations" / "mini-news-2020.yaml"
    saves = [  # (file, old text, new text): each carried over from the build before it
        (news, "entity: luxshare", "entity: jian-city"),  # a mention moves to another entity
        (news_tei, "2020-11-09", "2022-11-09"),  # the document moves after the interview
        (news, NOTE, NOTE.replace("accepted", "rejected")),  # an annotation is no longer shown
        (news_tei, "吉安", "吉州"),  # the names in its text change
    ]
    project = Project(root)
    data = SiteData(project, version="t")
    data.places
    for path, old_text, new_text in saves:
        text = path.read_text(encoding="utf-8")
        assert old_text in text
        path.write_text(text.replace(old_text, new_text), encoding="utf-8")
        later = Project(root)
        later.carry(project)
        annotations_mod.carry(later, project)
        names.carry(later, project)
        data = SiteData(later, version="t", previous=data)
        assert data.changed == {"mini-news-2020"}
        data.carried()
        fresh = SiteData(Project(root), version="t")
        assert _place_ids(data) == _place_ids(fresh) and _offsets(data) == _offsets(fresh)
        assert _terms(data) == _terms(fresh)
        assert names.corpus_names(later).occurrences == names.corpus_names(fresh.project).occurrences
        project = later
    assert [doc.id for doc in data.documents] == ["mini-interview-2021", "mini-news-2020"]  # it moved


def _carried(project: Project, old):
    """The next serving build's project and site data, carried over from ``project`` and ``old``."""
    from duizhao import names
    from duizhao.site.data import SiteData

    later = Project(project.root)
    later.carry(project)
    annotations_mod.carry(later, project)
    names.carry(later, project)
    return later, SiteData(later, version="t", previous=old)


def test_a_build_that_needed_nothing_still_hands_everything_on(tmp_path):
    """The catch-up build after the background jobs asks for almost nothing per document: the
    save after it must still find every unchanged document's values worked out."""
    from duizhao.site.data import SiteData

    root = build_project(tmp_path / "p", FIXTURES / "site")
    project = Project(root)
    first = SiteData(project, version="t")
    kept = first.document_places("mini-interview-2021")
    first.carried()
    project, catch_up = _carried(project, first)  # nothing changed, nothing asked for
    catch_up.carried()
    ann = root / "annotations" / "mini-news-2020.yaml"
    ann.write_text(ann.read_text(encoding="utf-8").replace(NOTE, NOTE + "    note: after\n", 1), encoding="utf-8")
    project, save = _carried(project, catch_up)
    assert save.changed == {"mini-news-2020"}
    assert save.document_places("mini-interview-2021") is kept
