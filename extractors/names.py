"""Company and person names: the one list of name words (`names.json`: legal suffixes,
descriptive words, generic and common words), the aliases a name is known by, and what a
text says of names: its suffixed company names, the acronyms and products it defines as
no company (`defined_non_names`), the bodies it defines by an acronym
(`defined_body_acronyms`), and the courts it names in full (`court_names`). Read by the
ORG rules (which find names by their suffix), by `sec_aliases` (which propagates names,
the only component that does) and by the batch driver, which gives each window of a
filing the names of the whole.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

from spacy.lang.en.stop_words import STOP_WORDS

LEXICON: dict[str, list[str]] = json.loads(Path(__file__).with_name("names.json").read_text(encoding="utf-8"))
LEGAL_SUFFIXES = frozenset(LEXICON["legal"])
GENERIC = frozenset(w.lower() for w in LEXICON["generic"])
COMMON = frozenset(LEXICON["common"])  # lower case
# the words that mark a name as a company's: its legal suffix or a descriptive last word
COMPANY_WORDS = LEGAL_SUFFIXES | frozenset(LEXICON["descriptive"])
BODIES = frozenset(LEXICON["bodies"])  # lower case: `corporation`, `division`, `agency`
NOT_BEFORE = frozenset(LEXICON["not_before"])
# words a company's name never ends on: its bodies, and the heads of a defined term, plan,
# law or index named after it (`the [Roche] Territory`, `the [Reata] Board`)
TERM_HEADS = frozenset(LEXICON["term_heads"]) | NOT_BEFORE
HEADLINE_VERBS = frozenset(LEXICON["headline_verbs"])  # `[Alnylam] Announces Partnership`
DEGREES = frozenset(LEXICON["degrees"])  # `[Yvonne Greenstreet] MBChB`, `[Tadataka Yamada], M.D.`


def is_headline_verb(word: str) -> bool:
    """A headline's verb, in title case or capitals (`Announces`, `NAMED`)."""
    return word.capitalize() in HEADLINE_VERBS and (word.istitle() or word.isupper())


# a generation written after a name: part of it (`Mr. Butler, Jr.`, `John Smith III`)
GENERATIONS = frozenset({"Jr.", "Jr", "Sr.", "Sr", "II", "III", "IV"})
# words before a person's name (`Mr. Schmidt`): the PERSON rules read them, and a word after
# one is a person's name whatever else it could be (`Mr. Jordan`)
HONORIFICS = frozenset({"Mr.", "Ms.", "Mrs.", "Dr.", "Mr", "Ms", "Mrs", "Dr", "Miss", "Prof.", "Messrs.", "Sir"})
# a party's or judge's standing written before a name (`Plaintiff Michael Ho`, `Judge Alan
# Albright`): no part of the name, which the given-name rule still reads
CASE_STANDING = frozenset({"Plaintiff", "Plaintiffs", "Defendant", "Defendants", "Judge", "Justice", "Relator",
                           "Petitioner", "Respondent", "Magistrate", "Chancellor"})
# public parties of a case caption, never people (`3M Co. v. Commissioner`, `People v.`)
CAPTION_OFFICES = frozenset({"Commissioner", "Secretary", "Attorney", "Administrator", "Director", "Trustee", "Receiver",
                             "Superintendent", "Commission", "Board", "People", "State", "States", "United",
                             "Government", "Department", "Agency", "Bureau", "City", "County", "Town", "Township"})


def after_honorific(doc, start: int) -> bool:
    """Whether the token before `start` (spaces skipped) is an honorific: what follows is a
    person's name (`Mr. Tata`, though `Tata Sons Limited` is a company)."""
    i = start - 1
    while i >= 0 and doc[i].is_space:
        i -= 1
    return i >= 0 and doc[i].text in HONORIFICS


def _alternation(words) -> str:
    return "|".join(re.escape(s) for s in sorted(words, key=len, reverse=True))


