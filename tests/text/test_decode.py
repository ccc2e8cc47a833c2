"""Tests for marsad.text.decode: bytes to text, and files (text, HTML, JSON) to raw articles."""

from __future__ import annotations

import codecs
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from marsad.text.decode import InputError, RawArticle, decode_bytes, read_article

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "web"

# A paragraph we wrote; every character is encodable in both windows-1256 and ISO-8859-6.
PARAGRAPH = (
    "قصفت طائرات حربية، صباح يوم الخميس، مدينة أريحا في ريف إدلب الجنوبي، ما أدى إلى مقتل "
    "خمسة مدنيين بينهم طفلان وإصابة آخرين بجروح، وفق ما أفاد به الدفاع المدني السوري. "
    "هل تتوقف الغارات؟"
)
TEXT = "عنوان الخبر: غارات على أريحا\n\n" + PARAGRAPH + "\n"


# --------------------------------------------------------------------------------------------
# decode_bytes


def test_utf8_without_bom_is_the_fast_path():
    assert decode_bytes(TEXT.encode("utf-8")) == TEXT


def test_utf8_bom_is_dropped():
    assert decode_bytes(codecs.BOM_UTF8 + TEXT.encode("utf-8")) == TEXT


@pytest.mark.parametrize("codec,bom", [("utf-16-le", codecs.BOM_UTF16_LE), ("utf-16-be", codecs.BOM_UTF16_BE)])
def test_utf16_with_bom(codec, bom):
    assert decode_bytes(bom + TEXT.encode(codec)) == TEXT


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_is_detected_by_its_byte_pattern(codec):
    assert decode_bytes(TEXT.encode(codec)) == TEXT


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_and_without_any_ascii(codec):
    # No NUL bytes at all: only the 0x06 high bytes of Arabic letters show it is UTF-16.
    assert decode_bytes("سوريا".encode(codec)) == "سوريا"


@pytest.mark.parametrize("codec", ["cp1256", "iso8859_6"])
def test_legacy_arabic_code_pages_are_detected(codec):
    assert decode_bytes(TEXT.encode(codec)) == TEXT


@pytest.mark.parametrize("codec", ["cp1256", "iso8859_6"])
def test_legacy_code_pages_on_a_short_line(codec):
    line = "مقتل ثلاثة مدنيين في قصف على حلب"
    assert decode_bytes(line.encode(codec)) == line


def test_windows_line_endings_become_newlines():
    assert decode_bytes("سطر أول\r\nسطر ثان\rسطر ثالث".encode()) == "سطر أول\nسطر ثان\nسطر ثالث"


@pytest.mark.parametrize("data", [b"", b"   \n\t  \r\n", codecs.BOM_UTF8, codecs.BOM_UTF16_LE + " \n".encode("utf-16-le")])
def test_empty_or_blank_input_is_an_input_error(data):
    with pytest.raises(InputError, match="the file is empty"):
        decode_bytes(data)


@pytest.mark.parametrize("data", [
    b"\x89PNG\r\n\x1a\n" + b"\x00" * 32,
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00",
    bytes(range(256)) * 4,
    b"\x01\x02\x03\x04 abc \x05\x06\x07\x08",
    b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n",
])
def test_binary_input_is_an_input_error(data):
    with pytest.raises(InputError, match="looks like a binary file, not text"):
        decode_bytes(data)


def test_error_messages_are_one_line_and_name_the_file():
    with pytest.raises(InputError) as err:
        read_article(b"\x89PNG\r\n\x1a\n" + b"\x00" * 32, name="photo.png")
    msg = str(err.value)
    assert "\n" not in msg and "photo.png" in msg


def test_text_without_arabic_decodes_fine():
    assert decode_bytes(b"Shelling reported near Idlib.") == "Shelling reported near Idlib."
    assert decode_bytes("café au lait".encode("latin-1")) == "café au lait"


def test_mostly_utf8_with_a_broken_byte_stays_utf8():
    data = TEXT.encode("utf-8") + b"\xff" + TEXT.encode("utf-8")
    out = decode_bytes(data)
    assert out.startswith(TEXT) and out.endswith(TEXT)


# --------------------------------------------------------------------------------------------
# read_article: plain text and JSON


def test_plain_text_bytes_and_str():
    for data in (TEXT.encode("utf-8"), TEXT):
        art = read_article(data)
        assert art == RawArticle(text=TEXT, fmt="text")


