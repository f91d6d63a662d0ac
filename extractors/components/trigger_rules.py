"""`sec_trigger_rules`: event triggers from cue rules, beside the trained ones.

Some event types are rare in the training data (votes, officer changes, buy-backs,
lawsuits, dividends), so the trigger classifier misses many of them. These rules
add a trigger where the sentence both uses the type's trigger words and holds the
entities the event needs (the trigger is the cue's first matched group, else all of
it), and where the classifier has no trigger of that type overlapping; one per cue and
sentence unless a DATE opens a new clause. The filer named generically (`the
Corporation`) counts as the ORG a cue needs, and `we` as the ORG of a deal (acquisition,
disposition, agreement). A cue that
states a contingency (`shall be elected`) or, for votes, an act of the board is no
trigger (`stated`). Rule triggers get score `rule_score`; classifier triggers keep
theirs, except that a second cue of the ABSORB types replaces a classifier trigger of its
type inside the cue's words (`authorized a share [repurchase] program` -> `authorized`).

| type | trigger words | the sentence must also hold (context words: it or the next one) |
|---|---|---|
| SHAREHOLDER_VOTE | elected, approved, ratified, adopted, rejected, defeated, voted | vote words (votes, stockholders, shareholders, meeting, proposal) |
| ACQUISITION | completed/consummated/closed (the completion of) the acquisition/merger/purchase of; will/agreed to acquire, an agreement to acquire; has acquired, completed a ... transaction to acquire, acquired + a name, acquired a/all/a majority of/additional ... interest, stake, business(es), assets, company, outstanding ... shares/stock; purchased all of the outstanding ... of; X's acquisition of + a name; was/will be acquired by + a name or the Company, merged with + a name; will be merged (with and) into | an ORG (a merger: and `merger` or `agreement`) |
| DISPOSITION | completed/consummated/closed (the completion of) the sale/disposition/divestiture of; agreed / an agreement ... to sell; sold its/the/certain ... business; an agreement (with X) for / included the sale (refranchising) of; a gain or loss (of $N) related to / on / from the sale of; spun off, the spin-off of; a holding `, which was sold` | an ORG (agreed and done sales: what is sold is a business, brand, assets, stake, interest, subsidiary, division, unit, operations, segment, portfolio or joint venture) |
| AGREEMENT | entered into a/an/the/certain; signed/executed/closed/concluded (a/the) (definitive/new) ... agreement(s)/offer letter/contract(s); has partnered with/to | agreement words and an ORG |
| AGREEMENT (ended or changed) | replaced our/the ... agreement/facility (nothing more); terminated, amended, extended, renewed, modified (and combined) the/its ... (lower case; not `as amended`, `an amended`, `unless extended`, `earlier terminated`, `amended and restated`) | agreement words (or a term loan) and a DATE |
| FINANCING | invested (approximately) $; was borrowed, borrowed $; from the issuance of (debt); proceeds from ... borrowings; debt/bond/note issuance(s) of $, issuance(s) of long-/short-term debt, commercial paper, notes, bonds; issued/sold/raised (a total of) $N or N (shares); we issued the (named) Notes, debt/notes issued in a month or year (no amount needed); contributed N (newly issued) shares; completed a/an ... offering/placement/issuance; entered into ... credit agreement/facility, term loan, loan agreement, commitment letter, note purchase | MONEY (or SHARES) and security words (preferred stock, notes, financing, for cash, gross proceeds, at-the-market, ...) |
| FINANCING (a loan agreed) | entered into ... credit (and security) agreement/facility, term loan, loan agreement, commitment letter, note purchase (not `extend`, `amend` between); a credit/loan agreement (that) X entered into | no later sentence that states the terms (`provides for ... credit facility`: FINANCING (terms)) |
| FINANCING (draws, sales) | we/it/that borrowed, drew, drawn; a $N draw/borrowing on/under/from; shares ... were sold; the closing of a/an ... offering/placement | MONEY and loan words (credit, facility, loan, revolving) or sale words (per share, private placement, offering, proceeds) |
| FINANCING (terms) | provides (for) ... $N ... credit facility / borrowings / term loan; increase(d) the commitments ... from $ | MONEY, and `entered into` or an amendment in it or the sentence before (not an amendment that only extends the term) |
| CONVERSION | converted/exchanged (...) into/for/to ... shares, stock, notes, debentures, securities, units, awards | security words |
| EXECUTIVE_CHANGE | appointed, named (not `named executive`, `newly named`), elected (not `elected to terminate`), promoted, resign(ed/ing/ation), retired/retiring, succeed(s/ed) (not `to succeed`), step(s/ped) down, hired, the hiring of, the departure of (not an item's title), will/to leave, terminated as, will/to become, not stand for re-election; in a biography: served as/in, joined ... as, joining ... as (before a comma), was + a title, has/had been + a title since, became, held ... positions (with a start DATE) | a PERSON and a ROLE or a board seat (`elected to the board`); a biography: a ROLE, a board seat or roles served in (`served in various leadership roles`), and a DATE. A PERSON after a trigger opens a new clause (two people, two changes) |
| SHARE_REPURCHASE | repurchase(d), buyback, buy back; authorized/approved/announced ... repurchase program/of, purchases of (the verb nearest the program); a repurchase program (that was) authorized/approved, a program that the board authorized (the verb); purchased N (million) shares of its common stock, N shares were purchased or bought back; (share) repurchases of $N, purchase(s) of treasury shares/stock of $N (not `lower`/`higher` ones; not debt repurchased, a program named, `the repurchased shares`) | MONEY or SHARES (purchases: SHARES and a repurchase, buy-back or program word) |
| LEGAL_PROCEEDING | lawsuit, complaint, class action, verdict, settlement, subpoena(s), arbitration, (criminal/civil/formal) investigation, civil investigative demand; filed/brought ... suit or legal proceedings, suits or indictments (an aside or `relating to` between) were filed, filed against, a caption (`X v. Y`) then filed (the verb), sued, named in a suit, filed/initiated ... litigation/arbitration (the phrase); actions/investigations were initiated (the verb) | the nouns alone: an ORG or PERSON; the filing and suing cues: nothing more |
| LEGAL_PROCEEDING (a later step) | a court's (circuit's, PTAB's, MDL's), tribunal's, jury's act (its name within 60 characters before): denied, granted, rendered, issued, ordered, ruled, dismissed, clarified, upheld, consolidated, instituted, ... (with the instrument it makes and what that does: `issued an order transferring`); a case dismissed, settled, transferred, consolidated, remanded or discontinued; a settlement agreement entered into or signed (the verb); filed for (en banc) review or rehearing; named as a defendant (the verb); an action removed, a complaint responded to; an act upheld/affirmed/reversed by a court; a trial in a case (not `pre-trial`; with what happens to it: `trial has been rescheduled`); briefs, motions, appeals, proofs of claim filed (the verb with what is filed); a judgment or verdict obtained (the judgment); an amended or consolidated complaint (filed with it); settled with / settled the matter, reached (a) settlement | nothing more (the cues name a case), except a trial: a DATE; a party's appeal (`appealed`): case words |
| DIVIDEND | declared (not `dividends declared`, `declared that`, `declared at the discretion`); increased/raised/reduced/cut/lowered the/our (regular) (quarterly/annual) dividend (from the verb to the dividend); an annual(ized)/quarterly dividend (declared) (per share) was/were $N ... in/for a year or its first months or quarter (`declared` if said, else the dividend) | the word dividend; a change: MONEY; a year's figure: MONEY per share |
| SIGNATURE | signed | on its behalf, undersigned, duly caused |
| LATE_FILING | NOTIFICATION OF LATE FILING, could not be filed (once per document) | |
| AUDITOR_CHANGE | dismissed, engaged, resigned, declined to stand, approved the engagement of | independent (registered public) accountants/auditors and an ORG; not a ratification vote |
| BANKRUPTCY | filed a (voluntary) petition / for bankruptcy, chapter, relief, protection | chapter 7/11/15 or bankruptcy, and an ORG |
| DELISTING | received a (written) notice/letter/staff determination; delisted | not in compliance, delisting, continued listing, listing rule; an ORG |
| COMPENSATION | approved, granted, awarded, adopted, increased, amended, established; to/will award, grant, receive; grant of | pay words (salary, bonus, equity award, stock options, RSUs, incentive compensation, ...) and a PERSON, a ROLE or the compensation committee; not a holders' vote |
"""
from __future__ import annotations

import re
from typing import List, Optional

from spacy.language import Language
from spacy.tokens import Doc

from extractors.contract import TRIGGERS_KEY, doc_text, span_scores
from extractors.layout import SIGNATURE_CONTEXT
from extractors.names import FILER_PRONOUN, GENERIC_FILER
from extractors.offsets import line_end, within

# A seat on the board is an office too (`was elected to the board of directors`, `as
# a member of the Company's Board`): a sentence that names one counts as holding a
# ROLE for the EXECUTIVE_CHANGE rule (`BOARD_SEAT_LABEL` stands among its labels).
BOARD_SEAT = re.compile(r"\b(?:to|from|of|on|join(?:ed|s)?)\s+(?:the|its|our|their)\s+(?:\w+(?:'s|\u2019s)\s+)?"
                        r"board(?:\s+of\s+directors)?\b|\bas\s+an?\s+(?:independent\s+|non-?executive\s+|Class\s+[IV]+\s+)?director\b", re.I)
BOARD_SEAT_LABEL = "board seat"
# A biography's office may be named only as roles served in (`served in various finance
# leadership roles at Abbott Laboratories from 2007`, `in roles of increasing
# responsibility`): such a sentence counts as holding a ROLE for the biography cue.
OFFICE_WORDS = re.compile(r"\bserved\s+in\s+(?:roles|positions)\s+of\s+increasing\s+responsibilit|"
                          r"\bserved\s+in\s+(?:[\w-]+\s+){0,6}?(?:leadership|management|executive|senior|operational)\s+"
                          r"(?:roles|positions)\b", re.I)
