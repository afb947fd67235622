"""SectionClassifier as a scikit-learn estimator: the estimator checks, fitting, grouped CV."""

from __future__ import annotations

import warnings

import numpy as np
import pytest
from sklearn.base import clone
from sklearn.model_selection import GroupKFold, cross_val_score
from sklearn.utils.estimator_checks import check_estimator

from planparse.classify import SectionClassifier

ROWS = [
    ("安全工作", "开展消防演练，加强交通安全教育。", "主要工作"),
    ("校园安全", "防溺水教育，食品安全检查。", "主要工作"),
    ("消防演练", "每学期组织两次应急疏散演练。", "安全工作"),
    ("课堂教学", "上好每一节课，提高课堂效率。", "教学工作"),
    ("作业管理", "控制作业总量，精批细改。", "教学工作"),
    ("教学常规", "备课、上课、作业、辅导、考试五环节。", "主要工作"),
    ("家长学校", "办好家长学校，开展家访活动。", "家校共育"),
    ("家委会", "发挥家长委员会作用。", "家校共育"),
]
LABELS = ["safety", "safety", "safety", "teaching", "teaching", "teaching", "home_school", "home_school"]
GROUPS = ["a", "b", "c", "a", "b", "c", "a", "b"]


def test_passes_the_scikit_learn_estimator_checks_that_apply():
    # check_classifiers_train asks for 83% accuracy on numeric blobs: there is no
    # text in numbers, so it does not apply to a text classifier.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        check_estimator(SectionClassifier(), expected_failed_checks={
            "check_classifiers_train": "reads text: numeric blobs carry no words",
        })


def test_get_params_and_clone_round_trip():
    clf = SectionClassifier(C=3.0, body_weight=0.2)
    params = clf.get_params()
    assert params["C"] == 3.0 and params["body_weight"] == 0.2
    assert clone(clf).get_params() == params
    assert clf.set_params(C=0.5).C == 0.5


def test_fit_predict_and_probabilities_on_section_rows():
    clf = SectionClassifier().fit(ROWS, LABELS)
    assert sorted(clf.classes_.tolist()) == ["home_school", "safety", "teaching"]
    pred = clf.predict([("安全教育", "开展安全教育", ""), ("课堂教学改革", "", ""), ("家访", "教师家访", "")])
    assert pred.tolist() == ["safety", "teaching", "home_school"]
    proba = clf.predict_proba([("交通安全", "", "")])
    assert proba.shape == (1, 3) and np.isclose(proba.sum(), 1.0)
    assert clf.classes_[proba.argmax()] == "safety"


def test_the_parent_heading_decides_a_vague_title():
    clf = SectionClassifier().fit(ROWS, LABELS)
    # 加强领导 names no topic; its parent says what it is about.
    assert clf.predict([("加强领导", "", "安全工作")])[0] == "safety"
    assert clf.predict([("加强领导", "", "教学工作")])[0] == "teaching"


def test_rows_may_leave_out_trailing_fields():
    clf = SectionClassifier().fit([r[:1] for r in ROWS], LABELS)
    assert clf.n_features_in_ == 1
    assert clf.predict([["消防安全"]])[0] == "safety"
    with pytest.raises(ValueError):
        clf.predict([["消防安全", "多出来的一列"]])


def test_a_dataframe_is_read_by_column_name():
    pd = pytest.importorskip("pandas")
    df = pd.DataFrame(ROWS, columns=["heading", "body", "parent"])
    clf = SectionClassifier().fit(df[["parent", "body", "heading"]], LABELS)
    assert clf.predict(pd.DataFrame({"heading": ["消防演练"], "body": [""], "parent": [""]}))[0] == "safety"


def test_further_labels_are_learned_from_secondary():
    rows = ROWS + [("心理健康与安全教育", "心理辅导，安全教育", "")] * 2
    clf = SectionClassifier(secondary_weight=1.0, secondary_min=0.15).fit(
        rows, LABELS + ["mental_health", "mental_health"],
        secondary=[[]] * len(ROWS) + [["safety"], ["safety"]])
    assert "mental_health" in clf.classes_
    labels = clf.predict_labels([("心理健康与安全教育", "", "")])[0]
    assert [lab for lab, _ in labels][:2] == ["mental_health", "safety"]


def test_labels_of_a_users_own_taxonomy():
    y = ["hazard" if lab == "safety" else "lesson" if lab == "teaching" else "family" for lab in LABELS]
    clf = SectionClassifier().fit(ROWS, y)
    assert clf.predict([("消防安全", "", "")])[0] == "hazard"


def test_grouped_cross_validation_runs_through_scikit_learn():
    scores = cross_val_score(SectionClassifier(), ROWS, LABELS, groups=GROUPS, cv=GroupKFold(n_splits=3))
    assert scores.shape == (3,) and np.all(scores >= 0)


def test_bad_training_input_raises_value_error():
    with pytest.raises(ValueError):
        SectionClassifier().fit(ROWS, LABELS[:-1])
    with pytest.raises(ValueError):
        SectionClassifier().fit(ROWS, LABELS, secondary=[[]])
    with pytest.raises(ValueError):
        SectionClassifier(class_weight="weird").fit(ROWS, LABELS)
