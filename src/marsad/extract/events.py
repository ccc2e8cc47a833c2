"""Event coding: triggers plus arguments, sentence by sentence, in the ACLED taxonomy.

Only sentences that hold a trigger hit are looked at. A sentence is cut into segments at clause
breakers (فيما، بينما، في حين، كما، كذلك، ترافق، بحسب، بتهمة...) and between triggers; each typed
trigger gives one candidate event whose arguments are looked for in its own segment first. A verb
and its own verbal noun ("شنت غارات"), or an instrument noun after its verb ("قصفت ... بغاز السارين"),
are one event.

* type: the trigger's type; instrument cues ("بالبراميل", "قذائف الهاون", "عبوة ناسفة", "بالرصاص
  الحي", "أضرموا النار") refine the sub-type or turn a protest into force against protesters or a
  riot; territory triggers take "Government regains territory" when the actor is a state force,
  and a takeover said to be without fighting is a non-violent transfer; death words with no type
  of their own ("قتل", "مقتل") lend their fatalities to the typed trigger of their clause, or become
  an event typed by the victims.
* not events: a negation right before the trigger, a future prefix (سـ), a modality cue earlier in
  the clause (call, threat, warning, plan, possibility, condition, denial, opinion, goal, fear,
  wish, reaction, habit), a question, a demonstrative ("هذه الاشتباكات"), a purpose ("لاغتيال"), a
  list of practices ("من اعتقال وإذلال وسرقة"), a period or total ("خلال الأشهر الماضية", "وثقت
  214 ضحية"), background ("سبق أن", "قبل سنوات", an earlier year) and anything dated more than a
  month before publication.
* actors: "بين X ... من جهة، وY" for clashes; else the agent after a verb (VSO) or before it (SVO),
  the agent of a verbal noun after لـ / من قبل / شنتها / برصاص, an actor name holding the trigger
  ("غارات روسية"), an armed group announcing its own deed; targets are marked by لـ after a verb,
  على، ضد، مواقع، تجمعات...; the dead named after a death word are the target; allies named with
  actor1 are associated actors; civilians act only in protests and flight; protesters are actor1
  of a protest.
* place: the places of the segment, one event per coordinated place ("بلدتي الفوعة وكفريا"),
  leaving out reference points ("شمال مدينة حمص"), containers ("بريف دمشق") and destinations
  ("باتجاه دمشق", "انسحبت إلى"); else the sentence's, else the place the article is talking about.
  A place abroad ("جنين بالضفة الغربية") or a country named where the event is gives its country
  and the event is out of scope for Syria.
* date: the segment's date, else the nearest earlier date of the sentence, else the article's main
  day (a day-precise date on or just before publication), else the publication date (precision 2).
* fatalities: killed counts near a death word, not wounded, not ages or subsets ("بينهم"), vague
  amounts by the eval conventions, one figure split evenly between the places it is given for;
  strategic developments carry none.
* source: the speaker (a source, person or actor right after قال، أفاد، وفق...) of the sentence or
  paragraph.

Events of one article with the same type, place and day and compatible actors are merged.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from marsad.extract.entities import ROAD_WORDS, resources
from marsad.lexicon import Trigger
from marsad.lexicon.matcher import Hit
from marsad.model import DateMention, Document, Event, Mention
from marsad.text.dates import resolve_anaphora
from marsad.text.normalize import norm
from marsad.text.numbers import COUNT_KINDS

__all__ = ["find_events", "DISORDER"]

DISORDER = {
    "Battles": "Political violence",
    "Explosions/Remote violence": "Political violence",
    "Violence against civilians": "Political violence",
    "Protests": "Demonstrations",
    "Riots": "Demonstrations",
    "Strategic developments": "Strategic developments",
}
_BREAK_RE = re.compile(r"(?<!\S)(?:و?(?:فيما|بينما|كما|كذلك|ترافق|تبعه|تبعها|تبعت|ثم|لكن|لكنها|لكنه|بحسب|حسب|وفق|وفقا"
                       r"|بتهمه|بتهم|بحجه|بذريعه)"
                       r"|في حين)(?= )")
_TARGET_WORDS = frozenset(norm(w) for w in (
    "على ضد مواقع موقع تجمعات تجمع تجمعا حواجز حاجز مقرات مقر مقار نقاط نقطة تمركزات عناصر مقاتلي مسلحي "
    "صفوف آليات آلية سيارة سيارات رتل أرتال دورية معاقل مناطق ثكنة قاعدة مطار لمواقع لتجمعات بمواقع "
    "التابعة التابع تابعة تابع عاصمة العاصمة المفترضة معقل الخاضعة الخاضع").split())
# a unit of a force standing for it as subject; only after verbs read actively ("استهدفت دورية
# لقوات النظام" is as often passive: the patrol was hit)
_UNIT_WORDS = frozenset(norm(w) for w in (
    "دورية دوريات قوة وحدة وحدات مجموعة مجموعات خلية خلايا كتيبة سرية مفرزة عناصر عنصر مقاتلو مقاتلون "
    "حاجز طائرة طائرات مروحية مدفعية دبابة").split())
_ARREST_WORD = norm("القبض")
_PLACE_TYPES_FLAT = frozenset(norm(w) for w in "مدينة بلدة قرية حي منطقة مخيم ومدينة وبلدة وقرية بمدينة ببلدة بقرية".split())
_RECORD_WORDS = frozenset(norm(w) for w in (
    "الأولى الأول أعنف الأعنف أكبر الأكبر أشد الأشد أوسع الأوسع أخطر الأخطر أعلى الأعلى أكثر الأكثر "
    "أدمى الأدمى أطول").split())
_SAME_SUBJECT = [[norm(w)] for w in "لكنها لكنه لكنهم ولكنها ولكنه ولكنهم ثم بعدها بعدما".split()]
_BELONGING_WORDS = frozenset(norm(w) for w in "تابعة تابع التابعة التابع تابعين التابعين".split())
_UNIT_SUBJECT_TRIGGERS = frozenset((
    "arrest", "raid_arrest", "capture", "detain", "abduct", "loot", "confiscate_property", "seize_weapons",
    "seize_verb", "clash_verb", "shell_verb", "air_raid_verb", "execute", "control_verb", "enter", "withdraw",
    "defuse", "intercept", "repel"))
_LOYAL_PREFIXES = ("موالي", "الموالي", "مواليه", "المواليه", "مواليت", "المواليت", "الموالين", "موالين",
                   "مؤيد", "المؤيد", "مويد", "الموي")
_MEMBER_WORDS = frozenset(norm(w) for w in "عناصر مقاتلي مسلحي".split())
_AGENT_WORDS = frozenset(norm(w) for w in (
    "شنتها شنها شنته شنه شنوه نفذتها نفذها نفذه نفذوه قبل شنت شن نفذت نفذ ألقتها ألقاها أطلقتها أطلقها أطلقه "
    "من برصاص رصاص بنيران نيران يد ايدي").split())  # (and "على يد X": by the hand of X)
_STRONG_AGENT_WORDS = _AGENT_WORDS - {"من"}  # "عنصرين من قوات النظام" are the dead, not the agent
_DIRECTION = frozenset(norm(w) for w in "شمال جنوب شرق غرب شمالي جنوبي شرقي غربي وسط شمالا جنوبا شرقا غربا".split())
_SEAT_WORDS = frozenset(norm(w) for w in "مقره ومقره مقرها ومقرها مقرهم ومقرهم يتخذ تتخذ ومركزه مركزه ومركزها".split())
_CENTRE = norm("وسط")
_DEST_ALWAYS = frozenset(norm(w) for w in "باتجاه نحو اتجاه صوب".split())
_NEAR = frozenset(norm(w) for w in "محيط قرب أطراف بالقرب مشارف ضواحي أرياف ريف بمحيط".split())
_DEST = frozenset(norm(w) for w in "باتجاه نحو إلى الى اتجاه صوب لتعزيز".split())
_UNDERGO = frozenset(norm(w) for w in (
    "تعرض تعرضت يتعرض تتعرض تعرضوا يتعرضون تعرضها تعرضه اضافة إضافة بالإضافة نتيجة تعرضا").split())
_LEAVING_TRIGGERS = ("withdraw", "evacuate", "flee", "escape", "displace", "evacuation", "departure",
                     "forced_displacement")
_TARGET_KEY_ENDINGS = (" علي", " ضد")
# background cues too common to block on their own (years are checked against the publication date)
_WEAK_BACKGROUND = frozenset(norm(w) for w in (
    "كانت|كان قد|كانت قد|في العام|تكرار|يذكر|عام 2011|عام 2012|عام 2013|عام 2014|عام 2015|عام 2016|عام 2017|"
    "عام 2018|عام 2019|عام 2020").split("|"))
_BACKGROUND_AFTER = frozenset(norm(w) for w in (
    "آنذاك|حينها|حينذاك|في حينه|العام الماضي|في العام الماضي|العام الفائت").split("|"))
_COUNTRY_PLACE_WORDS = frozenset(norm(w) for w in "في شمال جنوب شرق غرب شمالي جنوبي شرقي غربي وسط داخل قرب الى إلى من".split())
_BACKING_WORDS = frozenset(norm(w) for w in (
    "مدعمة مدعومة مدعوما مدعمين مدعومين بمساندة بدعم برفقة بمشاركة مع إلى جانب والمسلحين الموالين").split())
_HEDGE_RE = re.compile(r"(?<!\S)(?:يعتقد|يرجح|يشتبه|يعتقد انهم|يرجح انهم|يشتبه بانهم)(?= )")
# "قتل خمسة جراء قصف الطيران": what follows the cause word is the killer, not the dead
_CAUSE_RE = re.compile(r"(?<!\S)(?:جراء|بسبب|اثر|نتيجه|بفعل|بنيران|برصاص)(?= )")
# "ما لا يقل عن 6 غارات": an amount, not a negation
_NOT_LESS_RE = re.compile(r" (?:يقل|تقل|يقلون|يقلوا)(?= )")
_RESPONSE_RE = re.compile(r"(?<!\S)(?:ردا|رد|جاء ردا|ياتي ردا) علي(?= )")
_DRONE_RE = re.compile(r"مسير|درون|بدون طيار|بلا طيار")  # rebels fly drones too
# what joins an unnamed force to the group it belongs to: "مسلحون من X", "طائرة تابعة لـX"
_OF_GROUP_RE = re.compile(r" *(?:من|ينتمون الي|ينتمون ل|تابعه|تابع|التابعه|التابع|تابعين|التابعين|يتبعون)? ?(?:ل|لل|ال)?")
_SIDE_RE = re.compile(r"(?<!\S)من (?:جهه|طرف)(?= )")
_CLAUSE_WORDS = frozenset(norm(w) for w in "في على ضد من جهة طرف بين".split())
_PERIOD_WORDS = (norm("خلال"), norm("منذ"), norm("في صيف"), norm("في الأشهر"))
_HEDGE_OBJECTS = frozenset(norm(w) for w in "أنها أنه أنهم أنهن انها انه".split())
_AFTER_WORDS = frozenset(norm(w) for w in "بعد إثر اثر عقب وبعد".split())
_STILL = frozenset(norm(w) for w in "زال يزال تزال زالت زالوا يزالون".split())
_NEGATION_NEAR = frozenset(norm(w) for w in "لم لن لا ليس ما عدم دون".split())
_PERSON_NOUNS_1 = frozenset(norm(w) for w in (
    "شخص رجل طفل طفلة امرأة عنصر مدني جندي مواطن مقاتل ضابط شاب سيدة فتى سائق ابن ابنة زوجة زوج شقيق "
    "قائد قيادي شهيد").split())
_ONE_DEAD = frozenset(norm(w) for w in (
    "مقتله|مقتلها|مصرعه|مصرعها|لقي مصرعه|لقيت مصرعها|حتفه|لقي حتفه|لقيت حتفها|استشهاده|استشهادها|وفاته|"
    "وفاتها|متأثرا بجراحه|متأثرة بجراحها|متأثرا بجروحه|متأثرة بجروحها").split("|"))
_NOT_PERSON_NOUNS = frozenset(norm(w) for w in (
    "قذيفة قذائف صاروخ صواريخ غارة غارات برميل براميل ضربة ضربات آلية آليات سيارة سيارات طائرة طائرات "
    "يوم يوما أيام ساعة ساعات كيلومتر كيلومترات كلم متر مترا عام أعوام شهر أشهر شهرا أسبوع أسابيع دقيقة "
    "بلدة بلدات قرية قرى مدينة مدن نقطة نقاط موقع مواقع حاجز حواجز دبابة دبابات مبنى مباني منزل منازل "
    "عبوة عبوات لغم ألغام هجوم هجمات قذيفه مرة مرات عدد حصيلة نسبة بالمئة بالمائة "
    "قريتين قريتي بلدتين بلدتي مدينتين مدينتي سيارتين سيارتي طائرتين غارتين قذيفتين صاروخين دبابتين يومين "
    "ساعتين مرتين شهرين عامين سنتين حيين حيي منطقتين موقعين حاجزين آليات آلية عربة عربات "
    "عائلة عائلات أسرة أسر عائلتين أسرتين").split())


_SUBSET_WORDS = frozenset(norm(w) for w in "بينهم منهم بينها معظمهم غالبيتهم أغلبهم بينهن منهن هم وهم هن".split())
_AGE_WORDS = frozenset(norm(w) for w in "سن عمر العمر بعمر عمره عمرها أعمارهم أعمارهن".split())
_ACCUSED_WORDS = frozenset(norm(w) for w in (
    "المتهم متهم المتهمين متهمين المتهمة بتهمة بتهم المتورط متورط المتورطين المسؤول المطلوب المطلوبين "
    "المدان مدان المشتبه").split())
_SINCE_PARTS = frozenset(norm(w) for w in "منتصف مطلع بداية أواخر أوائل نهاية أول".split())
_RISE_WORDS = frozenset(norm(w) for w in "ارتفع ارتفعت وارتفع وارتفعت ليرتفع لترتفع".split())


def _unsuffixed(word: str) -> str:
    """A noun without a possessive suffix: "سائقها" -> "سائق"."""
    for suffix in ("هما", "هم", "ها", "ه"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def _thing_noun(word: str) -> bool:
    """A noun of things, not people, also in the dual ("عربتين", "دبابتين")."""
    if word in _NOT_PERSON_NOUNS:
        return True
    for suffix, repl in (("تين", "ه"), ("تان", "ه"), ("ين", ""), ("ان", "")):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3 and word[: -len(suffix)] + repl in _NOT_PERSON_NOUNS:
            return True
    return False


def _accusative_bare(word: str) -> str:
    """A singular noun without its accusative alif: "قياديا" -> "قيادي", "شابا" -> "شاب"."""
    return word[:-1] if word.endswith("ا") and len(word) >= 4 else word


def _bare(word: str) -> str:
    """A noun without its proclitics and article, for the lists above."""
    for p in ("وال", "بال", "فال", "لل", "ال", "و", "ب", "ل"):
        if word.startswith(p) and len(word) - len(p) >= 3:
            return word[len(p):]
    return word
_LONG_AGO_DAYS = 31
_WINDOW_AFTER = 140
_WINDOW_BEFORE = 110
_DEMONSTRATIVES = frozenset(norm(w) for w in "هذه هذا تلك ذلك هذين هاتين".split())
_PURPOSE_PREFIXES = ("ل", "لل", "ول", "ولل", "فل")
_RELATIVE_RE = re.compile(r"(?<!\S)(?:الذي|التي|الذين|اللذين|حيث|بين|يصل|تصل)(?!\S)")


@dataclass(slots=True)
class _Cand:
    trigger: Hit
    tdef: Trigger
    seg: tuple[int, int]          # normalised span where its arguments are looked for (after)
    before: tuple[int, int]       # normalised span before the trigger in its clause
    sent: tuple[int, int]
    sent_index: int
    event_type: str | None = None
    sub_event_type: str | None = None
    fatal_hits: list[Hit] = field(default_factory=list)
    rule: str = ""
    with_verb: bool = False       # a verb of the same event was merged into this noun ("الغارات قصفت")
    group_end: int = 0            # end of the last trigger merged into this candidate
    clause_end: int = 0           # where its clause ends (consequences "ما أدى إلى مقتل" reach this far)
    clause_start: int = 0


def find_events(doc: Document) -> None:
    """Code the events of ``doc`` (which must carry its entity mentions and hits)."""
    _Coder(doc).run()


class _Coder:
    def __init__(self, doc: Document):
        self.doc = doc
        self.res = resources()
        self.lex = self.res.lexicon
        self.nz = doc.norm
        self.flat = self.nz.flat
        # normalised positions of numbers and dates
        self.numbers = [(self._npos(n.start), self._npos(n.end), n) for n in doc.numbers]
        self.dates = [(self._npos(d.start), self._npos(d.end), d) for d in doc.dates]
        self.mentions = sorted((m for m in doc.mentions), key=lambda m: m.nspan[0])
        self.places = [m for m in self.mentions if m.kind == "place"]
        self.actors = [m for m in self.mentions if m.kind == "actor"]
        self._actor_starts = [m.nspan[0] for m in self.actors]
        self.sources = [m for m in self.mentions if m.kind == "source"]
        self.persons = [m for m in self.mentions if m.kind == "person"]
        self.cues: dict[str, list[Hit]] = {}
        self.triggers: list[Hit] = []
        for h in doc.hits:
            for p in h.payloads:
                if p.layer == "trigger":
                    self.triggers.append(h)
                    break
            for p in h.payloads:
                if p.layer == "cue":
                    self.cues.setdefault(p.kind, []).append(h)
        self.triggers = _dedupe_triggers(self.triggers)
        self._speech_ends = sorted(h.end for h in doc.hits if any(p.kind == "speech" for p in h.payloads))
        self._trigger_starts = [h.word_start for h in self.triggers]
        self.sents = [(self._npos(s.start), self._npos(s.end), s) for s in doc.sentences]
        # "منذ الـ27 من الشهر الماضي" starts a duration, not an event; "منذ صباح أمس" starts one going
        # on, whose date it is (but not of the events told after it)
        self._event_dates = [(s, d) for s, _e, d in self.dates if not self._is_since(s)]
        self._since_dates = [(s, d) for s, _e, d in self.dates if self._is_since(s) and self._main_day(d)]
        # "منذ منتصف الشهر الماضي": a campaign over weeks (with a toll, a total, not one event's)
        self._long_since = [s for s, _e, d in self.dates if self._is_since(s) and not self._recent(d)]
        self.sentence_agent: tuple[tuple[int, int], Mention] | None = None
        self._place_kinds: dict[int, tuple[Any, Any, Any, Any]] = {}  # id(event) -> kind, parent, ref, pcode
        self.civilians_id = next((a.id for a in self.lex.actors.values() if a.name_en == "Civilians"), None)
        self.civilian_ids = frozenset(a.id for a in self.lex.actors.values() if a.inter == 7)

    def _npos(self, orig: int) -> int:
        return self.nz.to_norm(orig)

    # ------------------------------------------------------------------------------------
    def run(self) -> None:
        events: list[Event] = []
        last_place: Mention | None = None
        for si, (ss, se, sent) in enumerate(self.sents):
            if sent.kind != "body":
                continue
            trig = [h for h in self.triggers if ss <= h.start < se]
            sent_places = [m for m in self.places if ss <= m.nspan[0] < se]
            if not trig:
                if sent_places:
                    last_place = sent_places[0]
                continue
            if self.doc.text[sent.end - 1:sent.end] == "؟":
                continue
            cands = self._candidates(trig, (ss, se), si)
            for c in cands:
                coded = self._code(c, last_place)
                if not coded and c.tdef.event_type is not None and c.fatal_hits and c.tdef.weak and not self._blocked(c):
                    # the weak trigger the dead were lent to found no actor or place: the death word
                    # stands on its own (a blocked deed keeps its dead blocked)
                    d = c.fatal_hits[0]
                    own = _Cand(d, self._tdef(d), (d.end, max(d.end, c.seg[1], c.clause_end)), (c.before[0], d.word_start),
                                c.sent, c.sent_index, fatal_hits=list(c.fatal_hits), clause_start=c.clause_start,
                                clause_end=max(c.clause_end, d.end))
                    if own.tdef is not None:
                        coded = self._code(own, last_place)
                events.extend(coded)
            if sent_places:
                last_place = sent_places[0]
        self.doc.events = _merge_duplicates(events, self._place_kinds)
        for i, ev in enumerate(self.doc.events, 1):
            ev.event_id_cnty = f"{(self.doc.article_id or 'DOC')}-{i}"

    # ------------------------------------------------------------------------------------
    def _candidates(self, trig: list[Hit], sent: tuple[int, int], si: int) -> list[_Cand]:
        ss, se = sent
        breaks = [m.start() for m in _BREAK_RE.finditer(self.flat, ss, se)]
        bounds = sorted({ss, se, *breaks})
        typed: list[_Cand] = []
        deaths: list[Hit] = []
        for h in trig:
            tdef = self._tdef(h)
            if tdef is None or tdef.non_event:
                continue
            if tdef.pos != "verb" and self._in_list_of_nouns(h):
                continue  # "من اعتقال وإذلال وسرقة": a list of practices, not a deed
            if tdef.id == "air_drop" and _ARREST_WORD in self.flat[h.end:h.end + 90].split()[:9]:
                continue  # "ألقت إدارة الأمن العام في طرطوس القبض على": an arrest, told by its own trigger
            if tdef.event_type is None:
                deaths.append(h)
                continue
            typed.append(_Cand(h, tdef, (0, 0), (0, 0), sent, si))
        # a death word with no typed trigger in its clause becomes a candidate of its own
        def clause_of(pos: int) -> tuple[int, int]:
            k = bisect_left(bounds, pos + 1) - 1
            return bounds[max(k, 0)], bounds[min(k + 1, len(bounds) - 1)]
        seizures = [c.trigger.end for c in typed if c.tdef.sub_event_type == "Disrupted weapons use"]
        if seizures:
            # "ضبطت مستودعا يضم قذائف هاون وعبوات ناسفة": the weapons seized are not attacks
            typed = [c for c in typed if not (c.tdef.pos != "verb" and c.tdef.event_type == "Explosions/Remote violence"
                                               and any(0 <= c.trigger.word_start - e <= 160 for e in seizures))]
        if len(typed) > 1:
            kept = []
            for c in typed:
                w = self.flat[max(ss, c.trigger.word_start - 10):c.trigger.word_start].split()[-1:]
                if c.tdef.pos != "verb" and c.tdef.event_type == "Strategic developments" and w and w[0] in _AFTER_WORDS:
                    continue  # "دخلت ... بعد اتفاق": the agreement is the circumstance of the entry
                kept.append(c)
            typed = kept
        for d in deaths:
            cs, ce = clause_of(d.start)
            owner = [c for c in typed if cs <= c.trigger.start < ce]
            # "هاجموا القرية وأحرقوا المنازل ما أدى إلى مقتل أربعة": the dead belong to the violence,
            # not to the burning (strategic developments carry no fatalities)
            owner = [c for c in owner if c.tdef.event_type != "Strategic developments"] or owner
            if owner:
                best = min(owner, key=lambda c: abs(c.trigger.start - d.start))
                best.fatal_hits.append(d)
            else:
                typed.append(_Cand(d, self._tdef(d), (0, 0), (0, 0), sent, si, fatal_hits=[d]))
        typed.sort(key=lambda c: c.trigger.start)
        # collapse a verb + its own verbal noun of the same family ("شنت غارات", "قصفا مدفعيا")
        merged: list[_Cand] = []
        for c in typed:
            if merged:
                p = merged[-1]
                cs, ce = clause_of(p.trigger.start)
                same_clause = cs <= c.trigger.start < ce
                gap = c.trigger.word_start - max(p.trigger.end, p.group_end)
                if same_clause and c.tdef.weak and _family(p.tdef) == _family(c.tdef):
                    # "مظاهرة ... ما أدى إلى مقتل متظاهرين اثنين": the protesters' word belongs to it
                    p.fatal_hits.extend(c.fatal_hits)
                    p.group_end = c.trigger.end
                    continue
                instrument_noun = (c.tdef.pos != "verb" and c.trigger.prefix.endswith("ب")
                                   and p.tdef.event_type is not None and p.tdef.event_type == c.tdef.event_type)
                if same_clause and instrument_noun and gap <= 80:
                    # "قصفت طائرات النظام بلدة X بغاز السارين": the gas is how, one event
                    p.fatal_hits.extend(c.fatal_hits)
                    p.group_end = c.trigger.end
                    if c.tdef.priority > p.tdef.priority or c.tdef.sub_event_type == "Chemical weapon":
                        p.tdef = c.tdef
                    continue
                same = _family(p.tdef) == _family(c.tdef) or (
                    p.tdef.event_type is not None and p.tdef.event_type == c.tdef.event_type
                    and (c.tdef.pos != "verb" or (p.tdef.pos != "verb" and gap <= 25)))
                if same_clause and gap <= 60 and same and not _has_place_between(
                        self.places, max(p.trigger.end, p.group_end), c.trigger.word_start):
                    if _family(p.tdef) != _family(c.tdef):
                        p.fatal_hits.extend(c.fatal_hits)
                        p.with_verb = p.with_verb or c.tdef.pos == "verb"
                        continue
                    if c.tdef.priority > p.tdef.priority:
                        c.fatal_hits.extend(p.fatal_hits)
                        merged[-1] = c
                    else:
                        p.fatal_hits.extend(c.fatal_hits)
                    continue
            merged.append(c)
        for i, c in enumerate(merged):
            cs, ce = clause_of(c.trigger.start)
            nxt = merged[i + 1].trigger.word_start if i + 1 < len(merged) else se
            end = min(ce, nxt) if nxt > c.trigger.end else ce
            c.seg = (c.trigger.end, min(end, c.trigger.end + _WINDOW_AFTER))
            c.clause_end = end
            if i + 1 < len(merged) and nxt < ce:
                # "قتل طفلان في غارة على X، وامرأة وطفلها في قصف على Y": what follows the last comma
                # before the next trigger belongs to that trigger
                comma = max(self.nz.text.rfind("،", c.trigger.end, nxt), self.nz.text.rfind(",", c.trigger.end, nxt))
                if comma > 0:
                    c.clause_end = comma
            c.clause_start = cs
            if i > 0 and merged[i - 1].trigger.end > cs:
                # what stands before belongs to the previous trigger, but for the words after its
                # segment ("انسحبوا ... من تل أعور، بعد شن طيران النظام أكثر من 120 غارة")
                prev_end = max(merged[i - 1].seg[1], merged[i - 1].trigger.end)
                start = prev_end if self._actors_between(prev_end, c.trigger.word_start) else c.trigger.word_start
                c.before = (start, c.trigger.word_start)
            else:
                c.before = (max(cs, c.trigger.word_start - _WINDOW_BEFORE), c.trigger.word_start)
        return merged

    def _actors_between(self, s: int, e: int) -> bool:
        return s < e and bool(self._actors_in((s, e)))

    def _in_list_of_nouns(self, h: Hit) -> bool:
        """A verbal noun joined by و to another verbal noun right before or after it."""
        i = bisect_left(self._trigger_starts, h.word_start - 40)
        j = bisect_left(self._trigger_starts, h.end + 40)
        for o in self.triggers[i:j]:
            if o is h:
                continue
            if 0 <= h.word_start - o.end <= 24 and h.prefix.startswith("و") and all(
                    w.startswith("و") for w in self.flat[o.end:h.word_start].split()):
                t = self._tdef(o)
                if t is not None and t.pos != "verb":
                    return True
            if 0 <= o.word_start - h.end <= 2 and o.prefix.startswith("و"):
                t = self._tdef(o)
                if t is not None and t.pos != "verb":
                    return True
        return False

    def _tdef(self, h: Hit) -> Trigger | None:
        best = None
        for p in h.payloads:
            if p.layer == "trigger":
                t = self.lex.triggers.get(p.ref)
                if t and (best is None or t.priority > best.priority):
                    best = t
        return best

    # ------------------------------------------------------------------------------------
    def _code(self, c: _Cand, last_place: Mention | None) -> list[Event]:
        h, t = c.trigger, c.tdef
        if self._blocked(c):
            return []
        seg_s, seg_e = c.seg
        bs, be = c.before
        # actors ----------------------------------------------------------------------
        actor1, actor2, _ = self._actors(c)
        if actor1 is not None and (self.sentence_agent is None or self.sentence_agent[0] != c.sent):
            self.sentence_agent = (c.sent, actor1)
        if t.weak and (actor1 is None or not (self._places_in(seg_s, seg_e) or self._places_in(bs, be))):
            return []
        if t.pos != "verb" and not c.fatal_hits and not t.fatal:
            own_place = self._places_in(seg_s, seg_e) or self._places_in(bs, be)
            if not own_place or (actor1 is None and actor2 is None and not c.with_verb
                                 and t.event_type not in ("Explosions/Remote violence", "Protests")):
                return []
        # type --------------------------------------------------------------------------
        etype, stype = t.event_type, t.sub_event_type
        rule = f"trigger:{t.id}"
        # (a protest's character may be told before its word: "اقتحم محتجون")
        inst = self._instrument(min(bs, h.word_start, c.clause_start if etype == "Protests" else bs), seg_e)
        if inst is not None:
            i_type, i_sub = inst
            violent = i_type in ("Explosions/Remote violence", "Battles", "Violence against civilians")
            if etype == "Protests" and i_type in ("Protests", "Riots"):
                etype, stype = i_type, i_sub  # dispersed by force, or turned into a riot
                rule += "+instrument"
            elif (etype is None and violent) or (etype == i_type and violent) or (
                    etype == "Battles" and i_type == "Explosions/Remote violence" and t.id.startswith(("attack", "target"))):
                etype, stype = i_type, i_sub
                rule += "+instrument"
            elif i_type == "Strategic developments" and stype in ("Non-state actor overtakes territory",
                                                                     "Government regains territory") \
                    and not self._has_battle_word(c.sent):
                etype, stype = i_type, i_sub
                rule += "+peaceful"
        if inst is None and etype == "Explosions/Remote violence" and t.id.startswith("target") \
                and self._has_cue("small_arms", min(bs, h.word_start), seg_e):
            # "استهدف مجهولون بالأسلحة الرشاشة سيارة": gunfire, not shelling
            etype, stype = "Battles", "Armed clash"
            rule += "+small_arms"
        if actor1 is not None and self.lex.actors.get(actor1.ref) and t.sub_event_type_state and etype == "Battles":
            if self.lex.actors[actor1.ref].inter == 1:
                stype = t.sub_event_type_state
        if etype is None:
            victims_civ = actor2 is not None and actor2.ref in self.civilian_ids
            if victims_civ or self._has_cue("victims_civilian", min(bs, h.word_start), max(seg_e, c.clause_end)):
                etype, stype = "Violence against civilians", "Attack"
            else:
                etype, stype = "Battles", "Armed clash"
            rule += "+deaths"
        if etype == "Explosions/Remote violence" and stype is None:
            stype = "Shelling/artillery/missile attack"
        if stype is None:
            return []
        if stype == "Air/drone strike" and actor1 is not None and actor1.info.get("inter") not in (1, 8) \
                and not _DRONE_RE.search(self.flat, min(bs, c.clause_start), seg_e):
            # an armed group without aircraft is the target of an air strike, not its author
            # ("طائرات للتحالف شنت غارات ضد تنظيم داعش"): the air force named in the sentence, or unknown
            actor1, actor2 = self._air_actor(c), (actor2 if actor2 is not None else actor1)
            rule += "+air_actor"
        if stype == "Displacement":
            # who fled: the group named right after the trigger ("فرار ضباط النظام"), else civilians
            after = [m for m in self.actors if seg_s <= m.nspan[0] < min(seg_e, seg_s + 40)]
            actor1 = after[0] if after else self._civilians_mention()
            actor2 = None
        if actor1 is not None and actor1.ref in self.civilian_ids and etype not in ("Protests", "Strategic developments"):
            actor1, actor2 = None, actor1
        if etype == "Battles" and actor1 is not None and actor1.info.get("inter") in (5, 6):
            # "هاجم حشد غاضب محال تجارية": rioters or protesters who attack make a riot, not a battle
            etype = "Riots"
            stype = "Violent demonstration" if actor1.info.get("inter") == 6 else "Mob violence"
            rule += "+crowd"
        if etype == "Battles" and stype == "Armed clash" and t.id.startswith(("attack", "storm", "raid", "target")) and (
                (actor2 is not None and actor2.ref in self.civilian_ids)
                or (actor2 is None and actor1 is not None and c.fatal_hits and self._has_cue(
                    "victims_civilian", c.fatal_hits[0].end, min(c.fatal_hits[0].end + 40, max(seg_e, c.clause_end))))):
            # "هاجم مسلحون قرية ... مقتل أربعة مدنيين": a battle needs two armed sides; an attack on
            # civilians is violence against them (a clash, "اشتباكات", is fighting by its word)
            etype, stype = "Violence against civilians", "Attack"
            rule += "+civilians"
        if actor2 is None and etype in ("Violence against civilians",):
            actor2 = self._civilians_mention()
        if stype == "Agreement":
            # the parties, in the order the clause names them ("توصلت X وY إلى اتفاق")
            parties = [m for m in self.actors if c.clause_start <= m.nspan[0] < seg_e
                       and m.nspan not in {s.nspan for s in self.sources}]
            if parties:
                actor1 = parties[0]
                actor2 = next((m for m in parties[1:] if m.ref != actor1.ref), actor2)
        # strategic developments (agreements, arrests, displacement...) carry no fatalities of their own
        fat = self._fatalities(c) if etype != "Strategic developments" else 0
        if stype == "Peaceful protest" and fat > 0:
            stype = "Excessive force against protesters"  # protesters killed: the protest met deadly force
            rule += "+deaths"
        if stype == "Peaceful protest":
            # ACLED: the demonstrators are actor1 whoever called them out; a peaceful protest has no
            # second actor ("بإسقاط النظام" is its demand)
            actor1, actor2 = self._protesters_mention() or actor1, None
        elif etype in ("Protests", "Riots"):
            # ACLED: the demonstrators are actor1, the force that intervened actor2
            protesters = self._protesters_mention()
            force = actor1 if actor1 is not None and actor1.info.get("inter") not in (5, 6) else actor2
            actor1, actor2 = protesters, (force if force is not None and force is not protesters else None)
        if actor2 is None and etype in ("Explosions/Remote violence", "Violence against civilians") and (
                c.fatal_hits or t.fatal):
            lo, hi = min(bs, h.word_start), max(seg_e, c.clause_end)
            if self._has_cue("victims_civilian", lo, hi) or any(
                    lo <= m.nspan[0] < hi and m.ref in self.civilian_ids for m in self.actors):
                actor2 = self._civilians_mention()
        # date --------------------------------------------------------------------------
        dm, inherited = self._date(c)
        # place -------------------------------------------------------------------------
        places, precision_near = self._places(c, stype)
        place_inherited = False
        if not places and last_place is not None:
            places = [last_place]
            place_inherited = True
        country = "Syria"
        foreign = self._foreign_country(c)
        if foreign and not places:
            country = foreign
        elif foreign and place_inherited:
            country, places = foreign, []
        elif places and self._foreign_after(places[0]):
            country, places = self._foreign_after(places[0]), []  # a namesake abroad of a Syrian village
        # source -------------------------------------------------------------------------
        src = self._source(c)
        events: list[Event] = []
        share = [fat // max(1, len(places))] * max(1, len(places))
        if places:
            share[0] += fat - sum(share)
            local = self._local_counts(places) if len(places) > 1 else None
            if local is not None:
                share = local  # "قتل سبعة، ثلاثة في إدلب وأربعة في خان شيخون": each place its own count
        evid_s, evid_e = self.nz.span(c.sent[0], c.sent[1])
        for k, pl in enumerate(places or [None]):
            ev = Event(event_type=etype, sub_event_type=stype, disorder_type=DISORDER.get(etype, ""))
            ev.article_id = self.doc.article_id
            if dm is not None:
                ev.event_date = dm.date
                ev.time_precision = 2 if inherited else dm.precision
            elif self.doc.published is not None:
                ev.event_date = self.doc.published.isoformat()
                ev.time_precision = 2
            self._set_actor(ev, 1, actor1)
            self._set_actor(ev, 2, actor2)
            ev.assoc_actor_1 = self._associates(actor1, actor2, c.sent) or None
            ev.interaction = _interaction(ev.inter1, ev.inter2)
            ev.civilian_targeting = "Civilian targeting" if actor2 is not None and actor2.ref in self.civilian_ids else ""
            if pl is not None:
                info = pl.info
                ev.admin1, ev.admin2, ev.admin3 = info.get("admin1"), info.get("admin2"), info.get("admin3")
                ev.location = pl.name_en
                ev.location_ar = info.get("name_ar") or pl.text
                ev.latitude, ev.longitude = info.get("lat"), info.get("lon")
                kind = info.get("kind")
                if kind == "governorate":
                    ev.geo_precision = 3
                elif kind == "region" or precision_near or place_inherited and kind in ("district", "subdistrict"):
                    ev.geo_precision = 2
                else:
                    ev.geo_precision = 1
            else:
                ev.geo_precision = 3
            ev.country = country
            ev.in_scope = country == "Syria"
            ev.fatalities = share[k] if places else fat
            if src is not None:
                ev.source_ar = src.text
                ev.source = src.name_en or src.text
                ev.source_scale = src.info.get("scale", "") or ""
            else:
                ev.source = self.doc.outlet
            ev.evidence = self.doc.text[evid_s:evid_e]
            ev.evidence_start, ev.evidence_end = evid_s, evid_e
            ev.rule = rule + ("+place:inherited" if place_inherited else "")
            if pl is not None:
                self._place_kinds[id(ev)] = (pl.info.get("kind"), pl.info.get("parent"), pl.ref, pl.info.get("pcode"))
            ev.confidence = _confidence(t, actor1, pl, place_inherited)
            ev.notes = ""
            events.append(ev)
        return events

    # ---- blocking --------------------------------------------------------------------------
    def _blocked(self, c: _Cand) -> bool:
        h = c.trigger
        if "س" in h.prefix and c.tdef.pos == "verb":
            return True  # future: سيقصف
        prev1 = self.flat[max(c.sent[0], h.word_start - 12):h.word_start].split()[-1:]
        if prev1 and prev1[0] in _DEMONSTRATIVES and (c.tdef.pos != "verb" or h.prefix.endswith("ال")) \
                and "،" not in self.nz.text[max(c.sent[0], h.word_start - 12):h.word_start]:
            return True  # "هذه الاشتباكات": refers back to an event told (not "إلى ذلك، قصفت")
        if h.prefix in _PURPOSE_PREFIXES and (c.tdef.pos != "verb" or not h.key.startswith(("ي", "ت", "ن"))
                                              or h.prefix.endswith("لل")):  # "للتظاهر": ل + the masdar
            clause_words = self.flat[max(c.sent[0], h.word_start - 160):h.word_start].split()
            if not any(w in _UNDERGO or w.lstrip("و") in _UNDERGO for w in clause_words):
                return True  # "لاغتيال", "لسرقة": a purpose, not a deed ("تعرضت ... لقصف" is one)
        if c.tdef.pos != "verb" and h.prefix.endswith("ال") and not c.fatal_hits \
                and not self._places_in(c.seg[0], c.seg[1]):
            return True  # "المعركة باتت محسومة": a definite noun with no place of its own
        prev = self.flat[max(c.sent[0], h.word_start - 25):h.word_start].split()[-2:]
        if any(w in _NEGATION_NEAR for w in prev) and not any(w in _STILL for w in prev):
            return True
        if c.tdef.id == "withdraw" and prev in (["قبل", "ان"], ["ثم"]) and self._has_trigger_before(c):
            return True  # "توغلت قوة إسرائيلية في القرية ... قبل أن تنسحب": the end of the raid told first
        if prev[-1:] in (["انتقاما"], ["ثارا"]):
            return True
        resp = [m.end() for m in _RESPONSE_RE.finditer(self.flat, max(c.sent[0], h.word_start - 40), h.word_start)]
        if resp and "،" not in self.nz.text[resp[-1]:h.word_start]:
            return True  # "ردا على هجمات استهدفت قواعدها": the cause of the deed told, not a new event
        noun = c.tdef.pos != "verb" or h.prefix.endswith("ال")  # "القصف": a verb form with the article
        if noun and _RESPONSE_RE.search(self.flat, h.end, min(c.sent[1], h.end + 25)):
            return True  # "القصف يأتي ردا على قصف الزبداني": a deed told before, and its cause
        bs = max(c.clause_start, c.sent[0])
        for cls_hit in self.cues.get("modality", []):
            if bs <= cls_hit.start < h.word_start and h.word_start - cls_hit.end < 120:
                between = self.flat[cls_hit.end:h.word_start].split()
                if between and between[0] in _HEDGE_OBJECTS:
                    continue  # "طائرات يرجح أنها روسية": a hedge on who, not on whether
                if not any(w in _AFTER_WORDS for w in between):
                    return True
        for neg in self.cues.get("negation", []):
            if bs <= neg.start < h.word_start and h.word_start - neg.end <= 12 \
                    and not _NOT_LESS_RE.match(self.flat, neg.end):
                return True
        # totals over long periods and background: a period phrase in the trigger's clause, a large
        # count in its sentence with a period phrase anywhere in it, or an earlier year named in the clause
        lo, hi = min(c.before[0], h.word_start), max(c.seg[1], c.clause_end)
        totals = self.cues.get("totals", [])
        totals = [x for x in totals if not self._first_in(x)]
        if any(lo <= x.start < hi and x.key.startswith(_PERIOD_WORDS) for x in totals):
            return True  # "خلال الأشهر الماضية", "منذ بداية العام": a period, not a day
        if any(lo <= x < hi for x in self._long_since) and (c.fatal_hits or self._has_cue("killed", lo, hi)):
            return True  # a toll since weeks ago; fighting "going on since" is still today's event
        if c.tdef.event_type is None and any(c.sent[0] <= x.start < c.sent[1] for x in self.cues.get("nationwide", [])):
            return True  # "حصيلة قتلى الجمعة في عموم سوريا": a day's toll over the country, not an event
        if any(c.sent[0] <= x.start < c.sent[1] for x in totals):
            if any(c.sent[0] <= s < c.sent[1] and (n.value or 0) >= 100 and n.kind != "vague"
                   and not (n.noun and _bare(norm(n.noun)) in _NOT_PERSON_NOUNS) for s, _e, n in self.numbers):
                return True  # a large toll in a sentence about a period
        if self.doc.published is not None and any(
                lo <= s < hi and n.kind == "year" and n.value and n.value < self.doc.published.year
                and not self._accused_past(h.end, s) for s, _e, n in self.numbers):
            return True
        # background recalled from long ago: "سبق أن", "قبل سنوات", "كما حدث", "آنذاك"
        for x in self.cues.get("background", []):
            if x.key in _WEAK_BACKGROUND:
                continue
            if c.clause_start <= x.start < h.word_start or (h.end <= x.start < hi and x.key in _BACKGROUND_AFTER):
                return True
        # the trigger's noun is the subject of a goal or plan: "الغارات تهدف إلى"
        nxt = self.flat[h.end:h.end + 30].split()[:2]
        for x in self.cues.get("modality", []):
            # (a verb: "الغارات تهدف"; not the content of an agreement, "اتفاق لوقف إطلاق النار")
            if h.end <= x.start <= h.end + 2 + sum(len(w) + 1 for w in nxt[:1]) and c.tdef.pos != "verb" \
                    and x.key.startswith(("ت", "ي")) \
                    and self.flat[x.end:x.end + 8].split()[:1] not in [[w] for w in _HEDGE_OBJECTS]:
                return True  # (but "غارات يرجح أنها روسية" hedges who struck, not whether)
        dm, _ = self._date(c)
        if dm is not None and dm.date and self.doc.published is not None:
            try:
                d = date.fromisoformat(dm.date)
            except ValueError:
                d = None
            if d is not None and (self.doc.published - d).days > _LONG_AGO_DAYS:
                return True
        return False

    def _has_trigger_before(self, c: _Cand) -> bool:
        """Another typed trigger earlier in the sentence."""
        for h in self.triggers:
            if c.sent[0] <= h.start < c.trigger.word_start:
                t = self._tdef(h)
                if t is not None and t.event_type is not None and not t.non_event:
                    return True
        return False

    def _accused_past(self, start: int, year_pos: int) -> bool:
        """"اعتقلت ... العميد المتهم بالمشاركة في مجزرة الحولة عام 2012": the year dates the
        person's past, told after the deed, not the deed."""
        if year_pos < start:
            return False
        return any(w in _ACCUSED_WORDS for w in self.flat[start:year_pos].split())

    def _first_in(self, x: Hit) -> bool:
        """"للمرة الأولى منذ سنوات", "في أعنف مواجهة منذ بدء التوغلات": a record over a period, told of
        one deed, not a total."""
        return any(w in _RECORD_WORDS for w in self.flat[max(0, x.start - 30):x.start].split()[-3:])

    # ---- actors ----------------------------------------------------------------------------
    def _is_target(self, m: Mention, verb: bool, subject: bool = False) -> bool:
        """Whether ``m`` reads as the target ("على مواقع لقوات النظام"). ``subject``: ``m`` stands
        before its verb, where "عناصر من X نهبوا" makes the members of X the agents."""
        ws = self.flat.rfind(" ", 0, m.nspan[0]) + 1
        if verb and self._lam_prefixed(m):
            return True
        prev3 = self.flat[max(0, ws - 40):ws].split()[-3:]
        prev = prev3[-2:]
        words = _TARGET_WORDS - _MEMBER_WORDS if subject else _TARGET_WORDS
        if len(prev3) == 3 and prev3[2] == "من" and prev3[0] in ("علي", "ضد"):
            return True  # "أطلقوا النار على عنصر من الأمن العام"
        return any(w in words for w in prev)

    def _head_of(self, pre: list[Mention]) -> Mention:
        """The last actor before the trigger, or the head of the list it ends ("الوحدات الكردية
        والفصائل المساندة لها اعتقلت": the Kurdish units)."""
        k = len(pre) - 1
        while k > 0 and self._joined_to(pre[k - 1], pre[k]):
            k -= 1
        return pre[k]

    def _after_member_word(self, m: Mention) -> bool:
        """"هاجم عناصر من تنظيم داعش": only a member word, no object word, stands before ``m``."""
        ws = self.flat.rfind(" ", 0, m.nspan[0]) + 1
        prev = self.flat[max(0, ws - 30):ws].split()[-2:]
        return any(w in _MEMBER_WORDS for w in prev) and not any(w in _TARGET_WORDS - _MEMBER_WORDS for w in prev)

    def _unit_of(self, m: Mention, start: int) -> bool:
        """"اعتقلت دورية للأمن العام": one unit word in the nominative between verb and "لـX"."""
        ws = self.flat.rfind(" ", 0, m.nspan[0]) + 1
        between = self.flat[start:ws].split()
        if len(between) == 2 and between[1] in _BELONGING_WORDS:
            between = between[:1]  # "اعتقلت قوة تابعة للأمن العام"
        return len(between) == 1 and between[0] in _UNIT_WORDS and self._lam_prefixed(m)

    def _actors_in(self, span: tuple[int, int]) -> list[Mention]:
        """Actor mentions inside a span (a sentence), by bisection over their sorted starts."""
        lo = bisect_left(self._actor_starts, span[0])
        hi = bisect_left(self._actor_starts, span[1])
        return self.actors[lo:hi]

    def _joined_to(self, a: Mention, m: Mention) -> bool:
        """Whether ``m`` is coordinated with ``a`` ("قوات النظام وحزب الله", "... مدعمة بـ")."""
        if not 0 <= m.nspan[0] - a.nspan[1] <= 30:
            return False
        between = self.flat[a.nspan[1]:m.nspan[0]].split()
        ws = self.flat.rfind(" ", 0, m.nspan[0]) + 1
        if any(w in _CLAUSE_WORDS for w in between) or len(between) > 3:
            return False
        return self.flat[ws:m.nspan[0]].startswith("و") or any(w in _BACKING_WORDS for w in between)

    def _associates(self, actor1: Mention | None, actor2: Mention | None, sent: tuple[int, int]) -> str:
        """Actors fighting beside actor1: "قوات النظام مدعمة بقوات الدفاع الوطني وحزب الله"."""
        if actor1 is None or actor1.nspan == (0, 0):
            return ""
        names: list[str] = []
        last_end = actor1.nspan[1]
        for m in self._actors_in(sent):
            if m.nspan[0] < last_end or m is actor2 or (actor2 is not None and m.nspan == actor2.nspan):
                continue
            if m.nspan[0] - last_end > 40:
                break
            between = self.flat[last_end:m.nspan[0]].split()
            ws = self.flat.rfind(" ", 0, m.nspan[0]) + 1
            joined = self.flat[ws:m.nspan[0]].startswith("و") or (between and between[-1] == "و")
            backed = any(w in _BACKING_WORDS for w in between)
            if not (joined or backed) or any(w in _CLAUSE_WORDS for w in between):
                break
            a = self.lex.actors.get(m.ref)
            if a is not None and m.ref != actor1.ref and a.name_en not in names and a.inter not in (5, 6, 7):
                names.append(a.name_en)
            last_end = m.nspan[1]
        return "; ".join(names)

    def _lam_prefixed(self, m: Mention) -> bool:
        """"لقوات النظام", or "لـ«قسد»" where the quote mark cut ل off from the name."""
        ws = self.flat.rfind(" ", 0, m.nspan[0]) + 1
        prefix = self.flat[ws:m.nspan[0]]
        if prefix.endswith("ل") and not prefix.endswith("ال"):
            return True
        return not prefix and self.flat[max(0, ws - 6):ws].split()[-1:] in (["ل"], ["ول"])

    def _actors(self, c: _Cand) -> tuple[Mention | None, Mention | None, Mention | None]:
        t = c.tdef
        verb = t.pos == "verb"
        seg_s, seg_e = c.seg
        bs, be = c.before
        speakers = {(m.nspan) for m in self.sources}
        # the dead named right after a death word are victims, never the agent
        deaths = [*(k.end for k in self.cues.get("killed", []) if c.sent[0] <= k.start < c.sent[1]),
                  *(f.end for f in c.fatal_hits)]
        tw, te = c.trigger.word_start, c.trigger.end
        if verb and t.fatal:
            # "أعدم تنظيم داعش أربعة رجال": a killing verb of its own is followed by its agent
            deaths = [e for e in deaths if e != te]
        in_sentence = self._actors_in(c.sent)
        victims = {m.nspan for m in in_sentence if any(
            0 <= m.nspan[0] - e <= 40 and ((e <= tw and m.nspan[0] < tw) or e >= te)
            and not _CAUSE_RE.search(self.flat, e, m.nspan[0]) for e in deaths)
            and self.flat[max(0, m.nspan[0] - 12):m.nspan[0]].split()[-1:] not in [[w] for w in _STRONG_AGENT_WORDS]}
        after = [m for m in in_sentence if seg_s <= m.nspan[0] < seg_e and m.nspan not in speakers
                 and m.nspan not in victims]
        before = [m for m in in_sentence if bs <= m.nspan[0] < be and m.nspan not in speakers
                  and m.nspan not in victims]
        # "بين X و Y"
        bayn = self.flat.find(" بين ", seg_s - 1, seg_e)
        if bayn >= 0 and t.event_type in ("Battles", None):
            inside = [m for m in after if m.nspan[0] > bayn]
            if inside:
                a1 = inside[0]
                # "بين X وحلفائه من جهة، وY من جهة أخرى": the other side comes after "من جهة/طرف"
                side = _SIDE_RE.search(self.flat, a1.nspan[1], seg_e)
                later = [m for m in inside[1:] if side is None or m.nspan[0] >= side.end()]
                a2 = next((m for m in later if m.ref != a1.ref and not _assoc(self.lex, a1, m)), None)
                return a1, a2, None
        actor1 = actor2 = None
        if verb and c.trigger.key.endswith(_TARGET_KEY_ENDINGS):
            # "القضاء على X", "هجوم ضد X": what follows the trigger is its target
            after_t = [m for m in after if m.nspan[0] - seg_s <= 40]
            pre = [m for m in before if not self._is_target(m, True, subject=True)]
            a1 = self._head_of(pre) if pre else None
            a2 = after_t[0] if after_t else None
            if a1 is None and self.sentence_agent is not None and self.sentence_agent[0] == c.sent:
                a1 = self.sentence_agent[1]
            return a1, (a2 if a2 is not a1 else None), None
        if verb:
            # the noun phrase right after the verb is its subject ("هاجم عناصر من تنظيم داعش")
            # civilians act only in protests and flight: "اعتقلت قوات الأمن خمسة أشخاص" has them as target
            civilians_act = t.event_type == "Protests" or t.sub_event_type == "Displacement"
            cand = [m for m in after if (civilians_act or m.info.get("inter") != 7) and (
                not self._is_target(m, True)
                or (m is after[0] and m.nspan[0] - seg_s <= 16 and not self._lam_prefixed(m)
                    and (self._after_member_word(m) or not self._is_target(m, False)))
                or (m is after[0] and t.id in _UNIT_SUBJECT_TRIGGERS and self._unit_of(m, seg_s)))]
            pre_adj = [m for m in before if tw - m.nspan[1] <= 2 and not self._is_target(m, True, subject=True)]
            if pre_adj and not (cand and cand[0].nspan[0] - seg_s <= 2):
                # "إن الثوار انسحبوا ... بعد شن طيران النظام": the subject right before the verb
                actor1 = self._head_of([m for m in before if not self._is_target(m, True, subject=True)])
            elif cand and cand[0].nspan[0] - seg_s <= 40:
                actor1 = cand[0]
            else:
                pre = [m for m in before if not self._is_target(m, True, subject=True)]
                if pre:
                    actor1 = self._head_of(pre)
                elif cand:
                    actor1 = cand[0]
            targets = [m for m in after if m is not actor1 and (self._is_target(m, True) or actor1 is not None)
                       and not (actor1 is not None and self._joined_to(actor1, m))]
            actor2 = targets[0] if targets else None
        else:
            # "غارات روسية": an actor name that holds the trigger word is its agent
            holding = [m for m in self.actors if m.nspan[0] < c.trigger.end and c.trigger.word_start < m.nspan[1]]
            if holding:
                actor1 = holding[0]
            for m in ([] if holding else after):
                ws = self.flat.rfind(" ", 0, m.nspan[0]) + 1
                prefix = self.flat[ws:m.nspan[0]]
                prev = self.flat[max(0, ws - 20):ws].split()[-1:]
                if m.nspan[0] - seg_s > 60:
                    break
                if prev and prev[0] in _BELONGING_WORDS:
                    prev3 = self.flat[max(0, ws - 40):ws].split()[-3:-1]
                    if any(w in _STRONG_AGENT_WORDS or w in _UNIT_WORDS for w in prev3) and not any(
                            w in ("علي", "ضد") for w in prev3):
                        actor1 = m  # "هجوم شنته خلايا تابعة لتنظيم داعش": the cells' group did it
                        break
                if prev and prev[0] in _TARGET_WORDS:
                    continue  # "على مواقع للتنظيم": the target
                if prev and prev[0].startswith(_LOYAL_PREFIXES):
                    continue  # "القريتين المواليتين لنظام الأسد": an allegiance, not the agent
                if (prefix.endswith("ل") and not prefix.endswith("ال")) or (prev and prev[0] in _AGENT_WORDS) \
                        or m.nspan[0] - seg_s <= 2:
                    actor1 = m
                    break
            if actor1 is None:
                pre = [m for m in before if not self._is_target(m, False)]
                if pre:
                    actor1 = self._head_of(pre)
            targets = [m for m in after if m is not actor1 and self._is_target(m, False)]
            if not targets:
                targets = [m for m in after if m is not actor1 and m.nspan[0] > (actor1.nspan[0] if actor1 else 0)]
            actor2 = targets[0] if targets else None
        if actor1 is None and t.event_type == "Battles":
            # "قتل 4 مقاتلين من الفصائل خلال اشتباكات مع قوات النظام": the dead's side fought the one
            # named after "مع"
            other = next((m for m in after if self.flat[max(0, m.nspan[0] - 8):m.nspan[0]].split()[-1:] == ["مع"]),
                         None)
            if other is not None:
                dead_side = next((m for m in in_sentence if m.nspan in victims and m.ref != other.ref), None)
                actor1, actor2 = other, dead_side if dead_side is not None else (actor2 if actor2 is not other else None)
        if actor1 is None and not verb and bs == be:
            # "انسحبوا ... بعد شن طيران النظام أكثر من 120 غارة": the agent just before the noun,
            # inside the previous trigger's segment
            near = [m for m in in_sentence if 0 <= tw - m.nspan[1] <= 60 and m.nspan[0] >= c.clause_start
                    and m.nspan not in speakers and m.nspan not in victims and not self._is_target(m, False)]
            if near:
                actor1 = near[-1]
        if actor1 is None and self.sentence_agent is not None and self.sentence_agent[0] == c.sent:
            # the agent of an earlier clause of the sentence ("لكنها انسحبت", "وأخلت")
            actor1 = self.sentence_agent[1]
        if actor1 is None and verb and self.flat[max(c.sent[0], tw - 12):tw].split()[-1:] in _SAME_SUBJECT:
            # "ونقلت قوات النظام ... لكنها انسحبت": the subject of the sentence's first clause
            first = next((m for m in in_sentence if m.nspan[0] < tw and m.nspan not in speakers
                          and not self._is_target(m, True)), None)
            if first is not None:
                actor1 = first
        if actor1 is None:
            # "أعلنت قوات سوريا الديمقراطية السيطرة على الباغوز": an armed group telling its own deed
            own = [m for m in in_sentence if m.nspan in speakers and m.nspan[0] < tw
                   and m.info.get("inter") in (1, 2, 3, 4, 8) and m.nspan[0] >= c.clause_start]
            if own:
                actor1 = own[-1]
        if actor1 is not None and self.lex.actors.get(actor1.ref) is not None \
                and self.lex.actors[actor1.ref].kind == "generic":
            # "مسلحون يعتقد أنهم من خلايا تنظيم داعش": a named group behind the unnamed gunmen
            named = next((m for m in in_sentence if 0 < m.nspan[0] - actor1.nspan[1] <= 40
                          and self.lex.actors.get(m.ref) is not None and self.lex.actors[m.ref].kind != "generic"
                          and _HEDGE_RE.search(self.flat, actor1.nspan[1], m.nspan[0])), None)
            if named is None:
                # "مسلحون من رجال الكرامة", "طائرة مسيرة تابعة للتحالف": the group they belong to
                named = next((m for m in in_sentence if 0 < m.nspan[0] - actor1.nspan[1] <= 20
                              and self.lex.actors.get(m.ref) is not None and self.lex.actors[m.ref].kind != "generic"
                              and _OF_GROUP_RE.fullmatch(self.flat, actor1.nspan[1], m.nspan[0])), None)
            if named is not None:
                if actor2 is not None and actor2.nspan == named.nspan:
                    actor2 = next((m for m in after if m.nspan[0] > named.nspan[1] and m.ref != named.ref), None)
                actor1 = named
        if c.fatal_hits:
            # "قتل 12 عنصراً من قوات الأمن ... في هجوم شنه X": the dead belong to the target
            for f in c.fatal_hits:
                if f.start > c.trigger.start:
                    continue
                victim = next((m for m in self.actors if f.end <= m.nspan[0] <= f.end + 40
                               and (actor1 is None or m.ref != actor1.ref) and m.nspan not in speakers), None)
                if victim is not None:
                    actor2 = victim
                    break
            else:
                if actor2 is None:
                    for f in c.fatal_hits:
                        victim = next((m for m in self.actors if f.end <= m.nspan[0] <= f.end + 40
                                       and (actor1 is None or m.ref != actor1.ref) and m.nspan not in speakers),
                                      None)
                        if victim is not None:
                            actor2 = victim
                            break
        if actor2 is not None and actor1 is not None and (actor2.ref == actor1.ref or _assoc(self.lex, actor1, actor2)):
            actor2 = None
        return actor1, actor2, None

    def _air_actor(self, c: _Cand) -> Mention | None:
        """The state or foreign force with aircraft nearest the trigger in its sentence (clause first),
        or the unidentified military forces."""
        tw = c.trigger.word_start
        air = [m for m in self._actors_in(c.sent) if m.info.get("inter") in (1, 8)
               and (a := self.lex.actors.get(m.ref)) is not None and a.kind == "armed"]
        if air:
            in_clause = [m for m in air if c.clause_start <= m.nspan[0] < c.seg[1]]
            return min(in_clause or air, key=lambda m: abs(m.nspan[0] - tw))
        a = next((a for a in self.lex.actors.values() if a.id == "unidentified_military_forces"), None)
        if a is None:
            return None
        return Mention("actor", 0, 0, "", a.id, a.name_en, {"inter": a.inter}, (0, 0))

    def _protesters_mention(self) -> Mention | None:
        a = next((a for a in self.lex.actors.values() if a.name_en == "Protesters"), None)
        if a is None:
            return None
        return Mention("actor", 0, 0, "", a.id, a.name_en, {"inter": a.inter}, (0, 0))

    def _civilians_mention(self) -> Mention | None:
        if self.civilians_id is None:
            return None
        a = self.lex.actors[self.civilians_id]
        return Mention("actor", 0, 0, "", a.id, a.name_en, {"inter": a.inter}, (0, 0))

    def _set_actor(self, ev: Event, k: int, m: Mention | None) -> None:
        if m is None:
            return
        a = self.lex.actors.get(m.ref)
        name = a.name_en if a else m.name_en
        inter = a.inter if a else None
        if k == 1:
            ev.actor1, ev.inter1, ev.actor1_ar = name, inter, m.text or None
        else:
            ev.actor2, ev.inter2, ev.actor2_ar = name, inter, m.text or None

    # ---- type helpers ---------------------------------------------------------------------
    def _instrument(self, s: int, e: int) -> tuple[str, str] | None:
        insts = self.lex.cues.get("instruments") or []
        found = None
        for h in self.cues.get("instrument", []):
            if s <= h.start < e:
                for p in h.payloads:
                    if p.kind == "instrument":
                        spec = insts[p.ref]
                        cand = (spec.get("event_type"), spec.get("sub_event_type"))
                        # air beats ground: a barrel bomb "shelling" is an air strike; force against
                        # protesters and riots beat a plain intervention
                        if found is None or cand[1] in ("Air/drone strike", "Excessive force against protesters",
                                                         "Violent demonstration", "Chemical weapon"):
                            found = cand
        return found

    def _has_battle_word(self, sent: tuple[int, int]) -> bool:
        """A clash named in the sentence ("إثر معارك عنيفة"): the takeover was not peaceful."""
        for h in self.triggers:
            if sent[0] <= h.start < sent[1]:
                t = self._tdef(h)
                if t is not None and t.sub_event_type == "Armed clash" and not t.non_event:
                    return True
        return False

    def _has_cue(self, kind: str, s: int, e: int) -> bool:
        return any(s <= h.start < e for h in self.cues.get(kind, []))

    # ---- date ----------------------------------------------------------------------------
    def _date(self, c: _Cand) -> tuple[DateMention | None, bool]:
        lo = min(c.before[0], c.trigger.word_start)
        hi = c.seg[1]
        dates = self._event_dates
        tw = c.trigger.word_start
        near = [(s, d) for s, d in dates if lo <= s < hi and (d.date or self._anaphoric(s, d))]
        # the date after the trigger in its segment, else the nearest before it
        near = [x for x in near if x[0] >= tw][:1] + [x for x in near if x[0] < tw][::-1] + \
            [x for x in near if x[0] >= tw][1:]
        inside = [(s, self._anaphoric(s, d) or d) for s, d in near] or [
            (s, d) for s, d in self._since_dates if lo <= s < hi]
        if inside:
            # "قالت قسد، اليوم الأربعاء، إن ... ليل الثلاثاء": the day of the statement is not the deed's
            own = [d for s, d in inside if not self._statement_date(s)]
            return (own or [d for _s, d in inside])[0], False
        if any(lo <= s < hi for s, d in dates):
            return None, False  # a relative date that cannot be resolved (no publication date)
        body = self._article_body_start()
        prev = [a for s, d in dates if body <= s < lo and (a := d if d.date else self._anaphoric(s, d)) is not None
                and self._recent(a)]
        if prev:
            d = prev[-1]
            same_sentence = any(c.sent[0] <= s < lo and dd.start == d.start for s, dd in dates)
            if same_sentence:
                return d, True
            # else the last day-precise date told before, when it is the article's main day
            # (a vague "الأيام الماضية" of another sentence is not a day)
            days = [x for x in prev if x.precision == 1]
            if days and self._main_day(days[-1]):
                return days[-1], True
        return None, False

    def _anaphoric(self, pos: int, d: DateMention) -> DateMention | None:
        """"في اليوم ذاته", "في اليوم التالي": resolved against the day told before it, if any."""
        if d.date:
            return None
        before = [x for p, x in self._event_dates if p < pos and x.date and x.precision == 1]
        if not before:
            return None
        day = resolve_anaphora(d, date.fromisoformat(before[-1].date))
        return DateMention(d.start, d.end, d.text, day.isoformat(), 1, True, d.part) if day else None

    def _statement_date(self, pos: int) -> bool:
        """A date right after a speech verb and its speaker ("أعلن المرصد اليوم", "قالت X، الأربعاء،")."""
        k = bisect_left(self._speech_ends, pos) - 1
        if k < 0 or pos - self._speech_ends[k] > 45:
            return False
        end = self._speech_ends[k]
        between = self.flat[end:pos]
        return not any(end <= t < pos for t in self._trigger_starts[bisect_left(self._trigger_starts, end):][:3]) \
            and " ان " not in between and " بان " not in between

    def _main_day(self, d: DateMention) -> bool:
        """A date of the day before publication (or that day) is the article's main day."""
        if self.doc.published is None or not d.date:
            return False
        try:
            return 0 <= (self.doc.published - date.fromisoformat(d.date)).days <= 1
        except ValueError:
            return False

    def _is_since(self, pos: int) -> bool:
        """"منذ الـ27 من الشهر الماضي" is a duration's start, not the date of an event."""
        before = self.flat[max(0, pos - 16):pos].split()
        if before[-1:] and before[-1] in ("منذ", "ومنذ"):
            return True
        # "منذ منتصف كانون الأول الماضي", "منذ مطلع الشهر"
        return len(before) >= 2 and before[-2] in ("منذ", "ومنذ") and before[-1] in _SINCE_PARTS

    def _recent(self, d: DateMention) -> bool:
        if self.doc.published is None or not d.date:
            return True
        try:
            return abs((self.doc.published - date.fromisoformat(d.date)).days) <= 7
        except ValueError:
            return False

    def _article_body_start(self) -> int:
        return self._npos(self.doc.body_start)

    # ---- places ---------------------------------------------------------------------------
    def _places_in(self, s: int, e: int) -> list[Mention]:
        return [m for m in self.places if s <= m.nspan[0] < e]

    def _place_role(self, m: Mention, displacement: bool) -> str:
        ws = self.flat.rfind(" ", 0, m.nspan[0]) + 1
        prev = self.flat[max(0, ws - 40):ws].split()[-3:]
        prev2 = prev[-2:]
        if any(w in _DIRECTION and w != _CENTRE for w in prev2):
            return "ref"  # "شمال مدينة حمص" is outside it, but "وسط مدينة الباب" is in it
        if any(w in ROAD_WORDS for w in prev):
            # "على طريق دمشق - السويداء", "الطريق الواصل بين X وY": the ends of a road
            return "ref"
        if any(w in _DEST_ALWAYS for w in prev2) or (displacement and any(w in _DEST for w in prev2)):
            return "dest"
        if any(w in _NEAR for w in prev2):
            return "near"
        return "place"

    def _places(self, c: _Cand, stype: str) -> tuple[list[Mention], bool]:
        # leaving somewhere: "إلى X" / "باتجاه X" is where they went, not where it happened
        displacement = stype == "Displacement" or c.tdef.id.startswith(_LEAVING_TRIGGERS)
        seg_s, seg_e = c.seg
        usable: list[tuple[Mention, str]] = []
        # last: the rest of the sentence up to the next trigger, past a clause break that cut the
        # segment ("اعتقلت الدوريات أمس، بحسب مصادر محلية، أربعة عناصر في بلدة الحفة")
        k = bisect_left(self._trigger_starts, seg_e)
        while k < len(self.triggers) and self.triggers[k].prefix in _PURPOSE_PREFIXES:
            k += 1  # "بالتخطيط لعمليات اغتيال في جبلة": a purpose, not a deed with a place of its own
        rest_end = min(c.sent[1], self._trigger_starts[k] if k < len(self._trigger_starts) else c.sent[1])
        for s, e in ((seg_s, seg_e), c.before, (c.sent[0], c.trigger.word_start), (seg_e, rest_end)):
            roles = [(m, self._place_role(m, displacement)) for m in self._places_in(s, e)]
            for k in range(1, len(roles)):
                m, r = roles[k]
                pm, pr = roles[k - 1]
                if r in ("place", "near") and pr in ("dest", "ref") and self._coordinated(pm, m) \
                        and m.nspan[0] - pm.nspan[1] <= 8:
                    roles[k] = (m, pr)  # "باتجاه مدينتي أعزاز ومارع": both are destinations
            usable = [(m, r) for m, r in roles if r in ("place", "near")]
            if not usable:
                usable = [(m, r) for m, r in roles if r == "ref"][:1]
            if usable:
                break
        if not usable:
            return [], False
        primary, prole = usable[0]
        near = prole == "near"
        chosen = [primary]
        last = primary
        for m, _r in usable[1:]:
            if not self._coordinated(last, m):
                if self._rank(m) > self._rank(primary) and self._contains(primary, m):
                    if len(chosen) == 1 and primary.info.get("kind") in ("governorate", "region"):
                        # "في ريف حلب قريتي نبل والزهراء": the villages, not the countryside
                        chosen[0] = primary = last = m
                    continue
                break
            last = m
            sibling = m.info.get("kind") == "region" and self._and_joined(m) and not (
                m.info.get("parent") or primary.info.get("parent") == m.ref)
            if not sibling and (self._contains(m, primary) or self._contains(primary, m)):
                # a container ("بريف دمشق") or a part of the primary
                if self._rank(m) > self._rank(primary) and self._contains(primary, m):
                    pass
                continue
            if m.info.get("kind") in ("governorate", "region") and m.info.get("admin1") == primary.info.get("admin1") \
                    and not (m.info.get("kind") == "region" and self._and_joined(m)):
                continue  # a container ("بلدة X، ريف دمشق"), but "في الزبداني والغوطة الغربية" names two
            if primary.info.get("kind") in ("governorate", "region") and m.info.get("admin1") == primary.info.get("admin1"):
                chosen[0] = m  # more specific place in the same governorate
                primary = m
                continue
            if any(x.ref == m.ref for x in chosen):
                continue
            chosen.append(m)
        if len(chosen) == 1 and primary.info.get("kind") in ("governorate", "region"):
            # "قتل 12 في قصف على ريف إدلب، منهم خمسة في سراقب وأربعة في أريحا": the breakdown's places
            parts = [m for m, _r in usable[1:] if self._contains(primary, m)]
            if len(parts) >= 2 and self._local_counts(parts) is not None:
                return parts, near
        return chosen, near

    def _coordinated(self, a: Mention, b: Mention) -> bool:
        """Whether place ``b`` continues a list that ``a`` is in ("بلدتي الفوعة وكفريا", "في X، وY في Z")."""
        gap = self.nz.text[a.nspan[1]:b.nspan[0]]
        if len(gap) > 70 or _RELATIVE_RE.search(gap):
            return False
        ws = self.flat.rfind(" ", 0, b.nspan[0]) + 1
        prefix = self.flat[ws:b.nspan[0]]
        return prefix.startswith("و") or "،" in gap or "," in gap or " و" in gap

    def _and_joined(self, m: Mention) -> bool:
        ws = self.flat.rfind(" ", 0, m.nspan[0]) + 1
        return self.flat[ws:m.nspan[0]] in ("و", "وال") or self.flat[max(0, ws - 3):ws] == " و "

    @staticmethod
    def _rank(m: Mention) -> int:
        return {"governorate": 0, "region": 1, "district": 1, "subdistrict": 2, "city": 3, "town": 4,
                "village": 5, "neighbourhood": 6, "landmark": 7}.get(m.info.get("kind") or "", 4)

    def _contains(self, outer: Mention, inner: Mention) -> bool:
        """Whether ``outer`` is a container of ``inner`` (its governorate, region or parent city)."""
        oi, ii = outer.info, inner.info
        if ii.get("parent") and (ii.get("parent") == outer.ref or ii.get("parent") == oi.get("pcode")):
            return True
        if oi.get("kind") in ("governorate", "region") and oi.get("admin1") == ii.get("admin1") \
                and self._rank(inner) > self._rank(outer):
            return True
        return False

    # ---- fatalities -------------------------------------------------------------------------
    def _fatalities(self, c: _Cand) -> int:
        lo = min(c.before[0], c.trigger.word_start)
        hi = max(c.seg[1], c.clause_end)
        if c.fatal_hits:
            # a death clause handed to this trigger may stand past its segment ("هاجموا القرية، وأحرقوا
            # المنازل، ما أدى إلى مقتل أربعة"): its count is read there
            hi = max(hi, min(c.sent[1], max(fh.end for fh in c.fatal_hits) + 40))
        killed = [h for h in self.cues.get("killed", []) if lo <= h.start < hi]
        killed += c.fatal_hits
        if c.tdef.fatal:
            killed.append(c.trigger)
        if not killed:
            if any(lo <= x.start < hi for x in self.cues.get("lives_lost", [])):
                return 10
            return 0
        wounded = [h for h in self.cues.get("wounded", []) if lo <= h.start < hi]
        total = 0
        used = False
        last_end = counted_end = -9
        for s, e, n in self.numbers:
            if not (lo <= s < hi) or n.kind in ("ordinal", "name", "year", "date_part") or n.value is None:
                continue
            if n.kind == "dual" and s - last_end <= 1:
                continue  # "طفلان شقيقان": two children who are brothers, not four people
            last_end = e
            if n.noun and _thing_noun(_bare(norm(n.noun))) and norm(n.noun)[:1] not in ("ب", "ل"):
                continue  # "20 قذيفة" counts shells ("العشرات بهجوم": the attack is how they died)
            before2 = self.flat[max(0, s - 16):s].split()[-2:]
            if before2[-1:] and before2[-1] in _SUBSET_WORDS:
                continue  # "خمسة أطفال بينهم أربعة أشقاء": a part of the count already given
            if any(w in _AGE_WORDS for w in before2):
                continue  # "دون سن الـ18": an age, not a count
            if any(w in _RISE_WORDS for w in self.flat[max(0, s - 22):s].split()[-3:]):
                # "ارتفع إلى 9 ... عدد القتلى": the updated toll of the clause
                return int(n.value)
            dk = min((min(abs(s - k.end), abs(k.start - e)) for k in killed), default=999)
            # a wounded word after the number counts only right after it ("5 جرحى"), not as the next
            # conjunct ("مقتل مدنيين اثنين وإصابة سبعة")
            dw = min((abs(s - w.end) if w.end <= s else
                      (999 if self.flat[e:w.start].strip().startswith("و") else abs(w.start - e))
                      for w in wounded), default=999)
            joined = counted_end >= 0 and 0 < s - counted_end <= 40 and self.flat[s - 1:s] == "و" \
                and not any(counted_end <= w.start < s for w in wounded) and dw > 3
            if (dk <= 30 and dk < dw) or joined:
                # "مقتل 14 عنصراً من قوات النظام وثمانية من مقاتلي الفصائل": both counts
                total += int(n.value)
                used = True
                counted_end = e
        if used:
            # "مقتل ضابط وعنصرين": a singular person before the counted ones is one more
            counted_starts = {s for s, _e, _n in self.numbers if lo <= s < hi}
            for k in killed:
                n1, end1 = self._singular_people(k.end)
                if n1 and self.flat[end1:end1 + 2] == " و" and not any(end1 <= x <= end1 + 1 for x in counted_starts):
                    total += n1
                    break
        if not used and any(lo <= x.start < hi for x in self.cues.get("lives_lost", [])):
            return 10  # "خسائر فادحة في الأرواح": a plural with no number
        if not used:
            for k in killed:
                word = self.flat[k.start:k.end]
                # "ما أدى إلى مقتله", "لقيت مصرعها": one dead; "مقتلهما": two
                if word.endswith("هما"):
                    return 2
                if word in _ONE_DEAD:
                    return 1
                nxt = self.flat[k.end:k.end + 24].split()[:2]
                # "مقتل شخص", "قضى رجل", "مقتل سائقها", "مقتل امرأة وطفلها": singular person nouns
                # after the death word, one each
                n1, _end = self._singular_people(k.end)
                if n1:
                    return n1
                if k is c.trigger and c.tdef.pos == "verb":
                    # "اغتال مسلحون مجهولون قياديا سابقا": the singular object after the agent
                    words = self.flat[k.end:min(hi, k.end + 60)].split()[:5]
                    if any(_accusative_bare(w) in _PERSON_NOUNS_1 for w in words):
                        return 1
                # "قتل مدنيان", "مقتل عنصران": a nominative dual of a person noun
                if nxt and nxt[0].endswith("ان") and (nxt[0][:-2] in _PERSON_NOUNS_1
                                                       or nxt[0][:-3] + "ه" in _PERSON_NOUNS_1):
                    return 2
                # "مقتل من في السيارتين", "مقتل جميع ركابها": people with no number, 10 by the conventions
                if nxt and (nxt[0] in ("جميع", "كل") or nxt[:2] in (["من", "في"], ["من", "كان"], ["من", "كانوا"])):
                    return 10
        return total

    def _local_counts(self, places: list[Mention]) -> list[int] | None:
        """The count written right before each place ("ثلاثة في مدينة إدلب وأربعة في خان شيخون"), when
        every place has one."""
        out = []
        for pl in places:
            ws = self.flat.rfind(" ", 0, pl.nspan[0]) + 1
            head = self.flat[max(0, ws - 30):ws].split()
            while head and head[-1] in _PLACE_TYPES_FLAT:
                head.pop()
            if len(head) < 2 or head[-1] != "في":
                return None
            end = ws - len(" ".join(head[-1:])) - 1
            n = next((n for s, e, n in self.numbers if abs(e - end) <= 2 and n.value and n.kind in COUNT_KINDS), None)
            if n is None:
                return None
            out.append(int(n.value))
        return out

    def _singular_people(self, pos: int) -> tuple[int, int]:
        """How many singular person nouns joined by و stand right after ``pos`` ("امرأة وطفلها": 2),
        and where the last one ends."""
        count, end, i = 0, pos, pos
        for k in range(4):
            while i < len(self.flat) and self.flat[i] == " ":
                i += 1
            j = self.flat.find(" ", i)
            if j < 0:
                break
            w = self.flat[i:j]
            if k:
                if not w.startswith("و") or len(w) < 4:
                    break
                w = w[1:]
            if w in _PERSON_NOUNS_1 or _unsuffixed(w) in _PERSON_NOUNS_1:
                count, end, i = count + 1, j, j
                continue
            break
        return count, end

    # ---- country ----------------------------------------------------------------------------
    def _foreign_country(self, c: _Cand) -> str | None:
        """The country outside Syria where the clause places the event, if it names one.

        A name after a place word ("في الموصل", "شمال العراق", "بالضفة الغربية") beats an adjective
        of nationality ("القوات التركية"); among equals the last one, where the place usually stands.
        """
        found: list[tuple[int, int, str]] = []
        for h in self.cues.get("country", []):
            if c.seg[0] <= h.start < c.seg[1] or c.before[0] <= h.start < c.before[1]:
                prev = self.flat[max(0, h.word_start - 12):h.word_start].split()[-1:]
                if prev and prev[0] in _SEAT_WORDS:
                    continue  # "المرصد ومقره بريطانيا": where the monitor sits, not where it happened
                placed = bool(h.prefix.startswith(("ب", "وب"))) or (prev and prev[0] in _COUNTRY_PLACE_WORDS)
                found.append((int(placed), h.start, next(p.ref for p in h.payloads if p.kind == "country")))
        return max(found)[2] if found else None

    def _foreign_after(self, place: Mention) -> str | None:
        """A foreign country named right after a place ("جنين بالضفة الغربية", "القائم شمال العراق")."""
        for h in self.cues.get("country", []):
            if 0 <= h.word_start - place.nspan[1] <= 30:
                between = self.flat[place.nspan[1]:h.word_start].split()
                if any("حدود" in w for w in between):
                    continue  # "الزبداني قرب الحدود مع لبنان": a Syrian town by the border
                if h.prefix.startswith(("ب", "وب")) or (between and between[-1] in _DIRECTION) \
                        or between == ["في"] or (not between and not h.prefix and h.key.endswith("يه")):
                    # "القصر بلبنان", "القائم شمال العراق", "القصر في لبنان", "بلدة القصر اللبنانية"
                    return next(p.ref for p in h.payloads if p.kind == "country")
        return None

    # ---- source ----------------------------------------------------------------------------
    def _source(self, c: _Cand) -> Mention | None:
        ss, se = c.sent
        pos = c.trigger.start
        in_sent = [m for m in self.sources if ss <= m.info.get("speaks_at", m.nspan[0]) < se]
        if in_sent:
            before = [m for m in in_sent if m.nspan[0] <= pos]
            return before[-1] if before else in_sent[0]
        # the last speaker of the paragraph before this sentence
        para_start = self.doc.text.rfind("\n", 0, self.nz.to_orig(ss))
        earlier = [m for m in self.sources if m.nspan[0] < ss and m.start > para_start]
        return earlier[-1] if earlier else None


