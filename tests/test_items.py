"""8-K items -> SCHEMA event types (SCHEMA v1.2 section 4), both numberings."""
import json

from extractors.items import filed_date, item_types, unmatched_items


def test_titles_map_in_either_numbering():
    assert item_types("Results of Operations and Financial Condition") == {"FINANCIAL_RESULT"}
    assert item_types("Item 12. Results of Operations and Financial Condition") == {"FINANCIAL_RESULT"}
    officers = {"EXECUTIVE_CHANGE", "COMPENSATION"}
    assert item_types("Departure of Directors or Principal Officers; Election of Directors") == officers
    assert item_types("Departure of Directors or Certain Officers; Election of Directors; Appointment of "
                      "Certain Officers; Compensatory Arrangements of Certain Officers") == officers
    assert item_types("Resignations of Registrant's Directors") == officers
    assert item_types("Costs Associated with Exit or Disposal Activities") == {"FINANCIAL_RESULT"}
    assert item_types("Cost Associated with Exit or Disposal Activities") == {"FINANCIAL_RESULT"}  # lee8k's title
    assert item_types("Material Impairments") == {"FINANCIAL_RESULT"}
    assert item_types("Triggering Events That Accelerate or Increase a Direct Financial Obligation") == {"FINANCING"}
    assert item_types("Material Modification to Rights of Security Holders") == {"CONVERSION", "AGREEMENT"}
    assert item_types("Changes in Registrant's Certifying Accountant") == {"AUDITOR_CHANGE"}
    assert item_types("Completion of Acquisition or Disposition of Assets") == {"ACQUISITION", "DISPOSITION"}
    assert item_types("Financial Statements and Exhibits") == set()
    assert item_types("Regulation FD Disclosure") == set()
    assert item_types("Other Events") == set()


def test_numbers_depend_on_the_numbering_in_force():
    assert item_types("5.02") == {"EXECUTIVE_CHANGE", "COMPENSATION"}
    assert item_types("2.05") == item_types("2.06") == {"FINANCIAL_RESULT"}
    assert item_types("Item 6", filed="2003-05-01") == {"EXECUTIVE_CHANGE", "COMPENSATION"}
    assert item_types("Item 2.02") == {"FINANCIAL_RESULT"}
    assert item_types("5.07") == {"SHAREHOLDER_VOTE"}
    assert item_types("Item 12", filed="2003-05-01") == {"FINANCIAL_RESULT"}
    assert item_types("Item 4", filed="2002-01-10") == {"AUDITOR_CHANGE"}
    assert item_types("Item 4", filed="2010-01-10") == set()  # no such current item number
    assert item_types("9.01") == set()


def test_unmatched_items_and_filed_date():
    items = ["Results of Operations and Financial Condition", "Financial Statements and Exhibits",
             "Entry into a Material Definitive Agreement"]
    assert unmatched_items(items, {"FINANCIAL_RESULT", "SIGNATURE"}) == [items[2]]
    assert filed_date({"accepted": "20020517172705"}) == "2002-05-17"
    assert filed_date({"filed": "2004-03-09"}) == "2004-03-09"


def test_every_lee8k_item_title_is_known(shared):
    """Each distinct item title in lee8k either maps or is one of the known unmapped ones."""
    unmapped_ok = ("financial statements and exhibits", "other events", "regulation fd",
                   "amendments to articles", "non-reliance",
                   "change in fiscal year", "amendments to the registrant's code", "shell company")
    titles = set()
    for line in (shared / "corpus" / "lee8k.jsonl").open(encoding="utf-8"):
        titles.update(json.loads(line)["meta"].get("items", []))
    unknown = [t for t in titles if not item_types(t) and not any(k in t.lower() for k in unmapped_ok)]
    assert unknown == []


def test_body_is_the_8k_up_to_its_signature_block():
    """SCHEMA v1.2 section 4: events count in the cover and the items, not in the
    signature block or the exhibits after it (extractors.sections.body_end)."""
    from extractors.items import body_types

    text = ("FORM 8-K\nItem 2.02 Results of Operations and Financial Condition\nThe Company reported revenues "
            "of $5 million.\nItem 9.01 Financial Statements and Exhibits\n99.1 Press release\nSIGNATURES\n"
            "Pursuant to the requirements of the Securities Exchange Act of 1934, the registrant has duly caused "
            "this report to be signed on its behalf by the undersigned.\nBy: /s/ Jane Doe, appointed Chief "
            "Financial Officer\nExhibit 99.1\nThe Company acquired Acme Corp. and named a new chief executive.\n")

    def event(kind, word):
        start = text.index(word)
        return {"type": kind, "trigger": {"start": start, "end": start + len(word)}}

    events = [event("FINANCIAL_RESULT", "revenues"), event("EXECUTIVE_CHANGE", "appointed"),
              event("ACQUISITION", "acquired"), event("SIGNATURE", "signed")]
    assert body_types(text, events) == {"FINANCIAL_RESULT"}
    types = body_types(text, events)
    assert unmatched_items(["Item 2.02", "Item 5.02", "Item 2.01", "Item 9.01"], types, "2020-01-02") == \
        ["Item 5.02", "Item 2.01"]


def test_items_report_names_the_items_of_each_row(tmp_path):
    from extractors.items import slot_items
    from training.evaluate import items_report
    from training.scoring import items_scores

    assert slot_items("AGREEMENT") == "1.01, 1.02" and slot_items("COMPENSATION|EXECUTIVE_CHANGE") == "5.02 (6)"
    assert slot_items("FINANCIAL_RESULT") == "2.02 (12), 2.05, 2.06" and slot_items("DISPOSITION") == ""
    docs = [{"id": "a", "meta": {"items": ["Item 2.02", "Item 5.02"], "filed": "2010-01-05"}},
            {"id": "b", "meta": {"items": ["Item 5.07"], "filed": "2010-01-05"}}]
    result = items_scores(docs, {"a": {"FINANCIAL_RESULT", "DISPOSITION"}, "b": {"SHAREHOLDER_VOTE"}})
    result["whole_document"] = result
    result["documents"] = {"a": {}, "b": {}}
    report = items_report(result, tmp_path / "docs.jsonl")
    assert "| 2.02 (12), 2.05, 2.06 | FINANCIAL_RESULT | 1.000 | 1.000 | 1.000 | 1 | 1 |" in report
    assert "| 5.02 (6) | COMPENSATION\\|EXECUTIVE_CHANGE | 0.000 | 0.000 | 0.000 | 1 | 0 |" in report
    assert "|  | DISPOSITION | 0.000 | 0.000 | 0.000 | 0 | 1 |" in report
    assert "|  | micro | 0.667 | 0.667 | 0.667 | 3 | 3 |" in report
