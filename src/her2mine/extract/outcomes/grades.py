"""Grade qualifiers of adverse events: the grade patterns and which grade (any, >=3) a value's
event has."""

from __future__ import annotations

import re
from bisect import bisect_left

from her2mine.extract.fastre import WordGate, finditer_at, last_match, literal_starts
from her2mine.extract.hits import Hit
from her2mine.extract.numbers import DECIMAL, Value, closed_between
from her2mine.extract.numbers.atoms import _number_start
from her2mine.extract.outcomes.patterns import COMPARED_WITH_OR_TO, VS, VS_WORDS

# "Gr≥3", "Gr 3/4" (conference abstracts) are grades too; (round 72b) so is the plural
# "Grades 3 and 4 adverse events", "grades 3-4".
_GRADE = r"(?:grades?|(?<![a-z])gr\.?(?![a-z]))"
# Conference shorthand for grades: "G≥3 TRAEs", "G3/4 neutropenia", "≥G3 AEs"; "G1/2", "G2"
# (a lone "G" + digit, not part of a word or code: "HER2", "BG3" stay out).
_G_SHORT_3 = (
    r"(?<![a-z0-9])g(?:≥|>=)\s*(?:3|iii)|(?:≥|>=)\s*g3"
    r"|(?<![a-z0-9-])g3(?:\s*(?:-|–|/)\s*[45]|\+)?(?![a-z0-9])"
)
_G_SHORT_ANY = r"(?<![a-z0-9-])g(?:1(?:\s*(?:-|–|/)\s*2)?|2)(?![a-z0-9])"
# (Round 70b: a grade number is no decimal's first digit: "any grade 3.1% vs 2.9%" is a rate;
# review: only a rate's, so "grade 3·4 events", a typed range, is still grade 3.)
_G3 = re.compile(
    rf"(?:{_GRADE}\s*(?:≥|>=|=>|>)\s*(?:3|III)|(?:≥|>=)\s*grades?\s*(?:3|III)|"
    rf"{_GRADE}\s*(?:3|III|4|IV|5|V(?![a-z]))(?!\d|[.·]\d+\s*%)"
    r"(?:\s*(?:or|and|to|-|–|/|,)\s*(?:higher|greater|above|worse|more|severe|4|5|IV|V))?"
    r"(?:\s*or\s*(?:higher|worse))?|grade\s*3\+|severe|" + _G_SHORT_3 + ")",
    re.I,
)
_ANY = re.compile(
    r"(?:any[\s-]grade|all[\s-]grades?|of\s+any\s+grade|grades?\s*(?:1|I)\s*(?:or|and|-|–|/|to)\s*"
    r"(?:2|II)|grade\s*(?:≤|<=|<)\s*2|low[\s-]grade|grades?\s*(?:1|2|I|II)\b|" + _G_SHORT_ANY + ")",
    re.I,
)


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
                or _spent_on_own_event_clause(text, m, ep)
                or _spent_before_elided_verb(text, m, ep, v)
                or _spent_before_and_clause(text, m, ep, v)
                or _spent_before_other_event_clause(text, m, v)
                or _spent_before_redefined_events(text, m, ep)
            ):
                continue
            if best is None or m.start() > best[0]:
                best = (m.start(), code)
    return best[1] if best else "AE"