OFFICE_WORDS_LABEL = "office words"
# A biography goes on about its person as `he` or `she` (`He was elected a Vice President of
# Alcoa in June 2011`): a dated sentence with that pronoun counts as holding a PERSON for
# the EXECUTIVE_CHANGE rule (the linker finds the person before it).
PRONOUN = re.compile(r"\b(?:he|she)\b", re.I)
PRONOUN_LABEL = "pronoun"
# A pay decision of the compensation committee names whose pay it is, or is a plan
# decision naming nobody (lee8k v1.2: one COMPENSATION without `person`): a sentence
# naming the committee counts as holding a PERSON or ROLE for the COMPENSATION rule, and so
# does `the Committee`, as filings define it once the pay committee is named.
PAY_BODY = re.compile(r"\bcompensation\s+(?:and\s+\w+\s+|\w+\s+)?committee\b|\bthe\s+(?-i:Committee)\b", re.I)
PAY_BODY_LABEL = "pay committee"
# a complaint amended or consolidated (a later step of a suit, when filed)
AMENDED_COMPLAINT_WORDS = r"(?:(?:second\s+|third\s+)?amended\s+complaint|consolidated\s+(?:class\s+action\s+)?complaint)"
AMENDED_COMPLAINT = rf"({AMENDED_COMPLAINT_WORDS})"
# what pay is: the words a COMPENSATION cue's sentence must hold, and what its `plan` names
PAY_WORDS = re.compile(r"\bsalar(?:y|ies)\b|\bbonus(?:es)?\b|\bequity\s+awards?\b|\brestricted\s+stock\b|"
                       r"\bstock\s+options?\b|\bRSUs?\b|\bPSUs?\b|\bcompensat|\bseverance\b|\bretention\b|"
                       r"\bgrant\s+of\s+(?:\w+\s+){0,2}options\b|\boptions\s+to\s+purchase\b|"
                       r"\bincentive\s+(?:compensation|awards?|plans?|bonus)|\bcash\s+incentives?\b", re.I)
# the filer as `we` is a party to its deals (GUIDELINES wide reading 3: `we sold our Sahale
# Snacks business to Second Nature`): a sentence with it counts as holding an ORG for the
# ACQUISITION, DISPOSITION and AGREEMENT cues (not for a suit: `We are involved in lawsuits`)
FILER_WE_LABEL = "filer as we"
DEAL_PARTY = "ORG|" + FILER_WE_LABEL
# words within one sentence: a decimal point (`$1.5 billion`) ends none
IN_SENTENCE = r"(?:[^.;]|\.(?=\d))"
RULES = {
    "SHAREHOLDER_VOTE": (re.compile(r"\b(?:elected|approved|ratified|adopted|rejected|defeated|voted)\b", re.I),
                         re.compile(r"\b(?:votes?|voting|stockholders|shareholders|annual meeting|proposal)\b", re.I),
                         None),
    "ACQUISITION": (re.compile(r"\b(?:completed|consummated|closed|(?:completion|consummation|closing)\s+of)\s+"
                               r"(?:(?:the|its|our|their)\s+)?"
                               r"(?:previously\s+announced\s+|proposed\s+)?(acquisition|merger|purchase)\s+of\b|"
                               r"\b(?:will|agreed\s+to|has\s+agreed\s+to)\s+(acquire)\b|"
                               # (`we completed a cash and stock transaction to acquire Hostess Brands`)
                               r"\b(?:completed|consummated|closed)\s+(?:an?|the)\s+(?:[\w-]+\s+){0,4}?transaction\s+to\s+"
                               r"(acquire)\b", re.I), None, {DEAL_PARTY}),
    "DISPOSITION": (re.compile(r"\b(?:completed|consummated|closed|(?:completion|consummation|closing)\s+of)\s+"
                               r"(?:(?:the|its|our|their)\s+)?"
                               r"(?:previously\s+announced\s+|proposed\s+)?(sale|disposition|divestiture)\s+of\b",
                               re.I), None, {DEAL_PARTY}),
    "AGREEMENT": (re.compile(r"\b(entered\s+into)\s+(?:an?|the|certain)\b|"
                             r"\b(signed|executed|closed|concluded)\s+(?:an?\s+|the\s+)?(?:definitive\s+|new\s+)?"
                             r"(?:[\w-]+\s+){0,3}?(?:agreements?|offer\s+letter|contracts?)\b|"
                             r"\b(?:have|has|had|we)\s+(partnered)\s+(?:with|to)\b",
                             re.I),
                  re.compile(r"\b(?:agreements?|contracts?|leases?|letters?|arrangements?)\b", re.I), {DEAL_PARTY}),
    "FINANCING": (re.compile(r"\b(invested)\s+(?:approximately\s+|about\s+)?\$", re.I),
                  re.compile(r"\b(?:preferred\s+stock|convertible|notes|debentures|financing|private\s+placement)\b",
                             re.I), {"MONEY"}),
    # securities converted or exchanged into others (`we converted 38.5 million of our Class B
    # shares into Class A shares`, `$14.0 billion of the notes were exchanged for new senior
    # notes`), not cash or property: what they become is a security
    "CONVERSION": (re.compile(r"\b(converted|exchanged)\s+(?:" + IN_SENTENCE + r"{0,80}?\s)?(?:into|for|to)\s+"
                              r"(?:(?:an?|the|its|our|their|new|voting|non-voting|approximately)\s+)*"
                              r"(?:[\w,.$-]+\s+){0,5}?(?:shares|stock|notes|debentures|securities|units|awards)\b", re.I),
                   re.compile(r"\b(?:shares|stock|notes|debentures|debt|securities|awards)\b", re.I), None),
    "EXECUTIVE_CHANGE": (re.compile(r"(?<!newly\s)\b(?:appointed|named(?!\s+executive)|elected|promoted|resign(?:ed|s|ing|ation)?|"
                                    r"retired|retire|retires|retiring|(?<!\bto\s)succeed(?:s|ed)?|step(?:s|ped|ping)?\s+down|hired|"
                                    r"elevated|(?<=will\s)become|(?<=to\s)become|will\s+(?:appoint|assume|serve\s+as)|"
                                    # a departure or hire named as such (`the departure of Chief Financial Officer
                                    # Alan Ross`, `will leave the Company`, `was terminated as`, `the hiring of`)
                                    r"(?<=the\s)departure(?=\s+of\s+(?!directors|certain\s+officers|principal))|(?:will|to)\s+leave|"
                                    r"terminated(?=\s+as\b)|hiring(?=\s+of\b)|"
                                    r"not\s+(?:to\s+)?(?:stand|run)\s+for\s+re-?election)\b", re.I),
                         None, {"PERSON|" + PRONOUN_LABEL, "ROLE|" + BOARD_SEAT_LABEL}),
    "SHARE_REPURCHASE": (re.compile(r"\b(?:repurchased?|buy-?backs?|buy back)\b", re.I), None, {"MONEY|SHARES"}),
    # (a suit's whole noun phrase, so that its filing verb adds no second trigger: `a putative
    # class action complaint was filed`; never an agreement's name: `Settlement and License Agreement`)
    "LEGAL_PROCEEDING": (re.compile(r"\b(?:(?:(?:putative|private|securities|shareholder|stockholder|derivative)\s+){0,3}"
                                    r"class\s+action(?:\s+(?:complaint|lawsuit|suit)s?)?|lawsuits?|complaint|verdict|"
                                    r"settlement(?!\s+(?:and\s+\w+\s+)?(?-i:Agreement))|subpoenas?|arbitration|"
                                    r"(?:criminal\s+|civil\s+|formal\s+)?investigation|civil\s+investigative\s+demand)\b",
                                    re.I),
                         None, {"ORG|PERSON"}),
    "DIVIDEND": (re.compile(r"(?<!dividends\s)\bdeclared\b(?!\s+that\b|\s+at\s+the\s+discretion)", re.I),
                 re.compile(r"\bdividends?\b", re.I), None),
    "SIGNATURE": (re.compile(r"\bsigned\b", re.I), SIGNATURE_CONTEXT, None),
    "LATE_FILING": (re.compile(r"NOTIFICATION\s+OF\s+LATE\s+FILING|(?:could|can)\s*not\s+be\s+filed", re.I),
                    None, None),
    "AUDITOR_CHANGE": (re.compile(r"\b(dismissed|engaged|resigned|declined\s+to\s+stand)\b|"
                                  r"\bapproved\s+the\s+(engagement)\s+of\b", re.I),
                       re.compile(r"\bindependent\s+(?:registered\s+)?(?:public\s+)?account(?:ing|ants?)\b|"
                                  r"\bindependent\s+auditors?\b|\bcertifying\s+accountants?\b", re.I), {"ORG"}),
    "BANKRUPTCY": (re.compile(r"\b(filed)\s+(?:a\s+)?(?:voluntary\s+)?(?:petitions?|for\s+(?:bankruptcy|chapter|relief|"
                              r"protection))\b", re.I),
                   re.compile(r"\bchapter\s+(?:7|11|15)\b|\bbankruptcy\b", re.I), {"ORG"}),
    "DELISTING": (re.compile(r"\b(received)\s+(?:a\s+|an\s+)?(?:written\s+|formal\s+)?(?:notice|notification|"
                             r"(?:deficiency\s+)?letter|staff\s+determination)\b|\b(delisted|delisting\s+of)\b", re.I),
                  re.compile(r"\bnot\s+(?:in\s+)?complian|\bno\s+longer\s+(?:in\s+)?complian|\bdelist|"
                             r"\bcontinued\s+listing\b|\blisting\s+(?:rule|standard|requirement)", re.I), {"ORG"}),
    "COMPENSATION": (re.compile(r"(?<!-)\b(?:approved|granted|awarded|adopted|increased|amended|established|"
                                r"(?<!entitled\s)(?<!eligible\s)(?<!continue\s)"
                                r"(?:to|will)\s+(award|grant|receive)|(grant)\s+of)\b", re.I),
                     PAY_WORDS, {"PERSON|ROLE|" + PAY_BODY_LABEL}),
}
# A court's act is written with its verb and the instrument it makes (`issued an order`,
# `rendered a partial award`, `entered a judgment`): the trigger spans both, as the wide
# gold names either (`issued` in `the Tax Court issued the Opinion`, `order` in `issued an order`).
LEGAL_OBJECT = (r"(?:\s+(?:an?|the|its|their)\s+(?:[\w-]+\s+){0,2}?(?:orders?|opinions?|decisions?|rulings?|"
                r"judgments?|awards?|verdicts?|injunctions?)\b"
                # and what the instrument does (`entered an order appointing interim counsel`: the
                # wide gold names the order's verb), so the trigger overlaps either reading
                r"(?:\s+(?:\w+ing)\b)?)?")
