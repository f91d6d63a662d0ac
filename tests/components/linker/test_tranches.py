"""FINANCING in tranches: one event per security or facility, sharing the financing verb."""
import pytest

from extractors.components.linker.tranches import tranches


def _amounts(text, verb):
    """The tranche amounts `tranches` reads after `verb`, with MONEY spans at every `$`/`€` figure."""
    import re

    ents = [(m.start(), m.end(), "MONEY") for m in re.finditer(r"[$€][\d.,]+ (?:million|billion)", text)]
    k = text.index(verb)
    return [text[slice(*t["amount"])] for t in tranches(text, ents, (k, k + len(verb)), (0, len(text)))]


def test_each_tranche_is_an_event(rules_nlp):
    text = ("On May 17, 2023, the Company issued $750 million 4.25% Senior Notes due 2029 and $1.0 billion "
            "4.50% Senior Notes due 2034 (collectively, the 2023 Notes).")
    assert _amounts(text, "issued") == ["$750 million", "$1.0 billion"]
    events = [e for e in rules_nlp(text)._.events if e["type"] == "FINANCING"]
    assert [[a["text"] for a in e["args"] if a["role"] == "amount"] for e in events] == [
        ["$750 million"], ["$1.0 billion"]]
    assert all(e["trigger"]["text"] == "issued" for e in events)


@pytest.mark.parametrize("text, verb", [
    # one security: the linker's own event stands
    ("In March 2023, we issued $750 million principal amount of notes due March 2028.", "issued"),
    # the parts of a total stated first
    ("New debt of $5.0 billion was borrowed, consisting of $3.5 billion in Senior Notes and $1.5 billion "
     "of term loans.", "borrowed"),
    # a second figure of another statement in the sentence
    ("In 2022, we issued a total of $6.0 billion of senior notes, including a green bond issuance, and settled "
     "in cash $1.6 billion of our senior notes that matured in May 2022.", "issued"),
])
def test_no_tranches(text, verb):
    assert _amounts(text, verb) == []


def test_two_credit_agreements_entered_into():
    text = ("On March 20, 2023, the Company entered into a $1.5 billion 364-day credit agreement (the 364-Day "
            "Credit Agreement) and a $4.0 billion amended and restated five-year credit agreement.")
    assert _amounts(text, "entered into") == ["$1.5 billion", "$4.0 billion"]
