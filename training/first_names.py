"""More given names for the PERSON rules' lexicon: Faker's name lists, checked against filing text.

The hand-written lexicon (`extractors/components/rules/patterns/first_names.txt`) holds
about 480 common given names; filings name people it lacks (`Kay Meggers`, `Dina Powell
McCormick`). This script writes `first_names_more.txt` from two sources:

- the given-name lists of the Faker package (MIT licence; `LOCALES`: US, British,
  Indian, German, French, Spanish, Italian, Dutch, Brazilian, Swedish, Polish names,
  and romanised Japanese and Chinese ones), single words of Latin letters only;
- the given names filings themselves introduce where there is no doubt which word it
  is: after an honorific or in a signature (`Mr. Helmut Wieser`, `/s/ Kay Meggers`), in
  at least `min_documents` filings of `training.unlabelled` (no filer of a dev or test
  split).

A name the filing text writes in lower case (`grant`, `will`, `price`, `may`, `hope`) is
a word first and is left out, and so is a word of a company name with a legal suffix in
that text (`Chase` of `JPMorgan Chase & Co.`), every name word of `extractors/names.json`,
a word of a place's name (`Georgia`), a month or weekday, and a word the PERSON rules stop at (`person_stop.txt`).

    pip install -e ".[lexicons]" && python -m training.first_names   # writes patterns/first_names_more.txt
"""
from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import typer

from extractors.components.rules.dates import MONTH_NAMES
from extractors.components.rules.loader import PATTERNS_DIR, read_wordlist
from extractors.names import COMMON, GENERIC, LEGAL_SUFFIXES, LEXICON, suffixed_names
from extractors.places import COUNTRIES, REGIONS

OUT = PATTERNS_DIR / "first_names_more.txt"
LOCALES = ("en_US", "en_GB", "en_IN", "de_DE", "fr_FR", "es_ES", "it_IT", "nl_NL", "pt_BR", "sv_SE", "pl_PL",
           "ja_JP", "zh_CN")
LATIN_NAME = re.compile(r"^[A-Z][a-z]{2,14}$")
GIVEN = r"([A-Z][a-z]{2,14})"
FULL_NAME = GIVEN + r"\s+(?:[A-Z]\.\s+)?(?:Mc|Mac|O')?[A-Z][a-z]+"
INTRODUCED = re.compile(r"(?:\b(?:Mr|Ms|Mrs|Dr)\.?\s+|/s/\s*)" + FULL_NAME)
WORD = re.compile(r"\b[a-z]{3,15}\b")
CALENDAR = MONTH_NAMES | {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}


def faker_names(locales=LOCALES) -> set[str]:
    """The single-word given names of Faker's person providers for `locales`."""
    import importlib
    try:
        importlib.import_module("faker")
    except ImportError as err:
        raise SystemExit('training.first_names needs the Faker package: pip install -e ".[lexicons]"') from err
    out = set()
    for locale in locales:
        provider = importlib.import_module(f"faker.providers.person.{locale}").Provider
        for attr in ("first_names", "first_names_male", "first_names_female", "first_romanized_names"):
            names = getattr(provider, attr, ())
            out.update(n for n in (names.keys() if isinstance(names, dict) else names) if LATIN_NAME.match(n))
    return out


def choose(candidates: set[str], texts, min_documents: int = 2) -> list[str]:
    """`candidates`, and the given names introduced by an honorific or a signature in at
    least `min_documents` of `texts`, less those `texts` write in lower case or in a
    company's name, and the project's name and stop words."""
    seen, lower, company_words = Counter(), set(), set()
    for text in texts:
        seen.update({m.group(1) for m in INTRODUCED.finditer(text)})
        lower.update(WORD.findall(text))
        company_words.update(w for name in suffixed_names(text) for w in name.split())
    stop = set(read_wordlist(PATTERNS_DIR / "person_stop.txt")) | CALENDAR | set(LEGAL_SUFFIXES)
    stop |= {w for place in REGIONS | COUNTRIES for w in place.split()}  # `Georgia`, `Virginia`
    stop |= {w for words in LEXICON.values() for w in words if " " not in w}
    names = candidates | {name for name, n in seen.items() if n >= min_documents}
    return sorted(name for name in names
                  if name.lower() not in lower and name not in stop and name not in company_words
                  and name.lower() not in COMMON and name.lower() not in GENERIC)


def main(out: Path = typer.Option(OUT, help="the word list to write"),
         min_documents: int = typer.Option(2, help="in at least this many filings"),
         shared: Path = typer.Option(None, help="the shared data folder (default ../shared)")) -> None:
    from training.unlabelled import unlabelled_documents
    names = choose(faker_names(), (d["text"] for d in unlabelled_documents(shared)), min_documents)
    known = set(read_wordlist(PATTERNS_DIR / "first_names.txt"))
    new = [n for n in names if n not in known]
    out.write_text("# Given names not in first_names.txt: Faker's name lists (MIT licence) and the names\n"
                   "# introduced by an honorific or a signature in at least %d filings of training.unlabelled;\n"
                   "# none written in lower case there. Written by `python -m training.first_names`.\n"
                   % min_documents + "".join(n + "\n" for n in new), encoding="utf-8")
    print(f"{len(names)} given names, {len(new)} new: {out}")


if __name__ == "__main__":
    typer.run(main)
