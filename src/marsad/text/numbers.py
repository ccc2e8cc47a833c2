"""Counts in Arabic news text: digits, number words, vague amounts, duals, ordinals.

``find_numbers`` works on a *normalised* text (``normalize(raw).text``) and returns
``NumberMention`` objects whose offsets point into that string, sorted and non-overlapping.

How it works: one compiled regular expression finds every number-ish token at once (digit
groups, numeric dates and clock times, and a trie-shaped alternation of the whole vocabulary of
``lexicon/quantities.yaml``: number words, ordinals, vague amounts, dual nouns, bare casualty
plurals, with an optional proclitic و ف ب ك ل that is kept out of the span). A small state
machine then joins adjacent tokens into one number following Arabic number grammar
("سبعة وخمسون" 57, "مئة وعشرون" 120, "ثلاثة آلاف" 3000, "240 ألفا و831" 240831) and each
run gets a kind, a value and the noun it counts, looking only at a few characters around it.

Kinds (see ``COUNT_KINDS``; only those count people or things):

* ``cardinal``, ``at_least`` ("أكثر من 200", "ستة ... على الأقل"), ``at_most`` ("أقل من"),
  ``approx`` ("نحو", "حوالي", "قرابة", "زهاء", "ما يقارب"): the value is the number itself;
  a qualifier before the number is included in the span, one after the noun extends it;
* ``vague`` (``vague=True``): "عشرات" 10, "مئات" 100, "آلاف" 1000, "عشرات الآلاف" 10000,
  "عدد من"/"عدة"/"بعض"/"بضعة"/"العديد من" 10, and a bare indefinite killed-plural with no number
  ("قتلى وجرحى") 10, as in the conventions of ``../shared/eval/README.md``. A killed-plural is
  not reported after a number (it is that number's noun), after "عدد"/"حصيلة" or a group word
  ("لواء شهداء ..."), or with a negator among the four words before it ("دون وقوع قتلى");
  ``is_casualty_plural`` tells whether a word is one;
* ``dual``: a dual noun of the lexicon ("قتيلين", "سيارتين") with value 2; the noun is the word;
* ``ordinal``: "للمرة الخامسة" 5, "الحادي عشر" 11, "الخامس والعشرين" 25 (noun: the word before);
* ``name``: a number that names a unit or a document ("الفرقة 26", "الفوج العاشر", "القرار 2254");
* ``year``: a four-digit year ("عام 2014", "ديسمبر 2024", "منذ 2011");
* ``date_part``: a day of the month ("5 ديسمبر", "العاشر من تموز", "ال27 من الشهر الماضي"),
  a numeric date ("06/12/2024") or a clock time ("10:30", "الساعة 10"): left to ``dates``;
* ``percent``: "50 %", "30 بالمئة".

``noun`` is the next word after the number as written (one "من" skipped: "ستة من مقاتلي" gives
"مقاتلي"), or None when a preposition, a pronoun form ("منه"), punctuation or another number
follows. "واحد"/"اثنان" follow their noun, so theirs is the word before ("جندي واحد"), unless "من"
follows ("اثنان من الجنود"). "أحد"/"إحدى" + noun count one ("مقتل أحد العناصر"; "وأحد" normalises
to "واحد" and reads the same way); a lone "أحد" ("لم يصب أحد") is not a number.

Ambiguities resolved on purpose: "1,200" and "1.200.000" are thousands; a single dot followed by
exactly three digits is a thousands separator too ("1.200 قتيل") unless a scale word follows
("1.500 مليون" is 1.5 million); any other dot is a decimal point ("3.5"). A word ending in -ين is
read as a dual only when its singular is in ``dual_nouns`` (nouns with a broken plural), since
"مدنيين" and "مقاتلين" are plurals.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import Any

import ahocorasick
import yaml

from marsad.model import NumberMention
from marsad.text.normalize import norm

__all__ = [
    "COUNT_KINDS",
    "CARDINAL_WORD_PATTERN",
    "QUANTITIES_PATH",
    "find_numbers",
    "is_casualty_plural",
    "parse_number_words",
    "trie_pattern",
]

QUANTITIES_PATH = Path(__file__).resolve().parent.parent / "lexicon" / "quantities.yaml"

COUNT_KINDS: frozenset[str] = frozenset({"cardinal", "at_least", "at_most", "approx", "vague", "dual"})
"""Kinds whose value is a count of people or things (the others are names, dates, ranks...)."""

# Token kinds of the vocabulary.
_U = "u"  # 1-9
_T10 = "t10"  # ten (عشر/عشرة) and the teens 11, 12
_TEN = "ten"  # 20..90
_HUND = "hund"  # 100..900
_MULT = "mult"  # ألف, مليون: 1000 alone or a multiplier
_DSCALE = "dscale"  # ألفين, مليونين: 2 x scale
_PSCALE = "pscale"  # آلاف, ملايين: multiplier, vague alone
_ORD = "ord"  # الخامس, الحادي عشر
_ORDTEN = "ordten"  # العشرين ... in "الخامس والعشرين"
_VAGUE = "vague"
_DUAL = "dual"
_CAS = "cas"
_DIGITS = "d"


def _load() -> dict[str, Any]:
    with QUANTITIES_PATH.open(encoding="utf-8") as fh:
        return yaml.safe_load(fh)


_DATA = _load()


def _key(s: str) -> str:
    """Normalised vocabulary key: one space between words."""
    return norm(s)


def _build_vocab(data: dict[str, Any]) -> dict[str, tuple[str, float, Any]]:
    vocab: dict[str, tuple[str, float, Any]] = {}

    def add(words: Iterable[str], kind: str, value: float, extra: Any = None) -> None:
        for w in words:
            vocab.setdefault(_key(str(w)), (kind, value, extra))

    card = data["cardinals"]
    for v, words in card["units"].items():
        add(words, _U, int(v))
    add(card["ten"], _T10, 10)
    for v, words in card["teens"].items():
        add(words, _T10, int(v))
    for v, words in card["tens"].items():
        add(words, _TEN, int(v))
    for v, words in card["hundreds"].items():
        add(words, _HUND, int(v))
    for v, words in card["multipliers"].items():
        add(words, _MULT, int(v))
    for v, words in card["dual_scales"].items():
        add(words, _DSCALE, 2 * int(v))
    for v, words in card["plural_scales"].items():
        add(words, _PSCALE, int(v))
    for v, words in data["ordinals"].items():
        add(words, _ORDTEN if int(v) >= 20 else _ORD, int(v))
    for group in data["vague"]:
        add(group["words"], _VAGUE, int(group["value"]), bool(group.get("scales")))
    for noun in data["dual_nouns"]:
        n = _key(noun)
        stem = n[:-1] + "ت" if n.endswith("ه") else n
        forms = [stem + "ان", stem + "ين"]
        add(forms + ["ال" + f for f in forms], _DUAL, 2)
    add(data["dual_forms"], _DUAL, 2)
    add(data["casualty_plurals"], _CAS, 10)
    # After the clitic ل the article loses its alef: ل + العشرات -> للعشرات.
    for k in list(vocab):
        if k.startswith("ال"):
            vocab.setdefault("ل" + k[2:], vocab[k])
    return vocab


_VOCAB = _build_vocab(_DATA)


def _escape(ch: str) -> str:
    return r"\s+" if ch == " " else re.escape(ch)


def trie_pattern(words: Iterable[str]) -> str:
    """A regex alternation shaped as a trie (shared prefixes factored out), longest first."""
    trie: dict[str, Any] = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict[str, Any]) -> str:
        alts = [_escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        if "" in node:
            return ("(?:" + body + ")?") if len(alts) > 1 or len(body) > 1 else body + "?"
        return body

    return build(trie)


CARDINAL_WORD_PATTERN: str = trie_pattern(
    k for k, (kind, _, _) in _VOCAB.items() if kind in (_U, _T10, _TEN, _HUND, _MULT, _DSCALE)
)
"""Regex source (no groups) matching one cardinal number word, for other modules' patterns."""

