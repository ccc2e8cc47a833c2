"""Score Marsad's events against hand-coded gold events (the scoring rule of the gold README).

Gold format: one JSON object per line with ``article_id``, ``event_type`` (a type or a list of
acceptable types), ``sub_event_type``, ``date``, ``location`` (``name_ar``, ``admin1``, optional
``lat``/``lon``/``name_en``/``pcode`` or a ``near`` community), ``actor1``, ``fatalities``,
``evidence`` and an optional ``optional`` flag. System events are the extractor's rows (ACLED
columns plus Marsad's: ``article_id``, ``event_type``, ``sub_event_type``, ``event_date``,
``admin1``, ``location``, ``location_ar``, ``latitude``, ``longitude``, ``actor1``,
``fatalities``, ``country``, ``evidence``, ``rule``).

The rule, as implemented here:

* System rows whose ``country`` is given and is not Syria are out of scope and dropped first
  (counted in ``n_out_of_scope``).
* Per article, system and gold events are paired one to one by a single weighted
  ``scipy.optimize.linear_sum_assignment``: weight ``BIG + MID * (gold is non-optional) +
  agreeing attributes`` for a pairable couple (nothing otherwise), with ``MID`` larger than any
  possible sum of attribute counts and ``BIG`` larger than any possible sum of the two lower
  terms, so the pairing maximises the number of pairs, then the pairs on non-optional gold, then
  the agreeing attributes (sub-event type, place, fatalities, actor1, date).
* Pairable: the system event type is the gold type (or one of the gold list); the governorate is
  the same (README spellings canonical, compared case-insensitively; p-codes SY01..SY14, the
  Arabic names and a few common English variants accepted on either side; an unknown system
  governorate never pairs); where both dates are known they differ by at most one day.
* A pair with non-optional gold is a true positive; a pair with optional gold is ignored
  (neither TP nor FP); an unpaired system event is a false positive; an unpaired non-optional
  gold event is a false negative. Precision = TP / (TP + FP), recall = TP / (TP + FN), micro over
  all articles; F1 = 2TP / (2TP + FP + FN).
* Place agreement (rule 4): fold_name(system ``location_ar``) equals fold_name(gold
  ``location.name_ar``); or the system coordinates lie within 10 km (haversine, inclusive) of the
  gold ``lat``/``lon`` or, for a gold place without coordinates, of its ``near`` community; or
  the system English ``location`` equals the gold ``location.name_en`` (case-insensitive; the
  ``near`` community's English name is not used).
* Strict: a TP counts only if the place agrees. Strict precision = strict TP / system events
  considered (in scope, minus those paired with optional gold, i.e. TP + FP); strict recall =
  strict TP / non-optional gold (TP + FN); strict F1 their harmonic mean.
* Agreement figures over TPs: sub-event type (exact, case-insensitive), place (rule 4),
  fatalities (exact; a missing value counts as 0), date (exact, over TPs whose gold date is
  known), actor1 (case-insensitive: one name contains the other, or both end in the same word;
  both missing counts as agreement, exactly one missing as disagreement).
* A ratio whose denominator is 0 is ``None`` (shown as ``n/a``).
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import numpy as np
from scipy.optimize import linear_sum_assignment

from marsad.text.normalize import fold_name, norm

__all__ = [
    "ATTRIBUTES",
    "ArticleCounts",
    "EvalError",
    "EvalReport",
    "Pair",
    "actor_agrees",
    "format_errors",
    "format_table",
    "gold_as_system",
    "load_jsonl",
    "place_agrees",
    "score",
]

ATTRIBUTES = ("sub_event_type", "place", "fatalities", "actor1", "date")
PLACE_RADIUS_KM = 10.0
EARTH_RADIUS_KM = 6371.0088


class EvalError(Exception):
    """A gold or system file that cannot be read or scored."""


# --------------------------------------------------------------------------- loading


def load_jsonl(path: Path) -> list[dict]:
    """Read one JSON object per line (blank lines skipped); EvalError names the file and line."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise EvalError(f"{path}: no such file") from None
    except (OSError, UnicodeDecodeError) as e:
        raise EvalError(f"{path}: cannot read: {e}") from None
    rows: list[dict] = []
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as e:
            raise EvalError(f"{path}:{n}: bad JSON: {e.msg} (column {e.colno})") from None
        if not isinstance(row, dict):
            raise EvalError(f"{path}:{n}: expected a JSON object, got {type(row).__name__}")
        rows.append(row)
    return rows


