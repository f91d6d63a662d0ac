"""`sec_aliases`: a name found once is a name everywhere in the document.

Filings name a company in full once (`Google Inc.`, `Agilent Technologies, Inc.`)
and by its short form afterwards (`Google`, `Agilent`); people likewise
(`Eric E. Schmidt`, then `Mr. Schmidt`). Neither the rules nor the classifier can
know an unseen company's short form, but the document tells: this component
collects the ORG and PERSON entities, derives their aliases, and tags every other
mention of an alias that no entity covers yet.

Aliases:
- ORG: the name itself; the name without its legal suffix (`Google Inc.` ->
  `Google`, `Agilent Technologies, Inc.` -> `Agilent Technologies`); and the first
  word of a suffixed name when it is distinctive (capitalised, 4+ letters, not a
  common word: `Agilent`, but not `General`).
- PERSON: the full name and the surname of a name of two or more words (names of
  one word and all-capital names are not propagated).
An existing DATE or PERSON entity whose text is exactly an ORG alias of a suffixed
company name is relabelled ORG (e.g. `23andMe`, once `23andMe, Inc.` is seen).

Document context: a part of a filing (a window of a long one, an excerpt) may use
the short name (`Google`) of a company named in full only elsewhere in the filing.
Company names with a legal suffix found in the whole filing (`suffixed_names`) and
the filer's name from its metadata (`meta.company`, EDGAR's conformed name) travel
with each part in `doc.user_data[CONTEXT_KEY]` and count as suffixed ORG names.
"""
from __future__ import annotations

import re
import string

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

SUFFIX = re.compile(r",?\s+(?:Inc\.?|Incorporated|Corp\.?|Corporation|Company|Co\.|LLC|L\.L\.C\.|Ltd\.?|Limited|"
                    r"N\.V\.|B\.V\.|plc|PLC|L\.P\.|LP|S\.A\.|AG|GmbH|Holdings?)$", re.I)
COMMON = {
    "general", "american", "united", "national", "international", "first", "new", "global", "the", "north",
    "south", "east", "west", "western", "eastern", "central", "pacific", "atlantic", "southern", "northern",
    "bank", "trust", "capital", "financial", "group", "securities", "investors", "standard", "royal", "state",
    "federal", "union", "continental", "advanced", "applied", "digital", "energy", "power", "china", "japan",
    "european", "canadian", "texas", "california", "delaware", "york", "city", "commerce", "morgan",
}
CONTEXT_KEY = "sec_events.context_names"  # Doc.user_data key: ORG names from the whole filing
_SUFFIX = (r"(?:Inc\.|Incorporated|Corp\.|Corporation|Co\.|L\.L\.C\.|LLC|Ltd\.|Limited|N\.V\.|plc|PLC|L\.P\.|"
           r"INC\.|CORP\.|CORPORATION|LTD\.)")
_WORD = rf"(?!{_SUFFIX}(?!\w))[A-Z][\w&'\u2019.-]*"
SUFFIXED_NAME = re.compile(rf"\b{_WORD}(?:[ \t]+(?:{_WORD}|&)){{0,5}},?[ \t]+{_SUFFIX}(?!\w)")
# capitalised words that open a sentence or heading before a name, not part of it
LEADING = {"the", "whereas", "on", "in", "pursuant", "exhibit", "about", "between", "and", "by", "with", "from",
           "for", "to", "of", "at", "if", "as", "among", "that", "this", "each", "its", "our", "a", "an",
           "dear", "re", "attention", "copy", "cc"}
# defined terms of agreements that take a suffix (`the Company, Inc.`): no names
DEFINED_TERMS = {"company", "registrant", "corporation", "parent", "purchaser", "buyer", "seller", "borrower",
                 "issuer", "guarantor", "merger sub", "sub", "holdings", "acquisition corp."}
if not Span.has_extension("score"):
    Span.set_extension("score", default=None)


