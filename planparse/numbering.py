"""Recognize heading markers: one small recognizer per numbering scheme, loaded from data.

A recognizer finds where its scheme's marker could stand (``一、``, ``（一）``, ``1.1``,
``①``, ``九月份：`` …), parses the ordinal, and rejects look-alikes with its guards
(``一、二年级``, ``1.5倍``, ``六(1)班``). It does not decide levels: that is
``hierarchy.py``'s job, which only sees the `Candidate`s produced here.
"""

from __future__ import annotations

import re
import tomllib
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import lru_cache, partial
from operator import itemgetter
from importlib import resources
from typing import NamedTuple

import regex

from .lines import BLANKS, Lines
from .firstchars import first_chars
from .patterns import char_class, compile_pattern, unnamed

# Where a marker stands: at a line start, after a sentence/clause boundary, or glued to text.
LINE, BOUNDARY, GLUED = "line", "boundary", "glued"
_CONTEXT_RANK = {LINE: 0, BOUNDARY: 1, GLUED: 2}

_BOUNDARY_CHARS = set("。！？；!?;：:）)」』”\"'’】>|")
_SPACE = " \t\u3000\u00a0\u200b\u200c\u200d\ufeff"
_LINE_PREFIX = regex.compile(r"[ \t\u3000\u00a0\u200b\ufeff]*(?:\*\*|\*|>|Ø|\|)?[ \t\u3000\u00a0]*$")
_TITLE_IS_MARKER = {"month", "week"}
_CN_DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CN_FORMAL = str.maketrans("壹贰貳叁參参肆伍陆陸柒捌玖拾", "一二二三三三四五六六七八九十")
_ROMAN = {"I": 1, "V": 5, "X": 10}
_SEQUENCE = {"首先": 1, "其次": 2, "再次": 3}  # 最后 closes the list: no number
_ROMAN_UNICODE = "ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩⅪⅫ"


@dataclass(frozen=True, slots=True)
class Scheme:
    name: str
    pattern: regex.Pattern[str] | re.Pattern[str]
    ordinal: str
    family: str
    rank: int
    inline: str
    guard_after: regex.Pattern[str] | None
    guard_before: regex.Pattern[str] | None
    order: int
    range_before: regex.Pattern[str] | None = None
    # ``pattern`` as tried at a LINE/BOUNDARY position: with its range, guards and weak test
    # folded in (see `_at_position`); ``guard_before`` still to check when it could not be
    anchored: regex.Pattern[str] | re.Pattern[str] | None = None
    checks_before: bool = False
    has_end: bool = False  # the pattern has a group ``end`` (a range's last number)
    # what right after a marker makes it weak (6、9月…): a heading only where its list confirms it
    weak_after: regex.Pattern[str] | re.Pattern[str] | None = None
    first: frozenset[str] | None = None  # the characters its marker may begin with (None: any)
    # marker text -> (ordinal, prefix, marker length, key, rank) or None: see `_shape`
    shapes: dict[str, tuple[int | None, str, int | None, str | None, int] | None] = field(
        default_factory=dict, compare=False, hash=False, repr=False)


class Candidate(NamedTuple):
    """A marker that may open a heading. ``key`` identifies the list it belongs to."""

    start: int
    marker_end: int
    scheme: str
    key: str
    family: str
    ordinal: int | None
    rank: int
    context: str
    marker: str
    prefix: str = ""  # for decimal outlines: the parent number, "1.2" of "1.2.3"
    weak: bool = False  # a heading only where its list confirms it (see Scheme.weak_after)

    @property
    def at_line_start(self) -> bool:
        return self.context == LINE


# Candidate(*fields) without the Python-level __new__ of a NamedTuple (the hot path).
_new_candidate = partial(tuple.__new__, Candidate)


@lru_cache(maxsize=4096)
def chinese_ordinal(text: str) -> int | None:
    """一 → 1, 十二 → 12, 二十三 → 23, 12 → 12; None when it is not a number."""
    if text.isdigit():
        return int(text)
    text = text.translate(_CN_FORMAL)
    if len(text) == 1 and text in _CN_DIGITS:
        return _CN_DIGITS[text]
    try:
        import cn2an

        value = cn2an.cn2an(text, "smart")
    except Exception:  # cn2an raises ValueError and its own errors on bad input
        return None
    return int(value) if value == int(value) else None


