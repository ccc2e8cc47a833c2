"""The ``marsad`` command line (Typer): analyze, summarize, extract, eval, gazetteer, demo.

Errors a user can cause (a missing file, an empty or binary file, text with no Arabic) print one
line on stderr and exit with status 2; tracebacks are for bugs only.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Any

import typer

from marsad.text.decode import InputError, RawArticle, read_article

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="Marsad: Arabic conflict reports to a geolocated, dated, sourced event dataset.")


def fail(message: str, code: int = 2) -> None:
    """Print one clear line on stderr and exit."""
    typer.echo(f"marsad: {message}", err=True)
    raise typer.Exit(code)


def load_one(path: str) -> RawArticle:
    """Read one article from a path or ``-`` (stdin), with user-facing errors."""
    if path == "-":
        data = sys.stdin.buffer.read()
        name = "<stdin>"
    else:
        p = Path(path)
        if not p.exists():
            fail(f"{path}: no such file")
        if p.is_dir():
            fail(f"{path} is a folder; give one article file (use `marsad extract` for folders)")
        try:
            data = p.read_bytes()
        except OSError as exc:
            fail(f"{path}: cannot read ({exc.strerror})")
        name = path
    try:
        raw = read_article(data, name=name)
    except InputError as exc:
        msg = str(exc)
        fail(msg if msg.startswith(name) else f"{name}: {msg}")  # the reader names the file itself
    from marsad.pipeline import has_arabic

    if not has_arabic(raw.text):
        fail(f"{name}: no Arabic text found; Marsad reads Arabic news reports")
    return raw


def _analyze_raw(raw: RawArticle, published: str | None) -> Any:
    from marsad.pipeline import analyze

    try:
        return analyze(raw.text, published=published or raw.published, url=raw.url, title=raw.title)
    except ValueError as exc:
        fail(str(exc))


@app.command("analyze")
def analyze_cmd(
    path: Annotated[str, typer.Argument(help="An article: plain text, HTML page or JSON object; - for stdin")],
    fmt: Annotated[str, typer.Option("--format", "-f", help="json or text")] = "json",
    published: Annotated[str | None, typer.Option(help="Publication date YYYY-MM-DD (overrides the text)")] = None,
) -> None:
    """Analyse one article and print the document (JSON, or a readable report with --format text)."""
    if fmt not in ("json", "text"):
        fail("--format must be json or text")
    raw = load_one(path)
    doc = _analyze_raw(raw, published)
    if fmt == "json":
        typer.echo(json.dumps(doc.to_dict(), ensure_ascii=False, indent=2))
    else:
        from marsad.report import render_text

        typer.echo(render_text(doc))


@app.command("summarize")
def summarize_cmd(
    path: Annotated[str, typer.Argument(help="An article file, or - for stdin")],
    published: Annotated[str | None, typer.Option(help="Publication date YYYY-MM-DD")] = None,
) -> None:
    """Print 3 to 5 bullet points chosen from the article's own sentences."""
    raw = load_one(path)
    doc = _analyze_raw(raw, published)
    for line in doc.summary:
        typer.echo(f"- {line}")


@app.command("demo")
def demo_cmd() -> None:
    """Run the pipeline over the bundled demo articles and print their events and summaries."""
    from importlib import resources

    from marsad.pipeline import analyze
    from marsad.report import render_events

    folder = resources.files("marsad.demo")
    files = sorted(p for p in folder.iterdir() if p.name.endswith(".txt"))
    if not files:
        fail("no demo articles found in the package")
    for f in files:
        raw = read_article(f.read_bytes(), name=f.name)
        doc = analyze(raw.text, published=raw.published, title=raw.title, article_id=f.name)
        typer.echo(f"== {f.name}: {doc.title or ''} ({doc.published or 'no date'})")
        for line in doc.summary:
            typer.echo(f"  - {line}")
        typer.echo(render_events(doc.events, indent="  "))


def _mount_subapps() -> None:
    try:
        from marsad.gazetteer.cli import app as gaz_app
    except ImportError:  # pragma: no cover - the gazetteer sub-app is part of the package
        return
    app.add_typer(gaz_app, name="gazetteer", help="Import, download and look up places.")


_mount_subapps()

try:  # extraction and evaluation commands live in their own module
    from marsad import cli_events  # noqa: F401  (registers commands on `app`)
except ImportError:  # pragma: no cover
    pass


def main() -> None:
    """Console-script entry point."""
    try:
        app()
    except KeyboardInterrupt:  # pragma: no cover
        typer.echo("marsad: interrupted", err=True)
        raise SystemExit(130) from None
