"""Compiling patterns: the standard library's engine where a pattern allows it.

`re` calls cost about a third of `regex` calls, and most of planparse's patterns
are plain; patterns that need `regex` syntax (a group name used twice, ``\\K``,
a variable-width lookbehind) still compile, on `regex`.
"""

from __future__ import annotations

import re

import regex


def compile_pattern(pattern: str, flags: int = 0) -> re.Pattern[str] | regex.Pattern[str]:
    """``re.compile(pattern)``, or ``regex.compile(pattern)`` for `regex`-only syntax."""
    try:
        return re.compile(pattern, flags)
    except re.error:
        return regex.compile(pattern, flags)