# the adverbs a case's step may carry (`The Wisconsin Case initially was stayed`, `the suit was
# subsequently voluntarily dismissed`)
CASE_ADVERBS = r"(?:(?:initially|subsequently|later|ultimately|also|then|voluntarily)\s+){0,2}"
# what a disposition sells: a business or a stake in one, never products or securities
SOLD_THINGS = re.compile(r"\b(?:business(?:es)?|brands?|assets|stake|interest|subsidiar(?:y|ies)|division|unit|"
                         r"operations|segment|portfolio|joint\s+venture|investment|propert(?:y|ies)|buildings?|"
                         r"headquarters|real\s+estate|plants?|facilit(?:y|ies))\b", re.I)
# a holding named, then what was done to it in a relative clause (`its investment in DraftKings,
# Inc. (DraftKings), which was sold`): the trigger rules read the verb, textroles the holding
HOLDING = (r"\b(?:(?:its|our|the|their)\s+)?"
           r"(?:investment|stake|business|subsidiary|division|operations|brands?|assets)\b")
SAID_OF_IT = r",\s+(?:which|that)\s+(?:was|were|has\s+been|have\s+been)\s+"
# Further cues of a type, a list per type. Biographies (GUIDELINES wide reading 13: an office
# with a stated start is an EXECUTIVE_CHANGE; the sentence must hold the start's DATE).
# a line of a biography written as a list (`2019 to present — Executive Vice President,
# Human Resources.`, `Elected Corporate Officer — 2015.`): its office, or `Elected`
BIOGRAPHY_LINE = re.compile(r"^[ \t]*(?:19|20)\d\d\s+(?:to|through|-|\u2013)\s+(?:(?:19|20)\d\d|[Pp]resent)"
                            r"\s*[\u2014\u2013]\s*([A-Z][A-Za-z&,.'\u2019 -]{2,120}?)\.?[ \t]*$|"
                            r"^[ \t]*(Elected|Appointed)\s+(?:an?\s+)?(?:Corporate\s+|Executive\s+)?Officer\s*"
                            r"[\u2014\u2013]\s*(?:19|20)\d\d\.?[ \t]*$", re.M)
# a credit agreement's terms stated (`The Credit Agreement provides for a $300 million unsecured
# credit facility`): the facility is the FINANCING's trigger (TERMS_RULES), and an `entered into` a
# sentence before is then none (the loan agreed, MORE_RULES)
PROVIDES_FACILITY = (r"\bprovides?\b(?:\s*," + IN_SENTENCE + r"{0,60},)?\s+(?:for\s+)?" + IN_SENTENCE + r"{0,60}?\b("
                     r"(?:senior\s+)?(?:unsecured\s+|secured\s+)?(?:revolving\s+)?credit\s+facilit(?:y|ies)|"
                     r"(?:unsecured\s+|secured\s+)?borrowings|term\s+loans?)\b")
# a row of an officer table whose offices are listed without a verb (`Henrique Braun   55   Executive
# Vice President since January 2024 and President, International Development, since January 2023.
# President of the Latin America operating unit from October 2020 to December 2022.`): the name and age
# open the line, then each office stands before the start of its term (`office_row_triggers`); the
# name may be followed by the officer's titles (`Andre Maciel, Executive Vice President and Global
# Chief Financial Officer   49   Executive Vice President ... (since March 2022); Senior Vice
# President ... (March 2019 to March 2022)`), and a term may open a bracket
OFFICE_ROW = re.compile(r"^[ \t]*[A-Z][^\n\d]{2,140}?[ \t]{2,}\d{2}[ \t]{2,}(?=[A-Z])", re.M)
OFFICE_START = re.compile(r"\b(?:since|from)\s+$|\(\s*$", re.I)  # right before the DATE a term starts on


def starts_term(text: str, lo: int, date_start: int) -> bool:
    """Whether the DATE at `date_start` starts a term (`since` or `from` right before it, at or
    after `lo`)."""
    return OFFICE_START.search(text[max(lo, date_start - 8):date_start]) is not None


# a verb before the office: the verb's own cue (`Served as the Company's first Chief Sustainability Officer`)
CAREER_WORDS = re.compile(r"\b(?:was|is|served|serves|serving|joined|joining|has|had|became|held|named|appointed|"
                          r"elected)\b", re.I)


def office_row_triggers(text: str, ents: list[tuple]) -> list[tuple[int, int]]:
    """The offices (ROLE spans, as (start, end)) of officer-table rows that begin a term stated
    after them (`since` or `from` + DATE): the first ROLE of each stretch between two dates of the
    row, where no verb stands before it in the stretch (GUIDELINES wide reading 13, an office with a
    stated start; reading 19, coordinated titles are one office). `ents`: (start, end, label), sorted."""
    out = []
    for m in OFFICE_ROW.finditer(text):
        row = within(ents, m.end(), line_end(text, m.end()))
        lo = m.end()
        for s, e, label in row:
            if label != "DATE" or s < lo:
                continue
            if starts_term(text, lo, s):
                roles = [x for x in row if x[2] == "ROLE" and lo <= x[0] and x[1] <= s]
                # a verb of the same sentence before the office (not `when she joined the Company.`)
                if roles and not CAREER_WORDS.search(text, max(lo, text.rfind(". ", lo, roles[0][0]) + 1), roles[0][0]):
                    out.append(roles[0][:2])
            lo = e  # the next office stands after this term's start or end
    return out


