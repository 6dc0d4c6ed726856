"""Review of round 64a (pipeline 0.3.130): defined short forms, labels, clause-style arms, dose
levels and "until progression" durations. One problem: ``_dose_levels`` asked whether the text
randomises anyone with a bare search for "randomi[sz]...", so the very words that deny it ("this
non-randomized study", "patients were not randomized") made the described dose cohorts arms of
the one drug. The other tests hold what the review found right (results clauses after a
lettered label, a lexicon short form the text never defines, a single-arm "until progression,
whichever came first")."""

from __future__ import annotations

from extract_helpers import P_ROW, arm_of, extract_text, rows_of

PYR = "pyrotinib"


def _cohorts(opening: str) -> str:
    return (
        f"{opening} cohort 1 received pyrotinib 240 mg and cohort 2 received pyrotinib 320 mg. "
        "The ORR was 40% in cohort 1 and 50% in cohort 2."
    )


def test_non_randomized_dose_cohorts_stay_null(nlp):
    """ "In this phase I non-randomized study, cohort 1 received X 240 mg and cohort 2 X 320
    mg": dose levels, so no arms (the word "randomized" is negated)."""
    rows = rows_of(nlp, _cohorts("In this phase I non-randomized study,"))
    assert arm_of(rows, 40.0) is None
    assert arm_of(rows, 50.0) is None


def test_not_randomized_dose_cohorts_stay_null(nlp):
    """ "Patients were not randomized: cohort 1 received ...": dose levels too."""
    rows = rows_of(nlp, _cohorts("Patients were not randomized:"))
    assert arm_of(rows, 40.0) is None
    assert arm_of(rows, 50.0) is None


def test_randomized_dose_cohorts_still_carry_the_regimen(nlp):
    """Negative of the above: "In this randomized dose-ranging trial, arm A received X 320 mg
    and arm B received X 400 mg" are dose arms of one regimen."""
    text = (
        "In this randomized dose-ranging trial, arm A received pyrotinib 320 mg daily and arm B "
        "received pyrotinib 400 mg daily. The ORR was 45% in arm A and 55% in arm B."
    )
    rows = rows_of(nlp, text)
    assert arm_of(rows, 45.0) == PYR
    assert arm_of(rows, 55.0) == PYR


def test_results_clauses_after_a_lettered_label_define_no_arm(nlp):
    """Negative: "In arm A, 45 patients were enrolled. In arm A, the ORR was 40%" are results,
    not definitions; the arms stay those the randomisation sentence gave."""
    text = (
        "Patients were randomized to arm A (trastuzumab plus docetaxel) or arm B (trastuzumab "
        "plus docetaxel plus pertuzumab). In arm A, 45 patients were enrolled. In arm A, the ORR "
        "was 40%; in arm B, the ORR was 60% (P=0.04)."
    )
    rows = rows_of(nlp, text, P_ROW)
    assert arm_of(rows, 40.0) == "docetaxel+trastuzumab"
    assert arm_of(rows, 60.0) == "docetaxel+pertuzumab+trastuzumab"


def test_undefined_lexicon_short_form_keeps_its_reading(nlp):
    """Negative: "TP" the text never defines stays the lexicon's docetaxel plus pertuzumab."""
    text = (
        "In this phase II study, patients received TP every 3 weeks with trastuzumab for six "
        "cycles. The pCR rate was 55%."
    )
    assert extract_text(nlp, text).drugs == ["docetaxel", "pertuzumab", "trastuzumab"]


def test_until_progression_whichever_first_is_one_single_arm(nlp):
    """Negative: "for 12 months (18 cycles) or until disease progression (whichever came
    first)" of a single-arm study compares no durations: its values stay whole-population."""
    text = (
        "In this single-arm phase II study, patients received pyrotinib plus capecitabine for 12 "
        "months (18 cycles) or until disease progression (whichever came first). The 12-month "
        "PFS rate was 80% and the ORR was 70%."
    )
    rows = rows_of(nlp, text)
    assert arm_of(rows, 80.0) is None
    assert arm_of(rows, 70.0) is None