# A grade qualifier written with its own value ("grade 3 or higher in 4.3%", "grade >=3, 4.3%")
# is that value's, not one of a later event's: "AST ... of any grade in 28.8% and grade 3 or
# higher in 4.3%; increased ALT occurred in 21.3%" (21.3% is any grade).
_QUALIFIER_OWN_VALUE = re.compile(rf"\s*(?:in|of|,|:|=)?\s*{DECIMAL}\s*%")


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
# Round 60c: "grade 3 neutropenia 20%; diarrhoea 35%": a qualifier before a named event that
# has its own value before a ";" is spent on that event; the next ";" item is of any grade unless
# it restates one. A heading ("Grade >=3 AEs: neutropenia 20%; diarrhoea 10%") names the general
# event word or a colon, and keeps the qualifier for the items it heads.
# (Review of 60c: "Grade 3 toxicities included neutropenia 20%; diarrhoea 15%": the general
# words "toxicities", "events", "side effects" head a list as "AEs" do.)
# Round 73b: the event may name its group before its value ("grade 3-4 leukopenia in group A
# was 18% vs 33% in group B; the incidence of cardiotoxicity ..."): up to seven words between.
_EVENT_HEAD = r"(?:" + _AE_HEAD + r"|toxicit(?:y|ies)|events?|(?:side|adverse)\s+effects?)"
_OWN_EVENT_VALUE = re.compile(
    r"\s+(?!" + _EVENT_HEAD + r"\b)[A-Za-z][\w-]*(?:\s+[A-Za-z][\w-]*){0,7}?\s*[(,]?\s*"
    rf"(?:in\s+)?{DECIMAL}\s*%[^;:]*\Z"
)


def _spent_on_own_event_clause(text: str, m: re.Match[str], ep: Hit) -> bool:
    """Whether grade qualifier ``m`` qualifies a named event given its value before a ";" that
    comes before event ``ep`` (``_OWN_EVENT_VALUE``)."""
    semi = text.find(";", m.end(), ep.start)
    if semi < 0 or text.find(":", m.end(), semi) >= 0:
        return False
    match = _OWN_EVENT_VALUE.match(text, m.end(), semi)
    return (
        match is not None
        and _AE_HEAD_WORD.search(text, m.end(), semi) is None
        and _LISTING_VERB.search(text, m.end(), semi) is None
        and not _grade_of_event_word(text, m)
    )


# Round 75a: "Adverse events of grade 3 or higher occurred in 31.7% ...; the most common were
# neutropenia (...)": a grade written after the general event word ("AEs (grade >=3)",
# "toxicities of grade 3-4") qualifies that word, which heads the events listed after the ";"
# as "Grade 3 or higher AEs" does.
_EVENT_WORD_BEFORE = re.compile(_EVENT_HEAD + r"\s*(?:\(\s*|,\s*|of\s+)?\Z", re.I)


def _grade_of_event_word(text: str, m: re.Match[str]) -> bool:
    """Whether grade qualifier ``m`` is written right after the general event word."""
    return _EVENT_WORD_BEFORE.search(text, max(0, m.start() - 30), m.start()) is not None


# Review of round 73b: "Grade 3-4 haematological abnormalities in the X group included
# neutropenia in 20%; anaemia in 5%": a verb that lists events after the qualified words heads a
# list, as "AEs" does ("grade 3-4 leukopenia in group A was 18%" gives its own value).
_LISTING_VERB = re.compile(
    r"\b(?:includ(?:ed|es|ing)|compris(?:ed|es|ing)|consist(?:ed|s)\s+of|were)\s+"
    r"(?!(?:in|of|seen|observed|reported|noted|more|less|higher|lower|similar|common|"
    r"frequent|rare|mainly|mostly)\b)[A-Za-z]",
    re.I,
)


_AE_HEAD_WORD = re.compile(r"\b" + _EVENT_HEAD + r"\b")


# The verb that reports an event's cases ("occurred", "was reported").
_EVENT_VERB = r"(?:occurred|developed|(?:was|were)\s+(?:reported|observed|seen|noted))"
# "infusion-related reactions occurred in 13.3% vs 3.4%": the values compared before the one
# being coded stand between the verb and it, and are of the same clause.
# (the one-letter "v" too: "(15% v 27%)", round 77b)
_COMPARED_BEFORE = rf"(?:{DECIMAL}\s*%\s*(?:{VS_WORDS}|and|/)\s*){{0,3}}"
_OWN_CLAUSE_VERB = re.compile(
    r"[^;%]{0,40}?\b" + _EVENT_VERB + r"\b[^;%]{0,30}" + _COMPARED_BEFORE + r"\Z", re.I
)


