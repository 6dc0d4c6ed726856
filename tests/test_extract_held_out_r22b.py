"""Held-out round 22 (b): short forms written with their dose, modular designs, and lists
restated after a comparison word. ACOSOG Z1041 (Buzdar 2013): "cyclophosphamide 500 mg/m²
[FEC-75] every 3 weeks for four cycles followed by paclitaxel" and "FEC-75 plus trastuzumab"
split both arms' chains, so the design kept a bare trastuzumab arm and the pCR rates took it.
DESTINY-Breast07 (Andre): "(module 0)" was read as a rate of 0% and "(module 1), durvalumab
(module 2), ..." chained the modules' drugs into one arm. BOLERO-1 (Hurvitz 2015): in
"neutropenia (25%), stomatitis (13%), and anaemia (10%), compared with 15%, 1%, and 3% in the
placebo group" the middle value took the everolimus group. GeparQuinto, TDM4374g and
TBCRC 006 were read right and are pinned."""

from __future__ import annotations

from extract_helpers import registry_of

from her2mine.extract import extract_document
from her2mine.extract.components import _hits
from her2mine.extract.regimens import group_regimens
from her2mine.models import Document


def _rows(nlp, text: str) -> list[tuple]:
    ex = extract_document(Document(id="t", text=text), nlp)
    return [(o.endpoint, o.measure, o.value, o.ci_low, o.ci_high, o.p, o.arm) for o in ex.outcomes]


def _row(rows: list[tuple], value: float) -> tuple:
    return next(r for r in rows if r[2] == value)


FECPH = "cyclophosphamide+epirubicin+fluorouracil+paclitaxel+trastuzumab"

Z1041 = (
    "Sequential versus concurrent administration of trastuzumab with anthracycline-based "
    "chemotherapy in the neoadjuvant treatment of HER2-positive operable breast cancer (ACOSOG "
    "Z1041): a randomised phase 3 trial\n\n"
    "Summary\nBackground Whether trastuzumab should be given concurrently with anthracyclines in "
    "the neoadjuvant setting is unknown. We compared sequential and concurrent administration of "
    "trastuzumab with anthracycline-based chemotherapy.\n"
    "Methods In this randomised, open-label, phase 3 trial, patients with operable HER2-positive "
    "breast cancer were randomly assigned (1:1) to the sequential group (fluorouracil 500 mg/m², "
    "epirubicin 75 mg/m², and cyclophosphamide 500 mg/m² [FEC-75] every 3 weeks for four cycles "
    "followed by paclitaxel 80 mg/m² weekly plus trastuzumab for 12 weeks) or the concurrent "
    "group (paclitaxel plus trastuzumab for 12 weeks followed by FEC-75 plus trastuzumab for four "
    "cycles). The primary endpoint was pathological complete response in the breast.\n"
    "Findings 282 patients were randomly assigned. A pathological complete response in the "
    "breast was noted in 87 (56·5% [95% CI 47·3–65·5]) of 154 patients in the sequential group "
    "and 83 (54·2% [45·0–63·2]) of 153 patients in the concurrent group (difference 2·3% [95% CI "
    "−9·3 to 13·9]; p=0·68). Asymptomatic declines in left ventricular ejection fraction were "
    "noted in 4% of patients in the sequential group and 7% in the concurrent group.\n"
    "Interpretation Concurrent administration of trastuzumab with anthracyclines did not "
    "increase the pathological complete response rate."
)


def test_dosed_short_form_in_bracket_joins_the_sequence(nlp):
    """ "cyclophosphamide 500 mg/m² [FEC-75] every 3 weeks for four cycles followed by
    paclitaxel ... plus trastuzumab": doses before the short form's bracket and in it do not
    cut the sequence, so both groups are the full regimen (the same drugs)."""
    arm = next(a for a in registry_of(nlp, Z1041).arms if a.name == FECPH)
    assert {"sequential", "concurrent"} <= arm.labels
    rows = _rows(nlp, Z1041)
    assert _row(rows, 56.5) == ("pCR", "rate", 56.5, 47.3, 65.5, None, FECPH)
    assert _row(rows, 54.2)[3:5] == (45.0, 63.2)
    assert _row(rows, 54.2)[6] == FECPH
    assert _row(rows, 7.0)[6] == FECPH


def _regimens(text: str, nlp) -> list[list[str]]:
    return [r.drugs for r in group_regimens(text, _hits(nlp(text)._.her2, "drugs"))]


