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
"""
from __future__ import annotations

import re

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


def propagate(doc: Doc, tokenize=None) -> Doc:
    """Tag the other mentions of the document's ORG and PERSON names; `tokenize`
    splits an alias into tokens as the pipeline does (default: on spaces)."""
    org, strong, person = set(), set(), set()
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
