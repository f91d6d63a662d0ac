"""The rules + classifier merge policy (extractors/components/merge.py) on hand-built spans."""
import numpy
import pytest
import spacy
from spacy.tokens import Span

from extractors.components.merge import merge_spans


def _doc(text, rules, model, nlp=None):
    """A Doc of `text` (tokenized by `nlp`, default a blank English pipeline) with rule and
    classifier spans given by their tokens' texts joined by spaces."""
    doc = (nlp or spacy.blank("en")).make_doc(text)

    def span(words, label):
        toks = [t.text for t in doc]
        for i in range(len(toks)):
            if toks[i:i + len(words)] == words:
                return Span(doc, i, i + len(words), label=label)
        raise AssertionError(words)

    doc.spans["rules"] = [span(w.split(), l) for w, l in rules]
    doc.spans["sc"] = [span(w.split(), l) for w, l, _ in model]
    doc.spans["sc"].attrs["scores"] = numpy.array([s for _, _, s in model], dtype="f")
    return doc


def ents(doc):
    return [(e.text, e.label_) for e in doc.ents]


def test_valued_rule_spans_outrank_the_classifier():
    doc = _doc("It paid $ 5 million on May 2 , 2022 .",
               [("$ 5 million", "MONEY"), ("May 2 , 2022", "DATE")],
               [("5 million", "MONEY", 0.99), ("May 2", "DATE", 0.9)])
    assert ents(merge_spans(doc)) == [("$ 5 million", "MONEY"), ("May 2 , 2022", "DATE")]


def test_classifier_outranks_rules_for_names_and_low_scores_are_dropped():
    doc = _doc("Mr. Ada Byron joined Acme .",
               [("Mr. Ada Byron", "PERSON"), ("Acme", "ORG")],
               [("Ada Byron", "PERSON", 0.8), ("Acme", "PERSON", 0.3)])
    assert ents(merge_spans(doc)) == [("Ada Byron", "PERSON"), ("Acme", "ORG")]
    assert ents(merge_spans(_doc("Mr. Ada Byron joined Acme .", [("Acme", "ORG")],
                                 [("Ada Byron", "PERSON", 0.8)]), use_rules=False)) == [("Ada Byron", "PERSON")]


def test_a_state_suing_outranks_the_classifiers_person():
    from extractors.components.rules.context import GOVERNMENT_PARTY_SOURCE
    doc = _doc("State of New Hampshire v. Acme .", [("State of New Hampshire", "ORG")],
               [("Hampshire", "PERSON", 0.9)])
    doc.spans["rules"][0]._.source = GOVERNMENT_PARTY_SOURCE
    assert ents(merge_spans(doc)) == [("State of New Hampshire", "ORG")]
    doc = _doc("State of New Hampshire v. Acme .", [("State of New Hampshire", "ORG")],
               [("Hampshire", "PERSON", 0.9)])  # any other rule's ORG gives way
    assert ents(merge_spans(doc)) == [("Hampshire", "PERSON")]


def test_org_is_widened_to_the_rule_boundary_over_name_words_only():
    doc = _doc("Quillfeather Robotics , Inc. appointed her .",
               [("Quillfeather Robotics , Inc.", "ORG"), ("Quillfeather", "ORG")],
               [("Robotics , Inc.", "ORG", 0.9)])
    assert ents(merge_spans(doc)) == [("Quillfeather Robotics , Inc.", "ORG")]
    assert ents(merge_spans(doc, extend_to_rules=False)) == [("Quillfeather", "ORG"), ("Robotics , Inc.", "ORG")]
    bracket = _doc("Brindle Holdings ( Belmont ) , Inc. signed .",
                   [("Brindle Holdings ( Belmont ) , Inc.", "ORG")],
                   [("Brindle Holdings", "ORG", 0.9), ("Belmont ) , Inc.", "ORG", 0.8)])
    assert ents(merge_spans(bracket)) == [("Brindle Holdings ( Belmont ) , Inc.", "ORG")]
    firm = _doc("Brindle Lynch , Pierce , Hallam & Smith Incorporated will act .",
                [("Brindle Lynch , Pierce , Hallam & Smith Incorporated", "ORG")], [("Brindle Lynch", "ORG", 0.9)])
    assert ents(merge_spans(firm)) == [("Brindle Lynch , Pierce , Hallam & Smith Incorporated", "ORG")]
    board = _doc("The Board of Directors of Acme Inc. met .",
                 [("Board of Directors of Acme Inc.", "ORG")], [("Acme Inc.", "ORG", 0.9)])
    assert ents(merge_spans(board)) == [("Acme Inc.", "ORG")]


