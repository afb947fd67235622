"""Training examples from annotations and CSV; the label evaluation and keyword baselines."""

from __future__ import annotations

import io
from contextlib import redirect_stdout
from pathlib import Path

import pytest

from planparse.classify.baseline import KeywordBaseline, KeywordRules
from planparse.classify.taxonomy import parse_taxonomy, taxonomy
from planparse.classify.training import examples_from_annotation, examples_from_annotations, examples_from_csv
from planparse.errors import PlanparseError
from planparse.evaluation.corpus import annotated

from .conftest import CORPORA

TEXT = "学校工作计划\n一、指导思想\n立德树人。\n二、主要工作\n（一）安全\n消防演练。\n1.演练\n每月一次。\n（二）教学\n上好课。\n三、九月份\n开学。\n"


def gold():
    def at(s: str) -> int:
        return TEXT.index(s)

    return {
        "plans": [{"start": 0, "title": "学校工作计划"}],
        "headings": [
            {"start": at("一、"), "depth": 1, "parent": None, "marker": "一、", "title": "指导思想",
             "labels": ["guiding_ideology"]},
            {"start": at("二、"), "depth": 1, "parent": None, "marker": "二、", "title": "主要工作",
             "labels": ["measures"]},
            {"start": at("（一）"), "depth": 2, "parent": at("二、"), "marker": "（一）", "title": "安全",
             "labels": ["safety"]},
            {"start": at("1.演练"), "depth": 3, "parent": at("（一）"), "marker": "1.", "title": "演练"},
            {"start": at("（二）"), "depth": 2, "parent": at("二、"), "marker": "（二）", "title": "教学",
             "labels": ["teaching"]},
            {"start": at("三、"), "depth": 1, "parent": None, "marker": "三、", "title": "九月份",
             "labels": ["calendar", "other"]},
        ],
    }


def test_a_body_runs_to_the_next_heading_at_the_same_or_a_shallower_depth():
    ex = {e.text.heading: e for e in examples_from_annotation(gold(), TEXT, "toy")}
    assert set(ex) == {"指导思想", "主要工作", "安全", "教学", "九月份"}  # depth 3 has no labels
    assert ex["安全"].text.body == "消防演练。\n1.演练\n每月一次。"
    assert ex["主要工作"].text.body.endswith("上好课。")
    assert ex["九月份"].text.body == "开学。"


def test_an_example_knows_its_parent_children_plan_and_labels():
    ex = {e.text.heading: e for e in examples_from_annotation(gold(), TEXT, "toy")}
    assert ex["安全"].text.parent == "主要工作"
    assert ex["主要工作"].text.children == "安全\n教学"
    assert ex["指导思想"].text.plan == "学校工作计划"
    assert ex["九月份"].labels == ("calendar", "other")
    assert ex["安全"].group == "toy" and ex["安全"].depth == 2


def test_unlabelled_headings_can_be_kept_for_the_outline():
    exs = examples_from_annotation(gold(), TEXT, "toy", unlabelled=True)
    assert [e.text.heading for e in exs if not e.labels] == ["演练"]


def test_the_repository_annotations_give_hundreds_of_labelled_sections_in_the_taxonomy():
    exs = examples_from_annotations(CORPORA / "annotations")
    assert len(exs) >= 400
    assert len({e.group for e in exs}) >= 40
    assert {lab for e in exs for lab in e.labels} <= set(taxonomy().ids)
    assert all(e.depth <= 2 for e in exs)


def test_csv_labels_split_on_semicolons_and_keep_the_main_first(tmp_path):
    p = tmp_path / "l.csv"
    p.write_text("heading,parent,labels,group\n心理与安全,学生发展,mental_health;safety,a\n安全,,safety,b\n",
                 encoding="utf-8")
    exs = examples_from_csv(p)
    assert exs[0].labels == ("mental_health", "safety") and exs[0].text.parent == "学生发展"
    assert exs[1].group == "b"


@pytest.mark.parametrize("content, problem", [
    ("heading\n安全\n", "labels"),
    ("heading,labels\n安全,\n", "no label"),
    ("", "no labelled rows"),
])
def test_a_bad_csv_names_its_problem(tmp_path, content, problem):
    p = tmp_path / "l.csv"
    p.write_text(content, encoding="utf-8")
    with pytest.raises(PlanparseError, match=problem):
        examples_from_csv(p)


def test_a_bad_taxonomy_file_raises_planparse_error():
    with pytest.raises(PlanparseError):
        parse_taxonomy("[[label]]\nname = 'no id'\n")
    with pytest.raises(PlanparseError):
        parse_taxonomy("not = [toml")


def test_the_keyword_baseline_and_rules_read_headings_then_the_rest():
    base, rules = KeywordBaseline(), KeywordRules()
    assert base.labels(["德育工作目标"])[0][0] in {"moral_education", "goals"}
    assert [lab for lab, _ in rules.labels(["德育工作目标"])] == ["moral_education", "goals"]
    # A vague heading: the rules look at the parent, the baseline at the body.
    row = ["加强领导", "组织家长会，开展家访。", "安全工作"]
    assert rules.labels(row)[0][0] == "administration"  # 领导 is an administration keyword
    assert rules.labels(["统筹推进", "组织家长会，开展家访。", "安全工作"])[0][0] == "safety"
    assert base.labels(["统筹推进", "组织家长会，开展家访。", "安全工作"])[0][0] == "home_school"


def test_the_label_report_prints_scores_for_model_and_baseline():
    from planparse.evaluation.labels import report

    docs = [d for d in annotated(Path(CORPORA)) if d.name in {"d001", "d012", "d022", "d041", "d043"}]
    buf = io.StringIO()
    with redirect_stdout(buf):
        report(docs, folds=2)
    out = buf.getvalue()
    for needle in ("model (gold outline)", "keyword baseline", "macro-F1", "confusion", "guiding_ideology"):
        assert needle in out


def test_held_out_splits_keep_each_kind_of_plan_out_of_its_own_training():
    from planparse.evaluation.corpus import kinds
    from planparse.evaluation.labels import held_out_splits

    docs = list(annotated(Path(CORPORA)))
    kind = kinds(Path(CORPORA))
    assert kind["d025"] == "union" and "000_a899a329fb790c0d" not in kind  # seeds are not listed
    splits = held_out_splits(docs, kind)
    by_kind = splits["leave-one-kind-out"]
    # Every document is tested exactly once, together with all (and only) the plans of its kind.
    assert sorted(n for b in by_kind for n in b) == sorted(d.name for d in docs)
    for b in by_kind:
        assert len({kind.get(n, "seed") for n in b}) == 1
    (seeds,) = splits["devset → seed plans"]
    (dev,) = splits["seed plans → devset"]
    assert set(seeds) | set(dev) == {d.name for d in docs} and not set(seeds) & set(dev)
    assert all(n not in kind for n in seeds) and all(n in kind for n in dev)
