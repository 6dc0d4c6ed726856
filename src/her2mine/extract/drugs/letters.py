"""One-letter short forms: "lapatinib (L) ... T→L", and the standard letters "P" and "H" of
undefined poster shorthand ("T-DXd + P").
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Mapping

from her2mine.extract.arms import _RANDOMISED
from her2mine.extract.fastre import whole_word_spans
from her2mine.extract.hits import Hit
from her2mine.extract.regimens import is_schedule_only
from her2mine.extract.sentences import join_soft_line_breaks, sentence_spans

# "lapatinib (L) ... trastuzumab (T)": a one-letter short form in a bracket right after a
# drug whose name it starts. (Schwartz–Hearst and ``_SHORT_IN_PARENS`` need two characters.)
# "trastuzumab alone (T)": the control arm's drug on its own, bracketed after "alone".
_LETTER_DEFINITION = re.compile(r"(?:\s+alone)?\s*[(\[]([A-Z])[)\]]")
# A lone capital letter is a drug only where a regimen or a comparison is written: after a
# bracket, a regimen joiner, a list comma or a word that names a treatment ("1 year of T",
# "for T→L", "versus T", "the T arm") and before the end of the clause or another joiner.
# "T stage", "grade T", "arm A" or "T1" are never mentions.
_LETTER_BEFORE = re.compile(
    r"(?:[(\[+/→,]|(?<![\w-])(?:of|for|with|without|versus|vs\.?|or|and|plus|then|to|than|"
    r"receiving|the|received))\s*$"
)
# (a bracket naming the arm may follow: "T-DXd 5.4 mg/kg + P (Arm A)", or one holding the
# comparison's statistic: "6 months without H (HR 0.6)"; "L-treated", "H-based",
# "L-containing" join the letter to the word that makes it a group's name; round 95c: "in the
# L+T, T→L, and T arms": the last of a list of arms before the plural)
_LETTER_AFTER = re.compile(
    r"\s*(?:[)\]+/→,;:.]|$|(?:versus|vs\.?|or|and|plus|then|followed|alone|groups?|arms?)\b|"
    r"\((?i:arm|group|cohort|HR|OR|hazard|odds|p)\b)|-(?:treated|based|containing)\b"
)
_LETTER_CONTEXT = 12  # characters looked at before a letter


def letter_definitions(
    text: str,
    hits: list[Hit],
    sentences: list[tuple[int, int]] | None = None,
    letters: Mapping[str, frozenset[str]] | None = None,
) -> tuple[dict[str, list[str]], set[int]]:
    """One-letter short forms the text defines for single drugs: "lapatinib (L)" → {"L":
    ["lapatinib"]}, kept only when the letter is the drug name's initial as written or a
    brand's ("trastuzumab (H)": Herceptin; an enumeration "(A)" or a figure panel is no
    definition); a letter defined for two different drugs is dropped. Also the offsets of the
    defining letters. ``sentences``: the text's ``sentence_spans``, if the caller has them;
    ``letters``: ``DrugLexicon.letters`` (brand initials), none if not given."""
    out: dict[str, list[str]] = {}
    at: set[int] = set()
    if "(" not in text and "[" not in text:
        return out, at
    clash: set[str] = set()
    by_brand: set[str] = set()  # letters some drug's brand initial defines
    labels: set[str] = set()  # letters after a drug that name none of its initials
    # Every dosed definition is a "(X)" bracket: a text without one (most) needs no look for it.
    dosed = _DOSED_LETTER_GATE.search(text) is not None
    design = _SentenceLookup(text, sentences) if dosed else None
    for h in hits:
        if h.kind != "drug":
            continue
        if len(h.drugs) != 1:
            continue
        near = text[h.end : h.end + 4]
        if ")" not in near and "]" not in near and not text.startswith(" alone (", h.end):
            # "drug (X)" closes its bracket within four characters (most drugs do not)
            m = _dosed_letter_definition(text, h, design) if design is not None else None
        else:
            m = _LETTER_DEFINITION.match(text, h.end)
        if m is None:
            continue
        letter = m.group(1)
        initial = next((c for c in h.text if c.isalpha()), "")
        if initial.upper() != letter:
            if not _brand_initial(letter, h, letters):
                labels.add(letter)
                continue
            by_brand.add(letter)
        if out.get(letter, h.drugs) != h.drugs:
            clash.add(letter)
        out[letter] = list(h.drugs)
        at.add(m.start(1))
    clash |= {c for c in by_brand if _panel_neighbour(c, labels)}
    for letter in clash:
        out.pop(letter, None)
    return out, at


def _panel_neighbour(letter: str, labels: set[str]) -> bool:
    """Whether a brand-initial ``letter`` has a neighbouring letter among ``labels`` (brackets
    after drugs that are no initial of theirs): "doxorubicin (A) and paclitaxel (B)" labels
    figure panels, though A is Adriamycin's initial."""
    return chr(ord(letter) - 1) in labels or chr(ord(letter) + 1) in labels


