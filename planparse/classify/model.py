"""A fitted section model, as used at prediction time: plain arrays, no scikit-learn.

`SectionModel` holds a `Featurizer` and the weights of a linear classifier
(multinomial logistic regression). `SectionClassifier` (the scikit-learn
estimator) fits one; `store` saves and loads one as arrays and JSON.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import regex

from .features import Featurizer


_LETTER = regex.compile(r"\p{L}")
# The fields that are the section's own text (see features.FIELDS); the others are its context.
_OWN = frozenset({"heading", "body", "children"})

# A topic named in the heading is a further label from this probability on,
# if no more than NAMED_RANK - 1 other labels are more probable.
NAMED_MIN = 0.05
NAMED_RANK = 2


@dataclass(frozen=True, slots=True)
class LabelRules:
    """Which labels play a structural role (ids of the model's own taxonomy, or None)."""

    container: str | None = None
    goals: str | None = None
    fallback: str | None = None
    not_inherited: tuple[str, ...] = ()  # topics a parent passes no lean to its vague items
    schedule: str | None = None  # a section most of whose items carry it carries it too


@dataclass(eq=False)
class SectionModel:
    """Weights and vocabulary of a fitted classifier; predicts label scores for rows."""

    classes: list[Any]
    featurizer: Featurizer
    coef: np.ndarray  # (n_columns, n_classes)
    intercept: np.ndarray  # (n_classes,)
    secondary_min: float = 0.2
    secondary_ratio: float = 0.35
    max_labels: int = 3
    rules: LabelRules = field(default_factory=LabelRules)
    meta: dict[str, Any] = field(default_factory=dict)
    # In a tree of sections, a parent's topic this probable adds `inherit` to its children's
    # score of the same topic (see structure.label_tree).
    inherit: float = 0.0
    inherit_min: float = 0.2

    def decision_row(self, row: Sequence[str]) -> tuple[np.ndarray, bool]:
        """Class scores of one row, and whether the section itself had anything to read: a word (not
        only digits) in its heading, body or children; its parent heading and plan title are context, not
        content (an empty item under 活动安排 is empty)."""
        idx, val = self.featurizer.transform_row(row)
        seen = idx.size > 0 and any(
            _LETTER.search(row[j][:2000]) for j, f in enumerate(self.featurizer.fields)
            if j < len(row) and row[j] and f.name in _OWN)
        if idx.size == 0:
            return self.intercept.astype(np.float64), seen
        return val @ self.coef[idx] + self.intercept, seen

    def proba_row(self, row: Sequence[str]) -> tuple[np.ndarray, bool]:
        z, seen = self.decision_row(row)
        return softmax(z), seen

    def predict_proba(self, rows: Sequence[Sequence[str]]) -> np.ndarray:
        out = np.empty((len(rows), len(self.classes)), dtype=np.float64)
        for i, row in enumerate(rows):
            out[i] = self.proba_row(row)[0]
        return out

    def named(self, row: Sequence[str]) -> list[int]:
        """Classes whose keywords the heading names, topics only, in order of mention."""
        m = self.featurizer.matcher
        if m is None or not row or not row[0]:
            return []
        index = {c: k for k, c in enumerate(self.classes)}
        heading = self.featurizer.field_text(row, 0)
        return [index[m.labels[j]] for j in m.first_seen(heading) if m.topical[j] and m.labels[j] in index]

    def labels_of(self, proba: np.ndarray, seen: bool = True, named: Sequence[int] = ()) -> list[tuple[Any, float]]:
        """``[(label, score), …]`` by score: the main label, then any other the model is sure of.

        A topic the heading names (心理健康与安全教育) is kept beside the main
        label when the model gives it at least `NAMED_MIN`. A row with nothing
        to read (empty, digits and punctuation only) gets the fallback label
        with the score the model gives it.
        """
        if not seen and self.rules.fallback in self.classes:
            k = self.classes.index(self.rules.fallback)
            return [(self.classes[k], float(proba[k]))]
        order = np.argsort(-proba, kind="stable")
        top = float(proba[order[0]])
        out = [(self.classes[order[0]], top)]
        for rank, k in enumerate(order[1:], 1):
            p = float(proba[k])
            sure = p >= self.secondary_min and p >= self.secondary_ratio * top
            if sure or (k in named and p >= NAMED_MIN and rank <= NAMED_RANK):
                out.append((self.classes[k], p))
        return out[: self.max_labels]


def softmax(z: np.ndarray) -> np.ndarray:
    e = np.exp(z - z.max())
    return e / e.sum()
