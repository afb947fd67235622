"""Numbers as plans write them, and the view of the text the extractors read."""

from __future__ import annotations

import pytest

from planparse.extract.numbers import parse_number, percent_value
from planparse.extract.textview import TextView, normalize_chars


@pytest.mark.parametrize(
    ("written", "value"),
    [("98", 98.0), ("3.5", 3.5), ("一", 1.0), ("两", 2.0), ("十", 10.0), ("十二", 12.0), ("二十五", 25.0),
     ("一百二十", 120.0), ("两百", 200.0), ("二〇二三", 2023.0)],
)
def test_arabic_and_chinese_numerals_become_numbers(written: str, value: float) -> None:
    assert parse_number(written) == value


@pytest.mark.parametrize("written", ["9" * 400, "1234567890", "十十", "万", "", "abc"])
def test_implausible_or_malformed_numbers_stay_text(written: str) -> None:
    assert parse_number(written) is None


def test_percent_words_become_percent_values() -> None:
    assert percent_value("百分之九十") == 90.0
    assert percent_value("百分之百") == 100.0
    assert percent_value("百分之九十五点五") == 95.5
    assert percent_value("九十") is None


def test_view_maps_traditional_and_fullwidth_one_to_one() -> None:
    text = "學校工會（一）：合格率達到９８％"
    assert normalize_chars(text) == "学校工会(一):合格率达到98%"
    view = TextView(text)
    assert len(view.text) == len(text)
    assert view.span(2, 4) == (2, 4)


def test_view_drops_spaces_and_pinyin_inside_words_and_maps_back() -> None:
    text = "建立團 委制度，教導(dǎo)處負責"
    view = TextView(text)
    assert "团委" in view.text and "教导处" in view.text
    i = view.text.index("教导处")
    a, b = view.span(i, i + 3)
    assert text[a:b] == "教導(dǎo)處"
    i = view.text.index("团委")
    a, b = view.span(i, i + 2)
    assert text[a:b] == "團 委"
    assert view.view_offset(text.index("負")) == view.text.index("负")


def test_view_keeps_spaces_between_latin_words() -> None:
    assert TextView("OKR progress 会议").text == "OKR progress会议"
