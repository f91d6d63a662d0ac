"""`sec_votes`: vote results tables and vote statements -> SHAREHOLDER_VOTE events.

Texts are written for these tests (no filing text), except the last test, which reads a
real vote filing from ../shared at test time."""
from __future__ import annotations

import time

import pytest

from extractors.components.votes import find_tables, header_role, is_name, lines_of, prose_counts
from extractors.pipeline import rules_pipeline


@pytest.fixture(scope="module")
def nlp():
    return rules_pipeline()


def votes(doc):
    return [e for e in doc._.events if e["type"] == "SHAREHOLDER_VOTE"]


def roles(event):
    return {a["role"]: a["text"] for a in event["args"]}


TABLE = """Item 5.07 Submission of Matters to a Vote of Security Holders.
Quillfeather Robotics, Inc. held its Annual Meeting of Stockholders on June 3, 2021. A total of 41,200,300 shares were represented at the meeting.
The matters voted upon at the meeting and the results are set out below.
1. The stockholders elected the following nominees as directors:

Nominee\tFor\tWithheld\tBroker Non-Votes
Marta B. Okonkwo\t30,100,200\t1,200,300\t4,500,600
Tobias Lindqvist\t29,800,100\t1,500,400\t4,500,600

2. The stockholders ratified the appointment of Hallam & Pryce LLP as the independent auditor for 2021.

For\tAgainst\tAbstain\tBroker Non-Votes
35,700,800\t120,300\t45,600\t-
"""


def test_table_one_event_per_nominee_and_proposal(nlp):
    doc = nlp(TABLE)
    evs = votes(doc)
    assert len(evs) == 3
    okonkwo, lindqvist, auditor = evs
    assert roles(okonkwo)["nominee"] == "Marta B. Okonkwo"
    assert roles(okonkwo)["votes_for"] == "30,100,200"
    assert roles(okonkwo)["votes_against"] == "1,200,300"  # Withheld
    assert roles(okonkwo)["broker_non_votes"] == "4,500,600"
    assert roles(lindqvist)["nominee"] == "Tobias Lindqvist"
    assert okonkwo["trigger"] == lindqvist["trigger"] and okonkwo["trigger"]["text"] == "elected"  # shared trigger
    assert auditor["trigger"]["text"] == "ratified"
    r = roles(auditor)
    assert (r["votes_for"], r["votes_against"], r["abstentions"]) == ("35,700,800", "120,300", "45,600")
    assert "broker_non_votes" not in r  # a dash is no count
    assert "Hallam & Pryce LLP" in r["proposal"]
    for e in evs:
        assert roles(e)["date"] == "June 3, 2021"
        assert roles(e)["shares_present"].startswith("41,200,300")
    values = {a["role"]: a.get("value") for a in okonkwo["args"]}
    assert values["votes_for"] == 30100200 and values["date"] == "2021-06-03"
    shares = {(e.text, e.label_) for e in doc.ents}
    assert ("30,100,200", "SHARES") in shares and ("45,600", "SHARES") in shares
    assert ("Tobias Lindqvist", "PERSON") in shares


def test_prose_statements():
    nlp = rules_pipeline()
    text = ("At the special meeting held on May 2, 2019, the shareholders approved the merger agreement, with "
            "16,513,716 votes for, 25,000 against and 3,100 abstentions. The proposal to adjourn the meeting was "
            "approved by 12,000,000 shares in favor, 400,000 shares against and 1,250 broker non-votes.")
    doc = nlp(text)
    first, second = votes(doc)
    r = roles(first)
    assert (r["votes_for"], r["votes_against"], r["abstentions"]) == ("16,513,716 votes", "25,000", "3,100 abstentions")
    assert r["proposal"].startswith("the merger agreement") and r["date"] == "May 2, 2019"
    r = roles(second)
    assert r["votes_for"] == "12,000,000 shares" and r["broker_non_votes"] == "1,250 broker non-votes"
    assert r["proposal"] == "The proposal to adjourn the meeting"


def test_ragged_rows_and_split_header(nlp):
    text = ("Proposal 1 - the stockholders elected three directors.\n\n"
            "Director\tVotes\tVotes\tBroker\n"
            "Name\tFor\tWithheld\tNon-Votes\n"
            "Ines Carvalho\t1,000,000\t20,000\t5,000\n"
            "Pavel Dudek\t990,000\t30,000\n"          # the empty last cell was dropped
            "Ruth Abernathy-Cole\t980,000\n")
    tables = find_tables(text)
    assert len(tables) == 1 and len(tables[0].rows) == 3
    evs = votes(nlp(text))
    assert [roles(e)["nominee"] for e in evs] == ["Ines Carvalho", "Pavel Dudek", "Ruth Abernathy-Cole"]
    assert roles(evs[1]) .get("broker_non_votes") is None and roles(evs[1])["votes_against"] == "30,000"
    assert set(roles(evs[2])) >= {"votes_for"} and "votes_against" not in roles(evs[2])


