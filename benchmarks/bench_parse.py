"""Parsing speed against jieba segmentation of the same text, growth with input size, and memory.

Targets (issue #3): parse ≥ 10× faster than ``jieba.lcut``; 16× the input within
18× the time; peak memory reported as a multiple of the input size.
"""

from __future__ import annotations

import gc
import os
import subprocess
import sys
import tracemalloc
from pathlib import Path

from planparse import parse
from planparse._native import PURE_ENV, compiled_modules

from .common import Corpus, best_of, jieba_seconds, settled_heap


def _parse_all(texts: list[str]) -> None:
    for t in texts:
        parse(t, classify=False, extract=False)


def _parse_collected(text: str) -> None:
    """A parse and the collection of the objects it made (parse pauses the cyclic collector:
    that collection comes due right after it, and is part of the cost)."""
    parse(text, classify=False, extract=False)
    gc.collect(0)


def run(corpus: Corpus) -> None:
    _warm(corpus.texts)
    with settled_heap():
        _timed(corpus)


def _warm(texts: list[str]) -> None:
    _parse_all(texts)  # warm caches (compiled patterns, cn2an)
    jieba_seconds(texts[:1], repeat=1)  # jieba's dictionary loaded before the heap settles


def _speeds(texts: list[str]) -> tuple[float, float]:
    """Seconds to parse the texts and to segment them with jieba: interleaved rounds, the
    fastest of each (a busy machine slows both alike)."""
    t_parse = t_jieba = float("inf")
    for _ in range(5):
        t_parse = min(t_parse, best_of(lambda: _parse_all(texts), repeat=2))
        t_jieba = min(t_jieba, jieba_seconds(texts, repeat=1))
    return t_parse, t_jieba


def _timed(corpus: Corpus) -> None:
    texts = corpus.texts
    chars = corpus.chars
    t_parse, t_jieba = _speeds(texts)
    compiled = compiled_modules()
    print(f"parse (classify=False, extract=False): {chars / t_parse:,.0f} chars/s"
          f"  ({f'{len(compiled)} modules compiled' if compiled else 'pure Python'})")
    print(f"jieba.lcut on the same text:           {chars / t_jieba:,.0f} chars/s")
    ratio = t_jieba / t_parse
    print(f"parse speed / jieba speed = {ratio:.1f}x  (target >= 10x: {'ok' if ratio >= 10 else 'MISSED'})")
    if compiled:
        print(f"  the same in pure Python (PLANPARSE_PURE=1, another process): {_pure_ratio(corpus):.1f}x")

    joined = "\n\n".join(texts)
    bigs = {k: "\n\n".join([joined] * k) for k in (1, 4, 16)}
    times = dict.fromkeys(bigs, float("inf"))
    for _ in range(3):  # interleaved rounds again, the fastest of each size
        for k, big in bigs.items():
            once = best_of(lambda big=big: _parse_collected(big), repeat=5 if k == 1 else 1)
            times[k] = min(times[k], once)
    for k, big in bigs.items():
        print(f"{k:>2}x corpus ({len(big):,} chars): {times[k]:.3f} s")
    growth = times[16] / times[1]
    print(f"16x input took {growth:.1f}x the time  (target <= 18x: {'ok' if growth <= 18 else 'MISSED'})")

    tracemalloc.start()
    parse(joined, classify=False, extract=False)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    size = len(joined.encode("utf-8"))
    print(f"peak memory (tracemalloc) parsing {size:,} bytes of UTF-8: {peak:,} bytes = {peak / size:.1f}x the input")


def _pure_ratio(corpus: Corpus) -> float:
    """The speed ratio with every module imported from its source, measured in a process of its own."""
    root = Path(__file__).resolve().parent.parent
    out = subprocess.run([sys.executable, "-m", "benchmarks.bench_parse", *corpus.paths], cwd=root, check=True,
                         env={**os.environ, PURE_ENV: "1"}, capture_output=True, text=True)
    return float(out.stdout)


if __name__ == "__main__":  # the ratio alone, on the given files (for _pure_ratio)
    pure = Corpus.from_paths([Path(p) for p in sys.argv[1:]])
    _warm(pure.texts)
    with settled_heap():
        t_p, t_j = _speeds(pure.texts)
    print(t_j / t_p)
