"""`sec_aliases`: a name found once is a name everywhere in the document and its filing."""


def test_short_names_of_an_unseen_company_are_tagged(rules_nlp):
    doc = rules_nlp("Quillfeather Robotics, Inc. reported results today. Quillfeather said demand was strong, "
              "and Mr. Tobias Lindgren, its Chief Executive Officer, said Lindgren would stay.")
    ents = {(e.text, e.label_) for e in doc.ents}
    assert ("Quillfeather", "ORG") in ents
    assert ("Lindgren", "PERSON") in ents


def test_filing_context_names_tag_a_short_name_in_an_excerpt(rules_nlp):
    from extractors.contract import FilingContext, attach_context

    text = "Quillfeather reported higher revenues, and Quillfeather expects growth."
    doc = rules_nlp(text)
    assert "Quillfeather" not in {e.text for e in doc.ents if e.label_ == "ORG"}
    doc = rules_nlp.make_doc(text)
    attach_context(doc, FilingContext(names=("Quillfeather Robotics, Inc.",)))
    for _, pipe in rules_nlp.pipeline:
        doc = pipe(doc)
    assert [e.text for e in doc.ents if e.label_ == "ORG"] == ["Quillfeather", "Quillfeather"]


def test_a_capitalised_conformed_name_tags_the_short_name(rules_nlp):
    from extractors.contract import FilingContext, attach_context

    doc = attach_context(rules_nlp.make_doc("Quillfeather reported higher revenues."),
                         FilingContext(names=("QUILLFEATHER ROBOTICS INC",)))
    for _, pipe in rules_nlp.pipeline:
        doc = pipe(doc)
    assert [e.text for e in doc.ents if e.label_ == "ORG"] == ["Quillfeather"]
