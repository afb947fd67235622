"""Outline behaviour on the real plans in corpora/, each expectation read from the document."""

from __future__ import annotations

from pathlib import Path

import pytest

import planparse

from .conftest import CORPORA, DEVSET, SEEDS, read


def _find(doc, marker, title_prefix):
    for s in doc.walk():
        if s.marker == marker and s.title.startswith(title_prefix):
            return s
    raise AssertionError(f"no section {marker}{title_prefix}")


def test_run_on_text_splits_at_inline_markers(parsed):
    # 002 is one 3,876-character line: …计划一、指导思想坚持…二、任务与目标(一)教育教学管理总目标:1、继续做好…
    doc = parsed("002_966f8ef8c594bdee.txt")
    assert "\n" not in doc.text
    top = [s.marker for s in doc.plans[0].sections]
    assert top[:2] == ["一、", "二、"]
    tasks = _find(doc, "二、", "任务与目标")
    assert [c.marker for c in tasks.children] == ["(一)", "(二)", "(三)"]
    assert tasks.children[0].title.startswith("教育教学管理")
    first_item = _find(doc, "1、", "继续做好教育教学常规性工作")
    assert doc.text[first_item.start : first_item.start + 4] == "1、继续"
    assert first_item.parent is not None and first_item.parent.start >= tasks.children[0].start


def test_inline_enumerations_are_not_sections(parsed):
    doc = parsed("002_966f8ef8c594bdee.txt")
    at = doc.text.index("一是以“引领")
    assert all(s.start != at for s in doc.walk())


def test_five_marked_plans_each_get_their_own_outline(parsed):
    doc = parsed("000_a899a329fb790c0d.txt")
    assert len(doc.plans) == 5
    for n, plan in zip("一二三四五", doc.plans):
        assert doc.text[plan.start:].startswith(f"篇{n}")
        assert plan.title == "下学期工作计划"
    # 篇三 is organized in 第N部分 with 目标N under them; 篇四 in 第N章 with 1.1 under them.
    assert [s.marker.rstrip(":：") for s in doc.plans[2].sections][:2] == ["第一部分", "第二部分"]
    chapter = next(s for s in doc.plans[3].sections if s.marker.startswith("第一章"))
    assert [c.marker for c in chapter.children] == ["1.1", "1.2", "1.3"]


def test_page_intro_before_the_first_plan_belongs_to_no_plan(parsed):
    doc = parsed("000_a899a329fb790c0d.txt")
    assert doc.plans[0].start == doc.text.index("篇一")


def test_month_headings_carry_their_items(parsed):
    # 004's union plan: 一月份:⑴开展对离退休人员和困难职工的送温暖活动。
    doc = parsed("004_854aabf43ff7fc92.txt")
    january = next(s for s in doc.walk() if s.scheme == "month" and s.ordinal == 1)
    assert doc.text[january.start:].startswith("一月份")
    assert january.children and january.children[0].marker == "⑴"
    assert january.children[0].title.startswith("开展对离退休人员")


def test_a_school_year_schedule_runs_from_september_into_january(parsed):
    # 001, 篇二: 六、月份主要工作安排。 九月 … 十月 … 十一月 … 十二月 … 元月, each with its 1、 2、 items.
    doc = parsed("001_4831cd458b4b7471.txt")
    schedule = _find(doc, "六、", "月份主要工作安排")
    months = [c for c in schedule.children if c.scheme == "month"]
    assert [m.title for m in months] == ["九月", "十月", "十一月", "十二月", "元月"]
    assert months[-1].ordinal == 1
    assert [c.marker for c in months[-1].children] == ["1、", "2、", "3、"]
    assert months[-1].children[0].title.startswith("开展各种评优评先活动")


@pytest.mark.parametrize("january", ["一月", "元月"])
def test_months_skipped_or_wrapping_into_the_new_year_stay_one_list(january):
    text = f"学校工作计划\n一、工作安排\n九月\n1、开学典礼。\n十二月\n1、元旦汇演。\n{january}\n1、期末考试。\n二、保障\n"
    doc = planparse.parse(text, classify=False, extract=False)
    first = doc.plans[0].sections[0]
    assert [(c.title, c.ordinal) for c in first.children] == [("九月", 9), ("十二月", 12), (january, 1)]
    assert all([g.marker for g in c.children] == ["1、"] for c in first.children)


def test_a_list_of_aims_before_the_parts_is_no_parent_of_them(parsed):
    # d016: the plan opens with its aims 1、…4、 and then its parts (一)加强教研组的建设… (after a
    # stray <BR> on the same line): (一) is a part of the plan, not a point under the fourth aim.
    doc = parsed("devset/d016.txt")
    part = _find(doc, "(一)", "加強")
    aims = [s for s in doc.plans[0].sections if s.marker.endswith("、")]
    assert [s.ordinal for s in aims] == [1, 2, 3, 4]
    assert part.parent is None and part.level == 1
    # The conventional order still nests a lighter list under a heavier one.
    doc2 = planparse.parse("工作计划\n（一）教学\n1、备课\n2、上课\n（二）德育\n", classify=False, extract=False)
    assert [(s.level, s.marker) for s in doc2.walk()] == [(1, "（一）"), (2, "1、"), (2, "2、"), (1, "（二）")]


def test_web_clutter_is_never_a_title_or_heading(parsed):
    doc = parsed("001_4831cd458b4b7471.txt")
    for s in doc.walk():
        assert "欢迎来到" not in s.title and "文章来源" not in s.title
    for plan in doc.plans:
        assert "欢迎来到" not in plan.title and "时间:" not in plan.title


def test_numbers_that_look_like_markers_are_not_headings(parsed):
    doc = parsed("003_6f7cf6aaac7bc96b.txt")
    # 小学2023-2024学年工作计划 and 《XX区2023年教育工作要点》 hold no heading.
    for s in doc.walk():
        assert not s.marker.startswith("2023")
    doc2 = planparse.parse("一、工作目标\n优秀率提高1.5倍，合格率98%。\n一、二年级学生开展活动。\n六(1)班负责。\n二、措施\n",
                           classify=False, extract=False)
    assert [s.marker for s in doc2.walk()] == ["一、", "二、"]


