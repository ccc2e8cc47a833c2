"""Remove page furniture from an article's text, keeping the report and its structure.

Text copied or converted from a news page carries the page around it: font-size and share
buttons, a "listen"/"show summary" box with the site's own bullet summary, photo captions with
an agency credit, the printed date, pull-quotes repeated from the body, "read also" boxes, and
artefacts of bad HTML conversion ("ضباط& النظام", "&nbsp;"). ``clean`` takes them out with a
few general, line-based rules (compiled regexes, no per-character loops):

1. furniture lines: only interface phrases (``lexicon/furniture.yaml``), only UI symbols, or only
   a date (which becomes ``published``);
2. photo captions: a short line ending with a credit, "(الأناضول)", "/ AFP", "تصوير: ...", or a
   date followed by a parenthesised credit;
3. the site's summary box: the bullets after a "show summary" line go to ``site_summary``;
4. pull-quotes: a short line without a final period that the body repeats (verbatim, or nearly
   so when it sits in the lead before the first paragraph);
5. conversion artefacts: HTML entities, stray "&", runs of spaces, spaces before punctuation,
   "...المزيد" lead-outs;
6. structure: the title (first short line followed by a blank line) and the short section
   headings standing alone between paragraphs are kept and their spans recorded.

Everything removed is listed in ``Cleaned.removed`` so a reader can see what was taken out.
"""

from __future__ import annotations

import datetime as _dt
import html
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

__all__ = ["Cleaned", "clean", "parse_date"]


@dataclass
class Cleaned:
    """An article's text without page furniture, with what was found on the way."""

    text: str
    title: str | None = None
    published: str | None = None
    site_summary: list[str] = field(default_factory=list)
    headings: list[tuple[int, int]] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    title_span: tuple[int, int] | None = None


# --------------------------------------------------------------------------------------------
# folding (for comparisons only; the text itself keeps its spelling)

# str.replace is much faster than str.translate on non-ASCII text, so letters are merged pairwise.
_FOLD_PAIRS = (("\u0623", "\u0627"), ("\u0625", "\u0627"), ("\u0622", "\u0627"), ("\u0671", "\u0627"),
               ("\u0649", "\u064a"), ("\u0629", "\u0647"), ("\u0624", "\u0648"), ("\u0626", "\u064a"))
_DIGITS = str.maketrans({**{chr(0x0660 + i): str(i) for i in range(10)},
                         **{chr(0x06F0 + i): str(i) for i in range(10)}})
_EASTERN_DIGIT_RE = re.compile("[\u0660-\u0669\u06f0-\u06f9]")
_MARKS_RE = re.compile("[\u064b-\u065f\u0670\u0640\u200b-\u200f\u061c\u00ad]")
_NONWORD_RE = re.compile(r"[\W_]+")


def _fold(s: str) -> str:
    """Lower-cased, harakat/tatweel removed, letter variants and digits merged; punctuation kept."""
    s = _MARKS_RE.sub("", s)
    for a, b in _FOLD_PAIRS:
        if a in s:
            s = s.replace(a, b)
    if _EASTERN_DIGIT_RE.search(s):
        s = s.translate(_DIGITS)
    return s.lower()


def _fold_words(s: str) -> str:
    """``_fold`` with every run of punctuation or space turned into one space."""
    return _NONWORD_RE.sub(" ", _fold(s)).strip()


# --------------------------------------------------------------------------------------------
# the furniture lexicon


@dataclass(frozen=True)
class _Furniture:
    lines: frozenset[str]
    max_words: int
    prefixes: tuple[str, ...]
    summary_markers: frozenset[str]
    section_markers: frozenset[str]
    credits: frozenset[str]


@lru_cache(maxsize=1)
def _furniture() -> _Furniture:
    import yaml

    raw = yaml.safe_load(
        resources.files("marsad.lexicon").joinpath("furniture.yaml").read_text(encoding="utf-8")
    ) or {}

    def folded(key: str) -> list[str]:
        return [f for f in (_fold_words(str(x)) for x in raw.get(key) or []) if f]

    lines = frozenset(folded("lines"))
    return _Furniture(
        lines=lines,
        max_words=max((len(x.split()) for x in lines), default=1),
        prefixes=tuple(sorted({p + " " for p in folded("prefixes")}, key=len, reverse=True)),
        summary_markers=frozenset(folded("summary_markers")),
        section_markers=frozenset(folded("section_markers")),
        credits=frozenset(folded("credits")),
    )


