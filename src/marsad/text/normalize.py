"""Arabic normalisation with an offset map back to the original text.

Matching runs on the normalised text; everything reported to users points into the original.
The fast path is one ``str.translate`` plus one regex pass to find deleted characters
(harakat, tatweel, invisible marks); the offset map is a pair of small arrays searched with
``bisect``, so there is no per-character Python loop. Text that is not NFKC-stable (Arabic
presentation forms such as U+FEFB "ﻻ") takes a slower exact path.

Conventions (shared with the gold scorer of ``../shared/eval/README.md``):
أ إ آ ٱ → ا · ى → ي · ة → ه · ؤ → و · ئ → ي · harakat, tatweel and format marks dropped ·
Eastern Arabic and Persian digits → ASCII digits · Persian ک ی → ك ي · NBSP → space.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import lru_cache

__all__ = ["Normalized", "normalize", "norm", "DELETED_CHARS", "fold_name"]

# Characters removed by normalisation: harakat (064B-065F), superscript alef (0670),
# tatweel (0640), zero-width and directional marks, soft hyphen, BOM, Arabic letter mark.
DELETED_CHARS = "\u064b-\u065f\u0670\u0640\u200b-\u200f\u202a-\u202e\u2066-\u2069\u00ad\ufeff\u061c"
_DELETED_RE = re.compile(f"[{DELETED_CHARS}]+")
_DELETED_SET = frozenset(chr(c) for lo, hi in ((0x064B, 0x065F), (0x0670, 0x0670), (0x0640, 0x0640),
                                                (0x200B, 0x200F), (0x202A, 0x202E), (0x2066, 0x2069),
                                                (0x00AD, 0x00AD), (0xFEFF, 0xFEFF), (0x061C, 0x061C))
                         for c in range(lo, hi + 1))

_MAP: dict[int, str | None] = {
    0x0623: "\u0627",  # أ
    0x0625: "\u0627",  # إ
    0x0622: "\u0627",  # آ
    0x0671: "\u0627",  # ٱ
    0x0672: "\u0627",
    0x0673: "\u0627",
    0x0649: "\u064a",  # ى → ي
    0x0629: "\u0647",  # ة → ه
    0x0624: "\u0648",  # ؤ → و
    0x0626: "\u064a",  # ئ → ي
    0x06A9: "\u0643",  # Persian kaf
    0x06CC: "\u064a",  # Persian yeh
    0x06C1: "\u0647",
    0x00A0: " ",
    0x2007: " ",
    0x202F: " ",
}
for _i in range(10):
    _MAP[0x0660 + _i] = str(_i)  # Eastern Arabic digits
    _MAP[0x06F0 + _i] = str(_i)  # Persian digits
_MAP[0x066B] = "."  # Arabic decimal separator
_MAP[0x066C] = ","  # Arabic thousands separator
for _lo, _hi in ((0x064B, 0x065F), (0x0670, 0x0670), (0x0640, 0x0640), (0x200B, 0x200F),
                 (0x202A, 0x202E), (0x2066, 0x2069), (0x00AD, 0x00AD), (0xFEFF, 0xFEFF),
                 (0x061C, 0x061C)):
    for _c in range(_lo, _hi + 1):
        _MAP[_c] = None
TABLE = str.maketrans(_MAP)

_NONWORD_RE = re.compile(r"[^\w ]|_")  # spaces are left alone: fewer replacements


@dataclass(slots=True)
class Normalized:
    """A normalised text and the map from its offsets back to the original's."""

    original: str
    text: str
    # Fast path: positions (in normalised coordinates) where a run of deleted characters sat,
    # and the cumulative number deleted up to and including each run.
    _points: list[int] = field(default_factory=list)
    _shifts: list[int] = field(default_factory=list)
    # Exact path (non-NFKC input): original index of every normalised character.
    _explicit: list[int] | None = None
    _flat: str | None = None
    _orig_starts: list[int] | None = None

    def to_orig(self, i: int) -> int:
        """Original offset of normalised offset ``i`` (``len(text)`` maps to ``len(original)``)."""
        if i >= len(self.text):
            return len(self.original)
        if i <= 0:
            return 0 if self._explicit is None else self._explicit[0] if self._explicit else 0
        if self._explicit is not None:
            return self._explicit[i]
        k = bisect_right(self._points, i)
        return i + (self._shifts[k - 1] if k else 0)

    def to_norm(self, o: int) -> int:
        """Normalised offset of original offset ``o`` (a deleted character maps to the next kept one)."""
        if o <= 0:
            return 0
        if o >= len(self.original):
            return len(self.text)
        if self._explicit is not None:
            from bisect import bisect_left

            return bisect_left(self._explicit, o)
        if not self._points:
            return o
        starts = self._orig_starts
        if starts is None:
            starts = self._orig_starts = [p + (self._shifts[k - 1] if k else 0) for k, p in enumerate(self._points)]
        k = bisect_right(starts, o)
        if k == 0:
            return o
        run_end = starts[k - 1] + self._shifts[k - 1] - (self._shifts[k - 2] if k > 1 else 0)
        if o < run_end:
            return self._points[k - 1]
        return o - self._shifts[k - 1]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original ``(start, end)`` of a normalised span, keeping harakat inside the word."""
        if not self._points and self._explicit is None:
            return start, max(start, end)  # nothing was deleted: the offsets are the original's
        os = self.to_orig(start)
        if end <= start:
            return os, os
        oe = self.to_orig(end - 1) + 1
        # Include trailing harakat/tatweel of the last letter ("مقتلٌ").
        orig = self.original
        n = len(orig)
        while oe < n and orig[oe] in _DELETED_SET:
            oe += 1
        return os, oe

    @property
    def flat(self) -> str:
        """The normalised text with every non-word character as a space (same length).

        The automaton matches on this, with keys that end in a space, so hits fall on word ends.
        """
        if self._flat is None:
            self._flat = _NONWORD_RE.sub(" ", self.text) + " "
        return self._flat


# One-to-one substitutions, applied with str.replace: for Arabic text that is several times faster
# than str.translate, whose fast path is for ASCII only.
_SUBS = tuple((chr(k), v) for k, v in _MAP.items() if v is not None and not (0x0660 <= k <= 0x0669 or 0x06F0 <= k <= 0x06F9))
_DIGITS_RE = re.compile("[\u0660-\u0669\u06f0-\u06f9]")
_DIGIT_TABLE = str.maketrans({k: v for k, v in _MAP.items() if 0x0660 <= k <= 0x0669 or 0x06F0 <= k <= 0x06F9})


def normalize(text: str) -> Normalized:
    """Normalise ``text`` for matching and keep an offset map to the original."""
    if not unicodedata.is_normalized("NFKC", text):
        return _normalize_exact(text)
    points: list[int] = []
    shifts: list[int] = []
    deleted = 0
    pieces: list[str] = []
    last = 0
    for m in _DELETED_RE.finditer(text):
        s, e = m.span()
        pieces.append(text[last:s])
        last = e
        points.append(s - deleted)
        deleted += e - s
        shifts.append(deleted)
    if pieces:
        pieces.append(text[last:])
        out = "".join(pieces)
    else:
        out = text
    for a, b in _SUBS:
        if a in out:
            out = out.replace(a, b)
    if _DIGITS_RE.search(out):
        out = out.translate(_DIGIT_TABLE)
    return Normalized(text, out, points, shifts)


def _normalize_exact(text: str) -> Normalized:
    pieces: list[str] = []
    index: list[int] = []
    for j, ch in enumerate(text):
        piece = unicodedata.normalize("NFKC", ch).translate(TABLE)
        if piece:
            pieces.append(piece)
            index.extend([j] * len(piece))
    return Normalized(text, "".join(pieces), _explicit=index)


@lru_cache(maxsize=65536)
def norm(text: str) -> str:
    """Normalised form of a short string (lexicon entries, names); cached."""
    return " ".join(unicodedata.normalize("NFKC", text).translate(TABLE).split())


_NAME_PREFIX_RE = re.compile(r"^(?:حي|مدينه|بلده|قريه|منطقه|ناحيه|محافظه|ريف)\s+")


def fold_name(name: str) -> str:
    """Place-name key of the scoring rule: normalised, leading حي/مدينة/... and ال dropped, no spaces."""
    s = norm(name)
    s = _NAME_PREFIX_RE.sub("", s)
    if s.startswith("ال"):
        s = s[2:]
    return s.replace(" ", "")
