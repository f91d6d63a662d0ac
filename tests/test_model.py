"""The shipped model: loads with spacy.load in a fresh process, is small, records its
training data, config and scores, and extracts the seed filings' events."""
import hashlib
import json
import subprocess
import sys

import pytest

from sec_events.paths import CORPUS_DIR, default_model
from training.scoring import score

MODEL = default_model()


@pytest.fixture(scope="module")
def nlp():
    import spacy

    return spacy.load(MODEL)


def test_loads_in_a_fresh_process():
    code = ("import spacy, sys; nlp = spacy.load(sys.argv[1]); doc = nlp('Quillfeather Robotics, Inc. appointed "
            "Ada Byron as Chief Financial Officer on May 2, 2022.'); "
            "print([(e.text, e.label_) for e in doc.ents])")
    out = subprocess.run([sys.executable, "-c", code, str(MODEL)], capture_output=True, text=True, check=True).stdout
    assert "('May 2, 2022', 'DATE')" in out and "('Quillfeather Robotics, Inc.', 'ORG')" in out


def test_size_and_meta(nlp):
    size = sum(p.stat().st_size for p in MODEL.rglob("*") if p.is_file())
    assert size <= 25 * 1024 * 1024
    meta = nlp.meta["sec_events"]
    assert {"tok2vec", "spancat", "triggers", "sec_merge", "sec_linker"} <= set(nlp.pipe_names)
    assert "[components.spancat]" in meta["training"]["config"]
    assert meta["scores"]["dev"]["entities"]["f"] > 0 and meta["scores"]["test"]["arguments"]["f"] > 0
    for name in ("annotations", "manifest"):
        path = CORPUS_DIR / ("annotations.jsonl" if name == "annotations" else "manifest.json")
        assert meta["training"]["data_sha256"][name] == hashlib.sha256(path.read_bytes()).hexdigest(), \
            f"the shipped model was trained on another version of corpus/{path.name}"
    assert not list(MODEL.rglob("*.pkl")) and not list(MODEL.rglob("*.pickle"))


def test_seed_filings(nlp, shared):
    """Every entity label and most of the seeds' 9 gold events come out, with arguments."""
    from extractors.records import doc_to_record

    gold = [json.loads(l) for l in (shared / "spec" / "seeds-gold.jsonl").open(encoding="utf-8")]
    preds = [doc_to_record(nlp(g["text"]), g["id"]) for g in gold]
    m = score(gold, preds)
    assert m["entities"]["f"] >= 0.8 and m["values"]["accuracy"] >= 0.98
    assert m["triggers"]["tp"] >= 6 and m["arguments"]["tp"] >= 20
    types = {e["type"] for p in preds for e in p["events"]}
    assert {"SHAREHOLDER_VOTE", "ACQUISITION", "SIGNATURE", "LATE_FILING", "FINANCIAL_RESULT"} <= types
    late = next(e for p in preds for e in p["events"] if e["type"] == "LATE_FILING")
    assert {a["role"] for a in late["args"]} >= {"filer", "period"}
