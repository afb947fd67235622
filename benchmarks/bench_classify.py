"""Section classification: sections per second over every section of the corpus, and model load time."""

from __future__ import annotations

import subprocess
import sys

from .common import Corpus, best_of, jieba_seconds

_COLD = ("import time; t = time.perf_counter(); "
         "from planparse.classify.store import default_model; default_model(); "
         "print(time.perf_counter() - t)")


def _cold_load() -> float:
    """Import the classifier and load the shipped model in a fresh interpreter (best of 3)."""
    times = []
    for _ in range(3):
        out = subprocess.run([sys.executable, "-c", _COLD], capture_output=True, text=True, check=True)
        times.append(float(out.stdout.strip()))
    return min(times)


def run(corpus: Corpus) -> None:
    from planparse import parse
    from planparse.classify import classify_document
    from planparse.classify.store import default_model

    def load() -> None:
        default_model.cache_clear()
        default_model()

    warm = best_of(load, repeat=5)
    model = default_model()
    docs = [parse(t, classify=False, extract=False) for t in corpus.texts]
    sections = sum(1 for d in docs for _ in d.walk())
    secs = best_of(lambda: [classify_document(d, model) for d in docs])
    base = jieba_seconds(corpus.texts)
    print(f"model load: {_cold_load() * 1000:.0f} ms in a fresh process with imports, "
          f"{warm * 1000:.0f} ms once imported (target < 300 ms)")
    print(f"classify: {sections} sections in {secs:.3f} s = {sections / secs:,.0f} sections/s; "
          f"{secs / base:.2f}x the time of jieba.lcut over the same texts ({base:.3f} s)")