def test_plain_text_table_without_alignment(nlp):
    """Cells apart by runs of spaces whose columns do not line up with the header."""
    text = ("The shareholders approved the 2020 Omnibus Plan as follows:\n\n"
            "     FOR       AGAINST    ABSTAIN\n"
            "  7,654,321  123,456      7,890\n")
    ev, = votes(nlp(text))
    r = roles(ev)
    assert (r["votes_for"], r["votes_against"], r["abstentions"]) == ("7,654,321", "123,456", "7,890")
    assert ev["trigger"]["text"] == "approved" and "Omnibus Plan" in r["proposal"]


def test_not_a_vote_table(nlp):
    text = ("Revenue by segment:\n\nSegment\tFor 2020\tFor 2021\nRetail\t1,234\t2,345\n"
            "Until their successors are elected and qualified, the directors serve.\n")
    assert find_tables(text) == []
    assert votes(nlp(text)) == []


def test_helpers():
    assert header_role("Votes For") == "votes_for" and header_role("Withheld") == "votes_against"
    assert header_role("Abstentions") == "abstentions" and header_role("Broker Non-Votes") == "broker_non_votes"
    assert header_role("Revenue") is None
    assert [line.cells for line in lines_of("x\na\tb  c")] == [[(0, 1)], [(2, 3), (4, 5), (7, 8)]]
    assert is_name("Marta B. Okonkwo") and is_name("Dr. Jane Q. Public, Jr.")
    assert not is_name("Ratification of Auditors") and not is_name("Total")
    text = "with 100,000 votes for, 2,000 against and 300 abstentions"
    assert [(r, text[s:e]) for r, s, e in prose_counts(text, 0, len(text))] == [
        ("votes_for", "100,000 votes"), ("votes_against", "2,000"), ("abstentions", "300 abstentions")]


def test_ten_thousand_rows(nlp):
    rows = "\n".join(f"Nominee Number{chr(65 + i % 26)}{chr(65 + i // 26 % 26)}\t{1000 + i:,}\t{i:,}\t{7:,}"
                     for i in range(10_000))
    text = "The stockholders elected the following directors.\n\nNominee\tFor\tAgainst\tAbstain\n" + rows + "\n"
    nlp.max_length = max(nlp.max_length, len(text) + 1)
    t0 = time.perf_counter()
    doc = nlp(text)
    took = time.perf_counter() - t0
    evs = votes(doc)
    assert len(evs) == 10_000
    assert all("votes_for" in roles(e) for e in evs)
    assert took < 60  # linear: about 3 s on one core


def test_real_vote_filing(shared):
    """The 1-800-Flowers 8-K of ../shared (an 11-nominee table and four proposal tables),
    read as `corpus build` reads it."""
    from sec_events.read.build import ErrorRecord, iter_documents

    path = shared / "corpus" / "edgar" / "1800Flowers.8-K.html"
    doc_record = next(d for d in iter_documents([path]) if not isinstance(d, ErrorRecord))
    nlp = rules_pipeline()
    doc = nlp(doc_record["text"])
    evs = votes(doc)
    nominees = [roles(e)["nominee"] for e in evs if "nominee" in roles(e)]
    assert len(nominees) == 11 and "Celia R. Brown" in nominees and "Larry Zarin" in nominees
    brown = next(e for e in evs if roles(e).get("nominee") == "Celia R. Brown")
    assert {a["role"]: a.get("value") for a in brown["args"]}["votes_for"] == 281090975
    assert roles(brown)["date"] == "December 14, 2023"
    others = [e for e in evs if "nominee" not in roles(e)]
    assert len(others) == 4 and all("votes_for" in roles(e) for e in others)


def test_in_the_shipped_config():
    from extractors.pipeline import load_config

    config = load_config()
    assert config["nlp"]["pipeline"][-2:] == ["sec_linker", "sec_votes"]


def test_the_board_acting_at_a_meeting_is_no_vote():
    """A committee or the board approving (no holders before it) states no vote, in a
    meeting's section as elsewhere; the holders electing the board's nominees do."""
    from extractors.components.votes import statement_verbs

    def verbs(text):
        return [text[a:b] for a, b in statement_verbs(text, (0, len(text)))]
    assert verbs("At its regular meeting on January 17, 2024, the Compensation Committee of the Board of Directors "
                 "of Brindle approved a cash incentive award of $2,000,000.") == []
    assert verbs("The Board, upon the recommendation of its Nominating Committee, increased the size of the Board "
                 "from 8 to 9 members and elected Dr. Ada Quist.") == []
    assert verbs("At the annual meeting, the shareholders of the Company re-elected the members of the Board and "
                 "approved the plan.") == ["re-elected", "approved"]
    assert verbs("At the annual meeting of stockholders held May 1, the following directors were elected.") == [
        "were elected"]
    assert verbs("The Financier has not elected to terminate the arrangement agreed at the meeting.") == []
