"""Event rules found on held-out style reports we wrote: one test per class of error fixed.

Each test pins a general rule with sentences written for it, not sentences of an evaluation file.
"""

from __future__ import annotations

import pytest

from marsad.model import Event
from marsad.pipeline import analyze


def events(text: str, published: str = "2019-10-12") -> list[Event]:
    return [e for e in analyze(text, published=published, article_id="t").events if e.in_scope]


@pytest.mark.parametrize(("text", "actor"), [
    ("قتل خمسة مدنيين بقصف مدفعي تركي على بلدة تل أبيض.", "Military Forces of Turkey"),
    ("تعرض مطار المزة العسكري لقصف صاروخي إسرائيلي فجر اليوم.", "Military Forces of Israel"),
    ("شنت مقاتلات أمريكية غارات على مواقع في مدينة البوكمال.", "Military Forces of the United States"),
    ("استهدفت ضربات جوية أردنية مواقع لمهربين قرب بلدة السويداء.", "Military Forces of Jordan"),
])
def test_a_fire_noun_with_a_nationality_adjective_names_that_country(text: str, actor: str) -> None:
    evs = events(text)
    assert evs, text
    assert evs[0].actor1 == actor


def test_the_cause_told_after_radd_ala_is_not_a_second_event() -> None:
    evs = events("قصفت طائرات روسية مدينة أريحا ردا على هجمات استهدفت قاعدة حميميم.")
    assert len(evs) == 1
    assert evs[0].sub_event_type == "Air/drone strike"
    assert evs[0].location == "Ariha"


def test_a_verb_with_a_stated_cause_after_it_is_still_an_event() -> None:
    evs = events("قصفت قوات النظام دوما ردا على هجوم الفصائل.")
    assert [e.location for e in evs] == ["Duma"]


def test_a_withdrawal_told_with_the_takeover_of_the_same_place_is_one_change_of_hands() -> None:
    evs = events("دخلت فصائل المعارضة مدينة الرستن من دون قتال بعد انسحاب قوات النظام منها.")
    assert len(evs) == 1
    assert evs[0].sub_event_type == "Non-violent transfer of territory"
    assert evs[0].actor1 == "Syrian opposition factions"


def test_a_withdrawal_on_its_own_is_still_coded() -> None:
    evs = events("انسحبت قوات النظام من مدينة الرستن فجر اليوم.")
    assert [(e.sub_event_type, e.actor1) for e in evs] == [("Non-violent transfer of territory", "Military Forces of Syria")]


@pytest.mark.parametrize("text", [
    "وقال الوزير إن الانسحاب مؤقت، متعهدا باستعادة مدينة حماة قريبا.",   # a pledge
    "نزحت عائلات من بلدة كفرنبل هربا من القصف على مدينة معرة النعمان.",  # the cause of a flight
])
def test_pledges_and_causes_are_not_events(text: str) -> None:
    assert [e.sub_event_type for e in events(text) if e.sub_event_type != "Displacement"] == []


def test_live_fire_on_protesters_is_excessive_force() -> None:
    evs = events("أطلقت قوات الأمن الرصاص الحي على متظاهرين في مدينة درعا.", "2011-04-08")
    assert [e.sub_event_type for e in evs] == ["Excessive force against protesters"]


def test_a_protest_with_dead_protesters_is_not_peaceful() -> None:
    evs = events("خرجت مظاهرة في مدينة حمص عقب صلاة الجمعة ما أدى إلى مقتل ثلاثة متظاهرين.", "2011-07-01")
    assert [(e.sub_event_type, e.fatalities) for e in evs] == [("Excessive force against protesters", 3)]


@pytest.mark.parametrize("text", [
    "دخلت الدوريات بلدة الصنمين عند الساعة الثالثة فجرا وسط هدوء تام.",   # "فجرا": at dawn
    "وقال الرئيس التركي في كلمة ألقاها أمام البرلمان إن عملية عفرين مستمرة.",  # a speech delivered
])
def test_dawn_and_speeches_are_not_explosions_or_air_strikes(text: str) -> None:
    assert [e.event_type for e in events(text) if e.event_type == "Explosions/Remote violence"] == []


