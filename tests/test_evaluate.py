"""The gold scorer: pairing, counting, place rule 4, agreement figures, loading and formatting."""

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.evaluate import (
    EvalError,
    actor_agrees,
    format_errors,
    format_table,
    gold_as_system,
    load_jsonl,
    place_agrees,
    score,
)

EVAL_DIR = Path(__file__).resolve().parents[1] / ".." / "shared" / "eval"

ALEPPO = {"name_ar": "حلب", "admin1": "Aleppo", "lat": 36.20311, "lon": 37.14087, "name_en": "Aleppo",
          "pcode": "C1007"}
HOMS = {"name_ar": "حمص", "admin1": "Homs", "lat": 34.73, "lon": 36.71, "name_en": "Homs"}


def gold(aid="a1", etype="Battles", sub="Armed clash", date="2015-07-10", loc=None, actor1="Military Forces of Syria",
         fatalities=0, optional=None, evidence="اشتباكات"):
    g = {"article_id": aid, "event_type": etype, "sub_event_type": sub, "date": date,
         "date_precision": 1, "location": dict(loc or ALEPPO), "geo_precision": 1, "actor1": actor1,
         "actor2": None, "fatalities": fatalities, "source_ar": None, "evidence": evidence}
    if optional is not None:
        g["optional"] = optional
    return g


def sysev(aid="a1", etype="Battles", sub="Armed clash", date="2015-07-10", admin1="Aleppo", location="Aleppo",
          location_ar="حلب", lat=36.20311, lon=37.14087, actor1="Military Forces of Syria", fatalities=0,
          country="Syria", rule="r", evidence="اشتباكات"):
    return {"article_id": aid, "event_type": etype, "sub_event_type": sub, "event_date": date, "admin1": admin1,
            "location": location, "location_ar": location_ar, "latitude": lat, "longitude": lon,
            "actor1": actor1, "fatalities": fatalities, "country": country, "evidence": evidence, "rule": rule}


def counts(r):
    return r.tp, r.fp, r.fn


# --------------------------------------------------------------------------- pairing conditions


def test_exact_match_is_a_true_positive():
    r = score([sysev()], [gold()])
    assert counts(r) == (1, 0, 0)
    assert r.precision == r.recall == r.f1 == 1.0
    assert r.strict_f1 == 1.0


def test_event_type_list_is_accepted():
    g = gold(etype=["Battles", "Strategic developments"], sub="Non-state actor overtakes territory")
    assert counts(score([sysev(etype="Strategic developments")], [g])) == (1, 0, 0)
    assert counts(score([sysev(etype="Battles")], [g])) == (1, 0, 0)
    assert counts(score([sysev(etype="Protests")], [g])) == (0, 1, 1)


def test_event_type_mismatch_not_paired():
    assert counts(score([sysev(etype="Explosions/Remote violence")], [gold()])) == (0, 1, 1)


def test_governorate_mismatch_not_paired():
    assert counts(score([sysev(admin1="Idleb")], [gold()])) == (0, 1, 1)
    assert counts(score([sysev(admin1=None)], [gold()])) == (0, 1, 1)


def test_governorate_case_pcode_and_spelling_tolerated():
    assert counts(score([sysev(admin1=" aleppo ")], [gold()])) == (1, 0, 0)
    assert counts(score([sysev(admin1="SY02")], [gold()])) == (1, 0, 0)
    assert counts(score([sysev(admin1="Idlib")], [gold(loc={"name_ar": "إدلب", "admin1": "Idleb"})])) == (1, 0, 0)
    g = gold(loc={"name_ar": "درعا", "admin1": "SY12"})
    assert counts(score([sysev(admin1="Dar'a")], [g])) == (1, 0, 0)


def test_date_within_one_day_pairs_two_days_does_not():
    assert counts(score([sysev(date="2015-07-11")], [gold()])) == (1, 0, 0)
    assert counts(score([sysev(date="2015-07-09")], [gold()])) == (1, 0, 0)
    assert counts(score([sysev(date="2015-07-12")], [gold()])) == (0, 1, 1)
    assert counts(score([sysev(date="2015-07-08")], [gold()])) == (0, 1, 1)


def test_null_dates_pair():
    assert counts(score([sysev(date=None)], [gold()])) == (1, 0, 0)
    assert counts(score([sysev()], [gold(date=None)])) == (1, 0, 0)
    assert counts(score([sysev(date=None)], [gold(date=None)])) == (1, 0, 0)


