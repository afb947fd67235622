"""Saving and loading models: a round trip, and clear errors for anything that is not a model."""

from __future__ import annotations

import io
import json
import zipfile

import numpy as np
import pytest

import planparse
from planparse.classify import SectionClassifier, classify_document, load_model, save_model
from planparse.classify.store import default_model
from planparse.errors import ModelError, PlanparseError

from .test_classify_estimator import LABELS, ROWS


@pytest.fixture(scope="module")
def fitted():
    return SectionClassifier().fit(ROWS, LABELS)


def test_a_saved_model_predicts_exactly_as_before(tmp_path, fitted):
    path = save_model(fitted.model_, tmp_path / "mine.npz")
    model = load_model(path)
    rows = [("消防安全", "", ""), ("家长会", "召开家长会", ""), ("", "", "")]
    assert np.allclose(model.predict_proba(rows), fitted.model_.predict_proba(rows), atol=1e-5)
    assert model.classes == fitted.model_.classes


def test_a_directory_holds_the_model_file(tmp_path, fitted):
    path = save_model(fitted.model_, tmp_path)
    assert path == tmp_path / "sections.npz"
    assert load_model(tmp_path).classes == fitted.model_.classes


def test_a_users_model_labels_a_document(tmp_path, fitted):
    model = load_model(save_model(fitted.model_, tmp_path / "m.npz"))
    doc = planparse.parse("一、消防演练\n组织疏散演练。\n二、家长学校\n办好家长学校。\n", classify=False)
    classify_document(doc, model)
    assert [s.label for s in doc.walk()] == ["safety", "home_school"]


def test_the_saved_file_holds_no_pickle(tmp_path, fitted):
    path = save_model(fitted.model_, tmp_path / "m.npz")
    with zipfile.ZipFile(path) as zf:
        for name in zf.namelist():
            with zf.open(name) as fh:
                arr = np.lib.format.read_array(fh, allow_pickle=False)
                assert arr.dtype != object


def test_the_shipped_model_knows_the_taxonomy():
    model = default_model()
    assert set(model.classes) == set(planparse.classify.taxonomy().ids)
    assert model.rules.container == "measures" and model.rules.goals == "goals"


@pytest.mark.parametrize("content", [
    b"",
    b"not a model at all",
    b"PK\x03\x04 truncated zip",
    "一、指导思想\n".encode(),
])
def test_a_file_that_is_not_a_model_raises_model_error(tmp_path, content):
    path = tmp_path / "bad.npz"
    path.write_bytes(content)
    with pytest.raises(ModelError) as info:
        load_model(path)
    assert "bad.npz" in str(info.value)
    assert isinstance(info.value, PlanparseError)


def test_a_truncated_model_raises_model_error(tmp_path, fitted):
    data = save_model(fitted.model_, tmp_path / "m.npz").read_bytes()
    (tmp_path / "cut.npz").write_bytes(data[: len(data) // 2])
    with pytest.raises(ModelError):
        load_model(tmp_path / "cut.npz")


def _rewrite(path, change):
    with np.load(path, allow_pickle=False) as npz:
        arrays = {k: npz[k] for k in npz.files}
    change(arrays)
    buf = io.BytesIO()
    np.savez(buf, **arrays)
    path.write_bytes(buf.getvalue())


def test_a_model_of_another_format_version_says_so(tmp_path, fitted):
    path = save_model(fitted.model_, tmp_path / "m.npz")

    def bump(arrays):
        header = json.loads(str(arrays["header"]))
        header["version"] = 99
        arrays["header"] = np.array(json.dumps(header))

    _rewrite(path, bump)
    with pytest.raises(ModelError, match="version 99"):
        load_model(path)


def test_arrays_that_do_not_fit_together_raise_model_error(tmp_path, fitted):
    path = save_model(fitted.model_, tmp_path / "m.npz")
    _rewrite(path, lambda a: a.update(coef=a["coef"][:-3]))
    with pytest.raises(ModelError, match="damaged"):
        load_model(path)


def test_an_npz_without_a_header_is_not_a_model(tmp_path):
    path = tmp_path / "other.npz"
    np.savez(path, x=np.arange(3))
    with pytest.raises(ModelError, match="not a planparse model"):
        load_model(path)


def test_a_pickled_array_is_refused_not_unpickled(tmp_path):
    class Boom:
        def __reduce__(self):
            return (exec, ("raise SystemExit('unpickled!')",))

    buf = io.BytesIO()
    np.save(buf, np.array([Boom()], dtype=object), allow_pickle=True)
    path = tmp_path / "evil.npz"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("header.npy", buf.getvalue())
    with pytest.raises(ModelError):
        load_model(path)


def test_a_missing_model_file_raises_model_error(tmp_path):
    with pytest.raises(ModelError, match="cannot read"):
        load_model(tmp_path / "nowhere.npz")


def test_the_labels_a_parent_does_not_pass_down_survive_a_round_trip(tmp_path):
    shipped = default_model()
    assert shipped.rules.not_inherited == ("guiding_ideology",)
    assert load_model(save_model(shipped, tmp_path)).rules.not_inherited == ("guiding_ideology",)


def test_the_schedule_label_survives_a_round_trip_and_a_model_without_one_loads_without_one(tmp_path):
    import dataclasses

    shipped = default_model()
    assert shipped.rules.schedule == "calendar"
    assert load_model(save_model(shipped, tmp_path)).rules.schedule == "calendar"
    older = dataclasses.replace(shipped, rules=dataclasses.replace(shipped.rules, schedule=None))
    assert load_model(save_model(older, tmp_path / "older")).rules.schedule is None


def test_the_plan_part_labels_survive_a_round_trip(tmp_path):
    shipped = default_model()
    parts = [lab for lab, part in zip(shipped.featurizer.matcher.labels, shipped.featurizer.matcher.plan_part) if part]
    assert parts == ["guiding_ideology", "goals", "calendar"]
    again = load_model(save_model(shipped, tmp_path)).featurizer.matcher
    assert again.plan_part == shipped.featurizer.matcher.plan_part
    assert again.inherited == shipped.featurizer.matcher.inherited
    assert [lab for lab, passed in zip(again.labels, again.inherited) if not passed] == ["guiding_ideology"]


def test_the_lead_sentence_weight_survives_a_round_trip(tmp_path):
    shipped = default_model()
    assert shipped.featurizer.lead_weight > 0
    again = load_model(save_model(shipped, tmp_path))
    assert again.featurizer.lead_weight == shipped.featurizer.lead_weight
    assert again.featurizer.n_columns == shipped.featurizer.n_columns


def test_reading_run_on_headings_by_name_survives_a_round_trip_and_older_files_read_as_sentences(tmp_path):
    import json

    shipped = default_model()
    assert shipped.featurizer.unglue
    assert load_model(save_model(shipped, tmp_path)).featurizer.unglue
    # A file written before the field existed: its header has no "unglue".
    with np.load(save_model(shipped, tmp_path / "older"), allow_pickle=False) as npz:
        arrays = {k: npz[k] for k in npz.files}
    header = json.loads(str(arrays["header"]))
    del header["unglue"]
    arrays["header"] = np.array(json.dumps(header, ensure_ascii=False))
    np.savez_compressed(tmp_path / "older.npz", **arrays)
    assert load_model(tmp_path / "older.npz").featurizer.unglue is False
