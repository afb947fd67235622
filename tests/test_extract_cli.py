"""``planparse extract``: formats, role files, errors and exit codes."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

from planparse.cli import main

ROOT = Path(__file__).resolve().parent.parent
PLAN = "2023-2024学年工作计划\n一、安全工作\n由政教处负责，每月开展一次疏散演练，杜绝重大安全事故。\n"


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def plan_file(tmp_path: Path, text: str = PLAN) -> Path:
    path = tmp_path / "plan.txt"
    path.write_text(text, encoding="utf-8")
    return path


def test_table_lists_targets_dates_roles_and_responsibilities(tmp_path: Path) -> None:
    code, out, err = run("extract", str(plan_file(tmp_path)))
    assert code == 0 and err == ""
    assert "targets (2)" in out and "每月开展一次疏散演练" in out and "杜绝重大安全事故" in out
    assert "academic_year: start_year=2023, end_year=2024" in out
    assert "政教处  | department: 政教处" in out
    assert "政教处 -> 每月开展一次疏散演练，杜绝重大安全事故" in out


def test_json_is_one_document_with_offsets_into_the_file(tmp_path: Path) -> None:
    path = plan_file(tmp_path)
    code, out, _ = run("extract", "--format", "json", str(path), str(path))
    assert code == 0
    data = json.loads(out)
    assert len(data) == 2
    plan = data[0]["plans"][0]
    for kind in ("targets", "dates", "roles"):
        for item in plan[kind]:
            assert PLAN[item["start"] : item["end"]] == item["text"]
    assert plan["roles"][0]["canonical"] == "政教处"


def test_csv_has_one_row_per_span(tmp_path: Path) -> None:
    code, out, _ = run("extract", "--format", "csv", str(plan_file(tmp_path)))
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert {r["type"] for r in rows} == {"target", "date", "role", "responsibility"}
    for r in rows:
        assert PLAN[int(r["start"]) : int(r["end"])] == r["text"]
    target = next(r for r in rows if r["text"] == "杜绝重大安全事故")
    assert (target["comparator"], target["value"]) == ("=", "0")


def test_roles_option_extends_the_lexicon(tmp_path: Path) -> None:
    path = plan_file(tmp_path, "一、信息化\n由电教组负责网络维护。\n")
    roles = tmp_path / "roles.txt"
    roles.write_text("电教组 department\n", encoding="utf-8")
    assert "电教组" not in run("extract", str(path))[1].split("roles")[1]
    code, out, _ = run("extract", "--roles", str(roles), str(path))
    assert code == 0 and "电教组  | department: 电教组" in out


def test_a_failing_file_is_one_error_line_and_the_others_still_print(tmp_path: Path) -> None:
    code, out, err = run("extract", str(tmp_path / "missing.txt"), str(plan_file(tmp_path)))
    assert code == 1
    assert err.startswith("planparse: error: ") and err.count("\n") == 1
    assert "每月开展一次疏散演练" in out


def test_a_bad_role_file_is_a_usage_error(tmp_path: Path) -> None:
    roles = tmp_path / "roles.txt"
    roles.write_text("电教组 room\n", encoding="utf-8")
    code, out, err = run("extract", "--roles", str(roles), str(plan_file(tmp_path)))
    assert code == 2 and out == ""
    assert err.startswith("planparse: error: ") and "room" in err


def test_registering_the_command_does_not_load_the_extractors() -> None:
    code = ("import sys, planparse.cli; planparse.cli.build_parser(); "
            "print(any(m in sys.modules for m in ('planparse.extract.placement', 'planparse.extract.targets', "
            "'planparse.extract.times', 'cn2an', 'jieba', 'spacy')))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert result.stdout.strip() == "False"
