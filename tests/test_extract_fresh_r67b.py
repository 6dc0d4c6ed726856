"""Fresh round 67b, names: codes before titles, drug codes as trials, places as registries.
A title opening with an unseen sponsor code before a capitalised title ("MRG002: A Phase 1
Study of a HER2-Targeted ADC ...") lost the drug: round 66b read any code shape opening the text
as a conference abstract's number, though abstract numbers that look like codes carry the
conference's tag ("TPS1102", "LBA1003"). A drug's code in a group number's shape ("E7389:
A Phase II Study ...", eribulin's code, missing from the lexicon) was listed as a trial. A place
that the text calls a study or cohort ("Korea was a prospective observational cohort study",
"the observational Ontario study") and a commercial database ("the real-world Flatiron study")
were listed as trials."""

from __future__ import annotations

import pytest
from extract_helpers import extract_text, trials_in

# --- 1. a sponsor code before a capitalised title is the drug, an abstract number is not ---

CODE_TITLES = [
    (
        "MRG002: A Phase 1 Study of a HER2-Targeted Antibody-Drug Conjugate in Patients With "
        "HER2-Positive Advanced Breast Cancer\n\nBackground: The conjugate was given at 2.2 "
        "mg/kg every 3 weeks. Results: The objective response rate was 40%.",
        "mrg002",
    ),
    (
        "SHR2019: A First-in-Human Trial of a Novel Anti-HER2 ADC in Advanced Solid Tumours\n\n"
        "Patients were treated with escalating doses every 3 weeks. The ORR was 35%.",
        "shr2019",
    ),
    (
        "BAT8001 - A Randomized Phase III Study of an Anti-HER2 Antibody-Drug Conjugate in "
        "HER2-Positive Metastatic Breast Cancer\n\nWomen were randomized to the conjugate or "
        "lapatinib plus capecitabine.",
        "bat8001",
    ),
]


@pytest.mark.parametrize(("text", "drug"), CODE_TITLES)
def test_sponsor_code_before_a_capitalised_title_is_the_drug(nlp, text, drug):
    """A sponsor's code opening the title ("MRG002: A Phase 1 Study ...") is the drug the title
    is about, though the body never writes it again."""
    ex = extract_text(nlp, text)
    assert drug in ex.drugs
    assert ex.trials == []


TAGGED_NUMBERS = [
    "LBA2001: A Phase 1 Study of a Novel HER2-Targeted Antibody-Drug Conjugate\n\n"
    "Patients received the conjugate every 3 weeks.",
    "TPS1100: A Randomized Phase II Trial of Pyrotinib Plus Capecitabine in HER2-Positive "
    "Breast Cancer\n\nPatients will be treated with pyrotinib plus capecitabine.",
    "LB-123: A First-in-Human Study of an Anti-HER2 ADC\n\nPatients received the ADC.",
]


@pytest.mark.parametrize("text", TAGGED_NUMBERS)
def test_tagged_abstract_number_is_still_no_drug(nlp, text):
    """Negative: a number carrying a conference's tag ("LBA", "TPS", "LB") before a capitalised
    title is the abstract's number, even in a sentence about an ADC."""
    drugs = extract_text(nlp, text).drugs
    assert not any(d[0].isalpha() and any(c.isdigit() for c in d) for d in drugs), drugs


# --- 2. a drug's code is no trial's name ---

DRUG_CODE_TITLES = [
    "E7389: A Phase II Study in Heavily Pretreated Patients With HER2-Negative Breast Cancer\n\n"
    "Women were treated with the drug on days 1 and 8 every 21 days. The ORR was 10%.",
    "E7389: a phase 2 study in women with HER2-positive metastatic breast cancer\n\n"
    "Patients received 1.4 mg/m2 on days 1 and 8. The ORR was 20%.",
]


@pytest.mark.parametrize("text", DRUG_CODE_TITLES)
def test_drug_code_opening_the_title_is_the_drug_not_a_trial(nlp, text):
    """ "E7389: A Phase II Study ...": eribulin's code names the drug studied, no trial."""
    ex = extract_text(nlp, text)
    assert ex.trials == []
    assert "eribulin" in ex.drugs


def test_drug_code_called_a_study_is_no_trial():
    """ "the E7389 study", "the phase II E7389 trial", "E7389 was a phase 2 study": a study of
    the drug, not its name."""
    assert trials_in("The E7389 study enrolled 40 women with HER2-positive disease.") == []
    assert trials_in("The phase II E7389 trial enrolled 50 women who received the drug.") == []
    assert trials_in("E7389 was a phase 2 study of 40 women with HER2-positive disease.") == []


def test_group_number_title_is_still_a_trial():
    """Negative: a group's number the drug lexicon does not know ("E2198: ...") names the
    trial."""
    text = (
        "E2198: a randomized phase II trial of trastuzumab with paclitaxel\n\nWomen were treated."
    )
    assert trials_in(text) == ["E2198"]


# --- 3. a place or a commercial database is no study's name ---

PLACES = [
    "Korea was a prospective observational cohort study of women receiving trastuzumab.",
    "The observational Ontario study enrolled 300 women receiving trastuzumab.",
    "Ontario: a population-based study of cardiotoxicity in women treated with trastuzumab",
    "Denmark is a nationwide prospective registry of 2,000 women with breast cancer.",
]


@pytest.mark.parametrize("text", PLACES)
def test_place_called_a_study_or_registry_is_no_trial(text):
    """A country, province or state the text calls a study, cohort or registry is where the
    patients live, not the study's name."""
    assert trials_in(text) == []


DATABASES = [
    "The real-world Flatiron study included 300 women receiving trastuzumab.",
    "The Flatiron Health database was queried for women treated with trastuzumab.",
    "SEER is a population-based registry covering 30% of the US population.",
    "The SEER registry was used to identify women treated with trastuzumab.",
]


@pytest.mark.parametrize("text", DATABASES)
def test_commercial_or_public_database_is_no_trial(text):
    """ "Flatiron", like "SEER" and "NCDB" (round 64c), is a database a study is run in, not a
    named study."""
    assert trials_in(text) == []


NAMED_OBSERVATIONAL = [
    ("The observational KESTREL study enrolled 300 women receiving trastuzumab.", ["KESTREL"]),
    ("OSPREY was a prospective observational cohort study of 300 women.", ["OSPREY"]),
    ("KESTREL is a nationwide prospective registry of 2,000 women.", ["KESTREL"]),
]


@pytest.mark.parametrize(("text", "names"), NAMED_OBSERVATIONAL)
def test_named_observational_study_is_still_listed(text, names):
    """Negative: a named observational study or registry (no place) is still a trial."""
    assert trials_in(text) == names