def _covered(words: list[str], phrases: frozenset[str], max_words: int) -> bool:
    """True when ``words`` is a sequence of furniture phrases ("شارك فيسبوك تويتر")."""
    n = len(words)
    ok = [False] * (n + 1)
    ok[0] = True
    for i in range(n):
        if not ok[i]:
            continue
        for k in range(1, min(max_words, n - i) + 1):
            if " ".join(words[i:i + k]) in phrases:
                ok[i + k] = True
    return ok[n]


# --------------------------------------------------------------------------------------------
# dates

_MONTHS: dict[str, int] = {}
for _num, _names in enumerate((
    ("يناير", "كانون الثاني", "كانون ثاني", "جانفي", "january", "jan"),
    ("فبراير", "شباط", "فيفري", "february", "feb"),
    ("مارس", "اذار", "march", "mar"),
    ("ابريل", "نيسان", "افريل", "april", "apr"),
    ("مايو", "ايار", "ماي", "may"),
    ("يونيو", "يونيه", "حزيران", "جوان", "june", "jun"),
    ("يوليو", "يوليه", "تموز", "جويلية", "يوليوز", "july", "jul"),
    ("اغسطس", "اب", "اوت", "غشت", "august", "aug"),
    ("سبتمبر", "ايلول", "شتنبر", "september", "sep", "sept"),
    ("اكتوبر", "تشرين الاول", "تشرين اول", "october", "oct"),
    ("نوفمبر", "تشرين الثاني", "تشرين ثاني", "نونبر", "november", "nov"),
    ("ديسمبر", "كانون الاول", "كانون اول", "دجنبر", "december", "dec"),
), start=1):
    for _name in _names:
        _MONTHS[_name] = _num

_MONTH_ALT = "|".join(re.escape(m).replace(r"\ ", r"\s+") for m in sorted(_MONTHS, key=len, reverse=True))
_MONTH = rf"(?<![\w])({_MONTH_ALT})(?![\w])"
_HIJRI_MONTHS = (r"محرم|صفر|ربيع\s+(?:الاول|الاخر|الثاني)|جمادي\s+(?:الاولي|الاخره|الثانيه)|رجب|شعبان|"
                 r"رمضان|شوال|ذو\s+القعده|ذو\s+الحجه")
_DATE_RES = (
    # 6 ديسمبر 2024 · 6 كانون الأول/ديسمبر 2024 · 6 من ديسمبر، 2024
    ("dmy", re.compile(rf"(?<!\d)(\d{{1,2}})\s*(?:من\s+)?{_MONTH}(?:\s*[/-]\s*(?:{_MONTH_ALT}))?"
                       rf"\s*[,،]?\s*(\d{{4}})(?!\d)")),
    # December 6, 2024
    ("mdy", re.compile(rf"{_MONTH}\s+(\d{{1,2}})\s*[,،]?\s*(\d{{4}})(?!\d)")),
    ("ymd", re.compile(r"(?<!\d)(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)")),
    ("dmy_num", re.compile(r"(?<!\d)(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})(?!\d)")),
)
_TIME_RE = re.compile(r"(?<!\d)\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:\s*(?:am|pm|ص|م|صباحا|مساء|مساءا)(?!\w))?"
                      r"|(?<=\d)t(?=\d)|(?<=\d)z(?!\w)|[+-]\d{2}:?\d{2}(?!\d)")
_WEEKDAY_RE = re.compile(r"(?<!\w)(?:يوم\s+)?(?:ال)?(?:سبت|احد|اثنين|ثلاثاء|اربعاء|خميس|جمعه)(?!\w)|"
                         r"(?<!\w)(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?(?!\w)")
_HIJRI_RE = re.compile(rf"(?<!\d)\d{{1,2}}\s+(?:شهر\s+)?(?:{_HIJRI_MONTHS})\s+\d{{4}}(?:\s*ه)?(?!\w)")
# "رقم العدد [13896]": the issue number printed with the date of a newspaper's page
_ISSUE_RE = re.compile(r"(?:رقم\s+)?العدد\s*[\[(]?\s*\d{1,6}\s*[\])]?")
_ZONE_RE = re.compile(r"بتوقيت\s+\S+(?:\s+(?:المكرمه|المنوره))?|(?<!\w)(?:gmt|utc)(?!\w)")
_DATE_LEFTOVERS = frozenset({
    "م", "ه", "في", "الساعه", "ساعه", "يوم", "نشر", "نشرت", "نشر في", "تاريخ", "النشر", "بتاريخ",
    "التاريخ", "اخر", "تحديث", "التحديث", "محدث", "تم", "published", "updated", "posted", "on",
    "at", "last", "update", "date",
})
_UPDATE_RE = re.compile(r"تحديث|محدث|update", re.I)


