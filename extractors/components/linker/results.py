"""FINANCIAL_RESULT decoding: one event per reported figure (SCHEMA section 2).

SCHEMA makes every monetary figure a filer reports as a result its own event, with
the metric phrase as trigger, so a sentence like "revenues of $5.5 billion, up from
$5.4 billion in the second quarter of 2008" holds two events sharing the trigger
`revenues`. A trigger classifier finds metric phrases, not figures, so results are
decoded per figure:

1. Metric phrases of a sentence: the classifier's FINANCIAL_RESULT triggers plus
   the phrases of `METRIC` (lexicon) that no classifier trigger overlaps (with
   `lexicon_alone=False`, only in sentences where the classifier found one).
   `cost of revenues` is one phrase (a trigger inside it widens to it). A phrase is
   no metric where it measures something else (`28% of revenues`, `the portion of
   revenues shared`), is excluded (`other than cost of revenues`), names no result
   (`defined benefit plans`), or lies in a relative clause that lists a metric's
   parts before its figure (`Other cost of revenues, which is comprised of ...
   expenses ..., increased to $2.98 billion`).
2. Each MONEY entity of a sentence that holds a metric phrase becomes one event,
   unless it is a price (`par value $0.01 per share`, `an exercise price of $30
   per share`), a difference (`would have been $44 million lower`) or what a figure
   changed by (`decreased by $1,123 million`, `a decrease of $2.30 billion`). Its trigger
   (and `metric`) is the metric phrase right after it (`$0.31 per diluted share`)
   or else the nearest one before it in the sentence whose verb does not list its parts
   before the figure (`Cash used for investing activities consisted primarily of $3.9
   billion related to ...`, `These charges include`, `driven by`, `due to`) and that is
   not an earlier figure's bare `per share` (`$0.15 per share, ... compared to $61
   million`), else the nearest one after it before the next figure.
   The upper bound of a range (`$190 million to $215 million`) is no event of its own.
3. `period` is the DATE nearest the figure inside its clause (after it first:
   `$5.4 billion in the second quarter of 2008`, then before; a figure's clause runs on
   over its per-share companion: `$61 million, or $0.06 per share, in third quarter 2010`;
   listed figures take listed periods in order where the sentence says `respectively`;
   a sentence with no DATE takes the first DATE of the nearest sentence before it in its
   paragraph that has one), else the nearest
   DATE of the sentence; `change` is a PERCENT that follows the figure before the
   next figure, in the same sentence, and is stated as a change (a cue such as
   `up`, `increase`, `compared`, `above` next to it), not a share or margin; else one
   stated between the metric and the figure (`revenues increased 7% to $485.2 million`).
4. Classifier triggers with no figure in their sentence stay events with `metric`
   and `period` only when they name results in general (`announced its financial
   results for the third quarter`: `GENERIC_RESULTS`); a specific metric with no
   figure (`a net loss in fiscal 2001`) is no event (SCHEMA: one event per figure).
5. With `announced` (default), a sentence with no figure and no results event that
   announces results for a period (`issued a press release announcing its financial
   results for the three months ended July 31, 2004`: `ANNOUNCED_RESULTS`, a DATE
   after the phrase), or says the results call was held (`held its first quarter
   2010 earnings conference call`: `EARNINGS_CALL`, a DATE before `earnings`), is one
   event too, classifier or not (GUIDELINES, Item 2.02).
6. Tables (`tables=True`; GUIDELINES, wide-set reading 1): a results table found in
   the text (`extractors.tables`: tab-separated rows of the HTML reader, space-aligned
   text tables, cells stacked one per line) gives one event per figure of a row whose
   label names a result (`METRIC`, not a share count, margin or balance-sheet line):
   trigger and `metric` the row label (`Less:` and a trailing colon left out), `value`
   the cell, valued with the table's scale (`(In millions)`: `1,234` -> 1234000000.0,
   `(79)` -> -79000000.0; per-share rows unscaled), `period` the column header cell over
   it (`2023` under `Three Months Ended December 31,` -> `2023`, reading 20; `Dec 30,
   2023`), `change` a percentage in a `% Change` column, on the row's first figure.
   Figures in table rows are left out of the prose decoding (1-5). Values the table
   gives are returned under `values` (role -> value) for the linker to write.
7. The linker then keeps one record per fact stated twice (`one_per_fact`: same
   metric phrase and figure in the highlights and the body).
"""
from __future__ import annotations

import bisect
import re
from functools import lru_cache

from spacy.tokens import Doc

from extractors import tables as tb
from extractors.components.linker.listed import respectively
from extractors.contract import doc_text
from extractors.normalise import doc_units, span_value, value_at
from extractors.offsets import within

