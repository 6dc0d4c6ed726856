"""Fresh round 76 (b): clauses after a "respectively" list. A clause opened right after
"respectively" (by ";" or ", including ...") with its own values and arm references was read
with the list: "41.0%, 48.3% and 61.3% ... in arms A, B and C, respectively; grade >=3
diarrhoea was more frequent in arm C (11.3% versus 1.6% in arm A)" left the clause's values
without an arm, and "52.3%, 38.4% and 29.1% of patients, respectively, including ... in 9.3% of
patients in arm A and ... 5.8% in arm B" let the clause's two arms replace the design's three
for the list. And "Grade 3 and 4 neutropenia occurred in 30% and 25% of patients,
respectively, in the pertuzumab group" (one group's values per grade) put the values on the two
arms of the design."""

from __future__ import annotations

from extract_helpers import arms_of

DXD = "trastuzumab deruxtecan"
DXD_P = "pertuzumab+trastuzumab deruxtecan"
DXD_T = "trastuzumab deruxtecan+tucatinib"

DXD_DESIGN = (
    "Trastuzumab deruxtecan combinations in HER2-positive metastatic breast cancer\n\n"
    "Background: Trastuzumab deruxtecan (T-DXd) is active in HER2-positive metastatic breast "
    "cancer. Methods: Patients were randomised 1 : 1 : 1 to T-DXd 5.4 mg/kg every 3 weeks alone "
    "(arm A), with pertuzumab (arm B), or with tucatinib 300 mg twice daily (arm C). The primary "
    "end point was progression-free survival. Results: "
)

SEMICOLON_CLAUSE = DXD_DESIGN + (
    "Grade ≥3 treatment-emergent adverse events occurred in 41.0%, 48.3% and 61.3% of patients "
    "in arms A, B and C, respectively; grade ≥3 diarrhoea was more frequent in arm C (11.3% "
    "versus 1.6% in arm A). Conclusions: Combinations were feasible."
)


def test_semicolon_clause_after_respectively_is_read_on_its_own(nlp):
    """ "...in arms A, B and C, respectively; ... in arm C (11.3% versus 1.6% in arm A)": the
    list zips with A, B, C and the clause's pair takes its own arms."""
    arms = arms_of(nlp, SEMICOLON_CLAUSE)
    assert [arms[v] for v in (41.0, 48.3, 61.3)] == [DXD, DXD_P, DXD_T]
    assert arms[11.3] == DXD_T
    assert arms[1.6] == DXD


def test_semicolon_clause_with_values_before_their_arms(nlp):
    """Variant: the clause names each arm after its value ("12.5% in arm B and 4.0% in arm
    A")."""
    text = DXD_DESIGN + (
        "Objective responses were seen in 52.0%, 58.1% and 63.4% of patients in arms A, B and C, "
        "respectively; grade ≥3 neutropenia was reported in 12.5% of patients in arm B and 4.0% "
        "in arm A."
    )
    arms = arms_of(nlp, text)
    assert [arms[v] for v in (52.0, 58.1, 63.4)] == [DXD, DXD_P, DXD_T]
    assert arms[12.5] == DXD_P
    assert arms[4.0] == DXD


def test_whereas_clause_after_respectively_is_read_on_its_own(nlp):
    """Variant: ", whereas" opens the clause ("..., respectively, whereas grade ≥3 rash
    occurred in 7.5% of patients in arm C")."""
    text = DXD_DESIGN + (
        "Grade ≥3 adverse events occurred in 41.0%, 48.3% and 61.3% of patients in arms A, B "
        "and C, respectively, whereas grade ≥3 rash occurred in 7.5% of patients in arm C."
    )
    arms = arms_of(nlp, text)
    assert [arms[v] for v in (41.0, 48.3, 61.3)] == [DXD, DXD_P, DXD_T]
    assert arms[7.5] == DXD_T


def test_semicolon_clause_without_arms_still_zips_with_the_list(nlp):
    """Negative: a clause after "respectively;" naming no arm of its own ("; grade ≥3
    diarrhoea occurred in 11.3%, 1.6% and 20.0%") is not split off: it shares the list's arms
    as before."""
    text = DXD_DESIGN + (
        "Grade ≥3 adverse events occurred in 41.0%, 48.3% and 61.3% of patients in arms A, B "
        "and C, respectively; grade ≥3 diarrhoea occurred in 11.3%, 1.6% and 20.0%."
    )
    arms = arms_of(nlp, text)
    assert [arms[v] for v in (41.0, 48.3, 61.3)] == [DXD, DXD_P, DXD_T]
    assert [arms[v] for v in (11.3, 1.6, 20.0)] == [DXD, DXD_P, DXD_T]


PTX = "paclitaxel+pertuzumab+trastuzumab"
CAP = "capecitabine+pertuzumab+trastuzumab"
TDM1 = "trastuzumab emtansine"

