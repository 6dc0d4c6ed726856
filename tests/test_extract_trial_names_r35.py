"""Round 35, trial names in titles: names the trial lexicon does not know were still missed in
titles and around group ids: an acronym slash-joined to a group's study number or bracketed
with its noun ("JCOG1523/NERVE", "KCSG-BR-19-05 (ZEPHYR trial)"), a name after nationality or
observational words ("the Korean multicentre ROSALIND study"), a mixed-case or dash-joined
name opening a title ("TyLOR—A Randomized, Phase III Study"), upper-case programme names
("CHECKMATE 577") and a spaced name bracketed after a group id ("GBG 92 (ICE III)"). Round 33's
rules also read disease acronyms, databases, groups, years and subgroup labels as trials."""

from __future__ import annotations

import pytest
from extract_helpers import trials_in

# --- a group's study number and the acronym joined to it in a title


@pytest.mark.parametrize(
    ("text", "names"),
    [
        (
            "Neratinib beyond progression in HER2-positive breast cancer: JCOG1523/NERVE",
            ["JCOG1523", "NERVE"],
        ),
        ("The WJOG9016B/TOPAZ trial enrolled 120 patients.", ["WJOG9016B", "TOPAZ"]),
    ],
)
def test_acronym_slash_joined_to_a_group_id_is_a_trial(text, names):
    """ "JCOG1523/NERVE": the acronym after a slash is the trial's name, as in a bracket."""
    assert sorted(trials_in(text)) == sorted(names)


@pytest.mark.parametrize(
    ("text", "names"),
    [
        (
            "Pyrotinib in HER2-positive breast cancer: KCSG-BR-19-05 (ZEPHYR trial)",
            ["KCSG-BR-19-05", "ZEPHYR"],
        ),
        (
            "Trastuzumab deruxtecan in HER2-low breast cancer: OOTR-N021 (MEADOW Study)",
            ["OOTR-N021", "MEADOW"],
        ),
    ],
)
def test_acronym_bracketed_with_its_noun_after_a_group_id_is_a_trial(text, names):
    """ "KCSG-BR-19-05 (ZEPHYR trial)": the bracket holds the name and its noun; OOTR (the
    Organisation for Oncology and Translational Research) numbers its studies so too."""
    assert sorted(trials_in(text)) == sorted(names)


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("NSABP B-52/NCCTG N1031 enrolled women.", ["NSABP B-52", "NCCTG N1031"]),
        ("JCOG1523/HER2 enrolled women.", ["JCOG1523"]),
        ("KCSG-BR-19-05 (Korea study) enrolled women.", ["KCSG-BR-19-05"]),
    ],
)
def test_slash_or_bracket_after_a_group_id_that_is_no_name(text, names):
    """A group after the slash is its own trial id; a subtype or a plain word names none."""
    assert sorted(trials_in(text)) == sorted(names)


# --- words between "the" and the name


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("We analysed the Korean multicentre ROSALIND study.", "ROSALIND"),
        ("Data came from the Japanese nationwide KOMPASS registry study.", "KOMPASS"),
        ("We analysed the prospective observational HARBOUR cohort study.", "HARBOUR"),
        ("In the German retrospective PROMPTER study, 80 women were treated.", "PROMPTER"),
        ("The Italian observational GIOCONDA study enrolled 90 women.", "GIOCONDA"),
    ],
)
def test_nationality_and_observational_words_before_the_name(text, name):
    """Nationality adjectives, "observational"/"nationwide"/"retrospective" before the name and
    "cohort"/"registry" between it and the noun leave the name a trial's."""
    assert trials_in(text) == [name]


@pytest.mark.parametrize(
    "text",
    [
        "We analysed the Korean multicentre HER2 study.",
        "We analysed the prospective observational SEER cohort study.",
        "We analysed the Japanese nationwide JCOG registry study.",
        "In the German retrospective TCHP study, 80 women were treated.",
        "In the Danish nationwide DBCG cohort study, 900 women were treated.",
        "In the randomised HER2-positive study, 80 women were treated.",
    ],
)
def test_words_before_a_subtype_database_group_or_regimen_name_no_trial(text):
    """The same words before a subtype, a database, a group or a regimen name no trial."""
    assert trials_in(text) == []


# --- a name opening a title before a dash or colon


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("TyLOR\u2014A Randomized, Phase III Study of pyrotinib in breast cancer", "TyLOR"),
        ("MARLIN \u2013 an open-label phase 2 study of neratinib", "MARLIN"),
        ("NeoSTAR: a phase 2 trial of tucatinib in breast cancer", "NeoSTAR"),
        ("BRIGHTON - a randomised phase 3 trial of pyrotinib", "BRIGHTON"),
    ],
)
def test_name_opening_a_title_before_a_dash_is_a_trial(text, name):
    """A name in capitals or coined mixed case before an em/en dash or a colon, then design
    words, opens a trial's title."""
    assert trials_in(text) == [name]


