"""Review of round 43b: short forms of stem drugs, biosimilar codes and dose arms. A stem drug's
short form that is a unit ("motuzumab (mo)") made "9.0 mo with docetaxel" an arm with that drug;
a trastuzumab biosimilar named only in the background made a new agent's code compared with
trastuzumab a trastuzumab twin; dose arms read before "plus capecitabine" lost that partner."""

from __future__ import annotations

from extract_helpers import ARM_ROW, arm_of, drug_texts, rows_of


def test_unit_short_form_of_stem_drug_is_no_drug(nlp):
    """Negative: "motuzumab (mo)" does not make the unit in "9.0 mo with docetaxel" a drug."""
    text = (
        "Motuzumab\n\n"
        "Motuzumab (mo) plus docetaxel was compared with docetaxel. Median PFS was 14.0 mo with "
        "motuzumab plus docetaxel versus 9.0 mo with docetaxel (HR 0.6)."
    )
    assert "mo" not in drug_texts(nlp, text)
    assert arm_of(rows_of(nlp, text, ARM_ROW), 9.0) == "docetaxel"


def test_latin_short_form_of_stem_drug_is_no_drug(nlp):
    """Negative: "alvatinib (al)" does not make the "al" of "et al." a drug."""
    text = (
        "Alvatinib\n\n"
        "Alvatinib (al) is a novel TKI. As reported by Smith et al., patients received alvatinib "
        "plus trastuzumab."
    )
    assert "al" not in drug_texts(nlp, text)


BACKGROUND_BIOSIMILAR = (
    "A novel bispecific antibody in HER2-positive gastric cancer\n\n"
    "Although a trastuzumab biosimilar has lowered costs, outcomes remain poor. Patients were "
    "randomised to XY88 or trastuzumab, each with chemotherapy. ORR was 58% with XY88 and 35% "
    "with trastuzumab."
)


def test_code_compared_with_trastuzumab_after_background_biosimilar_stays_apart(nlp):
    """Negative: a biosimilar named in passing does not make the study's code trastuzumab."""
    assert arm_of(rows_of(nlp, BACKGROUND_BIOSIMILAR, ARM_ROW), 58.0) != "trastuzumab"


def test_code_named_as_the_biosimilar_after_the_title_is_a_twin(nlp):
    """ "HLX02, a trastuzumab biosimilar" in the body (not the title) still makes "HLX02 or
    trastuzumab" twins."""
    text = (
        "An equivalence study in metastatic breast cancer\n\n"
        "QX02, a trastuzumab biosimilar, was compared with trastuzumab. Patients were randomised "
        "to QX02 or trastuzumab, each with docetaxel. ORR was 71.3% with QX02 and 69.5% with "
        "trastuzumab."
    )
    rows = rows_of(nlp, text, ARM_ROW)
    assert arm_of(rows, 71.3) == "docetaxel+trastuzumab"
    assert arm_of(rows, 69.5) == "docetaxel+trastuzumab"


def test_dose_arms_before_a_partner_are_not_the_first_drug_alone(nlp):
    """Negative: "pyrotinib 320 mg or 400 mg daily plus capecitabine": the dose arms are not
    pyrotinib alone."""
    text = (
        "Pyrotinib doses\n\n"
        "Patients were randomised to pyrotinib 320 mg or 400 mg daily plus capecitabine. ORR was "
        "70% with 400 mg and 60% with 320 mg."
    )
    rows = rows_of(nlp, text, ARM_ROW)
    assert arm_of(rows, 70.0) != "pyrotinib"
    assert arm_of(rows, 60.0) != "pyrotinib"


def test_randomised_dose_expansion_cohorts_stay_null(nlp):
    """Negative: doses of a dose-expansion study are cohorts, not arms, even when randomised."""
    text = (
        "Phase 1b\n\n"
        "In this dose-expansion study, patients were randomised to T-DXd 5.4 or 6.4 mg/kg. ORR "
        "was 49.0% with 5.4 mg/kg and 56.0% with 6.4 mg/kg."
    )
    rows = rows_of(nlp, text, ARM_ROW)
    assert arm_of(rows, 49.0) is None
    assert arm_of(rows, 56.0) is None