METRIC = re.compile(
    r"\b(?:(?:total|net|gross|operating|consolidated|quarterly|annual|GAAP|non-GAAP|adjusted|diluted|"
    r"pre-tax|after-tax|pro forma|segment|reported|fourth-quarter|full-year)\s+)*"
    r"(?:revenues?|sales|income(?:\s+from\s+(?:continuing\s+)?operations)?|earnings(?:\s+per\s+(?:diluted\s+)?share)?|"
    r"(?:net\s+)?loss(?:es)?|profits?|EBITDA|EPS|orders|(?:free\s+)?cash\s+flow|charges?|gains?|"
    r"benefits?|expenses?|TAC|traffic\s+acquisition\s+costs|per\s+(?:diluted\s+|basic\s+)?share|"
    r"(?:intangible\s+)?amortization|impairments?|write-?downs?|write-?offs?|"
    r"(?:restructuring|integration|transformation(?:al)?|acquisition(?:-related)?|separation)\s+(?:costs?|charges?)|"
    r"(?:(?:stock|share|equity)(?:-based)?\s+)?compensation\s+(?:expenses?|costs?)|"
    r"cash\s+(?:provided|used|generated)\s+(?:by|in|from)\s+(?:operating|investing|financing)\s+activities|"
    r"(?:operating|investing|financing)\s+activities)\b", re.I)
# `cost of revenues` names one metric; the lexicon's `revenues` inside it does not
COST_OF = re.compile(r"\b(?:(?:other|total)\s+)?costs?\s+of\s+(?:revenues?|sales|goods\s+sold)\b", re.I)
# A metric phrase that only measures something else (`28% of revenues`, `the portion of
# revenues shared with partners`), is excluded (`other than cost of revenues`) or names
# no result (`defined benefit plans`, `income tax purposes`) is no trigger.
NOT_METRIC_BEFORE = re.compile(
    r"(?:(?:%|\bpercent)\s+of\s+(?:[\w'-]+\s+){0,3}|\b(?:portion|percentage|share|proportion)\s+of\s+"
    r"(?:[\w'-]+\s+){0,2}|\b(?:other\s+than|excluding|exclusive\s+of)\s+|"
    # sales of assets or stakes are disposals; an offering's expenses are the deal's
    r"\b(?:asset|stake|offering|underwriting)\s+|"
    # other comprehensive income is a balance; royalties `based on annual net sales` measure a deal
    r"\bcomprehensive\s+(?:income\s*[/(]\s*)?|\bbased\s+on\s+(?:[\w'-]+\s+){0,2}|"
    # a statement's name (`Consolidated Statements of Income`), costs not yet recognised
    # (`unrecognized stock-based compensation expense`)
    r"\bstatements?\s+of\s+|\bunrecognized\s+(?:[\w-]+\s+){0,3}|"
    # what a cost is charged against (`expense charged against income`)
    r"\b(?:charged|credited)\s+(?:against|to)\s+|"
    # an officer's pay and benefits are no result of the filer (`severance benefits totaling
    # $289,230`, `reimbursement of reasonable expenses`, `the Compensation and Benefits Committee`)
    r"\b(?:severance|health\s*care|medical|retirement|pension|employee|fringe|welfare|relocation|reasonable|"
    r"out-of-pocket|travel|(?:salary|salaries|payments|compensation)\s+and)\s+)$", re.I)
# ... or names something else the words after it say (`sales-based milestones`, `sales
# practices`, `sales and marketing`, `income tax` (its `expense` or `benefit` is the metric),
# `accumulated benefit obligation`)
NOT_METRIC_AFTER = re.compile(r"^(?:\s+(?:tax\s+)?(?:plans?|purposes|programs?|statements?|committee)\b|-based\b|"
                              r"\s+(?:milestones?|practices|and\s+marketing|tax(?:es)?|obligations?|"
                              # an earnings release or call; a line of a statement (`financing
                              # activities in our consolidated statements of cash flows`)
                              r"(?:press\s+)?release|(?:conference\s+)?call|in\s+(?:our|the)\s+(?:condensed\s+)?"
                              r"consolidated\s+statements?|"
                              # a cost not yet recognised (`$171 of compensation cost had not yet been recognized`)
                              r"(?:had|has|have)\s+not\s+(?:yet\s+)?been\s+recogni[sz]ed)\b)", re.I)
ACTIVITIES = re.compile(r"(?:financing|investing)\s+activities$", re.I)
# `other financing activities` is a line of the cash-flow statement, not its total
OTHER_ACTIVITIES = re.compile(r"\bother\s+(?:net\s+)?$", re.I)
# `revenues would have been $44 million lower`: a difference, not a result
DIFFERENCE_AFTER = re.compile(r"^\s+(?:higher|lower)\b", re.I)
# nor is the amount a figure changed by (`Cash related to investing activities decreased by $1,123
# million`, `increased $0.8 billion`, `a decrease of $2.30 billion`): the result is the figure it
# changed to
CHANGE_BEFORE = re.compile(r"(?:\b(?:increased|decreased|rose|fell|grew|declined|improved|was\s+(?:up|down))\s+"
                           r"(?:by\s+)?|"
                           # the change named as a noun (`were $6.42 billion, a decrease of $2.30 billion`)
                           r"\b(?:an?\s+)?(?:increase|decrease|decline|reduction|improvement|rise|drop)\s+of\s+)"
                           r"(?:approximately\s+|about\s+)?$", re.I)
