"""Review of round 22 (pipeline 0.3.37). "less than 10%" now reads as a rate (the "<" sign in
words), but also where it is a threshold: "an LVEF decline of less than 10% occurred in 15%"
gave a 10% AE row, "patients who received less than 85% of the planned dose had a pCR rate of
30%" an 85% pCR row. "the doublet"/"the triplet" counted named drugs only, so in "trastuzumab
plus chemotherapy or trastuzumab plus pertuzumab plus chemotherapy" "the doublet" named the
pertuzumab arm (the clinical triplet). The bracketed trial name that is no short form was read
from the packaged trial lexicon, not the one the pipeline was built with."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from extract_helpers import arms_of, rows_of

from her2mine.extract import build_pipeline
from her2mine.extract.components import _hits
from her2mine.extract.drugs.brackets import bracketed_shorts

HT = "docetaxel+trastuzumab"

LVEF_DECLINE = (
    "Trastuzumab cardiotoxicity\n\n"
    "Patients were randomly assigned to trastuzumab plus docetaxel or docetaxel alone. An LVEF "
    "decline of less than 10% occurred in 15% of patients receiving trastuzumab plus docetaxel."
)


def test_less_than_after_a_change_is_a_threshold(nlp):
    """ "an LVEF decline of less than 10%" sizes the change counted, no rate (as "LVEF less
    than 50%" is none); the 15% after it is the arm's rate."""
    values = arms_of(nlp, LVEF_DECLINE)
    assert 10.0 not in values
    assert values[15.0] == HT


def test_less_than_a_share_of_the_planned_dose_is_a_threshold(nlp):
    """ "less than 85% of the planned dose" defines a subgroup, no pCR rate."""
    text = (
        "Patients were randomly assigned to trastuzumab plus docetaxel or docetaxel alone. "
        "Patients who received less than 85% of the planned dose had a pCR rate of 30%."
    )
    assert [r.value for r in rows_of(nlp, text)] == [30.0]


def test_less_than_a_share_of_cells_is_a_threshold(nlp):
    """ "ER staining in less than 10% of cells" is a marker cut-off, no pCR rate."""
    text = (
        "Patients were randomly assigned to trastuzumab plus docetaxel or docetaxel alone. "
        "Patients whose tumours had ER staining in less than 10% of cells had a pCR rate of 45% "
        "with trastuzumab plus docetaxel."
    )
    assert arms_of(nlp, text) == {45.0: HT}


def test_less_than_a_share_of_patients_is_still_a_rate(nlp):
    """Negative: "in less than 5% of patients with A" is A's rate, as "<5%" is."""
    text = (
        "Patients were randomly assigned to lapatinib plus capecitabine or capecitabine alone. "
        "Grade 3 rash occurred in less than 5% of patients with lapatinib plus capecitabine and "
        "2% with capecitabine alone."
    )
    assert arms_of(nlp, text) == {5.0: "capecitabine+lapatinib", 2.0: "capecitabine"}


CLASS_DOUBLET = (
    "Patients were randomly assigned to trastuzumab plus chemotherapy or trastuzumab plus "
    "pertuzumab plus chemotherapy. The pCR rate was 45% with the triplet and 30% with the doublet."
)


def test_doublet_names_no_arm_when_a_class_stands_in_the_arms(nlp):
    """ "trastuzumab plus pertuzumab plus chemotherapy" is the triplet though it names two drugs:
    with a drug class in the arms, neither "the doublet" nor "the triplet" names an arm it can
    be sure of (not the pertuzumab arm)."""
    assert arms_of(nlp, CLASS_DOUBLET) == {45.0: None, 30.0: None}


def test_doublet_with_an_aromatase_inhibitor_names_no_arm(nlp):
    """The same with a class of endocrine drugs ("plus an aromatase inhibitor")."""
    text = (
        "Patients were randomly assigned to trastuzumab plus an aromatase inhibitor or "
        "trastuzumab plus lapatinib plus an aromatase inhibitor. Median PFS was 5.7 months with "
        "the doublet and 11 months with the triplet."
    )
    assert arms_of(nlp, text) == {5.7: None, 11.0: None}


def test_triplet_and_doublet_of_named_drugs_still_name_arms(nlp):
    """Negative: every drug named, "the triplet" and "the doublet" are the three- and two-drug
    arms."""
    text = (
        "Patients were randomly assigned to paclitaxel plus trastuzumab or paclitaxel plus "
        "trastuzumab and pertuzumab. The pCR rate was 45% with the triplet and 30% with the "
        "doublet."
    )
    assert arms_of(nlp, text) == {
        45.0: "paclitaxel+pertuzumab+trastuzumab",
        30.0: "paclitaxel+trastuzumab",
    }


PATH_TEXT = (
    "Patients were randomly assigned to 1 year of trastuzumab plus paclitaxel (PATH) or "
    "paclitaxel alone. The pCR rate was 40% with paclitaxel alone."
)


def test_bracketed_shorts_skip_the_given_trial_names():
    """ "(PATH)" is a short form unless the trial lexicon given names a trial PATH."""
    assert [s for _, s in bracketed_shorts(PATH_TEXT)] == ["PATH"]
    assert bracketed_shorts(PATH_TEXT, frozenset({"PATH"})) == []


@pytest.fixture(scope="module")
def nlp_with_path_trial(tmp_path_factory):
    """A pipeline whose configured trial lexicon adds a trial named PATH."""
    from her2mine.extract import lexicon

    src = Path(lexicon.__file__).parent.parent / "data" / "lexicons"
    out = tmp_path_factory.mktemp("lexicons")
    for f in src.glob("*.jsonl"):
        shutil.copy(f, out / f.name)
    with (out / "trials.jsonl").open("a") as fh:
        fh.write(json.dumps({"name": "PATH", "aliases": [], "registry_ids": []}) + "\n")
    return build_pipeline(model="", lexicon_dir=str(out))


def test_configured_trial_name_in_brackets_is_no_short_form(nlp_with_path_trial):
    """ "(PATH)" names the configured lexicon's trial: no drug mention, though the packaged
    lexicon has no trial of that name."""
    state = nlp_with_path_trial(PATH_TEXT)._.her2
    assert [h.text for h in _hits(state, "drugs")] == ["trastuzumab", *["paclitaxel"] * 3]


NERATINIB = (
    "Neratinib plus capecitabine versus lapatinib plus capecitabine\n\n"
    "Patients were randomly assigned to neratinib plus capecitabine or lapatinib plus "
    "capecitabine. Differences in grade 3 diarrhoea were 24% with neratinib versus 13% with "
    "lapatinib. The difference in pCR was 11% in favour of neratinib."
)


def test_values_listed_under_differences_keep_their_arms(nlp):
    """ "Differences ... were 24% with A versus 13% with B" lists each arm's rate (left-overs v
    had read 24% as the size of a difference and dropped it); "the difference ... was 11% in
    favour of A" is still no rate."""
    rows = rows_of(nlp, NERATINIB)
    assert [(r.value, r.arm) for r in rows] == [
        (24.0, "capecitabine+neratinib"),
        (13.0, "capecitabine+lapatinib"),
    ]