# --------------------------------------------------------------------------------------------
def _family(t: Trigger) -> str:
    return f"{t.event_type}|{t.sub_event_type}"


def _has_place_between(places: list[Mention], s: int, e: int) -> bool:
    return any(s <= m.nspan[0] < e for m in places)


def _assoc(lex: Any, a: Mention, b: Mention) -> bool:
    x, y = lex.actors.get(a.ref), lex.actors.get(b.ref)
    if x is None or y is None:
        return False
    return x.assoc_of == y.id or y.assoc_of == x.id or (x.assoc_of is not None and x.assoc_of == y.assoc_of)


def _dedupe_triggers(hits: list[Hit]) -> list[Hit]:
    """One trigger per word: keep the longest hit when trigger forms overlap."""
    hits = sorted(hits, key=lambda h: (h.word_start, -(h.end - h.word_start)))
    out: list[Hit] = []
    for h in hits:
        if out and h.word_start < out[-1].end:
            continue
        out.append(h)
    return out


def _same_sides(a: Event, b: Event) -> bool:
    if a.actor1 == b.actor1 or a.actor1 is None or b.actor1 is None:
        return True
    if a.event_type != "Battles":
        return False
    names_a = {x for x in (a.actor1, a.actor2) if x}
    names_b = {x for x in (b.actor1, b.actor2) if x}
    return any(x in y or y in x for x in names_a for y in names_b)