def test_person_candidates_hold_no_number_and_are_not_one_coined_word():
    doc = _doc("Acme granted Ms. Vantongeren 6,000 Units , and BrightClick merged with McDonald .",
               [("BrightClick", "ORG")],
               [("Vantongeren 6,000 Units", "PERSON", 0.8), ("Vantongeren", "PERSON", 0.6),
                ("BrightClick", "PERSON", 0.9), ("McDonald", "PERSON", 0.9)])
    assert ents(merge_spans(doc)) == [("Vantongeren", "PERSON"), ("BrightClick", "ORG"), ("McDonald", "PERSON")]


def test_person_candidates_hold_no_slash_nor_a_cut_suffix():
    doc = _doc("BOSTON , May 1 /PRNewswire/ -- Delphi S. r.l and Ada Byron agreed .", [],
               [("/PRNewswire/", "PERSON", 0.8), ("Delphi S. r.l", "PERSON", 0.8), ("Ada Byron", "PERSON", 0.9)])
    assert ents(merge_spans(doc)) == [("Ada Byron", "PERSON")]


def test_role_candidates_need_an_office_word():
    doc = _doc("Brindle , its Chief Financial Officer , met Vantongeren .", [],
               [("Brindle", "ROLE", 0.6), ("Chief Financial Officer", "ROLE", 0.9), ("Vantongeren", "ROLE", 0.7)])
    assert ents(merge_spans(doc)) == [("Chief Financial Officer", "ROLE")]


def test_role_rule_spans_outrank_the_classifier():
    doc = _doc("Ms. Ito , Senior Vice President , Finance , resigned .",
               [("Senior Vice President , Finance", "ROLE")], [("Senior Vice President", "ROLE", 0.95)])
    assert ents(merge_spans(doc)) == [("Senior Vice President , Finance", "ROLE")]
    assert ents(merge_spans(doc, rule_labels=("MONEY",))) == [("Senior Vice President", "ROLE")]


def test_places_and_street_addresses_are_no_names():
    """extractors.places: a state, a country, a city before its state, a name inside a street
    address are never PERSON/ORG; after an honorific a place word is a person's name."""
    doc = _doc("Its offices in Atlanta , Georgia and Hong Kong are at One Apple Park Way ; Mr. Jordan agreed .", [],
               [("Atlanta", "ORG", 0.9), ("Georgia", "ORG", 0.9), ("Hong Kong", "ORG", 0.8), ("Apple", "ORG", 0.9),
                ("Jordan", "PERSON", 0.9)])
    assert ents(merge_spans(doc)) == [("Jordan", "PERSON")]
    doc = _doc("Georgia Power Company sold 10 shares to Apple Inc .", [],
               [("Georgia Power Company", "ORG", 0.9), ("Apple Inc", "ORG", 0.9)])
    assert ents(merge_spans(doc)) == [("Georgia Power Company", "ORG"), ("Apple Inc", "ORG")]
    # a page number before a name is no part of it; a street named with its house number is no name
    doc = _doc("this Quarterly Report . 47 Brindle Systems Corp. is at 5301 Stevens Creek Boulevard , Santa Clara .",
               [],
               [("47 Brindle Systems Corp.", "ORG", 0.9), ("5301 Stevens Creek Boulevard", "ORG", 0.8)])
    assert ents(merge_spans(doc)) == [("Brindle Systems Corp.", "ORG")]
    doc = _doc("The opinion in 5M Co. controlled .", [], [("5 M Co.", "ORG", 0.9)])
    assert ents(merge_spans(doc)) == [("5M Co.", "ORG")]  # digits joined to a word are part of the name


def test_a_person_rule_relabels_a_classifier_org_without_company_words():
    doc = _doc("The board elected Thomas J. Ridge and Ridge Holdings Inc .",
               [("Thomas J. Ridge", "PERSON"), ("Ridge Holdings Inc", "PERSON")],
               [("Thomas J. Ridge", "ORG", 0.9), ("Ridge Holdings Inc", "ORG", 0.9)])
    assert ents(merge_spans(doc)) == [("Thomas J. Ridge", "PERSON"), ("Ridge Holdings Inc", "ORG")]