def test_decimal_outlines_nest_by_depth():
    doc = planparse.parse("一、目标\n1.课程\n1.1 国家课程\n1.1.1 语文\n1.1.2 数学\n1.2 校本课程\n二、措施\n",
                          classify=False, extract=False)
    by_marker = {s.marker: s for s in doc.walk()}
    assert by_marker["1.1"].parent is by_marker["1."]
    assert by_marker["1.1.1"].parent is by_marker["1.1"]
    assert by_marker["1.1.2"].parent is by_marker["1.1"]
    assert by_marker["1.2"].parent is by_marker["1."]
    assert by_marker["二、"].level == 1


def test_schemes_seen_first_under_another_become_its_children():
    text = "1、教学工作\n（1）备课\n（2）上课\n2、德育工作\n（1）班会\n"
    doc = planparse.parse(text, classify=False, extract=False)
    assert [(s.level, s.marker) for s in doc.walk()] == [(1, "1、"), (2, "（1）"), (2, "（2）"), (1, "2、"), (2, "（1）")]


def test_skipped_and_swapped_numbers_are_tolerated():
    text = "一、甲\n1、子一\n2、子二\n3、子三\n5、子五\n4、子四\n二、乙\n"
    doc = planparse.parse(text, classify=False, extract=False)
    first = doc.plans[0].sections[0]
    assert [c.ordinal for c in first.children] == [1, 2, 3, 5, 4]


def test_a_schedule_title_line_heads_its_months(parsed):
    # 001 (篇二's 数学教研组): "20xx-20xx年第一学期数学教研组工作安排" on its own line, then
    # 九月份: … 一月份: with their items: the title line is the schedule's heading, at the top.
    doc = parsed("001_4831cd458b4b7471.txt")
    head = next(s for s in doc.walk() if s.title == "20xx-20xx年第一学期数学教研组工作安排")
    assert head.level == 1 and head.marker == ""
    assert [c.title for c in head.children] == ["九月份", "十月份", "十一月份", "十二月份", "一月份"]
    assert [c.marker for c in head.children[0].children] == ["1、", "2、", "3、", "4、", "6、"]


def test_items_that_open_with_a_date_stay_items_of_their_list(parsed):
    # 001 (艺体组, 9月份): 1、 … 5、 then "6、9月xx市学生邮票设计大赛。"; 11月份: 3、 then
    # "4、10月至11月举办…" and "5、10月份xx市教研会…": 6、9月 is item 6, not "6 and 9 months".
    doc = parsed("001_4831cd458b4b7471.txt")
    stamps = next(s for s in doc.walk() if s.title.startswith("9月xx市学生邮票设计大赛"))
    kids = stamps.parent.children
    assert stamps.marker == "6、" and kids[kids.index(stamps) - 1].marker == "5、"
    show = next(s for s in doc.walk() if s.title.startswith("10月至11月举办"))
    kids = show.parent.children
    assert [c.marker for c in kids[kids.index(show) - 1 : kids.index(show) + 2]] == ["3、", "4、", "5、"]
    # Without a list around it, 1、2月份 is "January and February", at a line start or after a sentence.
    text = "一、安排\n1、2月份开展读书活动。\n二、要求\n做好准备。又如1、2月份开展活动。\n三、日程\n1、9月1日开学典礼\n2、9月10日教师节\n"
    doc = planparse.parse(text, classify=False, extract=False)
    assert [(s.level, s.marker) for s in doc.walk()] == [(1, "一、"), (1, "二、"), (1, "三、"), (2, "1、"), (2, "2、")]


def test_numbers_that_lost_their_separator_are_items_of_the_list_around_them(parsed):
    # 003 (OCR'd): (五) 1. 8. 9. then "10认真组织参加各级比赛活动…"; (六) 1. then "11运行好家校…";
    # (七) 1. then "12加强安全隐患排查…" … "16建立安全台账…". Each is an item of the list open
    # around it; the tail of (七)'s title broken onto the next line ("产安全") heads nothing.
    doc = parsed("003_6f7cf6aaac7bc96b.txt")
    contest = next(s for s in doc.walk() if s.title.startswith("认真组织参加各级比赛活动"))
    assert contest.marker == "10" and [c.marker for c in contest.parent.children][-2:] == ["9.", "10"]
    safety = next(s for s in doc.walk() if s.title.startswith("加强平安校园建设"))
    assert [c.marker for c in safety.children][:6] == ["1.", "12", "13", "14", "15", "16"]
    assert not any(s.title == "产安全" for s in doc.walk())
    # A number glued to text with no list around it, or counting something, is none.
    text = "一、目标\n3学生参加竞赛。\n二、措施\n1.做好常规。\n30名教师参加培训。\n31名学生获奖。\n2023年完成。\n"
    doc = planparse.parse(text, classify=False, extract=False)
    assert [s.marker for s in doc.walk()] == ["一、", "二、", "1."]


def test_a_part_name_run_on_after_a_heading_title_heads_the_list_after_its_colon(parsed):
    # 002 (one run-on line): "二、任务与目标(一)教育教学管理总目标:1、继续做好…2、大力推进…3、做好…"
    # — 总目标 heads 1、 2、 3、; (一)'s title is 教育教学管理.
    doc = parsed("002_966f8ef8c594bdee.txt")
    management = next(s for s in doc.walk() if s.marker == "(一)")
    assert management.title == "教育教学管理"
    goals = management.children[0]
    assert (goals.marker, goals.title) == ("", "总目标")
    assert [c.marker for c in goals.children] == ["1、", "2、", "3、"]
    # …3、做好上级安排的…工作。落实目标的具体措施:1、深化… — the next part, beside 总目标.
    assert [c.title for c in management.children][:2] == ["总目标", "落实目标的具体措施"]
    # Likewise on lines of their own: a label after another label's list stands beside it.
    text = "一、工作\n工作思路：\n1、甲。\n2、乙。\n工作措施：\n1、丙。\n二、其他\n"
    doc = planparse.parse(text, classify=False, extract=False)
    assert [(s.level, s.title) for s in doc.walk()] == [
        (1, "工作"), (2, "工作思路"), (3, "甲"), (3, "乙"), (2, "工作措施"), (3, "丙"), (1, "其他")]
    # d007: "篇1一、工作目标:1、加大硬件投入…": there the name is 一、's own title.
    first = parsed("devset/d007.txt").plans[0].sections[0]
    assert (first.marker, first.title) == ("一、", "工作目标")
    assert [c.marker for c in first.children][:2] == ["1、", "2、"]


