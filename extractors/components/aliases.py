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
with each part (`extractors.contract.FilingContext`) and count as suffixed ORG names.
"""
from __future__ import annotations

import string

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from extractors.contract import filing_context
from extractors.names import org_aliases, person_aliases

def propagate(doc: Doc, tokenize=None) -> Doc:
    """Tag the other mentions of the document's ORG and PERSON names (and of the names
    in the Doc's filing context); `tokenize` splits an alias into tokens as the
    pipeline does (default: on spaces)."""
    org, strong, person = set(), set(), set()
    context = filing_context(doc).names
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
