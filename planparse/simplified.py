"""Traditional characters read as simplified ones, one character for one, so offsets never move.

Plans come in both scripts (學校工作計劃 / 学校工作计划). The parser's data (title
endings, clutter, label words) is written in simplified characters; it reads a
simplified view of a traditional text, and every string it reports is cut from
the original at the same offsets.

>>> simplified("學校工作計劃")
'学校工作计划'
>>> text = "学校工作计划"
>>> simplified(text) is text
True
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

from .patterns import char_class


@lru_cache(maxsize=1)
def t2s_pairs() -> dict[str, str]:
    """Traditional → simplified character pairs (``data/t2s.txt``)."""
    pairs: dict[str, str] = {}
    raw = resources.files("planparse").joinpath("data/t2s.txt").read_text("utf-8")
    for line in raw.splitlines():
        if line.startswith("#") or "\t" not in line:
            continue
        a, b = line.split("\t", 1)
        if len(a) == 1 and len(b) == 1 and a != b:
            pairs[a] = b
    return pairs


@lru_cache(maxsize=1)
def _any_traditional() -> re.Pattern[str]:
    # One scan with a character class: most texts hold no traditional character at all.
    return re.compile(char_class(t2s_pairs()))


@lru_cache(maxsize=1)
def _to_simplified() -> dict[int, int]:
    """The pairs as a `str.translate` table."""
    return str.maketrans(t2s_pairs())


def simplified(text: str) -> str:
    """``text`` in simplified characters (the same object when it holds no traditional one).

    One scan tells whether a text holds any traditional character (most hold none; a
    simplified page may hold a handful in its clutter: 網站首頁); only then is it translated.
    """
    if _any_traditional().search(text) is None:
        return text
    return text.translate(_to_simplified())
