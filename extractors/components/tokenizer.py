"""A tokenizer for EDGAR filing text.

English defaults plus the things filing text needs:

* form and rule names stay whole: ``10-K``, ``8-K/A``, ``12b-25``, ``10-Q`` (the
  default infix rule would split ``10`` ``-`` ``K``); ``12b-25(b)`` -> ``12b-25 ( b )``
* digit groups joined by hyphens stay whole (``752-5000``, ``0-18926``,
  ``11-2928178``) so that phone, file and tax numbers never leave year-like pieces
* ``(30)-day`` -> ``( 30 ) - day``; ``$(0.05)`` -> ``$ ( 0.05 )``; ``$.10`` -> ``$ .10``
* a list bullet glued to a word is split off: ``•NIKE`` -> ``• NIKE``
* ``/s/Name`` -> ``/s/ Name``; ``<PAGE>`` and page markers ``<2>`` are one token
* company abbreviations in any case: ``Inc.``, ``INC.``, ``Corp.``, ``N.A.``,
  ``L.L.C.``, ``L.P.``, ``S.A.``...
* ``%`` is split from numbers (spaCy default, kept)

Runs of spaces and line breaks become whitespace tokens (spaCy's normal behaviour);
the rule patterns allow them between any two tokens.

Registered as ``sec_events.filing_tokenizer.v1`` in ``spacy.registry.tokenizers``.
"""
from __future__ import annotations

import re

import spacy
from spacy.lang.char_classes import ALPHA
from spacy.lang.en import English
from spacy.symbols import ORTH
from spacy.tokenizer import Tokenizer
from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex

TOKENIZER_NAME = "sec_events.filing_tokenizer.v1"

#: abbreviations that end in a period and must keep it
ABBREVIATIONS = [
    "Inc.", "Corp.", "Co.", "Ltd.", "Cos.", "Bros.", "Mfg.", "Intl.", "Int'l.",
    "L.L.C.", "L.L.P.", "L.P.", "N.A.", "S.A.", "N.V.", "B.V.", "A.G.", "AG.", "P.C.",
    "P.A.", "S.p.A.", "GmbH.", "Pty.", "PLC.", "plc.", "U.S.", "U.S.A.", "U.K.",
    "No.", "Nos.", "Jr.", "Sr.", "Mr.", "Mrs.", "Ms.", "Dr.", "Messrs.", "Hon.",
    "Ave.", "St.", "Blvd.", "Rd.", "Ste.", "Dept.", "Div.", "Assn.", "Assoc.",
    "Jan.", "Feb.", "Mar.", "Apr.", "Jun.", "Jul.", "Aug.", "Sep.", "Sept.",
    "Oct.", "Nov.", "Dec.", "Calif.", "Mass.", "Penn.", "Pa.", "Tenn.", "Ga.",
    "a.m.", "p.m.", "D.C.", "U.S.C.", "C.F.R.", "CFR.", "et al.", "e.g.", "i.e.",
    "vs.", "approx.", "Exh.", "Ex.", "S.a.r.l.", "S.r.l.", "S.A.S.", "A/S",
]

#: whole tokens the affix rules must not break up. No re.X: a saved model keeps only the
#: pattern string (not its flags), so the pattern must work without them.
_TOKEN_MATCH_PARTS = [
    r"\d{1,2}-[A-Z]{1,3}(?:SB|SR|KSB|QSB)?(?:/A)?",         # 10-K, 8-K, 10-Q, 10-KSB, 8-K/A
    r"\d+[a-z]\d*-\d+[a-z]?",                                # 12b-25, 14a-8, 10b5-1
    r"(?!(?:19|20)\d\d-(?:19|20)\d\d$)\d+(?:-\d+)+",          # 752-5000, 0-18926 (not 2001-2002)
    r"</?[A-Za-z]+>",                                        # <PAGE>, </END>
    r"<\d{1,4}>",                                            # <2> page markers
    r"[A-Z]{1,3}-\d{1,2}[A-Z]?(?:/A)?",                      # S-8, S-3/A, F-1
]
_TOKEN_MATCH = re.compile("^(?:" + "|".join(_TOKEN_MATCH_PARTS) + ")$")


