"""Round 41, left-overs: physician's-choice arms written with a partner. "T-DM1 or
investigator's choice of docetaxel or paclitaxel with trastuzumab" made the partner
(trastuzumab) an arm of its own beside a drugless physician's-choice arm, so "with a taxane
plus trastuzumab" named the wrong arm; "T-DXd or physician's choice with capecitabine" gave a
stray capecitabine arm; and a result sentence naming per-patient options with a partner
("docetaxel or paclitaxel with trastuzumab") that no design arm holds gave the partner alone
as the arm."""

from __future__ import annotations

from extract_helpers import ARM_ROW, arm_of, rows_of

from her2mine.extract.arms import ArmRegistry, build_registry
from her2mine.extract.components import _hits
from her2mine.extract.lexicon import load_lexicons, lower_same_length
from her2mine.extract.options import options_as_class

TITLE = "Antibody-drug conjugates in HER2-positive breast cancer\n\n"
TPC = "physician's choice"


def pipeline_registry(nlp, text: str) -> ArmRegistry:
    """The arm registry as the outcome reader builds it (options read as one class mention)."""
    state = nlp(text)._.her2
    drugs = options_as_class(text, _hits(state, "drugs"), load_lexicons().drugs.drug_class)
    sentences = [tuple(x) for x in state["sentences"]]
    return build_registry(text, sentences, drugs, lower_same_length(text))


# 1. Options and a partner after "choice of" are the physician's-choice arm's.
OPTIONS_WITH_PARTNER = TITLE + (
    "Patients were randomly assigned to T-DM1 or investigator's choice of docetaxel or "
    "paclitaxel with trastuzumab. "
)


def test_options_with_a_partner_after_choice_of_make_no_arm(nlp):
    """The design has two arms: T-DM1 and physician's choice (with trastuzumab)."""
    reg = pipeline_registry(nlp, OPTIONS_WITH_PARTNER)
    assert [a.name for a in reg.arms] == ["trastuzumab emtansine", TPC]
    assert reg.arms[1].drugs == ["trastuzumab"]


def test_taxane_plus_partner_names_the_physicians_choice_arm(nlp):
    """ "9.2 months with a taxane plus trastuzumab" is the physician's-choice arm's median."""
    text = OPTIONS_WITH_PARTNER + (
        "Median PFS was 14.1 months with T-DM1 and 9.2 months with a taxane plus trastuzumab."
    )
    assert rows_of(nlp, text, ARM_ROW) == [
        ("PFS", "median", 14.1, "trastuzumab emtansine"),
        ("PFS", "median", 9.2, TPC),
    ]


def test_partner_alone_names_the_physicians_choice_arm(nlp):
    """ "with trastuzumab" later is that arm: the partner every patient of it gets."""
    text = OPTIONS_WITH_PARTNER + "The ORR was 44% with T-DM1 and 31% with trastuzumab."
    assert arm_of(rows_of(nlp, text, ARM_ROW), 31.0) == TPC


def test_options_after_choice_of_without_partner_unchanged(nlp):
    """Negative: "physician's choice of docetaxel or paclitaxel" keeps them as options."""
    text = TITLE + (
        "Patients were randomly assigned to T-DM1 or physician's choice of docetaxel or "
        "paclitaxel. "
    )
    reg = pipeline_registry(nlp, text)
    assert [a.name for a in reg.arms] == ["trastuzumab emtansine", TPC]
    assert reg.arms[1].drugs == []
    assert reg.arms[1].options == {"docetaxel", "paclitaxel"}


# 2. A partner joined right after the phrase.
PARTNER_AFTER = TITLE + (
    "Patients were randomly assigned to T-DXd or physician's choice with capecitabine. "
)


def test_partner_joined_after_the_phrase_makes_no_arm(nlp):
    """ "or physician's choice with capecitabine": no capecitabine arm of its own."""
    reg = pipeline_registry(nlp, PARTNER_AFTER)
    assert [a.name for a in reg.arms] == ["trastuzumab deruxtecan", TPC]
    assert reg.arms[1].drugs == ["capecitabine"]


def test_partner_joined_after_the_phrase_names_that_arm(nlp):
    """ "30% with capecitabine" is the physician's-choice arm's rate."""
    text = PARTNER_AFTER + "The ORR was 60% with T-DXd and 30% with capecitabine."
    assert rows_of(nlp, text, ARM_ROW) == [
        ("ORR", "rate", 60.0, "trastuzumab deruxtecan"),
        ("ORR", "rate", 30.0, TPC),
    ]


def test_drug_partner_of_a_chemotherapy_choice_still_one_arm(nlp):
    """Negative: "trastuzumab plus chemotherapy of physician's choice" stays the trastuzumab
    arm (a partner of the drug before it)."""
    text = TITLE + (
        "Patients were randomly assigned to pertuzumab plus trastuzumab plus chemotherapy of "
        "physician's choice or trastuzumab plus chemotherapy of physician's choice. "
    )
    names = [a.name for a in pipeline_registry(nlp, text).arms]
    assert TPC not in names


def test_or_after_the_phrase_is_another_arm(nlp):
    """Negative: "physician's choice, or lapatinib plus capecitabine" keeps that arm."""
    text = TITLE + (
        "Patients were randomly assigned to T-DXd, physician's choice, or lapatinib plus "
        "capecitabine. "
    )
    names = [a.name for a in pipeline_registry(nlp, text).arms]
    assert "capecitabine+lapatinib" in names


# 3. Per-patient options with a partner that no design arm holds.
def test_undesigned_options_with_partner_give_no_arm(nlp):
    """ "Patients treated with docetaxel or paclitaxel with trastuzumab had ..." after a design
    of other regimens: the patients got different regimens, so no arm (not "trastuzumab")."""
    text = TITLE + (
        "Patients were randomly assigned to lapatinib plus capecitabine or neratinib plus "
        "capecitabine. Patients treated with docetaxel or paclitaxel with trastuzumab had a "
        "median PFS of 10.2 months."
    )
    assert rows_of(nlp, text, ARM_ROW) == [("PFS", "median", 10.2, None)]


def test_designed_options_with_partner_keep_their_arm(nlp):
    """Negative: the same mention names a design arm holding the partner."""
    text = TITLE + (
        "Patients were randomly assigned to trastuzumab plus docetaxel or paclitaxel, or "
        "lapatinib plus capecitabine. The ORR was 50% with docetaxel or paclitaxel plus "
        "trastuzumab and 30% with lapatinib plus capecitabine."
    )
    assert arm_of(rows_of(nlp, text, ARM_ROW), 50.0) == "trastuzumab"