def _near_dates(a: str | None, b: str | None) -> bool:
    if a is None or b is None:
        return a == b
    try:
        return abs((date.fromisoformat(a) - date.fromisoformat(b)).days) <= 1
    except ValueError:
        return a == b


def _interaction(i1: int | None, i2: int | None) -> int | None:
    if i1 is None:
        return None
    if i2 is None:
        return i1 * 10
    a, b = sorted((i1, i2))
    return a * 10 + b


def _confidence(t: Trigger, actor1: Mention | None, place: Mention | None, inherited: bool) -> float:
    c = 0.5 + (0.15 if actor1 is not None else 0) + (0.2 if place is not None and not inherited else 0)
    if t.weak:
        c -= 0.15
    return round(min(c, 0.95), 2)


def _merge_duplicates(events: list[Event], kinds: dict[int, tuple[Any, Any, Any, Any]] | None = None) -> list[Event]:
    """One event per action, actor pair, place and day within an article."""
    events = [ev for ev in events if ev.admin1 is not None or not ev.in_scope]
    if kinds:
        # "قصف على حي باب توما" and, in a later paragraph, the same shelling "على دمشق": the quarter
        for ev in list(events):
            kind, _parent, ref, pcode = kinds.get(id(ev), (None, None, None, None))
            if kind != "city":
                continue
            part = next((k for k in events if k is not ev and kinds.get(id(k), (None,))[0] in ("neighbourhood", "landmark")
                         and kinds[id(k)][1] in (ref, pcode) and k.sub_event_type == ev.sub_event_type
                         and _near_dates(k.event_date, ev.event_date) and _same_sides(k, ev)), None)
            if part is not None:
                part.fatalities = max(part.fatalities, ev.fatalities)
                for a in ("actor1", "inter1", "actor1_ar", "actor2", "inter2", "actor2_ar"):
                    if getattr(part, a) is None and getattr(ev, a) is not None:
                        setattr(part, a, getattr(ev, a))
                events = [x for x in events if x is not ev]
    # "دخلت ... من دون قتال": a takeover said to be peaceful is the non-violent transfer, not a battle
    peaceful = {(ev.location, ev.event_date) for ev in events
                if ev.sub_event_type == "Non-violent transfer of territory" and "+peaceful" in ev.rule}
    events = [ev for ev in events if not (ev.sub_event_type == "Non-state actor overtakes territory"
                                          and (ev.location, ev.event_date) in peaceful)]
    # "دخلت الفصائل الرستن بعد انسحاب قوات النظام منها": the withdrawal is the takeover told from the
    # side that left, one change of hands
    territory = ("Non-state actor overtakes territory", "Government regains territory", "Non-violent transfer of territory")
    leaving = ("trigger:withdraw", "trigger:evacuate_positions")
    taken = {(ev.location, ev.evidence_start) for ev in events
             if ev.sub_event_type in territory and not ev.rule.startswith(leaving)}
    events = [ev for ev in events if not (ev.rule.startswith(leaving) and (ev.location, ev.evidence_start) in taken)]
    # what rioters burn or break is part of the riot
    riots = {ev.evidence_start for ev in events if ev.event_type == "Riots"}
    events = [ev for ev in events if not (ev.event_type == "Strategic developments" and ev.evidence_start in riots
                                          and ev.actor1 in ("Protesters", "Rioters"))]
    # a battle that ends in a change of hands is coded once, as the change of hands
    changes = {(ev.location, ev.evidence_start) for ev in events
               if ev.sub_event_type in ("Non-state actor overtakes territory", "Government regains territory")}
    events = [ev for ev in events if not (ev.sub_event_type == "Armed clash"
                                          and (ev.location, ev.evidence_start) in changes)]
    out: list[Event] = []
    for ev in events:
        twin = next((k for k in out if k.event_type == ev.event_type and k.sub_event_type == ev.sub_event_type
                     and k.location == ev.location and k.admin1 == ev.admin1 and _near_dates(k.event_date, ev.event_date)
                     and _same_sides(k, ev)), None)
        if twin is None:
            out.append(ev)
            continue
        twin.fatalities = max(twin.fatalities, ev.fatalities)
        for a in ("actor1", "inter1", "actor1_ar", "actor2", "inter2", "actor2_ar", "source_ar", "source"):
            if getattr(twin, a) is None and getattr(ev, a) is not None:
                setattr(twin, a, getattr(ev, a))
        twin.reports = 1
    return out

