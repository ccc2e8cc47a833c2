"""Schema checks for the event lexicons: triggers.yaml and cues.yaml."""

from __future__ import annotations

import re
from collections import defaultdict
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml

from marsad.text.normalize import norm

LEX = Path(__file__).resolve().parents[2] / "src/marsad/lexicon"

# ACLED event types and sub-event types (../shared/eval/README.md), plus Marsad's Displacement.
TAXONOMY: dict[str, set[str]] = {
    "Battles": {"Armed clash", "Government regains territory", "Non-state actor overtakes territory"},
    "Explosions/Remote violence": {"Chemical weapon", "Air/drone strike", "Suicide bomb",
                                   "Shelling/artillery/missile attack", "Remote explosive/landmine/IED",
                                   "Grenade"},
    "Violence against civilians": {"Sexual violence", "Attack", "Abduction/forced disappearance"},
    "Protests": {"Peaceful protest", "Protest with intervention", "Excessive force against protesters"},
    "Riots": {"Violent demonstration", "Mob violence"},
    "Strategic developments": {"Agreement", "Arrests", "Change to group/activity", "Disrupted weapons use",
                               "Headquarters or base established", "Looting/property destruction",
                               "Non-violent transfer of territory", "Other", "Displacement"},
}
TERRITORY = {"Government regains territory", "Non-state actor overtakes territory"}
TRIGGER_KEYS = {"id", "forms", "pos", "event_type", "sub_event_type", "sub_event_type_state", "roles",
                "fatal", "priority", "weak", "non_event"}
REQUIRED_KEYS = {"id", "forms", "pos", "event_type", "sub_event_type", "roles", "fatal", "priority"}
POS = {"verb", "noun", "masdar"}
ROLE_VALUES = {"actor1": {"subject", "between", "none"}, "actor2": {"object", "between", "none"}}
CUE_SECTIONS = ["instruments", "negation", "modality", "totals", "background", "wounded", "killed",
                "human_losses_no_killed", "victims_civilian"]
MODALITY_CLASSES = ["future", "call", "threat_warning", "possibility", "conditional", "denial", "opinion",
                    "question", "goal"]
ID_RE = re.compile(r"^[a-z][a-z0-9_]*$")
# a proclitic و / ف attached to the article: the matcher adds these itself
PROCLITIC_ARTICLE_RE = re.compile(r"^[وف][بلك]?ال")


@cache
def _load(name: str) -> Any:
    with open(LEX / name, encoding="utf-8") as fh:
        return yaml.safe_load(fh)


def triggers() -> list[dict[str, Any]]:
    return _load("triggers.yaml")


def cues() -> dict[str, Any]:
    return _load("cues.yaml")


def _key(form: str) -> str:
    return " ".join(norm(form).split())


def _check_forms(where: str, forms: Any) -> None:
    assert isinstance(forms, list) and forms, f"{where}: forms must be a non-empty list"
    for f in forms:
        assert isinstance(f, str) and f.strip() == f and f, f"{where}: bad form {f!r}"
        assert not PROCLITIC_ARTICLE_RE.match(norm(f)), f"{where}: proclitic attached in {f!r}"
        assert len(_key(f)) >= 2, f"{where}: form too short {f!r}"
    keys = [_key(f) for f in forms]
    dups = sorted({k for k in keys if keys.count(k) > 1})
    assert not dups, f"{where}: forms equal after normalisation: {dups}"


# ---- triggers.yaml ---------------------------------------------------------------------------
def test_triggers_is_a_list_of_at_least_60_unique_ids():
    data = triggers()
    assert isinstance(data, list)
    ids = [e["id"] for e in data]
    assert len(ids) >= 60
    assert len(ids) == len(set(ids)), "duplicate trigger ids"
    for i in ids:
        assert ID_RE.match(i), i


def test_trigger_keys_and_scalar_fields():
    for e in triggers():
        keys = set(e)
        assert REQUIRED_KEYS <= keys, (e["id"], REQUIRED_KEYS - keys)
        assert keys <= TRIGGER_KEYS, (e["id"], keys - TRIGGER_KEYS)
        assert e["pos"] in POS, e["id"]
        assert isinstance(e["fatal"], bool), e["id"]
        assert isinstance(e["priority"], int) and not isinstance(e["priority"], bool), e["id"]
        for flag in ("weak", "non_event"):
            assert isinstance(e.get(flag, False), bool), (e["id"], flag)


def test_trigger_types_are_in_the_taxonomy():
    for e in triggers():
        et, st, st_state = e["event_type"], e["sub_event_type"], e.get("sub_event_type_state")
        if e.get("non_event"):
            # a phrase that takes the words away from a trigger and codes nothing
            assert et in TAXONOMY and st is None and st_state is None and not e["fatal"], e["id"]
            continue
        if et is None:
            # death words: type from context; they must state deaths
            assert st is None and st_state is None, e["id"]
            assert e["fatal"] is True, e["id"]
            continue
        assert et in TAXONOMY, (e["id"], et)
        assert st in TAXONOMY[et], (e["id"], et, st)
        if st_state is not None:
            assert st in TERRITORY and st_state in TERRITORY and st_state != st, e["id"]
            assert st_state in TAXONOMY[et], e["id"]


