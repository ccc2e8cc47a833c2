"""Marsad (مرصد): Arabic conflict news to a geolocated, dated, source-attributed event dataset.

    >>> import marsad
    >>> doc = marsad.analyze(text, published="2024-12-06")
    >>> doc.events, doc.mentions, doc.summary
"""

from marsad.model import DateMention, Document, Event, Mention, NumberMention, Sentence
from marsad.pipeline import analyze

__all__ = ["analyze", "Document", "Event", "Mention", "NumberMention", "DateMention", "Sentence"]
__version__ = "0.1.0"
