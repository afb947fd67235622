"""Section label accuracy (``make eval``): grouped cross-validation against the annotations.

Every depth-1/2 gold heading with labels is scored on its main label (top-1
accuracy, per-label precision/recall/F1, macro-F1) and on its label set
(micro-F1 over (section, label) pairs). The model is cross-validated with
folds grouped by document, so no plan is in both training and test; it labels
the gold outline of each test document (so the outline's errors do not count
here), and, in one line, the outline planparse parses itself. Beside it: the
keyword baseline and the keyword rules the model starts from (no learning, so
no folds).

Grouped folds still let a plan's kind (union plans, kindergarten plans) be
seen in training. `held_out` measures how far the model carries to kinds it
has not seen: each kind of devset document held out in turn (the seeds are one
kind), and the devset and the seed plans trained on apart and tested on each
other. The keyword baseline is scored on the same test documents.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from ..classify.training import Example, as_xy, examples_from_annotation
from .corpus import Annotated

FOLDS = 10


@dataclass
class Scores:
    """Main-label and label-set agreement of predictions with gold labels."""

    pairs: list[tuple[str, str]] = field(default_factory=list)  # (gold main, predicted main)
    set_tp: int = 0
    set_fp: int = 0
    set_fn: int = 0

    def add(self, gold: Sequence[str], pred: Sequence[str]) -> None:
        self.pairs.append((gold[0], pred[0] if pred else ""))
        g, p = set(gold), set(pred)
        self.set_tp += len(g & p)
        self.set_fp += len(p - g)
        self.set_fn += len(g - p)

    @property
    def n(self) -> int:
        return len(self.pairs)

    @property
    def accuracy(self) -> float:
        return sum(g == p for g, p in self.pairs) / self.n if self.n else 0.0

    def per_label(self, label: str) -> tuple[float, float, float, int]:
        tp = sum(g == p == label for g, p in self.pairs)
        pred = sum(p == label for _, p in self.pairs)
        gold = sum(g == label for g, _ in self.pairs)
        prec = tp / pred if pred else 0.0
        rec = tp / gold if gold else 0.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        return prec, rec, f1, gold

    def labels(self) -> list[str]:
        return sorted({g for g, _ in self.pairs})

    @property
    def macro_f1(self) -> float:
        labs = self.labels()  # labels present in the gold standard
        return sum(self.per_label(lab)[2] for lab in labs) / len(labs) if labs else 0.0

    @property
    def set_f1(self) -> float:
        d = 2 * self.set_tp + self.set_fp + self.set_fn
        return 2 * self.set_tp / d if d else 0.0


@dataclass
class Outcome:
    """What the report needs from one cross-validation run."""

    model: Scores
    parsed: Scores
    missed: list[tuple[str, Example, list[tuple[str, float]]]]


def doc_examples(docs: Sequence[Annotated]) -> dict[str, list[Example]]:
    """Every gold heading of every document (labelled or not), by document name."""
    return {d.name: examples_from_annotation(d.gold, d.text, d.name, unlabelled=True) for d in docs}


def scored(e: Example) -> bool:
    return bool(e.labels) and e.depth <= 2


def _label_gold_tree(model: Any, examples: list[Example]) -> list[list[tuple[str, float]]]:
    from ..classify.structure import Node, label_tree, link

    pos = {e.start: i for i, e in enumerate(examples)}
    nodes = link([Node(e.text.row(), pos.get(e.parent_start)) for e in examples])
    return label_tree(model, nodes)


def _fold(params: dict[str, Any], train: list[Example], tests: list[tuple[Annotated, list[Example]]]):
    from .. import parse
    from ..classify.document import classify_document
    from ..classify.estimator import SectionClassifier

    X, y, extra, _ = as_xy(e for e in train if scored(e))
    clf = SectionClassifier(**params).fit(X, y, secondary=extra)
    gold_rows, parsed_rows = [], []
    for doc, exs in tests:
        labels = _label_gold_tree(clf.model_, exs)
        gold_rows += [(doc.name, e, lab) for e, lab in zip(exs, labels) if scored(e)]
        parsed = parse(doc.text, classify=False, extract=False)
        classify_document(parsed, clf.model_)
        found = {s.start: s.labels for s in parsed.walk()}
        parsed_rows += [(e, found.get(e.start)) for e in exs if scored(e)]
    return gold_rows, parsed_rows


def balanced_folds(docs: Sequence[Annotated], folds: int = FOLDS) -> list[list[str]]:
    """Folds of whole documents (names), balanced by their number of labelled sections."""
    by_doc = doc_examples(docs)
    names = [d.name for d in docs]
    k = max(2, min(folds, len(names)))
    sizes = sorted(((sum(map(scored, by_doc[n])), n) for n in names), reverse=True)
    bins: list[list[str]] = [[] for _ in range(k)]
    load = [0] * k
    for size, name in sizes:
        i = load.index(min(load))
        bins[i].append(name)
        load[i] += size
    return bins


def cross_validate(docs: Sequence[Annotated], params: dict[str, Any] | None = None,
                   folds: int = FOLDS, n_jobs: int = 2, bins: Sequence[Sequence[str]] | None = None) -> Outcome:
    """Cross-validation of `SectionClassifier` over annotated documents, grouped by document.

    Each of ``bins`` (lists of document names; default `balanced_folds`) is
    held out in turn and labelled by a model trained on all other documents.
    """
    from joblib import Parallel, delayed

    by_doc = doc_examples(docs)
    names = [d.name for d in docs]
    if bins is None:
        bins = balanced_folds(docs, folds)
    by_name = {d.name: d for d in docs}
    jobs = []
    for held in bins:
        if not held:
            continue
        train = [e for n in names if n not in held for e in by_doc[n]]
        jobs.append(delayed(_fold)(params or {}, train, [(by_name[n], by_doc[n]) for n in held]))
    results = Parallel(n_jobs=n_jobs)(jobs)
    model, parsed, missed = Scores(), Scores(), []
    for gold_rows, parsed_rows in results:
        for name, e, lab in gold_rows:
            pred = [x for x, _ in lab]
            model.add(e.labels, pred)
            if pred[0] != e.labels[0]:
                missed.append((name, e, lab))
        for e, lab in parsed_rows:
            if lab is not None:
                parsed.add(e.labels, [x for x, _ in lab])
    return Outcome(model, parsed, missed)


def held_out_splits(docs: Sequence[Annotated], kind_of: dict[str, str]) -> dict[str, list[list[str]]]:
    """Splits by kind of document: ``{name: [held-out document names, …]}`` (empty when kinds are unknown)."""
    from .corpus import SEED_KIND

    kind = {d.name: kind_of.get(d.name, SEED_KIND) for d in docs}
    order = sorted(set(kind.values()))
    if len(order) < 2:
        return {}
    seeds = [n for n, k in kind.items() if k == SEED_KIND]
    dev = [n for n, k in kind.items() if k != SEED_KIND]
    splits = {"leave-one-kind-out": [[n for n in kind if kind[n] == k] for k in order]}
    if seeds and dev:
        splits["devset → seed plans"] = [seeds]
        splits["seed plans → devset"] = [dev]
    return splits


def held_out(docs: Sequence[Annotated], kind_of: dict[str, str],
             params: dict[str, Any] | None = None) -> dict[str, tuple[Scores, Scores]]:
    """``{split: (model scores, keyword baseline scores on the same test documents)}``."""
    from ..classify.baseline import KeywordBaseline

    out = {}
    for name, bins in held_out_splits(docs, kind_of).items():
        tested = {n for b in bins for n in b}
        base = keyword_scores([d for d in docs if d.name in tested], KeywordBaseline().labels)
        out[name] = (cross_validate(docs, params, bins=bins).model, base)
    return out


def keyword_scores(docs: Sequence[Annotated], predictor: Callable[[Sequence[str]], list[tuple[str, float]]]) -> Scores:
    sc = Scores()
    for exs in doc_examples(docs).values():
        for e in exs:
            if scored(e):
                sc.add(e.labels, [x for x, _ in predictor(e.text.row())])
    return sc


def _abbrev(labels: list[str]) -> dict[str, str]:
    """Four-letter column names: ``teac`` for teaching, then ``tede`` for teacher_development."""
    short: dict[str, str] = {}
    for lab in labels:
        name = lab[:4]
        if name in short.values():
            name = "".join(part[:2] for part in lab.split("_"))[:4]
        short[lab] = name
    return short


def report(docs: Sequence[Annotated], verbose: bool = False, params: dict[str, Any] | None = None,
           folds: int = FOLDS, kind_of: dict[str, str] | None = None) -> None:
    """Print the label evaluation (model, keyword rules, keyword baseline) for ``docs``."""
    from ..classify.baseline import KeywordBaseline, KeywordRules
    from ..classify.taxonomy import taxonomy

    docs = [d for d in docs if any(h.get("labels") for h in d.gold.get("headings", ()))]
    if len(docs) < 2:
        print("== Section labels: fewer than two labelled documents, nothing to cross-validate")
        return
    out = cross_validate(docs, params, folds)
    base = keyword_scores(docs, KeywordBaseline().labels)
    rules = keyword_scores(docs, KeywordRules().labels)
    m = out.model
    print(f"== Section labels: {m.n} depth-1/2 sections of {len(docs)} documents; model cross-validated "
          f"in {min(folds, len(docs))} folds grouped by document")
    print(f"{'':26} {'top-1':>6} {'macro-F1':>8} {'set-F1':>7}")
    for name, sc in (("model (gold outline)", m), ("model (parsed outline)", out.parsed),
                     ("keyword rules", rules), ("keyword baseline", base)):
        extra = f"   ({sc.n} sections found)" if sc is out.parsed else ""
        print(f"{name:26} {sc.accuracy:6.3f} {sc.macro_f1:8.3f} {sc.set_f1:7.3f}{extra}")
    order = [lab for lab in taxonomy().ids if lab in set(m.labels())] + [
        lab for lab in m.labels() if lab not in taxonomy()]
    print(f"\n{'label':20} {'n':>4} {'P':>6} {'R':>6} {'F1':>6} | {'base P':>6} {'base R':>6} {'base F1':>7}")
    for lab in order:
        p, r, f, n = m.per_label(lab)
        bp, br, bf, _ = base.per_label(lab)
        print(f"{lab:20} {n:4d} {p:6.3f} {r:6.3f} {f:6.3f} | {bp:6.3f} {br:6.3f} {bf:7.3f}")
    _confusion(m, order)
    if kind_of:
        splits = held_out(docs, kind_of, params)
        if splits:
            print("\nheld out by kind of plan (devset/sources.tsv; the seed plans are one kind): "
                  "model | keyword baseline on the same sections")
            for name, (sc, bs) in splits.items():
                print(f"{name:26} {sc.accuracy:6.3f} {sc.macro_f1:8.3f}   | {bs.accuracy:6.3f} {bs.macro_f1:8.3f}"
                      f"   ({sc.n} sections)")
    if verbose:
        print("\nmisclassified (model): document, heading | parent → gold / predicted")
        for name, e, lab in out.missed:
            pred = ", ".join(f"{x}:{s:.2f}" for x, s in lab)
            print(f"  {name[:14]:14} {e.text.heading[:30]} | {e.text.parent[:12]} → {','.join(e.labels)} / {pred}")


def _confusion(sc: Scores, order: list[str]) -> None:
    preds = sorted({p for _, p in sc.pairs} - set(order))
    cols = order + preds
    short = _abbrev(cols)
    counts = Counter(sc.pairs)
    print("\nconfusion (rows gold, columns predicted main label)")
    print(f"{'':5}" + "".join(f"{short[c]:>5}" for c in cols))
    for g in order:
        cells = "".join(f"{counts[(g, p)] or '.':>5}" for p in cols)
        print(f"{short[g]:5}{cells}")
