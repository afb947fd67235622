"""Keyword-only labelling, no learning: the baseline of ``make eval``, and the keyword rules alone.

`KeywordBaseline` is the naive reference: the label with the most keyword hits
in the heading, else in the body, else the fallback. `KeywordRules` is the
keyword decision the model starts from (`KeywordMatcher.decide`: the labels
named in the heading in order of mention, a topic before a role; else the
parent heading's topic, the plan title's, the body's), reported in the
evaluation to show what learning adds to it.

>>> KeywordBaseline().labels(["心理健康与安全教育"])
[('mental_health', 1.0), ('safety', 1.0)]
>>> KeywordRules().labels(["德育工作目标"])
[('moral_education', 1.0), ('goals', 1.0)]
>>> KeywordBaseline().labels(["", "", "", ""])
[('other', 0.0)]
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from .features import matcher_for, normalize
from .taxonomy import FALLBACK, Taxonomy, taxonomy

_TIER_SCORE = (1.0, 0.5, 0.4, 0.25)


class KeywordBaseline:
    """Predicts ``[(label, score), …]`` for rows of section text (see `features.FIELDS`)."""

    def __init__(self, tax: Taxonomy | None = None) -> None:
        self.taxonomy = tax or taxonomy()
        self.ids = list(self.taxonomy.ids)
        self.matcher = matcher_for(self.taxonomy)
        self.fallback = self.taxonomy.with_role(FALLBACK) or self.ids[-1]

    def _hits(self, row: Sequence[str], j: int) -> np.ndarray:
        text = row[j] if j < len(row) else ""
        return self.matcher.counts(normalize(text[:5000]), heading=(j == 0)) if text else np.zeros(len(self.ids))

    def labels(self, row: Sequence[str]) -> list[tuple[str, float]]:
        for j, score in ((0, 1.0), (1, 0.25)):
            hits = self._hits(row, j)
            if hits.any():
                order = [int(k) for k in np.argsort(-hits, kind="stable") if hits[k] > 0]
                return [(self.ids[k], score) for k in order[:3]]
        return [(self.fallback, 0.0)]

    def predict(self, rows: Sequence[Sequence[str]]) -> list[str]:
        return [self.labels(r)[0][0] for r in rows]


class KeywordRules(KeywordBaseline):
    """The keyword decision alone (what `SectionClassifier` starts from)."""

    def labels(self, row: Sequence[str]) -> list[tuple[str, float]]:
        heading = normalize(row[0][:400]) if row and row[0] else ""
        head = self.matcher.first_seen(heading) if heading else []
        tier, order = self.matcher.decide(head, self._hits(row, 2), self._hits(row, 3), self._hits(row, 1),
                                          self.matcher.last_named(heading) if head else [])
        if not order:
            return [(self.fallback, 0.0)]
        return [(self.ids[k], _TIER_SCORE[tier]) for k in order[:3]]