# ---- places ------------------------------------------------------------------------------
def test_a_name_of_several_words_takes_no_article_prefix() -> None:
    # "الباب شرقي حلب" is the city of al-Bab east of Aleppo, not Bab Sharqi in Damascus
    evs = events("قتل خمسة مدنيين في غارة على مدينة الباب شرقي حلب.")
    assert [(e.location, e.admin1) for e in evs] == [("Al Bab", "Aleppo")]


def test_the_centre_of_a_town_is_the_town_not_a_reference_point() -> None:
    evs = events("قتل خمسة مدنيين في غارة على وسط مدينة الباب بريف حلب الشرقي.")
    assert [e.location for e in evs] == ["Al Bab"]


@pytest.mark.parametrize("text", [
    "قصف حزب الله مواقع المسلحين في بلدة القصر اللبنانية ما أدى إلى مقتل اثنين.",
    "قصفت المدفعية مواقع في بلدة القصر في لبنان.",
])
def test_a_syrian_namesake_followed_by_a_foreign_nisba_or_country_is_abroad(text: str, ocha) -> None:
    evs = analyze(text, published="2013-05-10").events
    assert evs and all(e.country == "Lebanon" and not e.in_scope for e in evs)


def test_a_town_after_a_place_cue_stands_when_no_governorate_contradicts_it(ocha) -> None:
    evs = events("اندلعت اشتباكات في حرستا بين قوات النظام والفصائل.")
    assert [(e.location, e.admin1) for e in evs] == [("Harasta", "Rural Damascus")]


# ---- fatalities and victims --------------------------------------------------------------
@pytest.mark.parametrize(("text", "dead"), [
    ("قتل ضابط وعنصرين من قوات النظام في هجوم لتنظيم داعش على حاجز قرب مدينة تدمر.", 3),
    ("قتلت امرأة وطفلها بقصف مدفعي على بلدة كفرنبل.", 2),
    ("قتل شخص واحد بقصف على بلدة كفرنبل.", 1),
    ("اغتال مسلحون مجهولون قياديا سابقا في المعارضة بمدينة درعا.", 1),
])
def test_singular_people_count_one_each(text: str, dead: int) -> None:
    evs = events(text)
    assert [e.fatalities for e in evs] == [dead]


def test_an_armed_attack_on_civilians_is_violence_against_civilians(ocha) -> None:
    evs = events("هاجم مسلحون من العشائر قرية الدقماق ما أدى إلى مقتل أربعة مدنيين.", "2016-05-10")
    assert [(e.event_type, e.sub_event_type, e.actor2, e.fatalities) for e in evs] == [
        ("Violence against civilians", "Attack", "Civilians", 4)]


def test_the_dead_of_an_attack_are_not_given_to_the_burning_told_with_it(ocha) -> None:
    evs = events("هاجم مسلحون قرية الدقماق، وأحرقوا عددا من المنازل، ما أدى إلى مقتل ثلاثة من أهالي القرية.",
                 "2016-05-10")
    by_type = {e.sub_event_type: e.fatalities for e in evs}
    assert by_type.get("Attack") == 3


# ---- actors --------------------------------------------------------------------------------
@pytest.mark.parametrize(("text", "actor1"), [
    ("اشتبك مسلحون من رجال الكرامة مع قوات الأمن العام في مدينة شهبا.", "Men of Dignity"),
    ("استهدفت طائرة مسيرة تابعة للتحالف الدولي سيارة في مدينة الباب.", "International Coalition"),
    ("ألقى مجهول قنبلة يدوية على منزل في مدينة جاسم.", "Unidentified armed group"),
    ("هاجمت فصائل محلية درزية حاجزا للأمن العام في مدينة السويداء.", "Druze militias"),
])
def test_the_named_group_behind_an_unnamed_force_acts(text: str, actor1: str) -> None:
    evs = events(text, "2025-07-14")
    assert evs and evs[0].actor1 == actor1


def test_a_dual_explosion_with_two_car_bombs_is_an_ied() -> None:
    evs = events("هز انفجاران بسيارتين مفخختين مدينة القامشلي.", "2016-07-27")
    assert [e.sub_event_type for e in evs] == ["Remote explosive/landmine/IED"]