def test_dose_written_onto_a_short_form_is_no_break(nlp):
    """ "FEC-75 plus trastuzumab", "FEC-100 then docetaxel": the dose after a regimen's short
    form is part of it, so the joiner after it still joins."""
    fec = ["cyclophosphamide", "epirubicin", "fluorouracil"]
    text = "Patients received paclitaxel followed by FEC-75 plus trastuzumab."
    assert _regimens(text, nlp) == [[*fec, "paclitaxel", "trastuzumab"]]
    text = "Patients received FEC-100 then docetaxel."
    assert _regimens(text, nlp) == [sorted([*fec, "docetaxel"])]


def test_number_after_a_drug_name_is_no_short_form_dose(nlp):
    """Negative: only a regimen's short form takes a dose suffix; after a drug's name a number
    does not make the gap a joiner."""
    text = "Patients received docetaxel 75 or trastuzumab."
    assert _regimens(text, nlp) == [["docetaxel"], ["trastuzumab"]]


DB07 = (
    "Trastuzumab deruxtecan monotherapy or combinations in HER2-positive metastatic breast "
    "cancer: first-line results from the phase 1b/2 DESTINY-Breast07 trial\n\n"
    "Background: DESTINY-Breast07 (NCT04538742) is a modular study of trastuzumab deruxtecan "
    "(T-DXd) alone or with other anticancer agents. Methods: In the first-line dose-expansion "
    "part, patients received T-DXd 5.4 mg/kg every 3 weeks alone (module 0) or combined with "
    "pertuzumab (module 1), durvalumab (module 2), paclitaxel (module 3), durvalumab and "
    "paclitaxel (module 4) or tucatinib (module 5). The primary end point was safety; key "
    "secondary end points included confirmed objective response rate (ORR) and progression-free "
    "survival (PFS). Results: 75 patients received T-DXd monotherapy and 50 received T-DXd plus "
    "pertuzumab. Confirmed ORR was 76% (95% CI, 64.5 to 85.1) with T-DXd alone and 84% (95% CI, "
    "70.9 to 92.8) with T-DXd plus pertuzumab. The 12-month PFS rate was 85.9% in module 0 and "
    "89.4% in module 1. Interstitial lung disease occurred in 9% of patients in module 0 and 14% "
    "of patients in module 1. Conclusions: T-DXd alone or with pertuzumab showed promising "
    "activity as first-line treatment."
)
TDXD = "trastuzumab deruxtecan"


def test_module_number_is_no_value(nlp):
    """ "85.9% in module 0": a module's number, like a cohort's, is no rate of 0%."""
    rows = _rows(nlp, DB07)
    assert 0.0 not in [r[2] for r in rows]
    assert 1.0 not in [r[2] for r in rows]
    assert [r[2] for r in rows if r[0] == "PFS"] == [85.9, 89.4]
    assert [r[2] for r in rows if r[0] == "ILD"] == [9.0, 14.0]


def test_module_bracket_closes_each_partner(nlp):
    """ "combined with pertuzumab (module 1), durvalumab (module 2), ...": each module's
    bracket closes its partner, so "with T-DXd plus pertuzumab" is that module's arm, not a
    chain of every partner."""
    names = [a.name for a in registry_of(nlp, DB07).arms]
    assert f"pertuzumab+{TDXD}" in names
    assert not any("durvalumab" in n and "pertuzumab" in n for n in names)
    rows = _rows(nlp, DB07)
    assert _row(rows, 76.0) == ("ORR", "rate", 76.0, 64.5, 85.1, None, TDXD)
    assert _row(rows, 84.0) == ("ORR", "rate", 84.0, 70.9, 92.8, None, f"pertuzumab+{TDXD}")


def test_rate_after_one_module_and_is_still_a_value(nlp):
    """Negative: after a single module's number a list has ended, so in "80% in module 0 and
    75% in module 1" the second rate is a value (only "modules" lists numbers: "modules 1 and
    2")."""
    text = (
        "Trastuzumab deruxtecan combinations\n\n"
        "Patients received trastuzumab deruxtecan alone (module 0) or with pertuzumab (module "
        "1). The ORR was 80% in module 0 and 75% in module 1; modules 1 and 2 enrolled 50 "
        "patients."
    )
    assert [r[2] for r in _rows(nlp, text)] == [80.0, 75.0]


EVE = "everolimus+paclitaxel+trastuzumab"
PH = "paclitaxel+trastuzumab"

