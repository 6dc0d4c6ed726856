"""Left-overs of round 24, arms. A real-world study that shares one drug's patients out among
partners ("Pyrotinib was combined with capecitabine in 102 patients, with vinorelbine in 38 and
with trastuzumab in 28") defined no arms, so "9.4 months with capecitabine" took capecitabine
alone. A modular study's colon design ("module 0: T-DXd alone; module 1: T-DXd plus
pertuzumab") was read as no design, and "T-DXd alone or combined with pertuzumab, durvalumab,
paclitaxel or tucatinib" gave T-DXd to the pertuzumab module only. HERA's "Cardiac end points
occurred in 0.9%, 4.1% and 7.2% of patients, respectively" took no arms from the design
sentence before it, whose groups (observation, 1 year and 2 years of trastuzumab) it lists in
order."""

from __future__ import annotations

from extract_helpers import ARM_ROW, arm_of, registry_of, rows_of

PYROTINIB = (
    "Pyrotinib-based therapy in HER2-positive metastatic breast cancer: a real-world study\n\n"
    "This multicentre retrospective study included 168 patients with HER2-positive metastatic "
    "breast cancer treated with pyrotinib. Pyrotinib was combined with capecitabine in 102 "
    "patients, with vinorelbine in 38 and with trastuzumab in 28. The median progression-free "
    "survival was 8.3 months overall. Median PFS was 9.4 months with capecitabine and 6.9 "
    "months with vinorelbine (P = 0.041)."
)
PC = "capecitabine+pyrotinib"
PV = "pyrotinib+vinorelbine"


def _arm_names(nlp, text: str) -> list[str | None]:
    return [a.name for a in registry_of(nlp, text).arms]


def test_partners_counted_in_patients_are_arms_of_the_drug_with_each(nlp):
    """ "X was combined with A in 102 patients, with B in 38 and with C in 28": the arms are X
    plus each partner, so "with capecitabine" names capecitabine plus pyrotinib."""
    assert _arm_names(nlp, PYROTINIB) == [PC, PV, "pyrotinib+trastuzumab"]
    rows = rows_of(nlp, PYROTINIB, ARM_ROW)
    assert arm_of(rows, 9.4) == PC
    assert arm_of(rows, 6.9) == PV
    assert arm_of(rows, 8.3) is None


def test_partners_counted_by_n_in_brackets(nlp):
    """The counts may be "(n = 102)" after each partner of "was given with A, B or C"."""
    text = (
        "Pyrotinib in routine practice\n\n"
        "We reviewed 168 patients. Pyrotinib was given with capecitabine (n = 102), vinorelbine "
        "(n = 38) or trastuzumab (n = 28). Median PFS was 9.4 months with capecitabine and 6.9 "
        "months with vinorelbine."
    )
    rows = rows_of(nlp, text, ARM_ROW)
    assert arm_of(rows, 9.4) == PC
    assert arm_of(rows, 6.9) == PV


def test_first_partner_joined_by_plus(nlp):
    """ "Pyrotinib plus capecitabine was given in 102 patients (60.7%), plus vinorelbine in 38":
    the first partner stands in one regimen with the drug, the others follow "plus"."""
    text = (
        "Pyrotinib in routine practice\n\n"
        "We reviewed 168 patients. Pyrotinib plus capecitabine was given in 102 patients "
        "(60.7%), plus vinorelbine in 38 (22.6%) and plus trastuzumab in 28 (16.7%). Median PFS "
        "was 9.4 months with capecitabine and 6.9 months with vinorelbine."
    )
    rows = rows_of(nlp, text, ARM_ROW)
    assert arm_of(rows, 9.4) == PC
    assert arm_of(rows, 6.9) == PV


def test_a_partner_naming_no_drug_adds_no_arm(nlp):
    """ "... and with other chemotherapy in 28": that share names no drug, so no arm of
    pyrotinib alone; the named partners' arms stay."""
    text = PYROTINIB.replace("with trastuzumab in 28", "with other chemotherapy in 28")
    assert _arm_names(nlp, text) == [PC, PV]


