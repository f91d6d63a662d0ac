"""`sec_trigger_rules`: event triggers from cue rules."""
import pytest

from extractors.components.trigger_rules import add_rule_triggers


def test_rule_triggers_need_their_context(entities):
    doc = entities("At the annual meeting, the stockholders elected all nominees and approved the plan.")
    add_rule_triggers(doc)
    assert [(t.text, t.label_) for t in doc.spans["triggers"]] == [("elected", "SHAREHOLDER_VOTE")]
    doc = entities("The committee approved the budget.")  # no vote words: no vote trigger
    add_rule_triggers(doc)
    assert "triggers" not in doc.spans or not len(doc.spans["triggers"])


def test_rule_triggers_skip_contingencies_and_board_votes(entities):
    """SCHEMA: contingencies are no events; a vote of the board is no SHAREHOLDER_VOTE."""
    def votes(text):
        doc = entities(text)
        add_rule_triggers(doc, types=("SHAREHOLDER_VOTE",))
        return [t.text for t in doc.spans.get("triggers", [])]
    assert votes("At the annual meeting of stockholders, the stockholders approved the amended plan.") == ["approved"]
    assert votes("Under the bylaws, directors shall be elected by a majority of the votes cast.") == []
    assert votes("At the meeting, the Board of Directors approved the proposal to be put to stockholders.") == []
    assert votes("The nomination by the stockholders was approved by a vote of two-thirds of the directors.") == []


def _found(entities, text, types):
    doc = entities(text)
    add_rule_triggers(doc, types=types)
    return [(t.text, t.label_) for t in doc.spans.get("triggers", [])]


def _words(entities, text, event_type):
    """The trigger words the rule of `event_type` finds in `text`."""
    return [t for t, label in _found(entities, text, (event_type,)) if label == event_type]


def _finder(entities, event_type):
    """`_words` for one event type, as a function of the text."""
    return lambda text: _words(entities, text, event_type)


def _states(text, word, event_type="SHAREHOLDER_VOTE"):
    """Whether the cue `word` in `text` states an event of the type, a vote by default
    (trigger_rules.stated)."""
    from extractors.components.trigger_rules import stated
    at = text.index(word)
    return stated(event_type, text, at, at + len(word))


def test_rule_triggers_for_completed_deals_agreements_and_investments(entities):
    def found(text, types):
        return _found(entities, text, types)
    assert found("On May 2, 2022, Quillfeather Robotics, Inc. completed its previously announced acquisition of "
                 "Brindle Systems Corp.", ("ACQUISITION",)) == [("acquisition", "ACQUISITION")]
    assert found("Brindle Systems Corp. completed the sale of its Sensor Division.",
                 ("DISPOSITION",)) == [("sale", "DISPOSITION")]
    assert found("The acquisition-related costs of Brindle Systems Corp. were higher.", ("ACQUISITION",)) == []
    assert found("Quillfeather Robotics, Inc. also entered into a lease agreement with Brindle Systems Corp.",
                 ("AGREEMENT",)) == [("entered into", "AGREEMENT")]
    assert found("Quillfeather Robotics, Inc. invested approximately $2.5 million in the Series B preferred stock "
                 "of Brindle Systems Corp.", ("FINANCING",)) == [("invested", "FINANCING")]
    assert found("The 2022 Stock Plan was approved. The results of the voting were 9,000 votes for.",
                 ("SHAREHOLDER_VOTE",)) == [("approved", "SHAREHOLDER_VOTE")]


def test_executive_change_rule_takes_a_board_seat_for_a_role(entities):
    def found(text):
        doc = entities(text)
        add_rule_triggers(doc, types=("EXECUTIVE_CHANGE",))
        return [t.text for t in doc.spans.get("triggers", [])]
    assert found("On March 4, 2024, Thomas Lindgren was elected to the board of directors of "
                 "Brindle Systems Corp.") == ["elected"]
    assert found("On March 4, 2024, Thomas Lindgren informed the Company that he is resigning as a member of "
                 "the Company's Board of Directors.") == ["resigning"]
    assert found("On June 1, 2023, Maria Okafor told the Company that she will not stand for re-election "
                 "to the Board.") == ["not stand for re-election"]
    # a person and an election, but no office: no executive change
    assert found("Thomas Lindgren was elected mayor's favourite baker in 2019.") == []
    # `named executive officers` is a term of the proxy rules, not an appointment
    assert found("The committee set the salaries of the named executive officers, including "
                 "Thomas Lindgren, Chief Executive Officer.") == []


def test_rule_triggers_for_the_types_training_data_lacks(entities):
    """Issue 18's plain forms: auditor changes, bankruptcy petitions, listing notices,
    pay decisions, `has acquired`, a Class I director, biographies with a stated start."""
    def found(text, types):
        return _found(entities, text, types)
    assert found("On June 3, 2024, the Audit Committee dismissed Brindle & Holt LLP as the Company's independent "
                 "registered public accounting firm.", ("AUDITOR_CHANGE",)) == [("dismissed", "AUDITOR_CHANGE")]
    # ratifying the auditor is the holders' vote, not a change of auditor
    assert found("The stockholders voted to ratify the engagement of Brindle & Holt LLP as independent auditors.",
                 ("AUDITOR_CHANGE",)) == []
    assert found("On January 9, 2025, Quillfeather Robotics, Inc. filed a voluntary petition for relief under "
                 "Chapter 11 of the United States Bankruptcy Code.", ("BANKRUPTCY",)) == [("filed", "BANKRUPTCY")]
    assert found("Quillfeather Robotics, Inc. filed proofs of claim in the bankruptcy of its customer.",
                 ("BANKRUPTCY",)) == []
    assert found("On May 2, 2024, Quillfeather Robotics, Inc. received a written notice from Nasdaq stating that "
                 "it was not in compliance with Listing Rule 5550(a)(2).", ("DELISTING",)) == [("received", "DELISTING")]
    assert found("On May 1, 2023, the Compensation Committee approved an increase in the annual base salary of "
                 "Maria Okafor, Chief Financial Officer, to $900,000.", ("COMPENSATION",)) == [
        ("approved", "COMPENSATION")]
    assert found("At the annual meeting, the stockholders approved the 2023 Equity Incentive Plan.",
                 ("COMPENSATION",)) == []
    assert found("In 2021, Quillfeather Robotics, Inc. has acquired Brindle Systems Corp. for cash.",
                 ("ACQUISITION",)) == [("acquired", "ACQUISITION")]
    assert found("On April 26, 2005, the board elected Thomas Lindgren to serve as a Class I director.",
                 ("EXECUTIVE_CHANGE",)) == [("elected", "EXECUTIVE_CHANGE")]
    assert found("Maria Okafor has served as our Chief Financial Officer since 2018.",
                 ("EXECUTIVE_CHANGE",)) == [("served", "EXECUTIVE_CHANGE")]
    # an office with no start is no event (GUIDELINES wide reading 13)
    assert found("Maria Okafor has served as our Chief Financial Officer.", ("EXECUTIVE_CHANGE",)) == []


