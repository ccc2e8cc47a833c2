"""Schema checks for the lexicon data files: actors.yaml, sources.yaml, titles.yaml."""

from __future__ import annotations

import re
from datetime import date
from functools import cache
from itertools import combinations
from pathlib import Path
from typing import Any

import pytest
import yaml

from marsad.lexicon import nationality_names
from marsad.text.normalize import norm

LEX = Path(__file__).resolve().parents[2] / "src/marsad/lexicon"

INTER = set(range(1, 9))
SIDES = {"regime", "opposition", "jihadist", "kurdish", "coalition", "russia", "iran", "turkey", "israel",
         "us", "civilians", "unknown", "government_2025", "other"}
ACTOR_KINDS = {"armed", "political", "civilian", "generic"}
SOURCE_KINDS = {"monitor", "outlet", "agency", "activist_network", "official", "anonymous", "person_role"}
SCALES = {"local", "subnational", "national", "regional", "international", "other"}
AFFILIATIONS = {"opposition", "regime", "neutral", "kurdish", "foreign", "unknown"}
TITLE_KINDS = {"ranks": {"military", "police"}, "roles": {"official", "organisational", "religious"},
               "media": {"media"}}
TAKES = {"place", "org", None}

# English actor names used by the gold files; each must be some actor's name_en.
GOLD_ACTORS = [
    "Military Forces of Syria", "Syrian opposition factions", "Islamic State", "Civilians",
    "International Coalition", "YPG", "Unidentified armed group", "Unidentified military forces",
    "Jabhat al-Nusra", "National Defense Forces", "Kataib al-Safwa al-Islamiya", "Hayat Tahrir al-Sham",
    "Jaish al-Fateh", "Division 30", "Shabiha (pro-regime militia)", "Fatah Halab Operations Room",
    "Protesters", "Free Syrian Army", "Military Forces of Russia", "Iranian-backed militias",
    "Liwa Shuhada al-Islam", "Ansar al-Sharia Operations Room", "Southern Front",
]

ID_RE = re.compile(r"^[a-z][a-z0-9_]*$")
# names are matched on text whose punctuation became spaces: only letters, digits and single spaces
NAME_RE = re.compile(r"^[\u0621-\u064A\u0660-\u0669\u0670-\u06D3\u064B-\u065F0-9]+(?: [\u0621-\u064A\u0660-\u0669\u0670-\u06D3\u064B-\u065F0-9]+)*$")
# a proclitic glued to the article: "والنظام", "بالجيش", "للنظام" (names are listed after stripping)
CLITIC_ARTICLE = ("وال", "فال", "بال", "كال", "لل", "وبال", "ولل", "فبال", "فلل")


def _load(name: str) -> Any:
    with open(LEX / name, encoding="utf-8") as fh:
        return yaml.safe_load(fh)


@cache
def actors() -> list[dict[str, Any]]:
    return _load("actors.yaml")


@cache
def sources() -> list[dict[str, Any]]:
    return _load("sources.yaml")


@cache
def titles() -> dict[str, Any]:
    return _load("titles.yaml")


def _as_date(v: Any) -> date | None:
    if v is None:
        return None
    if isinstance(v, date):
        return v
    return date.fromisoformat(str(v))


def _period(a: dict[str, Any]) -> tuple[date, date]:
    lo = _as_date(a.get("valid_from")) or date.min
    hi = _as_date(a.get("valid_to")) or date.max
    return lo, hi


def _overlap(a: dict[str, Any], b: dict[str, Any]) -> bool:
    """Validity periods are [valid_from, valid_to): they overlap unless one ends where the other starts."""
    (a0, a1), (b0, b1) = _period(a), _period(b)
    return a0 < b1 and b0 < a1


