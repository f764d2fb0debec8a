"""W3C Web Annotation export (model structure, every selector round-tripped onto the segment text)
and the concordancer's vertical files (aligned zh/en, annotation spans on whole tokens)."""

from __future__ import annotations

import io
import json
import re

import pytest

from duizhao import annotations
from duizhao.export import vertical, w3c
from duizhao.project import Project

from conftest import REPO


@pytest.fixture(scope="module")
def project() -> Project:
    return Project(REPO)


@pytest.fixture(scope="module")
def collection(project) -> dict:
    out = io.StringIO()
    w3c.write(project, out)
    return json.loads(out.getvalue())


def test_the_collection_has_the_web_annotation_model_required_structure(collection, project):
    assert collection["@context"][0] == "http://www.w3.org/ns/anno.jsonld"
    assert collection["type"] == "AnnotationCollection"
    items = collection["first"]["items"]
    accepted = [a for a in annotations.load(project) if a.status == "accepted" and annotations.load(project).span(a)]
    assert collection["total"] == len(items) == len(accepted)
    for item in items:
        assert item["type"] == "Annotation" and item["id"].startswith("https://")
        assert item["motivation"] in ("classifying", "identifying", "describing")
        assert item["creator"]["type"] in ("Organization", "Software") and item["creator"]["name"]
        assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", item["created"]) and item["modified"] >= item["created"]
        assert item["body"] and item["target"]["source"].startswith(w3c.release.HOMEPAGE)
        assert [s["type"] for s in item["target"]["selector"]] == ["TextQuoteSelector", "TextPositionSelector"]
    figure = next(i for i in items if i["motivation"] == "describing")
    assert any(b.get("type") == "dz:Figure" and "dz:low" in b for b in figure["body"])


def test_every_selector_round_trips_onto_its_segment_text(collection, project):
    for item in collection["first"]["items"]:
        doc, seg = re.fullmatch(r".*/documents/([^/]+)/#(s\d+)", item["target"]["source"]).groups()
        text = project.documents[doc].segment_index[seg].zh
        quote, position = item["target"]["selector"]
        assert text[position["start"]:position["end"]] == quote["exact"]
        whole = quote["prefix"] + quote["exact"] + quote["suffix"]
        starts = [m.start() + len(quote["prefix"]) for m in re.finditer(f"(?={re.escape(whole)})", text)]
        assert starts == [position["start"]], item["id"]  # the quote selector picks out this place, only it


@pytest.fixture(scope="module")
def vertical_files(project, tmp_path_factory):
    out = tmp_path_factory.mktemp("vrt")
    report = vertical.write(project, out)
    return out / "vertical", report


def _segments(path):
    segs, current = [], None
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("<seg "):
            current = [re.search(r'id="([^"]+)"', line).group(1), []]
        elif line == "</seg>":
            segs.append(current)
            current = None
        elif current is not None:
            current[1].append(line)
    return segs


def test_the_chinese_and_english_files_align_one_to_one_by_seg(vertical_files, project):
    folder, _ = vertical_files
    zh, en = _segments(folder / "duizhao_zh.vrt"), _segments(folder / "duizhao_en.vrt")
    assert [s[0] for s in zh] == [s[0] for s in en] == [f"{d.id}/{s.id}" for d in project.documents.values()
                                                        for s in d.segments]
    for (seg_id, lines) in zh:
        doc, seg = seg_id.split("/")
        words = "".join(l.split("\t")[0] for l in lines if not l.startswith("<"))
        assert words == project.documents[doc].segment_index[seg].zh.replace(" ", ""), seg_id
    assert "ALIGNED duizhao_en" in (folder / "duizhao_zh").read_text(encoding="utf-8")


def test_every_annotated_span_covers_whole_tokens_or_is_reported(vertical_files, project):
    folder, report = vertical_files
    index = annotations.load(project)
    quotes = {a.id: a.quote for a in index if a.status == "accepted"}
    found, stack = {}, []
    for line in (folder / "duizhao_zh.vrt").read_text(encoding="utf-8").splitlines():
        opening = re.match(r'<(term|entity|figure) id="([^"]+)"', line)
        if opening:
            stack.append([opening.group(2), ""])
        elif re.match(r"</(term|entity|figure)>", line):
            ann_id, text = stack.pop()
            found[ann_id] = text
        elif not line.startswith("<"):
            for open_span in stack:
                open_span[1] += line.split("\t")[0]
    left_out = {line.split(":")[0] for line in report.left_out}
    for ann_id, quote in quotes.items():
        assert ann_id in found or ann_id in left_out, ann_id
        if ann_id in found:
            assert found[ann_id] == quote.replace(" ", ""), ann_id
    cut = {i for line in report.cut for i in line.split(":")[0].split(", ")}
    assert cut <= set(found)  # a word cut at a boundary is reported with the annotation that cut it
