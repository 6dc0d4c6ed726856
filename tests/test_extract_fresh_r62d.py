"""Round 62 (d), trial readers: factoring the readers onto one skeleton showed them disagreeing.
Four readers (design words, "the PACS 04 trial", a name after a group's id, a name as subject)
took any word that starts with "trial" as the noun, so "KESTREL was a randomised trialist
network" named KESTREL, while the readers that test the noun took no plural ("the phase III
KESTREL adjuvant trials" named nothing). A cooperative group's bare name was kept by some
readers ("the randomized NSABP trial", "the EORTC DBCG trial") and dropped by others ("the
NSABP adjuvant trial"). The trigger tests of three readers read one blank before or after the
noun, where their patterns take any number ("the randomised KESTREL III  trial", "the
Neo-kestrel  trial", "a randomised phase 3 trial   (KESTREL)": PDF-copied double blanks)."""

from __future__ import annotations

import pytest
from extract_helpers import trials_in

# --- 1. the noun stands as a word: "trial", "trials", "study"; no "trialist", "trialled" ---

PLURAL_AFTER_ONE_NAME = [
    ("In the randomized KESTREL trials of adjuvant therapy, 300 women enrolled.", "KESTREL"),
    ("In the PACS 04 trials, 300 women enrolled.", "PACS 04"),
    ("In the KESTREL trials, 300 women enrolled.", "KESTREL"),
    ("In the phase III KESTREL adjuvant trials, 300 women enrolled.", "KESTREL"),
    ("In the phase 3 JCOG KESTREL trials, 300 women enrolled.", "KESTREL"),
    ("In the randomized KESTREL III trials, 300 women enrolled.", "KESTREL III"),
    ("In the neoadjuvant GeparKestrel trials, 300 women enrolled.", "GeparKestrel"),
]


@pytest.mark.parametrize(("text", "name"), PLURAL_AFTER_ONE_NAME)
def test_plural_trials_after_one_name_names_it_in_every_reader(text, name):
    """ "the <words> NAME trials": every reader reads the plural noun after one name."""
    assert trials_in(text) == [name]


NOT_A_NOUN = [
    "KESTREL was a randomised trialist network of 20 centres.",
    "In the randomized KESTREL trialists' analysis, 300 women enrolled.",
    "In the randomized KESTREL trialled regimen, 300 women enrolled.",
    "In the PACS 04 trialists group, 300 women enrolled.",
    "In the phase III KESTREL adjuvant trialists, 300 women enrolled.",
]


@pytest.mark.parametrize("text", NOT_A_NOUN)
def test_trialist_and_trialled_are_no_design_noun(text):
    """Negative: "trialist(s)" and "trialled" call nothing a trial, in no reader."""
    assert trials_in(text) == []


def test_group_id_reader_needs_the_noun_as_a_word():
    """ "the phase II SOLTI-1303 PATRICIA trials" names PATRICIA; "... trialists" does not (the
    group's id is read on its own)."""
    assert trials_in("In the phase II SOLTI-1303 PATRICIA trials, 30 enrolled.") == [
        "SOLTI-1303",
        "PATRICIA",
    ]
    assert trials_in("In the phase II SOLTI-1303 PATRICIA trialists, 30 enrolled.") == [
        "SOLTI-1303"
    ]


def test_subject_of_a_trial_still_named():
    """ "KESTREL was a randomised trial of ...": the singular noun still names the subject."""
    assert trials_in("KESTREL was a randomised trial of 20 centres.") == ["KESTREL"]


# --- 2. a cooperative group's bare name is no trial's, whichever reader reads it ---

BARE_GROUPS = [
    "In the randomized NSABP trial, 300 women enrolled.",
    "In the NSABP trial, 300 women enrolled.",
    "In the NSABP adjuvant trial, 300 women enrolled.",
    "In the randomised phase III EORTC DBCG trial, 300 women enrolled.",
    "In the DBCG adjuvant trial, 300 women enrolled.",
    "In the randomised phase III DBCG trial, 300 women enrolled.",
    "In the GEICAM trial, 300 women enrolled.",
    "In the randomized ABCSG trial, 300 women enrolled.",
    "In the phase III ECOG-ACRIN trial, 300 women enrolled.",
    "In the CALGB trial, 300 women enrolled.",
    "In the NSABP and NCCTG trials, 300 women enrolled.",
]


@pytest.mark.parametrize("text", BARE_GROUPS)
def test_bare_group_name_is_no_trial(text):
    """ "the (randomized) NSABP (adjuvant) trial": the group runs the trial, it names none."""
    assert trials_in(text) == []


def test_group_with_its_number_stays_a_trial():
    """Negative: a group with its trial's number names that trial ("NSABP B-31", "GEICAM
    2003-02"), and a name after a group's word is kept ("the EORTC KESTREL trial")."""
    assert trials_in("In the randomized NSABP B-31 trial, 300 enrolled.") == ["NSABP B-31"]
    assert trials_in("In the phase III GEICAM 2003-02 trial, 300 enrolled.") == ["GEICAM 2003-02"]
    assert trials_in("In the phase 3 EORTC KESTREL trial, 300 enrolled.") == ["KESTREL"]


def test_coordinated_names_keep_the_trial_beside_a_group():
    """ "the HERA and NSABP trials": HERA is a trial, the group is not."""
    assert trials_in("In the HERA and NSABP trials, 300 women enrolled.") == ["HERA"]


# --- 3. blanks between the name and the noun: one or more, as the patterns read them ---

DOUBLE_BLANKS = [
    ("In the randomised KESTREL III  trial, 300 women enrolled.", ["KESTREL III"]),
    ("In the Neo-kestrel  trial, 300 women enrolled.", ["Neo-kestrel"]),
    ("We ran a randomised phase 3 trial   (KESTREL) in 300 women.", ["KESTREL"]),
    ("We ran a randomised phase 2 trial\t (KESTREL) in 300 women.", ["KESTREL"]),
    ("In the phase 1a/1b Beamion LUNG-1  trial, 300 women enrolled.", ["Beamion LUNG-1"]),
    (
        "The PELICAN (Pertuzumab Early Locally Invasive Cancer Adjuvant Neoadjuvant)  trial "
        "enrolled 300 women.",
        ["PELICAN"],
    ),
]


@pytest.mark.parametrize(("text", "names"), DOUBLE_BLANKS)
def test_double_blanks_read_as_one(text, names):
    """PDF-copied double blanks before or after the noun name what one blank names."""
    assert trials_in(text) == names
    assert trials_in(" ".join(text.split())) == names


def test_double_blanks_still_need_the_trigger():
    """Negative: past the blanks the trigger test still holds ("the KESTREL  trial" after a
    numeral's letter, "the Two-stage  trial" is a described design, a bracket far after the
    noun names nothing)."""
    assert trials_in("In the randomised KESTREL 3  trial, 300 women enrolled.") == []
    assert trials_in("In the Two-stage  trial, 300 women enrolled.") == []
    assert trials_in("We ran a phase 3 trial of docetaxel (KESTREL) in 300 women.") == []
