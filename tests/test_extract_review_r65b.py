"""Review of round 65b: the "X-free" twin rule named the class-labelled arm for groups that are
not its twin. "a taxane plus A and B or vinorelbine plus A and B ... 61% with the taxane-free
regimen" is the vinorelbine arm (the one other arm free of the class); "or to taxane-free
vinorelbine plus ..." names the free group's own drugs, so when that arm was not read the group
is no twin; "patients with a taxane-free period longer than 12 months" is a population's
history, not a group."""

from __future__ import annotations

from extract_helpers import ARM_ROW, arm_of, rows_of

PT = "pertuzumab+trastuzumab"

OTHER_FREE_ARM = (
    "Taxanes with dual blockade\n\n"
    "Patients were randomly assigned to a taxane plus trastuzumab and pertuzumab or to "
    "vinorelbine plus trastuzumab and pertuzumab. The ORR was 74% in the taxane group and 61% "
    "with the taxane-free regimen."
)

FREE_REGIMEN_NAMED = (
    "Taxanes with dual blockade\n\n"
    "Patients were randomly assigned to a taxane plus trastuzumab and pertuzumab or to "
    "taxane-free vinorelbine plus trastuzumab and pertuzumab. The ORR was 74% in the taxane "
    "group and 61% with the taxane-free regimen."
)

FREE_PERIOD = (
    "Vinorelbine in pretreated disease\n\n"
    "Patients were randomised to a taxane plus trastuzumab and pertuzumab or vinorelbine plus "
    "trastuzumab and pertuzumab. In patients with a taxane-free period longer than 12 months, "
    "the ORR was 70%."
)


def test_class_free_group_is_the_other_arm_free_of_the_class(nlp):
    """ "the taxane-free regimen" beside an arm of vinorelbine is that arm, not the taxane
    arm whose taxane went unnamed."""
    rows = rows_of(nlp, OTHER_FREE_ARM, ARM_ROW)
    assert arm_of(rows, 61.0) == "pertuzumab+trastuzumab+vinorelbine"
    assert arm_of(rows, 74.0) == PT


def test_class_free_group_naming_its_own_drugs_is_no_twin(nlp):
    """ "taxane-free vinorelbine plus ...": the free group has drugs of its own, so it is not
    the taxane arm's twin."""
    rows = rows_of(nlp, FREE_REGIMEN_NAMED, ARM_ROW)
    assert arm_of(rows, 61.0) != PT


def test_class_free_period_is_no_group(nlp):
    """ "a taxane-free period longer than 12 months" is a history: the value has no arm."""
    rows = rows_of(nlp, FREE_PERIOD, ARM_ROW)
    assert arm_of(rows, 70.0) is None


def test_class_free_for_years_is_no_group(nlp):
    """ "anthracycline-free for more than 5 years" is a history too."""
    text = (
        "Pooled dual blockade\n\n"
        "We pooled trials of anthracycline-containing regimens, all given with trastuzumab and "
        "pertuzumab. The pCR rate was 58% with anthracycline-containing regimens. Patients "
        "anthracycline-free for more than 5 years had a pCR rate of 66%."
    )
    rows = rows_of(nlp, text, ARM_ROW)
    assert arm_of(rows, 66.0) != PT
