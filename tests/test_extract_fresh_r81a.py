"""Fresh round 81a: arm orders and group descriptions. A "than" comparison named the subject
group first and then a list of the others ("in group C was higher than that in groups A and B
(87.7% vs 21.7% and 28.4%)"), but the bracket took the list's order and left the last value
without an arm. "trastuzumab without pertuzumab" filled to the only design arm holding
trastuzumab, pertuzumab and trastuzumab, when the design named no arm without pertuzumab. A
short form defined earlier and listed again before a comma ("to FTN, fulvestrant plus
trastuzumab (FT), or ...") was chained with the next regimen into one combination."""

from __future__ import annotations

from extract_helpers import arm_of, arms_of, outcomes_of, registry_of

from her2mine.extract.arms import arm_refs
from her2mine.extract.components import _hits
from her2mine.extract.outcomes.runs import _last_list
from her2mine.extract.regimens import group_regimens

TCBH = "carboplatin+docetaxel+trastuzumab"
TCBHP = "carboplatin+docetaxel+pertuzumab+trastuzumab"
TCBH_PYR = "carboplatin+docetaxel+pyrotinib+trastuzumab"

GROUPS = (
    "Pyrotinib or pertuzumab added to TCbH in HER2-positive breast cancer\n\n"
    "Methods: According to the regimen, patients were divided into group A (TCbH, n=60), group "
    "B (TCbH plus pertuzumab, n=81) and group C (TCbH plus pyrotinib 400 mg/d, n=73). TCbH was "
    "docetaxel, carboplatin and trastuzumab. Results: The incidence of diarrhea in group C was "
    "significantly higher than that in groups A and B (87.7% vs 21.7% and 28.4%, P<0.001), and "
    "grade 3 diarrhea occurred in 17.8% of patients in group C."
)

COHORT = (
    "First-line pertuzumab in HER2-positive metastatic breast cancer: a real-world cohort\n\n"
    "Methods: Of 977 patients, 717 (73.4%) received pertuzumab, trastuzumab and a taxane as "
    "first-line therapy and 164 (16.8%) a trastuzumab-based regimen without pertuzumab. Results: "
    "Median OS was 53.8 months (95% CI 49.2-58.4) for the whole cohort, 56.9 months with "
    "first-line pertuzumab and trastuzumab and 41.6 months with trastuzumab without pertuzumab "
    "(adjusted hazard ratio 0.74, 95% CI 0.59-0.93; P = 0.009). The 5-year OS rates were 47.2% "
    "and 33.5%, respectively."
)

FTN = (
    "Neratinib, fulvestrant and trastuzumab in HR-positive, HER2-positive breast cancer\n\n"
    "Methods: Patients with HER2-positive, hormone receptor-positive metastatic breast cancer "
    "were treated with neratinib, fulvestrant, and trastuzumab (FTN) in a single-arm cohort, or "
    "randomly assigned 1:1:1 to FTN, fulvestrant plus trastuzumab (FT), or fulvestrant alone "
    "(F). Results: In the randomized cohort (n = 61), the ORR was 30.0% with FTN, 0% with FT, "
    "and 0% with F, and the median PFS was 7.0, 4.1, and 3.7 months, respectively."
)


def _than_subject(text: str, refs) -> int | None:
    from her2mine.extract.outcomes.prose import _than_list_subject  # (new in round 81a)

    return _than_list_subject(text, refs, _last_list(refs, list(range(len(refs)))))


def _sentence_refs(nlp, text: str, start: str):
    reg = registry_of(nlp, text)
    s = text.index(start)
    e = text.index(".", s) + 1
    return arm_refs(text, s, e, _hits(nlp(text)._.her2, "drugs"), reg)


def test_than_list_bracket_follows_the_sentence_order(nlp):
    """ "in C higher than in A and B (x vs y and z)": C's value first, then A's and B's."""
    rows = outcomes_of(nlp, GROUPS)
    assert arm_of(rows, 87.7) == TCBH_PYR
    assert arm_of(rows, 21.7) == TCBH
    assert arm_of(rows, 28.4) == TCBHP
    assert arm_of(rows, 17.8) == TCBH_PYR


def test_than_list_with_plain_list_bracket(nlp):
    """The same order when the bracket lists the three values without "vs"."""
    text = GROUPS.replace("87.7% vs 21.7% and 28.4%", "87.7%, 21.7% and 28.4%")
    rows = outcomes_of(nlp, text)
    assert [arm_of(rows, v) for v in (87.7, 21.7, 28.4)] == [TCBH_PYR, TCBH, TCBHP]


