"""`sec_linker`: the event records it writes."""


def test_linker_drops_an_executive_change_with_no_person(rules_nlp):
    from extractors.components.linker.component import EventLinker

    doc = rules_nlp("In the quarter, the Company named its new distribution center Harborview.")
    at = doc.text.index("named")
    doc.spans["triggers"] = [doc.char_span(at, at + 5, label="EXECUTIVE_CHANGE")]
    assert [e["type"] for e in EventLinker(rules_nlp, require_core_roles=False)(doc)._.events] == ["EXECUTIVE_CHANGE"]
    assert EventLinker(rules_nlp)(doc)._.events == []


def test_signed_only_in_the_signature_clause():
    from extractors.components.linker.component import in_signature_clause

    clause = "the registrant has duly caused this report to be signed on its behalf by the undersigned."
    at = clause.index("signed")
    assert in_signature_clause(clause, at, at + 6)
    instruction = ("INSTRUCTION: The form may be signed by an executive officer of the registrant or by any "
                   "other duly authorized representative.")
    at = instruction.index("signed")
    assert not in_signature_clause(instruction, at, at + 6)
    copies = "2. One signed original and four conformed copies of this form shall be filed."
    assert not in_signature_clause(copies, copies.index("signed"), copies.index("signed") + 6)


def test_vote_words_in_item_5_07_are_votes_and_the_board_approving_is_none(rules_nlp):
    """Sections in event typing (issue 19): in Item 5.07 a vote verb the classifier typed
    otherwise is a SHAREHOLDER_VOTE; elsewhere it keeps its type. A classifier vote whose
    sentence has the board acting is no vote (the rule triggers' check)."""
    from extractors.components.linker.component import EventLinker

    def types(text, word, label):
        doc = rules_nlp(text)
        at = doc.text.index(word)
        doc.spans["triggers"] = [doc.char_span(at, at + len(word), label=label)]
        return [e["type"] for e in EventLinker(rules_nlp, require_core_roles=False)(doc)._.events]
    vote = ("Item 5.07 Submission of Matters to a Vote of Security Holders.\n\nAt the annual meeting held on "
            "May 1, 2024, the stockholders elected Ann Lee as a director.")
    assert types(vote, "elected", "EXECUTIVE_CHANGE") == ["SHAREHOLDER_VOTE"]
    change = ("Item 5.02 Departure of Directors or Certain Officers.\n\nOn May 1, 2024, the Board elected "
              "Ann Lee as Chief Financial Officer.")
    assert types(change, "elected", "EXECUTIVE_CHANGE") == ["EXECUTIVE_CHANGE"]
    board = "On May 1, 2024, the Board of Directors approved the plan, subject to a vote of the stockholders."
    assert types(board, "approved", "SHAREHOLDER_VOTE") == []


def test_safe_harbor_sentences_hold_no_events(rules_nlp):
    """SCHEMA: boilerplate holds no events. A sale named among the risks of a
    forward-looking-statements paragraph is no DISPOSITION; the same words stated as
    news are one."""
    from extractors.components.linker.component import EventLinker
    from extractors.layout import is_safe_harbor

    def types(text):
        doc = rules_nlp(text)
        at = doc.text.index("sale")
        doc.spans["triggers"] = [doc.char_span(at, at + 4, label="DISPOSITION")]
        return [e["type"] for e in EventLinker(rules_nlp, require_core_roles=False)(doc)._.events]
    risk = ("Important factors that could cause actual results to differ materially from those in the "
            "forward-looking statements include the announced sale of the Tapley hydroelectric project.")
    assert is_safe_harbor(risk)
    assert types(risk) == []
    news = "On May 1, 2024, Brindle Systems Corp. completed the sale of the Tapley hydroelectric project."
    assert not is_safe_harbor(news)
    assert types(news) == ["DISPOSITION"]


REPURCHASES = """ISSUER PURCHASES OF EQUITY SECURITIES

Period                Total Number of Shares Purchased  Average Price Paid per Share  Total Number of Shares Purchased as Part of Publicly Announced Programs
4/1/2024 - 4/30/2024  —                                 —                             —
5/1/2024 - 5/31/2024  4,518,335                         $165.99                       4,518,335
6/1/2024 - 6/30/2024  4,491,564                         166.96                        4,491,564
Total                 9,009,899                         $166.48                       9,009,899

On May 2, 2024, the Board authorized a share repurchase program of up to $5 billion.
"""


def test_repurchase_table_one_event_per_month_with_a_purchase(rules_nlp):
    """GUIDELINES reading 15: each month row of a repurchase table is one buy-back (the
    header's phrase its trigger, shared), with shares, average price and period; a month
    with no purchase and the total row are none."""
    from extractors.components.linker.component import EventLinker

    doc = EventLinker(rules_nlp, require_core_roles=False)(rules_nlp(REPURCHASES))
    rows = [e for e in doc._.events if e["type"] == "SHARE_REPURCHASE"
            and e["trigger"]["text"] == "Total Number of Shares Purchased"]
    assert [{a["role"]: a["text"] for a in e["args"]} for e in rows] == [
        {"shares": "4,518,335", "amount": "$165.99", "date": "5/1/2024 - 5/31/2024"},
        {"shares": "4,491,564", "amount": "166.96", "date": "6/1/2024 - 6/30/2024"}]
    assert len({(e["trigger"]["start"], e["trigger"]["end"]) for e in rows}) == 1


