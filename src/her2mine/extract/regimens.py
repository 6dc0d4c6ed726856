"""Group adjacent drug mentions into regimens ("pertuzumab plus trastuzumab plus docetaxel").

Strong joiners (plus, +, /, with, in combination with, dashes) always bind drugs into one
regimen; weak joiners (commas, "and") bind them too, except in "respectively" constructions
where they separate arms. "versus", "or", "compared with" always separate arms.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import pairwise
from operator import attrgetter

from her2mine.extract.fastre import OPEN_BRACKET, literal_safe, search_from_end
from her2mine.extract.hits import Hit
from her2mine.extract.numbers import DECIMAL

# Dose/schedule text between a drug and its joiner: "(5.4 mg/kg)", "every 3 weeks".
_DOSE = (
    r"(?:\s*\((?:[^()]|\([^()]*\))*\)|\s+(?:at\s+)?\d[\d.·]*\s*(?:mg(?:/kg|/m2|/m²)?|g)\b[^,;+]*?)?"
)
# Strong joiners that give drugs one after another, not together.
# "followed in both arms by C": a later phase every arm shares is still a sequence (round 57).
SEQUENCE_WORDS = (
    r"(?:then|followed(?:\s*,?\s+in\s+(?:both|all|each)\s+(?:arms?|groups?|cohorts?)\s*,?"
    # round 95c: "trastuzumab for 12 weeks followed, after a 6-week washout, by lapatinib"
    r"|\s*,\s*after\s+(?:an?\s+)?(?:[\w-]+\s+){0,2}?(?:washout|drug-free\s+interval)"
    r"(?:\s+period)?\s*,)?"
    r"\s+by)"
)
# The words that may stand before "with" when drugs are given together: "given concurrently
# with", "each administered concomitantly with", "both concomitantly with", "started together
# with". One fragment for the regimen joiner (``_STRONG``), the "each/both with" backbone of the
# arm registry (arms._EACH) and the backbone after alternatives (backbones._BACKBONE_AFTER).
# "trastuzumab beginning concurrently with paclitaxel": a start word with an adverb of timing is
# given together too (a bare "beginning with" may open a sequence, so not without the adverb).
GIVEN_TOGETHER = (
    r"(?:(?:beginning|starting)\s+(?:concomitantly|concurrently|together)\s+|"
    r"(?:(?:combined|given|administered|started)\s+)?"
    r"(?:(?:concomitantly|concurrently|together)\s+)?)"
)
_STRONG = (
    r"(?:\s*\+\s*|\s*/\s*|\s*[-–—‑]\s*|\s+plus\s+|\s+with\s+|\s+in\s+combination\s+with\s+|"
    rf"\s+combined\s+with\s+|\s+and\s+(?=placebo\b)|\s*,?\s+(?:and\s+)?{SEQUENCE_WORDS}\s+|\s*→\s*|"
    r"\s+added\s+to\s+|"
    # "trastuzumab started concurrently with paclitaxel", "12 months of trastuzumab, given with
    # chemotherapy": given together
    # (``GIVEN_TOGETHER`` with at least one of its words, which all start with [abcgst]: a bare
    # ", with" joins nothing)
    rf"\s*,?\s+(?=[abcgst]){GIVEN_TOGETHER}with\s+|"
    # a passive clause joins them too: "carboplatin AUC 5 was given with paclitaxel"
    r"\s+(?:was|were)\s+(?:given|administered|co-?administered)\s+(?:together\s+)?with\s+)"
)
_WEAK = r"(?:\s*,\s*(?:and\s+|plus\s+)?|\s+and\s+)"
# Words between a joiner and the next drug: an article, "investigator-selected" (a taxane...).
# (``backbones`` reads them after the joiner of a shared partner too)
DRUG_LEAD = (
    r"(?:(?:a|an|the|matched|matching)\s+)?"
    r"(?:(?:investigator|physician)(?:['’]s)?[-\s](?:chosen|selected|choice\s+of)\s+)?"
    # an unnamed anti-HER2 partner inside a "+" chain: "palbociclib + anti-HER2 therapy + ET"
    r"(?:anti-?HER2(?:\s+(?:therapy|treatment|blockade|agents?))?\s*\+\s*)?"
    # timing before the drug: "the same chemotherapy with simultaneous weekly trastuzumab"
    r"(?:(?:simultaneous|concurrent|concomitant)\s+)?"
    # a schedule adjective before the drug: "trastuzumab with metronomic oral cyclophosphamide"
    r"(?:(?:metronomic|low[-\s]dose)\s+)?"
    # a route before the drug: "afatinib 40 mg once daily plus intravenous vinorelbine"
    r"(?:(?:oral|intravenous|subcutaneous)\s+)?"
    # treatment beyond progression: "capecitabine with continued trastuzumab"
    r"(?:(?:continued|continuation\s+of)\s+)?"
)
_STRONG_GAP = re.compile(_DOSE + _STRONG + DRUG_LEAD + "$", re.I)
_WEAK_GAP = re.compile(_DOSE + _WEAK + DRUG_LEAD + "$", re.I)
_BEFORE_PAREN = re.compile(r"^\s*$")
CHAIN_KINDS = frozenset({"drug", "regimen", "placebo", "class"})  # what group_regimens chains


@dataclass(slots=True)
class Regimen:
    start: int
    end: int
    hits: list[Hit] = field(default_factory=list)
    joins: list[str] = field(default_factory=list)  # gap kind before hits[1:]

    # ``drugs`` is read many times per regimen: kept with the number of hits it was made from
    # (hits are only ever appended, or the last replaced by one of the same drugs).
    _drugs: tuple[int, list[str]] | None = field(default=None, repr=False, compare=False)

    @property
    def drugs(self) -> list[str]:
        hits = self.hits
        if self._drugs is None or self._drugs[0] != len(hits):
            n = len(hits)
            # (most regimens are one mention: its drugs without a comprehension's call)
            drugs = set(hits[0].drugs) if n == 1 else {d for h in hits for d in h.drugs}
            self._drugs = (n, sorted(drugs))
        return self._drugs[1]

    @property
    def has_placebo(self) -> bool:
        for h in self.hits:  # noqa: SIM110 (read often: a loop is cheaper than any() here)
            if h.kind == "placebo":
                return True
        return False

    @property
    def arm(self) -> str | None:
        return "+".join(self.drugs) or None

    def joined(self, other: Regimen) -> Regimen:
        """One regimen of this one and ``other`` after it, joined by a strong gap."""
        return Regimen(
            self.start, other.end, [*self.hits, *other.hits], [*self.joins, "strong", *other.joins]
        )


_PARENS = re.compile(r"\s*(?:\((?:[^()]|\([^()]*\))*\)|\[[^\[\]]*\])")
_COUNT = r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|twelve)"
# A range of counts: "three to four cycles", "4-6 cycles".
_COUNT_RANGE = rf"(?:{_COUNT}\s+(?:to|or)\s+|\d+\s*[-–]\s*)?"
# ``(?=[...])``: the first characters every phrase below can start with (a digit, or "one",
# "for", "daily", "q3w", "bid", ...), so that ``sub`` gives up at once at most word starts and
# at spaces instead of trying every branch there (about a third faster on the gaps it reads).
_SCHEDULE = re.compile(
    rf"\s*\b(?=[\dabcdefilnoqstw])(?:{_COUNT_RANGE}{_COUNT}\s+(?:cycles?|doses?|"
    r"courses?|weeks?)(?:\s+of)?|for\s+(?:up\s+to\s+)?(?:\d+|one|two|three|four|six|eight)\s+"
    r"(?:cycles?|weeks?|months?|years?|doses?)|(?:1|one)\s+year\s+of(?:\s+treatment\s+with)?|"
    r"every\s+(?:\d+|one|two|three)\s+(?:weeks?|days?)|(?:once|twice)\s+(?:daily|weekly|(?:a|per)\s+"
    # a range of days may be written out: "on days 1 to 14", "on days 1 through 14"; its
    # numbers only, so that an "and" after it still joins the next drug ("on days 1-14 and
    # trastuzumab", "on days 1, 8 and 15 and trastuzumab")
    r"(?:day|week))|daily|weekly|q\dw|"
    # A number with a dose unit after "and" is the same drug's next dose, not a day: "4 mg/kg on
    # day 1 and 2 mg/kg weekly plus docetaxel" (the "and" goes with the day list).
    # (round 83a: poster shorthand drops the "on": "1000 mg/m2 days 1-14 q3w + trastuzumab")
    r"(?:on\s+)?days?\s+\d+(?:\s*(?:,\s*(?:and\s+)?|[-–]\s*|(?:and|to|through)\s+)\d+"
    r"(?![\d.·,]*\s*m?g\b))*(?:\s+and(?=\s+\d[\d.·,]*\s*mg))?|"
    r"(?:of|in)\s+(?:a|each)\s+(?:\d+|twenty-one|twenty-eight)-day\s+cycles?|"
    r"at\s+the\s+same\s+dose(?:\s+and\s+schedule)?|(?:at\s+(?:a\s+dose\s+of\s+)?)?"
    # a daily or weekly dose ("5 mg/day", "10 mg/d") is a dose too
    r"\d[\d.·,]*\s*(?:mg(?:/kg|/m2|/m²)?|g|mg/ml)(?:/(?:day|d|week|wk)|\s+per\s+\w+)?"
    # "trastuzumab 8 mg/kg then 6 mg/kg with docetaxel": a first dose, then the same drug's next
    r"(?:\s*,?\s+(?:then|followed\s+by)(?=\s+\d[\d.·,]*\s*mg))?|"
    # "4 mg/kg loading dose followed by 2 mg/kg weekly": the maintenance dose is the same drug's
    r"loading\s+dose(?:\s*,?\s+(?:followed\s+by|then)(?=\s+\d[\d.·,]*\s*mg))?|orally|"
    # a carboplatin dose is an area under the curve: "carboplatin AUC 5 plus paclitaxel", also
    # spelled out: "carboplatin at an area under the curve of 6"
    r"(?:at\s+(?:an?\s+)?)?(?:auc|area\s+under\s+the\s+(?:concentration[\s-]+time\s+)?"
    rf"curve(?:\s*\(auc\))?)\s*(?:of\s+)?=?\s*{DECIMAL}|"
    # "lapatinib at a dose of 1250 mg per day continuously plus capecitabine"
    r"continuously|"
    # a dose not scaled to weight or body surface: "zanidatamab 1800 mg flat dose with
    # docetaxel", "trastuzumab at a fixed dose of 600 mg plus ..."
    r"(?:at\s+an?\s+)?(?:flat|fixed)[\s-]+dos(?:e|ing)(?:\s+of)?|"
    r"intravenously|subcutaneously|dose-dense|each|"
    # poster shorthand for schedules: "TUC 300 mg BID + T-DM1", "125 mg d1-21 + ET"
    # (round 76a: a list of days, "eribulin 1.4 mg/m2 d1,8 q3w + HP", is one schedule too)
    # (round 83a: a cycle in days, "palbociclib 125 mg d1-21 q28d + trastuzumab", too)
    r"bid|tid|qd|q\d+(?:wk?s?|d)|d\d+(?:[-–]\d+|(?:,\d+)+))\b",
    re.I,
)


# A bracket that reports results ("(36 patients [23·4%])") or names a group ("(group A)",
# "(...; control arm)", "(module 1)") closes the regimen before it: the next drug starts another
# arm. So does a bracket holding only a count ("(n = 100)", "(100 patients)") before a list
# separator (",", "or", "and", "versus"): "A (n = 100), B (n = 100) or C". A count beside a
# dose ("A (8 mg/kg, n = 100) plus B") or before a joiner ("A (n = 100) plus B") counts the
# combination, which goes on.
_CLOSING_BRACKET = re.compile(
    r"[\[(][^\[\]()]*(?:%|\b(?:groups?|arms?|cohorts?|modules?)\b)[^\[\]()]*[\])]|"
    r"[\[(]\s*(?:n\s*=\s*\d[\d,]*(?:\s+(?:patients|women|participants|pts))?|"
    r"\d[\d,]*\s+(?:patients|women|participants|pts))(?:\s+each)?\s*[\])]"
    r"\s*(?:[,;]|(?:or|and|versus|vs)\b)",
    re.I,
)
# An article that may open a listed item: "trastuzumab deruxtecan, a taxane (...), or ..."
# (also ``arms._LIST_GAP``).
OPTIONAL_ARTICLE = r"(?:an?\s+)?"
# A bare comma, also before an article.
_COMMA_ONLY = re.compile(r"\s*,\s*" + OPTIONAL_ARTICLE)
_SPACES = re.compile(r"\s+")


def gap_kind(gap: str) -> str | None:
    """'strong' / 'weak' / 'comma' if ``gap`` (text between two drug mentions) joins them,
    else None. 'comma' is a bare comma, which an "or" list turns into an arm separator."""
    known = _COMMON_GAP_KINDS.get(gap, _UNKNOWN)
    return _read_gap(gap) if known is _UNKNOWN else known


_TRADEMARKS = ("®", "™")


# Round 95c: "FEC alone for three cycles followed by docetaxel plus trastuzumab": a phase given
# alone for a set time, then the next phase, is one sequence (its "alone" names no control arm).
# Only with the time ("A alone followed by B at progression" is a control arm and a later line).
# Round 97d: "FEC only for three cycles followed by ..." reads as "alone" there.
_TIMED_ALONE_PHASE = re.compile(
    r"\s+(?:alone|only)\s+for\s+[^,;()]{1,40}?\s*,?\s+(?:and\s+)?"
    + SEQUENCE_WORDS
    + r"\s+"
    + DRUG_LEAD,
    re.I,
)


def _read_gap(gap: str) -> str | None:
    if len(gap) > 200:
        return None
    # Every _CLOSING_BRACKET match opens a bracket and every _PARENS match holds one: a gap
    # without any (most gaps) needs neither.
    bracketed = "(" in gap or "[" in gap
    if bracketed and _CLOSING_BRACKET.search(gap):
        return None
    if gap[:1] in _TRADEMARKS:  # "Herceptin® plus docetaxel": the sign belongs to the brand
        gap = gap[1:]
    if bracketed:
        gap = _PARENS.sub("", gap)
    aside = gap[:1] == "," and _DOSE_ASIDE.match(gap) is not None
    if ("alone" in gap or "only" in gap) and _TIMED_ALONE_PHASE.fullmatch(gap):
        return "strong"
    gap = without_schedules(gap)
    if aside and (left := _DOSE_ASIDE_LEFT.match(gap)) is not None:
        # the dose aside is part of the drug's mention, its commas no list separator (round 89c)
        gap = " " + gap[left.end() :]
    elif aside and _BARE_ASIDE_LEFT.fullmatch(gap):
        gap = ", "  # (review 89c: "A, 75 mg/m2, B, 6 mg/kg, and C" is a list, as undosed)
    # A printable gap has no whitespace but " " (every other ``\s`` character is a control or
    # separator): without a double space it has nothing to collapse (most gaps).
    if "  " in gap or not gap.isprintable():
        gap = _SPACES.sub(" ", gap)
    stripped = gap.strip()
    if not stripped or stripped in ("-", "–"):
        return "strong" if stripped else None
    if len(gap) > 60:
        return None
    if _STRONG_GAP.fullmatch(gap):
        return "strong"
    if _COMMA_ONLY.fullmatch(gap):
        return "comma"
    if _WEAK_GAP.fullmatch(gap):
        return "weak"
    return None


# What a ", 2.5 mg/kg," aside leaves once its dose is removed: two commas before a joiner
# (round 89c: "disitamab vedotin, 2.5 mg/kg, plus toripalimab, 3 mg/kg, with CAPOX").
_DOSE_ASIDE = re.compile(r",[^,]*\d[^,]*,")  # (the aside holds a number)
_DOSE_ASIDE_LEFT = re.compile(r",\s*,\s*(?=\S)")
_BARE_ASIDE_LEFT = re.compile(r",\s*,\s*")


# Every _SCHEDULE match holds one of these (matched with the same flags, so case folding agrees):
# a gap without any has no schedule phrase to remove (most gaps).
_SCHEDULE_HINT = re.compile(
    r"cycle|dose|course|week|month|year|day|dail|same|loading|orally|intravenously|"
    r"subcutaneously|continuously|each|q\dw|\d[\d.·,]*\s*m?g|bid|tid|qd|q\d+[wd]|d\d+[-–,]\d|auc|"
    r"curve",
    re.I,
)


# The hint's branches as literals (found with ``in`` on the lower-cased gap, where
# ``literal_safe``: ``str.lower`` then agrees with ``re.I``) and the branches with a digit,
# rewritten to start at the digit so that ``re`` skips ahead to digits: trying the hint at every
# position of every gap cost more than the schedule removal it saves.
_SCHEDULE_HINT_WORDS = (
    "cycle", "dose", "course", "week", "month", "year", "day", "dail", "same", "loading",
    "orally", "intravenously", "subcutaneously", "continuously", "each", "bid", "tid", "qd",
    "auc", "curve",
)  # fmt: skip
_SCHEDULE_HINT_DIGITS = re.compile(
    r"\d(?:(?<=q\d)\d*[wd]|[\d.·,]*\s*m?g|(?<=d\d)\d*[-–,]\d)", re.I
)  # q\dw, q\d+[wd], \d[\d.·,]*\s*m?g, d\d+[-–,]\d


def _may_hold_schedule(gap: str) -> bool:
    """Whether ``_SCHEDULE_HINT`` matches in ``gap``."""
    if not gap.isascii() and not literal_safe(gap):  # (an ASCII gap is literal-safe)
        return _SCHEDULE_HINT.search(gap) is not None
    low = gap.lower()
    for word in _SCHEDULE_HINT_WORDS:  # noqa: SIM110 (a loop is faster than any() here)
        if word in low:
            return True
    return _SCHEDULE_HINT_DIGITS.search(gap) is not None


# _SCHEDULE without ``re.I``, for a lower-cased ASCII gap: no ASCII character folds specially
# (and _SCHEDULE's literals are all lower case), so it matches where _SCHEDULE matches the gap,
# about twice as fast (``re.I`` compares every character case-folded).
_SCHEDULE_LOWER = re.compile(_SCHEDULE.pattern)


def _schedules_to_spaces(gap: str) -> str:
    """``_SCHEDULE.sub(" ", gap)``."""
    if not gap.isascii():
        return _SCHEDULE.sub(" ", gap)
    kept = []  # the gap's own text (its case kept) between the phrases
    pos = 0
    for m in _SCHEDULE_LOWER.finditer(gap.lower()):
        a, b = m.span()
        kept.append(gap[pos:a])
        pos = b
    if not kept:
        return gap
    kept.append(gap[pos:])
    return " ".join(kept)


def without_schedules(gap: str) -> str:
    """``gap`` with dose and schedule phrases removed: up to three rounds (a removal can bring
    two words together that form another), stopping early once a round removes nothing."""
    if not _may_hold_schedule(gap):
        return gap
    for _ in range(3):
        # " ": a removed phrase leaves the spaces a joiner needs ("days 1-14 plus").
        shorter = _schedules_to_spaces(gap)
        if shorter == gap:
            break
        gap = shorter
        if not _may_hold_schedule(gap):
            break  # no hint left, so no phrase: a next round would remove nothing (most gaps)
    return gap


def is_schedule_only(gap: str) -> bool:
    """Whether ``gap`` holds only dose and schedule phrases ("every 3 weeks", "for 1 year")."""
    return bool(gap.strip()) and not without_schedules(gap).strip()


# ("paclitaxel plus trastuzumab given either alone (PH) or with everolimus (PH-E)")
_ALONE_AT_END = re.compile(r"\s*,?\s+(?:(?:given|administered)\s+)?(?:either\s+)?alone\s*$")


def is_schedule_or_alone(gap: str) -> bool:
    """Whether ``gap``, between a regimen's last mention and the bracket naming it, holds only
    its dose and schedule phrases, a closing "alone", or both ("paclitaxel 175 mg/m2 every 3
    weeks alone (TP)")."""
    if "alone" in gap:
        gap = _ALONE_AT_END.sub("", gap)
        if not gap.strip():
            return True
    return is_schedule_only(gap)


# Most gaps between two drug mentions are one of a few joiners: their kinds are read once, at
# import (a fixed table, not a cache that learns from the texts read).
_COMMON_GAPS = (
    " plus ", " Plus ", " plus a ", " + ", "+", " +", "+ ", "/", " / ", "-", "–", " ", " and ",
    ", and ", ", ", ",", " or ", ", or ", " with ", " in combination with ",
    " combined with ", " followed by ", ", followed by ", " then ", " versus ", " Versus ",
    " vs ", " vs. ", " compared with ", " to ", "; ", " (", "), ", ") ", ") or ", "), or ",
    ") and ", ") plus ", ") versus ", ") with ", ", with or without ", ", in combination with ",
)  # fmt: skip
_UNKNOWN = object()
_COMMON_GAP_KINDS = {gap: _read_gap(gap) for gap in _COMMON_GAPS}


def group_regimens(text: str, hits: list[Hit], *, split_weak: bool = False) -> list[Regimen]:
    """Chains of drug/placebo mentions joined by regimen joiners, in text order.

    "A + B, A + placebo, or C": a list that ends in "or" names alternatives, so its bare
    commas separate arms instead of joining drugs.
    """
    out: list[Regimen] = []
    bare_comma = False  # whether any join is a bare comma
    listed_forms = False  # whether a list join stands between two regimens' short forms
    for h in sorted(hits, key=_hit_start):
        if h.kind not in CHAIN_KINDS:
            continue
        if out:
            gap = text[out[-1].end : h.start]
            kind = _COMMON_GAP_KINDS.get(gap, _UNKNOWN)  # ``gap_kind``, without a call per gap
            if kind is _UNKNOWN:
                kind = _read_gap(gap)
            # (a bracket opens in every gap _alias_bracket_end reads: most gaps have none)
            if kind is None and ("(" in gap or "[" in gap):
                alias_end = _alias_bracket_end(text, out[-1], h)
                if alias_end is not None:  # the bracket restates the drug before it: the
                    last = out[-1].hits[-1]  # mention widens over it, the regimen goes on
                    out[-1].hits[-1] = Hit(last.kind, last.start, alias_end,
                                           text[last.start : alias_end], last.canonical,
                                           last.drugs, last.source)  # fmt: skip
                    out[-1].end = alias_end
                    continue
            if kind is None and gap[:1] in _DOSE_SUFFIX_STARTS:
                kind = _after_short_form_dose(gap, out[-1].hits[-1])
            if kind == "strong" and _is_comparison_with(text, out[-1], h):
                kind = None
            if kind == "strong" or (kind in ("weak", "comma") and not split_weak):
                out[-1].hits.append(h)
                out[-1].joins.append(kind)
                out[-1].end = h.end
                bare_comma = bare_comma or kind == "comma"
                # (a list join after a short form: ``_split_listed_short_forms``)
                listed_forms = listed_forms or (
                    kind != "strong" and out[-1].hits[-2].kind == "regimen"
                )
                continue
        out.append(Regimen(h.start, h.end, [h]))
    if listed_forms:
        out = [piece for r in out for piece in _split_listed_short_forms(r)]
    if split_weak and len(out) >= 3:
        out = _rejoin_spelt_short_form(text, out)
    if len(out) >= 2:
        out = _split_repeated_joiner_lists(text, out)
    if not bare_comma:
        return out  # both splits below only cut chains at a bare comma (most chains have none)
    return _split_opening_comparison(text, _split_or_lists(text, out))


_hit_start = attrgetter("start")  # (a sort key without a Python call per hit)


def _split_listed_short_forms(r: Regimen) -> list[Regimen]:
    """``r`` cut at each list join (a comma, "and") after a regimen's short form when the
    parts share a drug ("TCbHP, THP and EC-THP regimens"; "FTN, fulvestrant plus trastuzumab
    (FT)", round 81a; the parts are the runs of strongly joined mentions, "EC-THP" one): one
    regimen never gives a drug twice, so the list names alternatives, not one combination
    (round 65a)."""
    cuts = []
    run_start = 0  # start of the strongly joined run before the current join
    for k in range(1, len(r.hits)):
        if r.joins[k - 1] == "strong":
            continue
        previous, run_start = r.hits[run_start:k], k  # the run before the join, and after
        run = r.hits[k : _run_end(r.joins, k)]
        # (a lone drug the short form holds restates it: "TH, trastuzumab and pertuzumab")
        if previous[-1].kind == "regimen" and (run[0].kind == "regimen" or len(run) > 1):
            drugs = {d for h in previous for d in h.drugs}
            if any(d in drugs for h in run for d in h.drugs):
                cuts.append(k)
    if not cuts:
        return [r]
    pieces = []
    for a, b in zip([0, *cuts], [*cuts, len(r.hits)], strict=True):
        hits = r.hits[a:b]
        pieces.append(Regimen(hits[0].start, hits[-1].end, hits, r.joins[a : b - 1]))
    return pieces


def _run_end(joins: list[str], k: int) -> int:
    """The end (exclusive hit index) of the strongly joined run that starts at hit ``k``."""
    while k < len(joins) and joins[k] == "strong":
        k += 1
    return k + 1


# "FEC-75 plus trastuzumab", "FEC100 then docetaxel", "FEC 100 followed by docetaxel": a dose
# written onto a regimen's short form; after a hyphen also a one-digit variant or cycle count
# ("FOLFOX-7 plus trastuzumab", "EC-4 followed by docetaxel").
_DOSE_SUFFIX_STARTS = frozenset("-‑ 0123456789")
_SHORT_FORM_DOSE = re.compile(r"(?:[-‑]\d{1,3}| ?\d{2,3})(?![\d.,·%])")


def _after_short_form_dose(gap: str, last: Hit) -> str | None:
    """The kind of ``gap`` read past the dose that opens it, when the mention before it is a
    regimen's short form (a drug's name takes no such suffix); else None."""
    if last.kind != "regimen":
        return None
    m = _SHORT_FORM_DOSE.match(gap)
    return None if m is None else gap_kind(gap[m.end() :])


def _rejoin_spelt_short_form(text: str, regs: list[Regimen]) -> list[Regimen]:
    """Rejoin drugs that a "respectively" split cut apart when the bracket after them is the
    short form of them all: "T-DM1 plus pertuzumab with docetaxel, carboplatin, trastuzumab and
    pertuzumab (TCHP); pCR was achieved in 44.4% and 55.7% of patients, respectively" lists two
    arms, not five (the commas spell one regimen out, its short form says so)."""
    out: list[Regimen] = []
    for r in regs:
        k = len(out) - 1
        if (
            k >= 1
            and len(r.hits) == 1
            and r.hits[0].kind == "regimen"
            and OPEN_BRACKET.fullmatch(text, out[k].end, r.start)
        ):
            want, have = set(r.drugs), set(out[k].drugs)
            while k > 0 and have < want and _weak_gap(text, out[k - 1], out[k]):
                k -= 1
                have |= set(out[k].drugs)
            if k < len(out) - 1 and have == want:
                joined = Regimen(out[k].start, out[-1].end, list(out[k].hits), list(out[k].joins))
                for x in out[k + 1 :]:
                    joined.joins.append(gap_kind(text[joined.end : x.start]) or "comma")
                    joined.joins.extend(x.joins)
                    joined.hits.extend(x.hits)
                    joined.end = x.end
                out[k:] = [joined]
        out.append(r)
    return out


def _weak_gap(text: str, a: Regimen, b: Regimen) -> bool:
    """Whether regimens ``a`` and ``b`` are joined by a comma or "and" (a weak join)."""
    return gap_kind(text[a.end : b.start]) in ("weak", "comma")


# "inetetamab (Cipterbin) plus vinorelbine", "trastuzumab (Herceptin®) plus docetaxel",
# "pyrotinib (SHR-1258) plus capecitabine": a bracket that only restates the drug before it (its
# brand, code or other name: the same drugs) is part of that mention, so the regimen goes on past
# the bracket instead of breaking at it (single-arm texts have no design arm to mend it).
# "inetetamab (Cipterbin, 2 mg/kg) plus vinorelbine": the bracket may give the dose after the
# other name (the dose, as a bracket of its own, would join the regimen too: ``_DOSE``).
_ALIAS_CLOSE = re.compile(
    r"\s*[®™]?\s*(?:[,;]\s*\d[\d.·]*\s*(?:mg|µg|mcg|g)(?![a-z])[^()\[\]%;]{0,40}?)?\s*[)\]]"
)


def _alias_bracket_end(text: str, reg: Regimen, h: Hit) -> int | None:
    """Where the bracket ends that ``h`` alone fills right after the last mention of ``reg``,
    if ``h`` names the same drugs (an alias of that mention), else None. A short form the text
    defines in that bracket ("with pertuzumab (PTC) or without pertuzumab (TC)") is no alias:
    it may stand for more than the drug before it, and the design reader needs its bracket.
    A gloss naming the mention a biosimilar of its drug ("SIBP-01 (a trastuzumab biosimilar)",
    ``_biosimilar_gloss_end``) ends there too."""
    last = reg.hits[-1]
    if h.kind != "drug" or last.kind != "drug" or not h.drugs or h.drugs != last.drugs:
        return None
    if h.source == "abbreviation":
        return None
    if not OPEN_BRACKET.fullmatch(text, reg.end, h.start):
        return _biosimilar_gloss_end(text, reg.end, h)
    m = _ALIAS_CLOSE.match(text, h.end)
    return None if m is None else m.end()


# "SIBP-01 (a trastuzumab biosimilar) or trastuzumab": the bracket glosses the code before it
# as a biosimilar of the same drug, so it is part of that mention, not a regimen of its own.
_GLOSS_OPEN = re.compile(r"\s*\(\s*an?\s+(?:proposed\s+)?", re.I)
# ("(a trastuzumab biosimilar, n=120)": the bracket may give the group's size; review of round 60a)
_GLOSS_CLOSE = re.compile(r"\s+biosimilar\s*(?:[,;]\s*n\s*=\s*\d+\s*)?\)", re.I)


def _biosimilar_gloss_end(text: str, start: int, h: Hit) -> int | None:
    """Where a bracket "(a ``h`` biosimilar)" opening at ``start`` ends; None if it is none."""
    if not _GLOSS_OPEN.fullmatch(text, start, h.start):
        return None
    m = _GLOSS_CLOSE.match(text, h.end)
    return None if m is None else m.end()


# ("A, B, or the combination of A and B": the last alternative may be introduced as such)
_OR_NEXT = re.compile(
    r"\s*,?\s*(?:or|and/or)\s+(?:to\s+)?(?:the\s+|a\s+|their\s+)?(?:combination\s+of\s+)?$", re.I
)
# "lapatinib (1500 mg), trastuzumab (loading dose 4 mg/kg, then 2 mg/kg), or lapatinib plus
# trastuzumab", "..., a taxane (docetaxel or paclitaxel), or capecitabine": a dose or options
# bracket after the last listed drug stands before the "or" (a short-form bracket, "(TCH), or",
# may name the whole chain and does not).
_DOSE_BRACKET = r"\([^()]*?(?:\d\s*(?:mg|g|µg|mcg)\b|\bdoses?\b|\sor\s)[^()]*\)"
_DOSE_BRACKET_OR_NEXT = re.compile(r"\s*" + _DOSE_BRACKET + _OR_NEXT.pattern, re.I)
# "lapatinib (L), trastuzumab (T), or both (LT)": "or both" ends the list as another
# alternative would (the drugs before it are alternatives, not one regimen).
# (a short form of the last alternative may stand before it: "trastuzumab (T), or both")
# ("or their combination", "or the combination of both", "or the combination thereof" offer them
# together as "or both" does;
# "the combination of X and Y" / "with X" name drugs and do not)
# (``THE_COMBINATION`` is also ``arms._COMBINATION_OF_BOTH``'s, which only searches for the
# phrase and needs no word end after it; OR_BOTH adds one: "or the combinations" ends no list)
THE_COMBINATION = (
    r"(?:the|their)\s+combination"
    r"(?:\s+of\s+(?:both|the\s+two)\b|\s+thereof|(?![\s-]+(?:of|with)\b))"
)
OR_BOTH = r"\s*(?:\([^()]*\)\s*)?,?\s*or\s+(?:both|" + THE_COMBINATION + r")\b"
_OR_BOTH_NEXT = re.compile(OR_BOTH, re.I)


# "trastuzumab deruxtecan, a taxane (docetaxel or paclitaxel), or physician's choice of
# chemotherapy": the list's last alternative is a physician's-choice arm, which names no drug.
# (only a dose or options bracket may stand before the "or": "docetaxel, carboplatin,
# trastuzumab (TCH), or physician's choice" names one TCH arm, its short form closing the chain)
_OR_TPC_NEXT = re.compile(
    r"\s*(?:" + _DOSE_BRACKET + r"\s*)?,?\s*or\s+(?:the\s+|a\s+)?"
    r"(?:(?:treatment|therapy|chemotherapy)\s+of\s+(?:the\s+)?)?(?:physician|investigator)['’]?s?\b",
    re.I,
)


def _ends_or_list(text: str, r: Regimen, nxt: Regimen | None) -> bool:
    """Whether an "or" follows chain ``r``: "A, B, or C" (``nxt`` is C), "A, B, or both" or
    "A, B, or physician's choice"."""
    if nxt is not None and _OR_NEXT.fullmatch(text[r.end : nxt.start]):
        return True
    if (
        nxt is not None
        and text.startswith(" (", r.end)
        and _DOSE_BRACKET_OR_NEXT.fullmatch(text, r.end, nxt.start)
    ):
        return True
    if (
        nxt is not None
        and text.find("(", r.end, nxt.start) >= 0
        and _own_short_forms_or_next(text, r, nxt)
    ):
        return True
    if _OR_BOTH_NEXT.match(text, r.end) is not None:
        return True
    return "or" in text[r.end : r.end + 80] and _OR_TPC_NEXT.match(text, r.end) is not None


# "lapatinib (L), trastuzumab (T), or lapatinib plus trastuzumab (L+T)": when every drug of a
# comma chain has its own short-form bracket, the one before the "or" is the last drug's, not
# the chain's ("docetaxel, carboplatin (TC), or ..." stays one regimen).
_SHORT_FORM_BRACKET = r"\([A-Za-z][\w+/-]{0,7}\)"
_SHORT_FORM_OR_NEXT = re.compile(r"\s*" + _SHORT_FORM_BRACKET + _OR_NEXT.pattern, re.I)
_COMMA_AFTER_SHORT_FORM = re.compile(r"\s*" + _SHORT_FORM_BRACKET + r"\s*,\s*$")


def _own_short_forms_or_next(text: str, r: Regimen, nxt: Regimen) -> bool:
    """Whether chain ``r`` is a list of single drugs, each followed by its own short-form
    bracket, the last one then "or" and ``nxt`` (see ``_SHORT_FORM_OR_NEXT``).

    Round 95c: the last item may be a strongly joined run ("trastuzumab (T), lapatinib (L),
    trastuzumab followed by lapatinib (T→L), or ...") when it repeats a drug of every item
    before it (one regimen never gives a drug twice: "docetaxel (T), carboplatin (C) plus
    trastuzumab (TCH)" stays one); its bracket may hold the short form's own mention (``nxt``)
    with the "or" after it."""
    joins = r.joins
    n = len(joins)
    while n and joins[n - 1] == "strong":
        n -= 1
    if n == 0 or not all(j == "comma" for j in joins[:n]):
        return False
    if _SHORT_FORM_OR_NEXT.fullmatch(text, r.end, nxt.start) is None and not (
        n < len(joins) and _short_form_then_or(text, r, nxt)
    ):
        return False
    if n < len(joins):
        run = {d for h in r.hits[n:] for d in h.drugs}
        if not all(run.intersection(h.drugs) for h in r.hits[:n]):
            return False
    return all(
        _COMMA_AFTER_SHORT_FORM.fullmatch(text, a.end, b.start) is not None
        for a, b in pairwise(r.hits[: n + 1])
    )


_BRACKET_END_OR = re.compile(r"\s*\)\s*,?\s*(?:or|and/or)\s", re.I)


def _short_form_then_or(text: str, r: Regimen, nxt: Regimen) -> bool:
    """Whether ``nxt`` is the short form of ``r``'s last run alone in the bracket right after
    ``r`` (perhaps after its schedule), the bracket then closed before "or" ("... by
    lapatinib for 34 weeks (T→L), or L plus T")."""
    gap = text[r.end : nxt.start]
    return (
        gap[-1:] == "("
        and (not gap[:-1].strip() or is_schedule_only(gap[:-1]))
        and len(nxt.hits) == 1
        and nxt.hits[0].kind == "regimen"
        and _BRACKET_END_OR.match(text, nxt.end) is not None
    )


def _and_closed_list(text: str, r: Regimen) -> bool:
    """Whether chain ``r`` is a list of drugs closed by "and" ("pertuzumab, trastuzumab and
    docetaxel or placebo, trastuzumab and docetaxel"): bare commas, then one "and" before the
    last drug. Its commas join one regimen, so an "or" after it separates whole regimens, not
    the listed drugs ("A, B, or C" has no "and")."""
    joins = r.joins
    if len(joins) < 2 or joins[-1] != "weak" or joins.count("comma") != len(joins) - 1:
        return False
    return "and" in text[r.hits[-2].end : r.hits[-1].start]


def _split_or_lists(text: str, regs: list[Regimen]) -> list[Regimen]:
    if not any("comma" in r.joins for r in regs):
        return regs  # only a bare comma can become an arm separator
    out: list[Regimen] = []
    for i, r in enumerate(regs):
        nxt = regs[i + 1] if i + 1 < len(regs) else None
        if "comma" in r.joins and _ends_or_list(text, r, nxt) and not _and_closed_list(text, r):
            out += _cut_chain(r, [kind == "comma" for kind in r.joins])
        else:
            out.append(r)
    return out


def _cut_chain(r: Regimen, cut: list[bool]) -> list[Regimen]:
    """``r`` cut into regimens at each join ``k`` where ``cut[k]`` (the join between hits k and
    k + 1); the other joins keep their kinds."""
    out: list[Regimen] = []
    cur = Regimen(r.hits[0].start, r.hits[0].end, [r.hits[0]])
    for h, kind, here in zip(r.hits[1:], r.joins, cut, strict=True):
        if here:
            out.append(cur)
            cur = Regimen(h.start, h.end, [h])
        else:
            cur.hits.append(h)
            cur.joins.append(kind)
            cur.end = h.end
    out.append(cur)
    return out


# "paclitaxel plus trastuzumab (TH), plus lapatinib (TL), or plus trastuzumab and lapatinib
# (THL)": every alternative repeats the backbone's joiner, the last after "or". The gap before
# the last one (``_OR_JOINER``) says so; the earlier ", plus" gaps of the chain before it then
# separate alternatives instead of adding drugs (``backbones`` gives each the backbone).
_OR_JOINER = re.compile(r"\s*(?:\([^()]*\)\s*)?,?\s*or\s+(plus|with)\s+$", re.I)
_COMMA_JOINER = re.compile(r"\s*(?:\([^()]*\)\s*)?,\s*(plus|with)\s+$", re.I)


def _split_repeated_joiner_lists(text: str, regs: list[Regimen]) -> list[Regimen]:
    """``regs`` with each chain followed by ", or plus/with" cut at its ", plus/with" joins
    (the same word): "A plus B, plus C, or plus D" gives A plus B, C, D."""
    out: list[Regimen] = []
    for i, r in enumerate(regs):
        m = None
        if i + 1 < len(regs) and len(r.hits) >= 3:
            gap = text[r.end : regs[i + 1].start]
            if "or" in gap:
                m = _OR_JOINER.fullmatch(gap)
        if m is None:
            out.append(r)
            continue
        word = m.group(1).lower()
        joiners = (
            _COMMA_JOINER.fullmatch(text, a.end, b.start)
            for a, b in zip(r.hits, r.hits[1:], strict=False)
        )
        out += _cut_chain(r, [c is not None and c.group(1).lower() == word for c in joiners])
    return out


# A sentence that opens with a comparison: "Compared with lapatinib plus capecitabine, T-DXd
# prolonged ...". The comma closing that phrase ends its regimen; it joins nothing.
_OPENING_COMPARISON = re.compile(
    r"(?:^|[.;:!?]\s+|\n)\s*(?:(?:as|when)\s+)?(?:compared\s+(?:with|to)|"
    r"in\s+comparison\s+(?:with|to)|relative\s+to|versus|vs\.?)\s+(?:the\s+|an?\s+)?$",
    re.I,
)


def _split_opening_comparison(text: str, regs: list[Regimen]) -> list[Regimen]:
    """Split a chain that starts a sentence's opening comparison at its last bare comma (a list
    inside the phrase, "Compared with A, B, and C, D ...", keeps its earlier commas)."""
    out: list[Regimen] = []
    for r in regs:
        if "comma" not in r.joins or not _OPENING_COMPARISON.search(
            text, max(0, r.start - 40), r.start
        ):
            out.append(r)
            continue
        k = len(r.joins) - 1 - r.joins[::-1].index("comma")  # the last comma: before hits[k + 1]
        head, tail = r.hits[: k + 1], r.hits[k + 1 :]
        out.append(Regimen(head[0].start, head[-1].end, head, r.joins[:k]))
        out.append(Regimen(tail[0].start, tail[-1].end, tail, r.joins[k + 1 :]))
    return out


_COMPARE = re.compile(r"\bcompar\w*(?:\s+\w+){0,2}\s*$", re.I)
_COMPARE_END = search_from_end(_COMPARE)
_WITH = re.compile(r"\s+with\s+$", re.I)


def _is_comparison_with(text: str, reg: Regimen, nxt: Hit) -> bool:
    """ "compared T-DXd with T-DM1": this "with" separates arms instead of joining drugs."""
    gap = text[reg.end : nxt.start]
    return bool(_WITH.fullmatch(gap)) and bool(
        _COMPARE_END.match(text, max(0, reg.start - 40), reg.start)
    )


def chains_before(text: str, hits: list[Hit], pos: int) -> list[Hit]:
    """The regimen chain that ends right before ``pos`` (only whitespace between)."""
    # A chain is a few drugs with short joiners: 400 characters back is plenty, and grouping
    # every earlier mention for each bracket would be quadratic.
    window = [h for h in hits if pos - 400 <= h.start and h.end <= pos]
    # The chain's last mention ends where the whitespace before ``pos`` starts (``\s`` is
    # ``str.isspace``): with no such mention there is no chain to group (most brackets).
    j = pos
    while j > 0 and text[j - 1].isspace():
        j -= 1
    if not any(h.end >= j and h.kind in CHAIN_KINDS for h in window):
        return []
    for reg in group_regimens(text, window):
        if reg.end <= pos and _BEFORE_PAREN.match(text[reg.end : pos]):
            return reg.hits
    return []


# "trastuzumab, lapatinib, or both": "or both" makes the list before it alternatives, which
# ``group_regimens`` splits at their commas; the bracket after "or both" names them all.
_LISTED_BEFORE = re.compile(r"\s*(?:\([^()]*\)\s*)?,\s*(?:or\s+)?")


def or_list_before(text: str, hits: list[Hit], pos: int) -> list[Hit]:
    """The mentions of the chain that ends right before ``pos`` (as ``chains_before``) and of
    the chains listed before it with commas ("A, B" before ", or both")."""
    window = [h for h in hits if pos - 400 <= h.start and h.end <= pos]
    regs = group_regimens(text, window)
    for k in range(len(regs) - 1, -1, -1):
        if regs[k].end <= pos and _BEFORE_PAREN.match(text[regs[k].end : pos]):
            j = k
            while j > 0 and _LISTED_BEFORE.fullmatch(text, regs[j - 1].end, regs[j].start):
                j -= 1
            return [h for r in regs[j : k + 1] for h in r.hits]
    return []
