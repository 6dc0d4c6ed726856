"""Fresh round 89a: dose groups named by dose, second ratios written without "HR", payloads.

An NEJM three-arm design gave the second dose of one drug with its unit spelt out ("4.8 mg per
kilogram of body weight (the 4.8-mg group) or 6.4 mg per kilogram (the 6.4-mg group)"), so the
6.4-mg group was no arm and its hazard ratio ("... for the 4.8-mg group and 0.37 (...) for the
6.4-mg group") was lost. Lancet subgroup sentences elided the second ratio's key ("IHC 1+ (HR
0·55, ...) and IHC 2+/ISH-negative tumours (0·48, ...)", "the HR was 0·61 (...) and in those
with ... disease 0·80 (...)"). A payload's code after "carrying the tubulin inhibitor" was read
as a drug."""

from __future__ import annotations

from extract_helpers import ARM_ROW, FULL_ROW, drug_texts, extract_text, only_row, rows_of

RT = "trastuzumab rezetecan"
PC = "capecitabine+pyrotinib"

DOSES = (
    "Trastuzumab rezetecan (SHR-A1811) is an antibody–drug conjugate. In this phase 3 trial, we "
    "randomly assigned, in a 1:1:1 ratio, patients with HER2-positive unresectable or metastatic "
    "breast cancer previously treated with trastuzumab and a taxane to receive SHR-A1811 at a "
    "dose of 4.8 mg per kilogram of body weight (the 4.8-mg group) or 6.4 mg per kilogram (the "
    "6.4-mg group) every 3 weeks, or pyrotinib plus capecitabine (the control group). The median "
    "progression-free survival was 16.7 months in the 4.8-mg group, 18.1 months in the 6.4-mg "
    "group, and 8.3 months in the control group. The hazard ratio for disease progression or "
    "death was 0.41 (95% confidence interval [CI], 0.31 to 0.54; P<0.001) for the 4.8-mg group "
    "and 0.37 (95% CI, 0.28 to 0.49; P<0.001) for the 6.4-mg group, as compared with the control "
    "group. A confirmed objective response occurred in 74.5% of the patients in the 4.8-mg group, "
    "78.9% of those in the 6.4-mg group, and 48.0% of those in the control group. Overall "
    "survival data were immature; the 18-month overall survival rates were 85.2%, 86.0%, and "
    "73.9%, respectively. Adverse events of grade 3 or higher occurred in 51.0% of the patients "
    "in the 4.8-mg group, 60.3% of those in the 6.4-mg group, and 37.7% of those in the control "
    "group; interstitial lung disease occurred in 2.5%, 3.9%, and 0.5%, respectively."
)

IHC = (
    "Trastuzumab deruxtecan improved progression-free survival versus chemotherapy (HR 0·50, "
    "95% CI 0·40–0·63). The benefit was consistent in patients with IHC 1+ (HR 0·55, 95% CI "
    "0·41–0·73) and IHC 2+/ISH-negative tumours (0·48, 0·34–0·68; pinteraction=0·52)."
)

HORMONE = (
    "Adjuvant trastuzumab emtansine improved IDFS compared with trastuzumab (stratified hazard "
    "ratio 0·50, 95% CI 0·39–0·64). In patients with hormone receptor-positive disease the HR "
    "was 0·61 (0·45–0·83) and in those with hormone receptor-negative disease 0·80 (0·57–1·12; "
    "pinteraction=0·31)."
)


def test_spelt_out_second_dose_is_an_arm_of_the_regimen(nlp):
    """ "or 6.4 mg per kilogram (the 6.4-mg group)": the same regimen's second dose arm."""
    rows = rows_of(nlp, DOSES, ARM_ROW)
    for value in (16.7, 18.1, 74.5, 78.9, 51.0, 60.3):
        assert only_row(rows, value).arm == RT
    for value in (8.3, 48.0, 37.7):
        assert only_row(rows, value).arm == PC


def test_respectively_over_three_arms_two_of_one_regimen(nlp):
    """A "respectively" list over the three arms carries each arm's regimen."""
    rows = rows_of(nlp, DOSES, ARM_ROW)
    assert [only_row(rows, v).arm for v in (85.2, 86.0, 73.9)] == [RT, RT, PC]
    assert [only_row(rows, v).arm for v in (2.5, 3.9, 0.5)] == [RT, RT, PC]


