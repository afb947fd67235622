"""The characters a pattern's matches can begin with, read from the pattern's parse tree.

Markers only begin with a few characters (一, （, 1, ①, •, 第 …), so a scan can skip
every position whose character begins none of them. The set is read from the
standard library's own parse of the pattern (``re._parser``); a pattern it cannot
read, or one whose matches may begin with almost anything, gives None: no shortcut.
"""

from __future__ import annotations

import re
from re import _constants as _c
from re import _parser as _p

from .patterns import unnamed

_WIDE_RANGE = 5000  # a class range wider than this counts as "almost anything"

_ZERO_WIDTH = {_c.AT, _c.ASSERT, _c.ASSERT_NOT}
_REPEATS = {_c.MAX_REPEAT, _c.MIN_REPEAT, getattr(_c, "POSSESSIVE_REPEAT", _c.MAX_REPEAT)}


def first_chars(pattern: str) -> frozenset[str] | None:
    """Every character a match of ``pattern`` can begin with, or None when that is unbounded.

    >>> sorted(first_chars(r"[（(]\\s?(?P<num>[一二三])[）)]"))
    ['(', '（']
    >>> first_chars(r"\\d+、") is None
    True
    """
    try:
        tree = _p.parse(unnamed(pattern))  # names do not change first characters
        if tree.state.flags & re.IGNORECASE:
            return None
        chars, _ = _sequence(list(tree))
    except Exception:  # `regex`-only syntax, or a parser that changed: no shortcut, never a wrong one
        return None
    return frozenset(chars) if chars is not None else None


def _sequence(items: list) -> tuple[set[str] | None, bool]:
    """(first characters, whether the sequence can match the empty string)."""
    out: set[str] | None = set()
    for op, av in items:
        chars, nullable = _item(op, av)
        out = None if out is None or chars is None else out | chars
        if not nullable:
            return out, False
    return out, True


def _item(op, av) -> tuple[set[str] | None, bool]:
    if op is _c.LITERAL:
        return {chr(av)}, False
    if op is _c.IN:
        return _class(av), False
    if op in _ZERO_WIDTH:
        return set(), True
    if op is _c.BRANCH:
        results = [_sequence(list(branch)) for branch in av[1]]
        chars: set[str] | None = set()
        for c, _ in results:
            chars = None if chars is None or c is None else chars | c
        return chars, any(n for _, n in results)
    if op is _c.SUBPATTERN:
        _, add_flags, _, sub = av
        if add_flags & re.IGNORECASE:
            return None, False
        return _sequence(list(sub))
    if op in _REPEATS:
        low, _, sub = av
        chars, nullable = _sequence(list(sub))
        return chars, nullable or low == 0
    if op is getattr(_c, "ATOMIC_GROUP", None):
        return _sequence(list(av))
    return None, False  # ANY, NOT_LITERAL, back-references …: anything


def _class(items) -> set[str] | None:
    out: set[str] = set()
    for op, av in items:
        if op is _c.LITERAL:
            out.add(chr(av))
        elif op is _c.RANGE and av[1] - av[0] <= _WIDE_RANGE:
            out.update(map(chr, range(av[0], av[1] + 1)))
        else:  # NEGATE, CATEGORY (\d \s \w), a wide range
            return None
    return out
