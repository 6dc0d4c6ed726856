"""Fresh round 96a, arms: two tests of "does this study randomise" and one gate. The time window
of round 94b ("8.9% of patients during trastuzumab" in a one-regimen study is the whole cohort's)
and the chosen durations of round 90b ("In this retrospective cohort study, patients were treated
with 12 or 24 weeks of A": no arms) asked for any randomisation word, so the "randomized" of "a
non-randomized, single-arm study" made the study randomising and gave the values the regimen. And
"group B received X in addition to the treatment of group A" (or "plus the therapy of arm A")
was gated out before its reader ran, so B lost A's drugs."""

from __future__ import annotations

from extract_helpers import ARM_ROW, registry_of, rows_of

from her2mine.extract.arms.referenced import _REGIMEN_OF_ARM, REFERENCE_GATE


def _arms(nlp, text: str) -> dict[float, str | None]:
    return {r.value: r.arm for r in rows_of(nlp, text, ARM_ROW)}


# 1a. A time window in a non-randomised study of one regimen (round 94b).


def test_during_in_a_non_randomized_single_arm_study_is_the_whole_cohort(nlp):
    """ "In this non-randomized, single-arm study, women ... received adjuvant trastuzumab":
    nobody is randomised, so "during trastuzumab" is a time window (arm null)."""
    text = (
        "Cardiac safety of adjuvant trastuzumab: a non-randomized, single-arm study\n\n"
        "Methods: In this non-randomized, single-arm study, women with HER2-positive early "
        "breast cancer received adjuvant trastuzumab for one year.\n"
        "Results: Cardiotoxicity occurred in 8.9% of patients during trastuzumab, and "
        "symptomatic heart failure in 1.1%."
    )
    assert _arms(nlp, text) == {8.9: None, 1.1: None}


def test_under_and_while_receiving_in_a_non_randomised_cohort_are_the_whole_cohort(nlp):
    """ "in this prospective, non-randomised cohort" (the word after a comma, the regimen of
    three drugs): "Under A plus B and C" and "while receiving A plus B and C" are windows."""
    text = (
        "Pertuzumab and trastuzumab in routine practice: a prospective non-randomised cohort\n\n"
        "Methods: Patients with HER2-positive metastatic breast cancer were treated with "
        "pertuzumab plus trastuzumab and docetaxel in this prospective, non-randomised cohort.\n"
        "Results: Under pertuzumab plus trastuzumab and docetaxel, diarrhoea occurred in 27.5% "
        "of patients, and a decline in LVEF was observed in 4.2% while receiving pertuzumab plus "
        "trastuzumab and docetaxel."
    )
    assert _arms(nlp, text) == {27.5: None, 4.2: None}


def test_during_in_a_nonrandomised_phase_2_study_is_the_whole_cohort(nlp):
    """ "this nonrandomised phase 2 study" (one word, no randomisation word in it): arm null,
    as before."""
    text = (
        "Trastuzumab emtansine in older patients\n\n"
        "Methods: This nonrandomised phase 2 study enrolled patients aged 70 years or older, who "
        "received trastuzumab emtansine 3.6 mg/kg every 3 weeks.\n"
        "Results: Thrombocytopenia occurred in 28.0% of patients during trastuzumab emtansine."
    )
    assert _arms(nlp, text) == {28.0: None}


def test_randomised_trial_citing_non_randomised_studies_keeps_its_arm(nlp):
    """Negative: "Unlike earlier non-randomized studies, ... were randomly assigned": the
    trial randomises, so "during neratinib" names the arm."""
    text = (
        "Neratinib after trastuzumab\n\n"
        "Methods: Unlike earlier non-randomized studies, this trial randomly assigned patients "
        "to neratinib or placebo after trastuzumab.\n"
        "Results: Diarrhoea occurred in 40.1% of patients during neratinib and in 10.2% during "
        "placebo."
    )
    assert _arms(nlp, text)[40.1] == "neratinib"


# 1b. Durations of a non-randomised study (round 90b).


def test_durations_of_a_non_randomized_cohort_study_have_no_arm(nlp):
    """ "In this non-randomized cohort study, patients were treated with 12 or 24 weeks of A
    plus B": durations chosen, not assigned: no arms."""
    text = (
        "Duration of neoadjuvant lapatinib plus trastuzumab\n\n"
        "In this non-randomized cohort study, patients were treated with 12 or 24 weeks of "
        "lapatinib plus trastuzumab. The pCR rate was 18% with 12 weeks and 29% with 24 weeks."
    )
    assert _arms(nlp, text) == {18.0: None, 29.0: None}


def test_durations_of_a_non_randomised_observational_study_have_no_arm(nlp):
    """ "a non-randomised observational study ... received 6 or 12 months of trastuzumab"."""
    text = (
        "Six versus twelve months of adjuvant trastuzumab in routine care\n\n"
        "Methods: In a non-randomised observational study, women received 6 or 12 months of "
        "adjuvant trastuzumab as chosen by their oncologists.\n"
        "Results: The 5-year DFS rate was 88.1% with 6 months and 90.3% with 12 months."
    )
    assert _arms(nlp, text) == {88.1: None, 90.3: None}


