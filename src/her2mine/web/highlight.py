"""Where the extracted value sits in its sentence and the sentence in its abstract (pure).

Outcome offsets (``start``/``end``) point into the document text the extractor read: title,
blank line, abstract (``her2mine.extract.reader``). Records made elsewhere may carry offsets
relative to the sentence instead; both are recognised, and as a last resort the value's text is
searched in the sentence. Segments are plain strings: the template escapes them.
"""

from __future__ import annotations

from dataclasses import dataclass

Segment = tuple[str, str | None]  # (text, css class or None)


@dataclass(frozen=True)
class Located:
    """The value's span inside the sentence (None: not found) and how it was found."""

    span: tuple[int, int] | None
    how: str  # document | sentence | search | none


def document_text(title: str | None, abstract: str | None) -> str:
    return (title or "") + "\n\n" + (abstract or "")


def format_number(v: float | None) -> str:
    """18.5 -> '18.5', 0.0008 -> '0.0008', 12.0 -> '12' (what a reader expects)."""
    if v is None:
        return "NR"
    return f"{v:.6g}"


def _looks_like(text: str, value: float | None) -> bool:
    if value is None:
        return bool(text.strip())
    try:
        return abs(float(text.replace(",", ".").strip()) - value) < 1e-9
    except ValueError:
        return any(c.isdigit() for c in text)


def locate_value(
    sentence: str,
    start: int | None,
    end: int | None,
    value: float | None,
    title: str | None = None,
    abstract: str | None = None,
) -> Located:
    """Find the extracted value inside ``sentence`` using the stored offsets."""
    if start is not None and end is not None and 0 <= start < end:
        doc = document_text(title, abstract)
        i = doc.find(sentence) if sentence else -1
        while i != -1:
            if i <= start and end <= i + len(sentence):
                return Located((start - i, end - i), "document")
            i = doc.find(sentence, i + 1)
        if end <= len(sentence) and _looks_like(sentence[start:end], value):
            return Located((start, end), "sentence")
    if value is not None:
        for text in dict.fromkeys(
            [format_number(value), f"{value:.1f}", f"{value:.2f}", f"{value:g}"]
        ):
            j = sentence.find(text)
            if j != -1:
                return Located((j, j + len(text)), "search")
    return Located(None, "none")


def sentence_segments(sentence: str, span: tuple[int, int] | None) -> list[Segment]:
    """The sentence split around the value: [(before, None), (value, 'value'), (after, None)]."""
    if span is None:
        return [(sentence, None)]
    a, b = span
    parts = [(sentence[:a], None), (sentence[a:b], "value"), (sentence[b:], None)]
    return [p for p in parts if p[0]]


def abstract_segments(
    abstract: str | None, sentence: str, span: tuple[int, int] | None
) -> list[Segment]:
    """The abstract with the sentence marked ('sentence') and the value inside it ('value').

    When the sentence is not in the abstract (e.g. it came from the title), the abstract is
    returned unmarked.
    """
    text = abstract or ""
    i = text.find(sentence) if sentence else -1
    if i == -1:
        return [(text, None)] if text else []
    out: list[Segment] = []
    if i:
        out.append((text[:i], None))
    for seg, cls in sentence_segments(sentence, span):
        out.append((seg, "value" if cls == "value" else "sentence"))
    rest = text[i + len(sentence) :]
    if rest:
        out.append((rest, None))
    return out