# ---- totals, periods, trends -----------------------------------------------------------------
@pytest.mark.parametrize(("text", "published"), [
    ("وتشن الطائرات الروسية حملة قصف على ريف حلب منذ منتصف كانون الأول الماضي، قتل فيها أكثر من ألف مدني.",
     "2016-01-20"),
    ("وقالت لجان التنسيق إن حصيلة قتلى الجمعة في عموم سوريا بلغت ثلاثين قتيلا، معظمهم في حمص وإدلب.",
     "2011-07-02"),
    ("استعادت قوات النظام خلال الأيام الماضية عشرات القرى في ريفي إدلب وحلب.", "2016-01-20"),
    ("تراجعت وتيرة الغارات الجوية على إدلب خلال الأسبوع الحالي.", "2016-01-20"),
])
def test_campaign_tolls_nationwide_tolls_periods_and_trends_are_not_events(text: str, published: str) -> None:
    assert events(text, published) == []


def test_fighting_going_on_since_weeks_ago_is_still_an_event() -> None:
    evs = events("تتواصل الاشتباكات بين قوات النظام والفصائل في مدينة الزبداني منذ الرابع من الشهر الماضي.",
                 "2015-08-20")
    assert [e.sub_event_type for e in evs] == ["Armed clash"]


def test_a_year_that_dates_an_accused_persons_past_does_not_make_the_arrest_background() -> None:
    evs = events("اعتقلت دورية للأمن العام العميد السابق المتهم بالمشاركة في مجزرة الحولة عام 2012 في حي الوعر بمدينة حمص.",
                 "2025-02-20")
    assert [e.sub_event_type for e in evs] == ["Arrests"]


@pytest.mark.parametrize(("text", "dead"), [
    ("قتل العشرات بهجوم لتنظيم داعش على بلدة السخنة.", 10),
    ("انفجرت سيارة مفخخة في سوق مدينة اعزاز راح ضحيتها أكثر من مئة شخص.", 100),
])
def test_vague_and_victim_phrasings_of_the_dead(text: str, dead: int) -> None:
    assert [e.fatalities for e in events(text, "2016-01-20")] == [dead]


def test_the_ends_of_a_road_are_not_the_place_when_a_town_is_named() -> None:
    evs = events("شن الطيران الإسرائيلي غارات على رتل عسكري على طريق دمشق – السويداء قرب بلدة المزرعة.",
                 "2025-07-16")
    assert [e.admin1 for e in evs] == ["As-Sweida"]


def test_the_place_after_a_mid_sentence_attribution_is_the_deeds(ocha) -> None:
    evs = events("كما اعتقلت دوريات الأمن العام أمس، بحسب مصادر محلية، أربعة عناصر من فلول النظام في بلدة الحفة.",
                 "2025-03-10")
    assert [(e.sub_event_type, e.location) for e in evs] == [("Arrests", "Al-Haffa")]


def test_a_warning_of_strikes_is_not_a_strike() -> None:
    assert events("وقال الوزير إن الجيش سيواصل العمل، محذرا دمشق من ضربات مؤلمة.", "2025-07-16") == []


def test_gunfire_targeting_is_a_clash_and_on_civilians_an_attack() -> None:
    evs = events("استهدف مجهولون بالأسلحة الرشاشة سيارة لقوات النظام في مدينة درعا.", "2016-05-10")
    assert [e.sub_event_type for e in evs] == ["Armed clash"]
    evs = events("استهدف قناص من قوات النظام سيارة مدنية في مدينة درعا ما أدى إلى مقتل سائقها.", "2016-05-10")
    assert [(e.sub_event_type, e.actor1, e.fatalities) for e in evs] == [("Attack", "Military Forces of Syria", 1)]


def test_shells_and_bullets_together_are_shelling() -> None:
    evs = events("استهدفت قوات النظام بالرصاص والقذائف بلدة الحراك.", "2016-05-10")
    assert [e.sub_event_type for e in evs] == ["Shelling/artillery/missile attack"]


