"""A small token-pattern matcher over token texts, for the rule component's patterns.

spaCy's ``Matcher`` pushes a state for every pattern at every token and calls Python
predicates (``IN``, ``REGEX``) through ``Token`` objects; on filing text that made it
the slowest part of the rules. The patterns here are simple token sequences over
string attributes, so this matcher:

* compiles each pattern token to a test on the token's text (``ORTH``/``TEXT``,
  ``LOWER``, ``IS_ALPHA``...; values, ``IN``/``NOT_IN``/``REGEX`` dicts), cached per
  distinct text;
* indexes patterns by the tokens they can start with, so that a position is tried
  only against the patterns that can start there;
* returns, like spaCy's ``Matcher`` (without ``greedy``), every ``(key, start, end)``
  of every pattern, once.

Operators: none (exactly once), ``?``, ``*``, ``+`` and ``{n}``/``{n,m}``/``{n,}``/
``{,m}``. A pattern with anything else (other attributes, ``!``, extensions) is
reported by :func:`supported` as unsupported; the caller runs those with spaCy's
``Matcher``.
"""
from __future__ import annotations

import json
import re
from typing import Callable, Iterable, Sequence

UNBOUNDED = 10_000
_CACHE_LIMIT = 200_000

_STRING_ATTRS = {
    "ORTH": lambda t: t,
    "TEXT": lambda t: t,
    "LOWER": lambda t: t.lower(),
}
_FLAG_ATTRS = {
    "IS_ALPHA": str.isalpha,
    "IS_DIGIT": str.isdigit,
    "IS_UPPER": str.isupper,
    "IS_LOWER": str.islower,
    "IS_TITLE": str.istitle,
    "IS_SPACE": str.isspace,
}


def _parse_op(op: str | None) -> tuple[int, int] | None:
    if op is None or op == "1":
        return 1, 1
    if op == "?":
        return 0, 1
    if op == "*":
        return 0, UNBOUNDED
    if op == "+":
        return 1, UNBOUNDED
    m = re.fullmatch(r"\{(\d*)(,?)(\d*)\}", op)
    if not m:
        return None
    lo = int(m.group(1)) if m.group(1) else 0
    if not m.group(2):
        return lo, lo
    hi = int(m.group(3)) if m.group(3) else UNBOUNDED
    return lo, hi


def _value_test(value) -> Callable[[str], bool] | None:
    """A test on an attribute's string value, or None if the value form is unsupported."""
    if isinstance(value, str):
        return value.__eq__
    if not isinstance(value, dict) or not value:
        return None
    tests = []
    for op, arg in value.items():
        if op == "IN" and isinstance(arg, list) and all(isinstance(a, str) for a in arg):
            s = frozenset(arg)
            tests.append(s.__contains__)
        elif op == "NOT_IN" and isinstance(arg, list) and all(isinstance(a, str) for a in arg):
            s = frozenset(arg)
            tests.append(lambda v, s=s: v not in s)
        elif op == "REGEX" and isinstance(arg, str):
            rx = re.compile(arg)
            tests.append(lambda v, rx=rx: rx.search(v) is not None)
        else:
            return None
    if len(tests) == 1:
        return tests[0]
    return lambda v: all(t(v) for t in tests)


def compile_token(spec: dict) -> tuple[Callable[[str], bool], int, int] | None:
    """(test on a token text, min repeats, max repeats), or None if unsupported."""
    rng = _parse_op(spec.get("OP"))
    if rng is None:
        return None
    tests = []
    for key, value in spec.items():
        if key == "OP":
            continue
        if key in _STRING_ATTRS:
            vt = _value_test(value)
            if vt is None:
                return None
            get = _STRING_ATTRS[key]
            tests.append(vt if key in ("ORTH", "TEXT") else (lambda t, vt=vt, get=get: vt(get(t))))
        elif key in _FLAG_ATTRS and isinstance(value, bool):
            flag = _FLAG_ATTRS[key]
            tests.append(lambda t, flag=flag, value=value: flag(t) == value)
        else:
            return None
    if not tests:
        test = lambda t: True  # noqa: E731  ({} matches any token)
    elif len(tests) == 1:
        test = tests[0]
    else:
        test = lambda t, tests=tuple(tests): all(x(t) for x in tests)  # noqa: E731
    cache: dict[str, bool] = {}

    def cached(t: str) -> bool:
        r = cache.get(t)
        if r is None:
            if len(cache) > _CACHE_LIMIT:
                cache.clear()
            r = cache[t] = bool(test(t))
        return r

    return cached, rng[0], rng[1]