_LEGAL = _alternation(LEGAL_SUFFIXES)
SUFFIX = re.compile(rf",?\s+(?:{_LEGAL})$")  # a legal suffix ending a name
# In running text a suffix that is also a generic word (`the Company`, `the Corporation`)
# marks no name: the names of a filing are found by the other suffixes.
_NAMING = _alternation(s for s in LEGAL_SUFFIXES if s.lower() not in GENERIC)
_WORD = rf"(?!(?:{_LEGAL})(?!\w))[A-Z][\w&'\u2019.-]*"
SUFFIXED_NAME = re.compile(rf"\b{_WORD}(?:[ \t]+(?:{_WORD}|&)){{0,5}},?[ \t]+(?:{_NAMING})(?!\w)")
INITIAL = re.compile(r"^(?:[A-Z]\.)+$")  # `J.`, `J.P.`
# the filer named generically (`the Company`): no name (no ORG entity), but it may fill
# the filer's ORG roles (SCHEMA; GUIDELINES wide reading 3)
GENERIC_FILER = re.compile(r"\b[Tt]he\s+(?:Company|Registrant|Corporation|registrant|Issuer|Borrower)\b")
# a name given its short form in brackets right after it (`Aaron Rents, Inc. (the "Company")`,
# `Alcoa Inc. ("Alcoa")`, `JPMorgan Chase & Co. ("JPMorganChase" or the “Firm”)`): in an 8-K, the filer
# as its report first names it
DEFINES_NAME = re.compile(r"\s*\(\s*(?:the\s+)?[\"\u201c\u2018']")
# the filer as a pronoun in 10-K/10-Q prose (GUIDELINES wide reading 3: `we` and `us` fill
# the filer's roles: `we sold our Canada condiment business`); `US` is a country
FILER_PRONOUN = re.compile(r"\b(?:[Ww]e|us)\b")
# ... and with its possessive, which the wide gold takes as the filer's role too where no
# other filler is named (`the sale of our bottling operations`, `proceeds from our ... debt`)
FILER_WORD = re.compile(r"\b(?:[Ww]e|[Oo]ur|us)\b")
# capitalised words that open a sentence or heading before a name, not part of it
LEADING = {"the", "whereas", "on", "in", "pursuant", "exhibit", "about", "between", "and", "by", "with", "from",
           "for", "to", "of", "at", "if", "as", "among", "that", "this", "each", "its", "our", "a", "an",
           "dear", "re", "attention", "copy", "cc"}


def is_common(word: str) -> bool:
    """A word that is no company's short name alone (`General`, `Texas`)."""
    return word.lower() in COMMON


def is_term(name: str) -> bool:
    """A defined term's name, not a company's (`Class A Common Stock`, `Roche Territory`)."""
    words = name.split()
    return bool(words) and words[-1].strip(",.") in TERM_HEADS


def names_a_body(word: str) -> bool:
    """A common noun that names an organisation (`corporation`, `division`, `agency`)."""
    return word.lower() in BODIES


# a stock index (`S&P 500 Consumer Staples`, `Russell 2000`, `Dow Jones U.S. Technology`),
# an amended document's title (`Fourth Amended and Restated Bylaws`), a credit rating
# (`Baa3`, `BBB+`, `SGL-1`, `Prime-3`) or a simulation method: no company
NO_COMPANY = re.compile(r"^(?:S&P|Standard\s*&\s*Poor['\u2019]s|Russell|Dow\s+Jones|MSCI|FTSE|Nasdaq|NASDAQ|NYSE)\s+"
                        r"(?:\d+|Composite|U\.S\.|Industrial)\b|"
                        r"^(?:(?:First|Second|Third|Fourth|Fifth|Sixth|Seventh|Eighth|Ninth|Tenth)\s+)?Amended\b|"
                        r"^(?:Aaa|Aa[1-3]|A[1-3]|Baa[1-3]|Ba[1-3]|B[1-3]|Caa[1-3]|AAA|AA[+-]?|A[+-]|BBB[+-]?|BB[+-]?|"
                        r"CCC[+-]?|F[1-3]\+?|SGL-\d|Prime-\d|P-\d)$|"
                        # a simulation method named after a place (`a Monte Carlo simulation model`)
                        r"^Monte[\s-]Carlo$|"
                        # a law, treaty, pleading, agreement or machine named in capitals (`Bilateral
                        # Investment Treaty`, `ATM Operators Complaint`, `Automated Teller Machine`)
                        r"^.+\s(?:Act|Treaty|Complaints?|Machines?|Agreements?|Objections)$")


