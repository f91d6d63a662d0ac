"""The filing context travels with every window of a filing (batch/extract.py)."""


def test_extract_carries_the_filer_name_into_every_window(rules_nlp):
    from extractors.batch.extract import task_windows, document_task
    from extractors.contract import filing_context

    text = "Brindle Systems Corp. signed the lease.\n\n" + "Brindle said sales rose.\n\n" * 40
    task = document_task({"id": "x", "text": text, "meta": {"company": "QUILLFEATHER ROBOTICS INC"}})
    windows = task_windows(rules_nlp, task, max_chars=300)
    assert len(windows) > 2
    for _, doc in windows:
        assert filing_context(doc).names[:2] == ("QUILLFEATHER ROBOTICS INC", "Brindle Systems Corp.")


def test_every_window_knows_the_acronyms_its_filing_defines_for_no_company(rules_nlp):
    from extractors.batch.extract import document_task, task_windows
    from extractors.contract import filing_context

    text = "Family monthly active people (MAP) rose.\n\n" + "MAP rose again.\n\n" * 40
    task = document_task({"id": "x", "text": text, "meta": {"context_not_names": ["DAU"]}})
    windows = task_windows(rules_nlp, task, max_chars=300)
    assert len(windows) > 2
    for _, doc in windows:
        assert filing_context(doc).not_names == ("DAU", "MAP")


def test_every_window_reads_amounts_in_the_unit_its_filing_states(rules_nlp):
    """`(Dollars in millions, unless otherwise noted)` once, near the top: a bare `$637.3` in a
    later window is $637.3 million; a per-share amount and a price keep their figure."""
    from extractors.batch.extract import document_task, process_batch

    text = ("QUILLFEATHER ROBOTICS INC. NOTES (Dollars in millions, unless otherwise noted, except per share "
            "data)\n\n" + "The segment grew.\n\n" * 40 + "Net sales were $637.3 in 2024. Diluted earnings per "
            "share were $2.72, and we repurchased shares at $42 per share.\n")
    [(record, _)] = process_batch(rules_nlp, [document_task({"id": "x", "text": text})], window_chars=400)
    assert len(record["spans"]) and text.index("$637.3") > 400  # the amount is in a later window
    values = {s["text"]: s["value"]["amount"] for s in record["spans"] if s["label"] == "MONEY"}
    assert values == {"$637.3": 637300000.0, "$2.72": 2.72, "$42": 42.0}
    assert document_task({"id": "y", "text": "x", "meta": {"context_money_unit": 1000.0}}).money_unit == 1000.0
    assert document_task({"id": "y", "text": "x", "meta": {"context_money_unit": "lots"}}).money_unit is None


def test_a_table_whose_caption_is_elsewhere_takes_the_filings_table_unit(rules_nlp):
    """A filing that captions its tables `(Dollars in tables in millions)` under each note:
    a later window's table with no caption reads its amounts in millions too, a table with
    its own caption keeps that, and prose keeps its figures."""
    from extractors.batch.extract import document_task, process_batch
    from extractors.normalise import table_unit_of

    note = "NOTE {}. OTHER (Dollars in tables in millions)\n\nItem        2024      2023\nCost        $1,200    $1,100\n\n"
    debt = ("NOTE 9. DEBT\n\n                            2024      2023\n3.35% notes due 2026        $300      $—\n"
            "4.10% notes due 2030        750       750\n\nThe notes are unsecured. We paid a fee of $12.\n")
    text = "".join(note.format(k) for k in range(1, 4)) + "The segment grew.\n\n" * 30 + debt
    assert table_unit_of(text) == 1e6 and table_unit_of(debt) is None
    [(record, _)] = process_batch(rules_nlp, [document_task({"id": "x", "text": text})], window_chars=500)
    values = {(s["text"], s["start"] > 500): s["value"]["amount"] for s in record["spans"] if s["label"] == "MONEY"}
    assert values[("$300", True)] == 300e6 and values[("750", True)] == 750e6
    assert values[("$12", True)] == 12.0  # prose: no table's unit
    assert document_task({"id": "y", "text": "x", "meta": {"context_table_unit": 1e6}}).table_unit == 1e6


def test_the_filings_table_unit_spares_performance_graphs_full_figures_and_prices():
    from extractors.normalise import value_at

    graph = ("The graph assumes $100 invested on December 31, 2019 and shows the cumulative total "
             "shareholder return.\n\n                 2019    2020    2021\nBrindle Systems  $100    $112    $129\n"
             "S&P 500          100     118     152\n")
    at = graph.index("$112")
    assert value_at("MONEY", graph, at, at + 4, 2021, None, 1e6)["amount"] == 112.0
    buyback = ("(Dollars in millions)\nPeriod          Total Number of Shares Purchased  Average Price Paid per Share  Dollar Value of Shares "
               "that May Yet Be Purchased\nOctober 2024    1,200                             $81.13                        "
               "$4,213,825,619\nTotal           1,200                             $81.13\n")
    full, price = buyback.index("$4,213"), buyback.rindex("$81.13")
    assert value_at("MONEY", buyback, full, full + 14, 2024, None, 1e6)["amount"] == 4_213_825_619.0
    assert value_at("MONEY", buyback, price, price + 6, 2024)["amount"] == 81.13
    assert value_at("MONEY", buyback, full, full + 14, 2024)["amount"] == 4_213_825_619.0  # the caption's scale spares it
