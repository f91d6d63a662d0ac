"""FORMATS.md scoring, on hand-made predictions against the real seed gold."""
import copy
import json

import pytest

from training.scoring import fillers_equal, items_scores, norm_text, score, values_equal


@pytest.fixture(scope="module")
def seeds(shared):
    return [json.loads(l) for l in (shared / "spec" / "seeds-gold.jsonl").open(encoding="utf-8")]


def test_gold_against_itself_is_perfect(seeds):
    m = score(seeds, seeds)
    for key in ("entities", "triggers", "arguments", "doc_types"):
        assert m[key]["f"] == 1.0
    assert m["values"]["accuracy"] == 1.0
    assert m["records"]["recall"] == 1.0 and m["records"]["gold"] == 9


def test_empty_predictions_score_zero_recall(seeds):
    m = score(seeds, [{"id": s["id"], "spans": [], "events": []} for s in seeds])
    n_spans = sum(len(s["spans"]) for s in seeds)
    assert m["entities"]["fn"] == n_spans and m["entities"]["tp"] == 0
    assert m["triggers"]["fn"] == 9 and m["records"]["complete"] == 0


def test_boundary_error_is_one_fp_and_one_fn(seeds):
    pred = copy.deepcopy(seeds)
    span = pred[0]["spans"][0]
    span["end"] -= 1
    m = score(seeds, pred)
    assert (m["entities"]["fp"], m["entities"]["fn"]) == (1, 1)


def test_wrong_value_counts_against_value_accuracy_only(seeds):
    pred = copy.deepcopy(seeds)
    money = next(s for s in pred[0]["spans"] if s["label"] == "MONEY")
    money["value"] = {"amount": money["value"]["amount"] * 1.004, "currency": "USD"}  # within 0.5%
    assert score(seeds, pred)["values"]["accuracy"] == 1.0
    money["value"] = {"amount": money["value"]["amount"] * 1.1, "currency": "USD"}
    m = score(seeds, pred)
    assert m["entities"]["f"] == 1.0 and m["values"]["accuracy"] < 1.0


def test_trigger_overlap_and_type_must_match(seeds):
    pred = copy.deepcopy(seeds)
    ev = pred[0]["events"][0]
    ev["trigger"] = {"start": ev["trigger"]["start"] + 1, "end": ev["trigger"]["end"] + 3}  # still overlaps
    assert score(seeds, pred)["triggers"]["f"] == 1.0
    ev["type"] = "DIVIDEND"
    m = score(seeds, pred)
    assert m["triggers"]["fp"] == 1 and m["triggers"]["fn"] == 1


def test_argument_filler_by_other_mention_text(seeds):
    """Another mention of the same name counts (same text once case/space is ignored)."""
    gold = [{"id": "d", "text": "Azteca sold it. Then AZTECA  left.",
             "spans": [{"start": 0, "end": 6, "label": "ORG"}, {"start": 21, "end": 27, "label": "ORG"}],
             "events": [{"type": "DISPOSITION", "trigger": {"start": 7, "end": 11},
                         "args": [{"role": "seller", "start": 0, "end": 6}]}]}]
    pred = copy.deepcopy(gold)
    pred[0]["events"][0]["args"][0] = {"role": "seller", "start": 21, "end": 27}
    m = score(gold, pred)
    assert m["arguments"]["f"] == 1.0 and m["records"]["recall"] == 1.0


def test_ignore_regions_drop_predictions():
    gold = [{"id": "d", "text": "Revenue was $5 million. TABLE $9 million", "spans": [
        {"start": 12, "end": 22, "label": "MONEY", "value": {"amount": 5e6, "currency": "USD"}}],
        "events": [], "ignore": [{"start": 24, "end": 40}]}]
    pred = [{"id": "d", "spans": [
        {"start": 12, "end": 22, "label": "MONEY", "value": {"amount": 5e6, "currency": "USD"}},
        {"start": 30, "end": 40, "label": "MONEY", "value": {"amount": 9e6, "currency": "USD"}}], "events": []}]
    assert score(gold, pred)["entities"]["p"] == 1.0