# Digits start with a character class so that the regex engine skips other text fast; the
# look-behind after the first digit keeps "1.5" or "F16" from yielding a second number.
_DIGIT_RE = re.compile(
    r"\d(?<![\d.,:/A-Za-z]\d)(?:"
    r"(?P<dt>\d{3}(?P<s1>[-/.])\d{1,2}(?P=s1)\d{1,2}|\d?(?P<s2>[-/.])\d{1,2}(?P=s2)\d{4}"
    r"|\d?:\d{2}(?::\d{2})?)"
    r"|\d{0,2}(?:,\d{3})+|\d*(?:\.\d+)*)(?!\d)"
)
_WORD_RE = re.compile(r"(?<!\w)(?P<cl>[وف]??[بكل]??)(?P<w>" + trie_pattern(_VOCAB) + r")(?!\w)")
_SCALE_NEXT_RE = re.compile(norm(r"\s*(?:ألف|مليون|مليار)"))

_WS_RE = re.compile(r"\s+")


def _set(words: Iterable[str]) -> frozenset[str]:
    return frozenset(_key(w) for w in words)


def _alt(words: Iterable[str]) -> str:
    return "|".join(
        r"\s+".join(re.escape(p) for p in w.split(" ")) for w in sorted(words, key=len, reverse=True)
    )


