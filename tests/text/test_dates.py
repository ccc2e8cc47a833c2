"""Tests for marsad.text.dates: absolute, relative, Hijri and anaphoric dates resolved against the
publication date. All sentences are written for these tests."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from marsad.model import DateMention
from marsad.text.dates import find_dates, parse_published, resolve_anaphora
from marsad.text.normalize import norm, normalize

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"
FRIDAY = date(2024, 12, 6)  # a Friday


def dates(s: str, published: date | None = FRIDAY) -> tuple[str, list[DateMention]]:
    text = normalize(s).text
    return text, find_dates(text, published)


def one(s: str, published: date | None = FRIDAY) -> DateMention:
    _, found = dates(s, published)
    assert len(found) == 1, found
    return found[0]


def with_text(found: list[DateMention], written: str) -> DateMention:
    key = norm(written)
    hits = [m for m in found if m.text == key]
    assert hits, (key, found)
    return hits[0]


def assert_well_formed(text: str, found: list[DateMention]) -> None:
    last_end = -1
    for m in found:
        assert m.start >= last_end, "sorted and non-overlapping"
        assert text[m.start:m.end] == m.text
        last_end = m.end


# --- absolute Gregorian dates -------------------------------------------------------------------

@pytest.mark.parametrize(
    ("month", "number"),
    [("يناير", 1), ("كانون الثاني", 1), ("فبراير", 2), ("شباط", 2), ("مارس", 3), ("آذار", 3),
     ("أبريل", 4), ("ابريل", 4), ("نيسان", 4), ("مايو", 5), ("أيار", 5), ("يونيو", 6), ("يونيه", 6),
     ("حزيران", 6), ("يوليو", 7), ("يوليه", 7), ("تموز", 7), ("أغسطس", 8), ("اغسطس", 8), ("آب", 8),
     ("سبتمبر", 9), ("أيلول", 9), ("أكتوبر", 10), ("تشرين الأول", 10), ("نوفمبر", 11),
     ("تشرين الثاني", 11), ("ديسمبر", 12), ("كانون الأول", 12)],
)
def test_day_month_year_with_every_month_name(month: str, number: int) -> None:
    m = one(f"وقعت الغارة في 14 {month} 2023 على البلدة")
    assert (m.date, m.precision, m.relative) == (date(2023, number, 14).isoformat(), 1, False)
    assert m.text == norm(f"14 {month} 2023")


def test_publication_line_date() -> None:
    m = one("06 ديسمبر 2024", None)
    assert (m.date, m.precision, m.relative, m.text) == ("2024-12-06", 1, False, norm("06 ديسمبر 2024"))


def test_ordinal_day_words() -> None:
    m = one("فقد الاتصال بالصحفيين في العاشر من تموز")
    assert (m.date, m.relative, m.text) == ("2024-07-10", True, norm("العاشر من تموز"))
    m = one("قتل في الحادي والعشرين من آب 2013")
    assert m.date == "2013-08-21"
    m = one("بدأ الهجوم في أول أيار")
    assert m.date == "2024-05-01"


def test_paired_month_names_and_current_month() -> None:
    m = one("انقطعت أخبارهم منذ 12 تموز (يوليو) الجاري", date(2015, 7, 23))
    assert (m.date, m.text) == ("2015-07-12", norm("12 تموز (يوليو) الجاري"))
    m = one("جرت العملية في 27 يوليو/تموز الحالي", date(2015, 7, 31))
    assert m.date == "2015-07-27"


def test_weekday_with_explicit_day_is_one_absolute_mention() -> None:
    m = one("قصفت الطائرات المدينة الخميس 5 ديسمبر")
    assert (m.date, m.text) == ("2024-12-05", norm("الخميس 5 ديسمبر"))
    m = one("الجمعة 6 كانون الأول 2024", None)
    assert (m.date, m.relative) == ("2024-12-06", False)


def test_month_and_year_is_month_precision() -> None:
    m = one("تعرضت المدينة لحصار في ديسمبر 2023")
    assert (m.date, m.precision, m.relative) == ("2023-12-15", 3, False)
    m = one("في مارس2011 خرجت المظاهرات")
    assert (m.date, m.precision) == ("2011-03-15", 3)


def test_early_month_of_current_year() -> None:
    m = one("استعادت القوات البلدة أوائل مايو (أيار) من العام الحالي", date(2015, 7, 21))
    assert (m.date, m.precision, m.text) == ("2015-05-01", 3, norm("أوائل مايو (أيار) من العام الحالي"))


def test_end_of_last_month_named() -> None:
    m = one("تحاصر القوات البلدة منذ نهاية آذار/مارس الماضي", date(2015, 7, 21))
    assert (m.date, m.precision) == ("2015-03-31", 3)


def test_named_month_qualified_as_past() -> None:
    assert one("في يونيو الماضي", date(2024, 12, 6)).date == "2024-06-15"
    assert one("في يونيو الماضي", date(2024, 3, 1)).date == "2023-06-15"


def test_bare_month_needs_a_cue() -> None:
    assert dates("مارس الجيش ضغوطا على السكان")[1] == []
    assert dates("قتل أب وابنه في القصف")[1] == []
    m = one("وصلت التعزيزات في آب", date(2015, 8, 20))
    assert (m.date, m.precision) == ("2015-08-15", 3)


def test_current_month_date_never_after_publication() -> None:
    m = one("تصاعدت الغارات خلال ديسمبر الجاري")
    assert (m.date, m.precision) == ("2024-12-06", 3)


def test_month_range_keeps_the_first_month() -> None:
    m = one("استمرت المعارك في نيسان - آب", date(2015, 9, 1))
    assert (m.text, m.date) == ("نيسان", "2015-04-15")


@pytest.mark.parametrize(
    ("written", "published", "expected"),
    [
        ("28 ديسمبر", date(2025, 1, 10), "2024-12-28"),  # day after publication day: last year
        ("3 فبراير", date(2025, 1, 10), "2025-02-03"),  # a few weeks ahead: same year
        ("15 أكتوبر", date(2025, 1, 10), "2024-10-15"),  # far ahead: last year
        ("5 يناير", date(2024, 12, 6), "2024-01-05"),
    ],
)
def test_year_rule_without_year(written: str, published: date, expected: str) -> None:
    m = one(f"وقع الهجوم في {written}", published)
    assert (m.date, m.relative) == (expected, True)


def test_day_month_without_year_or_publication_is_unresolved() -> None:
    m = one("وقع الهجوم في 5 ديسمبر", None)
    assert (m.date, m.relative) == (None, True)


@pytest.mark.parametrize("written", ["2024-12-06", "06/12/2024", "6-12-2024", "6.12.2024", "2024/12/06"])
def test_numeric_dates_are_day_first(written: str) -> None:
    m = one(f"صدر التقرير بتاريخ {written} عن المرصد", None)
    assert (m.date, m.relative, m.text) == ("2024-12-06", False, written)


def test_impossible_numeric_date_is_ignored() -> None:
    assert dates("الرقم 31/02/2024 غير صحيح")[1] == []


# --- Hijri ------------------------------------------------------------------------------------

def test_hijri_date_with_year() -> None:
    m = one("صدر البيان في 5 جمادى الآخرة 1446 هـ", None)
    assert (m.date, m.relative) == ("2024-12-06", False)
    assert m.text == norm("5 جمادى الآخرة 1446 هـ")


def test_hijri_date_without_year_takes_the_hijri_year_of_publication() -> None:
    m = one("في 27 رمضان قصفت الطائرات السوق", date(2024, 4, 10))
    assert m.date == "2024-04-06"


def test_safar_needs_a_year() -> None:
    assert dates("سجل العداد 5 صفر")[1] == []


# --- weekdays -----------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("written", "expected", "part"),
    [
        ("يوم الخميس", "2024-12-05", None),
        ("الخميس", "2024-12-05", None),
        ("الجمعة", "2024-12-06", None),  # the publication weekday is the publication day
        ("السبت", "2024-11-30", None),
        ("الأحد", "2024-12-01", None),
        ("الإثنين", "2024-12-02", None),
        ("ظهر الخميس", "2024-12-05", "noon"),
        ("مساء الخميس", "2024-12-05", "evening"),
        ("صباح الأربعاء", "2024-12-04", "morning"),
        ("فجر الخميس", "2024-12-05", "dawn"),
        ("ليلة الثلاثاء", "2024-12-03", "night"),  # dated to the Tuesday itself
        ("الخميس الماضي", "2024-12-05", None),
        ("الجمعة الماضية", "2024-11-29", None),  # strictly before publication
        ("الخميس قبل الماضي", "2024-11-28", None),
        ("الخميس المقبل", "2024-12-12", None),
    ],
)
def test_weekdays(written: str, expected: str, part: str | None) -> None:
    m = one(f"قال المرصد إن القصف وقع {written} على البلدة")
    assert (m.date, m.precision, m.relative, m.part, m.text) == (expected, 1, True, part, norm(written))


def test_night_between_two_weekdays_is_the_second() -> None:
    m = one("اندلعت اشتباكات بعد منتصف ليل السبت - الأحد")
    assert (m.date, m.part) == ("2024-12-01", "night")


# --- relative days, weeks, months ---------------------------------------------------------------

@pytest.mark.parametrize(
    ("written", "expected", "precision", "part"),
    [
        ("أمس", "2024-12-05", 1, None),
        ("البارحة", "2024-12-05", 1, None),
        ("صباح أمس", "2024-12-05", 1, "morning"),
        ("ليل أمس", "2024-12-05", 1, "night"),
        ("أول أمس", "2024-12-04", 1, None),
        ("أمس الأول", "2024-12-04", 1, None),
        ("اليوم", "2024-12-06", 1, None),
        ("صباح اليوم", "2024-12-06", 1, "morning"),
        ("مساء اليوم", "2024-12-06", 1, "evening"),
        ("الليلة الماضية", "2024-12-05", 1, "night"),
        ("منذ يومين", "2024-12-04", 1, None),
        ("منذ ثلاثة أيام", "2024-12-03", 1, None),
        ("منذ 4 أيام", "2024-12-02", 2, None),
        ("منذ أربعة أيام", "2024-12-02", 2, None),
        ("قبل عشرة أيام", "2024-11-26", 2, None),
        ("منذ أسبوع", "2024-11-29", 2, None),
        ("الأسبوع الماضي", "2024-11-29", 2, None),
        ("هذا الأسبوع", "2024-12-06", 2, None),
        ("خلال الأيام الماضية", "2024-12-06", 2, None),
        ("منذ ساعات", "2024-12-06", 1, None),
        ("منذ شهر", "2024-11-06", 3, None),
        ("الشهر الماضي", "2024-11-15", 3, None),
        ("منذ مطلع الشهر", "2024-12-01", 3, None),
        ("أواخر الشهر الماضي", "2024-11-30", 3, None),
        ("الـ27 من الشهر الماضي", "2024-11-27", 1, None),
        ("الرابع من الشهر الجاري", "2024-12-04", 1, None),
    ],
)
def test_relative_dates(written: str, expected: str, precision: int, part: str | None) -> None:
    text, found = dates(f"أفاد ناشطون بأن القوات انسحبت {written} من المدينة")
    assert len(found) == 1, found
    m = found[0]
    assert (m.date, m.precision, m.relative, m.part) == (expected, precision, True, part)
    assert norm(written).endswith(m.text)


def test_yesterday_with_weekday_is_one_mention() -> None:
    m = one("قال المرصد أمس الاثنين إن الغارات استمرت", date(2015, 7, 21))
    assert (m.date, m.text) == ("2015-07-20", norm("أمس الاثنين"))
    m = one("قال المرصد اليوم (الجمعة) إن الغارات استمرت")
    assert (m.date, m.text) == ("2024-12-06", norm("اليوم (الجمعة)"))


def test_today_followed_by_an_adjective_is_not_a_date() -> None:
    assert dates("تواصل القصف لليوم الثالث على التوالي")[1] == []
    assert dates("يحيي العالم اليوم العالمي للطفل")[1] == []


def test_before_a_named_month_is_not_ago() -> None:
    _, found = dates("وقع الهجوم قبل شهر رمضان")
    assert [m.text for m in found if m.text.startswith("قبل")] == []


# --- anaphoric dates and missing publication dates ------------------------------------------------

@pytest.mark.parametrize(
    ("written", "offset"),
    [("في اليوم ذاته", 0), ("في اليوم نفسه", 0), ("في اليوم التالي", 1), ("صباح اليوم التالي", 1),
     ("في اليوم السابق", -1)],
)
def test_anaphoric_days(written: str, offset: int) -> None:
    m = one(f"وقتل مدنيان {written} في قصف آخر")
    assert (m.date, m.relative) == (None, True)
    previous = date(2024, 12, 3)
    assert resolve_anaphora(m, previous) == date(2024, 12, 3 + offset)


def test_day_of_the_same_month_is_anaphoric() -> None:
    m = one("وعثر على جثثهم في الـ12 من الشهر نفسه")
    assert (m.date, m.relative) == (None, True)
    assert resolve_anaphora(m, date(2015, 7, 3)) == date(2015, 7, 12)


def test_days_before_an_event_are_anaphoric() -> None:
    m = one("وصلت التعزيزات قبل يومين من الهجوم")
    assert (m.date, m.text) == (None, norm("قبل يومين من الهجوم"))
    assert resolve_anaphora(m, date(2015, 7, 3)) == date(2015, 7, 1)
    m = one("انسحبت القوات قبل ثلاثة أيام من بدء المعركة")
    assert resolve_anaphora(m, date(2015, 7, 3)) == date(2015, 6, 30)


def test_days_ago_from_a_place_count_from_publication() -> None:
    m = one("انسحبت القوات منذ يومين من المدينة")
    assert (m.date, m.text) == ("2024-12-04", norm("منذ يومين"))


def test_resolve_anaphora_only_resolves_anaphora() -> None:
    assert resolve_anaphora(one("قتل أمس"), date(2024, 1, 1)) is None
    unresolved = one("قصفت منذ 4 أيام", None)
    assert unresolved.date is None
    assert resolve_anaphora(unresolved, date(2024, 1, 1)) is None


def test_without_publication_relative_dates_stay_unresolved() -> None:
    text, found = dates("قتل يوم الخميس ثلاثة، ومنذ 4 أيام قصف، وفي 5 ديسمبر 2024 غارة", None)
    assert [(m.text, m.date, m.relative) for m in found] == [
        (norm("يوم الخميس"), None, True),
        (norm("منذ 4 أيام"), None, True),
        (norm("5 ديسمبر 2024"), "2024-12-05", False),
    ]


def test_mentions_are_sorted_and_non_overlapping() -> None:
    s = ("قال المرصد اليوم الجمعة إن طائرات قصفت ليلة الخميس البلدة، بعد معارك بدأت منذ الـ27 من "
         "الشهر الماضي، واستمرت خلال الأيام الماضية، وفي 3 كانون الأول 2024 قتل ثلاثة في اليوم ذاته.")
    text, found = dates(s)
    assert_well_formed(text, found)
    assert [m.date for m in found] == ["2024-12-06", "2024-12-05", "2024-11-27", "2024-12-06",
                                       "2024-12-03", None]


# --- publication line ----------------------------------------------------------------------------

@pytest.mark.parametrize(
    "head",
    [
        "هروب جماعي من المدينة\n\n06 ديسمبر 2024\nوسط المدينة بعد المعارك",
        "عنوان التقرير\nالجمعة 6 كانون الأول 2024\nنص",
        "عنوان\nنشر في: 2024-12-06 10:30\nنص",
        "عنوان\n٠٦/١٢/٢٠٢٤\nنص",
    ],
)
def test_parse_published(head: str) -> None:
    assert parse_published(head) == date(2024, 12, 6)


@pytest.mark.parametrize(
    "head",
    [
        "قصفت الطائرات البلدة في 5 ديسمبر 2024 وقتل ثلاثة مدنيين وأصيب آخرون بجروح مختلفة في الهجوم",
        "عنوان\n5 ديسمبر\nنص",
        "عنوان بلا تاريخ\nنص",
    ],
)
def test_parse_published_needs_a_short_full_date_line(head: str) -> None:
    assert parse_published(head) is None


# --- the two real seeds ------------------------------------------------------------------------

def _seed(name: str) -> str:
    path = SHARED / "seeds" / name
    if not path.exists():
        pytest.skip("../shared/seeds is not available")
    return path.read_text(encoding="utf-8")


def test_seed_003() -> None:
    raw = _seed("003_edc59027a6f909a1.txt")
    assert parse_published(raw) == FRIDAY
    text = normalize(raw).text
    found = find_dates(text, FRIDAY)
    assert_well_formed(text, found)
    assert with_text(found, "يوم الخميس").date == "2024-12-05"
    assert with_text(found, "الـ27 من الشهر الماضي").date == "2024-11-27"
    noon = with_text(found, "ظهر الخميس")
    assert (noon.date, noon.part) == ("2024-12-05", "noon")
    head = with_text(found, "06 ديسمبر 2024")
    assert (head.date, head.relative, head.precision) == ("2024-12-06", False, 1)


def test_seed_000() -> None:
    text = normalize(_seed("000_9d9063c38ab4daf6.txt")).text
    unresolved = find_dates(text, None)
    ago = with_text(unresolved, "منذ 4 أيام")
    assert (ago.date, ago.relative) == (None, True)
    night = with_text(unresolved, "ليلة الثلاثاء")
    assert night.part == "night"
    published = date(2015, 4, 30)  # a Thursday
    resolved = find_dates(text, published)
    assert with_text(resolved, "منذ 4 أيام").date == "2015-04-26"
    assert with_text(resolved, "ليلة الثلاثاء").date == "2015-04-28"