# "letrozole 2.5 mg daily alone (L)": the letter's bracket after the drug's dose and schedule
# (and "alone"), in a sentence that assigns patients to arms; read with _LETTER_DEFINITION. Round
# brackets only: "[L+T]" beside "[L]" is no short form the pipeline reads, so "with L+T" would
# become the letter's drug alone.
_DOSED_LETTER_GATE = re.compile(r"\([A-Z]\)")  # what _dosed_letter_definition matches at last
_DOSED_LETTER_REACH = 60  # characters from the drug to the letter's closing bracket
_ALONE_WORD = re.compile(r"\s+(?:alone|monotherapy)\s*$", re.I)


class _SentenceLookup:
    """The text's sentences with wrapped lines joined again (``join_soft_line_breaks``: "were
    randomly assigned\nto letrozole ... (L)" is one sentence), found by bisection, and whether a
    letter names an arm ("arm L"), both worked out once per text (or letter), not once per
    candidate bracket."""

    def __init__(self, text: str, sentences: list[tuple[int, int]] | None = None) -> None:
        self.text = text
        self.spans = join_soft_line_breaks(text, sentences or sentence_spans(text))
        self.starts = [s for s, _ in self.spans]
        self.arm_letters: dict[str, bool] = {}

    def names_arm(self, letter: str) -> bool:
        """Whether "arm L" / "group L" gives ``letter`` another meaning (case-sensitive letter:
        "in both arms a similar rate" names no arm "A")."""
        got = self.arm_letters.get(letter)
        if got is None:
            got = re.search(rf"\b(?i:arms?|groups?|cohorts?)\s+{letter}\b", self.text) is not None
            self.arm_letters[letter] = got
        return got

    def randomised_before(self, at: int) -> bool:
        """Whether the sentence holding ``at`` says, before it, that patients were randomised,
        assigned or allocated."""
        k = bisect_right(self.starts, at) - 1
        if k < 0 or at >= self.spans[k][1]:
            return False
        return _RANDOMISED.search(self.text, self.spans[k][0], at) is not None


def _brand_initial(letter: str, h: Hit, letters: Mapping[str, frozenset[str]] | None) -> bool:
    """Whether ``letter`` is the initial of a brand of mention ``h``'s one drug ("H" for
    Herceptin, "X" for Xeloda): regimen short forms spell drugs by them ("TH", "XH")."""
    return letters is not None and letter.lower() in letters.get(h.drugs[0], ())


def _dosed_letter_definition(
    text: str, h: Hit, design: _SentenceLookup | None = None
) -> re.Match[str] | None:
    """The "(L)" of "letrozole 2.5 mg daily alone (L)": a one-letter bracket after
    the drug's dose and schedule only, read as a definition only in a design sentence (patients
    assigned to regimens) and only when no "arm L" / "group L" gives the letter another meaning;
    a bracket after any other word ("(grade A)", "2.5 mg (L)" after a non-dose) is none."""
    close = text.find(")", h.end + 4, h.end + _DOSED_LETTER_REACH)
    if close < 0 or text[close - 2] != "(" or not text[close - 1].isupper():
        return None  # (most drugs: no one-letter bracket close after them)
    gap = text[h.end : close - 2]
    if not any(c.isdigit() for c in gap):
        return None  # a dose is what stands between: "letrozole 2.5 mg daily (L)"
    alone = _ALONE_WORD.search(gap)
    if not is_schedule_only(gap[: alone.start()] if alone else gap):
        return None
    letter = text[close - 1]
    design = _SentenceLookup(text) if design is None else design
    if design.names_arm(letter):
        return None  # "arm L": the letter names an arm, not the drug
    if not design.randomised_before(h.start):
        return None
    return _LETTER_DEFINITION.match(text, close - 2)


def letter_hits(
    text: str,
    hits: list[Hit],
    sentences: list[tuple[int, int]] | None = None,
    letters: Mapping[str, frozenset[str]] | None = None,
) -> list[Hit]:
    """Mentions of the one-letter short forms of ``letter_definitions`` (case-sensitive, whole
    word, in a regimen context: ``_LETTER_BEFORE`` / ``_LETTER_AFTER``); the defining bracket
    is not a mention."""
    defined, at = letter_definitions(text, hits, sentences, letters)
    out: list[Hit] = []
    for letter, drugs in defined.items():
        for a, b in whole_word_spans(text, letter):
            if (
                a in at
                or _LETTER_BEFORE.search(text, max(0, a - _LETTER_CONTEXT), a) is None
                or _LETTER_AFTER.match(text, b) is None
                or _in_letter_enumeration(text, a, b, defined)
            ):
                continue
            out.append(Hit("drug", a, b, letter, drugs[0], list(drugs), "abbreviation"))
    return out


