"""The gold corpus as a datasets.DatasetDict: every split, every row, the counts of
`sec-events corpus stats`, and rows that turn back into the gold records."""
import json
from collections import Counter

import pytest

from sec_events.documents import read_jsonl
from training.corpus import (ANNOTATIONS, LEE8K_SPLITS, MANIFEST, WIDE_ANNOTATIONS, WIDE_MANIFEST, WIDE_SPLITS,
                             load_gold, stats)
from training.hf import ALL_SPLITS, load_gold_dataset, to_records, to_row


@pytest.fixture(scope="module")
def gold(shared):
    return load_gold_dataset(shared)


@pytest.fixture(scope="module")
def records(shared):
    """The gold records of each split as the project's loader gives them."""
    out = {split: load_gold(split, shared) for split in LEE8K_SPLITS + WIDE_SPLITS}
    out["seeds"] = list(read_jsonl(shared / "spec" / "seeds-gold.jsonl"))
    return out


def _standoff_counts():
    """Per split, from the stand-off files and manifests alone (no text read)."""
    out = {}
    for annotations, manifest, splits in ((ANNOTATIONS, MANIFEST, LEE8K_SPLITS),
                                          (WIDE_ANNOTATIONS, WIDE_MANIFEST, WIDE_SPLITS)):
        records = {r["id"]: r for r in read_jsonl(annotations)}
        ids = json.loads(manifest.read_text(encoding="utf-8"))["splits"]
        for split in splits:
            rs = [records[i] for i in ids[split]]
            out[split] = {"ids": set(ids[split]), "spans": Counter(s["label"] for r in rs for s in r["spans"]),
                          "events": Counter(e["type"] for r in rs for e in r["events"])}
    return out


def test_splits_and_counts_match_the_gold_files(gold, records):
    from datasets import DatasetDict

    assert isinstance(gold, DatasetDict)
    assert list(gold) == list(ALL_SPLITS) == ["train", "dev", "test", "wide-train", "wide-dev", "wide-test", "seeds"]
    expected = _standoff_counts()
    for split, want in expected.items():
        ds = gold[split]
        assert ds.num_rows == len(want["ids"]) and set(ds["id"]) == want["ids"]
        assert Counter(s["label"] for spans in ds["spans"] for s in spans) == want["spans"]
        assert Counter(e["type"] for events in ds["events"] for e in events) == want["events"]
    seeds = records["seeds"]
    assert gold["seeds"]["id"] == [r["id"] for r in seeds]
    assert sum(len(s) for s in gold["seeds"]["spans"]) == sum(len(r["spans"]) for r in seeds)
    # what `sec-events corpus stats` prints for the split (training.corpus.stats)
    for split in ("dev", "wide-test"):
        st = stats(records[split])
        ds = gold[split]
        assert ds.num_rows == st["documents"]
        assert sum(len(t.split()) for t in ds["text"]) == st["words"]
        assert Counter(s["label"] for spans in ds["spans"] for s in spans) == st["spans"]


def test_rows_turn_back_into_the_gold_records(gold, records):
    for split in ALL_SPLITS:
        assert to_records(gold[split]) == records[split], split


def test_span_columns(gold):
    seen = Counter()
    for row in gold["wide-dev"]:
        for s in row["spans"]:
            assert s["text"] == row["text"][s["start"]:s["end"]]
            value = None if s["value"] is None else json.loads(s["value"])
            if s["label"] == "MONEY":
                assert s["amount"] == value["amount"] and s["currency"] == value["currency"] and s["number"] is None
            elif s["label"] in ("SHARES", "PERCENT"):
                assert s["number"] == value and s["date"] is s["amount"] is None
            elif s["label"] == "DATE":
                assert s["date"] == value and s["number"] is s["amount"] is None
            else:
                assert value is None and s["date"] is s["number"] is s["amount"] is s["currency"] is None
            seen[s["label"]] += 1
        for e in row["events"]:
            assert e["trigger"]["text"] == row["text"][e["trigger"]["start"]:e["trigger"]["end"]]
            assert all(a["text"] == row["text"][a["start"]:a["end"]] for a in e["args"])
        assert isinstance(json.loads(row["meta"]), dict)
    assert set(seen) == {"DATE", "MONEY", "ORG", "PERCENT", "PERSON", "ROLE", "SHARES"}


def test_saved_and_loaded_again(gold, tmp_path):
    from datasets import load_from_disk

    small = gold["seeds"]
    small.save_to_disk(str(tmp_path / "seeds"))
    again = load_from_disk(str(tmp_path / "seeds"))
    assert to_records(again) == to_records(small)


def test_row_of_a_written_record():
    text = "On May 2, 2022, Quillfeather Robotics, Inc. paid $1.5 million for 20% of Brightwater."
    record = {"id": "x", "text": text, "meta": {"form": "8-K"},
              "spans": [{"start": 3, "end": 14, "label": "DATE", "value": "2022-05-02"},
                        {"start": 16, "end": 43, "label": "ORG"},
                        {"start": 49, "end": 61, "label": "MONEY", "value": {"amount": 1500000.0, "currency": "USD"}},
                        {"start": 66, "end": 69, "label": "PERCENT", "value": 20.0}],
              "events": [{"type": "ACQUISITION", "trigger": {"start": 44, "end": 48},
                          "args": [{"role": "acquirer", "start": 16, "end": 43}], "modality": "expected"}],
              "ignore": [{"start": 70, "end": 85}]}
    row = to_row(record)
    assert row["spans"][2] == {"start": 49, "end": 61, "label": "MONEY", "text": "$1.5 million",
                               "value": json.dumps({"amount": 1500000.0, "currency": "USD"}),
                               "amount": 1500000.0, "currency": "USD", "number": None, "date": None}
    assert row["events"][0]["trigger"]["text"] == "paid"
    assert to_records([row]) == [record]
    with pytest.raises(ValueError, match="unknown split"):
        load_gold_dataset(splits=["validation"])