THREE_ARMS = (
    "First-line therapy for older patients with HER2-positive metastatic breast cancer\n\n"
    "Background: Optimal first-line therapy for older patients with HER2-positive metastatic "
    "breast cancer is unknown. Methods: Patients were randomly assigned 1:1:1 to arm A, "
    "pertuzumab plus trastuzumab with weekly paclitaxel; arm B, pertuzumab plus trastuzumab with "
    "metronomic capecitabine; or arm C, trastuzumab emtansine (T-DM1). Results: The 2-year "
    "overall survival rate was 71.5% in arm A, 68.9% in arm B and 73.0% in arm C. "
)

INCLUDING_CLAUSE = THREE_ARMS + (
    "Grade ≥3 adverse events were reported in 52.3%, 38.4% and 29.1% of patients, respectively, "
    "including grade ≥3 peripheral neuropathy in 9.3% of patients in arm A and grade 3 "
    "hand–foot syndrome in 5.8% in arm B. Conclusions: All regimens were active."
)


def test_including_clause_leaves_the_list_to_the_design_arms(nlp):
    """ "52.3%, 38.4% and 29.1% of patients, respectively, including ... in arm A and ... in
    arm B": the list zips with the three arms under discussion; the clause's values take the
    arm named after each."""
    arms = arms_of(nlp, INCLUDING_CLAUSE)
    assert [arms[v] for v in (52.3, 38.4, 29.1)] == [PTX, CAP, TDM1]
    assert arms[9.3] == PTX
    assert arms[5.8] == CAP


def test_including_clause_with_one_arm(nlp):
    """Variant: two arms, and the clause names one of them ("including febrile neutropenia in
    3.0% of patients in the pertuzumab group")."""
    text = PERTUZUMAB_DESIGN + (
        "Serious adverse events occurred in 20.1% and 14.2% of patients, respectively, including "
        "febrile neutropenia in 3.0% of patients in the pertuzumab group."
    )
    arms = arms_of(nlp, text)
    assert [arms[20.1], arms[14.2]] == [PER, PLA]
    assert arms[3.0] == PER


def test_arms_listed_after_respectively_still_zip(nlp):
    """Negative: "..., respectively, in arms A and B" lists the arms themselves (no clause of
    its own): the values zip with them."""
    text = THREE_ARMS + (
        "Grade ≥3 neutropenia was reported in 12.0% and 3.5% of patients, respectively, in arms "
        "A and B."
    )
    arms = arms_of(nlp, text)
    assert [arms[12.0], arms[3.5]] == [PTX, CAP]


PER = "docetaxel+pertuzumab+trastuzumab"
PLA = "docetaxel+trastuzumab"

PERTUZUMAB_DESIGN = (
    "Pertuzumab plus trastuzumab plus docetaxel in HER2-positive metastatic breast cancer\n\n"
    "Background: Pertuzumab added to trastuzumab and docetaxel improved survival. Methods: "
    "Patients were randomly assigned to pertuzumab plus trastuzumab plus docetaxel (pertuzumab "
    "group) or placebo plus trastuzumab plus docetaxel (placebo group). Results: Median "
    "progression-free survival was 18.5 months in the pertuzumab group and 12.4 months in the "
    "placebo group. "
)


def test_grades_respectively_in_one_group(nlp):
    """ "Grade 3 and 4 neutropenia occurred in 30% and 25% of patients, respectively, in the
    pertuzumab group": the values are per grade, both that group's."""
    text = PERTUZUMAB_DESIGN + (
        "Grade 3 and 4 neutropenia occurred in 30% and 25% of patients, respectively, in the "
        "pertuzumab group."
    )
    arms = arms_of(nlp, text)
    assert [arms[30.0], arms[25.0]] == [PER, PER]


def test_grades_respectively_in_the_other_group(nlp):
    """Variant: "of the patients ... in the placebo group" takes the placebo arm for both."""
    text = PERTUZUMAB_DESIGN + (
        "Grade 3 and grade 4 diarrhoea were reported in 12% and 3% of the patients, "
        "respectively, in the placebo group."
    )
    arms = arms_of(nlp, text)
    assert [arms[12.0], arms[3.0]] == [PLA, PLA]


def test_two_groups_after_respectively_still_zip(nlp):
    """Negative: "in 30% and 25% of patients, respectively, in the pertuzumab and placebo
    groups" names two groups: one value each."""
    text = PERTUZUMAB_DESIGN + (
        "Grade ≥3 neutropenia occurred in 30% and 25% of patients, respectively, in the "
        "pertuzumab and placebo groups."
    )
    arms = arms_of(nlp, text)
    assert [arms[30.0], arms[25.0]] == [PER, PLA]