def _make_date(y: int, m: int, d: int) -> str | None:
    if not 1900 <= y <= 2100:
        return None
    try:
        return _dt.date(y, m, d).isoformat()
    except ValueError:
        return None


def _date_from(kind: str, m: re.Match) -> str | None:
    if kind == "dmy":
        return _make_date(int(m.group(3)), _MONTHS[re.sub(r"\s+", " ", m.group(2))], int(m.group(1)))
    if kind == "mdy":
        return _make_date(int(m.group(3)), _MONTHS[re.sub(r"\s+", " ", m.group(1))], int(m.group(2)))
    if kind == "ymd":
        return _make_date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    a, b, y = int(m.group(1)), int(m.group(2)), int(m.group(3))
    if b > 12 >= a:  # 12/25/2024: month first
        a, b = b, a
    return _make_date(y, b, a)


def _find_dates(folded: str) -> list[tuple[int, int, str]]:
    found: list[tuple[int, int, str]] = []
    for kind, rx in _DATE_RES:
        for m in rx.finditer(folded):
            if any(s < m.end() and m.start() < e for s, e, _ in found):
                continue
            iso = _date_from(kind, m)
            if iso:
                found.append((m.start(), m.end(), iso))
    found.sort()
    return found


def parse_date(s: str) -> str | None:
    """ISO date (YYYY-MM-DD) of the first Gregorian date written in ``s``, or None.

    Knows Arabic Gregorian ("ديسمبر"), Levantine ("كانون الأول") and Maghrebi month names,
    English ones, and numeric forms (2024-12-06, 06/12/2024); Eastern Arabic digits are fine.
    """
    found = _find_dates(_fold(s))
    return found[0][2] if found else None


_ANY_DIGIT_RE = re.compile(r"\d")


def _date_line(line: str) -> str | None:
    """The ISO date when ``line`` is only a date (with weekday, time, Hijri date, "نشر في"...)."""
    if len(line) > 120 or not _ANY_DIGIT_RE.search(line):
        return None
    folded = _fold(line)
    found = _find_dates(folded)
    if not found:
        return None
    rest = folded
    for s, e, _ in reversed(found):
        rest = rest[:s] + " " + rest[e:]
    rest = _HIJRI_RE.sub(" ", rest)
    rest = _ISSUE_RE.sub(" ", rest)
    rest = _ZONE_RE.sub(" ", rest)
    rest = _TIME_RE.sub(" ", rest)
    rest = _WEEKDAY_RE.sub(" ", rest)
    if any(w not in _DATE_LEFTOVERS for w in _NONWORD_RE.sub(" ", rest).split()):
        return None
    return found[0][2]


# --------------------------------------------------------------------------------------------
# line tidying

_ENTITY_RE = re.compile(r"&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});|&nbsp(?![\w;])")
_AR = "\u0621-\u063a\u0641-\u064a"
_AMP_RUN_RE = re.compile("&+")
_AR_LETTER_RE = re.compile(f"[{_AR}]")
_AR_LETTER_OR_MARK_RE = re.compile(f"[{_AR}\u064b-\u065f]")
_ODD_SPACE = "\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\u180e\f\v"
_ODD_SPACE_RE = re.compile(f"[{_ODD_SPACE}]")
_SPACES_RE = re.compile(f"[ {_ODD_SPACE}]+")
# A literal first character lets the regex engine skip ahead quickly.
_SPACE_BEFORE_PUNCT_RE = re.compile(r" (?: *)(?=[،؛؟,;?!]|[.:](?![\d.]))")
_COMMA_GLUED_RE = re.compile(rf"([،؛])(?=[{_AR}])")
_LEADOUT_RE = re.compile(r"(?<=[^\s.…]) *(?:\.{2,}|…) *(?:المزيد|[اأإ]قر[أا] المزيد|للمزيد|التفاصيل|read more|more) *$",
                         re.I | re.M)