def names_no_company(name: str) -> bool:
    """A stock index's name, an amended document's title, a credit rating, a method or a
    thing named in capitals (NO_COMPANY)."""
    return bool(NO_COMPANY.match(name))


def is_generic(name: str) -> bool:
    """A name made only of defined terms and generic words (`the Company, Inc.` of an
    agreement, `Merger Sub`, `Holdings`): no name."""
    words = name.split()
    return bool(words) and all(w.lower().strip(",.") in GENERIC for w in words)


def org_aliases(name: str) -> tuple[set[str], bool]:
    """Aliases of an ORG name, and whether it carried a legal suffix."""
    name = " ".join(name.split())
    out = {name}
    bare = SUFFIX.sub("", name).strip(" ,")
    suffixed = bare != name
    if suffixed and bare and not (" " not in bare and (is_common(bare) or is_generic(bare))):
        out.add(bare)  # (a common or generic word alone is no short name: `Investment Co.`)
        shorter = SUFFIX.sub("", bare).strip(" ,")  # `Brindle Co., Inc.` -> `Brindle Co.` -> `Brindle`
        if shorter and shorter != bare:
            out.add(shorter)
            bare = shorter
        first = bare.split()[0]
        if len(bare.split()) > 1 and len(first) >= 4 and first[0].isupper() and not is_common(first) \
                and not is_generic(first) \
                and first.isalpha():
            out.add(first)
    return {a for a in out if len(a) >= 2}, suffixed


# an officer's trading plan named by the officer (`the Manning 10b5-1 Plan`)
TRADING_PLAN = re.compile(r"\s*(?:Rule\s+)?10b5\s*[-\u2013\u2014]\s*1\b")


def names_a_trading_plan(text: str, end: int) -> bool:
    """Whether the name that ends at `end` names a Rule 10b5-1 trading plan (`Manning` in
    `the Manning 10b5-1 Plan`): a plan's name, no person's mention."""
    return TRADING_PLAN.match(text, end) is not None


# two-letter words that are no surnames: abbreviations a name's last word may be
NOT_SHORT_SURNAMES = frozenset({"Co", "Mr", "Ms", "Dr", "St", "Jr", "Sr", "II", "IV", "Al", "Ed"})


def _short_surname(word: str) -> bool:
    """A two-letter surname (`Ho`, `Li`, `Wu`, `Ng`): a capitalised word, not a function word
    (`In`, `Of`) or an abbreviation."""
    return (len(word) == 2 and word.isalpha() and word.istitle() and word.lower() not in STOP_WORDS
            and word not in NOT_SHORT_SURNAMES)


def person_aliases(name: str) -> set[str]:
    """A multi-word name, its surname and its given name (`Helmut Wieser`: `Wieser`,
    `Helmut`); a one-word PERSON (`TAC`, `Schmidt`) is too weak evidence to propagate."""
    words = name.split()
    if len(words) < 2 or name.isupper():
        return set()
    out = {" ".join(words)}
    if len(words) >= 2:
        last = words[-1] if words[-1] not in GENERATIONS else words[-2].rstrip(",")
        if (len(last) >= 3 and last[0].isupper() and not is_common(last)) or _short_surname(last):
            out.add(last)
        first = words[0]
        if len(first) >= 3 and first.isalpha() and first.istitle() and not is_common(first):
            out.add(first)
    return out


