"""Sentence splitting and clitic-aware tokens."""

from marsad.text.normalize import norm
from marsad.text.segment import split_proclitics, split_sentences, tokenize


def texts(s):
    return [x.text for x in split_sentences(s)]


def test_splits_on_stops_and_keeps_offsets():
    t = "قصفت الطائرات البلدة. وقتل ثلاثة مدنيين! هل انتهى القصف؟"
    sents = split_sentences(t)
    assert [s.text for s in sents] == ["قصفت الطائرات البلدة.", "وقتل ثلاثة مدنيين!", "هل انتهى القصف؟"]
    for s in sents:
        assert t[s.start:s.end] == s.text


def test_does_not_split_inside_numbers():
    assert texts("بلغت النسبة 3.5 في المئة أمس. ثم ارتفعت.") == ["بلغت النسبة 3.5 في المئة أمس.", "ثم ارتفعت."]


def test_does_not_split_inside_quotations():
    t = 'قال الناشط: «انسحبت القوات. ودخل المقاتلون البلدة». وأضاف أن الوضع هادئ.'
    assert texts(t) == ['قال الناشط: «انسحبت القوات. ودخل المقاتلون البلدة».', "وأضاف أن الوضع هادئ."]
    t2 = 'وقال: "سقطت قذائف. ولا إصابات." ثم صمت.'
    assert texts(t2)[0] == 'وقال: "سقطت قذائف. ولا إصابات."'


def test_paragraphs_and_headings():
    t = "العنوان هنا\n\nهروب\n\nفر الضباط من المدينة. وتبعهم آخرون."
    h = t.index("هروب")
    sents = split_sentences(t, headings=[(h, h + 4)], kinds={(0, 11): "title"})
    assert [(s.kind, s.text) for s in sents] == [
        ("title", "العنوان هنا"), ("heading", "هروب"), ("body", "فر الضباط من المدينة."), ("body", "وتبعهم آخرون.")]


def test_proclitics_are_separable():
    splits = split_proclitics(norm("وبحمص"))
    assert ("وب", "حمص") in splits
    assert ("ل", "الرقه") in split_proclitics(norm("للرقة"))
    assert ("بال", "قصف") in split_proclitics("بالقصف")


def test_tokens_carry_offsets_and_prefix_hint():
    toks = tokenize("وبحلب اشتباكات")
    assert toks[0].text == "وبحلب" and toks[0].start == 0 and toks[0].prefix_len == 2
    assert toks[1].start == 6