_NAME_PREFIXES = _set(_DATA["name_prefixes"])
_YEAR_PREFIXES = _set(_DATA["year_prefixes"])
_TIME_PREFIXES = _set(_DATA["time_prefixes"])
_NEGATORS = _set(_DATA["negators"])
_CAS_NOT_AFTER = _set(_DATA["casualty_plural_not_after"])
_PREV_FEW_RE = re.compile(r"((?:[^\W\d_]+[^\S\n]+){1,4})\Z")
_ONE_OF = _set(["أحد", "إحدى", "واحد", "واحدة"])  # with a noun after: "one of" (واحد = و+أحد too)
_ONE_OF_ONLY = _set(["أحد", "إحدى"])  # alone: "anyone"
_SEVERAL = _set(["عدة", "بعض"])  # may follow their noun: "قذائف عدة"
_CASUALTY = _set(_DATA["casualty_plurals"])
# An ordinal after these is part of a calendar expression ("تشرين الأول", "أمس الأول").
_NOT_ORDINAL_AFTER = _set(["تشرين", "كانون", "ربيع", "جمادى", "أمس"])
_QUAL = _DATA["qualifiers"]
_PRE_QUAL_RE = re.compile(
    r"(?<!\w)[وف]?[بل]?(?P<q>" + "|".join(
        f"(?P<{kind}>{_alt(_set(words))})" for kind, words in _QUAL["before"].items()
    ) + r")\s+\Z"
)
# The last word of every qualifier written before a number: the regex above can only match when the
# word right before the number is one of these, so the search is skipped otherwise.
_PRE_QUAL_LAST = frozenset(w.split(" ")[-1] for words in _QUAL["before"].values() for w in _set(words))
_POST_QUAL_RE = re.compile(
    r"(?:[^\S\n]+[^\W\d_]+){0,5}?[^\S\n]+(?P<q>" + "|".join(
        f"(?P<{kind}>{_alt(_set(words))})" for kind, words in _QUAL["after"].items()
    ) + r")(?!\w)"
)
_POST_QUAL_KEYS = frozenset(_key(w).split()[-1] for ws in _QUAL["after"].values() for w in ws)
_PERCENT_RE = re.compile(r"\s*(?:" + _alt(_set(_DATA["percent_words"])) + ")")
_PREV_WORD_RE = re.compile(r"([^\W\d_]+)[^\S\n]*\Z")


def _anchor_automaton() -> ahocorasick.Automaton:
    """The first word of every number word or phrase, for a C-speed scan before the regex."""
    auto = ahocorasick.Automaton()
    for key in _VOCAB:
        first = key.split()[0]
        auto.add_word(first, len(first))
    auto.make_automaton()
    return auto


_WORD_ANCHORS = _anchor_automaton()
_CLITIC_LETTERS = frozenset("وفبكل")


