"""Filing layout: where a filing's parts begin and end, as text patterns named by what
they mean. One home for them; the windows, the rule triggers, the linker and the
items check import them from here.

- Paragraphs: `PARAGRAPH_BREAK`, a blank line (spaces allowed).
- The signature of a report: the clause by which the registrant has the report signed
  (`REPORT_SIGNED`: "... has duly caused this report to be signed on its behalf by the
  undersigned ..."), which closes an 8-K body; the words of that clause that say who
  signs for whom (`SIGNED_FOR`: "on its behalf", "the undersigned"), which tell the
  signature's `signed` from other uses of the word; the cues the rule triggers accept
  for it (`SIGNATURE_CONTEXT`); form instructions about signing that are no signature
  (`SIGNING_INSTRUCTION`: "may be signed by"); and the lines of a signature block
  (`BY_LINE`, `SLASH_S_LINE`, `DATE_LINE`).
- Exhibits: a heading that opens an exhibit (`exhibit_heading`, `EXHIBIT_99_HEADING`,
  `ANY_EXHIBIT_HEADING`); where an 8-K body ends is `extractors.sections.body_end`.
- Form 12b-25 cover fields: `REGISTRANT_LINE`, `PERIOD_LINE`, `EXPECTED_DATE_CUE`.
- Boilerplate: a safe-harbor sentence (`is_safe_harbor`), which holds no events (SCHEMA).
"""
from __future__ import annotations

import re

PARAGRAPH_BREAK = re.compile(r"\n[ \t\xa0]*\n")

# ------------------------------------------------------------------------ boilerplate
# SCHEMA: boilerplate holds no events. A safe-harbor sentence names forward-looking
# statements and the risks that may make actual results differ ("Important factors that
# could cause actual results to differ materially from those in the forward-looking
# statements include: ... (h) ... the announced sale of the Tapoco hydroelectric project").
FORWARD_LOOKING = re.compile(r"\bforward[\s-]+looking\s+statements?\b", re.I)
RISK_WORDS = re.compile(r"\brisks?\b|\buncertaint|\bdiffer\s+materially\b|\bactual\s+results\b", re.I)


def is_safe_harbor(sentence: str) -> bool:
    """True for a safe-harbor sentence: it names forward-looking statements and risks."""
    return FORWARD_LOOKING.search(sentence) is not None and RISK_WORDS.search(sentence) is not None


# A Rule 10b5-1 trading arrangement (10-K/10-Q Item 9B: `Susan Li, our Chief Financial
# Officer, entered into a trading plan intended to satisfy ... Rule 10b5-1(c)`) and a
# buy-back's conditions (`plans complying with Rules 10b5-1 and 10b-18`) state no event
# (GUIDELINES wide reading 4), nor does a trading arrangement's (`until all trades under the
# trading arrangement entered into by Rivendell 7 LLC are completed`).
RULE_10B5_1 = re.compile(r"\b10b5[-\u2010-\u2015]1\b|\btrading\s+arrangements?\b", re.I)  # (`Rule 10b5\u20131`)


# The filer's own buy-back made under such a plan is an event (`we repurchased approximately
# 2.4 million common shares for $362.8 under the 10b5-1 Plan`).
FILER_BOUGHT_BACK = re.compile(r"\b(?:we|the\s+company)\s+(?:have\s+|has\s+|had\s+)?"
                               r"(?:repurchased|purchased|bought\s+back)\b", re.I)


def is_trading_plan(sentence: str, event_type: str | None = None) -> bool:
    """True for a sentence about Rule 10b5-1 trading plans: no event in it, except the filer's
    buy-back done under one (`event_type` SHARE_REPURCHASE)."""
    if event_type == "SHARE_REPURCHASE" and FILER_BOUGHT_BACK.search(sentence):
        return False
    return RULE_10B5_1.search(sentence) is not None


