"""Fresh round 98a: outcome values. A P printed after a second clause that names its own event
("..., and grade 3 diarrhoea in 8.9% and 21.7%, respectively (P=0.089)") compares that
clause's pair only; a composite toxicity end point ("clinically relevant toxicity (CRT)") and
the short form the text defines for it are adverse-event incidences."""

from __future__ import annotations

from extract_helpers import P_ROW, rows_of

NC_LC = (
    "Neratinib or lapatinib with capecitabine in HER2-positive metastatic breast cancer\n\n"
    "Methods: Patients were randomly assigned to neratinib plus capecitabine (N+C) or "
    "lapatinib plus capecitabine (L+C).\n"
)
NC = "capecitabine+neratinib"
LC = "capecitabine+lapatinib"

TDM1_TH = (
    "Adjuvant T-DM1 versus paclitaxel plus trastuzumab for stage I HER2-positive breast cancer\n\n"
    "Methods: Patients were randomly assigned 3:1 to T-DM1 or paclitaxel plus trastuzumab (TH).\n"
)
TDM1 = "trastuzumab emtansine"
TH = "paclitaxel+trastuzumab"


# --- (1) a P after a second clause that names its own event ------------------------------------


def test_p_after_own_grade3_clause_goes_to_that_pair(nlp):
    """ "Diarrhoea of any grade occurred in ... and ..., and grade 3 diarrhoea in 8.9% and
    21.7%, respectively (P=0.089)": the grade 3 pair, not the any-grade one."""
    text = NC_LC + (
        "Results: Diarrhoea of any grade occurred in 86.7% of the N+C group and 95.7% of the "
        "L+C group, and grade 3 diarrhoea in 8.9% and 21.7%, respectively (P=0.089)."
    )
    assert rows_of(nlp, text, P_ROW) == [
        ("AE", "incidence", 86.7, None, NC),
        ("AE", "incidence", 95.7, None, LC),
        ("AE_G3", "incidence", 8.9, "0.089", NC),
        ("AE_G3", "incidence", 21.7, "0.089", LC),
    ]


def test_p_after_whereas_clause_of_another_rate_goes_to_that_pair(nlp):
    """ "The ORR was A with N+C and B with L+C, whereas the clinical benefit rate was C and D,
    respectively (P = 0.03)": the CBR pair."""
    text = NC_LC + (
        "Results: The objective response rate was 32.8% with N+C and 26.7% with L+C, whereas "
        "the clinical benefit rate was 44.5% and 35.6%, respectively (P = 0.03)."
    )
    assert rows_of(nlp, text, P_ROW) == [
        ("ORR", "rate", 32.8, None, NC),
        ("ORR", "rate", 26.7, None, LC),
        ("CBR", "rate", 44.5, "0.03", NC),
        ("CBR", "rate", 35.6, "0.03", LC),
    ]


def test_p_after_while_clause_of_another_event_goes_to_that_pair(nlp):
    """ ", while grade 3 or higher neutropenia was reported in ..." opens the P's own clause."""
    text = NC_LC + (
        "Results: Nausea was reported in 52.0% of patients with N+C and 41.2% of those with "
        "L+C, while grade 3 or higher neutropenia was reported in 10.1% and 3.2%, respectively "
        "(P < 0.001)."
    )
    assert rows_of(nlp, text, P_ROW) == [
        ("AE", "incidence", 52.0, None, NC),
        ("AE", "incidence", 41.2, None, LC),
        ("AE_G3", "incidence", 10.1, "<0.001", NC),
        ("AE_G3", "incidence", 3.2, "<0.001", LC),
    ]


def test_p_after_second_clause_of_the_same_end_point_stays_shared(nlp):
    """Guard: "20% and 10% ..., and 15% and 5% in the HR-negative subgroup (P=0.04)": both
    clauses are one end point, so the P keeps going to every value, as before."""
    text = NC_LC + (
        "Results: The pCR rate was 20% with N+C and 10% with L+C overall, and 15% and 5% in the "
        "HR-negative subgroup (P=0.04)."
    )
    assert [r[3] for r in rows_of(nlp, text, P_ROW)] == ["0.04"] * 4


