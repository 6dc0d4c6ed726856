"""Round 79a: randomised titles that still interfere with the Methods design. Two abstracts came
out right without their title and wrong with it. "Randomized Phase II Trial of A Versus A-B"
defined both arms, so the Methods' "randomly assigned to A (control arm) ... with or without B
(experimental arm)" was no longer read as an add-on design (two arms were defined already): its
labels went to A and to a new arm of B alone. "Shorter versus 12 months of X: a ... meta-analysis
of randomised trials" was no compared-durations design (only "N versus M months of" was), so
the title's arm kept the body's duration design from naming "with shorter" and "with 12-month
treatment"."""

from __future__ import annotations

from extract_helpers import ARM_ROW, arm_of, registry_of, rows_of

CP = "carboplatin+paclitaxel"
CPT = "carboplatin+paclitaxel+trastuzumab"

ADD_ON_METHODS = (
    "Eligible patients with stage III or IV primary disease or recurrent disease were randomly "
    "assigned to receive carboplatin-paclitaxel (control arm) for six cycles with or without "
    "intravenous trastuzumab (experimental arm), with trastuzumab continued as maintenance until "
    "progression or prohibitive toxicity. Median PFS was 8.0 months in the control arm and 12.6 "
    "months in the experimental arm (hazard ratio [HR], 0.44; 90% CI, 0.26 to 0.76; P = .005)."
)
ADD_ON_TITLE = (
    "Randomized Phase II Trial of Carboplatin-Paclitaxel Versus "
    "Carboplatin-Paclitaxel-Trastuzumab in Uterine Serous Carcinomas That Overexpress Human "
    "Epidermal Growth Factor Receptor 2/neu\n\n"
)


def test_with_or_without_labels_name_the_title_arms(nlp):
    """A title's "A versus A-B", then "randomly assigned to A (control arm) with or without B
    (experimental arm)": the labels name the title's two arms (the same as the Methods' ones),
    not A and an arm of B alone."""
    rows = rows_of(nlp, ADD_ON_TITLE + ADD_ON_METHODS, ARM_ROW)
    assert arm_of(rows, 8.0) == CP
    assert arm_of(rows, 12.6) == CPT


def test_with_or_without_restating_defines_no_arm(nlp):
    """The restating with-or-without sentence adds no arm: two arms, A and A+B."""
    reg = registry_of(nlp, ADD_ON_TITLE + ADD_ON_METHODS)
    assert sorted(a.name for a in reg.arms) == [CP, CPT]


def test_with_or_without_after_other_title_arms_still_not_a_design(nlp):
    """Negative: after a title that defined two other arms (A versus C), "randomly assigned to
    A with or without B" restates no arm pair: "experimental arm" is given no arm of A+B."""
    text = (
        "Randomized Trial of Carboplatin-Paclitaxel Versus Docetaxel in Uterine Serous "
        "Carcinoma\n\n" + ADD_ON_METHODS
    )
    reg = registry_of(nlp, text)
    assert [a.name for a in reg.arms if "experimental" in a.labels] != [CPT]


SHORTER_BODY = (
    "We searched MEDLINE, Embase and congress proceedings to June 2019 for randomised trials "
    "comparing shorter (9 weeks to 6 months) with 12 months of trastuzumab in HER2-positive "
    "early breast cancer and pooled hazard ratios (HRs) with random-effects models. The pooled "
    "5-year DFS rates were 86.0% with shorter and 87.6% with 12-month treatment. Cardiac events "
    "occurred in 3.2% and 6.5% of patients, respectively (risk ratio 0.53, 95% CI 0.38-0.74)."
)
SHORTER_TITLE = (
    "Shorter versus 12 months of adjuvant trastuzumab for HER2-positive early breast cancer: a "
    "systematic review and meta-analysis of randomised trials\n\n"
)


def test_relative_versus_duration_title_compares_durations(nlp):
    """ "Shorter versus 12 months of X" in a title compares two durations of X (as "9 weeks
    versus 1 year of X" does): every duration group's value is X's."""
    rows = rows_of(nlp, SHORTER_TITLE + SHORTER_BODY, ARM_ROW)
    for value in (86.0, 87.6, 3.2, 6.5):
        assert arm_of(rows, value) == "trastuzumab"


def test_relative_versus_duration_title_counts_two_groups(nlp):
    """The title and the body define one regimen and two duration groups."""
    reg = registry_of(nlp, SHORTER_TITLE + SHORTER_BODY)
    assert [a.name for a in reg.arms] == ["trastuzumab"]
    assert reg.duration_groups == 2


def test_relative_adjective_before_a_drug_is_no_duration_pair(nlp):
    """Negative: "longer OS versus 12 months of X" needs the relative word to stand alone as a
    duration; "extended adjuvant neratinib versus placebo after 12 months of trastuzumab"
    compares two drugs, not two durations."""
    text = (
        "Extended adjuvant neratinib versus placebo after 12 months of trastuzumab: a "
        "randomised trial\n\n"
        "Patients were randomly assigned to neratinib or placebo. The 2-year iDFS rate was "
        "94.2% in the neratinib group and 91.9% in the placebo group."
    )
    reg = registry_of(nlp, text)
    assert reg.duration_groups <= 1
    rows = rows_of(nlp, text, ARM_ROW)
    assert arm_of(rows, 94.2) == "neratinib"
