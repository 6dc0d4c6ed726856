"""Fresh round 67a: dose arms, reference products, cycle lists and P lists. Dose arms labelled
after each dose with the partner written once after the doses ("pyrotinib 320 mg (arm A) or 400
mg (arm B) plus capecitabine") gave arm B no regimen and arm A pyrotinib alone; "(400-mg group)"
did not name "the 400 mg group". A biosimilar against "the reference product (trastuzumab) plus
docetaxel" or "the proposed biosimilar or reference trastuzumab, each with docetaxel" read one
arm. "docetaxel plus trastuzumab for 4 or 6 cycles" compared no durations, and rates followed by
their groups' brackets ("38% (4-cycle arm) and 45% (6-cycle arm)") did not share their P. A P
list writing its sign once ("P values for PFS and OS were 0.02 and 0.30") gave no P, and "20%
had residual invasive disease" after a pCR rate was read as a pCR rate."""

from __future__ import annotations

from extract_helpers import P_ROW, arm_of, registry_of, rows_of

XP = "capecitabine+pyrotinib"
DH = "docetaxel+trastuzumab"
DPH = "docetaxel+pertuzumab+trastuzumab"

# 1. Dose arms of one regimen named by labels.
DOSES_LETTERED = (
    "Two doses of pyrotinib plus capecitabine in HER2-positive metastatic breast cancer\n\n"
    "Patients were randomly assigned to pyrotinib 320 mg (arm A) or 400 mg (arm B) plus "
    "capecitabine. The ORR was 52% in arm A and 61% in arm B. Median PFS was 8.1 months in "
    "arm A and 10.2 months in arm B."
)
DOSES_GROUPS = (
    "Two doses of pyrotinib with capecitabine in HER2-positive metastatic breast cancer\n\n"
    "In this phase II trial, patients were randomized to receive pyrotinib 320 mg (320-mg group) "
    "or pyrotinib 400 mg (400-mg group), each combined with capecitabine. The ORR was 48% in the "
    "320-mg group and 57% in the 400 mg group (P = 0.31)."
)
DOSES_BARE = (
    "Pyrotinib doses in HER2-positive metastatic breast cancer\n\n"
    "Patients were randomly assigned 1:1 to pyrotinib 320 mg or 400 mg daily plus capecitabine. "
    "The ORR was 50% in the 320 mg group and 60% in the 400 mg group."
)


def test_labelled_dose_arms_take_the_partner_after_the_doses(nlp):
    """ "X 320 mg (arm A) or 400 mg (arm B) plus C": both dose arms are X plus C."""
    rows = rows_of(nlp, DOSES_LETTERED, P_ROW)
    assert [arm_of(rows, v) for v in (52.0, 61.0, 8.1, 10.2)] == [XP] * 4


def test_dose_arms_without_labels_take_the_partner_after_the_doses(nlp):
    """ "X 320 mg or 400 mg daily plus C": two arms, each named by its dose."""
    assert len(registry_of(nlp, DOSES_BARE).arms) == 2
    rows = rows_of(nlp, DOSES_BARE, P_ROW)
    assert [arm_of(rows, v) for v in (50.0, 60.0)] == [XP, XP]


def test_hyphenated_dose_label_names_the_spaced_group(nlp):
    """ "(400-mg group)" names "the 400 mg group": a hyphen or space of a label is either."""
    rows = rows_of(nlp, DOSES_GROUPS, P_ROW)
    assert [arm_of(rows, v) for v in (48.0, 57.0)] == [XP, XP]


def test_partner_after_doses_then_another_regimen_reads_no_dose_arms(nlp):
    """Negative: "X 320 or 400 mg plus C, or D plus C": the partner is not the design's last
    regimen, so the doses name no arms of X plus C."""
    text = (
        "Pyrotinib or lapatinib with capecitabine\n\n"
        "Patients were randomly assigned to pyrotinib 320 mg or 400 mg plus capecitabine, or "
        "lapatinib plus capecitabine. The ORR was 50% in the 320 mg group."
    )
    assert arm_of(rows_of(nlp, text, P_ROW), 50.0) != XP


