"""Outcomes: numeric values tied to an endpoint, a measure and an arm, sentence by sentence."""

from __future__ import annotations

import itertools
import re
from bisect import bisect_left
from collections.abc import Callable, Iterator
from operator import attrgetter

from her2mine.extract.arms import (
    GROUP_GATE,
    NO_NAMED_DRUG,
    PLACEBO_ONLY,
    ArmRef,
    ArmRegistry,
    added_drug_arms,
    addition_comparison,
    arm_refs,
    output_arm,
)
from her2mine.extract.fastre import (
    SPAN,
    GateSet,
    WordGate,
    finditer_at,
    last_match,
    literal_starts,
    search_from_end,
    word_start,
)
from her2mine.extract.hits import Hit, resolve_overlaps
from her2mine.extract.lexicon import EndpointLexicon, lower_same_length, term_spans
from her2mine.extract.numbers import (
    LIST_JOIN,
    Value,
    closed_between,
    is_subgroup_p,
    normalise_p,
    p_matches,
    parse_values,
)

TIME_TO_EVENT = {"PFS", "OS", "DFS", "IDFS", "EFS", "RFS", "TTP", "CNS-PFS", "DOR"}
_RESPONSES = {"ORR", "pCR", "CBR", "DCR"}  # shares of patients: odds ratios, never hazards
SAFETY = {"AE", "AE_G3", "ILD"}

# "Gr≥3", "Gr 3/4" (conference abstracts) are grades too.
_GRADE = r"(?:grade|(?<![a-z])gr\.?(?![a-z]))"
# Conference shorthand for grades: "G≥3 TRAEs", "G3/4 neutropenia", "≥G3 AEs"; "G1/2", "G2"
# (a lone "G" + digit, not part of a word or code: "HER2", "BG3" stay out).
_G_SHORT_3 = (
    r"(?<![a-z0-9])g(?:≥|>=)\s*(?:3|iii)|(?:≥|>=)\s*g3"
    r"|(?<![a-z0-9-])g3(?:\s*(?:-|–|/)\s*[45]|\+)?(?![a-z0-9])"
)
_G_SHORT_ANY = r"(?<![a-z0-9-])g(?:1(?:\s*(?:-|–|/)\s*2)?|2)(?![a-z0-9])"
_G3 = re.compile(
    rf"(?:{_GRADE}\s*(?:≥|>=|=>|>)\s*(?:3|III)|(?:≥|>=)\s*grade\s*(?:3|III)|{_GRADE}\s*(?:3|III|4|IV)"
    r"(?:\s*(?:or|and|to|-|–|/|,)\s*(?:higher|greater|above|worse|more|severe|4|5|IV|V))?"
    r"(?:\s*or\s*(?:higher|worse))?|grade\s*3\+|severe|" + _G_SHORT_3 + ")",
    re.I,
)
_ANY = re.compile(
    r"(?:any[\s-]grade|all[\s-]grades?|of\s+any\s+grade|grade\s*(?:1|I)\s*(?:or|and|-|–|/|to)\s*"
    r"(?:2|II)|grade\s*(?:≤|<=|<)\s*2|low[\s-]grade|grade\s*(?:1|2|I|II)\b|" + _G_SHORT_ANY + ")",
    re.I,
)
# (conference shorthand: "3-y DFS", "IDFS at 3 y")
_LANDMARK = re.compile(
    r"(?:\b\d+(?:[.·]\d+)?[\s-]*(?:year|yr|y|month|mo)s?\b|\bat\s+\d+\s*(?:years?|months?|y)\b|"
    r"\b(?:one|two|three|four|five|six|seven|eight|nine|ten)[\s-]year\b|\brates?\b|\blandmark\b)",
    re.I,
)
# ("followed by" joins the steps of a sequential regimen: it says nothing of follow-up)
_NOT_OUTCOME = re.compile(
    r"\b(?:follow[\s-]*up|followed(?!\s+by\b)|range|"
    r"duration\s+of\s+(?:treatment|therapy|exposure)|exposure|treatment\s+duration|age|aged|"
    r"reduction|reduced|lower|decrease|improvement|relative|risk\s+of)\b",
    re.I,
)
# "mean PFS was 8.8 months": the contract has medians only, and a mean is not one.
_MEAN_BEFORE = re.compile(r"\b(?:mean|average)\s+$", re.I)


def _lower_twin(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """A case-insensitive pattern written in lower case, made case-sensitive: run on the
    ``lower_same_length`` text of a ``literal_safe`` text, it matches where the original matches
    on the text (lower-casing keeps which characters are word characters, spaces and digits),
    and needs no case folding."""
    assert pattern.flags & re.I and not re.search(r"[A-Z]", pattern.pattern), pattern.pattern
    return re.compile(pattern.pattern)


_NOT_OUTCOME_LOW = _lower_twin(_NOT_OUTCOME)
_MEAN_BEFORE_LOW = _lower_twin(_MEAN_BEFORE)
_LANDMARK_LOW = _lower_twin(_LANDMARK)
# Design assumptions and power calculations are not results.
_ASSUMPTION = re.compile(
    word_start(
        [r"we\s+assumed", "assuming", r"was\s+assumed", r"were\s+assumed", "hypothesi[sz]ed",
         r"powered\s+to", r"power\s+to\s+detect", r"sample\s+size", r"to\s+detect\s+an?",
         # a non-inferiority margin: "the upper limit of the 90% CI ... not to exceed 1.29"
         r"not\s+to\s+exceed", r"should\s+not\s+exceed", r"must\s+not\s+exceed"]
    )
    + r"\b"
)  # fmt: skip
# A literal every _ASSUMPTION match contains.
_ASSUMPTION_WORDS = ("assum", "hypothesi", "power", "sample", "detect", "exceed")
_ASSUMPTION_GATE = WordGate(_ASSUMPTION_WORDS)
_RESPECTIVELY = re.compile(word_start(["respectively"]) + r"\b")
_RESPECTIVELY_GATE = WordGate(("respectively",))


def find_endpoints(text: str, lex: EndpointLexicon, low: str | None = None) -> list[Hit]:
    """Endpoint mentions (full names case-insensitively, abbreviations case-sensitively).
    ``low`` = ``lower_same_length(text)`` if the caller has it."""
    hits: list[Hit] = []
    low = lower_same_length(text) if low is None else low
    exact = lex.sensitive.spans(text)
    loose = term_spans(lex.insensitive, low) if lex.insensitive is not None else []
    for spans in (exact, loose):
        for start, end in spans:
            written = text[start:end]
            code = lex.lookup(written)
            if code:
                hits.append(Hit("endpoint", start, end, written, code))
    if loose:
        hits += timepoint_short_forms(text, hits, lex)
    if _CNS_GATE.may_hold(low, 0, len(low)):
        hits = cns_qualified(low, hits)
    if _DLT_GATE.may_hold(low, 0, len(low)):
        hits = dose_limiting_toxicities(low, hits)
    if _LAB_CHANGE_GATE.may_hold(low, 0, len(low)):
        hits = laboratory_changes(text, low, hits)
    # Each scan's hits are disjoint; when the two scans' are too, every hit is kept.
    by_start = sorted(hits, key=_START)
    if not _disjoint(by_start):
        by_start = resolve_overlaps(sorted(hits, key=lambda h: (h.start - h.end, h.start)))
    return _without_glosses(text, by_start)


# "An overall response (a complete or partial response) occurred in 79.7%": a bracket right after
# a listed end point, holding no number (but durations), glosses it; an unlisted end point inside (the response
# types an ORR counts) is part of the definition and claims no value.
_GLOSS_OPEN = re.compile(r"[ \t]*\(")
# A duration threshold may qualify a response type of the definition ("or stable disease for
# ≥24 weeks", "SD ≥6 months"): it is no value of the bracket; any other number is, a bare
# duration too ("(complete response 58 months vs partial response 41 months)" are medians).
_DURATION_IN_GLOSS = (
    r"(?<![^\s(])(?:[≥>]=?|at\s+least|for|lasting|beyond|over|than|at|in|within|by|after)\s*"
    r"\d+\s*(?:weeks?|wks?|months?|mo)\b"
)
_NO_DIGIT_TO_CLOSE = re.compile(rf"[^()\d]*(?:{_DURATION_IN_GLOSS}[^()\d]*)*\)")


def _without_glosses(text: str, hits: list[Hit]) -> list[Hit]:
    """``hits`` (in text order) without the unlisted end points of a glossing bracket."""
    if len(hits) < 2 or all(h.canonical != "_other" for h in hits):
        return hits
    drop: set[int] = set()
    for i, h in enumerate(hits):
        if h.canonical == "_other":
            continue
        m = _GLOSS_OPEN.match(text, h.end)
        close = _NO_DIGIT_TO_CLOSE.match(text, m.end()) if m is not None else None
        if close is None:
            continue
        for j in range(i + 1, len(hits)):
            if hits[j].start >= close.end():
                break
            if hits[j].canonical == "_other":
                drop.add(j)
    return [h for j, h in enumerate(hits) if j not in drop] if drop else hits


# "... interstitial lung disease was adjudicated in 1,150 patients. In patients with breast
# cancer, the incidence was 15.5%.": a bare incidence, rate or risk that names nothing of its
# own (no "of ...", no other noun before it: "the discontinuation rate" names its event) is
# that of the previous sentence's end point, as a bare hazard ratio is. It may carry a
# landmark or a neutral qualifier, and say in whom it was measured before its verb.
_RATE_QUALIFIER = (
    r"(?:overall|cumulative|corresponding|respective|observed|estimated|reported|pooled|crude|"
    r"(?:\d+|one|two|three|four|five|ten)[\s-]+(?:years?|months?))"
)
# "The grade 3 rate was 12% vs 4%": a grade qualifier (group 1) makes the carried end point an
# adverse event's, graded as the sentence says.
_GRADE_NUM = r"(?:[1-5]|I{1,3}|IV|V)"
_RATE_GRADE = (
    rf"(grade\s*(?:≥|>=|>)?\s*{_GRADE_NUM}(?:\s*(?:-|–|/|or|and|to)\s*"
    rf"(?:{_GRADE_NUM}|higher|greater|worse|above))?|any[\s-]grade|all[\s-]grades?)"
)
_BARE_RATE_HEAD = re.compile(
    rf"\bthe\s+(?:(?:{_RATE_QUALIFIER}|{_RATE_GRADE})\s+){{0,2}}(incidences?|rates?|risks?)\s+"
    r"(?:(?:in|among)\s+[^,;:()]{1,60}?\s+)?(?:was|were|is|are|reached)\b",
    re.I,
)
_BARE_RATE_GATE = WordGate(("incidence", "rate", "risk"))
# A time-to-event end point's rate is dated ("the 3-year rate", "at 24 months, the rate"); the
# head word "rate" alone, which ``_dated`` accepts, dates nothing carried over.
_CARRIED_LANDMARK = re.compile(
    r"\b(?:\d+(?:[.·]\d+)?|one|two|three|four|five|six|seven|eight|nine|ten)[\s-]*"
    r"(?:years?|yrs?|y|months?|mo)\b|\blandmark\b",
    re.I,
)


# "ILD was the key risk. Incidence was higher at 6.4 mg/kg than at 5.4 mg/kg (14.0% vs 9.1%)":
# a sentence opening with the head word alone, no article, after one naming a single event.
_OPENING_RATE_HEAD = re.compile(
    r"\s*()(Incidences?|Rates?|Risks?)\s+(?:was|were|is|are)\b"
    r"(?!\s+(?:not\s+)?(?:defined|assessed))"
)


def carried_rate_endpoint(
    text: str,
    s: int,
    e: int,
    carry: str | None,
    low: str | None = None,
    single_event: bool = False,
) -> list[Hit]:
    """The previous sentence's end point ``carry`` as a hit on the bare head of sentence
    text[s:e] ("the incidence was 15.5%", see ``_BARE_RATE_HEAD``), or no hit. The caller
    asks only for a sentence with no end point of its own, right after one with some;
    ``single_event``: whether that one named exactly one end point, an event (``SAFETY``),
    which a sentence opening with the head word alone ("Incidence was higher ...") takes."""
    if carry is None or carry[:1] == "_" or not _BARE_RATE_GATE.may_hold(low, s, e):
        return []
    m = _BARE_RATE_HEAD.search(text, s, e)
    if m is None and single_event and carry in SAFETY:
        m = _OPENING_RATE_HEAD.match(text, s, e)
    if m is None or (m[1] is not None and carry not in SAFETY):
        return []  # (a grade qualifies an adverse event's rate only: no "grade 3" ORR)
    if carry in TIME_TO_EVENT and _CARRIED_LANDMARK.search(text, s, e) is None:
        return []  # "Median PFS was 18.5 vs 12.4 months. The rates were 10% vs 12% ..."
    if carry == "AE" and _graded_3_only(text, s, e):
        carry = "AE_G3"
    return [Hit("endpoint", m.start(2), m.end(2), m[2], carry)]


def _graded_3_only(text: str, s: int, e: int) -> bool:
    """Whether sentence text[s:e] grades its values grade >=3 and no lower: "Diarrhoea
    occurred in 30% and 10%. The rate was 5% vs 2% for grade 3." (a carried event names no
    qualifier before its values, so one anywhere in the sentence grades them; with an "any
    grade" one as well, which value is which is not read)."""
    return _G3.search(text, s, e) is not None and _ANY.search(text, s, e) is None


# A CNS qualifier right before a general end point ("the risk of intracranial progression or
# death", "the CNS ORR", "composite CNS objective response rate") makes it the CNS end point.
_CNS_GATE = WordGate(("intracranial", "cns", "central nervous"))
_CNS_BEFORE = re.compile(r"(?<!non-)\b(?:intracranial|cns|central\s+nervous\s+system)[\s-]+$")
_CNS_REACH = 28  # "central nervous system " and a little slack
# What the CNS version of an end point is: PFS becomes CNS-PFS; intracranial response rates are
# outside the contract (``_other``).
_CNS_CODE = {"PFS": "CNS-PFS", "ORR": "_other"}


def cns_qualified(low: str, hits: list[Hit]) -> list[Hit]:
    """``hits`` with a PFS or ORR mention that a CNS qualifier opens ("intracranial progression
    or death", "CNS ORR") read as the CNS end point: without this the HER2CLIMB brain-metastases
    CNS-PFS hazard ratio was read as PFS and intracranial response rates as ORR.
    ``low``: the lower-cased text."""
    out = hits
    for k, h in enumerate(hits):
        code = _CNS_CODE.get(h.canonical)
        if code is None or _CNS_BEFORE.search(low, max(0, h.start - _CNS_REACH), h.start) is None:
            continue
        if out is hits:
            out = list(hits)
        out[k] = Hit(h.kind, h.start, h.end, h.text, code, h.drugs, h.source)
    return out


# "Dose-limiting toxicities occurred in 2 of 6 patients (33%) at 2.5 mg/kg": a dose-finding
# count of a cohort, outside the contract's end points, not an adverse-event rate.
_DLT_GATE = WordGate(("dose-limiting", "dose limiting"))
_DLT_BEFORE = re.compile(r"\bdose[\s-]limiting\s+$")


def dose_limiting_toxicities(low: str, hits: list[Hit]) -> list[Hit]:
    """``hits`` with an AE mention of toxicity that "dose-limiting" opens ("dose-limiting
    toxicities", "dose-limiting toxic effects") read as an end point outside the contract, so
    the DLT rate of a dose level is not an adverse-event incidence. ``low``: the lower-cased
    text."""
    out = hits
    for k, h in enumerate(hits):
        if h.canonical != "AE" or not low.startswith("toxic", h.start):
            continue
        if _DLT_BEFORE.search(low, max(0, h.start - 16), h.start) is None:
            continue
        if out is hits:
            out = list(hits)
        out[k] = Hit(h.kind, h.start, h.end, h.text, "_other", h.drugs, h.source)
    return out


# "Grade 3-4 increases in alanine aminotransferase", "elevations of AST", "rises in bilirubin",
# "ALT increased": a laboratory abnormality written as a change of an analyte is an adverse
# event (the lexicon holds the one order "increased alanine aminotransferase"). Read on the
# lower-cased text; an analyte alone ("baseline bilirubin") names no event.
_ANALYTE = (
    r"(?:(?:alanine|aspartate)\s+aminotransferase|aminotransferases?|transaminases?|alt|ast|"
    r"(?:total\s+|blood\s+)?bilirubin|liver\s+enzymes|creatinine(?!\s+clearance)|"
    r"alkaline\s+phosphatase|"
    r"gamma[\s-]glutamyl\s*transferase|ggt|lipase|amylase)(?:\s+levels?)?"
)
_LAB_CHANGE = re.compile(
    rf"\b(?:(?:increases?|elevations?|rises?)\s+(?:in|of)\s+(?:serum\s+)?{_ANALYTE}"
    rf"|(?:increased|elevated|raised)\s+(?:serum\s+)?{_ANALYTE}"
    rf"|{_ANALYTE}\s+(?:increased|increases?|elevations?|elevated))(?![\w-])"
)
_LAB_CHANGE_GATE = WordGate(("increase", "elevat", "rise", "raised"))
# The words a ``_LAB_CHANGE`` match can start with (a change word, or an analyte's first word),
# matched as written (it reads the lower-cased text without ``re.I``): only where one of them
# occurs need the pattern be tried, not at every word boundary as ``finditer`` does.
_LAB_CHANGE_FIRSTS = (
    *("increase", "elevat", "rise", "raised"),
    *("alanine", "aspartate", "aminotransferase", "transaminase", "alt", "ast", "total"),
    *("blood", "bilirubin", "liver", "creatinine", "alkaline", "gamma", "ggt", "lipase"),
    "amylase",
)
# "20% had raised ALT at baseline", "baseline elevated bilirubin": a level before treatment, no
# adverse event.
_AT_BASELINE = re.compile(
    r"\s+(?:(?:at|before)\s+(?:baseline|screening|study\s+entry|enrol?ment)|"
    r"(?:was|were)\s+(?:present\s+)?at\s+baseline)\b"
)
_BASELINE_BEFORE = re.compile(r"\bbaseline\s+\Z")


def _at_baseline(low: str, a: int, b: int) -> bool:
    """Whether the laboratory change ``low[a:b]`` is a level at baseline."""
    return bool(_AT_BASELINE.match(low, b) or _BASELINE_BEFORE.search(low, max(0, a - 12), a))


def laboratory_changes(text: str, low: str, hits: list[Hit]) -> list[Hit]:
    """``hits`` plus an AE mention for each change of a laboratory analyte (``_LAB_CHANGE``)
    that no hit overlaps. ``low``: the lower-cased text."""
    found = finditer_at(_LAB_CHANGE, low, literal_starts(low, _LAB_CHANGE_FIRSTS))
    added = [
        Hit("endpoint", a, b, text[a:b], "AE")
        for a, b in map(SPAN, found)
        if not any(h.start < b and a < h.end for h in hits) and not _at_baseline(low, a, b)
    ]
    return hits + added if added else hits


# "overall response rate up to week 24 (ORR24)": a short form made of the end point's
# abbreviation and a time point, defined in a bracket soon after the full name.
_TIMEPOINT_SHORT = re.compile(r"\(([A-Za-z][A-Za-z-]{1,6})(\d{1,3})\)")
_TIMEPOINT_REACH = 40  # characters between the full name and the bracket ("up to week 24 ")


def timepoint_short_forms(text: str, hits: list[Hit], lex: EndpointLexicon) -> list[Hit]:
    """Mentions of end-point short forms the text defines with a time point ("ORR24" after
    "overall response rate up to week 24 (ORR24)"): the lexicon knows "ORR" but not "ORR24",
    so without this the primary end point's values have no end point."""
    if _TIMEPOINT_SHORT.search(text) is None:
        return []  # no "(ORR24)" bracket in the text: nothing to define (one scan, no loop)
    defined: dict[str, str] = {}
    for h in hits:
        if h.text in lex.exact_of:
            continue  # only a full name defines a short form
        k = text.find("(", h.end, h.end + _TIMEPOINT_REACH)
        if k < 0 or ")" in text[h.end : k]:
            continue
        m = _TIMEPOINT_SHORT.match(text, k)
        if m is not None and lex.exact_of.get(m.group(1)) == h.canonical:
            defined[m.group(1) + m.group(2)] = h.canonical
    out = []
    for short, code in defined.items():
        for m in re.finditer(r"(?<![A-Za-z0-9-])" + re.escape(short) + r"(?![A-Za-z0-9])", text):
            out.append(Hit("endpoint", m.start(), m.end(), short, code))
    return out


_START = attrgetter("start")  # a sort key called from C (no Python call per hit)


def _disjoint(by_start: list[Hit]) -> bool:
    """Whether no hit of ``by_start`` (sorted by start) overlaps the next one."""
    for k in range(1, len(by_start)):  # noqa: SIM110 (a loop is faster than all() over a generator)
        if by_start[k - 1].end > by_start[k].start:
            return False
    return True


# "3-year DFS was 88% in patients with pCR and 73% in patients without pCR": an end point
# that names a subgroup of patients is no end point of the values after it.
# Who a subgroup is made of ("patients with pCR", "those without").
_PEOPLE = r"(?:patients|those|women|participants|pts)"
_SUBGROUP_BEFORE = re.compile(
    r"\b" + _PEOPLE + r"\s+(?:with|without|who\s+(?:achieved|had|"
    r"did\s+not\s+(?:achieve|have)))\s+(?:an?\s+|the\s+)?$",
    re.I,
)
_SUBGROUP_REACH = 45  # characters before an end point looked at


def _without_subgroup_endpoints(text: str, s: int, eps: list[Hit], low: str | None) -> list[Hit]:
    """``eps`` without the end points written as a subgroup ("patients with pCR", "those
    who did not achieve a pCR"); ``low``: the ``literal_safe`` lower-cased text, or None."""
    if low is not None:
        # Every window ends by the last end point's start (``eps`` are in text order): where
        # neither word occurs before it, no window holds one (one test, not one per end point).
        last = eps[-1].start
        if low.find("with", s, last) < 0 and low.find("who", s, last) < 0:
            return eps
    kept = eps
    for h in eps:
        a = h.start - _SUBGROUP_REACH if h.start - _SUBGROUP_REACH > s else s
        if low is not None and low.find("with", a, h.start) < 0 and low.find("who", a, h.start) < 0:
            continue
        if _SUBGROUP_BEFORE.search(text, a, h.start):
            kept = [x for x in kept if x is not h]
    return kept


def sentence_outcome_rows(
    text: str,
    s: int,
    e: int,
    eps: list[Hit],
    drug_hits: list[Hit],
    registry: ArmRegistry,
    lex: EndpointLexicon,
    carry: str | None = None,
    context: list[str | None] | Callable[[], list[str | None]] | None = None,
    arms_out: list[str | None] | None = None,
    low: str | None = None,
    refs_read: dict | None = None,
    key_starts: list[int] | None = None,
) -> list[dict]:
    """Outcomes stated in the sentence text[s:e], as ``Outcome`` field dicts (in field order).
    ``eps``: the end points that start in the sentence (in text order); ``carry``: the last end
    point of the previous sentence (for "The hazard ratio was 0.62." after a PFS sentence);
    ``low``: the ``literal_safe`` lower-cased text (searches skip where their words are
    missing), or None; ``refs_read``: a per-document dict that keeps the sentence's plain
    ``arm_refs`` as (s, e) -> (registry, refs), for a later reader of the comparison under
    discussion (``refs`` are only read, never changed); ``key_starts``: the text's
    ``ratio_candidates`` (see ``parse_values``)."""
    values = parse_values(text, s, e, key_starts)
    if not values:
        return []
    # (after the values: a sentence without any needs no assumption test)
    assumption, modeled, respectively, from_to, every_arm, pooled = _SENTENCE_GATES.read(low, s, e)
    if assumption and _ASSUMPTION.search(text, s, e):
        return []
    out: list[tuple[Value, str, str]] = []  # value, endpoint, measure
    if eps:
        eps = _without_subgroup_endpoints(text, s, eps, low)
    needs_arms = False  # HR/OR and no values need no arm
    grades = None  # where grade qualifiers can start: only a sentence with AEs reads them
    if low is not None:
        for h in eps:
            if h.canonical == "AE":
                grades = _GradeStarts(low, s, e)
                break
    named = _ratio_endpoints_named_apart(text, e, values, eps) if eps else None
    zipped = (
        _endpoints_zipped(text, e, values, eps, _ArmsListed(text, drug_hits, registry, low))
        if respectively and len(eps) > 1
        else None
    )
    for v in values:
        if named and v.start in named:
            ep = named[v.start]
            assigned = _ratio_code(text, s, ep, v, low, grades), v.kind
        elif zipped and v.start in zipped:
            assigned = _endpoint_for(text, v, zipped[v.start], lex, s, carry, low, grades)
        else:
            assigned = _endpoint_for(text, v, eps, lex, s, carry, low, grades)
        if assigned is None:
            continue
        endpoint, measure = assigned
        if endpoint[:1] == "_":
            continue  # an end point outside the contract's list claimed this value
        if modeled and _modeled_value(text, s, v, endpoint, eps):
            continue
        if measure in _RATIOS and _factor_ratio(text, low, s, v, drug_hits):
            continue
        out.append((v, endpoint, measure))
        if measure not in _RATIOS:
            needs_arms = True
    if not out:
        return []
    if needs_arms:
        resp = respectively and _RESPECTIVELY.search(text, s, e) is not None
        refs = arm_refs(text, s, e, drug_hits, registry, split_weak=resp, low=low)
        if pooled and refs:
            refs = _without_pooled_lists(text, refs)
        if len(refs) == 1 and _choice_of_the_only_arm(text, refs[0], registry):
            refs = []
        if refs_read is not None and not resp:
            refs_read[s, e] = (registry, refs)
        added = addition_comparison(text, s, e, drug_hits, registry, low)
        arms = _attribute_arms(
            text, s, e, out, refs, context if context is not None else [], resp, added
        )
        if zipped and len({r.arm for r in refs}) < 2:
            _arm_endpoint_pairs(out, arms, zipped, refs[0].arm if refs else None)
        if from_to:
            _from_to_arms(text, s, e, out, arms, drug_hits, registry, low)
        if resp and refs:
            _duration_arms_respectively(text, out, arms, refs)
    else:
        arms = [None] * len(out)
    if len(out) >= 2:  # a shared P needs two rates (most sentences give one value)
        _share_rate_p(text, s, e, out, arms, low, refs if needs_arms else None)
    if arms_out is not None and needs_arms:  # internal arm names (a placebo-only group
        # included), in order; without ``needs_arms`` every value is an HR/OR, which has none
        arms_out.extend([a for a, (_, _, m) in zip(arms, out, strict=True) if m not in _RATIOS])
    sentence = text[s:e]
    if None in arms and every_arm:
        return _every_arm_rows(text, out, arms, registry, sentence)
    return [
        _row(v, endpoint, measure, arm, sentence)
        for (v, endpoint, measure), arm in zip(out, arms, strict=True)
    ]


# "The HR was 0.86 (95% CI ...) for progression-free survival and 0.83 (...) for overall
# survival", "hazard ratios were 0.62 and 0.70 for PFS and OS, respectively": a ratio whose end
# point is written after it, "for" right after its statistics bracket (a subgroup there, "for
# patients with ...", names none). "The HRs for PFS and OS were 0.62 and 0.70, respectively":
# a key naming as many end points as it has ratios zips them in order.
_FOR_AFTER_RATIO = re.compile(
    r"[\s)\]]*,?\s*(?:for|in\s+terms\s+of|with\s+respect\s+to)\s+(?:the\s+|both\s+)?"
)
_EP_LIST_JOIN = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+)(?:the\s+)?")


