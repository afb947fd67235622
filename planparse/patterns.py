"""Compiling patterns (the standard library's engine where a pattern allows it) and composing them.

`re` calls cost about a third of `regex` calls, and most of planparse's patterns
are plain; patterns that need `regex` syntax (a group name used twice, ``\\K``,
a variable-width lookbehind) still compile, on `regex`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import regex

_NAMED_GROUP = re.compile(r"\(\?P<\w+>")


def compile_pattern(pattern: str, flags: int = 0) -> re.Pattern[str] | regex.Pattern[str]:
    """``re.compile(pattern)``, or ``regex.compile(pattern)`` for `regex`-only syntax."""
    try:
        return re.compile(pattern, flags)
    except re.error:
        return regex.compile(pattern, flags)


def unnamed(pattern: str) -> str:
    """``pattern`` with its named groups made plain groups: the same matches, no names to
    clash when it is joined with other patterns (``(?P<num>…)`` → ``(?:…)``)."""
    return _NAMED_GROUP.sub("(?:", pattern)


def char_class(chars: Iterable[str]) -> str:
    """A pattern character class matching exactly ``chars``."""
    return "[" + "".join(map(re.escape, sorted(set(chars)))) + "]"