def supported(pattern: Sequence[dict]) -> bool:
    return all(compile_token(spec) is not None for spec in pattern)


class TextMatcher:
    """All matches of token patterns over a list of token texts."""

    def __init__(self):
        self._patterns: list[tuple[int, tuple]] = []   # (key, compiled tokens)
        # The tokens a match can begin with, indexed: exact texts (ORTH/TEXT values and
        # IN lists), exact lower-cased texts (LOWER), and the other tests, one per
        # distinct token spec, each with the patterns it can start.
        self._by_text: dict[str, set[int]] = {}
        self._by_lower: dict[str, set[int]] = {}
        self._by_test: dict[str, tuple[Callable[[str], bool], set[int]]] = {}
        self._start_cache: dict[str, tuple[int, ...]] = {}

    def __len__(self) -> int:
        return len(self._patterns)

    def add(self, key: int, patterns: Iterable[Sequence[dict]]) -> None:
        for pattern in patterns:
            toks = []
            for spec in pattern:
                c = compile_token(spec)
                if c is None:
                    raise ValueError(f"unsupported pattern token {spec!r}")
                toks.append(c)
            index = len(self._patterns)
            self._patterns.append((key, tuple(toks)))
            for spec, (test, lo, _hi) in zip(pattern, toks):  # the tokens a match can begin with
                self._index_start(spec, test, index)
                if lo > 0:
                    break
        self._start_cache.clear()

    def _index_start(self, spec: dict, test: Callable[[str], bool], index: int) -> None:
        keys = [k for k in spec if k != "OP"]
        if len(keys) == 1 and keys[0] in ("ORTH", "TEXT", "LOWER"):
            value = spec[keys[0]]
            values = [value] if isinstance(value, str) else (
                value["IN"] if isinstance(value, dict) and list(value) == ["IN"] else None)
            if values is not None:
                table = self._by_lower if keys[0] == "LOWER" else self._by_text
                for v in values:
                    table.setdefault(v, set()).add(index)
                return
        canon = json.dumps({k: spec[k] for k in keys}, sort_keys=True)
        self._by_test.setdefault(canon, (test, set()))[1].add(index)

    def _starting(self, text: str) -> tuple[int, ...]:
        hit = self._start_cache.get(text)
        if hit is None:
            if len(self._start_cache) > _CACHE_LIMIT:
                self._start_cache.clear()
            found = set(self._by_text.get(text, ()))
            found.update(self._by_lower.get(text.lower(), ()))
            for test, indices in self._by_test.values():
                if test(text):
                    found |= indices
            hit = self._start_cache[text] = tuple(sorted(found))
        return hit

    @staticmethod
    def _ends(toks: tuple, texts: Sequence[str], start: int) -> set[int]:
        n = len(texts)
        positions = {start}
        for test, lo, hi in toks:
            nxt = set()
            for p in positions:
                c = 0
                if lo == 0:
                    nxt.add(p)
                q = p
                while c < hi and q < n and test(texts[q]):
                    q += 1
                    c += 1
                    if c >= lo:
                        nxt.add(q)
            if not nxt:
                return nxt
            positions = nxt
        positions.discard(start)
        return positions

    def __call__(self, texts: Sequence[str]) -> list[tuple[int, int, int]]:
        """``(key, start, end)`` of every match, sorted by start, end, pattern order."""
        out, seen = [], set()
        patterns, starting, ends = self._patterns, self._starting, self._ends
        for i, text in enumerate(texts):
            for idx in starting(text):
                key, toks = patterns[idx]
                for e in sorted(ends(toks, texts, i)):
                    m = (key, i, e)
                    if m not in seen:
                        seen.add(m)
                        out.append(m)
        return out
