"""Company and person names: aliases and the suffixed names of a filing (extractors/names.py)."""
import pytest

from extractors.names import org_aliases, person_aliases


def test_alias_forms():
    aliases, suffixed = org_aliases("Agilent Technologies, Inc.")
    assert suffixed and {"Agilent Technologies, Inc.", "Agilent Technologies", "Agilent"} <= aliases
    aliases, _ = org_aliases("General Widget Corporation")
    assert "General" not in aliases and "General Widget" in aliases
    assert person_aliases("Samuel J. Furrow, Jr.") >= {"Furrow"}
    assert person_aliases("TAC") == set() and person_aliases("Furrow") == set()
    # two-letter surnames are names too (`Ho`, `Li`); function words and abbreviations are not
    assert "Ho" in person_aliases("Michael Ho") and "Li" in person_aliases("Ann Li")
    assert "In" not in person_aliases("Dana Quill In") and "Co" not in person_aliases("Dana Co")


def test_suffixed_names_of_a_filing():
    from extractors.names import suffixed_names

    text = ("WHEREAS Quillfeather Robotics, Inc. and Brindle Systems Corp. entered into the Agreement. "
            "QUILLFEATHER ROBOTICS, INC. The Board of Directors of Quillfeather Robotics, Inc. met. "
            "The Company, Inc. is a defined term.")
    names = suffixed_names(text)
    assert names[:2] == ["Quillfeather Robotics, Inc.", "Brindle Systems Corp."]
    assert "Quillfeather Robotics, Inc." in names and not any(n.startswith(("Board", "Company", "WHEREAS"))
                                                              for n in names)


def test_one_list_of_name_words():
    from extractors.names import LEXICON, is_common, is_generic

    assert {"legal", "comma_before", "descriptive", "not_before", "generic", "common"} <= set(LEXICON)
    assert is_common("General") and is_generic("Merger Sub") and not is_generic("Brindle Systems")
    aliases, suffixed = org_aliases("Parent Holding Corp.")
    assert suffixed and "Parent" not in aliases  # a generic word alone is no short name
    assert org_aliases("Investment Co.")[0] == {"Investment Co."}


def test_a_suffixed_name_never_runs_over_a_sentence_end():
    from extractors.names import suffixed_names

    text = ("The Borrowing Subsidiary. The Company agreed with J.P. Morgan Chase Bank, N.A. THE CONFERENCE CALL "
            "AND THE APPLICABLE COMPANY. Prism Works, Inc. signed.")
    assert suffixed_names(text) == ["J.P. Morgan Chase Bank, N.A.", "Prism Works, Inc."]


def test_acronyms_defined_for_things_that_are_no_company():
    from extractors.names import defined_non_names

    text = ('The sites hold perfluorooctanoic acid ("PFOA"). Family monthly active people (MAP) rose. Under the '
            "General Data Protection Regulation (GDPR) and the Asset Purchase Agreement (\u201cAPA\u201d), a fine. "
            'We sold the rigid packaging division (RPD) to Brindle Systems Corp. (BSC), a Delaware corporation '
            '("JDSU"), after the Securities and Exchange Commission\u2019s ("SEC") review.')
    assert defined_non_names(text) == {"PFOA", "MAP", "GDPR", "APA"}
    # products named with their generic name; not an adverb, a note or a caption's figure
    assert defined_non_names("to co-develop Zelnorm (tegaserod) with Brindle Systems Corp. (collectively), "
                             "Statements (unaudited), and BDS (loss).") == {"Zelnorm"}
    # drugs named by their form or as the original of a generic; not the company that makes them
    assert defined_non_names("Purchasers of Quellor XR sued Brindle Pharma Inc. over generic Vantrexa and "
                             "generic versions of Lumidex; Ostrava tablets were not at issue.") == {
        "Quellor", "Vantrexa", "Lumidex", "Ostrava"}