MORE_RULES = {
    "EXECUTIVE_CHANGE": [(re.compile(r"\b(?:has\s+)?(served)\s+(?:as|in)\b|\b(joined)\b(?=(?:(?!\band\b)(?:[^.;]|\.(?=\s+[a-z\d]))){0,60}?\bas\b)|\b(joining)\b(?=(?:[^.;,]|\.(?=\s+[a-z\d])){0,60}?\bas\b)|"
                                    r"\b(was)\s+(?:an?\s+|the\s+)?(?=(?-i:[A-Z][a-z]))|"
                                    # an office held since a date (`has been Corporate Secretary since 1994`)
                                    r"\b(has\s+been|had\s+been)\s+(?:an?\s+|the\s+|our\s+|its\s+)?(?=(?-i:[A-Z][a-z]))"
                                    r"(?=[^.;]{0,120}?\bsince\b)|"
                                    r"\b(assumed)\s+the\s+(?:role|position)\b|"
                                    r"\b(became)\b|\b(held)\s+(?:an?\s+)?(?:variety\s+of\s+|number\s+of\s+|various\s+|several\s+)?"
                                    r"(?:[\w-]+\s+){0,3}?(?:positions?|roles?|offices?)\b", re.I),
                          None, {"ROLE|" + BOARD_SEAT_LABEL + "|" + OFFICE_WORDS_LABEL, "DATE"}),
                         # a biography written as a list of offices and their years (`2019 to present
                         # — Executive Vice President, Human Resources.`, `Elected Corporate Officer —
                         # 2015.`): the office, or `Elected`, is the trigger, the line has no verb
                         (BIOGRAPHY_LINE, None, {"DATE"}),
                         # a departure needs no office named (`he will retire from Alcoa at the end of
                         # February 2012`): the person leaves whatever they held
                         (re.compile(r"\b((?:will|to|would)\s+(?:retire|resign)|(?:retired|resigned)\s+(?=from\b|"
                                     r"effective\b))", re.I), None, {"PERSON|" + PRONOUN_LABEL, "DATE"})],
    "ACQUISITION": [(re.compile(r"\b(?:has|have|had|we|company)\s+(acquired)\b(?!\s+(?:US)?\$|\s+approximately\b|\s+\d)",
                                re.I), None, {DEAL_PARTY}),
                    # a company acquired by name (`Merck acquired Imago BioSciences, Inc.`, `an
                    # agreement to acquire Denbury Inc.`, `PepsiCo's acquisition of Wimm-Bill-Dann`),
                    # not an adjective (`the recently acquired business`)
                    # or by what was bought (`acquired a 100% equity interest in Ekata`, `acquired a
                    # majority of the Corporate Services business`, `acquired additional businesses`)
                    (re.compile(r"(?<!recently\s)(?<!newly\s)(?<!previously\s)\b(acquired)\s+(?:an?\s+|all\s+(?:of\s+)?"
                                r"(?:the\s+)?|substantially\s+all\s+(?:of\s+)?(?:the\s+)?|the\s+remaining\s+|"
                                r"a\s+majority\s+(?:of\s+)?(?:the\s+)?|additional\s+|certain\s+)(?:[\w%-]+\s+){0,4}?"
                                r"(?:interests?|stakes?|equity|business(?:es)?|assets|"
                                r"outstanding\s+(?:[\w-]+\s+){0,2}?(?:shares|stock|equity|units)|"
                                r"compan(?:y|ies)|operations)\b|"
                                # bought whole (`purchased all of the outstanding membership interests of`)
                                r"\b(purchased)\s+(?:all|substantially\s+all)\s+(?:of\s+)?(?:the\s+)?(?:issued\s+and\s+)?"
                                r"outstanding\s+(?:[\w-]+\s+){0,2}?(?:shares|stock|equity|units|interests)\s+of\b",
                                re.I), None, {DEAL_PARTY}),
                    # or in the passive (`Pharmacia was acquired by Pfizer in 2003`), or merged with one
                    # (`Former Monsanto merged with Pharmacia & Upjohn Company`)
                    (re.compile(r"(?<!recently\s)(?<!newly\s)(?<!previously\s)\b(acquired)\s+(?-i:(?=[A-Z][a-z]))|"
                                r"\b(?:was|were|been|be)\s+(acquired)\s+by\s+(?:(?-i:(?=[A-Z][a-z]))|"
                                r"the\s+(?:Company|Registrant|Corporation)\b|us\b)|"
                                r"\b(merged)\s+with\s+(?!and\b)(?-i:(?=[A-Z][a-z]))|"
                                r"\bagreements?\s+to\s+(acquire)\b|(?:'s|\u2019s)\s+(acquisition)\s+of\s+(?-i:(?=[A-Z]))",
                                re.I), None, {DEAL_PARTY}),
                    # a merger agreed: `Merger Sub will be merged with and into Reata`, `to merge into`
                    (re.compile(r"\b(?:will|to|shall)\s+(?:be\s+)?(merged?)\s+(?:with\s+and\s+)?into\b", re.I),
                     re.compile(r"\bmerger\b|\bagreement\b", re.I), {DEAL_PARTY})],
    # a sale definitely agreed (`entered into an agreement with Bangchak Corporation to
    # sell its interest in Esso Thailand`, `agreed to sell certain assets of its camera
    # module business`): the trigger is `sell`; what is sold is a business or a stake
    "DISPOSITION": [(re.compile(r"\b(?:agreed|agrees|agreements?)\s+(?:" + IN_SENTENCE + r"{0,80}?\s)?to\s+(sell)\b",
                               re.I), SOLD_THINGS, {DEAL_PARTY}),
                    # a business spun off (`which it spun off in a two-stage process`, `in connection
                    # with the spin-off of the Upjohn Business`)
                    (re.compile(r"\b(spun\s+off)\b|\b(?:the|its|our)\s+(spin-?off)\s+of\b", re.I), None, {DEAL_PARTY}),
                    # a sale done (`we sold our Canada condiment business to TreeHouse`, `sold
                    # certain pet food brands to Post`), agreed (`an agreement for the sale of
                    # the Santa Ynez Unit`, `an agreement with Seplat for the sale of`), counted
                    # among others (`This included the sale of ...`) or giving a gain or loss (`a
                    # net gain of $94 million related to the sale of our ownership interests`)
                    (re.compile(r"\b(sold|divested)\s+(?:our|its|the|their|certain|substantially\s+all)\s+"
                                + IN_SENTENCE + r"{0,60}?" + SOLD_THINGS.pattern + r"|"
                                r"\b(?:agreements?\s+(?:with\s+" + IN_SENTENCE + r"{0,80}?\s)?for|included|includes|"
                                r"including)\s+the\s+(sale|divestiture|disposition|refranchising)\s+of\b",
                                re.I), None, {DEAL_PARTY}),
                    # the seller is the filer where no party is named (`our bottling operations`,
                    # `This included the sale of certain unproved assets in Romania`)
                    (re.compile(r"\b(?:gains?|loss(?:es)?)\s+(?:of\s+" + IN_SENTENCE + r"{0,40}?\s)?(?:related\s+to|"
                                r"on|from|associated\s+with)\s+the\s+(sale|divestiture|disposition|refranchising)\s+of\b|"
                                r"\b[Tt]his\s+included\s+the\s+(sale|divestiture|disposition|refranchising)\s+of\b",
                                re.I), None, None),
                    # a business named as sold (`net proceeds ... from the divested Sahale Snacks and Canada
                    # condiment businesses`, `related to the divested Rachael Ray Nutrish brand`)
                    (re.compile(r"\bthe\s+(divested)\s+(?-i:[A-Z])" + IN_SENTENCE + r"{0,80}?"
                                r"\b(?:business(?:es)?|brands?|operations)\b", re.I), None, None),
                    # a holding named, then said sold (`its investment in DraftKings, Inc. (DraftKings),
                    # which was sold in the current quarter`)
                    (re.compile(HOLDING + r"(?:[^.;]|\.(?=\d|\s*[(,])){0,80}?" + SAID_OF_IT + r"(sold|divested)\b",
                                re.I), None, None)],
    # an agreement ended, amended or extended on a date (SCHEMA: entry into, amendment or
    # termination; GUIDELINES reading 16: an extension is an AGREEMENT); not the `as amended`
    # of a law's name, an `amended` agreement's name, `unless extended or earlier terminated`,
    # nor `Amended and Restated`
    "AGREEMENT": [(re.compile(r"(?<!\bas\s)(?<!\ban\s)(?<!\bunless\s)(?<!\bearlier\s)"
                              r"\b(?-i:(terminated|amended|extended|renewed|modified(?:\s+and\s+combined)?(?=\s+(?:the|its|our|each|their)\b)))\b"
                              r"(?!\s+and\s+restated|\s+earlier)", re.I),
                   re.compile(r"\b(?:agreements?|contracts?|leases?|facilit(?:y|ies)|arrangements?|term\s+loans?)\b",
                              re.I),
                   {"DATE"}),
                  # a new agreement in place of an old one (`The Five-Year Credit Agreement replaced our $3.8
                  # billion five-year credit agreement`, `and replaced our then-existing credit facility`)
                  (re.compile(r"\b(replaced)\s+(?:our|its|the|their)\s+(?:then[\s-]+existing\s+|previous\s+|prior\s+|"
                              r"existing\s+)?(?:[\w$.,-]+\s+){0,5}?(?:agreements?|facilit(?:y|ies))\b", re.I),
                   None, None)],
    # an authorisation of a buy-back: the trigger is the board's verb, not `repurchase`
    # (wide readings: `authorized a share repurchase program`)
    # (the verb nearest the program: `announced that its board of directors authorized the
    # repurchase of`; a program described by its authorisation: `the $10 billion repurchase
    # program authorized by our Board`)
    "SHARE_REPURCHASE": [(re.compile(r"\b(authorized|approved|announced)\s+(?:an?\s+|the\s+|its\s+)?"
                                    r"(?:(?!(?:authorized|approved|announced)\b)" + IN_SENTENCE + r"){0,60}?"
                                    r"\b(?:share\s+|stock\s+)?(?:re)?purchases?(?:\s+(?:programs?|plans?|authori[sz]ations?)|"
                                    r"\s+of\b)|\brepurchase\s+(?:program|plan)\b"
                                    r"(?:\s+(?:that|which)\s+(?:was|were|has\s+been)|\s*,?\s+(?:was|were|has\s+been)|"
                                    r"(?=\s+(?:authorized|approved)\s+(?:by|on|in)\b)|"
                                    + IN_SENTENCE + r"{0,40}?\b(?:was|were|has\s+been))\s+"
                                    r"(authorized|approved|announced)\b|"
                                    # the board's verb in a clause on the program (`the repurchase program
                                    # that our Board authorized on November 12, 2024`)
                                    r"\b(?:re)?purchase\s+(?:program|plan)\s+(?:that|which)\s+(?:the|our|its)\s+"
                                    r"(?:[\w-]+\s+){0,2}?(?:board|trustees|directors)\s+(?:had\s+|has\s+)?"
                                    r"(authorized|approved)\b", re.I), None, {"MONEY|SHARES"}),
                         # its own shares bought under a program (`Agilent purchased 2 million shares of
                         # common stock`, `3.3 million shares were purchased`), not another company's
                         (re.compile(r"\b(purchased|bought)\s+(?:back\s+)?(?:approximately\s+|a\s+total\s+of\s+)?"
                                     r"\d[\d,.]*\s+(?:million\s+)?(?:of\s+(?:its|our|the\s+company(?:'s|\u2019s))\s+)?"
                                     r"(?:common\s+)?shares\b(?!\s+of\s+(?!(?:its|our|the\s+company(?:'s|\u2019s)\s+)?"
                                     r"(?:Class\s+[AB]\s+)?common\b))|"
                                     r"\bshares\s+(?:of\s+(?:our\s+|its\s+)?common\s+stock\s+)?(?:were|was)\s+"
                                     r"((?:re)?purchased|bought\s+back)\b",
                                     re.I),
                          re.compile(r"\brepurchase|\bbuy-?back|\bprogram\b", re.I), {"SHARES"}),
                         # a period's buy-backs stated by their cost (`purchase of treasury shares of
                         # $372.8`, `share repurchases of approximately $1.0 billion`), not a change in them
                         (re.compile(r"(?<!lower\s)(?<!higher\s)(?<!decrease\sin\s)(?<!increase\sin\s)"
                                     r"(?<!lower\sshare\s)(?<!higher\sshare\s)(?<!lower\sstock\s)(?<!higher\sstock\s)"
                                     r"\b((?:share\s+|stock\s+)?repurchases|purchases?\s+of\s+treasury\s+(?:shares|stock))"
                                     r"\s+of\s+(?:approximately\s+|about\s+)?(?:US)?\$", re.I), None, {"MONEY"})],
    # a suit brought: the trigger is the suit's noun through the filing verb (`lawsuits
    # were filed`, `filed a complaint`, `sued`): the wide gold names either the verb
    # (`filed`) or the noun (`shareholder derivative complaint`)
    "LEGAL_PROCEEDING": [(re.compile(r"\b(?:lawsuits?|complaints?|actions?|suits?|petitions?|claims?|indictments?)"
                                    # (an aside between: `actions, including purported class actions, were
                                    # filed`, `complaints (the majority of which were class actions) were filed`)
                                    r"(?:\s*,[^,.;()]{1,60},|\s*\([^()]{1,80}\)|\s+(?:relating|related)\s+to\s+[^,.;()]{1,40}?)?"
                                    r"\s+(?:was|were|has\s+been|have\s+been)\s+filed\b|"
                                    r"\bnamed\s+(?:as\s+(?:a\s+)?(?:defendants?|part(?:y|ies))\s+)?in\s+(?:an?|the)\s+"
                                    r"(?:[\w-]+\s+){0,4}?(?:lawsuits?|actions?|complaints?|suits?)\b|"
                                    r"\b(?:filed|brought|commenced|instituted)\s+(?:an?\s+|the\s+|two\s+|three\s+|several\s+)?"
                                    r"(?:[\w-]+\s+){0,4}?(?:lawsuits?|complaints?|actions?|suits?|legal\s+proceedings|"
                                    r"adversary\s+proceedings?)"
                                    r"(?:\s+(?:lawsuits?|complaints?))?\b|\b(filed)\s+(?:suit\s+)?against\b|"
                                    # a case named by its caption, then filed (`a putative class action lawsuit,
                                    # Gumm v. Molinaroli, et al., Case No. 16-cv-1093, was filed`: the filing is
                                    # the trigger, and the suit's noun before the caption none)
                                    r"(?:\b(?:lawsuit|complaint|suit|action)s?\b[^;\n]{0,80}?)?"
                                    r"\bv\.\s[^;\n]{0,120}?\b(?:was|were|has\s+been|have\s+been)\s+(filed)\b|"
                                    r"\b(?:actions?|inquiries|investigations?|proceedings?|arbitrations?)\s+(?:was|were|"
                                    r"has\s+been|have\s+been)\s+(initiated|commenced|brought)\b|"
                                    r"\bsued\b|\b(?:filed|initiated|commenced)\s+(?:an?\s+)?(?:[\w-]+\s+){0,3}?"
                                    r"(?:litigation|arbitration|suit)\b", re.I),
                          None, None),
                         # a later step of a case, each its own event with its own date (GUIDELINES
                         # reading 31): a court's, tribunal's or jury's act (`the court denied our
                         # motion`, `the tribunal rendered a partial award`), a case dismissed, a
                         # party named as a defendant; the trigger is the verb
                         # a trial held or scheduled (`The trial was held in the Tax Court`,
                         # `the first patent infringement trial ... is scheduled for March 2025`),
                         # never a clinical one
                         # (with what happens to it: `The trial has been rescheduled for January 29,
                         # 2024`, `The trial is likely to commence on April 8`: the gold names the verb)
                         (re.compile(r"(?<!clinical\s)(?<!pivotal\s)(?<!-)\b(trials?(?:\s+(?:is|was|has\s+been|had\s+been|"
                                     r"will)\s+(?:likely\s+to\s+|expected\s+to\s+|scheduled\s+to\s+)?"
                                     r"(?:rescheduled|postponed|scheduled|set|held|commence|begin|start|continued|"
                                     r"adjourned|delayed))?)\b(?!\s+(?:data|results|sites?|design))", re.I),
                          re.compile(r"\b(?:court|jury|judge|infringement|plaintiffs?|defendants?|lawsuit)\b", re.I),
                          {"DATE"}),
                         # a court's act, dated or not (`The Federal Circuit affirmed the finding`)
                         (re.compile(r"\b(?:court|tribunal|judge|jury|arbitrator|panel|circuit|PTAB|MDL)\b" + IN_SENTENCE
                                     + r"{0,60}?\s"
                                     r"((?:denied|granted|rendered|issued|ordered|ruled|dismissed|transferred|confirmed|"
                                     r"entered|affirmed|reversed|remanded|vacated|certified|approved|awarded|found|"
                                     r"clarified|upheld|overturned|enjoined|sanctioned|consolidated|instituted|"
                                     r"appointed|stayed|centralized)\b"
                                     + LEGAL_OBJECT + r")", re.I), None, None),
                         (re.compile(r"\b(?:lawsuits?|complaints?|actions?|suits?|cases?|claims|matters?)\s+"
                                     + CASE_ADVERBS +
                                     r"(?:was|were|has\s+been|have\s+been)\s+" + CASE_ADVERBS +
                                     r"(dismissed|settled|transferred|consolidated|remanded|discontinued|stayed)\b|"
                                     r"\b(?:was|were|been)\s+(?:first\s+|also\s+)?(named)\s+as\s+"
                                     r"(?:a\s+)?(?:co-)?defendants?\b|"
                                     # parties let go, cases dropped by those who brought them, motions made
                                     # and papers served (`the financial institution defendants were dismissed`,
                                     # `plaintiffs voluntarily dismissed both actions`, `the defendants moved to
                                     # dismiss the complaint`, `we were served the complaint`, `Visa and other
                                     # defendants served motions to decertify`)
                                     r"\b(?:defendants?|plaintiffs?)\s+(?:was|were|have\s+been|has\s+been)\s+"
                                     + CASE_ADVERBS + r"(dismissed)\b|"
                                     r"\b(dismissed)\s+(?:both|the|all|its|their|these|those|two|three)\s+(?:[\w-]+\s+){0,2}?"
                                     r"(?:actions?|lawsuits?|complaints?|cases?|suits?)\b|"
                                     r"\b(moved\s+(?:to\s+(?:dismiss|compel|stay|strike|transfer|intervene)|for\s+(?:partial\s+)?"
                                     r"summary\s+judgment|for\s+class\s+certification))\b|"
                                     r"\b(?:was|were|been)\s+(served)\s+(?:with\s*(?:,\s*and\s+responded\s+to,\s*)?)?"
                                     r"(?:an?|the)\s+(?:[\w-]+\s+){0,3}?(?:complaint|summons|subpoena|petition|lawsuit)s?\b|"
                                     r"\b(served)\s+(?:\w+\s+)?motions?\b|"
                                     r"\b(filed)\s+with\s+the\s+(?:[\w.-]+\s+){0,3}?court\s+(?:their|its|an?)\s+(?:[\w-]+\s+){0,2}?"
                                     r"motions?\b|"
                                     # a party's step in a case (`post-trial briefs were filed`, `filed a
                                     # motion to dismiss`, `proofs of claim filed`), a judgment obtained (the
                                     # judgment), a complaint amended or consolidated (the complaint)
                                     r"\b(?:briefs?|motions?|proofs?\s+of\s+claim|appeals?|notices?\s+of\s+appeal|"
                                     r"counterclaims?)\s+(?:(?:were|was|have\s+been|has\s+been)\s+)?(filed)\b|"
                                     r"\b(removed)\s+the\s+(?:action|case|lawsuit)\b|\b(responded)\s+to\s+(?:the\s+|"
                                     r"(?:Mr\.|Ms\.|Mrs\.|Dr\.)?\s*[A-Z][\w.]*(?:'s|\u2019s)\s+)(?:complaint|petition|lawsuit)\b|"
                                     # an act a court reviewed (`which was upheld by the appellate court`)
                                     r"\b(?:was|were|been)\s+(upheld|affirmed|reversed|vacated|overturned)\s+by\s+the\s+"
                                     r"(?:[\w-]+\s+){0,2}?court\b|"
                                     r"\b(filed\s+(?:an?\s+|its\s+|their\s+|our\s+)?(?:motions?|appeals?|notices?\s+of\s+appeal|"
                                     r"counterclaims?|briefs?|proofs?\s+of\s+claim))\b|"
                                     r"\b(filed)\s+for\s+(?:en\s+banc\s+)?(?:review|rehearing|reconsideration|"
                                     r"certiorari)\b|"
                                     # a settlement agreement made (`the parties entered into a class
                                     # settlement agreement`): a step of the case as well as an AGREEMENT
                                     r"\b(entered\s+into|entering\s+into|signed|executed)\s+(?:an?\s+|the\s+)?"
                                     r"(?:[\w-]+\s+){0,3}?settlement\s+agreements?\b|"
                                     r"\b(?:obtained|won|received|secured)\s+(?:an?\s+|the\s+)?(?:partial\s+)?"
                                     r"(summary\s+judgment|judgment|verdict|injunction)\b|"
                                     r"\b(filed\s+(?:an?\s+)?" + AMENDED_COMPLAINT_WORDS + r")\b|"
                                     # a party's settlement (`the Company settled with all defendants`,
                                     # `The parties have now settled the matter`, `reached settlement`)
                                     r"\b(settled)\s+(?:with\b|the\s+(?:matter|case|lawsuit|litigation|action|claims?|"
                                     r"dispute)\b)|\breached\s+(?:an?\s+)?(settlements?)\b|"
                                     r"\b" + AMENDED_COMPLAINT + r"(?=\s+(?:was|were|has\s+been|have\s+been)\s+filed\b)",
                                     re.I),
                          None, None),
                         # a party's appeal, dated or not (`Plaintiffs have appealed`, `We appealed the
                         # judgment to the Federal Circuit Court`), in a sentence about the case
                         (re.compile(r"\b(appealed)\b", re.I),
                          re.compile(r"\b(?:courts?|judgments?|decisions?|rulings?|verdicts?|circuit|appeals|awards?|"
                                     r"dismiss\w*|plaintiffs?|defendants?)\b", re.I), None)],
    # a dividend changed to a new amount (`reduce the quarterly dividend to $0.03 a share`,
    # `increased our regular quarterly dividend to $0.48`): the trigger runs from the verb
    # to the dividend, which overlaps both gold readings (lee8k's the dividend, the wide
    # set's the verb)
    "DIVIDEND": [(re.compile(r"\b((?:increas(?:e|es|ed|ing)|rais(?:e|es|ed|ing)|reduc(?:e|es|ed|ing)|cut(?:s|ting)?|"
                             r"lower(?:s|ed|ing)?)\s+(?:the|its|our|their)\s+(?:company(?:'s|\u2019s)\s+)?"
                             r"(?:regular\s+)?(?:quarterly\s+|annual\s+|semi-?annual\s+)?(?:common\s+(?:stock\s+)?)?(?:cash\s+)?"
                             r"dividends?)\b(?!\s+(?:rate|payout|yield))|"
                             # or named as a change (`a 7% increase in our annualized dividend to $5.42`)
                             r"\b((?:increase|decrease|reduction|cut)\s+in\s+(?:the|its|our|their)\s+"
                             r"(?:company(?:'s|\u2019s)\s+)?(?:[\w-]+\s+){0,3}?dividends?)\b(?!\s+(?:rate|payout|yield))",
                             re.I), None, {"MONEY"}),
                 # a year's dividend per share stated as a figure (GUIDELINES reading 14: `Our annualized
                 # common stock dividend was $1.84 per share and $1.76 per share in 2023 and 2022`,
                 # `quarterly dividends declared per share were $4.24 and $4.08 in 2024 and 2023`)
                 (re.compile(r"\b(?:annual(?:ized)?|quarterly)\s+(?:common\s+(?:stock\s+)?)?(?:cash\s+)?"
                             r"(?:dividends?\s+(declared)|(dividends?))\s+(?:per\s+(?:common\s+)?share\s+)?"
                             r"(?:was|were)\s+(?:US)?\$\d" + IN_SENTENCE + r"{0,80}?\b(?:in|for|during)\s+"
                             r"(?:the\s+(?:first|last)\s+(?:three|six|nine)\s+months\s+of\s+|"
                             r"the\s+(?:first|second|third|fourth)\s+quarter\s+of\s+)?"
                             r"(?:fiscal\s+)?(?:year\s+)?\d{4}\b", re.I),
                  re.compile(r"\bper\s+(?:common\s+)?share\b", re.I), {"MONEY"}),
                 # a dividend per share paid (GUIDELINES reading 14: `We paid cash dividends of $1.20 per share
                 # during fiscal 2023`, `paid a quarterly dividend of $0.25 per share`; never a total paid)
                 (re.compile(r"\bpaid\s+(?:an?\s+)?((?:(?:regular|quarterly|annual|special)\s+)?(?:cash\s+)?"
                             r"dividends?)\s+(?:totaling\s+|of\s+)(?:US)?\$\s?\d[\d.,]*\s+per\s+(?:common\s+)?share\b",
                             re.I), None, {"MONEY"})],
    # an issue of securities or a loan (GUIDELINES reading 16: a credit agreement is an
    # AGREEMENT and a FINANCING on the same `entered into`)
    # a loan taken (`New debt of $5.0 billion was borrowed`, `we borrowed $500 million`, not
    # `the amount borrowed under`) or debt issued (`proceeds of $3.00 billion from the issuance
    # of fixed-rate, long-term debt`; not the use of a named issue's proceeds: `from the
    # issuance of the 2023 USD Notes`, whose event is its `issued`)
    "FINANCING": [(re.compile(r"\b(?:was|were|we|has|have|had|company)\s+(borrowed)\b|\b(borrowed)\s+(?:US)?\$|"
                              r"\bfrom\s+(?:the\s+)?(issuances?)\s+of\s+(?!the\b)|"
                              # a cash-flow statement's new debt (`proceeds from long-term borrowings of $8.6 billion`)
                              r"\bproceeds\s+from\s+(?:[\w-]+\s+){0,2}?(borrowings)\b|"
                              # debt issued in a period (`long-term debt issuances of $3.0 billion`,
                              # `green bond issuance of $1.3 billion`, `issuance of commercial paper`)
                              r"\b(?:debt|bonds?|notes|paper)\s+(issuances?)\s+of\s+(?:US)?[$\u20ac\u00a3]|"
                              r"\b(issuances?)\s+of\s+(?:(?:long|short)-term\s+debt|commercial\s+paper|"
                              r"(?:senior\s+)?(?:unsecured\s+)?notes|bonds)\b", re.I),
                   re.compile(r"\bdebt\b|\bnotes\b|\bbonds\b|\bloans?\b|\bcredit\b|\bdebentures\b|\bborrowings\b", re.I),
                   {"MONEY"}),
                  (re.compile(r"\b(issued|sold|raised)\s+(?:an?\s+)?(?:total\s+of\s+)?(?:aggregate\s+(?:of\s+)?)?"
                             r"(?:approximately\s+)?(?:[$\u20ac\u00a3]|US\$|\d)|"
                             # notes issued before their amount (`we issued two series of senior unsecured notes
                             # for an aggregate principal amount of $1.4 billion`)
                             r"\b(issued)\s+(?:\w+\s+series\s+of\s+)?(?:[\w%.-]+\s+){0,4}?(?:notes|debentures|bonds)\b|"
                             # shares issued to a pension trust (`contributed 36,518,563 newly issued shares`)
                             r"\b(contributed|contribution\s+of)\s+(?:approximately\s+)?\d[\d,]*\s+(?:newly\s+issued\s+)?shares\b|"
                             r"\bcompleted\s+(?:an?|the|its|our)\s+(?:\w+\s+){0,3}?(offering|placement|issuance)\b|"
                             r"\b(entered\s+into)\s+(?:an?|the|certain|its|our)\s+"
                             + IN_SENTENCE + r"{0,100}?(?:credit\s+agreement|"
                             r"credit\s+facility|(?:term|bridge)\s+loan|loan\s+agreement|commitment\s+letter|note\s+purchase)",
                             re.I),
                  re.compile(r"\bnotes\b|\bdebentures\b|\bbonds\b|\b(?:term|bridge)\s+loans?\b|\bcredit\s+(?:agreement|facilit)|"
                             r"\bloan\s+agreement\b|\bcommitment\s+letter\b|\bprivate\s+placement\b|"
                             r"\b(?:public|registered\s+direct)\s+offering\b|\bpreferred\s+stock\b|\bconvertible\b|"
                             # shares sold for money (`issued 3,000,000 shares of its common stock to X for cash`)
                             r"\bfor\s+cash\b|\b(?:gross|net)\s+proceeds\b|\bat-the-market\b|\bATM\b|"
                             r"\bequity\s+(?:distribution|line)\b",
                             re.I), {"MONEY|SHARES"}),
                  # debt named, then issued on a date (`€750 million euro-denominated debt issued in February
                  # 2022`, `the Euro-denominated fixed-rate senior notes (Euro Notes) issued in June 2022`)
                  (re.compile(r"\b(?:debt|notes|bonds|debentures)(?:\s*\([^()]{1,30}\))?\s+(issued)\s+(?:in|on)\s+"
                              r"(?:(?-i:[A-Z])[a-z]+\s+)?(?:\d{1,2},\s+)?\d{4}\b", re.I), None, None),
                  # named notes issued, their amount stated elsewhere (`we issued the 2023 Notes, which
                  # mature in 2025`)
                  (re.compile(r"\b(?:we|company|it)\s+(?:have\s+|has\s+|had\s+)?(issued)\s+(?:the\s+|our\s+|its\s+)?"
                              r"(?:[\w%.$-]+\s+){0,4}?(?-i:Notes|Debentures|Bonds)\b", re.I), None, None),
                  # a loan agreed without its amount in the sentence (GUIDELINES reading 16: `entered into
                  # a new Five Year Credit Agreement`, `a Five Year Credit Agreement that Abbott entered
                  # into`); not an agreement that only extends one (`entered into an agreement to extend
                  # the maturity date of our Senior Credit Facility`: an AGREEMENT only) nor an amendment
                  # (a FINANCING if it changes the amount: TERMS_RULES)
                  (re.compile(r"\b(entered\s+into)\s+(?:an?|the|certain|its|our)\s+"
                              r"(?:(?!\bextend|\bamend)" + IN_SENTENCE + r"){0,100}?(?:credit(?:\s+and\s+\w+)?\s+"
                              r"agreement|credit\s+facility|(?:term|bridge)\s+loan|loan\s+agreement|commitment\s+letter|"
                              r"note\s+purchase)|"
                              r"\b(?:credit|loan)(?:\s+and\s+\w+)?\s+agreements?,?\s+(?:that\s+|which\s+)?"
                              r"(?:we|it|(?:[\w.&-]+\s+){0,3}?[\w.&-]+)\s+(entered\s+into)\b", re.I),
                   # lee8k's trigger is the facility when a later sentence states the terms (TERMS_RULES)
                   re.compile(r"^(?!" + IN_SENTENCE + r"*[.;]\s[\s\S]*?" + PROVIDES_FACILITY + ")", re.I), None),
                  # a loan drawn (`$35.0 million that we borrowed under the revolving facility`, `drew $10.0
                  # million on its credit line`, `a $30.0 million draw on our revolving credit facility`)
                  (re.compile(r"\b(?:was|were|we|has|have|had|company|it|that)\s+(borrowed|drew|drawn)\b|"
                              r"\b(draws?|drawdowns?|borrowings?)\s+(?:of\s+)?(?:US)?\$[\d.,]+\s*(?:million|billion)?\s+"
                              r"(?:on|under|from)\b|"
                              r"\$[\d.,]+\s*(?:million|billion|thousand)?\s+(draws?|drawdowns?|borrowings?)\s+(?:on|under|from)\b|"
                              # shares sold in the passive (`1,250,000 shares of common stock were sold by the
                              # Registrant at $0.30 per share`)
                              r"\bshares\b" + IN_SENTENCE + r"{0,60}?\b(?:were|was)\s+(?:issued\s+and\s+)?(sold)\b|"
                              # an offering closed (`announced the closing of a private placement of`)
                              r"\b(?:closing|closed|consummated|consummation)\s+(?:of\s+)?(?:an?|the|its|our)\s+"
                              r"(?:[\w-]+\s+){0,4}?(offering|placement)\b", re.I),
                   re.compile(r"\bcredit\b|\bfacilit(?:y|ies)\b|\bloans?\b|\bline\s+of\s+credit\b|\brevolv|"
                              r"\bper\s+share\b|\bprivate\s+placement\b|\boffering\b|\bproceeds\b", re.I),
                   {"MONEY"})],
    # pay terms inside an agreement share the AGREEMENT's verb (GUIDELINES, lee8k v1.2: `entered
    # into employment agreements with each of Ronald W. Allen ... and ...`, one event per person);
    # a pay item with its own verb takes it (`Mr. Barnes will be paid an annual base salary`,
    # `will be entitled to receive severance benefits`, `is guaranteed a payout`)
    "COMPENSATION": [(re.compile(r"\b(entered\s+into|enter\s+into)\s+(?:an?\s+|the\s+|new\s+|separate\s+|individual\s+|"
                                 r"amended\s+and\s+restated\s+)*(?:[\w-]+\s+){0,2}?(?:employment|severance|retention|"
                                 r"separation(?!\s+and\s+distribution)|change\s+(?:in|of)\s+control)\b"
                                 + IN_SENTENCE + r"{0,40}?\bagreements?\b", re.I),
                      None, {"PERSON"}),
                     (re.compile(r"\bwill\s+be\s+(paid)\b|\b(?:is|are|will\s+be)\s+(entitled)\s+to\b(?!\s+vote)|"
                                 r"\b(?:is|will\s+be)\s+(guaranteed)\b|"
                                 r"\bwill\s+(pay)\s+(?=(?:Mr|Ms|Mrs|Dr)\.?\s|him\b|her\b)",
                                 re.I),
                      PAY_WORDS, {"PERSON"})],
}
# Cues that state the terms of an agreement the sentence before (or the same one) enters
# into or amends: its context is searched there, not after. A credit agreement's amount
# is often stated apart from its `entered into` (`The Credit Agreement provides for a
# $300 million unsecured credit facility`: lee8k's trigger is the facility), and an
# amendment that changes the amount is a FINANCING (GUIDELINES reading 16). A 10-K's
# description of a facility it has (no entry or amendment stated), or restated after an
# amendment that only extends its term, is no event.
TERMS_RULES = {
    "FINANCING": (re.compile(PROVIDES_FACILITY + r"|"
                             r"\b(increase[sd]?)\s+(?:in\s+)?(?:the\s+)?(?:maximum\s+|total\s+|aggregate\s+)?"
                             r"(?:commitments?|borrowing\s+capacity|amount\s+available)\b" + IN_SENTENCE + r"{0,60}?"
                             r"\bfrom\s+(?:US)?\$|"
                             r"\bcommitments?\b" + IN_SENTENCE + r"{0,80}?\b(increased)\s+from\s+(?:US)?\$", re.I),
                  # entered into or amended, unless the amendment only extends its term
                  # (reading 16: an extension alone is an AGREEMENT only; with an increase, both)
                  re.compile(r"^(?:(?=[\s\S]*\bincreas)|(?![\s\S]*\bextend(?:s|ed|ing)?\s+(?:the\s+)?"
                             r"(?:maturity|term|expiration)))[\s\S]*?(?:\bentered\s+into\b|\bamend(?:s|ed|ment)\b)",
                             re.I), {"MONEY"}),
}
# The second cues of these types name the whole act (`authorized a $5 billion share
# repurchase program`, `entered into a credit agreement`): a classifier trigger of the
# type inside the cue's match (`repurchase`, `credit agreement`) gives way to the cue.
ABSORB = frozenset({"SHARE_REPURCHASE", "FINANCING", "LEGAL_PROCEEDING"})
# Sentences that state another type with the same words: a plan or auditor the holders
# vote on is a SHAREHOLDER_VOTE (`ratify the engagement of ... as independent auditors`).
NOT_CONTEXT = {
    "AUDITOR_CHANGE": re.compile(r"\bratif|\bstockholders\b|\bshareholders\b|\bproxy\b", re.I),
    # (a past proxy statement named as where officers are listed is no vote: `the Named
    # Executive Officers set forth in the Company's proxy statement dated April 7, 2022`)
    "COMPENSATION": re.compile(r"\bstockholders\b|\bshareholders\b|\bvotes?\b|"
                               r"\bproxy\b(?!\s+statement\s+(?:dated|filed)\b)|\brepurchase\b|"
                               r"\bby-?laws\b|\barticle\s+[IVX\d]", re.I),
}
# SCHEMA: contingencies are no events (`directors shall be elected by a majority of the
# votes cast`, `the bylaws may be adopted, amended or repealed`, `until his successor shall
# have been elected`, `matters to be voted on`); the signature and
# late-filing cues are themselves modal (`caused this report to be signed`).
CONTINGENT = re.compile(r"\b(?:may|shall|must|should|would|could|can)\s+(?:not\s+)?(?:have\s+)?(?:be(?:en)?\s+)?$|"
                        r"\bto\s+be\s+$", re.I)
