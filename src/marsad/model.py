"""The data model: one set of types used by the core, the store, the CLI and the API.

Every span (``start``, ``end``) is a character offset into ``Document.text``, the cleaned
article text that the page shows and the reader can check. Mentions are small slotted
dataclasses; ``to_dict`` turns any of them into JSON-ready data.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from datetime import date
from typing import Any

from marsad.text.normalize import Normalized


@dataclass(slots=True)
class Sentence:
    """A sentence (or a heading line) of the body, title or site summary."""

    start: int
    end: int
    text: str
    kind: str = "body"  # body | heading | title | summary


@dataclass(slots=True)
class NumberMention:
    """A count written in digits or words.

    ``kind``: cardinal | at_least | at_most | approx | vague | dual | ordinal | name.
    ``noun``: the word it counts ("مدنيين"), as written, or None.
    """

    start: int
    end: int
    text: str
    value: int | float | None
    kind: str = "cardinal"
    noun: str | None = None
    vague: bool = False


@dataclass(slots=True)
class DateMention:
    """A date expression resolved against the publication date.

    ``precision``: 1 day, 2 week, 3 month (ACLED time_precision). ``date`` is ISO or None
    (a relative date with no publication date stays unresolved).
    """

    start: int
    end: int
    text: str
    date: str | None
    precision: int = 1
    relative: bool = False
    part: str | None = None  # morning | noon | evening | night | dawn, when the text says


@dataclass(slots=True)
class Mention:
    """A lexicon or gazetteer entity found in the text.

    ``kind``: place | actor | person | source | title | trigger.
    ``ref``: the normalised id (gazetteer id, actor id, trigger id...).
    ``info``: kind-specific details (coordinates and admin names for places, inter code for
    actors, role and organisation for people, how a place was resolved...).
    """

    kind: str
    start: int
    end: int
    text: str
    ref: str
    name_en: str | None = None
    info: dict[str, Any] = field(default_factory=dict)
    # the span in the normalised text (internal: used by the event pass, left out of JSON)
    nspan: tuple[int, int] = (0, 0)


@dataclass(slots=True)
class Event:
    """One coded event: ACLED columns plus Marsad's own."""

    event_type: str
    sub_event_type: str
    disorder_type: str = ""
    event_date: str | None = None
    time_precision: int = 2
    actor1: str | None = None
    assoc_actor_1: str | None = None
    inter1: int | None = None
    actor2: str | None = None
    assoc_actor_2: str | None = None
    inter2: int | None = None
    interaction: int | None = None
    civilian_targeting: str = ""
    iso: int = 760
    region: str = "Middle East"
    country: str = "Syria"
    admin1: str | None = None
    admin2: str | None = None
    admin3: str | None = None
    location: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    geo_precision: int = 3
    source: str | None = None
    source_scale: str = ""
    notes: str = ""
    fatalities: int = 0
    tags: str = ""
    timestamp: int = 0
    event_id_cnty: str = ""
    # Marsad's own columns
    article_id: str | None = None
    evidence: str = ""
    evidence_start: int = 0
    evidence_end: int = 0
    source_ar: str | None = None
    location_ar: str | None = None
    actor1_ar: str | None = None
    actor2_ar: str | None = None
    rule: str = ""
    confidence: float = 0.5
    reports: int = 1
    in_scope: bool = True

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


ACLED_COLUMNS = [
    "event_id_cnty", "event_date", "time_precision", "disorder_type", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction",
    "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3", "location",
    "latitude", "longitude", "geo_precision", "source", "source_scale", "notes", "fatalities", "tags",
    "timestamp",
]
MARSAD_COLUMNS = [
    "article_id", "evidence", "evidence_start", "evidence_end", "source_ar", "location_ar",
    "actor1_ar", "actor2_ar", "rule", "confidence", "reports",
]
EVENT_COLUMNS = ACLED_COLUMNS + MARSAD_COLUMNS


@dataclass(slots=True)
class Document:
    """One analysed article: text, offsets, sentences, mentions, events and summary."""

    text: str
    title: str | None = None
    published: date | None = None
    url: str | None = None
    article_id: str | None = None
    outlet: str | None = None
    body_start: int = 0
    sentences: list[Sentence] = field(default_factory=list)
    numbers: list[NumberMention] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    summary: list[str] = field(default_factory=list)
    site_summary: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)  # furniture lines taken out by cleaning
    norm: Normalized | None = None
    hits: list[Any] = field(default_factory=list, repr=False)  # lexicon hits (internal)

    def mentions_of(self, kind: str) -> list[Mention]:
        return [m for m in self.mentions if m.kind == kind]

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form (the normalised text and offset map are left out)."""
        out: dict[str, Any] = {}
        for f in fields(self):
            if f.name in ("norm", "hits"):
                continue
            v = getattr(self, f.name)
            if isinstance(v, date):
                v = v.isoformat()
            elif isinstance(v, list):
                v = [_plain(x) for x in v]
            out[f.name] = v
        return out


def _plain(x: Any) -> Any:
    if not hasattr(x, "__dataclass_fields__"):
        return x
    d = asdict(x)
    d.pop("nspan", None)
    return d
