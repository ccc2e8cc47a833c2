"""The order of the passes over one document.

raw → decode → clean → normalise (+ offset map) → sentences → numbers, dates → lexicon hits
(places, actors, people, sources) → events → summary. Pure: no I/O beyond the lexicons and
gazetteer that are loaded once per process.
"""

from __future__ import annotations

import re
from datetime import date

from marsad.model import DateMention, Document, NumberMention
from marsad.text.clean import clean
from marsad.text.dates import find_dates, parse_published
from marsad.text.normalize import normalize
from marsad.text.numbers import find_numbers
from marsad.text.segment import split_sentences

__all__ = ["analyze", "analyze_text_layer", "coerce_date"]

_ARABIC_RE = re.compile(r"[\u0600-\u06ff]")


def coerce_date(value: str | date | None) -> date | None:
    """Accept ``YYYY-MM-DD`` (or a longer ISO timestamp), a date, or None."""
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value).strip()[:10])
    except ValueError as exc:
        raise ValueError(f"not a date: {value!r} (expected YYYY-MM-DD)") from exc


def analyze_text_layer(text: str, published: str | date | None = None, url: str | None = None,
                       title: str | None = None, article_id: str | None = None,
                       outlet: str | None = None) -> Document:
    """Clean, normalise, split, and find numbers and dates: the Arabic text layer only."""
    cleaned = clean(text, title=title)
    pub = coerce_date(published)
    if pub is None and cleaned.published:
        pub = coerce_date(cleaned.published)
    if pub is None:
        pub = parse_published("\n".join(cleaned.text.splitlines()[:4]))
    doc = Document(text=cleaned.text, title=title or cleaned.title, published=pub, url=url,
                   article_id=article_id, outlet=outlet, site_summary=list(cleaned.site_summary),
                   removed=list(cleaned.removed))
    kinds = {cleaned.title_span: "title"} if cleaned.title_span else {}
    if cleaned.title_span:
        doc.body_start = cleaned.title_span[1]
    doc.sentences = split_sentences(doc.text, cleaned.headings, kinds)
    nz = normalize(doc.text)
    doc.norm = nz
    text = doc.text
    doc.numbers = [_remap_number(nz, text, m) for m in find_numbers(nz.text)]
    doc.dates = [_remap_date(nz, text, m) for m in find_dates(nz.text, pub)]
    return doc


def _remap_number(nz, text: str, m: NumberMention) -> NumberMention:
    ns, ne = m.start, m.end
    s, e = nz.span(ns, ne)
    m.start, m.end, m.text = s, e, text[s:e]
    if m.noun:
        # the noun was found in the normalised text: show it as written in the original
        i = nz.text.find(m.noun, max(0, ns - 40), ne + 60)
        if i >= 0:
            a, b = nz.span(i, i + len(m.noun))
            m.noun = text[a:b]
    return m


def _remap_date(nz, text: str, m: DateMention) -> DateMention:
    s, e = nz.span(m.start, m.end)
    m.start, m.end, m.text = s, e, text[s:e]
    return m


def analyze(text: str, published: str | date | None = None, url: str | None = None,
            title: str | None = None, article_id: str | None = None, outlet: str | None = None) -> Document:
    """Analyse one article: the full pipeline, returning the :class:`~marsad.model.Document`."""
    doc = analyze_text_layer(text, published=published, url=url, title=title, article_id=article_id,
                             outlet=outlet)
    from marsad.extract.entities import find_entities
    from marsad.extract.events import find_events
    from marsad.extract.summary import summarize

    find_entities(doc)
    find_events(doc)
    doc.summary = summarize(doc)
    return doc


def has_arabic(text: str) -> bool:
    return bool(_ARABIC_RE.search(text))
