"""COMPENSATION naming several people: one event per person, sharing the decision's trigger."""
from extractors.components.linker.awards import awards, paying_org, scope


def _ents(text, marked):
    return sorted((text.index(w), text.index(w) + len(w), label) for w, label in marked)


def test_one_award_per_person_with_their_own_role_and_amount():
    text = ("On May 2, 2024, the Committee approved retention awards to Dana Ostergaard, Chief Operating Officer, "
            "of $2 million, and to Lee Marlow, Treasurer, of $1 million.")
    ents = _ents(text, [("May 2, 2024", "DATE"), ("Dana Ostergaard", "PERSON"), ("Chief Operating Officer", "ROLE"),
                        ("$2 million", "MONEY"), ("Lee Marlow", "PERSON"), ("Treasurer", "ROLE"),
                        ("$1 million", "MONEY")])
    found = awards(text, ents, (0, len(text)))
    assert [{k: text[s:e] for k, (s, e) in a.items()} for a in found] == [
        {"person": "Dana Ostergaard", "role": "Chief Operating Officer", "amount": "$2 million"},
        {"person": "Lee Marlow", "role": "Treasurer", "amount": "$1 million"}]


def test_an_amount_stated_once_for_each_and_a_person_named_twice():
    text = "The awards go to Dana Ostergaard and Lee Marlow in the amount of $3 million each; Mr. Marlow accepted."
    again = text.rindex("Marlow")
    ents = _ents(text, [("Dana Ostergaard", "PERSON"), ("Lee Marlow", "PERSON"), ("$3 million", "MONEY")])
    ents = sorted(ents + [(again, again + len("Marlow"), "PERSON")])
    found = awards(text, ents, (0, len(text)))
    assert [(text[slice(*a["person"])], text[slice(*a["amount"])]) for a in found] == [
        ("Dana Ostergaard", "$3 million"), ("Lee Marlow", "$3 million")]


def test_one_person_or_one_family_name_twice():
    text = "Awards to Robert Quill, Sr. and Robert Quill, Jr. were approved; Dana Ostergaard alone got none."
    ents = _ents(text, [("Robert Quill, Sr.", "PERSON"), ("Robert Quill, Jr.", "PERSON")])
    assert len(awards(text, ents, (0, text.index(";")))) == 2  # father and son: two people
    assert awards(text, ents[:1], (0, len(text))) == []  # one person: the linker's own event stands


def test_the_scope_runs_into_an_introduced_list_and_stops_at_the_next_trigger():
    text = "The Committee approved awards to the following officers:\nDana Ostergaard $1\nLee Marlow $2\nIt signed."
    colon = text.index(":") + 1
    approved = text.index("approved")
    signed = text.index("signed")
    assert scope(text, (0, colon), (approved, approved + 8), [(signed, signed + 6)]) == (0, signed)
    assert scope(text, (0, colon - 1), (approved, approved + 8), []) == (0, colon - 1)
    later = text.index("awards")  # a trigger before it in the sentence starts its part
    assert scope(text, (0, colon), (later, later + 6), [(approved, approved + 8)])[0] == approved + 8


def test_the_paying_company_is_the_filer_as_the_report_names_it():
    """A pay decision without a company near its verb is the filer's: its name given a short
    form in brackets, else `the Company` in the sentence, else the last one before; none
    where the text names neither."""
    text = ('Harlow Dynamics Corp. (the "Company") announced results. Other news.\n'
            "On May 2, 2024, the Committee approved a retention award to Dana Ostergaard.")
    ents = _ents(text, [("Harlow Dynamics Corp.", "ORG"), ("May 2, 2024", "DATE"), ("Dana Ostergaard", "PERSON")])
    verb = text.index("approved")
    sentence = (text.index("On May"), len(text))
    assert text[slice(*paying_org(text, ents, (verb, verb + 8), sentence))] == "Harlow Dynamics Corp."
    text = "Salaries.\nThe Board of Directors of the Company approved a bonus for Lee Marlow."
    verb = text.index("approved")
    found = paying_org(text, [], (verb, verb + 8), (text.index("The Board"), len(text)))
    assert found == (text.index("the Company"), text.index("the Company") + len("the Company"))
    text = "The Registrant filed its report.\nBonuses.\nMr. Marlow will receive a bonus of $10,000."
    verb = text.index("receive")
    assert text[slice(*paying_org(text, [], (verb, verb + 7), (text.index("Mr."), len(text))))] == "The Registrant"
    text = "Mr. Marlow will receive a bonus of $10,000."
    assert paying_org(text, [], (text.index("receive"), text.index("receive") + 7), (0, len(text))) is None


def test_the_pipeline_gives_each_person_an_event(shipped_nlp):
    doc = shipped_nlp("On March 3, 2025, the Compensation Committee of Prism Works Inc. approved cash bonuses to "
                      "Dana Ostergaard, Chief Executive Officer, of $500,000 and to Lee Marlow, Chief Financial "
                      "Officer, of $250,000.")
    pay = [{a["role"]: a["text"] for a in e["args"]} for e in doc._.events if e["type"] == "COMPENSATION"]
    assert [(p.get("person"), p.get("amount")) for p in pay] == [("Dana Ostergaard", "$500,000"),
                                                                  ("Lee Marlow", "$250,000")]
    assert {p.get("date") for p in pay} == {"March 3, 2025"}


def test_two_of_one_family_named_in_full_are_two_people():
    from extractors.components.linker.awards import _same_person

    assert not _same_person("Erik B. Nordstrom", "Peter E. Nordstrom")
    assert _same_person("Gilbert L. Danielson", "Danielson") and _same_person("Gilbert L. Danielson", "Mr. Danielson")
    assert _same_person("Gilbert L. Danielson", "G. Danielson")
    assert not _same_person("Robert Loudermilk, Sr.", "Robert Loudermilk, Jr.")
