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
