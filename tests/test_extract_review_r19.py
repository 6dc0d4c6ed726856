"""Review of leftovers r19a-c. Drugs "in each arm"/"in both groups" (``arms._WITH_EVERY_ARM``)
were dropped even when they were the randomised alternatives' shared partners in the
randomisation sentence itself ("pertuzumab or placebo, plus trastuzumab and docetaxel in each
arm"): the placebo arm vanished with them and its values took the pertuzumab arm. And a choice
written before its partner was read as options, but the same choice given "alone" in the
other arm ("anastrozole or letrozole plus trastuzumab, or anastrozole or letrozole alone") was
still read as two arms of one drug each. A trial named in capitals had its name read inside
another trial's longer name ("HERMES-2")."""

from __future__ import annotations

from extract_helpers import arms_of, registry_of

from her2mine.extract.hits import ROW_CANONICAL

PLACEBO_EACH_ARM = (
    "Patients were randomly assigned to pertuzumab or placebo, plus trastuzumab and docetaxel "
    "in each arm. Median PFS was 18.5 months with pertuzumab and 12.4 months with placebo."
)


def test_shared_partners_in_each_arm_keep_the_placebo_arm(nlp):
    """ "A or placebo, plus X and Y in each arm": X and Y are both arms' partners; the
    placebo arm stays and takes the placebo value."""
    arms = arms_of(nlp, PLACEBO_EACH_ARM)
    assert arms == {18.5: "docetaxel+pertuzumab+trastuzumab", 12.4: "docetaxel+trastuzumab"}


def test_shared_partners_with_both_groups_keep_the_placebo_arm(nlp):
    """ "A or placebo, with X and Y in both groups" is read alike."""
    text = PLACEBO_EACH_ARM.replace(", plus", ", with").replace("in each arm", "in both groups")
    assert arms_of(nlp, text)[12.4] == "docetaxel+trastuzumab"


def test_subgroup_clause_with_either_regimen_still_adds_no_arm(nlp):
    """Negative: drugs a clause of its own gives "with either regimen" define no arm."""
    text = (
        "Patients were randomly assigned to paclitaxel plus doxorubicin or to epirubicin plus "
        "cyclophosphamide, and patients with HER2-positive tumors received trastuzumab "
        "concomitantly with either regimen. The pCR rate was 62% with paclitaxel plus "
        "doxorubicin and 67% with epirubicin plus cyclophosphamide."
    )
    assert len(registry_of(nlp, text).arms) == 2


AI_ALONE = (
    "Patients were randomly assigned to anastrozole or letrozole plus trastuzumab, or "
    "anastrozole or letrozole alone. Median PFS was 14.1 months with trastuzumab and 2.4 months "
    "without."
)


def test_choice_given_alone_is_the_class_only_arm(nlp):
    """ "AI or AI plus X, or the same AIs alone": two arms, X and the drugless endocrine arm
    (null), not one arm per aromatase inhibitor."""
    assert arms_of(nlp, AI_ALONE) == {14.1: "trastuzumab", 2.4: None}


def test_other_drugs_alone_are_arms(nlp):
    """Negative: drugs "alone" that are not the choice offered before are arms of their own."""
    text = AI_ALONE.replace("anastrozole or letrozole alone", "exemestane or fulvestrant alone")
    names = {a.name for a in registry_of(nlp, text).arms}
    assert "exemestane" in names and "fulvestrant" in names


def test_a_longer_hyphenated_name_is_no_use_of_the_trial(nlp):
    """ "the HERMES trial ... HERMES-2 enrolled": HERMES-2 is another trial, not a use of
    HERMES (``trials.find._other_uses``)."""
    text = "The HERMES trial tested trastuzumab. HERMES-2 enrolled 100 patients."
    mentions = nlp(text)._.her2["trials"]
    assert [r[ROW_CANONICAL] for r in mentions] == ["HERMES"]


def test_a_later_use_of_the_trial_name_is_still_read(nlp):
    """Negative: "In HERMES, ..." after "the HERMES trial" is a mention of it."""
    text = "The HERMES trial tested trastuzumab. In HERMES, 100 patients enrolled."
    assert len(nlp(text)._.her2["trials"]) == 2