def test_a_company_board_is_the_company():
    doc = _doc("The Reata Board has agreed .", [], [("Reata Board", "ORG", 0.9)])
    assert ents(merge_spans(doc)) == [("Reata", "ORG")]


def test_a_name_ends_before_a_defined_terms_head_and_a_headlines_verb():
    """GUIDELINES reading 22: the company inside a defined term is the ORG (`the [Marlow]
    Territory`, `the [Marlow] Stock Incentive Plan`); a headline's verb ends the name; no
    name holds the punctuation at its edges; what has no name word left is dropped."""
    doc = _doc("in the Marlow Territory , the Marlow Stock Incentive Plan ; Quillfeather Announces Deal with "
               "\u201c Prism , \u201d to Co-Develop Widgets .", [],
               [("Marlow Territory", "ORG", 0.9), ("Marlow Stock Incentive Plan", "ORG", 0.9),
                ("Quillfeather Announces Deal", "ORG", 0.9), ("Prism ,", "ORG", 0.9),
                ("Co - Develop Widgets", "ORG", 0.9)])
    assert ents(merge_spans(doc)) == [("Marlow", "ORG"), ("Marlow", "ORG"), ("Quillfeather", "ORG"),
                                      ("Prism", "ORG")]


def test_tickers_and_states_of_incorporation_are_no_names():
    doc = _doc("Common Stock MRVL The Nasdaq Stock Market , LLC ; traded under the symbol \" JCI \" ; "
               "( A Kentucky Corporation ) ; MRVL said", [],
               [("MRVL", "ORG", 0.9), ("Nasdaq Stock Market", "ORG", 0.9), ("JCI", "ORG", 0.9),
                ("Kentucky Corporation", "ORG", 0.9), ("said", "PERSON", 0.1)])
    assert ents(merge_spans(doc)) == [("Nasdaq Stock Market", "ORG")]


def test_a_name_split_at_its_particle_is_the_rules_person():
    """The classifier read `[Christopher] van [Ingen]` as two ORGs; the first-name rule read
    the person: the ORG pieces give way to it. A rule PERSON without a particle around a
    classifier ORG (a headline, `Alcoa Appoints James Owens`) does not."""
    import spacy
    from spacy.tokens import Span
    from extractors.components.merge import person_over_org

    doc = spacy.blank("en")("effective today , Christopher van Ingen will retire")
    people = {(3, 6)}
    assert (lambda s: (s.text, s.label_))(person_over_org(Span(doc, 3, 4, label="ORG"), people)) == (
        "Christopher van Ingen", "PERSON")
    doc = spacy.blank("en")("Exhibit 99 Alcoa Appoints James Owens , Chairman")
    assert person_over_org(Span(doc, 2, 3, label="ORG"), {(2, 6)}).label_ == "ORG"


def test_a_court_is_named_with_its_district():
    import spacy
    from spacy.tokens import Span
    from extractors.components.merge import with_court_tail

    nlp = spacy.blank("en")
    for text, court in (
            ("It was filed in the United States District Court for the Eastern District of New York , captioned X .",
             "United States District Court for the Eastern District of New York"),
            ("It was filed in the Circuit Court of the 17th Judicial Circuit for Broward County , Florida .",
             "Circuit Court of the 17th Judicial Circuit for Broward County")):
        doc = nlp(text)
        k = [t.text for t in doc].index("Court")
        start = 5 if doc[4].text == "the" else 4
        got = with_court_tail(Span(doc, start, k + 1, label="ORG"), doc.text)
        assert got.text == court
    doc = nlp("The Court approved the settlement .")
    assert with_court_tail(Span(doc, 1, 2, label="ORG"), doc.text).text == "Court"