def test_a_page_number_glued_to_a_line_start_leaves_the_marker_after_it(parsed):
    # 001 (a PDF's text): "-14-①第二、第三周进行备课组长展示课…" and, the page footer "x/11"
    # repeated, "/113、突出三个理念:…", "/112、凸显德育地位…", "/11(1)坚持活动育人:…".
    doc = parsed("001_4831cd458b4b7471.txt")
    found = {(s.marker, s.title) for s in doc.walk()}
    assert {("3、", "突出三个理念"), ("2、", "凸显德育地位,拓宽德育渠道"), ("(1)", "坚持活动育人")} <= found
    assert any(m == "①" and t.startswith("第二、第三周进行备课组长展示课") for m, t in found)
    ideas = next(s for s in doc.walk() if s.title == "突出三个理念")
    assert [c.marker for c in ideas.parent.children][:4] == ["1、", "2、", "3、", "4、"]
    # A slash before a number that no other line repeats is no page footer.
    doc = planparse.parse("一、目标\n1、读书。\n/52、写字。\n", classify=False, extract=False)
    assert [s.marker for s in doc.walk()] == ["一、", "1、"]


def test_a_plan_marker_over_nothing_but_titles_and_a_site_intro_is_no_plan(parsed):
    # 001: "篇二:学年度第一学期学校义务教育集团化办学工作计划", then only title lines, 【精选】…三篇 and
    # the site's intro (时间过得可真快…以下是店铺收集整理的…3篇,欢迎大家借鉴与参考), then 篇1新的学期…:
    # 篇二 wraps the plans after it; the next plan starts at 篇1.
    doc = parsed("001_4831cd458b4b7471.txt")
    starts = [doc.text[p.start : p.start + 8] for p in doc.plans]
    assert not any(s.startswith("篇二") for s in starts)
    assert starts[1].startswith("篇1新的学期")


def test_a_month_with_its_year_goes_on_with_the_schedule(parsed):
    # 001 (艺体组): … 12月份: 1、… 4、 then "17年1月份" and its 1、 2、 3、 4、: the new year's month.
    doc = parsed("001_4831cd458b4b7471.txt")
    december = next(s for s in doc.walk() if s.title == "12月份")
    january = next(s for s in doc.walk() if s.title == "17年1月份")
    assert january.parent is december.parent and january.ordinal == 1
    assert [c.marker for c in january.children] == ["1、", "2、", "3、", "4、"]
    # A year before a month names a schedule's month with 月份 or a colon; a bare date line
    # (the plan's sign-off) is no heading, and a schedule title line after 附： heads its months.
    text = ("学校工作计划\n一、工作\n1、抓好常规。\n附：2023学年第一学期德育工作安排\n十二月份：\n1、元旦活动。\n"
            "2024年1月：\n1、期末总结。\n\n学校德育处\n2024年2月\n")
    doc = planparse.parse(text, classify=False, extract=False)
    assert [(s.level, s.title) for s in doc.walk()] == [
        (1, "工作"), (2, "抓好常规"), (1, "附"), (2, "十二月份"), (3, "元旦活动"), (2, "2024年1月"), (3, "期末总结")]


def test_a_number_the_list_skipped_may_come_late_after_a_sentence(parsed):
    # 002 (教师管理, 落实目标的具体措施): 1、 2、 3、 5、 6、 each opening a line, then
    # "…保持后劲。4、完善教师评价考核模式。" inside 6、's paragraph: 4、 is the list's missing item.
    doc = parsed("002_966f8ef8c594bdee.txt")
    teachers = next(s for s in doc.walk() if s.title.startswith("教师管理"))
    measures = next(s for s in teachers.walk() if s.title == "落实目标的具体措施")
    assert [c.marker for c in measures.children] == ["1、", "2、", "3、", "5、", "6、", "4、"]
    assert measures.children[-1].title == "完善教师评价考核模式"
    # After a sentence, a number the list never skipped does not go back: …。2、 after 3、 is prose.
    doc = planparse.parse("一、甲\n1、子一\n2、子二\n3、子三。又如2、不是标题。\n二、乙\n", classify=False, extract=False)
    assert [c.marker for c in doc.plans[0].sections[0].children] == ["1、", "2、", "3、"]


def test_label_lines_head_the_list_that_follows(parsed):
    # 004: 工作思路: on its own line, then 1、加强工作研究… 2、发扬优良传统…
    doc = parsed("004_854aabf43ff7fc92.txt")
    label = next(s for s in doc.walk() if s.scheme == "label" and s.title == "工作思路")
    assert [c.marker for c in label.children][:2] == ["1、", "2、"]
    assert label.children[0].title.startswith("加强工作研究")


def test_a_plan_starts_at_its_title_after_the_page_clutter(parsed):
    # 003: the page title, "时间:24-01-06 网友", then the plan's own title line.
    plan = parsed("003_6f7cf6aaac7bc96b.txt").plans[0]
    assert plan.title == "XXXX小学2023-2024学年工作计划"
    # d034: site navigation, the page's article title, "来源:本站原创 发布人:…", then the plan title.
    assert parsed("devset/d034.txt").plans[0].title == "2020-2021图书馆第一学期工作计划"
    # d019: a document site's "- 0 / - 约4.71千字 / - 举报" lines before the title.
    doc = parsed("devset/d019.txt")
    assert doc.text[doc.plans[0].start :].startswith("2026秋季学期小学少先队工作计划及行事历\n")


def test_plan_metadata_from_the_title(parsed):
    doc = parsed("devset/d034.txt")
    meta = doc.plans[0].metadata
    assert meta.get("academic_year") == {"start": 2020, "end": 2021}
    assert meta.get("semester") == 1


