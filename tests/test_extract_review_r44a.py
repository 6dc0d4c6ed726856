"""Review of round 44a. The code read "biosimilar" anywhere in a sentence as the study's, so a
new agent's code compared with a small molecule there ("BAT8001 or lapatinib plus capecitabine;
biosimilar trastuzumab was not permitted") became lapatinib and left the drug list; a dosed
alternative said to go alone in other words ("... or capecitabine 1000 mg/m2 monotherapy") took
the partner before it; and biosimilar twins kept a dual-blockade partner from the first twin
("SB3 or trastuzumab with pertuzumab and docetaxel")."""

from __future__ import annotations

from extract_helpers import ARM_ROW, arm_of, extract_text, rows_of

T = "Title\n\n"


def test_code_compared_with_a_small_molecule_is_no_biosimilar(nlp):
    """A code compared with lapatinib in a sentence that mentions a biosimilar of another drug
    is a new agent of its own, kept in the drug list and as its arm."""
    text = (
        T + "Patients were randomly assigned to BAT8001 or lapatinib plus capecitabine; "
        "biosimilar trastuzumab was not permitted. ORR was 79% with BAT8001 and 35% with "
        "lapatinib plus capecitabine."
    )
    assert "bat8001" in extract_text(nlp, text).drugs
    assert arm_of(rows_of(nlp, text, ARM_ROW), 79.0) == "bat8001"


def test_code_compared_with_an_antibody_in_a_biosimilar_study_is_its_twin(nlp):
    """Positive control: "trastuzumab or AB12 ... in this biosimilar study" still pairs them."""
    text = (
        T + "Patients were randomly assigned to trastuzumab or AB12 with docetaxel in this "
        "biosimilar study. ORR was 70% with trastuzumab and 68% with AB12."
    )
    assert arm_of(rows_of(nlp, text, ARM_ROW), 68.0) == "docetaxel+trastuzumab"


def test_dosed_alternative_given_as_monotherapy_takes_no_partner(nlp):
    """ "trastuzumab plus docetaxel 75 mg/m2 or capecitabine 1000 mg/m2 monotherapy":
    capecitabine goes alone, as "... alone" says."""
    text = (
        T + "Patients were randomised to trastuzumab plus docetaxel 75 mg/m2 or capecitabine "
        "1000 mg/m2 monotherapy. ORR was 62% and 55%, respectively."
    )
    assert arm_of(rows_of(nlp, text, ARM_ROW), 55.0) == "capecitabine"


def test_dosed_alternative_as_a_single_agent_takes_no_partner(nlp):
    """A variant: "as a single agent" after the dose."""
    text = (
        T + "Patients were randomised to trastuzumab plus docetaxel 75 mg/m2 or capecitabine "
        "1000 mg/m2 as a single agent. ORR was 62% and 55%, respectively."
    )
    assert arm_of(rows_of(nlp, text, ARM_ROW), 55.0) == "capecitabine"


def test_dosed_alternative_of_the_partners_role_still_takes_it(nlp):
    """Negative: without such a word the round's reading stands."""
    text = (
        T + "Patients were randomised to trastuzumab plus docetaxel 75 mg/m2 or capecitabine "
        "1000 mg/m2. ORR was 62% and 55%, respectively."
    )
    assert arm_of(rows_of(nlp, text, ARM_ROW), 55.0) == "capecitabine+trastuzumab"


def test_biosimilar_twins_share_a_dual_blockade_partner(nlp):
    """ "SB3 or trastuzumab with pertuzumab and docetaxel": one drug twice, so pertuzumab (of
    the twins' role) is both twins' partner, not the second twin's dual blockade."""
    text = (
        T + "SB3 is a proposed trastuzumab biosimilar. Patients were randomly assigned to SB3 or "
        "trastuzumab with pertuzumab and docetaxel. ORR was 68% with SB3 and 70% with "
        "trastuzumab."
    )
    rows = rows_of(nlp, text, ARM_ROW)
    assert arm_of(rows, 68.0) == "docetaxel+pertuzumab+trastuzumab"
    assert arm_of(rows, 70.0) == "docetaxel+pertuzumab+trastuzumab"


def test_one_drug_twice_with_a_dual_blockade_partner_is_no_twin_pair(nlp):
    """Negative: "trastuzumab or trastuzumab with pertuzumab and docetaxel" is as written."""
    text = (
        T + "Patients were randomly assigned to trastuzumab or trastuzumab with pertuzumab and "
        "docetaxel. The pCR rate was 30% with trastuzumab alone."
    )
    assert arm_of(rows_of(nlp, text, ARM_ROW), 30.0) == "trastuzumab"