def roman_ordinal(text: str) -> int | None:
    if text in _ROMAN_UNICODE:
        return _ROMAN_UNICODE.index(text) + 1
    total, prev = 0, 0
    for ch in reversed(text):
        v = _ROMAN.get(ch)
        if v is None:
            return None
        total += -v if v < prev else v
        prev = max(prev, v)
    return total or None


def _parse_ordinal(kind: str, num: str) -> tuple[int | None, str]:
    """Return (ordinal, prefix). Prefix is only set for decimal outlines."""
    if kind == "arabic":
        return int(num), ""
    if kind == "chinese":
        return chinese_ordinal(num), ""
    if kind == "circled":
        cp = ord(num)
        for base in (0x2460, 0x2474, 0x2488, 0x3220):  # ① ⑴ ⒈ ㈠
            if base <= cp < base + 20:
                return cp - base + 1, ""
        return None, ""
    if kind == "roman":
        return roman_ordinal(num), ""
    if kind == "latin":
        return ord(num.upper()) - ord("A") + 1, ""
    if kind == "month":
        return (int(num) if num.isdigit() else 1 if num == "元" else chinese_ordinal(num)), ""
    if kind == "decimal":
        parts = regex.split(r"[.．]", num)
        return int(parts[-1]), ".".join(parts[:-1])
    if kind == "sequence":
        return _SEQUENCE.get(num), ""
    if kind == "hashes":
        return None, ""
    return None, ""


def _with_range(entry: dict) -> str:
    """A scheme's pattern matched at a position: with the optional range before it (3-4月)."""
    if entry.get("range_before"):
        return f"(?:{entry['range_before']})?(?:{entry['pattern']})"
    return entry["pattern"]


def _at_position(entry: dict) -> tuple[re.Pattern[str] | regex.Pattern[str], bool]:
    """One pattern for what a marker at a position is tested for, one call instead of four:
    the scheme's pattern (with its range) taken as it matches on its own (an atomic group),
    then not followed by ``guard_after``, then a group ``weak`` that holds where ``weak_after``
    follows. ``guard_before`` (it ends where the marker begins, in the 4 characters before
    it) goes in as a lookbehind where the engine takes one; the flag says it did not."""
    body = f"(?>{_with_range(entry)})"
    if entry.get("guard_after"):
        body += f"(?!{entry['guard_after']})"
    if entry.get("weak_after"):
        body += f"(?:(?=(?P<weak>{entry['weak_after']})))?"
    if entry.get("guard_before"):
        try:
            return re.compile(f"(?<!{entry['guard_before']}){body}"), False
        except re.error:
            pass
    return compile_pattern(body), bool(entry.get("guard_before"))


@lru_cache(maxsize=1)
def load_schemes() -> tuple[tuple[Scheme, ...], tuple[str, ...], int]:
    """Schemes from ``data/schemes.toml`` in match order, and the labelled-marker words."""
    raw = tomllib.loads(resources.files("planparse").joinpath("data/schemes.toml").read_text("utf-8"))
    schemes = []
    for i, entry in enumerate(raw["scheme"]):
        engine = re if entry.get("engine") == "re" else regex
        anchored, checks_before = _at_position(entry)
        schemes.append(
            Scheme(
                name=entry["name"],
                pattern=engine.compile(entry["pattern"]),
                ordinal=entry["ordinal"],
                family=entry["family"],
                rank=entry["rank"],
                inline=entry["inline"],
                guard_after=compile_pattern(entry["guard_after"]) if entry.get("guard_after") else None,
                weak_after=compile_pattern(entry["weak_after"]) if entry.get("weak_after") else None,
                guard_before=compile_pattern(f"(?:{entry['guard_before']})\\Z") if entry.get("guard_before") else None,
                order=i,
                range_before=regex.compile(f"(?:{entry['range_before']})\\Z") if entry.get("range_before") else None,
                anchored=anchored,
                checks_before=checks_before,
                has_end="(?P<end>" in entry["pattern"],
                first=first_chars(_with_range(entry)),
            )
        )
    labelled = raw["labelled"][0]
    return tuple(schemes), tuple(labelled["words"]), int(labelled["rank"])


_FULL_DIGITS = "０１２３４５６７８９"
_ASCII_DIGITS = str.maketrans(_FULL_DIGITS, "0123456789")


