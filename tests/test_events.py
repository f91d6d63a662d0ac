"""Event-record stages on text written for these tests: name aliases, rule triggers,
per-figure FINANCIAL_RESULT decoding, and the linker component's records."""
import re

import pytest

from extractors.names import org_aliases, person_aliases
from extractors.components.linker.results import decode_results
from extractors.components.trigger_rules import add_rule_triggers


@pytest.fixture(scope="module")
def nlp():
    from extractors.pipeline import rules_pipeline

    return rules_pipeline()


def entities(nlp, text: str):
    """`text` through the pipeline up to the entities (no triggers yet)."""
    with nlp.select_pipes(disable=["sec_trigger_rules", "sec_linker"]):
        return nlp(text)


def test_alias_forms():
    aliases, suffixed = org_aliases("Agilent Technologies, Inc.")
    assert suffixed and {"Agilent Technologies, Inc.", "Agilent Technologies", "Agilent"} <= aliases
    aliases, _ = org_aliases("General Widget Corporation")
    assert "General" not in aliases and "General Widget" in aliases
    assert person_aliases("Samuel J. Furrow, Jr.") >= {"Furrow"}
    assert person_aliases("TAC") == set() and person_aliases("Furrow") == set()


def test_short_names_of_an_unseen_company_are_tagged(nlp):
    doc = nlp("Quillfeather Robotics, Inc. reported results today. Quillfeather said demand was strong, "
              "and Mr. Tobias Lindgren, its Chief Executive Officer, said Lindgren would stay.")
    ents = {(e.text, e.label_) for e in doc.ents}
    assert ("Quillfeather", "ORG") in ents
    assert ("Lindgren", "PERSON") in ents


def test_rule_triggers_need_their_context(nlp):
    doc = entities(nlp, "At the annual meeting, the stockholders elected all nominees and approved the plan.")
    add_rule_triggers(doc)
    assert [(t.text, t.label_) for t in doc.spans["triggers"]] == [("elected", "SHAREHOLDER_VOTE")]
    doc = entities(nlp, "The committee approved the budget.")  # no vote words: no vote trigger
    add_rule_triggers(doc)
    assert "triggers" not in doc.spans or not len(doc.spans["triggers"])


def test_rule_triggers_skip_contingencies_and_board_votes(nlp):
    """SCHEMA: contingencies are no events; a vote of the board is no SHAREHOLDER_VOTE."""
    def votes(text):
        doc = entities(nlp, text)
        add_rule_triggers(doc, types=("SHAREHOLDER_VOTE",))
        return [t.text for t in doc.spans.get("triggers", [])]
    assert votes("At the annual meeting of stockholders, the stockholders approved the amended plan.") == ["approved"]
    assert votes("Under the bylaws, directors shall be elected by a majority of the votes cast.") == []
    assert votes("At the meeting, the Board of Directors approved the proposal to be put to stockholders.") == []
    assert votes("The nomination by the stockholders was approved by a vote of two-thirds of the directors.") == []


def test_rule_triggers_for_completed_deals_agreements_and_investments(nlp):
    def found(text, types):
        doc = entities(nlp, text)
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


def test_events_without_their_participant_are_dropped():
    from extractors.schema import has_core_roles

    change = {"type": "EXECUTIVE_CHANGE", "args": [{"role": "date"}]}
    assert not has_core_roles(change)
    assert has_core_roles({**change, "args": [{"role": "person"}]})
    assert has_core_roles({"type": "FINANCIAL_RESULT", "args": []})  # no core roles for results


def test_linker_drops_an_executive_change_with_no_person(nlp):
    from extractors.components.linker.component import EventLinker

    doc = nlp("In the quarter, the Company named its new distribution center Harborview.")
    at = doc.text.index("named")
    doc.spans["triggers"] = [doc.char_span(at, at + 5, label="EXECUTIVE_CHANGE")]
    assert [e["type"] for e in EventLinker(nlp, require_core_roles=False)(doc)._.events] == ["EXECUTIVE_CHANGE"]
    assert EventLinker(nlp)(doc)._.events == []