def test_than_list_subject_needs_one_clause(nlp):
    """Negative: a group named in an earlier clause (after ";") is not what the list is
    compared with."""
    text = GROUPS.replace(
        "The incidence of diarrhea in group C was significantly higher than that in groups",
        "Diarrhea was common in group C; the incidence was similar to that in groups",
    )
    refs = _sentence_refs(nlp, text, "Results:")
    listed = _last_list(refs, list(range(len(refs))))
    assert [text[refs[j].start : refs[j].end] for j in listed] == ["groups A", "B"]
    assert _than_subject(text, refs) is None


def test_than_list_subject_read_before_the_list(nlp):
    """The reference right before a "than that in" list is its subject."""
    refs = _sentence_refs(nlp, GROUPS, "Results:")
    subject = _than_subject(GROUPS, refs)
    assert subject is not None
    assert GROUPS[refs[subject].start : refs[subject].end] == "group C"


def test_without_partner_names_no_arm_holding_it(nlp):
    """ "trastuzumab without pertuzumab" is trastuzumab, not the pertuzumab arm."""
    rows = outcomes_of(nlp, COHORT)
    assert arm_of(rows, 56.9) == "pertuzumab+trastuzumab"
    assert arm_of(rows, 41.6) == "trastuzumab"


def test_respectively_after_without_partner_comparison(nlp):
    """The "respectively" pair takes the order the sentence before compared."""
    rows = outcomes_of(nlp, COHORT)
    assert arm_of(rows, 47.2) == "pertuzumab+trastuzumab"
    assert arm_of(rows, 33.5) == "trastuzumab"


def test_without_partner_takes_the_arm_that_fits(nlp):
    """Negative: with an arm of trastuzumab without pertuzumab in the design, that arm."""
    text = (
        "Pertuzumab in first-line therapy\n\n"
        "Patients were randomly assigned to pertuzumab, trastuzumab and docetaxel or to "
        "trastuzumab and docetaxel. Median OS was 56.9 months with pertuzumab and trastuzumab "
        "and 41.6 months with trastuzumab without pertuzumab."
    )
    arms = arms_of(nlp, text)
    assert arms[41.6] == "docetaxel+trastuzumab"
    assert arms[56.9] == "docetaxel+pertuzumab+trastuzumab"


def test_with_or_without_is_not_without(nlp):
    """Negative: "with or without pertuzumab" does not read as "without pertuzumab"."""
    text = (
        "Trastuzumab with or without pertuzumab\n\n"
        "Patients were randomly assigned to trastuzumab with or without pertuzumab. The ORR was "
        "80.2% with pertuzumab and 69.3% without pertuzumab."
    )
    reg = registry_of(nlp, text)
    assert sorted(a.name for a in reg.arms) == ["pertuzumab+trastuzumab", "trastuzumab"]
    arms = arms_of(nlp, text)
    assert arms[80.2] == "pertuzumab+trastuzumab"
    assert arms[69.3] == "trastuzumab"


def test_defined_short_form_listed_again_is_its_own_arm(nlp):
    """ "to FTN, fulvestrant plus trastuzumab (FT), or F": three arms, FT without neratinib."""
    reg = registry_of(nlp, FTN)
    assert sorted(a.name for a in reg.arms) == [
        "fulvestrant",
        "fulvestrant+neratinib+trastuzumab",
        "fulvestrant+trastuzumab",
    ]
    arms = arms_of(nlp, FTN)
    assert arms[30.0] == "fulvestrant+neratinib+trastuzumab"
    assert arms[7.0] == "fulvestrant+neratinib+trastuzumab"
    assert arms[4.1] == "fulvestrant+trastuzumab"
    assert arms[3.7] == "fulvestrant"


def _chains(nlp, text: str, start: str) -> list[list[str]]:
    s = text.index(start)
    e = text.find(". ", s)
    e = len(text) if e < 0 else e
    hits = [h for h in _hits(nlp(text)._.her2, "drugs") if s <= h.start < e]
    return [r.drugs for r in group_regimens(text, hits)]


def test_short_form_listed_before_its_part_is_cut(nlp):
    """ "FTN, fulvestrant plus trastuzumab": the short form and the regimen after the comma
    share drugs, so they are two regimens."""
    assert _chains(nlp, FTN, "randomly") == [
        ["fulvestrant", "neratinib", "trastuzumab"],
        ["fulvestrant", "trastuzumab"],
        ["fulvestrant", "trastuzumab"],
        ["fulvestrant"],
    ]


def test_short_form_before_a_drug_it_lacks_still_chains(nlp):
    """Negative: a short form joined by a comma to drugs it does not hold is one regimen
    ("TH, pertuzumab and carboplatin": nothing given twice)."""
    text = (
        "Neoadjuvant THP\n\n"
        "Patients received docetaxel plus trastuzumab (TH). In the second cohort, patients "
        "received TH, pertuzumab and carboplatin."
    )
    assert _chains(nlp, text, "In the second") == [
        ["carboplatin", "docetaxel", "pertuzumab", "trastuzumab"]
    ]
