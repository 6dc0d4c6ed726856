"""Left-overs round 49: biosimilar and partner designs. A biosimilar code written with its
partner beside its reference ("AB12 plus paclitaxel or trastuzumab plus paclitaxel") was not
read as the reference drug, and the twins folded into one arm; "SB3 or reference trastuzumab,
with docetaxel" gave arms of trastuzumab and of docetaxel alone; a backbone joined to its first
partner by "in combination with", or after a loading dose ("8 mg/kg then 6 mg/kg"), was not
shared with "or with C"; "hand-foot syndrome (15%) was most common in the lapatinib arm" took the
arm of the clause before; "trastuzumab plus SOX (SOX-T group, n=40)" made "SOX" of the label an
arm, so "the SOX-T group" was the SOX-alone arm. The drug lexicon gains nine drugs found until
now only by their stems."""

from __future__ import annotations

from extract_helpers import ARM_ROW, arm_of, extract_text, registry_of, rows_of

PT = "paclitaxel+trastuzumab"
DT = "docetaxel+trastuzumab"
SOX = "oxaliplatin+tegafur/gimeracil/oteracil"

CODE_WITH_PARTNER = (
    "Patients were randomly assigned to AB12 plus paclitaxel or trastuzumab plus paclitaxel in "
    "this biosimilar equivalence trial. ORR was 60% in the AB12 group and 58% in the trastuzumab "
    "group."
)
LISTED_CODE_WITH_PARTNER = (
    "Patients were randomly assigned to HLX02 plus docetaxel or trastuzumab plus docetaxel. ORR "
    "was 71% in the HLX02 group and 69% in the trastuzumab group."
)
REFERENCE_FIRST = (
    "In this biosimilar study, patients were randomly assigned to trastuzumab with docetaxel "
    "versus ZR27 with docetaxel. ORR was 60% in the ZR27 group and 58% in the trastuzumab group."
)
OTHER_PARTNERS = (
    "Patients were randomly assigned to AB12 plus paclitaxel or trastuzumab plus docetaxel in "
    "this biosimilar equivalence trial. ORR was 60% in the AB12 group and 58% in the trastuzumab "
    "group."
)


def test_code_with_the_reference_partner_is_the_reference(nlp):
    """ "AB12 plus paclitaxel or trastuzumab plus paclitaxel" in a biosimilar trial: AB12 is
    trastuzumab, so "the AB12 group" is the paclitaxel + trastuzumab arm."""
    rows = rows_of(nlp, CODE_WITH_PARTNER, ARM_ROW)
    assert arm_of(rows, 60.0) == PT
    assert arm_of(rows, 58.0) == PT


def test_code_and_reference_with_one_partner_are_two_arms(nlp):
    """A code and its reference each with the same partner are twin arms of one name, for a
    listed code (HLX02), an unseen one (AB12) and the reference written first (ZR27)."""
    for text, name in (
        (CODE_WITH_PARTNER, PT),
        (LISTED_CODE_WITH_PARTNER, DT),
        (REFERENCE_FIRST, DT),
    ):
        assert [a.name for a in registry_of(nlp, text).arms] == [name, name]


def test_code_with_another_partner_is_no_reference(nlp):
    """ "AB12 plus paclitaxel or trastuzumab plus docetaxel": the partners differ, so the code
    is not read as trastuzumab (its arm stays unknown)."""
    ex = extract_text(nlp, OTHER_PARTNERS)
    assert ex.drugs == ["docetaxel", "paclitaxel", "trastuzumab"]
    assert arm_of(rows_of(nlp, OTHER_PARTNERS, ARM_ROW), 60.0) is None


def test_same_regimen_written_twice_is_one_arm(nlp):
    """No product code: "docetaxel plus trastuzumab or docetaxel plus trastuzumab and
    pertuzumab" keeps one arm per regimen, and a repeated generic regimen is not twinned."""
    text = (
        "Patients were randomly assigned to trastuzumab plus docetaxel or Herceptin plus "
        "docetaxel. ORR was 60% with trastuzumab and 58% with Herceptin."
    )
    assert [a.name for a in registry_of(nlp, text).arms] == [DT]


COMMA_WITH = (
    "Patients were randomized to SB3 or reference trastuzumab, with docetaxel. The pCR rate was "
    "51.7% in the SB3 group and 42.0% in the trastuzumab group."
)


def test_choice_then_comma_with_partner(nlp):
    """ "SB3 or reference trastuzumab, with docetaxel": docetaxel is given with either, two twin
    arms of docetaxel + trastuzumab (before: trastuzumab, and docetaxel alone)."""
    assert [a.name for a in registry_of(nlp, COMMA_WITH).arms] == [DT, DT]
    rows = rows_of(nlp, COMMA_WITH, ARM_ROW)
    assert arm_of(rows, 51.7) == DT
    assert arm_of(rows, 42.0) == DT


def test_two_agents_then_comma_with_partner(nlp):
    """ "neratinib or trastuzumab, with paclitaxel": each agent with paclitaxel."""
    text = (
        "Patients were randomized to neratinib or trastuzumab, with paclitaxel. Median PFS was "
        "12.9 months with neratinib and 11.1 months with trastuzumab."
    )
    rows = rows_of(nlp, text, ARM_ROW)
    assert arm_of(rows, 12.9) == "neratinib+paclitaxel"
    assert arm_of(rows, 11.1) == PT


def test_comma_with_other_words_is_no_partner(nlp):
    """ "lapatinib or trastuzumab, with crossover to capecitabine": what follows "with" is no
    partner of both, so the arms stay the two agents."""
    text = (
        "Patients were randomized to lapatinib or trastuzumab, with crossover to capecitabine at "
        "progression. Median PFS was 6.6 months with lapatinib and 8.0 months with trastuzumab."
    )
    assert [a.name for a in registry_of(nlp, text).arms] == ["lapatinib", "trastuzumab"]


