"""``planparse train`` and ``planparse classify``."""

from __future__ import annotations

import csv
import io
import json
import shutil

from planparse.cli import main

from .conftest import CORPORA


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def write_labels(path):
    rows = [
        ("安全工作", "开展消防演练。", "hazard", "p1"),
        ("校园安全", "防溺水教育。", "hazard", "p2"),
        ("交通安全", "上下学交通安全。", "hazard", "p3"),
        ("课堂教学", "上好每一节课。", "lesson", "p1"),
        ("作业管理", "控制作业总量。", "lesson", "p2"),
        ("教学常规", "备课上课。", "lesson;hazard", "p3"),
    ]
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["heading", "body", "labels", "group"])
        w.writerows(rows)
    return path


def test_train_on_a_csv_then_classify_with_that_model(tmp_path):
    data = write_labels(tmp_path / "labels.csv")
    model = tmp_path / "model.npz"
    code, out, err = run("train", "--data", str(data), "--out", str(model))
    assert code == 0 and not err
    assert "6 sections" in out and model.exists()
    doc = tmp_path / "plan.txt"
    doc.write_text("一、消防安全\n组织演练。\n二、课堂教学\n提高效率。\n", encoding="utf-8")
    code, out, err = run("classify", str(doc), "--model", str(model), "--format", "tsv")
    assert code == 0 and not err
    lines = [line.split("\t") for line in out.strip().splitlines()]
    assert [(line[1], line[4].split()[0]) for line in lines] == [("1", "hazard"), ("2", "lesson")]


def test_train_on_annotations_with_cross_validation(tmp_path):
    ann = tmp_path / "corpora" / "annotations"
    (tmp_path / "corpora" / "devset").mkdir(parents=True)
    ann.mkdir()
    for stem in ("d001", "d012", "d022", "d041"):
        shutil.copy(CORPORA / "annotations" / f"{stem}.json", ann)
        shutil.copy(CORPORA / "devset" / f"{stem}.txt", tmp_path / "corpora" / "devset")
    code, out, err = run("train", "--data", str(ann), "--out", str(tmp_path / "m"), "--cv")
    assert code == 0, err
    assert "4 document(s)" in out and "cross-validation" in out and "top-1" in out


def test_classify_uses_the_shipped_model_by_default():
    code, out, err = run("classify", str(CORPORA / "003_6f7cf6aaac7bc96b.txt"))
    assert code == 0 and not err
    assert "指导思想  <guiding_ideology" in out


def test_classify_json_holds_labels():
    code, out, _ = run("classify", str(CORPORA / "devset" / "d001.txt"), "--format", "json")
    sections = json.loads(out)["plans"][0]["sections"]
    assert code == 0 and sections[0]["labels"][0][0] == "guiding_ideology"


def test_a_corrupt_model_is_one_clear_error_line(tmp_path):
    bad = tmp_path / "model.npz"
    bad.write_bytes(b"\x00garbage")
    code, out, err = run("classify", str(CORPORA / "devset" / "d001.txt"), "--model", str(bad))
    assert code == 2 and not out
    assert err.startswith("planparse: error:") and "model.npz" in err and len(err.splitlines()) == 1


def test_a_missing_file_fails_alone(tmp_path):
    code, out, err = run("classify", str(tmp_path / "missing.txt"), str(CORPORA / "devset" / "d001.txt"))
    assert code == 1
    assert err.count("planparse: error:") == 1
    assert "guiding_ideology" in out


def test_train_reports_bad_data_without_a_traceback(tmp_path):
    code, _, err = run("train", "--data", str(tmp_path / "nothing.csv"), "--out", str(tmp_path / "m"))
    assert code == 2 and err.startswith("planparse: error:")
    headless = tmp_path / "x.csv"
    headless.write_text("title,topic\n安全,safety\n", encoding="utf-8")
    code, _, err = run("train", "--data", str(headless), "--out", str(tmp_path / "m"))
    assert code == 2 and "heading" in err


def test_train_needs_two_labels(tmp_path):
    one = tmp_path / "one.csv"
    one.write_text("heading,labels\n安全,safety\n消防,safety\n", encoding="utf-8")
    code, _, err = run("train", "--data", str(one), "--out", str(tmp_path / "m"))
    assert code == 2 and "two different labels" in err