_BULLET_RE = re.compile(r"^[-–—•*·▪●◦‣►▸]\s*")
# A site's link-out appended to the last paragraph ("... رابط الخبر بصحيفة X: عنوان الخبر").
_LINKOUT_RE = re.compile(r"(?<=[.!؟?»\"]) *(?:رابط الخبر|رابط المقال|المصدر:|رابط مختصر)[^\n]*$", re.M)
_HAS_WORD_RE = re.compile(r"[^\W_]")
_FINAL_PUNCT = tuple(".!?؟…")
_HEADING_BAD_END = tuple(".!?؟…:؛;،,")
_TITLE_BAD_END = tuple(".:؛;،,")


def _unescape(m: re.Match) -> str:
    return " " if m.group(0) == "&nbsp" else html.unescape(m.group(0))


def _stray_amp(m: re.Match, removed: list[str]) -> str:
    """Drop an "&" left by a bad HTML conversion: after an Arabic letter (before a letter, a
    space or the end of a line) or between a space and an Arabic letter. "AT&T" stays."""
    text, s, e = m.string, m.start(), m.end()
    before = text[s - 1] if s else "\n"
    after = text[e] if e < len(text) else "\n"
    if (_AR_LETTER_OR_MARK_RE.match(before) and (after.isspace() or _AR_LETTER_RE.match(after))) or (
            before.isspace() and _AR_LETTER_RE.match(after)):
        removed.append(m.group(0))
        return ""
    return m.group(0)


# bylines with a colon, hashtag lines, counters, relative times and social links (short lines only)
_SOCIAL = r"(?:تلغرام|تيليغرام|تلجرام|تويتر|فيسبوك|فيس بوك|يوتيوب|واتساب|واتس اب|انستغرام|إنستغرام|انستقرام|إكس)"
_WIDGET_RE = re.compile(
    r"^(?:(?:بقلم|إعداد|اعداد|تحرير|كتب|كتبت|ترجمة|تقرير|إشراف|اشراف|تصوير)\s*[:：].{0,60}"
    r"|(?:#\S+\s*){1,12}"
    r"|(?:التعليقات|تعليقات|المشاهدات|مشاهدات|القراءات|قراءات|الإعجابات|عدد القراءات|عدد المشاهدات)\s*[:(]?\s*\d{1,7}\s*\)?"
    r"|\d{1,7}\s*(?:مشاهدة|قراءة|تعليق|تعليقات|مشاركة)"
    r"|منذ\s+(?:\d+|دقيقة|ساعة|يوم|دقائق|ساعات|أيام|ساعتين|يومين)\s*(?:دقيقة|دقائق|ساعة|ساعات|يوم|أيام)?"
    r"|[^.!?؟\n]{0,40}" + _SOCIAL + r"[^.!?؟\n]{0,30}"
    r"|\((?:[^()]{2,40}[،,]\s*)*[^()]{2,40}\)"
    r")$")
_CRUMB_SEP_RE = re.compile(r"\s[/>»›|]\s|\s?[»›]\s?")
_CRUMB_CHAR_RE = re.compile("[/>»›|]")
_CRUMB_HOME = ("الرئيسية", "الصفحة الرئيسية", "الرئيسيه", "Home", "home")


def _is_breadcrumb(line: str, n_words: int) -> bool:
    """A site's path to the page: "الرئيسية / أخبار / سوريا", "أخبار » سوريا » حلب"."""
    if n_words > 12 or line.endswith(_FINAL_PUNCT) or not _CRUMB_CHAR_RE.search(line):
        return False
    parts = _CRUMB_SEP_RE.split(line)
    if len(parts) < 2 or any(len(p.split()) > 3 or not p.strip() for p in parts):
        return False
    return len(parts) >= 3 or parts[0].strip() in _CRUMB_HOME or ("»" in line or "›" in line)