BULLETS = "•●▪■◦·"  # list bullets glued to the word after them: `•NIKE`


def _prefixes(defaults):
    return [r"/[sS]/", f"[{BULLETS}]"] + list(defaults)


def _suffixes(defaults):
    # "10-Q." / "10-KSB." at a sentence end: the period goes, the form name stays
    return [r"(?<=[0-9]-[A-Z])\.", r"(?<=-[A-Z]{2})\.", r"(?<=-[A-Z]{3})\.",
            r"(?<=-[A-Z]{4})\."] + list(defaults)


def _infixes(defaults):
    out = []
    for rule in defaults:
        # default: a hyphen between a letter/digit and a letter is an infix; keep digit
        # + hyphen + letter whole when it is a form name (handled by token_match), but
        # still split words like "third-quarter" and "thirty-day"
        out.append(rule)
    out += [
        r"(?<=\))-(?=[{a}])".format(a=ALPHA),          # (30)-day -> ) - day
        r"(?<=[0-9])\)(?=-)",                           # 30)-day -> 30 ) -day
        r"(?<=[0-9{a}])\((?=[{a}0-9]{{1,4}}\)?$)".format(a=ALPHA),  # 12b-25(b) -> 12b-25 ( b )
        r"--(?=\$)",                                    # Sr.--$800,000 -> Sr. -- $ 800,000
        r"(?<=[a-z])\$(?=[0-9.(])",                      # Butler$149,825 -> Butler $ 149,825
        r"(?<=[a-z]\.)\$(?=[0-9.(])",                    # Sr.$853,435 -> Sr. $ 853,435
        r"(?<=--)\$(?=[0-9.(])",
        r"(?<=\w)\)(?=(?:––|—|–)\S)",                  # (Flagship)––In -> ( Flagship ) –– In
        r"(?<=\))(?:––|—|–)(?=\S)",
        r"(?<=[a-z])(?:––|—)(?=[A-Z])",                  # Agreement—In -> Agreement — In
    ]
    return out


def build_filing_tokenizer(nlp) -> Tokenizer:
    """A spaCy Tokenizer for filing text, built on the language's defaults."""
    defaults = nlp.Defaults
    prefix_re = compile_prefix_regex(_prefixes(defaults.prefixes))
    suffix_re = compile_suffix_regex(_suffixes(defaults.suffixes))
    infix_re = compile_infix_regex(_infixes(defaults.infixes))
    rules = dict(defaults.tokenizer_exceptions)
    for abbr in ABBREVIATIONS:
        for form in {abbr, abbr.upper(), abbr.capitalize() if "." not in abbr[:-1] else abbr}:
            if " " in form:
                continue
            rules[form] = [{ORTH: form}]
    # possessive after an abbreviation: "Inc.'s" -> "Inc." "'s"
    for abbr in ("Inc.", "Corp.", "Co.", "Ltd.", "N.A.", "L.P.", "L.L.C.", "INC.", "CORP."):
        rules[abbr + "'s"] = [{ORTH: abbr}, {ORTH: "'s"}]
        rules[abbr + "’s"] = [{ORTH: abbr}, {ORTH: "’s"}]
    return Tokenizer(
        nlp.vocab,
        rules=rules,
        prefix_search=prefix_re.search,
        suffix_search=suffix_re.search,
        infix_finditer=infix_re.finditer,
        token_match=_TOKEN_MATCH.match,
        url_match=defaults.url_match,
    )


@spacy.registry.tokenizers(TOKENIZER_NAME)
def create_filing_tokenizer():
    """Registry entry: ``[nlp.tokenizer] @tokenizers = "sec_events.filing_tokenizer.v1"``."""
    return build_filing_tokenizer


def blank_filing_nlp():
    """A blank English pipeline with the filing tokenizer (handy for tests)."""
    nlp = English()
    nlp.tokenizer = build_filing_tokenizer(nlp)
    return nlp
