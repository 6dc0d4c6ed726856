"""Fresh round 58 (a): arm attribution left-overs. A value bracketed after "similar in both
arms (45%)" went to no arm although the same value after "in both groups" was each arm's; a
group named by a drug and "-exposed" ("in lapatinib-exposed patients") or as "placebo-treated"
named no arm; "4.4 months without it" (the add-on drug's pronoun) went to the add-on arm; "plus
pertuzumab (P) or placebo" made placebo an arm of its own; and a route written before a later
drug ("docetaxel plus subcutaneous trastuzumab or ... intravenous trastuzumab") made no twins."""

from __future__ import annotations

from extract_helpers import P_ROW, arm_of, arms_with, registry_of, rows_of

NP = "neratinib+paclitaxel"
HP = "paclitaxel+trastuzumab"

SHARED = (
    "Neratinib versus trastuzumab with paclitaxel\n\n"
    "Patients were randomly assigned to paclitaxel plus neratinib or paclitaxel plus "
    "trastuzumab. Median PFS was 12.9 months with neratinib and 12.9 months with trastuzumab "
    "(HR 1.02, 95% CI 0.81-1.27). The ORR was similar in both arms (45%)."
)


def test_value_bracketed_after_in_both_arms_is_each_arms(nlp):
    """ "similar in both arms (45%)": the bracketed value is each arm's, one row per arm, as
    "45% in both arms" is."""
    rows = rows_of(nlp, SHARED, P_ROW)
    assert sorted(arms_with(rows, 45.0)) == [NP, HP]


def test_bracket_of_two_values_after_in_both_arms_is_not_shared(nlp):
    """Negative: "(45% vs 44%)" compares two values; neither is stated for both arms."""
    text = SHARED.replace("(45%)", "(45% vs 44%)")
    rows = rows_of(nlp, text, P_ROW)
    assert len(arms_with(rows, 45.0)) == 1
    assert len(arms_with(rows, 44.0)) == 1


def test_bracket_after_in_all_three_arms_needs_three_arms(nlp):
    """ "in all three arms (about 60%)" of a three-arm design: one row per arm; "in both arms
    (35 months)" of that design names no two arms and stays one arm-null row."""
    text = (
        "Three regimens\n\n"
        "Patients were randomly assigned (1:1:1) to trastuzumab emtansine, trastuzumab "
        "emtansine plus pertuzumab, or trastuzumab plus docetaxel. The ORR was similar in all "
        "three arms (about 60%). Median OS was similar in both arms (35 months)."
    )
    rows = rows_of(nlp, text, P_ROW)
    assert sorted(arms_with(rows, 60.0)) == [
        "docetaxel+trastuzumab",
        "pertuzumab+trastuzumab emtansine",
        "trastuzumab emtansine",
    ]
    assert arms_with(rows, 35.0) == [None]


LAPATINIB = (
    "Lapatinib plus trastuzumab versus trastuzumab\n\n"
    "Patients were randomly assigned to lapatinib plus trastuzumab or trastuzumab alone. "
    "Diarrhea occurred in 60% of lapatinib-treated patients. Rash occurred in 22% of "
    "lapatinib-exposed patients."
)


def test_drug_exposed_patients_are_the_arm_holding_the_drug(nlp):
    """ "in 22% of lapatinib-exposed patients": the one arm given lapatinib, as
    "lapatinib-treated" is."""
    rows = rows_of(nlp, LAPATINIB, P_ROW)
    assert arm_of(rows, 22.0) == "lapatinib+trastuzumab"


PLACEBO = (
    "Pertuzumab or placebo with trastuzumab and docetaxel\n\n"
    "Patients were randomly assigned to trastuzumab and docetaxel plus pertuzumab (P) or "
    "placebo. Diarrhea occurred in 66.8% of P-treated patients and 46.3% of placebo-treated "
    "patients."
)


