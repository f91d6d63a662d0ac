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