def suffixed_names(text: str, limit: int = 200) -> list[str]:
    """Company names with a legal suffix in `text` (`Google Inc.`, `AdMob, Inc.`),
    without the capitalised sentence openers before them, in order of first mention."""
    out: dict[str, None] = {}
    for m in SUFFIXED_NAME.finditer(text):
        words = m.group(0).split()
        # a name never runs over the end of a sentence (`Borrowing Subsidiary. The Company`)
        ends = [k for k, w in enumerate(words[:-1]) if w.endswith(".") and not INITIAL.match(w)
                and w not in LEGAL_SUFFIXES]
        if ends:
            words = words[ends[-1] + 1:]
        while len(words) > 1 and words[0].lower() in LEADING:
            words = words[1:]
        # (past the loop, a name of two or more words no longer opens with a LEADING word)
        if len(words) > 1 and not is_generic(SUFFIX.sub("", " ".join(words)).strip(" ,")):
            out.setdefault(" ".join(words), None)
        if len(out) >= limit:
            break
    return list(out)


# an acronym defined in brackets after the words it stands for (`monthly active people
# (MAP)`, `perfluorooctanoic acid ("PFOA")`, `Asset Purchase Agreement ("APA")`); the
# word before the bracket is read back from it (a pattern that starts on the word would
# retry every position of a long run of non-space characters)
DEFINED_ACRONYM = re.compile(r"\(\s*(?:the\s+)?[\"\u201c\u2018']?([A-Z][A-Z&]{1,7})s?[\"\u201d\u2019']?\s*\)")
WORD_BEFORE = re.compile(r"(\S{1,40})\s*$")


# a product named with its generic name in brackets (`Bavencio (avelumab)`, `Reblozyl
# (luspatercept-aamt)`)
# (a word in title case; not an adverb or a note: `(collectively)`, `(unaudited)`, nor a
# caption's `BDS (loss)`). A trademark sign tells nothing:
# companies mark their own names (`Intel\u00ae Core`).
PRODUCT = re.compile(r"\b([A-Z][a-z]{2,})\s*\((?!(?:un)?audited\)|continued\)|inclusive\))([a-z][a-z-]{5,}(?<!ly))\)")
# a drug named by its form or as a generic's original (`Effexor XR`, `Janumet tablets`,
# `generic Lipitor`, `generic versions of Januvia`)
PRODUCT_FORM = re.compile(r"\b([A-Z][a-z]{2,})(?:\s+XR)?\s+(?:XR|XL|tablets?|capsules?|injection|oral\s+solution)\b|"
                          r"\bgeneric\s+(?:versions?\s+of\s+)?([A-Z][a-z]{2,})\b")


def defined_non_names(text: str) -> set[str]:
    """Acronyms the text defines for things that are no company: after a common noun that
    names no organisation (`acid ("PFOA")`, but not `a Delaware corporation ("JDSU")`) or
    after a defined term's head (`Regulation (GDPR)`, `Agreement ("APA")`); and products
    named with their generic name (`Bavencio (avelumab)`) or their form (`Effexor XR`,
    `generic Lipitor`: PRODUCT_FORM)."""
    out = {m.group(1) for m in PRODUCT.finditer(text)}
    out |= {m.group(1) or m.group(2) for m in PRODUCT_FORM.finditer(text)}
    for m in DEFINED_ACRONYM.finditer(text):
        before = WORD_BEFORE.search(text, max(0, m.start() - 60), m.start())
        if not before:
            continue
        word = before.group(1).strip(",;:\"'\u201d\u2019")
        if (word.isalpha() and word.islower() and not names_a_body(word)) or \
                (is_term(word) and not _spelled_out_board(text, m)):
            out.add(m.group(1))
    return out


# a standard setter or agency that is a Board, named in full (`Financial Accounting Standards
# Board (FASB)`, `Public Company Accounting Oversight Board (PCAOB)`): a body, whatever a
# company-named board (`the Reata Board`) makes of the word
SPELLED_BOARD = re.compile(r"((?:[A-Z][\w\u2019'-]*\s+(?:(?:of|and|for|the)\s+)*){2,}Board)\s*$")


