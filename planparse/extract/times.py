"""Time expressions: academic years, semesters, months, dates, periods and frequencies.

Each recognizer is one small rule (a pattern and a function that turns its
match into a kind and a normalized value, or rejects it); where recognizers
overlap the longest match wins (学期末 over 期末, 2023年9月1日 over 2023年).

The normalized value (``TimeExpression.value``) by kind:

==============  ===========================================================
academic_year   ``{"start_year": 2022, "end_year": 2023}``;
                ``{"relative": "current" | "previous" | "next"}`` (本学年, 上学年);
                ``{"placeholder": "xxxx-xxxx"}`` (xxxx-xxxx学年, XX学年)
semester        ``{"semester": 1 | 2 | "current" | "previous" | "next"}``,
                with ``"season": "autumn" | "spring"`` for 秋季/春季
month           ``{"month": 9}``, ``"part": "early" | "mid" | "late"`` (上旬/中旬/下旬),
                ``"month_end": 12`` for a range (9-12月); ``"year": 2023`` when the
                text or the plan's academic year says which
date            ``{"date": "2023-09-01"}``; without a written year
                ``{"date": "--09-01"}`` (plus ``"year"`` when the plan resolves it);
                a range adds ``"date_end"``; a year alone ``{"year": 2023}`` or
                ``{"year": "20xx"}`` (placeholder); ``{"relative": "this_year" |
                "previous" | "next"}`` (今年, 上年, 明年)
period          ``{"period": "期末"}`` (canonical name, festivals included);
                ``{"week": 3}`` (第3周, ``"week_end"`` for 第1-2周);
                ``{"start_year": 2026, "end_year": 2030}`` (2026-2030年, 十五五)
frequency       ``{"interval": "P1W"}`` (ISO-8601-like: P1D, P1W, P2W, P1M, P3M,
                P1SEM, P1Y), ``"weekday": 1`` for 每周一
==============  ===========================================================

Time expressions under a month heading of a schedule (九月份：…) that carry no
month of their own get ``"month"`` (and ``"year"`` when resolvable) from it.

>>> [(m.kind, m.value) for m in find_times("2023-2024学年第一学期，每两周一次，十月下旬")]
[('academic_year', {'start_year': 2023, 'end_year': 2024}), ('semester', {'semester': 1}), \
('frequency', {'interval': 'P2W'}), ('month', {'month': 10, 'part': 'late'})]
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import regex

from .lexicon import data, trie_pattern
from .numbers import parse_number


@dataclass(frozen=True, slots=True)
class TimeMatch:
    """A time expression found in the normalized text (offsets into that text)."""

    start: int
    end: int
    kind: str
    value: dict[str, Any]


Build = Callable[[regex.Match[str]], tuple[str, dict[str, Any]] | None]


@dataclass(frozen=True)
class Rule:
    name: str
    pattern: regex.Pattern[str]
    build: Build


Y4 = r"(?:19|20)\d{2}"
YPH = r"(?:20[xX×_]{2}|202[xX×_]|[xX×]{4}|[xX×]{2})"  # 20xx, 202X, XXXX, xx
CNY = r"[一二][〇零0○O][〇零0○O一二三四五六七八九]{2}"
DASH = r"\s*(?:[-—~至到]+)\s*"
MNUM = r"(?:1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])"
DNUM = r"(?:3[01]|[12]\d|0?[1-9]|三十一?|二十[一二三四五六七八九]?|十[一二三四五六七八九]?|[一二三四五六七八九])"
_PARTS = {"上旬": "early", "初": "early", "中旬": "mid", "下旬": "late", "底": "late", "末": "late"}
_WEEKDAYS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "日": 7, "天": 7}
_CN_YEAR_DIGITS = str.maketrans("〇零○O一二三四五六七八九", "0000123456789")


def _year(text: str) -> int | str:
    """2023 → 2023; 二〇二三 → 2023; 20xx / XXXX / 202X → the placeholder, lower case."""
    t = text.strip()
    if t.isdigit():
        return int(t)
    if t[0] in "一二":
        return int(t.translate(_CN_YEAR_DIGITS))
    t = t.lower().replace("×", "x").replace("_", "x")
    return "20xx" if t in ("xx", "xxxx") else t


def _num(text: str | None) -> int | None:
    if not text:
        return None
    v = parse_number(text)
    return int(v) if v is not None else None


def _month_day(m: int | None, d: int | None) -> str | None:
    if m is None or d is None or not (1 <= m <= 12 and 1 <= d <= 31):
        return None
    return f"{m:02d}-{d:02d}"


# ----------------------------------------------------------------- builders


def _academic_full(m: regex.Match[str]) -> tuple[str, dict[str, Any]] | None:
    a, b = _year(m["a"]), m["b"]
    if isinstance(a, str) or not b[0].isdigit():
        return "academic_year", {"placeholder": f"{m['a']}-{b}".lower()}
    end = int(b) if len(b) == 4 else (a // 100) * 100 + int(b)
    if end != a + 1:
        return None
    return "academic_year", {"start_year": a, "end_year": end}


def _year_range(m: regex.Match[str]) -> tuple[str, dict[str, Any]] | None:
    a, b = int(m["a"]), int(m["b"])
    if b == a + 1 and not m["n"]:
        return "academic_year", {"start_year": a, "end_year": b}
    if a < b <= a + 10:
        return "period", {"start_year": a, "end_year": b}
    return None


def _academic_single(m: regex.Match[str]) -> tuple[str, dict[str, Any]] | None:
    a = _year(m["a"])
    if isinstance(a, str):
        return "academic_year", {"placeholder": a if a != "20xx" else m["a"].lower()}
    return "academic_year", {"start_year": a, "end_year": a + 1}


def _date_ymd(m: regex.Match[str]) -> tuple[str, dict[str, Any]] | None:
    md = _month_day(_num(m["m"]), _num(m["d"]))
    if md is None:
        return None
    y = _year(m["y"])
    value: dict[str, Any] = {"date": f"{y}-{md}"}
    _range_end(m, value, y)
    return "date", value


def _range_end(m: regex.Match[str], value: dict[str, Any], year: int | str | None) -> None:
    if m["d2"]:
        month = _num(m["m2"]) if m["m2"] else _num(m["m"])
        md2 = _month_day(month, _num(m["d2"]))
        if md2:
            value["date_end"] = f"{year}-{md2}" if year is not None else f"--{md2}"


def _date_iso(m: regex.Match[str]) -> tuple[str, dict[str, Any]] | None:
    y = m["y"]
    year = int(y) if len(y) == 4 else 2000 + int(y)
    md = _month_day(int(m["m"]), int(m["d"]))
    if md is None:
        return None
    return "date", {"date": f"{year}-{md}"}


def _date_md(m: regex.Match[str]) -> tuple[str, dict[str, Any]] | None:
    md = _month_day(_num(m["m"]), _num(m["d"]))
    if md is None:
        return None
    value: dict[str, Any] = {"date": f"--{md}"}
    _range_end(m, value, None)
    return "date", value


def _month(m: regex.Match[str]) -> tuple[str, dict[str, Any]] | None:
    month = _num(m["m"])
    if month is None or not 1 <= month <= 12:
        return None
    value: dict[str, Any] = {"month": month}
    if m["m2"]:
        end = _num(m["m2"])
        if end is None or not 1 <= end <= 12 or end == month:
            return None
        if m["sep"] and m["sep"].strip() in ("、", "和", "或") and end != month + 1:
            return None  # 6、9月: a list marker, then a month
        value["month_end"] = end
    if m["p"]:
        value["part"] = _PARTS[m["p"]]
    if "y" in m.groupdict() and m["y"]:
        value["year"] = _year(m["y"])
    return "month", value


def _year_only(m: regex.Match[str]) -> tuple[str, dict[str, Any]] | None:
    return "date", {"year": _year(m["y"])}


def _five_year(m: regex.Match[str]) -> tuple[str, dict[str, Any]] | None:
    k = 10 + "一二三四五".index(m["k"]) + 1
    start = 2006 + 5 * (k - 11)
    return "period", {"start_year": start, "end_year": start + 4}


def _week(m: regex.Match[str]) -> tuple[str, dict[str, Any]] | None:
    w = _num(m["w"])
    if w is None or not 1 <= w <= 30:
        return None
    value: dict[str, Any] = {"week": w}
    if m["w2"]:
        w2 = _num(m["w2"])
        if w2 is None or not w < w2 <= 30:
            return None
        value["week_end"] = w2
    return "period", value


def _season(m: regex.Match[str]) -> tuple[str, dict[str, Any]] | None:
    autumn = m["s"] == "秋"
    return "semester", {"semester": 1 if autumn else 2, "season": "autumn" if autumn else "spring"}


def _frequency(m: regex.Match[str]) -> tuple[str, dict[str, Any]] | None:
    unit = _frequency_units()[m["u"]]
    count = m["n"]
    if count == "半":
        interval = "P2W" if unit["unit"] == "M" and unit["n"] == 1 else f"P0.5{unit['unit']}"
    else:
        n = (_num(count) if count else 1) or 1
        interval = f"P{n * unit['n']}{unit['unit']}"
    value: dict[str, Any] = {"interval": interval}
    if m["wd"]:
        value["weekday"] = _WEEKDAYS[m["wd"]]
    return "frequency", value


def _lookup(table: str) -> Build:
    def build(m: regex.Match[str]) -> tuple[str, dict[str, Any]] | None:
        return _word_values()[table][m.group()]

    return build


# ----------------------------------------------------------------- word tables


@lru_cache(maxsize=1)
def _frequency_units() -> dict[str, dict[str, Any]]:
    return data("periods.toml")["frequency_units"]


@lru_cache(maxsize=1)
def _word_values() -> dict[str, dict[str, tuple[str, dict[str, Any]]]]:
    """Written form → (kind, value), one table per rule."""
    raw = data("periods.toml")

    def semester_key(k: str) -> int | str:
        return int(k) if k.isdigit() else k

    periods = {w: ("period", {"period": canon}) for canon, ws in raw["periods"].items() for w in ws}
    festivals = {w: ("period", {"period": canon}) for canon, ws in raw["festivals"].items() for w in ws}
    semesters = {w: ("semester", {"semester": semester_key(k)}) for k, ws in raw["semesters"].items() for w in ws}
    academic = {w: ("academic_year", {"relative": k}) for k, ws in raw["academic_years"].items() for w in ws}
    years = {w: ("date", {"relative": k}) for k, ws in raw["years"].items() for w in ws}
    freq = {w: ("frequency", {"interval": k}) for k, ws in raw["frequency_words"].items() for w in ws}
    return {"periods": periods, "festivals": festivals, "semesters": semesters, "academic": academic,
            "years": years, "freq_words": freq}


def _word_rule(name: str, table: str, before: str = "", after: str = "") -> Rule:
    words = _word_values()[table]
    pattern = regex.compile(f"{before}{trie_pattern(words)}{after}")
    return Rule(name, pattern, _lookup(table))


@lru_cache(maxsize=1)
def rules() -> tuple[Rule, ...]:
    """Every recognizer, in priority order for matches of equal length."""
    units = trie_pattern(_frequency_units())
    festival_guard = "|".join(regex.escape(w) for w in data("periods.toml")["festival_guard"]["not_after"])
    day_tail = rf"{DASH}(?:(?P<m2>{MNUM})\s*月\s*)?(?P<d2>{DNUM})\s*[日号]"
    week_num = r"\d{1,2}|[一二三四五六七八九十]{1,3}"
    month_dash = r"\s*(?:[-—~至到]|一一)\s*"
    # Words starting with 新 are not the new term inside 革新/更新 (革新的学期展望).
    not_compound = r"(?<![革更刷重清全最崭焕翻维求])"
    return (
        Rule("academic_year", regex.compile(
            rf"(?<![\d.])(?P<a>{Y4}|{YPH})\s*年?{DASH}(?P<b>{Y4}|\d{{2}}|{YPH})\s*"
            r"(?:学年度?|年度|年(?=\s*(?:第[一二12]学期|[上下]学期|秋季|春季|度)))"), _academic_full),
        Rule("year_range", regex.compile(
            rf"(?<![\d.\-/])(?P<a>{Y4})\s*年?{DASH}(?P<b>{Y4})(?![\d.\-/])\s*(?P<n>年)?"), _year_range),
        Rule("academic_single", regex.compile(rf"(?<![\d\-—~至到])(?P<a>{Y4}|{YPH})\s*学年度?"), _academic_single),
        _word_rule("academic_words", "academic"),
        Rule("date_ymd", regex.compile(
            rf"(?<![\d.])(?P<y>{Y4}|{CNY}|{YPH})\s*年\s*(?P<m>{MNUM})\s*月\s*(?P<d>{DNUM})\s*"
            rf"(?:[日号](?:{day_tail})?|(?={DASH}{DNUM}\s*[日号]){day_tail})"), _date_ymd),
        Rule("date_iso", regex.compile(
            r"(?<![\d.\-/]|\d:)(?:(?P<y>(?:19|20)\d{2})(?P<sep>[-./])(?P<m>\d{1,2})(?P=sep)(?P<d>\d{1,2})"
            r"|(?P<y>\d{2})-(?P<m>\d{2})-(?P<d>\d{2}))(?![\d:]|[-./]\d)"), _date_iso),
        Rule("date_md", regex.compile(
            rf"(?<![\d月一二三四五六七八九十〇零])(?P<m>{MNUM})\s*月\s*(?P<d>{DNUM})\s*"
            rf"(?:[日号](?:{day_tail})?|(?={DASH}{DNUM}\s*[日号]){day_tail})"), _date_md),
        # 12.31前完成, 。10.29区小学体育教研活动, 庆祝9.10教师节: month.day inside a sentence; not a heading's
        # 1.1 (at a line start, or after a sentence in run-on text: 。1.1教育内容设计 — there only a
        # two-digit day), not 1.5倍 / 2.5个 / 3.5亿.
        Rule("date_dot_md", regex.compile(
            r"(?:(?<=[\p{Han},、(])(?P<m>1[0-2]|[1-9])\.(?P<d>3[01]|[12]\d|0[1-9]|[1-9])"
            r"|(?<=[;。:!?])(?P<m>1[0-2]|[1-9])\.(?P<d>3[01]|[12]\d))(?![\d.%])"
            r"(?=前|之前|以前|日|号|起|[-—~至到]\d|\p{Han})(?![倍万亿元米分秒个人名次节课项篇期岁级年届版])"
            r"(?P<m2>)(?P<d2>)"),
            _date_md),
        Rule("month_ym", regex.compile(
            rf"(?<![\d.])(?P<y>{Y4}|{CNY}|{YPH})\s*年\s*(?P<m>{MNUM})(?P<m2>)\s*月份?(?P<p>上旬|中旬|下旬|初|底|末)?"
            rf"(?!\s*{DNUM}\s*[日号])"), _month),
        Rule("month", regex.compile(
            rf"(?<![\d第个每一二三四五六七八九十〇零])(?P<m>{MNUM})"
            rf"(?:(?P<sep>\s*(?:月份?)?{month_dash}|\s*[、和或]\s*)(?P<m2>{MNUM}))?"
            rf"\s*月份?(?P<p>上旬|中旬|下旬|初|底|末)?(?![\d日号度刊报])"), _month),
        Rule("new_year_month", regex.compile(r"(?<![\p{Han}])元月(?:份)?"), lambda m: ("month", {"month": 1})),
        Rule("year", regex.compile(rf"(?<![\d.\-])(?P<y>{Y4}|{CNY}|{YPH})\s*年度?(?![级届龄代版])"), _year_only),
        Rule("year_bare", regex.compile(
            r"(?<![\d.\-/:A-Za-z])(?P<y>20\d{2}|20__)(?![\d.\-/:%])(?=\p{Han})"
            r"(?![年届级元人名次个万米分字号篇条项余多岁位所份部本册件套周天课版])"), _year_only),
        _word_rule("year_words", "years", after=r"(?![级])"),
        Rule("five_year", regex.compile(r"(?<![\d一二三四五六七八九十])十(?P<k>[一二三四五])五(?![年个项条周人])"),
             _five_year),
        _word_rule("semester_words", "semesters", before=not_compound),
        _word_rule("period_words", "periods", before=r"(?<![预长短近远同延限假学])", after=r"(?!小学|小)"),
        _word_rule("festivals", "festivals", before=r"(?<![一二三四五六七八九十\d最全])",
                   after=rf"(?!{festival_guard}|[一二三四五六七八九十\d度])"),
        Rule("week", regex.compile(
            rf"第\s*(?P<w>{week_num})\s*(?:(?:{DASH}|[、,])\s*第?\s*(?P<w2>{week_num}))?\s*周(?![年岁])"
            rf"|(?<![\d一二三四五六七八九十第每])(?P<w>{week_num})\s*[、,]\s*(?P<w2>{week_num})\s*周(?![年岁末])"),
            _week),
        Rule("last_term", regex.compile(r"(?<=承接|在|接|比|较|与)上期(?=工作|的|基础|,)"),
             lambda m: ("semester", {"semester": "previous"})),
        Rule("season", regex.compile(
            r"(?:(?<=[年\d])\s*(?P<s>[春秋])季|(?P<s>[春秋])季(?=开学|入学|招生|学校|工作|园务|\p{Han}{0,4}运动会))"),
            _season),
        Rule("frequency", regex.compile(
            rf"每(?:个)?(?P<n>两|二|三|四|五|六|半|\d)?(?:个)?(?P<u>{units})(?!级)(?P<x>初|末)?"
            r"(?P<wd>(?<=周|星期)[一二三四五六日天](?![次个课节项篇件名人期份本堂场轮回]))?"), _frequency),
        _word_rule("frequency_words", "freq_words", before=r"(?<![一二三四五六七八九十\d])"),
    )


def find_times(text: str) -> list[TimeMatch]:
    """Every time expression in the (normalized) ``text``, in order, without overlaps."""
    found: list[tuple[int, int, int, str, dict[str, Any]]] = []
    n = len(text)
    for priority, rule in enumerate(rules()):
        pos = 0
        while pos < n:
            m = rule.pattern.search(text, pos)
            if m is None:
                break
            built = rule.build(m)
            if built is None:
                pos = m.start() + 1  # a shorter match may start inside a rejected one
                continue
            kind, value = built
            found.append((m.start(), m.end(), priority, kind, value))
            pos = max(m.end(), m.start() + 1)
    return [TimeMatch(a, b, kind, dict(value)) for a, b, kind, value in _resolve(found)]


def _resolve(found: list[tuple[int, int, int, str, dict[str, Any]]]) -> list[tuple[int, int, str, dict[str, Any]]]:
    """The longest of overlapping matches (then the earlier rule), kept in text order."""
    found.sort(key=lambda f: (f[0] - f[1], f[2], f[0]))
    taken: list[tuple[int, int]] = []
    kept: list[tuple[int, int, str, dict[str, Any]]] = []
    from bisect import bisect_left, insort

    for a, b, _, kind, value in found:
        if a >= b:
            continue
        i = bisect_left(taken, (a, a))
        if i > 0 and taken[i - 1][1] > a:
            continue
        if i < len(taken) and taken[i][0] < b:
            continue
        insort(taken, (a, b))
        kept.append((a, b, kind, value))
    kept.sort()
    return kept