def _word_matches(text: str) -> list[re.Match]:
    """``_WORD_RE`` matches of ``text``, with the regex run only in windows around words that
    can start a number (found by the automaton at a word start, after at most two proclitics).
    The regex decides; the windows only spare it the rest of the text."""
    n = len(text)
    spans: list[list[int]] = []
    for end, length in _WORD_ANCHORS.iter(text):
        start = end + 1 - length
        if end + 1 < n and text[end + 1].isalnum():
            continue  # "الف" at the start of "الفصائل": not a whole word
        i = start
        while i > 0 and start - i < 2 and text[i - 1] in _CLITIC_LETTERS:
            i -= 1
        if i > 0 and text[i - 1].isalnum():
            continue  # inside a word
        a, b = i, min(n, end + 1 + 40)
        if spans and a <= spans[-1][1]:
            spans[-1][1] = max(spans[-1][1], b)
        else:
            spans.append([a, b])
    out: list[re.Match] = []
    for a, b in spans:
        out.extend(_WORD_RE.finditer(text, a, b))
    return out
_NEXT_WORD_RE = re.compile(r"[^\S\n]*(?:من[^\S\n]+)?([^\W\d_]+)")
_YEAR_MARK_RE = re.compile(norm(r"[^\S\n]*(?:م|هـ|ميلادي|ميلادية|هجري|هجرية|للهجرة|للميلاد)(?!\w)"))
_STOP = _set([
    "في", "على", "عن", "إلى", "مع", "بين", "منذ", "خلال", "بعد", "قبل", "حتى", "و", "أو", "ثم",
    "قد", "لقد", "لم", "لن", "ما", "من", "منه", "منها", "منهم", "منهن", "منا", "منكم", "الذي",
    "التي", "الذين", "هو", "هي", "هم", "كان", "كانت", "عند", "لدى", "بحسب", "وفق", "حسب", "إثر",
    "جراء", "نتيجة", "أن", "إن", "انه", "أنها", "أنهم", "فقط", "آخرين", "أخرى", "آخر", "اخرى",
    "بينهم", "بينها", "بينهن", "أيضا", "كما", "لكن", "بل", "هذا", "هذه", "ذلك", "تلك",
])


@cache
def _date_after_re() -> re.Pattern[str]:
    """What follows a day number: a month name or "من الشهر" (built on first use from ``dates``)."""
    from marsad.text.dates import MONTH_PATTERN

    return re.compile(r"[^\S\n]*(?:من\s+)?(?:(?:هذا\s+)?(?:ال)?شهر(?!\w)|(?:" + MONTH_PATTERN + r")(?!\w))")


class _Run:
    """Tokens joined into one number while scanning."""

    __slots__ = ("cat", "start", "end", "total", "cur", "last", "mult", "scales", "tokens", "post")

    def __init__(self, cat: str, start: int, end: int) -> None:
        self.cat = cat
        self.start = start
        self.end = end
        self.total: float = 0
        self.cur: float = 0
        self.last = ""
        self.mult: float = 0
        self.scales = False
        self.tokens = 1
        self.post = False

    @property
    def value(self) -> float:
        return self.total + self.cur


def _parse_digits(s: str, scale_follows: bool) -> float:
    if "," in s:
        return int(s.replace(",", ""))
    if "." in s:
        parts = s.split(".")
        if len(parts) > 2:
            return int("".join(parts)) if all(len(p) == 3 for p in parts[1:]) else float(parts[0])
        if len(parts[1]) == 3 and not scale_follows and parts[0] != "0":
            return int(parts[0] + parts[1])
        return float(s)
    return int(s)


def _start_run(kind: str, value: float, extra: Any, s: int, e: int) -> _Run | None:
    if kind in (_U, _T10, _TEN, _HUND, _DIGITS):
        run = _Run("num", s, e)
        run.cur = value
        run.last = kind
    elif kind in (_MULT, _DSCALE):
        run = _Run("num", s, e)
        run.total = value
        run.last = _MULT
        run.mult = value if kind == _MULT else value / 2
    elif kind == _PSCALE:
        run = _Run("vague", s, e)
        run.total = value
        run.last = _PSCALE
    elif kind == _VAGUE:
        run = _Run("vague", s, e)
        run.total = value
        run.scales = bool(extra)
        run.last = _VAGUE
    elif kind in (_ORD, _ORDTEN):
        run = _Run("ord", s, e)
        run.total = value
        run.last = kind
    elif kind == _DUAL:
        run = _Run("dual", s, e)
        run.total = 2
    elif kind == _CAS:
        run = _Run("cas", s, e)
        run.total = value
    else:  # pragma: no cover - every vocabulary kind is handled above
        return None
    return run


