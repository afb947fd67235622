"""Split a page into plans: 篇一/【篇1】/范文一/计划1 markers, or bare title lines.

A plan starts at the line holding its marker (markers usually follow the title
on that line: ``幼儿园学期工作计划 篇1``), or at its title line; a page's own
title, intro and site clutter before the first plan belong to no plan.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import regex

from .clutter import is_clutter, names_clutter
from .lines import Line, Lines
from .patterns import compile_pattern

_CN = "一二三四五六七八九十"
# Each branch starts with its literal (篇, 第, 范文, 计划 …) and looks behind only
# after it: a lookbehind first would run at every position of the page.
_PLAN_MARKER = regex.compile(
    rf"(?:【\s*(?:第[{_CN}\d]{{1,3}}篇|篇\s*[{_CN}\d]{{1,3}}|(?:范文|范本)\s*[{_CN}\d]{{1,3}})\s*】"
    rf"|篇(?<![{_CN}\d]篇)\s*(?:[{_CN}]{{1,3}}(?![{_CN}、．.章节条])|\d{{1,2}}(?![\d、．.章节条]))"
    rf"|第(?<![{_CN}\d]第)(?:[{_CN}]{{1,3}}|\d{{1,2}})篇(?![{_CN}])"
    rf"|(?:范文|范本)(?<!【\s*(?:范文|范本))\s*(?:[{_CN}]{{1,3}}|\d{{1,2}})(?![{_CN}\d、．.])"
    rf"|(?:计划|方案|范文)\s*\K(?:[{_CN}]{{1,2}}|\d{{1,2}})(?=[ \t\u3000*]*$|\s*[:：]))",
    regex.MULTILINE,
)
_COLON_AFTER = re.compile(r"\s*[:：]")
_STARTS_MARKER = re.compile(r"(?:[一二三四五六七八九十]{1,3}\s?[、．.,，]|[（(]|\d{1,2}\s?[、．.)）]|[①-⑳•●◆▲■★])")
_LEADING_MARKER = re.compile(r"\d{1,2}[、.．]\s*")
_INNER_COLON = re.compile(r".[：:].")
_STARTS_YEAR = re.compile(r"\d{2,4}")
_STRIP = " \t\u3000:：《》<>“”\"'-—_*"  # *: markdown bold


@dataclass(frozen=True, slots=True)
class PlanSpan:
    start: int
    end: int
    title: str
    body_start: int  # where headings may begin: after the title line(s)


@lru_cache(maxsize=1)
def titles_data() -> dict:
    """``data/titles.toml``: what title lines, schedule titles and part names look like."""
    return tomllib.loads(resources.files("planparse").joinpath("data/titles.toml").read_text("utf-8"))


@lru_cache(maxsize=1)
def _title_conf() -> tuple[re.Pattern[str], int, re.Pattern[str], re.Pattern[str]]:
    """The title pattern, the longest title, a quick test for any title ending in a line,
    and the generic heading words that are no title on their own."""
    raw = titles_data()
    endings = "|".join(sorted(map(re.escape, raw["endings"]), key=len, reverse=True))
    pattern = compile_pattern(
        rf"^[^。，,；;！？!?]*?(?:{endings})(?:\s*[-—(（]?\s*(?:范文|范本|计划|通用|精选)?\s*(?:[{_CN}]{{1,2}}|\d{{1,2}})?\s*[)）]?)?"
        rf"(?:\s*[（(][^（）()]{{0,12}}[)）])?[^。，,；;！？!?：:、]{{0,8}}\s*$"
    )
    any_ending = re.compile("|".join(map(re.escape, raw["endings"])))  # most lines have none
    generic = compile_pattern(
        rf"(?:{'|'.join(map(re.escape, raw['generic_qualifiers']))})?"
        rf"(?:{'|'.join(map(re.escape, raw['generic_topics']))})?(?:{'|'.join(map(re.escape, raw['generic_endings']))})\s*[：:]?"
    )
    return pattern, int(raw["max_length"]), any_ending, generic


def is_title_line(line: str) -> bool:
    """Whether a line reads as a plan title (紫石中学学年度第二学期工会工作计划).

    >>> is_title_line("2022—2023学年度第一学期学校工作计划")
    True
    >>> is_title_line("一、指导思想"), is_title_line("具体工作安排")
    (False, False)
    """
    pattern, max_len, any_ending, generic = _title_conf()
    s = line.strip(" \t\u3000").strip("*").strip(" \t\u3000")  # **bold** lines of a markdown page
    if not s or len(s) > max_len or any_ending.search(s) is None or is_clutter(s):
        return False
    if _STARTS_MARKER.match(s) and not _STARTS_YEAR.match(s):
        return False
    if _INNER_COLON.search(s):
        return False  # 二月份:(1)制订第二学期工作计划 is a heading and its item
    return pattern.match(s) is not None and generic.fullmatch(s) is None


# A site's category after the title: …教科室工作计划-工作计划, …工会工作计划 -计划.
_SITE_SUFFIX = re.compile(r"(?<=计划|方案|安排|要点)\s*[-—]\s*(?:工作)?(?:计划|方案|范文)$")


_MARKDOWN_HASHES = re.compile(r"^#{1,6}[ \t]*")


def _clean_title(title: str) -> str:
    """A plan title without a site's category suffix (-工作计划, (推荐10篇), _site name) or
    markdown's hashes and stars."""
    title = _MARKDOWN_HASHES.sub("", title).strip("*").strip()
    head = title.split("_", 1)[0].strip()
    if head != title and is_title_line(head):
        title = head  # 标题_网站名 / 标题_标题
    return _PAGE_SUFFIX.sub("", _SITE_SUFFIX.sub("", title)) or title


