"""Review of rounds 76a and 76b. A clause after "respectively;" with its own values and arm
references is read on its own (round 76b); when that clause reports another trial or study
("; in the CLEOPATRA trial, it was 80.0% in the pertuzumab arm") its arm phrase named an arm of
this design. Such a clause is no longer split off, so its value takes no arm, as before the
round."""

from __future__ import annotations

from extract_helpers import arms_of

DXD = "trastuzumab deruxtecan"
DXD_P = "pertuzumab+trastuzumab deruxtecan"
DXD_T = "trastuzumab deruxtecan+tucatinib"

DXD_DESIGN = (
    "Trastuzumab deruxtecan combinations in HER2-positive metastatic breast cancer\n\n"
    "Methods: Patients were randomised 1 : 1 : 1 to T-DXd 5.4 mg/kg every 3 weeks alone "
    "(arm A), with pertuzumab (arm B), or with tucatinib 300 mg twice daily (arm C). The primary "
    "end point was progression-free survival. Results: "
)
LIST = (
    "Grade 3 adverse events occurred in 41.0%, 48.3% and 61.3% of patients in arms A, B and C, "
    "respectively; "
)


def test_clause_about_another_trial_takes_no_arm(nlp):
    """ "...; in the CLEOPATRA trial, it was 80.0% in the pertuzumab arm": that pertuzumab arm
    is another trial's, not arm B."""
    text = DXD_DESIGN + LIST + "in the CLEOPATRA trial, it was 80.0% in the pertuzumab arm."
    arms = arms_of(nlp, text)
    assert [arms[v] for v in (41.0, 48.3, 61.3)] == [DXD, DXD_P, DXD_T]
    assert arms[80.0] is None


def test_clause_about_this_design_is_still_read_on_its_own(nlp):
    """Negative: a clause naming this design's arms (no trial or study) keeps round 76b's
    reading."""
    text = (
        DXD_DESIGN
        + LIST
        + "grade 3 diarrhoea was more frequent in arm C (11.3% versus 1.6% in arm A)."
    )
    arms = arms_of(nlp, text)
    assert [arms[v] for v in (41.0, 48.3, 61.3)] == [DXD, DXD_P, DXD_T]
    assert arms[11.3] == DXD_T
    assert arms[1.6] == DXD


def test_list_without_references_takes_the_design_arms(nlp):
    """ "The ORR was 60% and 45%, respectively; ... in arm B (11% versus 2% in arm A)": the
    list takes the design's order, not the clause's (round 76b behaviour, kept)."""
    text = (
        "Pertuzumab with trastuzumab and docetaxel\n\nMethods: Patients were randomly assigned "
        "to pertuzumab (arm A) or placebo (arm B), each with trastuzumab and docetaxel. The "
        "primary end point was PFS. Results: The ORR was 60% and 45%, respectively; grade 3 "
        "diarrhoea was more frequent in arm B (11% versus 2% in arm A)."
    )
    arms = arms_of(nlp, text)
    assert arms[60.0] == "docetaxel+pertuzumab+trastuzumab"
    assert arms[45.0] == "docetaxel+trastuzumab"
    assert arms[11.0] == "docetaxel+trastuzumab"
