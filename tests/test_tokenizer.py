"""The filing tokenizer and the sentence rules, on sentences written for the tests."""
from __future__ import annotations

import pytest

from extractors.sentences import set_sentence_starts
from extractors.tokenizer import blank_filing_nlp


@pytest.fixture(scope="module")
def nlp():
    return blank_filing_nlp()


def words(nlp, text):
    return [t.text for t in nlp(text) if not t.is_space]


@pytest.mark.parametrize("text,expected", [
    ("a dividend of $.25 per share", ["a", "dividend", "of", "$", ".25", "per", "share"]),
    ("a loss of $(0.12) per share", ["a", "loss", "of", "$", "(", "0.12", ")", "per", "share"]),
    ("raised $7.5 million", ["raised", "$", "7.5", "million"]),
    ("a sixty (60)-day notice", ["a", "sixty", "(", "60", ")", "-", "day", "notice"]),
    ("its Form 10-Q.", ["its", "Form", "10-Q", "."]),
    ("on Form 8-K/A and Form 10-KSB", ["on", "Form", "8-K/A", "and", "Form", "10-KSB"]),
    ("under Rule 12b-25(c) and 15(d)", ["under", "Rule", "12b-25", "(", "c", ")", "and", "15", "(", "d", ")"]),
    ("up 42% from", ["up", "42", "%", "from"]),
    ("Acme Widgets Corp., Bank One, N.A. and Foo L.L.C.", ["Acme", "Widgets", "Corp.", ",", "Bank", "One", ",", "N.A.", "and", "Foo", "L.L.C."]),
    ("ACME HOLDINGS INC. and Zeta Co.", ["ACME", "HOLDINGS", "INC.", "and", "Zeta", "Co."]),
    ("Acme Inc.'s board", ["Acme", "Inc.", "'s", "board"]),
    ("/s/Jane Q. Doe", ["/s/", "Jane", "Q.", "Doe"]),
    ("call (555) 123-4567 or file 0-12345", ["call", "(", "555", ")", "123-4567", "or", "file", "0-12345"]),
    ("<PAGE> 7", ["<PAGE>", "7"]),
    ("the third-quarter results", ["the", "third", "-", "quarter", "results"]),
])
def test_tokens(nlp, text, expected):
    assert words(nlp, text) == expected


def test_whitespace_is_kept_as_tokens(nlp):
    doc = nlp("June  9,\n2011 and   more")
    assert doc.text == "June  9,\n2011 and   more"
    assert [t.text for t in doc if t.is_space] == [" ", "\n", "  "]


def sents(nlp, text):
    doc = set_sentence_starts(nlp(text))
    return [s.text.strip() for s in doc.sents]


def test_hard_wrapped_sentence_is_one(nlp):
    text = ("The board of the company met on a Tuesday in the spring and approved\n"
            "the plan that management had proposed to it earlier that month.\n"
            "A second sentence follows here.")
    assert len(sents(nlp, text)) == 2


def test_blank_lines_and_page_markers(nlp):
    text = "First paragraph without a stop\n\nSecond paragraph.\n<PAGE>\nThird one."
    out = sents(nlp, text)
    assert out[0] == "First paragraph without a stop"
    assert "<PAGE>" in out and out[-1] == "Third one."


def test_enumerations_start_sentences(nlp):
    text = ("The holders voted as follows on the two matters put before them at the meeting:\n"
            "(a) the election of directors, which passed\n"
            "(b) the auditor proposal, which also passed")
    out = sents(nlp, text)
    assert any(s.startswith("(a)") for s in out) and any(s.startswith("(b)") for s in out)


def test_abbreviations_do_not_split(nlp):
    text = "Mr. Smith joined Acme Corp. in May. He left."
    out = sents(nlp, text)
    assert out == ["Mr. Smith joined Acme Corp. in May.", "He left."]


def test_registered_tokenizer_in_config():
    import spacy
    from spacy.lang.en import English
    fn = spacy.registry.tokenizers.get("sec_events.filing_tokenizer.v1")()
    tok = fn(English())
    assert [t.text for t in tok("Form 10-K")] == ["Form", "10-K"]
