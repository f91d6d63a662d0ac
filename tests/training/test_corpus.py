"""Gold corpus storage: stand-off round trip against real lee8k texts, hash checks,
splits, and DocBin conversion."""
import json
import re

import pytest
import spacy

from sec_events.documents import read_jsonl, write_jsonl
from training.corpus import (ANNOTATIONS, MANIFEST, HashMismatch, MODEL_KEY, TRIGGERS_KEY, load_gold,
                             make_splits, read_manifest, sha256, to_docbin, to_docs, to_standoff)


@pytest.fixture(scope="module")
def lee_doc(shared):
    with (shared / "corpus" / "lee8k.jsonl").open(encoding="utf-8") as fh:
        return json.loads(fh.readline())


def _annotated_excerpt(doc, start=0, length=600):
    """An annotation record over an excerpt of a real filing: every `Item N.` heading
    marked as an ORG-free DATE-free text; we only need real offsets, so tag dates
    found by a simple pattern."""
    text = doc["text"][start:start + length]
    spans = [{"start": m.start(), "end": m.end(), "label": "DATE", "value": "x"}
             for m in re.finditer(r"(January|February|March|April|May|June|July|August|September|"
                                  r"October|November|December) \d{1,2}, \d{4}", text)]
    return {"id": f"{doc['id']}:{start}-{start + length}", "text": text, "meta": {"ticker": "A", "accepted": "1"},
            "spans": spans, "events": []}


def test_standoff_round_trip(tmp_path, lee_doc, shared):
    record = _annotated_excerpt(lee_doc, start=100)
    assert record["spans"], "the excerpt should hold a date"
    standoff = to_standoff(record, lee_doc["id"], 100)
    assert "text" not in standoff and standoff["sha256"] == sha256(record["text"])
    ann, man = tmp_path / "a.jsonl", tmp_path / "m.json"
    write_jsonl([standoff], ann)
    man.write_text(json.dumps(make_splits([standoff])))
    (loaded,) = load_gold(annotations=ann, manifest=man, shared=shared)
    assert loaded["text"] == record["text"] and loaded["spans"] == record["spans"]
    assert loaded["meta"]["source_start"] == 100


def test_hash_mismatch_fails_loudly(tmp_path, lee_doc, shared):
    standoff = to_standoff(_annotated_excerpt(lee_doc), lee_doc["id"], 0)
    standoff["start"] += 1  # points at other text than was annotated
    standoff["end"] += 1
    ann = tmp_path / "a.jsonl"
    write_jsonl([standoff], ann)
    with pytest.raises(HashMismatch, match=lee_doc["id"]):
        load_gold(annotations=ann, shared=shared)


def test_splits_by_company_and_date():
    recs = [{"id": f"d{i}", "meta": {"ticker": t, "accepted": a}}
            for i, (t, a) in enumerate([("GOOG", "2005"), ("A", "2003"), ("AA", "2009"), ("AAN", "2004"),
                                        ("A", "2011"), ("AA", "2002")])]
    splits = make_splits(recs, dev_share=0.4)["splits"]
    assert splits["test"] == ["d0"]
    assert splits["dev"] == ["d2", "d4"]  # the latest-filed
    assert set(splits["train"]) == {"d1", "d3", "d5"}


def test_docbin_spans_align_to_tokens(tmp_path, lee_doc):
    record = _annotated_excerpt(lee_doc, start=100)
    record["events"] = [{"type": "SIGNATURE", "trigger": dict(start=record["spans"][0]["start"],
                                                             end=record["spans"][0]["end"]), "args": []}]
    report = {}
    db = to_docbin([record], spacy.blank("en"), tmp_path / "x.spacy", report)
    (doc,) = list(db.get_docs(spacy.blank("en").vocab))
    assert [s.text for s in doc.spans[MODEL_KEY]] == [record["text"][s["start"]:s["end"]] for s in record["spans"]]
    assert [s.label_ for s in doc.spans[TRIGGERS_KEY]] == ["SIGNATURE"]
    assert report["misaligned"] == [] and report["spans"] == len(record["spans"])


def test_docbin_reports_misaligned_spans():
    record = {"id": "x", "text": "Alcoa's results", "spans": [{"start": 0, "end": 4, "label": "ORG"}], "events": []}
    report = {}
    (doc,) = list(to_docs([record], spacy.blank("en"), report))
    assert report["misaligned"] == [("x", "Alco", "Alcoa")]
    assert doc.spans[MODEL_KEY][0].text == "Alcoa"


def test_project_gold_corpus_loads_and_is_split(shared):
    records = load_gold(shared=shared)
    manifest = read_manifest(MANIFEST)["splits"]
    ids = [r["id"] for r in records]
    assert len(ids) == len(set(ids))
    assert sorted(ids) == sorted(manifest["train"] + manifest["dev"] + manifest["test"])
    assert all(r["meta"]["ticker"] == "GOOG" for r in records if r["id"] in set(manifest["test"]))
    for r in records:
        for s in r["spans"]:
            assert 0 <= s["start"] < s["end"] <= len(r["text"])


