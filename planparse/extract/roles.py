"""Mentions of the school's own departments, bodies and positions, from the role lexicon.

The lexicon (``data/roles.toml``, extensible by the user) lists every written
form; this module finds them in the normalized text, longest first, and drops
those whose context makes them something else (少先队员, 县工会, 上级团委).

>>> from planparse.extract.lexicon import default_roles
>>> text = "由教务处牵头,家委会配合,少先队员和县工会参加"
>>> [(text[a:b], e.canonical, e.kind) for a, b, e in find_roles(text, default_roles())]
[('教务处', '教务处', 'department'), ('家委会', '家长委员会', 'department')]
"""

from __future__ import annotations

from .lexicon import RoleEntry, RoleLexicon


def find_roles(text: str, lexicon: RoleLexicon) -> list[tuple[int, int, RoleEntry]]:
    """(start, end, entry) of every role mention in the (normalized) ``text``, in order."""
    pattern = lexicon.pattern
    out: list[tuple[int, int, RoleEntry]] = []
    pos = 0
    n = len(text)
    while pos < n:
        m = pattern.search(text, pos)
        if m is None:
            break
        a, b = m.span()
        entry = lexicon.entries.get(m.group())
        if entry is None or _blocked(text, a, b, entry, lexicon):
            pos = a + 1  # a shorter or later name may still start inside
            continue
        out.append((a, b, entry))
        pos = b
    return out


def _blocked(text: str, a: int, b: int, entry: RoleEntry, lexicon: RoleLexicon) -> bool:
    if entry.only_after and not any(text.startswith(w, b) for w in entry.only_after):
        return True
    if entry.only_before and not any(text.endswith(w, 0, a) for w in entry.only_before):
        return True
    if any(text.startswith(w, b) for w in entry.not_after):
        return True
    if any(text.endswith(w, 0, a) for w in entry.not_before):
        return True
    if any(text.endswith(w, 0, a) for w in lexicon.not_before):
        return not any(text.endswith(w, 0, a) for w in lexicon.allow_before)
    return False
