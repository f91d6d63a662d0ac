"""8-K sections (extractors.sections): item headings in both numberings, the signature
block and the exhibits; checked on hand-written text and on 40 filings checked by hand
(tests/data/sections-40.json, texts read from ../shared at test time)."""
import json
from pathlib import Path

from extractors.sections import body_end, item_at, section_at, sections

HAND_CHECK = Path(__file__).parent / "data" / "sections-40.json"

FILING = """FORM 8-K
CURRENT REPORT
Check the appropriate box below if the Form 8-K filing is intended to satisfy the filing obligation.

ITEM 5.07. SUBMISSION OF MATTERS TO A VOTE OF SECURITY HOLDERS
At the annual meeting the stockholders elected the nominees below.

Nominee\tFor\tWithheld
Jane Q. Doe\t1,234,567\t8,910

Item 2. The proposal to ratify the selection of the auditors was approved.
Item 5.02 - Departure of Directors or Certain Officers
The information in Item 2.01 of this report is incorporated here.
Items 8.01 and 9.01.   Other Events; Financial Statements and Exhibits
(d) Exhibits
99.1\tPress release of the Company

SIGNATURES

Pursuant to the requirements of the Securities Exchange Act of 1934, the registrant has duly caused this report to be signed on its behalf by the undersigned hereunto duly authorized.
By: /s/ John Smith
Exhibit 99.1
Example Corp. reports its results for the quarter, which were better than those of the quarter before it.
EXHIBIT 99.2 Letter to shareholders
Dear shareholders,
"""


def starts(secs):
    return [(s["item"], s["title"]) for s in secs]


def test_item_variants_signature_and_exhibits():
    secs = sections(FILING)
    assert starts(secs) == [
        ("5.07", "SUBMISSION OF MATTERS TO A VOTE OF SECURITY HOLDERS"),
        ("5.02", "Departure of Directors or Certain Officers"),
        ("8.01", "Other Events; Financial Statements and Exhibits"),
        ("signature", ""), ("EX-99.1", ""), ("EX-99.2", "Letter to shareholders")]
    assert secs[2]["items"] == ["8.01", "9.01"] and "items" not in secs[0]
    assert FILING[secs[0]["start"]:].startswith("ITEM 5.07.")
    assert FILING[secs[3]["start"]:].startswith("SIGNATURES\n\nPursuant")
    assert FILING[secs[4]["start"]:].startswith("Exhibit 99.1\nExample Corp.")
    assert all(a["end"] == b["start"] for a, b in zip(secs, secs[1:])) and secs[-1]["end"] == len(FILING)
    # the numbered proposal stays inside Item 5.07; the reference stays inside Item 5.02
    vote = FILING.index("Item 2. The proposal")
    assert item_at(secs, vote) == "5.07" and section_at(secs, vote) is secs[0]
    assert item_at(secs, FILING.index("Item 2.01 of this")) == "5.02"
    assert item_at(secs, FILING.index("Jane Q. Doe")) == "5.07"
    assert section_at(secs, 0) is None and item_at(secs, FILING.index("Check the")) is None
    assert item_at(secs, FILING.index("By: /s/")) is None and section_at(secs, FILING.index("By: /s/"))["item"] == "signature"
    assert body_end(FILING) == secs[3]["start"] == body_end(FILING, secs)


def test_old_numbering_titles_and_headings_on_two_lines():
    text = ("ITEM: Other events\nTable of Contents\nItem 5.\nOther Events.\n     On May 1, 2003, the Company "
            "announced results. Item 7. Financial statements below.\n"
            "Item 7.    Financial Statements, Pro Forma Financial Information and Exhibits.\n(c) Exhibits\n"
            "Item 8. Financial Statements and Supplementary Data\n"
            "     Pursuant to the requirements of the Securities Exchange Act of 1934, the registrant has duly "
            "caused this report to be signed on its behalf.\n")
    secs = sections(text)
    assert starts(secs) == [("5", "Other Events"),
                            ("7", "Financial Statements, Pro Forma Financial Information and Exhibits"),
                            ("signature", "")]
    assert text[secs[0]["start"]:].startswith("Item 5.\nOther")
    assert text[secs[2]["start"]:].startswith("Pursuant")  # the line's indentation is not the section's
    # a heading whose title runs on into the item's first sentence
    secs = sections("ITEM 2.02. RESULTS OF OPERATIONS AND FINANCIAL CONDITION On April 25, 2007, the "
                    "Company reported record revenues.\n")
    assert starts(secs) == [("2.02", "RESULTS OF OPERATIONS AND FINANCIAL CONDITION")]
    secs = sections("Item 1.01.\n   \n\nEntry into a Material Definitive Agreement.\nOn May 1 the Company agreed.")
    assert starts(secs) == [("1.01", "Entry into a Material Definitive Agreement")]


def test_no_headings_and_odd_text():
    assert sections("") == [] and body_end("") == 0
    assert sections("A press release with no items at all.\nItem 4.99 Not an item\nItem 13. Nothing") == []
    text = "x" * 300 + "\nEXHIBIT 99.1\nPress release\n"  # no signing clause: the body ends at the EX-99
    secs = sections(text)
    assert starts(secs) == [("EX-99.1", "")] and body_end(text) == 301
    long = "Item 8.01 Other Events\n" + "Word " * 200_000
    assert [s["item"] for s in sections(long)] == ["8.01"]


def _texts(shared, filings):
    from sec_events.read.build import ErrorRecord, iter_documents

    texts = {}
    wanted = {f["id"] for f in filings if f["source"] == "lee8k"}
    with open(shared / "corpus" / "lee8k.jsonl", encoding="utf-8") as fh:
        for line in fh:
            d = json.loads(line)
            if d["id"] in wanted:
                texts[("lee8k", d["id"])] = d["text"]
    for d in iter_documents([shared / "corpus" / "edgar"]):
        if not isinstance(d, ErrorRecord):
            texts[("edgar", d["id"])] = d["text"]
    return texts


def test_hand_checked_filings(shared):
    filings = json.loads(HAND_CHECK.read_text(encoding="utf-8"))["filings"]
    assert len(filings) == 40 and {f["source"] for f in filings} == {"lee8k", "edgar"}
    numbers = [s["item"] for f in filings for s in f["sections"] if s["item"][0].isdigit()]
    assert sum("." in n for n in numbers) >= 15 and sum("." not in n for n in numbers) >= 10
    texts = _texts(shared, filings)
    wrong = []
    for f in filings:
        got = sections(texts[(f["source"], f["id"])])
        if got != f["sections"]:
            wrong.append((f["id"], starts(got), starts(f["sections"])))
    assert not wrong, wrong[:3]
    # a later stage asks which item a vote count stands in
    text = texts[("edgar", "file:1800Flowers.8-K.html")]
    secs = sections(text)
    assert item_at(secs, text.index("Celia R. Brown\t281,090,975")) == "5.07"
    assert item_at(secs, text.index("duly caused this report")) is None