def test_project_gold_corpus_aligns_to_filing_tokens(shared):
    """Nearly every gold span and trigger falls on token boundaries of the filing
    tokenizer (the rest are expanded; each case is reported)."""
    from training.train import tokenizer_nlp

    report = {}
    docs = list(to_docs(load_gold(shared=shared), tokenizer_nlp(), report))
    assert report["spans"] > 4000
    assert len(report["misaligned"]) / report["spans"] < 0.01, report["misaligned"][:10]
    assert sum(len(d.spans[TRIGGERS_KEY]) for d in docs) > 400


def test_second_annotation_matches_corpus_documents(shared):
    second = list(read_jsonl(ANNOTATIONS.parent / "agreement" / "second.jsonl"))
    first = {s["id"]: s for s in read_jsonl(ANNOTATIONS)}
    assert len(second) >= 15
    for s in second:
        assert first[s["id"]]["sha256"] == s["sha256"]


def test_every_annotation_matches_its_text(shared):
    """Every stand-off file of the project (lee8k gold, the wide set, the agreement
    annotations) joins with its sources (lee8k, filings10x, edgar-8k, and the raw EDGAR
    files as the reader reads them) with each excerpt's SHA-256 checked, and every span,
    trigger and argument lies inside its text and starts and ends on a non-space. A reader
    change that alters a text fails here until `sec-events corpus reanchor` moves the gold."""
    from training.corpus import WIDE_SPLITS
    from training.corpus import sources_of
    from training.reanchor import gold_files

    files = gold_files()
    assert {f.name for f in files} >= {"annotations.jsonl", "second.jsonl", "wide-first-round1.jsonl"}
    assert any(f.parent.name == "votes" and f.name == "annotations.jsonl" for f in files)  # the vote gold
    standoffs = {path: list(read_jsonl(path)) for path in files}
    sources = sources_of([s for v in standoffs.values() for s in v], shared)
    for path, records in standoffs.items():
        for s in records:
            text = sources[(s.get("source", "lee8k"), s["source_id"])]["text"][s["start"]:s["end"]]
            assert sha256(text) == s["sha256"], (path.name, s["id"])
            r, n = s, len(text)
            marks = r["spans"] + [e["trigger"] for e in r["events"]] + [a for e in r["events"] for a in e["args"]]
            for m in marks:
                assert 0 <= m["start"] < m["end"] <= n, (path.name, r["id"], m)
                assert not text[m["start"]].isspace() and not text[m["end"] - 1].isspace(), (path.name, r["id"], m)
    votes = {split: load_gold(split, shared) for split in ("votes-dev", "votes-test")}
    assert votes["votes-dev"] and votes["votes-test"]
    assert {r["meta"]["ticker"] for r in votes["votes-test"]} == {"GOOG"}
    assert all(any(e["type"] == "SHAREHOLDER_VOTE" for e in r["events"]) for v in votes.values() for r in v)
    records = [r for split in WIDE_SPLITS for r in load_gold(split, shared)]
    assert len(records) >= 90 and sum(len(r["text"].split()) for r in records) >= 60_000
    assert {r["id"].split("/")[0] for r in records} == {"filings10x", "edgar-8k", "edgar"}


def test_wide_splits_are_by_company_and_fixed():
    """The recorded splits (made once by training.corpus.make_wide_splits, then fixed:
    an edit of the annotations never moves a document) cover every wide document once,
    a company lies in one split, and wide-test holds 25+ companies seen in no training
    document."""
    from training.corpus import WIDE_ANNOTATIONS, WIDE_MANIFEST, company

    standoffs = list(read_jsonl(WIDE_ANNOTATIONS))
    manifest = read_manifest(WIDE_MANIFEST)
    by_id = {s["id"]: company(s) for s in standoffs}
    sides = {split: {by_id[i] for i in ids} for split, ids in manifest["splits"].items()}
    assert sorted(i for ids in manifest["splits"].values() for i in ids) == sorted(by_id)
    assert not sides["wide-test"] & (sides["wide-train"] | sides["wide-dev"])
    assert not sides["wide-dev"] & sides["wide-train"]
    lee8k = {s["meta"].get("ticker") for s in read_jsonl(ANNOTATIONS)}
    assert len(sides["wide-test"] - lee8k) >= 25 and len(set(by_id.values())) >= 50


def test_later_wide_documents_only_join_training():
    """A document annotated after the wide splits were made joins its company's split
    (a new company: wide-train); the recorded documents never move, and a document of a
    held-out company is refused."""
    from training.corpus import WIDE_MANIFEST, add_to_wide_splits

    manifest = read_manifest(WIDE_MANIFEST)
    trained = manifest["companies"]["wide-train"][0]
    later = [{"id": "filings10x/x/10-K:0-10", "meta": {"ticker": trained}},
             {"id": "filings10x/y/10-Q:5-50", "meta": {"ticker": "ZZZNEW"}}]
    placed = add_to_wide_splits(manifest, later)
    assert placed["splits"]["wide-train"] == manifest["splits"]["wide-train"] + [r["id"] for r in later]
    assert placed["splits"]["wide-test"] == manifest["splits"]["wide-test"]
    assert placed["splits"]["wide-dev"] == manifest["splits"]["wide-dev"]
    assert "ZZZNEW" in placed["companies"]["wide-train"]
    assert add_to_wide_splits(placed, later) == placed
    held = {"id": "filings10x/z/10-K:0-10", "meta": {"ticker": next(c for c in manifest["companies"]["wide-test"] if c.isupper())}}
    with pytest.raises(ValueError, match="wide-test"):
        add_to_wide_splits(manifest, [held])
