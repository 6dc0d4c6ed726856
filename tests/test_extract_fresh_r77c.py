"""Round 77c (invented abstracts): dose labels, with-or-without labels, duration words, short
form then bracket. "8 mg/kg loading dose followed by 6 mg/kg (8/6 mg/kg) or 10 mg/kg (8/10
mg/kg)" made no dose arms (only "8 mg/kg then 6 mg/kg" did), so "with 8/6 mg/kg" named nothing
and the partner lost trastuzumab; "A (control arm) for six cycles with or without B
(experimental arm), with B continued as maintenance" was no add-on design, so the control arm
held B and the experimental arm was B alone; "comparing shorter (9 weeks to 6 months) with 12
months of trastuzumab" compared no durations, and "86.0% with shorter" / "85.1% with 6 months"
named no group; "receive PHP (pyrotinib plus trastuzumab and docetaxel) or THP (...)" dropped
the arm whose short form opens its bracket."""

from __future__ import annotations

from extract_helpers import P_ROW, arm_of, registry_of, rows_of

from her2mine.extract.arms import arm_refs
from her2mine.extract.components import _hits

CCT = "capecitabine+cisplatin+trastuzumab"

LOADING_DOSE = (
    "Patients were randomized 1:1 to trastuzumab 8 mg/kg loading dose followed by 6 mg/kg (8/6 "
    "mg/kg) or 10 mg/kg (8/10 mg/kg) every 3 weeks, each combined with cisplatin 80 mg/m² on day "
    "1 and capecitabine 800 mg/m² twice daily for up to six cycles. Median OS was 12.5 months "
    "with 8/6 mg/kg and 10.6 months with 8/10 mg/kg (HR 1.24). Median PFS was 5.7 and 5.6 "
    "months, respectively."
)

WITH_OR_WITHOUT_LABELS = (
    "Eligible patients were randomly assigned to receive carboplatin-paclitaxel (control arm) "
    "for six cycles with or without intravenous trastuzumab (experimental arm), with trastuzumab "
    "continued as maintenance. Median PFS was 8.0 months in the control arm and 12.6 months in "
    "the experimental arm."
)

SHORTER_META = (
    "We searched for randomised trials comparing shorter (9 weeks to 6 months) with 12 months of "
    "trastuzumab in HER2-positive early breast cancer. Six trials were included. The pooled "
    "5-year DFS rates were 86.0% with shorter and 87.6% with 12-month treatment."
)

MONTHS_META = (
    "We performed a meta-analysis of randomised trials comparing 6 months with 12 months of "
    "adjuvant trastuzumab. The pooled 5-year DFS rates were 85.1% with 6 months and 87.0% with "
    "12 months of trastuzumab."
)

FORM_THEN_BRACKET = (
    "Patients were randomly assigned to receive PHP (pyrotinib plus trastuzumab and docetaxel) or "
    "THP (pertuzumab plus trastuzumab and docetaxel). The pCR rate was 50% in the PHP group and "
    "40% in the THP group."
)
PHP = "docetaxel+pyrotinib+trastuzumab"
THP = "docetaxel+pertuzumab+trastuzumab"


def test_loading_dose_then_maintenance_bracket_names_dose_arm(nlp):
    """ "8 mg/kg loading dose followed by 6 mg/kg (8/6 mg/kg) or 10 mg/kg (8/10 mg/kg)": two dose
    arms of one regimen; "with 8/6 mg/kg" names it, with the partners each arm was given."""
    rows = rows_of(nlp, LOADING_DOSE, P_ROW)
    assert arm_of(rows, 12.5) == CCT
    assert arm_of(rows, 10.6) == CCT


def test_loading_dose_arms_carry_respectively_pair(nlp):
    """The later "respectively" pair gives each dose arm the whole regimen (trastuzumab kept)."""
    rows = rows_of(nlp, LOADING_DOSE, P_ROW)
    assert arm_of(rows, 5.7) == CCT
    assert arm_of(rows, 5.6) == CCT


def test_as_a_loading_dose_then_is_a_dose_step(nlp):
    """Variant: "8 mg/kg as a loading dose, then 6 mg/kg (8/6 mg/kg)" reads the same."""
    text = (
        "Patients were randomised to trastuzumab 8 mg/kg as a loading dose, then 6 mg/kg (8/6 "
        "mg/kg) or 10 mg/kg (8/10 mg/kg) every 3 weeks, each combined with docetaxel. The ORR was "
        "45% with 8/6 mg/kg and 47% with 8/10 mg/kg."
    )
    rows = rows_of(nlp, text, P_ROW)
    assert arm_of(rows, 45.0) == "docetaxel+trastuzumab"
    assert arm_of(rows, 47.0) == "docetaxel+trastuzumab"


def test_loading_dose_without_other_dose_makes_no_twins(nlp):
    """Negative: a loading dose with no other dose after "or" is one arm, not dose twins."""
    text = (
        "Patients were randomly assigned to receive trastuzumab 8 mg/kg loading dose followed by "
        "6 mg/kg every 3 weeks plus docetaxel or docetaxel alone. Median PFS was 11.7 and 6.1 "
        "months, respectively."
    )
    assert [a.name for a in registry_of(nlp, text).arms] == ["docetaxel+trastuzumab", "docetaxel"]