def org_aliases(name: str) -> tuple[set[str], bool]:
    """Aliases of an ORG name, and whether it carried a legal suffix."""
    name = " ".join(name.split())
    out = {name}
    bare = SUFFIX.sub("", name).strip(" ,")
    suffixed = bare != name
    if suffixed and bare:
        out.add(bare)
        shorter = SUFFIX.sub("", bare).strip(" ,")  # `Motorola Mobility Holdings, Inc.` -> `Motorola Mobility`
        if shorter and shorter != bare:
            out.add(shorter)
            bare = shorter
        first = bare.split()[0]
        if len(bare.split()) > 1 and len(first) >= 4 and first[0].isupper() and first.lower() not in COMMON \
                and first.isalpha():
            out.add(first)
    return {a for a in out if len(a) >= 2}, suffixed


def person_aliases(name: str) -> set[str]:
    """A multi-word name and its surname; a one-word PERSON (`TAC`, `Schmidt`) is too
    weak evidence to propagate."""
    words = name.split()
    if len(words) < 2 or name.isupper():
        return set()
    out = {" ".join(words)}
    if len(words) >= 2:
        last = words[-1] if words[-1].rstrip(".") not in {"Jr", "Sr", "II", "III", "IV"} else words[-2].rstrip(",")
        if len(last) >= 3 and last[0].isupper() and last.lower() not in COMMON:
            out.add(last)
    return out


def suffixed_names(text: str, limit: int = 200) -> list[str]:
    """Company names with a legal suffix in `text` (`Google Inc.`, `AdMob, Inc.`),
    without the capitalised sentence openers before them, in order of first mention."""
    out: dict[str, None] = {}
    for m in SUFFIXED_NAME.finditer(text):
        words = m.group(0).split()
        while len(words) > 1 and words[0].lower() in LEADING:
            words = words[1:]
        # (past the loop, a name of two or more words no longer opens with a LEADING word)
        if len(words) > 1 and SUFFIX.sub("", " ".join(words)).strip(" ,").lower() not in DEFINED_TERMS:
            out.setdefault(" ".join(words), None)
        if len(out) >= limit:
            break
    return list(out)


def propagate(doc: Doc, tokenize=None) -> Doc:
    """Tag the other mentions of the document's ORG and PERSON names (and of the names
    in `doc.user_data[CONTEXT_KEY]`); `tokenize` splits an alias into tokens as the
    pipeline does (default: on spaces)."""
    org, strong, person = set(), set(), set()
    context = doc.user_data.get(CONTEXT_KEY, ())
    # EDGAR's conformed names are in capitals (`GOOGLE INC`): the text writes `Google Inc.`
    context = [*context, *(string.capwords(n.lower()) for n in context if n.isupper())]
    for name in context:
        aliases, suffixed = org_aliases(name)
        if suffixed:
            org |= aliases
            strong |= aliases
    for ent in doc.ents:
        if ent.label_ == "ORG":
            aliases, suffixed = org_aliases(ent.text)
            org |= aliases
            if suffixed:
                strong |= aliases
        elif ent.label_ == "PERSON":
            person |= person_aliases(ent.text)
    person -= org
    if not org and not person:
        return doc
    matcher = PhraseMatcher(doc.vocab, attr="ORTH")
    for label, names in (("ORG", org), ("PERSON", person)):
        matcher.add(label, [tokenize(n) if tokenize else Doc(doc.vocab, words=n.split()) for n in sorted(names)])
    ents = list(doc.ents)
    covered = {i: e for e in ents for i in range(e.start, e.end)}
    new = []
    for match_id, start, end in sorted(matcher(doc), key=lambda m: (-(m[2] - m[1]), m[1])):
        label = doc.vocab.strings[match_id]
        hit = {covered[i] for i in range(start, end) if i in covered}
        if hit:
            (old,) = hit if len(hit) == 1 else (None,)
            if (old is not None and label == "ORG" and old.label_ in ("DATE", "PERSON")
                    and (old.start, old.end) == (start, end) and old.text in strong):
                ents.remove(old)
            else:
                continue
        if start > 0 and doc[start - 1].is_alpha and doc[start - 1].is_title and label == "PERSON":
            continue  # part of a longer capitalised name we do not know
        span = Span(doc, start, end, label=label)
        span._.score = 0.9
        new.append(span)
        for i in range(start, end):
            covered[i] = span
    if new:
        doc.ents = sorted(ents + new, key=lambda s: s.start)
    return doc


@Language.factory("sec_aliases", default_config={})
def make_aliases(nlp: Language, name: str):
    def aliases(doc: Doc) -> Doc:
        return propagate(doc, nlp.tokenizer)
    return aliases