def test_value_and_text_helpers():
    assert values_equal("MONEY", {"amount": 100.0, "currency": "USD"}, {"amount": 100.4, "currency": "USD"})
    assert not values_equal("MONEY", {"amount": 100.0, "currency": "USD"}, {"amount": 100.0, "currency": "EUR"})
    assert values_equal("DATE", "2004-03-05", "2004-03-05") and not values_equal("DATE", "2004-03", "2004-03-05")
    assert norm_text("Innovo  Group Inc.") == norm_text("innovo group inc")
    assert fillers_equal({"label": "SHARES", "value": 5, "start": 0, "end": 1, "text": "5"},
                         {"label": "SHARES", "value": 5, "start": 50, "end": 51, "text": "5 shares"})


def test_items_scores_count_slots_and_ignores_unmapped_types():
    docs = [{"id": "a", "meta": {"items": ["Results of Operations and Financial Condition",
                                           "Completion of Acquisition or Disposition of Assets"]}},
            {"id": "b", "meta": {"items": ["Other Events"]}}]
    preds = {"a": {"FINANCIAL_RESULT", "DISPOSITION", "SIGNATURE", "EXECUTIVE_CHANGE"},
             "b": {"EXECUTIVE_CHANGE", "DIVIDEND"}}
    m = items_scores(docs, preds)
    # a's EXECUTIVE_CHANGE is a false positive; b declares no item that maps to a type:
    # it is left out (SCHEMA v1.2 section 4)
    assert (m["tp"], m["fp"], m["fn"]) == (2, 1, 0)
    m = items_scores(docs + [{"id": "c", "meta": {"items": ["5.02"], "filed": "2010-01-04"}}],
                     {**preds, "c": {"COMPENSATION"}})
    assert (m["tp"], m["fp"], m["fn"]) == (3, 1, 0)  # Item 5.02 is matched by a COMPENSATION event


def _vote_record(events):
    text = "At the meeting, Ann Lee and Bo Park were elected with 1,000 and 2,000 votes for."
    spans = [{"start": text.index(w), "end": text.index(w) + len(w), "label": lab}
             for w, lab in (("Ann Lee", "PERSON"), ("Bo Park", "PERSON"), ("1,000", "SHARES"), ("2,000", "SHARES"))]
    for s in spans:
        if s["label"] == "SHARES":
            s["value"] = float(text[s["start"]:s["end"]].replace(",", ""))
    trig = {"start": text.index("elected"), "end": text.index("elected") + len("elected")}
    evs = [{"type": "SHAREHOLDER_VOTE", "trigger": dict(trig),
            "args": [{"role": r, "start": next(s["start"] for s in spans if text[s["start"]:s["end"]] == w),
                      "end": next(s["end"] for s in spans if text[s["start"]:s["end"]] == w)} for r, w in ev]}
           for ev in events]
    return {"id": "v", "text": text, "spans": spans, "events": evs}


def test_shared_trigger_gold_takes_the_prediction_with_most_of_its_arguments():
    """FORMATS.md scoring rule 3: several predictions on one shared gold trigger; each gold
    event takes the one that carries most of its arguments, not the first in order."""
    gold = _vote_record([[("nominee", "Ann Lee"), ("votes_for", "1,000")],
                         [("nominee", "Bo Park"), ("votes_for", "2,000")]])
    # predictions in the other order: a first-come matching pairs Ann's gold with Bo's event
    pred = _vote_record([[("nominee", "Bo Park"), ("votes_for", "2,000")],
                         [("nominee", "Ann Lee"), ("votes_for", "1,000")]])
    m = score([gold], [pred])
    assert m["triggers"]["tp"] == 2 and m["triggers"]["fp"] == 0
    assert m["records"]["complete"] == 2  # each gold event matched to its own complete prediction
    # one prediction only: one gold event matched, the one whose arguments it carries
    one = _vote_record([[("nominee", "Bo Park"), ("votes_for", "2,000")]])
    m = score([gold], [one])
    assert (m["triggers"]["tp"], m["triggers"]["fn"], m["records"]["complete"]) == (1, 1, 1)
