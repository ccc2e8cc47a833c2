"""Dates in Arabic news text, resolved against the publication date.

``find_dates(text, published)`` works on a *normalised* text (``normalize(raw).text``) and
returns ``DateMention`` objects (offsets into that string, sorted, non-overlapping: where two
readings overlap, the one starting first and then the longest wins, so "الخميس 5 ديسمبر" is one
absolute mention). A handful of compiled regular expressions, built once at import from the
calendar tables below, each feed candidates; a little Python resolves each one with ``datetime``.

What is recognised, and the decisions taken:

* Gregorian dates with Arabic (يناير...) or Levantine (كانون الثاني...) month names, with or
  without the day, paired names ("12 تموز (يوليو)", "آذار/مارس"), day numbers in digits, as
  "الـ27" or as ordinal words ("في العاشر من تموز"). A day and a month give precision 1.
* Month alone (precision 3): the date is the 15th, or the 1st for مطلع/أوائل/بداية, the last day
  for أواخر/نهاية/آخر; when that falls after the publication day in the publication month, the
  publication day. A bare month needs a cue (a year, "شهر", "في"/"منذ"/"خلال"..., a pair or a
  qualifier) since "مارس" is also a verb and "آب" a noun.
* Year rule: with no year, the publication year, or the year before when that would put the date
  more than 62 days after publication. "الماضي"/"المنصرم" after the month mean its last
  occurrence before the publication month, "الجاري"/"الحالي" the publication year, "من العام
  الماضي" the year before. Such dates are ``relative`` (they needed the publication date).
* Numeric dates, day first: "06/12/2024", "6-12-2024", "6.12.2024"; ISO "2024-12-06".
* Hijri dates with a day ("5 جمادى الآخرة 1446 هـ"), converted with ``hijridate``; without a year,
  the Hijri year of publication (same 62-day rule). "صفر" needs a year or "هـ" (it means zero).
* Weekdays, with or without يوم/صباح/ظهر/مساء/ليلة/فجر: the most recent such day on or before
  publication, so a weekday equal to the publication day's is that day (news agencies name the
  day of the report itself), and "الخميس الماضي" is strictly before (7 days back on a Thursday).
  "امس الاثنين"/"اليوم (الجمعة)" take the most recent such weekday on or before yesterday/today.
* "ليلة الثلاثاء" is dated to the Tuesday itself with part "night" (in Arabic the night is named
  after the day it leads into; the scorer allows one day either way). "ليل السبت - الأحد" is the
  second day. Parts: صباح/ضحى morning, ظهر/ظهيرة/عصر noon, مساء evening, ليلة/ليل/منتصف الليل
  night, فجر dawn.
* أمس/البارحة -1, أول أمس/أمس الأول -2, اليوم 0 (precision 1); الليلة الماضية -1 night;
  "منذ 4 أيام"/"منذ أربعة أيام"/"قبل يومين" -n days, precision 1 up to 3 days and 2 beyond;
  "منذ أسبوع"/"الأسبوع الماضي" -7 (2); "منذ شهر" -30 (3); hours ago: that day (1); "منذ أيام",
  "خلال الأيام الماضية", "هذا الأسبوع": publication day, precision 2; "الشهر الماضي"/"الجاري",
  "مطلع الشهر": that month (3); "الـ27 من الشهر الماضي": that day (1).
* Anaphoric dates ("في اليوم ذاته", "اليوم التالي", "الـ12 من الشهر نفسه", "قبل يومين من")
  are reported with ``relative=True`` and ``date=None``: only the date of an earlier mention
  resolves them; ``resolve_anaphora(mention, previous)`` does that for the caller.
* With ``published=None`` relative dates are still reported with ``date=None``; absolute ones
  keep their date. Years alone ("عام 2014", "العام الماضي") are not dates here (precision 3 is
  ACLED's coarsest); ``numbers`` reports them with kind "year".

``parse_published(text)`` finds a publication-date line among the first lines of an article.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from datetime import date, timedelta

import ahocorasick
from hijridate import Gregorian, Hijri

from marsad.model import DateMention
from marsad.text.normalize import norm, normalize
from marsad.text.numbers import CARDINAL_WORD_PATTERN, parse_number_words

__all__ = [
    "MONTH_PATTERN",
    "find_dates",
    "parse_published",
    "resolve_anaphora",
]

_GREGORIAN = {
    "يناير": 1, "كانون الثاني": 1, "فبراير": 2, "شباط": 2, "مارس": 3, "آذار": 3,
    "أبريل": 4, "إبريل": 4, "أفريل": 4, "نيسان": 4, "مايو": 5, "أيار": 5, "يونيو": 6, "يونيه": 6,
    "حزيران": 6, "يوليو": 7, "يوليه": 7, "تموز": 7, "أغسطس": 8, "آب": 8, "سبتمبر": 9, "أيلول": 9,
    "أكتوبر": 10, "تشرين الأول": 10, "نوفمبر": 11, "تشرين الثاني": 11, "ديسمبر": 12,
    "كانون الأول": 12,
}
_HIJRI = {
    "محرم": 1, "صفر": 2, "ربيع الأول": 3, "ربيع الثاني": 4, "ربيع الآخر": 4, "جمادى الأولى": 5,
    "جمادى الأول": 5, "جمادى الآخرة": 6, "جمادى الثانية": 6, "جمادى الآخر": 6, "جمادى الثاني": 6,
    "رجب": 7, "شعبان": 8, "رمضان": 9, "شوال": 10, "ذو القعدة": 11, "ذي القعدة": 11,
    "ذو الحجة": 12, "ذي الحجة": 12,
}
_WEEKDAYS = {  # datetime.weekday(): Monday is 0
    "الاثنين": 0, "الإثنين": 0, "الثلاثاء": 1, "الأربعاء": 2, "الخميس": 3, "الجمعة": 4, "السبت": 5,
    "الأحد": 6,
}
_PARTS = {
    "صباح": "morning", "ضحى": "morning", "ظهر": "noon", "ظهيرة": "noon", "عصر": "noon",
    "مساء": "evening", "عشية": "evening", "ليلة": "night", "ليل": "night", "فجر": "dawn",
}
_ORDINAL_UNITS = ["الأول", "الثاني", "الثالث", "الرابع", "الخامس", "السادس", "السابع", "الثامن",
                  "التاسع", "العاشر"]


def _ordinal_days() -> dict[str, int]:
    days = {w: i + 1 for i, w in enumerate(_ORDINAL_UNITS)}
    days["أول"] = 1  # "أول أيار" is 1 May
    units = ["الحادي"] + _ORDINAL_UNITS[1:9]
    for i, w in enumerate(units):
        days[f"{w} عشر"] = 11 + i
        days[f"{w} والعشرين"] = 21 + i
    days["العشرين"] = 20
    days["الثلاثين"] = 30
    days["الحادي والثلاثين"] = 31
    return days


def _normed(table: dict[str, int | str]) -> dict:
    return {norm(k): v for k, v in table.items()}


_GREG_N: dict[str, int] = _normed(_GREGORIAN)
_HIJRI_N: dict[str, int] = _normed(_HIJRI)
_WD_N: dict[str, int] = _normed(_WEEKDAYS)
_PART_N: dict[str, str] = _normed(_PARTS)
_ORDD_N: dict[str, int] = _normed(_ordinal_days())


def _alt(words: object) -> str:
    return "|".join(
        r"\s+".join(re.escape(p) for p in w.split()) for w in sorted(words, key=len, reverse=True)
    )


MONTH_PATTERN: str = _alt(list(_GREG_N) + list(_HIJRI_N))
"""Regex source (no groups) of every normalised month name, Gregorian, Levantine and Hijri."""

_NOT_LETTER = r"(?![^\W\d_])"  # a digit may follow: "مارس2011"
_M = f"(?:{_alt(_GREG_N)}){_NOT_LETTER}"
_HM = f"(?:{_alt(_HIJRI_N)}){_NOT_LETTER}"
_WD = f"(?:{_alt(_WD_N)}){_NOT_LETTER}"
_ORDD = f"(?:{_alt(_ORDD_N)})"
_PART = rf"(?:(?:بعد\s+)?(?:منتصف\s+)?(?P<part>{_alt(_PART_N)})\s+)?"
_DAY = rf"(?:ال\s*)?(?P<day>\d{{1,2}}(?!\d)|{_ORDD}(?!\w))"
_WD_PREFIX = rf"(?:يوم\s+)?(?:(?P<wd>{_WD})\s*[,،]?\s*)?"
def _rx(src: str) -> re.Pattern[str]:
    """Compile a pattern written with natural Arabic spelling, normalised like the text."""
    return re.compile(norm(src))


def _nset(*words: str) -> frozenset[str]:
    return frozenset(norm(w) for w in words)


_MREL = r"الجاري|الحالي|الماضي|المنصرم|الفائت|المقبل|القادم"
_YEAR_TAIL = (
    r"(?:\s*[,،]?\s*(?:(?:من\s+)?(?:عام|العام|سنة|السنة)\s+)?(?P<year>\d{4})(?!\d)(?:\s*م(?!\w))?"
    r"|\s+(?:من\s+)?(?:العام|السنة)\s+(?P<yrel>الجاري|الحالي|الماضي|المنصرم|المقبل|القادم)"
    r"|\s+(?:من\s+)?(?P<ythis>هذا\s+العام|هذه\s+السنة)"
    rf"|\s+(?P<mrel>{_MREL})(?!\w))?"
)
_MONTH_EXPR = rf"(?:شهر\s+)?(?P<mon>{_M})(?:\s*\(\s*(?P<mon2>{_M})\s*\)|\s*[-/–]\s*(?P<mon3>{_M}))?"
_POS = r"مطلع|أوائل|بداية|منتصف|أواسط|أواخر|نهاية|آخر"
_LEAD = r"(?<!\w)[وف]?"

# Day, month and maybe year: "06 ديسمبر 2024", "الخميس 5 كانون الأول", "في العاشر من تموز".
_DMY_RE = _rx(
    _LEAD + rf"(?P<x>{_PART}{_WD_PREFIX}{_DAY}\s*(?:من\s+)?{_MONTH_EXPR}{_YEAR_TAIL})"
)
# Month and maybe year: "ديسمبر 2024", "أوائل مايو (أيار) من العام الحالي", "في يوليو".
_MY_RE = _rx(
    rf"(?<!\w)(?:[وف]?(?P<cue>في|منذ|خلال|حتى|قبل|بعد|طوال|إبان|أثناء)\s+)?"
    rf"(?P<x>(?:(?P<pos>{_POS})\s+)?(?P<shahr>شهر\s+)?(?P<mon>{_M})"
    rf"(?:\s*\(\s*(?P<mon2>{_M})\s*\)|\s*[-/–]\s*(?P<mon3>{_M}))?{_YEAR_TAIL})"
)
# Day of a month named relatively: "الـ27 من الشهر الماضي", "العاشر من الشهر الحالي".
_DREL_RE = _rx(
    _LEAD + rf"(?P<x>{_PART}{_WD_PREFIX}{_DAY}\s+من\s+(?:(?P<this>هذا)\s+)?الشهر"
    rf"(?:\s+(?P<rel>{_MREL}|نفسه|ذاته)(?!\w))?)"
)
# A month named relatively: "الشهر الماضي", "منذ مطلع الشهر", "أواخر الشهر الجاري".
_RELM_RE = _rx(
    _LEAD + rf"(?P<x>(?:(?P<pos>{_POS})\s+)?(?:(?P<this>هذا)\s+)?(?:ال)?شهر"
    rf"(?:\s+(?P<rel>{_MREL}|نفسه|ذاته))?)(?!\w)"
)
# Hijri: "5 جمادى الآخرة 1446 هـ".
_HIJ_RE = _rx(
    _LEAD + rf"(?P<x>{_PART}{_WD_PREFIX}{_DAY}\s*(?:من\s+)?(?:شهر\s+)?(?P<hm>{_HM})"
    r"(?:\s*[,،]?\s*(?:(?:من\s+)?(?:عام|العام|سنة)\s+)?(?P<year>\d{4})(?!\d))?"
    r"(?:\s*(?P<mark>هـ|هجري|هجرية|للهجرة)(?!\w))?)"
)
# Numeric, day first or ISO.
_NUM_RE = re.compile(
    r"(?<![\d.,/-])(?P<x>(?P<y1>\d{4})(?P<s1>[-/.])(?P<m1>\d{1,2})(?P=s1)(?P<d1>\d{1,2})"
    r"|(?P<d2>\d{1,2})(?P<s2>[-/.])(?P<m2>\d{1,2})(?P=s2)(?P<y2>\d{4}))(?!\d)"
)
# Weekdays: "يوم الخميس", "ظهر الخميس", "ليلة الثلاثاء", "الخميس الماضي", "ليل السبت - الأحد".
_WD_RE = _rx(
    _LEAD + rf"(?P<x>{_PART}(?:يوم\s+)?(?P<wd>{_WD})(?:\s*[-–/]\s*(?P<wdb>{_WD})|\s+(?:على|إلى)\s+"
    rf"(?P<wdc>{_WD}))?(?:\s+(?P<rel>(?:قبل\s+)?الماضية?|المنصرمة?|الفائتة?|المقبلة?|القادمة?)(?!\w))?)"
)
# Yesterday, today and the like: "أمس", "صباح اليوم", "أول أمس", "أمس (الاثنين)", "الليلة الماضية".
_RELD_RE = _rx(
    _LEAD + rf"(?P<x>{_PART}(?:يوم\s+)?(?:"
    r"(?P<d2>أول\s+أمس|أول\s+من\s+أمس|أمس\s+الأول|البارحة\s+الأولى)"
    r"|(?P<d1>أمس|البارحة)"
    r"|(?P<n2>الليلة?\s+قبل\s+الماضية?)"
    r"|(?P<n1>الليلة\s+الماضية|الليلة\s+البارحة)"
    r"|(?P<d0>اليوم)"
    rf")(?!\w)(?:\s+(?P<wd>{_WD})|\s*\(\s*(?P<wd2>{_WD})\s*\))?)"
)
# Ago: "منذ 4 أيام", "منذ أربعة أيام", "قبل يومين", "منذ أسبوع", "منذ نحو عشرة أيام".
_AGO_RE = _rx(
    _LEAD + r"(?P<x>(?P<ago>منذ|قبل)\s+(?:(?:نحو|حوالي|قرابة|زهاء|أكثر\s+من|ما\s+يقارب|ما\s+يزيد\s+عن)\s+)?"
    rf"(?:(?P<n>\d+|(?:{CARDINAL_WORD_PATTERN})(?:\s+و?(?:{CARDINAL_WORD_PATTERN}))*)\s+)?"
    r"(?P<unit>ساعات|ساعة|ساعتين|ساعتان|يومين|يومان|يوما|يوم|أيام|أسبوعين|أسبوعان|أسبوعا|أسبوع|"
    r"أسابيع|شهرين|شهران|شهرا|شهر|أشهر|شهور)(?!\w)"
    # "قبل يومين من الهجوم": counted from another event, not from publication.
    r"(?P<from>\s+من\s+(?:ذلك|تاريخ|موعد|بدء|بداية|انطلاق|اندلاع|وقوع|حدوث|إعلان|الإعلان|الهجوم"
    r"|الحادث|الانفجار|المعركة|الاتفاق|المجزرة|سقوط|مقتل|اغتيال)(?!\w))?)"
)
# Periods: "خلال الأيام الماضية", "الأسبوع الماضي", "هذا الأسبوع", "الساعات الماضية".
_PERIOD_RE = _rx(
    _LEAD + r"(?P<x>(?:خلال\s+)?(?:"
    r"(?P<hours>ال\s*\d+\s+ساعة\s+(?:الماضية|الأخيرة)|الساعات\s+(?:القليلة\s+)?(?:الماضية|الأخيرة))"
    r"|(?P<days>(?:ال)?أيام\s+(?:القليلة\s+)?(?:الماضية|الأخيرة|المنصرمة))"
    r"|(?:(?P<wpos>مطلع|بداية|نهاية|أواخر|منتصف)\s+)?(?:(?P<wthis>هذا)\s+)?الأسبوع"
    r"(?:\s+(?P<wrel>الماضي|المنصرم|الفائت|قبل\s+الماضي|الجاري|الحالي|المقبل|القادم))?"
    r"))(?!\w)"
)
# Anaphoric: "في اليوم ذاته", "اليوم التالي", "صباح اليوم التالي", "اليوم السابق".
_ANA_RE = _rx(
    _LEAD + rf"(?P<x>(?:(?:في|خلال)\s+)?{_PART}(?:"
    r"(?P<same>(?:اليوم|الليلة|النهار|الوقت)\s+(?:ذاته|نفسه)|نفس\s+(?:اليوم|الليلة|الوقت)"
    r"|ذلك\s+اليوم|تلك\s+الليلة)"
    r"|(?P<next>اليوم\s+التالي|اليوم\s+الذي\s+تلاه|الليلة\s+التالية|غداة)"
    r"|(?P<prev>اليوم\s+السابق|الليلة\s+السابقة|اليوم\s+الذي\s+سبقه)"
    r"))(?!\w)"
)

_PAST = _nset("الماضي", "المنصرم", "الفائت")
_CURRENT = _nset("الجاري", "الحالي")
_FUTURE = _nset("المقبل", "القادم")
_SAME = _nset("نفسه", "ذاته")
_MONTH_START = _nset("مطلع", "أوائل", "بداية")
_MONTH_END = _nset("أواخر", "نهاية", "آخر")
_BEFORE_LAST = norm("قبل")
_HOURS = _nset("ساعة", "ساعات", "ساعتين", "ساعتان")
_DUAL_UNITS = _nset("يومين", "يومان", "ساعتين", "ساعتان", "أسبوعين", "أسبوعان", "شهرين", "شهران")
_PLURAL_UNITS = _nset("أيام", "أسابيع", "أشهر", "شهور", "ساعات")
_SLACK = timedelta(days=62)
_WS = re.compile(r"\s+")


def _k(s: str) -> str:
    return _WS.sub(" ", s)


def _iso(d: date | None) -> str | None:
    return d.isoformat() if d else None


def _part(m: re.Match[str]) -> str | None:
    p = m.groupdict().get("part")
    return _PART_N.get(p) if p else None


def _day_value(s: str) -> int:
    return int(s) if s.isdigit() else _ORDD_N[_k(s)]


def _month_of(m: re.Match[str]) -> tuple[int, int]:
    """Month number, and -1 or the end of the first month when a pair names two different months
    (a range, "نيسان - آب": keep the first)."""
    mon = _GREG_N[_k(m.group("mon"))]
    other = m.group("mon2") or m.group("mon3")
    if other is not None and _GREG_N[_k(other)] != mon:
        return mon, m.end("mon")
    return mon, -1


def _year_for(m: re.Match[str], month: int, day: int, pub: date | None) -> tuple[int | None, bool]:
    """(year, relative) from the year tail of a match, or from the publication date."""
    year = m.group("year")
    if year:
        return int(year), False
    if pub is None:
        return None, True
    yrel, mrel = m.group("yrel"), m.group("mrel")
    if m.group("ythis") or (yrel and yrel in _CURRENT):
        return pub.year, True
    if yrel:
        return pub.year + (-1 if yrel in _PAST else 1), True
    if mrel in _CURRENT:
        return pub.year, True
    if mrel in _PAST:
        return (pub.year if month < pub.month else pub.year - 1), True
    if mrel in _FUTURE:
        return (pub.year if month > pub.month else pub.year + 1), True
    try:
        cand = date(pub.year, month, min(day, calendar.monthrange(pub.year, month)[1]))
    except ValueError:
        return None, True
    return (pub.year - 1 if cand > pub + _SLACK else pub.year), True


def _month_day(year: int, month: int, pos: str | None, pub: date | None) -> date:
    """The date standing for a month (precision 3): 15th, 1st or last day by ``pos``."""
    last = calendar.monthrange(year, month)[1]
    if pos in _MONTH_START:
        d = date(year, month, 1)
    elif pos in _MONTH_END:
        d = date(year, month, last)
    else:
        d = date(year, month, 15)
    if pub is not None and (d.year, d.month) == (pub.year, pub.month) and d > pub:
        d = max(pub, date(year, month, 1))
    return d


def _span(m: re.Match[str], end: int = -1) -> tuple[int, int]:
    s, e = m.span("x")
    return s, (end if end > 0 else e)


def _mk(text: str, s: int, e: int, d: date | None, precision: int, relative: bool,
        part: str | None = None) -> DateMention:
    return DateMention(s, e, text[s:e], _iso(d), precision, relative, part)


def _weekday_back(base: date, wd: int) -> date:
    """The most recent date with weekday ``wd`` on or before ``base``."""
    return base - timedelta(days=(base.weekday() - wd) % 7)


# --- handlers: one per regex, each returns a mention or None to reject the match ---------------

def _h_dmy(m: re.Match[str], text: str, pub: date | None) -> DateMention | None:
    month, range_end = _month_of(m)
    day = _day_value(m.group("day"))
    year, relative = _year_for(m, month, day, pub)
    s, e = _span(m, range_end)
    if year is None:
        return _mk(text, s, e, None, 1, True, _part(m)) if 1 <= day <= 31 else None
    try:
        d = date(year, month, day)
    except ValueError:
        return None
    return _mk(text, s, e, d, 1, relative, _part(m))


def _h_my(m: re.Match[str], text: str, pub: date | None) -> DateMention | None:
    has_tail = any(m.group(g) for g in ("year", "yrel", "ythis", "mrel"))
    paired = m.group("mon2") or m.group("mon3")
    if not (has_tail or paired or m.group("shahr") or m.group("pos") or m.group("cue")):
        return None
    month, range_end = _month_of(m)
    year, relative = _year_for(m, month, 1, pub)
    s, e = _span(m, range_end)
    if year is None:
        return _mk(text, s, e, None, 3, True)
    return _mk(text, s, e, _month_day(year, month, m.group("pos"), pub), 3, relative)


def _h_drel(m: re.Match[str], text: str, pub: date | None) -> DateMention | None:
    day = _day_value(m.group("day"))
    rel = m.group("rel")
    s, e = _span(m)
    if rel in _SAME or pub is None:
        return _mk(text, s, e, None, 1, True, _part(m))
    y, mo = pub.year, pub.month
    if rel in _PAST:
        y, mo = (y, mo - 1) if mo > 1 else (y - 1, 12)
    elif rel in _FUTURE:
        y, mo = (y, mo + 1) if mo < 12 else (y + 1, 1)
    try:
        return _mk(text, s, e, date(y, mo, day), 1, True, _part(m))
    except ValueError:
        return None


def _h_relm(m: re.Match[str], text: str, pub: date | None) -> DateMention | None:
    rel, pos, this = m.group("rel"), m.group("pos"), m.group("this")
    if not (rel or this or (pos and m.group("x").endswith("الشهر"))):
        return None
    s, e = _span(m)
    if rel in _SAME or pub is None:
        return _mk(text, s, e, None, 3, True)
    y, mo = pub.year, pub.month
    if rel in _PAST:
        y, mo = (y, mo - 1) if mo > 1 else (y - 1, 12)
    elif rel in _FUTURE:
        y, mo = (y, mo + 1) if mo < 12 else (y + 1, 1)
    return _mk(text, s, e, _month_day(y, mo, pos, pub), 3, True)


def _h_hij(m: re.Match[str], text: str, pub: date | None) -> DateMention | None:
    month = _HIJRI_N[_k(m.group("hm"))]
    day = _day_value(m.group("day"))
    year = m.group("year")
    if month == 2 and not (year or m.group("mark")):
        return None  # "صفر" is also zero
    s, e = _span(m)
    try:
        if year:
            return _mk(text, s, e, Hijri(int(year), month, day).to_gregorian(), 1, False, _part(m))
        if pub is None:
            return _mk(text, s, e, None, 1, True, _part(m))
        hy = Gregorian(pub.year, pub.month, pub.day).to_hijri().year
        d = Hijri(hy, month, day).to_gregorian()
        if d > pub + _SLACK:
            d = Hijri(hy - 1, month, day).to_gregorian()
        return _mk(text, s, e, d, 1, True, _part(m))
    except (ValueError, OverflowError):
        return None


def _h_num(m: re.Match[str], text: str, pub: date | None) -> DateMention | None:
    if m.group("y1"):
        y, mo, d = int(m.group("y1")), int(m.group("m1")), int(m.group("d1"))
    else:
        y, mo, d = int(m.group("y2")), int(m.group("m2")), int(m.group("d2"))
    try:
        when = date(y, mo, d)
    except ValueError:
        return None
    s, e = _span(m)
    return _mk(text, s, e, when, 1, False)


def _h_wd(m: re.Match[str], text: str, pub: date | None) -> DateMention | None:
    s, e = _span(m)
    part = _part(m)
    second = m.group("wdb") or m.group("wdc")
    name = second if second and part == "night" else m.group("wd")
    if pub is None:
        return _mk(text, s, e, None, 1, True, part)
    wd = _WD_N[name]
    rel = m.group("rel")
    if rel and rel.endswith("ه"):
        rel = rel[:-1]  # "الجمعة الماضية"
    if rel in _FUTURE:
        d = pub + timedelta(days=(wd - pub.weekday()) % 7 or 7)  # "الخميس المقبل": strictly after
    else:
        d = _weekday_back(pub, wd)
        if rel is not None:
            if d == pub:
                d -= timedelta(days=7)
            if rel.startswith(_BEFORE_LAST):
                d -= timedelta(days=7)
    return _mk(text, s, e, d, 1, True, part)


def _h_reld(m: re.Match[str], text: str, pub: date | None) -> DateMention | None:
    s, e = _span(m)
    part = _part(m)
    wd = m.group("wd") or m.group("wd2")
    if m.group("d0") and not wd and re.match(r"\s+ال", text[e:e + 4]):
        return None  # "اليوم الثالث", "اليوم العالمي"
    if m.group("d2"):
        back = 2
    elif m.group("d1"):
        back = 1
    elif m.group("n1"):
        back, part = 1, "night"
    elif m.group("n2"):
        back, part = 2, "night"
    else:
        back = 0
    if pub is None:
        return _mk(text, s, e, None, 1, True, part)
    d = pub - timedelta(days=back)
    if wd:
        d = _weekday_back(d, _WD_N[wd])
    return _mk(text, s, e, d, 1, True, part)


_UNIT_DAYS = _normed({
    "ساعة": 0, "ساعات": 0, "ساعتين": 0, "ساعتان": 0, "يوم": 1, "يوما": 1, "أيام": 1, "يومين": 2,
    "يومان": 2, "أسبوع": 7, "أسبوعا": 7, "أسابيع": 7, "أسبوعين": 14, "أسبوعان": 14, "شهر": 30,
    "شهرا": 30, "أشهر": 30, "شهور": 30, "شهرين": 60, "شهران": 60,
})


_AGO_STOP_RE = re.compile(rf"\s+(?:{MONTH_PATTERN}|{_WD}|ال)")


def _h_ago(m: re.Match[str], text: str, pub: date | None) -> DateMention | None:
    unit, n_text = m.group("unit"), m.group("n")
    per = _UNIT_DAYS[unit]
    if n_text:
        n = int(n_text) if n_text.isdigit() else parse_number_words(_k(n_text))
        if n is None or unit in _DUAL_UNITS:
            return None
    else:
        n = None if unit in _PLURAL_UNITS else 1
        if _AGO_STOP_RE.match(text, m.end("x")):
            return None  # "قبل شهر رمضان", "منذ يوم الاثنين"
    s, e = _span(m)
    if per == 30:
        precision = 3
    elif per == 0:
        precision = 1
    elif per == 7 or n is None:
        precision = 2
    else:
        precision = 1 if n * per <= 3 else 2
    if (m.group("from") and m.group("ago") == "قبل") or pub is None:
        return _mk(text, s, e, None, precision, True)  # "قبل يومين من الهجوم": anaphoric
    if unit in _HOURS:
        d = pub - timedelta(days=(n or 0) // 24)
    elif n is None:
        d = pub
    else:
        d = pub - timedelta(days=n * per)
    return _mk(text, s, e, d, precision, True)


def _h_period(m: re.Match[str], text: str, pub: date | None) -> DateMention | None:
    s, e = _span(m)
    if m.group("hours"):
        back, precision = 0, 1
    elif m.group("days"):
        back, precision = 0, 2
    else:
        rel = m.group("wrel")
        if not (rel or m.group("wthis") or m.group("wpos")):
            return None
        precision = 2
        if rel is None or rel in _CURRENT:
            back = 0
        elif rel in _FUTURE:
            back = -7
        else:
            back = 14 if rel.startswith(_BEFORE_LAST) else 7
    if pub is None:
        return _mk(text, s, e, None, precision, True)
    return _mk(text, s, e, pub - timedelta(days=back), precision, True)


def _h_ana(m: re.Match[str], text: str, pub: date | None) -> DateMention | None:
    s, e = _span(m)
    return _mk(text, s, e, None, 1, True, _part(m))


_Handler = Callable[[re.Match[str], str, "date | None"], "DateMention | None"]
_PASSES: list[tuple[re.Pattern[str], _Handler]] = [
    (_DMY_RE, _h_dmy), (_MY_RE, _h_my), (_DREL_RE, _h_drel), (_RELM_RE, _h_relm), (_HIJ_RE, _h_hij),
    (_NUM_RE, _h_num), (_WD_RE, _h_wd), (_RELD_RE, _h_reld), (_AGO_RE, _h_ago),
    (_PERIOD_RE, _h_period), (_ANA_RE, _h_ana),
]
_DMY, _MY, _DREL, _RELM, _HIJ, _NUM, _WDP, _RELD, _AGO, _PERIOD, _ANA = range(len(_PASSES))


def _anchors() -> dict[str, tuple[int, ...]]:
    """Key words (matched anywhere, even inside a word) and the passes each one calls for."""
    table: dict[str, set[int]] = {}

    def add(words: object, *passes: int) -> None:
        for w in words:
            table.setdefault(w, set()).update(passes)

    add({k.split()[0] for k in _GREG_N}, _DMY, _MY)
    # "ذو"/"ذي" occur inside many words ("الذي"): the Hijri months 11 and 12 key on their 2nd word.
    add({k.split()[0] for k in _HIJRI_N if len(k.split()[0]) > 2} | _nset("القعدة", "الحجة"), _HIJ)
    add(_WD_N, _WDP)
    add(["شهر"], _DREL, _RELM)
    add(_nset("أمس", "البارحة", "اليوم", "الليل"), _RELD)
    add(["منذ", "قبل"], _AGO)
    add(_nset("الأسبوع", "أيام", "ساع"), _PERIOD)
    add(_nset("اليوم", "الليلة", "الوقت", "النهار", "غداة"), _ANA)
    # The scan reports the longest key word at a place: give it the passes of those inside it.
    return {k: tuple(sorted(set().union(*(v2 for k2, v2 in table.items() if k2 in k))))
            for k in table}


_ANCHORS = _anchors()


def _anchor_automaton() -> ahocorasick.Automaton:
    """The key words as one Aho-Corasick automaton: a scan in C instead of a large regex."""
    auto = ahocorasick.Automaton()
    for word, passes in _ANCHORS.items():
        auto.add_word(word, (len(word), passes))
    auto.make_automaton()
    return auto


_ANCHOR_AUTO = _anchor_automaton()
_NUM_ANCHOR_RE = re.compile(r"\d[-/.]\d")
_BEFORE, _AFTER = 32, 56  # window around an anchor: enough for "بعد منتصف ليل يوم الخميس 12 "


_CLITIC_LETTERS = frozenset("وفبلكال")


def _at_word_start(text: str, start: int) -> bool:
    """A key word starts a word, or follows only proclitics ("وأمس", "بالخميس"): not "الارهاب"."""
    i = start
    while i > 0 and start - i <= 3 and text[i - 1].isalpha():
        if text[i - 1] not in _CLITIC_LETTERS:
            return False
        i -= 1
    return i == 0 or not text[i - 1].isalpha()


def find_dates(text: str, published: date | None) -> list[DateMention]:
    """Every date expression of a normalised ``text``, resolved against ``published``.

    One scan finds key words (month and weekday names, أمس, منذ, شهر...); each pass then runs
    only in small windows around its key words, so a long article costs little more than a scan.
    """
    n = len(text)
    windows: dict[int, list[list[int]]] = {}

    def open_window(p: int, a: int, b: int) -> None:
        spans = windows.setdefault(p, [])
        if spans and a <= spans[-1][1]:
            spans[-1][1] = max(spans[-1][1], b)
        else:
            spans.append([a, b])

    # key words may also be found inside longer words: that only opens a window the passes then
    # search and find nothing in, so the result is the same as with whole words
    found = sorted((max(0, end + 1 - length - _BEFORE), min(n, end + 1 + _AFTER), passes)
                   for end, (length, passes) in _ANCHOR_AUTO.iter(text)
                   if _at_word_start(text, end + 1 - length))
    for a, b, passes in found:
        for p in passes:
            open_window(p, a, b)
    for m in _NUM_ANCHOR_RE.finditer(text):
        open_window(_NUM, max(0, m.start() - 6), min(n, m.end() + 12))
    cands: dict[tuple[int, int], DateMention] = {}
    for p, spans in windows.items():
        rx, handler = _PASSES[p]
        for a, b in spans:
            for m in rx.finditer(text, a, b):
                dm = handler(m, text, published)
                if dm is not None and dm.end > dm.start:
                    cands.setdefault((dm.start, dm.end), dm)
    out: list[DateMention] = []
    last_end = -1
    for key in sorted(cands, key=lambda k: (k[0], -k[1])):
        if key[0] >= last_end:
            out.append(cands[key])
            last_end = key[1]
    return out



def resolve_anaphora(mention: DateMention, previous: date) -> date | None:
    """Resolve an anaphoric mention ("في اليوم ذاته", "اليوم التالي", "الـ12 من الشهر نفسه",
    "قبل يومين من") against the date of the event mentioned before it; None if not anaphoric."""
    if mention.date is not None:
        return None
    t = mention.text
    m = _ANA_RE.fullmatch(t)
    if m:
        if m.group("same"):
            return previous
        return previous + timedelta(days=1 if m.group("next") else -1)
    m = _DREL_RE.fullmatch(t)
    if m and m.group("rel") in _SAME:
        try:
            return previous.replace(day=_day_value(m.group("day")))
        except ValueError:
            return None
    m = _RELM_RE.fullmatch(t)
    if m and m.group("rel") in _SAME:
        return previous
    m = _AGO_RE.fullmatch(t)
    if m and m.group("from") and m.group("ago") == norm("قبل"):
        dm = _h_ago(m, t, None)
        n = m.group("n")
        count = (int(n) if n.isdigit() else parse_number_words(_k(n)) or 1) if n else 1
        per = _UNIT_DAYS[m.group("unit")]
        return previous - timedelta(days=count * per) if dm is not None else None
    return None


_LETTER_WORD_RE = re.compile(r"[^\W\d_]+")


def parse_published(text: str) -> date | None:
    """The publication date of an article, from a short line among its first lines that holds
    only a full date ("06 ديسمبر 2024", "2024-12-06", "الجمعة 6 كانون الأول 2024", "نشر في: ...").

    ``text`` may be raw or normalised; None when no such line is found.
    """
    for line in text.splitlines()[:30]:
        line = normalize(line).text.strip()
        if not line or len(line) > 80 or not any(c.isdigit() for c in line):
            continue
        for dm in find_dates(line, None):
            if dm.date is None or dm.relative or dm.precision != 1:
                continue
            rest = line[:dm.start] + " " + line[dm.end:]
            if len(_LETTER_WORD_RE.findall(rest)) <= 4:
                return date.fromisoformat(dm.date)
    return None