def _spelled_out_board(text: str, m: re.Match) -> bool:
    """Whether the acronym `m` defines (DEFINED_ACRONYM) is the initials of a Board's full name."""
    name = SPELLED_BOARD.search(text, max(0, m.start() - 120), m.start())
    words = name.group(1).split() if name else []
    return any(m.group(1) == _initials(words[k:]) for k in range(len(words)))


PHRASE_JOINERS = frozenset({"of", "the", "and", "for", "&"})
_POSSESSIVE = re.compile(r"(?:\u2019s|'s)$")


def _initials(words: list[str]) -> str:
    """The initials of a name's words, its joiners left out (`Department of Justice` -> `DJ`)."""
    return "".join(w[0] for w in words if w not in PHRASE_JOINERS)


def _name_word(word: str) -> bool:
    return word[:1].isupper() and _POSSESSIVE.sub("", word).replace("-", "").replace(".", "").isalpha()


def defined_body_acronyms(text: str) -> list[tuple[int, int, str]]:
    """Bodies the text names in full and defines an acronym for (`the Office of the
    Comptroller of the Currency (OCC)`, `the Department of Justice (DOJ)`): (start, end)
    of the full name and the acronym, where the acronym is the initials of the name's
    capitalised words (with or without its `of`) and one of them names an organisation
    (`Office`, `Department`, `Commission`, ...: `bodies`); never a defined term (`Secured
    Overnight Financing Rate`)."""
    out = []
    for m in DEFINED_ACRONYM.finditer(text):
        acronym, base = m.group(1), max(0, m.start() - 160)
        words = []  # (start, word) back from the bracket: name words and joiners
        for w in reversed(list(re.finditer(r"\S+", text[base:m.start()]))):
            word = w.group(0).strip(",;:\u201c\u201d\"")
            if not (_name_word(word) or word in PHRASE_JOINERS):
                break
            words.insert(0, (base + w.start(), base + w.start() + len(word), word))
        for k in range(len(words) - 1, -1, -1):
            phrase = [w for _, _, w in words[k:]]
            if not _name_word(phrase[0]) or not _name_word(phrase[-1]):
                continue
            bare = _initials(phrase)
            full = "".join(w[0].upper() for w in phrase if w != "the")
            if acronym not in (bare, full):
                continue
            if not is_term(phrase[-1]) and any(names_a_body(_POSSESSIVE.sub("", w)) for w in phrase):
                out.append((words[k][0], words[-1][1], acronym))
            break
    return out


# A court is named with its district or circuit (`United States District Court for the
# Eastern District of New York`, `Circuit Court of the 17th Judicial Circuit for Broward
# County`, `Court of Chancery`) and its circuit or county (`Court of Appeals for the Seventh
# Circuit`, `Superior Court of California in Alameda County`): an ORG ending in `Court` (or
# `Court of Appeals`) takes the words that say which.
_COURT_SEAT = r"(?:\s+for\s+the\s+(?:[A-Z]\w+\s+)?Circuit|\s+in\s+(?:and\s+for\s+)?(?:[A-Z]\w+\s+){1,2}County)"
_COURT_TAIL = (r"\s+(?:(?:for|in)\s+the\s+(?:(?:Northern|Southern|Eastern|Western|Middle|Central)\s+)?District\s+of|"
               r"of\s+the\s+\w+\s+Judicial\s+Circuit\s+(?:in\s+and\s+)?for|of)"
               r"(?:\s+(?:the\s+)?[A-Z][\w.\u2019']*(?:\s+[A-Z][\w.\u2019']*)*)"
               r"(?:\s+of\s+(?:the\s+)?[A-Z][\w.\u2019']*(?:\s+[A-Z][\w.\u2019']*)*)*"
               rf"{_COURT_SEAT}?")
COURT_TAIL = re.compile(rf"{_COURT_TAIL}|{_COURT_SEAT}")
SENTENCE_END = re.compile(r"(?<![A-Z])(?<!\bSt)(?<!\bMt)\.\s")  # not after an initial (`U.S.`) nor `St.`
GENERIC_OPENERS = frozenset({"The", "This", "Such", "Each", "Any", "Our", "Its", "That"})


