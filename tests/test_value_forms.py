"""Value forms the filings use, with the value SCHEMA section 3 gives them (issue 20, part 5).

`REAL_FORMS` are short value phrases found in the shared corpora (lee8k, filings10x,
edgar-8k; `test_forms_are_real` looks each one up there at test time): number words with
scales and hyphens, numerals restated in brackets, fractions of a percent, ordinal days,
and currencies named by sign, ISO code or word. `BRIEF_FORMS` are the issue's own
examples. Each is read by the normaliser directly; `PIPELINE_CASES` put forms in
sentences written for this test and check that the rules pipeline's entity has the
form's boundaries and value.
"""
from __future__ import annotations

import json

import pytest

from extractors.normalise import doc_year, normalise, span_value


def usd(amount):
    return {"amount": amount, "currency": "USD"}


def cur(code, amount):
    return {"amount": amount, "currency": code}


REAL_FORMS = [  # (label, form, value)
    # MONEY: currencies by sign, code and word
    ("MONEY", "HK$15.3 billion", cur("HKD", 15_300_000_000.0)),
    ("MONEY", "HK$17.34", cur("HKD", 17.34)),
    ("MONEY", "Cdn $35 million", cur("CAD", 35_000_000.0)),
    ("MONEY", "Cdn. $15,000,000", cur("CAD", 15_000_000.0)),
    ("MONEY", "Cdn$100,000", cur("CAD", 100_000.0)),
    ("MONEY", "C$1.4 billion", cur("CAD", 1_400_000_000.0)),
    ("MONEY", "US$1.5 million", usd(1_500_000.0)),
    ("MONEY", "U.S. $2.66 billion", usd(2_660_000_000.0)),
    ("MONEY", "US $870 million", usd(870_000_000.0)),
    ("MONEY", "€750 million", cur("EUR", 750_000_000.0)),
    ("MONEY", "€1.2 billion", cur("EUR", 1_200_000_000.0)),
    ("MONEY", "EUR 3,000,000", cur("EUR", 3_000_000.0)),
    ("MONEY", "EUR200 million", cur("EUR", 200_000_000.0)),
    ("MONEY", "£147.6 million", cur("GBP", 147_600_000.0)),
    ("MONEY", "GBP 17.5 million", cur("GBP", 17_500_000.0)),
    ("MONEY", "¥297 billion", cur("JPY", 297_000_000_000.0)),
    ("MONEY", "RMB 1.3 million", cur("CNY", 1_300_000.0)),
    ("MONEY", "RMB 300 thousand", cur("CNY", 300_000.0)),
    ("MONEY", "INR22.7 billion", cur("INR", 22_700_000_000.0)),
    ("MONEY", "SAR 112.5 million", cur("SAR", 112_500_000.0)),
    ("MONEY", "DKK 66 million", cur("DKK", 66_000_000.0)),
    ("MONEY", "DKK 8,003 thousand", cur("DKK", 8_003_000.0)),
    ("MONEY", "550 million euros", cur("EUR", 550_000_000.0)),
    ("MONEY", "1 million renminbi", cur("CNY", 1_000_000.0)),
    ("MONEY", "1.9 billion yuan", cur("CNY", 1_900_000_000.0)),
    ("MONEY", "22.1 billion RMB", cur("CNY", 22_100_000_000.0)),
    ("MONEY", "1.43 billion Canadian dollars", cur("CAD", 1_430_000_000.0)),
    ("MONEY", "444 New Zealand Dollars", cur("NZD", 444.0)),
    ("MONEY", "0.7 Swiss franc", cur("CHF", 0.7)),
    ("MONEY", "13.9 million pounds", cur("GBP", 13_900_000.0)),
    # MONEY: number words
    ("MONEY", "Two Billion Six Hundred Sixty Million Dollars", usd(2_660_000_000.0)),
    ("MONEY", "Three Hundred Seventy-Six Million Nine Hundred Thousand Dollars", usd(376_900_000.0)),
    ("MONEY", "Eight Hundred Twenty Five Thousand Dollars", usd(825_000.0)),
    ("MONEY", "FIVE HUNDRED MILLION DOLLARS", usd(500_000_000.0)),
    ("MONEY", "one hundred fifty million dollars", usd(150_000_000.0)),
    ("MONEY", "Seven Million Five Hundred Thousand Dollars", usd(7_500_000.0)),
    ("MONEY", "seventy-five dollars", usd(75.0)),
    ("MONEY", "half a billion dollars", usd(500_000_000.0)),
    # SHARES
    ("SHARES", "four hundred thousand (400,000) Shares", 400_000),
    ("SHARES", "seven million eight hundred fifty thousand (7,850,000) Shares", 7_850_000),
    ("SHARES", "two million (2,000,000) Shares", 2_000_000),
    ("SHARES", "nine million shares", 9_000_000),
    ("SHARES", "one million shares", 1_000_000),
    ("SHARES", "486 thousand shares", 486_000),
    ("SHARES", "5.4 million shares", 5_400_000),
    ("SHARES", "73 million shares", 73_000_000),
    # PERCENT: fractions (thirds to four places, as the gold writes them) and words
    ("PERCENT", "66 2/3%", 66.6667),
    ("PERCENT", "10 3/4%", 10.75),
    ("PERCENT", "7-3/8%", 7.375),
    ("PERCENT", "6-1/2%", 6.5),
    ("PERCENT", "33 1/3%", 33.3333),
    ("PERCENT", "6 7/8%", 6.875),
    ("PERCENT", "662/3%", 66.6667),  # 66⅔% whose superscript was lost
    ("PERCENT", "331/3%", 33.3333),
    ("PERCENT", "Twelve and one-half percent", 12.5),
    ("PERCENT", "sixty-six and two-thirds percent", 66.6667),
    ("PERCENT", "one-half of one percent", 0.5),
    ("PERCENT", "twenty-five (25) percent", 25.0),
    ("PERCENT", "one hundred ten percent", 110.0),
    ("PERCENT", "Sixty-five percent", 65.0),
    ("PERCENT", "thirty-five percent", 35.0),
    # DATE: ordinal days
    ("DATE", "this 20th day of July, 2010", "2010-07-20"),
    ("DATE", "the 2nd day of February 2024", "2024-02-02"),
    ("DATE", "this 18 day of November 2004", "2004-11-18"),
    ("DATE", "the 1st day of March, 2005", "2005-03-01"),
    ("DATE", "this 3rd day of May, 2005", "2005-05-03"),
    ("DATE", "the 22nd day of February, 2024", "2024-02-22"),
    ("DATE", "this 23rd day of May, 2008", "2008-05-23"),
    ("DATE", "the first day of fiscal 2006", "FY2006"),
]