# --------------------------------------------------------------------------- governorates

_GOVERNORATES = [
    ("Damascus", "SY01", "دمشق", ()),
    ("Aleppo", "SY02", "حلب", ("Halab",)),
    ("Rural Damascus", "SY03", "ريف دمشق", ("Damascus Countryside", "Rif Dimashq", "Reef Damascus")),
    ("Homs", "SY04", "حمص", ()),
    ("Hama", "SY05", "حماة", ("Hamah",)),
    ("Lattakia", "SY06", "اللاذقية", ("Latakia", "Al-Lathiqiyah")),
    ("Idleb", "SY07", "إدلب", ("Idlib",)),
    ("Al-Hasakeh", "SY08", "الحسكة", ("Hasakeh", "Al-Hasakah", "Hasakah", "Hassakeh")),
    ("Deir-ez-Zor", "SY09", "دير الزور", ("Deir ez-Zor", "Deir al-Zour", "Deir ez Zor", "Dayr az Zawr")),
    ("Tartous", "SY10", "طرطوس", ("Tartus",)),
    ("Ar-Raqqa", "SY11", "الرقة", ("Raqqa", "Al-Raqqa", "Ar Raqqah", "Raqqah")),
    ("Dar'a", "SY12", "درعا", ("Daraa", "Deraa", "Dara'a")),
    ("As-Sweida", "SY13", "السويداء", ("Sweida", "Al-Suwayda", "As-Suwayda", "Suwayda")),
    ("Quneitra", "SY14", "القنيطرة", ("Al-Quneitra",)),
]


def _ascii_key(s: str) -> str:
    return re.sub(r"[^a-z0-9]", "", s.casefold())


_ADMIN1: dict[str, str] = {}
for _name, _pcode, _ar, _aliases in _GOVERNORATES:
    for _k in (_name, _pcode, *_aliases):
        _ADMIN1[_ascii_key(_k)] = _name
    _ADMIN1["ar:" + fold_name(_ar)] = _name
    _ADMIN1["ar:" + norm(_ar).replace(" ", "")] = _name


def canonical_admin1(value: Any) -> str | None:
    """The README spelling of a governorate (p-codes, Arabic and common variants accepted).

    Unknown non-empty values come back case-folded and stripped, so they still compare
    case-insensitively; empty values are None.
    """
    if value is None:
        return None
    s = str(value).strip()
    if not s:
        return None
    key = _ascii_key(s)
    if key in _ADMIN1:
        return _ADMIN1[key]
    ar = _ADMIN1.get("ar:" + norm(s).replace(" ", "")) or _ADMIN1.get("ar:" + fold_name(s))
    return ar or s.casefold()


# --------------------------------------------------------------------------- attribute tests


def _str(value: Any) -> str | None:
    if value is None:
        return None
    s = str(value).strip()
    return s or None


def _float(value: Any) -> float | None:
    if value is None or value == "":
        return None
    try:
        f = float(value)
    except (TypeError, ValueError):
        return None
    return f if math.isfinite(f) else None


def _int(value: Any) -> int | None:
    if value is None or value == "":
        return 0
    try:
        f = float(value)
    except (TypeError, ValueError):
        return None
    return int(f) if f.is_integer() else None


def _date(value: Any) -> date | None:
    s = _str(value)
    if s is None:
        return None
    try:
        return date.fromisoformat(s[:10])
    except ValueError:
        return None


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


def _gold_location(gold: dict) -> dict:
    loc = gold.get("location")
    return loc if isinstance(loc, dict) else {}


def place_agrees(system: dict, gold: dict) -> bool:
    """Rule 4: same folded Arabic name, coordinates within 10 km, or same English name."""
    loc = _gold_location(gold)
    s_ar, g_ar = _str(system.get("location_ar")), _str(loc.get("name_ar"))
    if s_ar and g_ar and fold_name(s_ar) and fold_name(s_ar) == fold_name(g_ar):
        return True
    s_lat, s_lon = _float(system.get("latitude")), _float(system.get("longitude"))
    if s_lat is not None and s_lon is not None:
        g_lat, g_lon = _float(loc.get("lat")), _float(loc.get("lon"))
        if g_lat is None or g_lon is None:
            near = loc.get("near") if isinstance(loc.get("near"), dict) else {}
            g_lat, g_lon = _float(near.get("lat")), _float(near.get("lon"))
        if g_lat is not None and g_lon is not None:
            if haversine_km(s_lat, s_lon, g_lat, g_lon) <= PLACE_RADIUS_KM:
                return True
    s_en, g_en = _str(system.get("location")), _str(loc.get("name_en"))
    return bool(s_en and g_en and s_en.casefold() == g_en.casefold())