def _ratio_endpoints_named_apart(
    text: str, e: int, values: list[Value], eps: list[Hit]
) -> dict[int, Hit]:
    """The end point of each ratio in ``values`` named apart from its key, by the ratio's start:
    after it ("<ratio> for <end point>", a list "for A and B" zipped with as many listed ratios
    of one key) or as a "respectively" list inside its key. Empty for most sentences."""
    out: dict[int, Hit] = {}
    runs: dict[int, list[Value]] = {}
    for v in values:
        if v.kind in _RATIOS and v.key_start is not None:
            runs.setdefault(v.key_start, []).append(v)
    if not runs:
        return out  # (most sentences: no ratio with a key)
    for ks, run in runs.items():
        in_key = [h for h in eps if ks <= h.start and h.end <= run[0].start]
        if len(in_key) > 1:
            listed = _endpoint_list(text, eps, in_key[0].start)
            if len(listed) == len(run) == len(in_key) and _RESPECTIVELY.search(
                text, run[-1].end, e
            ):
                out.update(zip((v.start for v in run), listed, strict=True))
            continue
        if in_key:
            continue
        for k, v in enumerate(run):
            m = _FOR_AFTER_RATIO.match(text, v.ext_end, e)
            if m is None:
                continue
            listed = _endpoint_list(text, eps, m.end())
            if len(run) > 1 and k == len(run) - 1 and len(listed) == len(run):
                out.update(zip((w.start for w in run), listed, strict=True))
            elif listed:
                out[v.start] = listed[0]
    if not out:
        return out
    return {
        start: h
        for start, h in out.items()
        if h.canonical not in _RESPONSES or next(v.kind for v in values if v.start == start) != "HR"
    }


# "Median PFS and OS were 7.2 months (95% CI ...) and 15.1 months (...), respectively": a list
# of end points whose values follow in as long a "respectively" run shares them out in order;
# runs of as many values after it ("..., and 9.0 and 18.2 months in the IHC 3+ subgroup") too.
_LIST_TO_VALUES = 90  # most characters between the listed end points and their first value


class _ArmsListed:
    """Whether text[a:b] refers to two arms or more: "Median PFS and OS with A and B were 7.2
    and 5.1 months, respectively" pairs its run with the arms, the nearer list."""

    def __init__(self, text: str, drug_hits: list[Hit], registry: ArmRegistry, low: str | None):
        self.text, self.drug_hits, self.registry, self.low = text, drug_hits, registry, low

    def __call__(self, a: int, b: int) -> bool:
        refs = arm_refs(
            self.text, a, b, self.drug_hits, self.registry, split_weak=True, low=self.low
        )
        return len({r.arm for r in refs if r.arm is not None}) >= 2


