"""Places, actors, people and sources: lexicon hits turned into resolved mentions.

One automaton (built once per process from the gazetteer and the lexicons) finds every name on
the normalised text. Then, per kind:

* places: each candidate of an ambiguous name is scored by the governorate or city named next to
  it ("في ريف حمص", "بريف دمشق", "شمال مدينة حمص"), the governorates the article's unambiguous
  places vote for, and the place's rank (governorate, city, town, village). A single-word town or
  village name needs a place cue (في / ب / قرية / بلدة / حي / ريف ...), and names that are common
  words (المدينة، جديدة، الثورة) need a place-type word before them. "المدينة" / "البلدة" / "القرية"
  with no name after them refer back to the last city / town / village named. Every place mention
  says how it was resolved (``info["resolved_by"]``).
* actors: the entry valid on the publication date (after December 2024 "the government" and "the
  security forces" are the transitional authorities); bare ambiguous words ("الجيش", "التنظيم")
  take the candidate the article names elsewhere.
* people: a title or role (rank, office, activist, journalist) followed by a personal name, or a
  name followed by ", title"; linked to the organisation named after "باسم" / "في" / "لدى".
* sources: outlets, monitors, anonymous sources ("ناشطون", "مصادر أهلية"), people and actors,
  recognised as sources when they speak (قال، أكد، أفاد، ذكر، أشار، نقل عن، وفق، بحسب...).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Any

from marsad.gazetteer import Gazetteer, Place, load_gazetteer
from marsad.lexicon import Lexicon, load_lexicon, read_yaml
from marsad.lexicon.matcher import Hit, Matcher, Payload
from marsad.model import Document, Mention
from marsad.text.normalize import norm

__all__ = ["Resources", "resources", "find_entities", "SPEECH_VERBS"]

KIND_RANK = {"governorate": 1.0, "city": 2.2, "town": 1.4, "district": 0.6, "subdistrict": 0.4,
             "village": 0.8, "neighbourhood": 1.6, "landmark": 1.8, "region": 1.5}


def _nset(words: str) -> frozenset[str]:
    return frozenset(norm(w) for w in words.split())


PLACE_TYPE_WORDS = _nset("قرية بلدة مدينة حي منطقة مخيم ناحية محافظة قريتي بلدتي مدينتي حيي قرى بلدات مدن "
                         "قريتا بلدتا مدينتا حيا محافظتي محافظتا "
                         "أحياء مناطق تلة تل جبل سهل وادي")
PLACE_CUE_WORDS = PLACE_TYPE_WORDS | _nset(
    "في من إلى الى على نحو باتجاه قرب محيط أطراف ريف شمال جنوب شرق غرب شمالي جنوبي شرقي غربي وسط داخل "
    "مدخل أطراف حتى عند بين وبين بلدات مناطق لبلدة لمدينة لقرية طريق أوتوستراد اوتوستراد")
_DATELINE_AFTER_RE = re.compile(r"[ \t]*(?:[-–—:(]|\S+[ \t]*[-–—:(])")
# words of a road whose named ends are reference points, not the place of a deed (events.py too)
ROAD_WORDS = _nset("طريق الطريق طريقي اوتوستراد أوتوستراد الاوتوستراد الأوتوستراد الواصل الرابط تقاطع")
_QUARTER_WORDS = _nset("حي حيي أحياء بحي وحي")
_THAT_WORDS = _nset("إن أن بأن وإن وأن انه انها بانه بانها")
_OUTLET_WORDS = _nset("قناة قناه شبكة صحيفة موقع وكالة إذاعة تلفزيون")
_TRANSFER_VERBS = _nset("نقل نقلت نقلوا ينقل تنقل")
SPEECH_VERBS = _nset(
    "قال قالت قالوا يقول تقول أكد أكدت أكدوا يؤكد تؤكد أفاد أفادت أفادوا يفيد ذكر ذكرت ذكروا يذكر تذكر "
    "أشار أشارت أشاروا أعلن أعلنت أعلنوا يعلن أوضح أوضحت أضاف أضافت أضافوا نقل نقلت نقلوا كتب كتبت "
    "نشر نشرت بث بثت صرح صرحت تحدث تحدثت أورد أوردت وثق وثقت رصد رصدت أفادت زعم زعمت اعترف اعترفت "
    "كشف كشفت لفت لفتت تابع تابعت")
# generic nouns that point back to a source named before ("الشبكة", "الوكالة", "التجمع")
_GENERIC_SOURCE_RE = re.compile(r" *ال(شبكه|وكاله|صحيفه|موقع|منظمه|تجمع|مركز|هييه)(?= )")
_STOP_NAME = _nset("في من على إلى الى عن أن إن ان الذي التي الذين قال قالت وقال بأن بان مع بعد قبل هو هي "
                   "كان كانت وهو وهي أمس اليوم يوم منذ خلال حول لدى باسم عبر بين ضد")
_NAME_LINK = _nset("عبد أبو ابو بن ابن أم ام")
_SKIP_ADJ = _nset("المعارض المؤيد الموالي السوري الميداني الرسمي المحلي الإعلامي الصحفي المستقل البارز "
                  "المقرب المنشق الكردي المقيم الأميركي الأمريكي الروسي التركي الإيراني الفلسطيني")
_TYPE_FIT = {(norm(w), k): v for w, fits in {
    "مدينة": {"city": 2.0, "town": 1.0}, "بلدة": {"town": 1.5, "city": 0.5, "village": 0.5},
    "قرية": {"village": 1.5, "town": 0.5}, "حي": {"neighbourhood": 2.0}, "مخيم": {"landmark": 1.0},
}.items() for k, v in fits.items()}
_DIRECTIONS = _nset("شمال جنوب شرق غرب شمالي جنوبي شرقي غربي")
_ANAPHORA = {"مدينه": ("city", "town"), "بلده": ("town", "city", "village"), "قريه": ("village", "town")}
# reference points and destinations ("باتجاه مدينة حمص وبلدة القريتين") are not what "المدينة" means
_TOWARDS = _nset("باتجاه نحو صوب اتجاه")
_ANAPHORA_KEYS = frozenset(k for w in ("مدينه", "بلده", "قريه") for k in (w, "ال" + w))
_ANAPHORA_RE = re.compile(r"(?<!\S)(?:[وف]?[بلك]?)(?:ال|ل)(مدينه|بلده|قريه)(?= )")


# "طائرات حربية يُرجّح أنها إسرائيلية": an unnamed force given a likely nationality
_HEDGED_NATION_RE = re.compile(r"[^\S\n]+(?:يعتقد|يرجح|يشتبه|رجح)[^\S\n]+ب?ان(?:ها|ه|هم)[^\S\n]+(\w+)")
_HEDGED_FIRE_RE = re.compile(
    r"(?<!\S)(?:ال)?(?:غارات|غاره|ضربات|ضربه|قصف|طايرات|طايره|صواريخ|مقاتلات|مسيرات|مسيره)"
    r"(?: (?:ال)?(?:جويه|حربيه|جوي|صاروخي|مسيره))?"
    r" (?:يعتقد|يرجح|يشتبه|رجح) ب?ان(?:ها|ه|هم) (\w+)")
_NATION_FORCES = {norm(k): v for ks, v in (
    ("إسرائيلية إسرائيلي إسرائيليه", "israel_forces"), ("روسية روسي", "russia_forces"),
    ("تركية تركي", "turkey_forces"), ("أمريكية أميركية أمريكي أميركي", "us_forces"),
    ("أردنية أردني", "jordan_forces"), ("إيرانية إيراني", "iran_forces"),
) for k in ks.split()}


@dataclass(slots=True)
class Resources:
    """Everything the entity pass needs, built once per process."""

    matcher: Matcher
    lexicon: Lexicon
    gazetteer: Gazetteer
    common_words: frozenset[str]


@lru_cache(maxsize=1)
def resources() -> Resources:
    """Compile the automaton over the gazetteer and every lexicon (cached per process)."""
    lex = load_lexicon()
    gaz = load_gazetteer()
    entries: list[tuple[str, Payload]] = []
    for name, pid in gaz.names():
        entries.append((name, Payload("entity", "place", pid)))
    for a in lex.actors.values():
        for n in a.names:
            entries.append((norm(n), Payload("entity", "actor", a.id)))
        for n in a.ambiguous:
            entries.append((norm(n), Payload("entity", "actor?", a.id)))
    for s in lex.sources.values():
        for n in s.names:
            entries.append((norm(n), Payload("entity", "source", s.id)))
    for t in lex.titles.values():
        entries.append((norm(t.ar), Payload("entity", "title", t.id)))
    for t in lex.triggers.values():
        for f in t.forms:
            entries.append((norm(f), Payload("trigger", "trigger", t.id)))
    for kind, forms in _cue_entries(lex.cues):
        for f in forms:
            entries.append((norm(f), Payload("cue", kind[0], kind[1])))
    for w in SPEECH_VERBS:
        entries.append((w, Payload("cue", "speech", None)))
    for country, names in (read_yaml("countries.yaml") or {}).items():
        for n in names:
            entries.append((norm(n), Payload("cue", "country", country)))
    common = set(_nset(" ".join(read_yaml("common_words.yaml") or [])))
    lex_words = {norm(f) for t in lex.triggers.values() for f in t.forms}
    lex_words |= {norm(n) for a in lex.actors.values() for n in (*a.names, *a.ambiguous)}
    lex_words |= {norm(t.ar) for t in lex.titles.values()}
    common |= lex_words
    return Resources(Matcher(entries), lex, gaz, frozenset(common))


def _cue_entries(cues: dict[str, Any]) -> list[tuple[tuple[str, Any], list[str]]]:
    out: list[tuple[tuple[str, Any], list[str]]] = []
    for i, inst in enumerate(cues.get("instruments") or []):
        out.append((("instrument", i), list(inst.get("forms") or [])))
    for key in ("negation", "totals", "background", "wounded", "killed", "human_losses_no_killed",
                "victims_civilian", "lives_lost", "nationwide", "small_arms"):
        vals = cues.get(key) or []
        if isinstance(vals, list):
            out.append(((key, None), [str(v) for v in vals]))
    for cls, forms in (cues.get("modality") or {}).items():
        out.append((("modality", cls), [str(v) for v in forms or []]))
    return out


# --------------------------------------------------------------------------------------------
def find_entities(doc: Document) -> None:
    """Fill ``doc.mentions`` (places, actors, people, sources) and ``doc.hits``."""
    res = resources()
    nz = doc.norm
    assert nz is not None
    flat = nz.flat
    hits = res.matcher.find(flat)
    doc.hits = hits
    entity_hits = Matcher.longest(h for h in hits if any(p.layer == "entity" for p in h.payloads))
    ctx = _Context(doc, res, flat, entity_hits)
    ctx.places()
    ctx.actors()
    ctx.people()
    ctx.sources()
    doc.mentions.sort(key=lambda m: (m.start, -m.end))


class _Context:
    def __init__(self, doc: Document, res: Resources, flat: str, hits: list[Hit]):
        self.doc, self.res, self.flat, self.hits = doc, res, flat, hits
        self.nz = doc.norm
        self.pub: date | None = doc.published
        self.sent_bounds = [(self.nz_pos(s.start), self.nz_pos(s.end)) for s in doc.sentences]
        self.taken: list[tuple[int, int]] = []  # normalised spans used by mentions
        self._taken_mask = bytearray()
        self._taken_n = 0
        self._words_mask: bytearray | None = None
        self._anchor_list: list[tuple[int, int, str, Hit]] | None = None
        self._anchor_starts: list[int] = []

    # ---- offsets -------------------------------------------------------------------------
    def nz_pos(self, orig: int) -> int:
        return self.nz.to_norm(orig)

    def _word_mask(self) -> bytearray:
        """Positions covered by an actor, source or title name (built once)."""
        if self._words_mask is None:
            mask = bytearray(len(self.flat) + 1)
            for h in self.hits:
                if any(p.kind in ("actor", "source", "title", "trigger") for p in h.payloads):
                    mask[h.word_start:h.end] = b"\x01" * (h.end - h.word_start)
            self._words_mask = mask
        return self._words_mask

    def _taken_at(self, pos: int) -> bool:
        """Whether a place mention covers normalised position ``pos`` (a mask kept with ``taken``)."""
        if len(self._taken_mask) != len(self.flat):
            self._taken_mask = bytearray(len(self.flat))
            for s, e in self.taken:
                self._taken_mask[s:e] = b"\x01" * (e - s)
            self._taken_n = len(self.taken)
        elif self._taken_n != len(self.taken):
            for s, e in self.taken[self._taken_n:]:
                self._taken_mask[s:e] = b"\x01" * (e - s)
            self._taken_n = len(self.taken)
        return 0 <= pos < len(self._taken_mask) and self._taken_mask[pos] == 1

    def mention(self, kind: str, ns: int, ne: int, ref: str, name_en: str | None, info: dict) -> Mention:
        s, e = self.nz.span(ns, ne)
        m = Mention(kind, s, e, self.doc.text[s:e], ref, name_en, info, (ns, ne))
        self.doc.mentions.append(m)
        return m

    def sentence_of(self, pos: int) -> tuple[int, int]:
        for s, e in self.sent_bounds:
            if s <= pos < e:
                return s, e
        return 0, len(self.flat)

    def prev_words(self, pos: int, n: int = 2) -> list[str]:
        return self.flat[max(0, pos - 60):pos].split()[-n:]

    # ---- places --------------------------------------------------------------------------
    def places(self) -> None:
        gaz = self.res.gazetteer
        # a name that is also an outlet's ("الميادين") is the town after a place word ("بمدينة الميادين")
        place_hits = [h for h in self.hits if any(p.kind == "place" for p in h.payloads)
                      and not any(p.kind == "actor" for p in h.payloads)
                      and not (any(p.kind == "source" for p in h.payloads) and not self._after_place_word(h))]
        cands: list[tuple[Hit, list[Place]]] = []
        for h in place_hits:
            ps = [gaz.by_id[p.ref] for p in h.payloads if p.kind == "place" and p.ref in gaz.by_id]
            if ps:
                cands.append((h, ps))
        # votes from unambiguous, strong mentions
        votes: Counter[str] = Counter()
        for h, ps in cands:
            admins = {p.admin1 for p in ps if p.admin1}
            if len(admins) == 1 and self._strong(h, ps):
                votes[admins.pop()] += 1
        total = sum(votes.values()) or 1
        resolved: list[tuple[Hit, Place, str]] = []
        last_end = -10
        typed_list = False  # the list being read started with a place-type word ("قرى X وY وZ")
        for h, ps in cands:
            if self.prev_words(h.word_start, 1)[-1:] in (["حي"], ["وحي"], ["بحي"]) and not any(
                    p.kind == "neighbourhood" for p in ps):
                continue  # "حي الشريعة بمدينة حماة": a quarter the gazetteer lacks, not a village
            prev = self.prev_words(h.word_start, 2)
            prev1 = prev[-1] if prev else ""
            if prev1 not in PLACE_CUE_WORDS and len(prev1) > 3 and prev1[0] in "وفب":
                prev1 = prev1[1:]  # "وقرية X", "وبلدة X"
            has_cue = bool(h.prefix and h.prefix[-1] in "بل") or prev1 in PLACE_CUE_WORDS or self._dateline(h)
            has_type = prev1 in PLACE_TYPE_WORDS
            if h.key in _ANAPHORA_KEYS:
                continue  # "أحياء المدينة": the city named before, not a village called المدينة
            in_list = h.prefix.startswith("و") and 0 <= h.word_start - last_end <= 40 and all(
                w.startswith("و") for w in self.flat[last_end:h.word_start].split())
            if h.prefix.endswith("ال") and not h.key.startswith("ال") and not has_type \
                    and not (in_list and typed_list):
                continue  # "القنوات" is not the village قنوات (but "منطقة المفكر" is مفكر)
            key = h.key
            anchor = self._anchor_admin1(h)
            # (a short name after a proclitic is most often a word: "فرقه" is not ف + the village رقه)
            if key in self.res.common_words or len(key) <= 2 or (
                    len(key) <= 3 and h.prefix and (h.prefix.endswith("ف") or not self._strong(h, ps))):
                if not has_type and not (in_list and typed_list):
                    continue
            elif not self._strong(h, ps):
                # a town or village name: a place-type word before it, a place cue and the governorate
                # named next to it or elsewhere in the article, or the next item of a list of places
                admins = {p.admin1 for p in ps}
                # (with no governorate named in the whole article, a name found in one governorate only
                # after a place cue stands: "اشتباكات في حرستا")
                if not has_type and not in_list and not (has_cue and (anchor in admins or admins & set(votes)
                                                                      or (not votes and len(admins) == 1))):
                    continue
                if anchor is not None and anchor not in admins:
                    continue  # "قرية X بريف حماة" with no X in Hama: a place the gazetteer lacks
                if anchor is None and votes and not admins & set(votes):
                    continue  # a village in a governorate the article never names: likely another X
            best, how, best_score = None, "rank", -1e9
            for p in ps:
                score = KIND_RANK.get(p.kind, 0.5) + min(p.population, 2_000_000) / 1_000_000
                if p.source == "default" and p.kind in ("neighbourhood", "landmark", "region"):
                    score += 0.5
                if p.kind == "governorate":
                    score += 3.0 if prev1 in ("محافظه", "لمحافظه", "بمحافظه") else -0.5
                # the place-type word says what kind of place it is: "مدينة نوى" is the city
                score += _TYPE_FIT.get((prev1, p.kind), 0.0)
                why = "rank"
                if anchor and p.admin1 == anchor:
                    score += 10
                    why = "context"
                elif votes and p.admin1 in votes:
                    score += 3 * votes[p.admin1] / total
                    why = "article"
                if score > best_score:
                    best, how, best_score = p, why, score
            if best is None:
                continue
            if best.kind == "neighbourhood" and (prev1 in _QUARTER_WORDS or key.split()[0] in _QUARTER_WORDS) \
                    and anchor is not None and best.admin1 != anchor:
                continue  # "حي الحميدية في مدينة دير الزور": a quarter of that city the gazetteer lacks
            if len(ps) == 1:
                how = "unique"
            resolved.append((h, best, how))
            typed_list = has_type or (in_list and typed_list)
            last_end = h.end
        for h, p, how in resolved:
            start = h.start - 2 if h.prefix.endswith("ال") else h.start  # "الدقماق", not "دقماق"
            self._place_mention(start, h.end, p, how)
        self._anaphora(resolved)

    def _dateline(self, h: Hit) -> bool:
        """A place opening a paragraph before a dash, colon or agency ("حرستا – ريف دمشق:",
        "إدلب (رويترز) -"): the dateline names where the report comes from."""
        text = self.doc.norm.text
        ws = h.word_start
        if ws > 0 and text[ws - 1] != "\n" and text[max(0, ws - 2):ws] != "\n\n":
            return False
        return bool(_DATELINE_AFTER_RE.match(text, h.end))

    def _after_place_word(self, h: Hit) -> bool:
        prev = self.prev_words(h.word_start, 1)
        w = prev[-1] if prev else ""
        if w not in PLACE_TYPE_WORDS and len(w) > 3 and w[0] in "وفبل":
            w = w[1:]
        return w in PLACE_TYPE_WORDS or (h.prefix[:1] == "ب" and w not in _OUTLET_WORDS)

    def _place_mention(self, ns: int, ne: int, p: Place, how: str, extra: dict | None = None) -> Mention:
        info = {"kind": p.kind, "lat": p.lat, "lon": p.lon, "admin1": p.admin1, "admin1_pcode": p.admin1_pcode,
                "admin2": p.admin2, "admin3": p.admin3, "pcode": p.pcode, "parent": p.parent,
                "name_ar": p.name_ar, "resolved_by": how}
        if extra:
            info.update(extra)
        self.taken.append((ns, ne))
        return self.mention("place", ns, ne, p.id, p.name_en, info)

    def _strong(self, h: Hit, ps: list[Place]) -> bool:
        if any(p.kind in ("governorate", "city", "neighbourhood", "landmark", "region") for p in ps):
            return True
        return " " in h.key and len(h.key) >= 7

    def _anchor_admin1(self, h: Hit) -> str | None:
        """Governorate of the place named right after (or just before) this one in its sentence."""
        ss, se = self.sentence_of(h.start)
        anchors = self._anchors()
        starts = self._anchor_starts
        best = None
        i = bisect_left(starts, max(ss, h.word_start - 60))
        while i < len(anchors) and anchors[i][0] < min(se, h.end + 46):
            start, end, admin1, other = anchors[i]
            i += 1
            if other is h:
                continue
            if 0 < start - h.end <= 45:
                if any(w in ROAD_WORDS for w in self.flat[h.end:start].split()):
                    continue  # "سراقب عند تقاطع طريقي حلب - دمشق": the ends of a road hold no town
                return admin1
            if 0 < h.word_start - end <= 25:
                best = best or admin1
        return best

    def _anchors(self) -> list[tuple[int, int, str, Hit]]:
        """Hits naming a governorate, city or region of one governorate, by start (built once)."""
        if self._anchor_list is None:
            gaz = self.res.gazetteer
            out = []
            for other in self.hits:
                ps = [gaz.by_id[p.ref] for p in other.payloads if p.kind == "place" and p.ref in gaz.by_id]
                admins = {p.admin1 for p in ps if p.kind in ("governorate", "city", "region") and p.admin1}
                if len(admins) == 1:
                    out.append((other.start, other.end, admins.pop(), other))
            out.sort(key=lambda t: t[0])
            self._anchor_list = out
            self._anchor_starts = [t[0] for t in out]
        return self._anchor_list

    def _anaphora(self, resolved: list[tuple[Hit, Place, str]]) -> None:
        # reference points ("شرق مدينة حماة") are not what "المدينة" points back to
        # a landmark or quarter stands for the city it is in ("مدينة تدمر الأثرية" ... "في المدينة")
        gaz = self.res.gazetteer
        placed = sorted(((h.start, gaz.by_id.get(p.parent, p) if p.kind in ("landmark", "neighbourhood")
                          and p.parent else p) for h, p, _ in resolved
                         if not (set(self.prev_words(h.word_start, 2)) & _DIRECTIONS)
                         and not (set(self.prev_words(h.word_start, 5)) & _TOWARDS)), key=lambda t: t[0])
        for m in _ANAPHORA_RE.finditer(self.flat):
            ns, ne = m.start(1) - 2 if self.flat[m.start(1) - 2:m.start(1)] == "ال" else m.start(1), m.end()
            if any(s <= ns < e for s, e in self.taken):
                continue
            nxt = self.flat[ne:ne + 30].split()[:1]
            if nxt and nxt[0].startswith("ال"):
                continue  # "المدينة الصناعية": a noun phrase, not a reference
            kinds = _ANAPHORA[m.group(1)]
            body = self.nz_pos(self.doc.body_start)
            prev = [p for s, p in placed if body <= s < ns and p.kind in kinds] or [
                p for s, p in placed if s < ns and p.kind in kinds]  # the title's places only as a last resort
            if not prev:
                continue
            self._place_mention(ns, ne, prev[-1], "anaphora")

    # ---- actors --------------------------------------------------------------------------
    def actors(self) -> None:
        lex = self.res.lexicon
        firm: Counter[str] = Counter()
        pending: list[tuple[Hit, list[str]]] = []
        for h in self.hits:
            ids = [p.ref for p in h.payloads if p.kind == "actor"]
            amb = [p.ref for p in h.payloads if p.kind == "actor?"]
            if not ids and not amb:
                continue
            if self._taken_at(h.start):
                continue
            a = self._pick_actor(ids) if ids else None
            if a:
                firm[a] += 1
                self._actor_mention(h, a, ambiguous=False)
            elif amb:
                pending.append((h, amb))
        for h, ids in pending:
            valid = [i for i in ids if lex.actors[i].valid_on(self.pub)]
            if not valid:
                continue
            named = [i for i in valid if firm[i]]
            a = max(named, key=lambda i: firm[i]) if named else valid[0]
            hedged = _HEDGED_NATION_RE.match(self.flat, h.end)
            if hedged and (nation := _NATION_FORCES.get(hedged.group(1))) in lex.actors:
                a = nation  # "طائرات حربية يرجح أنها إسرائيلية"
            self._actor_mention(h, a, ambiguous=True)
        # "غارات يرجح أنها روسية": a fire noun given a likely nationality is that country's
        if "يرجح" in self.flat or "يعتقد" in self.flat or "يشتبه" in self.flat:
            for m in _HEDGED_FIRE_RE.finditer(self.flat):
                nation = _NATION_FORCES.get(m.group(1))
                if nation in lex.actors and not self._taken_at(m.start()) and not any(
                        x.kind == "actor" and x.nspan[0] < m.end() and m.start() < x.nspan[1] for x in self.doc.mentions):
                    a = lex.actors[nation]
                    info = {"inter": a.inter, "side": a.side, "country": a.country, "assoc_of": a.assoc_of,
                            "actor_kind": a.kind, "ambiguous": True}
                    self.mention("actor", m.start(), m.end(), a.id, a.name_en, info)

    def _pick_actor(self, ids: list[str]) -> str | None:
        lex = self.res.lexicon
        valid = [i for i in ids if lex.actors[i].valid_on(self.pub)]
        if not valid:
            return None
        if self.pub is None:
            # no date: prefer the entry without a start date (the long-lived meaning)
            valid.sort(key=lambda i: lex.actors[i].valid_from is not None)
        return valid[0]

    def _actor_mention(self, h: Hit, actor_id: str, ambiguous: bool) -> None:
        a = self.res.lexicon.actors[actor_id]
        info = {"inter": a.inter, "side": a.side, "country": a.country, "assoc_of": a.assoc_of,
                "actor_kind": a.kind, "ambiguous": ambiguous}
        self.mention("actor", h.start, h.end, a.id, a.name_en, info)

    # ---- people --------------------------------------------------------------------------
    def people(self) -> None:
        lex = self.res.lexicon
        flat = self.flat
        titles = []
        for h in self.hits:
            tid = next((p.ref for p in h.payloads if p.kind == "title"), None)
            # an ambiguous title ("مصور": filmed / photographer) counts only with its article
            if tid is not None and (not lex.titles[tid].ambiguous or h.prefix.endswith("ال")):
                titles.append(h)
        pending_org: tuple[str, int] | None = None  # "الناطق باسم «X»" then the spokesman's name
        for i, h in enumerate(titles):
            tid = next(p.ref for p in h.payloads if p.kind == "title")
            t = lex.titles[tid]
            if h.key.endswith("باسم"):
                org_hit = next((o for o in self.hits if 0 <= o.word_start - h.end <= 3
                                and any(p.kind in ("actor", "source") for p in o.payloads)), None)
                if org_hit is not None:
                    pending_org = (self.doc.text[slice(*self.nz.span(org_hit.start, org_hit.end))], org_hit.end)
                    continue
            # a title directly followed by another title ("الناشط الإعلامي", "العماد") chains on
            if i + 1 < len(titles) and 0 <= titles[i + 1].word_start - h.end <= 1:
                continue
            name_s, name_e, org = self._grab_name(h.end)
            if name_s is None:
                continue
            if org is None and pending_org is not None and 0 <= h.word_start - pending_org[1] <= 4:
                org = pending_org[0]
            first = h
            j = i
            while j > 0 and 0 <= first.word_start - titles[j - 1].end <= 2:
                j -= 1
                first = titles[j]
            start = first.start - 2 if first.prefix.endswith("ال") else first.start  # "المقدم", not "مقدم"
            role = self.doc.text[slice(*self.nz.span(start, h.end))]
            info = {"title": t.ar, "title_en": t.en, "group": t.group, "role": role, "org": org}
            name_text = flat[name_s:name_e]
            self.mention("person", start, name_e, norm(name_text), None, info)

    def _is_name_ali(self, s: int, e: int) -> bool:
        """"علي" (the name) and "على" (on) fold together; the original spelling tells them apart."""
        os, oe = self.nz.span(s, e)
        return self.doc.text[os:oe] == "علي"

    def _same_clause(self, a: int, b: int) -> bool:
        seg = self.nz.text[a:b]
        if any(c in seg for c in "،,.:؛\"«»"):
            return False
        # "قال القائد إن الثوار انسحبوا": what follows إن / أن is what was said, not who said it
        return not any(w in _THAT_WORDS for w in self.flat[a:b].split())

    def _grab_name(self, pos: int) -> tuple[int | None, int, str | None]:
        """A personal name right after ``pos`` (skipping "باسم X" and descriptive adjectives)."""
        text, flat = self.nz.text, self.flat
        org = None
        i = pos
        words: list[tuple[int, int]] = []
        for m in re.finditer(r"\S+", flat[pos:pos + 120]):
            s, e = pos + m.start(), pos + m.end()
            w = m.group()
            gap = text[i:s]
            if words and any(c in gap for c in "،,.:؛\"«»()"):
                break
            if not words and any(c in gap for c in ".؛\"«“"):
                return None, 0, None  # a quoted name after a title is an outlet, not a person
            i = e
            if not words and w in _SKIP_ADJ:
                continue
            if not words and w in ("باسم", "لدى", "في"):
                # organisation after "باسم" / "لدى": skip to the next title or name
                org_hit = next((h for h in self.hits if h.word_start >= e and h.word_start - e <= 2
                                and any(p.kind in ("actor", "source") for p in h.payloads)), None)
                if org_hit is None:
                    return None, 0, None
                org = self.doc.text[slice(*self.nz.span(org_hit.start, org_hit.end))]
                return None, 0, org
            if (w in _STOP_NAME and not self._is_name_ali(s, e)) or w.startswith(("وال", "بال")) or w.isdigit():
                break
            # a name stops at an entity: an accepted place, or an actor, source, title or trigger word
            # (a village named like a first name, "عائشة", was not accepted and does not stop it)
            if self._taken_at(s) or self._word_mask()[s] == 1:
                if not words or words[-1] and flat[words[-1][0]:words[-1][1]] not in _NAME_LINK:
                    break
            if w.startswith("ال") and not words:
                break
            words.append((s, e))
            last = w
            if len(words) >= 4 or (len(words) >= 2 and last not in _NAME_LINK and len(words) >= 3):
                break
        # drop a trailing link word
        while words and flat[words[-1][0]:words[-1][1]] in _NAME_LINK:
            words.pop()
        if not words or (len(words) == 1 and len(flat[words[0][0]:words[0][1]]) < 3):
            return None, 0, org
        return words[0][0], words[-1][1], org

    # ---- sources -------------------------------------------------------------------------
    def sources(self) -> None:
        """Mark who speaks: the first source, person or actor after a speech verb or وفق/بحسب."""
        lex = self.res.lexicon
        flat = self.flat
        # "نقلت قوات النظام 200 آلية": "نقل" reports only with "عن" after it ("نقلت الوكالة عن مصدر")
        speech = [h for h in self.doc.hits if any(p.kind == "speech" for p in h.payloads)
                  and not (h.key in _TRANSFER_VERBS and "عن" not in flat[h.end:h.end + 60].split()[:6])]
        attrib = [m for m in re.finditer(r"(?<!\S)(?:و?(?:وفق|وفقا|بحسب|حسب)|نقلا عن|نقلت عن|نقل عن)(?= )",
                                         flat)]
        triggers = [(h.end, h) for h in speech] + [(m.end(), None) for m in attrib]
        by_start = sorted(self.doc.mentions, key=lambda m: m.nspan[0])
        starts = [m.nspan[0] for m in by_start]
        src_hits = [h for h in self.hits if any(p.kind == "source" for p in h.payloads)]
        src_starts = [h.start for h in src_hits]
        for pos, _h in triggers:
            g = _GENERIC_SOURCE_RE.match(self.flat, pos)
            if g is not None and not any(h.word_start <= g.start(1) and h.end > g.end(1) for h in src_hits
                                         if h.word_start < g.end(1)):
                # "وأضافت الشبكة" (but not "الشبكة السورية لحقوق الإنسان"): the source named before
                self._source_back_reference(pos)
                continue
            window_end = pos + 35  # the speaker stands right after the verb
            near = by_start[bisect_left(starts, pos):bisect_left(starts, pos + 26)]
            cand_m = next((m for m in near if pos <= m.nspan[0] <= pos + 25
                           and (m.kind == "person" or (m.kind == "actor" and m.info.get("inter") != 7))
                           and self._same_clause(pos, m.nspan[0])), None)
            cand_s = next((h for h in src_hits[bisect_left(src_starts, pos):] if pos <= h.start <= window_end
                           and self._same_clause(pos, h.start)), None)
            if cand_s is not None and (cand_m is None or cand_s.start <= cand_m.nspan[0]):
                sid = next(p.ref for p in cand_s.payloads if p.kind == "source")
                s = lex.sources[sid]
                info = {"source_kind": s.kind, "scale": s.scale, "affiliation": s.affiliation, "speaks_at": pos}
                if not any(m.kind == "source" and m.nspan == (cand_s.start, cand_s.end) for m in self.doc.mentions):
                    self.mention("source", cand_s.start, cand_s.end, s.id, s.name_en, info)
            elif cand_m is not None:
                kind = "person" if cand_m.kind == "person" else "actor"
                info = {"source_kind": kind, "scale": "", "affiliation": "", "speaks_at": pos}
                if not any(m.kind == "source" and m.nspan == cand_m.nspan for m in self.doc.mentions):
                    self.mention("source", cand_m.nspan[0], cand_m.nspan[1], cand_m.ref,
                                 cand_m.name_en, info)

    def _source_back_reference(self, pos: int) -> None:
        """"وأضافت الشبكة": a generic noun after a speech verb names the last source of its kind."""
        m = _GENERIC_SOURCE_RE.match(self.flat, pos)
        if m is None:
            return
        noun = m.group(1)
        earlier = [x for x in self.doc.mentions if x.kind == "source" and x.nspan[1] <= pos
                   and noun in self.flat[x.nspan[0]:x.nspan[1]]]
        if not earlier:
            return
        src = earlier[-1]
        info = dict(src.info, speaks_at=pos, resolved_by="back-reference")
        self.mention("source", m.start(1) - 2, m.end(1), src.ref, src.name_en, info)
