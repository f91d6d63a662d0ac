"""`sec_aliases`: a name found once is a name everywhere in the document.

The only component that propagates names (the rules find names where they are
written, never their other mentions). It runs after `sec_merge`, so the names of the
rules and of the classifier both propagate. Name words (suffixes, generic and common
words) come from `extractors/names.json`, the list the ORG rules read too.

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
  common or generic word: `Agilent`, but not `General` or `Parent`). A suffixed
  name written in capitals (`INNOVO GROUP INC.`) also counts as written in words
  (`Innovo Group`). A one-word alias the document also writes in lower case is a
  word, not a name; a match followed by `Act`, `Plan`, `Stock` ... is part of a
  law's or plan's name and is left alone.
- PERSON: the full name, the surname and the given name of a name of two or more
  words (names of one word and all-capital names are not propagated); a match
  beside another capitalised word is part of a longer name and is left alone.
- A word that is both a PERSON alias and an ORG alias is ORG where the company name
  carried a legal suffix, PERSON otherwise.
- A name broken over lines (`Blue\nConcepts`, EDGAR text) matches; one broken over
  a blank line does not.
A PERSON entity that is the defined short name of the ORG just before it (`F. Hoffmann-La
Roche Ltd. (“Roche Basel”)`) is relabelled ORG first. A body named in full before the
acronym it defines (`the Office of the Comptroller of the Currency (OCC)`) becomes an ORG
and its acronym a short name (`names.defined_body_acronyms`). An acronym the filing
defines for a thing that is no company (`monthly active people (MAP)`, `perfluorooctanoic
acid ("PFOA")`) and a product named with its generic name (`Bavencio (avelumab)`) are no
ORG anywhere in the document or its filing (`names.defined_non_names`; the filing
context's `not_names`).
An existing DATE or PERSON entity whose text is exactly an ORG alias of a suffixed
company name is relabelled ORG (e.g. `23andMe`, once `23andMe, Inc.` is seen), and so is
a one-word PERSON that is a company's name in the document and no alias of a person it
names (`Roche will make an upfront payment`, with `Roche Pharma` an ORG and no `Mr. Roche`).

Document context: a part of a filing (a window of a long one, an excerpt) may use
the short name (`Google`) of a company named in full only elsewhere in the filing.
Company names with a legal suffix found in the whole filing (`suffixed_names`) and
the filer's name from its metadata (`meta.company`, EDGAR's conformed name) travel
with each part (`extractors.contract.FilingContext`) and count as suffixed ORG names.
"""
from __future__ import annotations

import re
import string

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from extractors.contract import doc_text, filing_context
from extractors.names import (NOT_BEFORE, SUFFIX, after_honorific, defined_body_acronyms, defined_non_names, is_common,
                              is_generic, is_term, names_a_trading_plan, org_aliases, person_aliases)
from extractors.places import is_not_a_name


def _with_capitalised(names) -> list[str]:
    """The names, and the company names with a legal suffix written in capitals (EDGAR's
    conformed `GOOGLE INC`, a cover page's `INNOVO GROUP INC.`) also as the text writes
    them elsewhere (`Google Inc`)."""
    names = list(names)
    return [*names, *(string.capwords(n.lower()) for n in names if n.isupper() and org_aliases(n)[1])]


def _name_token(doc: Doc, i: int) -> bool:
    """Whether token `i` of `doc` is a capitalised word (part of a name we may not know)."""
    return 0 <= i < len(doc) and doc[i].is_alpha and doc[i].is_title


def _matches(matcher: PhraseMatcher, doc: Doc) -> list[tuple[int, int, int]]:
    """The matcher's matches in `doc`, where a name may be broken over lines (`Blue\nConcepts`:
    EDGAR text) but not over a blank line; (match id, start, end) in `doc`'s tokens."""
    keep, paragraph = [], set()
    for t in doc:
        if not t.is_space:
            keep.append(t.i)
        elif t.text.count("\n") > 1:
            paragraph.add(t.i)
    if len(keep) == len(doc):
        return matcher(doc)
    compact = Doc(doc.vocab, words=[doc[i].text for i in keep])
    out = []
    for match_id, s, e in matcher(compact):
        start, end = keep[s], keep[e - 1] + 1
        if not any(i in paragraph for i in range(start, end)):
            out.append((match_id, start, end))
    return out


# a defined short name in brackets right after the name it defines: `Ltd. (“Roche Basel”)`,
# `Inc. (the "Company")`
DEFINES = re.compile(r"^\s*\(\s*(?:the\s+)?[\"\u201c\u2018']\s*$", re.I)


