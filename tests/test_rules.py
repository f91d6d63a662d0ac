"""The sec_rules component: boundaries per label on sentences written for the tests,
the seeds from the shared folder, and loading the saved model in a fresh process."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from extractors.pipeline import build_pipeline

PROJECT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def nlp():
    return build_pipeline()


def ents(nlp, text, label=None):
    return [(e.text, e.label_) for e in nlp(text).ents if label is None or e.label_ == label]


def texts(nlp, text, label):
    return [e.text for e in nlp(text).ents if e.label_ == label]


# ----------------------------------------------------------------------- MONEY
def test_money_boundaries(nlp):
    text = ("Zeta paid approximately $7.5 million in cash, up to $3 billion later, a dividend "
            "of $.25 per share, a loss of $(0.12) per share and a maximum of $1,250,000.")
    assert texts(nlp, text, "MONEY") == ["$7.5 million", "$3 billion", "$.25", "$(0.12)", "$1,250,000"]


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
])
def test_dates(nlp, text, expected):
    assert texts(nlp, text, "DATE") == expected


@pytest.mark.parametrize("text", [
    "under the Investment Advisers Act of 1940, as amended",
    "the 2007 Equity Incentive Plan was adopted",
    "its 6.5% Senior Notes due 2017 were redeemed",
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


def test_director_as_office(nlp):
    assert texts(nlp, "She was elected a director of Zeta Corp. in 2004.", "ROLE") == ["director"]
    assert texts(nlp, "The Board of Directors approved director compensation.", "ROLE") == []


# ---------------------------------------------------------------- PERSON / ORG
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
    assert "boom" in doc.user_data["sec_rules_errors"][0]
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
        "from extractors.pipeline import save_pipeline\n"
        f"save_pipeline({str(out)!r})\n"
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
    assert res.stdout.startswith("sec_events_sm")
    assert "('$2.5 million', 'MONEY')" in res.stdout and "('1,000 shares', 'SHARES')" in res.stdout
