"""From a section to numbers: normalized text, character n-grams, keyword hits.

A section is read through five text fields (`FIELDS`): its heading, its body,
its parent's heading, the plan title and its children's headings. Each field is
normalized (full-width to half-width, traditional to simplified, digits to 0),
cut into character n-grams weighted by sublinear TF-IDF and scaled to unit
length, then multiplied by the field's weight; keyword hits of the taxonomy's
labels add a few dense columns, and so do the topics the first sentence of the
body names when the heading names none (`lead_sentence`). Only numpy and regex are used here, so
classifying stays light; fitting a vocabulary is plain Python too.

>>> normalize("學校１２月")
'学校00月'
>>> sorted(char_grams("安全教育", 1, 2))
['全', '全教', '安', '安全', '教', '教育', '育']
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from operator import add
from typing import Any

import numpy as np
import regex

from ..simplified import t2s_pairs

FIELDS: tuple[str, ...] = ("heading", "body", "parent", "plan", "children")
"""The columns of a section row, in order: ``X[:, 0]`` is the heading, and so on."""

DECISION_TIERS = 4  # heading, parent, plan, body (see KeywordMatcher.decide)
_RUN = regex.compile(r"[\p{Han}a-z0]+")
_DIGITS = str.maketrans("0123456789", "0000000000")
# What may follow a heading's last word: a bracketed note (初定), punctuation, digits.
_TAIL_JUNK = regex.compile(r"(?:\([^()]*\)|[\p{P}\p{S}\s0])+$")
# A heading holding one of these is a sentence, not a name: its last word is not its head noun.
_CLAUSE = regex.compile(r"[,;。:]")
# The first sentence of a body: after any punctuation the heading left (。要坚持… :以提高…), up to its end.
_LEAD_START = regex.compile(r"^[\p{P}\p{S}\s0]+")
_LEAD_END = regex.compile(r"[。;!?\n]")
LEAD_CHARS = 80
_HEADING_FIELDS = frozenset({"heading", "parent", "children"})  # fields made of headings (see `glued_head`)
# A heading run on into its text: 指导思想以学校工作为重点… / 工作思路 202X年后勤工作的基本思路是…
_GLUED_MIN_REST = 6  # what follows the heading's name is a sentence, not the rest of a name (工作目标与任务)
_GLUED_MIN_NAME = 4  # a part's name of its own (指导思想, 计划背景), not a word of a sentence (目标明确)


@dataclass(frozen=True, slots=True)
class SectionText:
    """The text a classifier reads for one section (one row of ``X``)."""

    heading: str
    body: str = ""
    parent: str = ""
    plan: str = ""
    children: str = ""

    def row(self) -> tuple[str, str, str, str, str]:
        return (self.heading, self.body, self.parent, self.plan, self.children)


_ORDINAL_ONLY = regex.compile(r"[\p{P}\p{S}\p{M}\p{N}\s一二三四五六七八九十百零〇两第篇章节部分条款板块]+")


def heading_text(marker: str, title: str) -> str:
    """What a heading says: its title, after the words its marker holds (九月份, 【指导思想】, 目标一).

    >>> heading_text("一、", "指导思想"), heading_text("九月份", ""), heading_text("目标一：", "提升质量")
    ('指导思想', '九月份', '目标一 提升质量')
    """
    if not marker or not _ORDINAL_ONLY.sub("", marker):
        return title
    words = marker.strip(" \t\u3000:：、.．,，【】[]()（）")
    return f"{words} {title}" if title else words


def section_text(section: Any, text: str, max_body: int | None = None) -> SectionText:
    """The `SectionText` of a parsed `planparse.Section` inside ``text``."""
    end = section.end if max_body is None else min(section.end, section.heading_end + max_body)
    return SectionText(
        heading=heading_text(section.marker, section.title),
        body=text[section.heading_end:end],
        parent=heading_text(section.parent.marker, section.parent.title) if section.parent is not None else "",
        plan=section.plan.title if section.plan is not None else "",
        children="\n".join(heading_text(c.marker, c.title) for c in section.children),
    )


@lru_cache(maxsize=1)
def _t2s() -> dict[int, str]:
    return str.maketrans(t2s_pairs())


def normalize(text: str) -> str:
    """Half-width, simplified, lower-case, every digit 0: what the n-grams are cut from."""
    text = unicodedata.normalize("NFKC", text)
    return text.translate(_t2s()).lower().translate(_DIGITS)


def gram_list(norm: str, nmin: int, nmax: int) -> list[str]:
    """Every character n-gram (``nmin``..``nmax``) within runs of Han, latin or digits, repeats kept."""
    out: list[str] = []
    for run in _RUN.findall(norm):
        if nmin <= 1:
            out.extend(run)
        grams: Iterable[str] = run
        for n in range(2, nmax + 1):
            grams = map(add, grams, run[n - 1:])  # type: ignore[arg-type]
            if n >= nmin:
                grams = list(grams)
                out.extend(grams)
    return out


def char_grams(norm: str, nmin: int, nmax: int) -> Counter[str]:
    """Counts of the character n-grams (``nmin``..``nmax``) within runs of Han, latin or digits."""
    return Counter(gram_list(norm, nmin, nmax))


def lead_sentence(norm: str) -> str:
    """The first sentence of a normalized body (at most `LEAD_CHARS`): where a vague heading's section
    says what it is about (架起连心桥 → 。本学期,工会要及时向广大教职工传达…).

    >>> lead_sentence("。本学期,工会要及时传达上级精神;做到上下沟通。")
    '本学期,工会要及时传达上级精神'
    """
    text = _LEAD_START.sub("", norm[: LEAD_CHARS * 4])
    end = _LEAD_END.search(text)
    return (text[: end.start()] if end else text)[:LEAD_CHARS]


@dataclass(frozen=True, slots=True)
class FieldSpec:
    """How one field is read: its weight, n-gram range and how much of it."""

    name: str
    weight: float
    ngram_min: int = 1
    ngram_max: int = 3
    max_chars: int = 2000


class KeywordMatcher:
    """Hits of each label's keywords (and heading patterns) in a text."""

    def __init__(self, labels: Sequence[str], keywords: Sequence[Sequence[str]],
                 patterns: Sequence[Sequence[str]], topical: Sequence[bool] | None = None,
                 precedence: Sequence[int] | None = None, plan_part: Sequence[bool] | None = None,
                 inherited: Sequence[bool] | None = None) -> None:
        self.labels = list(labels)
        self.keywords = [list(k) for k in keywords]
        self.patterns = [list(p) for p in patterns]
        # Which labels name a topic (not a role such as container, goals or fallback).
        self.topical = np.array(list(topical) if topical is not None else [True] * len(self.labels), dtype=bool)
        # Among labels named in one heading: lower first (topics 0, goals 1, container 2), then order of mention.
        self.precedence = list(precedence) if precedence is not None else [0 if t else 1 for t in self.topical]
        # Which labels name a part of a plan (its guiding ideas, goals, schedule; see `decide`).
        self.plan_part = [bool(x) for x in plan_part] if plan_part is not None else [False] * len(self.labels)
        # Which labels a parent heading lends its vague items (not 指导思想/工作思路: its points are about
        # their own subjects; taxonomy field inherited).
        self.inherited = [bool(x) for x in inherited] if inherited is not None else [True] * len(self.labels)
        self._passed = self.topical & np.array(self.inherited, dtype=bool)
        owners: dict[str, set[int]] = {}
        for i, kws in enumerate(keywords):
            for kw in kws:
                kw = normalize(kw)
                if kw:
                    owners.setdefault(kw, set()).add(i)
        self._owners = {k: sorted(v) for k, v in owners.items()}
        alts = sorted(self._owners, key=lambda k: (-len(k), k))
        # The standard re module runs a plain alternation of literals a few times faster.
        self._regex = re.compile("|".join(map(re.escape, alts))) if alts else None
        self._patterns = [(regex.compile(p), i) for i, ps in enumerate(patterns) for p in ps]
        # The names of a plan's parts (its guiding ideas, goals, schedule) and of its containers of tasks:
        # what a heading run on into its text opens with.
        names = sorted({normalize(kw) for i, kws in enumerate(keywords)
                        if self.plan_part[i] or self.precedence[i] >= 2 for kw in kws},
                       key=lambda k: (-len(k), k))
        names = [k for k in names if len(k) >= _GLUED_MIN_NAME]
        self._part_name = re.compile("|".join(map(re.escape, names))) if names else None

    def counts(self, norm: str, heading: bool = False) -> np.ndarray:
        """Keyword hits per label in a normalized text (longest keyword wins where they overlap)."""
        out = np.zeros(len(self.labels), dtype=np.float64)
        if self._regex is not None and norm:
            for kw in self._regex.findall(norm):
                for i in self._owners[kw]:
                    out[i] += 1
        if heading:
            for pat, i in self._patterns:
                if pat.search(norm):
                    out[i] += 1
        return out

    def first_seen(self, norm: str) -> list[int]:
        """Labels in the order their keywords first appear in a (heading) text; patterns first."""
        seen: dict[int, None] = {i: None for pat, i in self._patterns if pat.search(norm)}
        if self._regex is not None and norm:
            for kw in self._regex.findall(norm):
                for i in self._owners[kw]:
                    seen.setdefault(i)
        return list(seen)

    def glued_head(self, norm: str) -> tuple[str, str]:
        """A (normalized) heading run on into its text, cut where the text begins: ``(heading, rest)``;
        ``(norm, "")`` for a heading that is a heading only. The heading is the name of a part (its guiding
        ideas, goals, schedule) or of a container of tasks that it opens with, four characters or more
        (指导思想以学校工作为重点… → 指导思想; 工作思路 202x年后勤… → 工作思路), followed by a sentence.

        >>> m = KeywordMatcher(["guiding_ideology", "goals"], [["指导思想"], ["工作目标"]], [[], []], plan_part=[True, True])
        >>> m.glued_head("指导思想以学校工作为重点,抓细抓实"), m.glued_head("工作目标与任务"), m.glued_head("目标明确,措施得力")
        (('指导思想', '以学校工作为重点,抓细抓实'), ('工作目标与任务', ''), ('目标明确,措施得力', ''))
        """
        m = self._part_name.match(norm) if self._part_name is not None else None
        if m is None:
            return norm, ""
        rest = norm[m.end():].lstrip(" \t\u3000")
        if len(rest) < _GLUED_MIN_REST:
            return norm, ""
        return m.group(), rest

    def last_named(self, norm: str) -> list[int]:
        """Labels of the keyword a (heading) text ends with, after any bracketed note or punctuation: the
        head noun of a name (班级工作目标 is a kind of 工作目标, 教学目标清晰明确 ends with no keyword).
        None in a sentence (课堂重品质,高效率达成目标): its last word is not what it is about.

        >>> m = KeywordMatcher(["goals", "teaching"], [["目标"], ["教学"]], [[], []])
        >>> m.last_named("教学工作目标(初定)"), m.last_named("教学目标清晰明确"), m.last_named("重品质,达成目标")
        ([0], [], [])
        """
        if self._regex is None or not norm or _CLAUSE.search(norm):
            return []
        text = _TAIL_JUNK.sub("", norm)
        last = None
        for m in self._regex.finditer(text):
            last = m
        return list(self._owners[last.group()]) if last is not None and last.end() == len(text) else []

    def decide(self, head: Sequence[int], parent: np.ndarray, plan: np.ndarray,
               body: np.ndarray, last: Sequence[int] = ()) -> tuple[int, list[int]]:
        """The keyword decision: ``(tier, label indices)``, best first.

        Tier 0: the labels named in the heading (``head``, in order of mention,
        topics before roles: 德育工作目标 is about 德育; see ``precedence``); 1: the parent heading's
        topic, if it is one a parent passes down (``inherited``: the points under 工作思路 are about
        their own subjects, so they go on to the next tier); 2: the plan title's topic; 3: the body's
        most frequent topic; 4: nothing to go on.

        Except that in a plan about a topic (its title names it: 语文教研组工作计划, 艺术节活动方案)
        a heading that names that topic and ends with (``last``, see `last_named`) a part of a plan
        (``plan_part``: 工作目标, 活动时间) is that part of this plan: 语文教研组工作目标 there
        is the plan's goals, 艺术节活动时间 its schedule.
        """
        if head:
            order = sorted(head, key=lambda k: self.precedence[k])
            own = plan * self.topical
            if own[order[0]] > 0:
                parts = [k for k in last if self.plan_part[k] and not own[k] > 0]
                if parts:
                    order = parts + [k for k in order if k not in parts]
            return 0, order
        for tier, hits in ((1, parent), (2, plan), (3, body)):
            topics = hits * (self._passed if tier == 1 else self.topical)
            if topics.any():
                return tier, [int(np.argmax(topics))]
        return 4, []