def test_results_one_event_per_figure(nlp):
    text = ("Net revenues were $87.4 million for the second quarter of 2023, compared with $78.0 million "
            "for the second quarter of 2022. The Company expects charges between $5 million and $7 million.")
    doc = nlp(text)
    events = decode_results(doc, [])
    values = [text[slice(*e["args"]["value"])] for e in events]
    assert values == ["$87.4 million", "$78.0 million", "$5 million"]  # the range's upper bound is no event
    first, second = events[0]["args"], events[1]["args"]
    assert text[slice(*first["metric"])] == "Net revenues" == text[slice(*second["metric"])]
    assert text[slice(*first["period"])] == "the second quarter of 2023"
    assert text[slice(*second["period"])] == "the second quarter of 2022"


def test_results_metric_is_the_measured_phrase(nlp):
    """The figure's metric is the phrase the figure measures: not a share of another
    metric (`31% of revenues`), an exclusion (`other than cost of revenues`), a relative
    clause listing components, a price (`par value $0.01 per share`) or a difference
    (`would have been $0.4 million lower`)."""
    text = ("Other cost of revenues, which consists primarily of hosting expenses and card processing charges, "
            "increased to $2.1 million, or 9% of revenues, in the third quarter of 2023. "
            "Operating expenses, other than cost of revenues, were $4.2 million in the third quarter of 2023, "
            "or 31% of revenues, compared to $3.9 million in the third quarter of 2022. "
            "Had exchange rates remained constant, our revenues would have been $0.4 million lower. "
            "Holders received one share of Class A Stock, par value $0.01 per share, for each unit. "
            "We contributed $1.5 million to our defined benefit plans.")
    doc = nlp(text)
    found = [(text[slice(*e["trigger"])], text[slice(*e["args"]["value"])]) for e in decode_results(doc, [])]
    assert found == [("Other cost of revenues", "$2.1 million"), ("Operating expenses", "$4.2 million"),
                     ("Operating expenses", "$3.9 million")]


def test_results_with_no_figure_are_events_only_when_generic(nlp):
    text = ("Brindlecomb Corp. today announced its financial results for the third quarter of 2021. "
            "The Company expects a net loss in fiscal 2022.")
    doc = nlp(text)
    found = [(m.start(), m.end()) for m in re.finditer(r"financial results|net loss", text)]
    events = decode_results(doc, [(a, b, 0.9) for a, b in found])
    assert [text[slice(*e["trigger"])] for e in events] == ["financial results"]
    assert text[slice(*events[0]["args"]["period"])] == "the third quarter of 2021"
    assert len(decode_results(doc, [(a, b, 0.9) for a, b in found], generic_only=False)) == 2


def test_announced_results_without_the_classifier(nlp):
    """An Item 2.02 statement of announced results is one event (GUIDELINES) even when
    the trigger classifier finds nothing; it needs the period after the phrase."""
    text = ("On May 2, 2024, Brindlecomb Corp. issued a press release announcing its financial results "
            "for the fiscal quarter ended March 31, 2024. Brindlecomb also reported results for 2023 "
            "of $4.1 million. The board reported its results for review.")
    doc = nlp(text)
    events = decode_results(doc, [])
    generic = [e for e in events if "value" not in e["args"]]
    assert [text[slice(*e["trigger"])] for e in generic] == ["financial results"]
    assert text[slice(*generic[0]["args"]["metric"])] == "financial results"
    assert text[slice(*generic[0]["args"]["period"])] == "the fiscal quarter ended March 31, 2024"
    assert not [e for e in decode_results(doc, [], announced=False) if "value" not in e["args"]]


