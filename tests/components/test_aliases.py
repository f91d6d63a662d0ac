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


def orgs_and_people(doc):
    return ([e.text for e in doc.ents if e.label_ == "ORG"], [e.text for e in doc.ents if e.label_ == "PERSON"])


def test_names_propagate_once_with_their_guards(rules_nlp):
    """Given names and surnames of people; a company's short name also where the text
    breaks it over a line, but not inside a plan's name nor where it is a plain word."""
    doc = rules_nlp("Quillfeather Robotics, Inc. appointed Mr. Tobias Lindgren as Chief Executive Officer.\n"
                    "Tobias joined Quillfeather\nRobotics in 2001; Lindgren said the Quillfeather Stock Plan "
                    "stays as it is.\nPrism Works, Inc. said the prism team grew. Prism agreed.")
    orgs, people = orgs_and_people(doc)
    assert people == ["Tobias Lindgren", "Tobias", "Lindgren"]
    assert "Quillfeather\nRobotics" in orgs and "Quillfeather" not in orgs  # not in `Quillfeather Stock Plan`
    assert "Prism" not in orgs  # the text writes `prism` as a word


def test_a_person_name_beats_an_unsuffixed_company_tag(rules_nlp):
    from spacy.tokens import Span

    from extractors.components.aliases import propagate

    doc = rules_nlp.make_doc("Alain Belda spoke. Then Alain answered. Alain Research called.")
    doc.ents = [Span(doc, 0, 2, "PERSON"), Span(doc, 5, 6, "ORG")]  # a classifier's slip
    propagate(doc)
    assert [(e.text, e.label_) for e in doc.ents] == [("Alain Belda", "PERSON"), ("Alain", "ORG")]


def test_a_companys_defined_name_is_a_company_wherever_it_is_written():
    """`Marlow Holdings AG (“Marlow Basel”)`: the defined name takes the company's label, at
    its definition and at its other mentions, however much it looks like a person's name."""
    import spacy
    from spacy.tokens import Span
    from extractors.components.aliases import defined_as_companies

    nlp = spacy.blank("en")
    doc = nlp("The Company signed with Marlow Holdings AG ( “ Marlow Basel ” ) . Marlow Basel will pay .")
    org = Span(doc, 4, 7, label="ORG")
    people = [Span(doc, 9, 11, label="PERSON"), Span(doc, 14, 16, label="PERSON")]
    doc.ents = [org, *people]
    assert [(e.text, e.label_) for e in defined_as_companies(doc).ents] == [
        ("Marlow Holdings AG", "ORG"), ("Marlow Basel", "ORG"), ("Marlow Basel", "ORG")]
    doc = nlp("Marlow Holdings AG hired Ann Lee . Ann Lee starts today .")
    doc.ents = [Span(doc, 0, 3, label="ORG"), Span(doc, 4, 6, label="PERSON"), Span(doc, 7, 9, label="PERSON")]
    assert [e.label_ for e in defined_as_companies(doc).ents] == ["ORG", "PERSON", "PERSON"]


def test_a_defined_acronym_or_quoted_short_name_is_the_company_everywhere(rules_nlp):
    """`Quillfeather Medical Systems (QMS)`: an acronym of the name's initials, and a quoted
    short name, tag the later mentions; a quoted defined term (`the “Class A Stock”`) does not."""

    from extractors.components.aliases import propagate

    text = ("Quillfeather Medical Systems (QMS) and Prism Works, Inc. (\u201cPrismatic\u201d) sold shares of "
            "Marlow Holdings AG (the \u201cClass A Stock\u201d). Later QMS and Prismatic paid for Class A Stock.")
    doc = rules_nlp.make_doc(text)
    names = ["Quillfeather Medical Systems", "Prism Works, Inc.", "Marlow Holdings AG"]
    doc.ents = [doc.char_span(text.index(n), text.index(n) + len(n), label="ORG") for n in names]
    orgs = [e.text for e in propagate(doc, rules_nlp.tokenizer).ents if e.label_ == "ORG"]
    assert orgs.count("QMS") == 2 and orgs.count("Prismatic") == 2
    assert "Class A Stock" not in orgs


def test_a_persons_surname_the_classifier_took_for_a_company_is_the_person(rules_nlp):
    from spacy.tokens import Span

    from extractors.components.aliases import propagate

    doc = rules_nlp.make_doc("Helmut Ostergaard will retire. Ostergaard joined in 2000.")
    doc.ents = [Span(doc, 0, 2, "PERSON"), Span(doc, 5, 6, "ORG")]  # a classifier's slip
    assert [(e.text, e.label_) for e in propagate(doc).ents] == [("Helmut Ostergaard", "PERSON"),
                                                                 ("Ostergaard", "PERSON")]


