"""8-K items -> SCHEMA event types, both numberings, and the document-level check."""
import json

from extractors.items import agreement, filed_date, item_types, unmatched_items


def test_titles_map_in_either_numbering():
    assert item_types("Results of Operations and Financial Condition") == {"FINANCIAL_RESULT"}
    assert item_types("Item 12. Results of Operations and Financial Condition") == {"FINANCIAL_RESULT"}
    assert item_types("Departure of Directors or Principal Officers; Election of Directors") == {"EXECUTIVE_CHANGE"}
    assert item_types("Resignations of Registrant's Directors") == {"EXECUTIVE_CHANGE"}
    assert item_types("Changes in Registrant's Certifying Accountant") == {"AUDITOR_CHANGE"}
    assert item_types("Completion of Acquisition or Disposition of Assets") == {"ACQUISITION", "DISPOSITION"}
    assert item_types("Financial Statements and Exhibits") == set()
    assert item_types("Regulation FD Disclosure") == set()
    assert item_types("Other Events") == set()


def test_numbers_depend_on_the_numbering_in_force():
    assert item_types("5.02") == {"EXECUTIVE_CHANGE"}
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


def test_agreement_counts_slots_and_ignores_unmapped_types():
    docs = [{"id": "a", "meta": {"items": ["Results of Operations and Financial Condition",
                                           "Completion of Acquisition or Disposition of Assets"]}},
            {"id": "b", "meta": {"items": ["Other Events"]}}]
    preds = {"a": {"FINANCIAL_RESULT", "DISPOSITION", "SIGNATURE"}, "b": {"EXECUTIVE_CHANGE", "DIVIDEND"}}
    m = agreement(docs, preds)
    assert (m["tp"], m["fp"], m["fn"]) == (2, 1, 0)  # b's EXECUTIVE_CHANGE is a false positive


def test_every_lee8k_item_title_is_known(shared):
    """Each distinct item title in lee8k either maps or is one of the known unmapped ones."""
    unmapped_ok = ("financial statements and exhibits", "other events", "regulation fd", "cost associated",
                   "amendments to articles", "material impairments", "triggering events", "non-reliance",
                   "change in fiscal year", "amendments to the registrant's code", "shell company")
    titles = set()
    for line in (shared / "corpus" / "lee8k.jsonl").open(encoding="utf-8"):
        titles.update(json.loads(line)["meta"].get("items", []))
    unknown = [t for t in titles if not item_types(t) and not any(k in t.lower() for k in unmapped_ok)]
    assert unknown == []


def test_body_ends_at_the_first_exhibit_heading():
    from extractors.items import body_end, body_types

    text = ("Item 2.02 Results of Operations.\nOn May 1 the Company announced its results, attached as "
            "Exhibit 99.1 hereto.\n" + "x" * 200 + "\nEXHIBIT 99.1 PRESS RELEASE\nThe Company acquired Acme.")
    end = body_end(text)
    assert text[end:].startswith("\nEXHIBIT 99.1 PRESS")
    events = [{"type": "FINANCIAL_RESULT", "trigger": {"start": 40, "end": 47}},
              {"type": "ACQUISITION", "trigger": {"start": end + 30, "end": end + 38}}]
    assert body_types(text, events) == {"FINANCIAL_RESULT"}
    assert body_end("no exhibits here") == len("no exhibits here")


def test_body_ends_with_the_signature_block():
    """After the signature clause, an exhibit of any number (an EX-10 agreement) or a
    pasted exhibit with no heading (a line of prose) ends the 8-K body."""
    from extractors.items import body_end

    body = ("Item 1.01 Entry into a Material Definitive Agreement.\nOn May 1, 2024 the Company entered into "
            "a credit agreement.\n" + "Item 9.01 Exhibits.\n" * 12 +
            "Pursuant to the requirements of the Securities Exchange Act of 1934, the registrant has duly "
            "caused this report to be signed on its behalf by the undersigned hereunto duly authorized.\n"
            "Date: May 3, 2024\nBy: /s/ Maren Okafor\nChief Financial Officer\n")
    agreement_text = "\nEXHIBIT 10.1\nCREDIT AGREEMENT dated as of May 1, 2024 among the Company and the Lenders."
    assert body_end(body + agreement_text) == len(body)
    release = ("\nBRINDLECOMB CORP. TODAY ANNOUNCED RESULTS: revenues for the quarter rose to $4.1 million, "
               "up 12 percent from the year-ago quarter, the Company said in its release.")
    assert body_end(body + release) == len(body)
    assert body_end(body) == len(body)


def test_real_8k_bodies_end_before_their_exhibits(shared):
    """Real lee8k filings: an EX-10 separation agreement, a press release pasted after
    the signature block with no heading, and an earnings-call transcript."""
    docs = {}
    wanted = {"lee8k/A/A-8K-20070507150022", "lee8k/AAN/AAN-8K-20110216073131", "lee8k/AA/AA-8K-20070112171602"}
    for line in (shared / "corpus" / "lee8k.jsonl").open(encoding="utf-8"):
        doc = json.loads(line)
        if doc["id"] in wanted:
            docs[doc["id"]] = doc["text"]
    assert set(docs) == wanted
    from extractors.items import SIGNATURE_CLAUSE, body_end

    for doc_id, text in docs.items():
        end = body_end(text)
        body = text[:end]
        assert SIGNATURE_CLAUSE.search(body), doc_id  # the body keeps its signature clause
        assert end < len(text) and len(text) - end > 5 * end, doc_id  # the long exhibits are cut off
        assert "WHEREAS" not in body and "PRESENTATION" not in body and "today announced" not in body, doc_id