def test_a_unit_belonging_to_a_force_acts_for_it() -> None:
    evs = events("اعتقلت قوة تابعة للأمن العام ثلاثة أشخاص في مدينة جبلة.", "2025-03-10")
    assert [(e.actor1, e.actor2) for e in evs] == [("Police Forces of Syria (2024-)", "Civilians")]


def test_transferring_vehicles_is_not_speaking_and_lakinnaha_keeps_the_subject() -> None:
    doc = analyze("ونقلت قوات النظام أكثر من 200 آلية عسكرية إلى مدينة حمص، لكنها انسحبت من مدينة تلبيسة.",
                  published="2024-12-06")
    assert not [m for m in doc.mentions if m.kind == "source"]
    assert [(e.sub_event_type, e.actor1) for e in doc.events] == [
        ("Non-violent transfer of territory", "Military Forces of Syria")]


def test_an_outlets_name_after_a_place_word_is_the_town(ocha) -> None:
    evs = events("أعدم تنظيم داعش أربعة رجال رمياً بالرصاص في ساحة عامة بمدينة الميادين.", "2016-05-10")
    assert [(e.sub_event_type, e.location, e.actor1, e.fatalities) for e in evs] == [
        ("Attack", "Al Mayadin", "Islamic State", 4)]
    doc = analyze("وقالت قناة الميادين إن الجيش سيطر على البلدة.", published="2016-05-10")
    assert [m.name_en for m in doc.mentions if m.kind == "source"] == ["Al-Mayadeen"]


def test_a_crowd_gathering_with_slogans_is_a_protest() -> None:
    evs = events("تجمع المئات من أبناء مدينة السويداء وسط المدينة، رافعين شعارات تطالب برحيل النظام.", "2023-08-26")
    assert [(e.sub_event_type, e.actor1) for e in evs] == [("Peaceful protest", "Protesters")]


def test_the_day_of_a_statement_is_not_the_day_of_the_deed_it_tells() -> None:
    evs = events("وقالت قوات سوريا الديمقراطية، اليوم الأربعاء، إن ثلاثة من مقاتليها قتلوا في هجوم شنته "
                 "خلايا تابعة لتنظيم داعش على نقطة لها في مدينة الحسكة ليل الثلاثاء.", "2025-01-22")
    assert [(e.event_date, e.actor1, e.fatalities) for e in evs] == [("2025-01-21", "Islamic State", 3)]


def test_a_dateline_names_a_place(ocha) -> None:
    evs = events("حرستا – ريف دمشق: اندلعت اشتباكات عنيفة بين قوات النظام والفصائل فجر اليوم.", "2013-05-10")
    assert [(e.location, e.admin1) for e in evs] == [("Harasta", "Rural Damascus")]


# ---- set C classes -------------------------------------------------------------------------
def test_an_angry_crowd_that_attacks_is_mob_violence() -> None:
    evs = events("هاجم حشد غاضب محال تجارية في سوق مدينة حمص وأحرقوا عددا منها.", "2011-07-16")
    assert "Mob violence" in [e.sub_event_type for e in evs]
    assert not [e for e in evs if e.event_type == "Battles"]


def test_the_seat_of_a_monitor_is_not_the_scene() -> None:
    evs = events("وقال المرصد السوري ومقره بريطانيا إن 20 مقاتلا قتلوا في اشتباكات بمدينة يبرود.", "2014-03-10")
    assert evs and all(e.country == "Syria" for e in evs)


def test_the_two_ends_of_a_road_are_one_event() -> None:
    evs = events("قتل شخصان بانفجار عبوة ناسفة على الطريق الواصل بين بلدة اليادودة ومدينة درعا.", "2021-05-10")
    assert [e.fatalities for e in evs] == [2]


def test_a_war_toll_is_not_an_event() -> None:
    assert events("وقالت الأمم المتحدة إن أكثر من 220 ألف شخص قتلوا في النزاع السوري.", "2015-03-10") == []


