"""Words and patterns shared by the readers of design sentences.

Randomisation and design verbs, prior-therapy phrases, group words and labels, "physician's
choice", the words that may stand before a design regimen, "both/each/all groups received" and
"the addition of" phrases: the vocabulary several of the package's modules test text against.
"""

from __future__ import annotations

import re

from her2mine.extract.fastre import WordGate, search_from_end, word_start
from her2mine.extract.regimens import GIVEN_TOGETHER, OPTIONAL_ARTICLE

"""Treatment arms: a per-document registry of regimens and group names, and arm references.

The registry is read from design sentences ("randomly assigned to receive A (control group) or B
(pertuzumab group)"); later "the control group", "the pertuzumab group", "placebo" or a partial
regimen ("with pertuzumab") resolve to the full regimen the text defined.
"""

PHYSICIANS_CHOICE = "physician's choice"

_DESIGN = re.compile(
    word_start(
        [r"random\w*", r"assign\w*", r"allocat\w*", r"receiv\w*", "treated", r"compar\w*",
         "versus", r"vs\.?", "enrolled", "given", "administered", r"divided\s+into",
         # cohorts of a real-world study, each labelled: "patients who started first-line A
         # (HP cohort) or B (H cohort)" (round 89c; a bare "who started" defines no arm)
         r"who\s+started(?=[^.;()]{0,200}\([^()]{0,40}\bcohort\))"]
    )
    + r"\b"
)  # fmt: skip
_PRIOR_ALTS = [
    # (not "we previously reported that adding X ...": a recap of earlier results, round 65a;
    # nor a sentence adverb "Previously, X (arm C) ...": an earlier report's time, round 72a)
    r"previously(?!\s+(?:reported|showed|shown|demonstrated|published|described|presented)\b"
    r"|\s*,)",
    "prior", "pretreated", "pre-treated",
    # (not "after a median follow-up of 19 months, X (arm A) ...": a time, round 72a)
    r"after(?!\s+(?:a\s+)?(?:median\s+)?follow)", "following",
    r"progress\w*\s+(?:on|after|during)", "refractory", "resistant", r"had\s+received", "exposure",
    "exposed", "failure", "failed", r"history\s+of", "naive", "naïve", "eligible",
    # "patients who could not tolerate trastuzumab or lapatinib": a therapy they had (round 60a)
    "intolerant", r"intolerance\s+(?:to|of)", r"could\s+not\s+tolerate", r"unable\s+to\s+tolerate",
    r"did\s+not\s+tolerate",
    # "treated within one year of trastuzumab": a time since an earlier therapy (round 52); the
    # time unit keeps out "within each of the X and Y arms" (review of round 52)
    r"within\s+(?:[\w-]+\s+){0,2}(?:days?|weeks?|months?|years?)\s+of",
]  # fmt: skip
_PRIOR_TAIL = r"\b[\w\s,-]{0,40}$"
_PRIOR = re.compile(word_start(_PRIOR_ALTS) + _PRIOR_TAIL)
# A literal every _PRIOR match contains (lower case).
_PRIOR_WORDS = (
    "previously", "prior", "pretreated", "pre-treated", "progress", "after", "following",
    "refractory", "resistant", "had", "expos", "fail", "history", "naive", "naïve", "eligible",
    "within", "tolera",
)  # fmt: skip
# ("module": a modular study's parts, "T-DXd alone (module 0)" ... "85.9% in module 0")
_GROUP_WORDS = ("group", "arm", "cohort", "module")


_PRIOR_GATE = WordGate(_PRIOR_WORDS)
GROUP_GATE = WordGate(_GROUP_WORDS)  # also read by outcomes
# _TPC and _TPC_ALIAS are case-sensitive and every match holds one of these.
_TPC_WORDS = ("choice", "TPC", "ICT")
_TPC_GATE = WordGate(_TPC_WORDS)  # asked about the text itself (the words are case-sensitive)
_GROUP_WORD = re.compile(word_start(["groups?", "arms?", "cohorts?", "modules?"]) + r"\b")
_GROUP_LABEL = re.compile(
    "("
    + word_start(
        ["control", "placebo", "comparator", "standard", "experimental", "investigational",
         "chemotherapy"]
    )
    + r")(?:[\s-]+(?:treatment|therapy))?\s*$",
    re.I,
)  # fmt: skip
_TPC_OF = r"\s+of\s+(?:the\s+)?(?:physician|investigator)['’]?s['’]?\s+choice"
_TPC_CHOICE = (
    r"['’]?s['’]?\s*(?:choice|-choice)(?:\s+(?:of\s+)?(?:treatment|therapy|chemotherapy))?"
)
_TPC = re.compile(
    word_start(
        ["treatment" + _TPC_OF, "therapy" + _TPC_OF, "physician" + _TPC_CHOICE,
         "investigator" + _TPC_CHOICE, "TPC", "ICT"],
        ignore_case=False,
    )
    + r"\b"
)  # fmt: skip


