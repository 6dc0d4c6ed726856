"""Pattern fragments several outcome modules share: the words that compare two values ("vs",
"versus", "v.", "compared with"), where a subject clause starts, and the words that put a drug
before the study ("prior pertuzumab").

Fragments are uncompiled alternations (no group of their own, no flags): each user wraps them in
``(?:...)`` and compiles them with the flags it needs (most with ``re.I``).
"""

from __future__ import annotations

import re

# "18.5 vs 12.4 months", "(56% versus 41%)": the written-out word and its abbreviation.
VS = r"vs\.?|versus"
# ... and the one-letter form ("36.4 v 25.1 weeks", "11 v. 5.6 months").
VS_WORDS = rf"{VS}|v\.?"
COMPARED_WITH_OR_TO = r"compared\s+(?:with|to)"
# Every word that joins two compared values or groups: "A vs B", "A compared with B".
VS_OR_COMPARED = rf"{VS_WORDS}|{COMPARED_WITH_OR_TO}"

# Words that put a drug before the study ("prior pertuzumab", "previously treated with T-DM1"):
# a drug so named is a patient feature, not the treatment compared.
PRIOR_WORDS = r"prior|previous(?:ly)?|pretreated|pre-treated"


def subject_start(*words: str) -> re.Pattern[str]:
    """Where a clause's subject starts: right after one of ``words`` ("showed that ...") or a
    comma, colon or semicolon (case-sensitive, as the words are written lower case)."""
    return re.compile(rf"\b(?:{'|'.join(words)})\s|[,:;]\s")