# nor is a figure the metric's own when the metric's verb lists its parts before it (`Cash used
# for investing activities consisted primarily of $3.9 billion related to ...`, `These charges
# include $95 million ...`, `... was primarily driven by $11.0 billion used for dividends`)
PARTS_BETWEEN = re.compile(r"\b(?:includes?|included|consists?\s+(?:\w+\s+)?of|consisted\s+(?:\w+\s+)?of|"
                           r"(?:is|are|was|were)\s+comprised\s+(?:\w+\s+)?of|(?:driven|offset)\s+(?:\w+\s+)?by|"
                           r"due\s+(?:\w+\s+)?to|attributable\s+(?:\w+\s+)?to|reflect(?:s|ed|ing))\b", re.I)
RELATIVE = re.compile(r",\s+(?:which|that)\s+(?:(?:is|are|was|were)\s+)?(?:primarily\s+)?"
                      r"(?:includes?|included|including|consists?|consisted|comprised|comprises|represents?)\b", re.I)
# A per-share price is no result (`par value $0.01 per share`, `an exercise price of $308.57 per share`).
PRICE_BEFORE = re.compile(r"\b(?:par\s+value|(?:exercise|conversion|purchase|offering|strike|closing|sale|"
                          r"redemption|tender|subscription)\s+price|price\s+of|at\s+a\s+price)\b[^.;$]{0,25}$",
                          re.I)
CHANGE_CUE = re.compile(r"\b(?:up|down|increase[sd]?|decrease[sd]?|grew|growth|rose|fell|declin\w*|gain|"
                        r"drop\w*|higher|lower|above|below|improve\w*|change[sd]?|compared|year[- ]over[- ]year|"
                        r"sequential\w*)\b", re.I)
# a change stated between the metric and its figure (`revenues increased 7% to $485.2 million`)
CHANGED_TO = re.compile(r"\s+to\s+(?:an?\s+)?(?:record\s+)?", re.I)
GENERIC_RESULTS = re.compile(r"\b(?:results|earnings|performance)\b(?!\s+per\b)", re.I)
# An Item 2.02 statement that results were announced (GUIDELINES: one event, trigger
# and metric the results phrase, `period` only), found without the classifier.
ANNOUNCED_RESULTS = re.compile(
    r"\b(?:announc\w*|report\w*|releas\w*|issu(?:ed|ing))\b[^.;]{0,80}?\b(?:(?:its|the|our)\s+)?"
    r"((?:(?:financial|operating|quarterly|preliminary|unaudited)\s+)*results)\b"
    r"(?=\s+(?:of\s+operations\s+)?for\b)",
    re.I)
# ... or that the results call was held (`held its first quarter 2010 earnings conference
# call`): trigger and metric `earnings`, `period` the DATE before it in the statement.
EARNINGS_CALL = re.compile(
    r"\b(?:held|hold|holds|holding|hosted|host|hosts|hosting|conducted)\b[^.;]{0,80}?\b(earnings)\s+"
    r"(?:conference\s+)?call\b", re.I)
COMPANION = re.compile(r"\s*,?\s*or\s+", re.I)  # between a figure and its per-share companion
RANGE_GAP = re.compile(r"^\s*(?:to|and|-|\u2013|through)\s*$", re.I)
CLAUSE_BREAK = re.compile(r"[;,]\s+(?:and|while|compared|up|down|an?\s+(?:increase|decrease))\b|;")


def _near(items, pos: int, before: bool, limit: int):
    best = None
    for s, e in items:
        d = pos - e if before else s - pos
        if 0 <= d <= limit and (best is None or d < best[0]):
            best = (d, (s, e))
    return best[1] if best else None


# a line of a cash-flow statement is no result (GUIDELINES, settled readings: its totals are,
# `net cash provided by operating activities`, its lines not: `Capital expenditures`, `Proceeds
# from issuance of long-term debt`, `Payments of commercial paper`, `Cash and cash equivalents at
# end of period`)
CASH_FLOW_LINE = re.compile(r"(?:proceeds|payments?|repayments?|purchases?|repurchases?|receipts?|capital\s+"
                            r"expenditures|cash\s+(?:paid|dividends)|dividends\s+paid|(?:increase|decrease)s?\s+in|"
                            r"cash\s+and\s+cash\s+equivalents\s+at)\b", re.I)

# a cash-flow statement (a caption naming one, or two rows or more of `Net cash provided by
# ... activities`) states results in its totals only (`Net cash provided by operating
# activities`, `Net decrease in cash and cash equivalents`); its other lines reconcile them
# (`Amortization`, `Stock compensation expense`, `Net income attributable to ...`)
CASH_FLOW_TOTAL = re.compile(r"(?:net\s+)?cash\s+(?:flows?\s+)?(?:provided|used|generated|from)\b|"
                             r"net\s+(?:increase|decrease|change)\s+(?:\(\w+\)\s+)?in\s+cash\b|"
                             r"(?:\w+\s+)?free\s+cash\s+flow", re.I)
