"""SCHEMA.md as data: the contract every stage and the scorer import.

Section 1: the entity labels (`LABELS`) and those that carry a normalised value
(`VALUED`). Section 2: event types, their roles and what may fill them, and the
readings of trigger words the linker applies. Section 4: declared 8-K items (both
numberings) and the event types each declares.

This module is the bottom of the package: it imports nothing of the project.
"""
from __future__ import annotations

import re

# ----------------------------------------------------------------- section 1: entities
LABELS = ("PERSON", "ORG", "ROLE", "MONEY", "SHARES", "PERCENT", "DATE")
VALUED = frozenset({"MONEY", "SHARES", "PERCENT", "DATE"})  # labels whose spans carry a `value`

# ------------------------------------------------------------------ section 2: events
# role -> filler labels; "TEXT" is a text filler with its own offsets, "FILER" a
# generic reference to the filer (`the Company`), allowed where SCHEMA allows ORG.
ROLES: dict[str, dict[str, frozenset]] = {
    "ACQUISITION": {"acquirer": {"ORG", "FILER"}, "target": {"ORG", "TEXT"}, "seller": {"ORG", "PERSON", "FILER"},
                    "price": {"MONEY"}, "date": {"DATE"}},
    "DISPOSITION": {"seller": {"ORG", "FILER"}, "asset": {"ORG", "TEXT"}, "buyer": {"ORG", "PERSON"},
                    "price": {"MONEY"}, "date": {"DATE"}},
    "AGREEMENT": {"party": {"ORG", "PERSON", "FILER"}, "agreement": {"TEXT"}, "value": {"MONEY"},
                  "date": {"DATE"}},
    "FINANCING": {"borrower": {"ORG", "FILER"}, "lender": {"ORG", "PERSON"}, "amount": {"MONEY"},
                  "shares": {"SHARES"}, "price": {"MONEY"}, "date": {"DATE"}},
    "CONVERSION": {"issuer": {"ORG", "FILER"}, "holder": {"ORG", "PERSON"}, "principal": {"MONEY"},
                   "shares": {"SHARES"}, "price": {"MONEY"}, "date": {"DATE"}},
    "SHAREHOLDER_VOTE": {"proposal": {"TEXT"}, "nominee": {"PERSON"}, "votes_for": {"SHARES"},
                         "votes_against": {"SHARES"}, "abstentions": {"SHARES"}, "broker_non_votes": {"SHARES"},
                         "shares_present": {"SHARES"}, "percent": {"PERCENT"}, "date": {"DATE"}},
    "EXECUTIVE_CHANGE": {"person": {"PERSON"}, "role": {"ROLE"}, "org": {"ORG", "FILER"}, "change": {"TEXT"},
                         "date": {"DATE"}},
    "COMPENSATION": {"person": {"PERSON"}, "role": {"ROLE"}, "org": {"ORG", "FILER"}, "plan": {"TEXT"},
                     "amount": {"MONEY"}, "shares": {"SHARES"}, "date": {"DATE"}},
    "LATE_FILING": {"filer": {"ORG", "FILER"}, "form": {"TEXT"}, "period": {"DATE"},
                    "expected_date": {"DATE"}, "reason": {"TEXT"}},
    "FINANCIAL_RESULT": {"metric": {"TEXT"}, "value": {"MONEY"}, "period": {"DATE"}, "change": {"PERCENT"}},
    "AUDITOR_CHANGE": {"former_auditor": {"ORG"}, "new_auditor": {"ORG"}, "date": {"DATE"}},
    "BANKRUPTCY": {"filer": {"ORG", "FILER"}, "court": {"ORG"}, "date": {"DATE"}},
    "DELISTING": {"exchange": {"ORG"}, "date": {"DATE"}},
    "DIVIDEND": {"amount": {"MONEY"}, "record_date": {"DATE"}, "payment_date": {"DATE"}},
    "SHARE_REPURCHASE": {"amount": {"MONEY"}, "shares": {"SHARES"}, "date": {"DATE"}},
    "LEGAL_PROCEEDING": {"party": {"ORG", "PERSON", "FILER"}, "court": {"ORG"}, "amount": {"MONEY"},
                         "date": {"DATE"}},
    "SIGNATURE": {"signer": {"PERSON"}, "role": {"ROLE"}, "org": {"ORG", "FILER"}, "date": {"DATE"}},
}
ROLES = {t: {r: frozenset(v) for r, v in roles.items()} for t, roles in ROLES.items()}
EVENT_TYPES = tuple(ROLES)
# An event of these types is about its participant: with none of these roles filled
# (no person appointed, no party to the agreement or lawsuit) the trigger is taken
# to state no such event (`the Company acquired three stores` is no EXECUTIVE_CHANGE).
# A lawsuit's later step is dated rather than parted (`In January 2024, the Israeli lawsuit
# was dismissed`: GUIDELINES reading 31), so its date suffices.
# A dividend is a declared or paid amount per share (GUIDELINES wide reading 14): with no
# amount (`Dividends are usually declared in February`) there is none.
CORE_ROLES: dict[str, frozenset] = {
    "EXECUTIVE_CHANGE": frozenset({"person"}),
    "DIVIDEND": frozenset({"amount"}),
    "AGREEMENT": frozenset({"party"}),
    "LEGAL_PROCEEDING": frozenset({"party", "court", "date"}),
}
# Trigger words that never state an event of the type the classifier gave them (its
# label confusions on lee8k: `convert` as ACQUISITION in credit agreements, `we repurchased
# 64 million shares` as ACQUISITION (a buy-back: RETYPE), `acquired
# three stores` as EXECUTIVE_CHANGE, `elected` as DISPOSITION; a dividend or capital
# expenditures as FINANCIAL_RESULT: the gold never counts either). Where the words state
# another type, the trigger takes that type (RETYPE); otherwise it is dropped.
BUY_BACK_WORDS = r"repurchas|reacquir|buy-?back"  # a buy-back's trigger words (NOT_TRIGGERS, RETYPE)
NOT_TRIGGERS: dict[str, re.Pattern] = {t: re.compile(p, re.I) for t, p in {
    "ACQUISITION": r"convert|conversion|sell|sale|sold|borrow|elect|appoint|^join|" + BUY_BACK_WORDS,
    "DISPOSITION": r"elect|borrow|refinanc|compar|bought|buy|acquir|acquisi|purchas|^join",
    # (not an office's function: `Chief Sales Officer`, `Chief Purchasing Officer`, `Chief Security Officer`)
    "EXECUTIVE_CHANGE": r"purchas(?!ing\b)|acquir|repurchas|reacquir|securities|bought|sold|"
                        r"\bsell(?:s|ing)?\b|\bsale\b",
    "FINANCIAL_RESULT": r"^(?:sold|invested|purchased|acquired|declared)$|dividend|capital\s+expenditure",
    "FINANCING": r"spin-off|spun off",
    # a sale done is a DISPOSITION, securities issued a FINANCING, a case appealed a LEGAL_PROCEEDING
    # (RETYPE), not an agreement
    "AGREEMENT": r"^(?:sold|sells?|sale|issued)$|\bappeal",
    # pay is approved or granted; dividends are declared, and cases appealed
    "COMPENSATION": r"^declared$|\bappeal",
    # a case is never a buy-back (`we repurchased 64 million shares`: RETYPE) nor a dividend
    # declared (FOLLOWED_BY), whatever a classifier trained on lawsuits' verbs makes of them
    "LEGAL_PROCEEDING": BUY_BACK_WORDS,
    # a buy-back is never sued or appealed (RETYPE: a case's step)
    "SHARE_REPURCHASE": r"\bsued\b|\bappeal",
    # a dividend is declared, paid, changed or named; never `filed`, `subpoena`, `appealed`
    "DIVIDEND": r"^(?!.*(?:declar|dividend|distribut|increas|rais|reduc|\bcut|lower|suspen|reinstat|initiat|"
                r"\bpa(?:y|id)))",
}.items()}
# Trigger words of a type that the words after them show to state another type, or
# none: a `Master Repurchase Agreement` (a repo loan) or a `Change of Control
# Repurchase Event` is no buy-back; the `sale of the Securities` (`offer and sale of
# $250 million ... of notes`) is a FINANCING, not a DISPOSITION.
FOLLOWED_BY: dict[str, list[tuple[re.Pattern, str | None]]] = {t: [(re.compile(p, re.I), o) for p, o in rules]
                                                              for t, rules in {
    "SHARE_REPURCHASE": [(r"\s*(?:\([A-Z]{2,5}\)\s*)?(?:agreements?|events?|obligations?|transactions?|price|right|"
                          r"and\s+related\s+agreements)\b", None),
                         # debt bought back is no buy-back of stock (`to repay and repurchase long-term
                         # borrowings`, `repurchased $500 million of its 4.05% notes`)
                         (r"\s+(?:(?:(?:US)?\$\s*[\d.,]+\s*(?:million|billion)?|all|a\s+portion|certain)\s+of\s+)?"
                          r"(?:the\s+|its\s+|our\s+|their\s+)?(?:(?!shares\b|stock\b)[\w%.$,-]+\s+){0,4}?"
                          r"(?:borrowings|debt|notes|debentures|bonds|loans|indebtedness)\b", None)],
    # the filer's own stock bought is a buy-back (`the Company purchased $487 million (4 million
    # shares) of its common stock for its treasury`)
    "ACQUISITION": [(r"\s+(?:approximately\s+)?(?:US)?\$?\s*[\d.,]+\s*(?:million|billion|thousand)?\s*"
                     r"(?:\([^)]{0,40}\)\s*)?(?:shares\s+)?of\s+(?:its|our|their|the\s+Company[\u2019']s)\s+"
                     r"(?:own\s+)?(?:class\s+\w\s+)?(?:common|ordinary|capital)\s+(?:stock|shares)",
                     "SHARE_REPURCHASE")],
    # a dividend declared is no case (`the company declared a quarterly dividend of $1.51`), nor a
    # dividend's change approved (`approved an increase in the quarterly dividend`: the change is the
    # dividend's trigger)
    "LEGAL_PROCEEDING": [(r"\s+(?:an?\s+|the\s+)?(?:increase|decrease|reduction|change)\s+in\s+(?:the|its|our|their)\s+"
                          r"(?:[\w-]+\s+){0,3}?dividends?\b", None),
                         (r"\s+(?:an?\s+|the\s+|its\s+)?(?:(?:regular|quarterly|special|annual|interim|final|"
                          r"cash)\s+)*(?:cash\s+)?dividends?\b", "DIVIDEND")],
    # a judgment or order entered is a court's act (`the court entered final judgment`); hedges
    # entered into are no agreement of the filer's business (`We have entered into interest rate swaps`)
    "AGREEMENT": [(r"\s*(?:final\s+|partial\s+)?(?:judgments?|an?\s+(?:\w+\s+)?order|orders?)\b", "LEGAL_PROCEEDING"),
                  (r"\s+(?:(?:various|certain|several|new|additional)\s+)?(?:(?:interest\s+rate|cross[- ]currency|"
                   r"foreign\s+(?:currency|exchange)|currency|commodity|pay-(?:fixed|floating)|fixed-to-floating)\s+)+"
                   r"(?:swaps?|swap\s+agreements|forwards?|forward\s+contracts|options|collars|hedges?|derivatives?)\b",
                   None)],
    "DISPOSITION": [(r"\s+of\s+(?:(?:an?|the)\s+)?(?:aggregate\s+of\s+)?(?:US)?\$\s*[\d.,]+\s*(?:million|billion)?\s+"
                     r"(?:in\s+)?(?:aggregate\s+)?(?:principal\s+amount|of\s+(?:its\s+|the\s+)?(?:[\w%.-]+\s+){0,4}?"
                     r"(?:notes|debentures|bonds))", "FINANCING"),
                    (r"\s+of\s+(?:the\s+|its\s+|our\s+|such\s+)?(?:[\w-]+\s+){0,2}?(?:securities|notes|debentures|bonds)\b|"
                     r"\s+the\s+(?:\w+\s+)?securities\b", None),
                    # the filer's own shares sold are an issue of stock (`the Company sold 2,500,000 shares of
                    # common stock in a registered direct offering`), not a holding sold
                    (r"\s+(?:approximately\s+)?[\d.,]+\s*(?:million\s+)?(?:shares|units)\s+of\s+"
                     r"(?:(?:its|our|the\s+Company[\u2019']s)\s+)?(?:class\s+\w\s+)?(?:common|ordinary|preferred)\s+"
                     r"(?:stock|shares)\b(?!\s+of\s)", "FINANCING")],
    # a business or a stake sold is a DISPOSITION, not money raised (`sold its 40% interest in Brightwater`)
    "FINANCING": [(r"\s+(?:of\s+)?(?:its|our|their|the|an?)\s+(?:[\d.]+%\s+)?(?:(?:equity|ownership|remaining|"
                   r"minority|majority|noncontrolling|non-controlling)\s+)*(?:interests?|stakes?|business(?:es)?|"
                   r"divisions?|subsidiar(?:y|ies)|segments?|brands?)\b", "DISPOSITION")],
}.items()}


