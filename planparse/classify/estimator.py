"""`SectionClassifier`: the scikit-learn estimator that learns section labels.

``X`` is a 2-D array-like of strings, one row per section, columns in the order
of `features.FIELDS`: heading, body, parent heading, plan title, child headings
(trailing columns may be left out; a DataFrame whose column names are field
names is read by name). ``y`` holds each section's main label; further labels
(``心理健康与安全教育`` → mental_health, safety) are passed as ``secondary``.

>>> from planparse.classify import SectionClassifier
>>> X = [["安全工作"], ["消防安全"], ["教学常规"], ["课堂教学"]]
>>> clf = SectionClassifier().fit(X, ["safety", "safety", "teaching", "teaching"])
>>> clf.predict([["安全教育"], ["教学质量"]]).tolist()
['safety', 'teaching']
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
from sklearn.base import BaseEstimator, ClassifierMixin
from sklearn.utils.multiclass import check_classification_targets
from sklearn.utils.validation import _check_sample_weight, check_is_fitted, column_or_1d, validate_data

from .features import FIELDS, Featurizer, FieldSpec, matcher_for
from .model import LabelRules, SectionModel
from .taxonomy import CONTAINER, FALLBACK, GOALS, Taxonomy, taxonomy


# How much the keyword decision counts, by where it came from: heading, parent, plan, body.
TIER_PRIOR = (1.0, 0.6, 0.5, 0.3)


class SectionClassifier(ClassifierMixin, BaseEstimator):
    """Character n-gram TF-IDF of the heading, body, parent heading, plan title and
    child headings, plus taxonomy keyword hits, into a multinomial logistic regression.

    Parameters
    ----------
    heading_weight, body_weight, parent_weight, plan_weight, children_weight
        How much each field counts (each field's vector has this length).
    ngram_max, body_ngram_max
        Longest character n-gram of the short fields and of the body.
    max_body_chars
        Only this much of a body is read.
    keyword_weight
        Weight of the taxonomy keyword hits (0 switches them off).
    lead_weight
        When the heading names no keyword, the topics named in the body's first sentence
        count this much (times ``keyword_weight``; 0 switches them off).
    unglue
        Read a heading run on into its text (指导思想以学校工作为重点…, 工作思路 202x年…) as the
        name of the part it opens with, the rest as the start of its body.
    C
        Inverse regularization strength of the logistic regression.
    class_weight
        ``"balanced"``, a dict ``{label: weight}`` or None, as in scikit-learn.
    secondary_weight
        Weight of a further label as a training target, relative to the main label.
    min_df
        Drop n-grams seen in fewer training rows.
    secondary_min, secondary_ratio, max_labels
        A further label is reported when its probability is at least
        ``secondary_min`` and ``secondary_ratio`` times the main label's.
    prior_weight
        How strongly the taxonomy keyword decision (heading, then parent, plan
        title, body) votes before any learning: the regression starts from it
        and learns corrections (0: no prior).
    inherit_weight, inherit_min
        In a tree of sections (a parsed document), a parent's topic at least
        ``inherit_min`` probable adds ``inherit_weight`` to the same topic's
        score in its children (rows of ``X`` have no tree, so no effect here).
    """

    def __init__(self, heading_weight: float = 2.0, body_weight: float = 1.0, parent_weight: float = 0.8,
                 plan_weight: float = 0.0, children_weight: float = 0.5, ngram_max: int = 3,
                 body_ngram_max: int = 2, max_body_chars: int = 300, keyword_weight: float = 0.5,
                 C: float = 1.0, class_weight: str | dict | None = "balanced", secondary_weight: float = 0.5,
                 min_df: int = 2, secondary_min: float = 0.2, secondary_ratio: float = 0.35,
                 max_labels: int = 3, prior_weight: float = 3.0, inherit_weight: float = 3.0,
                 inherit_min: float = 0.2, lead_weight: float = 1.5, unglue: bool = True) -> None:
        self.heading_weight = heading_weight
        self.body_weight = body_weight
        self.parent_weight = parent_weight
        self.plan_weight = plan_weight
        self.children_weight = children_weight
        self.ngram_max = ngram_max
        self.body_ngram_max = body_ngram_max
        self.max_body_chars = max_body_chars
        self.keyword_weight = keyword_weight
        self.C = C
        self.class_weight = class_weight
        self.secondary_weight = secondary_weight
        self.min_df = min_df
        self.secondary_min = secondary_min
        self.secondary_ratio = secondary_ratio
        self.max_labels = max_labels
        self.prior_weight = prior_weight
        self.inherit_weight = inherit_weight
        self.inherit_min = inherit_min
        self.lead_weight = lead_weight
        self.unglue = unglue

    def __sklearn_tags__(self):  # type: ignore[no-untyped-def]
        tags = super().__sklearn_tags__()
        tags.input_tags.string = True
        tags.input_tags.allow_nan = True  # a missing cell is an empty field
        return tags

    # -- helpers -----------------------------------------------------------
    def _rows(self, X: Any, reset: bool) -> list[list[str]]:
        if hasattr(X, "columns") and all(str(c) in FIELDS for c in X.columns):
            X = X[[f for f in FIELDS if f in set(map(str, X.columns))]]
        arr = validate_data(self, X, reset=reset, dtype=None, ensure_all_finite=False)
        if arr.shape[1] == 0:
            raise ValueError("X has no columns; the first column must be the heading")
        return [[_cell(v) for v in r] for r in arr.tolist()]

    def _featurizer(self, tax: Taxonomy) -> Featurizer:
        weights = (self.heading_weight, self.body_weight, self.parent_weight, self.plan_weight,
                   self.children_weight)
        specs = [
            FieldSpec(name, float(w), 1, int(self.body_ngram_max if name == "body" else self.ngram_max),
                      int(self.max_body_chars) if name == "body" else 400)
            for name, w in zip(FIELDS, weights)
        ]
        matcher = matcher_for(tax) if self.keyword_weight else None
        return Featurizer(specs, float(self.keyword_weight), matcher, min_df=int(self.min_df),
                          lead_weight=float(self.lead_weight), unglue=bool(self.unglue))

    def _prior(self, feat: Featurizer, tax: Taxonomy) -> np.ndarray | None:
        """Fixed weights that let the keyword decision vote for its own label."""
        m = feat.matcher
        if m is None or not self.prior_weight or not self.keyword_weight:
            return None
        nlab = len(m.labels)
        at = feat.n_vocab + len(feat.fields) * nlab
        prior = np.zeros((feat.n_columns, len(self.classes_)))
        cls = {c: i for i, c in enumerate(self.classes_.tolist())}
        for tier, w in enumerate(TIER_PRIOR):
            for j, lab in enumerate(m.labels):
                if lab in cls:
                    prior[at + tier * nlab + j, cls[lab]] = self.prior_weight * w / self.keyword_weight
        return prior

    # -- the estimator interface -------------------------------------------
    def fit(self, X: Any, y: Any, secondary: Sequence[Sequence[Any]] | None = None,
            sample_weight: Any = None) -> SectionClassifier:
        """Learn from rows ``X`` and main labels ``y`` (and further labels ``secondary``)."""
        from scipy.sparse import csr_matrix

        from .softmax import fit_softmax

        if y is None:
            raise ValueError(f"{type(self).__name__} requires y to be passed, but the target y is None")
        rows = self._rows(X, reset=True)
        y = column_or_1d(y, warn=True)
        if len(y) != len(rows):
            raise ValueError(f"y has {len(y)} labels for {len(rows)} rows of X")
        check_classification_targets(y)
        if secondary is not None and len(secondary) != len(rows):
            raise ValueError("secondary must hold one list of labels per row of X")
        weights = _check_sample_weight(sample_weight, np.empty((len(rows), 0)), ensure_non_negative=True)
        if not weights.sum() > 0:
            raise ValueError("sample_weight sums to zero: nothing to learn from")

        extra = [list(s) for s in secondary] if secondary is not None else [[] for _ in rows]
        self.classes_ = np.unique(np.concatenate([y, np.asarray([v for s in extra for v in s], dtype=y.dtype)]))
        tax = taxonomy()
        feat = self._featurizer(tax).fit(rows, weights)
        data, indices, indptr = feat.transform(rows)
        Xs = csr_matrix((data, indices, indptr), shape=(len(rows), feat.n_columns))

        # One training row per (section, label): the main label at full weight,
        # further labels at secondary_weight, halving down the list.
        take, target, w = [], [], []
        for i, (main, more) in enumerate(zip(y.tolist(), extra)):
            take.append(i), target.append(main), w.append(weights[i])
            for j, lab in enumerate(more):
                if lab != main and self.secondary_weight > 0:
                    take.append(i), target.append(lab), w.append(weights[i] * self.secondary_weight / 2 ** j)
        target_arr = np.asarray(target, dtype=self.classes_.dtype)
        sw = np.asarray(w, dtype=float)
        if self.class_weight == "balanced":
            # Weighted class totals, so that a weight of 2 is the same as a repeated row.
            totals = {c: float(sw[target_arr == c].sum()) for c in np.unique(target_arr).tolist()}
            present = [c for c, t in totals.items() if t > 0]
            per = {c: sw.sum() / (len(present) * totals[c]) if totals[c] > 0 else 0.0 for c in totals}
            sw = sw * np.array([per[t] for t in target_arr.tolist()])
        elif isinstance(self.class_weight, dict):
            sw = sw * np.array([float(self.class_weight.get(t, 1.0)) for t in target_arr.tolist()])
        elif self.class_weight is not None:
            raise ValueError(f"class_weight must be 'balanced', a dict or None, not {self.class_weight!r}")
        keep = sw > 0
        take = [t for t, k in zip(take, keep) if k]
        target_arr, sw = target_arr[keep], sw[keep]

        k = len(self.classes_)
        prior = self._prior(feat, tax)
        if k == 1 or len(np.unique(target_arr)) == 1:
            # One class to learn: it is always the answer.
            coef = np.zeros((feat.n_columns, k))
            intercept = np.full(k, -30.0)
            intercept[np.searchsorted(self.classes_, target_arr[0])] = 0.0
        else:
            Xt = Xs[take]
            yi = np.searchsorted(self.classes_, target_arr)
            offset = np.asarray(Xt @ prior) if prior is not None else None
            coef, intercept = fit_softmax(Xt, yi, k, float(self.C), sw, offset)
            if prior is not None:
                coef = coef + prior
        names = set(self.classes_.tolist())
        self.model_ = SectionModel(
            classes=self.classes_.tolist(),
            featurizer=feat,
            coef=coef,
            intercept=intercept,
            secondary_min=float(self.secondary_min),
            secondary_ratio=float(self.secondary_ratio),
            max_labels=int(self.max_labels),
            inherit=float(self.inherit_weight),
            inherit_min=float(self.inherit_min),
            rules=LabelRules(**{role: (lab if lab in names else None) for role, lab in (
                ("container", tax.with_role(CONTAINER)), ("goals", tax.with_role(GOALS)),
                ("fallback", tax.with_role(FALLBACK)))},
                not_inherited=tuple(lab for lab in tax.not_inherited if lab in names),
                schedule=tax.schedule if tax.schedule in names else None),
            meta={"params": self.get_params()},
        )
        return self

    def predict_proba(self, X: Any) -> np.ndarray:
        """Probability of each class in ``classes_`` for each row."""
        check_is_fitted(self, "model_")
        return self.model_.predict_proba(self._rows(X, reset=False))

    def decision_function(self, X: Any) -> np.ndarray:
        """Class scores (logits); for two classes, the score of ``classes_[1]`` over ``classes_[0]``."""
        check_is_fitted(self, "model_")
        rows = self._rows(X, reset=False)
        z = np.vstack([self.model_.decision_row(r)[0] for r in rows]) if rows else np.zeros((0, len(self.classes_)))
        return z[:, 1] - z[:, 0] if z.shape[1] == 2 else z

    def predict(self, X: Any) -> np.ndarray:
        """The main label of each row."""
        proba = self.predict_proba(X)
        return self.classes_[np.argmax(proba, axis=1)]

    def predict_labels(self, X: Any) -> list[list[tuple[Any, float]]]:
        """``[(label, score), …]`` of each row: the main label first, then any other it is sure of."""
        check_is_fitted(self, "model_")
        out = []
        for row in self._rows(X, reset=False):
            proba, seen = self.model_.proba_row(row)
            out.append(self.model_.labels_of(proba, seen, self.model_.named(row)))
        return out


def _cell(v: Any) -> str:
    if v is None:
        return ""
    if isinstance(v, float) and v != v:  # NaN: a missing cell
        return ""
    return v if isinstance(v, str) else str(v)
