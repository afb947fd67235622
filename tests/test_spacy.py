"""The spaCy component on a blank Chinese pipeline (no model download)."""

from __future__ import annotations

from pathlib import Path

import pytest

spacy = pytest.importorskip("spacy")
import planparse.spacy  # noqa: E402,F401  (registers the "planparse" component)

CORPORA = Path(__file__).resolve().parent.parent / "corpora"


@pytest.fixture(scope="module")
def nlp():
    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "char"}}})
    nlp.add_pipe("planparse")
    return nlp


def test_pipeline_sets_target_date_and_role_entities_on_a_corpus_plan(nlp) -> None:
    # corpora/003: "2023-2024学年" in the title, "党支部工作…落实每年1次党章党规专题学习" under (一)1.
    text = (CORPORA / "003_6f7cf6aaac7bc96b.txt").read_text(encoding="utf-8")
    doc = nlp(text)
    by_label: dict[str, list] = {}
    for ent in doc.ents:
        by_label.setdefault(ent.label_, []).append(ent)
    assert set(by_label) == {"TARGET", "DATE", "ROLE"}
    assert any(e.text == "2023-2024学年" for e in by_label["DATE"])
    assert any(e.text == "党支部" for e in by_label["ROLE"])
    target = next(e for e in by_label["TARGET"] if "党章党规专题学习" in e.text)
    assert target._.section is not None and target._.section.title.startswith("推进党支部标准化")
    plan = doc._.plan
    assert plan is not None and plan.metadata["academic_year"] == {"start": 2023, "end": 2024}
    for ent in doc.ents:
        assert text[ent.start_char : ent.end_char] == ent.text


def test_overlapping_spans_keep_the_longer_as_entity_and_all_in_the_span_group(nlp) -> None:
    doc = nlp("一、活动\n每月至少开展一次心理健康主题班会。\n")
    assert [(e.text, e.label_) for e in doc.ents] == [("每月至少开展一次心理健康主题班会", "TARGET")]
    assert {(s.text, s.label_) for s in doc.spans[planparse.spacy.SPAN_KEY]} == {
        ("每月至少开展一次心理健康主题班会", "TARGET"), ("每月", "DATE")}


def test_jieba_segmentation_snaps_entities_to_token_boundaries() -> None:
    pytest.importorskip("jieba")
    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "jieba"}}})
    nlp.add_pipe("planparse")
    doc = nlp("一、德育\n由教务处负责，合格率达到98%以上。\n")
    ents = {e.label_: e for e in doc.ents}
    assert "教务处" in ents["ROLE"].text and "合格率达到98%以上" in ents["TARGET"].text
    tokens = {(t.idx, t.idx + len(t)) for t in doc}
    for e in doc.ents:  # entity edges are token edges
        assert any(a == e.start_char for a, _ in tokens) and any(b == e.end_char for _, b in tokens)