def test_section_ids_are_outline_paths():
    doc = planparse.parse("一、甲\n（一）子\n1.孙\n二、乙\n", classify=False, extract=False)
    assert [s.id for s in doc.walk()] == ["1", "1.1", "1.1.1", "2"]
    assert doc.plans[0].section("1.1.1").title == "孙"


def test_load_reads_a_corpus_file_with_its_source():
    path = CORPORA / "003_6f7cf6aaac7bc96b.txt"
    doc = planparse.load(path, classify=False, extract=False)
    assert doc.text == read(path)
    assert doc.source == str(path)


def test_school_comes_from_the_title_not_the_body(parsed):
    # d049's title: 长沙市第六中学2020-2021学年第二学期校历
    meta = parsed("devset/d049.txt").plans[0].metadata
    assert meta["school"] == "长沙市第六中学"
    assert meta["academic_year"] == {"start": 2020, "end": 2021} and meta["semester"] == 2
    # d001's title is a template, [小学名称]学校工作计划; its body says 优化学校课程体系.
    assert "school" not in parsed("devset/d001.txt").plans[0].metadata


def test_items_that_lost_their_numbers_are_still_items(parsed):
    # d044 lost its list numbers: "二、工作目标:\n\n、 加强学校的卫生常规工作…。 、定期做好宣传卫生培训工作。"
    doc = parsed("devset/d044.txt")
    goals = _find(doc, "二、", "工作目标")
    titles = [c.title for c in goals.children]
    assert len(titles) == 4
    assert titles[0].startswith("加强学校的卫生常规工作") and titles[3].startswith("定期做好宣传卫生培训工作")


def test_quoted_lists_are_not_bare_items():
    doc = planparse.parse("一、活动\n开展“书香校园”、“文明班级”评比。\n", classify=False, extract=False)
    assert [s.marker for s in doc.walk()] == ["一、"]


def test_bullets_inside_run_on_text(parsed):
    # d043 is run-on; Wingdings residue Ø opens items, first glued to its heading's title:
    # 1、统一思想,提高认识,加强领导Ø要广泛宣传发动,… 。Ø强化管理,构筑信息化管理网络。…
    doc = parsed("devset/d043.txt")
    heading = _find(doc, "1、", "统一思想")
    items = [c.title for c in heading.children if c.marker == "Ø"]
    assert items[0].startswith("要广泛宣传发动") and items[1].startswith("强化管理")


def test_items_that_lost_their_digits_keep_the_dot(parsed):
    # 001 is PDF text whose list numbers were lost: "  .教学环节完整规范" / "  .研究方式科学高效".
    doc = parsed("001_4831cd458b4b7471.txt")
    titles = {s.title for s in doc.walk() if s.scheme == "bare-dot"}
    assert {"教学环节完整规范", "研究方式科学高效", "评价方式丰富多元", "梯队培养促成长"} <= titles
    assert all(s.marker == "." for s in doc.walk() if s.scheme == "bare-dot")
    # A dot that is not at a line start, or not before a Chinese character, is no marker.
    flat = planparse.parse("一、目标\n合格率提高.5个百分点，.docx 文件\n", classify=False, extract=False)
    assert [s.marker for s in flat.walk()] == ["一、"]


def test_damaged_list_markers_stay_in_their_list(parsed):
    # 003 lost items 2.-7. of a list (1. then 8. 9.), and its text extraction wrote
    # 4• for 4. and the ASCII 3, for 3，— each is still the next item of its list.
    doc = parsed("003_6f7cf6aaac7bc96b.txt")
    parents = {}
    for s in doc.walk():
        if s.parent is not None:
            parents.setdefault(s.parent.title[:8], []).append(s.marker)
    assert parents["全面实施党建统领"] == ["1.", "8.", "9."]
    assert parents["完善学校课程体系"] == ["1.", "2.", "3.", "4•", "5•", "6."]
    assert parents["立足课堂教学,深"] == ["1.", "2.", "3,", "4."]
    flat = planparse.parse("一、目标\n参加人数3,500人，提高1.5倍。\n", classify=False, extract=False)
    assert [s.marker for s in flat.walk()] == ["一、"]


def test_paragraph_enumerations_that_open_their_own_paragraphs():
    text = ("一、工作措施\n一是加强队伍建设。组织教师学习。\n二是强化常规管理。每周检查。\n"
            "二、保障措施\n首先，完善制度。\n其次，加强考核。\n最后，做好总结。\n"
            "三、其他\n做好宣传。一是加强学习，二是树立榜样。\n最后，配合学校加强师德宣传。\n")
    doc = planparse.parse(text, classify=False, extract=False)
    assert [(s.level, s.marker) for s in doc.walk()] == [
        (1, "一、"), (2, "一是"), (2, "二是"), (1, "二、"), (2, "首先，"), (2, "其次，"), (2, "最后，"), (1, "三、")]
    # The steps of one paragraph, each after the one before in the same line, are not headings,
    # opening the line or not (第一，…。第二，…; 首先，…。 其次，…); on lines of their own they are.
    inline = ("一、措施\n第一，要抓好常规。第二，要抓好质量。\n首先，统一思想。 其次，落实责任。最后，督查。\n"
              "二、要求\n第一，要抓好常规。\n第二，要抓好质量，办好第二课堂。\n")
    doc = planparse.parse(inline, classify=False, extract=False)
    assert [(s.level, s.marker) for s in doc.walk()] == [(1, "一、"), (1, "二、"), (2, "第一，"), (2, "第二，")]


def test_full_width_digits_and_week_ranges():
    text = "一、目标\n１．提高质量\n（１）备课\n（２）上课\n２．加强管理\n二、安排\n第1周：开学准备\n第2-3周：教研活动\n"
    doc = planparse.parse(text, classify=False, extract=False)
    assert [(s.level, s.marker or s.title) for s in doc.walk()] == [
        (1, "一、"), (2, "１．"), (3, "（１）"), (3, "（２）"), (2, "２．"), (1, "二、"), (2, "第1周"), (2, "第2-3周")]
    assert [s.ordinal for s in doc.walk()][:3] == [1, 1, 1]


