"""Review of round 70b. The round's clinical-feature subject ("brain metastases", "an ECOG
performance status") also dropped a treatment's ratio whose subject names the treatment without
a drug ("receipt of dual HER2 blockade in patients with brain metastases was associated with
improved OS (HR 0.70)"); its decimal guard on a grade number also took "grade 3·4 adverse
events" (a typed range, no rate) for no grade 3. Checked without change: a drug or "treatment"
in the subject keeps the ratio; "(HR ...; cohort 2, 12 patients)" and "arm C, 12.5 months" add
no ratio; a label bracket naming B first ("(arm B vs A; P=.16)") or a third arm."""

from __future__ import annotations

from extract_helpers import ARM_ROW, rows_of

RWE = (
    "Dual HER2 blockade in metastatic breast cancer: a real-world study\n\n"
    "We reviewed 500 patients with HER2-positive metastatic breast cancer. "
)
CHEMO = "Trastuzumab with chemotherapy\n\nPatients received trastuzumab plus docetaxel. "


def _hazard_ratios(nlp, text: str) -> list[float]:
    return [r.value for r in rows_of(nlp, text, ARM_ROW) if r.measure == "HR"]


def _endpoints(nlp, text: str) -> list[str]:
    return [r.endpoint for r in rows_of(nlp, text, ARM_ROW)]


def test_treatment_noun_subject_in_metastatic_patients_keeps_ratio(nlp):
    """ "receipt of dual HER2 blockade in patients with brain metastases was associated with
    improved OS (HR 0.70)": the subject names a treatment; the metastases only its population."""
    text = (
        RWE + "Receipt of dual HER2 blockade in patients with brain metastases was associated "
        "with improved OS (HR 0.70, 95% CI 0.55-0.89)."
    )
    assert _hazard_ratios(nlp, text) == [0.70]


def test_use_of_treatment_by_performance_status_keeps_ratio(nlp):
    """ "use of dual HER2 blockade among patients with an ECOG performance status of 0"."""
    text = (
        RWE + "Use of dual HER2 blockade among patients with an ECOG performance status of 0 was "
        "associated with improved OS (HR 0.62, 95% CI 0.45-0.85)."
    )
    assert _hazard_ratios(nlp, text) == [0.62]


def test_metastatic_site_without_treatment_stays_dropped(nlp):
    """Negative: "Patients with liver metastases were associated with shorter OS (HR 1.60)"."""
    text = (
        RWE + "Patients with liver metastases were associated with shorter OS (HR 1.60, 95% CI "
        "1.20-2.10)."
    )
    assert _hazard_ratios(nlp, text) == []


def test_grade_with_middle_dot_range_is_grade_3(nlp):
    """ "Grade 3·4 adverse events occurred in 12%": no rate follows the dot, so a typed range."""
    text = CHEMO + "Grade 3·4 adverse events occurred in 12% of patients."
    assert _endpoints(nlp, text) == ["AE_G3"]


def test_any_grade_decimal_rate_is_no_grade_3(nlp):
    """Negative: "(any grade 3·1% vs 2·9%)" stays two any-grade rates."""
    text = (
        CHEMO + "The most common adverse events were infusion-related reactions (any grade 3·1% "
        "vs 2·9%)."
    )
    assert "AE_G3" not in _endpoints(nlp, text)
