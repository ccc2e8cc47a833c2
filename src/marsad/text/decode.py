"""Bytes to text, and a file (plain text, HTML page or JSON object) to one raw article.

Arabic news arrives in more encodings than UTF-8: old pages in windows-1256 or ISO-8859-6, exports
from Windows tools in UTF-16 (sometimes without a BOM). ``decode_bytes`` takes the fast path when
the bytes are valid UTF-8 and otherwise decodes with every plausible Arabic encoding, keeping the
reading with the most Arabic letters and the fewest control or replacement characters; wrong
guesses between the two Arabic code pages show up as Latin letters and broken words, so they lose.

``read_article`` sniffs the format. For HTML it keeps the page's own metadata (title, publication
date, canonical URL) and the text of the element that holds the article's paragraphs, without the
navigation, share buttons, captions and related-article boxes around it.

Anything a user can hand us fails with ``InputError``: one line saying what is wrong and what to do.
"""

from __future__ import annotations

import codecs
import datetime as _dt
import json
import re
from dataclasses import dataclass

from marsad.text.clean import parse_date

__all__ = ["InputError", "RawArticle", "decode_bytes", "read_article"]


class InputError(Exception):
    """The input cannot be read as a news report; the message says why and what to do."""


@dataclass
class RawArticle:
    """One article as read from a file, before cleaning."""

    text: str
    title: str | None = None
    published: str | None = None  # ISO date, YYYY-MM-DD
    url: str | None = None
    fmt: str = "text"  # text | html | json


# --------------------------------------------------------------------------------------------
# decoding

_ARABIC_LETTER_RE = re.compile("[\u0621-\u063a\u0641-\u064a]")
# The definite article, a strong sign that a single-byte Arabic code page was guessed right.
_AL_RE = re.compile("(?:^|[\\s\"'(«])\u0627\u0644[\u0621-\u064a]")
# Control characters that never occur in text (tab, newline, form feed and CR are fine).
_CONTROL_RE = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\ufffd]")
_LATIN1_LETTER_RE = re.compile("[\u00c0-\u00ff]")
# An Arabic letter glued to a Latin one: a Latin-script text read with an Arabic code page.
_MIXED_SCRIPT_RE = re.compile("[A-Za-z\u00c0-\u00ff][\u0600-\u06ff]|[\u0600-\u06ff][A-Za-z\u00c0-\u00ff]")
_SURROGATE_RE = re.compile("[\ud800-\udfff]")
_BLANK_RE = re.compile("[\\s\u200b-\u200f\u2028-\u202f\u2060\ufeff]*")
_NEWLINE_RE = re.compile("\r\n?|[\u2028\u2029\x85]")

# Signatures of common binary formats, so the message is right even when bytes happen to decode.
_MAGIC = (b"\x89PNG", b"GIF8", b"\xff\xd8\xff", b"%PDF-", b"PK\x03\x04", b"\x1f\x8b", b"BZh",
          b"\x7fELF", b"MZ\x90\x00", b"\xd0\xcf\x11\xe0", b"7z\xbc\xaf", b"Rar!", b"RIFF",
          b"\x00\x00\x01\x00", b"OggS", b"ID3", b"fLaC", b"SQLite format 3")

_ARABIC_CODECS = ("cp1256", "iso8859_6")
_BINARY_SHARE = 0.10


def _where(name: str | None) -> str:
    return f"{name}: " if name and name != "<stdin>" else ""


def _empty(name: str | None) -> InputError:
    return InputError(f"{_where(name)}the file is empty; give it the text of a news report")


def _binary(name: str | None) -> InputError:
    what = name if name else "the input"
    return InputError(f"{what} looks like a binary file, not text; give a text, HTML or JSON news report")


def _bad_chars(text: str) -> int:
    return len(_CONTROL_RE.findall(text))


def _finish(text: str, name: str | None) -> str:
    """Common checks and tidying for every decoded text."""
    if text.startswith("\ufeff"):
        text = text[1:]
    if not text or _BLANK_RE.fullmatch(text):
        raise _empty(name)
    if _bad_chars(text) > _BINARY_SHARE * len(text):
        raise _binary(name)
    text = _SURROGATE_RE.sub("\ufffd", text)
    text = _NEWLINE_RE.sub("\n", text)
    # Stray control characters (not the replacement character) would break later stages.
    text = re.sub("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]", "", text)
    if _BLANK_RE.fullmatch(text):
        raise _empty(name)
    return text


