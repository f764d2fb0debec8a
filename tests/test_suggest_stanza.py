"""The stanza recommender: BIOES data, self-computed word vectors, a real training run and
predictions through ``stanza.Pipeline`` (no mocks, no downloads)."""

from __future__ import annotations

import json

import numpy as np
import pytest

from duizhao import yamlio
from duizhao.cli import main
from duizhao.project import Project
from duizhao.suggest.candidates import plausible
from duizhao.suggest.gold import entity_examples, gold
from duizhao.suggest.lexicon import Lexicon
from duizhao.suggest.ner import StanzaRecommender
from duizhao.suggest.tokens import Segmenter, Token, split_at
from duizhao.suggest.training import Span, bioes, outermost
from duizhao.suggest.vectors import train_vectors, write_pretrain, write_word2vec

from conftest import FIXTURES, build_project


def test_bioes_tags():
    tokens = [Token("立讯智造", 0, 4), Token("出口", 4, 6), Token("井冈山", 6, 9), Token("经开区", 9, 12)]
    spans = [Span(0, 4, "COMPANY"), Span(6, 12, "PLACE")]
    assert bioes(tokens, spans) == ["S-COMPANY", "O", "B-PLACE", "E-PLACE"]
    assert bioes(tokens, [Span(1, 4, "COMPANY")]) == ["O"] * 4  # not aligned: left out


@pytest.mark.parametrize("text", ["黄国栋", "立讯智造", "井冈山经开区", "冯·卡门", "吉发〔2021〕4号",
                                  "宜春市工业企业技术改造专项资金管理办法(试行)", "《宜春市“十四五”制造业高质量发展规划》",
                                  "2020 吉安智能制造产业峰会", "吉安市“1+4+N”产业高质量跨越式发展倍增计划"])
def test_names_are_plausible_new_entities(text):
    assert plausible(text, Lexicon())


@pytest.mark.parametrize("text", ["群", "77.5%", "3389.6", "45(时长45分钟", "》前不久刚刚印发", "将评出工业“蜗牛奖",
                                  "讲话摘要刊发，", "(行业科 金美容)", "具体来说", "众所周知", "我市", "每个", "这些年来"])
def test_fragments_and_function_words_are_not(text):
    assert not plausible(text, Lexicon())


def test_a_registered_term_is_not_a_new_entity():
    lexicon = Lexicon(glossary=[{"id": "smart-manufacturing", "zh": "智能制造", "en": "smart manufacturing"}])
    assert plausible("智能制造", Lexicon()) and not plausible("智能制造", lexicon)


def test_split_at_annotation_boundaries_and_outermost_spans():
    assert split_at([Token("在吉安", 0, 3)], {1}) == [Token("在", 0, 1), Token("吉安", 1, 3)]
    assert outermost([Span(0, 2, "PLACE"), Span(0, 6, "ORG"), Span(4, 8, "ORG")]) == [Span(0, 6, "ORG")]


def test_segmenter_keeps_registered_names_whole_and_splits_clauses():
    seg = Segmenter(["井冈山经开区", "立讯智造"])
    sentences = seg.sentences("前三季度立讯智造出口29.95亿美元，井冈山经开区营收突破千亿。")
    words = [[t.text for t in s] for s in sentences]
    assert "立讯智造" in words[0] and "井冈山经开区" in words[1]
    assert all(t.start < t.end for s in sentences for t in s)


def test_vectors_are_normalised_and_load_as_a_stanza_pretrain(tmp_path):
    corpus = [["吉安", "工业", "增长"], ["宜春", "工业", "增长"], ["吉安", "电子", "信息"]] * 5
    words, vectors = train_vectors(corpus, dim=8)
    assert words[0] in ("工业", "增长", "吉安") and vectors.shape == (len(words), 8)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    write_word2vec(tmp_path / "v.txt", words, vectors)
    assert write_pretrain(tmp_path / "v.txt", tmp_path / "v.pt") == len(words) + 4  # + <PAD> <UNK> <EMPTY> <ROOT>

    from stanza.models.common.pretrain import Pretrain
    loaded = Pretrain(str(tmp_path / "v.pt"))
    assert loaded.emb.shape == (len(words) + 4, 8)


def test_entity_examples_come_from_accepted_annotations(tmp_path):
    project = Project(build_project(tmp_path / "p", FIXTURES / "suggest"))
    doc = project.documents["fx-presser-2024"]
    examples = entity_examples(project, [doc], Lexicon.of(project))
    assert len(examples) == len(doc.segments)
    spans = {(e.text[s.start:s.end], s.tag) for e in examples for s in e.spans}
    assert ("江铜集团", "COMPANY") in spans and ("江西省", "PLACE") in spans
    assert ("中国", "PLACE") not in spans  # rejected in the fixture
    assert all(g.type != "entity" or g.label != "china" for g in gold(project, doc))


@pytest.mark.slow
def test_train_then_suggest_through_a_real_stanza_pipeline(tmp_path, capsys):
    root = build_project(tmp_path / "p", FIXTURES / "suggest")
    model = tmp_path / "model"
    assert main(["--root", str(root), "train", "--out", str(model), "--steps", "120"]) == 0
    assert "COMPANY" in capsys.readouterr().out
    assert json.loads((model / "resources.json").read_text()) == {}
    meta = json.loads((model / "meta.json").read_text())
    assert meta["mentions"]["COMPANY"] >= 5 and meta["vocabulary"] > 100

    project = Project(root)
    rec = StanzaRecommender(model, Lexicon.of(project))
    import stanza
    assert isinstance(rec.pipeline, stanza.Pipeline)
    doc = project.documents["fx-newsletter-2020"]
    predictions = rec.predict(doc)
    assert predictions
    for p in predictions:
        assert doc.segment_index[p.segment].zh[p.start:p.end] == p.text
    found = {(p.segment, p.start, p.end) for p in predictions}
    known = {(g.segment, g.start, g.end) for g in gold(project, doc) if g.type == "entity"}
    assert len(found & known) >= len(known) // 2  # it learnt its training data

    (root / "annotations" / "fx-newsletter-2020.yaml").unlink()
    assert main(["--root", str(root), "suggest", "-r", "stanza", "--model", str(model), "fx-newsletter-2020"]) == 0
    items = yamlio.load(root / "annotations" / "fx-newsletter-2020.yaml")["annotations"]
    assert items and {i["source"] for i in items} == {"stanza"} and {i["type"] for i in items} == {"entity"}
    assert {i["entity"] for i in items} <= {e["id"] for e in project.registry("entities")}