# What a site adds after a plan's title: (推荐10篇), (精选5篇).
_PAGE_SUFFIX = re.compile(r"\s*[（(][^（）()]{0,6}\d+篇[)）]$")


def _same_title(a: str, b: str) -> bool:
    """One plan's title twice: equal once normalized, or one is the other plus a site's
    category suffix (紫石中学…工会工作计划 -计划 / 紫石中学…工会工作计划)."""
    a, b = _norm_title(a), _norm_title(b)
    short, long_ = sorted((a, b), key=len)
    return a == b or (len(short) >= _MIN_SAME_TITLE and long_.startswith(short) and len(long_) - len(short) <= 4)


_MIN_SAME_TITLE = 8


def _norm_title(s: str) -> str:
    return _TITLE_NUMBER.sub("", _TITLE_NOISE.sub("", s))


_TITLE_NOISE = re.compile(r"[\s《》“”\"'：:\-—_]")
_TITLE_NUMBER = re.compile(rf"(?:篇\s*[{_CN}\d]+|范文[{_CN}\d]+|[{_CN}\d]+)$")


_RUN_BEFORE = re.compile(r"[^。！？!?,，；;：:>\s|]*\s?$")


def _title_before(text: str, line_start: int, marker_start: int) -> tuple[int, str] | None:
    """A title standing right before a marker on its line (幼儿园学期工作计划 篇1), or None."""
    m = _RUN_BEFORE.search(text, max(line_start, marker_start - 60), marker_start)
    if m is None:
        return None
    run = m.group(0).rstrip()
    start = m.start()
    if not run or not is_title_line(run):
        return None
    if not text[line_start:start].strip(_STRIP):
        return start, run  # the run opens its line: all of it is the title
    # Pages glue the title to the text before it; the title usually appears
    # earlier on the page too, so keep the longest suffix seen before.
    for k in range(len(run), 3, -1):
        suffix = run[len(run) - k :]
        if text.find(suffix, 0, start) != -1 and is_title_line(suffix):
            return start + len(run) - k, suffix
    return start, run


def _plan_at_marker(text: str, lines: Lines, m: regex.Match[str]) -> tuple[int, str, int]:
    """(plan start, title, body start) for a plan marker."""
    idx = lines.index_of(m.start())
    ln = lines.line(idx)
    rest = text[m.end() : ln.end]
    before = _title_before(text, ln.start, m.start())
    if before is not None:
        start, title = before
        return start, title.strip(_STRIP), m.end()
    title_after = rest.strip(_STRIP)
    start = ln.start if not text[ln.start : m.start()].strip() else m.start()
    opens_text = bool(title_after) and (len(rest) > 60 or _STARTS_MARKER.match(title_after) is not None)
    if title_after and not opens_text:
        return start, title_after, ln.end
    if not title_after:
        nxt = lines.next_nonblank(idx)
        if nxt is not None and is_title_line(nxt.text(text)):
            return start, nxt.text(text).strip(_STRIP), nxt.end
    elif not text[ln.start : m.start()].strip():
        # 学年度第一学期工作计划 / 篇2一、指导思想: the marker opens the plan's text; its title is the line above.
        above = next(_nonblank_above(lines, idx), None)
        if above is not None and is_title_line(above[1].text(text)):
            return start, above[1].text(text).strip(_STRIP), m.end()
    return start, "", m.end()


