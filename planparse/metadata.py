"""Plan metadata stated in its title or opening lines: school, academic year, semester."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from .patterns import char_class

if TYPE_CHECKING:
    from .model import Plan

# What a school's name ends with, in the order they are tried.
_SCHOOL_ENDINGS = ("实验小学", "中心小学", "小学", "初级中学", "高级中学", "中学", "中心校", "完小", "九年一贯制学校",
                   "实验学校", "职业学校", "中等职业学校", "学校", "幼儿园", "学院")
# (the standard library's engine runs this lazy run-then-ending pattern four times faster; the
# lookahead, the endings' first characters, spares trying every ending after every character)
_SCHOOL = re.compile(
    r"(?P<name>[\u4e00-\u9fffA-Za-z]{2,24}?"
    + f"(?={char_class(e[0] for e in _SCHOOL_ENDINGS)})(?:{'|'.join(_SCHOOL_ENDINGS)}))"
)
_DATE_PREFIX = re.compile(r"^.*(?:\d{4}\s*年?|学年度|年度|学期|学年)")
_NOT_SCHOOL = re.compile(r"^(?:学年度|第[一二]学期|学期|学年|本|我|全|各|该|中小学|新)")
_YEAR = re.compile(r"(?P<a>(?:19|20)\d{2})\s*(?:年)?\s*[-—–－~至到]+\s*(?P<b>(?:19|20)?\d{2})\s*(?:年)?\s*学年")
# Two consecutive years name a school year even without 学年 (2020-2021图书馆第一学期工作计划).
_YEAR_PAIR = re.compile(r"(?<!\d)(?P<a>(?:19|20)\d{2})\s*(?:年)?\s*[-—–－~至到]+\s*(?P<b>(?:19|20)?\d{2})(?!\d)")
_ANY_YEAR = re.compile(r"(?:19|20)\d\d")
_SINGLE_YEAR = re.compile(r"(?P<a>(?:19|20)\d{2})\s*学年")
_SEMESTER = re.compile(r"第(?P<n>[一二12])学期|(?P<ud>[上下])学期|(?P<season>春季|秋季|春|秋)(?:季)?学期")


def _year_pair(m: re.Match[str] | None) -> dict[str, int] | None:
    if m is None:
        return None
    a, b = int(m.group("a")), m.group("b")
    return {"start": a, "end": int(b) if len(b) == 4 else (a // 100) * 100 + int(b)}


def plan_metadata(text: str, plan: Plan) -> dict[str, Any]:
    """School name, academic year and semester when the plan states them.

    Looks at the title, then at the plan's first lines.
    """
    head = plan.title + "\n" + text[plan.start : min(plan.end, plan.start + 300)]
    # The school is named in the title (or the first line): body text says 优化学校课程体系.
    first_line = text[plan.start : min(plan.end, plan.start + 120)].split("\n", 1)[0]
    meta: dict[str, Any] = {}
    for m in _SCHOOL.finditer(plan.title + "\n" + first_line):
        name = m.group("name")
        name = _DATE_PREFIX.sub("", name) or name
        if not _NOT_SCHOOL.match(name) and len(name) >= 3:
            meta["school"] = name
            break
    if _ANY_YEAR.search(head):  # every year pattern holds one
        year = _year_pair(_YEAR.search(head)) or next(
            (pair for pair in map(_year_pair, _YEAR_PAIR.finditer(head)) if pair and pair["end"] == pair["start"] + 1),
            None)
        if year:
            meta["academic_year"] = year
        else:
            y1 = _SINGLE_YEAR.search(head)
            if y1:
                a = int(y1.group("a"))
                meta["academic_year"] = {"start": a, "end": a + 1}
    s = _SEMESTER.search(head) if "学期" in head else None
    if s:
        if s.group("n"):
            meta["semester"] = 1 if s.group("n") in "一1" else 2
        elif s.group("ud"):
            meta["semester"] = 1 if s.group("ud") == "上" else 2
        else:
            meta["semester"] = 1 if s.group("season").startswith("秋") else 2
    return meta