def _extend(run: _Run, kind: str, value: float, join: str) -> bool:
    """Add one token to ``run`` if the grammar allows it; return False to start a new run."""
    last = run.last
    if run.cat == "num":
        if join == "adj":
            if kind == _T10 and value == 10 and last == _U and run.cur % 100 < 10:
                run.cur += 10
                run.last = _T10
                return True
            if kind == _HUND and value == 100 and last == _U and 3 <= run.cur <= 9:
                run.cur *= 100
                run.last = _HUND
                return True
            if kind in (_MULT, _PSCALE) and last != _MULT and run.cur > 0 and (
                not run.mult or value < run.mult
            ):
                run.total += run.cur * value
                run.cur = 0
                run.last = _MULT
                run.mult = value
                return True
            return False
        if join == "and":
            if last == _U and kind == _TEN and run.cur % 100 < 10:
                run.cur += value
                run.last = _TEN
                return True
            if last == _HUND and (kind in (_U, _T10, _TEN) or (kind == _DIGITS and value < 100)):
                run.cur += value
                run.last = kind
                return True
            if last == _MULT and kind in (_U, _T10, _TEN, _HUND, _DIGITS) and value < run.mult:
                run.cur = value
                run.last = kind
                return True
        return False
    if run.cat == "vague":
        if join == "adj" and kind in (_PSCALE, _MULT) and last == _VAGUE:
            run.total = run.total * value if run.scales else value
            run.last = _PSCALE
            return True
        return False
    if run.cat == "ord":
        if join == "adj" and kind == _T10 and value == 10 and last == _ORD and run.total < 10:
            run.total += 10
            run.last = _T10
            return True
        if join == "and" and kind == _ORDTEN and last == _ORD and run.total < 10:
            run.total += value
            run.last = _ORDTEN
            return True
        return False
    if run.cat == "dual":
        # "جنديين اثنين": the number repeats the dual.
        return join == "adj" and kind == _U and value == 2 and run.tokens == 1
    return False


def _tokens(text: str) -> list[tuple[int, int, str, float, Any]]:
    """Digit and word tokens of ``text`` as (start, end, kind, value, extra), in text order."""
    toks: list[tuple[int, int, str, float, Any]] = []
    for m in _DIGIT_RE.finditer(text):
        s, e = m.span()
        if m.group("dt") is not None:
            toks.append((s, e, "dt", 0, None))
        else:
            toks.append((s, e, _DIGITS, _parse_digits(m.group(), bool(_SCALE_NEXT_RE.match(text, e))), None))
    words = [
        (m.start("w"), m.end("w"), *_VOCAB[w if (w := m.group("w")).isalpha() else _WS_RE.sub(" ", w)])
        for m in _word_matches(text)
    ]
    if not toks:
        return words
    toks.extend(words)
    toks.sort(key=lambda t: t[0])
    return toks


def _runs(text: str) -> list[_Run]:
    """Scan ``text`` once and join tokens into runs."""
    runs: list[_Run] = []
    run: _Run | None = None
    for s, e, kind, value, extra in _tokens(text):
        if kind == "dt":
            run = _Run("dt", s, e)
            runs.append(run)
            continue
        if run is not None and s - run.end <= 4:
            gap = text[run.end:s]
            stripped = gap.strip()
            join = "adj" if not stripped and gap and "\n" not in gap else (
                "and" if stripped == "و" and "\n" not in gap else "")
            if join and _extend(run, kind, value, join):
                run.end = e
                run.tokens += 1
                continue
            # "وأحد" normalises to "واحد": after a number it is و + أحد ("ستمئة وأحد عشر").
            alt = _VOCAB.get(text[s + 1:e]) if join == "adj" and text[s] == "و" else None
            if alt and _extend(run, alt[0], alt[1], "and"):
                run.end = e
                run.tokens += 1
                continue
        new = _start_run(kind, value, extra, s, e)
        if new is None:
            continue
        if kind == _U and value <= 2:
            new.post = True  # واحد / اثنان follow their noun
        runs.append(new)
        run = new
    return runs


