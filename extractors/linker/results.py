"""FINANCIAL_RESULT decoding: one event per reported figure (SCHEMA section 2).

SCHEMA makes every monetary figure a filer reports as a result its own event, with
the metric phrase as trigger, so a sentence like "revenues of $5.5 billion, up from
$5.4 billion in the second quarter of 2008" holds two events sharing the trigger
`revenues`. A trigger classifier finds metric phrases, not figures, so results are
decoded per figure:

1. Metric phrases of a sentence: the classifier's FINANCIAL_RESULT triggers plus
   the phrases of `METRIC` (lexicon) that no classifier trigger overlaps (with
   `lexicon_alone=False`, only in sentences where the classifier found one).
2. Each MONEY entity of a sentence that holds a metric phrase becomes one event.
   Its trigger (and `metric`) is the metric phrase right after it (`$0.31 per
   diluted share`) or else the nearest one before it in the sentence, else the
   nearest one after it.
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
   after the phrase) is one event too, classifier or not (GUIDELINES, Item 2.02).
"""
from __future__ import annotations

import re

from spacy.tokens import Doc

from extractors.doctext import doc_text
from extractors.offsets import within

METRIC = re.compile(
    r"\b(?:(?:total|net|gross|operating|consolidated|quarterly|annual|GAAP|non-GAAP|adjusted|diluted|"
    r"pre-tax|after-tax|pro forma|segment|reported|fourth-quarter|full-year)\s+)*"
    r"(?:revenues?|sales|income(?:\s+from\s+(?:continuing\s+)?operations)?|earnings(?:\s+per\s+(?:diluted\s+)?share)?|"
    r"(?:net\s+)?loss(?:es)?|profits?|EBITDA|EPS|orders|(?:free\s+)?cash\s+flow|charges?|gains?|"
    r"benefits?|expenses?|TAC|traffic\s+acquisition\s+costs|per\s+(?:diluted\s+|basic\s+)?share|"
    r"cash\s+(?:provided|used|generated)\s+(?:by|in|from)\s+(?:operating|investing|financing)\s+activities|"
    r"(?:operating|investing|financing)\s+activities)\b", re.I)
CHANGE_CUE = re.compile(r"\b(?:up|down|increase[sd]?|decrease[sd]?|grew|growth|rose|fell|declin\w*|gain|"
                        r"drop\w*|higher|lower|improve\w*|change[sd]?|compared|year[- ]over[- ]year|"
                        r"sequential\w*)\b", re.I)
GENERIC_RESULTS = re.compile(r"\b(?:results|earnings|performance)\b(?!\s+per\b)", re.I)
# An Item 2.02 statement that results were announced (GUIDELINES: one event, trigger
# and metric the results phrase, `period` only), found without the classifier.
ANNOUNCED_RESULTS = re.compile(
    r"\b(?:announc\w*|report\w*|releas\w*|issued)\b[^.;]{0,80}?\b(?:(?:its|the|our)\s+)?"
    r"((?:(?:financial|operating|quarterly|preliminary|unaudited)\s+)*results)\b"
    r"(?=\s+(?:of\s+operations\s+)?for\b)",
    re.I)
RANGE_GAP = re.compile(r"^\s*(?:to|and|-|\u2013|through)\s*$", re.I)
CLAUSE_BREAK = re.compile(r"[;,]\s+(?:and|while|compared|up|down|an?\s+(?:increase|decrease))\b|;")


def _near(items, pos: int, before: bool, limit: int):
    best = None
    for s, e in items:
        d = pos - e if before else s - pos
        if 0 <= d <= limit and (best is None or d < best[0]):
            best = (d, (s, e))
    return best[1] if best else None


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
        figs = inside(money)
        cls = within(triggers, s0, s1)
        metrics = [(a, b) for a, b, _ in cls]
        lex = [(m.start(), m.end()) for m in METRIC.finditer(text, s0, s1)]
        metrics += [x for x in lex if not any(x[0] < b and a < x[1] for a, b in metrics)
                    and not any(x[0] < f[1] and f[0] < x[1] for f in figs)]
        score_of = {(a, b): sc for a, b, sc in cls}
        if not figs:
            continue
        if not metrics or (not cls and not lexicon_alone):
            continue
        for k, (f0, f1) in enumerate(figs):
            if k and RANGE_GAP.match(text[figs[k - 1][1]:f0]):
                continue  # the upper bound of a range: the event takes the lower bound
            after = _near(metrics, f1, before=False, limit=4)
            trig = after or _near(metrics, f0, before=True, limit=300) or _near(metrics, f1, before=False, limit=120)
            if trig is None:
                continue
            nxt = figs[k + 1][0] if k + 1 < len(figs) else s1
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
    the DATE after it) where the sentence has no figure and no results event yet."""
    out = []
    taken = [ev["trigger"] for ev in events]
    for s0, s1 in sents:
        if within(money, s0, s1) or any(s0 <= a < s1 for a, _ in taken):
            continue
        m = ANNOUNCED_RESULTS.search(text, s0, s1)
        if m is None:
            continue
        a, b = m.span(1)
        later = within(dates, b, s1)
        if not later:
            continue
        out.append({"trigger": (a, b), "score": score, "args": {"metric": (a, b), "period": later[0]}})
    return out
