"""Review of round 66b: over-reach of the abstract-number and assay-clone rules. A title that
opens with an unseen drug's code the text never writes again ("MRG002 plus chemotherapy in
...", "MRG002: a phase 1 study of ...") lost the drug as an abstract number; a code in a bracket
after the drug's target ("anti-HER2 (MRG002)", "targeting HER2 (KN026)") and a code before a
tumour status ("MRG002 IHC 3+") were read as assay clones. Abstract numbers before a capitalised
title and clones after "PD-L1 expression (" or before "IHC assay" still are no drugs."""

from __future__ import annotations

from extract_helpers import extract_text

BODY = "\n\nBackground: The antibody-drug conjugate was given every 3 weeks at 2.2 mg/kg."
TREATMENT_TITLES = (
    "MRG002 plus chemotherapy in HER2-positive gastric cancer" + BODY,
    "MRG002 in HER2-positive breast cancer treated with prior trastuzumab" + BODY,
    "MRG002: a phase 1 study of an antibody-drug conjugate in HER2-positive breast cancer" + BODY,
)


def test_code_opening_a_treatment_title_is_the_drug(nlp):
    """A code the title joins to a treatment word, or follows with a lower-case title, is the
    drug even when the body only says "the conjugate"."""
    for text in TREATMENT_TITLES:
        assert "mrg002" in extract_text(nlp, text).drugs, text


def test_abstract_number_before_a_capitalised_title_is_still_no_drug(nlp):
    """Negative: "LBA1003 Results of ..." keeps the round's reading (the number is no drug)."""
    text = (
        "LBA1003 Results of a phase 3 trial of pyrotinib plus capecitabine.\n\n"
        "Patients received pyrotinib plus capecitabine."
    )
    assert "lba1003" not in extract_text(nlp, text).drugs


def test_code_in_a_bracket_after_its_target_is_a_drug(nlp):
    """ "anti-HER2 (MRG002)", "targeting HER2 (KN026)": the bracket names the drug hitting the
    biomarker, not the clone scoring it."""
    texts = {
        "mrg002": "Patients received a novel anti-HER2 (MRG002) antibody-drug conjugate at 2.2 mg/kg.",
        "kn026": "We treated patients with a bispecific antibody targeting HER2 (KN026) plus docetaxel.",
    }
    for code, text in texts.items():
        assert code in extract_text(nlp, text).drugs, text


def test_code_before_a_tumour_ihc_score_is_a_drug(nlp):
    """ "received MRG002 IHC 3+ ..." reads the patients' IHC status after the drug."""
    text = "Patients with HER2-low disease received MRG002 IHC 2+ cohort dosing at 2.2 mg/kg."
    assert "mrg002" in extract_text(nlp, text).drugs


def test_clones_after_the_biomarker_or_before_an_assay_stay_no_drugs(nlp):
    """Negative: "PD-L1 expression (SP142)" and "SP263 IHC assay" are still assay clones."""
    text = (
        "PD-L1 expression (SP142) was scored by the SP263 IHC assay; patients were treated "
        "with atezolizumab."
    )
    drugs = extract_text(nlp, text).drugs
    assert "sp142" not in drugs and "sp263" not in drugs