def test_generic_heading_words_are_headings_not_plan_titles():
    # 一、工作思路 / 一、工作安排 open a plan; a line 工作安排 inside a plan starts no new plan.
    doc = planparse.parse("一、工作思路\n坚持立德树人。\n二、工作目标\n提高质量。\n", classify=False, extract=False)
    assert [s.title for s in doc.walk()] == ["工作思路", "工作目标"]
    text = "XX学校2023年工作计划\n一、指导思想\n坚持。\n二、工作目标\n提高质量。\n工作安排\n九月份：开学\n十月份：检查\n"
    doc = planparse.parse(text, classify=False, extract=False)
    assert len(doc.plans) == 1
    assert [s.title for s in doc.walk()][-3:] == ["工作安排", "九月份", "十月份"]


def test_month_ranges_and_formal_numerals():
    # 004: "二~三月份:" heads a schedule that goes on with 四月份: 五月份: …
    doc = planparse.load(CORPORA / "004_854aabf43ff7fc92.txt", classify=False, extract=False)
    first = next(s for s in doc.walk() if s.title == "二~三月份")
    months = [s for s in doc.walk() if s.scheme == "month" and s.start >= first.start]
    assert [s.title for s in months] == ["二~三月份", "四月份", "五月份", "六月份"]
    assert len({s.parent.start for s in months}) == 1 and months[0].ordinal == 3
    text = "壹、計畫依據\n一、依據教育部規定。\n二、依據校務計畫。\n貳、實施目標\n一、提升學生素養。\n"
    doc = planparse.parse(text, classify=False, extract=False)
    assert [(s.level, s.marker, s.ordinal) for s in doc.walk()] == [
        (1, "壹、", 1), (2, "一、", 1), (2, "二、", 2), (1, "貳、", 2), (2, "一、", 1)]


def test_closing_parenthesis_numerals_and_dot_bullets():
    doc = planparse.parse("一）指导思想\n坚持立德树人。\n二）工作目标\n·开学典礼\n·运动会\n", classify=False, extract=False)
    assert [(s.level, s.marker) for s in doc.walk()] == [(1, "一）"), (1, "二）"), (2, "·"), (2, "·")]
    doc = planparse.parse("一、目标\n二年级一）班和二）班参加。\n", classify=False, extract=False)
    assert [s.marker for s in doc.walk()] == ["一、"]


def test_a_page_chunk_number_before_clutter_is_no_heading(parsed):
    # d021: a document site numbers its chunk "1、精选优质文档-倾情为你奉上…" inside a long run-on line.
    doc = parsed("devset/d021.txt")
    assert all("精选优质文档" not in s.title for s in doc.walk())


def test_unmarked_plans_on_one_page(parsed):
    # 004 ("本文共5篇", no 篇 markers): the 工会 plan's title comes again under its first
    # paragraph without the site's " -计划" suffix (no second plan), and a 教科室 plan signed
    # "陆渡中学教科室 / 2月20日" is followed by an untitled plan starting again at 一、指导思想.
    doc = parsed("004_854aabf43ff7fc92.txt")
    titles = [p.title for p in doc.plans]
    assert titles.count("紫石中学学年度第二学期工会工作计划") == 1  # the site's " -计划" dropped
    assert "学年度第一学期沟陡中学教科室工作计划" in titles  # and its "-工作计划"
    signed = doc.text.index("陆渡中学教科室\n\n2月20日")
    after = next(p for p in doc.plans if p.start > signed)
    assert after.title == "" and doc.text[after.start :].startswith("一、指导思想")
    assert after.sections[0].title == "指导思想"


@pytest.mark.parametrize("date", ["2月20日", "2023年 2月20日", "2023-02-20", "2023.2.20"])
def test_a_sign_off_dated_in_any_common_form_ends_its_plan(date):
    # The 004 page shape (signer line, date line, an outline restarting at 一、) with other date forms.
    text = ("陆渡中学教科室工作计划\n一、指导思想\n认真学习。\n二、工作目标\n提高质量。\n"
            f"陆渡中学教科室\n\n{date}\n\n一、指导思想\n坚持育人。\n二、主要工作\n开展教研。\n")
    doc = planparse.parse(text, classify=False, extract=False)
    assert len(doc.plans) == 2
    assert doc.plans[1].title == "" and text[doc.plans[1].start :].startswith("一、指导思想\n坚持育人")


@pytest.mark.parametrize("name, tail", [("000_a899a329fb790c0d.txt", "相关推荐"),
                                        ("003_6f7cf6aaac7bc96b.txt", "《小学2023-2024学年工作计划》相关文档")])
def test_the_related_pages_list_at_a_page_end_belongs_to_no_plan(parsed, name, tail):
    doc = parsed(name)
    line_start = doc.text.index("\n" + tail) + 1
    assert doc.plans and all(p.end <= line_start for p in doc.plans)
    assert all(s.start < line_start for s in doc.walk())


def _outline(doc, offset=0):
    return [(s.start - offset, s.marker, s.title) for s in doc.walk()]


def test_a_related_pages_box_with_the_plan_going_on_after_it_cuts_nothing(parsed):
    # A 相关阅读 box under 003's page title, before its date line: the page goes on after it.
    doc = parsed("003_6f7cf6aaac7bc96b.txt")
    at = doc.text.index("时间:24-01-06")
    box = "相关阅读:\n\n小学2022-2023学年工作计划09-04\n\n"
    boxed = planparse.parse(doc.text[:at] + box + doc.text[at:], classify=False, extract=False)
    assert [p.title for p in boxed.plans] == [p.title for p in doc.plans]
    shifted = [(a + len(box) if a >= at else a, m, t) for a, m, t in _outline(doc)]
    assert _outline(boxed) == shifted


