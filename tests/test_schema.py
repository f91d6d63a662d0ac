"""SCHEMA as data: trigger-word readings and the roles an event needs (extractors/schema.py)."""


def test_trigger_words_that_never_state_the_type():
    from extractors.schema import trigger_fits

    assert not trigger_fits("ACQUISITION", "convert") and trigger_fits("ACQUISITION", "acquired")
    assert not trigger_fits("EXECUTIVE_CHANGE", "acquired") and trigger_fits("EXECUTIVE_CHANGE", "appointed")
    assert not trigger_fits("FINANCIAL_RESULT", "sold") and trigger_fits("FINANCIAL_RESULT", "net sales")
    assert trigger_fits("SIGNATURE", "signed")


def test_a_trigger_whose_words_state_another_type_takes_it():
    from extractors.schema import trigger_type

    assert trigger_type("EXECUTIVE_CHANGE", "acquired") == "ACQUISITION"
    assert trigger_type("EXECUTIVE_CHANGE", "repurchased") == "SHARE_REPURCHASE"
    assert trigger_type("ACQUISITION", "convert") is None
    assert trigger_type("EXECUTIVE_CHANGE", "appointed") == "EXECUTIVE_CHANGE"
    assert trigger_type("EXECUTIVE_CHANGE", "sold") == "DISPOSITION"
    assert trigger_type("SHARE_REPURCHASE", "sued") == "LEGAL_PROCEEDING"
    # an office named for its function is an office (an officer table's title as the trigger)
    for office in ("Chief Sales Officer, U.S.", "Chief Purchasing Officer", "Chief Information Security Officer"):
        assert trigger_type("EXECUTIVE_CHANGE", office) == "EXECUTIVE_CHANGE"


def test_a_dividend_trigger_names_a_dividend_act():
    from extractors.schema import trigger_type

    for words in ("declared", "quarterly dividend", "increased", "dividends paid per share"):
        assert trigger_type("DIVIDEND", words) == "DIVIDEND"
    for words in ("filed", "subpoena", "divided"):
        assert trigger_type("DIVIDEND", words) is None
    assert trigger_type("DIVIDEND", "appealed") == "LEGAL_PROCEEDING"  # the words state a case's step (RETYPE)


def test_debt_bought_back_is_no_buy_back():
    from extractors.schema import trigger_type

    assert trigger_type("SHARE_REPURCHASE", "repurchase", " long-term borrowings and finance lease obligations") is None
    assert trigger_type("SHARE_REPURCHASE", "repurchased", " $500 million of its 4.05% senior notes due 2028") is None
    assert trigger_type("SHARE_REPURCHASE", "repurchased", " 4.2 million shares of common stock") == "SHARE_REPURCHASE"


def test_a_case_is_no_buy_back_nor_a_dividend_declared():
    from extractors.schema import trigger_type

    assert trigger_type("LEGAL_PROCEEDING", "repurchased", " 64 million shares") == "SHARE_REPURCHASE"
    assert trigger_type("LEGAL_PROCEEDING", "declared", " a quarterly cash dividend of $0.25") == "DIVIDEND"
    assert trigger_type("LEGAL_PROCEEDING", "declared", " the patent invalid") == "LEGAL_PROCEEDING"
    assert trigger_type("LEGAL_PROCEEDING", "filed", " a complaint") == "LEGAL_PROCEEDING"


def test_the_filers_own_stock_bought_is_a_buy_back():
    from extractors.schema import trigger_type

    after = " $487 million (4 million shares) of its common stock for its treasury"
    assert trigger_type("ACQUISITION", "purchased", after) == "SHARE_REPURCHASE"
    assert trigger_type("ACQUISITION", "purchased", " 2.5 million shares of our common stock") == "SHARE_REPURCHASE"
    assert trigger_type("ACQUISITION", "purchased", " all of the common stock of Harlow Dynamics") == "ACQUISITION"


def test_events_without_their_participant_are_dropped():
    from extractors.schema import has_core_roles

    change = {"type": "EXECUTIVE_CHANGE", "args": [{"role": "date"}]}
    assert not has_core_roles(change)
    assert not has_core_roles({"type": "DIVIDEND", "args": [{"role": "record_date"}]})
    assert has_core_roles({"type": "DIVIDEND", "args": [{"role": "amount"}]})
    assert has_core_roles({**change, "args": [{"role": "person"}]})
    assert has_core_roles({"type": "FINANCIAL_RESULT", "args": []})  # no core roles for results


def test_hedges_entered_into_are_no_agreement_and_appeals_and_issues_are_their_own_type():
    from extractors.schema import trigger_type

    assert trigger_type("AGREEMENT", "entered into", " interest rate swaps to achieve a targeted mix") is None
    assert trigger_type("AGREEMENT", "entered into", " cross currency swaps on our foreign debt") is None
    assert trigger_type("AGREEMENT", "entered into", " a $1.5 billion credit agreement") == "AGREEMENT"
    assert trigger_type("AGREEMENT", "appealed", " to the Dutch Supreme Court") == "LEGAL_PROCEEDING"
    assert trigger_type("AGREEMENT", "issued", " €650 million 3.50% Senior Notes due 2027") == "FINANCING"


def test_words_after_a_trigger_that_show_another_type():
    from extractors.schema import trigger_type

    # the filer's own shares sold are an issue of stock; a holding's shares sold stay a sale
    assert trigger_type("DISPOSITION", "sold", " 2,500,000 shares of common stock in a registered direct offering") \
        == "FINANCING"
    assert trigger_type("DISPOSITION", "sold", " 2,500,000 shares of common stock of Brindle Corp.") == "DISPOSITION"
    # a stake or a business sold is no money raised
    assert trigger_type("FINANCING", "sold", " its 40% interest in Brightwater Ltd. for $45 million") == "DISPOSITION"
    assert trigger_type("FINANCING", "sold", " $500 million of 5.25% senior notes") == "FINANCING"
    # a dividend's change approved is no case, and no second dividend beside the change's own trigger
    assert trigger_type("LEGAL_PROCEEDING", "approved", " an increase in the quarterly dividend to $0.30") is None
    assert trigger_type("LEGAL_PROCEEDING", "declared", " a quarterly cash dividend") == "DIVIDEND"