def test_rule_triggers_for_issues_of_securities_and_loans(entities):
    """FINANCING: an issue with its amount, a completed offering, a credit agreement
    entered into; not a press release issued, not an underwriting agreement."""
    def found(text):
        return _found(entities, text, ("FINANCING",))
    assert found("On May 3, 2021, Quillfeather Robotics, Inc. issued $400 million aggregate principal amount "
                 "of 3.25% Senior Notes due 2031.") == [("issued", "FINANCING")]
    assert found("Brindle Systems Corp. entered into a new $750 million revolving credit agreement with "
                 "Marlow Bank, N.A. on June 1, 2020.") == [("entered into", "FINANCING")]
    assert found("In 2023, Quillfeather Robotics, Inc. issued a total of $11.0 billion aggregate principal amount of "
                 "senior notes.") == [("issued", "FINANCING")]
    # a cash-flow statement's new debt
    assert found("Cash provided by financing activities included $8.6 billion of proceeds from long-term "
                 "borrowings of Brindle Systems Corp.") == [("borrowings", "FINANCING")]
    assert found("Quillfeather Robotics, Inc. issued a press release on the notes offering of $400 million.") == []
    assert found("Brindle Systems Corp. entered into an underwriting agreement for $400 million of notes "
                 "with Marlow Securities LLC.") == []
    # a loan agreed, its amount stated elsewhere (GUIDELINES reading 16), either order; not an
    # agreement that only extends one, nor an amendment without its terms
    assert found("On January 29, 2024, Brindle Systems Corp. entered into a new Five Year Credit Agreement "
                 "with Marlow Bank, N.A.") == [("entered into", "FINANCING")]
    assert found("The notes were part of a Five Year Credit Agreement that Brindle Systems Corp. entered into "
                 "on November 12, 2020.") == [("entered into", "FINANCING")]
    assert found("On July 28, 2022, Brindle Systems Corp. entered into a Revolving Credit and Security "
                 "Agreement with Marlow Bank, N.A.") == [("entered into", "FINANCING")]
    assert found("On July 21, 2023, Brindle Systems Corp. entered into an agreement to extend the maturity "
                 "date of its Senior Credit Facility.") == []
    assert found("On July 21, 2023, Brindle Systems Corp. entered into an amendment to its credit agreement "
                 "with Marlow Bank, N.A.") == []


@pytest.mark.parametrize("text,trigger", [
    ("On July 17, 2009, Brindle Systems Corp. issued 3,000,000 shares of its common stock to Ana Ruiz for cash "
     "of $900,000.", "issued"),
    ("On August 13, 1998, Brindle Systems Corp. borrowed $4,000,000 under its revolving credit agreement.", "borrowed"),
    ("We funded the purchase with a $30.0 million draw on our revolving credit facility.", "draw"),
    ("On July 17, 2009, 1,250,000 shares of common stock were sold by Brindle Systems Corp. at $0.30 per share.",
     "sold"),
    ("Brindle Systems Corp. announced the closing of a private placement of 2,875,000 shares for $11.5 million.",
     "placement"),
    ("In March 2024, we issued two series of senior unsecured notes for an aggregate principal amount of "
     "$1.2 billion.", "issued"),
])
def test_plain_forms_of_a_financing(entities, text, trigger):
    """FINANCING in the forms of small issuers' filings: shares sold for cash, a loan drawn, a
    sale in the passive, an offering closed."""
    assert _found(entities, text, ("FINANCING",)) == [(trigger, "FINANCING")]


@pytest.mark.parametrize("text,trigger,event_type", [
    ("On April 30, 2004, Elmstead Financial Corp. acquired all of the outstanding common stock of Coldspring "
     "Bancorp, Inc.", "acquired", "ACQUISITION"),
    ("On May 2, 2026, Fenlow Re Ltd. purchased all of the outstanding membership interests of Glenhollow "
     "Underwriting LLC.", "purchased", "ACQUISITION"),
    ("Dunleary Life was acquired by the Company in 2014.", "acquired", "ACQUISITION"),
    ("Millbrook Bancorp, Inc. will be acquired by Trestle Valley Bancorp, Inc.", "acquired", "ACQUISITION"),
    ("Eastbrook Midstream Partners, L.P. announced the completion of the sale of its 50% membership interest in "
     "Red Mesa Gathering Company, LLC.", "sale", "DISPOSITION"),
    ("Under the share repurchase program that our Board authorized on November 12, 2024 for up to 6,500,000 "
     "common shares, Altamesa Gold Corp. bought shares.", "authorized", "SHARE_REPURCHASE"),
    ("Under the prior program, 212,480 shares were bought back by Calder River Financial Corp. at $18.37 per "
     "share.", "bought back", "SHARE_REPURCHASE"),
    ("On June 17, 2024, Ravindra K. Menon commenced an adversary proceeding against Juniper Row Realty Trust, "
     "Inc.", "commenced an adversary proceeding", "LEGAL_PROCEEDING"),
    ("By stipulation of the parties, that court stayed the derivative action on March 11, 2024.", "stayed",
     "LEGAL_PROCEEDING"),
    # a biography's office held since a date
    ("Bernadette O'Keeffe has been Corporate Secretary since 1994.", "has been", "EXECUTIVE_CHANGE"),
    # round 11's plain forms: a year's part as a dividend's period, named notes issued, debt issued on a
    # date, a holding said sold, a deal completed as a transaction, subpoenas received, a facility replaced
    ("Quarterly dividends declared per share were $1.06 and $1.02 in the first three months of 2024 and 2023, "
     "respectively.", "declared", "DIVIDEND"),
    ("In the second quarter of 2023, we issued the 2023 Notes, which mature in 2025.", "issued", "FINANCING"),
    ("We repaid \u20ac750 million euro-denominated debt issued in February 2022.", "issued", "FINANCING"),
    ("The Company recognized a gain of $90 million on its investment in Pellucid Games, Inc. (Pellucid), which was "
     "sold in the current quarter.", "sold", "DISPOSITION"),
    ("On November 7, 2023, we completed a cash and stock transaction to acquire Tallow Brands.", "acquire",
     "ACQUISITION"),
    ("On April 28, 2023, Brindle Systems Corp. received subpoenas from the SEC.", "subpoenas", "LEGAL_PROCEEDING"),
    ("In May 2023, Brindle Systems Corp. replaced its $3.8 billion five-year credit agreement.", "replaced",
     "AGREEMENT"),
    # a dividend per share paid, a business divested, a building agreed to be sold
    ("We paid cash dividends of $1.20 per share during fiscal 2023.", "cash dividends", "DIVIDEND"),
    ("Brindle Systems Corp. paid a quarterly dividend of $0.25 per share in each quarter of 2023.",
     "quarterly dividend", "DIVIDEND"),
    ("In the third quarter of 2023, Brindle Systems Corp. divested its European distribution business.", "divested",
     "DISPOSITION"),
    ("Brindle Systems Corp. agreed to sell its headquarters building to Quill Realty LLC for $18.5 million.", "sell",
     "DISPOSITION"),
])
def test_plain_forms_cue_their_type(entities, text, trigger, event_type):
    assert _found(entities, text, (event_type,)) == [(trigger, event_type)]