# Round 77b: "..., while peripheral neuropathy was more common in the observation group (45.2%
# vs 30.0%": a comparison verb is the later clause's own verb too.
_OWN_CLAUSE_COMPARED = re.compile(
    r"\s*(?:was|were)\s+(?:(?:significantly|numerically|slightly|much)\s+)?(?:(?:more|less)\s+)?"
    r"(?:common|frequent|higher|lower|similar)\b[^;%]{0,40}?[(\[]?\s*" + _COMPARED_BEFORE + r"\Z",
    re.I,
)


def _qualifier_of_earlier_clause(text: str, m: re.Match[str], ep: Hit, v: Value) -> bool:
    """Whether grade qualifier ``m`` stands in a ";" (or "while"/"whereas") clause before the
    one in which event ``ep`` is given its value ``v`` with a verb of its own (see
    ``_OWN_CLAUSE_VERB``, ``_OWN_CLAUSE_COMPARED``)."""
    if ep.end > v.start:
        return False
    if text.find(";", m.end(), ep.start) < 0 and not _contrast_between(text, m.end(), ep.start):
        return False
    if _OWN_CLAUSE_VERB.match(text, ep.end, v.start) is not None:
        return True
    # (a header's grade, "Grade >=3 AEs: neutropenia 20%; diarrhoea was more common in arm B
    # (10% vs 5%)", reaches every item of its list: review of round 77b)
    return (
        _LIST_HEADER.match(text, m.end()) is None
        and _OWN_CLAUSE_COMPARED.match(text, ep.end, v.start) is not None
    )


# A grade qualifier closed by a colon before any value: the header of a list.
_LIST_HEADER = re.compile(r"[^;:%\d]{0,30}:")


# Round 77b: "Grade >=3 AEs occurred in 82.1% of patients; the only adverse event that emerged
# during maintenance in more than 10% of patients was diarrhoea (14.3%)": after the qualified
# clause's value and a ";", the general event word restated with a relative clause defines a
# new set of events, which the earlier grade does not reach ("; the most common were" keeps it,
# and so does "; the AEs that were most common were", review of round 77b).
_REDEFINED_EVENTS = re.compile(
    r"\b" + _AE_HEAD + r"\s+(?:(?:that|which)(?!\s+(?:was|were)\s+(?:the\s+)?most\b)"
    r"|emerg\w*|occurring|arising)\b",
    re.I,
)


def _spent_before_redefined_events(text: str, m: re.Match[str], ep: Hit) -> bool:
    """Whether grade qualifier ``m``'s clause gives its value before a ";" after which the
    event word is restated with a relative clause (``_REDEFINED_EVENTS``) before ``ep``."""
    semi = text.rfind(";", m.end(), ep.start)
    if semi < 0 or text.find("%", m.end(), semi) < 0:
        return False
    return _REDEFINED_EVENTS.search(text, semi, ep.start) is not None


# Round 68a: "Grade 3 or higher neutropenia occurred in 20% and 22%, and injection-site
# reactions in 9.8%": the qualified event has its verb and values; the event after ", and",
# given its value with that verb left out, is of any grade unless it restates one.
_OWN_VALUES_THEN_AND = re.compile(
    # (not "grade >=3 adverse events were neutropenia, which occurred in 20%, and anaemia in 8%":
    # a copula there lists the qualified events; review of round 68a)
    r"(?:(?!\b(?:were|was|included?)\b)[^;%:]){0,40}?\b"
    + _EVENT_VERB
    + r"\b[^;%]{0,30}?"
    + DECIMAL
    + r"\s*%"
    r"(?:\s*(?:" + VS + r"|and|,|/)\s*" + DECIMAL + r"\s*%)*[^;%,]{0,40}?,\s*and\s+\Z",
    re.I,
)
# (the elided clause's later values too: "and febrile neutropenia in 5% and 6%": review of 68a)
_ELIDED_VERB_VALUE = re.compile(r"\s+(?:in|of)\s+" + _COMPARED_BEFORE + r"\Z", re.I)