@lru_cache(maxsize=1)
def _labelled_pattern() -> re.Pattern[str]:
    _, words, _ = load_schemes()
    alt = "|".join(sorted(map(re.escape, words), key=len, reverse=True))
    # A literal alternation: the standard library's engine scans it three times faster.
    return re.compile(
        rf"(?P<word>{alt})(?P<num>[一二三四五六七八九十]{{1,3}}|\d{{1,2}}(?:\.\d{{1,2}})?)(?=\s*[：:、．.\s]|\s*$)"
    )


def context_of(text: str, pos: int, starts: list[int] | None = None) -> str:
    """Whether ``pos`` is at a line start (after indentation), after a boundary, or glued to text."""
    if starts is None:
        starts = Lines(text).starts
    line_start = starts[bisect_right(starts, pos) - 1]
    if _LINE_PREFIX.match(text, line_start, pos) is not None:
        return LINE
    j = pos - 1
    while j >= line_start and text[j] in _SPACE:
        j -= 1
    if j >= line_start and text[j] in _BOUNDARY_CHARS:
        return BOUNDARY
    # A gap of two or more spaces inside a line separates items too (PDF/web runs).
    if pos - j >= 3:
        return BOUNDARY
    return GLUED


def _indent(text: str, pos: int, starts: list[int]) -> int:
    prefix = text[starts[bisect_right(starts, pos) - 1] : pos]
    return len(prefix.expandtabs(4)) if not prefix.strip() else -1


def _allowed(scheme_inline: str, context: str) -> bool:
    if scheme_inline == "anywhere":
        return True
    if scheme_inline == "boundary":
        return context != GLUED
    return context == LINE


# A line's head: indentation, then optionally a decoration (** * > Ø |) and more blanks.
_HEAD_INDENT = re.compile(r"[ \t\u3000\u00a0\u200b\ufeff]*")
_HEAD_DECOR = re.compile(r"(?:\*\*|\*|>|Ø|\|)[ \t\u3000\u00a0]*")
_INDENT_OR_DECOR = frozenset(" \t\u3000\u00a0\u200b\ufeff*>Ø|")


@lru_cache(maxsize=1)
def _marker_chars() -> frozenset[str] | None:
    """Every character a marker can begin with (None: any character may)."""
    schemes, words, _ = load_schemes()
    firsts = [s.first for s in schemes]
    if any(f is None for f in firsts):
        return None
    return frozenset().union(*firsts, (w[0] for w in words))


@lru_cache(maxsize=1)
def _boundary_scan() -> re.Pattern[str]:
    """Runs that end just before a BOUNDARY position where a marker may begin: a boundary
    character or a blank, then blanks (one scan led by a character class, which `re` finds
    fast; the lookahead keeps positions no marker begins at out). A run that is one blank
    alone is no boundary: `marker_positions` drops it."""
    chars = _marker_chars()
    ahead = "" if chars is None else f"(?={char_class(chars)})"
    return re.compile("[" + re.escape("".join(sorted(_BOUNDARY_CHARS))) + _SPACE + "][" + _SPACE + "]*" + ahead)


def marker_positions(text: str, starts: list[int]) -> dict[int, str]:
    """The LINE and BOUNDARY positions of ``text`` (the contexts `context_of` gives them)
    whose character may begin a marker; every other position is GLUED or begins none."""
    chars = _marker_chars() or _ANY_CHAR
    out = dict.fromkeys([m.end() for m in _boundary_scan().finditer(text)
                         if m.end() - m.start() > 1 or text[m.start()] in _BOUNDARY_CHARS], BOUNDARY)
    size = len(text)
    # Most lines start flush with their text: their head is their start.
    out.update(dict.fromkeys([s for s in starts if s < size and text[s] in chars], LINE))
    head, decor = _HEAD_INDENT.match, _HEAD_DECOR.match
    for s in [s for s in starts if s < size and text[s] in _INDENT_OR_DECOR]:
        p = head(text, s).end()
        d = decor(text, p)
        for q in (p,) if d is None else (p, d.end()):
            if q < size and text[q] in chars:
                out[q] = LINE
    return out


class _AnyChar:
    def __contains__(self, ch: str) -> bool:
        return True


_ANY_CHAR = _AnyChar()


