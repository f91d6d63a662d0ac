"""The span suggesters: which candidates the span classifier and trigger classifier see."""
from __future__ import annotations

import json

import pytest
import spacy

from extractors.components.suggesters import (ALLOW_END, ALLOW_START, TRIGGER_END, TRIGGER_START, _edges,
                                   build_filtered_ngram_suggester)
from extractors.components.tokenizer import build_filing_tokenizer


@pytest.fixture(scope="module")
def nlp():
    nlp = spacy.blank("en")
    nlp.tokenizer = build_filing_tokenizer(nlp)
    return nlp


def _reference_edges(doc, mode):
    """The edge rules written out per Token (the definition `_edges` caches per text)."""
    starts, ends, breaks = [], [], []
    for tok in doc:
        breaks.append(tok.is_space and tok.text.count("\n") >= 2)
        if mode == "trigger":
            starts.append(tok.is_alpha)
            ends.append(tok.is_alpha)
        elif mode == "trigger_words":
            starts.append(tok.is_alpha and (not tok.is_stop or tok.lower_ in TRIGGER_START))
            ends.append(tok.is_alpha and (not tok.is_stop or tok.lower_ in TRIGGER_END))
        else:
            stop = tok.is_stop and tok.is_lower
            starts.append(not tok.is_space and (not stop or tok.lower_ in ALLOW_START)
                          and (not tok.is_punct or tok.text in ("$", "(")) and tok.text not in (")", ",", "."))
            ends.append(not tok.is_space and (not stop or tok.lower_ in ALLOW_END)
                        and (not tok.is_punct or tok.text in ("%", ".")) and tok.text not in ("(", ",", "$"))
    return starts, ends, breaks


@pytest.mark.parametrize("mode", ["entity", "trigger", "trigger_words"])
def test_edges_equal_per_token_definition_on_a_real_filing(nlp, shared, mode):
    with open(shared / "corpus" / "lee8k.jsonl", encoding="utf-8") as f:
        text = json.loads(next(f))["text"]
    doc = nlp(text)
    cache = {}
    assert _edges(doc, mode, cache) == _reference_edges(doc, mode)
    assert _edges(doc, mode, cache) == _reference_edges(doc, mode)  # from the cache


def _candidates(nlp, text, mode, sizes=(1, 2, 3, 4)):
    doc = nlp(text)
    ragged = build_filtered_ngram_suggester(list(sizes), mode)([doc])
    return {doc[s:e].text for s, e in ragged.dataXd.tolist()}


def test_trigger_words_keeps_function_word_triggers_and_drops_the_rest(nlp):
    text = "The Company entered into an agreement and reported $0.35 per share of revenues."
    words = _candidates(nlp, text, "trigger_words")
    every = _candidates(nlp, text, "trigger")
    assert words < every
    assert {"entered into", "per share", "revenues", "reported", "agreement"} <= words
    assert not {"The Company", "into an", "an agreement", "of revenues", "and reported"} & words
    assert {"The Company", "an agreement"} <= every


def test_no_candidate_crosses_a_paragraph_break(nlp):
    cands = _candidates(nlp, "Results were\n\nannounced today", "trigger")
    assert "Results were" in cands and not any("\n\n" in c for c in cands)


def test_unknown_mode_is_refused():
    with pytest.raises(ValueError, match="mode must be one of"):
        build_filtered_ngram_suggester([1], "triggers")
