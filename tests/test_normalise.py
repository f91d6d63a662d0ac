"""Normalisers: SCHEMA section 3 values for the forms filings actually use."""
import pytest

from extractors.normalise import date, document_year, money, normalise, percent, shares

USD = "USD"


@pytest.mark.parametrize("text, amount, cur", [
    ("$12.5 million", 12_500_000.0, USD),
    ("$21.8 million", 21_800_000.0, USD),
    ("$4.00", 4.0, USD),
    ("$9,292,000", 9_292_000.0, USD),
    ("$.10", 0.10, USD),
    ("$(0.05)", -0.05, USD),
    ("$1.2 billion", 1_200_000_000.0, USD),
    ("$2.1B", 2_100_000_000.0, USD),
    ("$750 thousand", 750_000.0, USD),
    ("US$ 100 million", 100_000_000.0, USD),
    ("EUR 50 million", 50_000_000.0, "EUR"),
    ("50 million euros", 50_000_000.0, "EUR"),
    ("\u20ac3.5 billion", 3_500_000_000.0, "EUR"),
    ("C$40 million", 40_000_000.0, "CAD"),
    ("R$1.2 billion", 1_200_000_000.0, "BRL"),
    ("\u00a3200,000", 200_000.0, "GBP"),
    ("$ 1,250,000", 1_250_000.0, USD),
    ("$5\nmillion", 5_000_000.0, USD),
    ("two million dollars", 2_000_000.0, USD),
    ("-$3.4 million", -3_400_000.0, USD),
    ("$0.35", 0.35, USD),
    ("HK$5 million", 5_000_000.0, "HKD"),
    ("Cdn. $15,000,000", 15_000_000.0, "CAD"),
    ("INR22.7 billion", 22_700_000_000.0, "INR"),
    ("RMB 1.3 million", 1_300_000.0, "CNY"),
    ("A $5 million", 5_000_000.0, USD),
])
def test_money(text, amount, cur):
    value = money(text)
    assert value is not None and value["currency"] == cur
    assert value["amount"] == pytest.approx(amount)


@pytest.mark.parametrize("text", ["12.5 million", "", "dollars", "$", "approximately"])
def test_money_unreadable_is_none(text):
    assert money(text) is None


@pytest.mark.parametrize("text, n", [
    ("3,125,000 shares", 3_125_000),
    ("1,041,667 additional shares", 1_041_667),
    ("16,513,716 favorable votes", 16_513_716),
    ("25,784,850", 25_784_850),
    ("2 million shares", 2_000_000),
    ("2.5 million shares", 2_500_000),
    ("thirty (30) shares", 30),
    ("one million shares", 1_000_000),
    ("500,000 warrants", 500_000),
])
def test_shares(text, n):
    assert shares(text) == n


@pytest.mark.parametrize("text, v", [
    ("65%", 65.0), ("217%", 217.0), ("5.5 percent", 5.5), ("12 per cent", 12.0),
    ("(3.2)%", -3.2), ("-4%", -4.0), ("five percent", 5.0), ("0.5%", 0.5),
    ("66 2/3%", 66.6667), ("7-3/8%", 7.375), ("Twelve and one-half percent", 12.5),
])
def test_percent(text, v):
    assert percent(text) == pytest.approx(v)


@pytest.mark.parametrize("text, iso", [
    ("March 5, 2004", "2004-03-05"),
    ("Friday, March 5, 2004", "2004-03-05"),
    ("March  5,\n2004", "2004-03-05"),
    ("Sept. 30, 2005", "2005-09-30"),
    ("Dec 1, 2010", "2010-12-01"),
    ("5 March 2004", "2004-03-05"),
    ("the 13th day of September, 2002", "2002-09-13"),
    ("May of 2002", "2002-05"),
    ("March 2004", "2004-03"),
    ("2004", "2004"),
    ("fiscal 2002", "FY2002"),
    ("fiscal-year 2012", "FY2012"),
    ("fiscal year 2005", "FY2005"),
    ("FY2002", "FY2002"),
    ("FY 03", "FY2003"),
    ("the fiscal year ended November 30, 2002", "2002-11-30"),
    ("the fiscal\nyear ended November 30, 2002", "2002-11-30"),
    ("the three months ended April 30, 2002", "2002-04-30"),
    ("the quarter ended June 30, 2005", "2005-06-30"),
    ("the first quarter of 2003", "FY2003-Q1"),
    ("second quarter 2010", "FY2010-Q2"),
    ("the third fiscal quarter of 2004", "FY2004-Q3"),
    ("fourth-quarter 2005", "FY2005-Q4"),
    ("Q3 2004", "FY2004-Q3"),
    ("3Q04", "FY2004-Q3"),
    ("the third calendar quarter of 2004", "2004-Q3"),
    ("fiscal 2004 second quarter", "FY2004-Q2"),
    # a part of the company's year is fiscal, as its quarters are (SCHEMA section 2)
    ("the first six months of 2023", "FY2023"),
    ("First Nine Months of 2010", "FY2010"),
    ("the first two quarters of fiscal 2022", "FY2022"),
    ("the first half of 2024", "FY2024"),
    ("the first half of calendar 2024", "2024"),
    ("the second quarter and first six months of 2023", "FY2023-Q2"),
    ("12/31/2003", "2003-12-31"),
    ("1/5/04", "2004-01-05"),
    ("2004-03-05", "2004-03-05"),
    ("March 5, '04", "2004-03-05"),
    # ranges (GUIDELINES wide reading 5): a whole month is the month, else the first day
    ("October 1 - October 31, 2023", "2023-10"),
    ("April 1 - 30, 2023", "2023-04"),
    ("7/1/24 - 7/31/24", "2024-07"),
    ("February 1 - 29, 2024", "2024-02"),
    ("November 14 - 18, 2022", "2022-11-14"),
])
def test_date(text, iso):
    assert date(text) == iso


