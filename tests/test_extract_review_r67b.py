"""Review of round 67b, names: an untagged abstract number before a title naming known drugs.
Round 67b read a code opening the text as an abstract's number only when its letters are one of
the conference tags it lists ("TPS", "LBA", ...); conferences use more ("CRA1002", "EP123",
"PB123", "RF101"), and such a number before a title naming the drugs the lexicon knows
("PB123: Pyrotinib Combined With Capecitabine ...") was listed as a drug. A title that names a
known drug is about that drug, so the untagged code before it is the abstract's number; a
sponsor code before a title naming no known drug ("MRG002: A Phase 1 Study of a HER2-Targeted
ADC") stays the drug. The round's trial filters (places, "Flatiron", drug codes) lost no
named trial checked ("the DS8201-A-J101 study", "the RC48-C006 trial", "E1199", "E2198",
"E5103", "SOLD", "PERSEPHONE")."""

from __future__ import annotations

import pytest
from extract_helpers import extract_text, trials_in

UNTAGGED_NUMBERS = [
    "CRA1002: Trastuzumab Plus Pertuzumab Versus Trastuzumab in HER2-Positive Breast Cancer\n\n"
    "Patients received trastuzumab every 3 weeks.",
    "EP123: Pyrotinib Combined With Capecitabine in HER2-Positive Metastatic Breast Cancer\n\n"
    "Patients were treated with pyrotinib plus capecitabine.",
    "RF101 - Efficacy of Tucatinib Plus Trastuzumab in Brain Metastases\n\n"
    "Patients received tucatinib.",
]


@pytest.mark.parametrize("text", UNTAGGED_NUMBERS)
def test_untagged_abstract_number_before_a_title_naming_drugs_is_no_drug(nlp, text):
    """A code-shaped number whose letters are no listed tag, opening a title that names drugs
    the lexicon knows, is the abstract's number: the title's drugs only."""
    drugs = extract_text(nlp, text).drugs
    assert not any(any(c.isdigit() for c in d) for d in drugs), drugs
    assert drugs


def test_code_repeated_in_the_body_is_still_the_drug(nlp):
    """Negative: a code the text writes again is the drug, whatever the title names."""
    text = (
        "KN026: A Phase 2 Study With Trastuzumab and Chemotherapy\n\n"
        "Patients received KN026 plus trastuzumab every 3 weeks."
    )
    assert "kn026" in extract_text(nlp, text).drugs


def test_code_before_a_title_naming_only_a_placebo_is_still_the_drug(nlp):
    """Negative: a placebo in the title is no drug the title is about."""
    text = (
        "BAT8001: A Placebo-Controlled Study of an Anti-HER2 Antibody-Drug Conjugate\n\n"
        "Women were randomized to the conjugate or placebo."
    )
    assert "bat8001" in extract_text(nlp, text).drugs


def test_code_named_trials_and_group_numbers_are_still_trials():
    """Negative: a trial named by a drug code with a study suffix, and cooperative-group
    numbers next to eribulin's code E7389, are still trials."""
    assert trials_in("The DS8201-A-J101 study enrolled 115 patients.") == ["DS8201-A-J101"]
    assert trials_in("E1199 randomized women to weekly paclitaxel or docetaxel.") == ["E1199"]
    assert trials_in("The E5103 trial randomized women to bevacizumab.") == ["E5103"]
