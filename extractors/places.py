"""Places and street addresses: text that is never a PERSON or ORG mention by itself.

Also a state of incorporation (`A Kentucky Corporation`) and a cover page's trading symbol.
One list (`places.json`): US states and Canadian provinces (and their postal codes and
abbreviations), countries, and street words. `sec_merge` drops a PERSON or ORG candidate,
and `sec_aliases` a propagated name, that is a place (`Georgia`, `Hong Kong`, `Chicago` in `Chicago, Illinois`) or a name
inside a street address (`Apple` in `One Apple Park Way`, `Dearborn` in `10 South
Dearborn Street`); the gold holds no place as PERSON or ORG (SCHEMA: ORG is companies,
organisations, courts and agencies; LOC is not a label).
"""
from __future__ import annotations

import json
import re
from pathlib import Path

from spacy.tokens import Span

from extractors.contract import doc_text
from extractors.layout import is_ticker
from extractors.names import after_honorific, org_kind

PLACES = json.loads(Path(__file__).with_name("places.json").read_text(encoding="utf-8"))
REGIONS = frozenset(PLACES["regions"])
REGION_CODES = frozenset(PLACES["region_codes"])
COUNTRIES = frozenset(PLACES["countries"])
STREET = frozenset(PLACES["street"])
DEMONYMS = frozenset(PLACES["demonyms"])
NUMBER_WORDS = frozenset("one two three four five six seven eight nine ten eleven twelve".split())


def _text(tokens) -> str:
    return " ".join(t.text for t in tokens if not t.is_space)


def _region_after(span: Span) -> bool:
    """`<span>, <state or province>`: the span is a city (`Atlanta, Georgia`, `Emporia, KS`)."""
    doc, i = span.doc, span.end
    if i >= len(doc) or doc[i].text != ",":
        return False
    for n in (1, 2, 3):
        text = _text(doc[i + 1:i + 1 + n])
        if text in REGIONS or text in REGION_CODES:
            return True
    return False


ZIP = re.compile(r"^\d{5}(?:-\d{4})?$")


def _city_and_region(words: list[str]) -> bool:
    """`Lenexa , Kansas`, `Chicago , Illinois 60680-5379`, `Illinois 60680`: a city and its
    state (or a state and a ZIP code) as one span."""
    if words and ZIP.match(words[-1]):
        words = words[:-1]
    if not words:
        return False
    if words[-1] in REGION_CODES or " ".join(words) in REGIONS:
        return len(words) == 1 or "," in words
    if "," not in words:
        return False
    k = len(words) - 1 - words[::-1].index(",")
    tail = " ".join(words[k + 1:])
    return tail in REGIONS or tail in REGION_CODES or tail in COUNTRIES


def is_demonym(span: Span) -> bool:
    """`a [Nigerian] court`, `the [Israeli] lawsuit`: a nationality adjective before a lower-case word."""
    doc = span.doc
    return len(span) == 1 and span.text in DEMONYMS and span.end < len(doc) and doc[span.end].is_lower


def is_place(span: Span) -> bool:
    """The whole span is a state, province, country, a city followed by its state (after
    the span, or in it: `Lenexa, Kansas`), a state and its ZIP code, or a nationality
    adjective (`Nigerian court`)."""
    text = _text(span)
    stripped = text[4:] if text.startswith("the ") else text
    return (stripped in REGIONS or stripped in COUNTRIES or text in COUNTRIES or _region_after(span)
            or _city_and_region(text.split()) or is_demonym(span))


def in_address(span: Span) -> bool:
    """The span is a name inside a street address: a house number (digits or a number word)
    before it and a street word within two tokens after it (`One [Apple] Park Way`,
    `10 South [Dearborn] Street`) or ending it (`5301 [Stevens Creek Boulevard]`)."""
    doc = span.doc
    before = [t for t in doc[max(0, span.start - 2):span.start] if not t.is_space]
    if not before or not any(t.like_num or t.lower_ in NUMBER_WORDS for t in before):
        return False
    after = [t for t in doc[span.end:span.end + 3] if not t.is_space]
    return any(t.text in STREET for t in after[:2]) or (
        len(after) >= 2 and f"{after[0].text} {after[1].text}" in STREET) or (
        len(span) > 1 and span[-1].text in STREET)  # the street itself: `5301 [Stevens Creek Boulevard]`


INCORPORATED = frozenset({"corporation", "company", "limited liability company", "limited partnership"})


def is_incorporation(span: Span) -> bool:
    """`(A Kentucky Corporation)`: the state of incorporation, no company's name."""
    words = _text(span).split()
    for k in range(1, len(words)):
        if " ".join(words[:k]) in REGIONS and " ".join(words[k:]).lower() in INCORPORATED:
            return True
    return False


def is_not_a_name(span: Span) -> bool:
    """A PERSON or ORG candidate that is a place, part of a street address, a state of
    incorporation, or a trading symbol (`extractors.layout.is_ticker`); a PERSON after an
    honorific is a person whatever the word (`Mr. Jordan`)."""
    if span.label_ == "PERSON" and after_honorific(span.doc, span.start):
        return False
    if span.label_ == "ORG" and org_kind(span.text) == "court":
        return False  # a court is named with its place (`... for Broward County`, then `, Florida`)
    if len(span) == 1:
        text = doc_text(span.doc)  # read once per Doc (Doc.text rebuilds the string each time)
        if is_ticker(span.text, text[max(0, span.start_char - 20):span.start_char],
                     text[span.end_char:span.end_char + 40]):
            return True
    return is_place(span) or in_address(span) or is_incorporation(span)
