"""Round 73a: backbones before labelled arms, amended short forms, cohort brackets. A backbone
written once before a comma list of dosed, labelled partners ("T and P with docetaxel 75 mg/m2
(arm A), paclitaxel 80 mg/m2 (arm B) or vinorelbine ... (arm C)") reached the first arm only;
short forms an amendment defines "respectively" for the arms with an added drug ("(EDH and
EDCH, respectively)") named no arm, and "Both groups also received trastuzumab (TCH and TCbH,
respectively)" gave every arm the drugs the lexicon reads in those names; cohorts defined by a
bracket after "enrolled into cohort 1 (...)", a population first ("trastuzumab-sensitive disease;
X plus Y"), were no arms; and a dosed backbone before "with X (arm A) or without X (arm B)" made
the control arm X."""

from __future__ import annotations

from extract_helpers import P_ROW, arm_of, registry_of, rows_of

PHT = "pertuzumab+trastuzumab"

THREE_PARTNERS = (
    "Trastuzumab and pertuzumab with three chemotherapy partners in HER2-positive metastatic "
    "breast cancer\n\n"
    "In this phase II trial, patients were randomised 1:1:1 to trastuzumab and pertuzumab with "
    "{a} (arm A), {b} (arm B) or {c} (arm C) for at least six cycles, followed by trastuzumab "
    "and pertuzumab maintenance. Median PFS was 19 months in arm A, 21 months in arm B and 18 "
    "months in arm C. ORR was 80%, 83% and 74%, respectively."
)


def _three_partners(a: str, b: str, c: str) -> str:
    return THREE_PARTNERS.format(a=a, b=b, c=c)


def test_backbone_joins_every_dosed_labelled_partner(nlp):
    """ "T and P with docetaxel 75 mg/m2 every 3 weeks (arm A), paclitaxel 80 mg/m2 weekly (arm
    B) or vinorelbine 25 mg/m2 on days 1 and 8 (arm C)": each arm is its partner plus T and P."""
    text = _three_partners(
        "docetaxel 75 mg/m2 every 3 weeks",
        "paclitaxel 80 mg/m2 weekly",
        "vinorelbine 25 mg/m2 on days 1 and 8",
    )
    rows = rows_of(nlp, text, P_ROW)
    assert arm_of(rows, 19) == "docetaxel+" + PHT
    assert arm_of(rows, 21) == "paclitaxel+" + PHT
    assert arm_of(rows, 18) == PHT + "+vinorelbine"
    assert arm_of(rows, 83) == "paclitaxel+" + PHT
    assert arm_of(rows, 74) == PHT + "+vinorelbine"


def test_backbone_joins_partners_with_doses_only(nlp):
    """The same with doses and no schedules ("docetaxel 75 mg/m2 (arm A), ...")."""
    text = _three_partners("docetaxel 75 mg/m2", "paclitaxel 80 mg/m2", "vinorelbine 25 mg/m2")
    rows = rows_of(nlp, text, P_ROW)
    assert arm_of(rows, 21) == "paclitaxel+" + PHT
    assert arm_of(rows, 18) == PHT + "+vinorelbine"


def test_undosed_labelled_partners_keep_the_backbone(nlp):
    """Pin: without doses the list already carried the backbone to every arm."""
    rows = rows_of(nlp, _three_partners("docetaxel", "paclitaxel", "vinorelbine"), P_ROW)
    assert arm_of(rows, 21) == "paclitaxel+" + PHT


def test_lead_in_drug_before_randomisation_is_in_no_arm(nlp):
    """Negative: "All patients received trastuzumab; they were then randomised to docetaxel (arm
    A) or paclitaxel (arm B)": the lead-in is no part of the arms (gold README)."""
    text = (
        "Taxane partners after a trastuzumab lead-in\n\n"
        "All patients received trastuzumab; they were then randomised to docetaxel 75 mg/m2 "
        "(arm A), paclitaxel 80 mg/m2 (arm B) or vinorelbine 25 mg/m2 (arm C). Median PFS was "
        "19.2 months in arm A, 20.6 months in arm B and 17.5 months in arm C."
    )
    rows = rows_of(nlp, text, P_ROW)
    assert arm_of(rows, 19.2) == "docetaxel"
    assert arm_of(rows, 20.6) == "paclitaxel"