BRIEF_FORMS = [  # the examples (not all of them occur in the corpora)
    ("SHARES", "twenty-one thousand five hundred shares", 21_500),
    ("SHARES", "three thousand two hundred shares", 3_200),
    ("MONEY", "one hundred twenty-five million dollars", usd(125_000_000.0)),
    ("MONEY", "Two Million Five Hundred Thousand Dollars", usd(2_500_000.0)),
    ("MONEY", "HK$5 million", cur("HKD", 5_000_000.0)),
    ("MONEY", "U.S. $5 million", usd(5_000_000.0)),
    ("MONEY", "A$2 million", cur("AUD", 2_000_000.0)),
    ("MONEY", "A $5 million", usd(5_000_000.0)),  # an article, not the Australian sign
    ("MONEY", "CHF 10 million", cur("CHF", 10_000_000.0)),
    ("MONEY", "10 million pounds sterling", cur("GBP", 10_000_000.0)),
    ("MONEY", "5 million euro", cur("EUR", 5_000_000.0)),
    ("MONEY", "500 million yen", cur("JPY", 500_000_000.0)),
    ("MONEY", "Rs. 500 million", cur("INR", 500_000_000.0)),
    ("DATE", "the fifteenth day of March, 2012", "2012-03-15"),
    ("DATE", "the twenty-first day of June, 2010", "2010-06-21"),
    ("DATE", "March fifteenth, 2012", "2012-03-15"),
    ("DATE", "the 1st day of June 2010", "2010-06-01"),
    ("DATE", "this 3rd day of May, 2004", "2004-05-03"),
]

