"""Loading files in the encodings and formats Chinese plans come in, and failing clearly."""

from __future__ import annotations

import html
import re

import pytest

import planparse
from planparse.errors import LoadError, PlanparseError, UnsupportedFormatError

from .conftest import CORPORA, read
from .test_invariants import check_invariants

SIMPLIFIED = CORPORA / "003_6f7cf6aaac7bc96b.txt"
TRADITIONAL = CORPORA / "devset" / "d035.txt"


@pytest.mark.parametrize("codec", ["utf-8", "utf-8-sig", "gb18030", "gbk", "utf-16", "utf-16-le", "utf-16-be"])
def test_simplified_plan_decodes_from_each_encoding(tmp_path, codec):
    text = read(SIMPLIFIED)
    if codec == "gbk":
        text = text.encode("gbk", errors="ignore").decode("gbk")
    path = tmp_path / f"plan-{codec}.txt"
    path.write_bytes(text.encode(codec))
    doc = planparse.load(path, classify=False, extract=False)
    assert doc.text == text
    assert [s.title for s in doc.walk()][:2] == ["指导思想", "工作目标"]


def test_traditional_plan_decodes_from_big5(tmp_path):
    text = read(TRADITIONAL).encode("big5", errors="ignore").decode("big5")
    path = tmp_path / "big5.txt"
    path.write_bytes(text.encode("big5"))
    assert planparse.load(path, classify=False, extract=False).text == text


def test_newlines_are_kept_as_written(tmp_path):
    path = tmp_path / "crlf.txt"
    path.write_bytes("学校工作计划\r\n一、指导思想\r\n坚持育人。\r\n二、目标\r\n".encode("gb18030"))
    doc = planparse.load(path, classify=False, extract=False)
    assert "\r\n" in doc.text
    assert [doc.text[s.start : s.heading_end] for s in doc.walk()] == ["一、指导思想", "二、目标"]


@pytest.mark.parametrize(
    "content, problem",
    [
        (b"", "empty"),
        (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "PNG"),
        (bytes([0x81, 0x20, 0xFF, 0xFE, 0x00, 0x81]) * 200 + bytes(range(0, 32)) * 50, "binary"),
    ],
    ids=["empty", "png-renamed", "undecodable"],
)
def test_bad_files_raise_a_clear_error_naming_the_file(tmp_path, content, problem):
    path = tmp_path / "plan.txt"
    path.write_bytes(content)
    with pytest.raises(PlanparseError) as info:
        planparse.load(path)
    message = str(info.value)
    assert str(path) in message
    assert problem.lower() in message.lower() or "decode" in message.lower()


def test_missing_file_and_directory_are_load_errors(tmp_path):
    with pytest.raises(LoadError, match="no such file"):
        planparse.load(tmp_path / "nope.txt")
    with pytest.raises(LoadError, match="directory"):
        planparse.load(tmp_path)


def test_png_is_reported_as_unsupported(tmp_path):
    path = tmp_path / "scan.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    with pytest.raises(UnsupportedFormatError):
        planparse.load(path)


@pytest.mark.parametrize(
    "text",
    [
        "The school will improve teaching quality this term. Teachers meet every week to plan lessons.",
        "床前明月光，\n疑是地上霜。\n举头望明月，\n低头思故乡。\n",
        "学校\x00工作\u200b计划\n一、\u200b指导思想\n\x00\n二、目标\n",
    ],
    ids=["english", "poem", "nul-and-zero-width"],
)
def test_texts_that_are_not_plans_give_a_valid_document(text):
    doc = planparse.parse(text)
    assert isinstance(doc, planparse.Document)
    for s in doc.walk():
        assert doc.text[s.start : s.end].startswith(s.marker)


def test_fifty_thousand_markers_in_a_row_give_a_valid_document():
    # Speed on such input lives in `make bench` (linear growth); here: no error, no hang, the contract holds.
    for text in ("一、" * 50000, "1.\n" * 50000, "（一）" * 50000):
        check_invariants(planparse.parse(text, classify=False, extract=False))