def test_p_after_own_clause_of_one_arm_takes_no_pair(nlp):
    """Guard: "..., and grade 3 diarrhoea in 24.4% of the N+C group (P=0.002)": one value in
    the P's clause compares nothing; no value carries it."""
    text = NC_LC + (
        "Results: Diarrhoea of any grade occurred in 86.7% of the N+C group and 55.7% of the L+C "
        "group, and grade 3 diarrhoea in 24.4% of the N+C group (P=0.002)."
    )
    assert [r[3] for r in rows_of(nlp, text, P_ROW)] == [None, None, None]


# --- (2) a composite toxicity end point and its defined short form -----------------------------


def test_defined_short_form_of_clinically_relevant_toxicity_is_ae(nlp):
    """ "clinically relevant toxicity (CRT)", then "CRT was observed in 46% ... and 47% ...
    (P = .83)": AE incidences of each arm."""
    text = TDM1_TH + (
        "Coprimary end points were the incidence of clinically relevant toxicity (CRT) and "
        "invasive disease-free survival.\n"
        "Results: CRT was observed in 46% of patients receiving T-DM1 and 47% of patients "
        "receiving TH (P = .83)."
    )
    assert rows_of(nlp, text, P_ROW) == [
        ("AE", "incidence", 46.0, "0.83", TDM1),
        ("AE", "incidence", 47.0, "0.83", TH),
    ]


def test_defined_short_form_of_clinically_significant_toxicity_is_ae(nlp):
    """ "clinically significant toxicity (CST)", then counts with shares per arm."""
    text = TDM1_TH + (
        "The primary end point was clinically significant toxicity (CST).\n"
        "Results: CST occurred in 30 of 65 patients (46%) in the T-DM1 arm and 14 of 30 (47%) "
        "in the TH arm (P = .83)."
    )
    assert rows_of(nlp, text, P_ROW) == [
        ("AE", "incidence", 46.0, "0.83", TDM1),
        ("AE", "incidence", 47.0, "0.83", TH),
    ]


def test_clinically_relevant_toxicity_written_out_is_ae(nlp):
    """The full name itself (no short form) is an AE incidence too."""
    text = TDM1_TH + (
        "Results: Clinically relevant toxicities occurred in 46% of patients receiving T-DM1 "
        "and 47% of patients receiving TH (P = .83)."
    )
    assert rows_of(nlp, text, P_ROW) == [
        ("AE", "incidence", 46.0, "0.83", TDM1),
        ("AE", "incidence", 47.0, "0.83", TH),
    ]


def test_crt_meaning_chemoradiotherapy_is_no_end_point(nlp):
    """Guard: "CRT" the text defines as chemoradiotherapy names no event; its shares stay
    unread."""
    text = (
        "Trastuzumab with chemoradiotherapy for HER2-positive breast cancer\n\n"
        "Methods: Patients received trastuzumab with concurrent chemoradiotherapy (CRT).\n"
        "Results: CRT was completed in 92% of patients receiving trastuzumab, and concurrent "
        "CRT was delayed in 12% (P = .20)."
    )
    assert rows_of(nlp, text, P_ROW) == []


def test_short_form_not_spelled_by_the_event_name_defines_nothing(nlp):
    """Guard: "a decline in left ventricular ejection fraction (LVEF)" does not make "LVEF" an
    event: the baseline LVEF share stays unread."""
    text = TDM1_TH + (
        "Cardiac safety was assessed as a decline in left ventricular ejection fraction "
        "(LVEF).\nResults: LVEF was at least 55% in 93% of patients at baseline."
    )
    assert rows_of(nlp, text, P_ROW) == []
