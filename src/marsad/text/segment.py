"""Sentences and clitic-aware tokens.

Sentences: paragraphs are split on blank lines and newlines; inside a paragraph a sentence ends
at ``. ! ? ؟`` followed by white space or the end, never inside a number ("3.5"), never inside a
quotation («…», “…”, "…"), and a closing quote right after the stop stays with its sentence.
Heading lines found by the cleaner become one sentence of kind ``heading``.

Tokens: ``\\w+`` runs; each word can be split into its proclitics (و ف ب ل ك س and the article ال)
and stem for matching, while offsets stay on the text they came from.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import NamedTuple

from marsad.model import Sentence

__all__ = ["split_sentences", "Token", "tokenize", "split_proclitics", "PROCLITIC_PREFIXES"]

_PARA_RE = re.compile(r"[^\n]+")
_STOP_RE = re.compile(r"[.!?؟]+[\"»”’')\]]*(?=\s|$)")
_QUOTE_RE = re.compile(r"«[^»\n]*»|“[^”\n]*”|\"[^\"\n]*\"")
_HAS_QUOTE_RE = re.compile("[«“\"]")
_HAS_STOP_RE = re.compile(r"[.!?؟][\"»”’')\]]*(?:\s|$)")
_STRIP = " \t\r\u00a0"


def split_sentences(text: str, headings: Iterable[tuple[int, int]] = (),
                    kinds: dict[tuple[int, int], str] | None = None) -> list[Sentence]:
    """Split ``text`` into sentences with offsets; heading spans become ``heading`` sentences.

    ``kinds`` can name other whole-line spans (the title line, for instance) with their kind.
    """
    headings = list(headings)
    special = dict(kinds or {})
    out: list[Sentence] = []
    for para in _PARA_RE.finditer(text):
        ps, pe = para.span()
        line = para.group()
        stripped = line.strip(_STRIP)
        if not stripped:
            continue
        # trim surrounding blanks so offsets start on a letter
        ps += len(line) - len(line.lstrip(_STRIP))
        pe = ps + len(stripped)
        kind = None
        if special:
            for (ks, ke), k in special.items():
                if ks <= ps and pe <= ke:
                    kind = k
        if kind is None and headings and any(hs <= ps < he for hs, he in headings):
            kind = "heading"
        if kind is not None:
            out.append(Sentence(ps, pe, stripped, kind))
            continue
        if not _HAS_STOP_RE.search(stripped):
            out.append(Sentence(ps, pe, stripped))  # one sentence: no stop inside the paragraph
            continue
        out.extend(_split_paragraph(text, ps, pe))
    return out


def _split_paragraph(text: str, ps: int, pe: int) -> Iterator[Sentence]:
    para = text[ps:pe]
    quotes = [m.span() for m in _QUOTE_RE.finditer(para)] if _HAS_QUOTE_RE.search(para) else []
    start = 0
    for m in _STOP_RE.finditer(para):
        end = m.end()
        if any(qs < m.start() and m.end() < qe for qs, qe in quotes):
            continue
        seg = para[start:end]
        s = seg.strip(_STRIP)
        if s:
            off = start + (len(seg) - len(seg.lstrip(_STRIP)))
            yield Sentence(ps + off, ps + off + len(s), s)
        start = end
    seg = para[start:]
    s = seg.strip(_STRIP)
    if s:
        off = start + (len(seg) - len(seg.lstrip(_STRIP)))
        yield Sentence(ps + off, ps + off + len(s), s)


class Token(NamedTuple):
    """A word with its offsets and the length of its proclitic prefix (0 if none found)."""

    start: int
    end: int
    text: str
    prefix_len: int


_WORD_RE = re.compile(r"\w+")
# Proclitic clusters in the order Arabic stacks them: conjunction, then preposition or future
# marker, then the article. Kept longest first.
PROCLITIC_PREFIXES: tuple[str, ...] = tuple(sorted({
    a + b + c
    for a in ("", "و", "ف")
    for b in ("", "ب", "ل", "ك", "س")
    for c in ("", "ال")
    if not (b == "س" and c)  # the future marker never precedes the article
} | {"لل", "ولل", "فلل"}, key=len, reverse=True))
_CLITIC_RE = re.compile(r"^(?:[وف])?(?:[بلك])?(?:ال)?")


def split_proclitics(word: str, min_stem: int = 2) -> list[tuple[str, str]]:
    """Every plausible ``(prefix, stem)`` split of a normalised word, the unsplit form first.

    "وبحمص" → [("", "وبحمص"), ("و", "بحمص"), ("وب", "حمص")]; "للرقه" also yields ("ل", "الرقه").
    """
    out = [("", word)]
    for p in PROCLITIC_PREFIXES:
        if p and word.startswith(p) and len(word) - len(p) >= min_stem:
            stem = word[len(p):]
            if p.endswith("لل"):  # ل + ال assimilated: للرقه = ل + الرقه
                out.append((p[:-1], "ال" + stem))
            out.append((p, stem))
    # de-duplicate, keep order
    seen: set[tuple[str, str]] = set()
    return [x for x in out if not (x in seen or seen.add(x))]


def tokenize(text: str) -> list[Token]:
    """Word tokens of a (normalised) text, each with the length of a likely proclitic prefix.

    The prefix length is a hint (the longest و/ف + ب/ل/ك + ال cluster leaving a stem of at least
    three letters); matching code uses :func:`split_proclitics` to try every split.
    """
    out: list[Token] = []
    for m in _WORD_RE.finditer(text):
        w = m.group()
        p = _CLITIC_RE.match(w)
        n = p.end() if p else 0
        if len(w) - n < 3:
            n = 0
        out.append(Token(m.start(), m.end(), w, n))
    return out
