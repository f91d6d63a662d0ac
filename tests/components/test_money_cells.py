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