# Design sentences proper (randomisation) and looser ones (who received what).
_RANDOMISED = re.compile(
    word_start([r"randomi[sz]\w*", r"random\w*", r"assign\w*", r"allocat\w*"]) + r"\b"
)
# "this non-randomized study", "a non randomised cohort", "patients were not randomized": the
# randomisation word negated (``_randomises``).
_NOT_BEFORE = re.compile(r"(?i:non|not)[- \t]?\Z")


def _randomises(text: str, s: int, e: int) -> bool:
    """Whether a randomisation word is written in ``text[s:e]`` that is not negated ("this
    non-randomized study": cohorts given two routes are no randomised arms; round 96a: the one
    test of whether a text or sentence randomises, where a bare ``_RANDOMISED`` search would
    take "non-randomized" for the act)."""
    return first_randomisation(text, s, e) is not None


def first_randomisation(text: str, s: int, e: int) -> re.Match[str] | None:
    """The first randomisation word in ``text[s:e]`` that is not negated (``_randomises``),
    else None: for a caller that reads what stands before or after the act (round 100e: "In a
    non-randomised substudy, patients ... were assigned to A or B" assigns at "assigned")."""
    for m in _RANDOMISED.finditer(text, s, e):
        if _NOT_BEFORE.search(text, max(s, m.start() - 4), m.start()) is None:
            return m
    return None


# "In this randomized clinical trial of 329 patients", "an open-label, randomised phase 3 trial",
# "Of 329 randomized patients": "randomized" naming the kind of study (or of patients), not the
# act of assigning them (up to four words before the noun, none a preposition or conjunction of
# a verb's use: "randomized to", "randomized in a 2:1 ratio").
_RANDOMISED_STUDY = re.compile(
    r"\brandomi[sz]ed(?:,?\s+(?!(?:to|in|into|between|at|by|from|for|and|or|on|with|after|"
    r"according|across|within|among|using|via)\b)[\w-]+){0,4}?,?\s+"
    r"(?:trials?|stud(?:y|ies)|patients|women)\b",
    re.I,
)


def _results_of_a_randomised_study(text: str, s: int, e: int) -> bool:
    """Whether sentence [s, e) reports results ("%") of a study it only calls randomised ("In
    this randomized clinical trial of 329 patients, the tpCR rate was 39.3% with pertuzumab and
    21.8% with placebo", JAMA's Key Points): its regimens are the arms' short names, so it is
    read after the design sentences (with them when those define fewer than two arms), not as
    the randomisation."""
    return text.find("%", s, e) >= 0 and names_randomised_study_only(text, s, e)


def names_randomised_study_only(text: str, s: int, e: int) -> bool:
    """Whether every randomisation word of sentence [s, e) names the kind of study or of
    patients (``_RANDOMISED_STUDY``: "...: A Randomized Clinical Trial"), none the act of
    assigning them."""
    studies = [m.start() for m in _RANDOMISED_STUDY.finditer(text, s, e)]
    if not studies:
        return False
    return all(m.start() in studies for m in _RANDOMISED.finditer(text, s, e))


# "Recruitment was stopped after 50 patients had been randomised because of toxicity with A":
# the verb ends its clause (a cause, a time or the sentence follows), so it assigns nobody.
_RANDOMISED_UNASSIGNED = re.compile(
    r"\brandomi[sz]ed(?=\s*,?\s*(?:because\s+of|due\s+to|owing\s+to|when)\b|\s*[.;]?\s*$)", re.I
)


def assigns_nobody(text: str, s: int, e: int) -> bool:
    """Whether every randomisation word of sentence [s, e) ends its clause
    (``_RANDOMISED_UNASSIGNED``): the sentence counts or times randomised patients and defines
    no arm ("... had been randomised because of hepatotoxicity with buparlisib")."""
    ends = {m.start() for m in _RANDOMISED_UNASSIGNED.finditer(text, s, e)}
    return bool(ends) and all(m.start() in ends for m in _RANDOMISED.finditer(text, s, e))


# Round 90b: "Some patients ... may be treated effectively with ERBB2-targeted therapy alone,
# sparing them the toxic effects of chemotherapy" (a background): what patients may, could or
# should be treated with is a possibility, not what the study gave.
_HEDGED_TREATMENT = re.compile(
    r"\b(?:may|might|could|can|should|would)\s+(?:also\s+|only\s+)?be\s+(?:[a-z]+ly\s+)?"
    r"(treated|given|administered)\b",
    re.I,
)


