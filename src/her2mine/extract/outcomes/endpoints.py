"""End-point mentions: the lexicon scan (``find_endpoints``) and its corrections, the end-point
classes."""

from __future__ import annotations

import re
from operator import attrgetter

from her2mine.extract.drugs.brackets import _spells_initials
from her2mine.extract.fastre import SPAN, WordGate, finditer_at, literal_starts
from her2mine.extract.hits import Hit, resolve_overlaps
from her2mine.extract.lexicon import EndpointLexicon, lower_same_length, term_spans
from her2mine.extract.numbers import DECIMAL
from her2mine.extract.outcomes.grades import _ANY, _G3

TIME_TO_EVENT = {"PFS", "OS", "DFS", "IDFS", "EFS", "RFS", "TTP", "CNS-PFS", "DOR"}
_RESPONSES = {"ORR", "pCR", "CBR", "DCR"}  # shares of patients: odds ratios, never hazards
SAFETY = {"AE", "AE_G3", "ILD"}


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
        hits += rate_short_forms(text, hits, lex)
        hits += event_short_forms(text, hits, lex)
    if _CNS_GATE.may_hold(low, 0, len(low)):
        hits = cns_qualified(low, hits)
    if _DLT_GATE.may_hold(low, 0, len(low)):
        hits = dose_limiting_toxicities(low, hits)
    if _LAB_CHANGE_GATE.may_hold(low, 0, len(low)):
        hits = laboratory_changes(text, low, hits)
    if _GRADED_EVENTS_GATE.may_hold(low, 0, len(low)):
        hits = graded_events(text, low, hits)
    if _RESPONSE_GATE.may_hold(low, 0, len(low)):
        hits = bare_responses(text, low, hits)
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
# A residual-disease class or stage may define a pCR ("pCR (RCB-0)", "(ypT0/is ypN0; RCB 0)"):
# its digit is no value either (review of round 58b, which made "RCB" an unlisted end point).
_CLASS_IN_GLOSS = r"(?<![\w-])(?:RCB[\s-]?|yp[TN])(?:[0-4]|I{1,3})(?:/(?:is|[0-4]|I{1,3}))?(?!\w)"
_NO_DIGIT_TO_CLOSE = re.compile(
    rf"[^()\d]*(?:(?:{_DURATION_IN_GLOSS}|{_CLASS_IN_GLOSS})[^()\d]*)*\)"
)


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
    rf"\b(?:{DECIMAL}|one|two|three|four|five|six|seven|eight|nine|ten)[\s-]*"
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


# "the rate of grade 3 events was 20%", "grade 3 or 4 events occurred in 18%", "events of grade
# 3 or higher": events a grade qualifies are adverse events (the lexicon leaves the bare word
# "events" out: disease-free survival counts "invasive disease events"). Read on the lower-cased
# text; only the word "events" is the mention, so the qualifier grades it as for "adverse events".
_EVENT_GRADE = (
    r"grades?\s*(?:≥|>=|=>|>)?\s*(?:[1-5]|i{1,3}|iv|v)\b"
    r"(?:\s*(?:-|–|/|or|and|to)\s*(?:[1-5]|i{1,3}|iv|v|higher|greater|above|worse)\b)?"
    r"(?:\s*or\s+(?:higher|worse))?"
)
_GRADED_EVENTS = re.compile(
    rf"\b{_EVENT_GRADE}\s*\)?\s+"
    r"(?:(?:treatment|drug|study[\s-]drug)[\s-](?:related|emergent)\s+|serious\s+)?(events?)\b"
    rf"|\b(events?)\s+of\s+{_EVENT_GRADE}"
)
_GRADED_EVENTS_GATE = WordGate(("grade",))


def graded_events(text: str, low: str, hits: list[Hit]) -> list[Hit]:
    """``hits`` plus an AE mention for each "events" a grade qualifies (``_GRADED_EVENTS``)
    that no hit overlaps and no event named earlier in its sentence owns. ``low``: the
    lower-cased text."""
    if low.find("event") < 0:
        return hits
    added = [
        Hit("endpoint", a, b, text[a:b], "AE")
        for a, b in (m.span(1 if m.group(1) else 2) for m in _GRADED_EVENTS.finditer(low))
        if not any(h.start < b and a < h.end for h in hits)
        and not _after_named_event(text, hits, a)
    ]
    return hits + added if added else hits