def test_dosed_comma_list_of_other_roles_is_not_shared(nlp):
    """Negative: "lapatinib plus capecitabine 1000 mg/m2 (arm A), docetaxel 75 mg/m2 (arm B) or
    trastuzumab emtansine (arm C)": the later arms are no capecitabine options, so lapatinib is
    not theirs."""
    text = (
        "Three regimens in HER2-positive metastatic breast cancer\n\n"
        "Patients were randomised to lapatinib plus capecitabine 1000 mg/m2 (arm A), docetaxel "
        "75 mg/m2 (arm B) or trastuzumab emtansine 3.6 mg/kg (arm C). Median PFS was 6.4 months "
        "in arm A, 7.0 months in arm B and 9.6 months in arm C."
    )
    rows = rows_of(nlp, text, P_ROW)
    assert arm_of(rows, 7.0) == "docetaxel"
    assert arm_of(rows, 9.6) == "trastuzumab emtansine"


AMENDED = (
    "Epirubicin and docetaxel with or without capecitabine as neoadjuvant therapy\n\n"
    "Patients were randomly assigned to epirubicin and docetaxel (ED) or ED plus capecitabine "
    "(EDC). After a protocol amendment, HER2-positive patients additionally received "
    "trastuzumab (EDH and EDCH, respectively). In HER2-positive patients, pCR was achieved in "
    "38% of patients receiving EDH and 56% of those receiving EDCH. The 5-year DFS was 84% with "
    "EDH and 87% with EDCH. Overall, pCR was 20% with ED and 24% with EDC."
)


def test_amended_short_forms_carry_the_added_drug(nlp):
    """ "HER2-positive patients additionally received trastuzumab (EDH and EDCH,
    respectively)": EDH is ED plus trastuzumab, EDCH is EDC plus trastuzumab."""
    rows = rows_of(nlp, AMENDED, P_ROW)
    assert arm_of(rows, 38) == "docetaxel+epirubicin+trastuzumab"
    assert arm_of(rows, 56) == "capecitabine+docetaxel+epirubicin+trastuzumab"
    assert arm_of(rows, 84) == "docetaxel+epirubicin+trastuzumab"
    assert arm_of(rows, 87) == "capecitabine+docetaxel+epirubicin+trastuzumab"


def test_amendment_leaves_the_design_arms_as_randomised(nlp):
    """Negative: the subgroup's addition is no drug of the randomised arms: "with ED" stays ED."""
    rows = rows_of(nlp, AMENDED, P_ROW)
    assert arm_of(rows, 20) == "docetaxel+epirubicin"
    assert arm_of(rows, 24) == "capecitabine+docetaxel+epirubicin"


def test_drug_added_to_both_arms_names_them_respectively(nlp):
    """ "trastuzumab was added to both arms (S1H and S2H, respectively)": each form is its arm
    (which now holds trastuzumab)."""
    text = (
        "Neoadjuvant chemotherapy with or without carboplatin\n\n"
        "Patients were randomised to paclitaxel followed by epirubicin and cyclophosphamide (S1) "
        "or paclitaxel plus carboplatin followed by epirubicin and cyclophosphamide (S2). For "
        "HER2-positive disease, trastuzumab was added to both arms (S1H and S2H, respectively). "
        "The pCR rate was 45% with S1H and 58% with S2H."
    )
    rows = rows_of(nlp, text, P_ROW)
    assert arm_of(rows, 45) == "cyclophosphamide+epirubicin+paclitaxel+trastuzumab"
    assert arm_of(rows, 58) == "carboplatin+cyclophosphamide+epirubicin+paclitaxel+trastuzumab"