def _spent_before_elided_verb(text: str, m: re.Match[str], ep: Hit, v: Value) -> bool:
    """Whether grade qualifier ``m`` qualifies an event given its values with a verb, and ``ep``
    follows it after ", and", given its value ``v`` with that verb elided
    (``_OWN_VALUES_THEN_AND``)."""
    if m.end() >= ep.start or ep.end > v.start or text.find(", and", m.end(), ep.start) < 0:
        return False
    return (
        _ELIDED_VERB_VALUE.fullmatch(text, ep.end, v.start) is not None
        and _OWN_VALUES_THEN_AND.fullmatch(text, m.end(), ep.start) is not None
    )


# Round 75a: "Grade 3 or higher AEs occurred in 39.2% and 37.3%, respectively, and injection-site
# reactions were reported in 9.8%": after the qualified event's values and ", and", an event
# with a verb of its own before its value opens a new clause, of any grade unless it restates
# one ("..., and nausea was more common in arm B (20% vs 10%)" too). Not after a copula listing
# the qualified events ("grade >=3 AEs were neutropenia, which occurred in 20%, and ...").
# Review of round 75a: no "most"/"least": "..., and diarrhoea was most common (5%)" ranks one of
# the qualified events, so it keeps their grade.
_VALUES_THEN_AND = re.compile(r"[^;]*%[^;%]{0,80}?,\s*and\s+\Z")
_AND_CLAUSE_VERB = re.compile(
    r"\s*(?:" + _EVENT_VERB + r"|(?:was|were)\s+(?:(?:more|less)\s+)?"
    r"(?:common|frequent|higher|lower|similar|reported|observed|seen|noted)\b)[^;%]{0,40}?\(?\s*\Z",
    re.I,
)


def _spent_before_and_clause(text: str, m: re.Match[str], ep: Hit, v: Value) -> bool:
    """Whether grade qualifier ``m`` qualifies values before ", and", after which event ``ep``
    opens a clause with its own verb before its value ``v`` (``_AND_CLAUSE_VERB``)."""
    if m.end() >= ep.start or ep.end > v.start or text.find("and", m.end(), ep.start) < 0:
        return False
    if _VALUES_THEN_AND.fullmatch(text, m.end(), ep.start) is None:
        return False
    if _LISTING_VERB.search(text, m.end(), text.find("%", m.end(), ep.start)) is not None:
        return False
    return _AND_CLAUSE_VERB.match(text, ep.end, _first_percent_start(text, ep.end, v)) is not None


# Round 95b: "Grade 3 or 4 congestive heart failure occurred in 0.7%, 2.0%, and 0.4% of the
# patients in the ... groups, respectively, and a relative reduction of more than 10% in the LVEF
# in 11.2%, ...", "grade 3-4 neutropenia was 24.6% in the THP group and 21.0% in the TH group
# (P=0.38), and the incidences of diarrhoea were 41.5% and 19.3%", "Grade 3 or 4 adverse events
# occurred in 68% of patients in both groups, and cardiac adverse events in 6%": after the
# qualified event's own run of values and ", and", a clause naming another event (a noun
# phrase, lexicon term or not, modifiers before the event word too) with its verb elided or a
# copula of its own is of any grade. The run is one event's values, those of its groups ("in
# the THP group and"): a list continued by other items before ", and" ("neutropenia in 20%,
# thrombocytopenia in 10%, and anaemia in 5%") keeps the grade, as does a bracketed run
# ("neutropenia (20% vs 10%), and ...") or a copula listing the qualified events.
_GROUP_OF_VALUE = (
    r"(?:\s+(?:of\s+(?:the\s+)?patients\s+)?(?:in|with|for|receiving)\s+(?:the\s+)?"
    r"[^,;%()]{1,40}?\s+(?:groups?|arms?|cohorts?))?"
)
_RUN_VALUE = DECIMAL + r"\s*%" + _GROUP_OF_VALUE
_OWN_RUN_THEN_AND = re.compile(
    r"[^;%:()]{0,60}?"
    + _RUN_VALUE
    + r"(?:\s*(?:"
    + VS
    + r"|/|,\s*(?:and\s+)?|and\s+)\s*"
    + _RUN_VALUE
    + r")*[^;%]{0,100}?,\s*and\s+\Z",
    re.I,
)
_NP_WORD = (
    r"(?!(?:in|of|at|for|with|among|by|respectively|the|was|were|is|are|had|has|included?|"
    r"including|occurred|most|groups?|arms?|cohorts?|patients|those)\b)[A-Za-z][\w-]*"
)
# (the values of the run before the one being coded: "in 11.2%, 18.6%, and 9.4%")
_RUN_BEFORE = rf"(?:{DECIMAL}\s*%\s*(?:{VS_WORDS}|,\s*(?:and\s+)?|and\s+|/)\s*){{0,4}}"
_THRESHOLD = r"(?:more|greater|less)\s+than\s+" + DECIMAL + r"\s*%"
_OTHER_EVENT_CLAUSE = re.compile(
    r"(?:(?:the|a|an)\s+)?(?:(?:incidences?|rates?|frequenc(?:y|ies))\s+of\s+)?"
    + _NP_WORD
    + r"(?:\s+(?:"
    + _NP_WORD
    + r"|of|in|the|"
    + _THRESHOLD
    + r")){0,10}?\s+(?:(?:in|of)|(?:was|were)(?:\s+(?:reported|observed|seen|noted))?"
    r"(?:\s+in)?|occurred\s+in)\s+" + _RUN_BEFORE + r"\Z",
    re.I,
)

