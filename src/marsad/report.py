"""Readable text reports of an analysed document: mentions marked inline, events, summary."""

from __future__ import annotations

from marsad.model import Document, Event

__all__ = ["render_text", "render_events", "mark_inline"]

_TAG = {"place": "مكان", "actor": "فاعل", "person": "شخص", "source": "مصدر"}


def mark_inline(doc: Document, start: int, end: int) -> str:
    """The text between ``start`` and ``end`` with mentions, numbers and dates marked ⟦…⟧{kind: …}."""
    marks: list[tuple[int, int, str]] = []
    for m in doc.mentions:
        if start <= m.start and m.end <= end and m.kind in _TAG:
            label = m.name_en or m.ref
            if m.kind == "place":
                label = f"{m.name_en or m.info.get('name_ar')}, {m.info.get('admin1')}"
            marks.append((m.start, m.end, f"{m.kind}: {label}"))
    for n in doc.numbers:
        if start <= n.start and n.end <= end:
            marks.append((n.start, n.end, f"number: {n.value} {n.kind}"))
    for d in doc.dates:
        if start <= d.start and d.end <= end:
            marks.append((d.start, d.end, f"date: {d.date or '?'}"))
    marks.sort(key=lambda t: (t[0], -t[1]))
    out: list[str] = []
    pos = start
    for s, e, label in marks:
        if s < pos:
            continue  # nested or overlapping: keep the outer mark
        out.append(doc.text[pos:s])
        out.append(f"⟦{doc.text[s:e]}⟧{{{label}}}")
        pos = e
    out.append(doc.text[pos:end])
    return "".join(out)


def render_events(events: list[Event], indent: str = "") -> str:
    lines = []
    for ev in events:
        where = ev.location or ev.location_ar or "?"
        scope = "" if ev.in_scope else f" [out of scope: {ev.country}]"
        lines.append(
            f"{indent}* {ev.event_date or 'no date'} | {ev.event_type} / {ev.sub_event_type} | "
            f"{ev.actor1 or '?'} -> {ev.actor2 or '-'} | {where} ({ev.admin1 or '?'}) | "
            f"killed {ev.fatalities} | source: {ev.source_ar or '-'}{scope}")
        lines.append(f"{indent}    evidence: {ev.evidence}")
        lines.append(f"{indent}    rule: {ev.rule}  confidence: {ev.confidence}")
    return "\n".join(lines) if lines else f"{indent}(no events)"


def render_text(doc: Document) -> str:
    """A readable report: header, summary, the body with entities marked, and the events."""
    parts = [f"العنوان: {doc.title or '-'}", f"تاريخ النشر: {doc.published or '-'}"]
    if doc.url:
        parts.append(f"الرابط: {doc.url}")
    if doc.site_summary:
        parts.append("ملخص الموقع:")
        parts.extend(f"  • {s}" for s in doc.site_summary)
    parts.append("الملخص:")
    parts.extend(f"  - {s}" for s in doc.summary)
    parts.append("")
    for s in doc.sentences:
        prefix = {"heading": "## ", "title": "# "}.get(s.kind, "")
        parts.append(prefix + mark_inline(doc, s.start, s.end))
    parts.append("")
    parts.append("Events:")
    parts.append(render_events(doc.events, indent="  "))
    return "\n".join(parts)