@pytest.mark.parametrize("text,event_type", [
    # an office held before, with no start (the start is another clause's): none from `had been`
    ("Mr. Thomas had been Executive Vice President, a position he took in 2004.", "EXECUTIVE_CHANGE"),
    # a deal a law may stop
    ("No law prohibits or otherwise prevents the consummation of the acquisition of the common stock of Brindle "
     "Systems Corp. by Quillfeather Robotics, Inc.", "ACQUISITION"),
    # shares issued for no money
    ("On May 1, 2019, Brindle Systems Corp. issued 25,000 shares of common stock to its directors as their annual "
     "retainer.", "FINANCING"),
    # shares named by their buy-back, a program referred to: no buy-back
    ("An excise tax of $3.6 million was accrued on the repurchased shares during 2024.", "SHARE_REPURCHASE"),
    ("As of June 30, 2023, $4.6 billion remained available under the 2019 share repurchase program.",
     "SHARE_REPURCHASE"),
    # cases in general or supposed, and a trial court
    ("Brindle Systems Corp. is subject to a number of other lawsuits, investigations and disputes.",
     "LEGAL_PROCEEDING"),
    ("Brindle Systems Corp. would bear 12% of any settlement of the litigation.", "LEGAL_PROCEEDING"),
    # talks, an agreement named, a caption, one that may come
    ("In 2023, Quill Corp. commenced settlement negotiations with a number of the opt-out merchants.",
     "LEGAL_PROCEEDING"),
    ("In 2011, Quill Corp. signed a Quill Corp. settlement and judgment sharing agreement.", "LEGAL_PROCEEDING"),
    ("To protect its patent rights, Quill Corp. may file patent infringement lawsuits against generic companies.",
     "LEGAL_PROCEEDING"),
    # total dividends paid (GUIDELINES wide reading 14)
    ("In 2023, Quill Corp. paid dividends of $8.4 billion.", "DIVIDEND"),
])
def test_look_alikes_of_plain_forms_are_no_events(entities, text, event_type):
    assert _found(entities, text, (event_type,)) == []


def test_buy_back_authorisations_take_the_boards_verb(entities):
    """SHARE_REPURCHASE: `authorized a ... repurchase program` is triggered by the verb, and
    a classifier trigger inside the phrase gives way to it."""
    from spacy.tokens import Span
    text = ("On March 2, 2022, the Board of Brindle Systems Corp. authorized a $2 billion share repurchase "
            "program.")
    doc = entities(text)
    k = text.index("repurchase")
    doc.spans["triggers"] = [doc.char_span(k, k + len("repurchase"), label="SHARE_REPURCHASE")]
    doc.spans["triggers"].attrs["scores"] = [0.9]
    add_rule_triggers(doc, types=("SHARE_REPURCHASE",))
    assert [(t.text, t.label_) for t in doc.spans["triggers"]] == [("authorized", "SHARE_REPURCHASE")]
    assert isinstance(doc.spans["triggers"][0], Span)


def test_suits_take_the_filing_phrase(entities):
    """The trigger is the suit's noun through the filing verb (the wide gold names either)."""
    def found(text):
        return _found(entities, text, ("LEGAL_PROCEEDING",))
    assert found("On June 4, 2021, two derivative lawsuits were filed against Brindle Systems Corp. in the "
                 "Delaware Court of Chancery.") == [("lawsuits were filed", "LEGAL_PROCEEDING")]
    assert found("On July 8, 2023, Marlow Holdings LLC filed a putative class action complaint against Brindle "
                 "Systems Corp.") == [("filed a putative class action complaint", "LEGAL_PROCEEDING")]
    assert found("Marlow Holdings LLC sued Brindle Systems Corp. for breach of contract.") == [
        ("sued", "LEGAL_PROCEEDING")]


def test_repurchase_agreements_are_no_buy_backs():
    from extractors.schema import trigger_type
    assert trigger_type("SHARE_REPURCHASE", "Repurchase", " Agreement with the bank") is None
    assert trigger_type("SHARE_REPURCHASE", "repurchase", " program of up to $1 billion") == "SHARE_REPURCHASE"
    assert trigger_type("DISPOSITION", "acquisition") is None  # the classifier's confusion on an acquisition
    assert trigger_type("DISPOSITION", "sale") == "DISPOSITION"
    # `we repurchased 64 million shares` given as ACQUISITION is a buy-back
    assert trigger_type("ACQUISITION", "repurchased", " 64 million shares of our class A common stock") \
        == "SHARE_REPURCHASE"
    # an appeal or a suit given as pay is a case's step
    assert trigger_type("COMPENSATION", "appealed") == "LEGAL_PROCEEDING"
    assert trigger_type("COMPENSATION", "granted") == "COMPENSATION"
    # a judgment entered given as an agreement is a court's act
    assert trigger_type("AGREEMENT", "entered final", " judgment, awarding $2.1 billion") == "LEGAL_PROCEEDING"
    assert trigger_type("AGREEMENT", "entered into", " a credit agreement") == "AGREEMENT"


def test_pay_decisions_in_the_infinitive_and_grants_of(entities):
    def found(text):
        return _found(entities, text, ("COMPENSATION",))
    assert found("On March 1, 2023, the Committee determined to award stock options to Mr. Tom Quill, "
                 "the Chief Financial Officer.") == [("award", "COMPENSATION")]
    assert found("Mr. Tom Quill also received a grant of stock options to purchase 2,000 shares.") == [
        ("grant", "COMPENSATION")]


def test_pay_terms_of_an_agreement_and_pay_items_with_their_own_verb(entities):
    """GUIDELINES (lee8k v1.2): pay terms inside an agreement share its `entered into`; a pay
    item with its own verb takes it (`entitled`, not the `receive` after it); a pay agreement
    of companies (`separation and distribution agreement`) or a benefit one may only become
    eligible for is none."""
    def found(text):
        return _words(entities, text, "COMPENSATION")
    assert found("On May 3, 2025, the Company entered into an employment agreement with Mr. Tom Quill "
                 "providing for a base salary of $450,000.") == ["entered into"]
    assert found("Mr. Tom Quill will be entitled to receive severance benefits totaling $289,230.") == ["entitled"]
    assert found("Mr. Tom Quill will be paid an annual base salary of $500,000.") == ["paid"]
    assert found("Mr. Tom Quill will be eligible to receive a bonus to be determined by the Committee.") == []
    assert found("Mr. Tom Quill will continue to receive his current salary until June 30, 2025.") == []
    assert found("Quillfeather Inc. and Mr. Tom Quill's former employer entered into a separation and "
                 "distribution agreement.") == []


def test_what_a_vote_cue_does_not_state():
    """No vote: the board approving (`by the Company's Board`), the board enlarged to 9
    members electing a director, bylaw clauses (`shall have been elected`, `to be voted on`)."""
    assert not _states("The form of agreement was previously approved by the Company's Board of Directors.", "approved")
    assert not _states("The Board increased its size from 8 to 9 members and elected Ann Lee to the vacancy.",
                       "elected")
    assert not _states("Each director holds office until a successor shall have been elected by the stockholders.",
                      "elected")
    assert not _states("The inspectors shall decide all matters which are to be voted on by the stockholders.", "voted")
    assert _states("At the annual meeting, the Company's stockholders approved the 2009 Stock Plan.", "approved")
    assert _states("At the meeting, the members of the LLC approved the merger.", "approved")


def test_a_sale_of_notes_is_a_financing():
    from extractors.schema import trigger_type
    assert trigger_type("DISPOSITION", "sale", " of $250 million in aggregate principal amount of notes") == "FINANCING"
    assert trigger_type("DISPOSITION", "sale", " of the Securities and compliance with this Agreement") is None
    assert trigger_type("DISPOSITION", "sale", " of its camera module business to Marlow Inc.") == "DISPOSITION"


def test_pay_decisions_of_the_compensation_committee_naming_nobody(entities):
    assert _found(entities, "On January 18, 2024, the Compensation and Benefits Committee approved annual cash "
                            "incentive compensation under the plan.", ("COMPENSATION",)) == [
        ("approved", "COMPENSATION")]
    assert _found(entities, "On January 18, 2024, the Audit Committee approved the budget for the new plant.",
                  ("COMPENSATION",)) == []


