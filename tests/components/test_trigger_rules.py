"""`sec_trigger_rules`: event triggers from cue rules."""
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


def test_rule_triggers_for_completed_deals_agreements_and_investments(entities):
    def found(text, types):
        doc = entities(text)
        add_rule_triggers(doc, types=types)
        return [(t.text, t.label_) for t in doc.spans.get("triggers", [])]
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