# a total of sales or revenues (`Net Aerospace sales`, `Total net revenues`, `Revenues`)
SALES_TOTAL = re.compile(r"(?:total\s+)?(?:net\s+)?(?:[\w&'’-]+\s+){0,4}?(?:net\s+)?(?:sales|revenues?)", re.I)
CASH_FLOW_STATEMENT = re.compile(r"\bstatements?\s+of\s+cash\s+flows?\b", re.I)
NET_CASH_ROW = re.compile(r"net\s+cash\s+(?:provided|used|generated)", re.I)

CASH_FLOW_SECTION = re.compile(r"cash\s+flows?\s+(?:from|used\s+(?:in|for)|provided\s+by)\s+(?:\(?used\s+in\)?\s+)?"
                               r"(?:operating|investing|financing)\s+activities\b", re.I)


def is_metric(text: str, start: int, end: int) -> bool:
    """False for a metric phrase that measures something else (`12% of revenues`,
    `the portion of revenues shared`), is excluded (`other than cost of revenues`),
    names no result (`defined benefit plans`, an officer's `severance benefits`) or is a
    line of a cash-flow statement (CASH_FLOW_LINE), and a bare `per share` after (or
    before) a price or a dividend (PRICE_PER_SHARE, PRICE_AFTER)."""
    return not (NOT_METRIC_BEFORE.search(text, max(0, start - 40), start)
                or CASH_FLOW_LINE.match(text, start, end) is not None
                or NOT_METRIC_AFTER.match(text[end:end + 40])
                or (ACTIVITIES.match(text, start, end) is not None
                    and OTHER_ACTIVITIES.search(text, max(0, start - 12), start) is not None)
                or (PER_SHARE_ONLY.match(text[start:end]) is not None
                    and (PRICE_PER_SHARE.search(text, max(0, start - 100), start) is not None
                         or PRICE_AFTER.match(text, end) is not None)))


# a bare `per share` after a price, a dividend or a par value names no result (`an average
# price of $396.75 per share`, `a quarterly dividend of $0.66 per share`, `$0.01 par value
# per share`, `the right to receive a cash amount of $52.00 per share`, `valued at $16.43 per share`)
PRICE_PER_SHARE = re.compile(r"\b(?:prices?|dividends?|distributions?|par\s+value|fair\s+value|consideration|paid|"
                             r"cash\s+amount|valued|sold|bought|purchased|repurchased)\b(?:[^.;]|\.(?=\d)){0,80}$", re.I)
# ... or one that a dividend or price follows (`the $0.47 per share dividend declared`)
PRICE_AFTER = re.compile(r"\s+(?:(?:cash|quarterly|annual|special)\s+)?(?:dividends?|distributions?|prices?)\b", re.I)