def _own_titles(text: str, lines: Lines, starts: list[tuple[int, str, int]]) -> list[tuple[int, str, int]]:
    """Plans whose marker lines repeat a title other plans' do too (the page's: 篇一:学年度…工作计划
    … 篇二:学年度…工作计划) take their own, from a title line right after the marker line
    (2022—2023学年度第一学期学校工作计划)."""
    counts: dict[str, int] = {}
    for _, title, _ in starts:
        counts[title] = counts.get(title, 0) + 1
    out = []
    for start, title, body in starts:
        if not title or counts[title] < 2:
            out.append((start, title, body))
            continue
        nxt = lines.next_nonblank(lines.index_of(start))
        own = nxt.text(text).strip(_STRIP) if nxt is not None else ""
        if own and is_title_line(own) and not _same_title(own, title):
            out.append((start, own, max(body, nxt.end)))
        else:
            out.append((start, title, body))
    return out


def split_plans(text: str, lines: Lines, first_heading) -> list[PlanSpan]:
    """Plans of a text, in order. ``first_heading(a, b, numbered=False)`` is the first likely
    heading in [a, b) (with ``numbered``, the first that is not an unnumbered label), or None."""
    starts: list[tuple[int, str, int]] = []  # (plan start, title, body start)
    seen_lines: set[int] = set()
    for m in _PLAN_MARKER.finditer(text):
        idx = lines.index_of(m.start())
        ln = lines.line(idx)
        line_text = ln.text(text)
        if idx in seen_lines or (is_clutter(line_text) and not line_text.startswith(("篇", "【"))):
            continue
        marker = m.group(0)
        numbered = marker.startswith(("篇", "【", "第", "范"))
        colon = None if numbered else _COLON_AFTER.match(text, m.end())
        if colon is not None:
            # 计划一：学校德育工作计划 — a plan number opening its line, its title after the colon.
            if text[ln.start : m.start()].strip(" \t\u3000") not in ("计划", "方案"):
                continue
            seen_lines.add(idx)
            title = text[colon.end() : ln.end].strip(_STRIP)
            starts.append((ln.start, title, ln.end if title else m.end()))
            continue
        if not numbered and not is_title_line(line_text):
            continue  # "计划1" at a line end marks a plan only when the line is a title
        seen_lines.add(idx)
        starts.append(_plan_at_marker(text, lines, m))
    starts = _own_titles(text, lines, starts)

    if not starts:
        starts = _title_line_starts(text, lines, first_heading)
    taken = {a for a, _, _ in starts}
    starts = sorted(starts + [b for b in _after_signatures(text, lines) if b[0] not in taken])

    starts, tails = _without_related_pages(text, starts, first_heading)
    first_start = starts[0][0] if starts else (tails[0] if tails else len(text))
    h = first_heading(0, first_start)
    if h is not None or not starts:
        opening = _opening_plan(text, lines, h if h is not None else first_start)
        if opening is not None and (not starts or opening[0] < first_start):
            starts.insert(0, opening)
    # A plan marker with nothing under it but titles and page clutter before the next plan (篇二:…
    # then 【精选】…三篇, 以下是…收集整理的…, then 篇1): a wrapper of the plans after it, not a plan.
    starts = [st for i, st in enumerate(starts)
              if not (0 < i < len(starts) - 1 and _holds_no_plan(text, lines, st[0], starts[i + 1][0], first_heading))]
    plans: list[PlanSpan] = []
    for i, (a, title, body) in enumerate(starts):
        end = starts[i + 1][0] if i + 1 < len(starts) else len(text)
        end = next((t for t in tails if a < t < end), end)
        while end > a and text[end - 1] in " \t\r\n\u3000":
            end -= 1
        plans.append(PlanSpan(a, max(end, a), _clean_title(title), min(body, max(end, a))))
    return plans


