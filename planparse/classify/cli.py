"""``planparse train`` and ``planparse classify``.

    planparse train --data corpora/annotations --out model.npz [--cv]
    planparse train --data labels.csv --out model.npz
    planparse classify FILE... [--model model.npz] [--format tree|tsv|json]

Imports here stay light: scikit-learn is imported by ``train`` only.
"""

from __future__ import annotations

import argparse
from typing import TextIO

from ..errors import PlanparseError

EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE = 0, 1, 2


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    t = subparsers.add_parser(
        "train", help="train a section classifier on labelled sections",
        description="Train a section classifier from an annotations directory (corpora/annotations/) "
                    "or a CSV with columns heading, labels[, body, parent, plan, children, group].")
    t.add_argument("--data", required=True, metavar="labels.csv|annotations/")
    t.add_argument("--out", required=True, metavar="MODEL", help="model file to write (or a directory)")
    t.add_argument("--cv", action="store_true", help="also print cross-validated accuracy, grouped by document")
    t.add_argument("--C", type=float, default=None, help="inverse regularization strength")
    t.set_defaults(func=cmd_train)

    c = subparsers.add_parser("classify", help="print each section's labels",
                              description="Label every section of each file.")
    c.add_argument("files", nargs="+", metavar="FILE")
    c.add_argument("--model", metavar="MODEL", help="a model from `planparse train` (default: the shipped one)")
    c.add_argument("--format", choices=["tree", "tsv", "json"], default="tree")
    c.set_defaults(func=cmd_classify)


def cmd_train(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from .store import save_model
    from .training import as_xy, load_examples

    try:
        examples = load_examples(args.data)
    except PlanparseError as exc:
        print(f"planparse: error: {exc}", file=err)
        return EXIT_USAGE
    X, y, extra, groups = as_xy(examples)
    if len(set(y)) < 2:
        print(f"planparse: error: {args.data}: need at least two different labels to train", file=err)
        return EXIT_USAGE
    from .estimator import SectionClassifier

    params = {} if args.C is None else {"C": args.C}
    clf = SectionClassifier(**params).fit(X, y, secondary=extra)
    clf.model_.meta.update({"trained_on": str(args.data), "sections": len(X), "documents": len(set(groups))})
    try:
        path = save_model(clf.model_, args.out)
    except OSError as exc:
        print(f"planparse: error: {args.out}: cannot write model: {exc.strerror or exc}", file=err)
        return EXIT_USAGE
    print(f"trained on {len(X)} sections of {len(set(groups))} document(s), {len(clf.classes_)} labels; "
          f"wrote {path}", file=out)
    if args.cv:
        _print_cv(X, y, extra, groups, params, out)
    return EXIT_OK


def _print_cv(X: list, y: list, extra: list, groups: list, params: dict, out: TextIO) -> None:
    import numpy as np
    from sklearn.model_selection import GroupKFold

    from ..evaluation.labels import Scores
    from .estimator import SectionClassifier

    n_groups = len(set(groups))
    if n_groups < 2:
        print("cross-validation: needs at least two groups (documents)", file=out)
        return
    sc = Scores()
    ya = np.asarray(y, dtype=object)
    for tr, te in GroupKFold(n_splits=min(5, n_groups)).split(X, ya, groups):
        clf = SectionClassifier(**params).fit([X[i] for i in tr], ya[tr], secondary=[extra[i] for i in tr])
        for i, labs in zip(te, clf.predict_labels([X[i] for i in te])):
            sc.add([y[i], *extra[i]], [lab for lab, _ in labs])
    print(f"cross-validation ({min(5, n_groups)} folds grouped by document): top-1 {sc.accuracy:.3f}, "
          f"macro-F1 {sc.macro_f1:.3f}, label-set F1 {sc.set_f1:.3f}", file=out)


def cmd_classify(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from ..cli import iter_documents
    from .document import classify_document
    from .store import default_model, load_model

    try:
        model = load_model(args.model) if args.model else default_model()
    except PlanparseError as exc:
        print(f"planparse: error: {exc}", file=err)
        return EXIT_USAGE
    failed = 0
    for doc in iter_documents(args.files, err, classify=False, extract=False):
        if doc is None:
            failed += 1
            continue
        f = doc.source
        classify_document(doc, model)
        if args.format == "json":
            print(doc.to_json(indent=2), file=out)
            continue
        if args.format == "tree":
            print(f"# {f}", file=out)
        for plan in doc.plans:
            for s in plan.walk():
                labels = ", ".join(f"{lab} {score:.2f}" for lab, score in s.labels)
                heading = f"{s.marker}{s.title}".replace("\t", " ")
                if args.format == "tsv":
                    print(f"{f}\t{s.id}\t{s.start}\t{heading}\t{labels}", file=out)
                else:
                    print(f"{'  ' * s.level}{heading}  <{labels}>", file=out)
    return EXIT_SOME_FAILED if failed else EXIT_OK