def test_backbone_in_combination_with_then_or_with(nlp):
    """ "trastuzumab in combination with docetaxel or with paclitaxel": trastuzumab is in both
    arms (before, the second arm was paclitaxel alone)."""
    text = (
        "Patients were randomized to receive trastuzumab in combination with docetaxel or with "
        "paclitaxel. The ORR was 60% with docetaxel and 55% with paclitaxel."
    )
    rows = rows_of(nlp, text, ARM_ROW)
    assert arm_of(rows, 60.0) == DT
    assert arm_of(rows, 55.0) == PT


def test_backbone_after_loading_dose_then_or_with(nlp):
    """ "trastuzumab 8 mg/kg then 6 mg/kg with docetaxel ... or with paclitaxel": the loading and
    maintenance doses are one drug's, so trastuzumab joins both partners."""
    text = (
        "Eligible patients were randomly assigned (1:1) to receive trastuzumab 8 mg/kg then 6 "
        "mg/kg with docetaxel 75 mg/m2 or with paclitaxel 80 mg/m2 weekly. ORR was 60% with "
        "docetaxel and 55% with paclitaxel."
    )
    assert [a.name for a in registry_of(nlp, text).arms] == [DT, PT]


WHEREAS = (
    "Patients were randomized to pyrotinib plus capecitabine or lapatinib plus capecitabine. "
    "Diarrhea (30%) was most common in the pyrotinib arm, whereas hand-foot syndrome (15%) was "
    "most common in the lapatinib arm."
)


def test_bracketed_value_takes_the_arm_its_predicate_names(nlp):
    """ "hand-foot syndrome (15%) was most common in the lapatinib arm": the value is that arm's,
    not the arm of the clause before; "Diarrhea (30%) ..." likewise."""
    rows = rows_of(nlp, WHEREAS, ARM_ROW)
    assert arm_of(rows, 30.0) == "capecitabine+pyrotinib"
    assert arm_of(rows, 15.0) == "capecitabine+lapatinib"


def test_occurred_in_names_the_bracketed_values_arm(nlp):
    """ "rash (9%) occurred in the lapatinib arm" after a clause of the pyrotinib arm."""
    text = (
        "Patients were randomized to pyrotinib plus capecitabine or lapatinib plus capecitabine. "
        "In the pyrotinib arm, diarrhea (30%) was the most common adverse event, whereas rash "
        "(9%) occurred in the lapatinib arm."
    )
    assert arm_of(rows_of(nlp, text, ARM_ROW), 9.0) == "capecitabine+lapatinib"


def test_predicate_without_group_keeps_value_apart(nlp):
    """ "Diarrhea (30%) was most common, whereas ... in the lapatinib arm": the first clause names
    no arm, so 30% does not take the later one."""
    text = (
        "Patients were randomized to pyrotinib plus capecitabine or lapatinib plus capecitabine. "
        "Diarrhea (30%) was most common, whereas hand-foot syndrome (15%) was observed in the "
        "lapatinib arm."
    )
    rows = rows_of(nlp, text, ARM_ROW)
    assert arm_of(rows, 30.0) is None
    assert arm_of(rows, 15.0) == "capecitabine+lapatinib"


SUFFIXED = (
    "Patients were randomized to trastuzumab plus SOX (SOX-T group, n=40) or SOX alone (SOX "
    "group, n=40). ORR was 70% in the SOX-T group and 45% in the SOX group."
)


def test_suffixed_short_form_labels_the_arm_before_it(nlp):
    """ "trastuzumab plus SOX (SOX-T group, n=40) or SOX alone (SOX group, n=40)": two arms,
    the first named "SOX-T"; "the SOX-T group" is the trastuzumab arm."""
    reg = registry_of(nlp, SUFFIXED)
    assert [(a.name, sorted(a.labels)) for a in reg.arms] == [
        (f"{SOX}+trastuzumab", ["sox-t"]),
        (SOX, ["sox"]),
    ]
    rows = rows_of(nlp, SUFFIXED, ARM_ROW)
    assert arm_of(rows, 70.0) == f"{SOX}+trastuzumab"
    assert arm_of(rows, 45.0) == SOX


def test_suffixed_label_in_either_order(nlp):
    """The SOX-alone arm first: "XELOX alone (XELOX group) or trastuzumab plus XELOX (XELOX-T
    group)" names the second arm "XELOX-T"."""
    text = (
        "Patients were randomized to XELOX alone (XELOX group, n=35) or trastuzumab plus XELOX "
        "(XELOX-T group, n=35). ORR was 40% in the XELOX group and 66% in the XELOX-T group."
    )
    rows = rows_of(nlp, text, ARM_ROW)
    assert arm_of(rows, 40.0) == "capecitabine+oxaliplatin"
    assert arm_of(rows, 66.0) == "capecitabine+oxaliplatin+trastuzumab"


def test_lexicon_names_newer_partners(nlp):
    """Newer immunotherapy and anti-angiogenic partners are lexicon drugs, with brand names."""
    text = (
        "Patients received camrelizumab, toripalimab, Tevimbra (tislelizumab), sintilimab, "
        "penpulimab or cadonilimab, and some had Cyramza, apatinib or Erbitux before."
    )
    mentions = {m.text: m.canonical for m in extract_text(nlp, text).mentions}
    assert mentions["Tevimbra"] == "tislelizumab"
    assert mentions["Cyramza"] == "ramucirumab"
    assert mentions["Erbitux"] == "cetuximab"
    for name in ("camrelizumab", "toripalimab", "sintilimab", "penpulimab", "cadonilimab"):
        assert mentions[name] == name
