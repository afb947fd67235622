"""Assignments of a task to a role: 由X负责…, X牵头…, 责任人：X, X为第一责任人, 落实到X.

Works on the role mentions already found: roles written side by side
(教务处、德育处) form one group, and the words around the group say whether,
and for what, it is made responsible. The action is a span of the text: what
follows 负责 up to the end of the sentence, what precedes 责任人： on its line,
or, in a schedule table, the work cell of the role's row.

>>> from planparse.extract.lexicon import default_roles
>>> from planparse.extract.roles import find_roles
>>> text = "安全工作由校长室、政教处负责。做好晨午检,责任落实到班主任。"
>>> found = find_responsibilities(text, find_roles(text, default_roles()))
>>> [(text[role[0]:role[1]], text[a:b]) for role, a, b in found]
[('校长室', '安全工作'), ('政教处', '安全工作'), ('班主任', '做好晨午检')]
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import regex

Mention = tuple[int, int, Any]  # (start, end, RoleEntry) in the normalized text

_SEP = regex.compile(r"[、和与及,/ ]{1,2}|以及|及其")
_VERB = regex.compile(
    r"(?:具体|全面|统一|主要|共同|要|应|将|负责)?"
    r"(?P<verb>负责|牵头|主抓|主管|分管|承担|组织实施|具体实施|把关|统筹)(?![制人])"
)
_BY = regex.compile(r"(?r)由(?:学校|校|各|全体)?\s*\Z")
_LABEL = regex.compile(
    r"(?r)(?:责任人|负责人|责任部门|牵头部门|责任处室|负责部门|责任单位|牵头人|实施部门|牵头单位|负责处室|责任领导)"
    r"\s*[:：为是]?\s*[(（]?\s*\Z"
)
_DOWN_TO = regex.compile(r"(?r)(?:落实到|分解到|明确到|细化到)(?:各|每个|每位|每一位)?\s*\Z")
_FIRST = regex.compile(r"\s*(?:是|为|作为)(?P<what>[^,;。\n]{0,24}?)(?:的)?第一责任人")
_SENTENCE_END = regex.compile(r"[。;!?\n]")
_MARKER = regex.compile(r"(?:\d{1,2}[.、)]|\(\d{1,2}\)|[一二三四五六七八九十]{1,3}、|\([一二三四五六七八九十]{1,3}\)|[①-⑳⑴-⒇])\s*")
_HELPERS = regex.compile(r"[^,;。\n]{0,16}?(?:配合|协助|协同|参与)[,]")
_CLAUSE_BACK = regex.compile(r"(?r)[,;。!?\n:]")
_SENTENCE_BACK = regex.compile(r"(?r)[;。!?\n]")
_GENERIC_TAIL = regex.compile(r"[,、]?(?:各项)?(?:安全)?(?:责任|任务|职责|工作)?(?:要|应|须|必须)?\s*\Z")
_ACTION_TRIM = " \t\u3000,，:：;；。、"


def find_responsibilities(text: str, mentions: Sequence[Mention]) -> list[tuple[Mention, int, int]]:
    """(role mention, action start, action end) for every assignment in ``text``."""
    out: list[tuple[Mention, int, int]] = []
    for group in _groups(text, mentions):
        span = _action(text, group)
        if span is None:
            continue
        a, b = span
        for m in group:
            out.append((m, a, b))
    return out


def _groups(text: str, mentions: Sequence[Mention]) -> list[list[Mention]]:
    groups: list[list[Mention]] = []
    for m in mentions:
        if groups:
            last = groups[-1][-1]
            gap = text[last[1] : m[0]]
            if gap == "" or _SEP.fullmatch(gap):
                groups[-1].append(m)
                continue
        groups.append([m])
    return groups


def _trim(text: str, a: int, b: int) -> tuple[int, int] | None:
    while a < b and text[a] in _ACTION_TRIM:
        a += 1
    marker = _MARKER.match(text, a, b)
    if marker:
        a = marker.end()
    while b > a and text[b - 1] in _ACTION_TRIM:
        b -= 1
    return (a, b) if b - a >= 2 else None


def _clause_before(text: str, i: int) -> tuple[int, int] | None:
    while i > 0 and text[i - 1] in _ACTION_TRIM:
        i -= 1
    m = _CLAUSE_BACK.search(text, max(0, i - 60), i)
    return _trim(text, m.end() if m else max(0, i - 60), i)


def _action(text: str, group: list[Mention]) -> tuple[int, int] | None:
    a, b = group[0][0], group[-1][1]
    cell = _table_cell(text, a, b)
    if cell is not None:
        return cell
    first = _FIRST.match(text, b)
    if first:
        return _trim(text, first.start("what"), first.end("what")) or _clause_before(text, a)
    label = _LABEL.search(text, max(0, a - 12), a)
    if label:
        line_start = text.rfind("\n", 0, label.start()) + 1
        return _trim(text, line_start, label.start()) or _previous_line(text, line_start)
    down = _DOWN_TO.search(text, max(0, a - 10), a)
    if down:
        # 做好晨午检,责任落实到班主任: the task is the sentence before the bare word 责任.
        start = max(0, down.start() - 80)
        m = _SENTENCE_BACK.search(text, start, down.start())
        stop = down.start()
        generic = _GENERIC_TAIL.search(text, start, stop)
        if generic:
            stop = generic.start()
        return _trim(text, m.end() if m else start, stop)
    verb = _VERB.match(text, b)
    if verb is None:
        return None
    by = _BY.search(text, max(0, a - 4), a)
    if by is None and verb["verb"] != "牵头" and text.startswith((",", "。", ";", "\n"), verb.end()):
        return None  # 政教处具体组织实施,…: what it carries out was said before, in another shape
    end = _SENTENCE_END.search(text, verb.end(), verb.end() + 80)
    stop = end.start() if end else min(len(text), verb.end() + 80)
    after = _trim(text, verb.end(), stop)
    if after is not None:
        # 由德育处牵头,各年级组配合,开展…: the helpers' clause is not the task.
        helper = _HELPERS.match(text, after[0], after[1])
        if helper:
            after = _trim(text, helper.end(), after[1]) or after
    if by is not None:
        if after is None or verb["verb"] == "负责" and text.startswith(("。", ";", "\n"), verb.end()):
            return _clause_before(text, by.start())
        return after
    return after


def _previous_line(text: str, line_start: int) -> tuple[int, int] | None:
    if line_start <= 1:
        return None
    prev_end = line_start - 1
    prev_start = text.rfind("\n", 0, prev_end) + 1
    return _trim(text, prev_start, prev_end)


def _table_cell(text: str, a: int, b: int) -> tuple[int, int] | None:
    """In a `|` table row, a cell holding only roles is answered by the work cell before it."""
    line_start = text.rfind("\n", 0, a) + 1
    line_end = text.find("\n", b)
    line_end = len(text) if line_end < 0 else line_end
    left = text.rfind("|", line_start, a)
    right = text.find("|", b, line_end)
    if left < 0 or right < 0 or text[left + 1 : a].strip() or text[b:right].strip(" 、,"):
        return None
    cells: list[tuple[int, int]] = []
    pos = line_start
    while pos < left:
        nxt = text.find("|", pos, left)
        nxt = left if nxt < 0 else nxt
        span = _trim(text, pos, nxt)
        if span is not None:
            cells.append(span)
        pos = nxt + 1
    return cells[-1] if cells else None