def _clean_word(w: str) -> str:
    """A word without its proclitics, with ل+ال restored: "والفرقه" -> "الفرقه"."""
    if len(w) > 3 and w[0] in "وف":
        w = w[1:]
    if w.startswith("لل") and len(w) > 3:
        return "ال" + w[2:]
    if len(w) > 4 and w[0] in "بكل" and w[1:3] == "ال":
        return w[1:]
    return w


def _prev_word(text: str, start: int) -> str | None:
    """The run of letters right before ``start`` (spaces but not a line break between), or None.

    Plain string steps: a regex anchored at the window's end would be tried at every position."""
    j = start
    lo = max(0, start - 30)
    while j > lo and text[j - 1] in " \t\r\f\v\u00a0":
        j -= 1
    i = j
    while i > lo and text[i - 1].isalpha():
        i -= 1
    return text[i:j] if i < j else None


def _negated(text: str, start: int) -> bool:
    """A negator among the four words before ``start``, within the clause ("دون وقوع قتلى")."""
    m = _PREV_FEW_RE.search(text, max(0, start - 50), start)
    return bool(m) and any(_clean_word(w) in _NEGATORS or w in _NEGATORS for w in m.group(1).split())


def _next_word(text: str, end: int, limit: int | None = None) -> str | None:
    """The word after ``end`` (one "من" skipped), unless it is a stop word or runs into ``limit``
    (the next number)."""
    m = _NEXT_WORD_RE.match(text, end)
    if not m or (limit is not None and m.end(1) > limit):
        return None
    w = m.group(1)
    return None if _key(w) in _STOP else w


def _as_number(v: float) -> int | float:
    return int(v) if float(v).is_integer() else v


def find_numbers(text: str) -> list[NumberMention]:
    """Every count, ordinal, year and day number in a normalised ``text``, sorted, non-overlapping."""
    out: list[NumberMention] = []
    date_after = _date_after_re()
    runs = _runs(text)
    for i, run in enumerate(runs):
        s, e = run.start, run.end
        # A noun may not run into the next number (but a killed-plural after it is its noun).
        limit = runs[i + 1].start if i + 1 < len(runs) and runs[i + 1].cat != "cas" else None
        cat = run.cat
        value: int | float | None = _as_number(run.value)
        kind = "cardinal"
        noun: str | None = None
        vague = False
        if cat == "dt":
            out.append(NumberMention(s, e, text[s:e], None, "date_part"))
            continue
        prev = _prev_word(text, s)
        prev_clean = _clean_word(prev) if prev else None
        if cat == "ord":
            if prev_clean in _NOT_ORDINAL_AFTER:
                continue  # "تشرين الأول", "أمس الأول": part of a date
            if prev_clean in _NAME_PREFIXES:
                kind = "name"
            elif value is not None and value <= 31 and date_after.match(text, e):
                kind = "date_part"
            else:
                kind = "ordinal"
            noun = prev if kind != "date_part" else None
        elif cat == "dual":
            kind, noun = "dual", text[s:e].split()[0]
        elif cat == "cas":
            if prev_clean in _CAS_NOT_AFTER or _negated(text, s):
                continue
            if out and out[-1].kind in COUNT_KINDS and re.fullmatch(
                r"[^\S\n]+(?:من[^\S\n]+)?", text[out[-1].end:s]
            ):
                continue  # "ثلاثة قتلى": the noun of the number before
            kind, vague, noun = "vague", True, text[s:e]
        elif cat == "vague":
            kind, vague = "vague", True
            noun = _next_word(text, e, limit)
            if noun is None and text[s:e] in _SEVERAL:
                noun = prev  # "قذائف عدة"
        else:
            is_digits = text[s].isdigit()
            if prev_clean in _NAME_PREFIXES:
                kind, noun = "name", prev
            elif prev_clean in _TIME_PREFIXES or (
                value is not None and value <= 31 and date_after.match(text, e)
            ):
                kind = "date_part"
            elif is_digits and run.tokens == 1 and e - s == 4 and _is_year(text, s, e, prev_clean):
                kind = "year"
            elif _PERCENT_RE.match(text, e):
                kind = "percent"
            elif run.post and run.tokens == 1:
                nxt = _next_word(text, e, limit)
                word = text[s:e]
                if re.match(r"[^\S\n]+من(?!\w)", text[e:e + 5]) or (nxt and word in _ONE_OF):
                    noun = nxt  # "اثنان من الجنود", "أحد العناصر"
                elif word in _ONE_OF_ONLY:
                    continue  # "لم يصب أحد": anyone
                else:
                    noun = prev  # "جندي واحد"
            else:
                noun = _next_word(text, e, limit)
        if kind in ("cardinal", "dual"):
            q = (_PRE_QUAL_RE.search(text, max(0, s - 30), s)
                 if prev and (prev in _PRE_QUAL_LAST or prev.lstrip("وفبل") in _PRE_QUAL_LAST) else None)
            if q:
                kind = next(k for k in ("at_least", "at_most", "approx") if q.group(k))
                s = q.start("q")
        out.append(NumberMention(s, e, text[s:e], value, kind, noun, vague))
    _post_qualifiers(text, out)
    return out