ALL_FORMS = REAL_FORMS + BRIEF_FORMS


def assert_value(label, got, want):
    if label == "MONEY":
        assert got is not None and got["currency"] == want["currency"], got
        assert got["amount"] == pytest.approx(want["amount"], rel=1e-9), got
    elif isinstance(want, float):
        assert got == pytest.approx(want, abs=1e-9), got
    else:
        assert got == want and type(got) is type(want), got


def test_the_table_is_large_enough():
    assert len(REAL_FORMS) >= 60
    assert {label for label, _, _ in REAL_FORMS} == {"MONEY", "SHARES", "PERCENT", "DATE"}


@pytest.fixture(scope="module")
def corpus_text(shared):
    """The three corpora's texts, whitespace runs as one space."""
    parts = []
    for name in ("lee8k.jsonl", "filings10x.jsonl", "edgar-8k.jsonl"):
        with open(shared / "corpus" / name, encoding="utf-8") as fh:
            parts += [" ".join(json.loads(line)["text"].split()) for line in fh if line.strip()]
    return "\n".join(parts)


def test_forms_are_real(corpus_text):
    missing = [form for _, form, _ in REAL_FORMS if " ".join(form.split()) not in corpus_text]
    assert missing == []


@pytest.mark.parametrize("label, form, value", ALL_FORMS, ids=[f"{lb}:{f}" for lb, f, _ in ALL_FORMS])
def test_normalised_value(label, form, value):
    assert_value(label, normalise(label, form, 2010), value)


@pytest.mark.parametrize("label, text, value", [
    ("MONEY", "cad 5", None),                      # a code counts in capitals only
    ("DATE", "the thirty-second day of May, 2010", "2010-05"),  # no such day: the month
    ("DATE", "the twenty-ninth day of February, 2011", "2011-02"),
    ("PERCENT", "3/2%", 3.0),                      # not a proper fraction: its first number
])
def test_forms_that_must_not_be_overread(label, text, value):
    assert normalise(label, text, 2010) == value


def test_a_range_shares_its_scale_when_the_text_after_says_it():
    assert span_value("MONEY", "$45", "", " to $50 million", 2010) == usd(45_000_000.0)
    text = "Revenue is expected to be $45 to $50 million, and ($3) of it is a charge."
    from extractors.normalise import value_at
    k = text.index("$45")
    assert value_at("MONEY", text, k, k + 3, 2010) == usd(45_000_000.0)  # the callers' context
    k = text.index("$3")
    assert value_at("MONEY", text, k, k + 2, 2010) == usd(-3.0)  # accounting brackets
    assert span_value("MONEY", "$926,000", "", " and $63 million", 2010) == usd(926_000.0)