def test_labelled_backbone_with_or_without_labelled_drug(nlp):
    """ "A (control arm) for six cycles with or without B (experimental arm)": control is A,
    experimental is A + B; the ", with B continued as maintenance" clause adds no arm."""
    rows = rows_of(nlp, WITH_OR_WITHOUT_LABELS, P_ROW)
    assert arm_of(rows, 8.0) == "carboplatin+paclitaxel"
    assert arm_of(rows, 12.6) == "carboplatin+paclitaxel+trastuzumab"


def test_lettered_labels_around_with_or_without(nlp):
    """Variant: lettered labels after the backbone and the added drug."""
    text = (
        "Patients were randomly assigned to docetaxel (arm A) for six cycles with or without "
        "pertuzumab (arm B), with pertuzumab continued as maintenance. The ORR was 50% in arm A "
        "and 70% in arm B."
    )
    rows = rows_of(nlp, text, P_ROW)
    assert arm_of(rows, 50.0) == "docetaxel"
    assert arm_of(rows, 70.0) == "docetaxel+pertuzumab"


def test_label_after_backbone_only_labels_backbone(nlp):
    """Negative: only the backbone carries a bracket, so the add-on arm has no label."""
    text = (
        "Patients were randomly assigned to receive docetaxel (control arm) with or without "
        "pertuzumab. Median PFS was 8.0 months in the control arm."
    )
    reg = registry_of(nlp, text)
    assert [(a.name, sorted(a.labels)) for a in reg.arms] == [
        ("docetaxel+pertuzumab", []),
        ("docetaxel", ["control"]),
    ]


def test_shorter_versus_twelve_months_is_a_duration_design(nlp):
    """ "comparing shorter (9 weeks to 6 months) with 12 months of trastuzumab": two duration
    groups of one regimen."""
    assert registry_of(nlp, SHORTER_META).duration_groups == 2


def test_with_shorter_and_with_twelve_month_treatment_name_the_regimen(nlp):
    """ "86.0% with shorter and 87.6% with 12-month treatment": each duration group is the
    regimen."""
    rows = rows_of(nlp, SHORTER_META, P_ROW)
    assert arm_of(rows, 86.0) == "trastuzumab"
    assert arm_of(rows, 87.6) == "trastuzumab"


def test_with_six_months_names_the_regimen(nlp):
    """ "85.1% with 6 months and 87.0% with 12 months of trastuzumab": both trastuzumab."""
    rows = rows_of(nlp, MONTHS_META, P_ROW)
    assert arm_of(rows, 85.1) == "trastuzumab"
    assert arm_of(rows, 87.0) == "trastuzumab"


def test_months_of_follow_up_is_no_duration_group(nlp):
    """Negative: "with 24 months of follow-up" names no duration group."""
    text = SHORTER_META.split(" The pooled")[0] + " The pooled DFS rate was 86.0% with 24 months "
    text += "of follow-up."
    s = text.index("The pooled")
    refs = arm_refs(text, s, len(text), _hits(nlp(text)._.her2, "drugs"), registry_of(nlp, text))
    assert refs == []


def test_with_months_outside_duration_design_names_nothing(nlp):
    """Negative: in a design of two regimens, "with 6 months" is no reference."""
    text = (
        "Patients were randomly assigned to pyrotinib plus capecitabine or lapatinib plus "
        "capecitabine. The PFS rate was 60% with 6 months of follow-up."
    )
    s = text.index("The PFS")
    refs = arm_refs(text, s, len(text), _hits(nlp(text)._.her2, "drugs"), registry_of(nlp, text))
    assert refs == []


def test_short_form_before_its_bracket_defines_the_arm(nlp):
    """ "receive PHP (pyrotinib plus trastuzumab and docetaxel) or THP (...)": PHP is the first
    arm and "the PHP group" names it."""
    rows = rows_of(nlp, FORM_THEN_BRACKET, P_ROW)
    assert arm_of(rows, 50.0) == PHP
    assert arm_of(rows, 40.0) == THP


def test_short_form_before_bracket_as_second_arm(nlp):
    """Variant: the undefined form opens the second arm ("or PHP (...)")."""
    text = (
        "Patients were randomly assigned to receive THP (pertuzumab plus trastuzumab and "
        "docetaxel) or PHP (pyrotinib plus trastuzumab and docetaxel). The pCR rate was 40% in the "
        "THP group and 50% in the PHP group."
    )
    rows = rows_of(nlp, text, P_ROW)
    assert arm_of(rows, 50.0) == PHP
    assert arm_of(rows, 40.0) == THP


def test_form_before_bracket_of_prior_therapy_defines_no_arm(nlp):
    """Negative: a form and bracket after "progressed on" is prior therapy, no design arm."""
    text = (
        "Patients whose disease had progressed on PT (pertuzumab plus trastuzumab) were randomly "
        "assigned to receive pyrotinib plus capecitabine or lapatinib plus capecitabine. The ORR "
        "was 60% in the PT group."
    )
    reg = registry_of(nlp, text)
    assert not reg.bare_forms
    assert [a.name for a in reg.arms] == ["capecitabine+pyrotinib", "capecitabine+lapatinib"]
