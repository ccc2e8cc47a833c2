"""Full-pipeline throughput and memory, side by side with spaCy's blank Arabic tokenizer plus an
EntityRuler loaded with the same place and actor names (what a user would build instead).

The OCHA gazetteer of ``../shared/data/ocha-syria`` is imported into a temporary data directory
first when it is there. Prints articles/s on one core for both, their ratio, warm-start time of
the gazetteer and matcher, and peak memory.
"""

from __future__ import annotations

import os
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
ROOT = Path(__file__).resolve().parents[1]
OCHA = ROOT.parent / "shared" / "data" / "ocha-syria"


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
    os.environ.setdefault("MARSAD_DATA_DIR", tempfile.mkdtemp(prefix="marsad-bench-"))
    from corpus import build_corpus
    from marsad.gazetteer import import_ocha, load_gazetteer

    if OCHA.exists():
        import_ocha(OCHA)
        load_gazetteer.cache_clear()
    texts = build_corpus(n)
    base_rss = rss_mb()
    t0 = time.perf_counter()
    from marsad.extract.entities import resources

    res = resources()
    t_start = time.perf_counter() - t0
    from marsad.pipeline import analyze

    analyze(texts[0], published="2024-12-06")
    t0 = time.perf_counter()
    n_events = 0
    for t in texts:
        n_events += len(analyze(t, published="2024-12-06").events)
    t_marsad = time.perf_counter() - t0
    marsad_rss = rss_mb()

    names = sorted({k for k, _ in res.gazetteer.names()} | set(res.lexicon.actor_names))
    print(f"corpus: {n} articles; gazetteer places: {len(res.gazetteer.places)}; matcher keys: {res.matcher.size}")
    print(f"marsad cold build of gazetteer+lexicons+automaton: {t_start:.2f} s")
    print(f"marsad full pipeline : {n / t_marsad:8.0f} articles/s  ({n_events} events)")
    try:
        import spacy
    except ImportError:
        print("spaCy is not installed (make bench installs it): peer not measured")
        return
    nlp = spacy.blank("ar")
    ruler = nlp.add_pipe("entity_ruler", config={"phrase_matcher_attr": "NORM"})
    ruler.add_patterns([{"label": "ENT", "pattern": name} for name in names])
    nlp(texts[0])
    t0 = time.perf_counter()
    for doc in nlp.pipe(texts, batch_size=64):
        _ = doc.ents
    t_spacy = time.perf_counter() - t0
    print(f"spaCy blank ar + EntityRuler ({len(names)} names): {n / t_spacy:8.0f} articles/s")
    print(f"ratio marsad time / spaCy time: {t_marsad / t_spacy:.2f}  (aim: <= 1.0)")
    print(f"peak RSS: before pipeline {base_rss:.0f} MB, after marsad {marsad_rss:.0f} MB, "
          f"after spaCy {rss_mb():.0f} MB (aim for marsad: < 400 MB)")


if __name__ == "__main__":
    main()
