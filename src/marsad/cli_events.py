"""``marsad extract`` and ``marsad eval``: event extraction over many articles, and scoring."""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path
from typing import Annotated, Any

import typer

from marsad.cli import app, fail
from marsad.model import EVENT_COLUMNS

__all__ = ["extract_events", "extract_cmd", "eval_cmd"]


def extract_events(paths: list[str], progress: bool = False) -> tuple[list[dict[str, Any]], list[str], int]:
    """Analyse every article under ``paths``; return (event rows, problems, articles read)."""
    from marsad.ingest import IngestProblem, count_inputs, iter_articles
    from marsad.pipeline import analyze, has_arabic

    rows: list[dict[str, Any]] = []
    problems: list[str] = []
    n_articles = 0
    bar = None
    if progress:
        from rich.progress import Progress

        bar = Progress(transient=True)
        bar.start()
        task = bar.add_task("extracting", total=count_inputs(paths))
    try:
        for item in iter_articles(paths):
            if bar is not None:
                bar.advance(task)
            if isinstance(item, IngestProblem):
                problems.append(f"{item.where}: {item.reason}")
                continue
            if not has_arabic(item["text"]):
                problems.append(f"{item.get('path') or item['id']}: no Arabic text")
                continue
            try:
                doc = analyze(item["text"], published=item.get("published"), url=item.get("url"),
                              title=item.get("title"), article_id=item["id"], outlet=item.get("outlet"))
            except ValueError as exc:
                problems.append(f"{item['id']}: {exc}")
                continue
            n_articles += 1
            for ev in doc.events:
                d = ev.to_dict()
                rows.append({k: d.get(k) for k in EVENT_COLUMNS} | {"in_scope": d["in_scope"]})
    finally:
        if bar is not None:
            bar.stop()
    return rows, problems, n_articles


def write_events(rows: list[dict[str, Any]], out: Path) -> None:
    """JSONL (.jsonl/.json) or CSV (.csv) by the extension of ``out``."""
    suffix = out.suffix.lower()
    if suffix == ".csv":
        with open(out, "w", encoding="utf-8", newline="") as fh:
            w = csv.DictWriter(fh, fieldnames=EVENT_COLUMNS, extrasaction="ignore")
            w.writeheader()
            for r in rows:
                w.writerow({k: ("" if r.get(k) is None else r.get(k)) for k in EVENT_COLUMNS})
    else:
        with open(out, "w", encoding="utf-8") as fh:
            for r in rows:
                fh.write(json.dumps(r, ensure_ascii=False) + "\n")


@app.command("extract")
def extract_cmd(
    paths: Annotated[list[str], typer.Argument(help="Article files, folders, or articles JSONL files")],
    out: Annotated[Path, typer.Option("--output", "-o", help="Output file: .jsonl or .csv")],
) -> None:
    """Extract ACLED-style events from articles into a JSONL or CSV file."""
    if out.suffix.lower() not in (".jsonl", ".json", ".csv"):
        fail(f"{out}: the output must end in .jsonl or .csv")
    rows, problems, n = extract_events(paths, progress=sys.stderr.isatty())
    for p in problems:
        typer.echo(f"marsad: skipped {p}", err=True)
    if n == 0:
        fail("no article could be read")
    try:
        write_events(rows, out)
    except OSError as exc:
        fail(f"{out}: cannot write ({exc.strerror})")
    in_scope = sum(1 for r in rows if r.get("in_scope", True))
    typer.echo(f"{n} articles, {len(rows)} events ({in_scope} in Syria), {len(problems)} skipped -> {out}")


@app.command("eval")
def eval_cmd(
    articles: Annotated[Path, typer.Option("--articles", help="Articles JSONL")],
    gold: Annotated[Path, typer.Option("--gold", help="Gold events JSONL")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the figures as JSON")] = False,
    show_errors: Annotated[bool, typer.Option("--show-errors", help="List false positives and negatives")] = False,
) -> None:
    """Score extraction against gold events with the rule of the eval guide."""
    from marsad.evaluate import EvalError, format_errors, format_table, load_jsonl, score

    try:
        gold_rows = load_jsonl(gold)
        arts = load_jsonl(articles)
    except EvalError as exc:
        fail(str(exc))
    rows, problems, _n = extract_events([str(articles)])
    for p in problems:
        typer.echo(f"marsad: skipped {p}", err=True)
    try:
        report = score(rows, gold_rows, article_ids=[a.get("id") for a in arts])
    except EvalError as exc:
        fail(f"{gold}: {exc}")
    if as_json:
        typer.echo(json.dumps(report.to_dict(), ensure_ascii=False, indent=2, default=str))
        return
    typer.echo(format_table(report, title=str(articles)))
    if show_errors:
        typer.echo(format_errors(report))