def _utf16_order(data: bytes) -> str | None:
    """'utf-16-le' / 'utf-16-be' when BOM-less bytes have UTF-16's NUL pattern, else None.

    In UTF-16 every ASCII character (spaces, digits, punctuation) has a NUL high byte and every
    Arabic letter a 0x06 one, so one byte parity is nearly all NUL/0x06 while the other has
    almost no NULs.
    """
    n = len(data) - len(data) % 2
    if n < 2:
        return None
    even, odd = data[0:n:2], data[1:n:2]
    half = n // 2
    for order, high, low in (("utf-16-le", odd, even), ("utf-16-be", even, odd)):
        high_share = (high.count(0) + high.count(6)) / half
        if high_share >= 0.6 and low.count(0) <= 0.02 * half:
            return order
    return None


def _score(text: str) -> float:
    arabic = len(_ARABIC_LETTER_RE.findall(text))
    article = len(_AL_RE.findall(text))
    latin = len(_LATIN1_LETTER_RE.findall(text))
    mixed = len(_MIXED_SCRIPT_RE.findall(text))
    return arabic + 4 * article - 2 * latin - 3 * mixed - 6 * _bad_chars(text)


def _candidates(data: bytes, declared: str | None) -> list[str]:
    codecs_to_try: list[str] = list(_ARABIC_CODECS)
    if declared:
        try:
            info = codecs.lookup(declared)
        except (LookupError, TypeError, ValueError):
            info = None
        if info is not None and info.name not in codecs_to_try and "16" not in info.name:
            codecs_to_try.append(info.name)
    try:
        from charset_normalizer import from_bytes

        best = from_bytes(data[:200_000], cp_isolation=["cp1256", "iso8859_6", "utf_16"]).best()
        if best is not None:
            name = codecs.lookup(best.encoding).name
            if name not in codecs_to_try and "16" not in name:
                codecs_to_try.append(name)
    except Exception:  # detection is only a hint: never let it break reading
        pass
    return codecs_to_try


def decode_bytes(data: bytes, *, name: str | None = None, declared: str | None = None) -> str:
    """Decode a report's bytes to text (UTF-8, UTF-16, windows-1256, ISO-8859-6).

    ``declared`` is an encoding the container names (an HTML ``<meta charset>``); it is one
    candidate among the others, since pages often declare the wrong one. Raises ``InputError``
    for empty or binary input and nothing else.
    """
    data = bytes(data)
    if not data.strip():
        raise _empty(name)
    # Byte order marks first: they are unambiguous.
    if data.startswith(codecs.BOM_UTF8):
        return _finish(data[3:].decode("utf-8", errors="replace"), name)
    if data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)) and len(data) % 4 == 0:
        try:
            return _finish(data.decode("utf-32"), name)
        except UnicodeDecodeError:
            pass
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _finish(data.decode("utf-16", errors="replace"), name)
    if data.startswith(_MAGIC):
        raise _binary(name)
    if b"\x00" in data or data.count(6) * 4 >= len(data):
        # NULs, or Arabic UTF-16's 0x06 high bytes: UTF-16 without a BOM, or binary.
        order = _utf16_order(data)
        if order is not None:
            return _finish(data.decode(order, errors="replace"), name)
        if b"\x00" in data:
            raise _binary(name)
    # Fast path.
    try:
        return _finish(data.decode("utf-8"), name)
    except UnicodeDecodeError:
        pass
    best_text, best_score = "", float("-inf")
    for codec in _candidates(data, declared):
        text = data.decode(codec, errors="replace")
        score = _score(text) + (0.5 if codec == "cp1256" else 0.0)
        if score > best_score:
            best_text, best_score = text, score
    # A mostly-UTF-8 file with a few broken bytes reads better as UTF-8 with replacements.
    utf8 = data.decode("utf-8", errors="replace")
    if utf8.count("\ufffd") * 50 < len(utf8) and _score(utf8) >= best_score:
        best_text = utf8
    return _finish(best_text, name)


# --------------------------------------------------------------------------------------------
# format sniffing

_HTML_START_RE = re.compile(r"\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html[\s>])",
                            re.I | re.S)
_HTML_TAG_RE = re.compile(r"<(?:body|p|article|div|br)\b[^<>]{0,500}>", re.I)
_META_CHARSET_RE = re.compile(rb"<meta[^>]{0,200}?charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:-]{2,40})", re.I)