MODAL_CUES = {"SIGNATURE", "LATE_FILING"}
# a condition's clause states no event either (`If the settlement is approved by the Court, ...`,
# `in the event of a global settlement`)
CONDITIONAL = re.compile(r"\b(?:if|unless|whether|in\s+the\s+event\s+(?:of|that))\b[^,;.:()]{0,80}$", re.I)
# A vote of the board is no SHAREHOLDER_VOTE: the board (or a committee, or the
# directors) acts, nearer the trigger than any holders, or acts after it (`approved by
# a vote of two-thirds of the directors`).
BOARD = re.compile(r"\b(?:board|directors|committee)\b", re.I)
HOLDERS = re.compile(r"\b(?:stockholders?|shareholders?|holders|(?<!\d )members(?!\s+of\s+the\s+board))\b", re.I)
BY_BOARD = re.compile(r"^\s+(?:in\s+principle\s+)?by\s+(?:(?:a|the)\s+(?:vote|majority|consent)\s+of\s+[^.;]{0,40}?)?"
                      r"(?:the\s+|its\s+)?(?:[\w.&-]+(?:'s|\u2019s)\s+)?(?:board|directors|committee)\b", re.I)
# `elected to terminate` (chose to) states no election; `the form approved in principle by
# Alcoa shareholders` describes a form by a past approval and reports no vote
CHOSE_TO = re.compile(r"\s+to\s+(?!(?:the|its|our|his|her|their|a|an|serve|fill|office|succeed|replace|become)\b)\w",
                      re.I)