def _tidy(text: str, removed: list[str]) -> list[str]:
    """Conversion artefacts and spacing, on the whole text at once; returns stripped lines."""
    if "&" in text:
        text = _ENTITY_RE.sub(_unescape, text)
        if "&" in text:
            text = _AMP_RUN_RE.sub(lambda m: _stray_amp(m, removed), text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "  " in text or _ODD_SPACE_RE.search(text):
        text = _SPACES_RE.sub(" ", text)
    text = _SPACE_BEFORE_PUNCT_RE.sub("", text)
    text = _COMMA_GLUED_RE.sub(r"\1 ", text)
    if "رابط" in text or "المصدر:" in text:
        def linkout(m: re.Match) -> str:
            removed.append(m.group(0).strip())
            return ""

        text = _LINKOUT_RE.sub(linkout, text)
    if "المزيد" in text or "للمزيد" in text or "التفاصيل" in text or "more" in text or "More" in text or "MORE" in text:
        def leadout(m: re.Match) -> str:
            removed.append(m.group(0).strip())
            return ""

        text = _LEADOUT_RE.sub(leadout, text)
    return [x.strip() for x in text.split("\n")]


# --------------------------------------------------------------------------------------------
# captions

_TRAILING_PAREN_RE = re.compile(r"\(([^()]{1,80})\)\s*$")
_SLASH_CREDIT_RE = re.compile(r"(?:^|\s|[^\s/])/\s*([^/()]{1,40})$")
_DASH_CREDIT_RE = re.compile(r"\s[-–—|]\s*([A-Za-z][A-Za-z .&/]{1,40})$")
_PHOTO_RE = re.compile(r"(?:^|[\s(/|–—-])(?:تصوير|عدسة|الصورة|صورة|photo|credit|courtesy)\s*:|©")
_PHOTO_WORD_RE = re.compile(r"^(?:تصوير|عدسة|الصورة|صورة|صور|أرشيفية|ارشيفية|أرشيف|ارشيف|photo|file)\b", re.I)
_LATIN_NAME_RE = re.compile(r"^[A-Za-z][A-Za-z .&'/-]*[a-z][A-Za-z .&'/-]*$")


def _is_caption(line: str, n_words: int, credits: frozenset[str], near_top: bool) -> bool:
    """A photo caption: a short line, not a sentence, ending with a credit.

    Known credits ("(الأناضول)", "/ AFP"), photo words ("تصوير:") and "date (credit)" count
    anywhere; looser forms ("(Name Surname)", "(name/agency)") only above the first paragraph.
    """
    if n_words >= 25 or line.endswith(_FINAL_PUNCT):
        return False
    m = _TRAILING_PAREN_RE.search(line)
    if m:
        inner = m.group(1).strip()
        fi = _fold_words(inner)
        if fi in credits or _PHOTO_WORD_RE.match(inner):
            return True
        if near_top and "/" in inner and len(inner.split()) <= 6:
            return True
        if near_top and _LATIN_NAME_RE.match(inner) and len(inner.split()) <= 4:
            return True
        before = _fold(line[:m.start()]).rstrip(" ،,-")
        if any(e >= len(before) - 1 for _, e, _ in _find_dates(before)):
            return True  # "..., 5 ديسمبر 2024 (الوكالة)"
    m = _SLASH_CREDIT_RE.search(line)
    if m and _fold_words(m.group(1)) in credits:
        return True
    m = _DASH_CREDIT_RE.search(line)
    if m and _fold_words(m.group(1)) in credits:
        return True
    return bool(_PHOTO_RE.search(line))


# --------------------------------------------------------------------------------------------
# pull-quotes

# Proclitics (wa-, bi-, li-, fa-, ka-, al-) stripped from a word that keeps three letters after.
_PROCLITIC_RE = re.compile(r"(?<!\S)(?:وبال|وال|بال|كال|فال|لل|ال|و|ب|ل|ف)(?=\S{3})")


def _stems(folded_words: str) -> set[str]:
    return {w for w in _PROCLITIC_RE.sub("", folded_words).split() if len(w) >= 3}


# --------------------------------------------------------------------------------------------
# clean

_BLANK, _BODY, _REMOVED, _SUMMARY = 0, 1, 2, 3


def _drop_menus(lines: list[str], kind: list[int], words: list[int], first_long: int, removed: list[str]) -> None:
    """Menus copied with the page: three or more lines in a row of one to three words each, no
    sentence among them, above the first paragraph or below the last ("أخبار", "سياسة", "اقتصاد")."""
    n = len(lines)
    last_long = next((i for i in range(n - 1, -1, -1) if words[i] >= 25), -1)
    # only the head (before the first paragraph) and the tail (after the last) are looked at
    for lo, hi in ((0, min(first_long, n)), (max(last_long + 1, first_long + 1), n)):
        run: list[int] = []
        for i in range(lo, hi + 1):
            if i < hi and kind[i] == _BODY and 1 <= words[i] <= 3 and not lines[i].endswith(_FINAL_PUNCT):
                run.append(i)
                continue
            if len(run) >= 3:
                for k in run:
                    kind[k] = _REMOVED
                    removed.append(lines[k])
            run = []


def clean(text: str, title: str | None = None) -> Cleaned:
    """Remove page furniture from ``text``; ``title`` is the page's title when known.

    The result's text starts with the title line (the given one, or the first line when it
    looks like a title), then the body; paragraphs are separated by blank lines.
    """
    fur = _furniture()
    removed: list[str] = []
    lines = _tidy(text, removed)
    n = len(lines)
    kind = [_BODY if x else _BLANK for x in lines]
    # (after _tidy, one space stands between words: counting spaces is splitting without the lists)
    words = [x.count(" ") + 1 if x else 0 for x in lines]

    # Blocks: runs of lines between blank lines; a text with no blank lines has one line a block.
    nonblank = [i for i in range(n) if kind[i] != _BLANK]
    has_blank = bool(nonblank) and any(kind[i] == _BLANK for i in range(nonblank[0], nonblank[-1]))
    block = [0] * n
    b = 0
    for i in range(n):
        if kind[i] == _BLANK or not has_blank:
            b += 1
        block[i] = b

    def next_nonblank(i: int) -> int | None:
        for j in range(i + 1, n):
            if kind[j] != _BLANK:
                return j
        return None

    first_long = next((i for i in range(n) if words[i] >= 25), n)
    published: str | None = None
    updated: str | None = None
    site_summary: list[str] = []
    summary_mode = summary_plain = False
    section_left = 0
    _drop_menus(lines, kind, words, first_long, removed)

    def drop(i: int) -> None:
        kind[i] = _REMOVED
        removed.append(lines[i])

    for i in range(n):
        if kind[i] == _BLANK:
            continue
        line = lines[i]
        if summary_mode:
            # bullets, or (a copy from the browser loses them) the sentences up to the next blank line
            bullet = _BULLET_RE.match(line)
            if bullet or (summary_plain and line.endswith(_FINAL_PUNCT) and words[i] <= 40
                          and i > 0 and kind[i - 1] != _BLANK):
                item = _BULLET_RE.sub("", line).strip()
                if item:
                    site_summary.append(item)
                kind[i] = _SUMMARY
                continue
            summary_mode = False
        if words[i] > 25 or (words[i] >= 12 and line.endswith(_FINAL_PUNCT)):
            # a paragraph (long, or a full sentence): none of the line rules below can apply
            section_left = 0
            continue
        folded = _fold_words(line)
        if section_left:
            if folded and words[i] <= 20 and (not line.endswith(_FINAL_PUNCT) or line.endswith(("؟", "?"))):
                section_left -= 1
                drop(i)
                continue
            section_left = 0
        if folded in fur.summary_markers:
            j = next_nonblank(i)
            if j is not None and (_BULLET_RE.match(lines[j]) or (
                    lines[j].endswith(_FINAL_PUNCT) and words[j] <= 40 and kind[j - 1] != _BLANK)):
                drop(i)
                summary_mode = True
                summary_plain = not _BULLET_RE.match(lines[j])
                continue
        if folded in fur.section_markers:
            drop(i)
            section_left = 15
            continue
        if not _HAS_WORD_RE.search(line) or folded in fur.lines:
            drop(i)
            continue
        fw = folded.split()
        if len(fw) <= 12 and _covered(fw, fur.lines, fur.max_words):
            drop(i)
            continue
        if _is_breadcrumb(line, words[i]) or (words[i] <= 10 and _WIDGET_RE.match(line)):
            # "الرئيسية / أخبار / سوريا", "إعداد: فريق التحرير", "#سوريا #حلب", "التعليقات (0)"
            drop(i)
            continue
        iso = _date_line(line)
        if not iso and "|" in line and words[i] <= 14:
            # "المدن - عرب وعالم | الجمعة 2024/12/06": the site, its section and the date on one line
            segs = [x.strip() for x in line.split("|")]
            dated = [d for d in map(_date_line, segs) if d]
            if dated and all(_date_line(x) or len(x.split()) <= 5 for x in segs):
                iso = dated[0]
        if iso:
            drop(i)
            if _UPDATE_RE.search(line):
                updated = updated or iso
            elif published is None:
                published = iso
            continue
        if words[i] <= 20 and folded.startswith(fur.prefixes):
            drop(i)
            continue
        if words[i] <= 6 and not _AR_LETTER_RE.search(line):
            drop(i)  # a short line with no Arabic letter (dates are read above): "English", "list 1 of 4"
            continue
        if _is_caption(line, words[i], fur.credits, i < first_long):
            drop(i)
            continue

    if published is None:
        published = updated  # only "آخر تحديث: ..." was printed: the best date the page gives
    body = [i for i in range(n) if kind[i] == _BODY]

    # Title.
    title_idx: int | None = None
    if title is not None:
        title = " ".join(title.split()) or None
    if title:
        ft = _fold_words(title)
        for k, i in enumerate(body[:5]):
            if _fold_words(lines[i]) == ft:
                if all(words[j] <= 8 for j in body[:k]):  # section labels printed above the title
                    for j in body[:k]:
                        drop(j)
                    title_idx = i
                break
    elif body:
        i = body[0]
        # a section label above the title ("أخبار سوريا", then the title in its own block)
        while words[i] <= 2 and len(body) > 1 and 3 <= words[body[1]] < 20 and block[body[1]] != block[i] \
                and not lines[body[1]].endswith(_TITLE_BAD_END):
            drop(i)
            body = body[1:]
            i = body[0]
        nxt = i + 1
        if (words[i] < 20 and not lines[i].endswith(_TITLE_BAD_END) and not _BULLET_RE.match(lines[i])
                and nxt < n and (kind[nxt] in (_BLANK, _REMOVED, _SUMMARY) or not has_blank)):
            title_idx = i
            title = lines[i]
    body = [i for i in range(n) if kind[i] == _BODY and i != title_idx]

    # Pull-quotes: short lines without a final period that the body repeats. Cheap substring
    # tests on the lightly folded lines pick the few paragraphs worth a full comparison.
    candidates = [i for i in body if 6 <= words[i] <= 30 and not lines[i].endswith(_FINAL_PUNCT)
                  and not _BULLET_RE.match(lines[i])]
    if candidates:
        light = {i: _fold(lines[i]) for i in body}
        full: dict[int, str] = {}

        def words_of(j: int) -> str:
            if j not in full:
                full[j] = f" {_NONWORD_RE.sub(' ', light[j]).strip()} "
            return full[j]

        first_para = next((i for i in body if words[i] >= 20
                           or (words[i] >= 8 and lines[i].endswith(_FINAL_PUNCT))), None)
        for i in candidates:
            fi = words_of(i)
            longest = max(fi.split(), key=len, default="")
            if any(longest in light[j] and fi in words_of(j)
                   for j in body if j != i and words[j] > words[i] and kind[j] == _BODY):
                drop(i)
                continue
            if first_para is None or i > first_para:
                continue
            mine = _stems(fi)
            need = 0.7 * len(mine)
            if len(mine) < 4:
                continue
            for j in body:
                if j >= first_para:
                    if (sum(1 for w in mine if w in light[j]) >= need
                            and len(mine & _stems(words_of(j))) >= need):
                        drop(i)
                        break
    body = [i for i in body if kind[i] == _BODY]

    # Headings: short lines alone in their block, between paragraphs of the body.
    per_block: dict[int, int] = {}
    for i in body:
        per_block[block[i]] = per_block.get(block[i], 0) + 1
    heading_idx: set[int] = set()
    for k, i in enumerate(body):
        if (0 < k < len(body) - 1 and 1 <= words[i] <= 5 and per_block[block[i]] == 1
                and not lines[i].endswith(_HEADING_BAD_END) and not _BULLET_RE.match(lines[i])
                and _HAS_WORD_RE.search(lines[i])):
            heading_idx.add(i)

    # Assemble, recording spans.
    parts: list[str] = []
    pos = 0
    title_span: tuple[int, int] | None = None
    headings: list[tuple[int, int]] = []
    if title and title_idx is None:
        parts.append(title)
        title_span = (0, len(title))
        pos = len(title)
    prev_block: int | None = -1 if parts else None
    order = ([title_idx] if title_idx is not None else []) + body
    for i in order:
        if prev_block is not None:
            sep = "\n" if block[i] == prev_block else "\n\n"
            parts.append(sep)
            pos += len(sep)
        start = pos
        parts.append(lines[i])
        pos += len(lines[i])
        if i == title_idx:
            title_span = (start, pos)
        elif i in heading_idx:
            headings.append((start, pos))
        prev_block = block[i]
    return Cleaned(
        text="".join(parts),
        title=title,
        published=published,
        site_summary=site_summary,
        headings=headings,
        removed=removed,
        title_span=title_span,
    )