def test_date_uses_document_year_for_missing_parts():
    assert date("the third quarter", doc_year=2004) == "FY2004-Q3"
    assert date("the third quarter") is None
    assert date("'98", doc_year=2003) == "1998"
    assert date("'03", doc_year=1999) == "2003"
    assert date("October 1 - October 31", doc_year=2023) == "2023-10"
    assert date("October 1 - October 31") is None


@pytest.mark.parametrize("text", ["", "the day preceding the meeting", "yesterday", "\x00\x01", "99/99/9999"])
def test_date_unreadable_is_none(text):
    assert date(text) is None


def test_normalise_dispatch_and_unvalued_labels():
    assert normalise("MONEY", "$4.00") == {"amount": 4.0, "currency": "USD"}
    assert normalise("SHARES", "16,698,574 shares") == 16_698_574
    assert normalise("PERCENT", "64%") == 64.0
    assert normalise("DATE", "February 4, 2004") == "2004-02-04"
    assert normalise("PERSON", "Jay Furrow") is None
    assert normalise("ORG", "$4.00") is None


def test_document_year():
    assert document_year("Filed on March 8, 2004 about events of March 5, 2004 and July 17, 2003.") == 2004
    assert document_year("no dates here") is None


def test_seed_values_match_gold(shared):
    """Every valued span of the seed gold normalises to its gold value."""
    import json

    from training.scoring import values_equal

    misses = []
    for line in (shared / "spec" / "seeds-gold.jsonl").open(encoding="utf-8"):
        rec = json.loads(line)
        year = document_year(rec["text"])
        for span in rec["spans"]:
            if "value" in span:
                got = normalise(span["label"], rec["text"][span["start"]:span["end"]], year)
                if not values_equal(span["label"], span["value"], got):
                    misses.append((rec["text"][span["start"]:span["end"]], span["value"], got))
    assert misses == []


def test_forms_added_after_the_train_split_review():
    assert date("the 2006 fiscal year") == "FY2006"
    assert date("Q2", doc_year=2005) == "FY2005-Q2"
    assert date("October", doc_year=2007) == "2007-10"
    assert date("October") is None
    assert shares("two shares") == 2
    assert money("Cdn $25 million") == {"amount": 25_000_000.0, "currency": "CAD"}


def test_bracketed_amounts_are_negative():
    from extractors.normalise import span_value

    assert span_value("MONEY", "$0.06", "(", ") per share", 2005) == {"amount": -0.06, "currency": "USD"}
    assert span_value("PERCENT", "6 percent", "(", "),", 2005) == 6.0
    assert span_value("MONEY", "$5 million", "(", " after-tax)", 2005) == {"amount": 5e6, "currency": "USD"}


def test_quarters_of_last_year():
    assert date("Last year's second-quarter", doc_year=2012) == "FY2011-Q2"
    assert date("the third quarter of last year", doc_year=2011) == "FY2010-Q3"
    assert date("the first quarter last year", doc_year=2013) == "FY2012-Q1"
    assert date("the fourth quarter", doc_year=2012) == "FY2012-Q4"


# ----------------------------------------------------------------- issue 21: lee8k's unread values
@pytest.mark.parametrize("text, amount", [
    ("three cents", 0.03), ("seventeen cents", 0.17), ("twenty-five cents", 0.25),
    ("half a billion dollars", 5e8), ("one and a half million dollars", 1.5e6),
    ("Two Million Five Hundred Thousand Dollars", 2.5e6),     # was 2,000,000
    ("Million Five Hundred Thousand Dollars", 1.5e6), ("a billion dollars", 1e9),
    ("$ \u2014", 0.0),                                          # a table's dash
])
def test_money_in_words(text, amount):
    assert money(text) == {"amount": pytest.approx(amount), "currency": USD}