@pytest.mark.parametrize("text", [
    "كما شهدت مدينة شهبا وبلدتا القريا وعريقة وقفات احتجاجية مماثلة.",
    "وخرج الآلاف في مدينتي القامشلي وعامودا مطالبين بإسقاط النظام.",
])
def test_protests_in_several_towns_are_one_event_each(text: str, ocha) -> None:
    evs = events(text, "2023-08-28")
    assert len(evs) >= 2 and all(e.event_type == "Protests" for e in evs)


@pytest.mark.parametrize(("text", "dead"), [
    ("ارتقى شهيد مدني جراء قصف مدفعي على بلدة كفرنبل.", 1),
    ("قتل 14 عنصرا في هجوم على حاجز قرب مدينة الباب وتدمير عربتين.", 14),
])
def test_martyrdom_words_and_dual_things(text: str, dead: int) -> None:
    assert [e.fatalities for e in events(text, "2019-05-10")] == [dead]


@pytest.mark.parametrize(("text", "day"), [
    ("قصفت طائرات النظام مدينة دوما يوم السبت. وفي اليوم ذاته قصفت المدفعية بلدة حرستا.", "2016-05-07"),
    ("قصفت طائرات النظام مدينة دوما يوم السبت، وفي اليوم التالي قصفت المدفعية بلدة حرستا.", "2016-05-08"),
])
def test_same_day_and_next_day_refer_to_the_day_told_before(text: str, day: str) -> None:
    evs = events(text, "2016-05-10")
    harasta = [e for e in evs if e.location == "Harasta"]
    assert [e.event_date for e in harasta] == [day]


@pytest.mark.parametrize("text", [
    "أطلق مسلحون النار على حاجز في مدينة الصنمين ثم لاذ الباقون بالفرار.",
    "وجاء ذلك بعد انسحاب الميليشيات الإيرانية من مدينة البوكمال أواخر العام الماضي.",
])
def test_attackers_running_away_and_last_years_withdrawal_are_not_displacement_or_transfer(text: str) -> None:
    assert [e.sub_event_type for e in events(text, "2025-03-10")
            if e.sub_event_type in ("Displacement", "Non-violent transfer of territory")] == []


def test_eliminating_fighters_after_strikes_is_the_strikes_toll() -> None:
    evs = events("شنت الطائرات الروسية ضربات مركزة على مواقع المسلحين في مدينة جسر الشغور وقضت على عدد منهم.",
                 "2016-05-10")
    assert [(e.sub_event_type, e.fatalities) for e in evs] == [("Air/drone strike", 10)]


def test_alqa_alqabd_with_words_between_is_an_arrest_not_a_drop() -> None:
    evs = events("ألقت إدارة الأمن العام في محافظة طرطوس اليوم القبض على ضابط سابق في مدينة الدريكيش.", "2025-01-25")
    assert [(e.sub_event_type, e.actor1) for e in evs] == [("Arrests", "Police Forces of Syria (2024-)")]


def test_helicopters_belonging_to_the_government_are_its_air_force() -> None:
    evs = events("ألقت طائرات هليكوبتر تابعة للحكومة براميل متفجرة على بلدة داعل.", "2013-05-10")
    assert [(e.sub_event_type, e.actor1) for e in evs] == [("Air/drone strike", "Military Forces of Syria")]


def test_the_same_deed_told_for_a_quarter_and_its_city_is_one_event() -> None:
    evs = events("سقطت قذائف هاون على حي باب توما في دمشق صباح اليوم. وأضاف المصدر أن القذائف التي سقطت "
                 "على دمشق أدت إلى مقتل شخصين.", "2016-05-10")
    assert [(e.location, e.fatalities) for e in evs] == [("Bab Touma (Damascus)", 2)]


def test_a_record_since_a_period_is_not_a_total() -> None:
    evs = events("قتل تسعة شبان في مدينة نوى خلال تصديهم لقوة إسرائيلية توغلت غربي المدينة، في أعنف مواجهة "
                 "منذ بدء التوغلات الإسرائيلية في الجنوب.", "2025-04-03")
    assert [e.fatalities for e in evs] == [9]


