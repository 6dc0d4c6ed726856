"""Fresh round 65 (b): arm leftovers. Groups that differ only by a drug class ("anthracycline-free"
vs "anthracycline-containing regimens, all given with trastuzumab and pertuzumab") both carry the
named drugs, where the "-free" group had no arm once round 64a made "X-free" no class mention;
"A with (n = 40) or without (n = 38) B" is a with-or-without design; a short form defined by the
bracket after it ("AC-THP (doxorubicin and cyclophosphamide followed by THP)") keeps the
bracket's first drug, which the abbreviation detector dropped by matching "A" to "and"."""

from __future__ import annotations

from extract_helpers import ARM_ROW, arm_of, registry_of, rows_of

PT = "pertuzumab+trastuzumab"

POOLED_ANTHRACYCLINE = (
    "Anthracycline-free versus anthracycline-containing neoadjuvant regimens with dual HER2 "
    "blockade: a meta-analysis\n\n"
    "We pooled randomised and single-arm trials of neoadjuvant chemotherapy with dual HER2 "
    "blockade. The pooled pCR rate was 62% with anthracycline-free regimens and 58% with "
    "anthracycline-containing regimens, all given with trastuzumab and pertuzumab."
)

POOLED_TAXANE = (
    "Taxane-free and taxane-containing chemotherapy with trastuzumab and pertuzumab: a pooled "
    "analysis\n\n"
    "We pooled five neoadjuvant trials. The pCR rate was 49% with taxane-free regimens versus "
    "71% with taxane-containing regimens, all given with trastuzumab plus pertuzumab."
)

CHEMO_FREE_ARM = (
    "Chemotherapy-free dual blockade\n\n"
    "Patients were randomly assigned to trastuzumab and pertuzumab (chemotherapy-free arm) or "
    "docetaxel plus trastuzumab and pertuzumab. The pCR rate was 30% in the chemotherapy-free "
    "arm and 60% in the docetaxel arm."
)


def test_class_free_group_carries_the_named_drugs_of_its_class_twin(nlp):
    """ "X-free regimens" beside "X-containing regimens, all given with A and B": both groups
    differ only by the class, so both carry A+B."""
    rows = rows_of(nlp, POOLED_ANTHRACYCLINE, ARM_ROW)
    assert arm_of(rows, 62.0) == PT
    assert arm_of(rows, 58.0) == PT


def test_class_free_group_of_another_class(nlp):
    """The same for taxanes, the groups joined by "versus"."""
    rows = rows_of(nlp, POOLED_TAXANE, ARM_ROW)
    assert arm_of(rows, 71.0) == PT
    assert arm_of(rows, 49.0) == PT


def test_class_free_group_whose_twin_holds_the_class_is_no_twin(nlp):
    """Negative: the anthracycline arm holds epirubicin, so the "-free" group is not its twin
    (it is the other arm, which holds no anthracycline)."""
    text = (
        "Anthracyclines with trastuzumab\n\n"
        "Patients were randomly assigned to epirubicin and cyclophosphamide followed by docetaxel "
        "plus trastuzumab, or docetaxel, carboplatin and trastuzumab. The pCR rate was 55% with "
        "the anthracycline-free regimen."
    )
    rows = rows_of(nlp, text, ARM_ROW)
    assert arm_of(rows, 55.0) != "cyclophosphamide+docetaxel+epirubicin+trastuzumab"


def test_chemotherapy_free_label_still_names_its_arm(nlp):
    """Negative (round 64a): "(chemotherapy-free arm)" is the label of the arm without
    docetaxel, not the class twin of the docetaxel arm."""
    rows = rows_of(nlp, CHEMO_FREE_ARM, ARM_ROW)
    assert arm_of(rows, 30.0) == PT
    assert arm_of(rows, 60.0) == "docetaxel+" + PT


WITH_COUNTS = (
    "Pertuzumab in advanced disease\n\n"
    "Patients were randomly assigned to trastuzumab with (n = 40) or without (n = 38) "
    "pertuzumab. The objective response rate was 60% with pertuzumab and 40% without "
    "pertuzumab."
)

WITH_COUNTS_GROUPS = (
    "Pertuzumab in advanced disease\n\n"
    "Patients were randomised to docetaxel plus trastuzumab with (n = 52) or without (n = 50) "
    "pertuzumab. Median PFS was 12.1 months in the pertuzumab group and 9.0 months in the "
    "control group."
)


def test_with_or_without_bracketed_counts(nlp):
    """ "A with (n = 40) or without (n = 38) B": the arms are A+B and A."""
    rows = rows_of(nlp, WITH_COUNTS, ARM_ROW)
    assert arm_of(rows, 60.0) == PT
    assert arm_of(rows, 40.0) == "trastuzumab"


def test_with_or_without_bracketed_counts_and_group_names(nlp):
    """The same design with a backbone of two drugs, read through group names."""
    rows = rows_of(nlp, WITH_COUNTS_GROUPS, ARM_ROW)
    assert arm_of(rows, 12.1) == "docetaxel+" + PT
    assert arm_of(rows, 9.0) == "docetaxel+trastuzumab"


ACTHP = "cyclophosphamide+docetaxel+doxorubicin+pertuzumab+trastuzumab"

NESTED_SHORT_FORM = (
    "Neoadjuvant regimens\n\n"
    "Patients were randomly assigned to AC-THP (doxorubicin and cyclophosphamide followed by "
    "THP) or TCHP. The pCR rate was 58% with AC-THP and 62% with TCHP."
)


def test_nested_short_form_keeps_its_own_drugs(nlp):
    """ "AC-THP (doxorubicin and cyclophosphamide followed by THP)": the form holds the
    bracket's drugs and THP's."""
    rows = rows_of(nlp, NESTED_SHORT_FORM, ARM_ROW)
    assert arm_of(rows, 58.0) == ACTHP
    assert arm_of(rows, 62.0) == "carboplatin+docetaxel+pertuzumab+trastuzumab"


def test_nested_short_form_of_another_regimen(nlp):
    """The same for "AC-TH (... followed by TH)" against TCH, each form named later."""
    text = (
        "Neoadjuvant regimens\n\n"
        "Patients were randomly assigned to AC-TH (doxorubicin and cyclophosphamide followed by "
        "TH) or TCH. The pCR rate was 41% with AC-TH and 44% with TCH."
    )
    rows = rows_of(nlp, text, ARM_ROW)
    assert arm_of(rows, 41.0) == "cyclophosphamide+docetaxel+doxorubicin+trastuzumab"
    assert arm_of(rows, 44.0) == "carboplatin+docetaxel+trastuzumab"


def test_with_or_without_counts_outside_a_design_define_no_arms(nlp):
    """Negative: "treated with A with (n = 12) or without (n = 30) B" says what patients had
    received, in no randomised design: no arm is defined."""
    text = (
        "Pertuzumab after surgery\n\n"
        "Of 42 patients treated with trastuzumab with (n = 12) or without (n = 30) pertuzumab, "
        "the objective response rate was 50%."
    )
    assert len(registry_of(nlp, text).arms) < 2
