"""Word files: automatic numbering (the labels Word draws, not typed), line breaks, tabs."""

from __future__ import annotations

import re

import pytest

import planparse
from planparse.docx_lists import format_number

from .conftest import CORPORA, read

docx = pytest.importorskip("docx")
from docx.oxml import parse_xml  # noqa: E402

W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'

# A plan outline the way Word's "multilevel list" gallery makes it: 一、 （一） 1. （1）.
_LEVELS = [("chineseCounting", "%1、"), ("chineseCounting", "（%2）"), ("decimal", "%3."), ("decimal", "（%4）")]
_TYPED = re.compile(r"^[ \t\u3000]*(?:(?P<l0>[一二三四五六七八九十]+、)|(?P<l1>[（(][一二三四五六七八九十]+[）)])"
                    r"|(?P<l2>\d+[.．](?!\d))|(?P<l3>[（(]\d+[）)]))")


def _add_outline_list(document, num_id: int = 90, abstract_id: int = 90) -> None:
    levels = "".join(
        f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/><w:lvlText w:val="{text}"/>'
        f'<w:suff w:val="nothing"/></w:lvl>'
        for i, (fmt, text) in enumerate(_LEVELS))
    numbering = document.part.numbering_part.element
    numbering.insert(0, parse_xml(f'<w:abstractNum {W_NS} w:abstractNumId="{abstract_id}">{levels}</w:abstractNum>'))
    numbering.append(parse_xml(f'<w:num {W_NS} w:numId="{num_id}"><w:abstractNumId w:val="{abstract_id}"/></w:num>'))


def _number(paragraph, level: int, num_id: int = 90) -> None:
    ppr = paragraph._p.get_or_add_pPr()
    ppr.append(parse_xml(f'<w:numPr {W_NS}><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/></w:numPr>'))


def _as_word_list(text: str, path) -> None:
    """``text`` as a .docx whose typed 一、 （一） 1. （1） markers became Word's automatic numbering."""
    document = docx.Document()
    _add_outline_list(document)
    for line in text.splitlines():
        m = _TYPED.match(line)
        if m is None:
            document.add_paragraph(line)
            continue
        level = int(m.lastgroup[1])
        _number(document.add_paragraph(line[m.end():]), level)
    document.save(path)


def _shape(doc):
    return [(s.level, s.title) for s in doc.walk()]


# Real plans whose headings are typed GB/T 9704 markers (一、 (一) 1. (1)) and nothing else.
@pytest.mark.parametrize("name", ["d003", "d010", "d019", "d029", "d035", "d048"])
def test_word_automatic_numbering_gives_the_outline_of_the_typed_markers(tmp_path, name):
    text = read(CORPORA / "devset" / f"{name}.txt")
    typed = planparse.parse(text, classify=False, extract=False)
    _as_word_list(text, tmp_path / f"{name}.docx")
    drawn = planparse.load(tmp_path / f"{name}.docx", classify=False, extract=False)
    assert len(_shape(typed)) >= 3
    assert _shape(drawn) == _shape(typed)
    # Every label is drawn as Word draws it: the top level in Chinese counting, from 一、 on.
    tops = [s.marker for s in drawn.plans[-1].sections]
    assert tops and tops == [f"{n}、" for n in "一二三四五六七八九十"[: len(tops)]]


def test_levels_restart_under_a_new_parent_and_lists_restart_on_request(tmp_path):
    document = docx.Document()
    _add_outline_list(document)
    numbering = document.part.numbering_part.element
    # A second list instance of the same definition that restarts level 0 at 1 (Word's "restart at 1").
    numbering.append(parse_xml(f'<w:num {W_NS} w:numId="91"><w:abstractNumId w:val="90"/>'
                               '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>'))
    document.add_paragraph("学校工作计划")
    for title, level, num_id in [("指导思想", 0, 90), ("工作目标", 0, 90), ("教学", 1, 90), ("备课", 2, 90),
                                 ("上课", 2, 90), ("德育", 1, 90), ("班会", 2, 90), ("保障措施", 0, 90),
                                 ("附：月历", 0, 91), ("九月", 0, 91)]:
        _number(document.add_paragraph(title), level, num_id)
    document.save(tmp_path / "plan.docx")
    lines = planparse.loader.load_text(tmp_path / "plan.docx").splitlines()
    assert lines[1:] == ["一、指导思想", "二、工作目标", "（一）教学", "1.备课", "2.上课", "（二）德育", "1.班会",
                         "三、保障措施", "一、附：月历", "二、九月"]


def test_list_styles_line_breaks_and_tabs_inside_paragraphs(tmp_path):
    document = docx.Document()
    document.add_paragraph("学校安全工作计划")
    document.add_paragraph("指导思想", style="List Number")  # numbered through its style
    document.add_paragraph("工作目标", style="List Number")
    p = document.add_paragraph("（一）教学")
    p.add_run().add_break()  # shift-enter: a new line inside the paragraph
    p.add_run("1、备课\t认真")
    document.save(tmp_path / "plan.docx")
    text = planparse.loader.load_text(tmp_path / "plan.docx")
    assert text.splitlines() == ["学校安全工作计划", "1.\t指导思想", "2.\t工作目标", "（一）教学", "1、备课\t认真"]
    doc = planparse.parse(text, classify=False, extract=False)
    assert [(s.level, s.marker) for s in doc.walk()] == [(1, "1."), (1, "2."), (1, "（一）"), (2, "1、")]


@pytest.mark.parametrize("n, fmt, drawn", [
    (11, "chineseCounting", "十一"), (3, "ideographTraditional", "丙"), (4, "decimalEnclosedCircle", "④"),
    (2, "decimalEnclosedParen", "⑵"), (9, "upperRoman", "IX"), (28, "lowerLetter", "bb"),
    (7, "decimalZero", "07"), (12, "decimalFullWidth", "１２"), (5, "chineseLegalSimplified", "伍"),
    (10, "ideographDigital", "一〇"), (3, "someFutureFormat", "3")])
def test_number_formats(n, fmt, drawn):
    assert format_number(n, fmt) == drawn


def test_broken_numbering_definitions_draw_what_they_can_and_never_fail(tmp_path):
    document = docx.Document()
    numbering = document.part.numbering_part.element
    numbering.insert(0, parse_xml(
        f'<w:abstractNum {W_NS} w:abstractNumId="77"><w:lvl w:ilvl="x"><w:start w:val="?"/>'
        '<w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、%3"/></w:lvl>'
        '<w:lvl w:ilvl="1"><w:numFmt w:val="bullet"/><w:lvlText w:val="\uf0b7"/></w:lvl></w:abstractNum>'))
    numbering.append(parse_xml(f'<w:num {W_NS} w:numId="77"><w:abstractNumId w:val="77"/></w:num>'))
    numbering.append(parse_xml(f'<w:num {W_NS} w:numId="78"><w:abstractNumId w:val="404"/></w:num>'))
    document.add_paragraph("学校工作计划")
    for title, level, num_id in [("指导思想", 0, 77), ("要点", 1, 77), ("没有定义的列表", 0, 78),
                                 ("没有的编号", 0, 999), ("工作目标", 0, 77), ("深层", 12, 77)]:
        _number(document.add_paragraph(title), level, num_id)
    document.save(tmp_path / "broken.docx")
    lines = planparse.loader.load_text(tmp_path / "broken.docx").splitlines()
    # %3 names a level that was never used: Word draws its start value.
    assert lines == ["学校工作计划", "一、1\t指导思想", "•\t要点", "没有定义的列表", "没有的编号", "二、1\t工作目标",
                     "深层"]