def defined_as_companies(doc: Doc) -> Doc:
    """A PERSON entity that is the defined short name of the ORG just before it (`F.
    Hoffmann-La Roche Ltd. (“Roche Basel”)`) is an ORG: a company's defined name names
    the company, whatever it looks like."""
    ents = list(doc.ents)
    text = doc_text(doc)  # Doc.text rebuilds the string: the contract reads it once
    defined = {ents[k].text for k in range(1, len(ents))
               if ents[k].label_ == "PERSON" and ents[k - 1].label_ == "ORG"
               and DEFINES.match(text[ents[k - 1].end_char:ents[k].start_char])}
    if not defined:
        return doc
    for k, ent in enumerate(ents):
        if ent.label_ == "PERSON" and ent.text in defined:  # every mention of the defined name
            relabelled = Span(doc, ent.start, ent.end, label="ORG")
            relabelled._.score = ent._.score
            ents[k] = relabelled
    doc.ents = ents
    return doc


# a short name defined in brackets right after a company's name: an acronym (`Renal Care
# Solutions (RCS)`, `Federal Aviation Administration (FAA)`) or a quoted name
# (`Genentech, Inc. (“Genentech,” ...`, `Inc. (the "Alnylam")`)
SHORT_NAME = re.compile(r"\s*\(\s*(?:(?P<acronym>[A-Z][A-Za-z&]{1,7})\s*[),]|(?:the\s+)?[\"\u201c\u2018']"
                        r"(?P<quoted>[A-Z][^\"\u201d\u2019'()]{1,60}?)[,.]?[\"\u201d\u2019'])")


def initials(name: str) -> str:
    """The capital initials of a name's capitalised words (`Acute Care and Monitoring` -> `ACM`)."""
    return "".join(w[0] for w in re.findall(r"[A-Za-z][\w'\u2019-]*", name) if w[0].isupper())


def defined_short_names(doc: Doc, text: str) -> set[str]:
    """Short names the document defines for its ORG entities: an acronym made of the
    name's initials, or a quoted name that is no generic term (`the "Company"`)."""
    out = set()
    for ent in doc.ents:
        if ent.label_ != "ORG":
            continue
        m = SHORT_NAME.match(text, ent.end_char)
        if not m:
            continue
        if m.group("acronym"):
            acronym = m.group("acronym")
            if acronym.isupper() and initials(SUFFIX.sub("", ent.text)).startswith(acronym[:2]) \
                    and len(acronym) <= len(initials(ent.text)) + 1:
                out.add(acronym)
        elif not (is_generic(m.group("quoted")) or is_common(m.group("quoted")) or is_term(m.group("quoted"))):
            out.add(m.group("quoted"))
    return out


def drop_defined_non_names(doc: Doc, text: str, keep: set[str]) -> Doc:
    """No ORG entity on an acronym the document defines for a thing that is no company
    (`defined_non_names`, here or elsewhere in its filing), unless it also defines it as a
    company's (`keep`). The filing context holds those of the whole filing where the batch
    driver read it (once per filing, not per window); a Doc without them is read here."""
    not_names = filing_context(doc).not_names
    drop = (defined_non_names(text) if not_names is None else set(not_names)) - keep
    if not drop or not any(e.label_ == "ORG" and e.text in drop for e in doc.ents):
        return doc
    doc.ents = [e for e in doc.ents if not (e.label_ == "ORG" and e.text in drop)]
    return doc


def defined_bodies(doc: Doc, text: str) -> tuple[Doc, set[str]]:
    """A body named in full before the acronym it defines (`the Office of the Comptroller
    of the Currency (OCC)`: names.defined_body_acronyms) is an ORG where no entity but a
    title inside it (`Comptroller`) covers it, and its acronym a short name; returns the
    Doc and the acronyms."""
    found = defined_body_acronyms(text)
    if not found:
        return doc, set()
    ents = list(doc.ents)
    changed = False
    for start, end, _ in found:
        span = doc.char_span(start, end, label="ORG", alignment_mode="contract")
        if span is None:
            continue
        hit = [e for e in ents if e.start < span.end and span.start < e.end]
        if all(e.label_ == "ROLE" and span.start <= e.start and e.end <= span.end for e in hit):
            span._.score = 0.9
            ents = [e for e in ents if e not in hit] + [span]
            changed = True
    if changed:
        doc.ents = sorted(ents, key=lambda s: s.start)
    return doc, {acronym for _, _, acronym in found}


