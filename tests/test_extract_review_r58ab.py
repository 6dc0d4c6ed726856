"""Review of rounds 58a and 58b. "without it" pointed back to the "with X" drug even when a
later "with" phrase stood between ("with a PIK3CA mutation and 8.4 months without it"); "N% of
X-exposed patients" named X's arm when the text had made X the patients' prior therapy, or when
the sentence had named its arm first ("In the neratinib arm, ..."). Spaced-number names took
"TRIAL 2", "CLASS 2" and "NYHA 2" as trials, and a title opening "COVID-19:" named the trial
COVID-19. Listing "RCB" as an unlisted end point cost the pCR glossed by it ("The pCR (RCB-0)
rate was 60%"). Route twins, "(45% and 44%)" after "in both arms", the dose bracket before "or
placebo" and the report-noun names read as before."""

from __future__ import annotations

from extract_helpers import ARM_ROW, arm_of, rows_of, trials_in

LC = "capecitabine+lapatinib"
NC = "capecitabine+neratinib"

LAPATINIB = (
    "Lapatinib with capecitabine\n\n"
    "Patients were randomly assigned to lapatinib plus capecitabine or capecitabine alone. "
)


def test_without_it_points_back_to_the_drug(nlp):
    """ "8.4 months with lapatinib and 4.4 months without it": the arm without lapatinib."""
    text = LAPATINIB + "Median TTP was 8.4 months with lapatinib and 4.4 months without it."
    rows = rows_of(nlp, text, ARM_ROW)
    assert arm_of(rows, 4.4) == "capecitabine"


def test_without_it_after_a_later_with_phrase_is_that_phrase(nlp):
    """Negative: "with lapatinib ... in patients with a PIK3CA mutation and 8.4 months without
    it": "it" is the mutation; 8.4 stays the lapatinib arm's."""
    text = LAPATINIB + (
        "Median PFS with lapatinib was 6.2 months in patients with a PIK3CA mutation and 8.4 "
        "months without it."
    )
    rows = rows_of(nlp, text, ARM_ROW)
    assert arm_of(rows, 8.4) == LC


def test_without_them_after_brain_metastases_is_no_arm_change(nlp):
    """Negative: "in patients with brain metastases and 8.4 months in those without them"."""
    text = LAPATINIB + (
        "With lapatinib, median PFS was 5.1 months in patients with brain metastases and 8.4 "
        "months in those without them."
    )
    rows = rows_of(nlp, text, ARM_ROW)
    assert arm_of(rows, 8.4) == LC


NERATINIB = (
    "Neratinib versus lapatinib\n\n"
    "Patients were randomly assigned to neratinib plus capecitabine or lapatinib plus "
    "capecitabine. "
)


def test_exposed_patients_of_a_drug_the_text_made_prior_therapy_name_no_arm(nlp):
    """Negative: after "Patients who had received prior lapatinib were eligible", "30% of
    lapatinib-exposed patients" counts over a history, not the lapatinib arm."""
    text = NERATINIB.replace(
        "Patients were", "Patients who had received prior lapatinib were eligible. Patients were"
    ) + ("Diarrhea occurred in 30% of lapatinib-exposed patients.")
    rows = rows_of(nlp, text, ARM_ROW)
    assert arm_of(rows, 30.0) is None


def test_exposed_patients_after_a_named_arm_keep_that_arm(nlp):
    """Negative: "In the neratinib arm, diarrhea occurred in 22% of lapatinib-exposed
    patients": the neratinib arm's rate."""
    text = NERATINIB + (
        "In the neratinib arm, diarrhea occurred in 22% of lapatinib-exposed patients."
    )
    rows = rows_of(nlp, text, ARM_ROW)
    assert arm_of(rows, 22.0) == NC


def test_exposed_patients_alone_still_name_the_arm(nlp):
    """ "Rash occurred in 22% of lapatinib-exposed patients" (round 58a) still names the arm
    given lapatinib."""
    text = (
        "Lapatinib plus trastuzumab versus trastuzumab\n\n"
        "Patients were randomly assigned to lapatinib plus trastuzumab or trastuzumab alone. "
        "Rash occurred in 22% of lapatinib-exposed patients."
    )
    rows = rows_of(nlp, text, ARM_ROW)
    assert arm_of(rows, 22.0) == "lapatinib+trastuzumab"


def test_generic_word_with_a_spaced_number_is_no_trial():
    """Negative: "(TRIAL 2)", "(CLASS 2)" after a design noun, "(NYHA 2)" closing a title."""
    assert trials_in("This phase II trial (TRIAL 2) enrolled 120 patients.") == []
    assert trials_in("This randomized phase II study (CLASS 2) tested trastuzumab.") == []
    assert trials_in("Trastuzumab in early breast cancer (NYHA 2)\n\nPatients received it.") == []


def test_spaced_number_name_still_found():
    """ "trial (KESTREL 01)" (round 58b) still names the trial."""
    assert trials_in("This randomised phase II trial (KESTREL 01) enrolled 80 patients.") == [
        "KESTREL 01"
    ]


def test_infection_with_its_number_opening_a_title_is_no_trial():
    """Negative: "COVID-19: trastuzumab delivery ..." names no trial; "MARLOW-2: ..." does."""
    assert trials_in("COVID-19: trastuzumab delivery in breast cancer\n\nPatients.") == []
    assert trials_in("MARLOW-2: neoadjuvant pyrotinib in breast cancer\n\nPatients.") == [
        "MARLOW-2"
    ]


THP = "Neoadjuvant THP\n\nPatients received docetaxel, trastuzumab and pertuzumab. "


def test_pcr_glossed_by_its_rcb_class_keeps_its_value(nlp):
    """ "The pCR (RCB-0) rate was 60%", "pCR (ypT0/is ypN0; RCB 0) was achieved in 60%": the
    bracket defines the pCR; 60% is its rate."""
    for sentence in (
        "The pCR (RCB-0) rate was 60%.",
        "pCR (ypT0/is ypN0; RCB 0) was achieved in 60% of patients.",
    ):
        rows = rows_of(nlp, THP + sentence, ARM_ROW)
        assert [r.endpoint for r in rows] == ["pCR"], sentence


def test_rcb_rate_of_its_own_is_no_pcr(nlp):
    """Negative: "The RCB-II rate was 20%" is no pCR (round 58b)."""
    rows = rows_of(nlp, THP + "The pCR rate was 60%. The RCB-II rate was 20%.", ARM_ROW)
    assert [r.value for r in rows] == [60.0]
