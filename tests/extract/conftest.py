"""Data folders for the entity and event tests.

Every test runs with its own data folder (``MARSAD_DATA_DIR``): the embedded default gazetteer
only, or (tests taking the ``ocha`` fixture) a folder where the OCHA Syria data from
``../shared/data/ocha-syria`` was imported once per module. The process-wide caches (gazetteer,
automaton) are rebuilt only when a test switches folder.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from marsad.extract import entities
from marsad.gazetteer.core import import_ocha, load_gazetteer

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"
OCHA = SHARED / "data" / "ocha-syria"

_current: list[str | None] = [None]  # the data folder the process-wide caches were built for


def _clear_caches() -> None:
    load_gazetteer.cache_clear()
    entities.resources.cache_clear()


def _use(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MARSAD_DATA_DIR", str(folder))
    if _current[0] != str(folder):
        _clear_caches()
        _current[0] = str(folder)


@pytest.fixture(scope="module", autouse=True)
def _module_caches():
    _clear_caches()
    _current[0] = None
    yield
    _clear_caches()
    _current[0] = None


@pytest.fixture(scope="module")
def default_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("marsad-default")


@pytest.fixture(scope="module")
def ocha_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if not (OCHA / "syr_admin4_point.geojson").exists():
        pytest.skip("../shared/data/ocha-syria is not available")
    folder = tmp_path_factory.mktemp("marsad-ocha")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("MARSAD_DATA_DIR", str(folder))
        _clear_caches()
        assert import_ocha(OCHA) > 1000
    _clear_caches()
    _current[0] = None
    return folder


@pytest.fixture(autouse=True)
def data_folder(default_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Default: the embedded gazetteer only (a data folder with no imports)."""
    _use(default_dir, monkeypatch)
    return default_dir


@pytest.fixture
def ocha(ocha_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Switch this test to the data folder holding the OCHA import."""
    _use(ocha_dir, monkeypatch)
    return ocha_dir


@pytest.fixture(scope="session")
def use_data_folder():
    """The folder switch itself, for module-scoped fixtures that analyse documents up front."""
    return _use