def compounds_of_companies(doc: Doc, companies: set[str]) -> Doc:
    """A PERSON written as one hyphenated word that begins with a word of a company's name
    the document gives with its suffix (`Kelun-Biotech`, with `Sichuan Kelun Pharmaceutical
    Co., Ltd.`), and no honorific before it, is that company's unit: ORG."""
    words = {w for name in companies for w in name.split() if w[:1].isupper() and len(w) > 2}
    ents, changed = [], False
    for ent in doc.ents:
        parts = ent.text.split("-")
        if ent.label_ == "PERSON" and " " not in ent.text and len(parts) == 2 and parts[0] in words \
                and not after_honorific(doc, ent.start):
            ent, changed = Span(doc, ent.start, ent.end, label="ORG"), True
        ents.append(ent)
    if changed:
        doc.ents = ents
    return doc


def propagate(doc: Doc, tokenize=None) -> Doc:
    """Tag the other mentions of the document's ORG and PERSON names (and of the names
    in the Doc's filing context); `tokenize` splits an alias into tokens as the
    pipeline does (default: on spaces)."""
    doc = defined_as_companies(doc)
    text = doc_text(doc)
    doc, bodies = defined_bodies(doc, text)
    defined = defined_short_names(doc, text) | bodies
    doc = drop_defined_non_names(doc, text, defined)
    org, strong, person = set(), set(), set()
    for name in _with_capitalised(filing_context(doc).names):
        aliases, suffixed = org_aliases(name)
        if suffixed:
            org |= aliases
            strong |= aliases
    orgs = [e.text for e in doc.ents if e.label_ == "ORG"]
    for name in _with_capitalised(orgs):
        aliases, suffixed = org_aliases(name)
        org |= aliases
        if suffixed:
            strong |= aliases
    org |= defined
    strong |= defined
    doc = compounds_of_companies(doc, strong)
    for ent in doc.ents:
        if ent.label_ == "PERSON":
            person |= person_aliases(ent.text)
    # a word that is both: a company's name with a suffix (`Agilent`) stays a company; a
    # person's name beats a company tag without one (`Alain` of `Alain Belda`)
    person -= strong
    org -= person
    # a one-word alias that the document also writes in lower case is a word, not a name
    lower = {t.text for t in doc if t.is_lower} if any(" " not in n for n in org) else set()
    org = {n for n in org if " " in n or n.lower() not in lower}
    if not org and not person:
        return doc
    matcher = PhraseMatcher(doc.vocab, attr="ORTH")
    for label, names in (("ORG", org), ("PERSON", person)):
        matcher.add(label, [tokenize(n) if tokenize else Doc(doc.vocab, words=n.split()) for n in sorted(names)])
    ents = list(doc.ents)
    covered = {i: e for e in ents for i in range(e.start, e.end)}
    new = []
    for match_id, start, end in sorted(_matches(matcher, doc), key=lambda m: (-(m[2] - m[1]), m[1])):
        label = doc.vocab.strings[match_id]
        hit = {covered[i] for i in range(start, end) if i in covered}
        if hit:
            (old,) = hit if len(hit) == 1 else (None,)
            if old is not None and (old.start, old.end) == (start, end) and (
                    (label == "ORG" and old.label_ in ("DATE", "PERSON") and not after_honorific(doc, start)
                     and (old.text in strong or (old.label_ == "PERSON" and " " not in old.text)))
                    or (label == "PERSON" and old.label_ == "ORG" and " " not in old.text)):
                ents.remove(old)  # (a person's surname the classifier took for a company: `Wieser`)
            else:
                continue
        if label == "PERSON" and (_name_token(doc, start - 1) or _name_token(doc, end)):
            continue  # part of a longer capitalised name we do not know
        if label == "PERSON" and names_a_trading_plan(text, doc[end - 1].idx + len(doc[end - 1].text)):
            continue  # `the Manning 10b5-1 Plan`
        if label == "ORG" and end < len(doc) and doc[end].text in NOT_BEFORE:
            continue  # a law's or plan's name (`Agilent Plan`, `Innovo Act`)
        if label == "ORG" and after_honorific(doc, start):
            continue  # `Mr. Tata` is a person, though `Tata Sons Limited` is a company
        span = Span(doc, start, end, label=label)
        if is_not_a_name(span):
            continue  # `Apple` in `One Apple Park Way`
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