BOTH_ALSO = (
    "Docetaxel with cyclophosphamide or carboplatin\n\n"
    "Patients were randomised to docetaxel and cyclophosphamide (TC) or docetaxel and "
    "carboplatin (TCb). Both groups also received trastuzumab (TCH and TCbH, respectively). The "
    "pCR rate was 45% with TCH and 58% with TCbH."
)


def test_both_groups_also_received_names_the_forms_respectively(nlp):
    """ "Both groups also received trastuzumab (TCH and TCbH, respectively)": TCH is the text's
    TC plus trastuzumab, not the lexicon's docetaxel, carboplatin and trastuzumab."""
    rows = rows_of(nlp, BOTH_ALSO, P_ROW)
    assert arm_of(rows, 45) == "cyclophosphamide+docetaxel+trastuzumab"
    assert arm_of(rows, 58) == "carboplatin+docetaxel+trastuzumab"


def test_forms_in_a_respectively_bracket_are_no_drugs_given_to_all(nlp):
    """Negative: the drugs the lexicon reads in "(TCH and TCbH, respectively)" are not given to
    every arm: the cyclophosphamide arm gets no carboplatin."""
    names = {a.name for a in registry_of(nlp, BOTH_ALSO).arms}
    assert names == {
        "cyclophosphamide+docetaxel+trastuzumab",
        "carboplatin+docetaxel+trastuzumab",
    }


def test_respectively_counts_after_a_drug_name_no_arm(nlp):
    """Negative: "trastuzumab was also given (n = 50 and n = 48, respectively)" names no form."""
    text = (
        "Epirubicin and docetaxel with or without capecitabine\n\n"
        "Patients were randomly assigned to epirubicin and docetaxel (ED) or ED plus capecitabine "
        "(EDC). HER2-positive patients also received trastuzumab (50 and 48 patients, "
        "respectively). pCR was 38% in the first group."
    )
    reg = registry_of(nlp, text)
    assert not reg.bare_forms and not reg.short_forms


COHORTS = (
    "Pyrotinib plus eribulin in HER2-positive metastatic breast cancer\n\n"
    "In this phase II study, patients were {verb} cohort 1 ({pop1}pyrotinib 400 mg once daily "
    "plus eribulin 1.4 mg/m2 on days 1 and 8) or cohort 2 ({pop2}pyrotinib plus eribulin plus "
    "trastuzumab). The ORR was 67% in cohort 1 and 55% in cohort 2. Median PFS was 10.2 months "
    "in cohort 1 and 7.9 months in cohort 2."
)


def _cohorts(verb: str = "enrolled into", pop1: str = "", pop2: str = "") -> str:
    return COHORTS.format(verb=verb, pop1=pop1, pop2=pop2)


def test_cohort_brackets_after_a_population_define_arms(nlp):
    """ "cohort 1 (trastuzumab-sensitive disease; pyrotinib ... plus eribulin ...) or cohort 2
    (progression within 6 months of trastuzumab-based therapy; pyrotinib plus eribulin plus
    trastuzumab)": the population's drug is prior therapy; the regimen follows the ";"."""
    text = _cohorts(
        pop1="trastuzumab-sensitive disease; ",
        pop2="progression within 6 months of trastuzumab-based therapy; ",
    )
    rows = rows_of(nlp, text, P_ROW)
    assert arm_of(rows, 67) == "eribulin+pyrotinib"
    assert arm_of(rows, 55) == "eribulin+pyrotinib+trastuzumab"
    assert arm_of(rows, 10.2) == "eribulin+pyrotinib"
    assert arm_of(rows, 7.9) == "eribulin+pyrotinib+trastuzumab"


