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
   per share`) or a difference (`would have been $44 million lower`). Its trigger
   (and `metric`) is the metric phrase right after it (`$0.31 per diluted share`)
   or else the nearest one before it in the sentence, else the nearest one after it
   before the next figure.
   The upper bound of a range (`$190 million to $215 million`) is no event of its own.
3. `period` is the DATE nearest the figure inside its clause (after it first:
   `$5.4 billion in the second quarter of 2008`, then before), else the nearest
   DATE of the sentence; `change` is a PERCENT that follows the figure before the
   next figure, in the same sentence, and is stated as a change (a cue such as
   `up`, `increase`, `compared` next to it), not a share or margin.
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
6. The linker then keeps one record per fact stated twice (`one_per_fact`: same
   metric phrase and figure in the highlights and the body).
"""
from __future__ import annotations

import re

from spacy.tokens import Doc

from extractors.contract import doc_text
from extractors.offsets import within

METRIC = re.compile(
    r"\b(?:(?:total|net|gross|operating|consolidated|quarterly|annual|GAAP|non-GAAP|adjusted|diluted|"
    r"pre-tax|after-tax|pro forma|segment|reported|fourth-quarter|full-year)\s+)*"
    r"(?:revenues?|sales|income(?:\s+from\s+(?:continuing\s+)?operations)?|earnings(?:\s+per\s+(?:diluted\s+)?share)?|"
    r"(?:net\s+)?loss(?:es)?|profits?|EBITDA|EPS|orders|(?:free\s+)?cash\s+flow|charges?|gains?|"
    r"benefits?|expenses?|TAC|traffic\s+acquisition\s+costs|per\s+(?:diluted\s+|basic\s+)?share|"
    r"cash\s+(?:provided|used|generated)\s+(?:by|in|from)\s+(?:operating|investing|financing)\s+activities|"
    r"(?:operating|investing|financing)\s+activities)\b", re.I)
# `cost of revenues` names one metric; the lexicon's `revenues` inside it does not
COST_OF = re.compile(r"\b(?:(?:other|total)\s+)?costs?\s+of\s+(?:revenues?|sales|goods\s+sold)\b", re.I)
# A metric phrase that only measures something else (`28% of revenues`, `the portion of
# revenues shared with partners`), is excluded (`other than cost of revenues`) or names
# no result (`defined benefit plans`, `income tax purposes`) is no trigger.
NOT_METRIC_BEFORE = re.compile(
    r"(?:(?:%|\bpercent)\s+of\s+(?:[\w'-]+\s+){0,3}|\b(?:portion|percentage|share|proportion)\s+of\s+"
    r"(?:[\w'-]+\s+){0,2}|\b(?:other\s+than|excluding|exclusive\s+of)\s+)$", re.I)
NOT_METRIC_AFTER = re.compile(r"^\s+(?:tax\s+)?(?:plans?|purposes|programs?|statements?)\b", re.I)
# `revenues would have been $44 million lower`: a difference, not a result
DIFFERENCE_AFTER = re.compile(r"^\s+(?:higher|lower)\b", re.I)
RELATIVE = re.compile(r",\s+(?:which|that)\s+(?:(?:is|are|was|were)\s+)?(?:primarily\s+)?"
                      r"(?:includes?|included|including|consists?|consisted|comprised|comprises|represents?)\b", re.I)
# A per-share price is no result (`par value $0.01 per share`, `an exercise price of $308.57 per share`).
PRICE_BEFORE = re.compile(r"\b(?:par\s+value|(?:exercise|conversion|purchase|offering|strike|closing|sale|"
                          r"redemption|tender|subscription)\s+price|price\s+of|at\s+a\s+price)\b[^.;$]{0,25}$",
                          re.I)
CHANGE_CUE = re.compile(r"\b(?:up|down|increase[sd]?|decrease[sd]?|grew|growth|rose|fell|declin\w*|gain|"
                        r"drop\w*|higher|lower|improve\w*|change[sd]?|compared|year[- ]over[- ]year|"
                        r"sequential\w*)\b", re.I)
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
RANGE_GAP = re.compile(r"^\s*(?:to|and|-|\u2013|through)\s*$", re.I)
CLAUSE_BREAK = re.compile(r"[;,]\s+(?:and|while|compared|up|down|an?\s+(?:increase|decrease))\b|;")


def _near(items, pos: int, before: bool, limit: int):
    best = None
    for s, e in items:
        d = pos - e if before else s - pos
        if 0 <= d <= limit and (best is None or d < best[0]):
            best = (d, (s, e))
    return best[1] if best else None


def is_metric(text: str, start: int, end: int) -> bool:
    """False for a metric phrase that measures something else (`12% of revenues`,
    `the portion of revenues shared`), is excluded (`other than cost of revenues`) or
    names no result (`defined benefit plans`)."""
    return not (NOT_METRIC_BEFORE.search(text, max(0, start - 40), start)
                or NOT_METRIC_AFTER.match(text[end:end + 20]))


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
                   announced: bool = True) -> list[dict]:
    """FINANCIAL_RESULT events as dicts: trigger offsets, score, arg offsets by role."""
    text = doc_text(doc)
    money = [(e.start_char, e.end_char) for e in doc.ents if e.label_ == "MONEY"]
    dates = [(e.start_char, e.end_char) for e in doc.ents if e.label_ == "DATE"]
    pcts = [(e.start_char, e.end_char) for e in doc.ents if e.label_ == "PERCENT"]
    sents = [(s.start_char, s.end_char) for s in doc.sents] if doc.has_annotation("SENT_START") \
        else [(0, len(text))]
    events = []
    used_triggers = set()
    triggers = sorted(classifier_triggers)
    for s0, s1 in sents:
        inside = lambda spans: within(spans, s0, s1)
        figs = [f for f in inside(money) if not PRICE_BEFORE.search(text, max(s0, f[0] - 60), f[0])
                and not DIFFERENCE_AFTER.match(text[f[1]:f[1] + 12])]
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
        if not figs:
            continue
        if not metrics or (not cls and not lexicon_alone):
            continue
        for k, (f0, f1) in enumerate(figs):
            if k and RANGE_GAP.match(text[figs[k - 1][1]:f0]):
                continue  # the upper bound of a range: the event takes the lower bound
            nxt = figs[k + 1][0] if k + 1 < len(figs) else s1
            after = _near(metrics, f1, before=False, limit=4)
            trig = after or _near(metrics, f0, before=True, limit=300) \
                or _near([m for m in metrics if m[1] <= nxt], f1, before=False, limit=120)
            if trig is None:
                continue
            prev = figs[k - 1][1] if k > 0 else s0
            clause_end = min([nxt] + [m.start() + f1 for m in CLAUSE_BREAK.finditer(text[f1:nxt])])
            sent_dates = inside(dates)
            period = _near([d for d in sent_dates if d[1] <= clause_end], f1, before=False, limit=120) \
                or _near([d for d in sent_dates if d[0] >= prev], f0, before=True, limit=200) \
                or (min(sent_dates, key=lambda d: abs(d[0] - f0)) if sent_dates else None)
            change = _near([p for p in inside(pcts) if p[1] <= nxt and _is_change(text, p)], f1, before=False,
                           limit=120)
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
        sent_dates = within(dates, *sent)
        args = {"metric": (a, b)}
        if sent_dates:
            args["period"] = min(sent_dates, key=lambda d: abs(d[0] - a))
        events.append({"trigger": (a, b), "score": sc, "args": args})
    if announced:
        events += _announced_results(text, sents, money, dates, events)
    return events


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
