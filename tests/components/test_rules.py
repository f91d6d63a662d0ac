"""The sec_rules component: boundaries per label on sentences written for the tests,
the seeds from the shared folder, and loading the saved model in a fresh process."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from extractors.contract import ERRORS_KEY


PROJECT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def nlp(rules_nlp):
    return rules_nlp


def ents(nlp, text, label=None):
    return [(e.text, e.label_) for e in nlp(text).ents if label is None or e.label_ == label]


def texts(nlp, text, label):
    return [e.text for e in nlp(text).ents if e.label_ == label]


# ----------------------------------------------------------------------- MONEY
def test_money_boundaries(nlp):
    text = ("Zeta paid approximately $7.5 million in cash, up to $3 billion later, a dividend "
            "of $.25 per share, a loss of $(0.12) per share and a maximum of $1,250,000.")
    # `$(0.12)`: the figure, brackets and sign outside (GUIDELINES: `$(7)` -> `7`), its value negative dollars
    assert texts(nlp, text, "MONEY") == ["$7.5 million", "$3 billion", "$.25", "0.12", "$1,250,000"]
    loss = next(e for e in nlp(text).ents if e.text == "0.12")
    assert loss._.value == {"amount": -0.12, "currency": "USD"}


def test_a_bracketed_loss_with_its_scale_word_keeps_sign_through_scale(nlp):
    # (round 11's gold; the bare figure would lose the scale: -170.0 for a $170 million loss)
    text = "In 2023, Zeta recorded a $(170) million loss, and $(7) in the table."
    assert texts(nlp, text, "MONEY") == ["$(170) million", "7"]
    loss = next(e for e in nlp(text).ents if e.text == "$(170) million")
    assert loss._.value == {"amount": -170000000.0, "currency": "USD"}


def test_money_across_line_break(nlp):
    assert texts(nlp, "a note for $4.4\nmillion was issued", "MONEY") == ["$4.4\nmillion"]


# ---------------------------------------------------------------------- SHARES
def test_shares_boundaries(nlp):
    text = ("Zeta will issue 2,500,000 shares of common stock, up to 400,000 additional shares "
            "and 3 million shares; the motion got 9,876,543 favorable votes.")
    assert texts(nlp, text, "SHARES") == ["2,500,000 shares", "400,000 additional shares",
                                          "3 million shares", "9,876,543 favorable votes"]


def test_bare_vote_counts(nlp):
    text = "Of the 12,345,678 shares outstanding, 10,111,222 were represented at the meeting."
    assert texts(nlp, text, "SHARES") == ["12,345,678 shares", "10,111,222"]
    assert texts(nlp, "The plant employs 12,500 people.", "SHARES") == []


# --------------------------------------------------------------------- PERCENT
def test_percent(nlp):
    text = "Sales rose 12% and margins about 7.25 percent, roughly 40 per cent of the total."
    assert texts(nlp, text, "PERCENT") == ["12%", "7.25 percent", "40 per cent"]


# ------------------------------------------------------------------------ DATE
@pytest.mark.parametrize("text,expected", [
    ("The meeting was held on Tuesday, June 9, 2009 in Ohio.", ["Tuesday, June 9, 2009"]),
    ("It was formed in April of 2001 and sold in August 1999.", ["April of 2001", "August 1999"]),
    ("Revenue for fiscal 2006 exceeded fiscal year 2005.", ["fiscal 2006", "fiscal year 2005"]),
    ("Results for the fiscal year ended June 30, 2007 were filed.", ["the fiscal year ended June 30, 2007"]),
    ("In the six months ended May 31, 2008 costs fell.", ["the six months ended May 31, 2008"]),
    ("During the second quarter of 2007 and third quarter 2008 it grew.",
     ["the second quarter of 2007", "third quarter 2008"]),
    ("Guidance for Q4 2009 was raised in the first quarter.", ["Q4 2009", "the first quarter"]),
    ("Sales grew in 2007 compared with 2006.", ["2007", "2006"]),
    # a repurchase table's month rows are one span each; a position word stays outside
    ("October 1 - October 31 111,620 $976 November 1 - 30, 2023 149", ["October 1 - October 31", "November 1 - 30, 2023"]),
    ("7/1/24 - 7/31/24 1,160,452", ["7/1/24 - 7/31/24"]),
    ("The regulations enacted in late 2022 apply.", ["2022"]),
])
def test_dates(nlp, text, expected):
    assert texts(nlp, text, "DATE") == expected


@pytest.mark.parametrize("text", [
    "under the Investment Advisers Act of 1940, as amended",
    "the 2007 Equity Incentive Plan was adopted",
    "its 6.5% Senior Notes due 2017 were redeemed",
    "shares may be purchased under the 2023 program",
    "it used the 2014 share repurchase program and the 2006 ESPP",
    "within a sixty (60)-day period after notice",
    "prices in the 1980s were lower",
    "the call starts at 10:00 a.m. on the day before the meeting",
    "File No. 0-12345, telephone (555) 201-2009, zip code 20549",
])
def test_not_dates(nlp, text):
    assert texts(nlp, text, "DATE") == []


# ------------------------------------------------------------------------ ROLE
def test_coordinated_titles_are_separate(nlp):
    text = "Jane Q. Roe, President and Chief Executive Officer, and the Board of Directors met."
    assert texts(nlp, text, "ROLE") == ["President", "Chief Executive Officer"]


def test_role_lexicon(nlp):
    text = ("Tom Ivers, our Executive Vice President and CFO, the Vice President of Human "
            "Resources, the Chairman of the Board and the General Counsel attended.")
    assert texts(nlp, text, "ROLE") == ["Executive Vice President", "CFO",
                                        "Vice President of Human Resources",
                                        "Chairman of the Board", "General Counsel"]


def test_plural_titles_of_people_sharing_an_office(nlp):
    text = "Ana Ruiz and Ben Cole, Co-CEOs of the bank, have been elected Co-Presidents of the Firm. Presidents Day."
    assert texts(nlp, text, "ROLE") == ["Co-CEOs", "Co-Presidents"]  # the `Co-` of either title is part of it


def test_director_as_office(nlp):
    assert texts(nlp, "She was elected a director of Zeta Corp. in 2004.", "ROLE") == ["director"]
    assert texts(nlp, "The Board of Directors approved director compensation.", "ROLE") == []


# ---------------------------------------------------------------- PERSON / ORG
def test_regulators_named_by_their_acronyms_are_orgs(nlp):
    text = "In 2023, the DOJ, the CFTC and the OFAC opened inquiries, and the IASB issued a standard."
    assert texts(nlp, text, "ORG") == ["DOJ", "CFTC", "OFAC", "IASB"]


@pytest.mark.parametrize("text,people", [
    # double names: one name, not cut at the hyphen
    ("The Board appointed Dolores Ibarra-Quintero, 52, as President.", ["Dolores Ibarra-Quintero"]),
    ("Mr. Fitzhugh-Obi resigned on May 1, 2019.", ["Fitzhugh-Obi"]),
    # given names written with accents, and words of any alphabet
    ("Tomás Echeverría Salas was named Chief Executive Officer.", ["Tomás Echeverría Salas"]),
    # an honorific is never part of the name
    ("said Dr. Oluwaseun Adeyemi, President of the Company.", ["Oluwaseun Adeyemi"]),
    # a surname written after an honorific elsewhere makes the full name a person's
    ("The Board appointed Mei-Ling Zhao as Treasurer. Ms. Zhao joined in 2010.", ["Mei-Ling Zhao", "Zhao"]),
    # a signature's typed name on the next line is a name of its own
    ("By: /s/ Renata Okonkwo-Hale\n    Renata Okonkwo-Hale\n    Chief Financial Officer",
     ["Renata Okonkwo-Hale", "Renata Okonkwo-Hale"]),
])
def test_names_of_many_forms(nlp, text, people):
    assert texts(nlp, text, "PERSON") == people


@pytest.mark.parametrize("text,org", [
    ("She was Chief Geologist of Kestrel Range Resources Inc. until 1995.", "Kestrel Range Resources Inc."),
    ("He was Director of Exploration of Tamarack Gold Mines Ltd. until 1995.", "Tamarack Gold Mines Ltd."),
    ("Compañía Minera Pallca S.A.C. filed a claim.", "Compañía Minera Pallca S.A.C."),
])
def test_a_company_after_a_title_and_of_starts_at_its_name(nlp, text, org):
    assert texts(nlp, text, "ORG") == [org]


def test_a_company_after_a_person_with_an_honorific_starts_after_the_and(nlp):
    assert ents(nlp, "Mr. Fitzhugh-Obi and Hewlett-Packard Company agreed.") == [
        ("Fitzhugh-Obi", "PERSON"), ("Hewlett-Packard Company", "ORG")]


def test_a_known_surname_makes_no_company_a_person(nlp):
    assert ents(nlp, "JPMorgan Chase & Co. hired Mr. Chase.") == [("JPMorgan Chase & Co.", "ORG"), ("Chase", "PERSON")]


@pytest.mark.parametrize("text,role,person", [
    ("Our Chief Executive Officer, Tomás Echeverría Salas, resigned.", "Chief Executive Officer",
     "Tomás Echeverría Salas"),
    ("Our Chief Executive Officer, Chinwe Okonkwo, 52, was named.", "Chief Executive Officer", "Chinwe Okonkwo"),
])
def test_a_name_after_a_title_is_no_area(nlp, text, role, person):
    assert texts(nlp, text, "ROLE") == [role] and texts(nlp, text, "PERSON") == [person]


def test_person_introduced_with_an_age(nlp):
    """`Name, 47,` introduces a person even with a given name the lexicon lacks."""
    text = "The Board appointed Solvei Quarrington, 47, to serve as Chief Accounting Officer."
    assert texts(nlp, text, "PERSON") == ["Solvei Quarrington"]
    # a number between commas after a company name is no age: the ORG stays
    assert ents(nlp, "The lease with Brindle Systems Corp., 45, Main Street, ended.") == [
        ("Brindle Systems Corp.", "ORG")]


def test_people_listed_with_semicolons_glued_initials_and_particles(nlp):
    """A list of people separated by semicolons takes the unknown names beside the known
    ones, with two glued initials (`B.G.`) and a particle glued to the surname (`deSouza`);
    `U.S.` is no initial."""
    text = ("The complaint names the directors (Susan E. Arnold; Mary T. Barra; Solvei A. Quarrington; "
            "Francis A. deSouza; Michael B.G. Froman; and Derica W. Rice) as defendants.")
    assert texts(nlp, text, "PERSON") == ["Susan E. Arnold", "Mary T. Barra", "Solvei A. Quarrington",
                                          "Francis A. deSouza", "Michael B.G. Froman", "Derica W. Rice"]
    assert "PERSON" not in {lab for _, lab in ents(nlp, "Sales in the U.S. Virgin Islands rose; U.S. Steel fell.")}


def test_a_line_that_is_a_name_and_an_age_heads_a_biography(nlp):
    text = "Executive Officers\n\nSolvei Quarrington, 57\n\n  2019 to present \u2014 Treasurer.\n"
    assert texts(nlp, text, "PERSON") == ["Solvei Quarrington"]
    assert texts(nlp, "Net sales, 57\nOther, 12\n", "PERSON") == []


def test_signature_block(nlp):
    text = ("ZETA WIDGETS, INC.\n\nBy:  /s/ Mary K. Lowe, Jr.\n     ------------------\n"
            "     Mary K. Lowe, Jr.\n     Chief Financial Officer\n")
    found = ents(nlp, text)
    assert ("ZETA WIDGETS, INC.", "ORG") in found
    assert [t for t, lab in found if lab == "PERSON"] == ["Mary K. Lowe, Jr.", "Mary K. Lowe, Jr."]
    assert ("Chief Financial Officer", "ROLE") in found


def test_honorific_and_role_cues(nlp):
    text = ("Mr. Orrin T. Blake will succeed CEO Dana Whitfield. \"We are ready,\" said "
            "Quill Marsh, Zeta's Chief Operating Officer.")
    assert texts(nlp, text, "PERSON") == ["Orrin T. Blake", "Dana Whitfield", "Quill Marsh"]


def test_org_suffix_runs_and_aliases(nlp):
    text = ("Zeta Widgets Holdings, Inc. (\"Zeta\") bought the Blue Lake Division of Orvis "
            "Marine Products, L.L.C. Later, Zeta listed on the New York Stock Exchange. "
            "The Company filed with the Securities and Exchange Commission.")
    assert texts(nlp, text, "ORG") == ["Zeta Widgets Holdings, Inc.", "Zeta", "Blue Lake Division",
                                       "Orvis Marine Products, L.L.C.", "Zeta",
                                       "New York Stock Exchange", "Securities and Exchange Commission"]


def test_a_bracketed_place_inside_a_company_name(nlp):
    """`(USA)`, `(Belmont)` between a name and its suffix belong to the name; an acronym's
    bracketed definition does not (`Department of Justice (DOJ) Civil Division`)."""
    text = ("Quillmark Pharmaceuticals (USA) Inc. and Brindle Holdings (Belmont), Inc. signed it. "
            "The Department of Justice (DOJ) Civil Division wrote to Ostrava (Hong Kong) Limited.")
    found = texts(nlp, text, "ORG")
    assert "Quillmark Pharmaceuticals (USA) Inc." in found and "Brindle Holdings (Belmont), Inc." in found
    assert "Ostrava (Hong Kong) Limited" in found
    assert not any("(DOJ)" in t for t in found)


def test_a_legal_name_keeps_its_the(nlp):
    """`The Quillmark Widget Company` begins at its `The` (the gold corpus's reading); a
    group's or an exchange's `The` stays out (GUIDELINES reading 17)."""
    found = texts(nlp, "The shares of The Quillmark Widget Company trade on The Nasdaq Stock Market LLC. "
                       "The Brindle Group has 96 companies.", "ORG")
    assert "The Quillmark Widget Company" in found
    assert any(t.startswith("Nasdaq Stock Market") for t in found) and not any(t.startswith("The Nasdaq") for t in found)
    assert "The Brindle Group" not in found
    assert "THE QUILLMARK WIDGET COMPANY" in texts(nlp, "Notes to the statements of THE QUILLMARK WIDGET COMPANY "
                                                    "follow.", "ORG")
    # at a sentence's start too, where the name has its legal suffix (a page heading)
    assert "The Hallam Widget Company" in texts(nlp, "Dividends were $3.83 in 2024. The Hallam Widget Company reported "
                                                     "its results.", "ORG")


def test_a_name_whose_first_word_begins_with_digits(nlp):
    """`3M` is split `3` `M` by the tokenizer; the name begins at the digits."""
    assert "5M Co." in texts(nlp, "The Tax Court opinion in 5M Co. & Subs. v. Commissioner controlled.", "ORG")


def test_a_firm_of_partners_names_with_commas(nlp):
    """`Skadden, Arps, Slate, Meagher & Flom LLP` is one firm; `Acme Corp., Brindle & Co.` two companies."""
    assert "Ostrow, Pell, Kantor & Vance LLP" in texts(nlp, "The opinion of Ostrow, Pell, Kantor & Vance LLP is "
                                                          "filed as Exhibit 5.1.", "ORG")
    found = texts(nlp, "Customers include Quillmark Corp., Brindle Hallam & Co. and Ostrava Inc.", "ORG")
    assert "Quillmark Corp." in found and not any("Corp., Brindle" in t for t in found)
    assert found[1:] == ["Brindle Hallam & Co.", "Ostrava Inc."]
    assert texts(nlp, "Brindle & Co., Inc. and Hallam Sachs & Co. LLC agreed.", "ORG") == [
        "Brindle & Co., Inc.", "Hallam Sachs & Co. LLC"]


def test_generic_company_is_not_org(nlp):
    assert texts(nlp, "The Company and the Registrant agreed.", "ORG") == []


def test_spans_group_and_sources(nlp):
    doc = nlp("On May 3, 2006 Zeta Corp. paid $5 million.")
    group = doc.spans["rules"]
    assert len(group) >= len(doc.ents)
    assert len(group.attrs["scores"]) == len(group) == len(group.attrs["sources"])
    assert all(e._.source and e._.score == 1.0 for e in doc.ents)
    assert {e.label_ for e in doc.ents} == {"DATE", "ORG", "MONEY"}


def test_errors_do_not_crash(nlp):
    component = nlp.get_pipe("sec_rules")
    saved = component.rule_functions
    component.rule_functions = [("boom", lambda ctx: 1 / 0)] + list(saved)
    try:
        doc = nlp("Zeta Corp. paid $5 million.")
    finally:
        component.rule_functions = saved
    assert "boom" in doc.user_data[ERRORS_KEY][0]
    assert [e.text for e in doc.ents] == ["Zeta Corp.", "$5 million"]


# ----------------------------------------------------------------------- seeds
def test_seed_scores(nlp):
    from sec_events.paths import shared_dir
    from training.scoring import score
    gold_path = shared_dir() / "spec" / "seeds-gold.jsonl"
    gold = [json.loads(line) for line in gold_path.open(encoding="utf8")]
    pred = [{"id": g["id"], "events": [],
             "spans": [{"start": e.start_char, "end": e.end_char, "label": e.label_}
                       for e in nlp(g["text"]).ents]} for g in gold]
    by = score(gold, pred)["entities"]["by"]
    for label in ("MONEY", "SHARES", "PERCENT", "DATE"):
        assert by[label]["f"] >= 0.93, (label, by[label])
    assert by["ROLE"]["f"] >= 0.85


def test_entity_offsets_never_include_edges(nlp):
    from sec_events.paths import shared_dir
    for path in sorted((shared_dir() / "seeds").glob("*.txt")):
        doc = nlp(path.read_text(encoding="utf8"))
        for e in doc.ents:
            assert e.text == e.text.strip() and e.text[-1] not in ",;:(" and e.text[0] not in ",;:)"


# ------------------------------------------------------------------ saved model
def test_saved_model_loads_in_fresh_process(tmp_path):
    out = tmp_path / "sec_events_sm"
    code = (
        "import spacy, sys\n"
        "from extractors.pipeline import rules_pipeline\n"
        f"rules_pipeline().to_disk({str(out)!r})\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=PROJECT)
    check = (
        "import spacy\n"
        f"nlp = spacy.load({str(out)!r})\n"
        "doc = nlp('On March 3, 2005 Zeta Corp. issued 1,000 shares for $2.5 million.')\n"
        "print(nlp.meta['name'], [(e.text, e.label_) for e in doc.ents])\n"
    )
    res = subprocess.run([sys.executable, "-c", check], check=True, capture_output=True,
                         text=True, cwd=tmp_path)
    assert res.stdout.startswith("sec_events_rules")
    assert "('$2.5 million', 'MONEY')" in res.stdout and "('1,000 shares', 'SHARES')" in res.stdout


# ------------------------------------------------------------- added with the 2nd rules pass
@pytest.mark.parametrize("text,expected", [
    ("results for the three and six months ended March 31, 2011 were", ["the three and six months ended March 31, 2011"]),
    ("for the quarterly period ended June 30, 2009 filed", ["the quarterly period ended June 30, 2009"]),
    ("for the three-month periods ended May 31, 2010 and", ["the three-month periods ended May 31, 2010"]),
    ("sales for the first nine months of 2011 rose", ["the first nine months of 2011"]),
    ("compared with the same period of 2010.", ["the same period of 2010"]),
    ("orders for the full year 2009 were", ["the full year 2009"]),
    ("plans issued for the year 1991, which", ["the year 1991"]),
    ("auditors for the 2012 fiscal year were", ["the 2012 fiscal year"]),
    ("Zeta had a strong fiscal second quarter and a weak 2009.", ["fiscal second quarter", "2009"]),
    ("guidance for the fiscal third quarter of 2012 is", ["the fiscal third quarter of 2012"]),
    ("Last year's third quarter income was up in 2012.", ["Last year's third quarter", "2012"]),
    ("results for the fourth quarter and year ended 2012 are", ["the fourth quarter and year ended 2012"]),
    ("expected to close in late 2013 or by mid-2014.", ["2013", "mid-2014"]),
    ("made this 4th day of June, 2008 by", ["4th day of June, 2008"]),
    ("On March 3-4, 2010, the board met", ["March 3-4, 2010"]),
    ("Letter dated May 15,2012 from", ["May 15,2012"]),
    ("The deal closed in October 2011. At the end of September it", ["October 2011", "September"]),
    ("Zeta was founded in 1931 and", ["1931"]),
    ("a director of Zeta (1999-2003) and", ["1999", "2003"]),
    ("the margin was lower than 3Q'09 levels", ["3Q'09"]),
    # hyphen and preposition variants of the fiscal-year, full-year and quarter forms
    ("Zeta expects fiscal-year 2015 revenue of", ["fiscal-year 2015"]),
    ("Full-year 2014 net income was", ["Full-year 2014"]),
    ("compared to the first quarter in 2014. Net", ["the first quarter in 2014"]),
])
def test_dates_second_pass(nlp, text, expected):
    assert texts(nlp, text, "DATE") == expected


@pytest.mark.parametrize("text", [
    "Directors serving until the 2014 annual meeting of shareholders are",
    "The 2009 plan rules are the same as the 2008 plans.",
    "interest is payable semi-annually on April 1 and October 1 of each year",
    "Record Dates: March 1 and September 1.",
    "the 6.5% Senior Notes due June 15, 2016 (the Notes)",
    "earnings rose from the third quarter a year ago",
    "Unusually for a second quarter, orders rose.",
    "revenues for the first half were flat",
])
def test_not_dates_second_pass(nlp, text):
    assert texts(nlp, text, "DATE") == []


def test_shares_second_pass(nlp):
    text = ("Zeta sold 20,000 Class B Preferred Shares, distributed 40 million Zorbix ordinary "
            "shares, issued 2.5 million of its common shares, holds 15,250 of Non-Voting Shares "
            "and counts one share for every unit.")
    assert texts(nlp, text, "SHARES") == ["20,000 Class B Preferred Shares",
                                          "40 million Zorbix ordinary shares",
                                          "2.5 million of its common shares", "15,250",
                                          "one share"]


def test_a_units_worth_in_shares_and_a_headers_year_are_no_counts(nlp):
    text = ("PSUs represent a right to receive one share or the value of one share. Each preferred share is "
            "convertible into one share of common stock.")
    assert texts(nlp, text, "SHARES") == [] and texts(nlp, text, "PERCENT") == []
    assert texts(nlp, "It received one share and sold 2,000 shares.", "SHARES") == ["2,000 shares"]
    table = "                      2023       2022\nShares outstanding     1,204      1,187\n"
    assert texts(nlp, table, "SHARES") == ["1,204", "1,187"]  # the row's counts, not `2022\nShares`


def test_percent_ranges_and_hyphens(nlp):
    text = ("Sales should grow 4 to 8 percent; costs fell 12 and 9 percent; it owns a 51-percent "
            "stake and 6.25% Notes due 2019 and 7.00% Notes.")
    assert texts(nlp, text, "PERCENT") == ["4", "8 percent", "12", "9 percent", "51-percent",
                                           "6.25%", "7.00%"]


def test_money_second_pass(nlp):
    text = "raised from Cdn $20 million; savings of half a billion dollars; Mr. Pike--$95,500."
    assert texts(nlp, text, "MONEY") == ["Cdn $20 million", "half a billion dollars", "$95,500"]


@pytest.mark.parametrize("text,expected", [
    ("Jane Roe, Vice President, Marketing, Zeta Corp. said", ["Vice President, Marketing"]),
    ("He became Senior Vice President, Finance and Planning, Chief Financial Officer of Zeta",
     ["Senior Vice President, Finance and Planning", "Chief Financial Officer"]),
    ("as Executive Vice President, Research, Design and Quality, a post",
     ["Executive Vice President, Research, Design and Quality"]),
    ("Tom Pike, President, Zeta's Retail Division, said", ["President"]),
    ("Ann Lee, Senior Vice President Operations & Treasurer", ["Senior Vice President Operations", "Treasurer"]),
    ("He will serve as Director Emeritus after", ["Director Emeritus"]),
    ("He joined as a Store Manager and became Regional Manager.", ["Store Manager", "Regional Manager"]),
    ("a talk by Zeta Inc.'s Director of Investor Relations on", ["Director of Investor Relations"]),
])
def test_roles_second_pass(nlp, text, expected):
    assert texts(nlp, text, "ROLE") == expected


@pytest.mark.parametrize("text", [
    "the articles were filed with the Georgia Secretary of State.",
    "under the CEO Agreement dated",
    "any new director whose election was approved",
    "because he is or was a director, officer, employee or agent",
])
def test_not_roles_second_pass(nlp, text):
    assert texts(nlp, text, "ROLE") == []


def test_fast_matcher_equals_spacy_matcher(nlp):
    """The text matcher finds what spaCy's Matcher finds with whitespace-expanded patterns."""
    from spacy.matcher import Matcher

    from extractors.components.rules.loader import expand_pattern, load_lexicons, load_token_patterns

    comp = nlp.get_pipe("sec_rules")
    text = ("On Friday, March 5, 2004 Zeta sold 1,250,000\nadditional shares for $12.5 million, "
            "65% of the third quarter of fiscal 2004 and the fiscal year ended\nNovember 30, 2003."
            "\n\nMay\n\n5 was the Vice President of Finance. Chief Operating Officer Jo Wu.")
    doc = nlp.make_doc(text)
    macros = load_lexicons(None)["macros"]
    slow = Matcher(nlp.vocab)
    for n, entry in enumerate(load_token_patterns()):
        slow.add(f"{entry['label']}|{entry.get('id', n)}|{n}", [expand_pattern(entry["pattern"], macros)])

    def trimmed(matches):
        out = set()
        for key, s, e in matches:
            while s < e and doc[s].is_space:
                s += 1
            while e > s and doc[e - 1].is_space:
                e -= 1
            out.add((nlp.vocab.strings[key], s, e))
        return out

    from extractors.components.rules.context import RuleContext
    ctx = RuleContext(doc, comp.lex)
    keep, bad = comp._compact(ctx)
    fast = set()
    for key, cs, ce in comp.fast_matcher([ctx.texts[i] for i in keep]):
        if bad[ce - 1] == bad[cs] and "|lexicon|" not in nlp.vocab.strings[key]:
            fast.add((nlp.vocab.strings[key], keep[cs], keep[ce - 1] + 1))
    assert fast == trimmed(slow(doc))


@pytest.mark.parametrize("text,expected", [
    ("Ms. Vantongeren joined as vice president of marketing in May.", ["vice president of marketing"]),
    ("He was promoted to Regional Vice President and then Divisional Vice President.",
     ["Regional Vice President", "Divisional Vice President"]),
    ("Mr. Lund was named Director of Marketing and Merchandising.", ["Director of Marketing and Merchandising"]),
    ("RON LUND NAMED CHAIRMAN OF THE BOARD OF ZETA, INC.", ["CHAIRMAN OF THE BOARD"]),
    ("Ms. Ito, Chairman of the Board of Directors, signed.", ["Chairman of the Board of Directors"]),
    # a head of a function; the scope of the next title is no area of the one before
    ("Ms. Ito was Head of Global Operations (2019 to 2021).", ["Head of Global Operations"]),
    ("Ms. Ito, Executive Vice President, Global General Counsel and Corporate Secretary, signed.",
     ["Executive Vice President", "Global General Counsel", "Corporate Secretary"]),
    ("Mr. Lund served as Business Unit Head of Building Automation.", []),  # a title's end (the classifier's)
])
def test_role_titles_with_their_area(nlp, text, expected):
    doc = nlp(text)
    assert [e.text for e in doc.ents if e.label_ == "ROLE"] == expected


@pytest.mark.parametrize("text", [
    "If the resignation of a director is effective at a future time, the board may elect a successor.",
    "Such director shall continue to serve until his or her successor is elected.",
    "Any director may resign on written notice to the secretary.",
])
def test_titles_of_an_office_in_general_are_no_role(nlp, text):
    assert [e.text for e in nlp(text).ents if e.label_ == "ROLE"] == []


@pytest.mark.parametrize("text,short", [
    ("Ms. Roe served at Illinois Widget Works Inc. (“IWW”), a manufacturer.", "IWW"),
    ("Together with Zeta Widget Foods Company (“ZWFC”), our subsidiary, we borrowed.", "ZWFC"),
    ("Zeta Widgets Holdings, Inc. (\"Zeta\") agreed.", "Zeta"),
    ("Zeta Widgets Holdings, Inc. (ZWH) agreed.", "ZWH"),
])
def test_a_short_name_defined_after_a_company_is_an_org(nlp, text, short):
    assert short in texts(nlp, text, "ORG")


@pytest.mark.parametrize("text,short", [
    ("Its patents came from Quillon Semiconductors, N.V. (QSN) in 2019.", "QSN"),
    ("Ratings are set by T&Q Global Inc. (T&Q) each year.", "T&Q"),
    ("In 1997, Marlow Company (Former Marlow) spun off its chemicals unit.", "Former Marlow"),
])
def test_a_short_name_defined_without_quotes_is_an_org(nlp, text, short):
    """A bracketed short name with no quotes (`N.V. (NXP)`, `Company (Former Monsanto)`) is the
    company's where a word of it is a word of the name."""
    assert short in texts(nlp, text, "ORG")


def test_a_bracket_after_a_company_holds_no_ticker_as_its_name(nlp):
    assert texts(nlp, "Zeta Widgets Holdings, Inc. (ZQX) reported results.", "ORG") == ["Zeta Widgets Holdings, Inc."]


@pytest.mark.parametrize("text,people", [
    ("A putative class action, Gumm v. Molinaroli, et al., was filed in 2016.", ["Gumm", "Molinaroli"]),
    ("Two suits are pending, Datnoff, et al. v. Behring, et al., and Felicetti, et al. v. Behring.",
     ["Datnoff", "Behring", "Felicetti", "Behring"]),
    ("The suit is captioned Cupat v. Palantir Widgets Inc., et al.", ["Cupat"]),
    ("The opinion in Zeta Widgets Co. & Subs. v. Commissioner was issued in 2023.", []),
    ("On January 14, 2021, Plaintiff Michael Ostrander filed a complaint.", ["Michael Ostrander"]),
])
def test_the_people_of_a_case_caption(nlp, text, people):
    """A caption's parties of one surname (or a given name and a surname) are people; a
    company, a public office (`Commissioner`) and a word joined to a company (`& Subs.`) are not."""
    assert texts(nlp, text, "PERSON") == people


@pytest.mark.parametrize("text,court", [
    ("Plaintiffs have appealed to the United States Court of Appeals for the Seventh Circuit. Briefing is done.",
     "United States Court of Appeals for the Seventh Circuit"),
    ("A proceeding was created in the Superior Court of California in Alameda County to coordinate cases.",
     "Superior Court of California in Alameda County"),
    ("VLSI filed a complaint in the US District Court for the Northern District of California in 2019.",
     "US District Court for the Northern District of California"),
    ("We removed the action to the United States District Court in the Central District of California, where",
     "United States District Court in the Central District of California"),
    # a court named with its county stays a court before its state (no `City, State` place)
    ("A complaint was filed in the Circuit Court of the 17th Judicial Circuit for Broward County, Florida, in May.",
     "Circuit Court of the 17th Judicial Circuit for Broward County"),
])
def test_a_court_is_named_with_its_circuit_county_or_district(shipped_nlp, text, court):
    assert court in [e.text for e in shipped_nlp(text).ents if e.label_ == "ORG"]


def test_a_forms_item_title_holds_no_company(shipped_nlp):
    doc = shipped_nlp("Item 4. Controls and Procedures\nOur management evaluated the disclosure controls.")
    assert [e.text for e in doc.ents if e.label_ == "ORG"] == []


def test_a_defined_role_after_a_company_is_no_org(nlp):
    assert texts(nlp, 'Zeta Widgets Holdings, Inc. ("Buyer") agreed.', "ORG") == ["Zeta Widgets Holdings, Inc."]


# ------------------------------------------------------------------ agencies, raters
@pytest.mark.parametrize("text,org", [
    ("In November 2023, the U.S. Patent and Trademark Office found some of the claims invalid.",
     "U.S. Patent and Trademark Office"),
    ("Its debt is rated Aa2 by Moody\u2019s Investors Service and AA- by S&P Global Ratings.",
     "Moody\u2019s Investors Service"),
    ("The Company filed a petition in the Tax Court in December 2015.", "Tax Court"),
    ("Brindle will file a proxy statement with the U.S. Securities and Exchange Commission.",
     "U.S. Securities and Exchange Commission"),
])
def test_agencies_courts_and_rating_agencies(nlp, text, org):
    assert org in texts(nlp, text, "ORG")


def test_the_given_name_lexicon_keeps_names_and_leaves_words_and_companies():
    """training.first_names: a candidate the text writes in lower case (`grant`) or in a
    company's name (`Chase` of `Chase Widgets, Inc.`) is no given name; a name introduced by
    an honorific in two filings is one."""
    from training.first_names import choose

    texts = ["We grant options. Mr. Osvaldo Pratt joined Chase Widgets, Inc. in May.",
             "Ms. Kay Lund and Mr. Osvaldo Pratt signed. /s/ Kay Lund"]
    assert choose({"Grant", "Chase", "Kay", "Georgia"}, texts, min_documents=2) == ["Kay", "Osvaldo"]


def test_the_shipped_given_names_find_an_unseen_person(rules_nlp):
    doc = rules_nlp("Marlow Holdings LLC announced today that Kay Ostergaard has been named President.")
    assert ("Kay Ostergaard", "PERSON") in {(e.text, e.label_) for e in doc.ents}


def test_foreign_legal_suffixes_and_institutions_name_companies(rules_nlp):
    doc = rules_nlp("Prism Works Inc. acquired Marlow A/S from Osvald S.a.r.l. and Lund KGaA, its parent. Later Marlow "
                    "joined the Quillfeather Business League and sued Dilmun Metals B.S.C.")
    orgs = [e.text for e in doc.ents if e.label_ == "ORG"]
    assert {"Marlow A/S", "Osvald S.a.r.l.", "Lund KGaA", "Quillfeather Business League",
            "Dilmun Metals B.S.C."} <= set(orgs)
    assert "Marlow" in orgs  # the short name of a suffixed name


def test_no_share_count_after_a_currency_sign_nor_an_exchange_ratio(rules_nlp):
    doc = rules_nlp("In 2024, Prism Works Inc. repurchased $1.2 billion of its ordinary shares and 3,000,000 "
                    "shares of its common stock; holders receive 0.03002 shares of our common shares per share.")
    ents = [(e.text, e.label_) for e in doc.ents]
    assert ("$1.2 billion", "MONEY") in ents and ("3,000,000 shares", "SHARES") in ents
    assert not any(label == "SHARES" and ("1.2" in text or "0.03002" in text) for text, label in ents)


def test_periods_of_eight_months_and_of_three_quarters_are_dates(rules_nlp):
    doc = rules_nlp("Revenue rose 5% over the first three quarters of 2010, and fell in the eight months "
                    "ended May 31, 2012.")
    assert [e.text for e in doc.ents if e.label_ == "DATE"] == ["the first three quarters of 2010",
                                                               "the eight months ended May 31, 2012"]


def test_a_roles_area_keeps_its_hyphenated_words(rules_nlp):
    doc = rules_nlp("Mr. Lund served as President, Europe Sub-Saharan Africa from 2017 to early 2019.")
    assert "President, Europe Sub-Saharan Africa" in [e.text for e in doc.ents if e.label_ == "ROLE"]


def test_an_officers_area_after_a_comma_but_not_a_companys_unit(rules_nlp):
    """`Chief Executive Officer, Europe Sub-Saharan Africa`, `Controller, Medical Devices` are one
    ROLE (the gold's reading); a unit named by its company (`Chief Executive Officer, QuillCo
    Beverages North America`, `Chief Marketing Officer, Frito-Lay North America`) is not the
    title's area."""
    def roles(text):
        return [e.text for e in rules_nlp(text).ents if e.label_ == "ROLE"]
    assert "Chief Executive Officer, Europe Sub-Saharan Africa" in roles(
        "Mr. Lund served as Chief Executive Officer, Europe Sub-Saharan Africa from 2015 until 2017.")
    assert "Controller, Medical Devices" in roles("2017 to 2020 — Divisional Vice President, Controller, Medical "
                                                 "Devices.")
    assert "Chief Executive Officer" in roles("Ms. Vale was appointed Chief Executive Officer, QuillCo Beverages "
                                              "North America, effective February 2024.")
    assert "Chief Marketing Officer" in roles("He served as Senior Vice President and Chief Marketing Officer, "
                                              "Quill-Marsh North America from 2014 to 2016.")


def test_a_name_before_an_appointment_to_a_title_is_a_person(rules_nlp):
    """`Silviu Popovici was appointed Chief Executive Officer`: a person even when no given-name
    list knows the name; a company `was named` to a title is none."""
    doc = rules_nlp("Silviu Popovici was appointed Chief Executive Officer, Europe, effective 2019. Quillfeather "
                    "Robotics has been named the Chief Supplier of the year.")
    assert [e.text for e in doc.ents if e.label_ == "PERSON"] == ["Silviu Popovici"]


def test_a_chair_of_our_board_is_one_title(rules_nlp):
    doc = rules_nlp("Peter Thiel (the Chairman of our Board of Directors) adopted a plan. Maria Okafor, Chairman of "
                    "its Board, agreed.")
    assert [e.text for e in doc.ents if e.label_ == "ROLE"] == ["Chairman of our Board of Directors",
                                                                "Chairman of its Board"]


# ------------------------------------------------------------------ business segments
@pytest.mark.parametrize("text,orgs", [
    ("Net sales rose within the Quillfeather Snacks segment in 2023.", ["Quillfeather Snacks"]),
    ("The gain was included in our International operating segment.", ["International"]),
    ("We operate in three reportable segments: QWA, QDS, and QGS. All other activities are corporate.",
     ["QWA", "QDS", "QGS"]),
    ("Orders fell in both the Marine Optics and Field Sensing segments.", ["Marine Optics", "Field Sensing"]),
    ("Costs are reflected within our Corporate and Other segment.", ["Corporate and Other"]),
])
def test_a_named_business_segment_is_an_org(nlp, text, orgs):
    assert texts(nlp, text, "ORG") == orgs


@pytest.mark.parametrize("text", ["Sales rose in each segment.", "The Total segment margin fell.",
                                  "The Company's segments are described in Note 4."])
def test_segments_not_named_are_no_org(nlp, text):
    assert texts(nlp, text, "ORG") == []


def test_a_titles_scope_or_function_before_it_is_part_of_it(nlp):
    text = ("Ana Ruiz is Executive Vice President and Global General Counsel. Tom Lee was Senior Vice President "
            "and Deputy Chief Financial Officer, then Legal Director. Jo Park and Lu Chen, Co-CEOs, joined "
            "as a marketing vice president. The North America President and the interim Chief Financial "
            "Officer spoke.")
    roles = texts(nlp, text, "ROLE")
    for role in ("Global General Counsel", "Deputy Chief Financial Officer", "Legal Director", "Co-CEOs",
                 "marketing vice president"):
        assert role in roles, role
    assert "President" in roles and "Chief Financial Officer" in roles  # no region, no `interim` (reading 18)