def read_article(data: bytes | str, name: str = "<stdin>") -> RawArticle:
    """Read one article from bytes or text: a JSON object, an HTML page or plain text.

    Raises ``InputError`` (and nothing else) when the input cannot be a report.
    """
    if isinstance(data, (bytes, bytearray, memoryview)):
        raw = bytes(data)
        declared = None
        m = _META_CHARSET_RE.search(raw[:4096])
        if m:
            declared = m.group(1).decode("ascii", "ignore")
        text = decode_bytes(raw, name=name, declared=declared)
    elif isinstance(data, str):
        text = _finish(data, name)
    else:
        raise InputError(f"{_where(name)}expected bytes or text, got {type(data).__name__}")

    head = text.lstrip()
    if head.startswith("{"):
        return _read_json(head, name)
    if head.startswith("[") and head.rstrip().endswith("]"):
        try:
            json.loads(head)
        except (ValueError, RecursionError):
            pass  # "[عاجل] ..." is text
        else:
            raise InputError(f"{_where(name)}holds a JSON list; give one JSON object like "
                             "{\"text\": \"...\"} per file, or ingest the list")
    if _looks_like_html(text):
        return _read_html(text, name)
    return RawArticle(text=text, fmt="text")


def _looks_like_html(text: str) -> bool:
    return bool(_HTML_START_RE.match(text[:4000]) or _HTML_TAG_RE.search(text, 0, 200_000))


def _read_json(text: str, name: str) -> RawArticle:
    try:
        obj = json.loads(text)
    except RecursionError:
        raise InputError(f"{_where(name)}the JSON is nested too deeply to be an article") from None
    except ValueError as e:
        msg = str(e)
        if msg.startswith("Extra data"):
            raise InputError(f"{_where(name)}holds several JSON objects (JSON Lines?); "
                             "give one object per file, or ingest it as JSONL") from None
        raise InputError(f"{_where(name)}is not valid JSON ({msg}); fix it or pass plain text") from None
    if not isinstance(obj, dict):
        raise InputError(f"{_where(name)}expected a JSON object like {{\"text\": \"...\"}}")
    body = obj.get("text")
    if not isinstance(body, str):
        raise InputError(f"{_where(name)}the JSON object needs a \"text\" field holding the report as a string")
    if _BLANK_RE.fullmatch(body):
        raise InputError(f"{_where(name)}the JSON \"text\" field is empty; put the report's text in it")
    body = _finish(body, name)
    title = obj.get("title")
    title = (" ".join(title.split()) or None) if isinstance(title, str) else None
    url = obj.get("url")
    url = (url.strip() or None) if isinstance(url, str) else None
    published = None
    for key in ("published", "date", "published_at", "datePublished"):
        value = obj.get(key)
        if isinstance(value, str) and value.strip():
            published = _iso_date(value)
            if published:
                break
    if _looks_like_html(body):
        page = _read_html(body, name)
        body = page.text
        title = title or page.title
        published = published or page.published
        url = url or page.url
    return RawArticle(text=body, title=title, published=published, url=url, fmt="json")


# --------------------------------------------------------------------------------------------
# dates in metadata

_ISO_RE = re.compile(r"\s*(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)")
_COMPACT_RE = re.compile(r"\s*(\d{4})(\d{2})(\d{2})(?:T|\b)")


def _iso_date(value: str) -> str | None:
    """YYYY-MM-DD from a metadata date ("2024-12-06T10:00:00+03:00", "06 ديسمبر 2024", ...)."""
    value = value.strip()
    for rx in (_ISO_RE, _COMPACT_RE):
        m = rx.match(value)
        if m:
            try:
                return _dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3))).isoformat()
            except ValueError:
                return None
    return parse_date(value[:200])


# --------------------------------------------------------------------------------------------
# HTML

_DROP_TAGS = ("script", "style", "nav", "header", "footer", "aside", "form", "figure", "figcaption",
              "noscript", "iframe", "svg", "button", "select", "template", "object", "embed", "canvas",
              "video", "audio", "dialog")
