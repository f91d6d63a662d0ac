"""SHARES rules: bare vote counts where the sentence says they count votes.

A table's lines may read as one sentence: an amount of a money row of a money table
(`money.money_cells`: `Net income (loss)  —  11,622` in a statement of equity that also
says `Purchases of treasury shares`) is no count.

Each rule function takes a `RuleContext` (the doc, lexicons, the candidates found so
far) and returns new `Candidate` spans; `registry.py` names them and their order.
"""
from __future__ import annotations

import re

from .context import Candidate, RuleContext, is_currency_sign
from .money import money_cells

VOTE_CUES = {"votes", "voted", "vote", "voting", "abstain", "abstained", "abstentions",
             "abstention", "withheld", "withhold", "non-votes", "represented", "quorum",
             "against", "shares", "outstanding", "proxy", "proxies"}
BARE_NEXT_OK = {"represented", "as", "were", "was", "for", "against", "in", "or", "and",
                "cast", "voted", "present", "abstained", "abstain", "abstentions", "withheld",
                "outstanding", "entitled", "votes", "broker", "with", "voting", "being",
                "which", "by", "at", "on"}
COUNT_RE = re.compile(r"^\d{1,3}(?:,\d{3})+$")


def shares_vote_counts(ctx: RuleContext) -> list[Candidate]:
    """Bare counts in a sentence about shares or votes: ``16,698,574 represented``."""
    doc, out = ctx.toks, []
    texts, lowers = ctx.texts, ctx.lowers
    counts = [i for i, t in enumerate(texts) if t[:1].isdigit() and COUNT_RE.match(t)]
    if not counts:
        return out
    amounts = {a for a, _ in money_cells(ctx.text)}
    for sent in ctx.sent_bounds():
        s0, s1 = sent
        here = [i for i in counts if s0 <= i < s1]
        if not here or VOTE_CUES.isdisjoint(lowers[s0:s1]):
            continue
        for i in here:
            tok = doc[i]
            if ctx.labels_at(tok.i) or tok.idx in amounts:
                continue
            p = ctx.prev_ns(tok.i)
            if p is not None and (doc[p].text in {"(", "-"} or is_currency_sign(doc[p])):
                continue
            n = ctx.next_ns(tok.i)
            if n is not None:
                nt = doc[n]
                if nt.text in {"%", ")"} or nt.lower_ in {"percent", "million", "billion", "thousand"}:
                    continue
                if nt.is_alpha and nt.text.islower() and nt.lower_ not in BARE_NEXT_OK:
                    continue
            out.append(Candidate(tok.i, tok.i + 1, "SHARES", "vote_count"))
    return out
