"""Recognize web-page clutter (banners, source lines, disclaimers, page numbers) by data."""

from __future__ import annotations

import re
import tomllib
from functools import lru_cache
from importlib import resources

from .patterns import compile_pattern


MAX_CLUTTER_LINE = 120


MAX_SHORT_LINE = 30


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    raw = tomllib.loads(resources.files("planparse").joinpath("data/clutter.toml").read_text("utf-8"))
    return (compile_pattern("|".join(f"(?:{p})" for p in raw["line"])),
            compile_pattern("|".join(f"(?:{p})" for p in raw["short_line"])))


@lru_cache(maxsize=65536)
def clutter_at(line: str) -> int | None:
    """Where the clutter in a clutter line begins, or None when the line is not clutter."""
    if len(line) > MAX_CLUTTER_LINE:
        return None
    anywhere, short = _patterns()
    lead = 0
    if "**" in line:  # **• 约 10页** (markdown bold): the clutter inside the stars
        inner = line.lstrip(" \t\u3000*")
        lead = len(line) - len(inner)
        line = inner.rstrip(" \t\u3000*")
    m = anywhere.search(line)
    if m is None and len(line) <= MAX_SHORT_LINE:
        m = short.search(line)
    return m.start() + lead if m else None


def is_clutter(line: str) -> bool:
    """Whether a line is site clutter, never a title or a heading.

    >>> is_clutter("文章来源:网友投稿 时间:2023-11-14 08:55:04")
    True
    >>> is_clutter("一、指导思想")
    False
    """
    return clutter_at(line) is not None


def names_clutter(line: str) -> bool:
    """Whether a line of any length holds a clutter phrase (a site's intro paragraph: 时间过得
    可真快…以下是店铺收集整理的…3篇, 欢迎大家借鉴与参考): only where no plan text is expected."""
    return _patterns()[0].search(line) is not None