# Round 94c: "Responses were seen in most cohorts, including 33.3% of patients in the biliary
# tract cohort", "a response occurred in 40%", "8 patients (40%) responded": the bare word
# reporting the share of patients with a response is the objective response rate (the lexicon
# holds it only with a qualifier, "objective response"). Only with no adjective before it
# ("complete", "partial", "intracranial", "immune" responses are other things or none) and in
# a clause that reports it: "Responses"/"a response" opening a clause before "were seen in" /
# "occurred in", "had/achieved a response", "patients responded" / "(40%) responded". A term
# that holds the word ("pathological complete response", "duration of response") keeps its
# own end point: a bare word inside a hit is not read. Read on the lower-cased text.
_RESPONSE_GATE = WordGate(("respon",))
_RESPONSE_WORD = re.compile(r"respon(?:ses|se|ded)(?![\w-])")
# What opens the clause before the word: a sentence or clause start (a determiner or
# "confirmed" between) ...
_RESPONSE_CLAUSE_OPEN = re.compile(
    r"(?:\A|[.;:!?(]\s*|\n\s*|,\s*|\b(?:and|but|while|whereas)\s+)(?:(?:an?|confirmed)\s+){0,2}\Z"
)
# ... then the verb that reports its share ("were seen in", "occurred among").
_RESPONSE_SEEN = re.compile(
    r"\s+(?:(?:was|were)\s+(?:seen|observed|noted|reported|recorded|documented|achieved)|"
    r"occurred)\s+(?:in|among)\b"
)
# "had a response", "achieved a confirmed response" (a subgroup, "patients who had a response",
# is dropped later as any end point's is).
_RESPONSE_HAD = re.compile(r"\b(?:had|achieved|attained|experienced)\s+an?\s+(?:confirmed\s+)?\Z")
# "40% of patients responded", "8 (40%) responded" (not "who responded", "had responded").
_RESPONDED_BY = re.compile(r"(?:%\s*\)?|\b(?:patients|participants|women|pts|whom))\s+\Z")
# "responded to prior trastuzumab": a feature of the population, no result.
_RESPONSE_TO_PRIOR = re.compile(
    r"\s+to\s+(?:(?:the|their)\s+)?(?:prior|previous|earlier|preceding|first-line|neoadjuvant)\b"
)
_RESPONSE_REACH = 40  # characters read before the word
# Review of round 94: "24.1% had a response lasting 12 months or longer", "14 (70.0%) had a
# response of at least 6 months": a response held for a time is a durable-response share (a
# duration end point's), no ORR.
_RESPONSE_LASTING = re.compile(
    r"\s+(?:lasting|(?:that|which)\s+lasted|of\s+(?:at\s+least|more\s+than|longer\s+than|"
    r"over|[≥>]))|\s*[≥>]\s*\d"
)


def bare_responses(text: str, low: str, hits: list[Hit]) -> list[Hit]:
    """``hits`` plus an ORR mention for each bare "response(s)"/"responded" that reports the
    share of patients with a response (see above) and that no hit overlaps. ``low``: the
    lower-cased text."""
    added = []
    for i in literal_starts(low, ("respon",)):
        if i and (low[i - 1].isalnum() or low[i - 1] == "-"):
            continue
        m = _RESPONSE_WORD.match(low, i)
        if m is None or any(h.start < m.end() and i < h.end for h in hits):
            continue
        a = max(0, i - _RESPONSE_REACH)
        if m.group().endswith("ded"):
            found = _RESPONDED_BY.search(low, a, i) is not None
        else:
            found = _RESPONSE_HAD.search(low, a, i) is not None or (
                _RESPONSE_CLAUSE_OPEN.search(low, a, i) is not None
                and _RESPONSE_SEEN.match(low, m.end()) is not None
            )
        if (
            found
            and _RESPONSE_TO_PRIOR.match(low, m.end()) is None
            and _RESPONSE_LASTING.match(low, m.end()) is None
        ):
            added.append(Hit("endpoint", i, m.end(), text[i : m.end()], "ORR"))
    return hits + added if added else hits


_SENTENCE_END = re.compile(r"[.!?]\s+[A-Z]")


def _after_named_event(text: str, hits: list[Hit], a: int) -> bool:
    """Whether an event end point (``SAFETY``) stands before ``a`` in its sentence: "interstitial
    lung disease occurred in 16.0%, with grade 5 events in 2.7%" grades that event's cases."""
    for h in hits:
        if h.canonical in SAFETY and h.end <= a and not _SENTENCE_END.search(text, h.end, a):
            return True
    return False


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


# "disease control (DC) and objective response (OR)", then "a DC rate of 80.5%": a response
# end point's short form the text defines without "rate" names that end point when "rate"
# follows it ("OR rate" is no odds ratio: ``numbers._KEY_RE``).
_RATE_SHORT_DEFINED = re.compile(r"[ \t]*\(([A-Z]{2,4})\)")