def test_pages_after_a_related_pages_list_are_still_parsed(parsed):
    # 000 ends with its 相关推荐 list; a second page (003) saved after it in the same file.
    first, second = parsed("000_a899a329fb790c0d.txt"), parsed("003_6f7cf6aaac7bc96b.txt")
    joined = planparse.parse(first.text + "\n\n" + second.text, classify=False, extract=False)
    offset = len(first.text) + 2
    tail = first.text.index("\n相关推荐") + 1
    assert [p.title for p in joined.plans[: len(first.plans)]] == [p.title for p in first.plans]
    after = [s for s in joined.walk() if s.start >= offset]
    assert [(s.start - offset, s.marker, s.title) for s in after] == _outline(second)
    assert not any(tail <= s.start < offset for s in joined.walk())  # the list itself: no headings
    assert not any(tail <= p.start < offset for p in joined.plans)


def test_a_markdown_title_line_gives_the_plan_its_title_without_the_hashes(parsed):
    # d006 opens with "### 小学第二学期工作计划": the hashes are the page's markup, not the title.
    doc = parsed("devset/d006.txt")
    assert doc.plans[0].title == "小学第二学期工作计划"
    assert doc.text.startswith("### 小学第二学期工作计划") and doc.plans[0].start == 0


def test_lowercase_letter_headings_carry_the_lists_under_them(parsed):
    # 001: 三、具体措施 / a、德育工作 / (一)加强教师队伍建设… (五)家校紧携手… / b、教学工作 / (一)提高教师合作意识…
    doc = parsed("001_4831cd458b4b7471.txt")
    measures = _find(doc, "三、", "具体措施")
    moral = _find(doc, "a、", "德育工作")
    teaching = _find(doc, "b、", "教学工作")
    assert moral.parent is measures and teaching.parent is measures
    assert [c.marker for c in moral.children] == ["(一)", "(二)", "(三)", "(四)", "(五)"]
    assert moral.children[-1].title.startswith("家校紧携手")
    assert teaching.children[0].title.startswith("提高教师合作意识")


def test_one_character_and_bracketed_numbers_continue_one_list(parsed):
    # 004: 三月份:⑴组织教师参加… ⑵开展… (3)建立教师子女… (4)部分教师外出培训 (5)教学展示课活动
    doc = parsed("004_854aabf43ff7fc92.txt")
    march = next(s for s in doc.walk() if s.title == "三月份")
    assert [c.marker for c in march.children] == ["⑴", "⑵", "(3)", "(4)", "(5)"]
    april = next(s for s in doc.walk() if s.title == "四月份")
    assert [c.marker for c in april.children] == ["⑴", "(2)", "(3)", "(4)", "(5)"]


def test_a_guard_looks_only_at_the_character_right_before_a_marker(parsed):
    # d017: 三、活动安排 / 1、 / 2. / 4.各中队上好每周五少先队活动课 — the "." ending the line
    # before is no "2.4." decimal: 4. is the list's next item (as in the CRLF copy of the page).
    doc = parsed("devset/d017.txt")
    item = _find(doc, "4.", "各中队上好每周五少先队活动课")
    assert item.parent is not None and item.parent.title == "活动安排"
    crlf = planparse.parse(doc.text.replace("\n", "\r\n"), classify=False, extract=False)
    assert [(s.marker, s.title, s.level) for s in crlf.walk()] == [(s.marker, s.title, s.level) for s in doc.walk()]


def _without_blank_lines(text):
    import re

    return re.sub(r"\n[ \t\u3000]*\n+", "\n", text)


@pytest.mark.parametrize("path", DEVSET + [CORPORA / "004_854aabf43ff7fc92.txt"], ids=lambda p: p.name)
def test_the_outline_does_not_depend_on_blank_lines_between_paragraphs(path, parsed):
    # Pages come with and without a blank line between paragraphs. Two places this caught:
    # d026 "…5、营造和谐的充满关爱的生活氛围 三、主要工作\n(一)不断提高…" (a run-on line closing
    # on a heading) and 004 "(一)着力开展各项课题研究,…构建学校课程体系\n1.在上学期…" (a long
    # heading line): neither is a sentence cut by a line break.
    doc = parsed(str(path.relative_to(CORPORA)))
    tight = planparse.parse(_without_blank_lines(doc.text), classify=False, extract=False)
    assert _shape(tight) == _shape(doc)


def _shape(doc):
    return [(s.marker, s.title.strip("*"), s.level, s.parent.title.strip("*") if s.parent else None)
            for s in doc.walk()]


def _bold_short_lines(text):
    import re

    return re.sub(r"(?m)^([ \t\u3000]*)([^\s*#][^\n。*]{1,19}?)([ \t\u3000]*)$", r"\1**\2**\3", text)


@pytest.mark.parametrize("path", DEVSET, ids=lambda p: p.name)
def test_markdown_bold_short_lines_give_the_same_outline_and_plans(path, parsed):
    # Pages converted to markdown bold their short lines: **一、指导思想**, **指导思想**, and the
    # document site's **• 约 10页** clutter. The stars change neither the outline nor the plans.
    doc = parsed(str(path.relative_to(CORPORA)))
    bold = planparse.parse(_bold_short_lines(doc.text), classify=False, extract=False)
    assert _shape(bold) == _shape(doc)
    assert [p.title for p in bold.plans] == [p.title for p in doc.plans]


def test_a_title_line_ending_in_a_plan_number_is_the_whole_title(parsed):
    # d022: "  2021中小学安全安全工作计划一" opens its line: the plan starts at 2021…, not at the
    # 工作计划 that also appears earlier on the page.
    doc = parsed("devset/d022.txt")
    at = doc.text.index("2021中小学安全安全工作计划一")
    assert [(p.start, p.title) for p in doc.plans] == [(at, "2021中小学安全安全工作计划")]


def test_a_title_repeated_around_the_date_line_starts_the_plan_at_its_first_line(parsed):
    # d031: "2025 年小学语文学科教师工作计划 / 时间:2025-03-02 / 2025 年小学语文学科教师工作计划 / 一、…"
    doc = parsed("devset/d031.txt")
    assert doc.text.startswith("2025 年小学语文学科教师工作计划\n")
    assert doc.plans[0].start == 0 and doc.plans[0].title == "2025 年小学语文学科教师工作计划"