def _followed(event_type: str, after: str) -> tuple[bool, str | None]:
    """(whether the words after a trigger show another type or none, that type)."""
    for pattern, other in FOLLOWED_BY.get(event_type, ()):
        if pattern.match(after):
            return True, other
    return False, None


RETYPE: list[tuple[re.Pattern, str]] = [(re.compile(p, re.I), t) for p, t in [
    (BUY_BACK_WORDS, "SHARE_REPURCHASE"),
    (r"acquir|purchas|bought|\bbuy", "ACQUISITION"),
    (r"\bsell|\bsale|\bsold|divest", "DISPOSITION"),
    (r"invested|^issued$", "FINANCING"),
    (r"\bappeal|\bsued\b", "LEGAL_PROCEEDING"),
]]
REPEATABLE = frozenset({("AGREEMENT", "party"), ("LEGAL_PROCEEDING", "party")})


def compatible(event_type: str, role: str, filler_label: str) -> bool:
    return filler_label in ROLES.get(event_type, {}).get(role, ())


def entity_roles(event_type: str) -> list[str]:
    """Roles of a type that an entity (or generic filer phrase) can fill."""
    return [r for r, labels in ROLES[event_type].items() if labels - {"TEXT"}]


# roles that name a day: a DATE valued as a year, fiscal period or quarter fills none of them (every
# dividend date of the gold is a day or a month; `dividends of $1.20 per share during fiscal 2023` has none)
DAY_ROLES = frozenset({("DIVIDEND", "record_date"), ("DIVIDEND", "payment_date")})
CALENDAR_DATE = re.compile(r"\d{4}-\d\d(?:-\d\d)?")