_JUNK_TOKEN_RE = re.compile(
    r"^(?:share|sharing|social|comment|related|menu|breadcrumb|advert|sidebar|widget|newsletter|"
    r"subscri|promo|popup|cookie|toolbar|pagination|mostread|mostviewed|tags?$|ads?$|print$)",
)
_TOKEN_SPLIT_RE = re.compile(r"[\s_\-:.]+|(?<=[a-z])(?=[A-Z])")
_KEEP_TAGS = frozenset({"html", "body", "main", "article"})
_BLOCK_TAGS = frozenset({
    "p", "div", "section", "article", "main", "blockquote", "li", "ul", "ol", "dl", "dt", "dd",
    "h1", "h2", "h3", "h4", "h5", "h6", "table", "tbody", "thead", "tr", "td", "th", "pre",
    "address", "center", "hr", "details", "summary", "body",
})
_SITE_SEPARATORS = (" | ", " - ", " – ", " — ", " :: ", " » ", " « ", " || ", " • ", " · ")
_WS_RE = re.compile(r"[\s\u00a0]+")
_MANY_NL_RE = re.compile(r"\n{3,}")


def _squash(s: str | None) -> str:
    return _WS_RE.sub(" ", s).strip() if s else ""


def _metas(tree) -> dict[str, str]:
    """<meta property|name|itemprop=key content=...> as a dict (first occurrence of each key)."""
    found: dict[str, str] = {}
    for node in tree.css("meta"):
        attrs = node.attributes
        content = (attrs.get("content") or "").strip()
        if not content:
            continue
        for attr in ("property", "name", "itemprop"):
            key = attrs.get(attr)
            if key:
                found.setdefault(key.strip().lower(), content)
    return found


def _meta(found: dict[str, str], *keys: str) -> str | None:
    """The first of ``keys`` present in ``found``."""
    for key in keys:
        value = found.get(key.lower())
        if value:
            return value
    return None


def _walk_json(obj, want: dict[str, list]) -> None:
    """Collect the first values of interesting JSON-LD keys, without recursion."""
    stack = [obj]
    seen = 0
    while stack and seen < 5000:
        seen += 1
        cur = stack.pop()
        if isinstance(cur, dict):
            for key, value in cur.items():
                if key in want:
                    if isinstance(value, str):
                        want[key].append(value)
                    elif key == "publisher" and isinstance(value, dict) and isinstance(value.get("name"), str):
                        want[key].append(value["name"])
                if isinstance(value, (dict, list)):
                    stack.append(value)
        elif isinstance(cur, list):
            stack.extend(reversed(cur))


def _json_ld(tree) -> dict[str, list]:
    want: dict[str, list] = {"datePublished": [], "headline": [], "publisher": []}
    for node in tree.css('script[type="application/ld+json"]'):
        raw = node.text(deep=True) or ""
        try:
            _walk_json(json.loads(raw), want)
        except (ValueError, RecursionError):
            m = re.search(r'"datePublished"\s*:\s*"([^"]{4,60})"', raw)
            if m:
                want["datePublished"].append(m.group(1))
    return want


def _strip_site(title: str, sites: set[str], h1: str) -> str:
    title = _squash(title)
    if h1 and title.startswith(h1) and len(h1) >= 0.5 * len(title):
        rest = title[len(h1):].strip()
        if not rest or any(rest.startswith(sep.strip()) for sep in _SITE_SEPARATORS):
            return h1
    for sep in _SITE_SEPARATORS:
        if sep not in title:
            continue
        head, _, tail = title.rpartition(sep)
        first, _, rest = title.partition(sep)
        if tail.strip() in sites:
            return head.strip()
        if first.strip() in sites:
            return rest.strip()
        if sep.strip() in ("|", "||", "::") or (len(tail.split()) <= 4 and len(head) > 2 * len(tail)):
            return head.strip()
    return title


def _decompose_all(nodes) -> None:
    """Remove ``nodes`` (in document order), skipping those inside one already removed."""
    gone: set[int] = set()
    outer = []
    for node in nodes:
        parent = node.parent
        while parent is not None and parent.mem_id not in gone:
            parent = parent.parent
        if parent is None:
            gone.add(node.mem_id)
            outer.append(node)
    for node in outer:
        node.decompose()


def _is_junk(node) -> bool:
    attrs = node.attributes
    label = " ".join(v for v in (attrs.get("class"), attrs.get("id"), attrs.get("role")) if v)
    if not label:
        return False
    return any(_JUNK_TOKEN_RE.match(tok.lower()) for tok in _TOKEN_SPLIT_RE.split(label) if tok)


def _p_text_len(node) -> int:
    return sum(len(_squash(p.text(deep=True))) for p in node.css("p"))


