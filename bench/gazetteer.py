"""Gazetteer and matcher start-up: load time and memory with the full OCHA import.

Imports ``../shared/data/ocha-syria`` into a temporary data directory, then, in fresh processes,
times a warm start (the gazetteer read from its on-disk cache, the lexicons parsed and the one
automaton built) and reports the automaton's own size and the process memory it adds.
Aims: warm start under 1 s, matcher under 150 MB.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OCHA = ROOT.parent / "shared" / "data" / "ocha-syria"

PROBE = r"""
import json, resource, time
t0 = time.perf_counter()
from marsad.gazetteer import load_gazetteer
gaz = load_gazetteer()
t1 = time.perf_counter()
rss1 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
from marsad.extract.entities import resources
res = resources()
t2 = time.perf_counter()
rss2 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
stats = res.matcher._auto.get_stats()
print(json.dumps({"places": len(gaz.places), "gazetteer_s": t1 - t0, "total_s": t2 - t0,
                  "rss_after_gazetteer": rss1, "rss_after_matcher": rss2,
                  "automaton_bytes": stats["total_size"], "keys": res.matcher.size}))
"""


def probe(env: dict[str, str]) -> dict:
    out = subprocess.run([sys.executable, "-c", PROBE], env=env, capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    data = tempfile.mkdtemp(prefix="marsad-gaz-bench-")
    env = dict(os.environ, MARSAD_DATA_DIR=data)
    if OCHA.exists():
        subprocess.run([sys.executable, "-m", "marsad", "gazetteer", "import", "ocha", str(OCHA)], env=env,
                       check=True, capture_output=True)
    else:
        print("../shared/data/ocha-syria not found: measuring the embedded default only")
    cold = probe(env)   # builds the on-disk gazetteer cache
    warm = min((probe(env) for _ in range(3)), key=lambda r: r["total_s"])
    print(f"places: {warm['places']}, matcher keys: {warm['keys']}")
    print(f"cold start (cache built): {cold['total_s']:.2f} s")
    print(f"warm start: gazetteer {warm['gazetteer_s']:.3f} s, gazetteer + lexicons + automaton "
          f"{warm['total_s']:.3f} s  (aim: < 1 s)")
    print(f"automaton size {warm['automaton_bytes'] / 1e6:.1f} MB; process RSS after gazetteer "
          f"{warm['rss_after_gazetteer']:.0f} MB, after matcher {warm['rss_after_matcher']:.0f} MB "
          f"(matcher adds {warm['rss_after_matcher'] - warm['rss_after_gazetteer']:.0f} MB; aim: < 150 MB)")


if __name__ == "__main__":
    main()
