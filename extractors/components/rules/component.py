"""The ``sec_rules`` pipeline component: rule-based entity spans for SEC filings.

Steps for each doc:

1. token patterns (``patterns/entities.jsonl``, ``patterns/roles.jsonl``) and the
   ORG phrase lexicon (``patterns/orgs.jsonl``) run in one spaCy ``Matcher``;
   whitespace tokens are allowed between pattern tokens (see ``loader.py``); each match
   is trimmed of edge whitespace/punctuation and checked by the validator for its label;
2. the rule functions (``registry.py``: ``orgs.py``, ``persons.py``, ``roles.py``, ``shares.py``, ``dates.py``) add candidates in order, each seeing the
   candidates before it;
3. all candidates go to ``doc.spans[spans_key]`` (may overlap; ``span._.source`` and
   ``span._.score`` set, and ``attrs["scores"]``/``attrs["sources"]`` parallel lists, as
   spaCy's spancat does).

The component never sets ``doc.ents``: `sec_merge` decides the entities once, from these
candidates and the span classifier's (extractors/components/merge.py).

Errors inside one rule function are caught and recorded in
``doc.user_data[contract.ERRORS_KEY]``; the other rules still run.
"""
from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Iterable

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span, SpanGroup

from extractors.contract import ERRORS_KEY, RULES_KEY
from extractors.schema import LABELS

from . import registry as _registry
from .context import Candidate, RuleContext, is_currency_sign
from .fastmatch import TextMatcher
from .fastmatch import supported as fast_supported
from .loader import (PATTERNS_DIR, WS_TOKEN, compact_pattern, load_lexicons, load_phrase_patterns,
                     load_token_patterns, phrase_to_pattern)

# the whitespace a pattern may cross: loader.WS_TOKEN's test (re.search, as the Matcher
# applies REGEX; note that "$" also matches before a final line break)
_WS_RE = re.compile(WS_TOKEN["TEXT"]["REGEX"])
_ws_ok_cache: dict[str, bool] = {}


def _ws_ok(text: str) -> bool:
    ok = _ws_ok_cache.get(text)
    if ok is None:
        if len(_ws_ok_cache) > 50000:
            _ws_ok_cache.clear()
        ok = _ws_ok_cache[text] = _WS_RE.search(text) is not None
    return ok


EDGE_TRIM = {",", ";", ":", "-", "–", "(", ")", ".", "'", '"'}


# ---------------------------------------------------------------------- validators
def _role_ok(ctx: RuleContext, c: Candidate) -> bool:
    doc, roles = ctx.toks, ctx.lex["roles"]
    words = [t for t in doc[c.start:c.end] if not t.is_space]
    if len(words) == 1:
        w = words[0]
        if w.lower_ in roles["CAPITALISED_ONLY"] and not w.text[0].isupper():
            return False
        n = ctx.next_ns(c.end - 1)
        if n is not None and doc[n].lower_ in roles["NOT_BEFORE"]:
            return False
        p = ctx.prev_ns(c.start)
        if p is not None and w.lower_ == "director":
            if doc[p].lower_ == "board":
                return False
            # "the Company's director" is the body; "Alcoa Inc.'s Director of Investor
            # Relations" holds an office
            if doc[p].lower_ in ("'s", "’s") and not (
                    w.text == "Director" and n is not None and doc[n].lower_ == "of"):
                return False
        if w.text == "director":
            # generic: "any new director", "each director"; a list of capacities:
            # "is or was a director, officer, employee, agent"
            k, steps = p, 0
            while k is not None and steps < 2:
                if doc[k].lower_ in ("any", "each", "every", "no"):
                    return False
                k, steps = ctx.prev_ns(k), steps + 1
            if n is not None and doc[n].text == ",":
                n2 = ctx.next_ns(n)
                if n2 is not None and doc[n2].lower_ in ("officer", "employee", "agent"):
                    return False
        if w.lower_ == "secretary" and n is not None and doc[n].lower_ == "of":
            n2 = ctx.next_ns(n)
            if n2 is not None and doc[n2].lower_ in ("state", "the"):
                return False  # "the Georgia Secretary of State" is an office, not a title held
    if words[0].lower_ in ("group", "co", "executive", "corporate") and len(words) == 1:
        return False
    return True


def _org_lexicon_ok(ctx: RuleContext, c: Candidate, not_before: list[str]) -> bool:
    n = ctx.next_ns(c.end - 1)
    return not (n is not None and ctx.texts[n] in not_before)