@pytest.mark.parametrize(
    "text",
    [
        "T-DXd: a phase 2 study of trastuzumab deruxtecan",
        "HER2-low\u2014a randomised phase 3 trial of trastuzumab deruxtecan",
        "ctDNA \u2013 a prospective study of neratinib",
        "TCHP - a randomised phase 3 trial of pertuzumab",
    ],
)
def test_drug_subtype_or_marker_opening_a_title_is_no_trial(text):
    """A drug, subtype, marker or regimen short form before the dash names no trial."""
    assert trials_in(text) == []


# --- programmes in capitals and spaced names after a group id


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("CHECKMATE 577 enrolled patients.", "CHECKMATE 577"),
        ("In IMPASSION130, atezolizumab was added.", "IMPASSION130"),
        ("Results of TROPICS-02 were reported.", "TROPICS-02"),
    ],
)
def test_programme_in_capitals_is_a_trial(text, name):
    """A sponsor's programme member written all in capitals."""
    assert trials_in(text) == [name]


def test_programme_word_in_capitals_alone_is_no_trial():
    """ "CHECKMATE trials": the programme's word alone names no one trial."""
    assert trials_in("CHECKMATE trials and IMPASSION studies were pooled.") == []


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("GBG 92 (ICE III) enrolled patients.", ["GBG 92", "ICE III"]),
        ("NSABP B-52 (NRG Oncology) enrolled patients.", ["NSABP B-52"]),
        ("GBG 92 (Part II) enrolled patients.", ["GBG 92"]),
    ],
)
def test_spaced_name_bracketed_after_a_group_id(text, names):
    """ "GBG 92 (ICE III)": a name and its numeral in the bracket are a trial; a group with a
    plain word ("NRG Oncology") or a plain word with a numeral is none."""
    assert sorted(trials_in(text)) == sorted(names)


# --- false positives left by round 33's review


@pytest.mark.parametrize(
    "text",
    [
        "In PDAC, a phase 2 trial, gemcitabine was used.",
        "In TriNetX, a retrospective cohort study, 300 women were found.",
        "In MarketScan, a retrospective claims study, 300 women were found.",
        "FAERS is a pharmacovigilance study database.",
        "PrECOG is a phase 2 study group.",
        "In HeCOG, a phase 3 trial, 300 women were enrolled.",
        "TCOG is a multicentre study group.",
    ],
)
def test_disease_database_or_group_heading_an_appositive_is_no_trial(text):
    """A disease acronym, a database or a cooperative group ("...OG": an oncology group) as
    the subject or appositive's head names no trial."""
    assert trials_in(text) == []


def test_coined_name_heading_an_appositive_is_still_a_trial():
    """Mixed-case names that are no group or database keep round 33's reading."""
    text = "In NeoPHOEBE, a randomised phase 2 study, 50 patients were enrolled."
    assert trials_in(text) == ["NeoPHOEBE"]


@pytest.mark.parametrize(
    "text",
    ["ECOG 2019 data were used.", "The JCOG2019 annual report was read.", "SWOG 2021 met."],
)
def test_year_after_a_group_name_is_no_trial(text):
    """A year after a group's name (spaced or run in) is no study number."""
    assert trials_in(text) == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("JCOG2003 was a randomised phase 3 trial.", "JCOG2003"),
        ("JCOG1204 enrolled women.", "JCOG1204"),
        ("SOLTI-1303 enrolled women.", "SOLTI-1303"),
        ("GEICAM 2003-02 enrolled women.", "GEICAM 2003-02"),
    ],
)
def test_study_number_that_is_no_bare_year_stays_a_trial(text, name):
    """Numbers that read as no year, a year with the study's own suffix, or a year-shaped
    number the text calls a trial, stay trials."""
    assert trials_in(text) == [name]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("SWOG S1007 (ER-NEG) enrolled women.", "SWOG S1007"),
        ("JCOG1204 (HR-POS) enrolled women.", "JCOG1204"),
        ("CALGB 40601 (US-CANADA) enrolled women.", "CALGB 40601"),
    ],
)
def test_subgroup_label_bracketed_after_a_group_id_is_no_trial(text, name):
    """A receptor status or a region in the bracket after a study number is a subgroup label."""
    assert trials_in(text) == [name]