def test_dates_inside_names_are_no_dates():
    import spacy
    from spacy.tokens import Span
    from extractors.components.merge import date_in_a_name

    nlp = spacy.blank("en")
    doc = nlp("It issued notes due March 2028 and the 2022 EUR Notes , and on March 2 , 2023 it paid .")
    words = [t.text for t in doc]
    march = Span(doc, 4, 6, label="DATE")
    year = Span(doc, words.index("2022"), words.index("2022") + 1, label="DATE")
    paid = Span(doc, words.index("on") + 1, words.index("on") + 5, label="DATE")
    assert date_in_a_name(march, doc.text) and date_in_a_name(year, doc.text)
    assert not date_in_a_name(paid, doc.text)
    # the year of a due date alone, a month and year naming a loan, a year naming an agreement
    doc = nlp("Notes due March 2028 , the April 2023 INR Term Loan and the 2014 Settlement and License Agreement .")
    words = [t.text for t in doc]
    for start, end in ((3, 4), (words.index("April"), words.index("April") + 2),
                       (words.index("2014"), words.index("2014") + 1)):
        assert date_in_a_name(Span(doc, start, end, label="DATE"), doc.text), doc[start:end].text


def test_a_person_ends_before_a_headline_verb_and_a_degree():
    doc = _doc("Prism Names Ann Lee COO ; Ken Ostergaard Retires ; said Yvonne Marlow MBChB , CEO", [],
               [("Ken Ostergaard Retires", "PERSON", 0.9), ("Yvonne Marlow MBChB", "PERSON", 0.9)])
    assert ents(merge_spans(doc)) == [("Ken Ostergaard", "PERSON"), ("Yvonne Marlow", "PERSON")]


def test_a_classifier_org_after_an_honorific_is_the_person():
    doc = _doc("Mr. Tatum spoke for Tatum Sons Limited .", [],
               [("Tatum", "ORG", 0.9), ("Tatum Sons Limited", "ORG", 0.9)])
    assert ents(merge_spans(doc)) == [("Tatum", "PERSON"), ("Tatum Sons Limited", "ORG")]


def test_an_org_candidate_is_split_into_the_names_it_holds(rules_nlp):
    """A lower-case word no name holds joins two names (`Abbott sued DexCom`) or opens none;
    `and` splits one-word names the document also writes apart; `Bio-analytical` and `plc`
    stay whole."""
    doc = _doc("In 2021 , Brindle sued Hallam for damages . Brindle and Hallam filed more suits , and "
               "co-commercialize Zelnorm with Quillfeather Products and Solutions and Medtronic plc .",
               [], [("Brindle sued Hallam", "ORG", 0.9), ("Brindle and Hallam", "ORG", 0.9),
                    ("co - commercialize Zelnorm", "ORG", 0.9), ("Quillfeather Products and Solutions", "ORG", 0.9),
                    ("Medtronic plc", "ORG", 0.9)], rules_nlp)
    assert ents(merge_spans(doc)) == [("Brindle", "ORG"), ("Hallam", "ORG"), ("Brindle", "ORG"), ("Hallam", "ORG"),
                                      ("Zelnorm", "ORG"), ("Quillfeather Products and Solutions", "ORG"),
                                      ("Medtronic plc", "ORG")]


def test_two_bodies_joined_by_and_the_are_apart(rules_nlp):
    doc = _doc("It settled with the Department of Justice and the Securities and Exchange Commission in May .",
               [], [("Department of Justice and the Securities and Exchange Commission", "ORG", 0.9)], rules_nlp)
    assert ents(merge_spans(doc)) == [("Department of Justice", "ORG"), ("Securities and Exchange Commission", "ORG")]


def test_case_parties_and_a_name_beside_a_suffixed_company_are_apart(rules_nlp):
    """`v.` and `d/b/a` stand between names; `and` between a name and a company written with
    its suffix splits them (`Mawarid and ... Company, Inc.`), not a name's own `and`."""
    doc = _doc("It is captioned Brindle Corporation v. Hallam Co. , and a pact between Zarqa and Quill Travel "
               "Related Services Company , Inc. and Quillfeather Products and Solutions , Inc. ended , and Zarqa left .",
               [], [("Brindle Corporation v. Hallam Co.", "ORG", 0.9),
                    ("Zarqa and Quill Travel Related Services Company , Inc.", "ORG", 0.9),
                    ("Quillfeather Products and Solutions , Inc.", "ORG", 0.9)], rules_nlp)
    assert ents(merge_spans(doc)) == [("Brindle Corporation", "ORG"), ("Hallam Co.", "ORG"), ("Zarqa", "ORG"),
                                      ("Quill Travel Related Services Company , Inc.", "ORG"),
                                      ("Quillfeather Products and Solutions , Inc.", "ORG")]