# --------------------------------------------------------------------------- optional gold


def test_optional_gold_paired_is_neither_tp_nor_fp():
    r = score([sysev()], [gold(optional=True)])
    assert counts(r) == (0, 0, 0)
    assert r.n_gold == 0 and r.n_gold_optional == 1 and r.paired_optional == 1
    assert r.precision is None and r.recall is None and r.f1 is None
    assert len(r.pairs) == 1 and r.pairs[0].optional


def test_optional_gold_unpaired_is_not_a_false_negative():
    r = score([], [gold(optional=True), gold()], article_ids=["a1"])
    assert counts(r) == (0, 0, 1)
    assert r.false_negatives[0].get("optional") is None


def test_optional_pair_removed_from_strict_precision_denominator():
    s = [sysev(), sysev(sub="Government regains territory", location_ar="بعيد", location="Far", lat=None)]
    g = [gold(), gold(sub="Government regains territory", optional=True)]
    r = score(s, g)
    assert counts(r) == (1, 0, 0)
    assert r.n_system == 2 and r.n_system_considered == 1
    assert r.strict_precision == 1.0 and r.strict_recall == 1.0


# --------------------------------------------------------------------------- the assignment


def test_maximal_matching_beats_greedy():
    # s0 agrees perfectly with g0 but could also pair with g1; s1 can only pair with g0
    # (its date is two days from g1). Greedy on agreement pairs s0-g0 and loses s1.
    g0 = gold(date="2015-07-10")
    g1 = gold(date="2015-07-12", sub="Government regains territory")
    s0 = sysev(date="2015-07-11")
    s1 = sysev(date="2015-07-10", sub="Government regains territory", fatalities=9, location_ar="x",
               location="x", lat=None)
    r = score([s0, s1], [g0, g1])
    assert counts(r) == (2, 0, 0)
    paired = {(id(p.system), id(p.gold)) for p in r.pairs}
    assert paired == {(id(s0), id(g1)), (id(s1), id(g0))}


def test_tie_break_prefers_non_optional_gold():
    # One system event, two gold it could pair with: the optional one agrees on everything,
    # the non-optional one on little. Pairing the non-optional one wins.
    g_opt = gold(optional=True)
    g_req = gold(sub="Government regains territory", fatalities=5, actor1="ISIS", loc=dict(ALEPPO, name_ar="الباب",
                 name_en="Al Bab", lat=36.37, lon=37.52))
    r = score([sysev()], [g_opt, g_req])
    assert counts(r) == (1, 0, 0)
    assert r.pairs[0].gold is g_req
    assert r.sub_event_accuracy == 0.0 and r.place_accuracy == 0.0 and r.strict_f1 == 0.0


def test_tie_break_then_prefers_attribute_agreement():
    g_a = gold(sub="Armed clash", fatalities=3)
    g_b = gold(sub="Government regains territory", fatalities=0, loc=dict(HOMS, admin1="Aleppo"))
    s_a = sysev(sub="Government regains territory", fatalities=0, location_ar="حمص", location="Homs",
                lat=34.73, lon=36.71)
    s_b = sysev(sub="Armed clash", fatalities=3)
    r = score([s_a, s_b], [g_a, g_b])
    assert counts(r) == (2, 0, 0)
    assert {(id(p.system), id(p.gold)) for p in r.pairs} == {(id(s_a), id(g_b)), (id(s_b), id(g_a))}
    assert r.sub_event_accuracy == r.place_accuracy == r.fatalities_agreement == 1.0


def test_pairs_only_within_an_article():
    r = score([sysev(aid="a2")], [gold(aid="a1")])
    assert counts(r) == (0, 1, 1)
    assert r.n_articles == 2


def test_article_ids_count_articles_without_gold():
    r = score([sysev(aid="a2")], [gold(aid="a1")], article_ids=["a1", "a2", "a3"])
    assert r.n_articles == 3
    assert r.per_article["a2"].fp == 1 and r.per_article["a1"].fn == 1 and r.per_article["a3"].fp == 0
    r2 = score([sysev(aid="zz")], [gold(aid="a1")], article_ids=["a1"])
    assert counts(r2) == (0, 0, 1) and r2.n_system == 0


def test_out_of_scope_country_dropped():
    s = [sysev(country="Iraq"), sysev(country=None), sysev(country="syria ")]
    r = score(s, [gold(), gold()])
    assert r.n_out_of_scope == 1 and r.n_system == 2
    assert counts(r) == (2, 0, 0)
    assert r.out_of_scope[0]["country"] == "Iraq"
    r2 = score([sysev(country="Iraq")], [gold()])
    assert counts(r2) == (0, 0, 1)


