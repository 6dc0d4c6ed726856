"""Fresh round 95a: a chemotherapy backbone given with either anti-HER2 drug, or with or without
one, is part of each arm. "randomly assigned to chemotherapy consisting of A and B, then C, with
or without X" gave arms X and a drugless chemotherapy arm; "a chemotherapy regimen consisting of
A plus B or C plus B ..., or chemotherapy in combination with X" likewise; and "A plus B followed
by C, all every 3 weeks, given with either X (arm A) or Y (arm B)" gave arms X and Y alone. The
chemotherapy the design defines is every arm's backbone (of per-patient alternatives, only the
drugs they all share); "chemotherapy alone" names the backbone arm."""

from __future__ import annotations

from extract_helpers import ARM_ROW, registry_of, rows_of


def _arms(nlp, text: str) -> dict[float, str | None]:
    return {r.value: r.arm for r in rows_of(nlp, text, ARM_ROW)}


def _registry_arms(nlp, text: str) -> list[str]:
    return sorted("+".join(a.drugs) for a in registry_of(nlp, text).arms)


EC_D = "cyclophosphamide+docetaxel+epirubicin"

SEQUENCE_WITH_OR_WITHOUT = (
    "Neoadjuvant trastuzumab added to sequential chemotherapy in HER2-positive breast cancer: a "
    "randomised phase 3 trial\n\n"
    "Methods: Women with HER2-positive operable breast cancer were randomly assigned (1:1) to "
    "receive neoadjuvant chemotherapy consisting of epirubicin and cyclophosphamide (four "
    "cycles), then docetaxel (four cycles), with or without trastuzumab given every 3 weeks for "
    "1 year.\n"
    "Findings: 310 patients were randomly assigned to chemotherapy with trastuzumab (n=156) or "
    "without trastuzumab (n=154). 3-year event-free survival was 81% (95% CI 74-86) in the "
    "trastuzumab group and 69% (61-76) in the chemotherapy-alone group (hazard ratio 0.59, 95% "
    "CI 0.38-0.90; p=0.014). Pathological complete response was achieved in 41% of patients "
    "given trastuzumab and 22% of those given chemotherapy alone (p<0.001)."
)


def test_defined_chemotherapy_with_or_without_trastuzumab(nlp):
    """The round's first abstract: "chemotherapy consisting of A and B, then C, with or without
    X": arms A+B+C+X and A+B+C; "the chemotherapy-alone group" and "given chemotherapy alone"
    name the backbone arm, "the trastuzumab group" and "given trastuzumab" the other."""
    arms = _arms(nlp, SEQUENCE_WITH_OR_WITHOUT)
    assert arms[81.0] == arms[41.0] == EC_D + "+trastuzumab"
    assert arms[69.0] == arms[22.0] == EC_D
    assert arms[0.59] is None


def test_defined_chemotherapy_on_a_schedule_with_or_without(nlp):
    """ "chemotherapy comprising A and B, every 3 weeks, with or without X": the schedule
    closes the backbone before "with or without"."""
    text = (
        "Pertuzumab with neoadjuvant chemotherapy in HER2-positive breast cancer\n\n"
        "Background: We assessed adding pertuzumab to a platinum chemotherapy.\n"
        "Methods: Patients were randomly assigned to six cycles of chemotherapy comprising "
        "docetaxel and carboplatin, every 3 weeks, with or without pertuzumab.\n"
        "Results: The pCR rate was 52.4% with pertuzumab and 38.1% with chemotherapy alone (P = "
        ".003). Grade 3 or higher diarrhoea occurred in 12.0% of the pertuzumab group and 6.5% "
        "of the chemotherapy-alone group."
    )
    arms = _arms(nlp, text)
    assert arms[52.4] == arms[12.0] == "carboplatin+docetaxel+pertuzumab"
    assert arms[38.1] == arms[6.5] == "carboplatin+docetaxel"


def test_named_drug_on_a_schedule_with_or_without(nlp):
    """The same schedule after a named drug: "A 100 mg/m2, every 3 weeks, with or without X" is
    arms A+X and A (before, one arm A)."""
    text = (
        "Docetaxel with or without trastuzumab in HER2-positive breast cancer\n\n"
        "Methods: Patients were randomly assigned to docetaxel 100 mg/m2, every 3 weeks, with or "
        "without trastuzumab.\n"
        "Results: The response rate was 61% in the combination group and 34% in the "
        "docetaxel-alone group (P = .0002)."
    )
    assert _registry_arms(nlp, text) == ["docetaxel", "docetaxel+trastuzumab"]
    arms = _arms(nlp, text)
    assert arms[61.0] == "docetaxel+trastuzumab"
    assert arms[34.0] == "docetaxel"


