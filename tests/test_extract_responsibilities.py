"""Assignments of tasks to roles as relations: the role mention and the action span."""

from __future__ import annotations

from pathlib import Path

import pytest

import planparse

CORPORA = Path(__file__).resolve().parent.parent / "corpora"


def assignments(body: str) -> list[tuple[str, str]]:
    doc = planparse.parse("一、工作要求\n" + body + "\n", classify=False)
    out = []
    for r in doc.plans[0].responsibilities:
        assert doc.text[r.start : r.end] == r.text
        assert doc.text[r.role.start : r.role.end] == r.role.text
        out.append((r.role.canonical, r.text))
    return out


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("由教务处负责教学常规检查。", [("教务处", "教学常规检查")]),
        ("安全工作由校长室、政教处负责。", [("校长室", "安全工作"), ("政教处", "安全工作")]),
        ("由德育处牵头，各年级组配合，开展文明班级评比。", [("德育处", "开展文明班级评比")]),
        ("班主任具体负责本班学生的安全教育工作。", [("班主任", "本班学生的安全教育工作")]),
        ("开展消防疏散演练。责任人：总务处", [("总务处", "开展消防疏散演练")]),
        ("校长为学校安全工作第一责任人。", [("校长", "学校安全工作")]),
        ("做好学生晨午检，责任落实到班主任。", [("班主任", "做好学生晨午检")]),
    ],
)
def test_assignment_patterns_become_relations(body: str, expected: list[tuple[str, str]]) -> None:
    assert assignments(body) == expected


def test_mentions_without_an_assignment_are_not_relations() -> None:
    assert assignments("学校工会组织教职工开展健身活动，班主任工作经验交流。") == []


def test_schedule_rows_assign_their_work_cell_to_the_responsible_office() -> None:
    # corpora/devset/d049: "2月27日 | 各年级入学考试 | 教务处 | |" and "第一周 | … | 开学典礼;升旗仪式表彰 | 教育处、团委 |".
    doc = planparse.load(CORPORA / "devset" / "d049.txt", classify=False)
    rel = {(r.role.canonical, r.text) for p in doc.plans for r in p.responsibilities}
    assert ("教务处", "各年级入学考试") in rel
    assert ("教育处", "开学典礼;升旗仪式表彰") in rel and ("团委", "开学典礼;升旗仪式表彰") in rel
    # 校学生会 inside a work cell is mentioned, not made responsible.
    assert not any(role == "学生会" for role, _ in rel)