# 2. A biosimilar against the reference product.
HD201 = (
    "Neoadjuvant HD201 in HER2-positive early breast cancer\n\n"
    "In this phase III trial, patients were randomly assigned to HD201 plus docetaxel or the "
    "reference product (trastuzumab) plus docetaxel. The pCR rate was 45% in the HD201 group "
    "and 42% in the reference product group."
)
HD201_WITH = (
    "Neoadjuvant HD201 in HER2-positive early breast cancer\n\n"
    "Patients were randomized 1:1 to receive HD201 plus docetaxel or the reference product "
    "(trastuzumab) plus docetaxel for eight cycles. The ORR was 81% with HD201 and 79% with the "
    "reference product."
)
PROPOSED = (
    "A proposed trastuzumab biosimilar in metastatic breast cancer\n\n"
    "Patients were randomized to the proposed biosimilar or {}reference trastuzumab, each with "
    "docetaxel. The ORR at week 24 was 69% in the biosimilar group and 64% in the reference "
    "group."
)


def test_bracketed_reference_product_takes_its_partner(nlp):
    """ "or the reference product (trastuzumab) plus docetaxel": the reference arm is
    trastuzumab plus docetaxel, a twin of the biosimilar's arm."""
    assert [a.name for a in registry_of(nlp, HD201).arms] == [DH, DH]
    rows = rows_of(nlp, HD201, P_ROW)
    assert [arm_of(rows, v) for v in (45.0, 42.0)] == [DH, DH]
    rows = rows_of(nlp, HD201_WITH, P_ROW)
    assert [arm_of(rows, v) for v in (81.0, 79.0)] == [DH, DH]


def test_biosimilar_or_reference_drug_is_two_arms(nlp):
    """ "the proposed biosimilar or (to) reference trastuzumab, each with docetaxel": two arms
    of trastuzumab plus docetaxel, the biosimilar named by no drug mention."""
    for gap in ("", "to "):
        text = PROPOSED.format(gap)
        assert [a.name for a in registry_of(nlp, text).arms] == [DH, DH]
        rows = rows_of(nlp, text, P_ROW)
        assert [arm_of(rows, v) for v in (69.0, 64.0)] == [DH, DH]


def test_biosimilar_or_reference_outside_a_randomisation_is_no_design(nlp):
    """Negative: a cohort "treated with a biosimilar or reference trastuzumab" in a study that
    randomises no one has one population, whose value has no arm."""
    text = (
        "Real-world trastuzumab use\n\n"
        "We reviewed 300 patients treated with a biosimilar or reference trastuzumab. The 3-year "
        "DFS rate was 88%."
    )
    assert arm_of(rows_of(nlp, text, P_ROW), 88.0) is None


# 3. Cycle-count arms without brackets, and their shared P.
CYCLES_AFTER = (
    "Four versus six cycles of docetaxel and trastuzumab\n\n"
    "Patients were randomly assigned to docetaxel plus trastuzumab for 4 or 6 cycles. pCR was "
    "achieved by 38% (4-cycle arm) and 45% (6-cycle arm) of patients (P = 0.22). The ORR was "
    "70% in the four-cycle group and 75% in the 6-cycle group."
)
CYCLES_BEFORE = (
    "Cycles of docetaxel and trastuzumab\n\n"
    "Patients were randomly assigned to four or six cycles of docetaxel plus trastuzumab. pCR "
    "was achieved by 38% (4-cycle arm) and 45% (6-cycle arm) of patients (P = 0.22)."
)


def test_cycles_after_the_regimen_are_compared_durations(nlp):
    """ "X for 4 or 6 cycles": one regimen, two duration groups."""
    reg = registry_of(nlp, CYCLES_AFTER)
    assert [a.name for a in reg.arms] == [DH]
    assert reg.duration_groups == 2
    rows = rows_of(nlp, CYCLES_AFTER, P_ROW)
    assert [arm_of(rows, v) for v in (38.0, 45.0, 70.0, 75.0)] == [DH] * 4


def test_respectively_pair_of_cycle_groups_carries_the_regimen(nlp):
    """ "X for either 6 or 12 months ... 40% and 45%, respectively": a value per group."""
    text = (
        "Trastuzumab duration\n\n"
        "Patients were randomly assigned to docetaxel plus trastuzumab for either 6 or 12 months. "
        "The 3-year DFS rates were 88% and 90%, respectively."
    )
    assert registry_of(nlp, text).duration_groups == 2
    rows = rows_of(nlp, text, P_ROW)
    assert [arm_of(rows, v) for v in (88.0, 90.0)] == [DH, DH]


def test_rates_in_group_brackets_share_their_p(nlp):
    """ "38% (4-cycle arm) and 45% (6-cycle arm) of patients (P = 0.22)": compared rates."""
    for text in (CYCLES_AFTER, CYCLES_BEFORE):
        rows = rows_of(nlp, text, P_ROW)
        assert [r.p for r in rows if r.value in (38.0, 45.0)] == ["0.22", "0.22"]