def treats_hypothetically_only(text: str, s: int, e: int) -> bool:
    """Whether every design word of sentence [s, e) (``_DESIGN``) is a treatment verb after a
    modal "may be" (``_HEDGED_TREATMENT``) offering no choice: the sentence says what patients
    could receive and defines no arm. (Review of round 91a: "patients could be treated with A or
    B" in a cohort study's methods names the groups compared, so a hedge followed by " or "
    stays a design.)"""
    hedged = {m.start(1) for m in _HEDGED_TREATMENT.finditer(text, s, e)}
    return (
        bool(hedged)
        and text.find(" or ", min(hedged), e) < 0
        and all(m.start() in hedged for m in _DESIGN.finditer(text, s, e))
    )


# The literal each match of _RANDOMISED / _DESIGN starts with (lower case).
_RANDOMISED_WORDS = ("random", "assign", "allocat")
_DESIGN_WORDS = (
    "random", "assign", "allocat", "receiv", "treated", "compar", "versus", "vs", "enrolled",
    "given", "administered", "divided", "who",
)  # fmt: skip
# "... (docetaxel or paclitaxel)", "(with or without pertuzumab)": partners that differ by
# patient are options, not part of the arm.
_BRACKET = re.compile(r"[\[(]([^\[\]()]*)[\])]")
_BRACKET_GATE = WordGate(("(", "["))
_OPTIONAL = re.compile(r"\bwith\s+or\s+without\b", re.I)
_OR = re.compile(r"\bor\b", re.I)


# "6 (group A) or 12 (group B) months of trastuzumab", "6 months (arm A) versus 12 months (arm
# B) of", "9 weeks versus 1 year of": durations of one regimen compared.
_NUMBER_WORD = r"(?:\d+|one|two|three|six|nine|twelve)"
_DURATION_UNIT = r"(?:months?|weeks?|years?)"
# "nab-paclitaxel or solvent-based paclitaxel": a formulation word before the option's drug.
_FORMULATION = r"(?:(?:solvent|cremophor|polysorbate|albumin|nanoparticle)-based|conventional)"


_ALL_WORDS = ("both", "all", "each")
_MODIFIER_WORDS = (
    "intravenous", "subcutaneous", "oral", "weekly", "dose-dense", "standard", "adjuvant",
)  # fmt: skip
_ALL_GATE = WordGate(_ALL_WORDS)
_MODIFIER_GATE = WordGate(_MODIFIER_WORDS)
_BOTH = re.compile(
    word_start(["both", "all", "each"])
    + r"\s+(?:groups|arms|patients|cohorts)\s+(?:also\s+)?(?:received|were\s+given|"
    r"were\s+treated\s+with)\b",
    re.I,
)
# ("both concomitantly with trastuzumab and pertuzumab": an adverb of timing may stand for the
# participle)
_EACH = re.compile(  # only its end is used, so the leading ", " is left out
    word_start(["each", "both", "all"])
    + r"\s+"
    + GIVEN_TOGETHER
    + r"(?:with|plus|in\s+combination\s+with|added\s+to)\b",
    re.I,
)
_ADDED_TO_ALL = re.compile(
    word_start(["was", "were"])
    + r"\s+(?:then\s+|subsequently\s+|later\s+)?added\s+(?:to\s+(?:the|each|all|both)\s+"
    r"(?:regimens?|arms?|groups?)|in\s+(?:all|both|each)\s+(?:arms?|groups?))",
    re.I,
)
# "A, B, or C": a regimen listed right after a design regimen is another arm.
# (an article may open the next item: "trastuzumab deruxtecan, a taxane (...), or ...", and
# so may "the same": "A (AC-T), the same chemotherapy with B (AC-TH)", ``_after_same_regimen``;
# after a count the last item needs no comma: "A (n = 100), B (n = 100) and C (n = 100)")
_LIST_GAP = re.compile(
    r"\s*(?:\([^()]*\)\s*,|\(\s*(?:n\s*=\s*\d|\d+\s+(?:patients|women|participants|pts)\b)"
    r"[^()]*\)\s*,?\s*(?=(?:or|and)\s)|,)\s*(?:or\s+|and\s+)?(?:to\s+)?(?:the\s+same\s+|"
    + OPTIONAL_ARTICLE
    + ")",
    re.I,
)
_GROUPS_AFTER = re.compile(r"\s*(?:\((?:[^()]|\([^()]*\))*\)\s*)?(?:groups|arms|cohorts)\b", re.I)
_GROUP_AFTER = re.compile(r"[\s-]*(?:group|arm|cohort)\b", re.I)
# A route/formulation word right before a design regimen names its group ("intravenous group").
_MODIFIER = re.compile(
    "("
    + word_start(
        ["intravenous", "subcutaneous", "oral", "weekly", "dose-dense", "standard", "neoadjuvant",
         "adjuvant"]
    )
    + r")\s+$",
    re.I,
)  # fmt: skip
_TPC_ALIAS = re.compile(
    word_start(["physician", "investigator"], ignore_case=False, not_after="")
    + r"['’]?s['’]?\s*choice(?:\s+(?:of\s+)?(?:treatment|therapy|"
    r"chemotherapy))?\s*\(([A-Z]{2,5})\)"
)
_TPC_OF_REGIMEN = re.compile(
    r"\b(?:chemotherapy|therapy|treatment)\s+(?:of|by)\s+(?:the\s+)?$", re.I
)
_OR_PLACEBO = re.compile(
    r"^\s*(?:\([^()]*\))?\s*(?:[\w./²]+\s+){0,4}?or\s+(?:matching\s+|a\s+)?$", re.I
)


