"""Round 33, unseen trial names: names the trial lexicon does not know, measured on unseen
abstracts, were missed where the text called them a trial without "the ... trial": as the
subject of "NAME was a randomised phase 2 trial" or the head of an appositive ("In NAME, a
randomised phase 2 study, ..."), a cooperative group's study number run into the group's name
("JCOG1017", "WJOG7112G") and the trial's acronym in a bracket after it ("WJOG7112G (T-ACT)"),
and the numbered members of sponsors' trial programmes ("KEYNOTE-811", "CheckMate 649",
"IMpassion050")."""

from __future__ import annotations

import pytest
from extract_helpers import trials_in

# --- a name as the subject of "was/is a ... trial/study" or the head of an appositive


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("IMpassion050 was a double-blind phase 3 trial.", "IMpassion050"),
        ("ROSET-BM is a multicentre retrospective study.", "ROSET-BM"),
        ("TyTAN was a randomised, open-label, phase 3 trial in Asia.", "TyTAN"),
        ("FDChina is a prospective, multicentre study of trastuzumab.", "FDChina"),
    ],
)
def test_subject_of_was_a_design_trial_is_a_trial(text, name):
    """ "NAME was/is a <design words> trial/study": an acronym-like subject names the trial."""
    assert trials_in(text) == [name]


def test_appositive_after_in_names_the_trial():
    """ "In NAME, a randomised phase 2 study, ...": the appositive's head names the trial."""
    text = "In NeoPHOEBE, a randomised phase 2 study, 50 patients were enrolled."
    assert trials_in(text) == ["NeoPHOEBE"]


def test_appositive_after_a_subject_names_the_trial():
    """ "NAME, a phase 3 trial, enrolled ...": a subject with its appositive."""
    text = "ELECTRA, a multicentre phase 3 trial, enrolled 400 patients."
    assert trials_in(text) == ["ELECTRA"]


@pytest.mark.parametrize(
    "text",
    [
        "This was a randomised phase 3 trial.",
        "It is a multicentre retrospective study.",
        "Patients, a prospective study showed, did well.",
        "In Japan, a randomised phase 2 study enrolled 50 patients.",
        "In HER2-positive disease, a phase 2 study enrolled 50 patients.",
        "HER2-low is a retrospective study cohort.",
        "In MBC, a phase 3 trial showed benefit.",
        "SHR-A1811 is a phase 1 study drug.",
        "DS-8201a was a phase 1 study agent.",
        "Cohort A was a single-arm phase 2 study.",
        "In JCOG, a randomised phase 3 trial was run.",
    ],
)
def test_ordinary_subject_of_was_a_trial_is_no_trial(text):
    """Pronouns, plain words, subtypes, common acronyms, drug codes, cohort labels and a group's
    bare name before "was a ... trial" or in an appositive name no trial."""
    assert trials_in(text) == []


def test_appositive_after_a_disease_acronym_is_no_trial():
    """ "In NSCLC, a phase 3 trial, KEYNOTE-189, ...": a cancer's acronym heads no trial."""
    text = "In NSCLC, a phase 3 trial, KEYNOTE-189, showed benefit."
    assert trials_in(text) == ["KEYNOTE-189"]


def test_subject_needs_the_trial_noun_after_the_design_words():
    """ "JIMT-1 is a HER2-amplified cell line": no trial/study noun, no trial."""
    assert trials_in("JIMT-1 is a trastuzumab-resistant cell line.") == []


# --- a cooperative group's study number and the acronym bracketed after it


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("JCOG1017 was a phase 3 trial.", ["JCOG1017"]),
        ("WJOG7112G (T-ACT) was a randomised phase 2 trial.", ["WJOG7112G", "T-ACT"]),
        ("In the JCOG1204 study (PRESENT), patients were enrolled.", ["JCOG1204", "PRESENT"]),
        (
            "SWOG S1007 (RxPONDER) enrolled women with node-positive disease.",
            ["SWOG S1007", "RxPONDER"],
        ),
    ],
)
def test_group_study_number_and_its_bracketed_acronym_are_trials(text, names):
    """A group's study number run into its name ("JCOG1017") is a trial, and so is the
    acronym in a bracket right after a group's study number."""
    assert sorted(trials_in(text)) == sorted(names)


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("CALGB 40601 (Alliance) enrolled 305 patients.", ["CALGB 40601"]),
        ("JCOG1017 (UMIN000003216) was a phase 3 trial.", ["JCOG1017", "UMIN000003216"]),
        ("NSABP B-47 (HER2-low) enrolled 3270 women.", ["NSABP B-47"]),
        ("CALGB 40601 (TCHP) enrolled 305 patients.", ["CALGB 40601"]),
        ("The JCOG (Japan) group ran 12 trials.", []),
        ("ECOG 0-1 (PS) patients were eligible.", []),
    ],
)
def test_bracket_after_a_group_id_that_is_no_acronym_names_no_trial(text, names):
    """A bracket after a group's study number holding a group, a registry id, a subtype or a
    regimen names no further trial; a group's bare name has no study number."""
    assert sorted(trials_in(text)) == sorted(names)


def test_group_name_run_into_a_short_number_is_no_trial():
    """Run-in numbers of four digits or more only: "GBG84" is not read, "ECOG1" is no trial."""
    assert trials_in("ECOG1 patients and GBG84 were noted.") == []


# --- sponsors' trial programmes


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("In KEYNOTE-811, pembrolizumab was added to trastuzumab.", "KEYNOTE-811"),
        ("CheckMate 649 enrolled patients with gastric cancer.", "CheckMate 649"),
        ("Results of MONALEESA-2 were reported.", "MONALEESA-2"),
        ("Results of PALOMA-3 were reported.", "PALOMA-3"),
        ("As in IMpassion050, atezolizumab was added.", "IMpassion050"),
        ("As in NATALEE, ribociclib was given.", "NATALEE"),
        ("As in monarchE, abemaciclib was given.", "monarchE"),
    ],
)
def test_programme_members_are_trials(text, name):
    """Numbered members of sponsors' programmes, and two trials by name, wherever written."""
    assert trials_in(text) == [name]


@pytest.mark.parametrize(
    "text",
    [
        "Pembrolizumab (KEYNOTE) was studied.",
        "CheckMate was a programme of trials.",
        "IMpassion trials enrolled many patients.",
        "MONALEESA studies were pooled.",
        "Palbociclib (PALOMA) studies were pooled.",
    ],
)
def test_programme_word_without_number_is_no_trial(text):
    """The programme's word alone names no one trial."""
    assert trials_in(text) == []