def _holds_no_plan(text: str, lines: Lines, start: int, end: int, first_heading) -> bool:
    """Whether [start, end) holds no heading and, past its first line, only title lines, lines
    of page clutter (a site's intro paragraph too) and blank lines."""
    if first_heading(start, end) is not None:
        return False
    firsts, lasts = lines.firsts, lines.lasts
    for i in range(lines.index_of(start) + 1, lines.index_of(end) if end < len(text) else len(firsts)):
        a, b = firsts[i], min(lasts[i], end)
        if a < b and not (is_title_line(text[a:b]) or names_clutter(text[a:b])):
            return False
    return True


# A plan's sign-off: the office or school on a short line, then the date (陆渡中学教科室 / 2月20日).
_SIGNER = re.compile(r"[\u4e00-\u9fffA-Za-z]{2,20}(?:学校|小学|中学|学院|幼儿园|教科室|教务处|政教处|德育处|"
                        r"教导处|办公室|总务处|工会|委员会|大队部|团委|中心|年级组|教研组)")
_SIGN_DATE = re.compile(r"(?:(?:19|20)\d{2}\s*年\s*)?\d{1,2}\s*月\s*\d{1,2}\s*日|(?:19|20)\d{2}[-./]\d{1,2}[-./]\d{1,2}")
_RESTART = re.compile(r"\**(?:一\s?[、．.]|第一[部章]|1\s?[、．.])")  # after markdown bold stars too


def _after_signatures(text: str, lines: Lines) -> list[tuple[int, str, int]]:
    """Untitled plans that start right after another plan's sign-off: a signer line, a
    date line, then an outline that starts again at 一、 (a page that lost the next title)."""
    out = []
    body = [i for i, (a, b) in enumerate(zip(lines.firsts, lines.lasts)) if a < b]
    last_chars = [text[lines.lasts[i] - 1] for i in body]
    # A date line ends with 日 or a digit: a quick test before the patterns.
    for k in range(1, len(body) - 1):
        if last_chars[k] != "日" and not last_chars[k].isdigit():
            continue
        signer, date, nxt = lines.line(body[k - 1]), lines.line(body[k]), lines.line(body[k + 1])
        if _SIGN_DATE.fullmatch(date.text(text)) and _SIGNER.fullmatch(signer.text(text)) \
                and _RESTART.match(nxt.text(text)):
            out.append((nxt.start, "", nxt.start))
    return out


_TAIL_WORDS = (r"相关文档|相关推荐|猜你喜欢|热门推荐|相关文章|延伸阅读|"
               r"相关阅读|推荐阅读|更多相关|《[^》\n]{1,40}》相关文档")
# A line that opens with one: the scan is led by the newline (a literal `re` skips ahead to
# fast), the text's first line is matched on its own.
_TAIL_FIRST = re.compile(rf"[ \t\u3000]*(?:{_TAIL_WORDS})")
_TAIL_LINE = re.compile(rf"\n[ \t\u3000]*(?:{_TAIL_WORDS})")


def _tail_lines(text: str) -> list[int]:
    """Starts of the lines that open with 相关文档, 猜你喜欢 … (a list of related pages may follow)."""
    out = [0] if _TAIL_FIRST.match(text) else []
    out.extend(m.start() + 1 for m in _TAIL_LINE.finditer(text))
    return out


def _without_related_pages(text: str, starts: list[tuple[int, str, int]], first_heading,
                           ) -> tuple[list[tuple[int, str, int]], list[int]]:
    """The plan starts outside lists of related pages, and where each such list begins.

    A list of related pages (相关推荐 followed by other pages' titles) belongs to no plan:
    it runs from its opening line up to the next plan start with numbered headings under
    it, and the titles inside it are no plans. A 相关阅读 line with numbered headings right
    after it is a box inside the page, not the start of such a list: the plan goes on.
    """
    tails = _tail_lines(text)
    if not tails:
        return starts, []
    n = len(text)
    bounds = [a for a, _, _ in starts] + [n]

    def has_headings(k: int) -> bool:  # the k-th start's own span
        return first_heading(bounds[k], bounds[k + 1], numbered=True) is not None

    kept, lists, k = [], [], 0
    for t in tails:
        while k < len(starts) and starts[k][0] < t:
            kept.append(starts[k])
            k += 1
        if lists and t < lists[-1][1]:
            continue  # inside the list already found
        nxt = bounds[k]
        if first_heading(t, nxt, numbered=True) is not None:
            continue  # numbered headings follow: a box inside the page
        while k < len(starts) and not has_headings(k):
            k += 1  # titles of related pages
        lists.append((t, bounds[k]))
    kept.extend(starts[k:])
    return kept, [t for t, _ in lists]