# ------------------------------------------------------------------------- signatures
# the 8-K signature clause: "... has duly caused this report to be signed on its behalf ..."
REPORT_SIGNED = re.compile(r"caused\s+this\s+(?:current\s+)?(?:report|amendment)\b[^.]{0,80}?\bsigned", re.I)
_SIGNED_FOR = r"on\s+(?:its|their|his|her)\s+behalf|undersigned"
# "... signed on its behalf by the undersigned": who signs for whom
SIGNED_FOR = re.compile(_SIGNED_FOR, re.I)
# what makes a `signed` the signature's, for the rule triggers: the words above, or
# "duly caused" / "duly authorized"
SIGNATURE_CONTEXT = re.compile(_SIGNED_FOR + r"|duly\s+(?:caused|authorized)", re.I)
# form instructions about signing are no signature ("may be signed by", "manually signed")
SIGNING_INSTRUCTION = re.compile(r"(?:(?:may|shall|must|should)\s+be|manually|one)\s+$", re.I)
# the lines of a signature block
BY_LINE = re.compile(r"^[ \t]*By\s*:", re.I | re.M)
SLASH_S_LINE = re.compile(r"^[ \t]*(?:By\s*:?\s*)?/s/", re.I | re.M)
DATE_LINE = re.compile(r"\bDated?\s*:?\s*$", re.I)


def in_signature_clause(text: str, start: int, end: int, window: int = 150) -> bool:
    """Whether the `signed` at text[start:end] is the signature's: the clause's words
    are within `window` characters and no form instruction precedes it."""
    return bool(SIGNED_FOR.search(text, max(0, start - window), end + window)) \
        and not SIGNING_INSTRUCTION.search(text[max(0, start - 20):start])


# -------------------------------------------------------------------------- exhibits
def exhibit_heading(number: str) -> re.Pattern:
    """A line that opens exhibit `number` (a regex), not one that refers to it."""
    return re.compile(r"\n[ \t]*(?:EXHIBIT|Exhibit)\s+" + number +
                      r"(?:\.\d+)?\b(?![^\n]{0,80}\b(?:hereto|attached|incorporated|furnished|filed)\b)")


EXHIBIT_99_HEADING = exhibit_heading("99")
ANY_EXHIBIT_HEADING = exhibit_heading(r"\d+")  # EX-10 agreements as well as EX-99 releases
# a line of prose: signature blocks hold short lines (Date:, By: /s/ ..., names, titles)
PROSE_LINE = re.compile(r"\n[ \t]*[^\n]{100,}")


# ------------------------------------------------------------ Form 12b-25 cover fields
REGISTRANT_LINE = re.compile(r"(?:Full\s+Name\s+(?:of|or)\s+Registrant|Name\s+of\s+Registrant)[\s:\-–]*$", re.I)
PERIOD_LINE = re.compile(r"(?:Period\s+Ended|period\s+ended|fiscal\s+year\s+ended|quarter\s+ended)[\s:\-–]*$", re.I)
EXPECTED_DATE_CUE = re.compile(r"(?:on\s+or\s+before|no\s+later\s+than|will\s+be\s+filed|expects?\s+to\s+file|"
                               r"within\s+the\s+extension\s+period|by)\s*(?:the\s+)?$", re.I)


# ------------------------------------------------------------------------- 8-K cover page
# the trading-symbol column of the cover's securities table (`Common Stock MRVL The Nasdaq
# Stock Market, LLC`) and `under the symbol "JCI"`: a ticker is no company mention
EXCHANGE_AFTER = re.compile(r"^\s*(?:The\s+)?(?:Nasdaq|NASDAQ|New\s+York\s+Stock\s+Exchange|NYSE|Cboe|CBOE|"
                            r"Chicago\s+Stock\s+Exchange|American\s+Stock\s+Exchange|Boston\s+Stock\s+Exchange)")
SYMBOL_BEFORE = re.compile(r"\b(?:symbols?|ticker)\s*:?\s*[\"“']?\s*$", re.I)
TICKER = re.compile(r"^[A-Z][A-Z.]{0,5}$")


def is_ticker(text: str, before: str, after: str) -> bool:
    """`text` (one word in capitals) is a trading symbol: an exchange's name follows it
    on the cover page's securities table, or `symbol` precedes it."""
    return bool(TICKER.match(text)) and bool(EXCHANGE_AFTER.match(after) or SYMBOL_BEFORE.search(before))
