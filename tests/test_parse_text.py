"""clean_markup / jats_to_text."""

from __future__ import annotations

import html

from hypothesis import given
from hypothesis import strategies as st

from her2mine.models import AbstractSection
from her2mine.parse.text import clean_markup, jats_to_text


def test_inline_tags_removed_without_spaces():
    assert clean_markup("the <i>TERT</i> gene") == "the TERT gene"
    assert clean_markup("p<sub>trend</sub>=0.048; km·h<sup>-1</sup>") == "ptrend=0.048; km·h⁻¹"
    assert clean_markup("<b>Bold</b> and <jats:italic>KRAS</jats:italic>") == "Bold and KRAS"


def test_entities_unescaped_after_tags_removed():
    assert clean_markup("P &lt; 0.001 &amp; (<i>&#x3bc;</i>-XRF)") == "P < 0.001 & (μ-XRF)"
    # an escaped tag is text, not markup
    assert clean_markup("the &lt;i&gt; element") == "the <i> element"


def test_unescaped_less_than_is_not_a_tag():
    assert clean_markup("HR<0.5 and n<a and b>c") == "HR<0.5 and n<a and b>c"


def test_whitespace_and_block_tags():
    title = "detecting\n                    <i>KRAS</i>\n                    /\n  <i>NRAS</i>"
    assert clean_markup(title) == "detecting KRAS / NRAS"
    assert clean_markup("<jats:p>One.</jats:p><jats:p>Two.</jats:p>") == "One. Two."
    assert clean_markup("a<br/>b") == "a b"
    assert clean_markup("") == "" and clean_markup(None) == ""


def test_mathml_layout_whitespace_dropped():
    math = (
        '<mml:math xmlns:mml="http://www.w3.org/1998/Math/MathML">\n  <mml:msub>\n'
        "    <mml:mi>V</mml:mi>\n    <mml:mn>2</mml:mn>\n  </mml:msub>\n</mml:math>"
    )
    assert clean_markup(f"uptake ( {math} ) 67") == "uptake ( V2 ) 67"


@given(st.text())
def test_escaped_text_in_tags_round_trips(text):
    """Any text, escaped and wrapped in inline markup, comes back whitespace-collapsed."""
    marked = f"<i>{html.escape(text)}</i><sup></sup>"
    assert clean_markup(marked) == " ".join(text.split())


def test_jats_sections():
    abstract = (
        "<jats:sec>\n <jats:title>Background</jats:title>\n <jats:p>Why <jats:italic>"
        "HER2</jats:italic>.</jats:p>\n</jats:sec><jats:sec><jats:title>Results</jats:title>"
        "<jats:p>ORR 60%.</jats:p></jats:sec>"
    )
    text, sections = jats_to_text(abstract)
    assert sections == [
        AbstractSection(label="Background", category=None, text="Why HER2."),
        AbstractSection(label="Results", category=None, text="ORR 60%."),
    ]
    assert text == "Background: Why HER2.\nResults: ORR 60%."


def test_jats_leading_abstract_title_dropped_and_plain():
    text, sections = jats_to_text("<jats:title>Abstract</jats:title><jats:p>Plain text.</jats:p>")
    assert text == "Plain text."
    assert sections == [AbstractSection(label=None, category=None, text="Plain text.")]
    assert jats_to_text("<p>No prefix &amp; no title</p>")[0] == "No prefix & no title"
    assert jats_to_text("") == ("", [])
    assert jats_to_text(None) == ("", [])


def test_jats_text_before_first_heading_kept():
    text, sections = jats_to_text("<jats:p>Intro.</jats:p><jats:title>Methods</jats:title>x")
    assert [(s.label, s.text) for s in sections] == [(None, "Intro."), ("Methods", "x")]
    assert text == "Intro.\nMethods: x"