def test_for_without_two_durations_compares_none(nlp):
    """Negative: "X for 6 cycles" (one duration) is no duration design."""
    text = (
        "Docetaxel and trastuzumab\n\n"
        "Patients were randomly assigned to docetaxel plus trastuzumab for 6 cycles or "
        "docetaxel plus trastuzumab and pertuzumab for 6 cycles."
    )
    assert registry_of(nlp, text).duration_groups == 0


# 4. P lists labelled by end point, the P sign written once.
TWO_ARMS = (
    "P lists\n\n"
    "Patients were randomly assigned to trastuzumab plus docetaxel or trastuzumab plus "
    "pertuzumab plus docetaxel. "
)
MEDIANS = "Median PFS was 9.1 and 6.2 months and median OS 24.0 and 21.3 months, respectively "


def _ps_by_value(nlp, text: str) -> dict[float, str | None]:
    return {r.value: r.p for r in rows_of(nlp, text, P_ROW)}


def test_p_values_for_end_points_then_numbers(nlp):
    """ "(P values for PFS and OS were 0.02 and 0.30)": each pair gets its end point's P."""
    ps = _ps_by_value(nlp, TWO_ARMS + MEDIANS + "(P values for PFS and OS were 0.02 and 0.30).")
    assert ps == {9.1: "0.02", 6.2: "0.02", 24.0: "0.30", 21.3: "0.30"}


def test_p_values_numbers_then_end_points(nlp):
    """ "(P values of 0.02 and 0.30 for PFS and OS, respectively)" and "(P = 0.04 and 0.12 for
    ORR and pCR, respectively)": the sign written once before the numbers."""
    text = TWO_ARMS + MEDIANS + "(P values of 0.02 and 0.30 for PFS and OS, respectively)."
    assert _ps_by_value(nlp, text) == {9.1: "0.02", 6.2: "0.02", 24.0: "0.30", 21.3: "0.30"}
    text = TWO_ARMS + (
        "The ORR was 60% and 48% and the pCR rate 30% and 21%, respectively (P = 0.04 and "
        "0.12 for ORR and pCR, respectively)."
    )
    assert _ps_by_value(nlp, text) == {60.0: "0.04", 48.0: "0.04", 30.0: "0.12", 21.0: "0.12"}


def test_p_values_with_a_colon_and_a_sign(nlp):
    """ "(P values for ORR and pCR: 0.04 and <0.001)": the second keeps its sign."""
    text = TWO_ARMS + (
        "The ORR was 60% and 48% and the pCR rate 30% and 21%, respectively (P values for ORR "
        "and pCR: 0.04 and <0.001)."
    )
    assert _ps_by_value(nlp, text) == {60.0: "0.04", 48.0: "0.04", 30.0: "<0.001", 21.0: "<0.001"}


def test_p_list_with_fewer_end_points_than_numbers_gives_none(nlp):
    """Negative: three numbers for two end points say not which is whose: no P is given."""
    text = TWO_ARMS + MEDIANS + "(P values for PFS and OS were 0.02, 0.30 and 0.41)."
    assert set(_ps_by_value(nlp, text).values()) == {None}


# 5. Complementary shares.
def test_share_with_its_own_predicate_is_no_end_point_rate(nlp):
    """ "62% ... achieved pCR and 20% had residual invasive disease": 20% is no pCR rate."""
    for text in (
        "pCR\n\nPatients received docetaxel, carboplatin, trastuzumab and pertuzumab. Overall, "
        "62% of patients achieved pCR and 20% had residual invasive disease.",
        "pCR\n\nPatients received docetaxel, carboplatin, trastuzumab and pertuzumab. A pCR was "
        "achieved in 58% of patients, while 25% of patients showed residual disease in the "
        "axilla.",
    ):
        rows = rows_of(nlp, text, P_ROW)
        assert [(r.endpoint, r.value) for r in rows] in ([("pCR", 62.0)], [("pCR", 58.0)])


def test_share_whose_predicate_names_an_end_point_keeps_it(nlp):
    """Negative: "70% ...; 50% had a pathological complete response", "20% had breast and
    axillary pCR": the object names the end point."""
    text = (
        "pCR\n\nPatients received docetaxel, carboplatin, trastuzumab and pertuzumab. The ORR "
        "was 70%; 50% had a pathological complete response. In total, 62% achieved pCR and 20% "
        "had breast and axillary pCR."
    )
    rows = rows_of(nlp, text, P_ROW)
    assert [(r.endpoint, r.value) for r in rows] == [
        ("ORR", 70.0),
        ("pCR", 50.0),
        ("pCR", 62.0),
        ("pCR", 20.0),
    ]