def test_cohort_brackets_without_a_population_define_arms(nlp):
    """ "assigned to cohort 1 (X plus Y) or cohort 2 (X plus Y plus Z)": each cohort's regimen
    is named where it is defined, so its values carry it (gold README)."""
    rows = rows_of(nlp, _cohorts(verb="assigned to"), P_ROW)
    assert arm_of(rows, 67) == "eribulin+pyrotinib"
    assert arm_of(rows, 55) == "eribulin+pyrotinib+trastuzumab"


def test_group_brackets_with_a_receptor_status_first(nlp):
    """ "group A (HR-positive; pyrotinib plus capecitabine) or group B (HR-negative; ...)"."""
    text = (
        "Two-cohort study of pyrotinib\n\n"
        "Patients were enrolled into group A (HR-positive; pyrotinib plus capecitabine) or group "
        "B (HR-negative; pyrotinib plus capecitabine plus trastuzumab). The ORR was 60% in group "
        "A and 52% in group B."
    )
    rows = rows_of(nlp, text, P_ROW)
    assert arm_of(rows, 60) == "capecitabine+pyrotinib"
    assert arm_of(rows, 52) == "capecitabine+pyrotinib+trastuzumab"


def test_cohorts_of_populations_only_are_no_arms(nlp):
    """Negative: "cohort A (trastuzumab-pretreated disease) or cohort B (trastuzumab-naive
    disease) and received pyrotinib plus capecitabine": one regimen; the cohorts are
    populations, so their values have no arm."""
    text = (
        "Pyrotinib in two cohorts\n\n"
        "Patients were enrolled into cohort A (trastuzumab-pretreated disease) or cohort B "
        "(trastuzumab-naive disease) and received pyrotinib plus capecitabine. The ORR was 67% in "
        "cohort A and 55% in cohort B."
    )
    rows = rows_of(nlp, text, P_ROW)
    assert arm_of(rows, 67) is None
    assert arm_of(rows, 55) is None


WITH_OR_WITHOUT = (
    "Pyrotinib and capecitabine with or without trastuzumab\n\n"
    "Patients were randomly assigned to pyrotinib {d1}plus capecitabine {d2}with trastuzumab "
    "({x}) or without trastuzumab ({y}). Median PFS was 11.0 months in {rx} versus 8.3 months "
    "in {ry}."
)
PC = "capecitabine+pyrotinib"


def _with_or_without(dosed: bool, x: str, y: str, rx: str, ry: str) -> str:
    d1, d2 = ("400 mg daily ", "1000 mg/m2 twice daily on days 1-14 ") if dosed else ("", "")
    return WITH_OR_WITHOUT.format(d1=d1, d2=d2, x=x, y=y, rx=rx, ry=ry)


def test_dosed_backbone_with_or_without_labelled_arms(nlp):
    """ "pyrotinib 400 mg daily plus capecitabine 1000 mg/m2 ... with trastuzumab (arm A) or
    without trastuzumab (arm B)": arm B is the backbone, not trastuzumab."""
    text = _with_or_without(True, "arm A", "arm B", "arm A", "arm B")
    rows = rows_of(nlp, text, P_ROW)
    assert arm_of(rows, 11.0) == PC + "+trastuzumab"
    assert arm_of(rows, 8.3) == PC


def test_dosed_backbone_with_or_without_described_arms(nlp):
    """The same with "(experimental arm)" / "(control arm)"."""
    text = _with_or_without(
        True, "experimental arm", "control arm", "the experimental arm", "the control arm"
    )
    rows = rows_of(nlp, text, P_ROW)
    assert arm_of(rows, 11.0) == PC + "+trastuzumab"
    assert arm_of(rows, 8.3) == PC


def test_undosed_backbone_with_or_without_labelled_arms(nlp):
    """Pin: without doses, "(investigational group)" / "(control group)" were already read."""
    text = _with_or_without(
        False,
        "investigational group",
        "control group",
        "the investigational group",
        "the control group",
    )
    rows = rows_of(nlp, text, P_ROW)
    assert arm_of(rows, 11.0) == PC + "+trastuzumab"
    assert arm_of(rows, 8.3) == PC
