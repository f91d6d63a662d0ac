"""EXECUTIVE_CHANGE for people listed together: one event per person."""
from extractors.components.linker.appointees import appointees


def _ents(text, names):
    return sorted((text.index(n), text.index(n) + len(n), "PERSON") for n in names)


def test_people_listed_with_ages_or_and():
    text = "Ana Ruiz, 56, and Ben Cole, 58, have been elected Co-Presidents. Later Cara Diaz joined."
    ents = _ents(text, ["Ana Ruiz", "Ben Cole", "Cara Diaz"])
    found = appointees(text, ents, ents[1][:2])
    assert [text[s:e] for s, e in found] == ["Ana Ruiz", "Ben Cole"]
    text = "The Board appointed Ana Ruiz and Ben Cole as Co-Chief Executive Officers."
    ents = _ents(text, ["Ana Ruiz", "Ben Cole"])
    assert [text[s:e] for s, e in appointees(text, ents, ents[0][:2])] == ["Ana Ruiz", "Ben Cole"]


def test_a_person_alone_or_apart_is_no_list():
    text = "Ana Ruiz was appointed Chief Financial Officer, replacing Ben Cole."
    ents = _ents(text, ["Ana Ruiz", "Ben Cole"])
    assert appointees(text, ents, ents[0][:2]) == []
    assert appointees(text, ents, (0, 3)) == []  # not a PERSON entity


def test_each_listed_person_is_an_event(shipped_nlp):
    text = "On May 3, 2024, the Board appointed Ana Ruiz and Ben Cole as Co-Presidents of the Company."
    events = [e for e in shipped_nlp(text)._.events if e["type"] == "EXECUTIVE_CHANGE"]
    assert sorted(a["text"] for e in events for a in e["args"] if a["role"] == "person") == ["Ana Ruiz", "Ben Cole"]
    assert {e["trigger"]["text"] for e in events} == {"appointed"}
