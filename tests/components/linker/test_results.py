"""FINANCIAL_RESULT decoding: one event per reported figure (linker/results.py)."""
import re

from extractors.components.linker.results import decode_results


def test_results_one_event_per_figure(rules_nlp):
    text = ("Net revenues were $87.4 million for the second quarter of 2023, compared with $78.0 million "
            "for the second quarter of 2022. The Company expects charges between $5 million and $7 million.")
    doc = rules_nlp(text)
    events = decode_results(doc, [])
    values = [text[slice(*e["args"]["value"])] for e in events]
    assert values == ["$87.4 million", "$78.0 million", "$5 million"]  # the range's upper bound is no event
    first, second = events[0]["args"], events[1]["args"]
    assert text[slice(*first["metric"])] == "Net revenues" == text[slice(*second["metric"])]
    assert text[slice(*first["period"])] == "the second quarter of 2023"
    assert text[slice(*second["period"])] == "the second quarter of 2022"


def test_results_metric_is_the_measured_phrase(rules_nlp):
    """The figure's metric is the phrase the figure measures: not a share of another
    metric (`31% of revenues`), an exclusion (`other than cost of revenues`), a relative
    clause listing components, a price (`par value $0.01 per share`) or a difference
    (`would have been $0.4 million lower`)."""
    text = ("Other cost of revenues, which consists primarily of hosting expenses and card processing charges, "
            "increased to $2.1 million, or 9% of revenues, in the third quarter of 2023. "
            "Operating expenses, other than cost of revenues, were $4.2 million in the third quarter of 2023, "
            "or 31% of revenues, compared to $3.9 million in the third quarter of 2022. "
            "Had exchange rates remained constant, our revenues would have been $0.4 million lower. "
            "Holders received one share of Class A Stock, par value $0.01 per share, for each unit. "
            "We contributed $1.5 million to our defined benefit plans.")
    doc = rules_nlp(text)
    found = [(text[slice(*e["trigger"])], text[slice(*e["args"]["value"])]) for e in decode_results(doc, [])]
    assert found == [("Other cost of revenues", "$2.1 million"), ("Operating expenses", "$4.2 million"),
                     ("Operating expenses", "$3.9 million")]


def test_results_with_no_figure_are_events_only_when_generic(rules_nlp):
    text = ("Brindlecomb Corp. today announced its financial results for the third quarter of 2021. "
            "The Company expects a net loss in fiscal 2022.")
    doc = rules_nlp(text)
    found = [(m.start(), m.end()) for m in re.finditer(r"financial results|net loss", text)]
    events = decode_results(doc, [(a, b, 0.9) for a, b in found])
    assert [text[slice(*e["trigger"])] for e in events] == ["financial results"]
    assert text[slice(*events[0]["args"]["period"])] == "the third quarter of 2021"
    assert len(decode_results(doc, [(a, b, 0.9) for a, b in found], generic_only=False)) == 2


def test_announced_results_without_the_classifier(rules_nlp):
    """An Item 2.02 statement of announced results is one event (GUIDELINES) even when
    the trigger classifier finds nothing; it needs the period after the phrase."""
    text = ("On May 2, 2024, Brindlecomb Corp. issued a press release announcing its financial results "
            "for the fiscal quarter ended March 31, 2024. Brindlecomb also reported results for 2023 "
            "of $4.1 million. The board reported its results for review.")
    doc = rules_nlp(text)
    events = decode_results(doc, [])
    generic = [e for e in events if "value" not in e["args"]]
    assert [text[slice(*e["trigger"])] for e in generic] == ["financial results"]
    assert text[slice(*generic[0]["args"]["metric"])] == "financial results"
    assert text[slice(*generic[0]["args"]["period"])] == "the fiscal quarter ended March 31, 2024"
    assert not [e for e in decode_results(doc, [], announced=False) if "value" not in e["args"]]


def test_results_call_held_is_an_announced_results_event(rules_nlp):
    """`held its ... earnings conference call` states that results were announced: one
    event, trigger and metric `earnings`, period the DATE before it."""
    text = ("On February 3, 2025, Brindlecomb Corp. held its fourth quarter 2024 earnings conference call, "
            "broadcast live by webcast. Brindlecomb will hold its annual meeting in May.")
    doc = rules_nlp(text)
    generic = [e for e in decode_results(doc, []) if "value" not in e["args"]]
    assert [text[slice(*e["trigger"])] for e in generic] == ["earnings"]
    assert text[slice(*generic[0]["args"]["period"])] == "fourth quarter 2024"


def test_a_result_stated_twice_is_one_event():
    from extractors.components.linker.results import one_per_fact

    def ev(trigger, amount, *roles):
        args = [{"role": "value", "value": {"amount": amount, "currency": "USD"}}] + [{"role": r} for r in roles]
        return {"type": "FINANCIAL_RESULT", "trigger": {"text": trigger}, "args": args}
    headline, body = ev("Net Earnings", 51e6), ev("Net earnings", 51e6, "period")
    other = ev("net earnings", 44e6, "period")
    assert one_per_fact([headline, body, other]) == [body, other]
    per_share = [ev("per share", 0.15, "period"), ev("per share", 0.15, "period")]
    assert one_per_fact(per_share) == per_share  # `per share` follows different metrics
    vote = {"type": "SHAREHOLDER_VOTE", "trigger": {"text": "approved"}, "args": []}
    assert one_per_fact([vote, vote]) == [vote, vote]