def test_a_rule_10b5_1_trading_plan_states_no_event(shipped_nlp):
    """GUIDELINES wide reading 4: an officer's trading arrangement is no AGREEMENT."""
    said = "On May 1, 2023, Zeta Widgets, Inc. entered into a {}agreement with Brindle Systems LLC."
    assert [e["type"] for e in shipped_nlp(said.format("consulting "))._.events] == ["AGREEMENT"]
    assert shipped_nlp(said.format("Rule 10b5-1 trading "))._.events == []
    assert shipped_nlp(said.format("Rule 10b5\u20131 trading "))._.events == []  # written with an en dash
    assert shipped_nlp("Sales may continue until all trades under the trading arrangement entered into by "
                       "Brindle Holdings LLC on May 1, 2023 are completed.")._.events == []


def test_a_dividend_row_of_a_table_is_one_dividend_per_figure(shipped_nlp):
    """GUIDELINES wide reading 14: each per-share figure of a dividend row is an instalment;
    total dividends paid are none."""
    text = ("Market and Dividend Information\n\n                     2021    2022    2023\n"
            "Dividends per share  $0.15   $0.31   $0.93\nDividends paid       $410    $820    $1,230\n\n"
            "Brindle Systems Corp. has paid a dividend for 40 years.\n")
    found = [(e["trigger"]["text"], [a["text"] for a in e["args"]]) for e in shipped_nlp(text)._.events
             if e["type"] == "DIVIDEND"]
    assert found == [("Dividends per share", ["$0.15"]), ("Dividends per share", ["$0.31"]),
                     ("Dividends per share", ["$0.93"])]
    # a results table's dividend row whose label holds a verb: the row's events, not the verb's
    results = ("(in millions, except per share amounts)\n                         2026     2025\n"
               "Net income               $210     $188\n"
               "Dividends declared per share   $0.25    $0.22\n")
    found = [(e["trigger"]["text"], [a["text"] for a in e["args"]]) for e in shipped_nlp(results)._.events
             if e["type"] == "DIVIDEND"]
    assert found == [("Dividends declared per share", ["$0.25"]), ("Dividends declared per share", ["$0.22"])]


def test_a_retyped_classifier_trigger_and_a_rule_trigger_on_one_word_are_one_event(rules_nlp):
    """The classifier's `repurchased` typed EXECUTIVE_CHANGE reads as a SHARE_REPURCHASE (its
    words), where the repurchase rule put a trigger too: one event, not two alike."""
    from extractors.components.linker.component import EventLinker

    text = "During fiscal 2024, we repurchased 64 million shares of our common stock for $17.0 billion."
    doc = rules_nlp(text)
    at = text.index("repurchased")
    doc.spans["triggers"] = [doc.char_span(at, at + 11, label="EXECUTIVE_CHANGE"),
                             doc.char_span(at, at + 11, label="SHARE_REPURCHASE")]
    events = EventLinker(rules_nlp, require_core_roles=False)(doc)._.events
    assert [(e["type"], e["trigger"]["text"]) for e in events] == [("SHARE_REPURCHASE", "repurchased")]


def test_a_plan_the_holders_approved_is_their_vote_not_a_pay_decision(rules_nlp):
    """`our stockholders approved the ... Incentive Plan`, given as COMPENSATION, is a
    SHAREHOLDER_VOTE; the committee's approval stays a pay decision."""
    from extractors.components.linker.component import EventLinker

    def linked(text, word, label="COMPENSATION"):
        doc = rules_nlp(text)
        at = text.index(word)
        doc.spans["triggers"] = [doc.char_span(at, at + len(word), label=label)]
        return [e["type"] for e in EventLinker(rules_nlp, require_core_roles=False)(doc)._.events]

    assert linked("In May 2025, our stockholders approved the Brindle Systems Corp. 2025 Omnibus Incentive Plan.",
                  "approved") == ["SHAREHOLDER_VOTE"]
    assert linked("On May 2, 2025, the Compensation Committee approved a bonus of $500,000 for Dana Ostergaard.",
                  "approved") == ["COMPENSATION"]
    # given as a buy-back authorised, the holders' approval of a plan is no buy-back either
    assert "SHARE_REPURCHASE" not in linked("In May 2020, our stockholders approved the Brindle 2020 Omnibus "
                                            "Incentive Plan, under which 36 million shares may be issued.",
                                            "approved", "SHARE_REPURCHASE")
    assert linked("In May 2020, the Board approved a $5 billion share repurchase program.", "approved",
                  "SHARE_REPURCHASE") == ["SHARE_REPURCHASE"]


def test_a_dividend_per_share_paid_in_a_year_has_no_payment_date(shipped_nlp):
    events = shipped_nlp("We paid cash dividends of $1.20 per share during fiscal 2023.")._.events
    assert [(e["type"], [(a["role"], a["text"]) for a in e["args"]]) for e in events] == [
        ("DIVIDEND", [("amount", "$1.20")])]          # a year is no dividend's payment date
    declared = shipped_nlp("The Board declared a dividend of $0.10 per share payable on April 5, 2024.")._.events
    assert ("payment_date", "April 5, 2024") in [(a["role"], a["text"]) for e in declared for a in e["args"]]
