"""Review of rounds 24 and 25 (pipelines 0.3.39-0.3.40). The per-partner cohort reader
(`arms._read_partner_shares`) took a single-arm study's prior-therapy sentence ("Prior
trastuzumab was combined with docetaxel in 50 patients and with vinorelbine in 30") for the
study's cohorts: the registry lost the study's own arm and held two arms of earlier treatment.
The bare-rate carry (`outcomes.carried_rate_endpoint`) gave "The rates were 10% vs 12% for
patients who crossed over" after a median PFS sentence as PFS rates: the head word "rate"
counted as the landmark a time-to-event rate needs."""

from __future__ import annotations

from extract_helpers import P_ROW, registry_of, rows_of

PC = "capecitabine+pyrotinib"


def _arm_names(nlp, text: str) -> list[str | None]:
    return [a.name for a in registry_of(nlp, text).arms]


SINGLE_ARM_PRIOR = (
    "Pyrotinib plus capecitabine after trastuzumab\n\n"
    "Patients received pyrotinib plus capecitabine. Prior trastuzumab was combined with "
    "docetaxel in 50 patients and with vinorelbine in 30. The ORR was 60.9%."
)


def test_prior_therapy_partners_are_no_cohorts(nlp):
    """ "Prior trastuzumab was combined with A in 50 patients and with B in 30" counts earlier
    treatment: the study's arm stays pyrotinib plus capecitabine, no trastuzumab arms."""
    assert _arm_names(nlp, SINGLE_ARM_PRIOR) == [PC]


def test_had_received_partners_are_no_cohorts(nlp):
    """ "Patients had received trastuzumab plus A in 60 patients, plus B in 40 ..." is a
    treatment history too."""
    text = (
        "Trastuzumab emtansine after progression\n\n"
        "Patients received trastuzumab emtansine 3.6 mg/kg every 3 weeks. Patients had received "
        "trastuzumab plus docetaxel in 60 patients, plus paclitaxel in 40 and plus vinorelbine "
        "in 20. The ORR was 35%."
    )
    assert _arm_names(nlp, text) == ["trastuzumab emtansine"]


def test_prior_therapy_in_an_earlier_clause_keeps_the_cohorts(nlp):
    """Negative: a history in the clause before the comma ("In 168 patients with prior
    anti-HER2 therapy, pyrotinib was combined with ...") is not the shared drug's."""
    text = (
        "Pyrotinib in routine practice\n\n"
        "In 168 patients with prior anti-HER2 therapy, pyrotinib was combined with "
        "capecitabine in 102 patients and with vinorelbine in 38. Median PFS was 9.4 months."
    )
    assert _arm_names(nlp, text) == [PC, "pyrotinib+vinorelbine"]


def _pfs_rows(nlp, text: str) -> list:
    return [r for r in rows_of(nlp, text, P_ROW) if r.endpoint == "PFS"]


PFS_THEN_RATES = (
    "Pertuzumab\n\nPatients were randomized to pertuzumab or placebo. Median PFS was 18.5 vs "
    "12.4 months. The rates were 10% vs 12% for patients who crossed over."
)


def test_undated_bare_rate_takes_no_time_to_event_end_point(nlp):
    """ "The rates were 10% vs 12%" after a median PFS sentence dates nothing: no PFS rates."""
    assert [r.value for r in _pfs_rows(nlp, PFS_THEN_RATES)] == [18.5, 12.4]


def test_dated_bare_rate_still_takes_the_time_to_event_end_point(nlp):
    """Negative: "The 2-year rates were ..." is dated, so the PFS rates are read."""
    text = PFS_THEN_RATES.replace("The rates", "The 2-year rates")
    assert [r.value for r in _pfs_rows(nlp, text)] == [18.5, 12.4, 10.0, 12.0]


def test_undated_bare_incidence_still_takes_a_safety_end_point(nlp):
    """Negative: a safety end point needs no landmark ("the incidence was 15.5%")."""
    text = (
        "Trastuzumab deruxtecan\n\nInterstitial lung disease was adjudicated in 1,150 patients. "
        "In patients with breast cancer, the incidence was 15.5%."
    )
    assert [(r.endpoint, r.value) for r in rows_of(nlp, text, P_ROW)] == [("ILD", 15.5)]