_WORD_RE = re.compile(r"\w+")


def actor_agrees(a: Any, b: Any) -> bool:
    """actor1 agreement: case-insensitive containment either way, or the same last word.

    Both missing agrees; exactly one missing does not.
    """
    sa, sb = _str(a), _str(b)
    if sa is None and sb is None:
        return True
    if sa is None or sb is None:
        return False
    ca, cb = " ".join(sa.casefold().split()), " ".join(sb.casefold().split())
    if ca in cb or cb in ca:
        return True
    wa, wb = _WORD_RE.findall(ca), _WORD_RE.findall(cb)
    return bool(wa and wb and wa[-1] == wb[-1])


def _gold_types(gold: dict) -> set[str]:
    t = gold.get("event_type")
    types = t if isinstance(t, list) else [t]
    return {s.casefold() for s in (_str(x) for x in types) if s}


def _pairable(system: dict, gold: dict) -> bool:
    s_type = _str(system.get("event_type"))
    if not s_type or s_type.casefold() not in _gold_types(gold):
        return False
    s_adm = canonical_admin1(system.get("admin1"))
    g_adm = canonical_admin1(_gold_location(gold).get("admin1"))
    if s_adm is None or g_adm is None or s_adm != g_adm:
        return False
    s_date, g_date = _date(system.get("event_date")), _date(gold.get("date"))
    return s_date is None or g_date is None or abs((s_date - g_date).days) <= 1


def _agreement(system: dict, gold: dict) -> dict[str, bool | None]:
    """Which attributes agree; ``date`` is None when the gold date is unknown (not scored)."""
    s_sub, g_sub = _str(system.get("sub_event_type")), _str(gold.get("sub_event_type"))
    s_fat, g_fat = _int(system.get("fatalities")), _int(gold.get("fatalities"))
    g_date = _date(gold.get("date"))
    return {
        "sub_event_type": bool(s_sub and g_sub and s_sub.casefold() == g_sub.casefold()),
        "place": place_agrees(system, gold),
        "fatalities": s_fat is not None and s_fat == g_fat,
        "actor1": actor_agrees(system.get("actor1"), gold.get("actor1")),
        "date": None if g_date is None else _date(system.get("event_date")) == g_date,
    }


def _is_optional(gold: dict) -> bool:
    return bool(gold.get("optional"))


def _in_scope(system: dict) -> bool:
    country = _str(system.get("country"))
    return country is None or country.casefold() == "syria"


# --------------------------------------------------------------------------- report


@dataclass(slots=True)
class Pair:
    """A system event paired with a gold event; ``optional`` pairs are ignored by the scores."""

    system: dict
    gold: dict
    optional: bool
    agreement: dict[str, bool | None]

    @property
    def article_id(self) -> str:
        return str(self.gold.get("article_id"))

    @property
    def strict(self) -> bool:
        return not self.optional and bool(self.agreement["place"])

    def disagreements(self) -> list[str]:
        return [k for k in ATTRIBUTES if self.agreement.get(k) is False]


@dataclass(slots=True)
class ArticleCounts:
    article_id: str
    n_gold: int = 0
    n_gold_optional: int = 0
    n_system: int = 0
    n_out_of_scope: int = 0
    tp: int = 0
    fp: int = 0
    fn: int = 0
    strict_tp: int = 0
    paired_optional: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {k: getattr(self, k) for k in self.__slots__}  # type: ignore[attr-defined]


def _ratio(num: int, den: int) -> float | None:
    return num / den if den else None