IN_PRINCIPLE = re.compile(r"\s+in\s+principle\b", re.I)


def chose_to(text: str, start: int, end: int) -> bool:
    """True where the verb at text[start:end] is `elected` stating a choice (`elected to
    terminate`), not an election (`elected to the Board`, `elected to serve`)."""
    return text[start:end].lower().endswith("elected") and CHOSE_TO.match(text[end:end + 40]) is not None


# a pay decision made before, named to describe awards (`stock options previously granted to`,
# `equity awards granted to Mr. Clegg`, `previously established incentive plans`): no decision
DESCRIBED_PAY = re.compile(r"\b(?:previously|awards|options|units|shares|grants)\s+$", re.I)
# a sentence on what a buy-back program has left (`$1.41 billion remains available for
# repurchase under the 2021 repurchase program`) states no buy-back
AVAILABLE_FOR = re.compile(r"\b(?:available|remaining|authori[sz]ed\s+funds)\s+(?:\w+\s+){0,2}?for\s+"
                           r"(?:future\s+)?(?:share\s+)?(?:re)?purchases?\b|\bremaining\s+authori[sz]ed\s+(?:funds|amount)\b",
                           re.I)
# shares named by their buy-back (`an excise tax of $3.6 was accrued on the repurchased shares`)
BOUGHT_BACK_BEFORE = re.compile(r"\bthe\s+$", re.I)
BOUGHT_BACK_AFTER = re.compile(r"\s+(?:common\s+)?(?:shares|stock)\b", re.I)
# a program referred to is no purchase made (`under the 2019 share repurchase program`, `the
# remaining share repurchase authorization`, `since the inception of our share repurchase
# program`); one announced or adopted is (lee8k: `announced a 10% share buy back program`)
PROGRAM_REFERRED = re.compile(r"\b(?:under|of|pursuant\s+to|through)\s+"
                              r"(?:the|our|its|their|this|that|such|these|those)\s+"
                              r"(?:[\w$.,%-]+\s+){0,3}?$|\b(?:remaining|existing|prior|previous|current)\s+"
                              r"(?:[\w$.,%-]+\s+){0,2}?$", re.I)
