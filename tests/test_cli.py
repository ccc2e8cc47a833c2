"""The command line as a user runs it: a real process, real files."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[1] / ".." / "shared"
SEED3 = SHARED / "seeds" / "003_edc59027a6f909a1.txt"
SEED0 = SHARED / "seeds" / "000_9d9063c38ab4daf6.txt"


def run(*args: str, stdin: bytes | None = None, env_dir: Path | None = None) -> subprocess.CompletedProcess:
    import os

    env = dict(os.environ)
    if env_dir is not None:
        env["MARSAD_DATA_DIR"] = str(env_dir)
    return subprocess.run([sys.executable, "-m", "marsad", *args], input=stdin, capture_output=True,
                          timeout=120, env=env)


def assert_one_line_error(p: subprocess.CompletedProcess) -> str:
    assert p.returncode == 2, p.stderr
    err = p.stderr.decode("utf-8").strip()
    assert err and "\n" not in err, err
    assert "Traceback" not in err
    return err


@pytest.mark.parametrize("content", [b"", b"  \n\t \n"])
def test_empty_and_blank_files_exit_2(tmp_path, content):
    f = tmp_path / "a.txt"
    f.write_bytes(content)
    err = assert_one_line_error(run("analyze", str(f)))
    assert "empty" in err


def test_missing_path_and_folder_exit_2(tmp_path):
    assert "no such file" in assert_one_line_error(run("analyze", str(tmp_path / "nope.txt")))
    assert "folder" in assert_one_line_error(run("analyze", str(tmp_path)))


def test_binary_file_exits_2(tmp_path):
    f = tmp_path / "x.bin"
    f.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    assert "binary" in assert_one_line_error(run("analyze", str(f)))


def test_text_without_arabic_exits_2(tmp_path):
    f = tmp_path / "en.txt"
    f.write_text("Shelling hit the town on Thursday, activists said.", encoding="utf-8")
    assert "Arabic" in assert_one_line_error(run("analyze", str(f)))


def test_analyze_reads_stdin_and_honours_published():
    text = "قصفت قوات النظام بلدة تلبيسة يوم الخميس، ما أدى إلى مقتل ثلاثة مدنيين، بحسب ناشطين.".encode()
    p = run("analyze", "-", "--published", "2024-12-06", stdin=text)
    assert p.returncode == 0, p.stderr
    doc = json.loads(p.stdout)
    assert doc["published"] == "2024-12-06"
    assert any(d["date"] == "2024-12-05" for d in doc["dates"])
    assert any(n["value"] == 3 for n in doc["numbers"])


def test_bad_published_option_is_a_clear_error():
    p = run("analyze", "-", "--published", "yesterday", stdin="قصف على حلب".encode())
    assert "date" in assert_one_line_error(p)


@pytest.mark.skipif(not SEED3.exists(), reason="../shared not present")
def test_seed_003_acceptance():
    p = run("analyze", str(SEED3), "--format", "json")
    assert p.returncode == 0, p.stderr
    doc = json.loads(p.stdout)
    assert doc["published"] == "2024-12-06"
    for furniture in ("+ الخط -", "استمع إلى الملخص", "اظهر الملخص", "المساهمون", "(الأناضول)"):
        assert furniture not in doc["text"]
    assert len(doc["site_summary"]) == 3
    dates = {d["text"]: d["date"] for d in doc["dates"]}
    assert dates.get("يوم الخميس") == "2024-12-05"
    nums = {n["text"]: n for n in doc["numbers"]}
    three = next(n for t, n in nums.items() if "ثلاثة" in t)
    assert three["value"] == 3
    two_hundred = next(n for t, n in nums.items() if "200" in t)
    assert two_hundred["value"] == 200 and two_hundred["kind"] == "at_least"


@pytest.mark.skipif(not SEED0.exists(), reason="../shared not present")
def test_seed_000_numbers_and_text_report():
    p = run("analyze", str(SEED0))
    assert p.returncode == 0, p.stderr
    doc = json.loads(p.stdout)
    values = [(n["value"], n["vague"]) for n in doc["numbers"]]
    assert (57, False) in values
    assert (10, True) in values
    p = run("analyze", str(SEED0), "--format", "text")
    assert p.returncode == 0
    out = p.stdout.decode()
    assert "⟦" in out and "Events:" in out


def test_summarize_prints_three_to_five_bullets(tmp_path):
    art = Path(__file__).resolve().parent / "fixtures" / "articles"
    files = sorted(art.glob("*.txt"))
    if not files:
        pytest.skip("fixture articles missing")
    p = run("summarize", str(files[0]))
    assert p.returncode == 0, p.stderr
    bullets = [ln for ln in p.stdout.decode().splitlines() if ln.startswith("- ")]
    assert 3 <= len(bullets) <= 5
