"""Tests for marsad.text.clean: page furniture out, report and structure kept."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.text.clean import Cleaned, clean, parse_date

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"
SEEDS = SHARED / "seeds"

BODY1 = ("قصفت طائرات حربية، صباح يوم الخميس، مدينة أريحا في ريف إدلب الجنوبي، ما أدى إلى مقتل خمسة مدنيين "
         "بينهم طفلان وإصابة آخرين بجروح، وفق ما أفاد به الدفاع المدني السوري في بيان.")
BODY2 = ("وقال مراسل محلي إن الغارات استهدفت سوقا شعبيا وسط المدينة في ساعات الذروة، ما أدى إلى احتراق عدد "
         "من المحال التجارية، فيما عملت فرق الإسعاف على نقل المصابين إلى مشفى قريب.")
BODY3 = ("وتشهد المنطقة تصعيدا عسكريا منذ أسابيع رغم اتفاق خفض التصعيد، إذ تتبادل قوات النظام وفصائل "
         "المعارضة القصف المدفعي على خطوط التماس في ريف إدلب الجنوبي وريف حماة الشمالي.")
TITLE = "غارات على أريحا توقع خمسة قتلى مدنيين"


def paragraphs(c: Cleaned) -> list[str]:
    return c.text.split("\n\n")


# --------------------------------------------------------------------------------------------
# 1. line-level furniture and date lines


@pytest.mark.parametrize("line", [
    "+ الخط -", "استمع إلى الملخص", "شارك", "طباعة", "نسخ الرابط", "حجم الخط", "مشاركة",
    "الأكثر قراءة", "إعلان", "تغريدة", "...المزيد", "اقرأ أيضاً:", "إقرأ أيضا", "رابط الخبر",
    "شارك | طباعة | حجم الخط", "فيسبوك تويتر واتساب", "+ -", "|", "×", "• • •",
    "تابعونا على تلغرام", "تابعونا على فيسبوك وتويتر",
])
def test_furniture_lines_are_removed(line):
    c = clean(f"{TITLE}\n\n{line}\n\n{BODY1}\n\n{BODY2}")
    assert paragraphs(c) == [TITLE, BODY1, BODY2]
    assert line in c.removed


@pytest.mark.parametrize("line,iso", [
    ("06 ديسمبر 2024", "2024-12-06"),
    ("الجمعة 6 كانون الأول 2024", "2024-12-06"),
    ("2024-12-06 10:30", "2024-12-06"),
    ("نشر في: ١٥ آذار ٢٠٢٣ - 14:05", "2023-03-15"),
    ("السبت، 1 حزيران/يونيو 2019", "2019-06-01"),
    ("06/12/2024", "2024-12-06"),
    ("December 6, 2024", "2024-12-06"),
    ("الأحد 8 ديسمبر 2024 م / 7 جمادى الآخرة 1446 هـ", "2024-12-08"),
    ("تاريخ النشر: 2024/12/06 10:30 ص", "2024-12-06"),
])
def test_a_bare_date_line_is_removed_and_becomes_published(line, iso):
    c = clean(f"{TITLE}\n{line}\n\n{BODY1}")
    assert c.published == iso
    assert line not in c.text
    assert c.text == f"{TITLE}\n\n{BODY1}"


def test_the_first_date_line_wins_and_an_update_line_is_not_publication():
    c = clean(f"{TITLE}\n\nآخر تحديث: 07 ديسمبر 2024\n\n06 ديسمبر 2024\n\n{BODY1}\n\n05 ديسمبر 2024")
    assert c.published == "2024-12-06"
    assert "ديسمبر" not in c.text


def test_a_sentence_with_a_date_is_body_text():
    line = "وقعت المجزرة في 5 ديسمبر 2024 وفق المرصد"
    c = clean(f"{TITLE}\n\n{BODY1}\n\n{line}\n\n{BODY2}")
    assert line in c.text and c.published is None


@pytest.mark.parametrize("s,iso", [
    ("06 ديسمبر 2024", "2024-12-06"), ("٦ كانون الثاني ٢٠٢٥", "2025-01-06"), ("3 أيار 2015", "2015-05-03"),
    ("12 تشرين أول 2011", "2011-10-12"), ("1 آب 2013", "2013-08-01"), ("2015-7-21", "2015-07-21"),
    ("25/12/2015", "2015-12-25"), ("31 شباط 2020", None), ("بلا تاريخ", None),
])
def test_parse_date(s, iso):
    assert parse_date(s) == iso


# --------------------------------------------------------------------------------------------
# 2. photo captions


@pytest.mark.parametrize("caption", [
    "دخان يتصاعد فوق مدينة أريحا بعد الغارات (الأناضول)",
    "عناصر من الدفاع المدني في موقع القصف (فرانس برس)",
    "نازحون على طريق حلب (رويترز)",
    "مقاتلون من المعارضة في ريف حماة (Getty)",
    "آثار الدمار في حي الشعار (عمر حاج قدور/فرانس برس)",
    "سيارة إسعاف في مدينة إدلب / AFP",
    "مدخل مدينة حماة - Reuters",
    "مشفى ميداني في ريف إدلب. تصوير: محمد العبد الله",
    "أطفال في مخيم للنازحين (أ ف ب)",
    "وسط مدينة حماة بعد سيطرة المعارضة عليها، 5 ديسمبر 2024 (وكالة محلية)",
])
def test_photo_captions_are_removed(caption):
    c = clean(f"{TITLE}\n\n{caption}\n\n{BODY1}\n\n{BODY2}")
    assert paragraphs(c) == [TITLE, BODY1, BODY2]
    assert caption in c.removed


@pytest.mark.parametrize("line", [
    "من جهتها، أعلنت قوات سوريا الديمقراطية سيطرتها على القرية (قسد).",
    "قوات سوريا الديمقراطية (قسد)",
    "اغتيال محافظ حمص (طلال البرازي)",
])
def test_parentheses_that_are_not_credits_stay(line):
    c = clean(f"{TITLE}\n\n{BODY1}\n\n{line}\n\n{BODY2}")
    assert line in c.text


# --------------------------------------------------------------------------------------------
# 3. the site's summary box


def test_summary_bullets_move_to_site_summary():
    text = (f"{TITLE}\n\nاستمع إلى الملخص\n\nاظهر الملخص\n- مقتل خمسة مدنيين في أريحا.\n"
            f"• احتراق محال تجارية في السوق.\n\n{BODY1}\n\n{BODY2}")
    c = clean(text)
    assert c.site_summary == ["مقتل خمسة مدنيين في أريحا.", "احتراق محال تجارية في السوق."]
    assert paragraphs(c) == [TITLE, BODY1, BODY2]
    assert "اظهر الملخص" in c.removed


def test_bullets_elsewhere_stay_in_the_body():
    text = f"{TITLE}\n\n{BODY1}\n\nوطالب الأهالي بما يلي:\n- وقف القصف فورا.\n- فتح ممرات إنسانية.\n\n{BODY2}"
    c = clean(text)
    assert c.site_summary == []
    assert "- وقف القصف فورا.\n- فتح ممرات إنسانية." in c.text


# --------------------------------------------------------------------------------------------
# 4. pull-quotes


def test_a_pull_quote_repeated_in_the_body_is_removed():
    quote = "عملت فرق الإسعاف على نقل المصابين إلى مشفى قريب"
    c = clean(f"{TITLE}\n\n{quote}\n\n{BODY1}\n\n{BODY2}\n\n{BODY3}")
    assert quote in c.removed
    assert c.text.count("نقل المصابين إلى مشفى قريب") == 1
    assert paragraphs(c) == [TITLE, BODY1, BODY2, BODY3]


def test_a_pull_quote_in_the_middle_of_the_body_is_removed():
    quote = "تتبادل قوات النظام وفصائل المعارضة القصف المدفعي على خطوط التماس"
    c = clean(f"{TITLE}\n\n{BODY1}\n\n{quote}\n\n{BODY2}\n\n{BODY3}")
    assert paragraphs(c) == [TITLE, BODY1, BODY2, BODY3]


def test_a_paraphrased_teaser_before_the_first_paragraph_is_removed():
    teaser = "فرق الإسعاف نقلت المصابين إلى مشفى قريب بعد احتراق المحال التجارية"
    c = clean(f"{TITLE}\n\n{teaser}\n\n{BODY1}\n\n{BODY2}")
    assert teaser in c.removed


def test_a_title_repeated_in_the_body_is_kept():
    title = "الغارات استهدفت سوقا شعبيا وسط المدينة في ساعات الذروة"
    c = clean(f"{title}\n\n{BODY1}\n\n{BODY2}")
    assert c.title == title and c.text.startswith(title + "\n\n")
    assert c.text.count(title) == 2


def test_a_short_line_not_repeated_stays():
    line = "المدنيون يدفعون ثمن التصعيد في الشمال السوري"
    c = clean(f"{TITLE}\n\n{BODY1}\n\n{line}\n\n{BODY2}")
    assert line in paragraphs(c)


# --------------------------------------------------------------------------------------------
# 5. conversion artefacts


def test_stray_ampersands_and_entities():
    c = clean("هروب بعض ضباط& النظام من المدينة عبر&nbsp;طريق خناصر، وقال &quot;ناشطون&quot; إن "
              "عناصر&amp;الدفاع الوطني غادروا، والأمن&العسكري انسحب.")
    assert c.text == ('هروب بعض ضباط النظام من المدينة عبر طريق خناصر، وقال "ناشطون" إن '
                      "عناصرالدفاع الوطني غادروا، والأمنالعسكري انسحب.")
    assert "&" in c.removed


def test_ampersand_in_latin_text_stays():
    c = clean("أعلنت شركة AT&T وشركة Johnson & Johnson عن خطط جديدة.")
    assert "AT&T" in c.text and "Johnson & Johnson" in c.text


def test_spaces_and_punctuation():
    c = clean("قال  المرصد ، إن القصف\tاستمر ؛ هل انتهى ؟ لا .\u00a0وتابع:   انتهى،وغادر. الساعة 10 :30")
    assert c.text == "قال المرصد، إن القصف استمر؛ هل انتهى؟ لا. وتابع: انتهى، وغادر. الساعة 10 :30"


def test_lead_outs_are_removed():
    c = clean(f"{TITLE}\n\n{BODY1}\n\nوأضافت الصحيفة أن 14 من الهاربين ينتمون إلى العائلة ...المزيد")
    assert c.text.endswith("ينتمون إلى العائلة")
    assert "...المزيد" in c.removed


# --------------------------------------------------------------------------------------------
# 6. title and headings; 7. datelines


def test_first_short_line_followed_by_a_blank_line_is_the_title():
    c = clean(f"{TITLE}\n\n{BODY1}\n\n{BODY2}")
    assert c.title == TITLE
    assert c.title_span == (0, len(TITLE))
    assert c.text[slice(*c.title_span)] == TITLE


def test_a_first_line_ending_with_a_period_is_not_a_title():
    lead = "قتل خمسة مدنيين في غارات على أريحا."
    c = clean(f"{lead}\n\n{BODY1}")
    assert c.title is None and c.title_span is None
    assert c.text.startswith(lead)


def test_a_given_title_is_matched_or_prepended():
    c = clean(f"{TITLE}\n\n{BODY1}", title=TITLE)
    assert c.text == f"{TITLE}\n\n{BODY1}" and c.title_span == (0, len(TITLE))
    c = clean(BODY1, title=" غارات  على أريحا ")
    assert c.text == f"غارات على أريحا\n\n{BODY1}"
    assert c.title == "غارات على أريحا" and c.title_span == (0, len("غارات على أريحا"))


def test_short_lines_between_paragraphs_are_headings():
    text = f"{TITLE}\n\n{BODY1}\n\nهروب\n\n{BODY2}\n\nفرار ضباط النظام من درعا\n\n{BODY3}"
    c = clean(text)
    assert [c.text[s:e] for s, e in c.headings] == ["هروب", "فرار ضباط النظام من درعا"]
    assert paragraphs(c) == [TITLE, BODY1, "هروب", BODY2, "فرار ضباط النظام من درعا", BODY3]


def test_short_lines_that_are_not_headings():
    # ends with a colon; last line of the text; inside a block with other lines
    text = f"{TITLE}\n\n{BODY1}\n\nوقال المرصد:\n\n{BODY2}\nمقتل خمسة\n\n{BODY3}\n\nالمصدر وكالات"
    c = clean(text)
    assert c.headings == []


def test_location_dateline_stays():
    text = f"بيروت: {BODY1}\n\n{BODY2}"
    c = clean(text)
    assert c.text.startswith("بيروت: قصفت طائرات")


def test_text_without_blank_lines_gets_paragraph_breaks():
    c = clean(f"{TITLE}\n06 ديسمبر 2024\n{BODY1}\nهروب\n{BODY2}")
    assert paragraphs(c) == [TITLE, BODY1, "هروب", BODY2]
    assert [c.text[s:e] for s, e in c.headings] == ["هروب"]


def test_title_of_a_text_without_blank_lines():
    c = clean(f"{TITLE}\n{BODY1}\n{BODY2}")
    assert c.title == TITLE
    assert paragraphs(c) == [TITLE, BODY1, BODY2]


def test_loose_credits_count_only_above_the_first_paragraph():
    top = "جانب من الدمار في المدينة (John Smith)"
    middle = "تنظيم الدولة الإسلامية (Islamic State)"
    c = clean(f"{TITLE}\n\n{top}\n\n{BODY1}\n\n{middle}\n\n{BODY2}")
    assert top in c.removed
    assert middle in c.text


def test_empty_and_blank_text():
    assert clean("").text == ""
    assert clean(" \n\n \n").text == ""


_PIECES = st.lists(st.sampled_from(list("ابتثجحخدذرزسشص ،.:()-+&\n\n\n0123456789/") + [
    "ديسمبر", "الخط", "شارك", "اظهر الملخص", "- ", "(الأناضول)", "&nbsp;", "...المزيد", " 2024",
    "\n\n", "كانون الأول", "قصفت طائرات روسية ", "تصوير: "]), max_size=200).map("".join)


@settings(max_examples=300, deadline=None)
@given(st.one_of(_PIECES, st.text(max_size=300)))
def test_spans_always_point_into_the_text(text):
    c = clean(text)
    for s, e in c.headings + ([c.title_span] if c.title_span else []):
        assert 0 <= s < e <= len(c.text)
        piece = c.text[s:e]
        assert piece.strip() == piece and "\n" not in piece
    if c.title_span:
        assert c.text[slice(*c.title_span)] == c.title


# --------------------------------------------------------------------------------------------
# the two seeds

def _seed(prefix: str) -> str:
    if not SEEDS.is_dir():
        pytest.skip("../shared/seeds is not beside the repository")
    files = sorted(SEEDS.glob(f"{prefix}_*.txt"))
    if not files:
        pytest.skip(f"seed {prefix} is missing")
    return files[0].read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def seed003() -> Cleaned:
    return clean(_seed("003"))


@pytest.fixture(scope="module")
def seed000() -> Cleaned:
    return clean(_seed("000"))


def test_seed003_metadata(seed003):
    first_line = _seed("003").split("\n", 1)[0].strip()
    assert seed003.published == "2024-12-06"
    assert seed003.title == first_line
    assert seed003.text.startswith(first_line + "\n\n")
    assert seed003.text[slice(*seed003.title_span)] == first_line


@pytest.mark.parametrize("furniture", ["+ الخط -", "استمع إلى الملخص", "اظهر الملخص", "المساهمون", "(الأناضول)",
                                       "06 ديسمبر 2024"])
def test_seed003_furniture_is_gone(seed003, furniture):
    assert furniture not in seed003.text


def test_seed003_site_summary(seed003):
    assert len(seed003.site_summary) == 3
    assert all(not s.startswith("-") for s in seed003.site_summary)
    assert seed003.site_summary[0].startswith("تشهد مدينة حمص نزوحاً واسعاً")
    for item in seed003.site_summary:
        assert item not in seed003.text


def test_seed003_pull_quotes_are_not_duplicated(seed003):
    assert seed003.text.count("قصفت طائرات روسية للمرة الخامسة جسر الرستن") == 1
    assert seed003.text.count("التزم الشبان منازلهم") == 1
    assert "أصدرت تعليمات صارمة بعدم التعرض للأقليات بحمص" not in seed003.text
    # the body sentences themselves are still there
    assert "كما قصفت طائرات روسية للمرة الخامسة جسر الرستن الذي يصل بين حماة وحمص" in seed003.text


def test_seed003_headings(seed003):
    headings = [seed003.text[s:e] for s, e in seed003.headings]
    assert headings == ['النظام يحذر من "الذكاء الاصطناعي"', "فرار ضباط النظام من درعا", "غارات للتحالف شرقي سورية"]


def test_seed003_body_starts_after_the_furniture(seed003):
    assert paragraphs(seed003)[1].startswith("تشهد مدينة حمص، وسط سورية")
    assert seed003.text.endswith("وفق تعبيره.")


def test_seed000_ampersand_is_repaired(seed000):
    assert "ضباط النظام" in seed000.text
    assert "&" not in seed000.text


def test_seed000_headings(seed000):
    headings = [seed000.text[s:e] for s, e in seed000.headings]
    for h in ("هروب", "رعب", "جهنم"):
        assert h in headings
    assert headings == ["هروب", "رعب", "جهنم", "تقاتل", "تفخيخ", "خطف"]


def test_seed000_dateline_paragraph_is_kept(seed000):
    assert any(p.startswith("بيروت: تتواصل الانهيارات") for p in paragraphs(seed000))
    # the lead sentence ends with a period: it is body, not a title
    assert seed000.title is None
    assert paragraphs(seed000)[0].startswith("يهرب ضباط النظام السوري من حلب")
    assert len(paragraphs(seed000)) == len([p for p in _seed("000").split("\n\n") if p.strip()])


def test_an_html_page_read_then_cleaned():
    from marsad.text.decode import read_article

    fixture = Path(__file__).resolve().parents[1] / "fixtures" / "web" / "news_page.html"
    raw = read_article(fixture.read_bytes(), name=fixture.name)
    c = clean(raw.text, raw.title)
    assert c.title == raw.title and c.text.startswith(raw.title + "\n\n")
    assert [c.text[s:e] for s, e in c.headings] == ["نزوح من القرى المحيطة"]
    assert paragraphs(c)[1].startswith("إدلب: قُتل أربعة مدنيين")


def test_a_breadcrumb_is_furniture_and_the_title_below_it_stays() -> None:
    page = ("الرئيسية / أخبار / سوريا\nمقتل خمسة مدنيين بقصف على إدلب\n\n"
            "قتل خمسة مدنيين اليوم جراء قصف مدفعي على مدينة معرة النعمان جنوبي إدلب بحسب الدفاع المدني.\n")
    c = clean(page)
    assert c.title == "مقتل خمسة مدنيين بقصف على إدلب"
    assert "الرئيسية" not in c.text


@pytest.mark.parametrize("line", ["أخبار » سوريا » حلب", "الرئيسية > تقارير"])
def test_breadcrumb_forms(line: str) -> None:
    c = clean(f"{line}\nعنوان الخبر هنا\n\nنص الخبر الطويل الذي يروي ما جرى في المدينة أمس بحسب مصادر محلية.\n")
    assert line not in c.text


def test_a_title_with_a_site_name_is_not_a_breadcrumb() -> None:
    c = clean("قصف على إدلب | عنب بلدي\n\nنص الخبر الطويل الذي يروي ما جرى في المدينة أمس بحسب مصادر محلية.\n")
    assert c.title == "قصف على إدلب | عنب بلدي"


def test_an_update_date_is_the_publication_date_when_no_other_is_printed() -> None:
    c = clean("عنوان الخبر\nآخر تحديث: 12 مارس 2019 - 10:45 ص\n\nنص الخبر الطويل الذي يروي ما جرى في المدينة أمس.\n")
    assert c.published == "2019-03-12"


def test_a_copied_page_loses_its_menus_widgets_and_keeps_title_date_and_body() -> None:
    page = "\n".join([
        "تخطى إلى المحتوى الرئيسي", "موقع الخبر", "أخبار", "سياسة", "اقتصاد", "رياضة", "English", "",
        "أخبار سوريا", "",
        "مقتل ثلاثة مدنيين بقصف مدفعي على ريف إدلب", "",
        "موقع الخبر - سياسة | الجمعة 2024/12/06", "",
        "اظهر الملخص",
        "قتل ثلاثة مدنيين بقصف على بلدة كفرنبل.",
        "الدفاع المدني يحذر من تصعيد جديد.", "",
        "قتل ثلاثة مدنيين، اليوم الجمعة، جراء قصف مدفعي لقوات النظام على بلدة كفرنبل في ريف إدلب الجنوبي، "
        "بحسب ما أفاد به الدفاع المدني السوري في بيان نشره على معرفاته الرسمية.", "",
        "اقرأ أيضا", "ماذا بعد معركة حماة؟", "قصص مقترحة", "",
        "#سوريا #إدلب", "إعداد: فريق التحرير", "التعليقات (0)", "تابعونا على تلغرام",
    ])
    c = clean(page)
    assert c.title == "مقتل ثلاثة مدنيين بقصف مدفعي على ريف إدلب"
    assert c.published == "2024-12-06"
    assert c.site_summary == ["قتل ثلاثة مدنيين بقصف على بلدة كفرنبل.", "الدفاع المدني يحذر من تصعيد جديد."]
    for junk in ("تخطى", "سياسة", "English", "أخبار سوريا", "ماذا بعد", "#سوريا", "إعداد", "التعليقات", "تلغرام"):
        assert junk not in c.text, junk
    assert "بحسب ما أفاد به الدفاع المدني" in c.text


def test_a_hijri_and_gregorian_newspaper_date_line_with_its_issue_number() -> None:
    c = clean("عنوان الخبر هنا\nالثلاثاء - 14 شهر ربيع الأول 1438 هـ - 13 ديسمبر 2016 مـ رقم العدد [ 13896]\n\n"
              "نص الخبر الطويل الذي يروي ما جرى في المدينة أمس بحسب مصادر محلية وناشطين.\n")
    assert c.published == "2016-12-13"


def test_one_word_headings_between_paragraphs_are_not_menus() -> None:
    body = "نص فقرة طويلة تروي ما جرى في المدينة أمس بحسب مصادر محلية وناشطين من أبناء المنطقة والجوار القريب منها وأكثر."
    c = clean(f"عنوان\n\n{body}\n\nهروب\n\n{body}\n\nرعب\n\n{body}\n\nجهنم\n\n{body}\n")
    assert [c.text[s:e] for s, e in c.headings] == ["هروب", "رعب", "جهنم"]
