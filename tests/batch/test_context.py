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