# --------------------------------------------------------------------------- place rule 4


def test_place_by_folded_name():
    s = sysev(location_ar="مدينة حلب", location=None, lat=None, lon=None)
    assert place_agrees(s, gold())
    s2 = sysev(location_ar="الحسكة", location=None, lat=None, lon=None)
    assert place_agrees(s2, gold(loc={"name_ar": "مدينة الحسكة", "admin1": "Al-Hasakeh"}))
    s3 = sysev(location_ar="إدلب", location=None, lat=None, lon=None)
    assert not place_agrees(s3, gold())


def test_place_by_coordinates_within_10_km():
    near = sysev(location_ar="مكان", location="Somewhere", lat=36.25, lon=37.14087)  # ~5.2 km north
    far = sysev(location_ar="مكان", location="Somewhere", lat=36.32, lon=37.14087)  # ~13 km north
    assert place_agrees(near, gold())
    assert not place_agrees(far, gold())


def test_place_by_near_community_when_gold_has_no_coordinates():
    g = gold(loc={"name_ar": "ساحة الحطب", "admin1": "Aleppo",
                  "near": {"pcode": "C1007", "name_ar": "حلب", "name_en": "Aleppo", "lat": 36.20311, "lon": 37.14087}})
    assert place_agrees(sysev(location_ar="حلب", location="Aleppo"), g)  # coordinates of Aleppo
    assert not place_agrees(sysev(location_ar="حلب", location="Aleppo", lat=None, lon=None), g)
    assert place_agrees(sysev(location_ar="ساحة الحطب", location=None, lat=None, lon=None), g)
    # coordinates of the place itself take precedence over "near"
    g2 = gold(loc=dict(ALEPPO, lat=35.0, lon=37.0, near={"lat": 36.20311, "lon": 37.14087}))
    assert not place_agrees(sysev(location_ar="x", location="x"), g2)


def test_place_by_english_name():
    s = sysev(location_ar=None, location="ALEPPO", lat=None, lon=None)
    assert place_agrees(s, gold())
    assert not place_agrees(sysev(location_ar=None, location="Homs", lat=None, lon=None), gold())


def test_strict_needs_place():
    s = sysev(location_ar="الباب", location="Al Bab", lat=36.37, lon=37.52)
    r = score([s], [gold()])
    assert r.f1 == 1.0 and r.strict_f1 == 0.0 and r.place_accuracy == 0.0
    assert r.strict_precision == 0.0 and r.strict_recall == 0.0


# --------------------------------------------------------------------------- agreement figures


def test_actor_agreement_rules():
    assert actor_agrees("Military Forces of Syria", "military forces of syria")
    assert actor_agrees("Military Forces of Syria (2000-)", "Military Forces of Syria")  # containment
    assert actor_agrees("Hayat Tahrir al-Sham", "HTS: Hayat Tahrir al-Sham")
    assert actor_agrees("Syrian opposition factions", "Islamist factions")  # same last word
    assert actor_agrees("Shabiha (pro-regime militia)", "Pro-regime militia")
    assert not actor_agrees("Military Forces of Syria", "Military Forces of Russia")
    assert actor_agrees(None, None) and actor_agrees("", None)
    assert not actor_agrees("Islamic State", None)
    assert not actor_agrees(None, "Islamic State")


def test_fatalities_and_date_agreement():
    g = [gold(fatalities=3), gold(sub="Government regains territory", fatalities=0, date=None),
         gold(etype="Protests", sub="Peaceful protest", date="2015-07-10")]
    s = [sysev(fatalities=3, date="2015-07-11"), sysev(sub="Government regains territory", fatalities=None,
         date="2015-07-01"), sysev(etype="Protests", sub="Peaceful protest", fatalities=2, actor1=None)]
    r = score(s, g)
    assert counts(r) == (3, 0, 0)
    assert r.fatalities_agreement == pytest.approx(2 / 3)  # missing counts as 0
    assert r.tp_with_gold_date == 2 and r.date_agreement == 0.5
    assert r.actor1_agreement == pytest.approx(2 / 3)
    assert r.sub_event_accuracy == 1.0


def test_zero_denominators_are_none():
    r = score([], [])
    assert r.precision is None and r.recall is None and r.f1 is None and r.strict_f1 is None
    assert r.date_agreement is None
    r2 = score([sysev()], [])
    assert r2.precision == 0.0 and r2.recall is None and r2.f1 == 0.0