def test_the_of_a_name_furniture_and_generic_words(rules_nlp):
    """A `The` inside a sentence opens the name (GUIDELINES reading 17), an exchange's does not;
    page furniture on the line before and a form name with `of` are no part of it; `the
    Corporation` alone is no name, `the Commission` is the SEC."""
    doc = _doc("It is guaranteed by The Kraft Heinz Company and listed on The Nasdaq Stock Market , says the "
               "Corporation to the Commission in its 10-K of Brindle Systems Corp.",
               [], [("Kraft Heinz Company", "ORG", 0.9), ("Nasdaq Stock Market", "ORG", 0.9),
                    ("Corporation", "ORG", 0.9), ("Commission", "ORG", 0.9), ("10-K of Brindle Systems Corp.", "ORG", 0.9)], rules_nlp)
    assert ents(merge_spans(doc)) == [("The Kraft Heinz Company", "ORG"), ("Nasdaq Stock Market", "ORG"),
                                      ("Commission", "ORG"), ("Brindle Systems Corp.", "ORG")]
    doc = rules_nlp.make_doc("57\nTable of Contents\nHALLAM INC.\nNOTES")
    doc.spans["sc"] = [doc.char_span(3, 32, "ORG")]
    doc.spans["sc"].attrs["scores"] = numpy.array([0.9], dtype="f")
    assert ents(merge_spans(doc)) == [("HALLAM INC.", "ORG")]


def test_a_currency_code_is_no_name():
    doc = _doc("The INR Term Loan of INR 22.7 billion .", [], [("INR", "ORG", 0.9)])
    assert ents(merge_spans(doc)) == []
    doc = _doc("Indian Rupee Term Loan , PSU awards and Dollar Tree stores .", [],
               [("Indian Rupee", "ORG", 0.9), ("PSU", "ORG", 0.9), ("Dollar Tree", "ORG", 0.9)])
    assert ents(merge_spans(doc)) == [("Dollar Tree", "ORG")]  # a currency's name, a pay term: no company

    doc = _doc("The S&P 500 Financials , the Fourth Amended and Restated Bylaws , We and S&P Global Ratings .", [],
               [("S&P 500 Financials", "ORG", 0.9), ("Fourth Amended", "ORG", 0.9), ("We", "ORG", 0.9),
                ("S&P Global Ratings", "ORG", 0.9)])
    assert ents(merge_spans(doc)) == [("S&P Global Ratings", "ORG")]  # an index, a document's title, the filer


def test_cities_with_their_state_and_nationalities_are_no_names():
    doc = _doc("Its offices in Lenexa , Kansas and Chicago , Illinois 60680 , and a Nigerian court , closed .",
               [], [("Lenexa , Kansas", "ORG", 0.9), ("Illinois 60680", "ORG", 0.9), ("Nigerian", "ORG", 0.9)])
    assert ents(merge_spans(doc)) == []


def test_people_are_split_at_semicolons_and_and_laws_are_no_people():
    doc = _doc("Directors ( Amy L. Chang ; Francis A. deSouza ) sued under the Clayton Antitrust Act and the "
               "Publicly Announced Program .", [],
               [("Amy L. Chang ; Francis A. deSouza", "PERSON", 0.9), ("Clayton Antitrust", "PERSON", 0.9),
                ("Publicly Announced Program", "PERSON", 0.9)])
    assert ents(merge_spans(doc)) == [("Amy L. Chang", "PERSON"), ("Francis A. deSouza", "PERSON")]
    doc = _doc("The promotions of Messrs. Ostergaard and Marlow are effective today .", [],
               [("Ostergaard and Marlow", "PERSON", 0.9)])
    assert ents(merge_spans(doc)) == [("Ostergaard", "PERSON"), ("Marlow", "PERSON")]


def test_a_person_keeps_the_generation_written_after_it():
    doc = merge_spans(_doc("A payment to Mr. Butler, Jr. and to Kay Lund III followed.", [],
                           [("Butler", "PERSON", 0.9), ("Kay Lund", "PERSON", 0.9)]))
    assert [(e.text, e.label_) for e in doc.ents] == [("Butler, Jr.", "PERSON"), ("Kay Lund III", "PERSON")]


REPURCHASE_TABLE = ("Period          Total Number of Shares Purchased  Average Price Paid per Share  "
                    "Approximate Dollar Value of Shares that May Yet Be Purchased\n"
                    "October 2024    149                               $81.13                        $976\n"
                    "November 2024   173                               82.20                         912\n\n"
                    "All purchases were made in the open market.")
