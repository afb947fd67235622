"""``python -m planparse.evaluation [CORPORA] [--verbose]``: print accuracy against annotations."""

from __future__ import annotations

import argparse
import importlib
from pathlib import Path

from .corpus import annotated, kinds
from . import outline


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m planparse.evaluation")
    ap.add_argument("corpora", nargs="?", default="corpora")
    ap.add_argument("--verbose", "-v", action="store_true", help="list missed and extra headings")
    ap.add_argument("--only", choices=["outline", "extract", "classify"], help="one part only")
    args = ap.parse_args(argv)
    docs = list(annotated(Path(args.corpora)))
    if not args.only or args.only == "outline":
        _outline(docs, args.verbose)
    # The extractor and classifier reports live beside their code's evaluation.
    for part, module in (("extract", "spans"), ("classify", "labels")):
        if not args.only or args.only == part:
            try:
                mod = importlib.import_module(f"planparse.evaluation.{module}")
            except ModuleNotFoundError:
                print(f"== {part}: no evaluation yet")
                continue
            print()
            if part == "classify":
                mod.report(docs, verbose=args.verbose, kind_of=kinds(Path(args.corpora)))
            else:
                mod.report(docs, verbose=args.verbose)
    return 0


def _outline(docs, verbose: bool) -> None:
    from planparse import parse

    rows = outline.evaluate(docs, lambda t: parse(t, classify=False, extract=False))
    print("== Headings (match by start offset) and parents; baseline = fixed GB/T 9704 levels at line starts")
    print(f"{'document':28} {'P':>6} {'R':>6} {'F1':>6} {'parent':>7} {'plans':>7} | {'base F1':>7} {'base par':>8}")
    total, base = outline.Score(), outline.Score()
    for name, sc, bs in rows:
        total.add(sc)
        base.add(bs)
        print(f"{name[:28]:28} {sc.precision:6.3f} {sc.recall:6.3f} {sc.f1:6.3f} {sc.parent_accuracy:7.3f} "
              f"{sc.plans_tp:>3}/{sc.plans_gold:<3} | {bs.f1:7.3f} {bs.parent_accuracy:8.3f}")
        if verbose and (sc.misses or sc.extras):
            print(f"    missed {sc.misses[:12]} extra {sc.extras[:12]}")
    print(f"{'OVERALL':28} {total.precision:6.3f} {total.recall:6.3f} {total.f1:6.3f} {total.parent_accuracy:7.3f} "
          f"{total.plans_tp:>3}/{total.plans_gold:<3} | {base.f1:7.3f} {base.parent_accuracy:8.3f}")
    print(f"plan starts: {total.plans_tp} of {total.plans_gold} found, {total.plans_pred} predicted")


if __name__ == "__main__":
    raise SystemExit(main())