def rate_short_forms(text: str, hits: list[Hit], lex: EndpointLexicon) -> list[Hit]:
    """Mentions "XX rate" of a short form "XX" the text defines in a bracket right after a
    response end point's full name (the lexicon knows "ORR" and "DCR", not "OR" and "DC")."""
    defined: dict[str, str] = {}
    for h in hits:
        if h.canonical not in _RESPONSES or h.text in lex.exact_of:
            continue
        m = _RATE_SHORT_DEFINED.match(text, h.end)
        if m is not None and m.group(1) not in lex.exact_of:
            defined[m.group(1)] = h.canonical
    out = []
    for short, code in defined.items():
        pattern = r"(?<![A-Za-z0-9-])" + short + r"[ \t]+rates?\b"
        out += [Hit("endpoint", m.start(), m.end(), m[0], code) for m in re.finditer(pattern, text)]
    return out


# Round 98a: "the incidence of clinically relevant toxicity (CRT) ...", then "CRT was observed
# in 46% of patients receiving T-DM1": an adverse-event category's short form the text defines
# in a bracket right after its full name names that category wherever it stands. Only a short
# form spelled by the initials of the name's words defines one: "a decline in left ventricular
# ejection fraction (LVEF)" does not make "LVEF" an event, and an undefined "CRT"
# (chemoradiotherapy) is no end point.
_EVENT_SHORT_DEFINED = re.compile(r"[ \t]*\(([A-Z]{2,5})s?\)")


def event_short_forms(text: str, hits: list[Hit], lex: EndpointLexicon) -> list[Hit]:
    """Mentions of a short form "XYZ" the text defines in a bracket right after a safety end
    point's full name whose words' initials spell it (see above; the lexicon's own
    abbreviations are left to it)."""
    defined: dict[str, tuple[str, int]] = {}
    for h in hits:
        if h.canonical not in SAFETY or h.text in lex.exact_of:
            continue
        m = _EVENT_SHORT_DEFINED.match(text, h.end)
        if m is None or m.group(1) in lex.exact_of:
            continue
        if _spells_initials(m.group(1), h.text):
            defined[m.group(1)] = (h.canonical, m.start(1))
    out = []
    for short, (code, at) in defined.items():
        pattern = r"(?<![A-Za-z0-9-])" + short + r"s?(?![A-Za-z0-9-])"
        out += [
            Hit("endpoint", m.start(), m.end(), m[0], code)
            for m in re.finditer(pattern, text)
            if m.start() != at
        ]
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
# (Round 94b: "among patients who developed cardiotoxicity and 92.0% among those who did not":
# a subgroup defined by an event on treatment.)
_SUBGROUP_BEFORE = re.compile(
    r"\b" + _PEOPLE + r"\s+(?:with|without|who\s+(?:achieved|had|developed|experienced|"
    r"did\s+not\s+(?:achieve|have|develop|experience)))\s+(?:an?\s+|the\s+)?$",
    re.I,
)
_SUBGROUP_REACH = 45  # characters before an end point looked at
# Round 68b: "The percentages of patients with a pCR were 62.1% and 48.3%", "the proportion of
# patients who achieved an objective response was 67%": a share head before the people makes
# the phrase the end point's rate, not a subgroup, when the end point ends the subject (its
# verb follows right after: "the proportion of patients with pCR who remained event-free was"
# is a subgroup's other end point).
_SHARE_OF_PEOPLE = re.compile(
    r"\b(?:percentages?|proportions?|fractions?|shares?|rates?)\s+of\s+(?:all\s+)?\Z", re.I
)
_SHARE_VERB_AFTER = re.compile(
    r"(?:\s+rates?)?\s*(?:\([^()]{0,40}\)\s*)?(?:was|were|is|are|reached|amounted)\b", re.I
)


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
        m = _SUBGROUP_BEFORE.search(text, a, h.start)
        if m is not None and not _share_of_people(text, m.start(), h):
            kept = [x for x in kept if x is not h]
    return kept


def _share_of_people(text: str, people: int, h: Hit) -> bool:
    """Whether the subgroup phrase starting at ``people`` is the object of a
    share head ("the percentage of patients with a pCR") and end point ``h`` ends the subject
    (``_SHARE_OF_PEOPLE``, ``_SHARE_VERB_AFTER``): the phrase names the end point's rate."""
    return (
        _SHARE_OF_PEOPLE.search(text, max(0, people - 24), people) is not None
        and _SHARE_VERB_AFTER.match(text, h.end) is not None
    )


RATIO_MEASURES = ("HR", "OR")