def test_no_pay_decision_in_a_buy_back_or_a_bylaw_amendment(entities):
    assert _found(entities, "On November 19, 2024, the Board approved a new share repurchase program of $2 "
                            "billion; Mr. Tom Quill, the Chief Financial Officer, noted the compensation plans.",
                  ("COMPENSATION",)) == []
    assert _found(entities, "On May 1, 2024, the Board approved an amendment to Article II of the bylaws on the "
                            "compensation of Mr. Tom Quill.", ("COMPENSATION",)) == []


def test_a_credit_agreements_terms_are_a_financing_unless_only_extended(entities):
    """GUIDELINES reading 16: a credit facility entered into, or amended to change its
    amount, is a FINANCING; lee8k puts the trigger on the facility the agreement provides
    when the amount comes a sentence after the `entered into`. An amendment that only
    extends the term, or a facility a report merely describes, is none."""
    financing = _finder(entities, "FINANCING")
    assert financing("On May 11, 2023, Brindle Systems Corp. entered into a Five Year Credit Agreement with Hallam "
                     "Bank. The Credit Agreement provides for a $300 million unsecured credit facility that will "
                     "expire on May 11, 2028.") == ["unsecured credit facility"]
    assert financing("On May 18, 2023, Brindle Systems Corp. entered into the Second Amendment to its Revolving "
                     "Credit Agreement. The agreement provides, subject to certain terms and conditions, for "
                     "unsecured borrowings by the Company of up to $140 million.") == ["unsecured borrowings"]
    assert financing("The Amendment amends the Loan Facility to, among other things, extend the maturity date "
                     "until May 20, 2024 and increase the maximum commitment amount under the facility from "
                     "$175,000,000 to $200,000,000.") == ["increase"]
    assert financing("On December 12, 2023, Brindle Systems Corp. entered into an amendment to its credit "
                     "agreement, extending the maturity date to December 2028. The Credit Facility provides for "
                     "a $3.5 billion five-year unsecured revolving credit facility.") == []
    assert financing("The Credit Facility provides for a $3.5 billion five-year unsecured revolving credit "
                     "facility.") == []


def test_will_resign_and_was_succeeded_are_executive_changes(entities):
    found = _finder(entities, "EXECUTIVE_CHANGE")
    assert found("On February 8, 2024, Thomas Lindgren, Chief Executive Officer of Brindle Systems Corp., informed "
                 "the Company that he will resign from its Board of Directors.") == ["resign"]
    assert found("Effective November 14, 2023, Maria Okafor, Executive Vice President of Brindle Systems Corp., "
                 "was succeeded as Group President by Kay Halvorsen.") == ["succeeded"]


def test_a_choice_and_a_form_approved_in_principle_are_no_votes():
    """`elected to terminate` is a choice, not an election; `the form approved in principle
    by the shareholders` describes a form and reports no vote."""
    assert not _states("The Financier has not elected to terminate this arrangement.", "elected")
    assert not _states("Brindle will enter into an indemnity agreement with him in the form approved in principle by "
                    "Brindle shareholders.", "approved")
    assert _states("At the annual meeting, the stockholders elected to the Board the three nominees.", "elected")
    assert _states("At the annual meeting, the shareholders approved the 2024 Stock Plan.", "approved")


def test_a_decimal_point_ends_no_cue(entities):
    """`$1.5 billion` inside a cue's words: the decimal point is no sentence end."""
    assert ("entered into", "FINANCING") in _found(
        entities, "On March 20, 2023, Brindle Systems Corp. entered into a $1.5 billion 364-day credit agreement "
                  "with Hallam Bank.", ("FINANCING",))
    assert _found(entities, "On May 2, 2024, the Board of Brindle Systems Corp. authorized a $1.5 billion share "
                            "repurchase program.", ("SHARE_REPURCHASE",)) == [("authorized", "SHARE_REPURCHASE")]


def test_a_sale_agreed_is_a_disposition(entities):
    found = _finder(entities, "DISPOSITION")
    assert found("In January 2023, Brindle Systems Corp. executed an agreement with Hallam Energy Corporation to "
                 "sell its interest in Brindle Thailand Ltd.") == ["sell"]
    assert found("Quillfeather Robotics, Inc. agreed to sell certain assets of its camera module business to "
                 "Brindle Systems Corp.") == ["sell"]
    # no business or stake sold: products are no disposition
    assert found("Quillfeather Robotics, Inc. agreed to sell its robots to Brindle Systems Corp. at list "
                 "price.") == []


def test_each_person_named_opens_a_new_executive_change(entities):
    words = _finder(entities, "EXECUTIVE_CHANGE")
    assert words("On May 2, 2024, the Board announced that Mr. Orrin Blake will become Chief Executive Officer of "
                 "Zeta Widgets, Inc., and Ms. Dana Whitfield will become Chief Operating Officer.") == ["become", "become"]
    # the same change told twice, and a title described, are no second change
    assert words("Dana Whitfield, the Controller, has been elected to succeed Mr. Orrin Blake as Chief Financial "
                 "Officer.") == ["elected"]
    assert words("Ms. Dana Whitfield met Orrin Blake, the newly named Chief Financial Officer.") == []


def test_departures_and_hires_named_as_such(entities):
    """An officer leaving or hired, in the forms 8-K Item 5.02 reports use beside the verbs
    (`will step down`, `the departure of`, `will leave`, `was terminated as`, `the hiring of`);
    not the item's title, which names no departure."""
    words = _finder(entities, "EXECUTIVE_CHANGE")
    assert words("Ms. Dana Whitfield will step down as Chief Financial Officer on July 1, 2024.") == ["step down"]
    assert words("Zeta Widgets, Inc. today announced the departure of Chief Financial Officer Alan Ross, "
                 "effective September 30, 2024.") == ["departure"]
    assert words("Orrin Blake, the Chief Accounting Officer, will leave Zeta Widgets, Inc. on October 15, 2024.") == [
        "will leave"]
    assert words("Mr. Orrin Blake was terminated as Chief Executive Officer on August 2, 2024.") == ["terminated"]
    assert words("Zeta Widgets, Inc. announced the hiring of Dana Whitfield as its General Counsel.") == ["hiring"]
    assert words("Item 5.02 Departure of Directors or Certain Officers; Election of Directors.") == []


def test_an_agreement_executed_or_signed(entities):
    found = _finder(entities, "AGREEMENT")
    assert found("In November 2022, Brindle Systems Corp. executed an agreement with Hallam Energy Corporation for "
                 "the sale of its Santa Ynez unit.") == ["executed"]
    assert found("In March 2022, Brindle Systems Corp. signed agreements with Hallam Energy Corporation.") == [
        "signed"]


def test_will_become_and_named_in_a_suit(entities):
    assert _words(entities, "Thomas Lindgren will resign from Brindle Systems Corp. effective May 2, 2025, to "
                            "become the Chief Executive Officer of another company.", "EXECUTIVE_CHANGE") == [
        "resign", "become"]  # a DATE between: two clauses, two changes (the wide gold's reading)
    assert _words(entities, "Thomas Lindgren will resign from Brindle Systems Corp. to become the Chief Executive "
                            "Officer of another company.", "EXECUTIVE_CHANGE") == ["resign"]
    assert _words(entities, "Effective June 1, Maria Okafor will become Chief Executive Officer of Brindle "
                            "Systems Corp.", "EXECUTIVE_CHANGE") == ["become"]
    assert _found(entities, "On January 29, 2019, Brindle Systems Corp. was named in a putative class action brought "
                            "by Marlow Holdings LLC.", ("LEGAL_PROCEEDING",)) == [
        ("named in a putative class action", "LEGAL_PROCEEDING")]


