"""Fresh round 90c: group lists and their order. "The incidence of grade ≥3 diarrhoea in group
A, group B and group C was 23.3%, 26.7% and 13.3%" (no "respectively") left the rates without
an arm: only the items of a list joined by a list word were read as listed, so "group A," fell
out of the list; "among the three groups (35.0%, 32.1% and 38.4%)" took the order of the
sentence before ("group C ... than that in groups A and B") when the design's registry held
more arms than its lettered groups."""

from __future__ import annotations

from extract_helpers import ARM_ROW, P_ROW, arm_of, row_with, rows_of
from test_extract_fresh_r90a import LAP_CAP, PYR_CAP, PYR_CAP_TRA, TCBH, TITLED_GROUPS

TCBH_STUDY = (
    "Efficacy and safety of pertuzumab or pyrotinib combined with TCbH neoadjuvant therapy in "
    "HER2-positive breast cancer: a retrospective comparative study\n\nObjective: To compare t"
    "he efficacy and safety of neoadjuvant TCbH (docetaxel, carboplatin and trastuzumab) alone"
    " or combined with pertuzumab or pyrotinib in patients with HER2-positive breast cancer.\nM"
    "ethods: The clinical data of 214 patients with HER2-positive breast cancer who received 6"
    " cycles of neoadjuvant therapy at our hospital from January 2019 to December 2022 were re"
    "trospectively analyzed. According to the regimen, patients were divided into group A (TCb"
    "H, n=60), group B (TCbH plus pertuzumab, n=81) and group C (TCbH plus pyrotinib 400 mg/d,"
    " n=73). The total pathological complete response (tpCR) rate, objective response rate (OR"
    "R) and adverse reactions were compared among the three groups.\nResults: The tpCR rates o"
    "f groups A, B and C were 38.3% (23/60), 60.5% (49/81) and 63.0% (46/73), respectively, an"
    "d the difference was statistically significant (χ²=9.87, P=0.007). The ORR was 86.7%, 95."
    "1% and 94.5%, respectively (P=0.146). Multivariate logistic regression analysis showed th"
    "at hormone receptor-negative status (OR=2.61, 95%CI: 1.42-4.80, P=0.002) was an independ"
    "ent predictor of tpCR. The incidence of diarrhea in group C was significantly higher than"
    " that in groups A and B (87.7% vs 21.7% and 28.4%, P<0.001), and grade 3 diarrhea occurre"
    "d in 17.8% of patients in group C. There was no significant difference in the incidence o"
    "f grade ≥3 neutropenia among the three groups (35.0%, 32.1% and 38.4%, P=0.732).\nConclus"
    "ion: Adding pertuzumab or pyrotinib to TCbH neoadjuvant therapy improves the tpCR rate of"
    " HER2-positive breast cancer with similar efficacy; diarrhoea associated with pyrotinib r"
    "equires active management."
)
TCBH_P = "carboplatin+docetaxel+pertuzumab+trastuzumab"
TCBH_Y = "carboplatin+docetaxel+pyrotinib+trastuzumab"
_DIARRHOEA = "in group A, group B and group C was 23.3%, 26.7% and 13.3%"


def test_comma_listed_groups_pair_in_order(nlp):
    """ "in group A, group B and group C was 23.3%, 26.7% and 13.3%": the values pair with the
    listed groups in order, as "respectively" would."""
    rows = rows_of(nlp, TITLED_GROUPS, ARM_ROW)
    assert [arm_of(rows, v) for v in (23.3, 26.7, 13.3)] == [PYR_CAP, PYR_CAP_TRA, LAP_CAP]


def test_comma_listed_groups_of_plural_head(nlp):
    """ "of groups A, B and C were 23.3%, 26.7% and 13.3%" pairs in order too."""
    text = TITLED_GROUPS.replace(_DIARRHOEA, "of groups A, B and C were 23.3%, 26.7% and 13.3%")
    rows = rows_of(nlp, text, ARM_ROW)
    assert [arm_of(rows, v) for v in (23.3, 26.7, 13.3)] == [PYR_CAP, PYR_CAP_TRA, LAP_CAP]


def test_own_pairing_after_two_groups_kept(nlp):
    """Negative: "in group A and group B was 23.3%, while 13.3% in group C": 13.3 is group
    C's, not the third of a list."""
    text = TITLED_GROUPS.replace(
        _DIARRHOEA + ", and the differences",
        "in group A and group B was 23.3%, while 13.3% in group C, and the differences",
    )
    rows = rows_of(nlp, text, ARM_ROW)
    assert arm_of(rows, 13.3) == LAP_CAP
    assert arm_of(rows, 23.3) != LAP_CAP


def test_count_of_groups_pairs_nothing(nlp):
    """Negative: "in the 3 groups was 23.3%" names no group of the value."""
    text = TITLED_GROUPS.replace(_DIARRHOEA, "in 3 groups was 23.3%")
    rows = rows_of(nlp, text, ARM_ROW)
    assert arm_of(rows, 23.3) is None


def test_list_of_other_length_pairs_nothing(nlp):
    """Negative: two values after three comma-listed groups pair with none of them."""
    text = TITLED_GROUPS.replace(_DIARRHOEA, "in group A, group B and group C was 23.3% and 26.7%")
    rows = rows_of(nlp, text, ARM_ROW)
    assert [arm_of(rows, v) for v in (23.3, 26.7)] == [None, None]


def test_among_the_groups_takes_design_order_in_full_study(nlp):
    """ "among the three groups (35.0%, 32.1% and 38.4%, P=0.732)" after "in group C ... than
    that in groups A and B": the lettered groups' order A, B, C, each with the P."""
    rows = rows_of(nlp, TCBH_STUDY, P_ROW)
    assert [arm_of(rows, v) for v in (35.0, 32.1, 38.4)] == [TCBH, TCBH_P, TCBH_Y]
    assert [row_with(rows, v).p for v in (35.0, 32.1, 38.4)] == ["0.732"] * 3


def test_one_against_the_others_keeps_its_order(nlp):
    """ "in group C ... than that in groups A and B (87.7% vs 21.7% and 28.4%)": C, A, B."""
    rows = rows_of(nlp, TCBH_STUDY, ARM_ROW)
    assert [arm_of(rows, v) for v in (87.7, 21.7, 28.4)] == [TCBH_Y, TCBH, TCBH_P]


def test_own_respectively_order_kept_in_full_study(nlp):
    """Negative: "in groups C, A and B (..., respectively)" keeps its own order."""
    text = TCBH_STUDY.replace(
        "among the three groups (35.0%, 32.1% and 38.4%, P=0.732)",
        "in groups C, A and B (35.0%, 32.1% and 38.4%, respectively; P=0.732)",
    )
    rows = rows_of(nlp, text, ARM_ROW)
    assert [arm_of(rows, v) for v in (35.0, 32.1, 38.4)] == [TCBH_Y, TCBH, TCBH_P]