def test_second_dose_ratio_after_for_the_dose_group(nlp):
    """ "0.41 (...) for the 4.8-mg group and 0.37 (...) for the 6.4-mg group": two ratios."""
    rows = rows_of(nlp, DOSES, FULL_ROW)
    assert only_row(rows, 0.41) == ("PFS", "HR", 0.41, 0.31, 0.54, "<0.001", None)
    assert only_row(rows, 0.37) == ("PFS", "HR", 0.37, 0.28, 0.49, "<0.001", None)


def test_bare_bracketed_ratio_of_a_graded_subgroup(nlp):
    """ "and IHC 2+/ISH-negative tumours (0·48, 0·34–0·68; pinteraction=0·52)": the same HR,
    without the interaction P."""
    rows = rows_of(nlp, IHC, FULL_ROW)
    assert only_row(rows, 0.48) == ("PFS", "HR", 0.48, 0.34, 0.68, None, None)


def test_elided_ratio_of_a_second_subgroup(nlp):
    """ "the HR was 0·61 (...) and in those with ... disease 0·80 (0·57–1·12)": an HR too."""
    rows = rows_of(nlp, HORMONE, FULL_ROW)
    assert only_row(rows, 0.61) == ("IDFS", "HR", 0.61, 0.45, 0.83, None, None)
    assert only_row(rows, 0.80) == ("IDFS", "HR", 0.80, 0.57, 1.12, None, None)


def test_rate_after_a_subgroup_ratio_stays_a_rate(nlp):
    """Negative: "and 24·2% (18·1–31·1)" after a ratio is a rate, not a second ratio."""
    text = (
        "Pertuzumab improved progression-free survival in patients with visceral disease (HR "
        "0·62, 95% CI 0·50–0·77), and the objective response rate in those with hormone "
        "receptor-negative disease was 24·2% (18·1–31·1)."
    )
    measures = {o.value: o.measure for o in extract_text(nlp, text).outcomes}
    assert measures.get(24.2) != "HR"
    assert 24.2 in measures


def test_median_after_a_subgroup_ratio_stays_a_median(nlp):
    """Negative: "and in those with ... 5·6 months (4·4–6·9)" is a median, not a ratio."""
    text = (
        "Progression-free survival was longer with pertuzumab in patients with visceral disease "
        "(HR 0·62, 95% CI 0·50–0·77) and in those with hormone receptor-negative disease the "
        "median was 5·6 months (4·4–6·9)."
    )
    assert all(o.measure != "HR" for o in extract_text(nlp, text).outcomes if o.value == 5.6)


def test_count_with_a_range_and_no_ratio_before_is_no_ratio(nlp):
    """Negative: "and 48 (34–68)" with no ratio before it is no HR."""
    text = (
        "Of the patients enrolled, 120 (35–80) received trastuzumab in the first year and 48 "
        "(34–68) in the second year; progression-free survival was 12.1 months."
    )
    assert all(o.measure != "HR" for o in extract_text(nlp, text).outcomes)


def test_carried_payload_code_is_no_drug(nlp):
    """ "an antibody-drug conjugate carrying the tubulin inhibitor AS269": a part of it."""
    text = (
        "ARX788 is a site-specific anti-HER2 antibody-drug conjugate carrying the tubulin "
        "inhibitor AS269 via a non-cleavable linker. Patients received ARX788 1.5 mg/kg every 3 "
        "weeks. The objective response rate was 66% (95% CI 50-80)."
    )
    assert extract_text(nlp, text).drugs == ["arx788"]


def test_code_given_to_patients_stays_a_drug(nlp):
    """Negative: "patients carrying HER2-positive tumours received QX2071": a drug given."""
    text = (
        "QX2071 is a novel anti-HER2 antibody. Patients carrying HER2-positive tumours received "
        "QX2071 with docetaxel every 3 weeks. The objective response rate was 66% (95% CI 50-80)."
    )
    assert "QX2071" in drug_texts(nlp, text)[1:]
    assert "qx2071" in extract_text(nlp, text).drugs