def _check_name(name: Any, where: str) -> None:
    assert isinstance(name, str) and name, f"{where}: empty or non-string name {name!r}"
    assert name == name.strip() and "  " not in name, f"{where}: stray spaces in {name!r}"
    assert NAME_RE.match(name), f"{where}: {name!r} has characters the matcher never sees (punctuation?)"
    first = norm(name).split()[0]
    assert not any(first.startswith(norm(p)) for p in CLITIC_ARTICLE), \
        f"{where}: {name!r} starts with a proclitic glued to the article; list it without"


# ---- actors ---------------------------------------------------------------------------------

def test_actor_schema() -> None:
    data = actors()
    assert isinstance(data, list)
    assert len(data) >= 120
    required = {"id", "name_en", "inter", "side", "country", "names", "kind"}
    allowed = required | {"valid_from", "valid_to", "derogatory", "ambiguous", "assoc_of", "nationality"}
    ids = [a.get("id") for a in data]
    assert len(ids) == len(set(ids)), "duplicate actor ids"
    idset = set(ids)
    for a in data:
        aid = a.get("id")
        assert required <= a.keys(), f"{aid}: missing {required - a.keys()}"
        assert a.keys() <= allowed, f"{aid}: unknown keys {a.keys() - allowed}"
        assert ID_RE.match(aid), aid
        assert isinstance(a["name_en"], str) and a["name_en"].strip(), aid
        assert a["inter"] in INTER, f"{aid}: inter {a['inter']}"
        assert a["side"] in SIDES, f"{aid}: side {a['side']}"
        assert a["kind"] in ACTOR_KINDS, f"{aid}: kind {a['kind']}"
        assert isinstance(a["country"], str) and a["country"], aid
        lo, hi = _period(a)
        assert lo < hi, f"{aid}: valid_from is not before valid_to"
        assert a.get("assoc_of") is None or a["assoc_of"] in idset, f"{aid}: unknown assoc_of {a.get('assoc_of')}"
        assert a.get("assoc_of") != aid, aid
        assert isinstance(a["names"], list) and a["names"], f"{aid}: no names"
        for key in ("names", "derogatory", "ambiguous", "nationality"):
            vals = a.get(key) or []
            assert isinstance(vals, list), f"{aid}.{key}"
            for n in vals:
                _check_name(n, f"{aid}.{key}")


def test_actor_dates_are_iso() -> None:
    for a in actors():
        for key in ("valid_from", "valid_to"):
            v = a.get(key)
            if v is not None:
                assert isinstance(v, date) or re.match(r"^\d{4}-\d{2}-\d{2}$", str(v)), f"{a['id']}.{key}: {v!r}"
                _as_date(v)


def test_actor_names_not_shared_without_reason() -> None:
    """A name under two actors needs disjoint validity periods or an `ambiguous` listing in one of them."""
    firm: dict[str, list[dict[str, Any]]] = {}
    amb: dict[str, set[str]] = {}
    for a in actors():
        generated = nationality_names(a.get("nationality") or [], _load("forces.yaml"))
        for n in {norm(x) for x in (*(a.get("names") or []), *(a.get("derogatory") or []), *generated)}:
            firm.setdefault(n, []).append(a)
        amb_set = {norm(x) for x in a.get("ambiguous") or []}
        for n in amb_set:
            amb.setdefault(n, set()).add(a["id"])
    clashes = []
    for n, owners in firm.items():
        for x, y in combinations(owners, 2):
            if _overlap(x, y) and not ({x["id"], y["id"]} & amb.get(n, set())):
                clashes.append((n, x["id"], y["id"]))
    assert not clashes, clashes


def test_gold_actor_names_exist() -> None:
    names = {a["name_en"] for a in actors()}
    missing = [g for g in GOLD_ACTORS if g not in names]
    assert not missing, missing


def test_date_split_of_2024() -> None:
    """Government words belong to the regime before 2024-12-08 and to the new authorities from then on."""
    by_id = {a["id"]: a for a in actors()}
    old, new = by_id["syria_regime_forces"], by_id["syria_government_forces_2024"]
    assert _as_date(old["valid_to"]) == _as_date(new["valid_from"]) == date(2024, 12, 8)
    shared = {norm(n) for n in old["names"]} & {norm(n) for n in new["names"]}
    assert {norm("القوات الحكومية"), norm("الحكومة السورية")} <= shared


