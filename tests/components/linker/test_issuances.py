"""FINANCING from a table of debt issued: one event per row (GUIDELINES wide reading 36)."""
from extractors.components.linker.issuances import issuance_events


def _ents(text, marked):
    """Entity spans from (text, label, occurrence) triples."""
    out = []
    for word, label, nth in marked:
        at = -1
        for _ in range(nth):
            at = text.index(word, at + 1)
        out.append((at, at + len(word), label))
    return sorted(out)


def _read(text, events):
    return [(text[slice(*ev["trigger"])], {k: text[s:e] for k, (s, e) in ev["args"].items()}) for ev in events]


def test_rows_naming_their_notes_are_the_triggers_and_a_date_cell_spans_the_rows_under_it():
    text = ("During 2025, we had the following issuances of long-term debt:\n\n"
            "Date              Description of Notes    Aggregate Principal (in millions)\n"
            "March 3, 2025     4.250% notes due 2030   $900\n"
            "4.900% notes due 2035                     600\n"
            "June 9, 2025      2-Year term loan at SOFR plus 1.1% due 2027  750\n\n"
            "Long-term debt consisted of the following:\n"
            "3.100% notes due 2026   $400   $400\n")
    ents = _ents(text, [("2025", "DATE", 1), ("March 3, 2025", "DATE", 1), ("$900", "MONEY", 1),
                        ("600", "MONEY", 1), ("June 9, 2025", "DATE", 1), ("750", "MONEY", 1),
                        ("$400", "MONEY", 1), ("$400", "MONEY", 2)])
    assert _read(text, issuance_events(text, ents)) == [
        ("4.250% notes due 2030", {"borrower": "we", "date": "March 3, 2025", "amount": "$900"}),
        ("4.900% notes due 2035", {"borrower": "we", "date": "March 3, 2025", "amount": "600"}),
        ("2-Year term loan", {"borrower": "we", "date": "June 9, 2025", "amount": "750"})]


def test_rows_of_rates_and_maturities_share_the_introducing_verb_and_date():
    text = ("In May 2025, we issued, through our finance subsidiary, the following senior unsecured notes:\n"
            "Interest Rate   Maturity Date   Principal\n"
            "4.60%           May 19, 2028    $2,000\n"
            "5.05%           May 19, 2035    1,500\n"
            "Total                           $3,500\n"
            "The notes rank equally with our other senior unsecured debt and are guaranteed by the parent company.\n")
    ents = _ents(text, [("May 2025", "DATE", 1), ("May 19, 2028", "DATE", 1), ("$2,000", "MONEY", 1),
                        ("May 19, 2035", "DATE", 1), ("1,500", "MONEY", 1), ("$3,500", "MONEY", 1)])
    found = issuance_events(text, ents)
    assert _read(text, found) == [
        ("issued", {"borrower": "we", "date": "May 2025", "amount": "$2,000"}),
        ("issued", {"borrower": "we", "date": "May 2025", "amount": "1,500"})]
    assert found[0]["table"] == (text.index("issued"), text.index("1,500") + len("1,500"))


def test_no_table_without_an_introduction_of_debt_issued():
    text = "We made the following payments to suppliers:\nVendor A   $500\n"
    assert issuance_events(text, _ents(text, [("$500", "MONEY", 1)])) == []
    text = "In 2025, we issued the following press releases:\nJanuary 5, 2025   $500\n"
    assert issuance_events(text, _ents(text, [("$500", "MONEY", 1)])) == []


def test_the_pipeline_gives_each_row_an_event_in_place_of_the_verbs(shipped_nlp):
    doc = shipped_nlp("Long-Term Debt\n\nIn 2025, Prism Works Inc. issued the following senior notes:\n\n"
                      "Interest Rate  Maturity Date  Principal Amount\n"
                      "4.550 %        February 2030  $500\n"
                      "4.950 %        February 2035  $750\n\n"
                      "The net proceeds from the issuances of the above notes will be used for general corporate "
                      "purposes, including the repayment of commercial paper.\n")
    financing = [{a["role"]: a["text"] for a in e["args"]} for e in doc._.events if e["type"] == "FINANCING"]
    assert [(f.get("amount"), f.get("borrower"), f.get("date")) for f in financing] == [
        ("$500", "Prism Works Inc.", "2025"), ("$750", "Prism Works Inc.", "2025")]
    assert {e["trigger"]["text"] for e in doc._.events if e["type"] == "FINANCING"} == {"issued"}