BOLERO1 = (
    "Everolimus plus trastuzumab and paclitaxel as first-line treatment for HER2-positive "
    "advanced breast cancer (BOLERO-1): a phase 3, randomised, double-blind, multicentre trial\n\n"
    "Summary\nBackground The mTOR inhibitor everolimus might overcome resistance to trastuzumab. "
    "We assessed everolimus plus trastuzumab and paclitaxel as first-line therapy.\n"
    "Methods In this phase 3 trial, patients with HER2-positive advanced breast cancer were "
    "randomly assigned (2:1) to receive everolimus (10 mg/day orally) or placebo plus weekly "
    "trastuzumab (4 mg/kg loading dose then 2 mg/kg weekly) and paclitaxel (80 mg/m² on days 1, "
    "8, and 15 of a 4-week cycle). The two primary objectives were investigator-assessed "
    "progression-free survival in the full population and in the hormone receptor-negative "
    "subpopulation.\n"
    "Findings 719 patients were randomly assigned to everolimus (n=480) or placebo (n=239). In "
    "the full population, median progression-free survival was 14·95 months (95% CI "
    "14·55–17·91) with everolimus versus 14·49 months (12·29–17·08) with placebo (hazard ratio "
    "0·89 [95% CI 0·73–1·08]; p=0·1166). In the hormone receptor-negative subpopulation, median "
    "progression-free survival was 20·27 months (14·95–24·08) with everolimus versus 13·08 "
    "months (10·05–16·56) with placebo (0·66 [0·48–0·91]; p=0·0049), but the prespecified "
    "significance threshold (p=0·0044) was not met. The most common grade 3–4 adverse events "
    "in the everolimus group were neutropenia (25%), stomatitis (13%), and anaemia (10%), "
    "compared with 15%, 1%, and 3% in the placebo group.\n"
    "Interpretation Everolimus did not prolong progression-free survival in the full population."
)


def test_list_restated_after_comparison_word_is_the_closing_groups(nlp):
    """ "... anaemia (10%), compared with 15%, 1%, and 3% in the placebo group": the list
    after "compared with" is the placebo group's, every value of it; the bracketed list before
    is the everolimus group's."""
    rows = _rows(nlp, BOLERO1)
    assert [_row(rows, v)[6] for v in (25.0, 13.0, 10.0)] == [EVE] * 3
    assert [_row(rows, v)[6] for v in (15.0, 1.0, 3.0)] == [PH] * 3


def test_bare_list_before_a_reference_without_comparison_word_is_left(nlp):
    """Negative: without a comparison word opening it, "15% and 1% in the placebo group" may be
    two groups' values and is read as before (only the value next to the reference is the
    placebo group's)."""
    text = (
        "Everolimus with trastuzumab and paclitaxel\n\n"
        "Patients were randomly assigned to everolimus or placebo plus trastuzumab and "
        "paclitaxel. Stomatitis occurred in 13% of patients in the everolimus group. Grade 3 "
        "neutropenia occurred in 25% and 15% in the placebo group."
    )
    rows = _rows(nlp, text)
    assert _row(rows, 15.0)[6] == PH
    assert _row(rows, 25.0)[6] != PH


def test_bolero1_key_values_pinned(nlp):
    """The full population's medians take the arms and the HR takes the P."""
    rows = _rows(nlp, BOLERO1)
    assert _row(rows, 14.95) == ("PFS", "median", 14.95, 14.55, 17.91, None, EVE)
    assert _row(rows, 14.49) == ("PFS", "median", 14.49, 12.29, 17.08, None, PH)
    assert _row(rows, 0.89) == ("PFS", "HR", 0.89, 0.73, 1.08, "0.1166", None)
    assert _row(rows, 20.27)[6] == EVE
    assert _row(rows, 13.08)[6] == PH
    assert 0.0044 not in [r[2] for r in rows]


GEPARQUINTO = (
    "Lapatinib versus trastuzumab in combination with neoadjuvant anthracycline-taxane-based "
    "chemotherapy (GeparQuinto, GBG 44): a randomised phase 3 trial\n\n"
    "Summary\nMethods Patients with HER2-positive operable or locally advanced breast cancer "
    "were randomly assigned to receive four cycles of epirubicin (90 mg/m²) plus "
    "cyclophosphamide (600 mg/m²) followed by four cycles of docetaxel (100 mg/m²), with either "
    "trastuzumab (ECH-TH) or lapatinib (ECL-TL) throughout all cycles. The primary endpoint was "
    "pathological complete response (pCR; ypT0 ypN0).\n"
    "Findings 620 patients were randomly assigned. pCR was achieved by 93 (30·3%) of 307 "
    "patients with ECH-TH and 70 (22·7%) of 308 patients with ECL-TL (odds ratio 0·68 [95% CI "
    "0·47–0·97]; p=0·04). Grade 3–4 diarrhoea occurred in 21 (6·9%) patients in the ECL-TL "
    "group and in 11 (3·6%) patients in the ECH-TH group."
)
ECT = "cyclophosphamide+docetaxel+epirubicin"