def test_one_counted_partner_is_no_distribution(nlp):
    """Negative: one partner with its count ("combined with capecitabine in 102 patients")
    shares nothing out; the arms are read as before."""
    text = (
        "Pyrotinib in routine practice\n\n"
        "We reviewed 168 patients treated with pyrotinib. Pyrotinib was combined with "
        "capecitabine in 102 patients. Median PFS was 9.4 months with capecitabine."
    )
    assert PC not in _arm_names(nlp, text)


def test_a_randomised_design_is_not_replaced_by_a_distribution(nlp):
    """Negative: after a randomisation defined the arms, counts of a drug's partners describe
    those arms' patients and add none."""
    text = (
        "Pyrotinib or lapatinib with capecitabine\n\n"
        "Patients were randomly assigned to pyrotinib plus capecitabine or lapatinib plus "
        "capecitabine. Capecitabine was combined with pyrotinib in 102 patients and with "
        "lapatinib in 98. Median PFS was 12.5 months with pyrotinib and 6.8 months with "
        "lapatinib."
    )
    assert _arm_names(nlp, text) == [PC, "capecitabine+lapatinib"]


TDXD = "trastuzumab deruxtecan"
TDXD_P = f"pertuzumab+{TDXD}"

MODULES_COLON = (
    "Trastuzumab deruxtecan combinations (DESTINY-Breast07)\n\n"
    "Patients were assigned to module 0: T-DXd alone; module 1: T-DXd plus pertuzumab. ORR was "
    "76% in module 0 and 84% in module 1."
)


def test_colon_modules_are_lettered_arms(nlp):
    """ "module 0: A; module 1: A plus B" defines two arms as "arm 1: ...; arm 2: ..." does,
    numbered from 0 as modules are; "76% in module 0" is module 0's."""
    rows = rows_of(nlp, MODULES_COLON, ARM_ROW)
    assert arm_of(rows, 76.0) == TDXD
    assert arm_of(rows, 84.0) == TDXD_P


def test_colon_cohort_zero_is_a_label(nlp):
    """A cohort may be numbered 0 in a colon design too."""
    text = MODULES_COLON.replace("module", "cohort")
    rows = rows_of(nlp, text, ARM_ROW)
    assert arm_of(rows, 76.0) == TDXD
    assert arm_of(rows, 84.0) == TDXD_P


def test_one_colon_module_defines_no_design(nlp):
    """Negative: a single "module 1:" label is no list of arms."""
    text = (
        "Tucatinib combinations\n\n"
        "Patients were assigned to module 1: tucatinib plus trastuzumab and capecitabine. ORR "
        "was 76% in module 1."
    )
    assert arm_of(rows_of(nlp, text, ARM_ROW), 76.0) is None


DB07_LIST = (
    "Trastuzumab deruxtecan combinations (DESTINY-Breast07)\n\n"
    "DESTINY-Breast07 is a modular phase 1b/2 study. Patients received T-DXd alone or combined "
    "with pertuzumab, durvalumab, paclitaxel or tucatinib (modules 0-4). The confirmed ORR was "
    "76% in module 0 and 84% in module 1."
)


def test_every_listed_partner_of_alone_or_combined_takes_the_drug(nlp):
    """ "A alone or combined with B, C, D or E": each partner's arm is A plus that partner, not
    the partner alone."""
    assert _arm_names(nlp, DB07_LIST) == [
        TDXD,
        TDXD_P,
        f"durvalumab+{TDXD}",
        f"paclitaxel+{TDXD}",
        f"{TDXD}+tucatinib",
    ]


def test_module_range_after_the_list_numbers_the_arms(nlp):
    """ "(modules 0-4)" after the five arms labels them 0 to 4 in order, so "76% in module 0"
    is T-DXd alone and "84% in module 1" T-DXd plus pertuzumab."""
    rows = rows_of(nlp, DB07_LIST, ARM_ROW)
    assert arm_of(rows, 76.0) == TDXD
    assert arm_of(rows, 84.0) == TDXD_P


def test_module_range_of_another_size_numbers_no_arm(nlp):
    """Negative: "(modules 1-3)" after five arms does not say which arm is which module."""
    text = DB07_LIST.replace("(modules 0-4)", "(modules 1-3)")
    rows = rows_of(nlp, text, ARM_ROW)
    assert arm_of(rows, 76.0) is None
    assert arm_of(rows, 84.0) is None