def _direct_score(node) -> int:
    score = 0
    for child in node.iter(include_text=True):
        tag = child.tag
        if tag == "p":
            score += len(_squash(child.text(deep=True)))
        elif tag == "-text":
            score += len(_squash(child.text(deep=False)))
    return score


def _blocks(root, skip_h1: bool) -> list[str]:
    """Paragraph texts under ``root`` in document order: one per block element, <br> as newline."""
    out: list[str] = []
    buf: list[str] = []

    def flush() -> None:
        if buf:
            lines = [" ".join(part.split()) for part in "".join(buf).split("\n")]
            # <br> is a line break, <br><br> a paragraph break.
            text = _MANY_NL_RE.sub("\n\n", "\n".join(lines).strip("\n"))
            if text:
                out.append(text)
            buf.clear()

    exit_marker = object()
    stack: list = [root]
    while stack:
        node = stack.pop()
        if node is exit_marker:
            flush()
            continue
        tag = node.tag
        if tag == "-text":
            buf.append(_WS_RE.sub(" ", node.text(deep=False) or ""))
            continue
        if tag in ("-comment", "-doctype") or (tag and tag.startswith("-")):
            continue
        if tag == "br":
            buf.append("\n")
            continue
        if tag == "h1" and skip_h1:
            continue
        if tag in _BLOCK_TAGS:
            flush()
            stack.append(exit_marker)
        children = list(node.iter(include_text=True))
        stack.extend(reversed(children))
    flush()
    return out


def _read_html(text: str, name: str) -> RawArticle:
    from selectolax.lexbor import LexborHTMLParser

    try:
        tree = LexborHTMLParser(text)
    except Exception as e:  # the parser's own failure on odd input
        raise InputError(f"{_where(name)}could not be parsed as HTML ({e}); pass it as plain text") from None
    # Metadata, before anything is removed.
    metas = _metas(tree)
    ld = _json_ld(tree)
    sites = {s for s in (_meta(metas, "og:site_name", "application-name", "twitter:site"),
                         *ld["publisher"]) if s}
    sites = {_squash(s) for s in sites}
    h1_node = tree.css_first("h1")
    h1 = _squash(h1_node.text(deep=True)) if h1_node else ""
    title = None
    og = _meta(metas, "og:title", "twitter:title")
    title_node = tree.css_first("title")
    if og:
        title = _strip_site(og, sites, h1)
    elif h1:
        title = h1
    elif ld["headline"]:
        title = _squash(ld["headline"][0])
    elif title_node is not None and _squash(title_node.text(deep=True)):
        title = _strip_site(title_node.text(deep=True), sites, h1)
    title = title or None

    published = None
    time_nodes = [t.attributes.get("datetime") for t in tree.css("time[datetime]")]
    for value in (_meta(metas, "article:published_time", "og:published_time"),
                  *ld["datePublished"],
                  _meta(metas, "datePublished"),
                  *time_nodes,
                  _meta(metas, "date", "pubdate", "publishdate", "publish-date", "dc.date.issued",
                        "dc.date", "sailthru.date", "parsely-pub-date", "article.published")):
        if value:
            published = _iso_date(value)
            if published:
                break

    url = _meta(metas, "og:url")
    if not url:
        link = tree.css_first('link[rel="canonical"]')
        url = link.attributes.get("href") if link is not None else None
    url = url.strip() if url and url.strip() else None

    body = tree.body
    if body is None:
        return RawArticle(text="", title=title, published=published, url=url, fmt="html")
    _decompose_all(body.css(",".join(_DROP_TAGS)))
    total = _p_text_len(body)
    junk = []
    for node in body.css("[class], [id], [role]"):
        if node.tag in _KEEP_TAGS or not _is_junk(node):
            continue
        if total and _p_text_len(node) > 0.5 * total:
            continue  # a container of the article itself, whatever its class says
        junk.append(node)
    _decompose_all(junk)

    best, best_score = body, _direct_score(body)
    for node in body.css("article, main, div, section, td"):
        score = _direct_score(node)
        if score > best_score:
            best, best_score = node, score
    paragraphs = "\n\n".join(_blocks(best, skip_h1=bool(title))).split("\n\n")
    if title:
        paragraphs = [p for p in paragraphs if _squash(p) != title]
    body_text = "\n\n".join(paragraphs)
    if not body_text.strip():
        raise InputError(f"{_where(name)}the HTML page holds no article text")
    return RawArticle(text=body_text, title=title, published=published, url=url, fmt="html")
