"""Re-anchoring the gold when the reader changes a document's text (training.reanchor)."""
import json
import re

import pytest

from sec_events.documents import read_jsonl
from training.corpus import WIDE_ANNOTATIONS, load_gold, sha256
from training.reanchor import Alignment, reanchor, snapshot, squeeze


def reader_change(text: str) -> str:
    """What a new reader might do: a heading added on top, blank-line runs closed up,
    a `$` cell joined to the number on the next line, cells of a line tab-separated."""
    text = re.sub(r"\n[ \t]*\n(?:[ \t]*\n)*", "\n\n", text)
    text = re.sub(r"\$[ \t]*\n+[ \t]*(?=\d)", "$", text)
    text = re.sub(r"(?<=\S) {3,}(?=\S)", "\t", text)
    return "READ BY A NEW READER\n\n" + text


@pytest.fixture
def moved_corpus(shared, tmp_path):
    """Six real wide-set filings10x excerpts, their gold, a snapshot of their texts,
    and a shared folder whose filings10x.jsonl holds the texts as the changed reader gives them."""
    records = [s for s in read_jsonl(WIDE_ANNOTATIONS) if s["source"] == "filings10x"][:6]
    gold = tmp_path / "gold.jsonl"
    gold.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    snap = tmp_path / "snapshot.jsonl"
    snapshot(snap, [gold], shared)
    (tmp_path / "shared" / "corpus").mkdir(parents=True)
    with open(tmp_path / "shared" / "corpus" / "filings10x.jsonl", "w", encoding="utf-8") as f:
        for d in read_jsonl(snap):
            f.write(json.dumps({"id": d["id"], "text": reader_change(d["text"]), "meta": {}}) + "\n")
    return records, gold, snap, tmp_path / "shared"


def mentions(record: dict, text: str) -> list[str]:
    out = [squeeze(text[s["start"]:s["end"]]) for s in record["spans"]]
    for e in record["events"]:
        out.append(squeeze(text[e["trigger"]["start"]:e["trigger"]["end"]]))
        out += [squeeze(text[a["start"]:a["end"]]) for a in e["args"]]
    return out


def test_alignment_maps_words_through_whitespace_changes():
    old = "Net revenues   $\n 1,234\n\n\nwere up 5%"
    new = reader_change(old)
    al = Alignment(old, new)
    a = old.index("1,234")
    assert new[al.start(a):al.end(a + 5)] == "1,234"
    assert new[al.start(0):al.end(12)] == "Net revenues"


def test_every_mention_follows_its_text_to_the_new_reader(moved_corpus, shared):
    records, gold, snap, new_shared = moved_corpus
    old_text = {r["id"]: r["text"] for r in load_gold(annotations=gold, shared=shared)}
    outcomes = reanchor(snap, [gold], new_shared)
    assert not outcomes[gold].lost and outcomes[gold].moved > 300
    moved = load_gold(annotations=gold, shared=new_shared)  # hashes checked against the new texts
    # an excerpt's id names its offsets: the ids moved with them
    assert [r["id"] for r in moved] == [outcomes[gold].renamed.get(r["id"], r["id"]) for r in records]
    assert len(outcomes[gold].renamed) == len(records)
    assert all(r["id"].endswith(f":{r['start']}-{r['end']}") for r in read_jsonl(gold))
    for before, after in zip(records, moved):
        assert mentions(after, after["text"]) == mentions(before, old_text[before["id"]])
        assert all(s.get("value") == t.get("value") for s, t in zip(before["spans"], after["spans"]))


def test_a_mention_the_new_text_lacks_is_reported_and_nothing_written(moved_corpus, shared):
    records, gold, snap, new_shared = moved_corpus
    path = new_shared / "corpus" / "filings10x.jsonl"
    docs = list(read_jsonl(path))
    first = records[0]
    span = first["spans"][0]
    old = {d["id"]: d["text"] for d in read_jsonl(snap)}[first["source_id"]]
    word = old[first["start"] + span["start"]:first["start"] + span["end"]]
    for d in docs:
        if d["id"] == first["source_id"]:
            d["text"] = d["text"].replace(word, "#" * len(word))
    path.write_text("".join(json.dumps(d) + "\n" for d in docs), encoding="utf-8")
    before = gold.read_bytes()
    outcomes = reanchor(snap, [gold], new_shared)
    assert any(word in line for line in outcomes[gold].lost)
    assert gold.read_bytes() == before


