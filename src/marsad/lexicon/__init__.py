"""Lexicons (data files in this folder) and their loaders.

``actors.yaml``, ``sources.yaml``, ``titles.yaml``, ``triggers.yaml``, ``cues.yaml`` and
``quantities.yaml`` are data that analysts can edit without touching Python. They are read once
per process (``functools.lru_cache``) and compiled, together with the gazetteer's names, into one
:class:`~marsad.lexicon.matcher.Matcher`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from marsad.text.normalize import norm

HERE = Path(__file__).resolve().parent

__all__ = ["Actor", "Source", "Title", "Trigger", "Lexicon", "load_lexicon", "read_yaml", "HERE"]

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def read_yaml(name: str) -> Any:
    """Parse one lexicon file of this folder."""
    with open(HERE / name, encoding="utf-8") as fh:
        return yaml.load(fh, Loader=_Loader)


def _date(v: Any) -> date | None:
    if v is None or isinstance(v, date):
        return v
    return date.fromisoformat(str(v))


@dataclass(frozen=True, slots=True)
class Actor:
    id: str
    name_en: str
    inter: int
    side: str
    country: str = "Syria"
    kind: str = "armed"
    valid_from: date | None = None
    valid_to: date | None = None
    assoc_of: str | None = None
    names: tuple[str, ...] = ()
    ambiguous: tuple[str, ...] = ()

    def valid_on(self, day: date | None) -> bool:
        if day is None:
            return True
        return (self.valid_from is None or self.valid_from <= day) and (
            self.valid_to is None or day < self.valid_to)


@dataclass(frozen=True, slots=True)
class Source:
    id: str
    name_ar: str
    name_en: str
    kind: str
    scale: str
    affiliation: str = "unknown"
    names: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Title:
    id: str
    ar: str
    en: str
    group: str  # rank | role | media
    kind: str
    takes: str | None = None
    ambiguous: bool = False


@dataclass(frozen=True, slots=True)
class Trigger:
    id: str
    forms: tuple[str, ...]
    pos: str
    event_type: str | None
    sub_event_type: str | None
    sub_event_type_state: str | None = None
    roles: dict[str, Any] = field(default_factory=dict, hash=False, compare=False)
    fatal: bool = False
    priority: int = 1
    weak: bool = False
    non_event: bool = False  # a fixed phrase that holds a trigger word but states no event


@dataclass(slots=True)
class Lexicon:
    actors: dict[str, Actor]
    sources: dict[str, Source]
    titles: dict[str, Title]
    triggers: dict[str, Trigger]
    cues: dict[str, Any]
    # normalised name -> ids, for lookups outside the automaton
    actor_names: dict[str, list[str]]
    source_names: dict[str, list[str]]


def _definite(phrase: str) -> str:
    """Every word of a noun phrase with the article: "قصف مدفعي" -> "القصف المدفعي"."""
    return " ".join(w if w.startswith("ال") else "ال" + w for w in phrase.split())


def nationality_names(adjectives: list[str], nouns: dict[str, list[str]]) -> list[str]:
    """Names of a country's forces written as a force noun and its nationality adjective
    (``forces.yaml``): "قصف مدفعي تركي", "غارات تركية", "القوات التركية"..."""
    out: list[str] = []
    for adj in adjectives:
        for gender, form in (("masculine", adj), ("feminine", adj + "ة")):
            for noun in nouns.get(gender) or []:
                out.append(f"{noun} {form}")
                out.append(f"{_definite(noun)} {_definite(form)}")
        for noun in nouns.get("people") or []:
            # a soldier of that country: "جندي تركي", "الجندي التركي", "جنديا تركيا"
            out += [f"{noun} {adj}", f"{_definite(noun)} {_definite(adj)}", f"{noun}ا {adj}ا"]
        for noun in nouns.get("feminine") or []:
            if " " not in noun and noun.endswith("ة"):
                # the dual: "مدمرتان أمريكيتان", "طائرتين تركيتين"
                for n_end, a_end in (("تان", "تان"), ("تين", "تين")):
                    out.append(f"{noun[:-1]}{n_end} {adj}{a_end}")
    return out


def _load_actors() -> dict[str, Actor]:
    out: dict[str, Actor] = {}
    forces = read_yaml("forces.yaml") or {}
    for e in read_yaml("actors.yaml") or []:
        names = tuple(dict.fromkeys([*(e.get("names") or []), *(e.get("derogatory") or []),
                                     *nationality_names(e.get("nationality") or [], forces)]))
        out[e["id"]] = Actor(
            id=e["id"], name_en=e["name_en"], inter=int(e.get("inter") or 0), side=e.get("side", "unknown"),
            country=e.get("country") or "Syria", kind=e.get("kind") or "armed",
            valid_from=_date(e.get("valid_from")), valid_to=_date(e.get("valid_to")),
            assoc_of=e.get("assoc_of"), names=names, ambiguous=tuple(e.get("ambiguous") or ()),
        )
    return out


def _load_sources() -> dict[str, Source]:
    out: dict[str, Source] = {}
    for e in read_yaml("sources.yaml") or []:
        names = tuple(dict.fromkeys([e["name_ar"], *(e.get("names") or [])]))
        out[e["id"]] = Source(e["id"], e["name_ar"], e.get("name_en") or e["name_ar"], e.get("kind", "outlet"),
                              e.get("scale") or "other", e.get("affiliation") or "unknown", names)
    return out


def _load_titles() -> dict[str, Title]:
    data = read_yaml("titles.yaml") or {}
    out: dict[str, Title] = {}
    for group, key in (("rank", "ranks"), ("role", "roles"), ("media", "media")):
        for e in data.get(key) or []:
            tid = f"{group}:{norm(e['ar'])}"
            out[tid] = Title(tid, e["ar"], e.get("en") or e["ar"], group, e.get("kind") or group,
                             e.get("takes"), bool(e.get("ambiguous", False)))
    return out


def _load_triggers() -> dict[str, Trigger]:
    out: dict[str, Trigger] = {}
    for e in read_yaml("triggers.yaml") or []:
        out[e["id"]] = Trigger(
            id=e["id"], forms=tuple(e.get("forms") or ()), pos=e.get("pos", "verb"),
            event_type=e.get("event_type"), sub_event_type=e.get("sub_event_type"),
            sub_event_type_state=e.get("sub_event_type_state"), roles=e.get("roles") or {},
            fatal=bool(e.get("fatal", False)), priority=int(e.get("priority", 1)), weak=bool(e.get("weak", False)),
            non_event=bool(e.get("non_event", False)),
        )
    return out


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """All lexicons, parsed once per process."""
    actors = _load_actors()
    sources = _load_sources()
    actor_names: dict[str, list[str]] = {}
    for a in actors.values():
        for n in (*a.names, *a.ambiguous):
            actor_names.setdefault(norm(n), []).append(a.id)
    source_names: dict[str, list[str]] = {}
    for s in sources.values():
        for n in s.names:
            source_names.setdefault(norm(n), []).append(s.id)
    return Lexicon(actors, sources, _load_titles(), _load_triggers(), read_yaml("cues.yaml") or {},
                   actor_names, source_names)