_DESIGN_BEFORE_ALTS = [
    r"receiv\w*", r"random\w*", r"assign\w*", r"allocat\w*", "versus", r"vs\.?", "or", "to",
    "with", r"compar\w*", "of", "treated", r"continu\w*",
    # "randomly divided into the pyrotinib group" (Chinese-English journal style)
    r"divided\s+into", r"randomi[sz]ed\s+into", r"assigned\s+into", r"allocated\s+into",
    # "A or solvent-based B": the other option of a design, its formulation named
    r"or\s+" + _FORMULATION,
]  # fmt: skip
# Where a biosimilar trial's reference product was sourced: "EU-sourced", "US-licensed".
_SOURCED = r"(?:EU|US)-(?:sourced|licensed|approved|authori[sz]ed)"
_DESIGN_BEFORE_TAIL = (
    # ("or to the same chemotherapy with trastuzumab": ``_after_same_regimen`` reads it)
    # ("or with both B and C": the pair, round 62c)
    r"\s*:?\s*(?:the\s+(?:same\s+)?|either\s+|both\s+|a\s+|an\s+)?"
    # where a reference product was sourced, before its qualifier: "or EU-sourced reference
    # trastuzumab" (round 70a)
    rf"(?:{_SOURCED}\s+(?=reference|originator))?"
    r"(?:(?:intravenous|subcutaneous|oral|weekly|daily|(?:once|twice)[-\s]daily|dose-dense|"
    r"standard|neoadjuvant|adjuvant|maintenance|investigator-selected|investigator-chosen|"
    # the timing's other spelling: "24 weeks of pre-operative lapatinib plus trastuzumab"
    r"(?:pre|post|peri)-?operative|"
    # a biosimilar's comparator: "SB3 or reference trastuzumab, each with docetaxel"
    r"reference|originator|innovator)\s+|"
    # ... and its product bracketed: "or the reference product (trastuzumab) plus docetaxel"
    r"(?:reference|originator|innovator)\s+(?:product|drug)\s*\(\s*)?"
    # ... and by where it was sourced: "HLX02 or EU-sourced trastuzumab", "or EU-trastuzumab"
    rf"(?:{_SOURCED}\s+|(?:EU|US)-)?$"
)
_DESIGN_BEFORE = re.compile(word_start(_DESIGN_BEFORE_ALTS) + _DESIGN_BEFORE_TAIL, re.I)


def _word_then_end(alternatives: list[str], tail: str) -> re.Pattern[str]:
    """``search_from_end`` of ``word_start(alternatives) + tail`` (case-insensitive), written
    with a plain ``\\b``: scanning back from the end, one boundary test per position is cheaper
    than ``word_start``'s lookbehinds (which pay off when scanning forward). No alternative
    starts with a letter that ``re.I`` folds specially (i, k, s), so both match alike."""
    return search_from_end(re.compile(r"\b(?:" + "|".join(alternatives) + ")" + tail, re.I))


_DESIGN_BEFORE_END = _word_then_end(_DESIGN_BEFORE_ALTS, _DESIGN_BEFORE_TAIL)
_PRIOR_END = _word_then_end(_PRIOR_ALTS, _PRIOR_TAIL)
_PRIOR_CLASS_END = _word_then_end(_PRIOR_ALTS, r"\b[\w\s-]{0,80}$")  # see _prior_example
_TPC_OF_REGIMEN_END = search_from_end(_TPC_OF_REGIMEN)


# "The addition of trastuzumab to chemotherapy ... (median, 7.4 vs. 4.6 months)": the values
# compared are those of Y plus X, then of Y alone.
_ADDITION_GATE = WordGate(("addition", "adding"))
_ADDITION_OF = search_from_end(
    re.compile(r"\b(?:the\s+)?(?:addition\s+of|adding)\s+(?:the\s+|a\s+)?$", re.I)
)
_ADDED_TO = re.compile(r"\s+to\s+(?:the\s+|a\s+|an\s+)?", re.I)