def test_territory_triggers_give_both_sides():
    for e in triggers():
        if e["sub_event_type"] == "Non-state actor overtakes territory":
            assert e.get("sub_event_type_state") == "Government regains territory", e["id"]


def test_trigger_roles():
    for e in triggers():
        roles = e["roles"]
        assert isinstance(roles, dict), e["id"]
        assert set(roles) <= {"actor1", "actor2", "place"}, (e["id"], set(roles))
        for k, allowed in ROLE_VALUES.items():
            if k in roles:
                assert roles[k] in allowed, (e["id"], k, roles[k])
        place = roles.get("place", [])
        assert isinstance(place, list) and all(isinstance(p, str) and p for p in place), e["id"]


def test_trigger_forms_are_clean_and_unambiguous():
    owner: dict[str, list[str]] = defaultdict(list)
    for e in triggers():
        _check_forms(f"trigger {e['id']}", e["forms"])
        for f in e["forms"]:
            owner[_key(f)].append(e["id"])
    shared = {k: v for k, v in owner.items() if len(v) > 1}
    assert not shared, f"forms in several triggers: {shared}"


def test_core_trigger_words_map_to_their_types():
    index = {_key(f): e for e in triggers() for f in e["forms"]}
    expect = {
        "قصفت": ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
        "غارات": ("Explosions/Remote violence", "Air/drone strike"),
        "غارة جوية": ("Explosions/Remote violence", "Air/drone strike"),
        "اشتباكات": ("Battles", "Armed clash"),
        "سيطر": ("Battles", "Non-state actor overtakes territory"),
        "انسحبت": ("Strategic developments", "Non-violent transfer of territory"),
        "نزوح": ("Strategic developments", "Displacement"),
        "فرار": ("Strategic developments", "Displacement"),
        "اعتقال": ("Strategic developments", "Arrests"),
        "اختطف": ("Violence against civilians", "Abduction/forced disappearance"),
        "عبوة ناسفة": ("Explosions/Remote violence", "Remote explosive/landmine/IED"),
        "سيارة مفخخة": ("Explosions/Remote violence", "Remote explosive/landmine/IED"),
        "انتحاري": ("Explosions/Remote violence", "Suicide bomb"),
        "مظاهرة": ("Protests", "Peaceful protest"),
        "هدنة": ("Strategic developments", "Agreement"),
        "مقتل": (None, None),
    }
    for word, (et, st) in expect.items():
        e = index.get(_key(word))
        assert e is not None, word
        assert (e["event_type"], e["sub_event_type"]) == (et, st), word
    assert index[_key("مقتل")]["fatal"] is True
    assert index[_key("سيطر")]["sub_event_type_state"] == "Government regains territory"


def test_weak_triggers_are_marked():
    by_form = {_key(f): e for e in triggers() for f in e["forms"]}
    for word in ("دخلت", "غادر", "تشييع", "تعزيزات"):
        assert by_form[_key(word)].get("weak") is True, word
    # an advance is not an ACLED event by itself
    assert by_form[_key("تقدم")].get("non_event") is True


# ---- cues.yaml -------------------------------------------------------------------------------
def test_every_cue_section_is_present_and_non_empty():
    data = cues()
    assert isinstance(data, dict)
    for sec in CUE_SECTIONS:
        assert data.get(sec), sec


def test_instruments():
    seen: dict[str, str] = {}
    for i, inst in enumerate(cues()["instruments"]):
        assert set(inst) <= {"name", "forms", "event_type", "sub_event_type"}, i
        et, st = inst["event_type"], inst["sub_event_type"]
        assert et in TAXONOMY and st in TAXONOMY[et], (i, et, st)
        _check_forms(f"instrument {inst.get('name', i)}", inst["forms"])
        for f in inst["forms"]:
            k = _key(f)
            assert k not in seen, f"instrument form {f!r} in two classes"
            seen[k] = inst.get("name", str(i))
    subs = {inst["sub_event_type"] for inst in cues()["instruments"]}
    assert {"Air/drone strike", "Shelling/artillery/missile attack", "Remote explosive/landmine/IED",
            "Suicide bomb", "Chemical weapon", "Non-violent transfer of territory"} <= subs


def test_modality_classes():
    mod = cues()["modality"]
    assert isinstance(mod, dict)
    for cls in MODALITY_CLASSES:
        assert cls in mod, cls
    for cls, forms in mod.items():
        _check_forms(f"modality {cls}", forms)
        assert len(forms) >= 6, cls


@pytest.mark.parametrize("sec", [s for s in CUE_SECTIONS if s not in ("instruments", "modality")])
def test_cue_lists(sec):
    _check_forms(sec, cues()[sec])


def test_wounded_and_killed_do_not_overlap():
    wounded = {_key(f) for f in cues()["wounded"]}
    killed = {_key(f) for f in cues()["killed"]}
    assert not wounded & killed, wounded & killed


def test_non_event_entries_stay_silent():
    # non_event triggers code nothing because their sub-type stays null: no instrument may give
    # their event type a sub-type
    silent_types = {e["event_type"] for e in triggers() if e.get("non_event")}
    for inst in cues()["instruments"]:
        assert inst["event_type"] not in silent_types, inst.get("name")