def value_fits(event_type: str, role: str, value) -> bool:
    """Whether a filler valued `value` may fill the role (DAY_ROLES take a day or a month only)."""
    return (event_type, role) not in DAY_ROLES or CALENDAR_DATE.fullmatch(str(value)) is not None


def has_core_roles(event: dict) -> bool:
    """True unless the event's type has CORE_ROLES and none is among its args."""
    core = CORE_ROLES.get(event["type"])
    return core is None or any(a["role"] in core for a in event["args"])


def trigger_fits(event_type: str, text: str, after: str = "") -> bool:
    """False where the trigger's words never state an event of the type (NOT_TRIGGERS),
    or the words `after` it show that they do not (FOLLOWED_BY)."""
    words = NOT_TRIGGERS.get(event_type)
    return (words is None or not words.search(text)) and not _followed(event_type, after)[0]


def trigger_type(event_type: str, text: str, after: str = "") -> str | None:
    """The type a classifier trigger stands for: its own where its words fit it, else
    the type its words state (RETYPE: `acquired` given as EXECUTIVE_CHANGE is an
    ACQUISITION), else None (no event). `after`: the text that follows the trigger."""
    if trigger_fits(event_type, text, after):
        return event_type
    followed, other = _followed(event_type, after)
    if followed:  # the words name something else: another event (a sale of notes) or none (an agreement)
        return other
    for words, other in RETYPE:
        if words.search(text) and other != event_type and trigger_fits(other, text, after):
            return other
    return None


