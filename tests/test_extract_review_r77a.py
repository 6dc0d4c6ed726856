"""Review of round 77 (a): "A and B, each combined with X" gave X to every arm when A and B were
only one drug of each arm ("trastuzumab and lapatinib, each combined with paclitaxel" in a
Background, arms "trastuzumab plus docetaxel" and "lapatinib plus capecitabine"); and a design
"A, with or without B (dose bracket), followed by surgery; all patients received C" lost both
arms to its shared-partner clause (before the round too): the clause defines no arm and its
drug joins both."""

from __future__ import annotations

from extract_helpers import registry_of


def _arm_drugs(nlp, text: str) -> list[str]:
    return ["+".join(sorted(a.drugs)) for a in registry_of(nlp, text).arms]


# --- 1. "each combined with X" only for mentions that name whole arms -------------------------

BACKGROUND_EACH = (
    "Background: Trastuzumab and lapatinib, each combined with paclitaxel, improve outcomes. "
    "Methods: Patients were randomised to {arms}."
)


def test_each_with_after_partial_arm_mentions_gives_nothing(nlp):
    """Negative: "trastuzumab and lapatinib, each combined with paclitaxel" names only one drug
    of each arm: no arm gains paclitaxel."""
    text = BACKGROUND_EACH.format(arms="trastuzumab plus docetaxel or lapatinib plus capecitabine")
    assert _arm_drugs(nlp, text) == ["docetaxel+trastuzumab", "capecitabine+lapatinib"]


def test_each_with_after_whole_regimens_gives_the_partner(nlp):
    """Regimens named whole before "each combined with X" still gain X."""
    text = (
        "Patients were randomised to docetaxel plus trastuzumab or docetaxel plus lapatinib. "
        "Docetaxel plus trastuzumab and docetaxel plus lapatinib, each combined with "
        "pertuzumab, were given."
    )
    assert _arm_drugs(nlp, text) == [
        "docetaxel+pertuzumab+trastuzumab",
        "docetaxel+lapatinib+pertuzumab",
    ]


# --- 2. "; all patients received C" after "A, with or without B" ------------------------------

SHARED_CLAUSE = (
    "Patients were randomised to paclitaxel{rt}, with or without lapatinib (1000 mg daily), "
    "followed by surgery; all patients received {shared}."
)


def test_shared_partner_clause_joins_both_arms(nlp):
    """ "; all patients received trastuzumab" leaves the add-on design standing and gives
    trastuzumab to both arms."""
    for rt in ("", " with radiotherapy"):
        text = SHARED_CLAUSE.format(rt=rt, shared="trastuzumab")
        assert _arm_drugs(nlp, text) == [
            "lapatinib+paclitaxel+trastuzumab",
            "paclitaxel+trastuzumab",
        ]


def test_clause_naming_a_new_drug_per_group_is_kept(nlp):
    """Negative: a ";" clause that gives a new drug to one group is no shared clause: the
    design is not cut there (the arms do not gain the drug as a shared partner)."""
    text = (
        "Patients were randomised to paclitaxel, with or without lapatinib (1000 mg daily), "
        "followed by surgery; patients in the lapatinib group received trastuzumab."
    )
    assert "paclitaxel+trastuzumab" not in _arm_drugs(nlp, text)
