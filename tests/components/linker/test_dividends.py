"""Dividend table rows (linker/dividends.py): one DIVIDEND per per-share figure."""
from extractors.components.linker.dividends import DIVIDEND_LABEL, DIVIDEND_ROW, dividend_events


def test_the_labels_of_a_dividend_row():
    for label in ("Dividends per share", "Cash dividend, per share", "Dividends declared per common share",
                  "Cash dividends declared and paid per share"):
        assert DIVIDEND_ROW.match(label), label
    for label in ("Dividends paid", "Dividend payout ratio", "Cash dividends to shareholders"):
        assert not DIVIDEND_ROW.match(label), label


def test_a_statement_of_equitys_row_names_its_amount_per_share_in_its_label():
    text = ("                                  Common Stock   Retained Earnings   Total\n"
            "Balance at March 31, 2025         $1,200         $48,100             $49,300\n"
            "Net income                        —              2,410               2,410\n"
            "Cash dividends ($0.96 per share)  —              (3,880)             (3,880)\n"
            "Balance at June 30, 2025          $1,200         $46,630             $47,830\n")
    at = text.index("$0.96")
    found = dividend_events(text, [(at, at + 5, "MONEY")])
    assert [(text[slice(*ev["trigger"])], text[slice(*ev["args"]["amount"])]) for ev in found] == [
        ("Cash dividends", "$0.96")]
    assert DIVIDEND_LABEL.match("Dividends declared and paid ($1.24 per share)")
    assert not DIVIDEND_LABEL.match("Dividends paid to noncontrolling interests")
