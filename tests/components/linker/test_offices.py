"""EXECUTIVE_CHANGE in a biography: one event per office with its start (GUIDELINES wide reading 13)."""
import pytest


@pytest.fixture(scope="module")
def nlp(shipped_nlp):
    return shipped_nlp


def offices_of(nlp, text):
    return [{a["role"]: a["text"] for a in e["args"]} for e in nlp(text)._.events if e["type"] == "EXECUTIVE_CHANGE"]


def test_each_office_of_a_career_verb_is_an_event_with_its_start(nlp):
    found = offices_of(nlp, "Mr. Ostergaard served as Chief Executive Officer of Prism Works Inc. from 2019 to "
                            "2022, and as President of Marlow Holdings Inc. from 2015 to 2019.")
    assert [(o.get("role"), o.get("org"), o.get("date"), o.get("change")) for o in found] == [
        ("Chief Executive Officer", "Prism Works Inc.", "2019", "served"),
        ("President", "Marlow Holdings Inc.", "2015", "served")]
    assert {o.get("person") for o in found} == {"Ostergaard"}


def test_a_start_before_the_verb_dates_the_first_office(nlp):
    from extractors.components.linker.offices import offices

    text = "From 2002 to 2006, he was General Manager for Prism, and from 1999 to 2001, a Director of Marlow."
    ents = [(text.index(w), text.index(w) + len(w), label) for w, label in (
        ("2002", "DATE"), ("2006", "DATE"), ("General Manager", "ROLE"), ("Prism", "ORG"), ("1999", "DATE"),
        ("2001", "DATE"), ("Director", "ROLE"), ("Marlow", "ORG"))]
    was = text.index("was")
    found = offices(text, ents, (was, was + 3), (0, len(text)))
    assert [{k: text[s:e] for k, (s, e) in o.items()} for o in found] == [
        {"date": "2002", "role": "General Manager", "org": "Prism"},
        {"date": "1999", "role": "Director", "org": "Marlow"}]
    assert offices(text, ents[:4], (was, was + 3), (0, len(text))) == []  # one office: the linker's event stands


BIOGRAPHY_LIST = ("Executive Officers of the Registrant\n\n"
                  "Solvei Quarrington, 57\n\n"
                  "  2019 to present \u2014 Executive Vice President, Human Resources.\n\n"
                  "  2013 to 2019 \u2014 Divisional Vice President, Compensation.\n\n"
                  "  Elected Corporate Officer \u2014 2019.\n")


def test_listed_person_is_the_name_above_a_biography_lists_line():
    from extractors.components.linker.offices import listed_person

    text = BIOGRAPHY_LIST
    person = (text.index("Solvei"), text.index(", 57"))
    ents = [(*person, "PERSON")]
    line = text.index("Executive Vice President")
    assert listed_person(text, ents, (line, line + 24)) == person
    prose = "Solvei Quarrington, 57, leads the team. The Executive Vice President spoke."
    assert listed_person(prose, [(0, 18, "PERSON")], (prose.index("Executive"), prose.index(" spoke"))) is None


def test_each_line_of_a_biography_list_is_an_officer_change_of_its_person(shipped_nlp):
    events = [e for e in shipped_nlp(BIOGRAPHY_LIST)._.events if e["type"] == "EXECUTIVE_CHANGE"]
    people = {a["text"] for e in events for a in e["args"] if a["role"] == "person"}
    assert people == {"Solvei Quarrington"}
    assert {e["trigger"]["text"] for e in events} >= {"Executive Vice President, Human Resources", "Elected"}


OFFICER_TABLE = ("Name                 Age  Position\n"
                 "Solvei Quarrington   57   Executive Vice President since March 2021 and Chief People Officer "
                 "since June 2018 when she joined the Company. Senior Vice President from June 2018 to February 2021. "
                 "Served as Director of Talent of Marlow Holdings Inc. from May 2012 to May 2018.\n"
                 "Tobias Wennerholm    61   President, Nordic operating unit since January 2020, and prior to that, "
                 "Vice President, Finance from April 2015 to December 2019.\n")


def test_office_row_triggers_are_the_offices_that_begin_a_stated_term():
    from extractors.components.trigger_rules import office_row_triggers

    text = OFFICER_TABLE
    ents = sorted((text.index(w), text.index(w) + len(w), label) for w, label in (
        ("Solvei Quarrington", "PERSON"), ("Executive Vice President", "ROLE"), ("March 2021", "DATE"),
        ("Chief People Officer", "ROLE"), ("June 2018", "DATE"), ("Senior Vice President", "ROLE"),
        ("June 2018 to", "DATE"), ("February 2021", "DATE"), ("Director of Talent", "ROLE"),
        ("Marlow Holdings Inc.", "ORG"), ("May 2012", "DATE"), ("May 2018", "DATE")))
    ents = [(s, e - 3, lab) if text[s:e] == "June 2018 to" else (s, e, lab) for s, e, lab in ents]
    found = [text[s:e] for s, e in office_row_triggers(text, ents)]
    # `Served as ...` has its verb (the biography cue's); the header line is no row
    assert found == ["Executive Vice President", "Chief People Officer", "Senior Vice President"]
    prose = "Solvei Quarrington has been Executive Vice President since March 2021."
    assert office_row_triggers(prose, [(28, 52, "ROLE"), (59, 69, "DATE")]) == []


def test_each_office_of_an_officer_tables_row_is_a_change_of_the_rows_person(shipped_nlp):
    events = [{a["role"]: a["text"] for a in e["args"]} for e in shipped_nlp(OFFICER_TABLE)._.events
              if e["type"] == "EXECUTIVE_CHANGE"]
    found = {(e.get("person"), e.get("role"), e.get("date")) for e in events}
    assert ("Solvei Quarrington", "Senior Vice President", "June 2018") in found
    assert ("Tobias Wennerholm", "Vice President, Finance", "April 2015") in found
    assert not any(e.get("change") for e in events if e.get("role") == "Senior Vice President")


# an officer table whose first column holds each officer's titles too, and whose terms stand in brackets
TITLED_OFFICER_TABLE = (
    "Name and Title                                                                  Age  Business Experience\n"
    "Solvei Quarrington, Executive Vice President and Global Chief Sales Officer      57   Executive Vice "
    "President and Global Chief Sales Officer (since March 2021); Senior Vice President, Sales "
    "(June 2018 to February 2021); Director of Talent (2016 to May 2018) at Marlow Holdings Inc.\n")


def test_the_offices_of_a_titled_officer_table_begin_their_bracketed_terms(shipped_nlp):
    events = [{a["role"]: a["text"] for a in e["args"]} for e in shipped_nlp(TITLED_OFFICER_TABLE)._.events
              if e["type"] == "EXECUTIVE_CHANGE"]
    found = {(e.get("person"), e.get("date")) for e in events}
    assert {("Solvei Quarrington", "March 2021"), ("Solvei Quarrington", "June 2018")} <= found
    # a sales office is an office, not a sale
    assert not [e for e in shipped_nlp(TITLED_OFFICER_TABLE)._.events if e["type"] == "DISPOSITION"]