PROGRAM_AFTER = re.compile(r"\s+(?:programs?|plans?|authori[sz]ations?)\b", re.I)
# a settlement that is no case's: a trade's or a loan's (`as of the date of settlement`, `the
# final settlement of working capital`, `settlement risk`, `settlement losses`, `settlement
# obligations`, `settlement exposure`, `for settlement within a period of 13 days`, `the
# settlement of our equity investment`), cases pending or defended, a case's word
# naming something else (`the trial date`), and a case referred back to (`the allegations in
# the March 30, 2023 putative class action complaint`)
NOT_A_CASE_BEFORE = re.compile(r"\b(?:date|time|day)\s+of\s+(?:(?:the|subsequent|final)\s+)?$|"
                               r"\ballegations\s+in\s+(?:the\s+)?(?:[\w,]+\s+){0,6}$|"
                               # cases pending or defended, not brought (`a number of pending
                               # lawsuits`, `intends to defend against the lawsuit vigorously`)
                               r"\bpending\s+(?:[\w-]+\s+){0,2}$|"
                               # none brought (`no criminal charges will be filed`)
                               r"\bno\s+(?:[\w-]+\s+){0,3}(?:will|would|has|have|had|was|were)\s+(?:be(?:en)?\s+)?$|"
                               r"\bdefend\s+(?:itself\s+|themselves\s+)?(?:against\s+)?(?:the|these|this|such|those)\s+"
                               r"(?:[\w-]+\s+){0,2}$|"
                               # cases in general or supposed (`is subject to a number of other lawsuits`,
                               # `the monetary portion of any settlement`, `the liability for settlement of
                               # asserted and unasserted claims`)
                               r"\bsubject\s+to\s+(?:[\w-]+\s+){0,5}$|\bany\s+(?:[\w-]+\s+)?$|"
                               r"\bliabilit(?:y|ies)\s+for\s+(?:the\s+)?$|"
                               # one that may come (`the Company may file patent infringement lawsuits`)
                               r"\b(?:may|might|could|would)\s+(?:[\w-]+\s+){0,3}$", re.I)
NOT_A_CASE_AFTER = re.compile(r"\s+of\s+(?:the\s+|our\s+|its\s+|an?\s+)?(?:working\s+capital|(?:\w+\s+)?(?:loans?|"
                              r"forwards?|derivatives?|swaps?|contracts?|trades?|transactions?)|equity|shares|notes|awards?|"
                              r"RSUs?|options?|accelerated)\b|"
                              r"\s+(?:risk|losses|sharing|dates?|periods?|systems?|procedures|process|obligations?|accounts?|"
                              r"services?|assets?|exposures?|courts?|within\s+(?:a|the)\s+period|"
                              r"(?:\w+\s+){0,2}pending)\b|"
                              # talks, an agreement's name and a caption (`commenced settlement negotiations`,
                              # `a settlement and judgment sharing agreement`, `Class Action Lawsuits: We are`)
                              r"\s+(?:negotiations?|discussions?|talks)\b|"
                              r"\s+(?:and\s+[\w-]+\s+(?:sharing\s+)?)?agreements?\b|\s*:\s", re.I)
