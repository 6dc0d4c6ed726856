"""Round 85b: add-on short forms as arms, a title's "A vs B With C", "X, Y or both", crossover
periods. "Adding X to Y (X-Y)" gave the bracket to Y alone; a title's "Weekly Paclitaxel vs
Docetaxel With Pertuzumab and Trastuzumab" added a paclitaxel-only arm beside the body's two;
"X, Y or both with chemotherapy" left "the combination" unread, the chemotherapy read as a
drugless arm; a crossover's "A followed by B (arm A) or the reverse sequence (arm B)" was one
arm of both periods' drugs, and "during the SC periods" named no arm."""

from __future__ import annotations

from extract_helpers import ARM_ROW, arm_of, arms_with, rows_of

CROSSOVER = (
    "IMPORTANCE A fixed-dose combination of pertuzumab and trastuzumab with hyaluronidase for "
    "subcutaneous (SC) injection (PH FDC SC) shortens administration time. OBJECTIVE To assess "
    "patient preference for PH FDC SC vs intravenous (IV) pertuzumab and trastuzumab (P + H "
    "IV) during adjuvant treatment. INTERVENTIONS Patients were randomized 1:1 to 3 cycles of "
    "PH FDC SC followed by 3 cycles of P + H IV (arm A) or the reverse sequence (arm B), after "
    "which they chose the route for the remaining adjuvant cycles. RESULTS Adverse events were "
    "reported by 71.3% of patients during the SC periods and 58.1% during the IV periods; "
    "grade 3 or higher adverse events occurred in 2.5% and 1.9%, respectively. Injection-site "
    "reactions occurred in 14.4% of patients during SC administration."
)
FDC = "pertuzumab/trastuzumab/hyaluronidase"
PH = "pertuzumab+trastuzumab"

ADD_ON = (
    "In this randomized trial, adding atezolizumab to docetaxel and trastuzumab (A-DH) "
    "improved the pCR rate compared with docetaxel and trastuzumab (DH). The pCR rates were "
    "61.0% with A-DH and 44.2% with DH."
)

TITLE_WITH = (
    "Eribulin vs Vinorelbine With Trastuzumab as Second-line Treatment: A Randomized Trial\n\n"
    "Patients were randomized to eribulin plus trastuzumab (EH group) or vinorelbine plus "
    "trastuzumab (VH group). The objective response rate was 38.2% in the EH group and 30.1% "
    "in the VH group, and neutropenia occurred in 12.0% of patients in both groups."
)


def test_crossover_periods_carry_their_route_regimen(nlp):
    """ "during the SC periods" / "during the IV periods": the route's regimen, the
    fixed-dose combination its lexicon entry."""
    rows = rows_of(nlp, CROSSOVER, ARM_ROW)
    assert arm_of(rows, 71.3) == FDC
    assert arm_of(rows, 58.1) == PH


def test_crossover_respectively_pair_follows_the_periods(nlp):
    """The "respectively" pair after the SC/IV pair: SC then IV, never one arm of both."""
    rows = rows_of(nlp, CROSSOVER, ARM_ROW)
    assert arm_of(rows, 2.5) == FDC
    assert arm_of(rows, 1.9) == PH


def test_crossover_route_administration_names_the_route_arm(nlp):
    """ "during SC administration": the SC period's regimen."""
    assert arm_of(rows_of(nlp, CROSSOVER, ARM_ROW), 14.4) == FDC


def test_crossover_sequence_is_no_arm_of_both_periods(nlp):
    """No value carries the drugs of both periods joined (a sequence given in turn)."""
    arms = {r[-1] for r in rows_of(nlp, CROSSOVER, ARM_ROW)}
    assert not any(a and FDC in a and "+" in a for a in arms)


def test_plain_sequence_design_keeps_its_sequence_arms(nlp):
    """Negative: "A followed by B or C followed by B" (no reverse sequence) keeps each
    sequence one arm."""
    text = (
        "Patients were randomized to epirubicin followed by docetaxel plus trastuzumab or "
        "carboplatin followed by docetaxel plus trastuzumab. The pCR rate was 55.0% with "
        "epirubicin and 48.0% with carboplatin."
    )
    rows = rows_of(nlp, text, ARM_ROW)
    assert arm_of(rows, 55.0) == "docetaxel+epirubicin+trastuzumab"
    assert arm_of(rows, 48.0) == "carboplatin+docetaxel+trastuzumab"


def test_route_period_without_route_arms_names_no_arm(nlp):
    """Negative: "during IV administration" where no arm is labelled by a route names none."""
    text = (
        "Patients were randomized to pertuzumab plus trastuzumab or trastuzumab alone. "
        "Grade 3 adverse events occurred in 8.0% of patients during IV administration."
    )
    assert arms_with(rows_of(nlp, text, ARM_ROW), 8.0) == [None]


def test_add_on_short_form_after_the_backbone_names_the_add_on_arm(nlp):
    """ "adding atezolizumab to docetaxel and trastuzumab (A-DH)": A-DH is the add-on arm,
    DH the backbone."""
    rows = rows_of(nlp, ADD_ON, ARM_ROW)
    assert arm_of(rows, 61.0) == "atezolizumab+docetaxel+trastuzumab"
    assert arm_of(rows, 44.2) == "docetaxel+trastuzumab"


def test_title_versus_with_partner_adds_no_bare_arm(nlp):
    """ "Eribulin vs Vinorelbine With Trastuzumab": the body's two arms hold the partner, so
    "both groups" reports 12.0 once per arm, no eribulin-only arm."""
    rows = rows_of(nlp, TITLE_WITH, ARM_ROW)
    assert arm_of(rows, 38.2) == "eribulin+trastuzumab"
    assert sorted(arms_with(rows, 12.0)) == ["eribulin+trastuzumab", "trastuzumab+vinorelbine"]


def test_title_bare_arm_is_read_as_the_body_arm_holding_it(nlp):
    """ "Pyrotinib vs Lapatinib With Capecitabine": "with pyrotinib" is the body's
    pyrotinib-plus-capecitabine arm, not a pyrotinib-only arm of the title."""
    text = (
        "Pyrotinib vs Lapatinib With Capecitabine: A Randomized Phase 3 Trial\n\n"
        "Patients were randomized to pyrotinib plus capecitabine or lapatinib plus "
        "capecitabine. Median PFS was 12.5 months with pyrotinib and 6.8 months with "
        "lapatinib."
    )
    rows = rows_of(nlp, text, ARM_ROW)
    assert arm_of(rows, 12.5) == "capecitabine+pyrotinib"
    assert arm_of(rows, 6.8) == "capecitabine+lapatinib"


def test_or_both_with_chemotherapy_names_the_combination(nlp):
    """ "trials of chemotherapy with lapatinib, trastuzumab or both": "with the combination"
    is lapatinib+trastuzumab though chemotherapy was read as an arm of its own."""
    text = (
        "Lapatinib, trastuzumab or their combination with chemotherapy: a meta-analysis\n\n"
        "We searched for randomised trials of chemotherapy with lapatinib, trastuzumab or "
        "both. Pooled pCR rates were 22.0% with lapatinib plus chemotherapy, 31.0% with "
        "trastuzumab plus chemotherapy and 47.0% with the combination."
    )
    assert arm_of(rows_of(nlp, text, ARM_ROW), 47.0) == "lapatinib+trastuzumab"
