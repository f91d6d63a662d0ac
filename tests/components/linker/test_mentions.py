"""A case's step named again with a definite determiner is no new LEGAL_PROCEEDING."""
from extractors.components.linker.mentions import case_noun, one_per_case


def _event(text, word, nth=0, kind="LEGAL_PROCEEDING"):
    start = -1
    for _ in range(nth + 1):
        start = text.index(word, start + 1)
    return {"type": kind, "trigger": {"start": start, "end": start + len(word), "text": word}, "args": []}


def test_later_mentions_of_the_same_step_are_dropped():
    text = ("On May 1, 2024, Brindle entered into a settlement with Hallam. The settlement amount was paid. "
            "Brindle said that the settlement ends the case. In June 2024 a lawsuit was filed; the settlement "
            "of that lawsuit followed.")
    events = [_event(text, "settlement", 0), _event(text, "settlement", 1), _event(text, "settlement", 2),
              _event(text, "lawsuit", 0), _event(text, "settlement", 3), _event(text, "Brindle", 0, "AGREEMENT")]
    kept = one_per_case(events, text)
    assert [(e["type"], e["trigger"]["start"]) for e in kept] == [
        ("AGREEMENT", events[5]["trigger"]["start"]), ("LEGAL_PROCEEDING", events[0]["trigger"]["start"]),
        ("LEGAL_PROCEEDING", events[3]["trigger"]["start"])]
    assert case_noun("lawsuit verdict") == "verdict" and case_noun("ruled") is None


def test_a_new_step_of_another_kind_stays():
    text = "A verdict was entered in 2011. In 2012 the settlement of the case followed."
    events = [_event(text, "verdict"), _event(text, "settlement")]
    assert one_per_case(events, text) == events


def test_cases_named_with_a_demonstrative_point_back():
    """`these lawsuits` names cases told before, found or not; a step that begins with its act
    is new whatever stands before it (`The Company also filed a patent infringement lawsuit`)."""
    text = ("We believe the likelihood is remote that the outcomes of these lawsuits will have a material effect. "
            "The Company also filed a patent infringement lawsuit against Hallam Inc. in March 2021.")
    events = [_event(text, "lawsuits"), _event(text, "filed a patent infringement lawsuit")]
    kept = one_per_case(events, text)
    assert [e["trigger"]["text"] for e in kept] == ["filed a patent infringement lawsuit"]
