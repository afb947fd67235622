"""Extractors: quantified targets, time expressions and responsible roles.

`extract_document` fills every plan's ``targets``, ``dates``, ``roles`` and
``responsibilities`` with spans of ``Document.text`` (``text[start:end] ==
span.text``), each knowing the innermost section it sits in (``section_id``).
`planparse.parse` calls it; call it yourself to use your own role lexicon:

>>> import planparse
>>> from planparse.extract import extract_document
>>> doc = planparse.parse("一、安全工作\\n由政教处负责，每月开展一次安全演练，杜绝重大安全事故。\\n",
...                       classify=False, extract=False)
>>> extract_document(doc)
>>> plan = doc.plans[0]
>>> [(r.text, r.canonical, r.section_id) for r in plan.roles]
[('政教处', '政教处', '1')]
>>> [t.text for t in plan.targets]
['每月开展一次安全演练', '杜绝重大安全事故']
>>> [(d.text, d.kind, d.value) for d in plan.dates]
[('每月', 'frequency', {'interval': 'P1M'})]
>>> [(r.role.text, r.text) for r in plan.responsibilities]
[('政教处', '每月开展一次安全演练，杜绝重大安全事故')]
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from ..model import Document
from .lexicon import RoleEntry, RoleLexicon, default_roles, resolve_roles

__all__ = ["extract_document", "RoleLexicon", "RoleEntry", "default_roles", "load_roles"]


def extract_document(doc: Document, roles: RoleLexicon | str | Path | Iterable[str] | None = None) -> None:
    """Fill each plan's targets, dates, roles and responsibilities (in place, replacing earlier results).

    ``roles`` extends the built-in role lexicon: a `RoleLexicon`, a path to a
    plain text file (``名称 [kind] [canonical]`` a line) or to a TOML file shaped
    like ``planparse/data/roles.toml``, or the lines themselves.
    """
    from .placement import extract_plans  # the extractors load only when used (`planparse parse` starts fast)

    extract_plans(doc, resolve_roles(roles))


def load_roles(path: str | Path) -> RoleLexicon:
    """The built-in role lexicon extended by the roles in ``path`` (.txt or .toml)."""
    return resolve_roles(Path(path))
