"""Tests for marsad.text.numbers: counts in digits and words, qualifiers, vague amounts, duals,
ordinals and numbers that are not counts. All sentences are written for these tests."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.model import NumberMention
from marsad.text.normalize import norm, normalize
from marsad.text.numbers import COUNT_KINDS, find_numbers, is_casualty_plural, parse_number_words

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"


def nums(s: str) -> tuple[str, list[NumberMention]]:
    text = normalize(s).text
    return text, find_numbers(text)


def one(s: str) -> NumberMention:
    """The only mention of ``s``."""
    _, found = nums(s)
    assert len(found) == 1, found
    return found[0]


def with_text(found: list[NumberMention], written: str) -> NumberMention:
    key = norm(written)
    hits = [m for m in found if m.text == key]
    assert hits, (key, found)
    return hits[0]


def assert_well_formed(text: str, found: list[NumberMention]) -> None:
    last_end = -1
    for m in found:
        assert m.start >= last_end, "sorted and non-overlapping"
        assert text[m.start:m.end] == m.text
        last_end = m.end


# --- digits -----------------------------------------------------------------------------------

def test_digits_count_and_noun() -> None:
    m = one("قتل 57 عنصرا من قوات النظام في الهجوم")
    assert (m.value, m.kind, m.noun, m.text, m.vague) == (57, "cardinal", "عنصرا", "57", False)


def test_eastern_arabic_digits_arrive_as_ascii() -> None:
    m = one("سقط ٥٧ عنصراً في الاشتباكات")
    assert m.value == 57 and m.noun == "عنصرا"


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("نزح 1,200 شخص عن البلدة", 1200),
        ("قتل 1.200 شخص في المعارك", 1200),
        ("فر 1.200.000 شخص من المحافظة", 1200000),
        ("بلغ عدد النازحين 3.5 مليون شخص", 3500000),
        ("تقدمت القوات 2.5 كيلومتر", 2.5),
        ("240 ألفا و831 قتيلا منذ بداية النزاع", 240831),
        ("أحصى المرصد 11 ألفا و964 طفلا", 11964),
        ("نزح 3 آلاف مدني", 3000),
    ],
)
def test_digit_groups_and_scales(sentence: str, value: float) -> None:
    assert one(sentence).value == value


# --- number words -----------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("words", "value"),
    [
        ("واحد", 1), ("واحدة", 1), ("اثنان", 2), ("اثنتين", 2), ("ثلاث", 3), ("ثلاثة", 3),
        ("خمسًا", 5), ("ثماني", 8), ("عشرة", 10), ("أحد عشر", 11), ("إحدى عشرة", 11),
        ("اثنا عشر", 12), ("اثنتي عشرة", 12), ("ثلاثة عشر", 13), ("تسع عشرة", 19), ("عشرين", 20),
        ("ستين", 60), ("سبعة وخمسون", 57), ("سبعة وخمسين", 57), ("مئة", 100), ("مائة", 100),
        ("مئة وعشرون", 120), ("مئتان", 200), ("مائتي", 200), ("مئتا", 200), ("ثلاثمئة", 300),
        ("ثلاث مئة", 300), ("خمسمائة وخمسة وعشرون", 525), ("ألف", 1000), ("ألفين", 2000),
        ("ألفان", 2000), ("ثلاثة آلاف", 3000), ("عشرة آلاف", 10000), ("ثلاثة عشر ألفا", 13000),
        ("ألف وتسعمئة", 1900), ("مئة ألف", 100000), ("مليون", 1000000), ("مليونين", 2000000),
        ("240 ألفا و831", 240831), ("وثلاثة", 3), ("بخمسة", 5),
    ],
)
def test_parse_number_words(words: str, value: int) -> None:
    assert parse_number_words(norm(words)) == value


@pytest.mark.parametrize("phrase", ["عشرات", "الخامس", "خمسة أشخاص", "", "قصف", "ثلاثة وأربعة"])
def test_parse_number_words_rejects_what_is_not_one_number(phrase: str) -> None:
    assert parse_number_words(norm(phrase)) is None


_UNITS = ["", "واحد", "اثنان", "ثلاثة", "أربعة", "خمسة", "ستة", "سبعة", "ثمانية", "تسعة"]
_TENS = ["", "عشرة", "عشرون", "ثلاثون", "أربعون", "خمسون", "ستون", "سبعون", "ثمانون", "تسعون"]
_TEENS = ["عشرة", "أحد عشر", "اثنا عشر"] + [f"{u} عشر" for u in _UNITS[3:]]
_HUNDREDS = ["", "مئة", "مئتان", "ثلاثمئة", "أربعمئة", "خمسمئة", "ستمئة", "سبعمئة", "ثمانمئة",
             "تسعمئة"]


def _below_1000(n: int) -> str:
    h, rest = divmod(n, 100)
    parts = [_HUNDREDS[h]] if h else []
    if 10 <= rest < 20:
        parts.append(_TEENS[rest - 10])
    elif rest:
        t, u = divmod(rest, 10)
        parts.append(" و".join(p for p in (_UNITS[u], _TENS[t]) if p))
    return " و".join(parts)


def _to_words(n: int) -> str:
    """Standard (masculine, nominative) Arabic words for 1 <= n < 1,000,000."""
    k, rest = divmod(n, 1000)
    if k == 0:
        head = ""
    elif k == 1:
        head = "ألف"
    elif k == 2:
        head = "ألفان"
    elif k <= 10:
        head = f"{_below_1000(k)} آلاف"
    else:
        head = f"{_below_1000(k)} ألفا"
    return " و".join(p for p in (head, _below_1000(rest)) if p)


@settings(max_examples=150, deadline=None)
@given(st.integers(min_value=1, max_value=999_999))
def test_words_round_trip(n: int) -> None:
    words = norm(_to_words(n))
    assert parse_number_words(words) == n, words
    found = find_numbers(f"قتل {words} شخصا")
    assert [m.value for m in found] == [n]
    if n > 2:  # واحد and اثنان do not precede a counted noun; their noun rules are tested below
        assert found[0].noun == "شخصا"


@settings(max_examples=50, deadline=None)
@given(st.integers(min_value=1, max_value=10**7))
def test_plain_digits_round_trip(n: int) -> None:
    found = find_numbers(f"نزح {n} مدنيا")
    assert [(m.value, m.kind, m.noun) for m in found] == [(n, "cardinal", "مدنيا")]


def test_compound_span_and_value() -> None:
    text, found = nums("قتل سبعة وخمسين عنصرا")
    assert [(m.text, m.value, m.noun) for m in found] == [(norm("سبعة وخمسين"), 57, "عنصرا")]
    assert_well_formed(text, found)


def test_coordinated_numbers_stay_apart() -> None:
    _, found = nums("قتل ثلاثة أطفال وأربعة رجال")
    assert [(m.value, m.noun) for m in found] == [(3, "اطفال"), (4, "رجال")]


@pytest.mark.parametrize("clitic", ["و", "ب", "ل", "ف"])
def test_proclitic_left_out_of_the_span(clitic: str) -> None:
    text, found = nums(f"قصفت الطائرات البلدة {clitic}ثلاثة صواريخ")
    assert len(found) == 1
    m = found[0]
    assert (m.text, m.value, m.noun) == ("ثلاثه", 3, "صواريخ")
    assert text[m.start - 1] == clitic


def test_clitic_before_definite_vague_word() -> None:
    m = one("تعرضت المدينة للعشرات من الغارات")
    assert (m.value, m.kind, m.noun) == (10, "vague", "الغارات")


# --- qualifiers -------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("sentence", "kind", "value", "span"),
    [
        ("نقلت القوات أكثر من 200 آلية عسكرية", "at_least", 200, "أكثر من 200"),
        ("قتل ما لا يقل عن 15 مدنيا", "at_least", 15, "ما لا يقل عن 15"),
        ("أصيب ما يزيد عن ثلاثين شخصا", "at_least", 30, "ما يزيد عن ثلاثين"),
        ("قتل على الأقل 9 مقاتلين", "at_least", 9, "على الأقل 9"),
        ("سقط نحو 40 مقاتلا", "approx", 40, "نحو 40"),
        ("اعتقل حوالي مئة شاب", "approx", 100, "حوالي مئة"),
        ("نزحت قرابة ألفي عائلة", "approx", 2000, "قرابة ألفي"),
        ("قتل زهاء عشرين عنصرا", "approx", 20, "زهاء عشرين"),
        ("تضرر ما يقارب 70 منزلا", "approx", 70, "ما يقارب 70"),
        ("قتل أقل من عشرة أشخاص", "at_most", 10, "أقل من عشرة"),
    ],
)
def test_qualifier_before(sentence: str, kind: str, value: int, span: str) -> None:
    m = one(sentence)
    assert (m.kind, m.value, m.text) == (kind, value, norm(span))


def test_at_least_after_the_noun_extends_the_span() -> None:
    m = one("قتل ستة من عناصر الفصائل المسلحة على الأقل في القصف")
    assert (m.kind, m.value, m.noun) == ("at_least", 6, "عناصر")
    assert m.text.endswith("علي الاقل")


def test_at_least_right_after_the_noun() -> None:
    m = one("12 قتيلاً على الأقل في غارة على السوق")
    assert (m.kind, m.value, m.noun, m.text) == ("at_least", 12, "قتيلا", norm("12 قتيلا على الأقل"))


def test_qualifier_far_away_is_ignored() -> None:
    m = one("قتل 4 أشخاص، وقالت المصادر إن الحصيلة على الأقل مرشحة للارتفاع")
    assert m.kind == "cardinal"


# --- vague amounts ----------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("sentence", "value", "noun"),
    [
        ("قتل عشرات المدنيين في القصف", 10, "المدنيين"),
        ("أدى الانفجار إلى مقتل العشرات من العناصر", 10, "العناصر"),
        ("أطلقت الفصائل مئات القذائف", 100, "القذايف"),
        ("نزح المئات من السكان", 100, "السكان"),
        ("فر آلاف النازحين نحو الحدود", 1000, "النازحين"),
        ("نزح عشرات الآلاف من المدنيين", 10000, "المدنيين"),
        ("فر مئات الآلاف من السكان", 100000, "السكان"),
        ("أصيب عدد من الجرحى", 10, "الجرحي"),
        ("اعتقل عدد كبير من الشبان", 10, "الشبان"),
        ("قصفت الطائرات عدة قرى", 10, "قري"),
        ("قتل بعض المسلحين", 10, "المسلحين"),
        ("انتزع العديد من المواقع", 10, "المواقع"),
    ],
)
def test_vague_amounts(sentence: str, value: int, noun: str) -> None:
    m = one(sentence)
    assert (m.kind, m.vague, m.value, m.noun) == ("vague", True, value, noun)


def test_vague_followed_by_pronoun_has_no_noun() -> None:
    m = one("ما أدى إلى مقتل العشرات منهم")
    assert m.value == 10 and m.noun is None


def test_bare_killed_plural_is_vague_ten() -> None:
    m = one("أسفرت الاشتباكات عن قتلى وجرحى من الطرفين")
    assert (m.kind, m.vague, m.value, m.noun) == ("vague", True, 10, "قتلي")


@pytest.mark.parametrize(
    "sentence",
    [
        "مرت الغارة دون قتلى",  # negated
        "انفجرت عبوة دون وقوع قتلى",
        "لم يسفر القصف عن قتلى",
        "ارتفع عدد القتلى في المدينة",  # definite: refers to a count
        "أعلن لواء شهداء الجبل النفير",  # a group name
        "ارتفعت حصيلة ضحايا الانفجار",  # the count is elsewhere
    ],
)
def test_killed_plural_not_counted(sentence: str) -> None:
    _, found = nums(sentence)
    assert found == []


def test_killed_plural_after_a_number_is_its_noun() -> None:
    _, found = nums("سقط ثلاثة قتلى في البلدة")
    assert [(m.value, m.kind, m.noun) for m in found] == [(3, "cardinal", "قتلي")]


@pytest.mark.parametrize(
    ("word", "expected"),
    [("قتلى", True), ("وقتلى", True), ("ضحايا", True), ("شهداء", True), ("جرحى", False),
     ("القتلى", False), ("قتيل", False)],
)
def test_is_casualty_plural(word: str, expected: bool) -> None:
    assert is_casualty_plural(word) is expected


# --- duals ------------------------------------------------------------------------------------

@pytest.mark.parametrize(
    "word", ["قتيلين", "قتيلان", "جنديين", "طفلين", "عنصرين", "شخصين", "سيارتين", "امرأتين", "غارتين",
             "قريتين", "الجنديين"],
)
def test_duals_of_listed_nouns(word: str) -> None:
    m = one(f"قال المصدر إن {word} سقطا في القصف")
    assert (m.kind, m.value, m.noun, m.text) == ("dual", 2, norm(word), norm(word))


@pytest.mark.parametrize("word", ["مدنيين", "مقاتلين", "مسلحين", "عسكريين", "معتقلين"])
def test_sound_plurals_are_not_duals(word: str) -> None:
    _, found = nums(f"استهدف القصف {word} في المنطقة")
    assert found == []


def test_dual_with_explicit_two_is_one_mention() -> None:
    m = one("قتل جنديين اثنين قرب الحاجز")
    assert (m.kind, m.value, m.noun) == ("dual", 2, "جنديين")


# --- one, ordinals, names, years, date parts ----------------------------------------------------

def test_post_nominal_one_takes_the_noun_before() -> None:
    m = one("قتل جندي واحد في الهجوم")
    assert (m.value, m.noun) == (1, "جندي")


def test_one_of_counts_one() -> None:
    _, found = nums("أعلن الجيش مقتل أحد عناصره ومقتل أحد الضباط")
    assert [(m.value, m.noun) for m in found] == [(1, "عناصره"), (1, "الضباط")]


def test_anyone_is_not_a_count() -> None:
    _, found = nums("وقع الانفجار ولم يقتل أحد. ولم يصب أحد في الحادث")
    assert found == []


def test_two_of() -> None:
    m = one("قتل اثنان من الجنود")
    assert (m.value, m.noun) == (2, "الجنود")


@pytest.mark.parametrize(
    ("sentence", "value", "span"),
    [
        ("قصفت الطائرات الجسر للمرة الخامسة", 5, "الخامسة"),
        ("هذه المرة الأولى منذ سنوات", 1, "الأولى"),
        ("يدخل الحصار يومه الحادي عشر", 11, "الحادي عشر"),
        ("في الذكرى الخامسة والعشرين للمجزرة", 25, "الخامسة والعشرين"),
    ],
)
def test_ordinals(sentence: str, value: int, span: str) -> None:
    m = one(sentence)
    assert (m.kind, m.value, m.text) == ("ordinal", value, norm(span))
    assert m.kind not in COUNT_KINDS


def test_ordinal_inside_a_month_name_is_skipped() -> None:
    _, found = nums("وقع الهجوم في تشرين الأول وأمس الأول")
    assert found == []


@pytest.mark.parametrize(
    ("sentence", "span"),
    [
        ("سيطر المقاتلون على الفرقة 26 في الريف", "26"),
        ("انسحب اللواء 47 من المنطقة", "47"),
        ("قصف مقر الفوج 46 غرب المدينة", "46"),
        ("دخلت والفرقة 17 إلى المدينة", "17"),
        ("تقدمت الفرقة الرابعة نحو الجبهة", "الرابعة"),
        ("طالب المجلس بتطبيق القرار 2254", "2254"),
    ],
)
def test_unit_and_document_numbers_are_names(sentence: str, span: str) -> None:
    m = one(sentence)
    assert (m.kind, m.text) == ("name", norm(span))


@pytest.mark.parametrize(
    "sentence",
    ["تكرر سيناريو عام 2014 في البادية", "عادت مجازر العام 2012 إلى الأذهان", "تشهد سوريا حربا منذ 2011"],
)
def test_years(sentence: str) -> None:
    m = one(sentence)
    assert (m.kind, m.noun) == ("year", None)


def test_four_digit_count_is_not_a_year() -> None:
    m = one("نزح 2000 شخص من القرية")
    assert (m.kind, m.value, m.noun) == ("cardinal", 2000, "شخص")


@pytest.mark.parametrize(
    ("sentence", "span"),
    [
        ("وقع القصف في 5 ديسمبر", "5"),
        ("اختفى الصحفي في العاشر من تموز", "العاشر"),
        ("تراجعت القوات منذ الـ27 من الشهر الماضي", "27"),
        ("صدر البيان بتاريخ 06/12/2024", "06/12/2024"),
        ("بدأ القصف عند الساعة 10 صباحا", "10"),
        ("بدأ القصف عند 10:30 صباحا", "10:30"),
    ],
)
def test_date_parts_are_not_counts(sentence: str, span: str) -> None:
    m = one(sentence)
    assert (m.kind, m.text) == ("date_part", norm(span))


def test_day_month_year_gives_date_part_and_year() -> None:
    _, found = nums("نشر في 6 كانون الأول 2024 تقرير")
    assert [(m.kind, m.text) for m in found] == [("date_part", "6"), ("year", "2024")]


def test_percentages() -> None:
    m = one("دمر 30 بالمئة من المنازل")
    assert (m.kind, m.value) == ("percent", 30)


def test_noun_none_before_a_preposition() -> None:
    m = one("قتل 5 في القصف على البلدة")
    assert m.noun is None


def test_mentions_are_sorted_and_non_overlapping() -> None:
    s = ("قتل 12 مدنيا على الأقل، بينهم ثلاثة أطفال، وأصيب العشرات في غارتين على الفرقة 17، "
         "فيما نزح نحو ألفي شخص للمرة الثانية منذ 5 ديسمبر 2024، وسقط قتلى وجرحى.")
    text, found = nums(s)
    assert_well_formed(text, found)
    assert [m.kind for m in found] == ["at_least", "cardinal", "vague", "dual", "name", "approx",
                                       "ordinal", "date_part", "year", "vague"]


# --- the two real seeds ---------------------------------------------------------------------

def _seed(name: str) -> str:
    path = SHARED / "seeds" / name
    if not path.exists():
        pytest.skip("../shared/seeds is not available")
    return normalize(path.read_text(encoding="utf-8")).text


def test_seed_003() -> None:
    text = _seed("003_edc59027a6f909a1.txt")
    found = find_numbers(text)
    assert_well_formed(text, found)
    three = with_text(found, "ثلاثة")
    assert (three.value, three.kind, three.noun) == (3, "cardinal", "مدنيين")
    vehicles = with_text(found, "أكثر من 200")
    assert (vehicles.value, vehicles.kind, vehicles.noun) == (200, "at_least", "اليه")
    fifth = with_text(found, "الخامسة")
    assert (fifth.value, fifth.kind) == (5, "ordinal")
    division = with_text(found, "26")
    assert division.kind == "name"
    assert not [m for m in found if m.kind in COUNT_KINDS and m.value == 26]


def test_seed_000() -> None:
    text = _seed("000_9d9063c38ab4daf6.txt")
    found = find_numbers(text)
    assert_well_formed(text, found)
    killed = with_text(found, "57")
    assert (killed.value, killed.kind, killed.noun) == (57, "cardinal", "عنصرا")
    tens = with_text(found, "العشرات")
    assert (tens.value, tens.kind, tens.vague) == (10, "vague", True)
    bare = with_text(found, "قتلى")
    assert (bare.value, bare.kind, bare.vague) == (10, "vague", True)


def test_decimal_numbers_are_never_years():
    # found by the property test of the whole pipeline: "00.0" used to crash the year check
    [m] = find_numbers(normalize("عام 00.0").text)
    assert m.kind != "year" and m.value == 0
