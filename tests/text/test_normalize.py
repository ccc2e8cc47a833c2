"""Normalisation and its offset map back to the original text."""

import unicodedata

from hypothesis import assume, given
from hypothesis import strategies as st

from marsad.text.normalize import fold_name, norm, normalize


def test_letter_forms_are_folded():
    assert norm("أإآٱ") == "اااا"
    assert norm("مستشفى") == "مستشفي"
    assert norm("مدينة") == "مدينه"
    assert norm("مؤتمر") == "موتمر"
    assert norm("رئيس") == "رييس"


def test_harakat_tatweel_and_digits():
    assert norm("قُتِلَ") == "قتل"
    assert norm("لـ«داعش»") == "ل«داعش»"
    assert norm("٥٧ و۱۲") == "57 و12"


def test_nfkc_presentation_forms():
    n = normalize("ﻻ شيء")
    assert n.text == "لا شيء"
    assert n.span(0, 2) == (0, 1)  # one ligature in the original


def test_offsets_map_back_to_the_original_word():
    text = "قُتِلَ ٥٧ عنصرًا في إدلبَ"
    n = normalize(text)
    i = n.text.index("عنصرا")
    s, e = n.span(i, i + len("عنصرا"))
    assert text[s:e] == "عنصرًا"
    i = n.text.index("ادلب")
    s, e = n.span(i, i + 4)
    assert text[s:e] == "إدلبَ"


def test_flat_text_keeps_length_and_ends_in_space():
    n = normalize("قصف، «حمص».")
    assert len(n.flat) == len(n.text) + 1
    assert n.flat.endswith(" ")
    assert "،" not in n.flat and "«" not in n.flat


def test_fold_name_follows_the_scoring_rule():
    assert fold_name("مدينة حلب") == fold_name("حلب")
    assert fold_name("حي الزهرة") == "زهره"
    assert fold_name("دير الزور") == "ديرالزور"


@given(st.text())
def test_offset_map_is_monotone_and_in_range(text):
    n = normalize(text)
    last = -1
    for i in range(0, len(n.text) + 1, max(1, len(n.text) // 17 or 1)):
        o = n.to_orig(i)
        assert 0 <= o <= len(text)
        assert o >= last
        last = o


@given(st.text())
def test_to_norm_inverts_to_orig(text):
    # (an NFKC expansion such as "¼" → "1⁄4" maps several normalised characters to one original)
    assume(unicodedata.is_normalized("NFKC", text))
    n = normalize(text)
    for i in range(len(n.text)):
        assert n.to_norm(n.to_orig(i)) == i


@given(st.text(alphabet=st.sampled_from(list("ابتةىأإآؤئ ًٌَُِّْـ٠١٢٣۴۵ 0123abc،.\n")), max_size=200))
def test_fast_path_equals_the_translation_table(text):
    from marsad.text.normalize import TABLE

    assume(unicodedata.is_normalized("NFKC", text))
    assert normalize(text).text == text.translate(TABLE)
