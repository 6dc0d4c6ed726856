"""Review of round 68a (shared drugs and route arms). The round's rules reached too far in five
places: "or with both B and C" after "A alone, with B" left A out of the last arm; "on this
basis" read as the add-on of a group's regimen when it opened a later clause; "with a TKI added
to A" named A's arm though the design adds a named TKI to A; a worded dose "of" another drug
made a dose arm of the first; and a grade qualifier stopped at ", and <event> in" when a copula
listed the graded events, or only for the first value of the elided clause."""

from __future__ import annotations

from extract_helpers import arm_of, registry_of, row_with, rows_of


def _design(nlp, text: str) -> list[str]:
    return sorted("+".join(sorted(a.drugs)) for a in registry_of(nlp, text).arms)


# --- 1. "alone, with B, or with both B and C" ---


def test_or_with_both_after_alone_keeps_the_shared_drug(nlp):
    """ "A alone, with B, or with both B and C": the arms are A, A+B and A+B+C."""
    text = (
        "Lapatinib trial\n\n"
        "Patients were randomly assigned to trastuzumab alone, with lapatinib, or with both "
        "lapatinib and capecitabine. The pCR rate was 29.5% with trastuzumab alone."
    )
    assert _design(nlp, text) == [
        "capecitabine+lapatinib+trastuzumab",
        "lapatinib+trastuzumab",
        "trastuzumab",
    ]


def test_own_arm_after_alone_or_with_is_kept(nlp):
    """Negative: "A alone or with B, or C plus D": C+D is an arm of its own."""
    text = (
        "Trastuzumab trial\n\n"
        "Patients were randomly assigned to trastuzumab alone or with pertuzumab, or lapatinib "
        "plus capecitabine. Median progression-free survival was 10.1 months with trastuzumab "
        "alone, 14.2 months with pertuzumab and 8.3 months with lapatinib plus capecitabine."
    )
    rows = rows_of(nlp, text)
    assert arm_of(rows, 8.3) == "capecitabine+lapatinib"
    assert arm_of(rows, 14.2) == "pertuzumab+trastuzumab"


# --- 2. "on this basis" in a clause of its own ---

BASIS_OWN_CLAUSE = (
    "Pyrotinib trial\n\n"
    "The control group received trastuzumab plus docetaxel and the study group received "
    "pyrotinib plus capecitabine, and on this basis the trial was designed. The objective "
    "response rate was 60.1% in the study group and 40.2% in the control group."
)


def test_on_this_basis_in_a_later_clause_adds_nothing(nlp):
    """ "..., and on this basis the trial was designed": the study group is C+D only."""
    rows = rows_of(nlp, BASIS_OWN_CLAUSE)
    assert arm_of(rows, 60.1) == "capecitabine+pyrotinib"
    assert arm_of(rows, 40.2) == "docetaxel+trastuzumab"


def test_on_this_basis_after_the_group_regimen_still_adds(nlp):
    """Negative: "the study group received C on this basis" still adds the control's A+B."""
    text = (
        "Pyrotinib trial\n\n"
        "The control group received trastuzumab plus docetaxel and the study group received "
        "pyrotinib on this basis. The objective response rate was 60.1% in the study group "
        "and 40.2% in the control group."
    )
    assert arm_of(rows_of(nlp, text), 60.1) == "docetaxel+pyrotinib+trastuzumab"


def test_on_this_basis_after_a_bracketed_dose_still_adds(nlp):
    """Negative (lead's check of the review): a dose bracket between the group's drug and "on
    this basis" ("neratinib (240 mg/d) on this basis") is still the group's own clause."""
    text = (
        "Neratinib trial\n\n"
        "The control group received paclitaxel combined with trastuzumab, and the experimental "
        "group received neratinib (240 mg/d) on this basis; both groups were treated for four "
        "cycles. The pCR rate was 48.5% in the experimental group and 30.3% in the control group."
    )
    rows = rows_of(nlp, text)
    assert arm_of(rows, 48.5) == "neratinib+paclitaxel+trastuzumab"
    assert arm_of(rows, 30.3) == "paclitaxel+trastuzumab"


# --- 3. a class added to a regimen the design adds a named drug to ---


def test_class_added_where_the_design_names_the_added_drug(nlp):
    """ "A plus lapatinib or A alone ... 58.1% with a TKI added to A": the value is not the
    A-alone arm's (the TKI is the design's lapatinib)."""
    text = (
        "Lapatinib trial\n\n"
        "Patients were randomly assigned to trastuzumab plus lapatinib or trastuzumab alone. "
        "The pCR rate was 58.1% with a TKI added to trastuzumab and 40.2% with trastuzumab alone."
    )
    rows = rows_of(nlp, text)
    assert arm_of(rows, 58.1) != "trastuzumab"
    assert arm_of(rows, 40.2) == "trastuzumab"


# --- 4. a worded dose "of" another drug ---


def test_worded_dose_of_another_drug_is_that_drugs_arm(nlp):
    """ "docetaxel 75 mg/m2 or a reduced dose of paclitaxel": no reduced-dose docetaxel arm."""
    text = (
        "Taxane trial\n\n"
        "Patients were randomly assigned to docetaxel 75 mg/m2 or a reduced dose of paclitaxel, "
        "each with trastuzumab. The pCR rate was 45.1% and 40.2%, respectively."
    )
    rows = rows_of(nlp, text)
    assert arm_of(rows, 40.2) == "paclitaxel+trastuzumab"
    assert arm_of(rows, 45.1) == "docetaxel+trastuzumab"


def test_worded_dose_schedule_of_another_drug(nlp):
    """ "pyrotinib 400 mg or an escalating-dose schedule of neratinib": two drugs' arms."""
    text = (
        "TKI trial\n\n"
        "Patients were randomly assigned to pyrotinib 400 mg or an escalating-dose schedule of "
        "neratinib, each with capecitabine. The objective response rate was 45.1% and 40.2%, "
        "respectively."
    )
    assert _design(nlp, text) == ["capecitabine+neratinib", "capecitabine+pyrotinib"]


# --- 5. grade qualifiers and ", and <event> in" ---


def test_elided_clause_is_any_grade_for_every_value(nlp):
    """ "Grade >=3 neutropenia occurred in 20.1% and 22.3%, and febrile neutropenia in 5.2% and
    6.4%, respectively": both FN values are AE, each of its arm."""
    text = (
        "Trial\n\n"
        "Patients were randomly assigned to trastuzumab plus docetaxel or pertuzumab plus "
        "trastuzumab plus docetaxel. Grade 3 or higher neutropenia occurred in 20.1% and 22.3%, "
        "and febrile neutropenia in 5.2% and 6.4%, respectively."
    )
    rows = rows_of(nlp, text)
    assert [row_with(rows, v).endpoint for v in (20.1, 5.2, 6.4)] == ["AE_G3", "AE", "AE"]
    assert arm_of(rows, 6.4) == "docetaxel+pertuzumab+trastuzumab"


def test_graded_events_listed_after_a_copula_share_the_grade(nlp):
    """ "The most common grade >=3 adverse events were neutropenia, which occurred in 20.1%,
    and anaemia in 8.3%": anaemia is one of the graded events (AE_G3)."""
    text = (
        "Trial\n\n"
        "In this single-arm study, patients received trastuzumab deruxtecan. The most common "
        "grade 3 or higher adverse events were neutropenia, which occurred in 20.1%, and "
        "anaemia in 8.3%."
    )
    assert row_with(rows_of(nlp, text), 8.3).endpoint == "AE_G3"