def test_a_cases_later_steps_are_events_with_their_own_date(entities):
    """GUIDELINES reading 31: a court's or tribunal's act, a case dismissed, a party named as a
    defendant, litigation initiated: each a LEGAL_PROCEEDING on its verb, dated or not; an
    account of what a court may do is none."""
    words = _finder(entities, "LEGAL_PROCEEDING")
    assert words("On September 30, 2021, the court denied our motion to dismiss.") == ["denied"]
    # the verb with the instrument it makes: the wide gold names either (`issued`, `order`)
    assert words("In March 2022, the tribunal rendered a partial award in favour of the claimants.") == [
        "rendered a partial award"]
    # (and what the order does: the wide gold names the order's verb too, `confirming`)
    assert words("On December 8, 2022, the Bankruptcy Court issued an order confirming the plan.") == [
        "issued an order confirming"]
    # a trial held or set, dated, in a case; never a clinical trial
    assert words("The trial was held in the Tax Court from March through May 2018.") == ["trial was held"]
    assert words("In May 2023, Brindle Systems Corp. began a Phase 3 clinical trial of its drug.") == []
    # each dated clause of a sentence states its own step
    assert words("In December 2021, a class of Canadian investors filed suit against Brindle Systems Corp. in "
                 "Ontario and, in October 2022, a class of Israeli investors filed suit in Tel Aviv.") == [
        "filed suit", "filed suit"]
    assert words("In January 2024, the Brindle lawsuit was dismissed without prejudice.") == ["dismissed"]
    assert words("In July 2019, we were named as a defendant in a putative class action.") == ["named"]
    assert words("In June 2021, Marlow Holdings LLC initiated patent infringement litigation against "
                 "Brindle Systems Corp.") == ["initiated patent infringement litigation"]
    # a party's own steps: briefs, motions, appeals filed; a judgment obtained; a complaint amended
    assert words("Final post-trial briefs were filed in April 2019.") == ["filed"]
    # (the verb with what is filed: the wide gold names either, `filed` or `appeal`)
    assert words("On May 3, 2023, Brindle Systems Corp. filed a motion to dismiss the complaint.") == [
        "filed a motion"]
    assert words("In January 2021, the suit was voluntarily discontinued without prejudice.") == ["discontinued"]
    # with the adverbs a step carries; a stay is a step
    assert words("In 2004, the Wisconsin Case initially was stayed, pending the Georgia Case.") == ["stayed"]
    assert words("In May 2023, the Ohio lawsuit was subsequently voluntarily dismissed.") == ["dismissed"]
    assert "named" in words("Quill Corp. was first named as a defendant in asbestos lawsuits in 1985.")
    assert words("The court approved it in December 2019, which was upheld by the appellate court in March 2023.") \
        == ["approved", "upheld"]
    assert words("In the event of a global settlement in 2024, Brindle Systems Corp. would pay 12%.") == []
    assert words("In 2020, the Company obtained a summary judgment in its favor.") == ["summary judgment"]
    assert words("An amended complaint was filed on July 15, 2016.") == ["amended complaint"]
    assert words("On May 2, 2021, the defendants moved to dismiss the amended complaint.") == ["moved to dismiss"]
    # parties let go and cases dropped by those who brought them; papers served, motions filed with a court
    assert words("In May 2021, the Quill Corp. defendants were dismissed.") == ["dismissed"]
    assert words("In 2022, plaintiffs voluntarily dismissed both actions without prejudice.") == ["dismissed"]
    assert words("On March 4, 2022, Brindle Systems Corp. was served with the complaint.") == ["served"]
    assert words("In September 2019, the plaintiffs filed with the district court their motions for class "
                 "certification.") == ["filed"]
    assert "trial" not in words("In August 2021, the trial court issued an order granting class certification.")
    assert words("In May 2022, the tribunal further clarified the partial award.") == ["clarified the partial award"]
    # a court's act is a step dated or not (`The Federal Circuit affirmed the finding`)
    assert words("The court denied the motion.") == ["denied"]
    assert words("The Federal Circuit affirmed the finding of infringement.") == ["affirmed"]
    # a party's appeal and the case's moves, and a case named by its caption, then filed
    assert words("Plaintiffs have appealed the dismissal to the Court of Appeals.") == ["appealed"]
    assert words("In February 2020, the federal actions were transferred to the District of New Jersey.") == [
        "transferred"]
    assert words("On February 25, 2021, we removed the action to the federal court.") == ["removed"]
    assert words("A putative class action, Gumm v. Molinaroli, et al., Case No. 16-cv-1093, was filed in the "
                 "United States District Court for the Eastern District of Wisconsin.") == ["filed"]
    # a pre-trial conference is no trial; a complaint amended is filed with its verb
    assert words("On February 24, 2022, the parties attended a pre-trial conference in Delaware.") == []
    assert words("On February 15, 2017, the plaintiffs filed an amended complaint.") == ["filed an amended complaint"]
    assert words("On May 2, 2022, the court may have denied the motion.") == []  # a contingency


def test_career_verbs_of_a_biography(entities):
    """GUIDELINES wide reading 13: an office with a stated start, on its career verb; `joined`
    only with the office it joined as; `was` only before an office's capitalised name."""
    words = _finder(entities, "EXECUTIVE_CHANGE")
    assert words("From 2015 to 2019, Mr. Ostergaard served in roles of increasing responsibility at Prism Works "
                 "Inc., including Vice President, Finance, from 2017 to 2019.") == ["served"]
    assert words("Ms. Lund held a variety of positions at Prism Works Inc., including Treasurer from 2012 "
                 "to 2016.") == ["held"]
    assert words("From 2002 to 2006, he was General Manager for Prism Works Inc.") == ["was"]
    assert words("Ms. Lund joined Prism Works Inc. in 2011 and held marketing roles, including Treasurer "
                 "from 2012.") == ["held"]
    assert words("In 2005, he was promoted to Chief Financial Officer of Prism Works Inc.") == ["promoted"]


def test_an_agreement_ended_or_changed_and_a_merger_agreed(entities):
    assert _words(entities, "On January 29, 2024, Prism Works Inc. terminated the 2020 Agreement.", "AGREEMENT") == [
        "terminated"]
    assert _words(entities, "The facility, which was set to expire on May 1, 2027, was extended on May 3, 2024.",
                  "AGREEMENT") == ["extended"]
    assert _words(entities, "The Credit Agreement matures on July 25, 2026, unless extended or earlier terminated.",
                  "AGREEMENT") == []
    assert _words(entities, "On May 1, 2024, under the Securities Exchange Act of 1934, as amended, Prism Works Inc. "
                            "filed its agreements.", "AGREEMENT") == []
    assert _words(entities, "Under the merger agreement, Merger Sub will be merged with and into Marlow Holdings Inc.",
                  "ACQUISITION") == ["merged"]
    assert _words(entities, "Dividends will be declared at the discretion of the Board of Prism Works Inc.",
                  "DIVIDEND") == []


def test_a_biography_may_name_its_office_as_roles_served_in(entities):
    words = _finder(entities, "EXECUTIVE_CHANGE")
    assert words("Prior to joining Zeta, Ms. Dana Whitfield served in various finance leadership roles at Brindle "
                 "Systems Corp. from May 2007 through June 2019.") == ["served"]
    assert words("Ms. Dana Whitfield served in roles of increasing responsibility at Brindle Systems Corp. from "
                 "2001 until 2008.") == ["served"]
    # roles held with no start are no change (GUIDELINES wide reading 13)
    assert words("Ms. Dana Whitfield served in various finance leadership roles at Brindle Systems Corp.") == []