# ---- sources --------------------------------------------------------------------------------

def test_source_schema() -> None:
    data = sources()
    assert isinstance(data, list)
    assert len(data) >= 60
    required = {"id", "name_ar", "name_en", "names", "kind", "scale", "affiliation"}
    ids = [s.get("id") for s in data]
    assert len(ids) == len(set(ids)), "duplicate source ids"
    seen: dict[str, str] = {}
    for s in data:
        sid = s.get("id")
        assert required <= s.keys(), f"{sid}: missing {required - s.keys()}"
        assert s.keys() <= required, f"{sid}: unknown keys {s.keys() - required}"
        assert ID_RE.match(sid), sid
        assert s["kind"] in SOURCE_KINDS, f"{sid}: kind {s['kind']}"
        assert s["scale"] in SCALES, f"{sid}: scale {s['scale']}"
        assert s["affiliation"] in AFFILIATIONS, f"{sid}: affiliation {s['affiliation']}"
        assert isinstance(s["name_en"], str) and s["name_en"].strip(), sid
        assert isinstance(s["names"], list) and s["names"], sid
        for n in {s["name_ar"], *s["names"]}:
            _check_name(n, sid)
            k = norm(n)
            assert seen.setdefault(k, sid) == sid, f"{n!r} under both {seen[k]} and {sid}"


def test_anonymous_sources_present() -> None:
    anon = {norm(n) for s in sources() if s["kind"] == "anonymous" for n in s["names"]}
    for n in ("ناشطون", "مصادر محلية", "مصدر عسكري", "شهود عيان", "مصدر في المعارضة"):
        assert norm(n) in anon, n


# ---- titles ---------------------------------------------------------------------------------

@pytest.mark.parametrize("group,minimum", [("ranks", 25), ("roles", 30), ("media", 15)])
def test_title_schema(group: str, minimum: int) -> None:
    data = titles()
    assert isinstance(data, dict)
    entries = data.get(group)
    assert isinstance(entries, list) and len(entries) >= minimum
    seen: set[str] = set()
    for e in entries:
        assert {"ar", "en", "kind"} <= e.keys(), e
        assert e.keys() <= {"ar", "en", "kind", "takes", "ambiguous"}, e
        _check_name(e["ar"], f"{group}:{e['ar']}")
        assert isinstance(e["en"], str) and e["en"].strip(), e
        assert e["kind"] in TITLE_KINDS[group], e
        assert e.get("takes") in TAKES, e
        assert isinstance(e.get("ambiguous", False), bool), e
        k = norm(e["ar"])
        assert k not in seen, f"duplicate {group} title {e['ar']!r}"
        seen.add(k)


def test_brigade_rank_is_ambiguous() -> None:
    ranks = {norm(e["ar"]): e for e in titles()["ranks"]}
    assert ranks[norm("لواء")].get("ambiguous") is True


def test_forces_file_has_both_genders_of_nouns() -> None:
    data = _load("forces.yaml")
    assert set(data) == {"masculine", "feminine", "people"}
    for gender, nouns in data.items():
        assert isinstance(nouns, list) and nouns, gender
        for n in nouns:
            _check_name(n, f"forces.{gender}")


def test_nationality_names_agree_in_gender_and_take_the_article_on_every_word() -> None:
    names = nationality_names(["تركي"], {"masculine": ["قصف مدفعي"], "feminine": ["غارات"]})
    assert {"قصف مدفعي تركي", "القصف المدفعي التركي", "غارات تركية", "الغارات التركية"} <= set(names)
    assert "قصف تركي" not in names
    duals = nationality_names(["تركي"], {"feminine": ["طائرة"]})
    assert {"طائرتان تركيتان", "طائرتين تركيتين"} <= set(duals)