def test_results_call_held_is_an_announced_results_event(nlp):
    """`held its ... earnings conference call` states that results were announced: one
    event, trigger and metric `earnings`, period the DATE before it."""
    text = ("On February 3, 2025, Brindlecomb Corp. held its fourth quarter 2024 earnings conference call, "
            "broadcast live by webcast. Brindlecomb will hold its annual meeting in May.")
    doc = nlp(text)
    generic = [e for e in decode_results(doc, []) if "value" not in e["args"]]
    assert [text[slice(*e["trigger"])] for e in generic] == ["earnings"]
    assert text[slice(*generic[0]["args"]["period"])] == "fourth quarter 2024"


def test_executive_change_rule_takes_a_board_seat_for_a_role(nlp):
    def found(text):
        doc = entities(nlp, text)
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


def test_a_result_stated_twice_is_one_event():
    from extractors.components.linker.results import one_per_fact

    def ev(trigger, amount, *roles):
        args = [{"role": "value", "value": {"amount": amount, "currency": "USD"}}] + [{"role": r} for r in roles]
        return {"type": "FINANCIAL_RESULT", "trigger": {"text": trigger}, "args": args}
    headline, body = ev("Net Earnings", 51e6), ev("Net earnings", 51e6, "period")
    other = ev("net earnings", 44e6, "period")
    assert one_per_fact([headline, body, other]) == [body, other]
    per_share = [ev("per share", 0.15, "period"), ev("per share", 0.15, "period")]
    assert one_per_fact(per_share) == per_share  # `per share` follows different metrics
    vote = {"type": "SHAREHOLDER_VOTE", "trigger": {"text": "approved"}, "args": []}
    assert one_per_fact([vote, vote]) == [vote, vote]


def test_suffixed_names_of_a_filing():
    from extractors.names import suffixed_names

    text = ("WHEREAS Quillfeather Robotics, Inc. and Brindle Systems Corp. entered into the Agreement. "
            "QUILLFEATHER ROBOTICS, INC. The Board of Directors of Quillfeather Robotics, Inc. met. "
            "The Company, Inc. is a defined term.")
    names = suffixed_names(text)
    assert names[:2] == ["Quillfeather Robotics, Inc.", "Brindle Systems Corp."]
    assert "Quillfeather Robotics, Inc." in names and not any(n.startswith(("Board", "Company", "WHEREAS"))
                                                              for n in names)


def test_filing_context_names_tag_a_short_name_in_an_excerpt(nlp):
    from extractors.contract import FilingContext, attach_context

    text = "Quillfeather reported higher revenues, and Quillfeather expects growth."
    doc = nlp(text)
    assert "Quillfeather" not in {e.text for e in doc.ents if e.label_ == "ORG"}
    doc = nlp.make_doc(text)
    attach_context(doc, FilingContext(names=("Quillfeather Robotics, Inc.",)))
    for _, pipe in nlp.pipeline:
        doc = pipe(doc)
    assert [e.text for e in doc.ents if e.label_ == "ORG"] == ["Quillfeather", "Quillfeather"]


def test_extract_carries_the_filer_name_into_every_window(nlp):
    from extractors.batch.extract import _windows, document_task
    from extractors.contract import filing_context

    text = "Brindle Systems Corp. signed the lease.\n\n" + "Brindle said sales rose.\n\n" * 40
    task = document_task({"id": "x", "text": text, "meta": {"company": "QUILLFEATHER ROBOTICS INC"}})
    windows = _windows(nlp, task, max_chars=300)
    assert len(windows) > 2
    for _, doc in windows:
        assert filing_context(doc).names[:2] == ("QUILLFEATHER ROBOTICS INC", "Brindle Systems Corp.")


def test_a_capitalised_conformed_name_tags_the_short_name(nlp):
    from extractors.contract import FilingContext, attach_context

    doc = attach_context(nlp.make_doc("Quillfeather reported higher revenues."),
                         FilingContext(names=("QUILLFEATHER ROBOTICS INC",)))
    for _, pipe in nlp.pipeline:
        doc = pipe(doc)
    assert [e.text for e in doc.ents if e.label_ == "ORG"] == ["Quillfeather"]


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
