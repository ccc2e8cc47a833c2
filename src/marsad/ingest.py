"""Files, folders and articles JSONL into article records.

An article record is a dict: ``id``, ``text``, and optional ``title``, ``published``, ``url``,
``outlet`` (the shape of ``../shared/eval/*.articles.jsonl``). Folders are walked in sorted
order for ``.txt``, ``.html``, ``.htm``, ``.json`` and ``.jsonl`` files. A file that cannot be
read yields an :class:`IngestProblem` instead of stopping the run.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from marsad.text.decode import InputError, decode_bytes, read_article

__all__ = ["IngestProblem", "iter_articles", "count_inputs", "article_id_for", "ARTICLE_SUFFIXES"]

ARTICLE_SUFFIXES = (".txt", ".html", ".htm", ".json", ".jsonl")


@dataclass(slots=True)
class IngestProblem:
    """A file or line that could not be read, with a one-line reason."""

    where: str
    reason: str


def article_id_for(text: str) -> str:
    """A stable id from the content: the same article twice gets the same id."""
    return "a-" + hashlib.sha1(" ".join(text.split()).encode("utf-8")).hexdigest()[:16]


def _files(paths: Iterable[str | Path]) -> Iterator[Path | IngestProblem]:
    for p in map(Path, paths):
        if not p.exists():
            yield IngestProblem(str(p), "no such file or folder")
        elif p.is_dir():
            for f in sorted(p.rglob("*")):
                if f.is_file() and f.suffix.lower() in ARTICLE_SUFFIXES:
                    yield f
        else:
            yield p


def count_inputs(paths: Iterable[str | Path]) -> int:
    """How many articles the paths hold (JSONL lines counted), for a progress bar."""
    n = 0
    for f in _files(paths):
        if isinstance(f, IngestProblem):
            continue
        if f.suffix.lower() == ".jsonl":
            try:
                with open(f, "rb") as fh:
                    n += sum(1 for line in fh if line.strip())
            except OSError:
                pass
        else:
            n += 1
    return n


def iter_articles(paths: Iterable[str | Path]) -> Iterator[dict[str, Any] | IngestProblem]:
    """Article records (or problems) from files, folders and JSONL files, in order."""
    for f in _files(paths):
        if isinstance(f, IngestProblem):
            yield f
            continue
        try:
            data = f.read_bytes()
        except OSError as exc:
            yield IngestProblem(str(f), f"cannot read ({exc.strerror})")
            continue
        if f.suffix.lower() == ".jsonl":
            yield from _jsonl(f, data)
            continue
        try:
            raw = read_article(data, name=str(f))
        except InputError as exc:
            yield IngestProblem(str(f), str(exc))
            continue
        yield {"id": f.stem if f.suffix.lower() != ".json" else (f.stem), "text": raw.text, "title": raw.title,
               "published": raw.published, "url": raw.url, "outlet": None, "path": str(f)}


def _jsonl(f: Path, data: bytes) -> Iterator[dict[str, Any] | IngestProblem]:
    try:
        text = decode_bytes(data)
    except InputError as exc:
        yield IngestProblem(str(f), str(exc))
        return
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            yield IngestProblem(f"{f}:{lineno}", f"not valid JSON ({exc.msg})")
            continue
        if not isinstance(obj, dict) or not isinstance(obj.get("text"), str) or not obj["text"].strip():
            yield IngestProblem(f"{f}:{lineno}", "a JSON line needs a non-empty string field 'text'")
            continue
        obj.setdefault("id", article_id_for(obj["text"]))
        obj["id"] = str(obj["id"])
        yield obj
