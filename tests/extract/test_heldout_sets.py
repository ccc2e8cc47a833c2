"""Regression floors on three evaluation sets that we wrote ourselves (tests/fixtures/heldout).

* ``sentences``: 150 single news sentences, about a third of them not events (threats, calls,
  denials, totals, events abroad), in every era of the war;
* ``reports``: 18 reports from 2011 to 2025 in the styles of several outlets;
* ``voices``: 20 reports in the voices of regime, opposition, Kurdish, monitor and wire media;
* ``roundups``: 22 daily round-ups in the style of Gulf and pan-Arab papers, 2012 to 2025.

The gold follows the annotation guide of ``../shared/eval/README.md`` and was written before the
system was run on the texts. The floors sit a few points under the figures measured when the sets
were added (README, "How good"), so they catch a regression of a class of rules, not noise.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from marsad.cli_events import extract_events
from marsad.evaluate import score

HERE = Path(__file__).resolve().parents[1] / "fixtures" / "heldout"

FLOORS = {  # set: (lenient F1, strict F1); measured 0.95/0.94, 0.83/0.79, 0.83/0.80, 0.80/0.74
    "sentences": (0.89, 0.87),
    "reports": (0.77, 0.73),
    "voices": (0.77, 0.73),
    "roundups": (0.74, 0.68),
}


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_heldout_set_meets_its_floor(name: str, ocha) -> None:
    arts = [json.loads(line) for line in (HERE / f"{name}.articles.jsonl").read_text(encoding="utf-8").splitlines()]
    gold = [json.loads(line) for line in (HERE / f"{name}.gold.jsonl").read_text(encoding="utf-8").splitlines()]
    rows, problems, _n = extract_events([str(HERE / f"{name}.articles.jsonl")])
    assert problems == []
    report = score(rows, gold, article_ids=[a["id"] for a in arts]).to_dict()
    lenient, strict = FLOORS[name]
    assert report["f1"] >= lenient, (name, report["f1"])
    assert report["strict_f1"] >= strict, (name, report["strict_f1"])