def _opening_plan(text: str, lines: Lines, heading: int) -> tuple[int, str, int] | None:
    """The plan a page opens with: from its title line (the first of a run of
    repeated titles) when one stands before the first heading, else from the
    first line that is not clutter."""
    idx = lines.index_of(heading)
    ln = lines.line(idx)
    run: list[tuple[int, str, int]] = []
    lead = _LEADING_MARKER.match(text, ln.start, heading)
    glued_start = lead.end() if lead else ln.start
    glued = text[glued_start:heading].strip(_STRIP)
    if glued and heading > glued_start and is_title_line(glued):
        run.append((glued_start, glued, heading))
    for j, prev in _nonblank_above(lines, idx):
        s = prev.text(text)
        if is_title_line(s):
            run.append((prev.start, s.strip(_STRIP), prev.end))
        elif is_clutter(s):
            if run:
                # Clutter before the title: the plan starts at the title, unless the same
                # title stands above the clutter (title / 时间:… / title / 一、…).
                above = _same_title_above(text, lines, j, run[-1][1])
                if above is not None:
                    run.append(above)
                break
            continue
        else:
            break
    if run:
        first = run[-1]
        return first[0], first[1], run[0][2]
    after_clutter = _title_after_clutter(text, lines, idx)
    if after_clutter is not None:
        return after_clutter
    start = _first_content(text, lines, 0, heading if heading > 0 else len(text))
    if start is None:
        start = ln.start if not ln.blank else heading
    title, body = _leading_title(text, lines, start)
    return start, title, body


def _nonblank_above(lines: Lines, idx: int) -> Iterator[tuple[int, Line]]:
    """The non-blank lines above line ``idx``, nearest first, with their indexes."""
    for j in range(idx - 1, -1, -1):
        ln = lines.line(j)
        if not ln.blank:
            yield j, ln


def _same_title_above(text: str, lines: Lines, j: int, title: str) -> tuple[int, str, int] | None:
    """The first line above line ``j`` past blank and clutter lines, when it is ``title`` again."""
    for _, ln in _nonblank_above(lines, j):
        s = ln.text(text)
        if is_clutter(s):
            continue
        if is_title_line(s) and _same_title(s.strip(_STRIP), title):
            return ln.start, s.strip(_STRIP), ln.end
        return None
    return None


def _title_after_clutter(text: str, lines: Lines, idx: int) -> tuple[int, str, int] | None:
    """The title line right after the last clutter line that has one, before line ``idx``
    (页面标题 / 时间:… 网友 / XXXX小学工作计划 / 前言… / 一、…): the plan starts there."""
    found = None
    prev_clutter = False
    for i in range(idx):
        ln = lines.line(i)
        if ln.blank:
            continue
        s = ln.text(text)
        if is_clutter(s):
            prev_clutter = True
            continue
        if prev_clutter and is_title_line(s):
            found = (ln.start, s.strip(_STRIP), ln.end)
        prev_clutter = False
    return found


def _first_content(text: str, lines: Lines, a: int, b: int) -> int | None:
    for ln in map(lines.line, range(lines.index_of(a), len(lines))):
        if ln.start >= b:
            return None
        if not ln.blank and not is_clutter(ln.text(text)):
            return ln.start
    return None