def _scans_everywhere(scheme: Scheme) -> bool:
    """Schemes found glued to text also scan the whole text for their GLUED markers;
    every scheme is tried at the LINE/BOUNDARY positions."""
    return scheme.inline == "anywhere"


@lru_cache(maxsize=1)
def _glued_capable() -> tuple[Scheme, ...]:
    return tuple(s for s in load_schemes()[0] if _scans_everywhere(s))


@lru_cache(maxsize=1)
def _glued_scan() -> tuple[re.Pattern[str], dict[str, tuple[Scheme, ...]]]:
    """One scan for the GLUED markers of every scheme that may stand glued to text.

    Each such scheme would scan the whole text on its own; instead one pattern, led by the
    class of their first characters (which `re` skips ahead to fast), stops at every position
    where one of them matches: after the one character it takes, a lookbehind holding the
    scheme's pattern as a lookahead (``(?<=(?=一、)[一…十])``) tells whether a marker begins there.
    Returns the pattern and the schemes to try per first character. Such a scheme needs known
    first characters and the standard library's engine (``engine = "re"``).
    """
    schemes = _glued_capable()
    for s in schemes:
        if s.first is None or not isinstance(s.pattern, re.Pattern):
            raise ValueError(f"scheme {s.name!r} (inline = \"anywhere\") needs engine = \"re\" and a pattern "
                             "whose first characters can be read")
    branches = [f"(?<=(?={unnamed(s.pattern.pattern)}){char_class(s.first)})" for s in schemes]
    firsts = frozenset().union(*(s.first for s in schemes))
    scan = re.compile(char_class(firsts) + "(?:" + "|".join(branches) + ")")
    by_char = {ch: tuple(s for s in schemes if ch in s.first) for ch in firsts}
    return scan, by_char


_BY_CHAR: dict[tuple[str, str], tuple[Scheme, ...]] = {}


def _schemes_starting_with(ch: str, ctx: str = LINE) -> tuple[Scheme, ...]:
    """The schemes whose marker can begin with ``ch`` and stand in context ``ctx`` (LINE or
    BOUNDARY), in data order (cached)."""
    found = _BY_CHAR.get((ch, ctx))
    if found is None:
        found = _BY_CHAR[ch, ctx] = tuple(s for s in load_schemes()[0] if (s.first is None or ch in s.first)
                                          and _allowed(s.inline, ctx))
    return found


def _candidate(scheme: Scheme, m, start: int, ctx: str, text: str, starts: list[int],
               weak: bool = False) -> Candidate | None:
    """The candidate a scheme's match makes at ``start`` in context ``ctx``, or None."""
    found = m.group(0)
    shapes = scheme.shapes
    shape = shapes.get(found, _UNKNOWN)
    if shape is _UNKNOWN:
        if len(shapes) > _MAX_SHAPES:
            shapes.clear()
        shape = shapes[found] = _shape(scheme, m)
    if shape is None:
        return None
    ordinal, prefix, marker_len, key, rank = shape
    if marker_len is None:
        marker_len = 0  # 九月份：/第一周 are unnumbered headings titled by the period itself
    else:
        marker_len += m.start() - start  # a range before the match (3-4月) is part of the marker
    if key is None:
        # Nested bullets often share a glyph: the indentation tells their levels apart.
        key = f"bullet:{found[:1]}:{_indent(text, start, starts)}"
    return _new_candidate((start, start + marker_len, scheme.name, key, scheme.family, ordinal, rank, ctx,
                           text[start : start + marker_len], prefix, weak))


# What a scheme makes of a marker's text does not depend on where it stands: remembered
# (Scheme.shapes, at most this many texts per scheme).
_MAX_SHAPES = 5_000
_UNKNOWN = object()


def _shape(scheme: Scheme, m) -> tuple[int | None, str, int | None, str | None, int] | None:
    """(ordinal, prefix, marker length, list key, rank) of a scheme's match, or None when the
    match makes no marker. The length is None for headings without a marker (九月份：), the
    key None where it depends on the position (bullets)."""
    num = m.group("num")
    kind = scheme.ordinal
    ordinal, prefix = _parse_ordinal(kind, (scheme.has_end and m.group("end")) or num)
    if ordinal is None and kind not in ("none", "hashes", "sequence"):
        return None
    if ordinal is not None and (ordinal > 60 or (kind == "month" and not 1 <= ordinal <= 12)):
        return None
    name = scheme.name
    marker_len = len(m.group(0).rstrip(BLANKS))
    key, rank = name, scheme.rank
    if name == "markdown":
        key, rank = f"markdown:{len(num)}", rank + len(num)
    elif name in ("bullet", "bullet-inline"):
        key = None
    elif name in _TITLE_IS_MARKER:
        marker_len = None  # no marker: the period names the heading
    return ordinal, prefix, marker_len, key, rank