def test_received_reports_of_killings_is_not_a_drop_and_the_killing_stands(ocha) -> None:
    evs = events("وقال مكتب الأمم المتحدة إنه تلقى تقارير موثوقة عن مقتل 82 مدنياً على يد قوات موالية للنظام "
                 "داخل منازلهم في أحياء بستان القصر والكلاسة.", "2016-12-13")
    assert evs and all(e.sub_event_type == "Attack" and e.actor1 == "Military Forces of Syria" for e in evs)
    assert sum(e.fatalities for e in evs) == 82


def test_the_subject_right_before_a_verb_beats_an_actor_far_after_it() -> None:
    evs = events("وقال القائد إن الثوار انسحبوا، الأحد، من مدينة كفرنبل، بعد شن طيران النظام الحربي أكثر من 120 غارة جوية.",
                 "2015-08-03")
    by_type = {e.sub_event_type: e.actor1 for e in evs}
    assert by_type.get("Non-violent transfer of territory") == "Syrian opposition factions"


@pytest.mark.parametrize("text", [
    "إلى ذلك، قصفت قوات النظام مدينة داريا بالبراميل المتفجرة.",
    "وفي غضون ذلك، اندلعت اشتباكات عنيفة بين قوات النظام والفصائل في مدينة حلب.",
])
def test_a_connective_with_dhalik_does_not_block_the_next_deed(text: str) -> None:
    assert len(events(text, "2016-05-10")) == 1


def test_a_breakdown_by_place_gives_each_place_its_count(ocha) -> None:
    evs = events("قتل سبعة مدنيين، ثلاثة في مدينة إدلب وأربعة في خان شيخون.", "2016-05-10")
    assert sorted((e.location, e.fatalities) for e in evs) == [("Idleb", 3), ("Khan Shaykun", 4)]


def test_a_quarter_of_another_city_falls_back_to_the_city_named() -> None:
    evs = events("قتل مدنيان في قصف على حي الحميدية في مدينة دير الزور.", "2016-05-10")
    assert [(e.location, e.admin1) for e in evs] == [("Deir-ez-Zor", "Deir-ez-Zor")]


def test_a_toll_over_scattered_parts_of_the_country_is_not_an_event() -> None:
    assert events("قتل 47 شخصا في أنحاء متفرقة من سوريا، معظمهم في حمص وإدلب.", "2016-05-10") == []


def test_a_fire_noun_with_a_hedged_nationality_is_that_countrys() -> None:
    evs = events("قتل خمسة مدنيين في غارات جوية يعتقد أنها روسية على مدينة أريحا.", "2016-05-10")
    assert [e.actor1 for e in evs] == ["Military Forces of Russia"]


def test_withdrawing_at_the_end_of_a_raid_is_not_a_transfer_of_territory() -> None:
    evs = events("توغلت قوة إسرائيلية في بلدة جباتا الخشب واعتقلت شابين قبل أن تنسحب باتجاه الجولان.", "2025-03-10")
    assert "Non-violent transfer of territory" not in [e.sub_event_type for e in evs]


@pytest.mark.parametrize("text", [
    "ودعا ناشطون الأهالي للتظاهر في مدينة درعا يوم الجمعة.",
    "وقال وجهاء البلدة إنهم يرفضون التهجير من مدينة داريا.",
    "وقدم المفاوض مقترحا لتسوية أوضاع المسلحين في مدينة داريا.",
])
def test_calls_refusals_and_proposals_are_not_events(text: str) -> None:
    assert events(text, "2016-05-10") == []


def test_a_toll_broken_down_by_town_after_minhum_is_one_event_per_town(ocha) -> None:
    evs = events("قتل 12 مدنيا في قصف جوي على ريف إدلب، منهم خمسة في سراقب وأربعة في أريحا وثلاثة في بنش.", "2016-05-10")
    assert sorted(e.fatalities for e in evs) == [3, 4, 5] and len({e.location for e in evs}) == 3


def test_a_hedge_on_who_struck_right_after_the_noun_does_not_block_it() -> None:
    evs = events("وقال المرصد إن غارات يرجح أنها روسية استهدفت أمس مدينة تلبيسة في ريف حمص الشمالي.", "2015-10-05")
    assert [(e.sub_event_type, e.actor1) for e in evs] == [("Air/drone strike", "Military Forces of Russia")]