def test_a_biographys_pronoun_and_a_departure_without_an_office(entities):
    assert _words(entities, "Ann Lund joined in 1990. She was elevated to Chief Executive Officer in 2003.",
                  "EXECUTIVE_CHANGE") == ["elevated"]
    assert _words(entities, "On May 2, 2024, Tomas Ostergaard announced that he will retire from Prism Works Inc. "
                            "at the end of June 2024.", "EXECUTIVE_CHANGE") == ["will retire"]
    assert _words(entities, "He was elected Chief Financial Officer.", "EXECUTIVE_CHANGE") == []  # no date, no name


def test_an_officer_change_definitely_scheduled(entities):
    assert _words(entities, "It is anticipated that the Board will appoint Ann Lund as Chief Operating Officer of "
                            "Prism Works Inc.", "EXECUTIVE_CHANGE") == ["will appoint"]
    assert _words(entities, "Tomas Ostergaard will serve as Chief Executive Officer of Marlow Holdings Inc.",
                  "EXECUTIVE_CHANGE") == ["will serve as"]


def test_awards_granted_before_are_no_pay_decision(entities):
    assert _words(entities, "On May 2, 2024, the Compensation Committee granted Ann Lund stock options.",
                  "COMPENSATION") == ["granted"]
    assert _words(entities, "The plan covers shares received under equity awards granted to Ann Lund, the Chief "
                            "Financial Officer, in 2022.", "COMPENSATION") == []
    assert _words(entities, "Vesting of stock options previously granted to Ann Lund, the Chief Financial Officer, "
                            "was accelerated.", "COMPENSATION") == []


def test_a_condition_states_no_event_and_dividends_declared_describe_none():
    from extractors.components.trigger_rules import stated
    text = "If the settlement is approved by the Court, this action will be settled."
    at = text.index("approved")
    assert not stated("SHAREHOLDER_VOTE", text, at, at + len("approved"))
    text = "At the annual meeting, the stockholders approved the plan."
    at = text.index("approved")
    assert stated("SHAREHOLDER_VOTE", text, at, at + len("approved"))


def test_dividends_declared_describe_no_declaration(entities):
    assert _words(entities, "See the statement of equity for dividends declared on the Class A Common Stock.",
                  "DIVIDEND") == []
    assert _words(entities, "On May 2, 2024, the Board declared a quarterly dividend of $0.25 per share.",
                  "DIVIDEND") == ["declared"]


def test_a_years_dividend_per_share_stated_as_a_figure(entities):
    """GUIDELINES reading 14: a dividend per share of a stated year is an event; the total
    paid is none, and so is a dividend per share with no year."""
    words = _finder(entities, "DIVIDEND")
    assert words("Our annualized common stock dividend was $1.84 per share and $1.76 per share in 2023 and 2022, "
                 "respectively.") == ["dividend"]
    assert words("Quarterly dividends declared per share were $4.24 and $4.08 in 2024 and 2023, "
                 "respectively.") == ["declared"]
    assert words("Dividends paid were $455.5 million and $430.2 million in 2024 and 2023, respectively.") == []
    assert words("The quarterly dividend was $0.25 per share.") == []


def test_own_shares_purchased_under_a_program(entities):
    words = _finder(entities, "SHARE_REPURCHASE")
    assert words("During the first quarter of 2024, Zeta purchased 2 million shares of common stock, and in May "
                 "2024, 3.3 million shares were purchased. Under the program, $1 billion remains.") == [
        "purchased", "purchased"]
    # another company's shares, and no program in sight, are no buy-back
    assert words("Under the program, Zeta purchased 2 million shares of Brindle Systems Corp.") == []
    assert words("In May 2024, Zeta purchased 2 million shares of common stock from a founder.") == []


def test_a_dividend_changed_to_a_new_amount(entities):
    words = _finder(entities, "DIVIDEND")
    # the trigger runs from the verb to the dividend: it overlaps either reading of the gold
    assert words("The Board will reduce the quarterly dividend to $0.03 a share, from $0.17.") == [
        "reduce the quarterly dividend"]
    assert words("In 2024 we increased the annual dividend from $0.60 a share to $0.68 a share.") == [
        "increased the annual dividend"]
    assert words("In February our Board increased our regular quarterly dividend to $0.48 per share.") == [
        "increased our regular quarterly dividend"]
    assert words("Dividends paid rose to $4.30 billion, reflecting an increased dividend rate.") == []
    assert words("The Board raised the quarterly dividend to a level it did not state.") == []  # no amount


def test_investigations_arbitrations_and_actions_initiated(entities):
    words = _finder(entities, "LEGAL_PROCEEDING")
    assert words("In January 2023, Prism Works Inc. received a civil investigative demand from the Federal Trade "
                 "Commission.") == ["civil investigative demand"]
    assert words("Several legal actions were initiated against Prism Works Inc. in 2021.") == [  # the verb
        "initiated"]


def test_the_filer_named_generically_is_a_party_and_amounts_acquired_are_no_acquisition(entities):
    """`the Corporation` fills the filer's ORG roles (SCHEMA), so a sentence naming it holds the
    party a cue needs; `acquired $660 million of goodwill` acquires assets, not a company."""
    assert _words(entities, "In November 2022, the Corporation executed an agreement for the sale of its Santa "
                            "Ynez unit.", "AGREEMENT") == ["executed"]
    assert _words(entities, "The Company acquired $660 million of goodwill.", "ACQUISITION") == []
    assert _words(entities, "In May 2023, the Company acquired Brindle Systems Corp.", "ACQUISITION") == ["acquired"]


def test_a_sale_done_agreed_or_counted_is_a_disposition(entities):
    """`sold` + a business or stake; `an agreement for the sale of`; `included the sale of`;
    never products sold. A classifier's AGREEMENT on `sold` is a DISPOSITION (schema.RETYPE)."""
    from extractors.schema import trigger_type

    found = _finder(entities, "DISPOSITION")
    assert found("On January 2, 2024, Brindle Systems Corp. sold its Canada condiment business to Hallam "
                 "Foods Inc.") == ["sold"]
    assert found("In 2023, Brindle Systems Corp. sold 4 million robots to Hallam Foods Inc.") == []
    assert found("In November 2022, the Corporation executed an agreement for the sale of the Santa Ynez Unit.") \
        == ["sale"]
    assert trigger_type("AGREEMENT", "sold") == "DISPOSITION"
    # a business named as divested
    assert found("Net proceeds of $56.3 came primarily from the divested Quillfeather Snacks and Canada "
                 "condiment businesses.") == ["divested"]
    assert found("These businesses are considered for potential divestiture, restructuring or repositioning.") == []


def test_remaining_buy_back_capacity_is_no_buy_back_and_a_dated_step_needs_no_party(entities):
    from extractors.schema import has_core_roles

    assert _words(entities, "As of December 31, 2023, $1.41 billion remains available for repurchase under the "
                            "2021 repurchase program.", "SHARE_REPURCHASE") == []
    assert _words(entities, "In 2023, Brindle Systems Corp. repurchased 9.8 million shares for $1.0 billion.",
                  "SHARE_REPURCHASE") == ["repurchased"]
    step = {"type": "LEGAL_PROCEEDING", "args": [{"role": "date", "start": 3, "end": 15}]}
    assert has_core_roles(step) and not has_core_roles({**step, "args": []})


def test_dividends_and_capital_spending_are_no_results_and_pay_is_never_declared():
    from extractors.schema import trigger_type

    assert trigger_type("FINANCIAL_RESULT", "quarterly dividend") is None
    assert trigger_type("FINANCIAL_RESULT", "Capital expenditures") is None
    assert trigger_type("FINANCIAL_RESULT", "net sales") == "FINANCIAL_RESULT"
    assert trigger_type("COMPENSATION", "declared") is None


