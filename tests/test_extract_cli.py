"""`marsad extract` and `marsad eval` as a user runs them, on real files."""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from pathlib import Path

import pytest

from marsad.model import EVENT_COLUMNS

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures" / "articles"
SHARED = ROOT / ".." / "shared" / "eval"


def run(*args: str, data_dir: Path) -> subprocess.CompletedProcess:
    import os

    env = dict(os.environ, MARSAD_DATA_DIR=str(data_dir))
    return subprocess.run([sys.executable, "-m", "marsad", *args], capture_output=True, timeout=300, env=env)


def test_extract_jsonl_to_csv_with_acled_columns(tmp_path):
    out = tmp_path / "ev.csv"
    p = run("extract", str(FIXTURES / "articles.jsonl"), "-o", str(out), data_dir=tmp_path)
    assert p.returncode == 0, p.stderr
    assert "14 articles" in p.stdout.decode()
    with open(out, encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert rows and list(rows[0].keys()) == EVENT_COLUMNS
    assert {r["article_id"] for r in rows} <= {f"fx-{i:02d}" for i in range(1, 15)}
    assert all(r["event_type"] and r["evidence"] for r in rows)


def test_extract_folder_to_jsonl_skips_bad_files(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text((FIXTURES / "01_homs_protest_2011.txt").read_text(encoding="utf-8"),
                                  encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    out = tmp_path / "ev.jsonl"
    p = run("extract", str(folder), "-o", str(out), data_dir=tmp_path)
    assert p.returncode == 0, p.stderr
    assert "skipped" in p.stderr.decode()
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert rows and all(r["article_id"] == "a" for r in rows)


def test_extract_refuses_unknown_output_type(tmp_path):
    p = run("extract", str(FIXTURES / "articles.jsonl"), "-o", str(tmp_path / "x.txt"), data_dir=tmp_path)
    assert p.returncode == 2 and b"Traceback" not in p.stderr


def test_eval_on_our_fixtures_prints_figures_and_errors(tmp_path):
    p = run("eval", "--articles", str(FIXTURES / "articles.jsonl"), "--gold", str(FIXTURES / "gold.jsonl"),
            "--show-errors", data_dir=tmp_path)
    assert p.returncode == 0, p.stderr
    out = p.stdout.decode()
    assert "lenient" in out and "strict" in out
    p = run("eval", "--articles", str(FIXTURES / "articles.jsonl"), "--gold", str(FIXTURES / "gold.jsonl"),
            "--json", data_dir=tmp_path)
    figures = json.loads(p.stdout)
    assert 0.0 <= figures["f1"] <= 1.0


def test_eval_missing_gold_is_a_clear_error(tmp_path):
    p = run("eval", "--articles", str(FIXTURES / "articles.jsonl"), "--gold", str(tmp_path / "nope.jsonl"),
            data_dir=tmp_path)
    assert p.returncode == 2
    err = p.stderr.decode().strip()
    assert "\n" not in err and "Traceback" not in err


@pytest.mark.skipif(not (SHARED / "seeds.gold.jsonl").exists(), reason="../shared not present")
def test_eval_on_the_seeds_with_ocha_meets_a_floor(tmp_path):
    ocha = ROOT / ".." / "shared" / "data" / "ocha-syria"
    assert run("gazetteer", "import", "ocha", str(ocha), data_dir=tmp_path).returncode == 0
    p = run("eval", "--articles", str(SHARED / "seeds.articles.jsonl"), "--gold", str(SHARED / "seeds.gold.jsonl"),
            "--json", data_dir=tmp_path)
    assert p.returncode == 0, p.stderr
    figures = json.loads(p.stdout)
    # a floor that catches regressions, well below the aim
    assert figures["recall"] >= 0.8
    assert figures["f1"] >= 0.6


def test_eval_gold_without_event_type_is_a_clear_error(tmp_path):
    gold = tmp_path / "gold.jsonl"
    gold.write_text('{"article_id": "fx-01"}\n', encoding="utf-8")
    p = run("eval", "--articles", str(FIXTURES / "articles.jsonl"), "--gold", str(gold), data_dir=tmp_path)
    assert p.returncode == 2
    err = p.stderr.decode().strip()
    assert "event_type" in err and "\n" not in err and "Traceback" not in err
