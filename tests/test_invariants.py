"""The document-model contract, checked on every corpus document and on generated text."""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import planparse
from planparse import Document

from .conftest import ALL_DOCS, CORPORA, read


def check_invariants(doc: Document) -> None:
    text = doc.text
    prev_plan_end = 0
    for plan in doc.plans:
        assert 0 <= plan.start <= plan.end <= len(text)
        assert plan.start >= prev_plan_end, "plans overlap"
        prev_plan_end = plan.end
        seen: list = []
        for s in plan.walk():
            seen.append(s)
            body = text[s.start : s.end]
            assert body.startswith(s.marker), (s.id, s.marker, body[:20])
            assert s.start <= s.heading_end <= s.end
            assert s.title == text[s.heading_end - len(s.title) : s.heading_end]
            assert s.title in body
            assert not text[s.start].isspace()
            assert plan.start <= s.start and s.end <= plan.end
            if s.parent is not None:
                assert s.parent.start < s.start and s.end <= s.parent.end
                assert s.level == s.parent.level + 1
                assert s.id.startswith(s.parent.id + ".")
            else:
                assert s.level == 1
            for a, b in zip(s.children, s.children[1:]):
                assert a.end <= b.start, "siblings overlap"
        for a, b in zip(plan.sections, plan.sections[1:]):
            assert a.end <= b.start
        starts = [s.start for s in seen]
        assert starts == sorted(starts), "walk() is not in document order"
    for plan in doc.plans:
        for span in [*plan.targets, *plan.dates, *plan.roles]:
            assert text[span.start : span.end] == span.text
    again = Document.from_dict(json.loads(doc.to_json()))
    assert again.to_dict() == doc.to_dict()


@pytest.mark.parametrize("path", ALL_DOCS, ids=lambda p: p.stem)
def test_invariants_hold_on_every_corpus_document(path, parsed):
    check_invariants(parsed(str(path.relative_to(CORPORA))))


@pytest.mark.parametrize("path", ALL_DOCS[:8], ids=lambda p: p.stem)
def test_json_output_matches_the_published_schema(path, parsed):
    jsonschema = pytest.importorskip("jsonschema")
    from importlib import resources

    schema = json.loads(resources.files("planparse").joinpath("schema/document.schema.json").read_text("utf-8"))
    jsonschema.validate(parsed(str(path.relative_to(CORPORA))).to_dict(), schema)


def test_full_pipeline_keeps_invariants_on_a_seed():
    path = CORPORA / "003_6f7cf6aaac7bc96b.txt"
    check_invariants(planparse.parse(read(path)))


MARKERS = ["一、", "二、", "三、", "（一）", "(二)", "1.", "2、", "3．", "（1）", "(2)", "①", "②", "⑴", "1.1", "1.2.1",
           "篇一", "篇二", "第一部分", "第二章", "目标一", "九月份：", "第一周", "【重点】", "•", "- ", "Ⅱ.", "IV."]
PIECES = MARKERS + ["指导思想", "工作目标：", "。", "，", "：", ":", "\n", "\r\n", "\n\n", " ", "\u3000", "98%", "3-5",
                    "2022—2023学年度", "1.5倍", "一、二年级", "六(1)班", "\u200b", "\x00", "学校工作计划", "一是", "x"]


@settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(PIECES) | st.text(max_size=4), max_size=60))
def test_parsing_never_raises_and_keeps_invariants_on_generated_text(pieces):
    doc = planparse.parse("".join(pieces), classify=False, extract=False)
    check_invariants(doc)


def test_an_untitled_heading_ends_at_its_marker():
    # Found by the property test: blanks after an untitled child once pushed it past its parent's end.
    doc = planparse.parse("（一）1、 (二)", classify=False, extract=False)
    check_invariants(doc)
    parent = doc.plans[0].sections[0]
    child = parent.children[0]
    assert (child.marker, child.title, child.heading_end) == ("1、", "", 5)
    assert parent.end == 5


def test_a_marker_cut_by_the_next_plan_heads_nothing():
    # Found by a fuzzing run: the next plan's title (、学校工作计划 before 篇二) began inside the
    # marker 5、, whose section then ran past its plan's end.
    doc = planparse.parse("、学校工作计划。4，\u200b5、学校工作计划篇二", classify=False, extract=False)
    check_invariants(doc)
    assert "5、" not in [s.marker for s in doc.plans[0].walk()]


@pytest.mark.parametrize("enabled", [True, False])
def test_parse_leaves_the_garbage_collector_as_it_found_it(enabled, monkeypatch):
    # parse pauses the cyclic collector while it builds the outline, and only then.
    import gc

    from planparse import parser

    text = read(CORPORA / "003_6f7cf6aaac7bc96b.txt")
    was = gc.isenabled()
    seen = []
    build = parser._plans

    def watched(t):
        seen.append(gc.isenabled())
        return build(t)

    try:
        (gc.enable if enabled else gc.disable)()
        monkeypatch.setattr(parser, "_plans", watched)
        assert planparse.parse(text, classify=False, extract=False).plans
        assert seen == [False] and gc.isenabled() is enabled

        def failing(t):
            raise RuntimeError("boom")

        monkeypatch.setattr(parser, "_plans", failing)
        with pytest.raises(RuntimeError):
            planparse.parse(text, classify=False, extract=False)
        assert gc.isenabled() is enabled
    finally:
        (gc.enable if was else gc.disable)()
