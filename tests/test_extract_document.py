"""extract_document on whole documents: the offset contract, sections, JSON, and bad input."""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import planparse
from planparse.extract import extract_document
from planparse.model import Document

ROOT = Path(__file__).resolve().parent.parent
CORPUS_FILES = sorted((ROOT / "corpora").glob("*.txt")) + sorted((ROOT / "corpora" / "devset").glob("*.txt"))


@lru_cache(maxsize=None)
def parsed(path: Path) -> Document:
    return planparse.load(path, classify=False)


def spans(doc: Document):
    for p in doc.plans:
        yield from p.targets
        yield from p.dates
        yield from p.roles
        for r in p.responsibilities:
            yield r
            yield r.role


@pytest.mark.parametrize("path", CORPUS_FILES, ids=lambda p: p.name)
def test_every_span_indexes_the_text_and_sits_in_its_plan_and_section(path: Path) -> None:
    doc = parsed(path)
    for plan in doc.plans:
        sections = {s.id: s for s in plan.walk()}
        for item in [*plan.targets, *plan.dates, *plan.roles, *plan.responsibilities]:
            assert doc.text[item.start : item.end] == item.text
            assert plan.start <= item.start < item.end <= plan.end
            if item.section_id is None:
                assert all(not (s.start <= item.start < s.end) for s in sections.values())
                continue
            sec = sections[item.section_id]
            assert sec.start <= item.start < sec.end
            # innermost: no child of the section holds the span start too
            assert all(not (c.start <= item.start < c.end) for c in sec.children)
    first = doc.plans[0].start if doc.plans else 0
    for item in doc.dates:  # the page header's own dates, before the first plan
        assert doc.text[item.start : item.end] == item.text
        assert item.end <= first


def test_the_page_header_dates_the_document() -> None:
    # 003 opens with its page title and "时间:24-01-06 网友" before the plan's own title.
    doc = parsed(ROOT / "corpora" / "003_6f7cf6aaac7bc96b.txt")
    header = {(t.text, t.kind): t.value for t in doc.dates}
    assert header[("24-01-06", "date")] == {"date": "2024-01-06"}
    assert header[("2023-2024学年", "academic_year")] == {"start_year": 2023, "end_year": 2024}
    assert all(t.text != "24-01-06" for t in doc.plans[0].dates)



def test_section_lists_hold_the_spans_of_their_subtree() -> None:
    doc = planparse.parse("一、安全工作\n（一）演练\n每月开展一次疏散演练。\n二、德育\n政教处负责。\n", classify=False)
    first, second = doc.plans[0].sections
    assert [t.text for t in first.targets] == ["每月开展一次疏散演练"]
    assert [t.section_id for t in first.targets] == ["1.1"]
    assert [r.text for r in second.roles] == ["政教处"] and first.roles == []
    assert [d.text for d in first.dates] == ["每月"]


def test_extraction_is_repeatable_and_replaces_earlier_results() -> None:
    doc = parsed(ROOT / "corpora" / "003_6f7cf6aaac7bc96b.txt")
    before = [p.to_dict() for p in doc.plans]
    extract_document(doc)
    assert [p.to_dict() for p in doc.plans] == before


def test_spans_outside_any_plan_are_not_kept() -> None:
    doc = planparse.parse("一、工作目标\n合格率达到98%以上。\n", classify=False, extract=False)
    doc.plans[0].start = doc.text.index("合格率") + 1  # pretend the page clutter runs past the target
    extract_document(doc)
    assert doc.plans[0].targets == []


def test_extracted_layer_round_trips_through_json_and_matches_the_schema() -> None:
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads((ROOT / "planparse" / "schema" / "document.schema.json").read_text(encoding="utf-8"))
    doc = parsed(ROOT / "corpora" / "000_a899a329fb790c0d.txt")
    data = json.loads(doc.to_json())
    jsonschema.validate(data, schema)
    again = Document.from_json(doc.to_json())
    assert [p.to_dict() for p in again.plans] == [p.to_dict() for p in doc.plans]
    assert sum(len(p["targets"]) for p in data["plans"]) > 50


def test_a_plan_without_a_text_has_nothing_to_extract() -> None:
    doc = planparse.parse("", classify=False)
    assert all(not p.targets and not p.dates and not p.roles for p in doc.plans)


_PLAN_CHARS = st.sampled_from(list(
    "一二三四五六七八九十百千万两零〇0123456789%％.．-—~～至到年月日号周每学期末初中第个次项名人达到提高降低为零"
    "杜绝不少于至少以上以内、，。；：:;,\n （）()“”《》|教务处校长班主任团 委會學xX_由负责牵头责任人落实到"))


@settings(max_examples=300, deadline=None)
@given(st.text(st.one_of(st.characters(), _PLAN_CHARS), max_size=120))
def test_extraction_never_raises_and_keeps_offsets_on_any_text(text: str) -> None:
    doc = planparse.parse(text, classify=False)
    for item in spans(doc):
        assert text[item.start : item.end] == item.text


def test_huge_numbers_stay_text() -> None:
    text = "一、目标\n合格率达到" + "9" * 400 + "%，每月开展" + "8" * 400 + "次活动，" + "2" * 400 + "年"
    doc = planparse.parse(text, classify=False)
    assert all(t.value is None or t.value <= 1e8 for t in doc.plans[0].targets)
    assert all("year" not in d.value or d.value["year"] < 10000 for d in doc.plans[0].dates)
