"""Figures listed `respectively`: one event per figure with its date (GUIDELINES wide reading 30)."""
import re

from extractors.components.linker.listed import listed_events

TEXT = ("In December 2023 and 2022, the Board of Brindle Systems Corp. approved share repurchase programs "
        "authorizing it to repurchase up to $11.0 billion and $9.0 billion, respectively.")


def _ents(text):
    money = [(m.start(), m.end(), "MONEY") for m in re.finditer(r"\$[\d.]+(?: billion)?", text)]
    dates = [(m.start(), m.end(), "DATE") for m in re.finditer(r"(?:December )?20\d\d", text)]
    return sorted(money + dates)


def _texts(text, each):
    return [sorted((a[0], text[a[1]:a[2]]) for a in args) for args in each]


def test_each_amount_listed_respectively_is_an_event_with_its_date():
    k = TEXT.index("$11.0 billion")
    args = [("amount", k, k + len("$11.0 billion"), 0.5), ("date", 21, 25, 0.5)]  # the linker's pick: `2022`
    assert _texts(TEXT, listed_events(TEXT, _ents(TEXT), "SHARE_REPURCHASE", (0, len(TEXT)), args)) == [
        [("amount", "$11.0 billion"), ("date", "December 2023")], [("amount", "$9.0 billion"), ("date", "2022")]]


def test_dividends_per_share_listed_take_no_date():
    text = "The annual dividend was $1.84 per share and $1.76 per share in 2023 and 2022, respectively."
    k = text.index("$1.84")
    each = listed_events(text, _ents(text), "DIVIDEND", (0, len(text)), [("amount", k, k + 5, 0.5)])
    assert _texts(text, each) == [[("amount", "$1.84")], [("amount", "$1.76")]]


def test_amounts_each_with_its_own_year_are_events_each():
    text = "Brindle Systems Corp. declared dividends of $2.08 per share in 2023 and $1.92 per share in 2022."
    k = text.index("$2.08")
    each = listed_events(text, _ents(text), "DIVIDEND", (0, len(text)), [("amount", k, k + 5, 0.5)])
    assert _texts(text, each) == [[("amount", "$2.08")], [("amount", "$1.92")]]
    text = "Brindle Systems Corp. borrowed $1.5 billion in 2023 and $900 million in 2022."
    text = text.replace("$900 million", "$0.9 billion")
    k = text.index("$1.5 billion")
    each = listed_events(text, _ents(text), "FINANCING", (0, len(text)), [("amount", k, k + 12, 0.5)])
    assert _texts(text, each) == [[("amount", "$1.5 billion"), ("date", "2023")],
                                  [("amount", "$0.9 billion"), ("date", "2022")]]


def test_one_amount_or_no_respectively_leaves_the_event_alone():
    text = TEXT.replace(", respectively", "")
    k = text.index("$11.0 billion")
    assert listed_events(text, _ents(text), "SHARE_REPURCHASE", (0, len(text)), [("amount", k, k + 13, 0.5)]) == []
    one = "In December 2023, the Board approved a program to repurchase up to $11.0 billion, respectively."
    k = one.index("$11.0 billion")
    assert listed_events(one, _ents(one), "SHARE_REPURCHASE", (0, len(one)), [("amount", k, k + 13, 0.5)]) == []
    # types whose events are not one per amount
    assert listed_events(TEXT, _ents(TEXT), "EXECUTIVE_CHANGE", (0, len(TEXT)), [("amount", 0, 4, 0.5)]) == []


def test_the_pipeline_makes_one_buy_back_per_amount(shipped_nlp):
    events = [e for e in shipped_nlp(TEXT)._.events if e["type"] == "SHARE_REPURCHASE"]
    assert [sorted((a["role"], a["text"]) for a in e["args"] if a["role"] in ("amount", "date")) for e in events] == [
        [("amount", "$11.0 billion"), ("date", "December 2023")], [("amount", "$9.0 billion"), ("date", "2022")]]