AWARD_TABLE = ("A summary of option activity is presented below:\n"
               "Options                      Options (in thousands)  Weighted Average Exercise Price  "
               "Weighted Average Contractual Life in Years  Aggregate Intrinsic Value\n"
               "Outstanding at July 1, 2025  12,400                  $94.18\n"
               "Exercised                    (2,219)                 75.08\n"
               "Outstanding at June 30, 2026  11,491                 $99.59                           5.1"
               "                                         $3,732\n\n"
               "Cash received from options exercised was $188 million.")


@pytest.mark.parametrize("text, labels", [
    (REPURCHASE_TABLE, {"149": "SHARES", "$81.13": "MONEY", "$976": "MONEY", "173": "SHARES", "82.20": "MONEY",
                        "912": "MONEY"}),
    # an award table's counts are shares, its term in years no entity
    (AWARD_TABLE, {"12,400": "SHARES", "2,219": "SHARES", "11,491": "SHARES", "$94.18": "MONEY", "75.08": "MONEY",
                   "5.1": None}),
])
def test_a_tables_figures_take_their_columns_label(shipped_nlp, text, labels):
    found = {e.text: e.label_ for e in shipped_nlp(text).ents}
    assert {figure: found.get(figure) for figure in labels} == labels


def test_a_list_of_companies_in_one_candidate_is_split_into_its_names():
    """A list splits where each name stands apart (named elsewhere, an acronym, or one of a
    family opening with the same word); a division's list and a bank's written-out legal
    form stay one name."""
    doc = merge_spans(_doc("In 2011 , Quillon and Quillon International sued Ferrow , Loxby Partners .", [],
                           [("Quillon and Quillon International", "ORG", 0.9),
                            ("Ferrow , Loxby Partners", "ORG", 0.9)]))
    # `Ferrow` and `Loxby Partners` are named nowhere else: that list stays whole
    assert ents(doc) == [("Quillon", "ORG"), ("Quillon International", "ORG"), ("Ferrow , Loxby Partners", "ORG")]
    kept = merge_spans(_doc("Quillon Packaging , Consumer and Distribution Group and Chase Trust Company , "
                            "National Association signed . Consumer demand rose .", [],
                            [("Quillon Packaging , Consumer and Distribution Group", "ORG", 0.9),
                             ("Chase Trust Company , National Association", "ORG", 0.9),
                             ("Consumer", "ORG", 0.9)]))
    assert ("Quillon Packaging , Consumer and Distribution Group", "ORG") in ents(kept)
    assert ("Chase Trust Company , National Association", "ORG") in ents(kept)


def test_a_classifier_title_ends_before_a_suffixed_company():
    """`Chief Geologist of Kestrel Range Resources Inc.`: the classifier's ROLE runs on into the
    company the suffix rule found; the title is the ROLE and the company an ORG."""
    doc = _doc("She was Chief Geologist of Kestrel Range Resources Inc. until 1995 .",
               [("Kestrel Range Resources Inc.", "ORG")],
               [("Chief Geologist of Kestrel Range Resources Inc.", "ROLE", 0.9)])
    doc.spans["rules"][0]._.source = "org_suffix"
    assert ents(merge_spans(doc)) == [("Chief Geologist", "ROLE"), ("Kestrel Range Resources Inc.", "ORG")]


def test_a_company_cut_from_a_longer_candidate_starts_with_its_name():
    doc = _doc("It trades on the OTC Pink tier of OTC Markets Group Inc. today .", [],
               [("OTC Pink tier of OTC Markets Group Inc.", "ORG", 0.9)])
    assert ents(merge_spans(doc)) == [("OTC Pink", "ORG"), ("OTC Markets Group Inc.", "ORG")]


def test_a_court_named_with_its_county_keeps_the_state_after_it_out():
    doc = _doc("It was filed in the Court of Common Pleas of Allegheny County , Pennsylvania and the Superior "
               "Court of Kings County , New York , in 2025 .", [],
               [("Court of Common Pleas of Allegheny County , Pennsylvania", "ORG", 0.9),
                ("Superior Court of Kings County , New York", "ORG", 0.9)])
    assert ents(merge_spans(doc)) == [("Court of Common Pleas of Allegheny County", "ORG"),
                                      ("Superior Court of Kings County", "ORG")]
