"""``marsad gazetteer``: import, download and look up places.

Commands: ``import ocha PATH``, ``import geonames PATH``, ``download``, ``lookup NAME``, ``info``.
Problems a user can cause (a missing file, a file of the wrong shape, no network) print one line
on stderr and exit with status 2.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from marsad.gazetteer.core import (
    GazetteerError,
    Place,
    download_geonames,
    gazetteer_info,
    import_geonames,
    import_ocha,
    load_gazetteer,
)

app = typer.Typer(help="Import, download and look up places of the gazetteer.", no_args_is_help=True,
                  add_completion=False)
import_app = typer.Typer(help="Import a gazetteer file into the data folder (replaces its earlier import).",
                         no_args_is_help=True, add_completion=False)
app.add_typer(import_app, name="import")


def _fail(message: str, code: int = 2) -> None:
    typer.echo(f"marsad: {message}", err=True)
    raise typer.Exit(code)


@import_app.command("ocha")
def import_ocha_cmd(
    path: Annotated[Path, typer.Argument(help="OCHA Syria folder, or one file: community points "
                                              "(.geojson/.csv), admin1 or admin2 boundaries (.geojson)")],
) -> None:
    """Import the OCHA gazetteer of Syria (governorates, districts, sub-districts, communities)."""
    try:
        n = import_ocha(path)
    except GazetteerError as exc:
        _fail(str(exc))
    typer.echo(f"imported {n} places from {path}")


@import_app.command("geonames")
def import_geonames_cmd(
    path: Annotated[Path, typer.Argument(help="GeoNames dump of Syria: SY.txt (or SY.zip)")],
) -> None:
    """Import the GeoNames dump of Syria (towns, villages, airports, mountains... with Arabic names)."""
    try:
        n = import_geonames(path)
    except GazetteerError as exc:
        _fail(str(exc))
    typer.echo(f"imported {n} places from {path}")


@app.command("download")
def download_cmd(
    dest: Annotated[Path | None, typer.Option(help="Folder for SY.zip and SY.txt (default: the data folder)")]
    = None,
) -> None:
    """Download the GeoNames dump of Syria (SY.zip) and import it."""
    try:
        txt = download_geonames(dest)
    except GazetteerError as exc:
        _fail(str(exc))
    typer.echo(f"downloaded and imported {txt}")


def _fmt_coord(p: Place) -> str:
    return f"{p.lat:.4f},{p.lon:.4f}" if p.lat is not None and p.lon is not None else "-"


@app.command("lookup")
def lookup_cmd(
    name: Annotated[str, typer.Argument(help="A place name in Arabic (or a governorate's English name / p-code)")],
    limit: Annotated[int, typer.Option(help="Show at most this many candidates")] = 20,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON")] = False,
) -> None:
    """Print the candidates for a name: id, kind, Arabic and English names, governorate, lat/lon, source."""
    try:
        gaz = load_gazetteer()
    except GazetteerError as exc:
        _fail(str(exc))
    found = gaz.lookup(name)
    if not found:
        gov = gaz.governorate(name)
        found = [gov] if gov else []
    if not found:
        _fail(f"no place named {name!r} in the gazetteer", code=1)
    found = found[:max(1, limit)]
    if as_json:
        rows = [{"id": p.id, "kind": p.kind, "name_ar": p.name_ar, "name_en": p.name_en, "admin1": p.admin1,
                 "admin2": p.admin2, "pcode": p.pcode, "lat": p.lat, "lon": p.lon, "parent": p.parent,
                 "population": p.population, "source": p.source} for p in found]
        typer.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    for p in found:
        extra = f"  in {p.parent}" if p.parent else ""
        typer.echo(f"{p.id}\t{p.kind}\t{p.name_ar}\t{p.name_en}\t{p.admin1 or '-'}\t{_fmt_coord(p)}\t{p.source}{extra}")


@app.command("info")
def info_cmd() -> None:
    """Show the data folder, what was imported and how many places of each source and kind."""
    try:
        info = gazetteer_info()
    except GazetteerError as exc:
        _fail(str(exc))
    typer.echo(f"data folder: {info['data_dir']}")
    typer.echo(f"places: {info['places']} ({info['names']} names)")
    typer.echo("by source: " + ", ".join(f"{k} {v}" for k, v in info["by_source"].items()))
    typer.echo("by kind: " + ", ".join(f"{k} {v}" for k, v in info["by_kind"].items()))
    if not info["imports"]:
        typer.echo("imports: none (embedded default only; try `marsad gazetteer import ocha PATH`)")
    for name, layer in info["imports"].items():
        if "error" in layer:
            typer.echo(f"import {name}: {layer['error']}")
        else:
            typer.echo(f"import {name}: {layer['places']} places from {layer['file']} ({layer['imported']})")
