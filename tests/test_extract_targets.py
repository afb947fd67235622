"""Quantified targets: what counts, what does not, and their normalized fields."""

from __future__ import annotations

from pathlib import Path

import pytest

import planparse
from planparse.extract.targets import find_targets
from planparse.extract.textview import TextView

CORPORA = Path(__file__).resolve().parent.parent / "corpora"


def targets(text: str) -> list[tuple[str, dict]]:
    view = TextView(text)
    out = []
    for t in find_targets(view.text):
        a, b = view.span(t.start, t.end)
        fields = {k: getattr(t, k) for k in ("metric", "action", "comparator", "value", "value_max", "unit", "period")}
        out.append((text[a:b], {k: v for k, v in fields.items() if v is not None}))
    return out


def one(text: str) -> dict:
    found = targets(text)
    assert len(found) == 1, found
    return found[0][1]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("合格率达到98%以上", {"metric": "合格率", "comparator": ">=", "value": 98.0, "unit": "%"}),
        ("优生率提高2个百分点", {"metric": "优生率", "comparator": "increase_by", "value": 2.0, "unit": "个百分点"}),
        ("学业平均成绩提升3-5个百分点",
         {"metric": "平均成绩", "comparator": "increase_by", "value": 3.0, "value_max": 5.0, "unit": "个百分点"}),
        ("校园安全事故发生率为零", {"metric": "发生率", "comparator": "=", "value": 0.0}),
        ("安全教育覆盖率100%", {"metric": "覆盖率", "comparator": "=", "value": 100.0, "unit": "%"}),
        ("满意度不低于92%", {"metric": "满意度", "comparator": ">=", "value": 92.0, "unit": "%"}),
        ("报修响应时间缩短至2小时内",
         {"metric": "响应时间", "comparator": "decrease_to", "value": 2.0, "unit": "小时"}),
        ("近视发生率较上年下降1个百分点",
         {"metric": "近视发生率", "comparator": "decrease_by", "value": 1.0, "unit": "个百分点"}),
        ("各学科及格率差异控制在10%以内", {"metric": "差异", "comparator": "<=", "value": 10.0, "unit": "%"}),
        ("思想品德合格率达百分之九十", {"metric": "合格率", "comparator": ">=", "value": 90.0, "unit": "%"}),
        ("平均分提升至90分以上", {"metric": "平均分", "comparator": "increase_to", "value": 90.0, "unit": "分"}),
    ],
)
def test_metric_targets_are_normalized(text: str, expected: dict) -> None:
    assert one(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("每月至少开展一次心理健康主题班会",
         {"action": "开展心理健康主题班会", "comparator": ">=", "value": 1.0, "unit": "次", "period": "每月"}),
        ("每学期至少组织2次班级管理沙龙",
         {"action": "组织班级管理沙龙", "comparator": ">=", "value": 2.0, "unit": "次", "period": "每学期"}),
        ("每周开放时间不少于8小时",
         {"metric": "开放时间", "action": "开放时间", "comparator": ">=", "value": 8.0, "unit": "小时",
          "period": "每周"}),
        ("每两周进行一次集体备课",
         {"action": "进行集体备课", "comparator": "=", "value": 1.0, "unit": "次", "period": "每两周"}),
        ("每学期听课不少于15节",
         {"action": "听课", "comparator": ">=", "value": 15.0, "unit": "节", "period": "每学期"}),
    ],
)
def test_frequency_commitments_carry_their_period_and_count(text: str, expected: dict) -> None:
    assert one(text) == expected


def test_a_frequency_without_a_count_means_at_least_once() -> None:
    assert one("每月召开班主任例会") == {"action": "召开班主任例会", "comparator": ">=", "value": 1.0,
                                     "unit": "次", "period": "每月"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("新增2门校本精品课程", {"action": "新增校本精品课程", "value": 2.0, "unit": "门"}),
        ("力争培养区级骨干教师3名", {"action": "培养区级骨干教师", "value": 3.0, "unit": "人"}),
        ("至少开设一节公开课", {"action": "开设公开课", "comparator": ">=", "value": 1.0, "unit": "节"}),
        ("每位学生至少参与两项跨学科项目",
         {"action": "参与跨学科项目", "comparator": ">=", "value": 2.0, "unit": "项"}),
        ("故障2小时内响应", {"metric": "响应时间", "action": "响应", "comparator": "<=", "value": 2.0,
                       "unit": "小时"}),
    ],
)
def test_counts_to_produce_and_response_times_are_targets(text: str, expected: dict) -> None:
    got = one(text)
    assert {k: got.get(k) for k in expected} == expected


@pytest.mark.parametrize(
    "text",
    ["杜绝重大安全事故", "确保不发生安全责任事故", "全年无重大安全责任事故", "违规行为投诉率为零", "实现校园安全零事故"],
)
def test_zero_commitments_are_targets_with_value_zero(text: str) -> None:
    got = one(text)
    assert got["value"] == 0.0 and got["comparator"] == "="