def _in_traditional(text):
    # Written here from the data file's pairs, read the other way: 学校工作计划 → 學校工作計劃.
    pairs = {}
    for line in (Path(planparse.__file__).parent / "data" / "t2s.txt").read_text("utf-8").splitlines():
        if not line.startswith("#") and "\t" in line:
            trad, simp = line.split("\t", 1)
            pairs.setdefault(simp, trad)
    return text.translate(str.maketrans(pairs))


@pytest.mark.parametrize("path", SEEDS + DEVSET, ids=lambda p: p.name)
def test_a_page_in_traditional_characters_gets_the_same_outline(path, parsed):
    # The same page in traditional characters (學校工作計劃, 當前位置, 指導思想): the same
    # headings, levels and plans at the same offsets, every string cut from the page itself.
    from .test_invariants import check_invariants

    doc = parsed(str(path.relative_to(CORPORA)))
    trad_text = _in_traditional(doc.text)
    assert len(trad_text) == len(doc.text)
    trad = planparse.parse(trad_text, classify=False, extract=False)
    check_invariants(trad)

    def offsets(d):
        return [(s.start, s.level, s.heading_end, s.parent.start if s.parent else None) for s in d.walk()]

    assert offsets(trad) == offsets(doc)
    assert [(p.start, p.end) for p in trad.plans] == [(p.start, p.end) for p in doc.plans]
    assert [p.title for p in trad.plans] == [_in_traditional(p.title) for p in doc.plans]


def test_formal_numerals_in_traditional_characters_are_headings():
    # 壹、 貳、 參、 of a Taiwanese plan: the parser reads 參 as 参 (its simplified form), which
    # must still be the formal three.
    text = "壹、總則\n依據計劃辦理。\n貳、目標\n提升品質。\n參、措施\n加強管理。\n肆、附則\n未盡事宜另行通知。\n"
    doc = planparse.parse(text, classify=False, extract=False)
    assert [(s.marker, s.ordinal, s.title) for s in doc.walk()] == [
        ("壹、", 1, "總則"), ("貳、", 2, "目標"), ("參、", 3, "措施"), ("肆、", 4, "附則")]


@pytest.mark.parametrize("name, title", [
    ("devset/d028.txt", "莲峰第二中学2020届毕业班迎考备考工作方案"),  # broken over two lines
    ("devset/d029.txt", "学校中考备考方案"),                        # 学校中考备考方案:“明确目标、…”!
    ("devset/d015.txt", "上学期学校教科室工作计划"),                 # …工作计划怎么写?( 四 )
    ("devset/d020.txt", "中学少先队工作计划及每月安排"),             # 以下是一份中学少先队工作计划及每月安排,结合…
    ("devset/d033.txt", "中学心理健康辅导中心第一学期工作计划"),     # title_title (a site's page title)
    ("devset/d014.txt", "小学小课题研究计划"),                      # …研究计划(推荐10篇)
])
def test_a_plan_opening_a_page_gets_the_title_its_first_line_names(parsed, name, title):
    assert parsed(name).plans[0].title == title


def test_plans_behind_numbered_markers_take_their_own_titles(parsed):
    # 001: each 篇N: repeats the page's title (学年度第一学期学校义务教育集团化办学工作计划) and the
    # plan's own title follows on the next line; 篇2 and 篇3 open their text (篇2一、指导思想:) under
    # their title line (学年度第一学期工作计划).
    doc = parsed("001_4831cd458b4b7471.txt")
    titles = {doc.text[p.start:p.start + 2]: p.title for p in doc.plans}
    assert titles["篇一"] == "2022—2023学年度第一学期学校工作计划"
    assert titles["篇四"] == "小学2022-2023学年度第一学期教学工作计划"
    assert titles["篇2"] == titles["篇3"] == "学年度第一学期工作计划"
    second = next(p for p in doc.plans if doc.text.startswith("篇2", p.start))
    assert (second.sections[0].marker, second.sections[0].title) == ("一、", "指导思想")


def test_a_marker_alone_on_its_line_takes_the_next_line_as_its_title(parsed):
    # d017: 一、做好常规工作 / 1. / 认真组织每周一的升国旗仪式,加强全校师生的思德教育; / 2. / …
    doc = parsed("devset/d017.txt")
    first = doc.plans[0].sections[0]
    assert first.title == "做好常规工作"
    assert [c.marker for c in first.children] == ["1.", "2.", "3.", "4.", "5."]
    assert first.children[0].title == "认真组织每周一的升国旗仪式,加强全校师生的思德教育;"
    assert first.children[3].title == "做好校园网的上传宣传工作;"
    # Also across a blank line; a marker with nothing after it at all keeps an empty title.
    doc2 = planparse.parse("工作计划\n一、\n\n指导思想\n坚持育人。\n二、\n", classify=False, extract=False)
    assert [(s.marker, s.title) for s in doc2.walk()] == [("一、", "指导思想"), ("二、", "")]


def test_a_related_pages_list_opens_a_line_of_its_own():
    # 000's 相关推荐 line and 003's 《…》相关文档: line (tested above on the pages); here where such a
    # word counts: opening the text's first line or any line after its blanks, with \n or \r\n
    # breaks; not inside a line (…请参阅相关文档。).
    from planparse.plans import _tail_lines

    text = "相关推荐\n工作计划\n  猜你喜欢：\r\n请参阅相关文档。\n\u3000《学校工作计划》相关文档:\n"
    assert [text[a : a + 4] for a in _tail_lines(text)] == ["相关推荐", "  猜你", "\u3000《学校"]
    assert _tail_lines("本计划相关推荐如下。") == []


def _run_on(text):
    """The page with every line break removed (as pages scraped without their block breaks come)."""
    return text.replace("\r", "").replace("\n", "")


def test_a_run_on_page_drops_the_sites_chunk_number_before_the_plan_title():
    # d018 run on: …请在第壹文秘上搜索。1、XXXX小学XXXX年度少先队工作计划范文一、指导思想以中共中央…
    doc = planparse.parse(_run_on(read(CORPORA / "devset" / "d018.txt")), classify=False, extract=False)
    top = doc.plans[0].sections
    assert [(s.marker, s.title[:4]) for s in top[:3]] == [("一、", "指导思想"), ("二、", "工作思路"), ("三、", "工作要点")]
    points = top[2].children
    assert [s.marker for s in points[:3]] == ["(一)", "(二)", "(三)"]


