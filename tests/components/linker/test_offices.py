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