@pytest.mark.parametrize("text", ["$" + " " * 31, "$/MT", "$ Describe", "million dollars", "billion dollars",
                                  "an undisclosed sum of dollars"])
def test_money_without_an_amount_is_none(text):
    assert money(text) is None


def test_shares_fractions_words_and_phone_numbers():
    assert shares("155.4908 shares") == pytest.approx(155.4908)   # was 155
    assert shares("1,000.0 shares") == 1000 and isinstance(shares("1,000.0 shares"), int)
    assert shares("one new share") == 1
    assert shares("1-800-SEC-0330") is None                      # was 1
    assert shares("(202) 551-6551") is None
    assert shares("billion shares") is None and shares("Google shares") is None


def test_dates_are_real_calendar_dates():
    assert date("November 31, 2001") == "2001-11"               # was the impossible 2001-11-31
    assert date("February 29, 2001") == "2001-02"
    assert date("February 29, 2004") == "2004-02-29"
    assert date("June 31") is None and date("June 31", doc_year=2004) == "2004-06"
    assert date("13/45/2003") is None


def test_dates_without_a_year_take_the_documents():
    assert date("Six Months Ended June 30", doc_year=2004) == "2004-06-30"
    assert date("THE YEAR ENDED DECEMBER 31", doc_year=2004) == "2004-12-31"
    assert date("January of this year", doc_year=2007) == "2007-01"
    assert date("Six Months Ended June 30") is None
    assert date("FY-09") == "FY2009"
    for text in ("Ba2", "fiscal quarter", "Georgia 30326", "10-year", "?"):
        assert date(text, doc_year=2004) is None


@pytest.mark.parametrize("label", ["MONEY", "SHARES", "PERCENT", "DATE"])
def test_normalisers_never_raise_nor_return_invalid(label):
    """Random and adversarial strings: a value of the right type or None, never an exception."""
    import datetime
    import math
    import random

    rng = random.Random(21)
    alphabet = "0123456789$%.,-/() \u2014\u00a3\u20acabcdefghijklmnopqrstuvwxyzJFMASOND'\u00a0\n"
    pieces = ["$", "million", "billion", "half a", "and a half", "cents", "shares", "percent", "%", "ended",
              "February 29,", "November 31,", "2001", "Q3", "fiscal", "FY-", "one", "hundred", "thousand",
              "1-800-", "(", ")", "9" * 400, "e308", "\ud800"]
    for _ in range(1500):
        parts = [rng.choice(pieces) if rng.random() < 0.5 else
                 "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12))) for _ in range(rng.randint(1, 6))]
        text = " ".join(parts)
        value = normalise(label, text, rng.choice([None, 1999, 2004]))
        if value is None:
            continue
        if label == "DATE":
            assert isinstance(value, str)
            if len(value) == 10 and value[4] == "-":
                datetime.date.fromisoformat(value)
        elif label == "MONEY":
            assert isinstance(value["amount"], float) and value["currency"]
            assert math.isfinite(value["amount"])
        else:
            assert isinstance(value, (int, float)) and math.isfinite(value)


@pytest.mark.parametrize("statement,unit", [
    ("(Dollars and shares in millions, unless otherwise noted, except per share data)", 1e6),
    ("($ In Thousands, Except Per Share Amounts Or Unless Otherwise Noted)", 1e3),
    ("(all amounts are presented in millions of U.S. dollars, unless otherwise noted)", 1e6),
    ("(Dollars in tables in millions, except per share amounts)", None),  # the tables' unit only
    ("(In millions)", None),  # a table caption
])
def test_a_filing_states_the_unit_of_its_amounts(statement, unit):
    from extractors.normalise import money_unit_of, value_at

    assert money_unit_of("Notes to the statements " + statement + " Net sales were $637.3.") == unit
    text = "Sales were $637.3 and $1,338; EPS $2.72; at $42 per share; par value $5; valued at $55,582,452,531."
    amounts = {m: value_at("MONEY", text, text.index(m), text.index(m) + len(m), 2024, 1e6)["amount"]
               for m in ("$637.3", "$1,338", "$2.72", "$42", "$5", "$55,582,452,531")}
    assert amounts == {"$637.3": 637.3e6, "$1,338": 1338e6, "$2.72": 2.72, "$42": 42.0, "$5": 5.0,
                       "$55,582,452,531": 55582452531.0}