@pytest.mark.parametrize(
    "text",
    [
        "2022—2023学年度第一学期工作计划",  # years
        "三、主要工作\n（二）教学管理\n1．加强备课",  # heading numbers
        "落实“三风一训”，组织好党员“五个一”活动",  # bare counts in names
        "一年级开学前召开一次家校交流会",  # a one-off action
        "争创一流学校，成绩超全市平均水平",  # ranking without a number
        "形成四个观念，做到三个服务",  # slogans counting abstract things
        "学校现有学生1200人，教师85人",  # facts
        "去年我校中考合格率为92%",  # the past
        "杜绝走过场的形式主义",  # exhortation
        "每月工作安排如下：",  # a heading
        "定期召开会议",
        "推动每校一方案、每班一基地",  # per-unit slogans
    ],
)
def test_non_targets_are_not_extracted(text: str) -> None:
    assert targets(text) == []


def test_situation_sections_report_facts_not_targets() -> None:
    text = ("一、基本情况\n上学期我校合格率达到95%，优秀率为40%。\n"
            "二、工作目标\n合格率达到98%以上，优秀率提高2个百分点。\n")
    doc = planparse.parse(text, classify=False)
    assert [(t.text, t.section_id) for t in doc.plans[0].targets] == [
        ("合格率达到98%以上", "2"), ("优秀率提高2个百分点", "2")]


def test_implausible_numbers_stay_text_without_error() -> None:
    text = "合格率达到" + "9" * 400 + "%，每月至少开展" + "1" * 30 + "次活动"
    assert [t for t in targets(text) if t[1].get("value", 0) > 1e8] == []


def test_traditional_text_is_read() -> None:
    assert targets("問題學生的轉化率達95%，杜絕重大責任事故發生") == [
        ("轉化率達95%", {"metric": "转化率", "comparator": ">=", "value": 95.0, "unit": "%"}),
        ("杜絕重大責任事故發生", {"metric": "重大责任事故", "comparator": "=", "value": 0.0}),
    ]


def test_okr_goals_of_a_real_plan() -> None:
    # corpora/000, 篇三 核心目标: "学生学业平均成绩提升3-5个百分点,优生率提高2个百分点,合格率达到98%以上。"
    doc = planparse.load(CORPORA / "000_a899a329fb790c0d.txt", classify=False)
    found = {t.text: t for p in doc.plans for t in p.targets}
    assert found["合格率达到98%以上"].comparator == ">="
    assert found["优生率提高2个百分点"].value == 2.0
    goal = next(t for t in found.values() if t.text.endswith("平均成绩提升3-5个百分点"))
    assert (goal.value, goal.value_max, goal.unit) == (3.0, 5.0, "个百分点")
    # "每班每月至少开展一次心理健康主题班会" is one target, monthly, at least once.
    monthly = next(t for t in found.values() if "心理健康主题班会" in t.text)
    assert (monthly.period, monthly.comparator, monthly.value) == ("每月", ">=", 1.0)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("争取做到保三争二。", ("保三争二", {"metric": "排名", "comparator": "<=", "value": 2.0, "value_max": 3.0,
                                          "unit": "名"})),
        ("英语保一,", ("保一", {"metric": "排名", "comparator": "<=", "value": 1.0, "unit": "名"})),
        ("力争进入全市前五名。", ("力争进入全市前五名", {"metric": "排名", "comparator": "<=", "value": 5.0, "unit": "名"})),
    ],
)
def test_a_rank_to_keep_or_reach_is_a_target(text, expected):
    (span, fields), = targets(text)
    assert span == expected[0]
    assert {k: fields.get(k) for k in expected[1]} == expected[1]
    assert "value_max" in expected[1] or "value_max" not in fields


@pytest.mark.parametrize("text", ["确保一方平安,保一方平安。", "前三周完成复习,进入前一阶段。", "去年进入全区前三名。",
                                  "争创一流,位居前列。"])
def test_ranks_without_a_number_times_and_past_ranks_are_not_targets(text):
    assert targets(text) == []


def test_the_subject_ranks_of_a_real_plan(tmp_path):
    # 001 (篇四): 争取做到保三争二。… 语文保四争三,数学保.… 英语保一,科学保四争三 …
    doc = planparse.load(CORPORA / "001_4831cd458b4b7471.txt", classify=False)
    ranks = [(t.text, t.value, t.value_max) for p in doc.plans for t in p.targets if t.metric == "排名"]
    assert ("保三争二", 2.0, 3.0) in ranks
    assert ("保四争三", 3.0, 4.0) in ranks and ("保一", 1.0, None) in ranks
    assert not any("第三名" in text for text, _, _ in ranks)  # 上年度…第三名 is last year's result


def test_a_daily_duration_is_read_with_its_unit():
    assert one("每天阅读30分钟。") == {"action": "阅读", "comparator": "=", "value": 30.0, "unit": "分钟", "period": "每天"}
