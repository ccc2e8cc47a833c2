"""Extractive summary: 3 to 5 of the article's own sentences, in article order.

A sentence earns its place by what it reports: the events coded in it (distinct event type and
place count once), fatalities, named places and actors, an attributed source, and a little for
being early (news puts the main facts first). Near-duplicates of a chosen sentence (word overlap)
and sentences that only repeat an event already covered are skipped, so the bullets together
cover the article's distinct main events. Headings, the title and the site's own summary are
never used.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from marsad.model import Document, Sentence

__all__ = ["summarize"]

_WORD_RE = re.compile(r"\w+")


def _words(s: str) -> set[str]:
    return {w for w in _WORD_RE.findall(s) if len(w) > 2}


def summarize(doc: Document, min_items: int = 3, max_items: int = 5) -> list[str]:
    """Choose the summary sentences of ``doc`` (which should already carry mentions and events)."""
    body = [s for s in doc.sentences if s.kind == "body" and len(_WORD_RE.findall(s.text)) >= 6]
    if not body:
        return []
    n_body = len(body)
    want = max(min_items, min(max_items, 2 + n_body // 6))
    starts = [s.start for s in body]

    def sentence_at(pos: int) -> int | None:
        i = bisect_right(starts, pos) - 1
        return i if i >= 0 and pos <= body[i].end else None

    events_by_sentence: dict[int, list[tuple[str, str]]] = {}
    for ev in doc.events:
        i = sentence_at(ev.evidence_start)
        if i is not None:
            events_by_sentence.setdefault(i, []).append((ev.sub_event_type, ev.admin1 or ""))
    mention_count = [0] * n_body
    for m in doc.mentions:
        if m.kind in ("place", "actor", "source"):
            i = sentence_at(m.start)
            if i is not None and m.start < body[i].end:
                mention_count[i] += 1
    scored: list[tuple[float, int]] = []
    for i, s in enumerate(body):
        n_words = len(_WORD_RE.findall(s.text))
        score = 3.0 * len(set(events_by_sentence.get(i, []))) + 0.5 * min(mention_count[i], 6)
        score += 1.5 * (1.0 - i / n_body)  # lead sentences carry the news
        # long sentences (and long quotations) make poor bullets: a point is a single fact
        score -= max(0, n_words - 35) / 12
        if s.text.count('"') + s.text.count("«") >= 2 and n_words > 40:
            score -= 1.0
        scored.append((score, i))
    scored.sort(key=lambda t: (-t[0], t[1]))
    chosen: list[int] = []
    covered: set[tuple[str, str]] = set()
    chosen_words: list[set[str]] = []
    for _score, i in scored:
        if len(chosen) >= want:
            break
        w = _words(body[i].text)
        if any(len(w & cw) / max(1, min(len(w), len(cw))) > 0.6 for cw in chosen_words):
            continue
        evs = set(events_by_sentence.get(i, []))
        if evs and evs <= covered and len(chosen) >= min_items - 1:
            continue
        chosen.append(i)
        chosen_words.append(w)
        covered |= evs
    chosen.sort()
    return [_bullet(body[i]) for i in chosen]


def _bullet(s: Sentence) -> str:
    return " ".join(s.text.split())