def test_a_one_word_person_that_the_document_names_as_a_company_is_the_company(rules_nlp):
    from spacy.tokens import Span

    from extractors.components.aliases import propagate

    doc = rules_nlp.make_doc("Teresa Graham, CEO Brindle Pharma, spoke. Under the Agreement, Brindle will pay Zeta.")
    doc.ents = [Span(doc, 0, 2, "PERSON"), Span(doc, 4, 5, "ORG"), Span(doc, 13, 14, "PERSON")]  # a classifier's slip
    assert [(e.text, e.label_) for e in propagate(doc).ents][1:] == [("Brindle", "ORG"), ("Brindle", "ORG")]
    # a surname of a person the document names stays a person
    doc = rules_nlp.make_doc("Kay Brindle spoke. CEO Brindle Pharma grew, and Brindle said so.")
    doc.ents = [Span(doc, 0, 2, "PERSON"), Span(doc, 5, 6, "ORG"), Span(doc, 10, 11, "PERSON")]
    assert [(e.text, e.label_) for e in propagate(doc).ents][-1] == ("Brindle", "PERSON")


def test_a_name_after_an_honorific_stays_a_person_though_a_company_bears_it(rules_nlp):
    doc = rules_nlp("The Board elected Thomas N. Ostergaard. Mr. Ostergaard chairs Ostergaard Sons Limited. "
                    "Ostergaard Sons grew, and Mr. Ostergaard said so.")
    labels = [(e.text, e.label_) for e in doc.ents if e.text == "Ostergaard"]
    assert labels == [("Ostergaard", "PERSON"), ("Ostergaard", "PERSON")]


def test_an_acronym_defined_for_no_company_is_no_org_here_or_in_its_filing(rules_nlp):
    """`monthly active people (MAP)`: every ORG tag on `MAP` goes, in the document that
    defines it and in any other part of its filing (the filing context's `not_names`);
    an acronym defined for a company stays."""
    from spacy.tokens import Span

    from extractors.components.aliases import propagate
    from extractors.contract import FilingContext, attach_context

    doc = rules_nlp.make_doc("Monthly active people (MAP) grew. MAP rose at Renal Care Solutions (RCS). RCS grew.")
    doc.ents = [Span(doc, 4, 5, "ORG"), Span(doc, 8, 9, "ORG"), Span(doc, 11, 14, "ORG"), Span(doc, 15, 16, "ORG"),
                Span(doc, 18, 19, "ORG")]  # a classifier's tags
    propagate(doc)
    assert [e.text for e in doc.ents] == ["Renal Care Solutions", "RCS", "RCS"]
    part = attach_context(rules_nlp.make_doc("MAP rose again."), FilingContext(not_names=("MAP",)))
    part.ents = [Span(part, 0, 1, "ORG")]
    assert list(propagate(part).ents) == []


def test_a_body_defined_by_its_acronym_is_an_org_and_so_is_the_acronym(rules_nlp):
    doc = rules_nlp("In May 2020, a review began by the Office of the Comptroller of the Currency (OCC). In July "
                    "2023, Brindle Systems Corp. reached a settlement with the OCC.")
    orgs, _ = orgs_and_people(doc)
    assert orgs[0] == "Office of the Comptroller of the Currency" and orgs.count("OCC") == 2



def test_a_hyphenated_person_named_after_a_company_is_its_unit():
    """`Kelun-Biotech`, with `Sichuan Kelun Pharmaceutical Co., Ltd.` in the document, is a company
    (a classifier trained on many hyphenated surnames took it for a person); `Mr. Fitzhugh-Obi` stays."""
    import spacy
    from spacy.tokens import Span

    from extractors.components.aliases import compounds_of_companies

    doc = spacy.blank("en")("Sichuan Kelun Pharmaceutical owns Kelun-Biotech ; Mr. Fitzhugh-Obi left .")
    doc.ents = [Span(doc, 4, 7, label="PERSON"), Span(doc, 9, 12, label="PERSON")]
    labels = [(e.text, e.label_) for e in compounds_of_companies(doc, {"Sichuan Kelun Pharmaceutical"}).ents]
    assert labels == [("Kelun-Biotech", "ORG"), ("Fitzhugh-Obi", "PERSON")]