def test_acquisitions_by_name_and_loans_taken(entities):
    acquisitions, financings = _finder(entities, "ACQUISITION"), _finder(entities, "FINANCING")
    assert acquisitions("In January 2023, Brindle Systems Corp. acquired Hallam Robotics, Inc., a maker of arms.") \
        == ["acquired"]
    assert acquisitions("On July 13, 2023, the Corporation entered into an agreement to acquire Hallam Robotics, "
                        "Inc.") == ["acquire"]
    assert acquisitions("Brindle Systems Corp. integrated the recently acquired Hallam business.") == []
    assert financings("In 2023, Brindle Systems Corp. received net proceeds of $3.00 billion from the issuance of "
                      "fixed-rate, long-term debt.") == ["issuance"]
    assert financings("Brindle Systems Corp. used the proceeds to repay the amount borrowed under its Credit "
                      "Agreement of $500 million.") == []


def test_the_committee_and_option_grants_are_pay_words(entities):
    pay = _finder(entities, "COMPENSATION")
    assert pay("On March 1, 2023, the Committee determined to award stock option grants to the Executives.") == [
        "award"]
    assert pay("Mr. Loeb also received a grant of options on January 6, 2025 to purchase 2,200 shares.") == ["grant"]
    assert pay("The bonuses were based on pre-established measures set by the Committee.") == []


def test_a_suits_noun_phrase_is_one_trigger_and_other_settlements_are_no_cases(entities):
    legal = _finder(entities, "LEGAL_PROCEEDING")
    # one trigger for the suit: its filing cue takes the place of the noun it contains
    assert legal("On May 12, 2023, a private securities class action lawsuit was filed against Brindle Systems "
                 "Corp.") == ["lawsuit was filed"]
    assert legal("Hallam Inc. is the plaintiff in a putative class action complaint against Brindle Systems "
                 "Corp.") == ["putative class action complaint"]
    assert legal("Brindle Systems Corp. received $248 million for the final settlement of working capital.") == []
    assert legal("Brindle Systems Corp. repaid INR 22.6 billion ($284 million as of the date of settlement).") == []
    assert legal("Hallam Inc. said Brindle Systems Corp. breached the 2014 Settlement and License Agreement.") == []
    assert legal("The claims mirror the allegations in the March 30, 2023 putative class action complaint against "
                 "Brindle Systems Corp.") == []


def test_an_accelerated_repurchase_agreement_and_remaining_funds_are_no_buy_back(entities):
    from extractors.schema import trigger_type

    assert trigger_type("SHARE_REPURCHASE", "repurchase", " (ASR) agreements with certain banks") is None
    assert trigger_type("FINANCIAL_RESULT", "declared") is None
    assert _words(entities, "As of September 30, 2024, our share repurchase program had remaining authorized funds "
                            "of $13.1 billion.", "SHARE_REPURCHASE") == []


def test_agreements_closed_concluded_and_partnerships(entities):
    words = _finder(entities, "AGREEMENT")
    assert words("In February 2023, Brindle Systems Corp. and Hallam Bio closed a license and collaboration "
                 "agreement.") == ["closed"]
    assert words("In July 2023, Brindle Systems Corp. announced that we have partnered with Hallam Bio under a "
                 "research agreement.") == ["partnered"]
    assert words("Brindle Systems Corp. closed the quarter with record sales.") == []


def test_we_is_the_party_of_the_filers_deals_not_of_a_suit(entities):
    """GUIDELINES wide reading 3: `we` names the filer, a party to its sale; a contingency
    note's `We are involved in lawsuits` states no suit."""
    assert _words(entities, "On November 1, 2023, we sold our snacks business.", "DISPOSITION") == ["sold"]
    assert _words(entities, "In 2023, we are involved in lawsuits and claims.", "LEGAL_PROCEEDING") == []


def test_sales_that_gave_a_gain_or_were_agreed_with_a_buyer(entities):
    words = _finder(entities, "DISPOSITION")
    assert words("Other income included a net gain of $94 million related to the sale of our ownership "
                 "interests in a bottler.") == ["sale"]
    assert words("A loss on the refranchising of our bottling operations in Vietnam was recorded.") == ["refranchising"]
    assert words("In 2022 Zeta signed an agreement with Brindle Systems LLC for the sale of its pump unit.") == ["sale"]
    assert words("This included the sale of certain unproved assets in Romania.") == ["sale"]
    assert words("Revenue from the sale of our products rose 4%.") == []  # no gain, no agreement: a sale of goods


def test_settlements_reached_and_court_acts_after_a_long_court_name(entities):
    words = _finder(entities, "LEGAL_PROCEEDING")
    assert words("In March 2023, Zeta settled with all defendants in the patent case.") == ["settled"]
    assert words("In May 2024, the parties reached a settlement in the patent case.") == ["settlement"]
    assert words("On June 13, 2023, the U.S. District Court for the District of New Jersey ruled in Zeta's "
                 "favor.") == ["ruled"]
    assert words("In May 2024, Zeta settled its accounts payable with Brindle Systems LLC.") == []  # no case


def test_an_acquisition_named_by_what_was_bought(entities):
    words = _finder(entities, "ACQUISITION")
    assert words("In April 2022, Zeta acquired a 100% equity interest in Brindle Systems Ltd. for $325 million.") == [
        "acquired"]
    assert words("In March 2021, Zeta Corp. acquired a majority of the Corporate Services business of Brindle.") == [
        "acquired"]
    assert words("Zeta Corp. acquired additional businesses in 2021 for total consideration of $4.7 billion.") == ["acquired"]
    assert words("The recently acquired business of Zeta grew 4% in 2021.") == []


@pytest.mark.parametrize("sentence, cue, states", [
    ("Clients must fund their settlement obligations under the operating rules.", "settlement", False),
    ("Visa deposited the takedown payment into court-authorized settlement accounts.", "settlement", False),
    ("It received $466 million from the settlement of our equity investment in Post.", "settlement", False),
    ("The Company's maximum daily settlement exposure was $125.6 billion.", "settlement", False),
    ("Brindle granted the purchasers an option, for settlement within a period of 13 days, to buy notes.",
     "settlement", False),
    ("Losses arise between the date of a payment transaction and the date of subsequent settlement.", "settlement",
     False),
    ("There were 993 lawsuits pending in federal and state courts.", "lawsuits", False),
    ("Chevron is a party to a number of pending lawsuits.", "lawsuits", False),
    ("The Company intends to defend against the lawsuit vigorously.", "lawsuit", False),
    ("The Amended Settlement Agreement required an additional settlement payment of $900 million.", "settlement",
     True),
    ("In May 2023, a putative class action lawsuit was filed against the Company.", "lawsuit", True),
    ("A number of lawsuits have been filed against Pfizer in various federal courts.", "lawsuits", True),
])
def test_a_case_pending_defended_or_a_payments_settlement_is_no_case_step(sentence, cue, states):
    assert _states(sentence, cue, "LEGAL_PROCEEDING") is states