def _asides(text: str, s0: int, s1: int, figs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Relative clauses that describe a metric before its figure (`Other cost of
    revenues, which is comprised primarily of ... operational expenses, increased to
    $2.98 billion`): from `, which` to the last comma before the next figure. Metric
    phrases inside one are not the figure's metric."""
    out = []
    for m in RELATIVE.finditer(text, s0, s1):
        nxt = next((f0 for f0, _ in figs if f0 >= m.end()), None)
        if nxt is None:
            continue
        comma = text.rfind(",", m.end(), nxt)
        if comma > m.end():
            out.append((m.start(), comma))
    return out



PARAGRAPH_BREAK = re.compile(r"\n\s*\n")


def _paragraph_period(text: str, dates: list[tuple[int, int]], sents: list[tuple[int, int]], n: int,
                      limit: int = 600) -> tuple[int, int] | None:
    """For sentence `n` (of `sents`), which holds no DATE: the first DATE of the nearest sentence
    before it that has one, in its paragraph and within `limit` characters (`In 2023, other income
    was $570 million. The Company recorded a net gain of $439 million ...`: 2023)."""
    s0 = sents[n][0]
    lo = max(0, s0 - limit)
    breaks = [m.end() for m in PARAGRAPH_BREAK.finditer(text, lo, s0)]
    lo = breaks[-1] if breaks else lo
    for a, b in (sents[i] for i in range(n - 1, -1, -1)):
        if b <= lo:
            break
        found = within(dates, max(a, lo), b)
        if found:
            return found[0]
    return None


def _lists_parts(text: str, start: int, end: int, asides: list[tuple[int, int]]) -> bool:
    """Whether a verb that lists a metric's parts (PARTS_BETWEEN) stands between `start` and
    `end`, outside the relative clauses that describe the metric (`_asides`)."""
    return any(not any(x <= m.start() < y for x, y in asides) for m in PARTS_BETWEEN.finditer(text, start, end))


def _widen(trigger: tuple[int, int, float], phrases: list[tuple[int, int]]) -> tuple[int, int, float]:
    """A classifier trigger inside a `cost of revenues` phrase becomes that phrase."""
    a, b, score = trigger
    for s, e in phrases:
        if s <= a and b <= e:
            return (s, e, score)
    return trigger


def _is_change(text: str, pct: tuple[int, int]) -> bool:
    """A percentage stated as a change (`up 12%`, `an increase of 12%`, `12% higher`),
    not a share or margin (`66% of total revenues`)."""
    return bool(CHANGE_CUE.search(text[max(0, pct[0] - 40):pct[0]]) or
                CHANGE_CUE.search(text[pct[1]:pct[1] + 30]))


def decode_results(doc: Doc, classifier_triggers: list[tuple[int, int, float]],
                   lexicon_alone: bool = True, generic_only: bool = True,
                   announced: bool = True, tables: bool = True, year: int | None = None) -> list[dict]:
    """FINANCIAL_RESULT events as dicts: trigger offsets, score, arg offsets by role
    (and `values` by role for the figures and periods of a table)."""
    text = doc_text(doc)
    money = [(e.start_char, e.end_char) for e in doc.ents if e.label_ == "MONEY"]
    found = list(tb.tables_of(text)) if tables else []
    rows = sorted((c.start, c.end) for t in found for r in t.rows for c in r.values)
    dates = [(e.start_char, e.end_char) for e in doc.ents if e.label_ == "DATE"]
    pcts = [(e.start_char, e.end_char) for e in doc.ents if e.label_ == "PERCENT"]
    sents = [(s.start_char, s.end_char) for s in doc.sents] if doc.has_annotation("SENT_START") \
        else [(0, len(text))]
    events = []
    used_triggers = set()
    triggers = sorted(classifier_triggers)
    for n, (s0, s1) in enumerate(sents):
        inside = lambda spans: within(spans, s0, s1)
        figs = [f for f in inside(money) if not _in_rows(rows, f)
                and not PRICE_BEFORE.search(text, max(s0, f[0] - 60), f[0])
                and not DIFFERENCE_AFTER.match(text[f[1]:f[1] + 12])
                and not CHANGE_BEFORE.search(text, max(s0, f[0] - 30), f[0])]
        if not figs:
            continue
        cost_of = [(m.start(), m.end()) for m in COST_OF.finditer(text, s0, s1)]
        cls = [_widen(t, cost_of) for t in within(triggers, s0, s1)]
        asides = _asides(text, s0, s1, figs)
        ok = lambda a, b: is_metric(text, a, b) and not any(x <= a < y for x, y in asides)
        cls = sorted({(a, b): (a, b, sc) for a, b, sc in cls if ok(a, b)}.values())
        metrics = [(a, b) for a, b, _ in cls]
        lex = cost_of + [(m.start(), m.end()) for m in METRIC.finditer(text, s0, s1)]
        for x in lex:
            taken = metrics + figs + [c for c in cost_of if c != x]
            if ok(*x) and not any(x[0] < b and a < x[1] for a, b in taken):
                metrics.append(x)
        metrics.sort()
        score_of = {(a, b): sc for a, b, sc in cls}
        if not metrics or (not cls and not lexicon_alone):
            continue
        # a bare `per share` right after a figure is that figure's (`$0.15 per share`), not the
        # metric of the figures after it (`compared to $61 million`: income's, stated before)
        per_share_of_figure = {m for m in metrics if PER_SHARE_ONLY.match(text[m[0]:m[1]])
                               and any(0 <= m[0] - e <= 4 for _, e in figs)}
        sent_dates, sent_pcts = inside(dates), inside(pcts)
        paired = respectively(text, figs, sent_dates, s0, s1)
        for k, (f0, f1) in enumerate(figs):
            if k and RANGE_GAP.match(text[figs[k - 1][1]:f0]) and (f0, f1) not in paired:
                continue  # the upper bound of a range: the event takes the lower bound
            nxt = figs[k + 1][0] if k + 1 < len(figs) else s1
            after = _near(metrics, f1, before=False, limit=4)
            if after is not None and re.search(r"[,;]", text[f1:after[0]]):
                after = None  # the next item of a list (`costs of $55 million, intangible amortization of`)
            trig = after or _near([m for m in metrics if not _lists_parts(text, m[1], f0, asides)
                                   and m not in per_share_of_figure], f0, before=True, limit=300) \
                or _near([m for m in metrics if m[1] <= nxt], f1, before=False, limit=120)
            if trig is None:
                continue
            prev = figs[k - 1][1] if k > 0 else s0
            # its per-share companion (`$61 million, or $0.06 per share, in third quarter 2010`)
            # shares its clause: the period after the companion is the figure's too
            reach = nxt
            if k + 1 < len(figs) and COMPANION.fullmatch(text, f1, nxt):
                reach = figs[k + 2][0] if k + 2 < len(figs) else s1
            clause_end = min([reach] + [m.start() + f1 for m in CLAUSE_BREAK.finditer(text[f1:reach])])
            period = paired.get((f0, f1)) \
                or _near([d for d in sent_dates if d[1] <= clause_end], f1, before=False, limit=120) \
                or _near([d for d in sent_dates if d[0] >= prev], f0, before=True, limit=200) \
                or (min(sent_dates, key=lambda d: abs(d[0] - f0)) if sent_dates else None) \
                or _paragraph_period(text, dates, sents, n)
            change = _near([p for p in sent_pcts if p[1] <= nxt and _is_change(text, p)], f1, before=False,
                           limit=120) \
                or _near([p for p in sent_pcts if trig[1] <= p[0] and CHANGED_TO.fullmatch(text, p[1], f0)
                          and _is_change(text, p)], f0, before=True, limit=40)
            args = {"metric": trig, "value": (f0, f1)}
            if period:
                args["period"] = period
            if change:
                args["change"] = change
            used_triggers.add(trig)
            events.append({"trigger": trig, "score": score_of.get(trig, 0.6), "args": args})
    for a, b, sc in classifier_triggers:
        if (a, b) in used_triggers or any(a <= f0 and f1 <= b for f0, f1 in money):
            continue
        sent = next(((s0, s1) for s0, s1 in sents if s0 <= a < s1), (0, len(text)))
        if within(money, *sent):
            continue  # its figures were decoded above under other metric phrases
        if generic_only and not GENERIC_RESULTS.search(text[a:b]):
            continue  # a specific metric with no figure reports no result
        if not is_metric(text, a, b):
            continue  # `its earnings release on April 19`
        sent_dates = within(dates, *sent)
        args = {"metric": (a, b)}
        if sent_dates:
            args["period"] = min(sent_dates, key=lambda d: abs(d[0] - a))
        events.append({"trigger": (a, b), "score": sc, "args": args})
    if announced:
        events += _announced_results(text, sents, money, dates, events)
    if found:
        units = doc_units(doc, text)
        value_of = lambda label, s, e: value_at(label, text, s, e, year, *units)
        prose = [m for m in money if not _in_rows(rows, m)]
        amounts = [v["amount"] for s, e in prose[:2000] if isinstance(v := value_of("MONEY", s, e), dict)
                   and v.get("amount")] if any(t.scale == 1.0 for t in found) else []
        facts = [(v["amount"], value_of("DATE", *ev["args"]["period"]) if "period" in ev["args"] else None)
                 for ev in events if "value" in ev["args"]
                 for v in [value_of("MONEY", *ev["args"]["value"])] if isinstance(v, dict) and v.get("amount")]
        events += _stated_in_prose(table_results(text, found, sorted(classifier_triggers), amounts, year), facts)
    return events


def _in_rows(cells: list[tuple[int, int]], span: tuple[int, int]) -> bool:
    """Whether `span` overlaps one of the figure cells of a table (sorted (start, end))."""
    k = bisect.bisect_left(cells, (span[1],)) - 1
    return k >= 0 and cells[k][0] < span[1] and span[0] < cells[k][1]


# ------------------------------------------------------------------ tables
# a row label that names no result: share counts, margins and rates, balance-sheet lines
NOT_RESULT_ROW = re.compile(
    r"\bshares\b|\bweighted[- ]average\b|\bmargins?\b|%|\bpercent(?:age)?\b|\bratio\b|\brates?\b|"
    r"\bheadcount\b|\bemployees\b|\bdays\b|\b(?:total\s+)?assets\b|\bliabilit\w+|\bpayable\b|\breceivables?\b|"
    r"\bdeferred\b|\baccrued\b|\baccumulated\b|\bretained\b|\binventor(?:y|ies)\b|\bgoodwill\b|\bprepaid\b|"
    r"(?:stock|share)holders[’']?\s+equity|\bbalance\b|\bbacklog\b|\bunits\b|\bprovision\s+for\s+income\s+tax|"
    r"\bdividends?\b",
    re.I)
NOT_RESULT_TABLE = re.compile(r"\bbalance\s+sheets?\b|\bfinancial\s+(?:position|condition)\b|\bas\s+of\b", re.I)
PER_SHARE_ROW = re.compile(r"\bper\s+(?:\w+\s+){0,2}(?:share|unit|ADS|ADR)\b|\bEPS\b", re.I)
LABEL_PREFIX = re.compile(r"(?:(?:less|add|plus|minus|deduct)\s*:?\s+|[-–—•·*]+\s*)", re.I)
LABEL_SUFFIX = re.compile(r"(?:\s*:|\s*\(\d\)|\s*\*+|(?<=[a-z])\d)$")
CURRENCY_OF = {"$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY"}


def row_trigger(text: str, cell: tb.Cell) -> tuple[int, int]:
    """A row label's trigger: the label without `Less:`, a bullet, a trailing colon or
    footnote mark."""
    a, b = cell.start, cell.end
    if m := LABEL_PREFIX.match(text, a, b):
        a = m.end()
    if (m := LABEL_SUFFIX.search(text[a:b])) and m.start() > 0:
        b = a + m.start()
    return a, b


def _currency(table: tb.Table, text: str) -> str | None:
    """The table's currency: a sign in its figures or caption, a currency word, or
    (a caption that states a scale: `(In millions)`) dollars; else None: no money."""
    body = table.caption + " " + " ".join(c.text for r in table.rows for c in r.values[:4])
    for sign, code in CURRENCY_OF.items():
        if sign in body:
            return code
    if re.search(r"\b(?:dollars|USD|U\.S\.\s*\$)\b", table.caption, re.I) or table.scale != 1.0:
        return "USD"
    return None


def _row_kind(name: str) -> str | None:
    """`result` for a row label that names a result, `excluded` for one that names none
    (share counts, margins, balance-sheet lines), else None (a label the lexicon does not
    know: a result only under a results section such as `Revenue:`)."""
    if NOT_RESULT_ROW.search(name) or CASH_FLOW_LINE.match(name.strip()):
        return "excluded"
    return "result" if METRIC.search(name) or COST_OF.search(name) else None


def table_results(text: str, tables: list[tb.Table], triggers: list[tuple[int, int, float]],
                  prose_amounts: list[float] | None = None, year: int | None = None) -> list[dict]:
    """One FINANCIAL_RESULT per figure of a results table's result rows (GUIDELINES,
    wide-set reading 1), with the values the table gives (`values`). A row is a result
    row when its label names a result (`_row_kind`), or it stands under a section label
    that does (`Revenue:`, `EARNINGS PER SHARE:`: `Subscription`, `Diluted`; a label in
    the table's body, below its column headers, ending in a colon or of at most five
    words, not a title above the table). A table
    with no scale caption takes the scale (thousands, millions, billions) under which
    one of its figures equals an amount the prose states (`$6,420` beside `$6.42 billion`)."""
    events = []
    for table in tables:
        if NOT_RESULT_TABLE.search(table.caption):
            continue
        currency = _currency(table, text)
        if currency is None:
            continue
        scale = table.scale if table.scale != 1.0 else _inferred_scale(table, prose_amounts or [])
        cash_flows = bool(CASH_FLOW_STATEMENT.search(table.caption)) or sum(
            NET_CASH_ROW.match(r.label.text) is not None for r in table.rows if r.label) >= 2
        section: tuple[str, bool] | None = None  # (kind, per share) of the section label above
        rows, headers = table.row_ids, set(map(id, table.headers))
        body = False  # past the column headers or a row: a one-cell line is a section label, not a title
        parts: list[tuple[tb.Row, tuple[int, int]]] = []  # rows of no known kind since the last label or result
        for line in table.lines:
            if id(line) not in rows:
                parts = []
                if len(line.cells) == 1 and line.cells[0].kind == "text" and body:
                    name = line.cells[0].text
                    short = name.rstrip().endswith(":") or len(name.split()) <= 5
                    # `Cash flows from investing activities:` heads lines, not results (its total is one)
                    kind = _row_kind(name) if short and not CASH_FLOW_SECTION.match(name.strip()) else None
                    section = (kind, bool(PER_SHARE_ROW.search(name))) if kind == "result" else None
                body = body or id(line) in headers
                continue
            body = True
            label = line.label
            if label is None:
                continue
            a, b = row_trigger(text, label)
            name = text[a:b]
            kind = _row_kind(name)
            if cash_flows:
                kind = "result" if kind != "excluded" and CASH_FLOW_TOTAL.match(name) else "excluded"
            if kind == "excluded":
                parts = []
                continue
            if kind is None and section is None:
                parts.append((line, (a, b)))
                continue
            if kind == "result" and SALES_TOTAL.fullmatch(name):
                # the rows just above a total of sales are its parts (`Commercial Aviation
                # Aftermarket`, `Defense and Space` over `Net Aerospace sales`): results too
                for part, span in parts:
                    events += _row_events(text, table, part, span, 0.6, currency, scale, year)
            parts = []
            per_share = bool(PER_SHARE_ROW.search(name)) or (kind is None and section is not None and section[1])
            cls = [t for t in triggers if t[0] < b and a < t[1]] if triggers else []
            score = max((t[2] for t in cls), default=0.6)
            events += _row_events(text, table, line, (a, b), score, currency, 1.0 if per_share else scale, year)
    return events


def _row_events(text: str, table: tb.Table, row: tb.Row, trigger: tuple[int, int], score: float, currency: str,
                scale: float, year: int | None) -> list[dict]:
    out: list[dict] = []
    for cell, head in tb.periods(table, row):
        if cell.kind == "percent":
            first = out[0] if out else None
            dated = head is not None and head.kind in ("year", "date")
            if first is not None and "change" not in first["args"] and not dated:
                first["args"]["change"] = tb.core(cell)
                first["values"]["change"] = tb.number(cell.text)
            continue
        amount = tb.number(cell.text) if cell.kind == "number" else None
        if amount is None or (head is not None and head.kind not in ("year", "date")):
            continue  # no figure (`—`), or a change stated in dollars (`$ Change`)
        if not tb.SCALE_WORD.search(cell.text):
            amount *= scale
        args = {"metric": trigger, "value": tb.core(cell)}
        values = {"value": {"amount": amount, "currency": currency}}
        if head is not None and head.kind in ("year", "date"):
            p0, p1 = head.start, head.end
            if (m := re.search(r"\s*\(\w\)$", head.text)) and m.start() > 0:
                p1 = head.start + m.start()  # `February 3, 2024 (1)`: the footnote mark left out
            period = _date_value(text[p0:p1], year)
            if period is not None:
                args["period"] = (p0, p1)
                values["period"] = period
        out.append({"trigger": trigger, "score": score, "args": args, "values": values})
    return out


@lru_cache(maxsize=256)
def _date_value(header: str, year: int | None):
    """A column header's DATE value (`2023` -> `2023`, `Dec 30, 2023` -> `2023-12-30`),
    read once per header text."""
    return span_value("DATE", header, "", "", year)


def _inferred_scale(table: tb.Table, prose_amounts: list[float]) -> float:
    """The scale under which a figure of the table (1,000 or more) equals an amount the
    prose states, within 0.5%; none: 1."""
    if not prose_amounts:
        return 1.0
    figures = [abs(x) for r in table.rows[:200] for c in r.values if c.kind == "number"
               for x in [tb.number(c.text)] if x is not None and abs(x) >= 1000 and not tb.SCALE_WORD.search(c.text)]
    for scale in (1e6, 1e3, 1e9):
        if any(abs(f * scale - p) <= 0.005 * p for f in figures for p in prose_amounts):
            return scale
    return 1.0


def _stated_in_prose(table_events: list[dict], prose_facts: list[tuple[float, object]]) -> list[dict]:
    """GUIDELINES (reading 1): a figure already given as an event in the prose is not a
    second event: table events whose amount (within 0.5%) and period equal a prose
    event's are left out."""
    if not prose_facts:
        return table_events
    out = []
    for ev in table_events:
        amount = ev["values"]["value"]["amount"]
        period = ev["values"].get("period")
        if any(abs(amount - p) <= 0.005 * abs(p) and p != 0 and period is not None and period == pp
               for p, pp in prose_facts):
            continue
        out.append(ev)
    return out


def with_values(args: list[dict], values: dict) -> list[dict]:
    """Event args (FORMATS.md dicts) with the values a table gave their roles, in the
    place `value` takes in an arg (before `score`)."""
    if not values:
        return args
    out = []
    for arg in args:
        if arg["role"] in values and values[arg["role"]] is not None:
            score = arg.get("score")
            arg = {k: v for k, v in arg.items() if k not in ("value", "score")}
            arg["value"] = values[arg["role"]]
            if score is not None:
                arg["score"] = score
        out.append(arg)
    return out


def _announced_results(text: str, sents, money, dates, events, score: float = 0.5) -> list[dict]:
    """`issued a press release announcing its financial results for the quarter ended
    July 31, 2004`: a results event (trigger and metric `financial results`, `period`
    the DATE after it) where the sentence has no figure and no results event yet; or
    `held its first quarter 2010 earnings conference call` (trigger and metric
    `earnings`, `period` the DATE before it)."""
    out = []
    taken = [ev["trigger"] for ev in events]
    for s0, s1 in sents:
        if within(money, s0, s1) or any(s0 <= a < s1 for a, _ in taken):
            continue
        if m := ANNOUNCED_RESULTS.search(text, s0, s1):
            a, b = m.span(1)
            period = within(dates, b, s1)[:1]
        elif m := EARNINGS_CALL.search(text, s0, s1):
            a, b = m.span(1)
            period = within(dates, m.start(), a)[-1:]
        else:
            continue
        if period:
            out.append({"trigger": (a, b), "score": score, "args": {"metric": (a, b), "period": period[0]}})
    return out


PER_SHARE_ONLY = re.compile(r"^(?:(?:diluted|basic)\s+)?per\s+(?:(?:diluted|basic)\s+)?share$", re.I)


def one_per_fact(events: list[dict]) -> list[dict]:
    """SCHEMA: a fact stated in several places (highlights, headline, body) is one
    event, in the statement that gives it most completely. Two FINANCIAL_RESULT records
    state the same fact when their metric phrases read the same (case and white space
    aside) and their figures are equal; the one with a `period`, else with more
    arguments, else not in a headline's title case, else the first, is kept. A bare
    `per share` names no metric of its own (`$0.15 per share` follows net income in
    one sentence, income from continuing operations in another), so such records are
    all kept."""
    best: dict[tuple, int] = {}
    drop = set()
    rank = lambda ev: (any(a["role"] == "period" for a in ev["args"]), len(ev["args"]),
                       not ev["trigger"]["text"].istitle())
    for i, ev in enumerate(events):
        if ev["type"] != "FINANCIAL_RESULT":
            continue
        value = next((a.get("value") for a in ev["args"] if a["role"] == "value"), None)
        metric = " ".join(ev["trigger"]["text"].lower().split())
        if not isinstance(value, dict) or value.get("amount") is None or PER_SHARE_ONLY.match(metric):
            continue
        key = (metric, round(float(value["amount"]), 6), value.get("currency"))
        j = best.get(key)
        if j is None:
            best[key] = i
        elif rank(ev) > rank(events[j]):
            drop.add(j)
            best[key] = i
        else:
            drop.add(i)
    return [ev for i, ev in enumerate(events) if i not in drop]
