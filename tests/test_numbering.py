"""The marker scan: schemes tried only where a marker may stand find what a whole-text scan finds."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planparse.lines import Lines
from planparse.numbering import (
    GLUED,
    LINE,
    _marker_chars,
    _glued_capable,
    _glued_scan,
    _scans_everywhere,
    _schemes_starting_with,
    context_of,
    find_candidates,
    load_schemes,
    marker_positions,
)

from .conftest import ALL_DOCS, read
from .test_invariants import PIECES


def _contexts_agree(text: str) -> None:
    starts = Lines(text).starts
    positions = marker_positions(text, starts)
    begins = _marker_chars()
    for pos, ch in enumerate(text):
        if ch not in begins:
            assert pos not in positions  # no marker begins with it: not a position to try
            continue
        assert positions.get(pos, GLUED) == context_of(text, pos, starts), (pos, text[max(0, pos - 5) : pos + 5])


@pytest.mark.parametrize("path", ALL_DOCS, ids=lambda p: p.name)
def test_marker_positions_give_every_position_its_context(path):
    _contexts_agree(read(path))


def test_marker_positions_on_indented_decorated_and_crlf_lines():
    text = "  **一、目标**\r\n> 1. 读书\r\n\u3000\u3000（一）教学。二、德育  3、安全\u200b\u200b4、卫生\n|（2）x"
    _contexts_agree(text)
    positions = marker_positions(text, Lines(text).starts)
    assert positions[text.index("一、")] == LINE
    assert positions[text.index("1.")] == LINE
    assert positions[text.index("二、")] != GLUED
    assert positions[text.index("4、")] != GLUED


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(PIECES) | st.text(max_size=4), max_size=40))
def test_marker_positions_agree_with_context_of_on_generated_text(pieces):
    _contexts_agree("".join(pieces))


@pytest.mark.parametrize("path", ALL_DOCS, ids=lambda p: p.name)
def test_every_marker_a_whole_text_scan_finds_is_tried_at_its_position(path):
    """Each scheme is tried only where its first character can begin a marker:
    no marker the scheme's own pattern finds anywhere in the text escapes that choice."""
    text = read(path)
    schemes, _, _ = load_schemes()
    for scheme in schemes:
        for m in scheme.pattern.finditer(text):
            if m.end() == m.start():
                continue
            assert text[m.start()] in _marker_chars(), (scheme.name, m.group(0))
            if not _scans_everywhere(scheme):
                assert scheme in _schemes_starting_with(text[m.start()]), (scheme.name, m.group(0))


def _glued_scan_stops_wherever_a_scheme_matches(text: str) -> None:
    """The one scan shared by the schemes found glued to text stops at every position where
    one of them matches, and only there: as if each scheme tried every position itself."""
    scan, by_char = _glued_scan()
    stops = {m.start() for m in scan.finditer(text)}
    for pos in range(len(text)):
        matching = [s.name for s in _glued_capable()
                    if (m := s.pattern.match(text, pos)) is not None and m.end() > pos]
        assert (pos in stops) == bool(matching), (pos, text[pos : pos + 6], matching)
        if matching:
            assert set(matching) <= {s.name for s in by_char[text[pos]]}


@pytest.mark.parametrize("path", ALL_DOCS, ids=lambda p: p.name)
def test_the_shared_glued_scan_stops_where_each_scheme_would(path):
    _glued_scan_stops_wherever_a_scheme_matches(read(path))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(PIECES) | st.text(alphabet="一二十1２9（(）)〔〕[]、，,.．• \n", max_size=4),
                max_size=30))
def test_the_shared_glued_scan_on_generated_text(pieces):
    _glued_scan_stops_wherever_a_scheme_matches("".join(pieces))


def test_the_glued_schemes_share_one_scan():
    # Every scheme found glued to text is in the shared scan, and a glued marker inside a longer
    # one of its scheme is not a marker: 十一、 holds no 一、.
    assert {s for group in _glued_scan()[1].values() for s in group} == set(_glued_capable())
    found = {(c.start, c.marker) for c in find_candidates("要求十一、二两项做好学生1、2年级，工作1、读书2、写字")}
    assert (2, "十一、") in found and (3, "一、") not in found


def test_every_scheme_knows_the_characters_its_markers_begin_with():
    # A scheme whose first characters could not be read would make every position a candidate.
    schemes, _, _ = load_schemes()
    assert all(s.first for s in schemes), [s.name for s in schemes if not s.first]
    begins = _marker_chars()
    assert set("一十（(〔1９①⑴⒈•●-第首【#ⅡIA目任") - set("９") <= begins
    assert "的" not in begins and "。" not in begins


def test_position_tried_schemes_still_find_their_markers():
    text = "第一部分 总则\n第一章 目标\n①读书。⑴写字\n【重点工作】\nⅡ. 德育\n九月份：开学\n第三周：\n首先，做好\n"
    found = {(c.scheme, c.marker) for c in find_candidates(text)}
    assert {("part", "第一部分"), ("chapter", "第一章"), ("circled", "①"), ("paren-digit", "⑴"),
            ("bracket", "【重点工作】"), ("roman", "Ⅱ."), ("sequence", "首先，")} <= found
    assert {c.scheme for c in find_candidates(text)} >= {"month", "week"}


def test_a_marker_text_seen_before_keeps_its_position_dependent_parts():
    # What a scheme makes of "• " or "3-4月" is remembered; the indentation of a bullet and
    # the range before a month are still read where each stands.
    text = "• 总目标\n    • 分目标\n• 总目标二\n3-4月：读书\n5月：写字\n"
    first = find_candidates(text)
    again = find_candidates("\n" + text)
    assert [(c.start + 1, c.key, c.marker) for c in first] == [(c.start, c.key, c.marker) for c in again]
    keys = [c.key for c in first if c.scheme.startswith("bullet")]
    assert keys[0] == keys[2] != keys[1]
    month = next(c for c in first if c.scheme == "month")
    assert (text[month.start : month.start + 4], month.marker, month.ordinal) == ("3-4月", "", 4)


def _separately(scheme, entry, scan: str, pos: int):
    """What the scheme's pattern and its guards and weak test, each tried on its own, make of ``pos``."""
    from planparse.numbering import _guarded, _weak, _with_range
    from planparse.patterns import compile_pattern

    m = compile_pattern(_with_range(entry)).match(scan, pos)
    if m is None or _guarded(scheme, scan, pos, m.end()):
        return None
    return m.span(), _weak(scheme, scan, m.end())


@pytest.mark.parametrize("path", ALL_DOCS, ids=lambda p: p.name)
def test_the_folded_position_pattern_decides_as_the_separate_guards_do(path):
    """`Scheme.anchored` folds each scheme's guards and weak test into one pattern: at every
    position of a real page, for every scheme tried there, it decides as the pieces did."""
    import tomllib
    from importlib import resources

    entries = {e["name"]: e for e in tomllib.loads(
        resources.files("planparse").joinpath("data/schemes.toml").read_text("utf-8"))["scheme"]}
    text = read(path)
    tried = 0
    for pos in range(len(text)):
        for scheme in _schemes_starting_with(text[pos], LINE):
            m = scheme.anchored.match(text, pos)
            if m is not None and scheme.checks_before and scheme.guard_before.search(text, max(0, pos - 4), pos):
                m = None
            folded = None if m is None else (m.span(), scheme.weak_after is not None and m.group("weak") is not None)
            assert folded == _separately(scheme, entries[scheme.name], text, pos), (scheme.name, text[pos : pos + 12])
            tried += 1
    assert tried > 0
