"""Time expressions: kinds, normalized values, and what is not a time."""

from __future__ import annotations

from pathlib import Path

import pytest

import planparse
from planparse.evaluation.spans import value_string
from planparse.extract.textview import TextView
from planparse.extract.times import find_times

CORPORA = Path(__file__).resolve().parent.parent / "corpora"


def times(text: str) -> list[tuple[str, str, dict]]:
    view = TextView(text)
    out = []
    for m in find_times(view.text):
        a, b = view.span(m.start, m.end)
        out.append((text[a:b], m.kind, m.value))
    return out


@pytest.mark.parametrize(
    ("text", "kind", "value"),
    [
        ("2022—2023学年度", "academic_year", {"start_year": 2022, "end_year": 2023}),
        ("2023-2024学年", "academic_year", {"start_year": 2023, "end_year": 2024}),
        ("2023-24学年", "academic_year", {"start_year": 2023, "end_year": 2024}),
        ("2018学年", "academic_year", {"start_year": 2018, "end_year": 2019}),
        ("本学年", "academic_year", {"relative": "current"}),
        ("上学年", "academic_year", {"relative": "previous"}),
        ("xxxx-xxxx学年度", "academic_year", {"placeholder": "xxxx-xxxx"}),
        ("第一学期", "semester", {"semester": 1}),
        ("第二学期", "semester", {"semester": 2}),
        ("上学期", "semester", {"semester": 1}),
        ("下学期", "semester", {"semester": 2}),
        ("秋季学期", "semester", {"semester": 1}),
        ("春季学期", "semester", {"semester": 2}),
        ("本学期", "semester", {"semester": "current"}),
        ("新的学期", "semester", {"semester": "current"}),
        ("上一学期", "semester", {"semester": "previous"}),
        ("九月份", "month", {"month": 9}),
        ("10月下旬", "month", {"month": 10, "part": "late"}),
        ("3月", "month", {"month": 3}),
        ("十二月上旬", "month", {"month": 12, "part": "early"}),
        ("9-12月", "month", {"month": 9, "month_end": 12}),
        ("11月至12月", "month", {"month": 11, "month_end": 12}),
        ("2023年9月1日", "date", {"date": "2023-09-01"}),
        ("2023-11-14", "date", {"date": "2023-11-14"}),
        ("24-01-06", "date", {"date": "2024-01-06"}),
        ("二〇〇九年五月十九日", "date", {"date": "2009-05-19"}),
        ("3月5日", "date", {"date": "--03-05"}),
        ("3月1日-3月7日", "date", {"date": "--03-01", "date_end": "--03-07"}),
        ("2023年", "date", {"year": 2023}),
        ("20xx年", "date", {"year": "20xx"}),
        ("今年", "date", {"relative": "this_year"}),
        ("本年度", "date", {"relative": "this_year"}),
        ("学期初", "period", {"period": "学期初"}),
        ("期中", "period", {"period": "期中"}),
        ("学期末", "period", {"period": "期末"}),
        ("开学前", "period", {"period": "开学前"}),
        ("开学初", "period", {"period": "开学初"}),
        ("寒假", "period", {"period": "寒假"}),
        ("暑期", "period", {"period": "暑假"}),
        ("元旦", "period", {"period": "元旦"}),
        ("国庆节", "period", {"period": "国庆"}),
        ("教师节", "period", {"period": "教师节"}),
        ("六一儿童节", "period", {"period": "六一"}),
        ("第3周", "period", {"week": 3}),
        ("第十五周", "period", {"week": 15}),
        ("2026-2030年", "period", {"start_year": 2026, "end_year": 2030}),
        ("每天", "frequency", {"interval": "P1D"}),
        ("每周", "frequency", {"interval": "P1W"}),
        ("每两周", "frequency", {"interval": "P2W"}),
        ("每月", "frequency", {"interval": "P1M"}),
        ("每季度", "frequency", {"interval": "P3M"}),
        ("每学期", "frequency", {"interval": "P1SEM"}),
        ("每学年", "frequency", {"interval": "P1Y"}),
        ("每周一", "frequency", {"interval": "P1W", "weekday": 1}),
    ],
)
def test_each_kind_is_recognized_with_its_normalized_value(text: str, kind: str, value: dict) -> None:
    assert times(f"，{text}，") == [(text, kind, value)]


def test_longest_expression_wins_where_several_overlap() -> None:
    found = times("本学期末而不是下学期初，每学期末集中展示")
    assert found == [
        ("本学期末", "period", {"period": "期末"}),
        ("下学期初", "period", {"period": "学期初"}),
        ("每学期末", "frequency", {"interval": "P1SEM"}),
    ]


def test_academic_year_and_semester_written_together_are_two_expressions() -> None:
    assert [(t, k) for t, k, _ in times("2022—2023学年度第一学期学校工作计划")] == [
        ("2022—2023学年度", "academic_year"), ("第一学期", "semester")]


def test_weekday_is_read_only_when_no_count_follows() -> None:
    found = times("每周一升国旗，每周一课时，每周一次班会")
    assert [(t, v) for t, _, v in found] == [
        ("每周一", {"interval": "P1W", "weekday": 1}),
        ("每周", {"interval": "P1W"}),
        ("每周", {"interval": "P1W"}),
    ]