def matcher_for(tax: Any) -> KeywordMatcher:
    """The `KeywordMatcher` of a `taxonomy.Taxonomy`."""
    labs = tax.labels
    return KeywordMatcher(tax.ids, [lab.keywords for lab in labs], [lab.patterns for lab in labs],
                          [lab.role is None for lab in labs], [tax.precedence(lab.id) for lab in labs],
                          [lab.plan_part for lab in labs], [lab.inherited for lab in labs])


class Featurizer:
    """Turns section rows into sparse feature rows (``data, indices, indptr``).

    The same object serves training (``fit`` builds the vocabulary and IDF) and
    prediction; its whole state is plain lists, arrays and numbers, so a model
    can be stored without pickle.
    """

    def __init__(self, fields: Sequence[FieldSpec], keyword_weight: float,
                 matcher: KeywordMatcher | None, min_df: int = 1, lead_weight: float = 0.0,
                 unglue: bool = False) -> None:
        self.fields = list(fields)
        # Read a heading run on into its text (指导思想以学校工作为重点…) as its name, the rest as
        # the start of its body (KeywordMatcher.glued_head); False in model files made before.
        self.unglue = unglue and matcher is not None
        self.keyword_weight = keyword_weight
        # Weight (times keyword_weight) of the topics the body's first sentence names, read when the
        # heading names none; 0: not read (and no columns for them).
        self.lead_weight = lead_weight
        self.matcher = matcher
        self.min_df = min_df
        self.vocabs: list[dict[str, int]] = [{} for _ in self.fields]
        self.idf = np.zeros(0, dtype=np.float64)

    # -- fitting ---------------------------------------------------------
    def fit(self, rows: Sequence[Sequence[str]], weights: Sequence[float] | None = None) -> Featurizer:
        """Learn each field's n-gram vocabulary and IDF from training rows (weighted, if given)."""
        dfs: list[dict[str, float]] = [{} for _ in self.fields]
        ws = [1.0] * len(rows) if weights is None else [float(w) for w in weights]
        for row, w in zip(rows, ws):
            if w <= 0:
                continue
            for j, (spec, text) in enumerate(zip(self.fields, self.field_texts(row))):
                if spec.weight:
                    df = dfs[j]
                    for g in set(gram_list(text, spec.ngram_min, spec.ngram_max)):
                        df[g] = df.get(g, 0.0) + w
        n = sum(w for w in ws if w > 0)
        self.vocabs, idf, col = [], [], 0
        for df in dfs:
            kept = sorted(g for g, c in df.items() if c >= self.min_df)
            self.vocabs.append({g: col + i for i, g in enumerate(kept)})
            idf.extend(math.log((1 + n) / (1 + df[g])) + 1.0 for g in kept)
            col += len(kept)
        self.idf = np.asarray(idf, dtype=np.float64)
        return self

    @property
    def n_vocab(self) -> int:
        return sum(map(len, self.vocabs))

    @property
    def n_keyword_columns(self) -> int:
        # hits per field and label, the keyword decision per tier and label, then the lead sentence's topics
        if self.matcher is None or not self.keyword_weight:
            return 0
        return len(self.matcher.labels) * (len(self.fields) + DECISION_TIERS + (1 if self.lead_weight else 0))

    @property
    def n_columns(self) -> int:
        return self.n_vocab + self.n_keyword_columns

    # -- transforming ----------------------------------------------------
    def _normalized(self, row: Sequence[str], j: int) -> str:
        raw = row[j] if j < len(row) else ""
        return normalize(raw[: self.fields[j].max_chars]) if raw else ""

    def field_text(self, row: Sequence[str], j: int) -> str:
        """Field ``j`` of a row as read (see `field_texts`); reads only that field, but for the body
        when ``unglue`` (its start may come from the heading)."""
        if self.unglue and self.fields[j].name == "body":
            return self.field_texts(row)[j]
        norm = self._normalized(row, j)
        if self.unglue and norm and self.fields[j].name in _HEADING_FIELDS:
            return self._unglued(self.fields[j].name, norm)[0]
        return norm

    def field_texts(self, row: Sequence[str]) -> list[str]:
        """Every field of a row as read: cut to its length, normalized; with ``unglue``, a heading run on
        into its text read as its name, the rest as the start of the body."""
        texts = [self._normalized(row, j) for j in range(len(self.fields))]
        if not self.unglue:
            return texts
        rest = ""
        for j, spec in enumerate(self.fields):
            if texts[j] and spec.name in _HEADING_FIELDS:
                texts[j], cut = self._unglued(spec.name, texts[j])
                if spec.name == "heading":
                    rest = cut
        if rest:
            for j, spec in enumerate(self.fields):
                if spec.name == "body":
                    texts[j] = (rest + "\n" + texts[j])[: spec.max_chars]
        return texts

    def _unglued(self, name: str, norm: str) -> tuple[str, str]:
        """A heading field read by the part's name it opens with: ``(text, rest of a heading)``."""
        glued = self.matcher.glued_head  # type: ignore[union-attr]
        if name == "children":
            return "\n".join(glued(line)[0] for line in norm.split("\n")), ""
        return glued(norm)

    def transform_row(self, row: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
        """Column indices and values of one row."""
        idx_parts: list[np.ndarray] = []
        val_parts: list[np.ndarray] = []
        base = self.n_vocab
        nlab = len(self.matcher.labels) if self.matcher else 0
        hits_of: dict[int, np.ndarray] = {}
        norms = self.field_texts(row)  # each field's normalized text, read once
        for j, spec in enumerate(self.fields):
            norm = norms[j]
            if not norm:
                continue
            if spec.weight:
                get = self.vocabs[j].get
                cols = [c for c in map(get, gram_list(norm, spec.ngram_min, spec.ngram_max)) if c is not None]
                if cols:
                    idx, tf = np.unique(np.asarray(cols, dtype=np.int64), return_counts=True)
                    val = (1.0 + np.log(tf)) * self.idf[idx]
                    val *= spec.weight / float(np.sqrt(val @ val))
                    idx_parts.append(idx)
                    val_parts.append(val)
            if self.matcher is not None and self.keyword_weight:
                hits = self.matcher.counts(norm, heading=(j == 0))
                hits_of[j] = hits
                nz = np.flatnonzero(hits)
                if nz.size:
                    # A hit in a short field is decisive; in the body, hits add up slowly.
                    vals = np.log1p(hits[nz]) / math.log(2.0) if j == 1 else np.ones(nz.size)
                    idx_parts.append(base + j * nlab + nz)
                    val_parts.append(np.minimum(vals, 3.0) * self.keyword_weight * max(spec.weight, 0.5))
        if self.matcher is not None and self.keyword_weight:
            # The keyword decision (KeywordMatcher.decide), one column per tier and label.
            zero = np.zeros(nlab)
            heading = norms[0] if norms else ""
            head = self.matcher.first_seen(heading) if heading else []
            last = self.matcher.last_named(heading) if head else []  # only a named heading uses it
            tier, order = self.matcher.decide(head, hits_of.get(2, zero), hits_of.get(3, zero), hits_of.get(1, zero),
                                              last)
            if order:
                at = base + len(self.fields) * nlab + tier * nlab
                idx_parts.append(np.asarray([at + k for k in order[:3]], dtype=np.int64))
                val_parts.append(np.asarray([1.0, 0.5, 0.5][: len(order[:3])]) * self.keyword_weight)
            if self.lead_weight and not head and 1 in hits_of:
                # A heading that names nothing (架起连心桥): the topics its first sentence names.
                nz = np.flatnonzero(self.matcher.counts(lead_sentence(norms[1])) * self.matcher.topical)
                if nz.size:
                    idx_parts.append(base + (len(self.fields) + DECISION_TIERS) * nlab + nz)
                    val_parts.append(np.full(nz.size, self.lead_weight * self.keyword_weight))
        if not idx_parts:
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float64)
        return np.concatenate(idx_parts), np.concatenate(val_parts)

    def transform(self, rows: Sequence[Sequence[str]]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """CSR parts (``data, indices, indptr``) of all rows."""
        indptr = [0]
        idx_all: list[np.ndarray] = []
        val_all: list[np.ndarray] = []
        for row in rows:
            idx, val = self.transform_row(row)
            idx_all.append(idx)
            val_all.append(val)
            indptr.append(indptr[-1] + idx.size)
        data = np.concatenate(val_all) if val_all else np.zeros(0)
        indices = np.concatenate(idx_all) if idx_all else np.zeros(0, dtype=np.int64)
        return data, indices, np.asarray(indptr, dtype=np.int64)
