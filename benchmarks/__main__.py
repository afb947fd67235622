"""Run every ``benchmarks/bench_*.py`` module's ``run(corpus)`` in name order."""

from __future__ import annotations

import importlib
import pkgutil
import sys
from pathlib import Path

from .common import Corpus


def main() -> int:
    corpus = Corpus.load(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("corpora"))
    print(f"corpus: {len(corpus.texts)} documents, {corpus.chars:,} characters")
    here = Path(__file__).parent
    for info in sorted(pkgutil.iter_modules([str(here)]), key=lambda m: m.name):
        if info.name.startswith("bench_"):
            print(f"\n== {info.name[6:]}")
            importlib.import_module(f"benchmarks.{info.name}").run(corpus)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
