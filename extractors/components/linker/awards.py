"""COMPENSATION for several people: one event per person (GUIDELINES: per person per change).

A pay decision often names everybody it pays in one sentence or in the list or table
that follows it:

    The Committee approved one-time awards on June 24, 2026 to the following members:
    Doug Petno, Co-President, in the amount of $30 million each; Mary Erdoes, CEO of
    Asset & Wealth Management, ...

Each person is one COMPENSATION event, all sharing the decision's verb as their trigger
(as the nominees of an election share `elected`, and the offices of a career share
`served`): `person` the name, and from the words after it up to the next person the
`role`, `amount` and `shares` that are that person's. What the decision states once
(its `date`, `plan` and `org`) every event shares; the linker fills those.

The `org` of a pay decision is the company that pays, nearly always the filer, and the
linker often finds none near the verb (`the Committee approved ...` paragraphs below the
sentence that names the company): `paying_org` reads it where the linker left it empty.

Pure functions over the text and the entity spans (`(start, end, label)`, sorted by
start): the linker turns what `awards` returns into events in place of the one event it
linked itself.
"""
from __future__ import annotations

import re

from extractors.names import DEFINES_NAME, GENERATIONS, GENERIC_FILER, HONORIFICS
from extractors.offsets import within

# the roles that are each person's own; the others (date, plan, org) the decision's
PER_PERSON = ("person", "role", "amount", "shares")
OWN = {"ROLE": "role", "MONEY": "amount", "SHARES": "shares"}
EACH = re.compile(r"[\s,]*(?:each|apiece)\b", re.I)
# a sentence that introduces a list (`to the following officers:`) goes on in the list
LIST_INTRO = re.compile(r":\s*$")
LIST_REACH = 1200  # characters of a list or table after such a sentence, at most


def scope(text: str, sentence: tuple[int, int], trigger: tuple[int, int], others: list[tuple[int, int]]) -> tuple[int, int]:
    """Where a pay decision at `trigger` names its people: its sentence from the end of the
    trigger before it in the sentence (`others`: the other triggers) to the start of the
    next one; where the sentence introduces a list (ends with a colon), on into the list,
    at most LIST_REACH."""
    end = sentence[1]
    if LIST_INTRO.search(text, sentence[0], sentence[1]):
        end = min(sentence[1] + LIST_REACH, len(text))
    start = max([e for s, e in others if sentence[0] <= s and e <= trigger[0]] + [sentence[0]])
    return start, min([s for s, _ in others if trigger[1] <= s < end] + [end])


def _name_words(name: str) -> tuple[list[str], str]:
    """(the name's words less honorifics and generation, generation): `Robert C. Loudermilk,
    Jr.` -> (`Robert`, `C.`, `Loudermilk`), `Jr.`."""
    words = [w for w in name.replace(",", " ").split() if w not in HONORIFICS]
    generation = words.pop() if len(words) > 1 and words[-1] in GENERATIONS else ""
    return words, generation


def _same_person(a: str, b: str) -> bool:
    """One person named twice (`Gilbert L. Danielson`, `Danielson`, `Mr. Danielson`), not two
    of one family (`Loudermilk, Sr.`, `Loudermilk, Jr.`; `Erik B. Nordstrom`, `Peter E.
    Nordstrom`: both given names written, and they differ)."""
    if a == b:
        return True
    (wa, ga), (wb, gb) = _name_words(a), _name_words(b)
    if not wa or not wb or wa[-1] != wb[-1] or ga != gb:
        return False
    return len(wa) == 1 or len(wb) == 1 or wa[0].rstrip(".")[:1] == wb[0].rstrip(".")[:1]


def awards(text: str, ents: list[tuple], scope: tuple[int, int]) -> list[dict]:
    """One dict role -> (start, end) per person a pay decision names in `scope` (start,
    end: its part of its sentence, with the list it introduces), from the person's first
    mention: the `role`, `amount` and `shares` stated between it and the next mention of
    anybody; empty when fewer than two different people are named (the linker's own event
    stands)."""
    spans = within(ents, scope[0], scope[1])
    people = [x for x in spans if x[2] == "PERSON"]
    firsts = []  # each person's first mention: (index among the mentions, span)
    for k, (s, e, _) in enumerate(people):
        if not any(_same_person(text[s:e], text[p[0]:p[1]]) for _, p in firsts):
            firsts.append((k, people[k]))
    if len(firsts) < 2:
        return []
    out = []
    for k, (s, e, _) in firsts:
        stop = people[k + 1][0] if k + 1 < len(people) else scope[1]
        award = {"person": (s, e)}
        for x in spans:
            if e <= x[0] and x[1] <= stop:
                role = OWN.get(x[2])
                if role and role not in award:
                    award[role] = (x[0], x[1])
        for x in spans:  # an amount stated once for several (`$30 million each`)
            role = OWN.get(x[2])
            if role in ("amount", "shares") and role not in award and stop <= x[0] \
                    and EACH.match(text, x[1], min(len(text), x[1] + 12)):
                award[role] = (x[0], x[1])
                break
        out.append(award)
    return out


# how far before a pay decision the filer may have been named generically (`the Company`)
FILER_REACH = 3000


def paying_org(text: str, ents: list[tuple], trigger: tuple[int, int],
               sentence: tuple[int, int]) -> tuple[int, int] | None:
    """The company a pay decision at `trigger` is made for, where the linker named none:
    the first company before the trigger given a short name in brackets (`Aaron Rents, Inc.
    (the "Company")`, as an 8-K first names its filer); else the filer as the decision's
    sentence names it generically (`the Board of Directors of the Company approved`, `as
    President and CEO of the Registrant`), the mention nearest the trigger; else the last
    such mention in the FILER_REACH characters before it; else none."""
    defined = next(((s, e) for s, e, label in ents
                    if label == "ORG" and e <= trigger[0] and DEFINES_NAME.match(text, e)), None)
    if defined:
        return defined
    generic = [m.span() for m in GENERIC_FILER.finditer(text, sentence[0], sentence[1])]
    if generic:
        return min(generic, key=lambda g: abs(g[0] - trigger[0]))
    before = [m.span() for m in GENERIC_FILER.finditer(text, max(0, trigger[0] - FILER_REACH), trigger[0])]
    return before[-1] if before else None
