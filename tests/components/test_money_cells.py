"""`rules.money`: the bare amounts of money tables."""


TABLE = ("Quillfeather Robotics, Inc.\n"
         "Condensed statement of operations\n"
         "(In millions, except per share data)\n"
         "\t2024\t2023\n"
         "Net revenues\t$1,234\t$1,100\n"
         "Cost of revenues\t(500)\t(450)\n"
         "Weighted average shares outstanding\t300\t290\n"
         "Gross margin\t59.5%\t59.1%\n"
         "Net income\t734\t650\n\n"
         "The table above is unaudited.")


def test_bare_amounts_of_a_money_table_are_money_with_the_captions_scale(entities):
    doc = entities(TABLE)
    money = {(e.text, e._.value["amount"]) for e in doc.ents if e.label_ == "MONEY"}
    assert ("734", 734_000_000.0) in money and ("650", 650_000_000.0) in money
    assert ("500", -500_000_000.0) in money  # accounting brackets outside the span, negative value
    counts = {(e.text, e.label_, e._.value) for e in doc.ents if e.text in ("300", "290")}
    assert counts == {("300", "SHARES", 300_000_000), ("290", "SHARES", 290_000_000)}  # a share count's row


def test_no_money_in_a_table_of_share_counts_or_without_money(entities):
    counts = ("Period\tTotal Number of Shares Purchased\tAverage Price Paid per Share\n"
              "October 1 - October 31\t1,200\t$45.10\n"
              "November 1 - November 30\t900\t$46.20\n\nThese were open market purchases.")
    assert not any(e.label_ == "MONEY" and e.text in ("1,200", "900") for e in entities(counts).ents)
    plain = "Site\t2024\t2023\nAustin\t1,200\t1,100\nDallas\t900\t850\n\nThe sites are leased."
    assert not any(e.label_ == "MONEY" for e in entities(plain).ents)


STATEMENT_OF_EQUITY = (
    "Consolidated statement of equity (Millions of dollars)\n"
    "                                  Common Stock   Retained Earnings   Treasury Stock   Total\n"
    "Balance at March 31, 2026         $19,880        $171,420            $(41,205)        $150,095\n"
    "Net income (loss)                 —              10,612              —                10,612\n"
    "Purchases of treasury shares      —              —                   (3,100)          (3,100)\n"
    "Balance at June 30, 2026          $19,880        $182,032            $(44,305)        $157,607\n"
    "(Number of Shares)                Issued         Treasury            Outstanding\n"
    "Balance at March 31, 2026         2,442,676,580  (551,204,118)       1,891,472,462\n"
    "Purchases                         —              (18,400,250)        (18,400,250)\n\n"
    "Shares are held at cost.")


def test_a_statement_of_equity_has_amounts_above_its_share_counts(entities):
    """The money rows above `(Number of Shares)` are amounts, though the table's words say
    `shares` (no vote counts); the rows below count shares; `$(41,205)` is the span `41,205`."""
    doc = entities(STATEMENT_OF_EQUITY)
    label = {e.text: e.label_ for e in doc.ents}
    assert label["10,612"] == "MONEY" and label["3,100"] == "MONEY"
    assert label["2,442,676,580"] == "SHARES" and label["18,400,250"] == "SHARES"
    money = {e.text: e._.value for e in doc.ents if e.label_ == "MONEY"}
    assert money["41,205"] == {"amount": -41_205_000_000.0, "currency": "USD"}


def test_the_total_of_a_repurchase_tables_months_is_no_amount():
    from extractors.components.rules.money import money_cells

    text = ("Issuer purchases of equity securities\n"
            "October 1 - October 31    111,620      $78.22\n"
            "November 1 - November 30  149          81.13\n"
            "Total                     111,769      $78.23\n\n"
            "The purchases were made in the open market.")
    assert [text[a:b] for a, b in money_cells(text)] == []
