"""Author names in the shared ``"Family, G. H."`` form (see ``Reference.authors``)."""

from __future__ import annotations

import re


def initials(given: str) -> str:
    """``"Dennis J."`` -> ``"D. J."``; ``"Jean-Pierre"`` -> ``"J.-P."``; keeps ``"D. J."`` as is."""
    out: list[str] = []
    for word in given.replace(".", ". ").split():
        parts = [p for p in word.split("-") if p]
        letters = [p[0] for p in parts if p[0].isalpha()]
        if letters:
            out.append("-".join(f"{c.upper()}." for c in letters))
    return " ".join(out)


def format_name(name: str) -> str:
    """Format ``"Family, Given"`` or ``"Given Family"`` as ``"Family, G."``.

    A name without a comma and with a single word (or a corporate name) is returned unchanged.
    """
    name = " ".join(name.split()).strip(" ,;")
    if not name:
        return name
    if "," in name:
        family, _, rest = name.partition(",")
        given, _, suffix = rest.partition(",")
        out = f"{family.strip()}, {initials(given)}".rstrip(", ")
        return f"{out}, {suffix.strip()}" if suffix.strip() else out
    words = name.split()
    if len(words) == 1:
        return name
    # "Given [von] Family": lower-case particles belong to the family name.
    i = len(words) - 1
    while i > 1 and re.fullmatch(r"[a-z]{1,3}", words[i - 1]):
        i -= 1
    return f"{' '.join(words[i:])}, {initials(' '.join(words[:i]))}"