# A list neighbour that is a lone capital: "class A, B or C", "T, N and M".
_CAPITAL_ITEM_BEFORE = re.compile(
    r"(?<![\w-])([A-Z])\s*(?:,\s*(?:(?:or|and)\s+)?|\s(?:or|and)\s+)$"
)
# (not a capital before a relation sign or a number: "12% with L, P = 0.03" is a P value)
_CAPITAL_ITEM_AFTER = re.compile(
    r"\s*(?:,\s*(?:(?:or|and)\s+)?|\s(?:or|and)\s+)([A-Z])(?![\w-])(?!\s*[=<>≤≥\d])"
)


def _in_letter_enumeration(text: str, a: int, b: int, defined: dict[str, list[str]]) -> bool:
    """Whether the letter at ``a:b`` is an item of an enumeration of capitals ("Child-Pugh class
    A, B or C", "T, N and M categories"): a list neighbour is another lone capital that is no
    defined short form. (Two defined letters, "L or T", are still a list of drugs.)"""
    m = _CAPITAL_ITEM_BEFORE.search(text, max(0, a - 8), a)
    if m is not None and m.group(1) not in defined:
        return True
    m = _CAPITAL_ITEM_AFTER.match(text, b)
    return m is not None and m.group(1) not in defined


# The contract's regimen letters (THP: taxane, Herceptin = trastuzumab, pertuzumab), written
# undefined in posters: "T-DXd + P", "P + H". Read only joined by "+" to another drug mention.
_STANDARD_LETTERS = {"P": "pertuzumab", "H": "trastuzumab"}
_PLUS_BEFORE = re.compile(r"\+\s*\Z")
_PLUS_AFTER = re.compile(r"\s*\+")


def standard_letter_hits(text: str, lexical: list[Hit], letters: list[Hit]) -> list[Hit]:
    """Mentions of an undefined "P" (pertuzumab) or "H" (trastuzumab) joined by "+" to a drug
    mention or to the other letter ("T-DXd + P", "P + H IV"). Only where the text names that
    drug in full, defines no meaning of its own for the letter, and names no other drug with
    that initial (a "P" beside paclitaxel or pyrotinib stays unread)."""
    joined = [letter for letter in _STANDARD_LETTERS if _plus_beside(text, letter)]
    if not joined:
        return []  # (most texts: no lone letter beside a "+")
    named = {d for h in lexical if h.kind == "drug" for d in h.drugs}
    own = {h.text for h in letters}
    cands: list[tuple[int, int, str]] = []
    for letter in joined:
        drug = _STANDARD_LETTERS[letter]
        if drug not in named or letter in own:
            continue
        if any(d[:1].upper() == letter and drug not in d for d in named):
            continue
        if f"({letter})" in text or f"[{letter}]" in text:
            continue  # a bracket gives the letter a meaning the text chose
        cands.extend((a, b, drug) for a, b in whole_word_spans(text, letter))
    if not cands:
        return []
    ends = {h.end for h in lexical if h.drugs} | {b for _, b, _ in cands}
    starts = {h.start for h in lexical if h.drugs} | {a for a, _, _ in cands}
    out: list[Hit] = []
    for a, b, drug in cands:
        before = _PLUS_BEFORE.search(text, max(0, a - 4), a)
        after = _PLUS_AFTER.match(text, b)
        linked = (before is not None and _end_before(text, before.start(), ends)) or (
            after is not None and _start_after(text, after.end(), starts)
        )
        if linked:
            out.append(Hit("drug", a, b, text[a:b], drug, [drug], "abbreviation"))
    return out


def _plus_beside(text: str, letter: str) -> bool:
    """Whether ``letter`` is written right before or after a "+" somewhere in ``text``."""
    return any(x in text for x in (f"+ {letter}", f"+{letter}", f"{letter} +", f"{letter}+"))


def _end_before(text: str, pos: int, ends: set[int]) -> bool:
    """Whether a mention ends at ``pos`` or right before the spaces there."""
    j = pos
    while j > 0 and text[j - 1] == " ":
        j -= 1
    return j in ends


def _start_after(text: str, pos: int, starts: set[int]) -> bool:
    """Whether a mention starts at ``pos`` or right after the spaces there."""
    j = pos
    while j < len(text) and text[j] == " ":
        j += 1
    return j in starts