_position_then_order = itemgetter(0, 1)


def _guarded(scheme: Scheme, scan: str, start: int, end: int) -> bool:
    return _guarded_before(scheme, scan, start) or (
        scheme.guard_after is not None and scheme.guard_after.match(scan, end) is not None)


def _guarded_before(scheme: Scheme, scan: str, start: int) -> bool:
    """Whether ``guard_before`` ends where the marker begins (in the 4 characters before it)."""
    return scheme.guard_before is not None and scheme.guard_before.search(
        scan, start - 4 if start > 4 else 0, start) is not None


# Page numbers a PDF's text glued to the start of a line, before its marker: "-14-①第二、第三周…"
# and, of a footer "x/11" whose x went elsewhere, "/113、突出三个理念" (3、 after /11).
_PAGE_NUMBER = re.compile(r"\n[ \t\u3000]*(?:(?P<dashed>[-—－] ?\d{1,3} ?[-—－])(?=\S)|(?P<slashed>/\d{1,3}))")


def _without_page_numbers(scan: str) -> str:
    """``scan`` with page numbers glued to line starts read as blanks (same length: offsets
    hold). A slashed one is the page count a page footer repeats: the digits after / that most
    lines opening with one share (/11 of /113、 /112、 /11(1))."""
    spans: list[tuple[int, int]] = []
    slashed: list[tuple[int, str]] = []
    for m in _PAGE_NUMBER.finditer(scan):
        if m.group("dashed"):
            spans.append(m.span("dashed"))
        else:
            slashed.append((m.start("slashed"), m.group("slashed")))
    if slashed:
        counts: dict[str, int] = {}
        for _, page in slashed:
            for k in range(2, len(page) + 1):
                counts[page[:k]] = counts.get(page[:k], 0) + 1
        best = max(counts, key=lambda p: (counts[p], len(p)))
        if counts[best] >= 2:
            spans += [(a, a + len(best)) for a, page in slashed if page.startswith(best)]
    if not spans:
        return scan
    out = []
    at = 0
    for a, b in sorted(spans):
        out += [scan[at:a], " " * (b - a)]
        at = b
    out.append(scan[at:])
    return "".join(out)


def _weak(scheme: Scheme, scan: str, end: int) -> bool:
    """Whether what follows the marker makes it weak (6、9月…: "6 and 9 months" or item 6)."""
    return scheme.weak_after is not None and scheme.weak_after.match(scan, end) is not None


def find_candidates(text: str, starts: list[int] | None = None) -> list[Candidate]:
    """Every position where a numbering marker may open a heading, in text order.

    At most one candidate starts at a position (a labelled marker, else the first
    scheme in data order, wins), and no candidate starts inside another's marker.
    ``starts`` are the text's line starts when the caller has them (`Lines.starts`).

    Schemes that may stand glued to text scan the whole text; the rest are only
    tried where a marker may stand (line heads, after a boundary), each position
    trying just the schemes whose marker can begin with its character.
    """
    if starts is None:
        starts = Lines(text).starts
    # Full-width digits (１．２、) scan as ASCII ones: same length, so offsets hold.
    # (ten substring tests run several times faster than one character-class scan)
    scan = text.translate(_ASCII_DIGITS) if any(d in text for d in _FULL_DIGITS) else text
    scan = _without_page_numbers(scan)
    positions = marker_positions(scan, starts)
    found = _at_positions(scan, text, positions, starts) + _everywhere(scan, text, positions, starts)
    found.sort(key=_position_then_order)
    out: list[Candidate] = []
    covered = -1
    absorb = -1
    for start, _, cand, full_end in found:
        if start < covered or start == absorb or (out and out[-1].start == start):
            continue
        out.append(cand)
        covered = cand.marker_end
        # What follows a bullet or a markdown hash on its line is the title,
        # even when it begins with a number: "• 1.2.1. 备课前", "### 一、目标".
        absorb = full_end if cand.scheme in ("bullet", "bullet-inline", "markdown") else -1
    return out