# a court or a prosecutor's office named in full (`Circuit Court of the 17th Judicial Circuit
# for Broward County`, `Regional Court of Mannheim`, `United States Attorney's Office for the
# Eastern District of New York`), and a federal district alone (`filed in the Southern
# District of New York`)
COURT_NAME = re.compile(r"\b(?:(?:U\.S\.|US|[A-Z][a-z]+)\s+){1,4}(?:Courts?|Attorney[\u2019']s\s+Office)"
                        rf"(?:{_COURT_TAIL})?|"
                        r"\b(?:Northern|Southern|Eastern|Western|Middle|Central)\s+District\s+of\s+(?:New\s+|North\s+|South\s+|"
                        r"West\s+)?[A-Z][a-z]+")


# What kind of body an ORG name names, for the linker (a court is no party to its case, an
# agency brings investigations, a company is bought): a court or tribunal, a government
# body (`Department of Justice`, `Federal Trade Commission`), a company named with its
# legal suffix, or a name of no stated kind (`Honeywell`).
COURT_WORDS = re.compile(r"\b(?:Courts?|Tribunal|Arbitrat\w+|District\s+of|Attorney[\u2019']s\s+Office|Judicial\s+Panel|"
                         r"Circuit|PTAB|Appeal\s+Board)\b")
GOVERNMENT_WORDS = re.compile(r"\b(?:Department|Office|Commission|Agency|Bureau|Administration|Authority|Service|"
                             r"Comptroller|Attorney\s+General|Regulat\w+)\b")


def org_kind(name: str) -> str:
    """`court`, `agency`, `company` (a legal suffix) or `name`."""
    if COURT_WORDS.search(name):
        return "court"
    if GOVERNMENT_WORDS.search(name) and not SUFFIX.search(name):
        return "agency"
    return "company" if SUFFIX.search(name) else "name"


# A state that sues is a party, named as a body (`the State of New York filed a lawsuit`, `State of
# New Hampshire v. The 3M Company`); a state named as a place or a jurisdiction (`the laws of the
# State of Delaware`, `the Attorney General of the State of Maine`) is none.
GOVERNMENT_PARTY = re.compile(r"(?<!\bof\sthe\s)(?<!\bof\s)\b((?:State|Commonwealth|People\s+of\s+the\s+State)\s+of\s+"
                              r"(?:(?:New|North|South|West|Rhode)\s+)?[A-Z][a-z]+)"
                              r"(?=,?\s+(?:v\.|vs\.|(?:has\s+|also\s+|subsequently\s+)?(?:filed|sued|brought|commenced|"
                              r"initiated)\b))")


def government_parties(text: str) -> list[tuple[int, int]]:
    """(start, end) of the states `text` names as parties to a suit (GOVERNMENT_PARTY)."""
    return [m.span(1) for m in GOVERNMENT_PARTY.finditer(text)]


def court_names(text: str) -> list[tuple[int, int]]:
    """(start, end) of the courts, prosecutors' offices and federal districts named in full
    in `text` (COURT_NAME), without an opening `The` and never past a sentence end; not a
    court named by its kind alone (`the Court`)."""
    out = []
    for m in COURT_NAME.finditer(text):
        start, end = m.span()
        words = m.group(0).split()
        while words and words[0] in GENERIC_OPENERS:
            start += text[start:end].index(words[0]) + len(words[0])
            start += len(text[start:end]) - len(text[start:end].lstrip())
            words = words[1:]
        if stop := SENTENCE_END.search(text, start, end):
            end = stop.start()
        if is_term(text[start:end]) or is_term(text[end:end + 20].split(maxsplit=1)[0] if text[end:end + 20].strip()
                                               else ""):
            continue  # a body's rules or act (`London Court of International Arbitration Rules`)
        if len(text[start:end].split()) >= 2:
            out.append((start, end))
    return out
