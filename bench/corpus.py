"""A benchmark corpus built from the articles we wrote (tests fixtures and demo articles).

Variants are made by rotating paragraphs and shifting numbers and weekdays, so that repeated
texts do not all look alike to caches; the size is what the caller asks for.
"""

from __future__ import annotations

import random
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCES = [ROOT / "tests" / "fixtures" / "articles", ROOT / "src" / "marsad" / "demo"]


def base_articles() -> list[str]:
    texts = []
    for folder in SOURCES:
        for f in sorted(folder.glob("*.txt")):
            t = f.read_text(encoding="utf-8")
            if t.strip():
                texts.append(t)
    if not texts:
        raise SystemExit("no fixture articles found under tests/fixtures/articles or src/marsad/demo")
    return texts


def build_corpus(n: int = 2000, seed: int = 7) -> list[str]:
    rnd = random.Random(seed)
    base = base_articles()
    out = []
    for i in range(n):
        t = base[i % len(base)]
        paras = t.split("\n\n")
        if len(paras) > 3:
            head, body = paras[:2], paras[2:]
            k = rnd.randrange(len(body))
            body = body[k:] + body[:k]
            paras = head + body
        text = "\n\n".join(paras)
        text = text.replace("3", str(rnd.randrange(2, 9)), 1)
        out.append(text)
    return out