def test_placebo_treated_patients_are_the_placebo_arm(nlp):
    """ "46.3% of placebo-treated patients": the placebo arm (its backbone regimen)."""
    rows = rows_of(nlp, PLACEBO, P_ROW)
    assert arm_of(rows, 66.8) == "docetaxel+pertuzumab+trastuzumab"
    assert arm_of(rows, 46.3) == "docetaxel+trastuzumab"


WITHOUT_IT = (
    "Capecitabine with or without lapatinib\n\n"
    "Patients were randomly assigned to lapatinib plus capecitabine or capecitabine alone. "
    "Median TTP was 8.4 months with lapatinib and 4.4 months without it (HR 0.49; P < 0.001)."
)


def test_without_it_is_the_arm_lacking_the_drug_just_named(nlp):
    """ "8.4 months with lapatinib and 4.4 months without it": "it" is lapatinib, so 4.4 is the
    arm without lapatinib."""
    rows = rows_of(nlp, WITHOUT_IT, P_ROW)
    assert arm_of(rows, 8.4) == "capecitabine+lapatinib"
    assert arm_of(rows, 4.4) == "capecitabine"


def test_exposed_beside_a_naive_group_names_no_arm(nlp):
    """Negative: "60% of lapatinib-exposed patients and 20% of lapatinib-naive patients"
    contrasts histories, not arms; neither value takes the lapatinib arm."""
    text = LAPATINIB.replace(
        "Rash occurred in 22% of lapatinib-exposed patients.",
        "Rash occurred in 22% of lapatinib-exposed patients and 9% of lapatinib-naive patients.",
    )
    rows = rows_of(nlp, text, P_ROW)
    assert arm_of(rows, 22.0) is None
    assert arm_of(rows, 9.0) is None


def test_exposed_to_a_drug_of_no_arm_names_no_arm(nlp):
    """Negative: trastuzumab is in neither arm, so "trastuzumab-exposed patients" are a prior
    history, not an arm."""
    text = (
        "Neratinib or lapatinib with capecitabine\n\n"
        "Patients were randomly assigned to neratinib plus capecitabine or lapatinib plus "
        "capecitabine. Diarrhea occurred in 80% of trastuzumab-exposed patients."
    )
    assert arm_of(rows_of(nlp, text, P_ROW), 80.0) is None


ROUTES = (
    "Subcutaneous versus intravenous trastuzumab with docetaxel\n\n"
    "Patients were randomly assigned to docetaxel plus subcutaneous trastuzumab or docetaxel "
    "plus intravenous trastuzumab. The pCR rate was 45.4% in the subcutaneous group and 40.7% "
    "in the intravenous group."
)


def test_route_written_before_a_later_drug_makes_route_twins(nlp):
    """ "docetaxel plus subcutaneous trastuzumab or docetaxel plus intravenous trastuzumab": two
    arms of one regimen told apart by the route before their last drug; "the subcutaneous
    group" names the first, and both carry the regimen string."""
    reg = registry_of(nlp, ROUTES)
    assert [a.name for a in reg.arms] == ["docetaxel+trastuzumab"] * 2
    assert "subcutaneous" in reg.arms[0].labels
    assert "intravenous" in reg.arms[1].labels
    rows = rows_of(nlp, ROUTES, P_ROW)
    assert arm_of(rows, 45.4) == arm_of(rows, 40.7) == "docetaxel+trastuzumab"


def test_route_of_one_arm_only_makes_no_twins(nlp):
    """Negative: the arms differ by a drug and only one writes a route: no route twins."""
    text = ROUTES.replace(
        "docetaxel plus subcutaneous trastuzumab or docetaxel plus intravenous trastuzumab",
        "docetaxel plus trastuzumab or docetaxel plus pertuzumab and subcutaneous trastuzumab",
    )
    reg = registry_of(nlp, text)
    assert [a.name for a in reg.arms] == [
        "docetaxel+trastuzumab",
        "docetaxel+pertuzumab+trastuzumab",
    ]
    assert not any(a.labels for a in reg.arms)