# Round 97d: "..., and 12% of patients had diarrhoea": a clause opening with its own value, its
# subject ("of patients") and a verb names its event after the value; it is of any grade too.
_RUN_BEFORE_AT = re.compile(_RUN_BEFORE + r"\Z")
_VALUE_SUBJECT_VERB = re.compile(
    rf"(?:\s*%?\s*(?:{VS_WORDS}|,\s*(?:and\s+)?|and\s+|/)\s*{DECIMAL}){{0,4}}"
    r"\s*%?\s*of\s+(?:the\s+|all\s+)?(?:\d+\s+)?(?:patients|participants|women|subjects)"
    r"(?:\s+in\s+(?:the\s+|each\s+|both\s+)?[\w-]+(?:\s+(?:groups?|arms?|cohorts?))?)?"
    r"\s+(?:had|experienced|developed|reported)\s+(?:an?\s+|any\s+)?"
    r"(?!(?:grades?|gr|severe|g\d)\b|[≥>])[A-Za-z]",  # (its own grade is read where written)
    re.I,
)


def _clause_end(text: str, a: int) -> int:
    """Where the clause from ``a`` ends: its ";", its sentence's ". " or 80 characters on."""
    b = min(len(text), a + 80)
    for stop in (";", ". "):
        k = text.find(stop, a, b)
        if k >= 0:
            b = k
    return b


def _spent_before_other_event_clause(text: str, m: re.Match[str], v: Value) -> bool:
    """Whether grade qualifier ``m`` qualifies one event's run of values before ", and", after
    which another event's clause gives value ``v`` (``_OWN_RUN_THEN_AND``,
    ``_OTHER_EVENT_CLAUSE``, or ``v`` first with ``_VALUE_SUBJECT_VERB`` after it)."""
    a = m.end()
    if a >= v.start:
        return False
    j = text.find(", and", a, v.start)
    while j >= 0:
        k = j + 5
        while k < v.start and text[k].isspace():
            k += 1
        if (
            (
                _OTHER_EVENT_CLAUSE.fullmatch(text, k, v.start) is not None
                or (
                    _RUN_BEFORE_AT.match(text, k, v.start) is not None
                    and (clause := _VALUE_SUBJECT_VERB.match(text, v.end)) is not None
                    and _G3.search(text, clause.end(), _clause_end(text, clause.end())) is None
                )
            )
            and _OWN_RUN_THEN_AND.fullmatch(text, a, k) is not None
            and _LISTING_VERB.search(text, a, text.find("%", a, k)) is None
        ):
            return True
        j = text.find(", and", j + 5, v.start)
    return False