# a person named after a trigger opens a new clause of these types (`Mr. A will become CEO of
# X, and Mr. B will become CEO of Y`: two changes)
PERSON_CLAUSES = frozenset({"EXECUTIVE_CHANGE"})
ONCE_PER_DOCUMENT = {"LATE_FILING"}  # a notice is one event: its title, else the first statement


def stated(event_type: str, text: str, start: int, end: int) -> bool:
    """False where the cue at text[start:end] states no event of the type: a
    contingency, a choice (`elected to terminate`), a past pay decision describing awards
    (`options previously granted to`), or (votes) an act of the board or a past approval
    describing a thing (`the form approved in principle by`)."""
    if event_type not in MODAL_CUES and (CONTINGENT.search(text, max(0, start - 20), start)
                                         or CONDITIONAL.search(text, max(0, start - 80), start)):
        return False
    if chose_to(text, start, end):
        return False
    describes = NOT_STATED.get(event_type)
    return describes is None or not describes(text, start, end)


def _board_acts(text: str, start: int, end: int) -> bool:
    """A vote cue that is the board's act (`approved by a vote of the directors`, the board
    nearer the cue than any holders) or a past approval describing a thing."""
    if BY_BOARD.match(text[end:end + 90]) or IN_PRINCIPLE.match(text[end:end + 20]):
        return True
    board = [m.end() for m in BOARD.finditer(text, 0, start)]
    holders = [m.end() for m in HOLDERS.finditer(text, 0, start)]
    return bool(board) and (not holders or board[-1] > holders[-1])


# a conversion a term provides for (`until the principal hereof is converted`, `by being
# converted into`), or one the sentence has named before (`As a result of the conversion,
# all shares were converted`)
NOT_A_CONVERSION = re.compile(r"\b(?:being|until|upon|when|unless)\b" + IN_SENTENCE + r"{0,60}$|\bconversion\b", re.I)


# a deal's completion named as what a law or order may stop (`prohibiting or otherwise preventing
# the consummation of the acquisition of`): a condition, no event
BLOCKED_DEAL = re.compile(r"\b(?:prevent|prohibit|delay|imped|enjoin|restrain)\w*\s+(?:the\s+)?"
                          r"(?:(?:completion|consummation|closing)\s+of\s+(?:the\s+)?)?$", re.I)


def _blocked_deal(text: str, start: int, end: int) -> bool:
    """A deal cue at text[start:end] that names what a law or order may stop."""
    return BLOCKED_DEAL.search(text, max(0, start - 80), start) is not None


def _no_buy_back(text: str, start: int, end: int) -> bool:
    """A buy-back cue at text[start:end] that states none: an amount left for buy-backs, the shares
    named by their buy-back, a program referred to."""
    def around(before: re.Pattern, after: re.Pattern, reach: int) -> bool:
        return before.search(text, max(0, start - reach), start) is not None and after.match(text, end) is not None
    return AVAILABLE_FOR.search(text) is not None or around(BOUGHT_BACK_BEFORE, BOUGHT_BACK_AFTER, 10) \
        or around(PROGRAM_REFERRED, PROGRAM_AFTER, 60)


# per type, what makes its cue describe something else, not state an event:
# (text, cue start, cue end) -> True where the cue states none
NOT_STATED = {
    "COMPENSATION": lambda text, start, end: DESCRIBED_PAY.search(text, max(0, start - 30), start) is not None,
    "SHARE_REPURCHASE": _no_buy_back,
    "LEGAL_PROCEEDING": lambda text, start, end: (NOT_A_CASE_BEFORE.search(text, max(0, start - 60), start)
                                                  or NOT_A_CASE_AFTER.match(text, end)) is not None,
    "SHAREHOLDER_VOTE": _board_acts,
    "CONVERSION": lambda text, start, end: NOT_A_CONVERSION.search(text, 0, start) is not None,
    "ACQUISITION": _blocked_deal,
    "DISPOSITION": _blocked_deal,
}


def _cue(m: re.Match) -> tuple[int, int]:
    """The trigger of a cue match: its first group that matched (`completed the
    acquisition of` -> `acquisition`), else the whole match."""
    for i in range(1, (m.re.groups or 0) + 1):
        if m.group(i) is not None:
            return m.span(i)
    return m.span()


def _has(labels: set[str], need: set[str] | None) -> bool:
    return need is None or all(any(alt in labels for alt in req.split("|")) for req in need)


def _rules(types):
    """(type, rule, absorb, terms) per cue: each type's rule, its further cues, its terms cue."""
    for event_type in types:
        yield event_type, RULES[event_type], False, False
        for rule in MORE_RULES.get(event_type, ()):
            yield event_type, rule, event_type in ABSORB, False
        if event_type in TERMS_RULES:
            yield event_type, TERMS_RULES[event_type], event_type in ABSORB, True


def _overlaps(spans, span) -> bool:
    """Whether a trigger of `span`'s type among `spans` overlaps it."""
    return any(s.label_ == span.label_ and s.start < span.end and span.start < s.end for s in spans)


def add_rule_triggers(doc: Doc, rule_score: float = 0.5, types=tuple(RULES)) -> Doc:
    group = doc.spans[TRIGGERS_KEY] if TRIGGERS_KEY in doc.spans else []
    spans = list(group)
    values = span_scores(group)
    sents = list(doc.sents) if doc.has_annotation("SENT_START") else [doc[:]]
    done = {t for t in ONCE_PER_DOCUMENT if any(s.label_ == t for s in spans)}
    ents = [(e.start, e.end, e.label_) for e in doc.ents]  # read once (sorted); doc.ents builds every span
    full = doc_text(doc)  # Span.text rebuilds its string from tokens: slice the Doc's text once
    added = False
    for k, sent in enumerate(sents):
        inside = within(ents, sent.start, sent.end)
        labels = {label for _, _, label in inside}
        dates = [(s, e) for s, e, label in inside if label == "DATE"]
        persons = [(s, e) for s, e, label in inside if label == "PERSON"]
        base = sent.start_char
        text = full[base:sent.end_char]
        # the seat matters only where a PERSON has no ROLE beside it: search no more
        if "PERSON" in labels and "ROLE" not in labels and BOARD_SEAT.search(text):
            labels.add(BOARD_SEAT_LABEL)
        if "ROLE" not in labels and "DATE" in labels and OFFICE_WORDS.search(text):
            labels.add(OFFICE_WORDS_LABEL)
        if "PERSON" not in labels and "ROLE" not in labels and PAY_BODY.search(text):
            labels.add(PAY_BODY_LABEL)
        if "PERSON" not in labels and "DATE" in labels and PRONOUN.search(text):
            labels.add(PRONOUN_LABEL)
        # the filer named generically is a party the linker fills ORG roles with
        # (`the Corporation executed an agreement for the sale of ...`), and so is `we` for
        # the deals that name it (FILER_WE_LABEL)
        if "ORG" not in labels and GENERIC_FILER.search(text):
            labels.add("ORG")
        if FILER_PRONOUN.search(text):
            labels.add(FILER_WE_LABEL)
        # the context words may open the next sentence (`The plan was approved. The
        # results of the voting were ...`)
        around = full[base:sents[k + 1].end_char] if k + 1 < len(sents) else text
        for event_type, (words, context, need), absorb, terms in _rules(types):
            if event_type in done:
                continue
            where = full[sents[k - 1].start_char if k else base:sent.end_char] if terms else around
            if (context is not None and not context.search(where)) or not _has(labels, need):
                continue
            if event_type in NOT_CONTEXT and NOT_CONTEXT[event_type].search(text):
                continue
            last = None  # where this cue's trigger in the sentence ends (tokens)
            for m in words.finditer(text):
                start, end = _cue(m)
                if not stated(event_type, text, start, end):
                    continue
                span = doc.char_span(base + start, base + end, label=event_type, alignment_mode="expand")
                if span is None:
                    continue
                opens = dates + persons if event_type in PERSON_CLAUSES else dates
                if last is not None and not any(last <= s and e <= span.start for s, e in opens):
                    continue  # one trigger per cue and sentence, unless a DATE (or a person) opens a new clause
                if absorb:
                    lo, hi = base + m.start(), base + m.end()
                    keep = [i for i, s in enumerate(spans)
                            if not (s.label_ == event_type and s.start_char < hi and lo < s.end_char)]
                    added = added or len(keep) < len(spans)
                    spans, values = [spans[i] for i in keep], [values[i] for i in keep]
                if _overlaps(spans, span):
                    continue
                spans.append(span)
                values.append(rule_score)
                added = True
                last = span.end
                if event_type in ONCE_PER_DOCUMENT:
                    done.add(event_type)
                    break
    if "EXECUTIVE_CHANGE" in types:
        chars = [(e.start_char, e.end_char, e.label_) for e in doc.ents] if OFFICE_ROW.search(full) else []
        for start, end in office_row_triggers(full, chars):
            span = doc.char_span(start, end, label="EXECUTIVE_CHANGE", alignment_mode="expand")
            if span is not None and not _overlaps(spans, span):
                spans.append(span)
                values.append(rule_score)
                added = True
    if added:
        order = sorted(range(len(spans)), key=lambda i: (spans[i].start, spans[i].end))
        doc.spans[TRIGGERS_KEY] = [spans[i] for i in order]
        doc.spans[TRIGGERS_KEY].attrs["scores"] = [values[i] for i in order]
    return doc


@Language.factory("sec_trigger_rules", default_config={"rule_score": 0.5, "types": None})
def make_trigger_rules(nlp: Language, name: str, rule_score: float, types: Optional[List[str]]):
    """`types`: the event types to add rule triggers for (default: every type in RULES)."""
    chosen = tuple(types) if types else tuple(RULES)
    unknown = set(chosen) - set(RULES)
    if unknown:
        raise ValueError(f"sec_trigger_rules: no rules for {sorted(unknown)}")

    def trigger_rules(doc: Doc) -> Doc:
        return add_rule_triggers(doc, rule_score, chosen)
    return trigger_rules
