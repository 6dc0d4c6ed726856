"""Review of round 64c (registries and study numbers): the number read right after "trial"/
"study" took any one-letter-four-digit code, so a cell line or a drug code opening the next
clause was listed ("In this study H1975 cells were ...", "During the study E7389 was given");
a code the text writes as a model or a drug (its dose, a lexicon drug in brackets) was read by
the title and after-noun readers too ("E7389 (eribulin) ... E7389: a phase 2 study"); and the
registry reader listed a cancer centre's or institute's registry ("the MDACC registry")."""

from __future__ import annotations

import pytest
from extract_helpers import trials_in

# --- 1. after the noun: a group's or sponsor's number, not any code opening the next clause ---

CODES_OPENING_A_CLAUSE = [
    "In this study H1975 cells were treated with trastuzumab.",
    "In the present study A2780 cells were resistant to trastuzumab.",
    "In the study T1234 patients were treated with trastuzumab.",
    "In this study E0771 tumours grew despite trastuzumab.",
    "During the study E7389 was given at 1.4 mg/m2 with trastuzumab.",
]


@pytest.mark.parametrize("text", CODES_OPENING_A_CLAUSE)
def test_code_after_study_opening_the_clause_names_nothing(text):
    """A cell line, a model or a drug given, right after "study", is no study number."""
    assert trials_in(text) == []


NUMBERS_AFTER_THE_NOUN = [
    ("The SWOG study S1613 enrolled 200 women.", ["S1613"]),
    ("The phase III study E2198 showed no benefit.", ["E2198"]),
    ("Samples from study H0648g were analysed.", ["H0648g"]),
    ("In the Alliance trial A011202, women were randomised.", ["A011202"]),
    ("The pivotal study M77001 enrolled 188 women.", ["M77001"]),
]


@pytest.mark.parametrize(("text", "names"), NUMBERS_AFTER_THE_NOUN)
def test_group_or_sponsor_number_after_the_noun_is_listed(text, names):
    """Negative: a group's or sponsor's study number after the noun is still listed."""
    assert trials_in(text) == names


# --- 2. a code the text writes as a drug is no trial, in the title either ---


def test_drug_code_paired_with_a_lexicon_drug_opens_no_trial_title():
    """ "E7389 (eribulin)" writes the code as a drug: the title's "E7389: a phase 2 study"
    names the drug studied, not a trial."""
    text = (
        "E7389: a phase 2 study in HER2-negative metastatic breast cancer. "
        "E7389 (eribulin) is a microtubule inhibitor."
    )
    assert trials_in(text) == []


def test_drug_code_given_at_a_dose_opens_no_trial_title():
    """ "E7389 1.4 mg/m2" writes the code as a drug given."""
    text = "E7389: a phase 2 study in breast cancer. Patients received E7389 1.4 mg/m2 weekly."
    assert trials_in(text) == []


def test_drug_named_before_the_code_in_brackets_opens_no_trial_title():
    """ "eribulin (E7389)" writes the code as the drug's."""
    text = "E7389: a phase 2 study in breast cancer. Eribulin (E7389) was given weekly."
    assert trials_in(text) == []


def test_group_number_title_is_still_listed():
    """Negative: a group's number opening the title, written as no drug, stays a trial."""
    text = "S1613: a randomized phase II trial of trastuzumab and pertuzumab. 200 were enrolled."
    assert trials_in(text) == ["S1613"]


# --- 3. an institution's registry is no named registry ---


@pytest.mark.parametrize("name", ["MDACC", "MSKCC", "DFCI", "FCCC"])
def test_cancer_centre_registry_names_nothing(name):
    """ "the MDACC registry": a cancer centre's or institute's own registry, no study."""
    assert trials_in(f"Patients from the {name} breast cancer registry were included.") == []


def test_named_registry_still_listed():
    """Negative: a named registry ("the ESME registry") is still listed."""
    assert trials_in("Patients were identified from the ESME registry.") == ["ESME"]