def _leading_title(text: str, lines: Lines, start: int) -> tuple[str, int]:
    """The title of a plan that opens at ``start`` (and where its body begins): its line; a title
    broken over two lines (莲峰第二中学2020届毕业班迎考备考 / 工作方案); or the title the line opens
    with (学校中考备考方案:“明确目标…”!, 上学期学校教科室工作计划怎么写?)."""
    idx = lines.index_of(start)
    ln = lines.line(idx)
    s = ln.text(text)
    if is_title_line(s):
        return s.strip(_STRIP), ln.end
    nxt = lines.next_nonblank(idx)
    if nxt is not None and is_title_line(nxt.text(text)):
        joined = _broken_title(s, nxt.text(text).strip(_STRIP))
        if joined is not None:
            return joined, nxt.end
    lead = _LEAD_IN.match(s)
    opening = s[lead.end() if lead else 0 :]
    clause = _SENTENCE.split(opening, 1)[0]
    heads = [clause[: m.end()].strip(_STRIP) for m in _title_conf()[2].finditer(clause)]
    for head in reversed(heads):  # the longest: 中学少先队工作计划及每月安排, not …工作计划
        if len(head) >= _MIN_PAGE_TITLE and is_title_line(head):
            return head, start
    return "", start


# A page's words before the title it names (以下是一份中学少先队工作计划及每月安排,结合…).
_LEAD_IN = re.compile(r"(?:以下|下面|如下|这)(?:是|为)(?:一份|一篇|小编[^，,。]{0,12}的)?")


_MAX_BROKEN_TITLE = 30
_BARE_TITLE = 6  # 工作计划, 实施方案, 工作方案: a title line naming no one's plan
_MIN_PAGE_TITLE = 6
_SENTENCE = re.compile(r"[。，,；;！？!?：:、]")


def _lines_with_title_ending(text: str, lines: Lines) -> list:
    """The non-blank lines holding a title ending (计划, 方案 …), found by one scan of the
    text: the only lines `is_title_line` can accept."""
    any_ending = _title_conf()[2]
    found = dict.fromkeys(lines.index_of(m.start()) for m in any_ending.finditer(text))
    return [ln for ln in map(lines.line, found) if not ln.blank]


def _title_line_starts(text: str, lines: Lines, first_heading) -> list[tuple[int, str, int]]:
    """Plans marked by nothing but a new title line after a plan with content."""
    titles = [ln for ln in _lines_with_title_ending(text, lines) if is_title_line(ln.text(text))]
    if not titles:
        return []
    out: list[tuple[int, str, int]] = []
    current = ""
    for ln in titles:
        title = ln.text(text).strip(_STRIP)
        if out and _same_title(title, current):
            continue  # the title repeated inside its own plan
        if out and first_heading(out[-1][2], ln.start) is None:
            # The previous title had nothing under it: this line is the real plan title.
            out[-1] = (ln.start, title, ln.end)
            current = title
            continue
        out.append((ln.start, title, ln.end))
        current = title
    if len(out) == 1:
        # One title between two outlines: the page opened with a plan whose title is no line of its
        # own (东站小学艺术节活动方案一、指导思想:…), and the next plan starts at this one.
        start, title, body = out[0]
        if first_heading(0, start, True) is None or first_heading(body, len(text), True) is None:
            return []
        again = [ln for ln in titles if ln.start > start and _same_title(ln.text(text).strip(_STRIP), title)]
        if any(first_heading(start, ln.start, True) is not None for ln in again):
            return []  # the same line again further on, past headings: a running page header (a PDF's)
    return [_with_line_above(text, lines, t) for t in out]


def _with_line_above(text: str, lines: Lines, start: tuple[int, str, int]) -> tuple[int, str, int]:
    """A bare title line (工作方案) and the short line above it that begins it (莲峰第二中学2020届毕业班
    迎考备考 / 工作方案): the plan starts at the line above."""
    a, title, body = start
    above = next(_nonblank_above(lines, lines.index_of(a)), None) if len(title) <= _BARE_TITLE else None
    if above is None:
        return start
    joined = _broken_title(above[1].text(text), title)
    return (above[1].start, joined, body) if joined is not None else start


def _broken_title(first: str, second: str) -> str | None:
    """The title a line that is no title (莲峰第二中学2020届毕业班迎考备考) and the title line after it
    (工作方案) make together, or None: the first line short, no sentence, heading or clutter."""
    if len(first) > _MAX_BROKEN_TITLE or _SENTENCE.search(first) or _STARTS_MARKER.match(first) \
            or is_clutter(first) or is_title_line(first):
        return None
    joined = first.strip(_STRIP) + second
    return joined if is_title_line(joined) else None