@dataclass
class EvalReport:
    """Totals, micro scores, agreement figures, per-article counts and the pairing itself."""

    n_articles: int = 0
    n_gold: int = 0  # non-optional gold events
    n_gold_optional: int = 0
    n_system: int = 0  # in-scope system events
    n_out_of_scope: int = 0
    tp: int = 0
    fp: int = 0
    fn: int = 0
    paired_optional: int = 0
    strict_tp: int = 0
    tp_with_gold_date: int = 0
    agree_counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(ATTRIBUTES, 0))
    per_article: dict[str, ArticleCounts] = field(default_factory=dict)
    pairs: list[Pair] = field(default_factory=list)  # every pair, optional ones included
    false_positives: list[dict] = field(default_factory=list)  # system events
    false_negatives: list[dict] = field(default_factory=list)  # gold events
    out_of_scope: list[dict] = field(default_factory=list)  # system events dropped before pairing

    # micro scores
    @property
    def precision(self) -> float | None:
        return _ratio(self.tp, self.tp + self.fp)

    @property
    def recall(self) -> float | None:
        return _ratio(self.tp, self.tp + self.fn)

    @property
    def f1(self) -> float | None:
        return _ratio(2 * self.tp, 2 * self.tp + self.fp + self.fn)

    @property
    def n_system_considered(self) -> int:
        """In-scope system events minus those paired with optional gold (= TP + FP)."""
        return self.n_system - self.paired_optional

    @property
    def strict_precision(self) -> float | None:
        return _ratio(self.strict_tp, self.n_system_considered)

    @property
    def strict_recall(self) -> float | None:
        return _ratio(self.strict_tp, self.n_gold)

    @property
    def strict_f1(self) -> float | None:
        return _ratio(2 * self.strict_tp, self.n_system_considered + self.n_gold)

    # agreement over true positives
    @property
    def sub_event_accuracy(self) -> float | None:
        return _ratio(self.agree_counts["sub_event_type"], self.tp)

    @property
    def place_accuracy(self) -> float | None:
        return _ratio(self.agree_counts["place"], self.tp)

    @property
    def actor1_agreement(self) -> float | None:
        return _ratio(self.agree_counts["actor1"], self.tp)

    @property
    def fatalities_agreement(self) -> float | None:
        return _ratio(self.agree_counts["fatalities"], self.tp)

    @property
    def date_agreement(self) -> float | None:
        return _ratio(self.agree_counts["date"], self.tp_with_gold_date)

    @property
    def true_positives(self) -> list[Pair]:
        return [p for p in self.pairs if not p.optional]

    def figures(self) -> dict[str, float | None]:
        return {
            "precision": self.precision,
            "recall": self.recall,
            "f1": self.f1,
            "strict_precision": self.strict_precision,
            "strict_recall": self.strict_recall,
            "strict_f1": self.strict_f1,
            "sub_event_accuracy": self.sub_event_accuracy,
            "place_accuracy": self.place_accuracy,
            "actor1_agreement": self.actor1_agreement,
            "fatalities_agreement": self.fatalities_agreement,
            "date_agreement": self.date_agreement,
        }

    def counts(self) -> dict[str, int]:
        return {
            "n_articles": self.n_articles,
            "n_gold": self.n_gold,
            "n_gold_optional": self.n_gold_optional,
            "n_system": self.n_system,
            "n_out_of_scope": self.n_out_of_scope,
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "paired_optional": self.paired_optional,
            "strict_tp": self.strict_tp,
            "tp_with_gold_date": self.tp_with_gold_date,
        }

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready: counts, figures, agreement counts, per-article counts and the details."""
        return {
            **self.counts(),
            **self.figures(),
            "agree_counts": dict(self.agree_counts),
            "per_article": [c.to_dict() for c in self.per_article.values()],
            "pairs": [
                {"article_id": p.article_id, "optional": p.optional, "agreement": dict(p.agreement),
                 "system": p.system, "gold": p.gold}
                for p in self.pairs
            ],
            "false_positives": list(self.false_positives),
            "false_negatives": list(self.false_negatives),
            "out_of_scope": list(self.out_of_scope),
        }


# --------------------------------------------------------------------------- scoring


def _check_gold(gold: list[dict]) -> None:
    for i, g in enumerate(gold, 1):
        if not isinstance(g, dict):
            raise EvalError(f"gold event {i}: expected an object")
        if _str(g.get("article_id")) is None:
            raise EvalError(f"gold event {i}: no article_id")
        if not _gold_types(g):
            raise EvalError(f"gold event {i} ({g.get('article_id')}): no event_type")
        if _str(_gold_location(g).get("admin1")) is None:
            raise EvalError(f"gold event {i} ({g.get('article_id')}): no location.admin1")


def _match(system: list[dict], gold: list[dict]) -> list[tuple[int, int, dict[str, bool | None]]]:
    """The lexicographically best one-to-one pairing: (system index, gold index, agreement)."""
    n, m = len(system), len(gold)
    if not n or not m:
        return []
    k = min(n, m)
    mid = len(ATTRIBUTES) * k + 1  # > any total of attribute counts
    big = mid * (k + 1)  # > any total of mid * non-optional + attribute counts
    weight = np.zeros((n, m), dtype=np.int64)
    agreements: dict[tuple[int, int], dict[str, bool | None]] = {}
    for i, s in enumerate(system):
        for j, g in enumerate(gold):
            if not _pairable(s, g):
                continue
            agr = _agreement(s, g)
            agreements[i, j] = agr
            weight[i, j] = big + mid * (not _is_optional(g)) + sum(1 for v in agr.values() if v)
    if not agreements:
        return []
    rows, cols = linear_sum_assignment(weight, maximize=True)
    return [(int(i), int(j), agreements[i, j]) for i, j in zip(rows, cols, strict=True) if (i, j) in agreements]


def score(system: list[dict], gold: list[dict], article_ids: Iterable[str] | None = None) -> EvalReport:
    """Score system events against gold events by the README's rule (see the module docstring).

    ``article_ids``: the articles scored, so that an article with no gold event still counts its
    false positives; events of other articles are left out. When None, the articles are those
    that appear in the gold or the system events.
    """
    _check_gold(gold)
    for i, s in enumerate(system, 1):
        if not isinstance(s, dict):
            raise EvalError(f"system event {i}: expected an object")
        if _str(s.get("article_id")) is None:
            raise EvalError(f"system event {i}: no article_id")

    if article_ids is None:
        order = list(dict.fromkeys([str(g["article_id"]).strip() for g in gold]
                                   + [str(s["article_id"]).strip() for s in system]))
    else:
        order = list(dict.fromkeys(str(a).strip() for a in article_ids))
    wanted = set(order)
    gold_by: dict[str, list[dict]] = {a: [] for a in order}
    sys_by: dict[str, list[dict]] = {a: [] for a in order}
    for g in gold:
        a = str(g["article_id"]).strip()
        if a in wanted:
            gold_by[a].append(g)
    for s in system:
        a = str(s["article_id"]).strip()
        if a in wanted:
            sys_by[a].append(s)

    report = EvalReport(n_articles=len(order))
    for a in order:
        c = ArticleCounts(a)
        g_rows = gold_by[a]
        s_rows = []
        for s in sys_by[a]:
            if _in_scope(s):
                s_rows.append(s)
            else:
                c.n_out_of_scope += 1
                report.out_of_scope.append(s)
        c.n_system = len(s_rows)
        c.n_gold_optional = sum(1 for g in g_rows if _is_optional(g))
        c.n_gold = len(g_rows) - c.n_gold_optional

        paired_s: set[int] = set()
        paired_g: set[int] = set()
        for i, j, agr in _match(s_rows, g_rows):
            paired_s.add(i)
            paired_g.add(j)
            pair = Pair(s_rows[i], g_rows[j], _is_optional(g_rows[j]), agr)
            report.pairs.append(pair)
            if pair.optional:
                c.paired_optional += 1
                continue
            c.tp += 1
            c.strict_tp += bool(agr["place"])
            for key in ATTRIBUTES:
                report.agree_counts[key] += bool(agr[key])
            report.tp_with_gold_date += agr["date"] is not None
        for i, s in enumerate(s_rows):
            if i not in paired_s:
                c.fp += 1
                report.false_positives.append(s)
        for j, g in enumerate(g_rows):
            if j not in paired_g and not _is_optional(g):
                c.fn += 1
                report.false_negatives.append(g)

        report.per_article[a] = c
        report.n_gold += c.n_gold
        report.n_gold_optional += c.n_gold_optional
        report.n_system += c.n_system
        report.n_out_of_scope += c.n_out_of_scope
        report.tp += c.tp
        report.fp += c.fp
        report.fn += c.fn
        report.strict_tp += c.strict_tp
        report.paired_optional += c.paired_optional
    return report


def gold_as_system(gold: dict) -> dict:
    """A gold event written as a system row (first acceptable type, gold coordinates or ``near``'s)."""
    loc = _gold_location(gold)
    t = gold.get("event_type")
    near = loc.get("near") if isinstance(loc.get("near"), dict) else {}
    lat, lon = loc.get("lat"), loc.get("lon")
    if lat is None or lon is None:
        lat, lon = near.get("lat"), near.get("lon")
    return {
        "article_id": gold.get("article_id"),
        "event_type": t[0] if isinstance(t, list) and t else t,
        "sub_event_type": gold.get("sub_event_type"),
        "event_date": gold.get("date"),
        "admin1": loc.get("admin1"),
        "location": loc.get("name_en"),
        "location_ar": loc.get("name_ar"),
        "latitude": lat,
        "longitude": lon,
        "actor1": gold.get("actor1"),
        "fatalities": gold.get("fatalities", 0),
        "country": "Syria",
        "evidence": gold.get("evidence", ""),
        "rule": "gold",
    }


# --------------------------------------------------------------------------- formatting


def _fmt(x: float | None) -> str:
    return "  n/a" if x is None else f"{x:.3f}"


def format_table(report: EvalReport, title: str = "") -> str:
    """A fixed-width table: P/R/F1 lenient and strict, agreement over TPs, counts, per article."""
    r = report
    lines: list[str] = []
    if title:
        lines += [title, "=" * len(title)]
    lines.append(
        f"articles {r.n_articles} · gold {r.n_gold} (+{r.n_gold_optional} optional) · "
        f"system {r.n_system} in scope ({r.n_out_of_scope} out of scope dropped)"
    )
    lines.append("")
    lines.append(f"{'':<10}{'P':>8}{'R':>8}{'F1':>8}")
    lines.append(f"{'lenient':<10}{_fmt(r.precision):>8}{_fmt(r.recall):>8}{_fmt(r.f1):>8}")
    lines.append(f"{'strict':<10}{_fmt(r.strict_precision):>8}{_fmt(r.strict_recall):>8}{_fmt(r.strict_f1):>8}")
    lines.append("")
    lines.append(f"agreement over {r.tp} true positives:")
    for label, key, value, den in (
        ("sub-event type", "sub_event_type", r.sub_event_accuracy, r.tp),
        ("place", "place", r.place_accuracy, r.tp),
        ("actor1", "actor1", r.actor1_agreement, r.tp),
        ("fatalities", "fatalities", r.fatalities_agreement, r.tp),
        ("date", "date", r.date_agreement, r.tp_with_gold_date),
    ):
        note = "  (TPs with a gold date)" if key == "date" else ""
        lines.append(f"  {label:<16}{_fmt(value):>7}  {r.agree_counts[key]:>4}/{den:<4}{note}")
    lines.append("")
    lines.append(
        f"TP {r.tp} · FP {r.fp} · FN {r.fn} · strict TP {r.strict_tp} · "
        f"paired with optional gold {r.paired_optional} (ignored)"
    )
    if r.per_article:
        lines.append("")
        width = max(12, *(len(a) for a in r.per_article))
        head = ("gold", "opt", "sys", "oos", "TP", "FP", "FN", "sTP")
        lines.append(f"{'article':<{width}}" + "".join(f"{h:>6}" for h in head))
        for c in r.per_article.values():
            vals = (c.n_gold, c.n_gold_optional, c.n_system, c.n_out_of_scope, c.tp, c.fp, c.fn, c.strict_tp)
            lines.append(f"{c.article_id:<{width}}" + "".join(f"{v:>6}" for v in vals))
        vals = (r.n_gold, r.n_gold_optional, r.n_system, r.n_out_of_scope, r.tp, r.fp, r.fn, r.strict_tp)
        lines.append(f"{'total':<{width}}" + "".join(f"{v:>6}" for v in vals))
    return "\n".join(lines)


def _sys_place(s: dict) -> str:
    parts = [x for x in (_str(s.get("location_ar")), _str(s.get("location"))) if x]
    name = " / ".join(parts) or "?"
    lat, lon = _float(s.get("latitude")), _float(s.get("longitude"))
    coords = f" ({lat:.3f},{lon:.3f})" if lat is not None and lon is not None else ""
    return f"{name}{coords}, {_str(s.get('admin1')) or '?'}"


def _gold_place(g: dict) -> str:
    loc = _gold_location(g)
    parts = [x for x in (_str(loc.get("name_ar")), _str(loc.get("name_en"))) if x]
    name = " / ".join(parts) or "?"
    near = loc.get("near") if isinstance(loc.get("near"), dict) else None
    if near:
        name += f" (near {_str(near.get('name_en')) or _str(near.get('name_ar')) or '?'})"
    lat, lon = _float(loc.get("lat")), _float(loc.get("lon"))
    if lat is not None and lon is not None:
        name += f" ({lat:.3f},{lon:.3f})"
    return f"{name}, {_str(loc.get('admin1')) or '?'}"


def _gold_type(g: dict) -> str:
    t = g.get("event_type")
    return " or ".join(str(x) for x in t) if isinstance(t, list) else str(t)


def _sys_line(s: dict) -> str:
    return (
        f"{s.get('event_type')} > {s.get('sub_event_type')} · {_sys_place(s)} · "
        f"date {s.get('event_date')} · actor1 {s.get('actor1')} · fatalities {s.get('fatalities')}"
    )


def _gold_line(g: dict) -> str:
    return (
        f"{_gold_type(g)} > {g.get('sub_event_type')} · {_gold_place(g)} · "
        f"date {g.get('date')} · actor1 {g.get('actor1')} · fatalities {g.get('fatalities')}"
    )


def _mismatch(p: Pair, key: str) -> str:
    s, g = p.system, p.gold
    if key == "sub_event_type":
        return f"sub-type {s.get('sub_event_type')} ≠ {g.get('sub_event_type')}"
    if key == "place":
        return f"place {_sys_place(s)} ≠ {_gold_place(g)}"
    if key == "fatalities":
        return f"fatalities {s.get('fatalities')} ≠ {g.get('fatalities')}"
    if key == "actor1":
        return f"actor1 {s.get('actor1')} ≠ {g.get('actor1')}"
    return f"date {s.get('event_date')} ≠ {g.get('date')}"


def format_errors(report: EvalReport) -> str:
    """Errors grouped by article: ``+`` false positives, ``-`` false negatives, ``~`` TPs that disagree.

    A ``~`` line lists the attributes that disagree (place, fatalities, date, sub-type, actor1):
    these are what strict F1 and the agreement figures lose.
    """
    fps: dict[str, list[dict]] = {}
    fns: dict[str, list[dict]] = {}
    tps: dict[str, list[Pair]] = {}
    for s in report.false_positives:
        fps.setdefault(str(s.get("article_id")).strip(), []).append(s)
    for g in report.false_negatives:
        fns.setdefault(str(g.get("article_id")).strip(), []).append(g)
    for p in report.true_positives:
        if p.disagreements():
            tps.setdefault(p.article_id.strip(), []).append(p)
    order = list(dict.fromkeys([*report.per_article, *fps, *fns, *tps]))
    out: list[str] = []
    for a in order:
        if not (fps.get(a) or fns.get(a) or tps.get(a)):
            continue
        c = report.per_article.get(a)
        head = f"== {a}"
        if c is not None:
            head += f"  (TP {c.tp} · FP {c.fp} · FN {c.fn})"
        out.append(head)
        for s in fps.get(a, []):
            out.append(f"  + FP  {_sys_line(s)} · rule {s.get('rule')}")
            out.append(f"        evidence: {_str(s.get('evidence')) or ''}")
        for g in fns.get(a, []):
            out.append(f"  - FN  {_gold_line(g)}")
            out.append(f"        evidence: {_str(g.get('evidence')) or ''}")
        for p in tps.get(a, []):
            out.append(f"  ~ TP  {'; '.join(_mismatch(p, k) for k in p.disagreements())}")
            out.append(f"        system: {_sys_line(p.system)} · rule {p.system.get('rule')}")
            out.append(f"        gold:   {_gold_line(p.gold)}")
            s_ev, g_ev = _str(p.system.get("evidence")) or "", _str(p.gold.get("evidence")) or ""
            out.append(f"        evidence: {s_ev}")
            if g_ev != s_ev:
                out.append(f"        gold evidence: {g_ev}")
        out.append("")
    if not out:
        return "no errors"
    return "\n".join(out).rstrip() + "\n"
