"""Fresh round 66b: conference abstract numbers and assay clones read as drug codes, and "NAME is
a global, phase III ... trial". A title opening with its abstract number ("TPS1102: KESTREL: a
phase III trial of ...") made the number a sponsor code and hid the trial's name from the title
reader; PD-L1 assay clones ("the SP263 assay", "PD-L1 (SP142)") in a treatment sentence were
codes of unseen drugs; "global" was no design word before "trial" in "NAME is a ... trial"."""

from __future__ import annotations

from extract_helpers import extract_text, trials_in

ABSTRACT_NUMBER_TITLES = (
    "TPS1102: KESTREL: a phase III trial of trastuzumab deruxtecan versus trastuzumab "
    "emtansine in HER2-positive breast cancer\n\nPatients were randomized 1:1 to receive "
    "trastuzumab deruxtecan or trastuzumab emtansine.",
    "LBA1003 - KESTREL: a randomized phase III study of neratinib plus capecitabine\n\n"
    "Patients received neratinib 240 mg daily plus capecitabine.",
    "PD3-02. KESTREL: a phase II trial of tucatinib in HER2-positive breast cancer\n\n"
    "Patients received tucatinib plus trastuzumab.",
    "GS1-04 KESTREL: a randomised phase III trial of pyrotinib\n\n"
    "Patients received pyrotinib plus capecitabine.",
    "P1-18-05: KESTREL: a phase II study of lapatinib plus letrozole\n\n"
    "Patients received lapatinib plus letrozole.",
)


def test_abstract_number_opening_the_title_is_no_drug(nlp):
    """ "TPS1102: ..." / "LBA1003 - ...": the number a conference gives the abstract is no code
    of an unseen drug."""
    for text in ABSTRACT_NUMBER_TITLES:
        drugs = extract_text(nlp, text).drugs
        assert not any(d[0].isalpha() and any(c.isdigit() for c in d) for d in drugs), text


def test_trial_name_after_an_abstract_number_is_read_from_the_title():
    """The title reader reads past the abstract number to the name before the colon."""
    for text in ABSTRACT_NUMBER_TITLES:
        assert trials_in(text) == ["KESTREL"], text


def test_sponsor_code_opening_the_title_stays_a_drug(nlp):
    """Negative: a code the title opens with and the text gives again is the drug studied."""
    text = (
        "ARX788: a phase 1 study in HER2-positive breast cancer\n\n"
        "Patients received ARX788 1.5 mg/kg every 3 weeks."
    )
    assert "arx788" in extract_text(nlp, text).drugs


def test_abstract_number_then_sponsor_code_keeps_the_code(nlp):
    """Negative: after the abstract number the drug's own code is still a drug."""
    text = (
        "TPS1102: ARX788 versus trastuzumab emtansine in HER2-positive breast cancer\n\n"
        "Patients received ARX788 at 1.5 mg/kg."
    )
    drugs = extract_text(nlp, text).drugs
    assert "arx788" in drugs
    assert "tps1102" not in drugs


def test_sponsor_codes_are_still_found(nlp):
    """Negative: sponsor codes in a treatment sentence stay drugs."""
    text = "Patients received SHR-A1811, ZW25 or ARX788 in HER2-positive breast cancer."
    drugs = extract_text(nlp, text).drugs
    assert "arx788" in drugs
    assert "zw25" in drugs or "zanidatamab" in drugs


def test_assay_clone_is_no_drug(nlp):
    """ "the SP263 assay", "PD-L1 expression (SP142)", "VENTANA SP263", "clone SP142": an
    antibody clone for immunohistochemistry is no drug given."""
    texts = (
        "Patients treated with atezolizumab were tested for PD-L1 with the SP263 assay.",
        "PD-L1 expression (SP142) was assessed in patients receiving atezolizumab plus "
        "trastuzumab emtansine.",
        "PD-L1 was scored with VENTANA SP263 in patients receiving durvalumab plus trastuzumab.",
        "In patients treated with pembrolizumab, PD-L1 was stained with clone SP142.",
    )
    for text in texts:
        drugs = extract_text(nlp, text).drugs
        assert not any(d.startswith("sp") for d in drugs), text


def test_code_beside_an_assay_word_elsewhere_stays_a_drug(nlp):
    """Negative: a drug code in a sentence that also names an assay is still a drug."""
    text = (
        "Patients received ARX788 at 1.5 mg/kg; HER2 expression was confirmed by the HercepTest "
        "assay."
    )
    assert "arx788" in extract_text(nlp, text).drugs


def test_name_is_a_global_phase_iii_trial():
    """ "KESTREL is a global, phase III, randomized, double-blind trial": "global" is a design
    word like "multinational"."""
    text = (
        "KESTREL is a global, phase III, randomized, double-blind trial of trastuzumab "
        "deruxtecan in HER2-positive breast cancer."
    )
    assert trials_in(text) == ["KESTREL"]
    text = "Methods: KESTREL was a worldwide, randomised phase 3 study of pertuzumab."
    assert trials_in(text) == ["KESTREL"]


def test_name_is_a_global_trial_after_an_abstract_number():
    """The same sentence after the abstract number opening the text."""
    text = (
        "TPS1102: KESTREL is a global, phase III, randomized, double-blind trial of pertuzumab "
        "in HER2-positive breast cancer."
    )
    assert trials_in(text) == ["KESTREL"]


def test_global_alone_makes_no_name():
    """Negative: "global" before "trial" makes no name of a plain capitalised word."""
    text = "This is a global, randomized, phase III trial of pertuzumab."
    assert trials_in(text) == []
