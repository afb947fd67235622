"""The extractors' word lists, read from ``planparse/data/`` (and from user files for roles)."""

from __future__ import annotations

import tomllib
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property, lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import regex

from ..errors import PlanparseError
from .textview import normalize_chars

ROLE_KINDS = ("department", "position", "body")
# A user's role without a kind is a position when its name ends like one.
_POSITION_ENDINGS = ("长", "主任", "教师", "老师", "员", "书记", "医", "医生", "师", "干部", "领导", "委员")


@lru_cache(maxsize=None)
def data(name: str) -> dict[str, Any]:
    """A TOML file of ``planparse/data`` (cached)."""
    raw = resources.files("planparse").joinpath(f"data/{name}").read_text("utf-8")
    return tomllib.loads(raw)


def trie_pattern(words: Iterable[str]) -> str:
    """A regex alternation of ``words`` factored as a trie: fast, and longest match first.

    >>> trie_pattern(["校长", "校长室", "副校长"])
    '(?:副校长|校长(?:室)?)'
    """
    root: dict[str, Any] = {}
    for w in set(words):
        if not w:
            continue
        node = root
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict[str, Any]) -> str:
        branches = [regex.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    pattern = build(root)
    return pattern if len(root) > 1 else f"(?:{pattern})"


@dataclass(frozen=True)
class RoleEntry:
    """One way of writing a role: ``name`` as written, and the role it names."""

    name: str
    canonical: str
    kind: str
    not_before: tuple[str, ...] = ()
    not_after: tuple[str, ...] = ()
    only_after: tuple[str, ...] = ()
    only_before: tuple[str, ...] = ()


@dataclass(frozen=True, eq=False)
class RoleLexicon:
    """Every written form of every role, and the context rules shared by all.

    Build one with `default_roles` and extend it with `RoleLexicon.extended`.
    """

    entries: dict[str, RoleEntry]
    not_before: tuple[str, ...] = ()
    allow_before: tuple[str, ...] = ()

    @cached_property
    def pattern(self) -> regex.Pattern[str]:
        """Every written form, longest first where several start at one place."""
        return regex.compile(trie_pattern(self.entries))

    def extended(self, entries: Iterable[RoleEntry]) -> RoleLexicon:
        """A new lexicon with ``entries`` added (replacing same-named ones)."""
        merged = dict(self.entries)
        for e in entries:
            merged[normalize_chars(e.name)] = e
        return RoleLexicon(merged, self.not_before, self.allow_before)


@lru_cache(maxsize=1)
def default_roles() -> RoleLexicon:
    """The role lexicon of ``planparse/data/roles.toml``."""
    return roles_from_toml(data("roles.toml"))


def roles_from_toml(raw: dict[str, Any], base: RoleLexicon | None = None) -> RoleLexicon:
    ctx = raw.get("context", {})
    entries: list[RoleEntry] = []
    for r in raw.get("role", []):
        kind = r.get("kind", "department")
        if kind not in ROLE_KINDS:
            raise PlanparseError(f"role {r.get('canonical')!r}: kind must be one of {', '.join(ROLE_KINDS)}")
        canonical = r["canonical"]
        for name in [canonical, *r.get("aliases", [])]:
            entries.append(RoleEntry(
                name=name, canonical=canonical, kind=kind,
                not_before=tuple(r.get("not_before", ())), not_after=tuple(r.get("not_after", ())),
                only_after=tuple(r.get("only_after", ())), only_before=tuple(r.get("only_before", ())),
            ))
    if base is not None:
        return base.extended(entries)
    lex = RoleLexicon({}, tuple(ctx.get("not_before", ())), tuple(ctx.get("allow_before", ())))
    return lex.extended(entries)


def guess_kind(name: str) -> str:
    return "position" if name.endswith(_POSITION_ENDINGS) else "department"


def parse_role_lines(text: str, source: str | None = None) -> list[RoleEntry]:
    """Roles from a plain text file: ``名称 [kind] [canonical]`` a line, ``#`` comments.

    >>> [(e.name, e.kind, e.canonical) for e in parse_role_lines("家委会 department 家长委员会\\n# x\\n电教组长\\n")]
    [('家委会', 'department', '家长委员会'), ('电教组长', 'position', '电教组长')]
    """
    out: list[RoleEntry] = []
    for n, line in enumerate(text.splitlines(), 1):
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        fields = line.replace(",", " ").replace("\t", " ").split()
        name = fields[0]
        kind = fields[1] if len(fields) > 1 else guess_kind(name)
        if kind not in ROLE_KINDS:
            where = f"line {n}"
            raise PlanparseError(f"{where}: kind {kind!r} is not one of {', '.join(ROLE_KINDS)}", source)
        canonical = fields[2] if len(fields) > 2 else name
        out.append(RoleEntry(name=name, canonical=canonical, kind=kind))
    return out


def resolve_roles(roles: RoleLexicon | str | Path | Iterable[str] | None) -> RoleLexicon:
    """The lexicon to use: the default, extended by a file (.txt or .toml) or by lines.

    ``roles`` may be a `RoleLexicon` (used as is), a path to a plain text file
    (``名称 [kind] [canonical]`` a line) or a TOML file shaped like
    ``data/roles.toml``, or an iterable of such lines.
    """
    if roles is None:
        return default_roles()
    if isinstance(roles, RoleLexicon):
        return roles
    if isinstance(roles, (str, Path)):
        path = Path(roles)
        try:
            raw = path.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as exc:
            raise PlanparseError(f"cannot read role lexicon: {exc}", str(path)) from None
        if path.suffix.lower() == ".toml":
            try:
                return roles_from_toml(tomllib.loads(raw), default_roles())
            except (tomllib.TOMLDecodeError, KeyError, TypeError) as exc:
                raise PlanparseError(f"not a role lexicon: {exc}", str(path)) from None
        return default_roles().extended(parse_role_lines(raw, str(path)))
    return default_roles().extended(parse_role_lines("\n".join(roles)))
