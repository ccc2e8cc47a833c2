"""One Aho-Corasick automaton over every lexicon, matched on word ends.

Keys are normalised names followed by a space; the text searched is the normalised text with
every non-word character turned into a space (``Normalized.flat``), so a hit always ends on a
word end and the automaton never reports matches inside words. The start of a hit is then
checked in Python: what stands between the start of the word and the key must be a proclitic
cluster (و ف ب ل ك س and ال, e.g. "وبحمص", "بالرقه"); "للرقه" (ل + الرقه) is matched through an
extra key without the article's alef. Each key carries the list of typed payloads of every
lexicon entry that has that name.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from typing import Any, NamedTuple

import ahocorasick

from marsad.text.segment import PROCLITIC_PREFIXES

__all__ = ["Hit", "Matcher", "Payload"]


class Payload(NamedTuple):
    """What a key stands for: ``layer`` (entity | trigger | cue), ``kind`` and a reference."""

    layer: str
    kind: str
    ref: Any


class Hit(NamedTuple):
    """A match: key span in the flat text (``start`` after any proclitic), prefix, payloads."""

    start: int
    end: int
    word_start: int
    prefix: str
    key: str
    payloads: tuple[Payload, ...]


_PREFIXES = frozenset(PROCLITIC_PREFIXES)
_ASSIMILATED = frozenset({"ل", "ول", "فل"})  # before a key written without the alef of ال


_SPACE_RUN_RE = re.compile(r"  +")


def _squeeze(flat: str) -> tuple[str, list[int], list[int]]:
    """``flat`` with space runs squeezed to one, and the map back (run points, cumulative shifts)."""
    if "  " not in flat:
        return flat, [], []
    points: list[int] = []
    shifts: list[int] = []
    deleted = 0
    for m in _SPACE_RUN_RE.finditer(flat):
        s, e = m.span()
        points.append(s + 1 - deleted)
        deleted += e - s - 1
        shifts.append(deleted)
    return _SPACE_RUN_RE.sub(" ", flat), points, shifts


_PRESENT = ("ي", "ت", "ن", "ا")


def _bad_prefix(prefix: str, key: str) -> bool:
    """The future marker سـ only stands before a present-tense verb ("سيقصف", not "سهل" = س + هل);
    two-letter keys ("هل", "قد", "لم") take only a conjunction before them."""
    if "س" in prefix and not key.startswith(_PRESENT):
        return True
    return len(key) <= 2 and prefix not in ("و", "ف")


class Matcher:
    """Compile ``(normalised key, payload)`` pairs once; find all word-aligned hits in a text."""

    def __init__(self, entries: Iterable[tuple[str, Payload]]):
        table: dict[str, list[Payload]] = {}
        for key, payload in entries:
            key = " ".join(key.split())
            if len(key) < 2:
                continue
            lst = table.setdefault(key, [])
            if payload not in lst:
                lst.append(payload)
        self.size = len(table)
        auto = ahocorasick.Automaton()
        for key, payloads in table.items():
            value = (key, tuple(payloads), False)
            auto.add_word(key + " ", value)
            if key.startswith("ال") and len(key) > 3:
                alt = key[1:] + " "
                if alt[:-1] not in table and auto.get(alt, None) is None:
                    auto.add_word(alt, (key, tuple(payloads), True))
        auto.make_automaton()
        self._auto = auto

    def find(self, flat: str) -> list[Hit]:
        """All hits in ``flat`` (a text whose non-word characters are spaces and that ends in one).

        Runs of spaces (punctuation between words: "كتائب «الصفوة الإسلامية»") are squeezed to one
        before matching so that multi-word names match across them; hit offsets are given in
        ``flat`` coordinates.
        """
        sq, points, shifts = _squeeze(flat)
        out: list[Hit] = []
        rfind = sq.rfind

        def back(i: int) -> int:
            if not points:
                return i
            k = bisect_right(points, i)
            return i + (shifts[k - 1] if k else 0)

        for end_space, (key, payloads, assimilated) in self._auto.iter(sq):
            klen = len(key) - 1 if assimilated else len(key)
            start = end_space - klen
            ws = rfind(" ", 0, start) + 1
            prefix = sq[ws:start]
            if assimilated:
                if prefix not in _ASSIMILATED:
                    continue
            elif prefix and (prefix not in _PREFIXES or _bad_prefix(prefix, key)):
                continue
            elif " " in key and prefix.endswith(("ال", "لل")) and not key.startswith("ال"):
                continue  # "الباب شرقي" is not "باب شرقي": a name of several words takes no article
            out.append(Hit(back(start), back(end_space), back(ws), prefix, key, payloads))
        return out

    @staticmethod
    def longest(hits: Iterable[Hit]) -> list[Hit]:
        """Non-overlapping hits, longest first (ties: leftmost), returned in text order."""
        hits = list(hits)
        if not hits:
            return []
        # the same words reached through two keys ("الناطق باسم" and ال + "ناطق باسم"): one hit
        # carrying the payloads of both
        by_span: dict[tuple[int, int], Hit] = {}
        for h in hits:
            twin = by_span.get((h.word_start, h.end))
            if twin is None:
                by_span[(h.word_start, h.end)] = h
            else:
                merged = twin.payloads + tuple(p for p in h.payloads if p not in twin.payloads)
                by_span[(h.word_start, h.end)] = twin._replace(payloads=merged)
        hits = list(by_span.values())
        taken = bytearray(max(h.end for h in hits) + 1)
        chosen: list[Hit] = []
        for h in sorted(hits, key=lambda h: (h.word_start - h.end, h.start)):
            if taken.find(1, h.word_start, h.end) != -1:
                continue
            chosen.append(h)
            taken[h.word_start:h.end] = b"\x01" * (h.end - h.word_start)
        chosen.sort(key=lambda h: h.start)
        return chosen
