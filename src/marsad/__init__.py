"""Marsad (مرصد): Arabic conflict news to a geolocated, dated, source-attributed event dataset.

    >>> import marsad
    >>> doc = marsad.analyze(text, published="2024-12-06")
    >>> doc.events, doc.mentions, doc.summary
"""

from __future__ import annotations

from datetime import date

from marsad.model import DateMention, Document, Event, Mention, NumberMention, Sentence

__all__ = ["analyze", "Document", "Event", "Mention", "NumberMention", "DateMention", "Sentence"]
__version__ = "0.1.0"


def analyze(text: str, published: str | date | None = None, url: str | None = None,
            title: str | None = None) -> Document:
    """Analyse one article (cleaned, normalised, entities, events, summary); see ``marsad.pipeline``."""
    from marsad.pipeline import analyze as _analyze

    return _analyze(text, published=published, url=url, title=title)