# ------------------------------------------------------- section 4: declared 8-K items
# Filers declare the items a current report covers, as titles ("Results of Operations
# and Financial Condition") or numbers ("2.02", "Item 5"). Items numbered before the
# August 2004 reform use a different scheme (old Item 5 "Other events", old Item 12
# "Results of operations"), so a bare number needs the filing date; titles do not.
REFORM_DATE = "2004-08-23"  # the current 8-K item numbering applies to filings from this date

CURRENT = {
    "1.01": {"AGREEMENT"}, "1.02": {"AGREEMENT"}, "1.03": {"BANKRUPTCY"},
    "2.01": {"ACQUISITION", "DISPOSITION"}, "2.02": {"FINANCIAL_RESULT"}, "2.03": {"FINANCING"},
    "2.04": {"FINANCING"}, "2.05": {"FINANCIAL_RESULT"}, "2.06": {"FINANCIAL_RESULT"},
    "3.01": {"DELISTING"}, "3.02": {"FINANCING", "CONVERSION"}, "3.03": {"CONVERSION", "AGREEMENT"},
    "4.01": {"AUDITOR_CHANGE"}, "5.02": {"EXECUTIVE_CHANGE", "COMPENSATION"}, "5.07": {"SHAREHOLDER_VOTE"},
}
PRE_2004 = {
    "2": {"ACQUISITION", "DISPOSITION"}, "3": {"BANKRUPTCY"}, "4": {"AUDITOR_CHANGE"},
    "6": {"EXECUTIVE_CHANGE", "COMPENSATION"}, "12": {"FINANCIAL_RESULT"},
}
TITLES = [  # title patterns (either numbering) -> types
    (r"entry into a material definitive agreement|termination of a material definitive agreement",
     {"AGREEMENT"}),
    (r"bankruptcy|receivership", {"BANKRUPTCY"}),
    (r"completion of acquisition or disposition|acquisition or disposition of assets",
     {"ACQUISITION", "DISPOSITION"}),
    (r"results of operations", {"FINANCIAL_RESULT"}),
    (r"creation of a direct financial obligation|triggering events that accelerate", {"FINANCING"}),
    # charges and impairments are results (SCHEMA section 2); lee8k writes the 2.05 title
    # in the singular (`Cost Associated with Exit or Disposal Activities`)
    (r"costs? associated with exit or disposal|material impairments?", {"FINANCIAL_RESULT"}),
    (r"notice of delisting|transfer of listing", {"DELISTING"}),
    (r"unregistered sales? of equity", {"FINANCING", "CONVERSION"}),
    (r"material modifications? to rights of security holders", {"CONVERSION", "AGREEMENT"}),
    (r"changes? in (?:registrant'?s )?certifying accountant", {"AUDITOR_CHANGE"}),
    (r"departure of directors|resignations? of (?:registrant'?s )?directors|compensatory arrangements",
     {"EXECUTIVE_CHANGE", "COMPENSATION"}),
    (r"submission of matters to a vote", {"SHAREHOLDER_VOTE"}),
]
MAPPED_TYPES = frozenset(t for _, types in TITLES for t in types)  # the types some item declares
