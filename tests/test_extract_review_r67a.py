"""Review of round 67a (pipeline 0.3.144). ``value_endpoints._own_predicate_without_end_point``
read a share's own verb and object only up to the object's punctuation, so an object whose end
point is named in the bracket right after it ("30% of patients achieved a response (ORR)",
"45% achieved a clinical benefit (CBR)") lost its row (before the round: kept)."""

from __future__ import annotations

from extract_helpers import ARM_ROW, rows_of

PC = "capecitabine+pyrotinib"


def _text(result: str) -> str:
    return (
        "Pyrotinib plus capecitabine in HER2-positive metastatic breast cancer\n\n"
        "Patients received pyrotinib plus capecitabine. With pyrotinib plus capecitabine, " + result
    )


def test_object_with_its_end_point_bracketed_keeps_the_row(nlp):
    """ "30% of patients achieved a response (ORR)": the bracket names the object's end point."""
    rows = rows_of(nlp, _text("30% of patients achieved a response (ORR)."), ARM_ROW)
    assert ("ORR", "rate", 30.0, PC) in rows


def test_bracketed_end_point_before_more_words_keeps_the_row(nlp):
    """ "45% achieved a clinical benefit (CBR) at 24 weeks": the bracket ends the object."""
    text = _text("45% of patients achieved a clinical benefit (CBR) at 24 weeks.")
    assert ("CBR", "rate", 45.0, PC) in rows_of(nlp, text, ARM_ROW)


def test_object_without_end_point_before_a_bracket_is_still_no_row(nlp):
    """Negative: "20% had residual disease (ypT1)" – the bracket names no end point, so the
    share is still of none (not the pCR rate before it)."""
    text = _text("62% of patients achieved pCR and 20% had residual disease (ypT1).")
    rows = rows_of(nlp, text, ARM_ROW)
    assert ("pCR", "rate", 62.0, PC) in rows
    assert [r for r in rows if r[2] == 20.0] == []


def test_bracket_holding_a_number_does_not_name_the_object(nlp):
    """Negative: a bracket with a number ("(DCR 75%)") is another value's, not the object's
    name, so "35% had stable disease" stays no row."""
    text = _text("The ORR was 40%, and 35% had stable disease (DCR 75%).")
    assert [r for r in rows_of(nlp, text, ARM_ROW) if r[2] == 35.0] == []


def test_dose_partner_is_not_given_to_an_arm_listed_before(nlp):
    """ "docetaxel (arm A), or pyrotinib 320 mg (arm B) or 400 mg (arm C) plus capecitabine":
    capecitabine is the dose arms' partner, not arm A's."""
    text = (
        "Patients were randomized to docetaxel (arm A), or pyrotinib 320 mg (arm B) or 400 mg "
        "(arm C) plus capecitabine. The ORR was 30% in arm A, 50% in arm B and 60% in arm C."
    )
    assert ("ORR", "rate", 30.0, "docetaxel") in rows_of(nlp, text, ARM_ROW)


def test_dose_partner_is_not_given_to_a_named_regimen_before(nlp):
    """ "lapatinib plus trastuzumab, or pyrotinib 320 mg or 400 mg plus capecitabine": the first
    arm keeps its own two drugs."""
    text = (
        "Patients were randomized to lapatinib plus trastuzumab, or pyrotinib 320 mg or 400 mg "
        "plus capecitabine. The ORR was 30% with lapatinib plus trastuzumab and 50% with "
        "pyrotinib."
    )
    assert ("ORR", "rate", 30.0, "lapatinib+trastuzumab") in rows_of(nlp, text, ARM_ROW)


def test_dose_arms_alone_still_take_the_partner(nlp):
    """Negative: with the dose arms the only arms, the partner still joins each (the round's
    reading)."""
    text = (
        "Patients were randomized to pyrotinib 320 mg (arm A) or 400 mg (arm B) plus "
        "capecitabine. The ORR was 50% in arm A and 60% in arm B."
    )
    rows = rows_of(nlp, text, ARM_ROW)
    assert ("ORR", "rate", 50.0, PC) in rows
    assert ("ORR", "rate", 60.0, PC) in rows