def test_twenty_megabyte_single_line_does_not_hang():
    line = ("学校坚持立德树人，全面提高教育教学质量。" * 1_000_000)[: 20 * 1024 * 1024 // 3]
    doc = planparse.parse(line, classify=False, extract=False)
    assert len(doc.plans) == 1


def test_docx_html_and_pdf_are_read(tmp_path):
    docx = pytest.importorskip("docx")
    d = docx.Document()
    for para in ["学校工作计划", "一、指导思想", "坚持育人。", "二、工作目标"]:
        d.add_paragraph(para)
    d.save(tmp_path / "plan.docx")
    doc = planparse.load(tmp_path / "plan.docx", classify=False, extract=False)
    assert [s.title for s in doc.walk()] == ["指导思想", "工作目标"]

    (tmp_path / "plan.html").write_text(
        "<html><body><h1>学校工作计划</h1><p>一、指导思想</p><p>坚持育人。<script>x=1</script></p>"
        "<p>二、工作目标</p></body></html>", encoding="gb18030")
    doc = planparse.load(tmp_path / "plan.html", classify=False, extract=False)
    assert [s.title for s in doc.walk()] == ["指导思想", "工作目标"]
    assert "x=1" not in doc.text

    (tmp_path / "broken.pdf").write_bytes(b"%PDF-1.4 not really a pdf")
    with pytest.raises(LoadError, match="broken.pdf"):
        planparse.load(tmp_path / "broken.pdf")


_ITEM = re.compile(r"^[ \t\u3000]*\d+[.．](?!\d)")
_HEAVIER = re.compile(r"^[ \t\u3000]*(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)])")


def _as_html_lists(text: str) -> str:
    """``text`` as a web page whose typed 1. 2. items became an <ol> (the browser draws the
    numbers), every other line a <p>; a heavier heading (一、 (一)) closes the list."""
    out, open_list = ["<html><body>"], False
    for line in text.splitlines():
        m = _ITEM.match(line)
        if m is not None:
            out.append("</li>" if open_list else "<ol>")
            out.append(f"<li>{html.escape(line[m.end():])}")
            open_list = True
            continue
        if open_list and _HEAVIER.match(line):
            out.append("</li></ol>")
            open_list = False
        out.append(f"<p>{html.escape(line)}</p>")
    out.append("</li></ol></body></html>" if open_list else "</body></html>")
    return "".join(out)


# Real plans whose numbered items are typed 1. 2. under 一、/(一) headings.
@pytest.mark.parametrize("name", ["d010", "d019", "d029", "d048"])
def test_ordered_lists_in_a_web_page_give_the_outline_of_the_typed_numbers(tmp_path, name):
    text = read(CORPORA / "devset" / f"{name}.txt")
    typed = planparse.parse(text, classify=False, extract=False)
    (tmp_path / f"{name}.html").write_text(_as_html_lists(text), encoding="utf-8")
    drawn = planparse.load(tmp_path / f"{name}.html", classify=False, extract=False)
    shape = [(s.level, s.title) for s in typed.walk()]
    assert any(s.scheme == "arabic-dot" for s in drawn.walk())
    assert [(s.level, s.title) for s in drawn.walk()] == shape


def test_web_page_lists_and_tables_read_as_a_browser_shows_them(tmp_path):
    page = ("<html><body><h2>学校工作计划</h2><ol style='list-style-type: cjk-ideographic'><li><p>指导思想</p>"
            "<p>坚持育人。</p></li><li>工作目标<ol type='a'><li>教学</li><li value='4'>德育</li></ol></li></ol>"
            "<table><tr><th>月份</th><th>工作</th></tr><tr><td>九月</td><td>开学典礼</td></tr></table>"
            "<ul><li>首页</li></ul></body></html>")
    (tmp_path / "plan.html").write_text(page, encoding="utf-8")
    lines = planparse.loader.load_text(tmp_path / "plan.html").splitlines()
    assert lines == ["学校工作计划", "一、指导思想", "坚持育人。", "二、工作目标", "a.教学", "d.德育",
                     "月份 | 工作", "九月 | 开学典礼", "首页"]


def test_a_web_page_saved_as_txt_is_read_as_a_page_and_a_doc_file_is_named_for_what_it_is(tmp_path):
    text = read(CORPORA / "devset" / "d048.txt")
    page = "<!DOCTYPE html>\n<html><head><title>计划</title><style>p{}</style></head><body>" + "".join(
        f"<p>{html.escape(line)}</p>" for line in text.splitlines()) + "</body></html>"
    (tmp_path / "saved.txt").write_text(page, encoding="gb18030")
    doc = planparse.load(tmp_path / "saved.txt", classify=False, extract=False)
    assert "<p>" not in doc.text and "p{}" not in doc.text
    typed = planparse.parse(text, classify=False, extract=False)
    assert [(s.level, s.title) for s in doc.walk()] == [(s.level, s.title) for s in typed.walk()]
    # A plain text that only mentions a tag is text.
    (tmp_path / "plain.txt").write_text("学校工作计划\n<html>标签不算网页。\n一、指导思想\n", encoding="utf-8")
    assert "<html>" in planparse.load(tmp_path / "plain.txt", classify=False, extract=False).text
    (tmp_path / "old.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)
    with pytest.raises(UnsupportedFormatError, match=r"old\.doc.*save it as \.docx"):
        planparse.load(tmp_path / "old.doc")
