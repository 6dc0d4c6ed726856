"""Review of rounds 80a and 80b. Round 80b's hypothesis words took up to four words before a
percentage after "null", "alternative" or "assumed", so an arm's result "The ORR in the
alternative dosing arm was 30%" or "patients assigned to the alternative schedule had a pCR rate
of 45%" was dropped as a design's hypothesis. Round 80a's "respectively" run took an earlier arm
order of its count even when the sentence listed its own items before the values ("In patients
aged <50, 50-65 and >65 years, pCR rates were 40%, 35% and 30%, respectively")."""

from __future__ import annotations

from extract_helpers import rows_of

DESIGN = "Patients received trastuzumab plus paclitaxel on a standard or an alternative schedule. "

THREE_ARMS = (
    "Patients were randomized to trastuzumab plus docetaxel (TH), pertuzumab plus trastuzumab "
    "plus docetaxel (PTH) or lapatinib plus docetaxel (LD). The pCR rates were 40%, 55% and 30% "
    "with TH, PTH and LD, respectively. The pCR rates with TH and PTH were 41% and 56%, "
    "respectively. "
)
AGE_GROUPS = (
    "In patients aged <50, 50-65 and >65 years, pCR rates were 20%, 25% and 15%, respectively."
)


def test_rate_of_alternative_dosing_arm_is_kept(nlp):
    """ "The ORR in the alternative dosing arm was 30%": an arm's result, no hypothesis."""
    text = DESIGN + "The ORR in the alternative dosing arm was 30%."
    assert rows_of(nlp, text, ("endpoint", "value")) == [("ORR", 30.0)]


def test_rate_of_patients_on_alternative_schedule_is_kept(nlp):
    """ "assigned to the alternative schedule had a pCR rate of 45%": a result."""
    text = DESIGN + "Patients assigned to the alternative schedule had a pCR rate of 45%."
    assert rows_of(nlp, text, ("endpoint", "value")) == [("pCR", 45.0)]


def test_rate_patients_had_after_assumed_is_kept(nlp):
    """ "Assumed responders had a pCR rate of 20%": "had" reports a result."""
    text = DESIGN + "Assumed responders had a pCR rate of 20%."
    assert rows_of(nlp, text, ("endpoint", "value")) == [("pCR", 20.0)]


def test_alternative_rate_of_design_is_still_dropped(nlp):
    """Negative: "against the alternative ORR of 30%" stays a hypothesis."""
    text = DESIGN + "We tested a null hypothesis ORR of 10% against the alternative ORR of 30%."
    assert rows_of(nlp, text, ("endpoint", "value")) == []


def test_subgroup_list_respectively_takes_no_earlier_arm_order(nlp):
    """Three age groups listed before three values: the run is theirs, not the three arms'."""
    rows = rows_of(nlp, THREE_ARMS + AGE_GROUPS, ("value", "arm"))
    assert [r for r in rows if r[0] in (20.0, 25.0, 15.0)] == [
        (20.0, None),
        (25.0, None),
        (15.0, None),
    ]


def test_respectively_run_without_own_list_takes_earlier_order(nlp):
    """Negative: "Diarrhea occurred in 5%, 35% and 28% of patients, respectively" lists nothing
    of its own, so it keeps the three arms listed before."""
    text = THREE_ARMS + "Diarrhea occurred in 5%, 35% and 28% of patients, respectively."
    rows = rows_of(nlp, text, ("value", "arm"))
    assert [r[1] for r in rows if r[0] in (5.0, 35.0, 28.0)] == [
        "docetaxel+trastuzumab",
        "docetaxel+pertuzumab+trastuzumab",
        "docetaxel+lapatinib",
    ]