def test_randomised_durations_keep_the_regimen(nlp):
    """Negative: a trial that randomises durations, though its background cites "non-randomized
    cohort studies", keeps the one duration regimen for each group."""
    text = (
        "Lapatinib and trastuzumab for 12 or 24 weeks\n\n"
        "Background: Non-randomized cohort studies suggested longer therapy raises pCR.\n"
        "Methods: Patients were randomized to 12 or 24 weeks of lapatinib plus trastuzumab.\n"
        "Results: The pCR rate was 14% in the 12-week arm and 31% in the 24-week arm."
    )
    assert _arms(nlp, text) == {14.0: "lapatinib+trastuzumab", 31.0: "lapatinib+trastuzumab"}


# 1c. "with or without" in a non-randomised study (``add_on._with_or_without_design``).


def test_with_or_without_in_a_non_randomized_study_defines_no_arms(nlp):
    """ "In this non-randomized study, patients received A with or without B": what patients
    had, as the same sentence without "non-randomized" reads; the values stay arm null."""
    text = (
        "Docetaxel with or without trastuzumab in routine practice\n\n"
        "Methods: In this non-randomized study, patients received docetaxel with or without "
        "trastuzumab.\n"
        "Results: The objective response rate was 61% and 34%, respectively."
    )
    assert _arms(nlp, text) == {61.0: None, 34.0: None}


def test_with_or_without_randomised_keeps_both_arms(nlp):
    """Negative: "were randomly assigned to A with or without B" is two arms."""
    text = (
        "Docetaxel with or without trastuzumab\n\n"
        "Methods: Patients were randomly assigned to docetaxel with or without trastuzumab.\n"
        "Results: The objective response rate was 61% with docetaxel plus trastuzumab and 34% "
        "with docetaxel alone."
    )
    assert _arms(nlp, text) == {61.0: "docetaxel+trastuzumab", 34.0: "docetaxel"}


# 2. "the treatment / therapy of group A" (round 89b's reference to another arm).

DTP = "docetaxel+pertuzumab+trastuzumab"


def test_in_addition_to_the_treatment_of_group_a(nlp):
    """ "group B received pertuzumab in addition to the treatment of group A": B is A plus
    pertuzumab, and its value names that arm."""
    text = (
        "Pertuzumab added to docetaxel and trastuzumab\n\n"
        "Methods: Patients were randomly assigned to two groups. Group A received docetaxel plus "
        "trastuzumab; group B received pertuzumab in addition to the treatment of group A.\n"
        "Results: The pCR rate was 52.4% in group B and 31.0% in group A (P = 0.01)."
    )
    assert _arms(nlp, text) == {52.4: DTP, 31.0: "docetaxel+trastuzumab"}


def test_plus_the_therapy_of_arm_a(nlp):
    """ "arm B received pyrotinib plus the therapy of arm A"."""
    text = (
        "Pyrotinib added to trastuzumab and capecitabine\n\n"
        "Methods: Patients were randomized to arm A or arm B. Arm A received trastuzumab and "
        "capecitabine, and arm B received pyrotinib plus the therapy of arm A.\n"
        "Results: Median PFS was 11.2 months in arm B and 7.1 months in arm A."
    )
    assert _arms(nlp, text) == {
        11.2: "capecitabine+pyrotinib+trastuzumab",
        7.1: "capecitabine+trastuzumab",
    }


def test_gate_holds_every_phrasing_of_the_reference():
    """Every phrasing ``_REGIMEN_OF_ARM`` reads passes ``REFERENCE_GATE``."""
    for phrase in (
        "in addition to the treatment of group A",
        "plus the therapy of arm A",
        "with the same treatment as in cohort 1",
        "and the regimen of group A",
        "the same therapy as arm A",
        "plus the regimen as in group A",
        "as in group A",
    ):
        assert _REGIMEN_OF_ARM.search(phrase) is not None, phrase
        low = phrase.lower()
        assert REFERENCE_GATE.may_hold(low, 0, len(low)), phrase


def test_treatment_of_a_group_in_results_adds_no_drug(nlp):
    """Negative: "The treatment of group B was delayed in 12.0%, with the therapy of group A in
    5.0%" defines no arm (no label received anything there): the arms keep their drugs."""
    text = (
        "Pertuzumab with docetaxel\n\n"
        "Methods: Patients were randomly assigned to two groups. Group A received docetaxel plus "
        "trastuzumab; group B received pertuzumab plus docetaxel.\n"
        "Results: The treatment of group B was delayed in 12.0% of patients, with the therapy of "
        "group A in 5.0%. The pCR rate was 52.4% in group B and 31.0% in group A (P = 0.01)."
    )
    assert sorted("+".join(a.drugs) for a in registry_of(nlp, text).arms) == [
        "docetaxel+pertuzumab",
        "docetaxel+trastuzumab",
    ]
    arms = _arms(nlp, text)
    assert (arms[52.4], arms[31.0]) == ("docetaxel+pertuzumab", "docetaxel+trastuzumab")