def test_a_moved_paragraph_is_found_by_its_text_and_context(shared, tmp_path):
    text = ("Alpha Corp agreed to buy Beta Inc on March 1, 2020.\n\n" + "Filler words here. " * 400
            + "\n\nGamma LLC sold Delta Co to Alpha Corp.\n")
    moved = text.split("\n\n")
    new = "\n\n".join([moved[2], moved[1], moved[0]])
    rec = {"id": "x", "source": "filings10x", "source_id": "x", "start": 0, "end": len(text),
           "sha256": sha256(text), "meta": {}, "events": [],
           "spans": [{"start": m.start(), "end": m.end(), "label": "ORG"}
                     for m in re.finditer(r"Alpha Corp|Beta Inc|Gamma LLC|Delta Co", text)]}
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps(rec) + "\n", encoding="utf-8")
    snap = tmp_path / "snap.jsonl"
    snap.write_text(json.dumps({"source": "filings10x", "id": "x", "text": text}) + "\n", encoding="utf-8")
    (tmp_path / "shared" / "corpus").mkdir(parents=True)
    (tmp_path / "shared" / "corpus" / "filings10x.jsonl").write_text(json.dumps({"id": "x", "text": new}) + "\n")
    outcomes = reanchor(snap, [gold], tmp_path / "shared")
    assert not outcomes[gold].lost
    after = next(read_jsonl(gold))
    got = [new[s["start"]:s["end"]] for s in after["spans"]]
    assert got == ["Alpha Corp", "Beta Inc", "Gamma LLC", "Delta Co", "Alpha Corp"]
    # each found where its context is: the first Alpha Corp opens the paragraph about Beta Inc
    assert new[after["spans"][0]["start"]:].startswith("Alpha Corp agreed")


def test_a_snapshot_is_never_written_into_the_repository(shared):
    from sec_events.paths import CORPUS_DIR

    with pytest.raises(ValueError, match="outside the repository"):
        snapshot(CORPUS_DIR / "texts.jsonl", [WIDE_ANNOTATIONS], shared)


def test_cli_snapshot_then_reanchor_leaves_unchanged_gold_alone(shared, tmp_path):
    """The documented workflow on the real corpus with an unchanged reader: every
    mention is kept, nothing is rewritten, exit 0."""
    from typer.testing import CliRunner

    from sec_events.cli import app
    from training.reanchor import gold_files

    before = {p: p.read_bytes() for p in gold_files()}
    runner = CliRunner()
    snap = tmp_path / "texts.jsonl"
    done = runner.invoke(app, ["corpus", "snapshot", str(snap), "--shared", str(shared)])
    assert done.exit_code == 0, done.output
    done = runner.invoke(app, ["corpus", "reanchor", str(snap), "--shared", str(shared)])
    assert done.exit_code == 0, done.output
    assert "0 lost" in done.output and " lost: " not in done.output
    assert {p: p.read_bytes() for p in gold_files()} == before


def test_a_manifest_follows_the_renamed_ids(tmp_path):
    from training.reanchor import moved_id, rename_in_manifest

    assert moved_id("edgar/file:a.html:10-90", 10, 90, 12, 95) == "edgar/file:a.html:12-95"
    assert moved_id("lee8k/A/A-8K-1", 0, 90, 12, 95) == "lee8k/A/A-8K-1"  # no offsets in it
    manifest = tmp_path / "manifest.json"
    manifest.write_text(json.dumps({"how": "x", "splits": {"wide-test": ["edgar/file:a.html:10-90", "b:0-5"]}},
                                   indent=1) + "\n")
    assert rename_in_manifest(manifest, {"edgar/file:a.html:10-90": "edgar/file:a.html:12-95"})
    assert json.loads(manifest.read_text())["splits"]["wide-test"] == ["edgar/file:a.html:12-95", "b:0-5"]
    assert not rename_in_manifest(manifest, {"nothing:1-2": "nothing:3-4"})