_Found = tuple[int, int, Candidate, int]  # (start, scheme order, candidate, end of the match)


def _at_positions(scan: str, text: str, positions: dict[int, str], starts: list[int]) -> list[_Found]:
    """Candidates at the LINE/BOUNDARY positions: a labelled marker, else the first scheme
    in data order whose marker stands there."""
    found: list[_Found] = []
    by_char, size = _BY_CHAR, len(scan)
    labelled, labelled_first = _labelled_pattern(), _labelled_first()
    for pos, ctx in positions.items():
        if pos >= size:
            continue
        ch = scan[pos]
        if ch in labelled_first:
            m = labelled.match(scan, pos)
            if m is not None:
                cand = _labelled(m, pos, ctx, text)
                if cand is not None:
                    found.append(cand)
                    continue  # a labelled marker (目标一：) wins its position
        tried = by_char.get((ch, ctx))
        if tried is None:
            tried = _schemes_starting_with(ch, ctx)
        for scheme in tried:
            m = scheme.anchored.match(scan, pos)  # guards and the weak test folded in
            if m is None or m.end() == pos or (scheme.checks_before and _guarded_before(scheme, scan, pos)):
                continue
            weak = scheme.weak_after is not None and m.group("weak") is not None
            if weak and ctx != LINE:
                continue  # …。1、2月份 inside a paragraph: "in January and February"
            cand = _candidate(scheme, m, pos, ctx, text, starts, weak)
            if cand is not None:
                found.append((pos, scheme.order, cand, m.end()))
                break  # the first scheme in data order wins the position
    return found


def _everywhere(scan: str, text: str, positions: dict[int, str], starts: list[int]) -> list[_Found]:
    """GLUED candidates of the schemes that may stand glued to text: every scheme was tried
    at the LINE/BOUNDARY positions already; at the other positions a scheme's matches are
    taken left to right, none starting inside the one before (十一、 holds no 一、). One found
    inside a marker at a LINE/BOUNDARY position is dropped by `find_candidates`."""
    found: list[_Found] = []
    glued, by_char = _glued_scan()
    ends: dict[str, int] = {}  # where each scheme's last match ended
    for at in glued.finditer(scan):
        start = at.start()
        if start in positions:
            continue
        for scheme in by_char[at.group()]:
            if start < ends.get(scheme.name, 0):
                continue
            m = scheme.pattern.match(scan, start)
            if m is not None:
                ends[scheme.name] = m.end()
                _glued_candidate(scheme, m, scan, text, positions, starts, found)
    return found


def _glued_candidate(scheme: Scheme, m, scan: str, text: str, positions: dict[int, str], starts: list[int],
                     found: list[_Found]) -> None:
    """Adds the candidate of a scheme's GLUED match, unless a guard rejects it."""
    start, end = m.span()
    if end == start:
        return
    if scheme.range_before is not None:
        r = scheme.range_before.search(scan, max(0, start - 10), start)
        start = r.start() if r is not None else start
    if _guarded(scheme, scan, start, end) or _weak(scheme, scan, end):
        return
    ctx = positions.get(start, GLUED)  # GLUED but for a range that began at a position
    if not _allowed(scheme.inline, ctx):
        return
    cand = _candidate(scheme, m, start, ctx, text, starts)
    if cand is not None:
        found.append((start, scheme.order, cand, end))


def _labelled(m, start: int, ctx: str, text: str) -> _Found | None:
    """目标一 / 任务1 / 关键结果1.1: a labelled marker's candidate (its list is its word's)."""
    num = m.group("num")
    if "." in num:
        ordinal, prefix = _parse_ordinal("decimal", num)
    else:
        ordinal, prefix = chinese_ordinal(num), ""
    if ordinal is None:
        return None
    end = m.end()
    while end < len(text) and text[end] in "：:、．. \t\u3000":
        end += 1
    marker = text[start:end].rstrip(BLANKS)
    key = f"labelled:{m.group('word')}:{prefix.count('.') + (1 if prefix else 0)}"
    rank = load_schemes()[2]
    return start, -1, Candidate(start, start + len(marker), "labelled", key, key, ordinal, rank, ctx, marker, prefix), end


@lru_cache(maxsize=1)
def _labelled_first() -> frozenset[str]:
    return frozenset(word[0] for word in load_schemes()[1])