def _endpoints_zipped(
    text: str, e: int, values: list[Value], eps: list[Hit], arms_listed: _ArmsListed
) -> dict[int, list[Hit]]:
    """For each value of a "respectively" run zipped with a list of end points before it, by
    the value's start: the sentence's end points less the list's other members (so the value
    is read against its own). Empty unless the run has exactly as many values as the list
    and no list of arms stands between them (``arms_listed``)."""
    for i, h in enumerate(eps):
        listed = _endpoint_list(text, eps, h.start)
        if len(listed) < 2:
            continue
        n = len(listed)
        after = [v for v in values if v.kind not in _RATIOS and v.start >= listed[-1].end]
        r = _RESPECTIVELY.search(text, listed[-1].end, e)
        if r is None or not after or after[0].start - listed[-1].end > _LIST_TO_VALUES:
            return {}
        run = [v for v in after if v.end <= r.start()]
        if not run or any(x.start < run[-1].start for x in eps[i + n :]):
            return {}  # another end point among the values
        if arms_listed(listed[-1].end, run[0].start):
            return {}  # "respectively" shares the run out among those arms
        others = [x for x in eps if x not in listed]
        out: dict[int, list[Hit]] = {}
        if len(run) != n:
            k = _compared_group_size(text, run, n)
            for j, v in enumerate(run if k else ()):
                out[v.start] = sorted(others + [listed[j // k]], key=_START)
            return out  # (empty for values of another count: arms, pairs)
        if len(after) % n:
            after = run
        for k, v in enumerate(after):
            out[v.start] = sorted(others + [listed[k % n]], key=_START)
        return out
    return {}


def _arm_endpoint_pairs(
    out: list[tuple[Value, str, str]],
    arms: list[str | None],
    zipped: dict[int, list[Hit]],
    arm: str | None,
) -> None:
    """ "Diarrhoea and rash occurred in 31% and 8%, respectively": a run zipped one value per
    listed end point (``_endpoints_zipped``) pairs with those events, not with the arms of the
    comparison under discussion: its values have the one arm the sentence names (``arm``), or
    none."""
    if len({tuple(h.start for h in hs) for hs in zipped.values()}) < len(zipped):
        return  # values of one end point compared ("7.2 vs 5.1 months and ..."): arms' values
    for i, (v, _, _) in enumerate(out):
        if v.start in zipped:
            arms[i] = arm


# "Median PFS and OS were 7.2 vs 5.1 months and 15.1 vs 12.0 months, respectively": a run of
# compared values per listed end point, each group's values joined by "vs" (the arms compared)
# and the groups by "and" or a comma.
_COMPARED_GAP = re.compile(r"\b(?:vs|versus|v|compared\s+(?:with|to))\b", re.I)
_GROUP_GAP = re.compile(r"(?:,|;|\band\b)")


def _compared_group_size(text: str, run: list[Value], n: int) -> int:
    """How many compared values each of ``n`` listed end points has in ``run`` (two or more,
    the same for each), or 0 when the run is no such equal groups."""
    if len(run) < 2 * n or len(run) % n:
        return 0
    k = len(run) // n
    for j in range(1, len(run)):
        gap = text[run[j - 1].ext_end : run[j].start]
        compared = _COMPARED_GAP.search(gap) is not None
        if compared == (j % k == 0) or (j % k == 0 and _GROUP_GAP.search(gap) is None):
            return 0
    return k


def _endpoint_list(text: str, eps: list[Hit], at: int) -> list[Hit]:
    """The end points listed from ``at`` on ("PFS, OS and ORR"): the one starting there and
    each joined to the one before by a comma or "and"."""
    i = next((k for k, h in enumerate(eps) if h.start == at), None)
    if i is None:
        return []
    listed = [eps[i]]
    for h in eps[i + 1 :]:
        m = _EP_LIST_JOIN.match(text, listed[-1].end, h.start)
        if m is None or m.end() != h.start:
            break
        listed.append(h)
    return listed


# "brain metastasis was an independent factor for PFS (HR=1.85 ...)": a multivariable model's
# factor, whose ratio is no treatment effect.
_INDEPENDENT_FACTOR = re.compile(
    r"\bindependent(?:ly)?\s+(?:(?:adverse|poor|favou?rable|unfavou?rable)\s+)?"
    r"(?:(?:prognostic|predictive|risk|protective)\s+)?(?:factors?|predictors?|indicators?)\b"
    r"|\bindependently\s+(?:associated|correlated)\s+with\b",
    re.I,
)
# Where the factor's subject starts: after "showed that", a comma or a colon.
_SUBJECT_START = re.compile(r"\bthat\s|[,:;]\s")
# A subject that names the randomised treatment without a drug ("treatment arm", "randomization
# to the experimental group"): its ratio is the treatment effect.
_TREATMENT_SUBJECT = re.compile(
    r"\b(?:(?:treatment|study|experimental|randomi[sz]ed)\s+(?:arms?|groups?|assignment|"
    r"allocation)|randomi[sz]ation|allocation)\b",
    re.I,
)
# A drug the patients had before the study ("prior pertuzumab"): a factor, not the treatment.
_PRIOR_BEFORE = re.compile(r"\b(?:prior|previous(?:ly)?|pretreated|pre-treated|earlier)\b", re.I)


def _factor_ratio(text: str, low: str | None, s: int, v: Value, drug_hits: list[Hit]) -> bool:
    """Whether ratio ``v`` follows "<subject> was an independent factor/predictor" in its
    sentence (from ``s``) and the subject names no treatment (no drug, or only one given
    before the study): a prognostic factor's ratio ("prior pertuzumab was an independent
    predictor of shorter PFS (HR=1.62"), not the treated arms' comparison."""
    if low is not None and low.find("independent", s, v.start) < 0:
        return False
    found = list(_INDEPENDENT_FACTOR.finditer(text, s, v.start))
    if not found:
        return False
    m = found[-1]
    a = s
    for head in _SUBJECT_START.finditer(text, s, m.start()):
        a = head.end()
    if _TREATMENT_SUBJECT.search(text, a, m.start()) is not None:
        return False  # "treatment arm was an independent predictor of IDFS (HR 0.81"
    for h in drug_hits:
        if a <= h.start < m.start() and _PRIOR_BEFORE.search(text, a, h.start) is None:
            return False  # "treatment with pyrotinib was an independent predictor"
        if m.end() <= h.start < v.start and _SUBJECT_START.search(text, m.end(), h.start):
            return False  # "(a model with age as independent factors), T-DM1 reduced ... (HR"
    return True


# "an increase in the 10-year OS rate from 75.2% to 84%": a change from the control's value to
# the experimental arm's (the values right before "to" and right after "from").
_FROM_TO_GATE = WordGate(("from",))
_FROM_BEFORE = search_from_end(re.compile(r"\bfrom\s+$", re.I))
_TO_GAP = re.compile(r"\s*(?:up\s+)?to\s+", re.I)


def _from_to_arms(
    text: str,
    s: int,
    e: int,
    out: list[tuple[Value, str, str]],
    arms: list[str | None],
    drug_hits: list[Hit],
    registry: ArmRegistry,
    low: str | None,
) -> None:
    """A change "from X to Y" of one end point whose two values got the same arm (the nearest
    reference, usually the drug added) in a design of two or more arms: X is the control's
    value, Y the experimental arm's. When the sentence says which drug was added ("the
    addition of trastuzumab ... from 75.2% to 84%") X takes the arm without it and Y the arm
    with it; otherwise neither is known, and both get arm null (null beats wrong). A change
    written with its own arm after it ("from 30% to 45% in the A arm") is that arm's."""
    if sum(1 for a in registry.arms if a.name) < 2:
        return
    pair: tuple[str | None, str | None] | None = None
    looked_up = False  # (the added drug is read once, for the first change only)
    for i in range(len(out) - 1):
        (a, ep_a, m_a), (b, ep_b, m_b) = out[i], out[i + 1]
        if m_a in _RATIOS or (ep_a, m_a) != (ep_b, m_b) or arms[i] is None:
            continue
        if arms[i] != arms[i + 1] or not _TO_GAP.fullmatch(text, a.ext_end, b.start):
            continue
        if _FROM_BEFORE.match(text, max(s, a.start - 8), a.start) is None:
            continue
        if _OWN_ARM_AFTER_CHANGE.match(text, b.ext_end, e):
            continue
        if not looked_up:
            pair, looked_up = added_drug_arms(text, s, e, drug_hits, registry, low), True
        if pair is not None and arms[i] in pair:
            arms[i], arms[i + 1] = pair[1], pair[0]
        else:
            arms[i] = arms[i + 1] = None


# A group phrase right after a change's second value: "from 30% to 45% in the A arm".
_OWN_ARM_AFTER_CHANGE = re.compile(
    r"\s*(?:in|with|among|for|of)\s+(?:the\s+|those\s+|patients\s+|pts\s+)", re.I
)


# "6 months vs 12 months of trastuzumab": arms told apart by duration alone, then their drug.
_DURATION = r"(?:\d+|one|two|three|six|nine|twelve)[\s-]*(?:months?|years?|weeks?)"
_DURATION_LIST = re.compile(
    r"(?<![\w-])"
    + _DURATION
    + r"(?:\s*(?:,|vs\.?|versus|or|and|,\s*and|,\s*or)\s*"
    + _DURATION
    + r")+\s+(?:of\s+)?(?:adjuvant\s+|neoadjuvant\s+)?$",
    re.I,
)
_DURATION_LIST_END = search_from_end(_DURATION_LIST)
_DURATION_ITEM = re.compile(_DURATION, re.I)


def _choice_of_the_only_arm(text: str, ref: ArmRef, registry: ArmRegistry) -> bool:
    """Whether ``ref`` names the design's only arm by its choice of drugs ("patients treated
    with docetaxel or paclitaxel with trastuzumab had a median PFS of 12.1 months", a cohort
    given either taxane): the value pools the choices, a whole-population value (no arm)."""
    if " or " not in text[ref.start : ref.end]:
        return False
    return sum(1 for a in registry.arms if not a.special) == 1


def _duration_arms_respectively(
    text: str, out: list[tuple[Value, str, str]], arms: list[str | None], refs: list[ArmRef]
) -> None:
    """ "4-year DFS for 6 months vs 12 months of trastuzumab was 89.4% and 89.8%,
    respectively": the listed durations are arms of one regimen (a design whose arms differ
    only in duration names both by that regimen, see the duration groups of ``arms.py``), so
    each listed value takes the regimen's arm; reading the one reference as the first value's
    only gave the second arm null."""
    for r in refs:
        if r.arm is None:
            continue
        a = max(0, r.start - 80)
        if _DURATION_LIST_END.match(text, a, r.start) is None:
            continue
        m = _DURATION_LIST.search(text, a, r.start)  # where the list starts (it matches)
        if m is None:
            continue
        n = len(_DURATION_ITEM.findall(text, m.start(), m.end()))
        idx = [i for i, (_, _, meas) in enumerate(out) if meas not in _RATIOS]
        if len(idx) != n or len({out[i][1:] for i in idx}) != 1:
            return
        if all(arms[i] in (None, r.arm) for i in idx):
            for i in idx:
                arms[i] = r.arm
        return


# A model's output, not an observed result: "the modeled median PFS", "model-predicted OS",
# "... projected to reach 60 months" (cost-effectiveness and simulation studies). Not "the
# projected 5-year DFS" before an end point: older trials so name Kaplan-Meier estimates.
_MODELED_GATE = WordGate(("model", "project", "simulat", "extrapolat"))
_MODELED_BEFORE_EP = re.compile(
    r"\b(?:modell?ed|simulated|extrapolated|model[- ](?:predicted|estimated|based))"
    r"\s+(?:(?:the|median|mean|\d+-(?:year|month)|overall|estimated)\s+){0,2}$",
    re.I,
)
_PROJECTED_TO = re.compile(
    r"\b(?:projected|extrapolated|modell?ed|simulated)\s+to\s+(?:reach|be|exceed|approach)\s+"
    r"(?:(?:approximately|about|nearly|around)\s+)?$",
    re.I,
)


def _modeled_value(text: str, s: int, v: Value, endpoint: str, eps: list[Hit]) -> bool:
    """Whether value ``v`` (read as ``endpoint``) is a model's estimate: the value follows
    "projected to reach", or the last end-point mention of that code before it is qualified
    "modeled"/"simulated"/"model-predicted" (as design assumptions, no results)."""
    if _PROJECTED_TO.search(text, max(s, v.start - 40), v.start):
        return True
    last = next((h for h in reversed(eps) if h.end <= v.start and h.canonical == endpoint), None)
    return (
        last is not None
        and _MODELED_BEFORE_EP.search(text, max(s, last.start - 50), last.start) is not None
    )


# "12.9 months in both groups", "40% of patients in all three arms": one value stated for every
# arm of the comparison.
_EVERY_ARM_GATE = WordGate(
    ("both", "all", "either", "each", "the two", "the three", "the four", "the 2", "the 3", "the 4")
)
# "(of the patients) in": between a value and the group it was measured in.
_OF_PATIENTS = r"(?:of\s+(?:the\s+)?(?:patients|pts|participants|women)\s+)?"
_OF_PATIENTS_IN = _OF_PATIENTS + r"in\s+"
# "the two groups combined", "the two groups defined by HR status": the arms pooled, or
# subgroups of the population, not each arm of the design.
_NOT_THE_ARMS = r"(?:combined|pooled|together|defined|according|stratified|based|by)\b"
_IN_EVERY_ARM = re.compile(
    r"\s*"
    + _OF_PATIENTS_IN
    + r"(?:(?:both|all\s+(two|three|four|2|3|4)|the\s+(two|three|four|2|3|4))"
    r"(?:\s+(?:the|treatment|study))?\s+(?:groups|arms)(?!\s+" + _NOT_THE_ARMS + r")"
    # "median OS was not reached in either arm": each arm's value, as "in both arms"
    r"|either\s+(?:treatment\s+)?(?:group|arm)"
    # "in 1% of patients in each group": every arm of the design, however many it has
    r"|(each)\s+(?:treatment\s+|study\s+)?(?:group|arm))\b",
    re.I,
)
# "12% in the A and B arms combined", "in the A and B groups pooled": a value over the listed
# arms together is a whole-population value; the list (plural group word, then "combined",
# "pooled" or "together", not "... with") names no arm of it.
_POOLED_GATE = WordGate(("combined", "pooled", "together"))
_POOLED_AFTER = re.compile(r"\s+(?:combined|pooled|together)\b(?!\s+with\b)", re.I)
_PLURAL_GROUP_END = re.compile(r"\b(?:arms|groups|cohorts)\Z", re.I)


def _without_pooled_lists(text: str, refs: list[ArmRef]) -> list[ArmRef]:
    """``refs`` without each list of arms pooled by a following "combined" (and the list's
    earlier members: "the A and B arms combined" drops A and B)."""
    drop: set[int] = set()
    for j, r in enumerate(refs):
        if not _POOLED_AFTER.match(text, r.end) or not _PLURAL_GROUP_END.search(
            text, r.start, r.end
        ):
            continue
        drop.add(j)
        k = j
        while (
            r.in_list and k > 0 and refs[k - 1].in_list and _in_one_list(text, refs[k - 1], refs[k])
        ):
            k -= 1
            drop.add(k)
    return [r for j, r in enumerate(refs) if j not in drop] if drop else refs


_LIST_LINK = re.compile(r"(?:\s+alone)?\s*(?:,\s*(?:and\s+)?|\s+and\s+)(?:the\s+)?", re.I)


def _in_one_list(text: str, a: ArmRef, b: ArmRef) -> bool:
    """Whether references ``a`` and ``b`` are neighbours of one "A, B and C" list."""
    return _LIST_LINK.fullmatch(text, a.end, b.start) is not None


_COUNT = {"two": 2, "three": 3, "four": 4, "2": 2, "3": 3, "4": 4}


def _every_arm_rows(
    text: str,
    out: list[tuple[Value, str, str]],
    arms: list[str | None],
    registry: ArmRegistry,
    sentence: str,
) -> list[dict]:
    """The rows of a sentence where a value with no arm is stated "in both groups" / "in all
    three arms": one row per arm (same value, CI, P and offsets), when the registry defined
    exactly that many arms; otherwise (and for every other value) one row as usual."""
    rows: list[dict] = []
    for (v, endpoint, measure), arm in zip(out, arms, strict=True):
        every = None
        if arm is None and measure not in _RATIOS:
            m = _IN_EVERY_ARM.match(text, v.ext_end)
            if m is not None:
                names = _every_group_arm(registry)
                n = _every_arm_count(m, len(names))
                if len(names) == n and all(names):
                    every = names
        for a in every or (arm,):
            rows.append(_row(v, endpoint, measure, a, sentence))
    return rows


def _every_group_arm(registry: ArmRegistry) -> list[str | None]:
    """The arm of each group of the design: one per arm, or, when the groups differ only in
    duration ("12 or 24 weeks of A"), the one regimen's arm once per group."""
    names = [a.name for a in registry.arms]
    if len(names) == 1 and registry.duration_groups > 1:
        return names * registry.duration_groups
    return names


def _every_arm_count(m: re.Match[str], n_arms: int) -> int:
    """How many arms an ``_IN_EVERY_ARM`` match names: the number written ("all three arms",
    "the two groups"),
    two for "both"/"either", and for "each group" every arm the design defined (two or more:
    "each" of a single-arm design names no comparison)."""
    written = m.group(1) or m.group(2)  # "all three arms", "the two groups"
    if written:
        return _COUNT[written.lower()]
    if m.group(3):
        return n_arms if n_arms >= 2 else -1
    return 2


_RATIOS = ("HR", "OR")


def _row(v: Value, endpoint: str, measure: str, arm: str | None, sentence: str) -> dict:
    """The ``Outcome`` fields of one value, in the dataclass's field order."""
    if measure in _RATIOS:  # a ratio has no arm and no unit
        arm_name = unit = None
    else:
        arm_name = output_arm(arm)
        unit = (v.unit or "months") if measure == "median" else "%"
    return {
        "endpoint": endpoint,
        "arm": arm_name,
        "measure": measure,
        "value": v.value,
        "unit": unit,
        "ci_low": v.ci_low,
        "ci_high": v.ci_high,
        "p": v.p,
        "sentence": sentence,
        "start": v.start,
        "end": v.end,
    }


_DEATH = re.compile(r"\bdeath\b", re.I)
_NOT_DEATH_ONLY = re.compile(r"progress|recurrence|relapse|invasive|disease", re.I)


# "The risk of death was reduced by 42% (HR, 0.58; ...)": the ratio's event is death, named
# before its key with no end point between (not "the risk of death or progression").
# "There were 125 deaths (5.2%) in the A arm and 147 (6.1%) in the B arm (HR, 0.85; ...)": deaths
# counted, not deaths of one cause ("deaths from breast cancer", "treatment-related deaths").
_RISK_OF_DEATH = re.compile(
    r"\brisk\s+of\s+death\b(?!\s+or\b)|(?<![\w-])(?<!related\s)(?<!toxic\s)(?<!fatal\s)deaths\b"
    r"(?!\s+(?:from|due|related|attribut|caused|of\s+(?:breast|cancer|unknown)|or\b))",
    re.I,
)
_RISK_OF_DEATH_GATE = WordGate(("death",))


def _risk_of_death_before(text: str, eps: list[Hit], s: int, ks: int, low: str | None) -> bool:
    """Whether the ratio keyed at ``ks`` is about "the risk of death" named before it in its
    sentence (from ``s``) with no end point after that phrase: an OS hazard ratio, which would
    otherwise take the previous sentence's end point (CNS-PFS) or an earlier one."""
    return (
        _event_named_before(_RISK_OF_DEATH, _RISK_OF_DEATH_GATE, text, eps, s, ks, low) is not None
    )


def _event_named_before(
    pattern: re.Pattern[str],
    gate: WordGate,
    text: str,
    eps: list[Hit],
    s: int,
    end: int,
    low: str | None,
) -> re.Match[str] | None:
    """The last ``pattern`` match (an event phrase) in ``text[s:end]`` with no end point from
    it to ``end``, or None (``gate``: the phrase's words, asked first)."""
    if not gate.may_hold(low, s, end):
        return None
    last = last_match(pattern, text, s, end)
    if last is None or any(last.start() <= h.start < end for h in eps):
        return None
    return last


# "The risk of invasive disease or death was lower with A than with B (hazard ratio, 0.54; ...)",
# "(hazard ratio for invasive disease recurrence or death, 0.50)": the composite event of
# invasive disease-free survival named before the ratio with no end point between (KATHERINE's
# 8-year report) is the IDFS ratio; without this the ratio found no end point and was lost.
# Ratios only: "invasive disease or death had occurred in 91 patients (12.2%)" is a count.
_INVASIVE_OR_DEATH = re.compile(
    r"\binvasive[\s-]+(?:breast[\s-]+cancer|disease)(?:\s+(?:recurrence|event))?"
    r"\s+or\s+death\b",
    re.I,
)
_INVASIVE_GATE = WordGate(("invasive",))


def _invasive_event_before(text: str, eps: list[Hit], s: int, v: Value, low: str | None) -> bool:
    """Whether ratio ``v`` follows "invasive disease ... or death" in its sentence (from ``s``)
    with no end point between that phrase and the value (see above)."""
    last = _event_named_before(_INVASIVE_OR_DEATH, _INVASIVE_GATE, text, eps, s, v.start, low)
    return last is not None and not _ratio_of_other_event(text, last.start(), v)


# "the hazard ratio for locoregional recurrence was 0.60": a key naming an event of its own.
_KEY_FOR_EVENT = re.compile(r"\bfor\s+\w", re.I)


def _ratio_of_other_event(text: str, a: int, v: Value) -> bool:
    """Whether ratio ``v`` is not the one of the invasive-disease phrase at ``a``: its key names
    an event of its own after the phrase ("...; the hazard ratio for locoregional recurrence was
    0.60"), or a clause break outside brackets stands between them ("..., and the hazard ratio
    for central nervous system recurrence was 1.20")."""
    ks = v.key_start
    if ks is not None and ks > a and v.key_text and _KEY_FOR_EVENT.search(v.key_text):
        return True
    return _clause_break_unbracketed(text, a, ks if ks is not None and ks > a else v.start)


# "reduced the risk of a DFS event (hazard ratio 0·76, ...) and of death (0·74, 0·64-0·86)":
# a ratio listed in its own bracket right after "and of death" is the OS ratio, though its key
# (the first ratio's) follows the DFS end point.
_AND_OF_DEATH_END = re.compile(r"\band\s+(?:of|for)\s+(?:all-cause\s+)?death\s*[(\[]\s*\Z", re.I)


def _death_ratio_listed(text: str, v: Value) -> bool:
    """Whether the ratio ``v`` stands right after "and of death (" (see above)."""
    a = v.start - 32 if v.start > 32 else 0
    return "death" in text[a : v.start] and _AND_OF_DEATH_END.search(text, a, v.start) is not None


def _endpoint_for(
    text: str,
    v: Value,
    eps: list[Hit],
    lex: EndpointLexicon,
    s: int,
    carry: str | None,
    low: str | None = None,
    grades: _GradeStarts | None = None,
) -> tuple[str, str] | None:
    """(end point, measure) of value ``v`` from the sentence's end points ``eps`` (text order,
    not overlapping, so also in order of their ends), or None. ``grades``: the sentence's
    ``_GradeStarts``, if it has them."""
    kind = v.kind
    if kind in _RATIOS:
        ks = v.key_start
        for h in reversed(eps):
            if ks <= h.start and h.end <= v.start and not _subgroup_of_listed_ratio(text, h, v):
                # an end point inside "hazard ratio for PFS, 0.6"; a response has no hazard:
                # "PFS (HR 0.62 ...) and objective response rate (1.90, ...)" lists an odds
                # ratio whose kind the text does not say, so it is not read
                if kind == "HR" and h.canonical in _RESPONSES:
                    return None
                return _ratio_code(text, s, h, v, low, grades), kind
        if _DEATH.search(v.key_text) and not _NOT_DEATH_ONLY.search(v.key_text):
            return "OS", kind
        if ks is not None and _risk_of_death_before(text, eps, s, ks, low):
            return "OS", kind
        if _death_ratio_listed(text, v):
            return "OS", kind
        if kind == "HR" and _invasive_event_before(text, eps, s, v, low):
            return "IDFS", kind
        ok = TIME_TO_EVENT if kind == "HR" else None
        ep = _last_before(eps, ks if ks is not None else v.start, ok)
        if ep is not None:
            return _ratio_code(text, s, ep, v, low, grades), kind
        if (
            carry
            and (ok is None or carry in ok)
            and not _own_event_before(eps, ks, v.start)
            and not _own_unlisted_time_to_event(text, low, s, v.start)
        ):
            return carry, kind
        return None
    # Population descriptors ("in hormone receptor-positive disease") only claim values that
    # come before them ("494 (88.7%) had hormone receptor-positive disease").
    anchor = v.key_start if v.key_start is not None else v.start
    if kind == "time":
        ep = _last_before(eps, anchor, TIME_TO_EVENT)
        if ep is None:
            return None
        blocked = _other_time_between(eps, ep, anchor) or (
            _finds(_NOT_OUTCOME, _NOT_OUTCOME_LOW, text, low, ep.end, v.start)
            and not _blockers_qualify_earlier_values(text, ep.end, v.start)
            and not _blockers_are_age_bounds(text, ep.end, v.start)
        )
        if blocked and not _median_relabelled(text, low, eps, ep, v.start):
            return None
        a = ep.start - 12 if ep.start - 12 > s else s  # (no max() call: hot path)
        if _finds(_MEAN_BEFORE, _MEAN_BEFORE_LOW, text, low, a, ep.start):
            return None
        if _time_point(text, s, ep, v):
            return None
        if _gain_in_median(text, low, s, ep) and not _compared_times(text, ep, v):
            return None
        return ep.canonical, "median"
    # percentages: a crossover share, a relative change or a gain between arms is no rate. One
    # gate over the window of all three tests (in 9 rates of 10 none of their words is near).
    if _NOT_A_RATE_GATE.may_hold(low, v.start - 40 if v.start - 40 > s else s, v.ext_end + 80):
        if _CROSSOVER_GATE.may_hold(low, v.ext_end, v.ext_end + 80) and _crossover_share(text, v):
            return None
        if _CHANGE_GATE.may_hold(low, v.ext_end, v.ext_end + 24) and _CHANGE_AFTER.match(
            text, v.ext_end
        ):
            return None
        if _absolute_gain(text, low, s, v):
            return None
    diff_from = v.start - 60 if v.start - 60 > s else s
    if _DIFFERENCE_GATE.may_hold(low, diff_from, v.start) and _difference_between_arms(text, s, v):
        return None
    by_from = v.start - 20 if v.start - 20 > s else s  # (no max() call: hot path)
    if text.find("by ", by_from, v.start) >= 0 and _change_by_percent(text, s, v):
        return None
    # (asked before the end point is looked for: "The pCR rate was 37.9%, and 227 patients
    # (79.6%) were PET responders" names its end point before the share)
    if _responder_share(text, low, v):
        return None
    ep = _last_before(eps, anchor, None)
    if ep is None or _object_of_own_participle(text, eps, v):
        ep = _first_after(eps, v.ext_end, 60) or _verb_object_after(text, eps, v.ext_end)
        if ep is None or ep.canonical in TIME_TO_EVENT or _next_clause(text, v.ext_end, ep.start):
            return None
        if ep.canonical in SAFETY:
            if _free_of_event(text, v.ext_end, ep.start) or _share_of_events(text, low, s, v):
                return None
            code = (
                _grade_code(text, s, ep, v, low, grades) if ep.canonical == "AE" else ep.canonical
            )
            if code == "AE" and _grade3_between(text, v.ext_end, ep.start, low):
                code = "AE_G3"
            return code, "incidence"
        return ep.canonical, "rate"
    code = ep.canonical
    if code in SAFETY:
        if _cause_of_other(text, eps, ep) or _share_of_events(text, low, s, v):
            return None
        if code == "AE":
            code = _grade_code(text, s, ep, v, low, grades)
        return code, "incidence"
    if (
        _finds(_NOT_OUTCOME, _NOT_OUTCOME_LOW, text, low, ep.end, v.start)
        and not _opens_compared(text, v)
        and not _blockers_are_age_bounds(text, ep.end, v.start)
    ):
        return None
    if _death_rate_between(text, low, ep.end, v.start):
        return None
    # "At 3 years, IDFS events occurred in 7.1% vs 8.7%": a share of events is no survival
    # rate, however it is dated.
    if code in TIME_TO_EVENT and _EVENTS_OF_ENDPOINT.match(text, ep.end):
        return None
    if (
        code in TIME_TO_EVENT
        and not _dated(text, low, max(s, ep.start - 60), v.start, ep.end)
        and not _opens_with_landmark(text, s, ep.start)
        and not _pair_dated_after(text, v)
        and not _stated_at_landmark(text, ep, v)
    ):
        return None
    return code, "rate"


# "IDFS was 92.3% at a median of 3 years": the time after "at/after a median (follow-up) of"
# is how long patients were followed, not a median of the end point.
_AT_A_MEDIAN_OF = re.compile(
    r"\b(?:at|after)\s+a\s+median(?:\s+follow[\s-]*up)?(?:\s+(?:time|duration|period))?"
    r"\s+of\s*$",
    re.I,
)
# "Median DFS was not reached; 3 months after surgery, ...": a time opening its clause and
# followed by "after/before" is a time point. (Not when the mark follows the end point itself:
# "median OS, 28.5 months after randomisation", "Median PFS: 18.5 months after ..." label it.)
_TIME_POINT_NEXT = re.compile(r"\s+(?:after|before|post)\b", re.I)


def _time_point(text: str, s: int, ep: Hit, v: Value) -> bool:
    """Whether time ``v`` (read for end point ``ep``) is a follow-up (``_AT_A_MEDIAN_OF``) or
    a clause-opening time point ("; 3 months after surgery,"), not a result."""
    a = v.start - 40 if v.start - 40 > s else s
    if text.find("median", a, v.start) >= 0 and _AT_A_MEDIAN_OF.search(text, a, v.start):
        return True
    if _TIME_POINT_NEXT.match(text, v.ext_end) is None:  # (anchored: cheap)
        return False
    k = v.start
    while k > s and text[k - 1].isspace():
        k -= 1
    if k == s:
        return True
    return text[k - 1] in ";,:" and text[ep.end : k - 1].strip() != ""


def _ratio_code(
    text: str, s: int, ep: Hit, v: Value, low: str | None, grades: _GradeStarts | None
) -> str:
    """The end point of a ratio of event ``ep``: an adverse event's is graded as its rates are
    ("Grade ≥3 diarrhoea was more frequent (OR 3.10, ...)" is AE_G3)."""
    if ep.canonical != "AE":
        return ep.canonical
    code = _grade_code(text, s, ep, v, low, grades)
    # "Diarrhoea of any grade and of grade >=3 was more frequent (OR 3.20, ...)": one ratio for
    # both grades is AE (as a carried rate is). Only since the last bracket closed: "any-grade
    # diarrhoea (OR 4.10) and grade 3 or worse diarrhoea (OR 2.50)" grades each of its own.
    if code == "AE_G3":
        since = max(s, text.rfind(")", s, v.start))
        if _ANY.search(text, since, v.start) is not None:
            return "AE"
    return code


# "a longer duration of response (...), a lower rate of death at 1 year (22 percent vs. 33
# percent)": a rate of death named after the end point is that rate, no rate of the end point.
# Not a composite event ("the rate of death or progression") nor a bracket defining the end
# point ("overall survival (all-cause mortality) rate").
_DEATH_RATE = re.compile(
    r"\b(?:rates?\s+of\s+(?:(?!or\b|and\b)[\w-]+\s+)?death|death\s+rates?|mortality)\b"
    r"(?!\s+(?:or|and)\s+(?:disease\s+)?(?:progression|recurrence|relapse))",
    re.I,
)
_DEATH_RATE_GATE = WordGate(("death", "mortality"))


def _death_rate_between(text: str, low: str | None, a: int, b: int) -> bool:
    """Whether a rate of death is named in ``text[a:b]`` (between an end point and its value),
    outside the brackets opened there."""
    if not _DEATH_RATE_GATE.may_hold(low, a, b):
        return False
    return any(
        text.count("(", a, m.start()) <= text.count(")", a, m.start())
        for m in _DEATH_RATE.finditer(text, a, b)
    )


# "median follow-up of 38 months": the time a follow-up phrase ends with is no landmark.
_FOLLOW_UP_BEFORE = re.compile(
    r"follow[\s-]*up(?:\s+(?:time|period|duration))?\s+(?:of|was|is)\s+$", re.I
)


def _dated(text: str, low: str | None, a: int, b: int, ep_end: int) -> bool:
    """Whether text[a:b] holds a landmark ("3-year", "at 24 months", "rate"). The length of a
    follow-up dates a rate ("At a median follow-up of 8 years, IDFS was 88%") but not a share
    of events (the end point's "events" before the value, ending at ``b``: "At a median
    follow-up of 38 months, IDFS events occurred in 8%" is no IDFS rate)."""
    pattern, hay = (_LANDMARK, text) if low is None else (_LANDMARK_LOW, low)
    events: bool | None = None  # read only when a follow-up length is found
    for m in pattern.finditer(hay, a, b):
        if not _FOLLOW_UP_BEFORE.search(text, max(0, m.start() - 30), m.start()):
            return True
        if events is None:
            events = _names_events(text, ep_end, b)
        if not events:
            return True
    return False


# The end point's own events right after it ("IDFS events", "DFS-events"); an "n=36 events" in
# an earlier value's bracket is no share of events.
_EVENTS_OF_ENDPOINT = re.compile(r"[\s-]*events?\b", re.I)


def _names_events(text: str, ep_end: int, b: int) -> bool:
    """Whether the end point's "events" stand between it (ending at ``ep_end``) and its value
    at ``b``: "IDFS events occurred in 7.1% vs 8.7% at 3 years" shares events, no IDFS rate."""
    return "event" in text[ep_end:b].lower()


# "At 3 years, EFS was 92.7% vs 93.6% (HR 0.90, 95% CI 0.50-1.63), and overall survival was
# 97.7% vs 98.2%": a landmark opening the sentence dates every rate in it, however far on.
_LANDMARK_OPENING = re.compile(
    r"\s*(?:[A-Z][a-z]+:\s*)?(?:at|by)\s+(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten)"
    r"[\s-]*(?:years?|yrs?|months?)\s*,",
    re.I,
)


# "DFS was 92.3% vs 83.5% at 3 years", "... 92.3% and 83.5% at 5 years, respectively": a
# landmark right after a compared pair of rates dates both. A pair only: one value's "at 3
# years" may be when something else happened.
_PAIR_LINK = r"\s*,?\s*(?:vs\.?|versus|and|compared\s+with)\s+"
_BRACKET_AFTER = r"(?:\s*[(\[][^()\[\]]*[)\]])?"
_LANDMARK_TAIL = (
    _BRACKET_AFTER + r"\s*,?\s*(?:at|after)\s+(?:\d+|one|two|three|four|five|six|seven|eight|nine"
    r"|ten)[\s-]*(?:years?|yrs?|y|months?|mo)\b"
)
# (a value's extent stops inside its bracket: "94.1% (95% CI, 92.0-95.6) vs ...")
_CLOSER = r"[)\]]?"
_NEXT_THEN_LANDMARK = re.compile(
    _CLOSER + _PAIR_LINK + r"\d+(?:[.·]\d+)?\s*%" + _LANDMARK_TAIL, re.I
)
_LANDMARK_NEXT = re.compile(_CLOSER + _LANDMARK_TAIL, re.I)
# "IDFS was 92.3% at 3 years in the A group and 90.6% in the B group": the landmark right after
# the first value of a pair dates both (the group phrase between holds no number or clause end).
_LANDMARK_THEN_NEXT = re.compile(
    _CLOSER + _LANDMARK_TAIL + r"[^\d%;.()\[\]]{0,50}?" + _PAIR_LINK + r"\d+(?:[.·]\d+)?\s*%",
    re.I,
)
_PAIRED_BEFORE = re.compile(r"\d\s*%" + _BRACKET_AFTER + _PAIR_LINK + r"\Z", re.I)
_PAIR_REACH = 80  # characters a value's bracket (its CI and P) and the link may take


def _pair_dated_after(text: str, v: Value) -> bool:
    """Whether rate ``v`` is one of a compared pair with a landmark right after the pair."""
    after = text[v.ext_end : v.ext_end + _PAIR_REACH]
    if "at " not in after and "after " not in after:  # (cheap gate: most rates have neither)
        return False
    if _NEXT_THEN_LANDMARK.match(text, v.ext_end) is not None:
        return True
    if _LANDMARK_THEN_NEXT.match(text, v.ext_end) is not None:
        return True
    return (
        _LANDMARK_NEXT.match(text, v.ext_end) is not None
        and _PAIRED_BEFORE.search(text, max(0, v.start - _PAIR_REACH), v.start) is not None
    )


# "IDFS was 92.3% at 3 years", "overall survival of 89.1% (95% CI ...) after 5 years": the end
# point, a copula, its one value, then the landmark: the time can only be the rate's own.
_COPULA = re.compile(r"\s*(?:rates?\s+)?(?:was|were|is|of|reached)\s+", re.I)
# ("at 3 years of treatment" times the treatment, not the rate; "of follow-up" is the rate's)
_OWN_LANDMARK_NEXT = re.compile(
    _CLOSER
    + _LANDMARK_TAIL
    + r"(?![\s-]+(?:on|into)\b|[\s-]+of\s+(?!(?:median\s+|the\s+)?follow[\s-]*up\b))",
    re.I,
)


def _stated_at_landmark(text: str, ep: Hit, v: Value) -> bool:
    """Whether rate ``v`` is stated for end point ``ep`` ("IDFS was 92.3%") with a landmark
    right after it ("at 3 years"): dated, though it is one value (unlike a value further from
    its end point, whose "at 3 years" may time something else)."""
    return (
        v.start - ep.end <= 16
        and _COPULA.fullmatch(text, ep.end, v.start) is not None
        and _OWN_LANDMARK_NEXT.match(text, v.ext_end) is not None
    )


def _opens_with_landmark(text: str, s: int, pos: int) -> bool:
    """Whether sentence ``s`` opens with "At 3 years," (a section label may precede it) before
    ``pos``."""
    return _LANDMARK_OPENING.match(text, s, pos) is not None


# "improved PFS with a 24% relative risk reduction (HR, 0.76; ...; median, 5.8 [95% CI, ...]
# months vs 4.9 months)": a "median" label opening a clause after the change words names the
# times after it as the end point's medians again (JAMA's bracketed summary of a comparison).
_MEDIAN_GATE = WordGate(("median",))
_MEDIAN_LABEL = re.compile(r"[;(\[]\s*medians?\s*[,:=]?\s*(?:\d|\Z)", re.I)


# A bracket opening right after a number (and its unit): it qualifies that number ("10.6 months
# (range, 1.1+ to 16.5+)").
_BRACKET_AFTER_VALUE = re.compile(r"\d(?:\s*(?:months?|weeks?|years?|%))?\s*$")


def _blockers_qualify_earlier_values(text: str, a: int, b: int) -> bool:
    """Whether every follow-up/range word (``_NOT_OUTCOME``) in text[a:b] sits in a bracket that
    an earlier value opens and that closes before ``b``: "10.6 months (range, 1.1+ to 16.5+) with
    X and 9.5 months with Y" — the range is the first median's, the second is still a median."""
    for m in _NOT_OUTCOME.finditer(text, a, b):
        opened = max(text.rfind("(", a, m.start()), text.rfind("[", a, m.start()))
        if opened < 0:
            return False
        close = ")" if text[opened] == "(" else "]"  # "(range, ...)" or "[range, ...]"
        if text.find(close, opened, m.start()) >= 0:
            return False
        closed = text.find(close, m.end(), b)
        if closed < 0 or not _BRACKET_AFTER_VALUE.search(text, max(a, opened - 12), opened):
            return False
    return True


# "in patients aged >= 65 years", "aged 65 years or older", "age < 65": an age bound that
# names a subgroup, its number written with it (not "median age 55 years", which is the value).
_AGE_BOUND = re.compile(
    r"\s*(?:(?:[<>≤≥]=?|&[lg]t;|over|under|at\s+least|(?:more|less|younger|older)\s+than)\s*)?"
    r"\d+(?:\s*[-–]\s*\d+)?\s*(?:years?|yrs?|y\b)?"
    r"(?:\s+(?:or|and)\s+(?:older|over|above|younger|under|below|more))?",
    re.I,
)


def _blockers_are_age_bounds(text: str, a: int, b: int) -> bool:
    """Whether every follow-up/age word (``_NOT_OUTCOME``) in text[a:b] is "age(d)" followed by
    its own bound that ends before ``b`` ("Median OS in patients aged >= 65 years was 30.1
    months"): a subgroup's qualifier, not the value's meaning."""
    if text.find("age", a, b) < 0:
        return False
    for m in _NOT_OUTCOME.finditer(text, a, b):
        if m.group().lower() not in ("age", "aged"):
            return False
        bound = _AGE_BOUND.match(text, m.end(), b)
        if bound is None or not text[bound.end() : b].strip():
            return False
    return True


def _median_relabelled(text: str, low: str | None, eps: list[Hit], ep: Hit, b: int) -> bool:
    """Whether a clause-opening "median" label with its number stands between time-to-event end
    point ``ep`` and the time at ``b``, after the last change or follow-up word (``_NOT_OUTCOME``)
    and after every end point outside the list there, each of which is itself such a change
    ("relative risk reduction"), not a time of its own ("time to response") (see above)."""
    a = ep.end
    if not _MEDIAN_GATE.may_hold(low, a, b):
        return False
    label = last_match(_MEDIAN_LABEL, text, a, b)
    if label is None or _NOT_OUTCOME.search(text, label.start(), b):
        return False
    return not any(
        a <= h.start
        and h.end <= b
        and h.canonical == "_other"
        and (h.end > label.start() or not _NOT_OUTCOME.search(h.text))
        for h in eps
    )


# "with an extension in median OS of 5.5 months", "an improvement in median PFS of 3 months": the
# time is a difference between the arms' medians, not a median.
_GAIN_WORDS = ("extension", "improvement", "gain", "prolongation", "increase", "difference")
_GAIN_GATE = WordGate(_GAIN_WORDS)
_GAIN_BEFORE = re.compile(
    r"\b(?:" + "|".join(_GAIN_WORDS) + r")s?\s+(?:in|of)\s+(?:the\s+)?(?:median\s+)?\Z", re.I
)


def _gain_in_median(text: str, low: str | None, s: int, ep: Hit) -> bool:
    """Whether the time after end point ``ep`` is a gain in the median ("an extension in
    median OS of 5.5 months"; "prolonged median PFS by 2.9 months" is no value already)."""
    a = ep.start - 40 if ep.start - 40 > s else s
    return (
        _GAIN_GATE.may_hold(low, a, ep.start) and _GAIN_BEFORE.search(text, a, ep.start) is not None
    )


# A "vs" word joining ``v`` to the next number ("36.4 v 25.1", "18.5 months with A versus 12.4"):
# only words and brackets between, none of them a ratio key ("6.1 months versus placebo (HR
# 0.62)" compares no times). _VS_BEFORE: a "vs" word right before ``v``, after a number.
_VS_NEXT = re.compile(
    r"(?:[^\d()]|\([^()]*\)){0,60}?\b(?:vs\.?|versus|v\.?|compared\s+(?:with|to))\s+(?=\d)",
    re.I,
)
_VS_BEFORE = re.compile(
    r"\d(?:[^\d()]|\([^()]*\))*?\b(?:vs\.?|versus|v\.?|compared\s+(?:with|to))\s*\Z", re.I
)


def _compared_times(text: str, ep: Hit, v: Value) -> bool:
    """Whether time ``v`` is one of compared medians ("improvements in TTP (median, 36.4 v 25.1
    weeks)"): each arm's own median, not a gain between them. A "vs" word must join ``v`` to
    another number: in "an improvement in median PFS versus placebo of 6.1 months" (or "..., 6.1
    months, 18.5 vs 12.4 months") 6.1 is still the gain."""
    return (
        _VS_NEXT.match(text, v.ext_end) is not None
        or _VS_BEFORE.search(text, ep.end, v.start) is not None
    )


# "a 16% reduction in the hazard", "a 4% relative reduction with B": a relative change, which is
# no result of the end point named before it (the gold conventions keep these out).
_CHANGE_WORDS = ("reduc", "decrease", "relative", "lower")
_CHANGE_GATE = WordGate(_CHANGE_WORDS)
_CHANGE_AFTER = re.compile(
    r"\s*(?:relative\s+|proportional\s+)?(?:risk\s+)?(?:reduction|decrease|lower\s+risk|"
    r"lower\s+hazard|reduced\s+risk)\b",
    re.I,
)
# "an absolute 10% improvement in OS", "15% improvement at 12 months", "an absolute benefit of
# 2.1%": a difference between the arms' rates, not a rate (the gold conventions keep it out).
_ABS_GAIN_WORDS = ("improv", "benefit", "gain", "absolute")
_ABS_GAIN_GATE = WordGate(_ABS_GAIN_WORDS)
_ABS_GAIN_AFTER = re.compile(r"\s*(?:absolute\s+)?(?:improvement|benefit|gain)\b", re.I)
_ABS_GAIN_BEFORE = re.compile(
    r"\b(?:absolute\s+|absolute\s+(?:improvement|benefit|gain)\s+(?:in\s+[\w-]+\s+)?(?:of|was)\s+)\Z",
    re.I,
)


def _absolute_gain(text: str, low: str | None, s: int, v: Value) -> bool:
    """Whether percentage ``v`` is a gain between arms: followed by "improvement"/"benefit"/
    "gain", or right after "absolute" / "absolute benefit of"."""
    a = v.start - 40 if v.start - 40 > s else s
    if _ABS_GAIN_GATE.may_hold(low, v.ext_end, v.ext_end + 24) and _ABS_GAIN_AFTER.match(
        text, v.ext_end
    ):
        return True
    return (
        _ABS_GAIN_GATE.may_hold(low, a, v.start)
        and _ABS_GAIN_BEFORE.search(text, a, v.start) is not None
    )


# "the absolute difference in pCR was 5%", "a difference of less than 10%", "if the difference
# in pCR was <10%": a difference between the arms' rates (or a margin on it), not a rate.
_DIFFERENCE_GATE = WordGate(("differ",))
_DIFFERENCE_BEFORE = search_from_end(
    re.compile(
        r"\bdifferences?\s+(?:in\s+(?:the\s+)?(?:[\w-]+\s+){1,3}?)?(?:of|was|were|is)\s+"
        r"(?:(?:approximately|about|only|just)\s+)?"
        r"(?:(?:less|more|greater|fewer)\s+than\s+|[<>≤≥]\s*)?\Z",
        re.I,
    )
)


# "Differences in diarrhoea were 24% with neratinib versus 13% with lapatinib": a value that
# its arm follows is that arm's rate, listed under "differences", not the size of one.
# (not "with a 95% CI of", nor "within")
_ARM_AFTER = re.compile(
    r"\s*(?:with\b(?!\s+(?:an?\s+)?(?:\d|CI\b|confidence\b|margin\b|p\b))|versus|vs\b|"
    r"in\s+(?:the\s+)?\S+\s+(?:arm|group))",
    re.I,
)


def _difference_between_arms(text: str, s: int, v: Value) -> bool:
    """Whether percentage ``v`` is the size of a difference ("difference in pCR was 5%")."""
    a = v.start - 60 if v.start - 60 > s else s
    return (
        _DIFFERENCE_BEFORE.match(text, a, v.start) is not None
        and _ARM_AFTER.match(text, v.end + 1 if text.startswith("%", v.end) else v.end) is None
    )


# "increased the pCR rate by 80%", "improved the response rate by 20%": the size of a change
# between the arms (a percentage after "by" a change verb governs), not a rate of its own; the
# gold conventions keep relative changes out. (Callers test the cheap "by " ending first.)
# The change verb must be finite or a participle ("increased", "improves"; not "dose
# reductions" or "lower HER2 expression") and its object must reach "by" with no other verb
# between: "Diarrhoea, which decreased in frequency after cycle 1, was reported by 25%" is a
# rate; "by approximately 80%" is a change as "by 80%" is.
_CHANGE_BY_BEFORE = re.compile(
    r"\b(?:increas|improv|rais|boost|reduc|decreas|lower|doubl)(?:ed|es|s)\b"
    r"(?:(?!\b(?:was|were|is|are|be|been|being|had|has|have|\w+ed)\b)[^.;:()%,]){0,60}"
    r"\bby\s+(?:(?:approximately|about|nearly|almost|around|roughly)\s+)?\Z",
    re.I,
)


def _change_by_percent(text: str, s: int, v: Value) -> bool:
    """Whether percentage ``v`` follows "<change verb> ... by": the size of a change."""
    a = v.start - 80 if v.start - 80 > s else s
    return _CHANGE_BY_BEFORE.search(text, a, v.start) is not None


_VS_WORDS_EARLY = r"vs\.?|versus|v\.?"
# "15% improvement at 12 months (56% v 41%)": the rates a bracket opens with are the compared
# rates themselves, whatever change the words before it name.
_OPENS_COMPARED = re.compile(rf"\s*(?:{_VS_WORDS_EARLY})\s", re.I)


_COMPARED_BRACKET_BEFORE = re.compile(
    rf"\(\s*(\d+(?:[.·]\d+)?\s*%\s*(?:{_VS_WORDS_EARLY})\s*)?\Z", re.I
)


def _opens_compared(text: str, v: Value) -> bool:
    """Whether percentage ``v`` is one of a compared pair opening a bracket: "(56% v 41%)"."""
    m = _COMPARED_BRACKET_BEFORE.search(text, max(0, v.start - 24), v.start)
    if m is None:
        return False
    return m.group(1) is not None or _OPENS_COMPARED.match(text, v.ext_end) is not None


# "27 patients (90%) completed therapy without cardiac events": the share of patients free of
# the event named after it, not its incidence.
_FREE_OF_EVENT = re.compile(r"\b(?:without|free\s+(?:of|from)|no)\s+(?:any\s+)?\Z", re.I)


def _free_of_event(text: str, a: int, b: int) -> bool:
    """Whether the gap from a percentage (ending at ``a``) to the event after it (at ``b``) ends
    in "without" / "free of" / "no"."""
    gap = text[a:b]
    return ("without" in gap or "free" in gap or "no" in gap) and bool(_FREE_OF_EVENT.search(gap))


# Shares of the events, not incidences among patients: "77.4% of ILD events were grade 1 or
# 2", "grade 5 events accounted for 2.2% of cases", "Of the 177 ILD events, 87% had their first
# onset within 12 months". ("occurred in 2.2% of cases" reads "cases" as patients: kept.) A
# pharmacovigilance database counts reports, not patients: "22.4% of ILD reports were fatal".
_EVENT_SHARE_GATE = WordGate(("event", "case", "episode", "report"))
_EVENT_NOUN = r"(?:events|cases|episodes|reports)\b"
# The words between "of" and the event noun name the event, never people ("X% of patients had
# grade 3 events" is an incidence).
_EVENT_WORDS = r"(?:(?!(?:patients|pts|women|participants|subjects|those|who)\b)[\w/≥≤-]+\s+){0,4}?"
_EVENT_SHARE_AFTER = re.compile(
    r"[\s)\]]*of\s+(?:the\s+|all\s+|these\s+|those\s+)?(?:\d[\d,]*\s+)?"
    + _EVENT_WORDS
    + _EVENT_NOUN,
    re.I,
)
_IN_BEFORE = re.compile(r"\bin\s+\Z", re.I)
_EVENT_SHARE_BEFORE = re.compile(
    r"\b(?:of|among)\s+(?:the\s+|all\s+|these\s+|those\s+)(?:\d[\d,]*\s+)?"
    + _EVENT_WORDS
    + _EVENT_NOUN
    + r"\s*,\s*\Z",
    re.I,
)
# "most events were grade 1 or 2 (77.4%)": the share in the bracket of a clause whose subject
# is most (the majority) of the events. Not a superlative: "the most common grade 3 events were
# thrombocytopenia (12.9%)" names an event with its incidence.
_MOST_EVENTS_BEFORE = re.compile(
    r"\b(?:most|the\s+majority)\s+"
    r"(?!(?:common|commonly|frequent|frequently|often|prevalent|serious|severe|notable)\b)"
    r"(?:of\s+(?:the\s+|these\s+|all\s+)?)?"
    + _EVENT_WORDS
    + _EVENT_NOUN
    + r"\s+(?:were|was|had|occurred)\b[^.;:()\[\]]{0,50}[(\[]\s*\Z",
    re.I,
)
_EVENT_SHARE_AFTER_REACH = 60  # characters after a value ("% of the 125 ILD events")
_EVENT_SHARE_REACH = 70  # characters before a value looked at ("Of the 177 ILD events, ")


def _share_of_events(text: str, low: str | None, s: int, v: Value) -> bool:
    """Whether percentage ``v`` is a share of the events or cases ("X% of ILD events", "Of
    these events, X%"), which is no incidence among patients."""
    a = v.ext_end
    b = v.start - _EVENT_SHARE_REACH if v.start - _EVENT_SHARE_REACH > s else s
    if not _EVENT_SHARE_GATE.may_hold(low, b, a + _EVENT_SHARE_AFTER_REACH):
        return False  # no event word before or after the value (one test for both windows)
    if _EVENT_SHARE_GATE.may_hold(low, a, a + _EVENT_SHARE_AFTER_REACH):
        m = _EVENT_SHARE_AFTER.match(text, a, a + _EVENT_SHARE_AFTER_REACH)
        if m is not None and not (
            m.group(0).lower().endswith("cases")
            and _IN_BEFORE.search(text, max(s, v.start - 4), v.start)
        ):
            return True
    if not _EVENT_SHARE_GATE.may_hold(low, b, v.start):
        return False
    if _EVENT_SHARE_BEFORE.search(text, b, v.start) is not None:
        return True
    return _most_events_before(text, b, v.start)


def _most_events_before(text: str, b: int, pos: int) -> bool:
    """Whether the percentage at ``pos`` opens the bracket of "most (ILD) events were grade 1
    or 2 (" (see ``_MOST_EVENTS_BEFORE``); the regex runs only after "most"/"majority"."""
    if text.find("ost ", b, pos) < 0 and text.find("ajority", b, pos) < 0:
        return False
    return _MOST_EVENTS_BEFORE.search(text, b, pos) is not None


# "70% of patients in the A arm crossed over to receive trastuzumab": a share of patients who
# switched treatment, not a result of the end point named before it.
_CROSSOVER_WORDS = ("crossed", "switched", "cross over")
_CROSSOVER_GATE = WordGate(_CROSSOVER_WORDS)
_CROSSOVER_AFTER = re.compile(
    r"[\s)\]]*of\s+(?:the\s+|all\s+)?(?:patients|pts|women|participants)\s+"
    r"(?:(?:in|from)\s+the\s+(?:[\w+/-]+\s+){1,4}?(?:arm|group)\s+|who\s+had\s+\w+\s+)?"
    r"(?:had\s+|subsequently\s+|later\s+|eventually\s+)?(?:crossed\s+over|switched|cross\s+over)\b",
    re.I,
)


def _crossover_share(text: str, v: Value) -> bool:
    """Whether percentage ``v`` is followed by "of patients (in the A arm) crossed over"."""
    return _CROSSOVER_AFTER.match(text, v.ext_end, v.ext_end + 120) is not None


# "227 patients (79.6%) were PET responders", "41 (35%) were Ki67 responders", "30% had ctDNA
# clearance": the share of patients who responded by imaging or a biomarker is no contract end
# point, though the end point of the next clause ("of whom 86 (37.9%) achieved a pCR") follows.
# A qualifier is needed, and not a response-rate one ("were objective responders", "were RECIST
# responders" are an ORR), whether the end point comes before the share or after it.
_RESPONDER_GATE = WordGate(("responder", "clearance"))
_RESPONDER_SHARE_AFTER = re.compile(
    r"[\s)\]]*(?:of\s+(?:the\s+|all\s+)?(?:patients|pts|women|participants)\s+)?"
    r"(?:were|was|became|being|had|achieved|showed)\s+(?:classified\s+as\s+)?(?:an?\s+)?"
    r"(?:(?:(?!(?:objective|overall|complete|partial|confirmed|clinical|tumou?r|recist"
    r"|radiologic(?:al)?|radiographic)\b)[\w/-]+\s+)"
    r"{1,3}?(?:responders?|non-?responders?)\b"
    r"|(?:(?:[\w/-]+\s+){0,2}?)(?:ctDNA|ctdna|cfDNA)\s+clearance\b)",
    re.I,
)


def _responder_share(text: str, low: str | None, v: Value) -> bool:
    """Whether percentage ``v`` is followed by "were PET responders" / "had ctDNA clearance":
    a share of responders by imaging or a biomarker, not the end point named after it."""
    a = v.ext_end
    return _RESPONDER_GATE.may_hold(low, a, a + 60) and (
        _RESPONDER_SHARE_AFTER.match(text, a, a + 60) is not None
    )


# Every word of the crossover, change and absolute-gain gates, for the window that holds all of
# theirs (from 40 characters before a rate to 80 after it): ``_endpoint_for`` asks it first.
_NOT_A_RATE_GATE = WordGate(_CROSSOVER_WORDS + _CHANGE_WORDS + _ABS_GAIN_WORDS)


# End points a ratio after them in the sentence is about, though the contract has no ratio
# for them: adverse events and end points outside the list.
_NO_RATIO_EVENTS = SAFETY | {"_other"}


def _own_event_before(eps: list[Hit], ks: int | None, pos: int) -> bool:
    """Whether an adverse event (or an end point outside the list) comes before the ratio in its
    sentence: "Severe cardiac toxicity occurred in 4.3% ..., and the risk of cardiac events was
    lower in the short arm (HR 0.32 ...)" is about cardiac events, not about the previous
    sentence's end point, which the ratio would otherwise carry over."""
    return _last_before(eps, ks if ks is not None else pos, _NO_RATIO_EVENTS) is not None


# A time to an event outside the contract's list that a ratio may measure: "time to
# deterioration of EQ-VAS", "time to first hospitalization", "time to symptom worsening", "time
# to symptom progression" (a questionnaire score's decline, not disease progression).
_UNLISTED_TTE_GATE = WordGate(("deteriorat", "worsening", "hospitali", "symptom", "pain"))
_UNLISTED_TTE = re.compile(
    r"\b(?:deteriorat\w*|worsening|hospitali[sz]\w*|(?:symptom(?:atic)?|pain)\s+progression)",
    re.I,
)


def _own_unlisted_time_to_event(text: str, low: str | None, s: int, pos: int) -> bool:
    """Whether the sentence names, before the ratio at ``pos``, a deterioration, worsening,
    symptom progression or hospitalization (quality-of-life and resource-use end points): "Median time to deterioration
    was 8.6 vs 3.9 months (HR, 0.51)" after a PFS sentence is no PFS hazard ratio."""
    return (
        _UNLISTED_TTE_GATE.may_hold(low, s, pos) and _UNLISTED_TTE.search(text, s, pos) is not None
    )


# "discontinuation of tucatinib or placebo due to adverse events occurred in 6.0%": the events
# name the cause of an end point outside the list (discontinuation, dose reduction), which the
# value measures.
_CAUSE_GAP = re.compile(
    r"[^.;:]{0,60}?\b(?:due\s+to|because\s+of|owing\s+to|for)\s+(?:(?:an?|the|any)\s+)?"
    r"(?:(?:treatment|drug)[\s-](?:related|emergent)\s+)?",
    re.I,
)


def _cause_of_other(text: str, eps: list[Hit], ep: Hit) -> bool:
    """Whether the safety end point ``ep`` is the cause ("due to", "because of", "for") of an
    end point outside the contract's list written right before it in its clause (only when one
    is: ``eps`` of a sentence rarely hold two)."""
    prev = None
    for h in eps:
        if h.start >= ep.start:
            break
        prev = h
    if prev is None or not prev.canonical.startswith("_") or prev.canonical == "_population":
        return False
    m = _CAUSE_GAP.match(text, prev.end, ep.start)
    return m is not None and m.end() == ep.start


def _subgroup_of_listed_ratio(text: str, h: Hit, v: Value) -> bool:
    """Whether ``h`` is a population descriptor between "hazard ratio" and a ratio listed after
    the first one: "the hazard ratio for PFS was 0.32 in hormone-receptor-positive disease and
    0.30 in hormone-receptor-negative disease" names the first ratio's subgroup, not the second
    ratio's end point (that is the key's, PFS)."""
    if h.canonical != "_population" or not v.key_text or v.key_start is None:
        return False
    key = text.find(v.key_text, v.key_start, v.start)  # where the shared key text stands
    return key >= 0 and key + len(v.key_text) <= h.start  # the descriptor follows the key


def _last_before(eps: list[Hit], pos: int, codes: set[str] | None) -> Hit | None:
    """The last end point ending by ``pos`` (a population descriptor never), with a code in
    ``codes`` unless that is None."""
    for h in reversed(eps):
        if h.end > pos or h.canonical == "_population":
            continue
        if codes is None or h.canonical in codes:
            return h
    return None


def _other_time_between(eps: list[Hit], ep: Hit, pos: int) -> bool:
    """Whether an end point outside the contract's list ("time to treatment failure", "time to
    response") stands between the time-to-event end point ``ep`` and the time at ``pos``: in
    "time to progression (median, 11.7 v 6.1 months) ... time to treatment failure (median, 9.8
    v 5.3 months)" the second pair is not TTP."""
    for h in reversed(eps):
        if h.end <= ep.end:
            return False
        if h.end <= pos and h.canonical == "_other":
            return True
    return False


def _next_clause(text: str, a: int, b: int) -> bool:
    """Whether a semicolon stands between a value (ending at ``a``) and an end point after it
    (at ``b``): "Keratopathy (any grade) occurred in 91.4% of pts on ARX788; ILD was reported in
    5.9%" - the end point opens the next clause, so it is not the earlier value's (whose event
    is outside the lexicon)."""
    return text.find(";", a, b) >= 0


def _first_after(eps: list[Hit], pos: int, within: int) -> Hit | None:
    """The first end point starting at or after ``pos``, if it starts within ``within``."""
    for h in eps:
        if h.start >= pos:
            return h if h.start - pos <= within else None
    return None


# "with one patient (4%, -3 to 11) achieving a complete response", "with 7% of patients having
# a complete response", "and 45% of patients experienced grade 3 AEs": a participle (or a main
# verb) right after the value (past the rest of its bracket, or "of patients") makes the end
# point after it the value's own, whatever the sentence named before. "with" only after a count's bracket ("one (4%) with a complete response"): "ORR was
# 30% with a complete response rate of 4%" is still the ORR.
_OWN_PARTICIPLE = re.compile(
    r"(?:(?:[,;][^()\[\]]{0,40})?[)\]]\s*(?:with|(?=[a-z]))|\s+(?:of\s+(?:the\s+)?"
    r"(?:patients|pts|participants|women)\s+)?)"
    r"(?:(?<=with)|achieving|having|attaining|experiencing|reaching|"
    # a main verb as well: "..., and 45% of patients experienced grade 3 or higher AEs"
    r"(?:who\s+)?(?:achieved|had|attained|experienced|reached|developed))\s+(?:an?\s+|the\s+)?"
    # ("experiencing grade 3 or higher adverse events": the event's own grade)
    rf"(?:(?:{_G3.pattern}|{_ANY.pattern})\s+)?",
    re.I,
)


def _object_of_own_participle(text: str, eps: list[Hit], v: Value) -> bool:
    """Whether the first end point after value ``v`` is the object of a participle of the
    value's own (``_OWN_PARTICIPLE``)."""
    h = _first_after(eps, v.ext_end, 60)
    return h is not None and _OWN_PARTICIPLE.fullmatch(text, v.ext_end, h.start) is not None


# "116 (46.8%) of 248 patients in the A group and 129 (50.4%) of 256 in the B group achieved
# pCR": the end point is the object of the verb that ends the counts' clause.
_OBJECT_VERB_END = re.compile(
    r"\b(?:achieved|had|attained|experienced|reached|developed)\s+(?:an?\s+|the\s+)?$"
)
_OBJECT_REACH = 200


def _verb_object_after(text: str, eps: list[Hit], pos: int) -> Hit | None:
    """The first end point after ``pos`` (within ``_OBJECT_REACH`` characters) when it is the
    object of "achieved/had/experienced ...": the rates listed before the verb (each with its
    group) are that end point's. (One in the next clause, after a ";", is not: the caller's
    ``_next_clause`` test, as for ``_first_after``.)"""
    ep = _first_after(eps, pos, _OBJECT_REACH)
    if ep is None:
        return None
    if _OBJECT_VERB_END.search(text, max(pos, ep.start - 16), ep.start) is None:
        return None
    return ep


def _finds(
    pattern: re.Pattern[str], twin: re.Pattern[str], text: str, low: str | None, a: int, b: int
) -> bool:
    """Whether ``pattern`` matches in text[a:b], read with its ``_lower_twin`` on ``low`` (the
    ``literal_safe`` lower-cased text) when there is one."""
    if low is None:
        return pattern.search(text, a, b) is not None
    return twin.search(low, a, b) is not None


def _grade_code(
    text: str, s: int, ep: Hit, v: Value, low: str | None = None, grades: _GradeStarts | None = None
) -> str:
    """AE_G3 when the closest grade qualifier before the value says grade ≥3. ``low``: the
    ``literal_safe`` lower-cased text (the qualifiers are then only tried where they can
    start), or None; ``grades``: where they can start in the sentence (from ``s``), if known."""
    best: tuple[int, str] | None = None
    s = _serious_clause_start(text, s, ep)
    for pattern, code, firsts in ((_G3, "AE_G3", _G3_FIRSTS), (_ANY, "AE", _ANY_FIRSTS)):
        if low is None:
            matches = pattern.finditer(text, s, v.start)
        else:
            if grades is None:
                starts = literal_starts(low, firsts, s, v.start)
            else:
                found = grades.g3 if pattern is _G3 else grades.any
                starts = found[bisect_left(found, s) : bisect_left(found, v.start)]
            matches = finditer_at(pattern, text, starts, v.start)
        for m in matches:
            if closed_between(text, m.end(), v.start) and not _bracketed_qualifier(text, m, v):
                continue
            if (
                _postfix_qualifier_of_other(text, m, ep)
                or _spent_on_own_value(text, m, ep)
                or _spent_on_first_item(text, m, ep)
                or _qualifier_of_earlier_clause(text, m, ep, v)
            ):
                continue
            if best is None or m.start() > best[0]:
                best = (m.start(), code)
    return best[1] if best else "AE"


# A grade qualifier written with its own value ("grade 3 or higher in 4.3%", "grade >=3, 4.3%")
# is that value's, not one of a later event's: "AST ... of any grade in 28.8% and grade 3 or
# higher in 4.3%; increased ALT occurred in 21.3%" (21.3% is any grade).
_QUALIFIER_OWN_VALUE = re.compile(r"\s*(?:in|of|,|:|=)?\s*\d+(?:[.·]\d+)?\s*%")


def _spent_on_own_value(text: str, m: re.Match[str], ep: Hit) -> bool:
    """Whether grade qualifier ``m`` is followed right away by a percentage that ends before
    the event ``ep`` the value being coded belongs to."""
    if m.end() >= ep.start:
        return False
    own = _QUALIFIER_OWN_VALUE.match(text, m.end(), ep.start)
    return own is not None


# "grade 3 or 4 adverse events (71% vs 68%) and cardiac adverse events (6% vs 6%)": the general
# event word again, after the first item's bracketed values and a list join, opens an item of
# its own, whose own qualifier ("cardiac") replaces the grade of the item before. (Named events
# in a list, "grade >=3 neutropenia (20%) and diarrhoea (5%)", share it as before.)
_AE_HEAD = r"(?:adverse\s+(?:events?|reactions?)|AEs?|TEAEs?|TRAEs?)"
_FIRST_ITEM_THEN_JOIN = re.compile(
    r"\s*(?:[\w-]+\s+){0,3}?" + _AE_HEAD + r"\s*\([^()]*%[^()]*\)\s*(?:,\s*(?:and\s+)?|and\s+)"
    r"(?:[\w-]+\s+){0,3}"
)
_AE_HEAD_END = re.compile(_AE_HEAD + r"$")


def _spent_on_first_item(text: str, m: re.Match[str], ep: Hit) -> bool:
    """Whether grade qualifier ``m`` qualifies the first event item of a list and ``ep`` is a
    later item naming the general event word again (``_FIRST_ITEM_THEN_JOIN``)."""
    return (
        m.end() < ep.start
        and _AE_HEAD_END.search(ep.text) is not None
        and _FIRST_ITEM_THEN_JOIN.fullmatch(text, m.end(), ep.start) is not None
    )


_POSTFIX_COLON = re.compile(r"\s*:")
# "Grade 3 or higher AEs occurred in 17% of patients; diarrhoea occurred in 56%": after a ";",
# an event with a verb of its own before its value opens a clause of its own, which the grade
# qualifier of the clause before does not reach (a heading list, "Grade >=3 AEs: neutropenia
# 20%; diarrhoea 10%", has no such verb and keeps the qualifier).
# "infusion-related reactions occurred in 13.3% vs 3.4%": the values compared before the one
# being coded stand between the verb and it, and are of the same clause.
_COMPARED_BEFORE = r"(?:\d+(?:[.·]\d+)?\s*%\s*(?:vs\.?|versus|and|/)\s*){0,3}"
_OWN_CLAUSE_VERB = re.compile(
    r"[^;%]{0,40}?\b(?:occurred|was\s+(?:reported|observed|seen|noted)|were\s+(?:reported|"
    r"observed|seen|noted)|developed)\b[^;%]{0,30}" + _COMPARED_BEFORE + r"\Z",
    re.I,
)


def _qualifier_of_earlier_clause(text: str, m: re.Match[str], ep: Hit, v: Value) -> bool:
    """Whether grade qualifier ``m`` stands in a ";" (or "while"/"whereas") clause before the
    one in which event ``ep`` is given its value ``v`` with a verb of its own (see
    ``_OWN_CLAUSE_VERB``)."""
    if ep.end > v.start:
        return False
    if text.find(";", m.end(), ep.start) < 0 and not _contrast_between(text, m.end(), ep.start):
        return False
    return _OWN_CLAUSE_VERB.match(text, ep.end, v.start) is not None


# "grade >=3 neutropenia occurred in 12% of patients, while peripheral neuropathy was reported
# in 20%": a contrasting conjunction opens a clause of its own, as a ";" does. "while" before a
# participle or "on"/"under" ("while receiving X", "while on treatment") says when, not that.
_CONTRAST = re.compile(
    r"\b(?:whereas|while(?!\s+(?:on|under|being|\w+ing|treated|given|taken)\b))\b", re.I
)


def _contrast_between(text: str, a: int, b: int) -> bool:
    """Whether "while" or "whereas" (a contrasting clause's opener) stands in text[a:b]."""
    if text.find("while", a, b) < 0 and text.find("whereas", a, b) < 0:
        return False
    return _CONTRAST.search(text, a, b) is not None


def _postfix_qualifier_of_other(text: str, m: re.Match[str], ep: Hit) -> bool:
    """Whether grade qualifier ``m`` is written after its event, as a heading ("Neutropenia
    ≥G3: 63.2% vs. 1.9%; stomatitis 44.6% vs. 14.7%"), and ``ep`` is another event in a later
    ";" clause: the qualifier is that event's own, not the list's."""
    if text.find(";", m.end(), ep.start) < 0 or _POSTFIX_COLON.match(text, m.end()) is None:
        return False
    before = text[max(0, m.start() - 3) : m.start()].rstrip()
    return before[-1:].isalpha()


# What may stand between a bracketed grade qualifier and its value: "fatigue (all grades)
# 64.6%", "neutropenia (grade >=3): 63.2%", "(any grade) in 12%", and the values compared
# before it ("(all grades) 64.6% vs. 49.8%").
_QUALIFIER_TO_VALUE = re.compile(
    r"\s*[)\]]\s*[:,=]?\s*(?:(?:in|of|was|were)\s+)?"
    r"(?:\d+(?:[.·]\d+)?\s*%?\s*(?:vs\.?|versus|/|and)\s*){0,3}"
)


def _bracketed_qualifier(text: str, m: re.Match[str], v: Value) -> bool:
    """Whether grade qualifier ``m`` fills a bracket of its own that only the value follows:
    it qualifies the event before the bracket and so that value ("fatigue (all grades) 64.6%"),
    unlike a closed bracket holding a value of its own ("(grade 3, 1.5%) vs 3.4%")."""
    if text[max(0, m.start() - 2) : m.start()].strip()[-1:] not in ("(", "["):
        return False
    return _QUALIFIER_TO_VALUE.fullmatch(text, m.end(), v.start) is not None


_G3_AFTER_GATE = WordGate(("gr", "severe", "g3", "g≥", "g>="))  # every _G3 match holds one


def _grade3_between(text: str, a: int, b: int, low: str | None) -> bool:
    """Whether a grade >=3 qualifier stands between a value (ending at ``a``) and the adverse
    event after it (at ``b``), with no other value between: "22 (49%) of 45 patients had a
    grade 3 or 4 treatment-related adverse event" (``_grade_code`` reads qualifiers before
    the value only)."""
    if not _G3_AFTER_GATE.may_hold(low, a, b) or "%" in text[a:b]:
        return False
    m = last_match(_G3, text, a, b)
    return m is not None and _ANY.search(text, m.end(), b) is None


def _serious_clause_start(text: str, s: int, ep: Hit) -> int:
    """Where grade qualifiers for ``ep`` may start: "Grade ≥3 AEs: 50.4% vs 39.2%; serious AEs:
    33.1% vs 19.2%" — seriousness is not a grade, so a grade qualifier in an earlier ";" clause
    does not reach a serious-event mention; after the last ";" before it. Else ``s``."""
    own = text[ep.start : ep.start + 7].lower()
    before = text[max(s, ep.start - 8) : ep.start].lower()
    if not own.startswith(("serious", "sae")) and "serious" not in before:
        return s
    cut = max(text.rfind(";", s, ep.start), _last_value_end(text, s, ep.start))
    return s if cut < 0 else cut + 1


def _last_value_end(text: str, s: int, pos: int) -> int:
    """Where the last percentage before ``pos`` ends, or -1: in a list "fewer grade >=3 AEs
    (46.4% vs 90.9%), serious AEs (20.3% vs 25.8%)" the grade qualifier was spent on the values
    before the serious-event item, as a ";" ends its clause."""
    return text.rfind("%", s, pos)


# Every match of _G3 / _ANY starts with one of these (lower case; ASCII letters, so on a
# ``literal_safe`` text they are where the case-insensitive patterns can start).
_G3_FIRSTS = ("gr", "≥", ">=", "severe", "g3", "g≥", "g>=")
_ANY_FIRSTS = ("any", "all", "of", "grade", "low", "g1", "g2")


class _GradeStarts:
    """Where ``_G3`` and ``_ANY`` can start in the sentence low[s:e] (``literal_starts`` of
    their first literals): found once for all of its adverse-event values (two on average, a
    safety list many), each of which ``_grade_code`` reads from the sentence start. Those before a
    value at ``b`` are the ones ``literal_starts(low, firsts, s, b)`` finds, and those whose
    literal runs past ``b``: a match holds its literal whole, so the pattern fails there."""

    __slots__ = ("g3", "any")

    def __init__(self, low: str, s: int, e: int) -> None:
        self.g3 = literal_starts(low, _G3_FIRSTS, s, e)
        self.any = literal_starts(low, _ANY_FIRSTS, s, e)


def _attribute_arms(
    text: str,
    s: int,
    e: int,
    out: list[tuple[Value, str, str]],
    refs: list[ArmRef],
    context: list[str | None] | Callable[[], list[str | None]],
    resp: bool,
    added: tuple[int, list[str | None]] | None = None,
) -> list[str | None]:
    """The arm of each value; ``context`` = arms of the comparison under discussion, in order
    (or a function returning them: reading it costs, and most sentences never need it);
    ``added``: an "addition of X to Y" phrase's end and its two arms (``addition_comparison``)."""
    arms: list[str | None] = [None] * len(out)
    idx = [i for i, (_, _, m) in enumerate(out) if m not in _RATIOS]
    # (a landmark run needs two values: most sentences make no call)
    landmarks = _landmark_runs(text, s, e, out, idx, refs) if len(idx) >= 2 else []
    zeros = _beside_bare_zero(text, out, idx) if _ZERO_GATE.may_hold(text, s, e) else {}
    if not refs:
        # Only compared runs can get arms, all from the comparison under discussion.
        if len(idx) >= 2 and not _own_subgroups_compared(text, s, out[idx[0]][0].start):
            _context_runs(text, out, idx, context, arms)
        if zeros:
            _zero_paired_arms(text, out, refs, zeros, context, arms, set())
        for run, *_ in landmarks:
            for i in run:
                arms[i] = None
        return arms
    if not idx:
        return arms
    decided: set[int] = set()
    claimed: set[int] = set()
    for run, arm, _ in landmarks:
        for i in run:
            arms[i] = arm
            decided.add(i)
    landmark_refs = _landmark_refs(landmarks, claimed) if landmarks else []
    if resp and refs:
        _runs_of_one_ref_after(text, e, out, idx, refs, arms, decided)
        listed = _listed_refs(text, s, e, refs)
        r_idx = idx
        if landmarks:  # the landmark runs and their references leave the "respectively" lists
            r_idx = [i for i in idx if i not in decided]
            listed = [r for r in listed if all(r is not refs[j] for j in landmark_refs)]
        if r_idx and _respectively(text, out, r_idx, listed, arms, decided):
            return arms
        clause = _refs_of_values_clause(text, listed, out[r_idx[0]][0].start) if r_idx else None
        if clause and _respectively(text, out, r_idx, clause, arms, decided):
            return arms
    source: dict[int, int] = {}  # value -> the reference that alone gave it its arm
    _values_before_list(text, out, idx, refs, arms, decided, claimed)
    if zeros:
        _zero_paired_arms(text, out, refs, zeros, context, arms, decided)
    # 0. A value in the bracket right after a reference: "with lapatinib (36 patients [23·4%])".
    for j, r in enumerate(refs):
        span = _bracket_after(text, r.end, e)
        if span is None:
            continue
        if _VS_BRACKET.match(text, span[0]):
            continue  # "in the A group (vs 16.3%)": the other group's value (see below)
        inside = [i for i in idx if span[0] < out[i][0].start < span[1]]
        if len(inside) > 1 and _grade_breakdown(text, span[0], [out[i][0] for i in inside]):
            for i in inside:  # "(grade 1, 2.7%; grade 2, 7.0%)": parts of the value before
                arms[i] = r.arm
                decided.add(i)
            continue
        if len(inside) == 1 and inside[0] not in zeros:
            arms[inside[0]] = r.arm
            decided.add(inside[0])
            source[inside[0]] = j
            # "12.1% of patients in the A group (grade 5, 0.5%)": the bracket is a breakdown;
            # the value before the reference is A's too (step 1 reads it).
            if not _leads_to(text, out, idx, decided, r.start):
                claimed.add(j)
    if _COMPARED_GATE.may_hold(text, s, e):
        _run_before_compared_refs(text, out, idx, refs, arms, decided, claimed)
    # 1. A reference right after the value: "18.5 months in the pertuzumab group".
    for i in idx:
        if i in decided:
            continue
        v = out[i][0]
        for j, r in enumerate(refs):
            if r.start < v.end or j in claimed:
                continue
            gap = text[v.ext_end : r.start] if r.start >= v.ext_end else ""
            if ";" in gap and _opens_own_clause(text, gap, r, out, e):
                break
            if not _value_between(out, v.end, r.start) and (
                _follow_gap_ok(gap)
                or _group_given_gap(gap)
                or _without_ref_gap(text, gap, r)
                or _of_count_gap(gap)
                or _bracketed_subject_gap(text, out, v, gap)
            ):
                arms[i] = r.arm
                decided.add(i)
                claimed.add(j)
                source[i] = j
            break
    if source:
        _bracketed_list_before(text, out, idx, refs, arms, source, decided)
        if _COMPARED_GATE.may_hold(text, s, e):
            _compared_list_before_ref(text, out, idx, refs, arms, source, decided)
        _value_pairs_before_refs(text, out, idx, refs, arms, source, decided)
    # Arms compared earlier in this sentence are the comparison under discussion for bare
    # pairs later in it ("median OS was 21.6 months with A vs 19.8 months with B, and ORR was
    # 22% vs 16%").
    local = _compared(arms, idx)
    if local:
        context = local
    elif callable(context):
        context = _Once(context)
    # 2. Runs of compared values ("18.5 vs 12.4 months", "54.1%, 45.4%, and 46.2%").
    last_named: tuple[int, list[str | None]] | None = None  # the last named run: end, arms
    one_arm: str | None = None  # the arm of a prose comparison of one regimen's schedules
    for run in _runs(text, out, idx):
        if len(run) < 2 or any(i in decided for i in run):
            continue
        prev = [j for j, r in enumerate(refs) if r.end <= out[run[0]][0].start and j not in claimed]
        listed = _last_list(refs, prev)
        names: list[str | None] | None = None
        # A single reference in an earlier clause ("reduced by 42% in the A arm (HR ...);
        # median OS was 18.1 versus 12.0 months") does not name the pair's first arm.
        apart = bool(prev) and _clause_break_unbracketed(
            text, refs[prev[-1]].end, out[run[0]][0].start
        )
        if len(listed) == len(run):
            names = [refs[j].arm for j in listed]
        elif added is not None and len(run) == 2 and added[0] <= out[run[0]][0].start:
            names = list(added[1])  # "the addition of X to Y ... (7.4 vs. 4.6 months)"
        elif len(run) == 2 and not apart and _compared_in_prose(text, refs, prev):
            # "A showed superior PFS versus B (median PFS, 11 v 5.6 months)"
            names = [refs[prev[-2]].arm, refs[prev[-1]].arm]
        elif len(run) == 2 and not apart and _one_arm_compared_in_prose(text, refs, prev):
            # "Weekly paclitaxel was superior to paclitaxel every 3 weeks: 42% v 29%"
            names = [refs[prev[-1]].arm] * 2
            one_arm = refs[prev[-1]].arm
        elif (
            prev
            and not refs[prev[-1]].in_list
            and not apart
            and len(run) == 2
            and len(ctx := _ctx(context)) == 2
            and (refs[prev[-1]].arm in ctx)
        ):
            first = refs[prev[-1]].arm
            names = [first, next(a for a in ctx if a != first)]
            if _than_comparator(text, refs[prev[-1]], out[run[0]][0].value, out[run[1]][0].value):
                names.reverse()  # "longer than in the control group (12.4 vs 8.0 months)"
        elif not prev and (after := _compared_after_values(text, out, idx, refs, run)):
            names = after
        elif (carried := _carried_run_order(out, run, refs, last_named, one_arm)) is not None:
            names = carried
        elif resp and prev and not apart and _opens_with_one_group(text, s, refs):
            names = [refs[0].arm] * len(run)
        elif (resp or not prev or (apart and not listed)) and len(ctx := _ctx(context)) == len(run):
            names = list(ctx)
        if names is not None:
            for i, a in zip(run, names, strict=True):
                arms[i] = a
                decided.add(i)
            last_named = (out[run[-1]][0].end, names)
    if source:
        _bare_value_after_vs(text, out, idx, refs, arms, source, decided, context)
        _bracketed_after_armed(text, out, idx, refs, arms, source, decided)
    # 3. The nearest preceding reference: "ORR with T-DXd was 60.9%"; when the sentence names a
    # single arm, every later value is that arm's ("in 38.2% of patients treated with X and
    # keratitis in 37.8%").
    single = len({r.arm for r in refs}) == 1
    for k, i in enumerate(idx):
        if i in decided:
            continue
        p = idx[k - 1] if k else -1
        if p in source and _vs_bracket_after_named(text, out, p, i, refs, source):
            read = _vs_bracket_arm(text, out[i][0], refs, arms[p], context)
            if read is not None:  # "(vs 30.1%)" after "The ORR with T-DXd was 52.3%"
                arms[i] = read[0]
                continue
        near = _last_ref_before(refs, out[i][0].start, set() if single else claimed)
        if near is not None and not refs[near].in_list:
            if _own_unread_arm(text, out[i][0], e, refs):
                continue
            arms[i] = refs[near].arm
            source[i] = near
    if len(set(source.values())) < len(source):
        _one_arm_per_pair(text, out, idx, arms, source, decided)
    return arms


# "anaemia (seven [5%] vs 0)", "(12 [8%] vs none)", "(0 vs seven [5%])": a rate compared with
# a bare count of none is one of a compared pair whose other member is no value; it is the
# first (or, after the zero, the second) group of the sentence's comparison, not the group
# named last.
_SPELT = r"(?:one|two|three|four|five|six|seven|eight|nine|ten)"
_ZERO = r"(?:0|none|zero|nil|no\s+(?:patients?|events?|cases?))"
_VS = r"(?:vs\.?|versus|v\.?|compared\s+with)"
_BEFORE_ZERO = re.compile(rf"[\s)\]]*\s*{_VS}\s+{_ZERO}\s*(?:[)\]]|[;,](?!\d)|\.(?!\d)|$)", re.I)
_AFTER_ZERO = re.compile(
    rf"[(\[]\s*{_ZERO}\s+{_VS}\s+(?:(?:\d[\d,]*|{_SPELT})\s*[\[(]\s*)?\Z", re.I
)
_ZERO_GATE = WordGate(("vs", "versus", "v.", "compared"))


def _beside_bare_zero(text: str, out: list[tuple[Value, str, str]], idx: list[int]) -> dict:
    """Value index -> its place in a pair with a bare zero (0 before the zero, 1 after it).
    The zero itself, read as a value ("(0 vs seven [5%])": it shares the rate's unit), is
    the first place of the same pair."""
    found = {}
    for k, i in enumerate(idx):
        v = out[i][0]
        if _BEFORE_ZERO.match(text, v.ext_end) is not None:
            found[i] = 0
        elif _AFTER_ZERO.search(text, max(0, v.start - 30), v.start) is not None:
            found[i] = 1
            if k and _is_the_zero(text, out[idx[k - 1]][0], v):
                found[idx[k - 1]] = 0
    return found


_ZERO_THEN_VS = re.compile(rf"0\s+{_VS}\s+", re.I)


def _is_the_zero(text: str, z: Value, v: Value) -> bool:
    """Whether value ``z`` is the bare zero compared with ``v`` right after it ("0 vs seven
    [5%]")."""
    return z.value == 0 and _ZERO_THEN_VS.match(text, z.start, v.start) is not None


def _zero_paired_arms(
    text: str,
    out: list[tuple[Value, str, str]],
    refs: list[ArmRef],
    zeros: dict[int, int],
    context,
    arms: list[str | None],
    decided: set[int],
) -> None:
    """Give each value of ``zeros`` its group of the sentence's comparison: two listed or
    prose-compared references before it, else (none before it) the comparison under
    discussion (``context``)."""
    for i, place in zeros.items():
        if i in decided:
            continue
        v = out[i][0]
        prev = [j for j, r in enumerate(refs) if r.end <= v.start]
        listed = _last_list(refs, prev)
        names: list[str | None] = []
        if len(listed) == 2:
            names = [refs[j].arm for j in listed]
        elif _compared_in_prose(text, refs, prev):
            names = [refs[prev[-2]].arm, refs[prev[-1]].arm]
        elif not prev:
            names = list(_ctx(context))
        if len(names) == 2 and names[place] is not None:
            arms[i] = names[place]
            decided.add(i)


# "The 3-year and 5-year IDFS rates were 91.0% and 87.5% with A", "IDFS rates at 3, 5 and 8
# years were ...": a list of landmark times before a run of as many bare values makes the run
# one group's rates at those times, not a comparison of arms; the run takes the one reference
# right after it (past ", respectively,") or else the last one before it, else no arm. Without
# this the first rate took the other arm of the design (or none) and "respectively" paired the
# rates with the design's arms.
# (Hyphens: ASCII, U+2010, the non-breaking U+2011 and the en dash: "3\u2011year".) It opens
# with a digit and checks the character before it afterwards (not "(?<![\d.])\d{1,2}"): the
# engine then only tries the digits of the sentence, not every position.
_TIME_LIST = re.compile(
    r"\d(?<![\d.]\d)\d?(?:[\s\-\u2010\u2011\u2013]*(?:years?|months?))?[\-\u2010\u2011\u2013]?"
    r"(?:(?:\s*,\s*(?:and\s+)?|\s+and\s+)\d{1,2}"
    r"(?:[\s\-\u2010\u2011\u2013]*(?:years?|months?))?[\-\u2010\u2011\u2013]?)+"
    r"(?<=\d|-|r|s|\u2010|\u2011|\u2013)(?:[\s\-\u2010\u2011\u2013]*(?:year|month)s?\b)",
    re.I,
)
_TIME_NUMBER = re.compile(r"\d{1,2}")
_RUN_JOIN = LIST_JOIN  # "91.0% and 87.5%", "91.0%, 87.5% and 85.0%": the list join of ratios
_RESPECTIVELY_GAP = re.compile(r"\s*,?\s*respectively\s*,?", re.I)


def _landmark_runs(
    text: str, s: int, e: int, out: list[tuple[Value, str, str]], idx: list[int],
    refs: list[ArmRef],
) -> list[tuple[list[int], str | None, int | None]]:  # fmt: skip
    """Runs of bare rates at the landmark times listed before them, each with its arm and the
    index of the reference that gave it (see above). (The caller passes two values or more.)"""
    if text.find("year", s, e) < 0 and text.find("month", s, e) < 0:
        return []
    # A time list holds two numbers or more, so a run is two rates or more: a sentence with
    # fewer (three in five that get here) needs no scan for time lists.
    if [out[i][2] for i in idx].count("rate") < 2:
        return []
    found: list[tuple[list[int], str | None, int | None]] = []
    for m in _TIME_LIST.finditer(text, s, e):
        if _time_list_is_values(out, m):
            continue
        n = len(_TIME_NUMBER.findall(m.group()))
        after = [i for i in idx if out[i][0].start >= m.end()]
        if len(after) < n or any(out[i][2] != "rate" for i in after[:n]):
            continue
        run = after[:n]
        vals = [out[i][0] for i in run]
        if any(o[1] != out[run[0]][1] for o in (out[i] for i in run)):
            continue
        if not all(
            _RUN_JOIN.fullmatch(text, a.ext_end, b.start) for a, b in itertools.pairwise(vals)
        ):
            continue
        nxt = after[n] if len(after) > n else None
        if nxt is not None and _RUN_JOIN.fullmatch(text, vals[-1].ext_end, out[nxt][0].start):
            continue  # more values than times
        later = [j for j, r in enumerate(refs) if r.start >= vals[-1].end]
        arm: str | None = None
        src: int | None = None
        if later:
            r = refs[later[0]]
            gap = text[vals[-1].ext_end : r.start]
            resp = _RESPECTIVELY_GAP.match(gap)
            if resp:
                gap = gap[resp.end() :]
            if _follow_gap_ok(gap):
                if r.in_list:
                    continue  # "... with A and B": arms listed after the run
                arm, src = r.arm, later[0]
        if arm is None:
            near = _last_ref_before(refs, vals[0].start, set())
            if (
                near is not None
                and refs[near].end > m.start() - 80
                and not _landmark_ref_apart(text, refs[near].end, m.start())
            ):
                if refs[near].in_list:
                    continue
                arm, src = refs[near].arm, near
        found.append((run, arm, src))
        while src is not None:
            nxt_run = _next_group_run(text, out, idx, refs, run, src)
            if nxt_run is None:
                break
            run, src = nxt_run
            vals = [out[i][0] for i in run]
            found.append((run, refs[src].arm, src))
    return found


def _time_list_is_values(out: list[tuple[Value, str, str]], m: re.Match[str]) -> bool:
    """Whether the "time list" overlaps a value read in the sentence: "Median overall survival
    was 25 and 20 months" lists the medians themselves, no landmark times."""
    a, b = m.start(), m.end()
    for v, _, _ in out:  # noqa: SIM110 (a loop: faster than any() over a generator)
        if v.start < b and v.end > a:
            return True
    return False


# A clause break between an arm and a landmark list it does not reach: "PFS was longer with
# A (HR, 0.76); in the overall population, the 12- and 24-month OS rates were ...", "more
# frequent with A, whereas across both arms the 6- and 12-month PFS rates were ...".
_LANDMARK_APART = re.compile(r",\s*(?:whereas|while|but)\b", re.I)


def _landmark_ref_apart(text: str, a: int, b: int) -> bool:
    """Whether a clause break separates the reference ending at ``a`` from the times at ``b``."""
    return _clause_break_unbracketed(text, a, b) or _LANDMARK_APART.search(text, a, b) is not None


# Between one group's landmark rates with its arm and the next group's: "91.0% and 87.5% with
# A and 85.0% and 80.5% with B", "..., respectively, in the A group, compared with 85.0% ...".
_NEXT_GROUP_GAP = re.compile(
    r"(?:\s+(?:group|arm|cohort)s?)?\s*,?\s*(?:and|versus|vs\.?|compared\s+with|as\s+against)?\s*",
    re.I,
)


def _next_group_run(
    text: str, out: list[tuple[Value, str, str]], idx: list[int], refs: list[ArmRef],
    run: list[int], j: int,
) -> tuple[list[int], int] | None:  # fmt: skip
    """The next group's rates at the same landmark times: as many bare rates of the same end
    point right after ``run`` (and the reference ``j`` after it that named it), joined like it
    and followed by a reference of another arm of their own ("... with A and 85.0% and 80.5%
    with B", "with A were 29% and 15%, respectively, versus 20% and 8% with B")."""
    n, r = len(run), refs[j]
    pos = max(r.end, out[run[-1]][0].ext_end)
    after = [i for i in idx if out[i][0].start >= pos]
    if len(after) < n:
        return None
    gap = text[pos : out[after[0]][0].start]
    resp = _RESPECTIVELY_GAP.match(gap)
    if resp:
        gap = gap[resp.end() :]
    if not _NEXT_GROUP_GAP.fullmatch(gap):
        return None
    nxt = after[:n]
    vals = [out[i][0] for i in nxt]
    if any(out[i][1:] != out[run[0]][1:] for i in nxt):
        return None
    if not all(_RUN_JOIN.fullmatch(text, a.ext_end, b.start) for a, b in itertools.pairwise(vals)):
        return None
    if len(after) > n and _RUN_JOIN.fullmatch(text, vals[-1].ext_end, out[after[n]][0].start):
        return None
    k = next((k for k, q in enumerate(refs) if q.start >= vals[-1].end), None)
    if k is None or refs[k].in_list or refs[k].arm in (None, r.arm):
        return None
    gap = text[vals[-1].ext_end : refs[k].start]
    resp = _RESPECTIVELY_GAP.match(gap)
    if resp:
        gap = gap[resp.end() :]
    return (nxt, k) if _follow_gap_ok(gap) else None


def _landmark_refs(
    landmarks: list[tuple[list[int], str | None, int | None]], claimed: set[int]
) -> list[int]:
    """The references the landmark runs took their arms from, marked used (``claimed``): "IDFS
    rates at 3 and 5 years were 91.0% and 87.5% with A and 85.0% and 80.5% with B,
    respectively" leaves A to the first run, so the values after it take B, the reference after
    them (a "respectively" list must not zip them with A and B)."""
    used = [j for _, _, j in landmarks if j is not None]
    claimed.update(used)
    return used


def _opens_own_clause(
    text: str, gap: str, r: ArmRef, out: list[tuple[Value, str, str]], e: int
) -> bool:
    """Whether reference ``r`` opens the clause after a ";" that ends the value's own ("In cohort
    A, the ORR was 56% (95% CI 30-80); in cohort B, the ORR was 42%"): when that clause holds
    a value of its own, ``r`` names that value's group, not the one before the ";"."""
    if not gap.lstrip(" )]").startswith(";"):
        return False
    end = text.find(";", r.end, e)
    return _value_between(out, r.end - 1, e if end < 0 else end)


def _value_between(out: list[tuple[Value, str, str]], a: int, b: int) -> bool:
    """Whether a value of ``out`` starts strictly between ``a`` and ``b``."""
    for o in out:  # noqa: SIM110 (a loop is faster than any() over a generator)
        if a < o[0].start < b:
            return True
    return False


def _carried_run_order(
    out: list[tuple[Value, str, str]],
    run: list[int],
    refs: list[ArmRef],
    last_named: tuple[int, list[str | None]] | None,
    one_arm: str | None = None,
) -> list[str | None] | None:
    """A bare compared run after an earlier run of the same sentence that was given its arms,
    with no arm reference between them, keeps that run's order: "more frequent with A (66.8% vs
    46.3%), and grade 3 febrile neutropenia occurred in 13.8% vs 7.6%" (A first again, not the
    design's order). A run given ``one_arm`` twice (two schedules of one regimen compared,
    ``_one_arm_compared_in_prose``) is carried too."""
    if last_named is None:
        return None
    end, names = last_named
    start = out[run[0]][0].start
    if len(names) != len(run) or None in names:
        return None
    if len(set(names)) != len(names) and not (one_arm and set(names) == {one_arm}):
        return None
    if any(end <= r.start < start for r in refs):
        return None
    return list(names)


# What may follow that bare value: its bracket, the clause's or sentence's end.
_BARE_END = re.compile(r"\s*(?:[()\[\];,]|\.(?!\d)|$)")
# A value's own group phrase: "in the L+C arm", "of those who received chemotherapy", and the
# group without the drug just named: "of those who did not", "of patients not receiving it".
_OWN_GROUP = re.compile(
    r"\s*(?:(?:of\s+(?:the\s+)?(?:patients|those|women|participants)\s+)?in\s+the\s+"
    r"(?:[\w+/-]+\s+){1,4}?(?:arm|group)\b|(?:of|in|among)\s+(?:those|patients|women|participants)\s+"
    r"(?:who\s+)?(?:received|receiving|were\s+given|given|treated|assigned|"
    r"(?:did|had|were)\s+not(?:\s+(?:receive|get|have)\b|(?=\s*(?:[,;.)\]]|$)))|"
    r"(?:were\s+)?not\s+(?:receiving|given|treated|assigned)\b))",
    re.I,
)
_VS_WORDS = r"vs\.?|versus|v\.?|(?:as\s+)?compared\s+(?:with|to)"
# Between the reference that names a value and the next, bare, value: "18.5 months in the A
# group vs 12.4 months".
_VS_GAP = re.compile(rf"\s*,?\s*(?:{_VS_WORDS})\s*", re.I)
# "52.3% in the A group (vs 16.3%; P<0.001)": a bracket opening with "vs" after an armed value
# holds the other group's value, never a breakdown of the first one's.
_VS_BRACKET = re.compile(rf"[(\[]\s*(?:{_VS_WORDS})\s", re.I)
_HEAD_TO_VS_BRACKET = re.compile(
    rf"\s*(?:patients|pts|participants|women|group|arm|cohort)?\s*[(\[]\s*(?:{_VS_WORDS})\s*",
    re.I,
)
# What may follow the value in such a bracket: its P, or a group phrase ("with TPC", "in the
# control group"; ``_vs_bracket_ends_for_a_group`` asks that it name a group).
_VS_BRACKET_END = re.compile(
    r"\s*(?:[)\];,]|(?P<phrase>(?:with|in|among|for)\s+[^()\[\];,]*)[)\]])", re.I
)
_GROUP_WORD = re.compile(r"\b(?:groups?|arms?|cohorts?|controls?|placebo|comparator)\b", re.I)


def _vs_bracket_ends_for_a_group(text: str, at: int, refs: list[ArmRef]) -> bool:
    """Whether the rest of a "(vs ...)" bracket after its value (from ``at``) is its P or a
    phrase naming a group (a group word or an arm reference): "(vs 16.3% in the overall
    population)", "(vs 46.0% in patients without brain metastases)" compare with a population,
    no other arm."""
    m = _VS_BRACKET_END.match(text, at)
    if m is None:
        return False
    start, end = m.span("phrase")
    if start < 0:
        return True
    return _GROUP_WORD.search(text, start, end) is not None or any(
        start <= q.start < end for q in refs
    )


# The phrase after the value of a "(vs ...)" bracket, up to the bracket's end or its P.
_VS_BRACKET_PHRASE = re.compile(r"\s+([^()\[\];,]{1,60}?)\s*[)\];,]")


def _vs_bracket_names_no_group(text: str, at: int, refs: list[ArmRef]) -> bool:
    """Whether the phrase after a "(vs ...)" bracket's value (from ``at``) qualifies it
    with no group word and no arm reference: "(vs 30.1% at baseline)", "(vs 16.3% in the
    overall population)", "(vs 12% before treatment)" compare with a time or a population,
    so the value is no arm's."""
    m = _VS_BRACKET_PHRASE.match(text, at)
    if m is None:
        return False
    start, end = m.span(1)
    return _GROUP_WORD.search(text, start, end) is None and not any(
        start <= q.start < end for q in refs
    )


# From a value to a "(vs ..." bracket after it: past the close of the value's own CI bracket
# ("52.3% (95% CI 45.1-59.4) (vs 30.1%)") and "of patients" ("in 45.1% of patients (vs ...").
_VALUE_TO_VS_BRACKET = re.compile(
    rf"[)\]]?\s*(?:of\s+(?:the\s+)?(?:patients|pts|participants|women)\s*)?[(\[]\s*"
    rf"(?:{_VS_WORDS})\s*",
    re.I,
)


def _vs_bracket_after_named(
    text: str,
    out: list[tuple[Value, str, str]],
    a: int,
    b: int,
    refs: list[ArmRef],
    source: dict[int, int],
) -> bool:
    """Whether value ``b`` opens a "(vs ...)" bracket right after value ``a``, whose arm the
    reference before it named ("The ORR with T-DXd was 52.3% (vs 30.1%)")."""
    va = out[a][0]
    return refs[source[a]].end <= va.start and (
        _VALUE_TO_VS_BRACKET.fullmatch(text, va.ext_end, out[b][0].start) is not None
    )


def _vs_bracket_arm(
    text: str,
    vb: Value,
    refs: list[ArmRef],
    arm: str | None,
    context: list[str | None] | Callable[[], list[str | None]],
) -> tuple[str | None] | None:
    """(The arm,) of value ``vb`` opening a "(vs ...)" bracket after a value of ``arm``, or
    None when the bracket's phrase is not read: a bare value (or one with its P, or a group
    phrase) is the other arm of a two-arm comparison under discussion, else no arm's; one
    qualified by a time or a population ("(vs 30.1% at baseline)") is no arm's."""
    if not _vs_bracket_ends_for_a_group(text, vb.ext_end, refs):
        return (None,) if _vs_bracket_names_no_group(text, vb.ext_end, refs) else None
    return (_other_arm(context, arm),)


def _other_arm(
    context: list[str | None] | Callable[[], list[str | None]], arm: str | None
) -> str | None:
    """The other arm of a two-arm comparison under discussion that holds ``arm``, else None."""
    ctx = _ctx(context)
    other = [x for x in ctx if x != arm] if len(ctx) == 2 and arm in ctx else []
    return other[0] if other else None


# The same when the next value has its own group phrase: "and" joins two groups too.
_PAIR_GAP = re.compile(rf"\s*,?\s*(?:and|{_VS_WORDS})\s*", re.I)


def _bare_value_after_vs(
    text: str,
    out: list[tuple[Value, str, str]],
    idx: list[int],
    refs: list[ArmRef],
    arms: list[str | None],
    source: dict[int, int],
    decided: set[int],
    context: list[str | None] | Callable[[], list[str | None]],
) -> None:
    """A value named by the reference right after it, then "vs" and a value no reference
    names (bare, or with a group phrase naming no defined arm after "and"/"vs": "42.9% of
    patients receiving A compared with 14.3% of patients receiving standard therapy alone"): the
    second is the other group's (the other arm of a two-arm comparison under discussion, else
    null), never the first one's reference again."""
    for a, b in itertools.pairwise(idx):
        if a not in source or b in decided:
            continue
        r = refs[source[a]]
        if r.start < out[a][0].end:
            continue
        vb = out[b][0]
        if _OWN_GROUP.match(text, vb.ext_end):
            # "9.9 months in the RC48 arm and 4.9 months in the L+C arm": a group phrase that
            # names no defined arm is still another group than the first value's
            if not _PAIR_GAP.fullmatch(text, r.end, vb.start):
                continue
        elif _HEAD_TO_VS_BRACKET.fullmatch(text, r.end, vb.start):
            if not _vs_bracket_ends_for_a_group(text, vb.ext_end, refs):
                if _vs_bracket_names_no_group(text, vb.ext_end, refs):
                    arms[b] = None  # "(vs 30.1% at baseline)": no arm's value
                    decided.add(b)
                continue
        elif not _VS_GAP.fullmatch(text, r.end, vb.start) or not _BARE_END.match(text, vb.ext_end):
            continue  # "vs 8% without dose delays": a qualified value, not the other group
        other = _other_arm(context, r.arm)
        if other and _named_before(out, idx, arms, source, a, other):
            other = None  # "2% in the A group, 20% in the B group, and 27% in the dual group"
        arms[b] = other
        decided.add(b)


def _named_before(
    out: list[tuple[Value, str, str]],
    idx: list[int],
    arms: list[str | None],
    source: dict[int, int],
    a: int,
    arm: str | None,
) -> bool:
    """Whether a value of the same end point before value ``a`` was given ``arm`` by a
    reference: the sentence lists groups one by one, so a value after both arms of the pair is a
    third group's, not the other arm's again."""
    for i in idx:
        if i >= a:
            break
        if i in source and arms[i] == arm and out[i][1] == out[a][1]:
            return True
    return False


# Between two bracketed values of one list: "thrombocytopenia (12.9%) and anemia (" — the
# closing bracket, a joiner, the next event's words (no digit: no other value) and an opening
# bracket. A comparison word among the event's words ("(16%), compared with hand-foot
# syndrome (", "versus", "whereas") opens another group's list: the reference after it is not
# the earlier values' (round 47).
_BRACKETED_LIST_GAP = re.compile(
    r"\s*[)\]]\s*(?:,\s*(?:and\s+)?|and\s+)(?!(?:compared|versus|vs|whereas|while|against)\b)"
    r"[A-Za-z](?:(?!\b(?:compared|versus|vs|whereas|while|against)\b)[A-Za-z\s/-]){0,40}?"
    r"\s*[(\[]\s*"
)


def _bracketed_list_before(
    text: str,
    out: list[tuple[Value, str, str]],
    idx: list[int],
    refs: list[ArmRef],
    arms: list[str | None],
    source: dict[int, int],
    decided: set[int],
) -> None:
    """ "thrombocytopenia (12.9%) and anemia (4.1%) with T-DM1": the reference after the last
    bracketed value of a list names every value of that list, not only the last one."""

    def joined(prev: int, cur: int) -> bool:
        return (
            _BRACKETED_LIST_GAP.fullmatch(text, out[prev][0].ext_end, out[cur][0].start) is not None
        )

    for _, k, r in _armed_by_later_ref(out, idx, refs, source, reverse=True):
        start = _run_start(k, idx, decided, joined)
        for j in idx[start:k]:
            arms[j] = r.arm
            decided.add(j)


# A list opened by a comparison word: "anaemia (10%), compared with 15%, 1%, and 3% in the
# placebo group".
# (the gate reads the text as written: its words without the first letter, whose case varies)
_COMPARED_GATE = WordGate(("ompared", "ersus", "vs", "VS", "gainst"))
_COMPARED_OPENING = re.compile(
    r"(?:\bcompared\s+(?:with|to)|\bversus|\bvs\.?|\bas\s+against)\s*$", re.I
)


def _compared_list_before_ref(
    text: str,
    out: list[tuple[Value, str, str]],
    idx: list[int],
    refs: list[ArmRef],
    arms: list[str | None],
    source: dict[int, int],
    decided: set[int],
) -> None:
    """ "neutropenia (25%), stomatitis (13%), and anaemia (10%), compared with 15%, 1%, and 3% in
    the placebo group": a bare list that a comparison word opens and a reference closes restates
    the values before it for that reference's group, so the reference names every value of the
    list (before, the first was paired with the value before the comparison word and the others
    took the earlier reference)."""

    def joined(prev: int, cur: int) -> bool:
        return out[prev][1:] == out[cur][1:] and (
            LIST_JOIN.fullmatch(text, out[prev][0].ext_end, out[cur][0].start) is not None
        )

    for _, k, r in _armed_by_later_ref(out, idx, refs, source):
        start = _run_start(k, idx, decided, joined)
        first = out[idx[start]][0].start
        if start == k or not _COMPARED_OPENING.search(text, max(0, first - 20), first):
            continue
        for j in idx[start:k]:
            arms[j] = r.arm
            decided.add(j)


def _armed_by_later_ref(
    out: list[tuple[Value, str, str]],
    idx: list[int],
    refs: list[ArmRef],
    source: dict[int, int],
    *,
    reverse: bool = False,
) -> Iterator[tuple[int, int, ArmRef]]:
    """(value, its place in ``idx``, reference) for each value of ``idx`` armed by a reference
    written after it (``source``: value -> reference), in value order (or reversed)."""
    pos = {i: k for k, i in enumerate(idx)}
    for i in sorted(source, reverse=reverse):
        r = refs[source[i]]
        if r.start >= out[i][0].end and i in pos:
            yield i, pos[i], r


def _run_start(
    k: int, idx: list[int], decided: set[int], joined: Callable[[int, int], bool]
) -> int:
    """Where the run of undecided values that ``joined`` links, ending at ``idx[k]``, starts."""
    while k > 0 and idx[k - 1] not in decided and joined(idx[k - 1], idx[k]):
        k -= 1
    return k


# "23% and 5%": two values of one end point joined by a bare "and".
_AND_GAP = re.compile(r"\s*,?\s*and\s+")


def _value_pairs_before_refs(
    text: str,
    out: list[tuple[Value, str, str]],
    idx: list[int],
    refs: list[ArmRef],
    arms: list[str | None],
    source: dict[int, int],
    decided: set[int],
) -> None:
    """ "Grade 3 and 4 events occurred in 23% and 5% of patients in the A arm and 15% and 1% in
    the B arm": each group's two values ("23% and 5%", grade 3 then grade 4) stand before its
    reference, and the reference right after the second names the first too. Read only when the
    sentence has two or more such pairs, each before a different arm's own (unlisted)
    reference: a single "45% and 30% in the A group" may be two groups' values. A pair an
    earlier reading gave one arm ("20% and 1%, respectively, in the B arm",
    ``_runs_of_one_ref_after``) counts as another such pair."""
    pairs: list[tuple[int, int]] = []
    read: list[str | None] = []  # the arms of the pairs read before (both values one arm's)
    for a, b in itertools.pairwise(idx):
        va, vb = out[a][0], out[b][0]
        if out[a][1:] != out[b][1:] or _AND_GAP.fullmatch(text, va.ext_end, vb.start) is None:
            continue
        if a in decided and b in decided and a not in source and arms[a] == arms[b]:
            read.append(arms[a])
            continue
        if a in decided or b not in decided or b not in source:
            continue
        r = refs[source[b]]
        if r.in_list or r.start < vb.end:
            continue
        pairs.append((a, b))
    named = [arms[b] for _, b in pairs] + read
    if not pairs or len(named) < 2 or len(set(named)) < len(named):
        return
    for a, b in pairs:
        arms[a] = arms[b]
        decided.add(a)  # not in ``source``: the pair is one group's, not two groups compared


# "40.7 vs 26.9 mo for T-DXd+P vs THP": a compared run, then as many arms compared in the same
# order. The opening word and the joins between the references (group words, articles).
_FOR_COMPARED = re.compile(r"\s*,?\s*(?:for|with|in|among|on)\s+(?:the\s+)?", re.I)
_REF_VS_GAP = re.compile(
    rf"\s*(?:(?:arms?|groups?)\s*)?,?\s*(?:{_VS_WORDS})\s+(?:(?:with|in|for|on)\s+)?"
    r"(?:the\s+)?",
    re.I,
)


def _run_before_compared_refs(
    text: str,
    out: list[tuple[Value, str, str]],
    idx: list[int],
    refs: list[ArmRef],
    arms: list[str | None],
    decided: set[int],
    claimed: set[int],
) -> None:
    """ "mPFS: 40.7 vs 26.9 mo for T-DXd+P vs THP": a compared run followed by "for"/"with"/
    "in" and as many references joined by "vs" names its values in that order (the nearest
    reference is the first arm's, not the second value's)."""
    for run in _runs(text, out, idx):
        if len(run) < 2 or any(i in decided for i in run):
            continue
        end = out[run[-1]][0].ext_end
        first = next((j for j, r in enumerate(refs) if r.start >= end), None)
        if first is None or first + len(run) > len(refs):
            continue
        named = refs[first : first + len(run)]
        if _FOR_COMPARED.fullmatch(text, end, named[0].start) is None:
            continue
        if any(
            _REF_VS_GAP.fullmatch(text, a.end, b.start) is None
            for a, b in itertools.pairwise(named)
        ):
            continue
        if None in (r.arm for r in named) or len({r.arm for r in named}) < len(named):
            continue
        for i, r in zip(run, named, strict=True):
            arms[i] = r.arm
            decided.add(i)
        claimed.update(range(first, first + len(run)))


def _one_arm_per_pair(
    text: str,
    out: list[tuple[Value, str, str]],
    idx: list[int],
    arms: list[str | None],
    source: dict[int, int],
    decided: set[int],
) -> None:
    """Two values of one compared run are two groups, so one reference cannot name both: in
    "those who received X had better RFS than those who did not (89% vs. 78%)" only the value
    the reference is next to (one decided by a reference right after it or bracketing it), else
    the first after the reference, keeps its arm; the other values that reference reached get
    null (the other group names no regimen)."""
    for run in _runs(text, out, idx):
        if len(run) < 2:
            continue
        by_ref: dict[int, list[int]] = {}
        for i in run:
            if i in source:
                by_ref.setdefault(source[i], []).append(i)
        for members in by_ref.values():
            if len(members) < 2 or len({arms[i] for i in members}) != 1:
                continue
            keep = next((i for i in members if i in decided), members[0])
            for i in members:
                if i != keep:
                    arms[i] = None


# "A was superior to B", "A compared to B": a comparison word puts A first and B second.
_PROSE_COMPARISON = re.compile(
    r"\b(?:versus|vs\.?|v\.?|compared\s+(?:with|to)|over|than|(?:superior|inferior|relative)\s+to|"
    r"superiority\s+to|"
    r"in\s+comparison\s+(?:with|to))(?!\w)",
    re.I,
)


def _compared_after_values(
    text: str, out: list, idx: list[int], refs: list[ArmRef], run: list[int]
) -> list[str | None] | None:
    """The two arms of a prose comparison after every value of the sentence, for a compared
    pair with no reference before it: "Thrombocytopenia (12.9% vs 0.2%) and elevated AST (4.3%
    vs 0.8%) were more frequent in the T-DM1 group than in the lapatinib-capecitabine group"
    names the pairs' arms in order (the comparison of the sentence before does not)."""
    if len(run) != 2 or len(refs) < 2:
        return None
    last = out[idx[-1]][0].ext_end
    after = [j for j, r in enumerate(refs) if r.start >= last]
    if len(after) < 2:
        return None
    a, b = refs[after[0]], refs[after[1]]  # (a list's "than" joins two arms: no in_list test)
    if a.arm is None or b.arm is None or a.arm == b.arm:
        return None
    if _CLAUSE_BREAK.search(text, a.end, b.start) or not _THAN_GAP.fullmatch(text, a.end, b.start):
        return None
    if not _than_order_agrees(text, a.start, out[run[0]][0].value, out[run[1]][0].value):
        return None
    return [a.arm, b.arm]


# The comparative before "A than B": "more frequent with A than with B" puts the larger value
# first, "less frequent with A than with B" the smaller one.
_MORE_WORD = re.compile(r"\b(?:more|higher|greater|increased|longer|larger)\b", re.I)
_LESS_WORD = re.compile(r"\b(?:less|lower|fewer|reduced|shorter|smaller|decreased)\b", re.I)


def _than_order_agrees(text: str, a: int, first: float, second: float) -> bool:
    """Whether the pair (``first``, ``second``) agrees with the comparative in the 40 characters
    before the first arm of "A than B" (at ``a``): "Diarrhea (20.7% vs 1.6%) ... less frequent
    with T-DM1 than with L+C" lists L+C's rate first, so the "than" order does not name the
    pair. With no comparative word, or both, the order is not checked."""
    window = text[max(0, a - 40) : a]
    more = _MORE_WORD.search(window) is not None
    less = _LESS_WORD.search(window) is not None
    if more == less:
        return True
    return first >= second if more else first <= second


# Between the two arms of "more frequent in the A group than in the B group" / "with A than
# with B" (only "than": "versus" may open a list of its own).
_THAN_GAP = re.compile(r"(?:\s+(?:group|arm)s?)?\s+than\s+(?:(?:in|with|among|on)\s+)?(?:the\s+)?")


# "longer than in the control group": a reference that is the comparator of a "than" phrase.
_THAN_BEFORE = re.compile(r"\bthan\s+(?:(?:in|with|among|on|for)\s+)?(?:the\s+|those\s+)?\Z", re.I)


def _than_comparator(text: str, ref: ArmRef, first: float, second: float) -> bool:
    """Whether the one arm a compared pair follows is the comparator of "than" ("PFS was longer
    than in the control group (12.4 vs 8.0 months)"): the pair lists the clause's subject, the
    design's other arm, first. Not when the comparative says the first value is the
    comparator's ("longer than in the control group (8.0 vs 12.4 months)")."""
    if text.find("than", max(0, ref.start - 20), ref.start) < 0:
        return False
    if _THAN_BEFORE.search(text, max(0, ref.start - 20), ref.start) is None:
        return False
    return _than_order_agrees(text, ref.start, first, second)


def _compared_in_prose(text: str, refs: list[ArmRef], prev: list[int]) -> bool:
    """Whether the last two references in ``prev`` name two arms compared in one clause
    ("A ... versus B"), though not as a list."""
    if len(prev) < 2:
        return False
    a, b = refs[prev[-2]], refs[prev[-1]]
    return (
        a.arm is not None
        and b.arm is not None
        and a.arm != b.arm
        and not (a.in_list and b.in_list)
        and _CLAUSE_BREAK.search(text, a.end, b.start) is None
        and _PROSE_COMPARISON.search(text, a.end, b.start) is not None
    )


def _one_arm_compared_in_prose(text: str, refs: list[ArmRef], prev: list[int]) -> bool:
    """Whether the last two references in ``prev`` are two schedules of one regimen compared in
    one clause ("weekly paclitaxel was superior to paclitaxel every 3 weeks"): both name the
    same arm, as the schedule is no part of an arm, so a compared pair after them is that arm's
    twice, not that arm's and the design's other arm's. Not when the two write different drugs
    ("trastuzumab plus lapatinib was superior to trastuzumab": "trastuzumab" resolves to the one
    arm holding it, yet is the other arm) nor when the second is given at progression or after
    crossover (another arm's later line, not a schedule)."""
    if len(prev) < 2:
        return False
    a, b = refs[prev[-2]], refs[prev[-1]]
    return (
        a.arm is not None
        and a.arm == b.arm
        and a.drugs == b.drugs
        and a.arm not in (PLACEBO_ONLY, NO_NAMED_DRUG)
        and _CLAUSE_BREAK.search(text, a.end, b.start) is None
        and _PROSE_COMPARISON.search(text, a.end, b.start) is not None
        and _LATER_LINE.search(text, a.end, _clause_end(text, b.end)) is None
    )


# "trastuzumab plus docetaxel given at progression", "trastuzumab after crossover": a regimen of
# a sequence arm's later line, which resolves to the arm that gives it up front
_LATER_LINE = re.compile(
    r"\b(?:at|after|upon|on|beyond)\s+(?:disease\s+)?progression|\bcross(?:ed|ing)?[\s-]?over",
    re.I,
)


_CLAUSE_STOP = re.compile(r"[;:(]|\.\s")


def _clause_end(text: str, pos: int) -> int:
    """The end of the clause that runs on at ``pos`` (its ";", ":", "(" or sentence end)."""
    m = _CLAUSE_STOP.search(text, pos)
    return m.start() if m else len(text)


# A value's own arm phrase that names no arm the design defined: "versus 6.9 months with the
# control regimen", "and 43.6% in the comparator arm", "with L+C" (an undefined short). Only
# "arm"/"regimen" (a "group" or "cohort" may be a subgroup of the one arm named before).
_OWN_ARM_AFTER = re.compile(
    r"\s*" + _OF_PATIENTS + r"(?:in|with|on|receiving)\s+"
    r"(?:the\s+(?:[\w+/-]+\s+){1,3}?(?:arm|regimen)\b|(?:the\s+)?[A-Z][\w-]*\s*\+\s*[A-Z])"
)


def _own_unread_arm(text: str, v: Value, e: int, refs: list[ArmRef]) -> bool:
    """Whether value ``v`` is followed by its own arm phrase holding no arm reference: the
    value is that other arm's, so the nearest reference before it does not name it."""
    m = _OWN_ARM_AFTER.match(text, v.ext_end, e)
    if m is None:
        return False
    return not any(m.start() < r.end and r.start < m.end() for r in refs)


# "ILD occurred in 12.1% of T-DXd pts (grade 5, 0.8%)": a bracket right after a value's own arm
# reference (and its head noun) breaks that value down; its share is that arm's, whatever the
# sentence compared before.
_HEAD_NOUN_TO_BRACKET = re.compile(
    r"\s*(?:patients|pts|participants|women|group|arm|cohort)?\s*[(\[]", re.I
)


def _bracketed_after_armed(
    text: str,
    out: list[tuple[Value, str, str]],
    idx: list[int],
    refs: list[ArmRef],
    arms: list[str | None],
    source: dict[int, int],
    decided: set[int],
) -> None:
    """Give a value opening a bracket right after the reference that gave the value before it
    its arm that arm."""
    for p, i in zip(idx, idx[1:], strict=False):
        if i in decided or p not in source:
            continue
        r = refs[source[p]]
        m = _HEAD_NOUN_TO_BRACKET.match(text, r.end)
        if m is None or r.start < out[p][0].ext_end or m.end() > out[i][0].start:
            continue
        if any(c in ")]" for c in text[m.end() : out[i][0].start]):
            continue  # the bracket closed before the value
        if _VS_BRACKET.match(text, m.end() - 1):
            continue  # "(vs 16.3%)": the other group's value (``_bare_value_after_vs``)
        if any(m.end() <= q.start < out[i][0].start for q in refs):
            continue  # the bracket names an arm of its own
        arms[i] = arms[p]
        decided.add(i)


def _last_ref_before(refs: list[ArmRef], pos: int, skip: set[int]) -> int | None:
    """The index of the last reference ending by ``pos`` whose index is not in ``skip``."""
    for j in range(len(refs) - 1, -1, -1):
        if refs[j].end <= pos and j not in skip:
            return j
    return None


def _context_runs(
    text: str,
    out: list[tuple[Value, str, str]],
    idx: list[int],
    context: list[str | None] | Callable[[], list[str | None]],
    arms: list[str | None],
) -> None:
    """Step 2 of ``_attribute_arms`` for a sentence without arm references: each run of
    compared values as long as the comparison under discussion gets its arms."""
    ctx = None
    for run in _runs(text, out, idx):
        if len(run) < 2:
            continue
        if ctx is None:
            ctx = _ctx(context)
        if len(ctx) == len(run):
            if _compares_subgroups(text, out, idx):
                return
            if _responder_groups_compared(text, out, run):
                continue
            for i, a in zip(run, ctx, strict=True):
                arms[i] = a


# "Early responders had a pCR rate of 35.7% compared with 19.8% in nonresponders": a value of
# the run is that of a group defined by its response to treatment ("in non-responders", "among
# early responders"), so the run compares response groups, not the arms under discussion.
_IN_RESPONDER_GROUP = re.compile(
    r"\s*(?:in|among|for)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?(?:non-?)?responders\b", re.I
)


def _responder_groups_compared(
    text: str, out: list[tuple[Value, str, str]], run: list[int]
) -> bool:
    """Whether a value of ``run`` is followed by a group of (non-)responders."""
    a, b = out[run[0]][0].start, out[run[-1]][0].ext_end
    if text.find("responders", a, b + 40) < 0:
        return False
    return any(_IN_RESPONDER_GROUP.match(text, out[i][0].ext_end) for i in run)


# "In the lapatinib arm, the pCR rates were 20.5% and 30.3%, respectively": the sentence opens
# with the one group its values are all about; the "respectively" pairs them with subgroups or
# end points named before, not with the arms under discussion.
_GROUP_OPENING = re.compile(r"\W*(?:in|among|within|for)\s+(?:the\s+)?$", re.I)


def _opens_with_one_group(text: str, s: int, refs: list[ArmRef]) -> bool:
    """Whether the sentence's only arm reference opens it as "In the X arm," (its refs all
    name that one arm): every value of the sentence is that arm's."""
    r = refs[0]
    if r.start - s > 30 or any(q.arm != r.arm for q in refs):
        return False
    return _GROUP_OPENING.fullmatch(text, s, r.start) is not None and text.startswith(",", r.end)


def _compares_subgroups(text: str, out: list[tuple[Value, str, str]], idx: list[int]) -> bool:
    """Whether two values of the sentence are each followed by a subgroup of patients ("88% in
    patients with pCR and 73% in patients without pCR, and OS was 96% and 86%,
    respectively"): its compared values are those subgroups', not the arms under discussion."""
    first = out[idx[0]][0].start
    if text.find("with", first) < 0 and text.find("who", first) < 0:
        return False
    named = 0
    for i in idx:
        if _IN_SUBGROUP.match(text, out[i][0].ext_end) is not None:
            named += 1
            if named == 2:
                return True
    return False


# "Patients with visceral disease had a lower ORR than those without (70% vs 85%)", "patients
# who had not received prior X achieved a longer mPFS than those previously treated with Y": the
# sentence compares subgroups of its own, named by what their patients had (not by a regimen
# they were given: "than those who received B" is an arm); so does "than lapatinib-naive
# patients" (a prior-therapy adjective before the people).
_THAN_SUBGROUP = re.compile(
    word_start(["than", "versus", r"vs\b\.?", r"compared\s+(?:with|to)"])
    + r"\s+(?:(?:those|patients|women|participants|pts)\s+(?:without|with(?!\s+the\b)|whose|"
    r"previously|not\b|who(?!\s+(?:received|receiving|were\s+(?:given|treated|assigned|"
    r"allocated|randomi[sz]ed))))|[\w-]+-(?:na[iï]ve|pre-?treated|exposed|refractory|resistant)"
    r"\s+(?:patients|women|participants|pts)\b)"
)


def _own_subgroups_compared(text: str, s: int, first: int) -> bool:
    """Whether the words before the sentence's first value compare two subgroups of patients
    ("... than those without"): its compared values are theirs, not the arms under discussion
    carried from an earlier sentence."""
    return _THAN_SUBGROUP.search(text, s, first) is not None


class _Once:
    """Calls a context function at most once."""

    def __init__(self, fn: Callable[[], list[str | None]]) -> None:
        self.fn = fn
        self.value: list[str | None] | None = None

    def __call__(self) -> list[str | None]:
        if self.value is None:
            self.value = self.fn()
        return self.value


def _ctx(context) -> list[str | None]:
    return context() if callable(context) else context


def _compared(arms: list[str | None], idx: list[int]) -> list[str | None]:
    """Distinct arms given to values of one sentence, in order, if two or more."""
    seen: list[str | None] = []
    for i in idx:
        a = arms[i]
        if a and a not in seen:
            seen.append(a)
    return seen if len(seen) >= 2 else []


_OPEN = frozenset("([")


def _leads_to(
    text: str, out: list[tuple[Value, str, str]], idx: list[int], decided: set[int], pos: int
) -> bool:
    """Whether an undecided value ends right before ``pos`` with only filler between
    ("12.1% of patients in the" + reference)."""
    before = [i for i in idx if i not in decided and out[i][0].end <= pos]
    if not before:
        return False
    v = out[before[-1]][0]
    if any(v.end < o[0].start < pos for o in out):
        return False
    return v.ext_end <= pos and _follow_gap_ok(text[v.ext_end : pos])


def _bracket_after(text: str, pos: int, limit: int) -> tuple[int, int] | None:
    """(open, close) of a bracket that opens right after ``pos`` ("X (12 [8%])"), or None."""
    i = pos
    while i < limit and text[i] == " ":
        i += 1
    if i >= limit or text[i] not in _OPEN:
        return None
    depth = 0
    for m in _BRACKET.finditer(text, i, min(limit, i + 120)):
        if m.group() in _OPEN:
            depth += 1
        else:
            depth -= 1
            if depth == 0:
                return i, m.start()
    return None


_BRACKET = re.compile(r"[(\[)\]]")

# One item of a grade breakdown: "grade 1, 2.7%", "grade 3: 0.8%", "G2 7.0%".
_GRADE_ITEM = re.compile(rf"[\s(\[;,]*{_GRADE}\s*(?:\d|I{{1,3}}V?|IV|V)\s*[,:=]?\s*$", re.I)


def _grade_breakdown(text: str, open_at: int, values: list[Value]) -> bool:
    """Whether each value in the bracket opened at ``open_at`` is one grade's share."""
    a = open_at
    for v in values:
        if _GRADE_ITEM.match(text, a, v.start) is None:
            return False
        a = v.ext_end
    return True


_FILLER = re.compile(
    # the value's own bracket, round or square ("9.5 months [range, 1.2 to 14.3+] with Y")
    r"^[\s,;:)\]]*(?:(?:\((?:[^()]|\([^()]*\))*\)|\[[^\[\]]*\])[\s,;)\]]*)?"
    r"(?:(?:with|in|for|among|on|receiving|received|under|from|by|of|during|the|those|all|"
    r"an?|these|patients?|pts|participants|women|men|who|were|was|had|have|been|treated|assigned|"
    r"randomi[sz]ed|allocated|"
    r"given|to|\d+[-\s](?:years?|months?|weeks?)\b|\d+|"
    r"(?:at|after)\s+(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten)[-\s]*"
    r"(?:years?|months?|weeks?)\b)\s*)*$",
    re.I,
)
# (A landmark after the value dates it: "92.3% at 3 years in the A group".)
# (A duration in the gap qualifies the group of a duration trial: "69% in the 1-year
# trastuzumab group", "88.0% in the 9-week trastuzumab group".)
_ANCHOR = re.compile(
    r"\b(?:with|in|for|among|on|receiving|received|under|from|by|of|given|treated|during)\b",
    re.I,
)  # ("3.1% of patients during P + H IV": a cross-over study's period names the regimen)


def _follow_gap_ok(gap: str) -> bool:
    if _OPEN_ONLY.fullmatch(gap):
        return True  # "40.2% (tucatinib arm)"
    return len(gap) <= 80 and bool(_FILLER.match(gap)) and bool(_ANCHOR.search(gap))


def _without_ref_gap(text: str, gap: str, r: ArmRef) -> bool:
    """ "56% [46-65; n=51 events] without": a reference that is the word "without" itself
    (``arms``' bare-without reading) holds its own anchor word, so filler alone may come before
    it, once the value's own bracket (its CI ends at the ";") has closed."""
    if text[r.start : r.start + 7].lower() != "without" or len(gap) > 80:
        return False
    rest = _BRACKET_REST.match(gap)
    return bool(_FILLER.match(gap[rest.end() :] if rest else gap))


# The rest of a value's bracket after its CI: "; n=51 events]".
_BRACKET_REST = re.compile(r"[^()\[\]]*[)\]]")


_OPEN_ONLY = re.compile(r"\s*[(\[]\s*(?:the\s+)?")
# "27 percent of the group given an anthracycline, cyclophosphamide, and trastuzumab", "8% of
# the patients in the arm receiving A": the value is that of the group the regimen after it
# names (group words and articles are not ``_FILLER``: elsewhere they end a clause). One
# subgroup adjective may stand before the people ("9% of Japanese patients receiving A").
_GROUP_GIVEN = re.compile(
    r"\s*of\s+(?:the\s+|all\s+|those\s+)?"
    r"(?:(?:(?!(?:and|or|vs|versus|than)\s)[A-Za-z][A-Za-z-]*\s+)?"
    r"(?:patients|women|participants)\s+)?"
    r"(?:(?:in\s+)?(?:the\s+)?(?:group|arm|cohort)\s+)?(?:who\s+(?:were\s+)?)?"
    r"(?:given|receiving|received|treated\s+with)\s+(?:an?\s+|the\s+)?",
    re.I,
)


# "86 (37·9%; ...) of 227 PET responders in group B", "two (1%) of 40 evaluable women in": a
# count's share of a named subset of one group; the subset's noun (up to three words, no
# joiner or number) need not be "patients" (``_FILLER`` knows only the usual population words).
_OF_COUNT = re.compile(
    r"[\s)\]]*of\s+\d[\d,]*\s+(?:(?!(?:and|or|vs|versus|than|but|whereas|while|compared|"
    r"respectively)\b)[A-Za-z][A-Za-z-]*\s+){1,3}(?:in|among|with|receiving|on)\s+(?:the\s+)?"
)


def _of_count_gap(gap: str) -> bool:
    """Whether ``gap`` (value to reference) is "of <count> <subset noun> in (the)"."""
    return len(gap) <= 80 and "of" in gap and _OF_COUNT.fullmatch(gap) is not None


# "hand-foot syndrome (15%) was most common in the lapatinib arm": the predicate after the
# bracketed value of its subject, up to the group it places the event in.
_SUBJECT_PREDICATE = re.compile(
    r"\s*[)\]]\s*(?:(?:was|were)\s+(?:the\s+)?(?:"
    r"most\s+(?:common|frequent)(?:ly\s+(?:reported|observed|seen))?|"
    r"(?:(?:mainly|mostly|predominantly|only)\s+)?(?:observed|reported|seen|noted))|"
    r"occurred(?:\s+(?:mainly|mostly|only|most\s+(?:often|frequently|commonly)))?"
    r")\s+(?:in|with|among)\s+(?:the\s+|those\s+|patients\s+)?",
    re.I,
)


def _bracketed_subject_gap(
    text: str, out: list[tuple[Value, str, str]], v: Value, gap: str
) -> bool:
    """Whether ``v``, alone in the bracket after the event it counts, is tied to the reference
    after ``gap`` by its clause's predicate ("hand-foot syndrome (15%) was most common in the
    lapatinib arm"): the group named there is the value's, not one named in an earlier clause."""
    if not gap.lstrip().startswith((")", "]")) or _SUBJECT_PREDICATE.fullmatch(gap) is None:
        return False
    opened = max(text.rfind("(", 0, v.start), text.rfind("[", 0, v.start))
    return opened >= 0 and v.start - opened <= 4 and not _value_between(out, opened, v.start)


def _group_given_gap(gap: str) -> bool:
    """Whether ``gap`` (value to regimen) is "of the group given (an)" or the like."""
    return _GROUP_GIVEN.fullmatch(gap) is not None


_CLAUSE_BREAK = re.compile(r";|,\s*and\b|\.\s")


def _clause_break_unbracketed(text: str, a: int, b: int) -> bool:
    """Whether a clause break stands between ``a`` and ``b`` outside the brackets opened there:
    the ";" of a statistics bracket ("superiority to B for PFS (HR, 0.74; 95% CI ...)") does not
    end the clause that named the arms."""
    for m in _CLAUSE_BREAK.finditer(text, a, b):  # noqa: SIM110 (the loop it was)
        if _outside_brackets(text, a, m.start()):
            return True
    return False


def _outside_brackets(text: str, a: int, k: int) -> bool:
    """Whether position ``k`` stands outside the brackets opened in text[a:k] (as many closed
    as opened): the one bracket test of ``_clause_break_unbracketed`` and
    ``_top_level_semicolon``."""
    gap = text[a:k]
    return gap.count("(") + gap.count("[") <= gap.count(")") + gap.count("]")


def _last_list(refs: list[ArmRef], prev: list[int]) -> list[int]:
    """The last run of listed references ("A versus B") among ``prev``."""
    out: list[int] = []
    for j in reversed(prev):
        if refs[j].in_list and (not out or out[0] == j + 1):
            out.insert(0, j)
        elif out:
            break
    return out


def _runs(text: str, out: list[tuple[Value, str, str]], idx: list[int]) -> list[list[int]]:
    """Consecutive compared values of one end point; with any "vs" join, only "vs" binds."""
    runs: list[list[int]] = []
    prev = -2  # the previous index of ``idx``: the last of the last run
    for i in idx:
        if (
            prev == i - 1
            and out[prev][0].paired_with_next
            and out[prev][1] == out[i][1]
            and out[prev][2] == out[i][2]
        ):
            runs[-1].append(i)
        else:
            runs.append([i])
        prev = i
    split: list[list[int]] = []
    for run in runs:
        if len(run) < 3:  # one join (or none): nothing to split
            split.append(run)
            continue
        joins = [_join_word(text, out[a][0], out[b][0]) for a, b in zip(run, run[1:], strict=False)]
        if "vs" in joins and any(j != "vs" for j in joins):
            cur = [run[0]]
            for k, j in enumerate(joins):
                if j == "vs":
                    cur.append(run[k + 1])
                else:
                    split.append(cur)
                    cur = [run[k + 1]]
            split.append(cur)
        else:
            split.append(run)
    return split


_VS_WORD = re.compile(r"\b(?:vs\.?|versus|v\.?|compared)(?:\s|$)", re.I)


def _join_word(text: str, a: Value, b: Value) -> str:
    gap = text[a.ext_end : b.start]
    return "vs" if _VS_WORD.search(gap) else "and"


# Between a regimen and the bracket that restates it: "... trastuzumab and pertuzumab (TCHP".
_RESTATED_GAP = re.compile(r"\s*[(\[]\s*")


def _runs_of_one_ref_after(
    text: str,
    e: int,
    out: list[tuple[Value, str, str]],
    idx: list[int],
    refs: list[ArmRef],
    arms: list[str | None],
    decided: set[int],
) -> None:
    """ "neutropenia (51%) and diarrhoea (20%) with A, compared with 20% and 1%, respectively,
    in the placebo arm": a run of values whose "respectively" is followed by a single arm (no
    other reference before the next value) pairs them with events named before; the run is
    all that arm's."""
    for k, last in enumerate(idx):
        m = _RESPECTIVELY_GAP.match(text, out[last][0].ext_end)
        if m is None:
            continue
        run = _listed_before(text, out, idx, k)
        if len(run) < 2 or any(i in decided for i in run):
            continue
        nxt = next((out[i][0].start for i in idx if out[i][0].start >= m.end()), e)
        within = [r for r in refs if m.end() <= r.start < nxt]
        if len(within) != 1 or within[0].in_list:
            continue
        if not _follow_gap_ok(text[m.end() : within[0].start]):
            continue
        for i in run:
            arms[i] = within[0].arm
            decided.add(i)


def _listed_before(
    text: str, out: list[tuple[Value, str, str]], idx: list[int], k: int
) -> list[int]:
    """The values of one end point listed ("20% and 1%", "5%, 3% and 1%") up to ``idx[k]``."""
    run = [idx[k]]
    while k > 0:
        a, b = idx[k - 1], idx[k]
        if a != b - 1 or out[a][1:] != out[b][1:]:
            break
        if not _RUN_JOIN.fullmatch(text, out[a][0].ext_end, out[b][0].start):
            break
        run.insert(0, a)
        k -= 1
    return run


def _listed_refs(text: str, s: int, e: int, refs: list[ArmRef]) -> list[ArmRef]:
    """The references a "respectively" list may zip with: those before its last "respectively"
    (a clause after it, "but grade 3 AEs were less frequent with T-DM1 plus pertuzumab (13% vs
    64%)", names no arm of the list), each arm restated in a bracket once
    (``_without_restated``)."""
    last = last_match(_RESPECTIVELY, text, s, e)
    if last is not None and refs[-1].start >= last.end():
        refs = [r for r in refs if r.start < last.end()] or refs
    return _without_joint_restatement(text, _without_restated(text, refs))


def _without_joint_restatement(text: str, refs: list[ArmRef]) -> list[ArmRef]:
    """``refs`` less a closing run of references inside one bracket that restates, in order, the
    arms of the run right before it ("A or B, and the ORR was 27% and 32% (AX and BX,
    respectively)"): the bracket names the listed arms jointly, no further ones."""
    for k in range(len(refs) // 2, 1, -1):
        run, before = refs[-k:], refs[-2 * k : -k]
        arms = [r.arm for r in run]
        if None in arms or arms != [r.arm for r in before]:
            continue
        if _in_one_bracket(text, before[-1].end, run[0].start, run[-1].end):
            return refs[:-k]
    return refs


def _in_one_bracket(text: str, a: int, b: int, c: int) -> bool:
    """Whether text[b:c] lies inside one bracket opened in text[a:b]."""
    inner = text[b:c]
    return not _outside_brackets(text, a, b) and not any(ch in inner for ch in "()[]")


def _refs_of_values_clause(text: str, refs: list[ArmRef], first: int) -> list[ArmRef] | None:
    """The references of a "respectively" list less those in an earlier ";" clause than the
    first value: "PFS was improved with N+C (HR, 0.76; ...); 12-month PFS rates were 29% and 15%
    for N+C and L+C, respectively" zips the rates with the two arms after them, not with the
    reference of the clause before. None when no reference is cut (the list was already read)."""
    if not refs or refs[0].end >= first:
        return None
    cut = _top_level_semicolon(text, refs[0].end, first)
    if cut is None:
        return None
    kept = [r for r in refs if r.start > cut]
    return kept if len(kept) < len(refs) else None


def _top_level_semicolon(text: str, a: int, b: int) -> int | None:
    """The last ";" in text[a:b] outside brackets (``_outside_brackets``), or None."""
    k = text.rfind(";", a, b)
    while k >= 0:
        if _outside_brackets(text, a, k):
            return k
        k = text.rfind(";", a, k)
    return None


def _without_restated(text: str, refs: list[ArmRef]) -> list[ArmRef]:
    """``refs`` less each reference that only restates the one before it in a bracket ("T-DM1
    plus pertuzumab with docetaxel, carboplatin, trastuzumab and pertuzumab (TCHP); pCR was
    achieved in 44.4% and 55.7% of patients, respectively"): the short form names no further
    arm, so a "respectively" list counts each arm once."""
    if len(refs) < 2:
        return refs
    kept = [refs[0]]
    for r in refs[1:]:
        prev = kept[-1]
        if r.arm != prev.arm or not _RESTATED_GAP.fullmatch(text, prev.end, r.start):
            kept.append(r)
    return kept


def _respectively(text, out, idx, refs, arms, decided) -> bool:
    """ "18.5 and 12.4 months with A and B, respectively": zip each run of values with the refs
    (a run of as many values as references); a run of several compared tuples ("neutropenia
    (19.1% vs 15.5%) and anaemia (6.1% vs 4.6%) in the A and B groups, respectively") zips each
    tuple with the references in turn (``_compared_tuples``). Runs holding a value an earlier
    reading decided are left alone. A ";" clause ends a run: "The median PFS was 20.6 months
    (...); median PFS was 19.6, 23.0 and 18.1 months with A, B and C, respectively" zips the
    three, not the whole population's value with them."""
    groups: list[list[int]] = []
    for i in idx:
        if (
            groups
            and out[groups[-1][-1]][1:] == out[i][1:]
            and not _semicolon_between(text, out, groups[-1][-1], i)
        ):
            groups[-1].append(i)
        else:
            groups.append([i])
    names = [r.arm for r in refs]
    done = False
    for g in groups:
        if any(i in decided for i in g):
            continue  # a run an earlier reading (a landmark run) already gave its arm
        if len(g) == len(names) and len(g) >= 2:
            for i, a in zip(g, names, strict=True):
                arms[i] = a
                decided.add(i)
            done = True
        elif _compared_tuples(out, g, len(names)) and not _ref_within(refs, out, g):
            for i, a in zip(g, names * (len(g) // len(names)), strict=True):
                arms[i] = a
                decided.add(i)
            done = True
    return done


# "8.8 months (95% CI ...); and 6.6 months (...) with A and B, respectively": a ";" right before
# the next value (perhaps with "and") separates the items of one list, not two clauses.
_LIST_SEMICOLON = re.compile(r";\s*(?:(?:and|or)\s+)?", re.I)


def _semicolon_between(text: str, out, i: int, j: int) -> bool:
    """Whether a ";" outside brackets ends a clause between values ``out[i]`` and ``out[j]``
    (the clause after it restates its subject: "; median PFS was 19.6, ...")."""
    a, b = out[i][0].ext_end, out[j][0].start
    if text.find(";", a, b) < 0:
        return False
    k = _top_level_semicolon(text, a, b)
    return k is not None and _LIST_SEMICOLON.fullmatch(text, k, b) is None


def _ref_within(refs: list[ArmRef], out, g: list[int]) -> bool:
    """Whether a reference stands among the values of run ``g``: "23% and 5% of patients in the
    combination arm and 15% and 1% in the anastrozole alone arm, respectively" gives each tuple
    the arm after it (the tuples are grades, not the arms)."""
    a, b = out[g[0]][0].start, out[g[-1]][0].end
    for r in refs:  # noqa: SIM110 (a loop is faster than any() over a generator)
        if a < r.start < b:
            return True
    return False


def _compared_tuples(out, g: list[int], n: int) -> bool:
    """Whether the run ``g`` is several compared tuples of ``n`` values each: "neutropenia (19.1%
    vs 15.5%), anaemia (6.1% vs 4.6%) and thrombocytopenia (7.0% vs 24.9%) in the A and B groups,
    respectively" lists one pair per event (the events differ, the end point code does not), so
    each pair zips with the arms in turn. Each tuple is joined by "vs" within (``paired_with_next``)
    and not to the next one."""
    if n < 2 or len(g) <= n or len(g) % n:
        return False
    for k in range(0, len(g), n):
        chunk = g[k : k + n]
        if out[chunk[-1]][0].paired_with_next:
            return False
        if not all(out[i][0].paired_with_next for i in chunk[:-1]):
            return False
    return True


# Between the last value of a run and an enumerated list of arms: "52% in arms A, B and C".
_TO_LIST = re.compile(r"\s*(?:\([^()]*\)\s*)?,?\s*" + _OF_PATIENTS_IN + r"(?:the\s+)?", re.I)


def _values_before_list(
    text: str,
    out: list[tuple[Value, str, str]],
    idx: list[int],
    refs: list[ArmRef],
    arms: list[str | None],
    decided: set[int],
    claimed: set[int],
) -> None:
    """ "61%, 55%, and 52% in arms A, B, and C" (no "respectively"): a run of compared values
    right before an enumerated list of as many arms (``ArmRef.enumerated``) gets them in
    order; the references are then used up."""
    for run in _runs(text, out, idx) if _any_enumerated(refs) else ():
        if len(run) < 2 or any(i in decided for i in run):
            continue
        last = out[run[-1]][0]
        first = next((j for j, r in enumerate(refs) if r.start >= last.end), None)
        if first is None or not refs[first].enumerated or first in claimed:
            continue
        if last.ext_end > refs[first].start or not _to_list(
            text, out[run[0]][0].start, last.ext_end, refs[first].start
        ):
            continue
        listed = [first]
        while listed[-1] + 1 < len(refs) and refs[listed[-1] + 1].enumerated:
            listed.append(listed[-1] + 1)
        if len(listed) != len(run):
            continue
        for i, j in zip(run, listed, strict=True):
            arms[i] = refs[j].arm
            decided.add(i)
            claimed.add(j)


_CLOSER_GAP = re.compile(r"\s*[)\]]")


def _to_list(text: str, a: int, b: int, ref_start: int) -> bool:
    """Whether text[b:ref_start] leads from a run's last value to its list of arms; the gap may
    first close a bracket opened within the run ("(0% vs 5%) in the A and B arms", "15% (P =
    0.3) in the ...", where the value's statistics end before the closer)."""
    if _TO_LIST.fullmatch(text, b, ref_start):
        return True
    m = _CLOSER_GAP.match(text, b, ref_start)
    if m is None or _opening_bracket(text, max(a - 2, 0), b) is None:
        return False
    return _TO_LIST.fullmatch(text, m.end(), ref_start) is not None


def _any_enumerated(refs: list[ArmRef]) -> bool:
    """Whether a reference of ``refs`` belongs to an enumerated list ("arms A, B, and C")."""
    for r in refs:  # noqa: SIM110 (a loop is faster than any() over a generator)
        if r.enumerated:
            return True
    return False


# Proportions that a P compares: rates of an end point and incidences of an adverse event.
_COMPARED_SHARES = ("rate", "incidence")


def _share_rate_p(
    text: str,
    s: int,
    e: int,
    out: list[tuple[Value, str, str]],
    arms: list[str | None],
    low: str | None = None,
    refs: list[ArmRef] | None = None,
) -> None:
    """A P value printed after compared rates (no HR/OR in between) belongs to each of them:
    "43.6% vs 30.8% (P<0.001)", "... in the A group and 99 (44.4%) in the B group (difference
    ...; p=0.016)". The P is the first one after the rates; values before an earlier P or an
    HR/OR are not part of that comparison. "Rates" here are the values of every measure
    ``_p_sharing_measures`` names (incidences; medians when no HR/OR, else only those of a
    bracket the P closes, ``_medians_of_closed_bracket``). A P labelled with the pair it
    compares goes to that pair only (``_labelled_pair``, read in the sentence's ``refs``)."""
    kinds = _p_sharing_measures(out)
    # (a ratio in the sentence: medians share only a P closing their own bracket)
    bracketed = () if "median" in kinds else ("median",)
    rates = [i for i, (_, _, m) in enumerate(out) if m in kinds or m in bracketed]
    # A shared P needs two rates of different arms (or of different named groups).
    if len(rates) < 2:
        return
    if (
        len({arms[i] for i in rates}) < 2
        and not GROUP_GATE.may_hold(low, s, e)
        and not _SUBGROUP_GATE.may_hold(low, s, e)
        and not _RESPECTIVELY_GATE.may_hold(low, s, e)
        and not _CONTRAST_GATE.may_hold(low, s, e)
    ):
        return
    ps = p_matches(text, s, e)
    if not ps:
        return
    boundary = s
    labelled: list[int] = []  # the rates the last labelled P chose from
    for m in ps:
        p_start = m.start()
        group = [
            i
            for i, (v, _, meas) in enumerate(out)
            if meas in kinds and boundary <= v.start < p_start
        ]
        after = boundary  # the end of the previous P
        boundary = m.end()
        if is_subgroup_p(text, m):  # a P for interaction/trend is no between-arm P
            continue
        pair = _labelled_pair(text, s, m, refs) if refs else None
        if pair is not None:
            # "(TL vs T, p = 0.04; TL vs L, p = 0.01)": a second label picks from the same rates
            group = group or labelled
            labelled = group
            if len(group) > 2:
                _give_labelled_p(out, arms, group, pair, m)
                continue
        else:
            labelled = []
        if not group and bracketed:
            group = _medians_of_closed_bracket(text, out, after, m)
        if len(group) < 2 or any(  # (an HR/OR between blocks: tested only for a pair or more)
            meas in ("HR", "OR") and after <= v.start < p_start for v, _, meas in out
        ):
            continue
        if len(group) > 2 and _CONTRAST_GATE.may_hold(low, s, e):
            group = _contrasted_tail(text, out, group)
        if _per_value_p(out, group, m):
            continue
        eps = {out[i][1:] for i in group}  # one end point, one measure
        named = {arms[i] for i in group}
        if len(eps) != 1 or (
            len(named) < 2
            and not _in_named_groups(text, out, group)
            and not _respectively_before(text, out[group[-1]][0].ext_end, p_start)
            and not _contrasted_pair(text, out, group)
        ):
            continue
        p = normalise_p(m.group("op"), m.group("num"))
        if any(out[i][0].p not in (None, p) for i in group):
            continue
        for i in group:
            out[i][0].p = p


# "(TL vs T, p = 0.04)": a P whose bracket first names the two groups it compares (or names
# them right after the P: "(P = .04 for TL vs T)").
_PAIR_LABEL_JOIN = re.compile(r"\s*(?:versus|vs\.?|v\.?|compared\s+(?:with|to))\s*", re.I)
_LABEL_REACH = 60  # characters from the bracket's opening to its P


def _labelled_pair(text: str, s: int, m: re.Match[str], refs: list[ArmRef]) -> set[str] | None:
    """The two arms a bracket's label names before the P ``m`` ("(TL vs T, p = 0.04)", also
    after a ";" in that bracket) or right after it ("(P = .01 for TL vs T)"), or None."""
    a = max(s, m.start() - _LABEL_REACH)
    opening = _opening_bracket(text, a, m.start())
    if opening is None:
        return None
    start = max(opening, text.rfind(";", opening, m.start()))
    inside = [r for r in refs if start < r.start and r.end <= m.start()]
    if not inside:
        return _pair_label_after(text, m, refs)
    return _compared_pair(text, inside)


# "(P = .01 for TL vs T)": the label after the P, up to the end of its bracket or a ";".
_LABEL_AFTER_P = re.compile(r"\s*,?\s*(?:for|comparing)?\s*")
_LABEL_END = re.compile(r"\s*[;)\]]")


def _pair_label_after(text: str, m: re.Match[str], refs: list[ArmRef]) -> set[str] | None:
    """The two arms a label right after the P ``m`` names, when the label ends the P's clause
    of its bracket ("(P = .01 for TL vs T; ...)"), or None."""
    after = [r for r in refs if m.end() <= r.start <= m.end() + _LABEL_REACH][:2]
    if len(after) != 2 or _LABEL_AFTER_P.fullmatch(text, m.end(), after[0].start) is None:
        return None
    if _LABEL_END.match(text, after[1].end) is None:
        return None
    return _compared_pair(text, after)


def _compared_pair(text: str, pair: list[ArmRef]) -> set[str] | None:
    """The arms of two references joined by "vs" ("TL vs T"), when they are two arms."""
    if len(pair) != 2 or pair[0].arm is None or pair[1].arm is None:
        return None
    if pair[0].arm == pair[1].arm:
        return None
    join = _PAIR_LABEL_JOIN.match(text, pair[0].end, pair[1].start)
    if join is None or join.end() != pair[1].start:
        return None
    return {pair[0].arm, pair[1].arm}


def _give_labelled_p(
    out: list[tuple[Value, str, str]],
    arms: list[str | None],
    group: list[int],
    pair: set[str],
    m: re.Match[str],
) -> None:
    """Give the P ``m`` to the one rate of each arm of ``pair`` in ``group`` (of one end point),
    and take it from the other rates of ``group`` (which may have read it as theirs)."""
    chosen = [i for i in group if arms[i] in pair]
    if len(chosen) != 2 or len({out[i][1:] for i in chosen}) != 1:
        return
    p = normalise_p(m.group("op"), m.group("num"))
    for i in group:
        v = out[i][0]
        if i in chosen:
            if v.p is None:
                v.p = p
        elif v.p == p and v.ext_end > m.start():
            v.p = None


def _medians_of_closed_bracket(
    text: str, out: list[tuple[Value, str, str]], after: int, m: re.Match[str]
) -> list[int]:
    """The medians in the bracket the P ``m`` closes ("event-free survival (EFS; 35.1 v 22.9
    weeks; P = .004)"), when the bracket opens after the previous P (``after``), or right before
    a bracket that holds no other number ("median OS was 30.1 vs 25.3 months (P = .04)"): a
    pair compared with a P of its own, though an HR elsewhere in the sentence takes its own P.
    (An HR/OR between the previous P and this one is tested by the caller.) Empty when the P
    closes no bracket."""
    k = m.end()
    while k < len(text) and text[k] == " ":
        k += 1
    if k == len(text) or text[k] not in ")]":
        return []
    opening = _opening_bracket(text, after, m.start())
    if opening is None:
        return []
    p_start = m.start()
    inside = [
        i for i, (v, _, meas) in enumerate(out) if meas == "median" and opening < v.start < p_start
    ]
    if inside or _NUMBER_IN.search(text, opening, p_start):
        return inside
    before = [
        i for i, (v, _, meas) in enumerate(out) if meas == "median" and after <= v.start < opening
    ]
    if not before or text[out[before[-1]][0].ext_end : opening].strip():
        return []
    return before


_NUMBER_IN = re.compile(r"\d")


def _opening_bracket(text: str, a: int, b: int) -> int | None:
    """The offset of the bracket open at ``b`` (not closed before it), scanning back to ``a``."""
    depth = 0
    for k in range(b - 1, a - 1, -1):
        c = text[k]
        if c in ")]":
            depth += 1
        elif c in "([":
            if depth == 0:
                return k
            depth -= 1
    return None


def _per_value_p(out: list[tuple[Value, str, str]], group: list[int], m: re.Match[str]) -> bool:
    """Whether the P ``m`` sits in the statistics bracket (CI and P) of the last value of
    ``group`` and the next value of that end point has a CI and P of its own too ("93 of 177
    (52·5%, CI) in A, 91 of 171 (53·2%, CI; p=0·9852) in B, and 106 of 171 (62·0%, CI; p=0·095)
    in C"): each P compares its own group with the first, so it stays with its value (which read
    it) and the first takes none. A single P in the second of two values' brackets still
    compares the pair; so does a P after a pair whose next pair has a P but no CI."""
    last = out[group[-1]]
    if last[0].ci_low is None or not last[0].start < m.start() < last[0].ext_end:
        return False
    nxt = next((v for v, ep, meas in out if v.start > m.end() and (ep, meas) == last[1:]), None)
    return nxt is not None and nxt.p is not None and nxt.ci_low is not None


# Between two values of one end point, a word that contrasts them: "11.2 months in the
# first-line setting versus 5.9 months in later lines", "11.2 months, while it was 5.9 months".
_CONTRAST_JOIN = re.compile(
    word_start(["versus", r"vs\b", r"compared\s+(?:with|to)", "while", "whereas"]) + r"(?!\w)"
)
_CONTRAST_GATE = WordGate(("vs", "versus", "compared", "while", "whereas"))


def _contrasted_pair(text: str, out: list[tuple[Value, str, str]], group: list[int]) -> bool:
    """Whether the two values of ``group`` are set against each other by a contrast word
    between them ("... versus ...", "..., while it was ..."): compared groups, whichever groups
    they are, so the P printed after them is each one's."""
    if len(group) != 2:
        return False
    a, b = out[group[0]][0], out[group[1]][0]
    return b.start - a.ext_end <= 80 and _CONTRAST_JOIN.search(text, a.ext_end, b.start) is not None


def _contrasted_tail(text: str, out: list[tuple[Value, str, str]], group: list[int]) -> list[int]:
    """The last two values of ``group`` when only they are set against each other ("50.0% in
    all patients and 83.3% in A, versus 33.3% in B (P = 0.04)"): the P printed after them
    compares that pair, not the value listed before it. ``group`` otherwise."""
    tail = group[-2:]
    if not _contrasted_pair(text, out, tail):
        return group
    first, last_but_one = out[group[0]][0], out[tail[0]][0]
    if _CONTRAST_JOIN.search(text, first.start, last_but_one.start) is not None:
        return group
    return tail


# "96% and 86%, respectively (P = .025)": compared values, whichever groups they are.
_RESPECTIVELY_P_GAP = re.compile(r"\s*,?\s*respectively\s*[(\[;,]?\s*", re.I)


def _respectively_before(text: str, a: int, b: int) -> bool:
    """Whether text[a:b] (after the last compared value, before its P) is ", respectively (":
    the values before are a compared run even when no arm or group phrase names them."""
    return b - a < 20 and _RESPECTIVELY_P_GAP.fullmatch(text, a, b) is not None


def _p_sharing_measures(out: list[tuple[Value, str, str]]) -> tuple[str, ...]:
    """Measures whose compared values share a P printed after them: rates and incidences
    always; medians too when the sentence has no HR/OR (whose P it would be): "4.8 months in
    arm A and 6.9 months in arm B (P = .13)" gives .13 to both medians, as "4.8 vs 6.9 months
    (P = .13)"."""
    for _, _, m in out:  # (a loop: faster than any() over a generator)
        if m in _RATIOS:
            return _COMPARED_SHARES
    return (*_COMPARED_SHARES, "median")


# "42.7% in the combination arm": a rate followed by the group it was measured in.
_IN_GROUP = re.compile(
    r"\s*(?:(?:of\s+patients\s+)?in|of)\s+the\s+((?:[\w+-]+\s+){1,4}?)(?:arm|group|cohort)\b",
    re.I,
)

# "4.8 months in arm A", "9.1 months (95% CI, 6.1-12.1 months) in arm A": a value (a value's
# CI bracket ends before its closing bracket) followed by the lettered group it was measured in.
_IN_LETTERED_GROUP = re.compile(
    r"[)\]]?\s*(?:of\s+patients\s+)?in\s+(?i:arm|group|cohort)\s+([A-Z]|[1-9])(?![\w-])"
)


# "88% in patients with pCR and 73% in patients without pCR": rates of two subgroups, named by
# what their patients had or did not have.
_SUBGROUP_TAIL = (
    r"\s+((?:with|without|who)\b[^,;()\[\]]{1,40}?)(?=\s*(?:[,;()\[\]]|\.(?!\d)|$|(?:and|vs\.?"
    r"|versus|compared)\b))"
)
_IN_SUBGROUP = re.compile(r"\s*(?:in|among)\s+(?:the\s+)?" + _PEOPLE + _SUBGROUP_TAIL, re.I)
# "45% of patients with HER2-enriched tumours and 8% of those with luminal A tumours": each rate
# a share of its own subgroup (read for a shared P only: "of patients with" after a single rate
# names whom it counts, no compared group).
_OF_SUBGROUP = re.compile(r"\s*of\s+" + _PEOPLE + _SUBGROUP_TAIL, re.I)
_SUBGROUP_GATE = WordGate(("with", "who"))  # every _IN_SUBGROUP match holds one

# "49.6% in hormone receptor-negative and 31.2% in hormone receptor-positive tumors", "28.6% with
# PIK3CA mutations and 53.1% in wild-type tumors": rates of tumour groups defined by a marker
# (the first may leave the noun to the second), compared as the rates of named groups are.
_MARKER_STATUS = r"[\w+]*(?:-negative|-positive|-mutant|-mutated|wild-type|-high|-low|-enriched)"
_IN_TUMOUR_GROUP = re.compile(
    r"\s*(?:in|among|with)\s+(?:the\s+)?((?:[\w+-]+\s+){0,3}?(?:"
    + _MARKER_STATUS
    + r"(?:\s+(?:tumou?rs?|disease|cancers?))?|[\w+-]+\s+(?:mutations?|tumou?rs?|cancers?)))"
    r"(?=\s*(?:[,;()\[\]]|\.(?!\d)|$|(?:and|vs\.?|versus|compared)\b))",
    re.I,
)


def _in_named_groups(text: str, out: list[tuple[Value, str, str]], group: list[int]) -> bool:
    """Whether each rate of ``group`` is followed by its own group phrase, all different ("42.7%
    in the combination arm and 27.9% in the monotherapy arm"): rates of compared groups, even
    when the registry cannot say which arms those groups are."""
    names = set()
    for i in group:
        v = out[i][0]
        m = (
            _IN_GROUP.match(text, v.ext_end)
            or _IN_LETTERED_GROUP.match(text, v.ext_end)
            or _IN_SUBGROUP.match(text, v.ext_end)
            or _IN_TUMOUR_GROUP.match(text, v.ext_end)
            or _OF_SUBGROUP.match(text, v.ext_end)
        )
        if m is None:
            return False
        names.add(m.group(1).lower().strip())
    return len(names) == len(group)


# The gates ``sentence_outcome_rows`` asks about each sentence with values, read in one pass
# (``GateSet``); built here, below the last of them.
_SENTENCE_GATES = GateSet(
    _ASSUMPTION_GATE,
    _MODELED_GATE,
    _RESPECTIVELY_GATE,
    _FROM_TO_GATE,
    _EVERY_ARM_GATE,
    _POOLED_GATE,
)