# --------------------------------------------------------------------------- self-scoring


place_st = st.sampled_from([
    ALEPPO, HOMS, {"name_ar": "بادية حمص", "admin1": "Homs"},
    {"name_ar": "ساحة الحطب", "admin1": "Aleppo", "near": {"name_ar": "حلب", "name_en": "Aleppo",
                                                            "lat": 36.20311, "lon": 37.14087}},
    {"name_ar": "مدينة حلب", "admin1": "Aleppo", "lat": 36.2, "lon": 37.15, "name_en": "Aleppo city"},
])
gold_st = st.builds(
    gold,
    aid=st.sampled_from(["a1", "a2", "a3"]),
    etype=st.sampled_from(["Battles", ["Battles", "Strategic developments"], "Explosions/Remote violence"]),
    sub=st.sampled_from(["Armed clash", "Air/drone strike", "Other"]),
    date=st.sampled_from([None, "2015-07-09", "2015-07-10", "2015-07-11", "2015-07-12"]),
    loc=place_st,
    actor1=st.sampled_from([None, "Military Forces of Syria", "Islamic State", "Syrian opposition factions"]),
    fatalities=st.integers(0, 12),
    optional=st.sampled_from([None, False, True]),
)


@settings(max_examples=60, deadline=None)
@given(st.lists(gold_st, min_size=1, max_size=8))
def test_gold_against_itself_is_perfect(golds):
    r = score([gold_as_system(g) for g in golds], golds)
    assert r.fp == 0 and r.fn == 0
    assert r.tp == r.n_gold == sum(1 for g in golds if not g.get("optional"))
    if r.n_gold:
        assert r.f1 == 1.0 and r.strict_f1 == 1.0
        for name, value in r.figures().items():
            assert value in (None, 1.0), name


def test_seed_gold_against_itself():
    path = EVAL_DIR / "seeds.gold.jsonl"
    if not path.exists():
        pytest.skip("shared eval data absent")
    golds = load_jsonl(path)
    r = score([gold_as_system(g) for g in golds], golds)
    assert r.n_gold > 0 and r.fp == 0 and r.fn == 0
    for name, value in r.figures().items():
        assert value == 1.0, name


# --------------------------------------------------------------------------- loading and output


def test_load_jsonl_errors(tmp_path):
    with pytest.raises(EvalError, match="no such file"):
        load_jsonl(tmp_path / "missing.jsonl")
    p = tmp_path / "bad.jsonl"
    p.write_text(json.dumps({"a": 1}) + "\n\n{oops\n", encoding="utf-8")
    with pytest.raises(EvalError, match=r"bad\.jsonl:3"):
        load_jsonl(p)
    p.write_text('{"a": 1}\n\n{"b": "ب"}\n', encoding="utf-8")
    assert load_jsonl(p) == [{"a": 1}, {"b": "ب"}]


def test_bad_gold_rows_raise():
    with pytest.raises(EvalError, match="admin1"):
        score([], [{"article_id": "a", "event_type": "Battles", "location": {}}])
    with pytest.raises(EvalError, match="article_id"):
        score([{"event_type": "Battles"}], [])


def test_format_table_and_errors():
    s = [sysev(), sysev(etype="Protests", sub="Peaceful protest", rule="protest.1", evidence="تظاهرة"),
         sysev(sub="Government regains territory", fatalities=4, location_ar="الباب", location="Al Bab",
               lat=36.37, lon=37.52)]
    g = [gold(), gold(sub="Armed clash", fatalities=2, evidence="قتل اثنان"),
         gold(etype="Strategic developments", sub="Displacement", evidence="نزوح")]
    r = score(s, g, article_ids=["a1", "empty"])
    table = format_table(r, title="dev")
    assert "lenient" in table and "strict" in table and "fatalities" in table and "empty" in table
    errors = format_errors(r)
    assert "+ FP" in errors and "protest.1" in errors and "تظاهرة" in errors
    assert "- FN" in errors and "نزوح" in errors
    assert "~ TP" in errors and "fatalities 4 ≠ 2" in errors and "place" in errors
    d = r.to_dict()
    json.dumps(d, ensure_ascii=False)
    assert d["tp"] == 2 and d["fp"] == 1 and d["fn"] == 1 and len(d["per_article"]) == 2
    assert format_errors(score([sysev()], [gold()])) == "no errors"