def test_json_object_with_metadata():
    obj = {"text": PARAGRAPH, "title": "  غارات   على أريحا ", "published": "2024-12-06T10:30:00Z",
           "url": "https://example.org/a/1"}
    art = read_article(json.dumps(obj, ensure_ascii=False).encode("utf-8"), name="a.json")
    assert art.fmt == "json"
    assert art.text == PARAGRAPH
    assert art.title == "غارات على أريحا"
    assert art.published == "2024-12-06"
    assert art.url == "https://example.org/a/1"


def test_json_with_only_text():
    art = read_article('{"text": "قتل مدني في درعا."}')
    assert art == RawArticle(text="قتل مدني في درعا.", fmt="json")


def test_json_published_in_arabic_words():
    art = read_article(json.dumps({"text": PARAGRAPH, "published": "الجمعة 6 كانون الأول 2024"}))
    assert art.published == "2024-12-06"


@pytest.mark.parametrize("data,what", [
    ('{"title": "عنوان بلا نص"}', '"text"'),
    ('{"text": 42}', '"text"'),
    ('{"text": null, "title": "x"}', '"text"'),
    ('[{"text": "x"}]', "JSON list"),
    ('{"text": "x"}\n{"text": "y"}', "JSON Lines"),
    ('{"text": "unterminated}', "not valid JSON"),
])
def test_bad_json_is_an_input_error(data, what):
    with pytest.raises(InputError) as err:
        read_article(data, name="bad.json")
    assert what in str(err.value) and "bad.json" in str(err.value)


def test_json_with_empty_text_says_so():
    with pytest.raises(InputError, match='"text" field is empty'):
        read_article('{"text": "  "}')


def test_json_whose_text_is_html_is_extracted():
    obj = {"text": "<div><p>الفقرة الأولى من الخبر.</p><p>الفقرة الثانية من الخبر.</p></div>"}
    art = read_article(json.dumps(obj))
    assert art.fmt == "json"
    assert art.text == "الفقرة الأولى من الخبر.\n\nالفقرة الثانية من الخبر."


# --------------------------------------------------------------------------------------------
# read_article: HTML


@pytest.fixture(scope="module")
def news_page() -> RawArticle:
    return read_article((FIXTURES / "news_page.html").read_bytes(), name="news_page.html")


def test_html_metadata(news_page):
    assert news_page.fmt == "html"
    assert news_page.title == "قصف مدفعي على ريف إدلب الجنوبي يوقع قتلى مدنيين"  # site suffix stripped
    assert news_page.published == "2024-11-20"  # JSON-LD datePublished
    assert news_page.url == "https://example.org/news/2024/11/idlib-shelling"  # og:url before canonical


def test_html_body_keeps_the_article(news_page):
    text = news_page.text
    assert text.startswith("إدلب: قُتل أربعة مدنيين")
    assert "نزوح من القرى المحيطة" in text.split("\n\n")  # h2 as its own paragraph
    assert '"لم نعد نأمن على أطفالنا في البيوت"' in text  # blockquote, entities decoded
    assert 'مراسل "شبكة الرصد"' in text
    # <br> is a line break inside the paragraph
    assert "التركية،\nبعد تجدد القصف" in text
    assert text.endswith("خلال الأشهر الماضية.")


@pytest.mark.parametrize("furniture", [
    "الرئيسية", "فيسبوك", "نسخ الرابط", "فرانس برس", "دخان يتصاعد",  # nav, share buttons, caption
    "إعلان", "التعليقات", "لا توجد تعليقات", "اقرأ أيضا", "جسر الشغور", "ريف حماة الشمالي",
    "اشترك", "جميع الحقوق", "ليس نصا", "dataLayer", "&quot;", "&nbsp;", "&amp;",
    "20 تشرين الثاني 2024",  # the printed date in the header
])
def test_html_body_drops_furniture(news_page, furniture):
    assert furniture not in news_page.text


def test_html_title_is_not_repeated_in_the_body(news_page):
    assert news_page.title not in news_page.text


def test_cp1256_html_page_with_meta_charset():
    data = (FIXTURES / "old_page_cp1256.html").read_bytes()
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    art = read_article(data, name="old_page_cp1256.html")
    assert art.fmt == "html"
    assert art.title == "اشتباكات عنيفة في محيط مطار منغ العسكري"
    assert art.published == "2013-05-14"
    paragraphs = art.text.split("\n\n")
    assert paragraphs[0].startswith("حلب: دارت اشتباكات عنيفة فجر اليوم الثلاثاء")
    assert len(paragraphs) == 3  # <br><br> separates paragraphs
    for furniture in ("الرئيسية", "اتصل بنا", "طباعة", "أرسل لصديق"):
        assert furniture not in art.text