def test_chemotherapy_alternatives_or_chemotherapy_in_combination_with(nlp):
    """The round's second abstract: "a chemotherapy regimen consisting of A plus C or B plus C
    ..., or chemotherapy in combination with X": the drug both options share (C) is the
    backbone, the fluoropyrimidine chosen per patient is no part of the arm."""
    text = (
        "Trastuzumab plus chemotherapy in HER2-positive advanced oesophagogastric cancer: an "
        "open-label randomised trial\n\n"
        "Methods: Patients were randomly assigned in a 1:1 ratio to receive a chemotherapy "
        "regimen consisting of capecitabine plus oxaliplatin or fluorouracil plus oxaliplatin "
        "every 3 weeks for eight cycles, or chemotherapy in combination with intravenous "
        "trastuzumab. The choice of fluoropyrimidine was at the investigator's discretion.\n"
        "Findings: Median overall survival was 14.2 months (95% CI 12.5-16.0) in those assigned "
        "to trastuzumab plus chemotherapy compared with 11.4 months (10.1-12.9) in those "
        "assigned to chemotherapy alone (hazard ratio 0.77; p=0.008). The objective response "
        "rate was 51% versus 37% (p=0.002)."
    )
    arms = _arms(nlp, text)
    assert arms[14.2] == arms[51.0] == "oxaliplatin+trastuzumab"
    assert arms[11.4] == arms[37.0] == "oxaliplatin"


def test_defined_chemotherapy_or_chemotherapy_plus(nlp):
    """ "chemotherapy consisting of A plus B, or to chemotherapy plus X 400 mg daily": the
    second mention of chemotherapy is the defined A plus B."""
    text = (
        "Pyrotinib with chemotherapy in HER2-positive metastatic breast cancer\n\n"
        "Methods: In this phase 3 trial, patients were randomly assigned to chemotherapy "
        "consisting of vinorelbine plus capecitabine, or to chemotherapy plus pyrotinib 400 mg "
        "daily.\n"
        "Results: Median progression-free survival was 9.6 months with pyrotinib plus "
        "chemotherapy and 5.7 months with chemotherapy alone (HR 0.52; P < .001)."
    )
    arms = _arms(nlp, text)
    assert arms[9.6] == "capecitabine+pyrotinib+vinorelbine"
    assert arms[5.7] == "capecitabine+vinorelbine"


def test_defined_chemotherapy_alone_or_chemotherapy_plus(nlp):
    """ "chemotherapy consisting of A plus B alone or chemotherapy plus X": "the chemotherapy
    plus trastuzumab group" and "the chemotherapy-alone group" name the two arms."""
    text = (
        "Trastuzumab added to first-line chemotherapy in HER2-positive metastatic breast "
        "cancer\n\n"
        "Methods: Patients were randomly assigned to receive chemotherapy consisting of "
        "paclitaxel plus carboplatin alone or chemotherapy plus trastuzumab.\n"
        "Results: The overall response rate was 52% in the chemotherapy plus trastuzumab group "
        "and 36% in the chemotherapy-alone group (P = .04)."
    )
    arms = _arms(nlp, text)
    assert arms[52.0] == "carboplatin+paclitaxel+trastuzumab"
    assert arms[36.0] == "carboplatin+paclitaxel"


def test_defined_chemotherapy_or_chemotherapy_plus_without_alone(nlp):
    """ "chemotherapy consisting of A plus B or chemotherapy plus X": the second mention of the
    class closes the definition (it is no per-patient alternative of A plus B)."""
    text = (
        "Trastuzumab added to first-line chemotherapy in HER2-positive metastatic breast "
        "cancer\n\n"
        "Methods: Patients were randomly assigned to receive chemotherapy consisting of docetaxel "
        "plus carboplatin or chemotherapy plus trastuzumab, every 3 weeks for six cycles.\n"
        "Results: The overall response rate was 58% with trastuzumab plus chemotherapy and 41% "
        "with chemotherapy alone (P = .01)."
    )
    arms = _arms(nlp, text)
    assert arms[58.0] == "carboplatin+docetaxel+trastuzumab"
    assert arms[41.0] == "carboplatin+docetaxel"


