"""Dividend table rows (linker/dividends.py): one DIVIDEND per per-share figure."""
from extractors.components.linker.dividends import DIVIDEND_ROW


def test_the_labels_of_a_dividend_row():
    for label in ("Dividends per share", "Cash dividend, per share", "Dividends declared per common share",
                  "Cash dividends declared and paid per share"):
        assert DIVIDEND_ROW.match(label), label
    for label in ("Dividends paid", "Dividend payout ratio", "Cash dividends to shareholders"):
        assert not DIVIDEND_ROW.match(label), label