def test_html_fragment_is_sniffed():
    art = read_article("<p>الفقرة الأولى.</p>\n<p>الفقرة الثانية.</p>")
    assert art.fmt == "html"
    assert art.text == "الفقرة الأولى.\n\nالفقرة الثانية."


@pytest.mark.parametrize("head,expected", [
    ('<meta property="article:published_time" content="2023-03-15T08:00:00Z">', "2023-03-15"),
    ('<meta property="og:published_time" content="2023-03-15">', "2023-03-15"),
    ('<meta name="pubdate" content="20230315">', "2023-03-15"),
    ('<meta name="date" content="15/03/2023">', "2023-03-15"),
    ('<meta itemprop="datePublished" content="2023-03-15T08:00">', "2023-03-15"),
    ('<meta name="date" content="الأربعاء 15 آذار 2023">', "2023-03-15"),
])
def test_html_published_from_meta(head, expected):
    page = f"<html><head>{head}<title>خبر | موقع</title></head><body><p>نص الخبر هنا.</p></body></html>"
    art = read_article(page)
    assert art.published == expected
    assert art.title == "خبر"


def test_html_published_from_time_element_and_title_from_h1():
    page = ("<!doctype html><html><body><h1>العنوان الرئيسي</h1><time datetime='2022-01-02'>2 يناير</time>"
            "<article><p>نص الخبر الأول.</p><p>نص الخبر الثاني.</p></article></body></html>")
    art = read_article(page)
    assert art.title == "العنوان الرئيسي"
    assert art.published == "2022-01-02"
    assert art.text == "نص الخبر الأول.\n\nنص الخبر الثاني."


def test_html_canonical_url_when_no_og_url():
    page = ('<html><head><link rel="canonical" href="https://example.org/x"></head>'
            "<body><p>نص.</p></body></html>")
    assert read_article(page).url == "https://example.org/x"


def test_html_container_with_a_junk_word_in_its_class_is_kept():
    page = ('<html><body><div class="post-content has-share-bar">'
            "<p>الفقرة الأولى من الخبر الطويل.</p><p>الفقرة الثانية من الخبر.</p></div>"
            '<div class="share"><p>شارك</p></div></body></html>')
    assert read_article(page).text == "الفقرة الأولى من الخبر الطويل.\n\nالفقرة الثانية من الخبر."


def test_html_without_text_is_an_input_error():
    with pytest.raises(InputError):
        read_article("<html><body><nav><p>الرئيسية</p></nav></body></html>")


# --------------------------------------------------------------------------------------------
# robustness: nothing but InputError, whatever comes in

_SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@_SETTINGS
@given(st.binary(max_size=2000))
def test_arbitrary_bytes_raise_only_input_error(data):
    for fn in (decode_bytes, read_article):
        try:
            out = fn(data)
        except InputError as e:
            assert str(e) and "\n" not in str(e)
        else:
            assert out is not None


@_SETTINGS
@given(st.text(max_size=2000))
def test_arbitrary_text_raises_only_input_error(text):
    for data in (text, text.encode("utf-8", "surrogatepass")):
        try:
            read_article(data)
        except InputError:
            pass
    try:
        decode_bytes(text.encode("utf-8", "surrogatepass"))
    except InputError:
        pass


_MARKUP = st.lists(st.sampled_from(list("<>/=\"' &;#{}[]:,\nabdhiopty") + [
    "<p>", "</p>", "<br>", "<body>", "<html>", "<div class='share'>", "<script>", "&amp;", '{"text": ',
    "قتل", "حلب", "<title>", "<h1>", "<meta ", "<!doctype html>", "<figure>", "&nbsp;"]), max_size=80).map("".join)


@_SETTINGS
@given(_MARKUP)
def test_markup_like_text_raises_only_input_error(text):
    try:
        art = read_article(text)
    except InputError:
        return
    assert isinstance(art.text, str)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(exclude_categories=("Cc", "Cs", "Zl", "Zp"), exclude_characters="\ufeff"),
               min_size=1, max_size=300))
def test_utf8_text_round_trips(text):
    try:
        out = decode_bytes(text.encode("utf-8"))
    except InputError as e:
        assert "empty" in str(e)
        return
    assert out == text