RECURRING_DATE_RE = re.compile(
    r"\b(?:each|every|per) (?:calendar )?year\b|\bsemi-?annual(?:ly)?\b|\bannually\b|"
    r"\b(?:Payment|Record) Dates?\b", re.I)
NOTE_WORDS = {"notes", "note", "debentures", "debenture", "bonds", "bond", "securities"}
INDEFINITE = {"a", "an", "any", "each", "every", "one", "another"}
YEAR_AGO = ("a", "year", "ago")


EXCHANGE_RATIO = re.compile(r"^\d*\.\d{4,}$")  # `0.03002 shares` of the buyer per target share
# what one unit of a security is worth in shares (`PSUs represent a right to receive one share`,
# `convertible into one share of common stock`, `deliver to the holder one share`, `the value of
# one share`): no count
PER_UNIT_BEFORE = frozenset({"receive", "receives", "received", "into", "holder", "deliver", "delivers", "of"})
YEAR = re.compile(r"^(?:19|20)\d\d$")


def _shares_ok(ctx: RuleContext, c: Candidate) -> bool:
    """A share count is no amount of money (`$1.2 billion of its ordinary shares`: the `$`
    before it), no exchange ratio (GUIDELINES reading 6: `0.03002 shares of our common
    shares` per target share), no unit's worth in shares (`receive one share`) and no year
    of a header over a row label."""
    p = ctx.prev_ns(c.start)
    if p is not None and is_currency_sign(ctx.toks[p]):
        return False
    first = ctx.lowers[c.start]
    if first in ("one", "1") and p is not None and ctx.lowers[p] in PER_UNIT_BEFORE:
        return False
    # a column's year over the next line's row label (`2022` above `Shares`): no count
    if YEAR.match(first) and (n := ctx.next_ns(c.start)) is not None and ctx.gap_has_newline(n):
        return False
    return not EXCHANGE_RATIO.match(ctx.texts[c.start])


def _date_ok(ctx: RuleContext, c: Candidate, pattern_id: str) -> bool:
    doc, texts, lowers = ctx.toks, ctx.texts, ctx.lowers
    words = [t for t in doc[c.start:c.end] if not t.is_space]
    first = words[0].lower_
    if first in ("and", "-", "of"):
        return False  # a piece of a longer period name ("and nine months ended ...")
    if pattern_id in ("date-md", "date-wmd"):
        # "May 5" needs a capital M; a following ":" or number is a time or a list
        n = ctx.next_ns(c.end - 1)
        if n is not None and texts[n] in {":", "%"}:
            return False
        if words[0].text in ("May", "MAY") and len(words) == 2:
            p = ctx.prev_ns(c.start)
            if p is not None and lowers[p] in {"we", "it", "they", "which", "company", "shares"}:
                return False
        # a day that recurs every year ("payable on January 15 and July 15 of each year",
        # "Record Dates: April 15 and October 15") is no calendar date
        s0, s1 = ctx.sentence_of(c.start)
        if RECURRING_DATE_RE.search(ctx.text, *ctx.char_bounds(s0, s1)):
            return False
    if pattern_id.startswith("period-ended") and first != "the":
        # "(30)-day period ending March 6" is a duration; keep only real period names
        heads = {w.lower_ for w in words}
        if not heads & {"fiscal", "year", "years", "quarter", "quarters", "quarterly", "months",
                        "month", "weeks", "week", "half"}:
            return False
    if pattern_id in ("quarter", "year-quarter") and words[-1].lower_ == "half":
        return False  # "the first half" with no year: gold never dates it
    if pattern_id == "quarter":
        # "for a third quarter" is any third quarter; "the fourth quarter a year ago"
        # is the year-ago quarter (SCHEMA: relative, no calendar anchor)
        p = ctx.prev_ns(c.start)
        if first not in ("the", "fiscal") and p is not None and lowers[p] in INDEFINITE:
            return False
        k, ok = c.end - 1, True
        for w in YEAR_AGO:
            k = ctx.next_ns(k)
            if k is None or lowers[k] != w:
                ok = False
                break
        if ok:
            return False
    if words[-1].text[:1].isdigit() or pattern_id.startswith("date-"):
        # "5.03% Senior Notes due July 27, 2012": the date is part of the notes' name
        p = ctx.prev_ns(c.start)
        if p is not None and lowers[p] == "due":
            k = p
            for _ in range(6):
                k = ctx.prev_ns(k)
                if k is None:
                    break
                if lowers[k] in NOTE_WORDS:
                    return False
    return True