def test_a_cases_undated_steps_and_asides(entities):
    """The wide gold annotates a case's steps without a date of their own (reading 31), a
    filing with an aside before its verb, a settlement agreement's entry and a petition for
    review; the verb is the trigger (a suit filed: the suit through the verb)."""
    words = _finder(entities, "LEGAL_PROCEEDING")
    assert words("These various actions have been consolidated for pre-trial proceedings in Ohio.") == [
        "consolidated"]
    assert words("The parties have now settled the matter.") == ["settled"]
    assert words("Beginning in 2011, actions, including purported class actions, were filed in various "
                 "federal courts against Brindle Systems Corp.") == [
        "actions, including purported class actions, were filed"]  # the suit through its verb, as without
    assert words("Several complaints (the majority of which were styled as class actions) were filed in "
                 "federal courts.") == ["complaints (the majority of which were styled as class actions) were filed"]
    assert words("In September 2018, the parties to the litigation entered into a class settlement agreement "
                 "to resolve the claims.") == ["entered into"]
    assert words("In February 2022, the defendants filed for en banc review of the decision.") == ["filed"]
    assert words("The trial in the District Court has been rescheduled for January 29, 2024.") == ["trial"]
    assert words("The trial has been rescheduled for January 29, 2024 by the court.") == ["trial has been rescheduled"]
    assert words("Beginning in 2011, purported class actions relating to Widgetol were filed in federal courts.") \
        == ["actions relating to Widgetol were filed"]
    assert words("In light of the DOJ's letter of June 29, 2023, no criminal charges will be filed against "
                 "Brindle Systems Corp.") == []
    assert words("On August 3, 2023, the district court entered an order appointing a special master.") == [
        "entered an order appointing"]


@pytest.mark.parametrize("event_type, text, expected", [
    # deals in the passive or as a merger with a named company, spin-offs, debt issued in a period
    ("ACQUISITION", "Northwind Labs was acquired by Brindle Systems Corp. in 2003.", ["acquired"]),
    ("ACQUISITION", "In 2000, Brindle Systems Corp. merged with Northwind Labs Inc. to form Brindle Northwind.",
     ["merged"]),
    ("DISPOSITION", "Brindle Systems Corp. created a subsidiary, Northwind Labs Inc., which it spun off in 2002.",
     ["spun off"]),
    ("FINANCING", "Financing cash flows were driven by long-term debt issuances of $3.0 billion in 2022.",
     ["issuances"]),
    # a buy-back's own authorisation verb, not an announcement around it
    ("SHARE_REPURCHASE", "On December 10, 2021, Brindle Systems Corp. announced that its board of directors "
                         "authorized the repurchase of up to $5 billion of its common shares.", ["authorized"]),
    ("SHARE_REPURCHASE", "In 2018, the Board of Directors of Brindle Systems Corp. authorized purchases of up to $10 "
                         "billion of its common stock.", ["authorized"]),
    ("SHARE_REPURCHASE", "We bought shares under the $10 billion repurchase program authorized by our Board in "
                         "February 2022.", ["authorized"]),
])
def test_more_deal_and_buyback_forms(entities, event_type, text, expected):
    assert _finder(entities, event_type)(text) == expected


def test_pay_decided_for_officers_listed_in_a_past_proxy(entities):
    """A pay decision for the officers `set forth in the Company's proxy statement dated ...`
    is the committee's decision (a past proxy is where they are listed); a holders' vote on
    pay described in a proxy is none."""
    pay = _finder(entities, "COMPENSATION")
    assert pay("On March 1, 2023, the Compensation Committee approved salary increases for the Chief Financial "
               "Officer and the Named Executive Officers set forth in the Company's proxy statement dated April 7, "
               "2022.") == ["approved"]
    assert pay("On May 2, 2023, the shareholders approved the 2023 Equity Incentive Plan described in the proxy "
               "for the Chief Financial Officer.") == []


@pytest.mark.parametrize("text, expected", [
    ("During the second quarter of 2023, we converted 38.5 million of our Class B shares into Class A shares.",
     ["converted"]),
    ("On November 26, 2019, $14.0 billion of the outstanding notes were exchanged for new senior notes of Brindle "
     "Systems Corp.", ["exchanged"]),
    # a conversion a term provides for, one named before in the sentence, one into cash: none
    ("Interest accrues at 5.25% per annum until the principal hereof is converted into shares of common stock.", []),
    ("As a result of the conversion, all shares of Common Stock were converted into shares of Class A Common Stock.",
     []),
    ("Each share of Hallam common stock was converted into the right to receive $25.00 in cash.", []),
])
def test_securities_converted_or_exchanged(entities, text, expected):
    """A conversion done (into other securities) is a CONVERSION."""
    assert _finder(entities, "CONVERSION")(text) == expected


def test_repurchase_programs_approved(entities):
    assert _finder(entities, "SHARE_REPURCHASE")(
        "In December 2023 and 2022, our Board of Directors approved share repurchase programs of our Class A common "
        "stock authorizing us to repurchase up to $25.0 billion and $9.0 billion, respectively.") == ["approved"]


def test_an_agreement_or_loan_modified_or_renewed(entities):
    """A term loan modified (`modified and combined the 2022 Term Loan and the April 2023 Term
    Loan`) or an agreement renewed on a date is an AGREEMENT; `as amended, modified or
    supplemented from time to time` is none."""
    found = _finder(entities, "AGREEMENT")
    assert found("In July 2023, Brindle Systems Corp. modified and combined the 2022 Term Loan and the April 2023 "
                 "Term Loan.") == ["modified and combined"]
    assert found("This agreement with Hallam Inc. was renewed in August 2023 and expires in August 2028.") == [
        "renewed"]
    assert found("The notes were issued under an indenture, dated as of September 30, 1993 (as amended, modified "
                 "or supplemented from time to time), between Brindle Systems Corp. and Hallam Bank.") == []


def test_joining_as_an_officer(entities):
    """`Prior to joining PepsiCo in 1996 as a marketing vice president` states an office with its
    start (reading 13); `Prior to joining X, he served as Y` leaves the office to `served`."""
    found = _finder(entities, "EXECUTIVE_CHANGE")
    assert found("Prior to joining Brindle Systems Corp. in 1996 as a Vice President of Marketing, Mr. Dana Quill "
                 "worked at Hallam Inc.") == ["joining"]
    assert found("Mr. Dana Quill joined Brindle Systems Corp. in 2013 as its Chief Financial Officer.") == ["joined"]
    assert "joining" not in found("Prior to joining Brindle Systems Corp., he served as the Senior Vice President "
                                  "of Human Resources at Hallam Inc. from 2015 to 2021.")


def test_a_dividend_change_named_as_a_noun(entities):
    """`a 7% increase in our annualized dividend to $5.42 per share`: the trigger runs from the
    change to the dividend (both gold readings, as for `increased the dividend`)."""
    assert _finder(entities, "DIVIDEND")("On February 9, 2024, Brindle Systems Corp. announced a 7% increase in "
                                         "its annualized dividend to $5.42 per share from $5.06 per share.") == [
        "increase in its annualized dividend"]


def test_a_periods_buy_backs_stated_by_their_cost(entities):
    """SHARE_REPURCHASE: `purchase of treasury shares of $372.8`, `share repurchases of $1.0
    billion` state the period's buy-backs; a change in them (`lower share repurchases of`) none."""
    text = ("Cash used for financing activities in 2023 consisted of dividend payments of $430.2 million, "
            "and purchase of treasury shares of $367.5 million. In 2024 we returned $8.2 billion, comprising "
            "dividends of $7.2 billion and share repurchases of approximately $1.0 billion.")
    assert _found(entities, text, ("SHARE_REPURCHASE",)) == [
        ("purchase of treasury shares", "SHARE_REPURCHASE"), ("share repurchases", "SHARE_REPURCHASE")]
    assert _found(entities, "The change was due to lower share repurchases of $0.6 billion in 2023.",
                  ("SHARE_REPURCHASE",)) == []