# (sentence written for this test, the entity's text, label, value)
PIPELINE_CASES = [
    ("The Company issued twenty-one thousand five hundred shares to the trust.",
     "twenty-one thousand five hundred shares", "SHARES", 21_500),
    ("The Plan reserves four hundred thousand (400,000) Shares for awards.",
     "four hundred thousand (400,000) Shares", "SHARES", 400_000),
    ("The lender made a loan of one hundred twenty-five million dollars to Acme.",
     "one hundred twenty-five million dollars", "MONEY", usd(125_000_000.0)),
    ("The price is Three Hundred Seventy-Six Million Nine Hundred Thousand Dollars in cash.",
     "Three Hundred Seventy-Six Million Nine Hundred Thousand Dollars", "MONEY", usd(376_900_000.0)),
    ("Acme paid HK$5 million to the seller in cash.", "HK$5 million", "MONEY", cur("HKD", 5_000_000.0)),
    ("Acme paid U.S. $2.66 billion for the business.", "U.S. $2.66 billion", "MONEY", usd(2_660_000_000.0)),
    ("Acme paid Cdn. $15,000,000 for the mine.", "Cdn. $15,000,000", "MONEY", cur("CAD", 15_000_000.0)),
    ("Acme borrowed INR22.7 billion from the bank.", "INR22.7 billion", "MONEY", cur("INR", 22_700_000_000.0)),
    ("Acme sold the unit for SAR 112.5 million last week.", "SAR 112.5 million", "MONEY",
     cur("SAR", 112_500_000.0)),
    ("Acme borrowed RMB 1.3 million from the bank.", "RMB 1.3 million", "MONEY", cur("CNY", 1_300_000.0)),
    ("The note pays 22.1 billion RMB at maturity.", "22.1 billion RMB", "MONEY", cur("CNY", 22_100_000_000.0)),
    ("Acme received 1.43 billion Canadian dollars from the sale.", "1.43 billion Canadian dollars", "MONEY",
     cur("CAD", 1_430_000_000.0)),
    ("Approval requires 66 2/3% of the votes cast.", "66 2/3%", "PERCENT", 66.6667),
    ("Acme redeemed its 7-3/8% notes due 2012.", "7-3/8%", "PERCENT", 7.375),
    ("The holders own 662/3% of the voting power.", "662/3%", "PERCENT", 66.6667),
    ("The fund holds Twelve and one-half percent of the equity.", "Twelve and one-half percent", "PERCENT", 12.5),
    ("The bylaws require sixty-six and two-thirds percent of the shares.",
     "sixty-six and two-thirds percent", "PERCENT", 66.6667),
    ("This Agreement is dated the fifteenth day of March, 2012, by the parties.",
     "fifteenth day of March, 2012", "DATE", "2012-03-15"),
    ("This Agreement is entered into this 3rd day of May, 2004 by the parties.",
     "3rd day of May, 2004", "DATE", "2004-05-03"),
    ("Signed on the twenty-first day of June, 2010 in Denver.", "twenty-first day of June, 2010", "DATE",
     "2010-06-21"),
]


@pytest.mark.parametrize("sentence, span, label, value", PIPELINE_CASES, ids=[c[1] for c in PIPELINE_CASES])
def test_pipeline_span_and_value(entities, sentence, span, label, value):
    doc = entities(sentence)
    text = doc.text
    found = [(e.text, e.label_) for e in doc.ents if e.label_ == label]
    ents = [e for e in doc.ents if e.text == span and e.label_ == label]
    assert len(ents) == 1, found
    e = ents[0]
    got = span_value(label, e.text, text[max(0, e.start_char - 1):e.start_char], text[e.end_char:e.end_char + 2],
                     doc_year(doc, text))
    assert_value(label, got, value)


def test_an_article_is_not_an_australian_sign(entities):
    doc = entities("A $5 million payment was made to Acme.")
    assert [(e.text, e.label_) for e in doc.ents if e.label_ == "MONEY"] == [("$5 million", "MONEY")]


def test_an_amount_in_a_table_takes_the_captions_scale():
    """GUIDELINES (tables): `(In millions)` scales the table's amounts, not its per-share rows
    nor prose amounts; an amount naming its own scale keeps it."""
    from extractors.normalise import value_at
    text = ("Quillfeather Robotics reported revenue of $12 for the kiosk line.\n\n"
            "(In millions, except per share data)\n"
            "\t2024\t2023\n"
            "Net revenues\t$1,234\t$1,100\n"
            "Net income per diluted share\t$0.57\t$0.50\n"
            "Other income\t$2 billion\t$1 billion\n\n"
            "The table above is unaudited.")
    at = lambda s: value_at("MONEY", text, text.index(s), text.index(s) + len(s), 2024)["amount"]
    assert at("$1,234") == 1_234_000_000.0
    assert at("$0.57") == 0.57
    assert at("$2 billion") == 2_000_000_000.0
    assert at("$12") == 12.0
