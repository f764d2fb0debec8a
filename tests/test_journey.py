"""A new document end to end: ingest → complete the header and translate → suggest →
review → ``check --strict`` clean → on the site. The editor work of a person (header,
translation) is done here with lxml; everything else goes through the ``duizhao`` command
line and ``mkdocs build``."""

from __future__ import annotations

import shutil
from pathlib import Path

from lxml import etree
from lxml import html as lxml_html

from duizhao import yamlio
from duizhao.cli import main

from conftest import FIXTURES, build_project, build_site

T = "{http://www.tei-c.org/ns/1.0}"
XML = "{http://www.w3.org/XML/1998/namespace}"
DOC = "fx-brief-2020"
ENGLISH = {
    "s001": "Ji'an Industry Brief",
    "s002": "From January to October, value added of industry above designated size in the city grew by 4.1% "
            "year on year, second in the province; operating revenue of industrial enterprises above designated "
            "size grew by 12.5%.",
    "s003": "Luxshare exported 3.12 billion US dollars, and the operating revenue of Holitech and MLS each exceeded "
            "10 billion yuan. The city implemented the industrial chain chief system and attracted 3 new \"5020\" projects.",
}


def complete(path: Path) -> None:
    """What the annotator does in an editor after ingest: header fields and the translation."""
    tree = etree.parse(str(path))
    root = tree.getroot()
    header = root.find(f"{T}teiHeader")
    header.find(f".//{T}titleStmt/{T}title[@{XML}lang='en']").text = "Ji'an Industry Brief"
    bibl = header.find(f".//{T}sourceDesc/{T}bibl")
    bibl.find(f"{T}publisher").text = "吉安市工业和信息化局"
    english = etree.Element(f"{T}publisher", {f"{XML}lang": "en"})
    english.text = "Ji'an Municipal Bureau of Industry and Information Technology"
    bibl.find(f"{T}publisher").addnext(english)
    for date in header.iter(f"{T}date"):
        date.attrib.pop("cert", None)
        date.set("when", "2020-11-20")
        date.text = "2020-11-20"
    place = header.find(f".//{T}creation/{T}placeName")
    place.text = "吉安市"
    english = etree.Element(f"{T}placeName", {f"{XML}lang": "en"})
    english.text = "Ji'an"
    place.addnext(english)
    for seg_id, text in ENGLISH.items():  # ingest left an empty draft ab per segment
        ab = root.find(f"{T}text[@type='translation']/{T}body/{T}ab[@corresp='#{seg_id}']")
        assert ab.get("ana") == "#draft" and ab.get("resp") == "#tr-duizhao" and not ab.text
        ab.text = text
    tree.write(str(path), encoding="UTF-8", xml_declaration=True)


def test_a_new_document_from_plain_text_to_the_site(tmp_path, capsys):
    root = build_project(tmp_path / "p", FIXTURES / "suggest")
    source = tmp_path / f"{DOC}.txt"
    shutil.copy(FIXTURES / "journey" / source.name, source)
    cli = ["--root", str(root)]
    assert main([*cli, "ingest", str(source), "--id", DOC]) == 0
    complete(root / "corpus" / f"{DOC}.xml")
    for recommender in ("gazetteer", "figures"):
        assert main([*cli, "suggest", DOC, "--recommender", recommender]) == 0
    assert main([*cli, "check", "--strict", str(root / "annotations" / f"{DOC}.yaml")]) == 1  # S001: proposals wait
    capsys.readouterr()
    assert main([*cli, "review", DOC, "--accept-all"]) == 0
    items = yamlio.load(root / "annotations" / f"{DOC}.yaml")["annotations"]
    quotes = {i["quote"]: i for i in items}
    assert {"立讯智造", "合力泰", "木林森", "产业链链长制", "“5020”项目", "规上企业"} <= set(quotes)
    assert quotes["4.1%"]["period"] == "2020-01/2020-10" and quotes["4.1%"]["indicator"] == "industrial-value-added"
    assert quotes["31.2亿美元"]["scope"] == "luxshare"
    capsys.readouterr()
    new_files = [str(root / "corpus" / f"{DOC}.xml"), str(root / "annotations" / f"{DOC}.yaml")]
    assert main([*cli, "check", "--strict", *new_files]) == 0, capsys.readouterr().out

    out = tmp_path / "site"
    build_site(root, out)
    accepted = {i["id"]: i for i in items if i.get("status") == "accepted"}
    for lang in ("en", "zh"):
        page = lxml_html.fromstring((out / lang / "documents" / DOC / "index.html").read_text(encoding="utf-8"))
        assert "Ji'an Industry Brief" in page.text_content() and page.get_element_by_id("s003") is not None
        shown = set(page.xpath("//*[@id='s003']//@data-ann"))
        assert {i for i, a in accepted.items() if a["segment"] == "s003"} <= shown
        english = {e.text_content() for e in page.xpath("//*[@id='s003']/div[contains(@class, 'dz-en')]//*[@data-ann]")}
        assert {"Luxshare", "industrial chain chief system"} <= english
        listing = (out / lang / "documents" / "index.html").read_text(encoding="utf-8")
        assert f'href="{DOC}/"' in listing
    entity = (out / "en" / "entities" / "luxshare" / "index.html").read_text(encoding="utf-8")
    assert f"documents/{DOC}/#s003" in entity  # its mention is listed on the entity's page
