"""The whole pipeline on arbitrary input, on our fixtures, and the Python API."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import marsad
from marsad.text.decode import InputError, read_article

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "articles"

ARABIC = st.text(alphabet=st.sampled_from(list("ابتثجحخدذرزسشصضطظعغفقكلمنهويءأإآةى ًٌٍَُِّْـ،.؟«»\"0123456789٠١٢٣\n")),
                 max_size=300)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.text(max_size=300), ARABIC))
def test_analyze_never_raises_on_any_text(text):
    doc = marsad.analyze(text)
    for m in doc.mentions:
        assert 0 <= m.start <= m.end <= len(doc.text)
    for ev in doc.events:
        assert doc.text[ev.evidence_start:ev.evidence_end] == ev.evidence


@settings(max_examples=80, deadline=None)
@given(st.binary(max_size=400))
def test_reading_any_bytes_raises_only_input_errors(data):
    try:
        raw = read_article(data)
    except InputError:
        return
    marsad.analyze(raw.text, published=raw.published)


def test_python_api_returns_the_document():
    text = (FIXTURES / "02_daraa_barrel_bombs_2014.txt").read_text(encoding="utf-8")
    doc = marsad.analyze(text)
    assert doc.published is not None
    assert doc.sentences and doc.numbers and doc.dates and doc.mentions
    assert 3 <= len(doc.summary) <= 5
    d = doc.to_dict()
    assert "norm" not in d and "hits" not in d
    assert all("nspan" not in m for m in d["mentions"])


def test_summary_sentences_come_from_the_article_in_order():
    for f in sorted(FIXTURES.glob("*.txt"))[:6]:
        doc = marsad.analyze(f.read_text(encoding="utf-8"))
        positions = [doc.text.find(b) for b in doc.summary]
        assert all(p >= 0 for p in positions), f.name
        assert positions == sorted(positions), f.name
        assert len(set(doc.summary)) == len(doc.summary)
        assert not any(b in doc.site_summary for b in doc.summary)