def _first_percent_start(text: str, a: int, v: Value) -> int:
    """Where the first percentage after ``a`` starts (the first of the values compared with
    ``v``), or ``v``'s start when none stands before it."""
    k = text.find("%", a, v.start)
    return v.start if k < 0 else _number_start(text, a, k)


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
# before it ("(all grades) 64.6% vs. 49.8%"). Round 64b: the event's verb may stand between
# ("adverse events (grade 3) occurred in 20%", "neutropenia (grade 3) was reported in 20%").
_QUALIFIER_TO_VALUE = re.compile(
    r"\s*[)\]]\s*[:,=]?\s*(?:" + _EVENT_VERB + r"\s+)?(?:(?:in|of|was|were)\s+)?"
    rf"(?:{DECIMAL}\s*%?\s*(?:{VS}|/|and)\s*){{0,3}}"
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


# Round 68b: "Grade ≥3 adverse events occurred in 41% and 35% of patients, respectively. The
# most common were neutropenia (20% and 15%) and diarrhoea (8% and 3%)": a sentence opening
# with "the most common/frequent" and no noun of its own names the commonest of the events the
# sentence before graded, so its events keep that grade; one naming a grade ("of any grade")
# grades them itself.
_FOLLOW_ON_GATE = WordGate(("most",))
_FOLLOW_ON_OPENING = re.compile(
    r"\s*(?:the\s+)?most\s+(?:common|frequent)(?:ly\s+(?:reported|observed))?\s+"
    r"(?:(?:ones|of\s+(?:these|them|which))\s*,?\s+)?(?:were|was|included|being)\b",
    re.I,
)


def opens_follow_on_list(text: str, s: int, e: int, low: str | None) -> bool:
    """Whether sentence text[s:e] opens with "The most common were" (``_FOLLOW_ON_OPENING``)
    and names no grade of its own (``_G3``, ``_ANY``); ``low`` is the lower-cased text, or None
    where it cannot gate (not ``literal_safe``)."""
    if not _FOLLOW_ON_GATE.may_hold(low, s, min(e, s + 40)):
        return False
    if _FOLLOW_ON_OPENING.match(text, s, e) is None:
        return False
    return _G3.search(text, s, e) is None and _ANY.search(text, s, e) is None


def grade_follow_on_rows(rows: list[dict], before: list[dict]) -> None:
    """Make the any-grade adverse-event rows of a follow-on list (``opens_follow_on_list``)
    grade ≥3, as the sentence before (rows ``before``) graded its events – unless a rate of the
    list exceeds every grade ≥3 rate before it (review of round 68b: "Grade ≥3 events occurred
    in 40%. The most common were fatigue (60%)" lists the commonest events of any grade)."""
    ceiling = _largest_share(before, "AE_G3")
    if ceiling is not None and any(
        r["endpoint"] == "AE" and r["unit"] == "%" and r["value"] > ceiling for r in rows
    ):
        return
    for row in rows:
        if row["endpoint"] == "AE":
            row["endpoint"] = "AE_G3"


def _largest_share(rows: list[dict], endpoint: str) -> float | None:
    """The largest percentage among ``rows`` of ``endpoint``, or None."""
    shares = [r["value"] for r in rows if r["endpoint"] == endpoint and r["unit"] == "%"]
    return max(shares) if shares else None


def graded_3_only(rows: list[dict]) -> bool:
    """Whether ``rows`` hold adverse-event rows and every one of them is grade ≥3."""
    codes = [r["endpoint"] for r in rows if r["endpoint"] in ("AE", "AE_G3")]
    return bool(codes) and "AE" not in codes


# Round 74a: "Grades 3 and 4 adverse events occurred in 30% and 25%": as many values listed
# right after a list of grades joined by "and" are each grade's rate of one population, not
# the arms' (when the sentence names no arm). "Grade 3 or 4" and "3-4" name one category.
_GRADE_LIST = re.compile(
    r"\bgrades?\s+[1-5](?:\s*,\s*(?:grade\s+)?[1-5])*\s*,?\s+and\s+(?:grade\s+)?[1-5]\b", re.I
)
_VALUE_LIST_JOIN = re.compile(r"\s*(?:,\s*(?:and\s+)?|and\s+)")


def values_by_grade(
    text: str, s: int, e: int, out: list[tuple[Value, str, str]], arms: list[str | None]
) -> None:
    """Set no arm (in ``arms``) for the adverse-event values listed right after a grade list
    (``_GRADE_LIST``) as long as it: each grade's value (see above), of its own grade class
    ("Grade 1, grade 2 and grade 3 fatigue in 27.3%, 13.6% and 4.5%": AE, AE, AE_G3)."""
    for m in _GRADE_LIST.finditer(text, s, e):
        n = sum(c.isdigit() for c in m.group())
        first = next((k for k, (v, _, _) in enumerate(out) if v.start >= m.end()), None)
        if first is None or first + n > len(out):
            continue
        run = range(first, first + n)
        if any(out[k][2] != "incidence" for k in run):
            continue
        if any(
            not _VALUE_LIST_JOIN.fullmatch(text, out[k][0].ext_end, out[k + 1][0].start)
            for k in run[:-1]
        ):
            continue
        if first + n < len(out) and _VALUE_LIST_JOIN.fullmatch(
            text, out[first + n - 1][0].ext_end, out[first + n][0].start
        ):
            continue  # a longer list: not one value per grade
        grades = [int(c) for c in m.group() if c.isdigit()]
        for k, g in zip(run, grades, strict=True):
            arms[k] = None
            v, endpoint, measure = out[k]
            if endpoint in ("AE", "AE_G3"):  # each value takes the grade at its place (round 84a)
                out[k] = (v, "AE_G3" if g >= 3 else "AE", measure)


# Round 90a: "(any grade, 78.2%; grade 3, 16.1%) versus 12.1% and 0.8%, respectively": a
# "respectively" list opened by "versus" pairs with as many adverse-event values right before
# it, so each value takes the grade of its partner.
# Round 94c: "(any grade, 91.5%; grade 3 or higher, 31.7%), as compared with 44.8% and 4.9%,
# respectively": "compared with/to" (an "as" before it or not) opens the list as "versus" does.
_VS_BEFORE_LIST = re.compile(
    rf"[\s,;:)\]]*(?:{VS_WORDS}|(?:as\s+)?{COMPARED_WITH_OR_TO})\s+\Z", re.I
)
_RESPECTIVELY_AFTER = re.compile(r"\s*,?\s*respectively\b", re.I)
# Review of round 90a: the partners must be one short run ("any grade, 78.2%; grade 3, 16.1%"),
# not an any-grade value of another clause ("78.2% of patients, whereas grade 3 rash ... 30%").
_PARTNER_GAP = re.compile(r"(?:(?!\b(?:whereas|while|but)\b)[^.]){1,30}", re.I)


def grades_paired_respectively(text: str, out: list[tuple[Value, str, str]]) -> None:
    """Give each adverse-event value of a "versus X% and Y%, respectively" list the grade of the
    value it pairs with among as many right before "versus", when those differ in grade."""
    for k, (v, _, _) in enumerate(out):
        if _RESPECTIVELY_AFTER.match(text, v.ext_end) is None:
            continue
        first = k
        while first > 0 and _VALUE_LIST_JOIN.fullmatch(
            text, out[first - 1][0].ext_end, out[first][0].start
        ):
            first -= 1
        n = k - first + 1
        if n < 2 or first < n:
            continue
        gap_start = out[first - 1][0].ext_end
        if not _VS_BEFORE_LIST.search(text, gap_start, out[first][0].start):
            continue
        if not all(
            out[i][1] in ("AE", "AE_G3") and out[i][2] == "incidence"
            for i in range(first - n, k + 1)
        ) or not _partners_adjacent(text, out, first - n, first):
            continue
        before = [out[i][1] for i in range(first - n, first)]
        if len(set(before)) < 2:
            continue  # (one grade before: nothing to pair)
        for i, code in zip(range(first, k + 1), before, strict=True):
            out[i] = (out[i][0], code, out[i][2])


def _partners_adjacent(text: str, out: list[tuple[Value, str, str]], lo: int, hi: int) -> bool:
    """Whether out[lo:hi] are one run of values, each a short gap from the next."""
    return all(
        _PARTNER_GAP.fullmatch(text, out[i][0].ext_end, out[i + 1][0].start) is not None
        for i in range(lo, hi - 1)
    )
