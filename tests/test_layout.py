"""Filing layout: where an 8-K body ends (SCHEMA section 4: up to its signature block;
extractors.sections.body_end, read by the items check and `unmatched_items`)."""
import json

from extractors.items import body_types
from extractors.layout import REPORT_SIGNED
from extractors.sections import body_end


def test_body_ends_at_the_first_exhibit_heading():
    text = ("Item 2.02 Results of Operations.\nOn May 1 the Company announced its results, attached as "
            "Exhibit 99.1 hereto.\n" + "x" * 200 + "\nEXHIBIT 99.1 PRESS RELEASE\nThe Company acquired Acme.")
    end = body_end(text)
    assert text[end:].startswith("EXHIBIT 99.1 PRESS")
    events = [{"type": "FINANCIAL_RESULT", "trigger": {"start": 40, "end": 47}},
              {"type": "ACQUISITION", "trigger": {"start": end + 30, "end": end + 38}}]
    assert body_types(text, events) == {"FINANCIAL_RESULT"}
    assert body_end("no exhibits here") == len("no exhibits here")


def test_body_ends_with_the_signature_block():
    """After the signature clause, an exhibit of any number (an EX-10 agreement) or a
    pasted exhibit with no heading (a line of prose) ends the 8-K body."""
    body = ("Item 1.01 Entry into a Material Definitive Agreement.\nOn May 1, 2024 the Company entered into "
            "a credit agreement.\n" + "Item 9.01 Exhibits.\n" * 12 +
            "Pursuant to the requirements of the Securities Exchange Act of 1934, the registrant has duly "
            "caused this report to be signed on its behalf by the undersigned hereunto duly authorized.\n"
            "Date: May 3, 2024\nBy: /s/ Maren Okafor\nChief Financial Officer\n")
    agreement_text = "\nEXHIBIT 10.1\nCREDIT AGREEMENT dated as of May 1, 2024 among the Company and the Lenders."
    signature = body.index("Pursuant to the requirements")
    assert body_end(body + agreement_text) == signature
    release = ("\nBRINDLECOMB CORP. TODAY ANNOUNCED RESULTS: revenues for the quarter rose to $4.1 million, "
               "up 12 percent from the year-ago quarter, the Company said in its release.")
    assert body_end(body + release) == signature
    assert body_end(body) == signature


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
    for doc_id, text in docs.items():
        end = body_end(text)
        body = text[:end]
        assert REPORT_SIGNED.search(text, end, end + 1000), doc_id  # it ends at the signature block
        assert end < len(text) and len(text) - end > 5 * end, doc_id  # the long exhibits are cut off
        assert "WHEREAS" not in body and "PRESENTATION" not in body and "today announced" not in body, doc_id


def test_trading_plans_hold_no_events_but_the_filers_buy_back_under_one():
    from extractors.layout import is_trading_plan

    plan = "On March 2, 2023, Ruth Calder, our Chief Financial Officer, adopted a Rule 10b5-1 trading arrangement."
    assert is_trading_plan(plan) and is_trading_plan(plan, "SHARE_REPURCHASE")
    bought = "In 2023, we repurchased 2.4 million common shares for $362.8 million under the 10b5-1 Plan."
    assert is_trading_plan(bought, "AGREEMENT") and not is_trading_plan(bought, "SHARE_REPURCHASE")