def test_sequence_all_every_three_weeks_given_with_either(nlp):
    """The round's third abstract: "A plus B followed by C, all every 3 weeks, given with either
    X (...; arm A) or Y (...; arm B)": the shared schedule closes the backbone before "either",
    so each arm is the backbone with its own drug."""
    text = (
        "Neoadjuvant chemotherapy with trastuzumab or lapatinib in HER2-positive breast cancer: a "
        "randomised phase 3 trial\n\n"
        "Methods: Patients were randomly assigned (1:1) to four cycles of epirubicin (90 mg/m2) "
        "plus cyclophosphamide (600 mg/m2) followed by four cycles of paclitaxel (175 mg/m2), all "
        "every 3 weeks, given with either trastuzumab (8 mg/kg loading dose, then 6 mg/kg every 3 "
        "weeks; arm A) or lapatinib (1250 mg/day; arm B) throughout chemotherapy.\n"
        "Findings: A pathological complete response was achieved by 88 (31.2%) of 282 patients in "
        "arm A and by 61 (21.7%) of 281 in arm B (odds ratio 0.61; p=0.01)."
    )
    arms = _arms(nlp, text)
    assert arms[31.2] == "cyclophosphamide+epirubicin+paclitaxel+trastuzumab"
    assert arms[21.7] == "cyclophosphamide+epirubicin+lapatinib+paclitaxel"
    assert arms[0.61] is None


def test_doublet_each_every_three_weeks_with_either(nlp):
    """ "six cycles of A (dose) and B (dose), each given every 3 weeks, with either X (arm A) or
    Y (arm B)"."""
    text = (
        "Docetaxel and carboplatin with trastuzumab or pyrotinib as neoadjuvant therapy\n\n"
        "Methods: Patients were randomised to six cycles of docetaxel (75 mg/m2) and carboplatin "
        "(AUC 6), each given every 3 weeks, with either trastuzumab (arm A) or pyrotinib (arm "
        "B).\n"
        "Results: The pCR rate was 55.1% in arm A and 60.3% in arm B (P = .31)."
    )
    arms = _arms(nlp, text)
    assert arms[55.1] == "carboplatin+docetaxel+trastuzumab"
    assert arms[60.3] == "carboplatin+docetaxel+pyrotinib"


def test_physicians_choice_chemotherapy_keeps_its_arms(nlp):
    """Guard: chemotherapy chosen per patient ("trastuzumab plus physician's choice of
    chemotherapy or physician's choice of chemotherapy alone") defines no backbone: arms as
    before."""
    text = (
        "Trastuzumab plus chemotherapy of physician's choice in HER2-positive breast cancer\n\n"
        "Methods: Patients were randomly assigned to trastuzumab plus physician's choice of "
        "chemotherapy or physician's choice of chemotherapy alone.\n"
        "Results: Median progression-free survival was 8.1 months with trastuzumab plus "
        "chemotherapy and 5.6 months with chemotherapy alone (HR 0.66; P = .002)."
    )
    reg = registry_of(nlp, text)
    assert [("+".join(a.drugs), a.special) for a in reg.arms] == [
        ("trastuzumab", None),
        ("", "physician's choice"),
    ]
    assert _arms(nlp, text)[8.1] == "trastuzumab"


def test_named_drug_with_or_without_keeps_its_arms(nlp):
    """Guard (already read so): "A with or without B", A a named drug: arms A+B and A."""
    text = (
        "Docetaxel with or without trastuzumab in HER2-positive breast cancer\n\n"
        "Methods: Patients were randomly assigned to docetaxel with or without trastuzumab.\n"
        "Results: The response rate was 61% in the combination group and 34% in the "
        "docetaxel-alone group (P = .0002)."
    )
    assert _registry_arms(nlp, text) == ["docetaxel", "docetaxel+trastuzumab"]
    assert _arms(nlp, text)[34.0] == "docetaxel"


def test_undefined_chemotherapy_keeps_its_arms(nlp):
    """Guard: a generic "chemotherapy" the text never defines ("adjuvant chemotherapy with or
    without trastuzumab") is read as before: the trastuzumab group is trastuzumab, the
    chemotherapy-alone group null."""
    text = (
        "Chemotherapy with or without trastuzumab in HER2-positive breast cancer\n\n"
        "Methods: Patients were randomly assigned to adjuvant chemotherapy with or without "
        "trastuzumab for one year.\n"
        "Results: 5-year disease-free survival was 84% in the trastuzumab group and 75% in the "
        "chemotherapy-alone group (HR 0.62; P < .001)."
    )
    arms = _arms(nlp, text)
    assert arms[84.0] == "trastuzumab"
    assert arms[75.0] is None


def test_defined_chemotherapy_sharing_no_drug_keeps_its_arms(nlp):
    """Guard: "chemotherapy consisting of A or B" (per-patient options sharing no drug) gives no
    backbone: the chemotherapy-alone group stays null."""
    text = (
        "Chemotherapy with or without trastuzumab in HER2-positive breast cancer\n\n"
        "Methods: Patients were randomly assigned to chemotherapy consisting of docetaxel or "
        "paclitaxel, with or without trastuzumab.\n"
        "Results: 5-year disease-free survival was 84% in the trastuzumab group and 75% in the "
        "chemotherapy-alone group (HR 0.62; P < .001)."
    )
    arms = _arms(nlp, text)
    assert arms[84.0] == "trastuzumab"
    assert arms[75.0] is None