class SecRules:
    """Rule-based candidate spans for the seven entity labels; see the module docstring."""

    def __init__(self, nlp: Language, name: str = "sec_rules", *, spans_key: str = RULES_KEY,
                 patterns_dir: str | None = None, rule_functions=None, score: float = 1.0):
        self.name = name
        self.nlp = nlp
        self.spans_key = spans_key
        self.score = score
        self.rule_functions = rule_functions if rule_functions is not None else \
            _registry.make_rule_functions()
        self.patterns_dir = str(patterns_dir) if patterns_dir else None
        self._load(self.patterns_dir)

    # ------------------------------------------------------------------ patterns
    def _load(self, patterns_dir: str | None) -> None:
        self.lex = load_lexicons(patterns_dir)
        macros = self.lex["macros"]
        strings = self.nlp.vocab.strings
        # spaCy's Matcher validates every pattern and runs the few the fast matcher
        # cannot (none at present); the fast matcher runs the rest
        validator = Matcher(self.nlp.vocab, validate=True)
        self.matcher = Matcher(self.nlp.vocab)
        self.fast_matcher = TextMatcher()
        self._match_info: dict[int, tuple[str, str, dict]] = {}

        def add(key: str, pats: list[list[dict]], info: tuple) -> None:
            validator.add(key, pats)
            key_id = strings.add(key)
            self._match_info[key_id] = info
            fast = [p for p in pats if fast_supported(p)]
            slow = [p for p in pats if not fast_supported(p)]
            if fast:
                self.fast_matcher.add(key_id, fast)
            if slow:
                self.matcher.add(key, slow)

        for n, entry in enumerate(load_token_patterns(patterns_dir)):
            key = f"{entry['label']}|{entry.get('id', n)}|{n}"
            add(key, [compact_pattern(entry["pattern"], macros)],
                (entry["label"], entry.get("id", str(n)), entry))
        tokenizer = self.nlp.tokenizer
        for n, entry in enumerate(load_phrase_patterns(patterns_dir)):
            variants = sorted({entry["pattern"], entry["pattern"].upper()})
            pats = [compact_pattern(phrase_to_pattern(v, tokenizer), {}) for v in variants]
            add(f"{entry['label']}|lexicon|p{n}", pats, (entry["label"], "lexicon", entry))

    @property
    def labels(self) -> tuple[str, ...]:
        return LABELS

    # ------------------------------------------------------------------ running
    def _trim(self, ctx: RuleContext, start: int, end: int) -> tuple[int, int]:
        texts, spaces = ctx.texts, ctx.spaces
        while start < end and (spaces[start] or texts[start] in EDGE_TRIM):
            start += 1
        while end > start and (spaces[end - 1] or texts[end - 1] in EDGE_TRIM
                               and texts[end - 1] != ")"):
            end -= 1
        return start, end

    def _compact(self, ctx: RuleContext) -> tuple[list[int], list[int]]:
        """The indices of the non-space tokens and a running count of the gaps between
        them that a pattern may not cross.

        EDGAR text puts runs of spaces and line breaks between the words of a mention;
        a pattern may cross one whitespace token that holds no blank line. Matching the
        non-space tokens and rejecting matches over a bad gap is equivalent to matching
        patterns with an optional whitespace token between every two tokens (as
        ``loader.expand_pattern`` writes them), and much faster.
        """
        texts, spaces = ctx.texts, ctx.spaces
        keep = [i for i in range(ctx.n) if not spaces[i]]
        bad_before, total, prev = [], 0, None
        for i in keep:
            if prev is not None:
                gap = i - prev - 1
                if gap > 1 or (gap == 1 and not _ws_ok(texts[prev + 1])):
                    total += 1
            bad_before.append(total)
            prev = i
        return keep, bad_before

    def match_candidates(self, ctx: RuleContext) -> list[Candidate]:
        out, texts = [], ctx.texts
        if not ctx.n:
            return out
        keep, bad = self._compact(ctx)
        matches = self.fast_matcher([ctx.texts[i] for i in keep])
        if len(self.matcher):
            words = [ctx.texts[i] for i in keep]
            compact = Doc(self.nlp.vocab, words=words, spaces=[False] * len(words))
            matches += sorted(self.matcher(compact), key=lambda m: (m[1], m[2]))
        seen = set()
        for match_id, cs, ce in matches:
            if bad[ce - 1] != bad[cs]:
                continue  # crosses a blank line or a run of whitespace tokens
            label, pid, entry = self._match_info[match_id]
            if entry.get("keep_first"):  # the pattern is context for its first tokens
                ce = min(ce, cs + int(entry["keep_first"]))
            elif entry.get("keep"):  # ... or for the tokens keep[0]:keep[1] of the match
                a, b = entry["keep"]
                cs, ce = cs + int(a), min(ce, cs + int(b))
                if ce <= cs:
                    continue
            start, end = keep[cs], keep[ce - 1] + 1
            if (match_id, start, end) in seen:
                continue
            seen.add((match_id, start, end))
            s, e = self._trim(ctx, start, end)
            if e <= s:
                continue
            # a closing paren is kept only when its opening paren is inside the span
            if texts[e - 1] == ")" and "(" not in texts[s:e - 1]:
                e -= 1
            c = Candidate(s, e, label, f"pattern:{pid}", self.score)
            ok = True
            if label == "ROLE":
                ok = _role_ok(ctx, c)
            elif label == "ORG" and entry.get("not_before"):
                ok = _org_lexicon_ok(ctx, c, entry["not_before"])
            elif label == "DATE":
                ok = _date_ok(ctx, c, pid)
            elif label == "SHARES":
                ok = _shares_ok(ctx, c)
            if ok:
                out.append(c)
        return out

    def candidates(self, doc: Doc) -> tuple[list[Candidate], list[str]]:
        ctx = RuleContext(doc, self.lex)
        try:
            ctx.add(self.match_candidates(ctx))
        except Exception as err:  # pragma: no cover - defensive
            ctx.errors.append(f"patterns: {err!r}")
        for name, fn in self.rule_functions:
            try:
                found = fn(ctx)
                for c in found:
                    if c.score is None:
                        c.score = self.score
                ctx.add(found)
            except Exception as err:
                ctx.errors.append(f"{name}: {err!r}")
        seen, unique = set(), []
        for c in ctx.candidates:
            if c.key() not in seen and c.end > c.start:
                seen.add(c.key())
                unique.append(c)
        return unique, ctx.errors

    def __call__(self, doc: Doc) -> Doc:
        try:
            cands, errors = self.candidates(doc)
        except Exception as err:
            doc.user_data.setdefault(ERRORS_KEY, []).append(f"{self.name}: {err!r}")
            return doc
        if errors:
            doc.user_data.setdefault(ERRORS_KEY, []).extend(f"{self.name}: {e}" for e in errors)
        group = SpanGroup(doc, name=self.spans_key, spans=[
            Span(doc, c.start, c.end, label=c.label) for c in cands])
        group.attrs["scores"] = [c.score for c in cands]
        group.attrs["sources"] = [c.source for c in cands]
        for span, c in zip(group, cands):
            span._.source = c.source
            span._.score = c.score
        doc.spans[self.spans_key] = group
        return doc

    def pipe(self, stream: Iterable[Doc], batch_size: int = 128):
        for doc in stream:
            yield self(doc)

    # ------------------------------------------------------------- serialisation
    def to_disk(self, path, *, exclude=tuple()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        src = Path(self.patterns_dir) if self.patterns_dir else PATTERNS_DIR
        dst = path / "patterns"
        if dst.exists():
            shutil.rmtree(dst)
        shutil.copytree(src, dst, ignore=shutil.ignore_patterns("__pycache__"))

    def from_disk(self, path, *, exclude=tuple()):
        src = Path(path) / "patterns"
        if src.is_dir():
            self.patterns_dir = str(src)
            self._load(self.patterns_dir)
        return self

    def to_bytes(self, *, exclude=tuple()) -> bytes:
        return b""

    def from_bytes(self, data: bytes, *, exclude=tuple()):
        return self


@Language.factory(
    "sec_rules",
    assigns=["doc.spans"],
    default_config={
        "spans_key": RULES_KEY,
        "patterns_dir": None,
        "score": 1.0,
        "rule_functions": {"@misc": "sec_events.rule_functions.v1"},
    },
)
def make_rules(nlp: Language, name: str, spans_key: str, patterns_dir: str | None, score: float,
               rule_functions) -> SecRules:
    return SecRules(nlp, name, spans_key=spans_key, patterns_dir=patterns_dir,
                    rule_functions=rule_functions, score=score)