def test_geparquinto_key_values_pinned(nlp):
    """Short forms defined after each alternative name the arms; the OR takes the P."""
    rows = _rows(nlp, GEPARQUINTO)
    assert _row(rows, 30.3)[:3] == ("pCR", "rate", 30.3)
    assert _row(rows, 30.3)[6] == f"{ECT}+trastuzumab"
    assert _row(rows, 22.7)[6] == f"{ECT}+lapatinib"
    assert _row(rows, 0.68) == ("pCR", "OR", 0.68, 0.47, 0.97, "0.04", None)
    assert _row(rows, 6.9)[6] == f"{ECT}+lapatinib"
    assert _row(rows, 3.6)[6] == f"{ECT}+trastuzumab"


TDM4374G = (
    "A Phase II Study of Trastuzumab Emtansine in Patients With Human Epidermal Growth Factor "
    "Receptor 2-Positive Metastatic Breast Cancer Who Were Previously Treated With Trastuzumab, "
    "Lapatinib, an Anthracycline, a Taxane, and Capecitabine\n\n"
    "Purpose\nThis single-arm phase II study (TDM4374g) evaluated T-DM1 in patients with "
    "HER2-positive metastatic breast cancer previously treated with standard HER2-directed "
    "therapies.\n\n"
    "Patients and Methods\nPatients who had received trastuzumab and lapatinib and at least two "
    "HER2-directed regimens in the metastatic setting received T-DM1 3.6 mg/kg intravenously "
    "every 3 weeks. The primary end points were objective response rate (ORR) by independent "
    "review and safety.\n\n"
    "Results\nOf 110 patients treated, 84.5% had received at least five prior agents for "
    "metastatic disease. The ORR by independent review was 34.5% (95% CI, 26.1% to 43.9%), and "
    "the clinical benefit rate was 48.2% (95% CI, 38.8% to 57.7%). Median duration of response "
    "was 7.2 months (95% CI, 4.6 months to not estimable) and median progression-free survival "
    "was 6.9 months (95% CI, 4.2 to 8.4 months). The most common grade 3 or higher adverse "
    "events were thrombocytopenia (9.1%), fatigue (4.5%), and cellulitis (3.6%)."
)


def test_tdm4374g_key_values_pinned(nlp):
    """A single-arm study: whole-population values, arm null; a "not estimable" bound is
    null; the share of pretreated patients is no value."""
    rows = _rows(nlp, TDM4374G)
    assert _row(rows, 34.5) == ("ORR", "rate", 34.5, 26.1, 43.9, None, None)
    assert _row(rows, 48.2)[:5] == ("CBR", "rate", 48.2, 38.8, 57.7)
    assert _row(rows, 7.2) == ("DOR", "median", 7.2, 4.6, None, None, None)
    assert _row(rows, 6.9)[:5] == ("PFS", "median", 6.9, 4.2, 8.4)
    assert [r[2] for r in rows if r[0] == "AE_G3"] == [9.1, 4.5, 3.6]
    assert 84.5 not in [r[2] for r in rows]


TBCRC006 = (
    "Multicenter Phase II Study of Neoadjuvant Lapatinib and Trastuzumab With Hormonal Therapy "
    "and Without Chemotherapy in Patients With Human Epidermal Growth Factor Receptor "
    "2-Overexpressing Breast Cancer: TBCRC 006\n\n"
    "Patients and Methods\nPatients with stage II-III HER2-positive breast cancer received 12 "
    "weeks of lapatinib 1,000 mg daily plus trastuzumab (4 mg/kg loading dose, then 2 mg/kg "
    "weekly). Patients with estrogen receptor-positive tumors also received letrozole 2.5 mg "
    "daily, with ovarian suppression if premenopausal. The primary end point was in-breast "
    "pCR.\n\n"
    "Results\nSixty-six patients were enrolled and 64 were evaluable. The in-breast pCR rate "
    "was 27% (17 of 64). pCR was achieved in 21% of patients with ER-positive tumors and 36% of "
    "those with ER-negative tumors. The most common grade 3 adverse events were diarrhea (3%) "
    "and elevated liver enzymes (8%)."
)


def test_tbcrc006_key_values_pinned(nlp):
    """Subgroups by receptor status are no arms; every value is the population's."""
    ex = extract_document(Document(id="t", text=TBCRC006), nlp)
    assert ex.drugs == ["lapatinib", "letrozole", "trastuzumab"]
    assert ex.trials == ["TBCRC 006"]
    rows = _rows(nlp, TBCRC006)
    assert [(r[0], r[2], r[6]) for r in rows if r[0] == "pCR"] == [
        ("pCR", 27.0, None),
        ("pCR", 21.0, None),
        ("pCR", 36.0, None),
    ]
