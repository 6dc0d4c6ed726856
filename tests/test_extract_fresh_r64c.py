"""Round 64 (c), registries and study numbers: the readers named a trial before "trial" and
"study" but not before "registry" ("data from the KESTREL registry", "KESTREL is a prospective
multicentre registry", "the KESTREL breast cancer registry" named nothing), though the gold
conventions list a named registry as a trial. A cooperative group's study number written
without its group ("S1613: a randomized phase II trial ...", "E2198 was a phase II trial",
"the Alliance trial A011202", "B-47 enrolled 3,270 women", "In S1613, ...") named nothing
either; "the S1613 trial" and "SWOG S1613" did."""

from __future__ import annotations

import pytest
from extract_helpers import trials_in

from her2mine.extract.lexicon import load_lexicons
from her2mine.extract.trials import find_trials

# --- 1. a named registry is listed as a trial ---

NAMED_REGISTRIES = [
    ("We analysed data from the KESTREL registry of 1,200 women.", ["KESTREL"]),
    ("KESTREL is a prospective multicentre registry of women with breast cancer.", ["KESTREL"]),
    ("KESTREL was a prospective registry of 300 women.", ["KESTREL"]),
    ("Patients were identified in the KESTREL breast cancer registry.", ["KESTREL"]),
    (
        "Women in the German KESTREL registry (NCT01234567) were analysed.",
        ["KESTREL", "NCT01234567"],
    ),
    ("Women enrolled in the KESTREL Registry were analysed.", ["KESTREL"]),
    ("Data from the KESTREL-2 registry were analysed.", ["KESTREL-2"]),
    ("In the nationwide KESTREL registry, 300 women were included.", ["KESTREL"]),
    ("In the Dutch OSPREY HER2 registry, 300 women were included.", ["OSPREY"]),
]


@pytest.mark.parametrize(("text", "names"), NAMED_REGISTRIES)
def test_named_registry_is_listed(text, names):
    """ "the NAME registry", "NAME is a <design words> registry": the registry's name."""
    assert sorted(trials_in(text)) == names


GENERIC_REGISTRIES = [
    "We analysed the national cancer registry.",
    "Patients were identified from a hospital-based registry of 300 women.",
    "We used the SEER registry to identify 3,000 women.",
    "We used the NCDB registry to identify 3,000 women.",
    "We used the Swedish Cancer Registry to identify 3,000 women.",
    "Data from the HER2 registry were analysed.",
    "Data from the EORTC registry were analysed.",
    "Data from the TNBC registry were analysed.",
    "Data from the population-based registry were analysed.",
    "This is a prospective multicentre registry of 300 women.",
]


@pytest.mark.parametrize("text", GENERIC_REGISTRIES)
def test_generic_or_database_registry_names_nothing(text):
    """Negative: a registry described, a database ("SEER", "NCDB"), a subtype or a group's
    registry names no trial (as before the round)."""
    assert trials_in(text) == []


REGISTRATION_REGISTRIES = [
    "The review was registered in the PROSPERO registry (CRD42020123456).",
    "The study was registered with the ChiCTR registry before enrolment.",
    "It was registered in the KESTREL registry before enrolment.",
    "The trial was registered in the UMIN registry.",
]


@pytest.mark.parametrize("text", REGISTRATION_REGISTRIES)
def test_registry_of_registration_names_nothing(text):
    """Negative: a registry a study is registered in is where it was registered, not a data
    source."""
    assert trials_in(text) == []


# --- 2. a cooperative group's study number without its group ---

BARE_NUMBERS = [
    ("S1613: a randomized phase II trial of trastuzumab plus pertuzumab", ["S1613"]),
    ("E2198: a phase II trial of trastuzumab with paclitaxel", ["E2198"]),
    ("E2198 was a phase II trial of trastuzumab and paclitaxel.", ["E2198"]),
    ("E2198 is a randomized phase III trial of 227 women.", ["E2198"]),
    ("A011202, a phase III trial, randomised 1,576 women.", ["A011202"]),
    ("Patients were enrolled in the Alliance trial A011202.", ["A011202"]),
    ("The SWOG study S1613 enrolled 80 patients.", ["S1613"]),
    ("S1613 randomised patients to trastuzumab plus pertuzumab or cetuximab.", ["S1613"]),
    ("Z1041 randomly assigned 280 women to FEC followed by paclitaxel.", ["Z1041"]),
    ("B-47 enrolled 3,270 women with HER2-low breast cancer.", ["B-47"]),
    ("In S1613, patients with HER2-amplified cancer were randomised.", ["S1613"]),
    ("In E2198, 227 women received trastuzumab.", ["E2198"]),
]


@pytest.mark.parametrize(("text", "names"), BARE_NUMBERS)
def test_bare_group_study_number_is_named(text, names):
    """A group's study number alone, as a title's opener, a subject, after "the <group>
    trial", or enrolling patients: the number as written."""
    assert trials_in(text) == names


def test_later_uses_of_a_bare_number_are_mentions():
    """Once the title names S1613, "In S1613, ..." in the body is a mention too."""
    text = "S1613: a randomized phase II trial\n\nIn S1613, 80 patients were randomised."
    hits = find_trials(text, load_lexicons().trials)
    assert [h.canonical for h in hits] == ["S1613", "S1613"]


NOT_STUDY_NUMBERS = [
    "S1 (tegafur) was given with oxaliplatin.",
    "E2 (estradiol) levels were measured.",
    "B12 (vitamin) was given to 20 patients.",
    "Patients with stage T2N1 disease were randomised.",
    "H2O was used as control.",
    "The A1 adenosine receptor was expressed in 20%.",
    "ERBB2 amplification was found in 20%.",
    "CD8 infiltration was high in 30%.",
    "BT-474 cells were treated with trastuzumab.",
    "In N87 cells, trastuzumab inhibited growth.",
    "In BT-474, trastuzumab inhibited growth.",
    "H1975 cells were treated with afatinib.",
    "In E0771, tumours grew after E0771 cells were implanted.",
    "In C1234, patients were randomised.",
    "S1613 patients were identified in the database.",
    "In 2019, patients were randomised.",
]


@pytest.mark.parametrize("text", NOT_STUDY_NUMBERS)
def test_codes_that_are_no_group_number_name_nothing(text):
    """Negative: drug, hormone, vitamin, stage, gene and cell-line codes, a number of no
    group's shape, and a number that enrols nobody name no trial."""
    assert trials_in(text) == []