@pytest.mark.parametrize(
    "text",
    ["定期召开会议", "近期完成", "学期工作计划", "每年级推选一名", "2020届毕业生", "2000米长跑", "三个月内完成",
     "新时代", "加强学期教研", "不定期抽查", "岁月如歌", "预期中的效果", "七一路小学", "最新年度计划"],
)
def test_words_that_only_look_like_times_are_not_times(text: str) -> None:
    assert times(text) == []


def test_list_number_before_a_month_is_not_a_month_range() -> None:
    assert times("\n6、9月开学典礼") == [("9月", "month", {"month": 9})]
    assert times("读书节(三月或九月)") == [("三月", "month", {"month": 3}), ("九月", "month", {"month": 9})]


def test_traditional_characters_and_fullwidth_digits_are_read() -> None:
    assert times("本學期，２０２３年") == [("本學期", "semester", {"semester": "current"}),
                                        ("２０２３年", "date", {"year": 2023})]


def test_months_resolve_against_the_plans_academic_year() -> None:
    doc = planparse.parse(
        "2023-2024学年第一学期工作计划\n一、工作安排\n九月份开展开学教育，一月份组织期末考试。\n",
        classify=False,
    )
    months = {d.text: d.value for d in doc.plans[0].dates if d.kind == "month"}
    assert months["九月份"] == {"month": 9, "year": 2023}
    assert months["一月份"] == {"month": 1, "year": 2024}


def test_items_under_a_month_heading_get_its_month() -> None:
    text = "学校行事历\n九月份：\n1．教师节庆祝活动\n2．第三周：班主任会议\n十月份：\n1．期中考试\n"
    doc = planparse.parse(text, classify=False)
    values = {d.text: d.value for d in doc.plans[0].dates}
    assert values["教师节"] == {"period": "教师节", "month": 9}
    assert values["第三周"] == {"week": 3, "month": 9}
    assert values["期中"] == {"period": "期中", "month": 10}


def test_month_headings_of_a_union_calendar_give_their_month_to_festivals() -> None:
    # corpora/004: "三月份:⑴组织教师参加“三.八”庆祝活动" and "四月份:⑴组织迎“五.一”庆祝活动".
    doc = planparse.load(CORPORA / "004_854aabf43ff7fc92.txt", classify=False)
    dates = [d for p in doc.plans for d in p.dates]
    by_text = {d.text: d for d in dates}
    assert by_text["三.八"].value == {"period": "三八", "month": 3}
    assert by_text["五.一"].value == {"period": "五一", "month": 4}
    assert by_text["三月份"].kind == "month"


def test_schedule_dates_resolve_to_the_second_semesters_calendar_year() -> None:
    # corpora/devset/d049: the 2020-2021学年第二学期 校历, week one is 3月1日-3月7日 (of 2021).
    doc = planparse.load(CORPORA / "devset" / "d049.txt", classify=False)
    plan = doc.plans[0]
    assert plan.metadata["academic_year"] == {"start": 2020, "end": 2021}
    week_one = next(d for d in plan.dates if d.text == "3月1日-3月7日")
    assert week_one.value == {"date": "--03-01", "date_end": "--03-07", "year": 2021}
    assert [d.value for d in plan.dates if d.text == "第一周"] == [{"week": 1}]


@pytest.mark.parametrize(
    ("kind", "value", "readme"),
    [
        ("academic_year", {"start_year": 2022, "end_year": 2023}, "2022-2023"),
        ("academic_year", {"relative": "current"}, "current"),
        ("semester", {"semester": 1}, "1"),
        ("month", {"month": 10, "part": "late"}, "10/late"),
        ("month", {"month": 11, "month_end": 12, "year": 2023}, "11..12"),
        ("date", {"date": "--03-05", "year": 2024}, "--03-05"),
        ("date", {"year": "20xx"}, "20xx"),
        ("date", {"relative": "this_year"}, "this_year"),
        ("period", {"week": 3, "month": 9}, "week:3"),
        ("period", {"start_year": 2026, "end_year": 2030}, "2026..2030"),
        ("frequency", {"interval": "P1SEM"}, "P1SEM"),
    ],
)
def test_values_map_to_the_annotation_readme_strings(kind: str, value: dict, readme: str) -> None:
    assert value_string(kind, value) == readme


@pytest.mark.parametrize(("text", "found"), [
    ("测试;12.31前完成体育期末测试", ("12.31", {"date": "--12-31"})),
    ("工作。10.29区小学体育教研活动", ("10.29", {"date": "--10-29"})),
    ("庆祝9.10教师节", ("9.10", {"date": "--09-10"})),
])
def test_a_month_dot_day_date_inside_a_sentence(text: str, found: tuple) -> None:
    assert (found[0], "date", found[1]) in times(text)


@pytest.mark.parametrize("text", ["优秀率提高1.5倍", "新增2.5个班", "投入3.5亿元", "升级到2.0版本", "得分9.5分",
                                  "1.1国家课程", "能力。1.1教育内容设计"])
def test_decimals_and_decimal_headings_are_not_dates(text: str) -> None:
    assert not [t for t in times(text) if t[1] == "date"]


def test_month_dot_day_dates_of_a_real_schedule() -> None:
    # 001's arts and sports plan (篇2, its year 20xx): …12.31前完成体育期末测试。 …。10.29区小学体育教研活动。
    doc = planparse.load(CORPORA / "001_4831cd458b4b7471.txt", classify=False)
    dates = {(d.text, d.value.get("date")) for p in doc.plans for d in p.dates}
    assert {("12.31", "--12-31"), ("10.29", "--10-29")} <= dates
