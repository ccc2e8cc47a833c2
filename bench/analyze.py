"""Throughput and memory of the Arabic text layer, side by side with one regex pass.

Prints articles/s and MB/s on one core for ``analyze_text_layer`` (decode-free: clean, normalise,
sentences, numbers, dates) over >= 2,000 articles built from our fixtures, the same for a plain
``re.findall(r"\\w+")`` pass, and their ratio (aim: at most 15), plus peak memory.
"""

from __future__ import annotations

import gc
import re
import resource
import sys
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import build_corpus  # noqa: E402
from marsad.pipeline import analyze_text_layer  # noqa: E402


def once(fn, texts) -> float:
    gc.collect()  # each pass starts with no garbage of the other one to collect
    t0 = time.perf_counter()
    for t in texts:
        fn(t)
    return time.perf_counter() - t0


def timed_pair(fn_a, fn_b, texts, repeat=5) -> tuple[float, float]:
    """Best of ``repeat`` runs of each, the two interleaved so that a slow moment of the machine
    does not fall on one side only (the regex pass takes ~0.1 s and is the noisier)."""
    best_a = best_b = float("inf")
    for _ in range(repeat):
        best_a = min(best_a, once(fn_a, texts))
        best_b = min(best_b, once(fn_b, texts))
    return best_a, best_b


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
    texts = build_corpus(n)
    mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    analyze_text_layer(texts[0])  # warm caches (compiled patterns)
    word_re = re.compile(r"\w+")
    t_regex, t_layer = timed_pair(word_re.findall, lambda t: analyze_text_layer(t, published="2024-12-06"), texts)
    tracemalloc.start()
    for t in texts[:300]:
        analyze_text_layer(t, published="2024-12-06")
    _cur, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"corpus: {n} articles, {mb:.2f} MB (built from our fixtures)")
    print(f"regex \\w+ pass : {n / t_regex:10.0f} articles/s  {mb / t_regex:8.2f} MB/s")
    print(f"text layer     : {n / t_layer:10.0f} articles/s  {mb / t_layer:8.2f} MB/s")
    print(f"ratio (layer / regex time): {t_layer / t_regex:.1f}x  (aim: <= 15x)")
    print(f"peak traced allocation over 300 articles: {peak / 1e3:.0f} KB; process max RSS {rss:.0f} MB")


if __name__ == "__main__":
    main()