def _is_year(text: str, s: int, e: int, prev_clean: str | None) -> bool:
    if not text[s:e].isdigit():
        return False  # "00.0": a decimal is never a year
    v = int(text[s:e])
    if _YEAR_MARK_RE.match(text, e):
        return 1300 <= v <= 2100
    if not 1900 <= v <= 2100:
        return False
    if prev_clean in _YEAR_PREFIXES:
        return True
    if _month_before_re().search(text, max(0, s - 25), s):
        return True
    return _next_word(text, e) is None


@cache
def _month_before_re() -> re.Pattern[str]:
    """A month name (maybe with a paired name in brackets) right before a number."""
    from marsad.text.dates import MONTH_PATTERN

    return re.compile(r"(?<!\w)(?:" + MONTH_PATTERN + r")[\s()]*\Z")


def _post_qualifiers(text: str, out: list[NumberMention]) -> None:
    """Apply "على الأقل"/"تقريبا" written after the noun to the nearest count before it."""
    if not any(k in text for k in _POST_QUAL_KEYS):
        return
    for i, nm in enumerate(out):
        if nm.kind != "cardinal" and nm.kind != "dual":
            continue
        m = _POST_QUAL_RE.match(text, nm.end)
        if not m:
            continue
        if i + 1 < len(out) and out[i + 1].start < m.end():
            continue
        nm.kind = next(k for k in ("at_least", "approx") if m.group(k))
        nm.end = m.end()
        nm.text = text[nm.start:nm.end]


def parse_number_words(s: str) -> int | None:
    """The integer written by a normalised phrase of number words or digits, or None.

    "سبعة وخمسون" -> 57, "ثلاثة آلاف" -> 3000, "240 الفا و831" -> 240831. The phrase must be one
    number (proclitics allowed); vague amounts, ordinals and anything else give None.
    """
    s = s.strip()
    runs = _runs(s)
    if len(runs) != 1 or runs[0].cat != "num":
        return None
    run = runs[0]
    head = s[:run.start]
    if s[run.end:].strip() or (head and not re.fullmatch(r"[وفبكل]{1,2}", head)):
        return None
    v = run.value
    return int(v) if float(v).is_integer() else None


def is_casualty_plural(word: str) -> bool:
    """True for a bare (indefinite) killed-plural of the lexicon: "قتلى", "وضحايا", "شهداء"."""
    w = _key(word)
    if w[:1] in ("و", "ف") and w[1:] in _CASUALTY:
        return True
    return w in _CASUALTY
