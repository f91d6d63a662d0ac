"""External NER data (training/external.py) read from the shared folder's real files."""


def test_wikigold_and_fin5_become_person_and_org_records(shared):
    from training.external import fin5_records, wikigold_records

    for records, prefix in ((wikigold_records(shared), "wikigold"), (fin5_records(shared), "fin5")):
        assert records and all(r["id"].startswith(prefix + ":") for r in records)
        spans = [(r["text"][s["start"]:s["end"]], s["label"]) for r in records for s in r["spans"]]
        assert {label for _, label in spans} == {"PERSON", "ORG"}  # LOC and MISC dropped
        assert all(text[:1].isupper() for text, _ in spans)
        assert not any(label == "ORG" and text.startswith("The ") for text, label in spans)
    wiki = [(r["text"][s["start"]:s["end"]], s["label"]) for r in wikigold_records(shared) for s in r["spans"]]
    assert ("Mad Capsule Markets", "ORG") in wiki  # `The Mad Capsule Markets`: the name, without `The`


def test_conll_runs_and_the_keep_filter():
    from training.external import _keep, sentence_record

    text, spans = sentence_record([("The", "I-ORG"), ("Borrower", "I-PER"), ("paid", "O"), ("Ann", "I-PER"),
                                   ("Lee", "I-PER"), ("at", "O"), ("Paris", "I-LOC")], [], _keep)
    assert [(text[s["start"]:s["end"]], s["label"]) for s in spans] == [("Ann Lee", "PERSON")]  # no role word
