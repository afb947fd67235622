"""The list labels Word draws in front of numbered paragraphs (一、 （一） 1. ①).

Word keeps automatic numbering out of the text: a paragraph only says "level 0 of
list 3", and ``numbering.xml`` says how that level is drawn (``%1、`` in Chinese
counting, starting at 1). Plans written in Word often number their headings that
way, so a .docx read without its labels loses its outline. `ListLabels` counts the
lists as Word does and renders each paragraph's label.

Counting follows Word: paragraphs of lists that share an abstract definition go on
counting together unless a list restarts a level (``startOverride``); a level starts
again after any paragraph at a higher level (unless ``lvlRestart`` says otherwise).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import cn2an

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MAX_LEVELS = 9

_CIRCLED = {"decimalEnclosedCircle": 0x2460, "decimalEnclosedCircleChinese": 0x2460,
            "decimalEnclosedParen": 0x2474, "decimalEnclosedFullstop": 0x2488}
_STEMS = {"ideographTraditional": "甲乙丙丁戊己庚辛壬癸", "ideographZodiac": "子丑寅卯辰巳午未申酉戌亥"}
_CHINESE = {"chineseCounting", "chineseCountingThousand", "japaneseCounting", "taiwaneseCounting",
            "taiwaneseCountingThousand", "koreanCounting"}
_DIGITS = "〇一二三四五六七八九"


def format_number(n: int, fmt: str) -> str:
    """``n`` drawn in Word's number format ``fmt`` (unknown formats as decimal)."""
    if fmt == "none":
        return ""
    if fmt in _CHINESE:
        return cn2an.an2cn(n)
    if fmt == "chineseLegalSimplified":
        return cn2an.an2cn(n, "up")
    if fmt == "ideographDigital":
        return "".join(_DIGITS[int(d)] for d in str(n))
    if fmt in _STEMS:
        stems = _STEMS[fmt]
        return stems[(n - 1) % len(stems)]
    if fmt in _CIRCLED:
        return chr(_CIRCLED[fmt] + n - 1) if 1 <= n <= 20 else str(n)
    if fmt in ("upperRoman", "lowerRoman"):
        roman = _roman(n)
        return roman if fmt == "upperRoman" else roman.lower()
    if fmt in ("upperLetter", "lowerLetter"):
        letter = chr(ord("A") + (n - 1) % 26) * ((n - 1) // 26 + 1)
        return letter if fmt == "upperLetter" else letter.lower()
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt in ("decimalFullWidth", "decimalFullWidth2"):
        return str(n).translate({ord(d): 0xFF10 + int(d) for d in "0123456789"})
    return str(n)


def _roman(n: int) -> str:
    out = []
    for value, numeral in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                           (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= value:
            out.append(numeral)
            n -= value
    return "".join(out)


def _bullet(text: str) -> str:
    """A bullet's glyph: symbol fonts put theirs in the private use area (Wingdings …)."""
    return "".join("•" if "\ue000" <= ch <= "\uf8ff" else ch for ch in text) or "•"


@dataclass
class _Level:
    start: int = 1
    fmt: str = "decimal"
    text: str = ""
    suffix: str = "tab"
    restart: int | None = None  # restart after a paragraph at this level or above (1-based); None: any
    legal: bool = False  # isLgl: every level drawn in decimal (1.1.1)


@dataclass
class _Num:
    abstract: str
    overrides: dict[int, int] = field(default_factory=dict)  # level -> startOverride


def _val(el, name: str) -> str | None:
    child = el.find(_W + name) if el is not None else None
    return child.get(_W + "val") if child is not None else None


def int_attr(value: str | None, default: int | None = None) -> int | None:
    """An attribute's integer value (blanks around it allowed), or ``default`` when it has none."""
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


class ListLabels:
    """Renders the list label of each paragraph, in document order (it counts as it goes)."""

    def __init__(self, numbering, styles) -> None:
        """``numbering`` and ``styles``: the ``w:numbering`` and ``w:styles`` elements (or None)."""
        self._abstract: dict[str, dict[int, _Level]] = {}
        self._nums: dict[str, _Num] = {}
        self._style_num: dict[str, tuple[str | None, int | None, str | None]] = {}
        self._counters: dict[str, list[int | None]] = {}
        self._started: set[str] = set()
        if numbering is not None:
            self._read_numbering(numbering)
        if styles is not None:
            self._read_styles(styles)

    def _read_numbering(self, numbering) -> None:
        for ab in numbering.iterfind(_W + "abstractNum"):
            levels = {}
            for lvl in ab.iterfind(_W + "lvl"):
                ilvl = int_attr(lvl.get(_W + "ilvl"), 0)
                restart = int_attr(_val(lvl, "lvlRestart"))
                levels[ilvl] = _Level(start=int_attr(_val(lvl, "start"), 1), fmt=_val(lvl, "numFmt") or "decimal",
                                      text=_val(lvl, "lvlText") or "", suffix=_val(lvl, "suff") or "tab",
                                      restart=restart, legal=lvl.find(_W + "isLgl") is not None)
            self._abstract[ab.get(_W + "abstractNumId")] = levels
        for num in numbering.iterfind(_W + "num"):
            ref = _val(num, "abstractNumId")
            if ref is None:
                continue
            overrides = {}
            for ov in num.iterfind(_W + "lvlOverride"):
                start = int_attr(_val(ov, "startOverride"))
                if start is not None:
                    overrides[int_attr(ov.get(_W + "ilvl"), 0)] = start
            self._nums[num.get(_W + "numId")] = _Num(ref, overrides)

    def _read_styles(self, styles) -> None:
        for style in styles.iterfind(_W + "style"):
            ppr = style.find(_W + "pPr")
            numpr = ppr.find(_W + "numPr") if ppr is not None else None
            self._style_num[style.get(_W + "styleId")] = (
                _val(numpr, "numId"), int_attr(_val(numpr, "ilvl")), _val(style, "basedOn"))

    def _from_style(self, style_id: str | None) -> tuple[str | None, int | None]:
        seen = set()
        while style_id and style_id not in seen:
            seen.add(style_id)
            num_id, ilvl, based_on = self._style_num.get(style_id, (None, None, None))
            if num_id is not None:
                return num_id, ilvl
            style_id = based_on
        return None, None

    def label(self, paragraph) -> str:
        """The label Word draws before ``paragraph`` (a ``w:p`` element), with the blank
        after it; "" for a paragraph that is not a list item."""
        ppr = paragraph.find(_W + "pPr")
        if ppr is None:
            return ""
        numpr = ppr.find(_W + "numPr")
        num_id, ilvl = _val(numpr, "numId"), int_attr(_val(numpr, "ilvl"))
        if num_id is None:
            num_id, style_ilvl = self._from_style(_val(ppr, "pStyle"))
            ilvl = ilvl if ilvl is not None else style_ilvl
        num = self._nums.get(num_id or "0")
        levels = self._abstract.get(num.abstract) if num is not None else None
        if not levels:
            return ""  # numId 0 switches numbering off; unknown lists draw nothing
        ilvl = min(max(ilvl or 0, 0), _MAX_LEVELS - 1)
        level = levels.get(ilvl, _Level())
        counters = self._counters.setdefault(num.abstract, [None] * _MAX_LEVELS)
        if num_id not in self._started:
            self._started.add(num_id)
            for k, start in num.overrides.items():
                if 0 <= k < _MAX_LEVELS:
                    counters[k] = start - 1
        current = counters[ilvl]
        counters[ilvl] = (level.start if current is None else current + 1)
        for deeper in range(ilvl + 1, _MAX_LEVELS):
            restart = levels.get(deeper, _Level()).restart
            if restart is None or (restart != 0 and ilvl < restart):
                counters[deeper] = None
        if level.fmt == "bullet":
            label = _bullet(level.text)
        else:
            label = level.text
            for k in range(_MAX_LEVELS, 0, -1):  # %10 does not exist; %1 after %1x is safe
                token = f"%{k}"
                if token in label:
                    other = levels.get(k - 1, _Level())
                    value = counters[k - 1] if counters[k - 1] is not None else other.start
                    fmt = "decimal" if level.legal and other.fmt not in ("none", "bullet") else other.fmt
                    label = label.replace(token, format_number(value, fmt))
        if not label:
            return ""
        return label + {"space": " ", "nothing": ""}.get(level.suffix, "\t")


__all__ = ["ListLabels", "format_number"]