def test_month_headings_after_a_sentence_in_a_run_on_page():
    # d020 run on: …(敬老院慰问、环保清洁)。…。四月:爱国主义教育月… 。五月:劳动实践月… (三月 is glued
    # to its heading's title, 三、每月工作计划三月:, and stays part of it).
    doc = planparse.parse(_run_on(read(CORPORA / "devset" / "d020.txt")), classify=False, extract=False)
    months = [s for s in doc.walk() if s.scheme == "month"]
    assert [m.ordinal for m in months][:2] == [4, 5]
    assert len({m.level for m in months}) == 1
    assert all(m.parent is not None and m.parent.marker == "三、" for m in months)


def _joined(first, second):
    a = read(CORPORA / "devset" / first).rstrip()
    return a + "\n\n" + read(CORPORA / "devset" / second), len(a) + 2


def test_a_page_whose_first_title_runs_into_its_text_still_splits_at_the_next_title_line():
    # d047 opens 东站小学艺术节活动方案一、指导思想:… (no title line of its own); d017 after it opens with
    # its title line 七一路小学少先队工作计划.
    text, at = _joined("d047.txt", "d017.txt")
    doc = planparse.parse(text, classify=False, extract=False)
    assert [p.start for p in doc.plans] == [0, at]
    assert doc.plans[1].title == "七一路小学少先队工作计划"
    alone = planparse.parse(read(CORPORA / "devset" / "d017.txt"), classify=False, extract=False)
    assert [(s.start + at, s.level, s.title) for s in alone.walk()] == [
        (s.start, s.level, s.title) for s in doc.plans[1].walk()]


def test_a_plan_title_broken_over_two_lines_starts_its_plan_at_the_first():
    # d028's title: 莲峰第二中学2020届毕业班迎考备考 / 工作方案, after d014 on one page.
    text, at = _joined("d014.txt", "d028.txt")
    doc = planparse.parse(text, classify=False, extract=False)
    assert [p.start for p in doc.plans] == [0, at]
    assert doc.plans[1].title == "莲峰第二中学2020届毕业班迎考备考工作方案"


def test_a_running_page_header_is_no_new_plan():
    # d047 (one run-on line, its title run into its text) broken after each sentence, as a PDF gives
    # it: the title again at the head of every page.
    lines = read(CORPORA / "devset" / "d047.txt").replace("。", "。\n").split("\n")
    assert len(lines) > 6
    paged = "\n".join(line if i % 3 or i == 0 else f"东站小学艺术节活动方案\n{line}" for i, line in enumerate(lines))
    doc = planparse.parse(paged, classify=False, extract=False)
    assert len(doc.plans) == 1


@pytest.mark.parametrize("first, second", [
    ("计划一：学校德育工作计划", "计划二：学校安全工作计划"), ("【范文一】学校德育工作计划", "【范文二】学校安全工作计划"),
    ("第1篇 学校德育工作计划", "第2篇 学校安全工作计划"), ("【第1篇】学校德育工作计划", "【第2篇】学校安全工作计划"),
    ("范文1：学校德育工作计划", "范文2：学校安全工作计划"), ("学校德育工作计划 篇一", "学校安全工作计划 篇二"),
])
def test_every_way_of_numbering_plans_on_a_page_gives_each_its_title(first, second):
    body = "一、指导思想\n坚持立德树人。\n二、工作目标\n提高教育质量。\n"
    doc = planparse.parse(f"网站首页\n{first}\n{body}{second}\n{body}", classify=False, extract=False)
    assert [p.title for p in doc.plans] == ["学校德育工作计划", "学校安全工作计划"]
    assert [[s.title for s in p.sections] for p in doc.plans] == [["指导思想", "工作目标"]] * 2


_CN_DIGITS = "一二三四五六七八九十"


@pytest.mark.parametrize("restyle", [
    # (一) as one glyph ㈠, or in square brackets [一]
    lambda m: chr(0x3220 + _CN_DIGITS.index(m.group(1))) if m.group(0)[0] in "(（" else m.group(0),
    lambda m: f"[{m.group(1)}]" if m.group(0)[0] in "(（" else m.group(0),
])
def test_other_ways_of_writing_the_paren_numbers_give_the_same_outline(restyle, parsed):
    # d010 and d019 number their parts 一、 (一) 1.: the (一) written as ㈠ or [一] changes nothing.
    import re

    for name in ("devset/d010.txt", "devset/d019.txt"):
        text = read(CORPORA / name)
        styled = re.sub(r"(?m)^(?:[(（]([一二三四五六七八九十])[)）])", restyle, text)
        assert styled != text
        doc = planparse.parse(styled, classify=False, extract=False)
        assert [(s.level, s.title) for s in doc.walk()] == [(s.level, s.title) for s in parsed(name).walk()]


def test_keycap_numbers_and_check_mark_bullets_of_phone_written_pages(parsed):
    # d048's 1. 2. 3. written as 1️⃣ 2️⃣ 3️⃣ (as WeChat articles write them).
    import re

    text = read(CORPORA / "devset" / "d048.txt")
    styled = re.sub(r"(?m)^(\d)[.．]", lambda m: f"{m.group(1)}\ufe0f\u20e3", text)
    assert styled != text
    doc = planparse.parse(styled, classify=False, extract=False)
    assert [(s.level, s.title) for s in doc.walk()] == [(s.level, s.title) for s in parsed("devset/d048.txt").walk()]
    assert any(s.scheme == "keycap" for s in doc.walk())
    bullets = planparse.parse("学校工作计划\n一、重点工作\n✅ 课程建设\n✅ 队伍建设\n", classify=False, extract=False)
    assert [(s.level, s.marker, s.title) for s in bullets.walk()] == [
        (1, "一、", "重点工作"), (2, "✅", "课程建设"), (2, "✅", "队伍建设")]
