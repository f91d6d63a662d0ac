"""The filing tokenizer and the sentence rules, on sentences written for the tests."""
from __future__ import annotations

import pytest

from extractors.components.sentences import set_sentence_starts
from extractors.components.tokenizer import blank_filing_nlp


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
    ("fiscal 2024 \u2022Quillfeather Direct grew", ["fiscal", "2024", "\u2022", "Quillfeather", "Direct", "grew"]),
    ("Marlow A/S and Prism S.a.r.l., a", ["Marlow", "A/S", "and", "Prism", "S.a.r.l.", ",", "a"]),
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


# ------------------------------------------------------------- added with the 2nd rules pass
@pytest.mark.parametrize("text,expected", [
    ("Ms. Rowe--$310,000; Mr. Pike$95,500 each; Mr. Lamb, Jr.$12,000",
     ["Ms.", "Rowe", "--", "$", "310,000", ";", "Mr.", "Pike", "$", "95,500", "each", ";",
      "Mr.", "Lamb", ",", "Jr.", "$", "12,000"]),
    ("served at Zeta Corp. (1998-2001) and", ["served", "at", "Zeta", "Corp.", "(", "1998", "-",
                                              "2001", ")", "and"]),
    ("call 555-1234 or file 0-12345 for fiscal 2004-05",
     ["call", "555-1234", "or", "file", "0-12345", "for", "fiscal", "2004-05"]),
    ("paid US$100 and C$5", ["paid", "US$", "100", "and", "C$", "5"]),
])
def test_glued_amounts_and_year_ranges(nlp, text, expected):
    assert words(nlp, text) == expected


def test_sentences_unchanged_by_array_reading(nlp):
    doc = set_sentence_starts(nlp("Zeta grew. It hired staff.\n\nNew line here"))
    assert [s.text.strip() for s in doc.sents] == ["Zeta grew.", "It hired staff.", "New line here"]


def test_tokenizer_survives_serialisation(nlp):
    """A saved model keeps only the token_match pattern string, not its regex flags."""
    from extractors.components.tokenizer import blank_filing_nlp

    other = blank_filing_nlp()
    other.tokenizer.from_bytes(nlp.tokenizer.to_bytes())
    text = "Form 10-K/A, 12b-25(b), call 752-5000, S-3/A, <PAGE> and (2001-2002) on March 3-4, 2010"
    assert words(other, text) == words(nlp, text)
    assert "10-K/A" in words(other, text) and "752-5000" in words(other, text)


def test_a_line_ending_in_ended_goes_on(nlp):
    """`... for the fiscal quarter ended` / `January 31, 2024` is one sentence."""
    text = "Brindle announced results for the\nfirst\nfiscal quarter ended\nJanuary 31, 2024\n."
    assert len(sents(nlp, text)) == 1
