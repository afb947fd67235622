"""Line geometry: every newline convention, blanks around lines, lines made when asked for."""

from __future__ import annotations

import pytest

from planparse.lines import Lines

from .conftest import ALL_DOCS, read


def _trimmed(piece: str) -> str:
    """A line without the blanks around it: whitespace, and the invisible zero-width
    characters and BOM that web pages leave (written out here, not taken from the code)."""
    def blank(ch: str) -> bool:
        return ch.isspace() or ch in "\u200b\u200c\u200d\ufeff"

    a, b = 0, len(piece)
    while a < b and blank(piece[a]):
        a += 1
    while b > a and blank(piece[b - 1]):
        b -= 1
    return piece[a:b]


@pytest.mark.parametrize("path", ALL_DOCS[:8], ids=lambda p: p.name)
def test_each_line_is_its_text_without_the_blanks_around_it(path):
    text = read(path)
    lines = Lines(text)
    pieces = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    assert len(lines) == len(pieces) == len(lines.lines)
    for i, piece in enumerate(pieces):
        ln = lines.line(i)
        assert ln == lines.lines[i] == lines.line_of(ln.raw_start)
        assert ln.text(text) == _trimmed(piece)


def test_crlf_cr_and_blank_lines():
    text = "  一、目标 \r\n\r\n\u3000（一）教学\r二、措施\n"
    lines = Lines(text)
    assert [ln.text(text) for ln in lines.lines] == ["一、目标", "", "（一）教学", "二、措施", ""]
    assert lines.starts == [0, 9, 11, 18, 23]
    assert lines.next_nonblank(0).text(text) == "（一）教学"
    assert lines.next_nonblank(3) is None