def test_labelled_partners_after_or_take_the_drug(nlp):
    """ "alone (module 0) or combined with pertuzumab (module 1) or tucatinib (module 2)": both
    partners carry a module label, so the list goes on past the bare "or"."""
    text = (
        "Trastuzumab deruxtecan combinations\n\n"
        "Patients received trastuzumab deruxtecan alone (module 0) or combined with pertuzumab "
        "(module 1) or tucatinib (module 2). The ORR was 76% in module 0, 84% in module 1 and "
        "60% in module 2."
    )
    assert arm_of(rows_of(nlp, text, ARM_ROW), 60.0) == f"{TDXD}+tucatinib"


def test_an_arm_after_or_with_its_own_drugs_is_no_partner(nlp):
    """Negative: in "A alone or with B, or C plus D" the last regimen is an arm of its own (no
    comma-listed partner before it), not A plus C plus D."""
    text = (
        "Trastuzumab emtansine\n\n"
        "Patients were randomly assigned to T-DM1 alone or with pertuzumab, or trastuzumab plus "
        "docetaxel."
    )
    assert "docetaxel+trastuzumab" in _arm_names(nlp, text)


HERA = (
    "Trastuzumab after adjuvant chemotherapy (HERA)\n\n"
    "Patients were randomly assigned to observation, 1 year of trastuzumab or 2 years of "
    "trastuzumab. Grade 3-4 adverse events occurred in 8.9%, 16.3% and 20.4% of patients, "
    "respectively."
)


def test_respectively_follows_the_design_list_before_it(nlp):
    """A "respectively" list of as many values as the randomisation before it listed groups
    takes those groups in order: observation (no drug, null), then the two durations of
    trastuzumab, both named "trastuzumab" (arms are named by their drugs)."""
    rows = rows_of(nlp, HERA, ARM_ROW)
    assert [r.arm for r in rows] == [None, "trastuzumab", "trastuzumab"]


def test_respectively_follows_a_scheduled_design_list(nlp):
    """The groups may carry schedules ("trastuzumab once every 3 weeks for 1 year, or
    trastuzumab for 2 years")."""
    text = HERA.replace(
        "1 year of trastuzumab or 2 years of trastuzumab",
        "trastuzumab once every 3 weeks for 1 year, or trastuzumab for 2 years",
    )
    assert [r.arm for r in rows_of(nlp, text, ARM_ROW)] == [None, "trastuzumab", "trastuzumab"]


def test_respectively_after_a_three_drug_design_list(nlp):
    """The same for three regimens of drugs ("A, A plus B or A plus B plus C"), where the
    comparison read from the design was its last two arms only."""
    text = (
        "Docetaxel with trastuzumab and pertuzumab\n\n"
        "Patients were randomly assigned to docetaxel, docetaxel plus trastuzumab or docetaxel "
        "plus trastuzumab plus pertuzumab. The ORR was 40%, 55% and 70%, respectively."
    )
    assert [r.arm for r in rows_of(nlp, text, ARM_ROW)] == [
        "docetaxel",
        "docetaxel+trastuzumab",
        "docetaxel+pertuzumab+trastuzumab",
    ]


def test_respectively_with_another_count_takes_no_design_order(nlp):
    """Negative: three values after a design of two groups are not the design's."""
    text = (
        "Trastuzumab after adjuvant chemotherapy\n\n"
        "Patients were randomly assigned to observation or 1 year of trastuzumab. Grade 3-4 "
        "adverse events occurred in 8.9%, 16.3% and 20.4% of patients, respectively."
    )
    assert [r.arm for r in rows_of(nlp, text, ARM_ROW)] == [None, None, None]


def test_respectively_not_right_after_the_design_takes_no_design_order(nlp):
    """Negative: only the sentence right after the design lists its groups in order."""
    text = HERA.replace("trastuzumab. Grade", "trastuzumab. The median age was 49 years. Grade")
    assert [r.arm for r in rows_of(nlp, text, ARM_ROW)] == [None, None, None]