def test_bodies_named_in_full_before_their_acronym():
    from extractors.names import defined_body_acronyms

    text = ("A review by the Office of the Comptroller of the Currency (OCC) and the Department of Justice (DOJ), an "
            "inquiry of the New York Department of Financial Services (NYDFS), loans at the Secured Overnight "
            "Financing Rate (SOFR), and the Compensation & Management Development Committee (\u201cCMDC\u201d).")
    assert [(text[s:e], a) for s, e, a in defined_body_acronyms(text)] == [
        ("Office of the Comptroller of the Currency", "OCC"), ("Department of Justice", "DOJ"),
        ("New York Department of Financial Services", "NYDFS")]


def test_courts_offices_and_districts_named_in_full():
    from extractors.names import court_names

    text = ("A complaint was filed in the Circuit Court of the 17th Judicial Circuit for Broward County, Florida, "
            "and one in the Southern District of New York. The Court denied it; the U.S. District Court for the "
            "Northern District of Illinois. In 2021 the United States Attorney\u2019s Office for the Western "
            "District of Michigan acted under the London Court of International Arbitration Rules.")
    assert [text[s:e] for s, e in court_names(text)] == [
        "Circuit Court of the 17th Judicial Circuit for Broward County", "Southern District of New York",
        "U.S. District Court for the Northern District of Illinois",
        "United States Attorney\u2019s Office for the Western District of Michigan"]


def test_the_kind_of_body_an_org_names():
    from extractors.names import org_kind

    assert [org_kind(n) for n in ("United States District Court for the District of Nevada", "Eastern District of Texas",
                                  "Federal Trade Commission", "Department of Justice", "Brindle Systems, Inc.",
                                  "Hallam")] == ["court", "court", "agency", "agency", "company", "name"]
    # appeals courts and patent boards are named without `Court`
    assert [org_kind(n) for n in ("Federal Circuit", "PTAB", "Patent Trial and Appeal Board")] == ["court"] * 3


@pytest.mark.parametrize("name", ["Baa3", "BBB+", "A-", "F2", "SGL-1", "Prime-3", "S&P 500 Index", "Fourth Amended",
                                  "Monte Carlo", "Monte-Carlo", "Automated Teller Machine", "Bilateral Investment Treaty",
                                  "Quillon Operators Complaint", "Clean Water Act"])
def test_credit_ratings_indexes_and_titles_name_no_company(name):
    from extractors.names import names_no_company

    assert names_no_company(name)


def test_a_company_is_a_company():
    from extractors.names import names_no_company

    assert not any(names_no_company(n) for n in ("Baa Widgets Inc.", "Ba Holdings", "Quillon",
                                                          "Actavis", "Quillon Machines Inc.", "Treaty Energy Corp."))


def test_a_trading_plan_named_by_its_officer_is_no_mention_of_the_officer(shipped_nlp):
    """`the Quill 10b5-1 Plan` names a plan (GUIDELINES wide reading 4): no PERSON, though
    the officer `Dana Quill` is one."""
    from extractors.names import names_a_trading_plan

    text = ('Dana Quill, our Vice President, entered into a Rule 10b5-1 trading arrangement (the "Quill 10b5-1 '
            'Plan") on May 1, 2024. No shares were sold under the Quill 10b5\u20131 Plan.')
    assert names_a_trading_plan(text, text.index("Quill 10b5") + 5)
    assert not names_a_trading_plan(text, text.index("Dana Quill") + 10)
    people = [e.text for e in shipped_nlp(text).ents if e.label_ == "PERSON"]
    assert people == ["Dana Quill"]


def test_states_suing_are_parties_and_states_as_places_are_not():
    from extractors.names import government_parties

    text = ("In June 2018, the State of New York filed a lawsuit (State of New Hampshire v. Acme Corp.). The "
            "Attorney General of the State of Maine filed too. Acme is a corporation of the State of Delaware.")
    assert [text[s:e] for s, e in government_parties(text)] == ["State of New York", "State of New Hampshire"]
