"""Fuzzing `sec-events extract` and `corpus build` with generated bad input (issue 21).

A seeded generator (``SEC_EVENTS_FUZZ_SEED``, default 21; the seed is in every failure
message) writes at least 2,000 bad inputs beside good documents: JSONL lines that are
malformed, nested thousands of levels deep, of the wrong types, binary, in mixed
encodings, empty or huge; and files: truncated and nested SGML, binary, empty, odd
encodings, odd names, a FIFO, links to nowhere and to a folder. Both commands run on
them in a subprocess and must: end in bounded time; print no traceback; account for
every input in their output or errors file; give each good document the record a
clean run over the good documents alone gives it.
"""
from __future__ import annotations

import json
import os
import random
import socket
import subprocess
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from sec_events.paths import PROJECT_ROOT

SEED = int(os.environ.get("SEC_EVENTS_FUZZ_SEED", "21"))
RULES = PROJECT_ROOT / "models" / "rules_only"
N_BAD_LINES = 1900
DEADLINE = 240  # seconds a command may take before it counts as a hang (it takes ~10)


# ----------------------------------------------------------------- the generator
@dataclass
class Plan:
    """What was generated: every input with the ids (or path) that account for it."""

    kinds: Counter = field(default_factory=Counter)
    # (description, acceptable ids, acceptable id prefixes, path of the file) per input
    inputs: list[tuple[str, set, tuple, str]] = field(default_factory=list)
    good_ids: list[str] = field(default_factory=list)

    def add(self, kind: str, ids=(), prefixes=(), path: str = "") -> None:
        self.kinds[kind] += 1
        self.inputs.append((kind, set(ids), tuple(prefixes), path))


def good_documents(shared: Path, n: int = 8) -> list[dict]:
    """Short real filings (lee8k) with their metadata."""
    docs = []
    with open(shared / "corpus" / "lee8k.jsonl", encoding="utf-8") as fh:
        for line in fh:
            doc = json.loads(line)
            if len(doc["text"]) < 2500:
                docs.append(doc)
                if len(docs) == n:
                    break
    return docs


def nested(rng: random.Random, depth: int) -> str:
    opens = "".join(rng.choice("[{") for _ in range(depth))
    body = "1"
    for ch in reversed(opens):
        body = f"[{body}]" if ch == "[" else '{"k": ' + body + "}"
    return body


WORDS = ("Acme Corp. appointed Jane Doe as Chief Executive Officer on March 5, 2004 and paid $1.2 million "
         "for 3,125,000 shares, 5.5% of the company; the Board declared a dividend of $0.10 per share").split()
ODD = ["\x00", "\x0b", "\u2028", "\ufeff", "\ud7ff", "\u202e", "\U0001f600", "\u00e9", "\u0301", "\t", "\r",
       "<DOCUMENT>", "</TEXT>", "&amp;", "&#0;", "<", "\\", '"', "$", "%", "Ba2", "1-800-SEC-0330", "9" * 50]


def text(rng: random.Random, n: int) -> str:
    return " ".join(rng.choice(WORDS) if rng.random() < 0.8 else rng.choice(ODD) for _ in range(n))


def bad_line(rng: random.Random, i: int, good: dict) -> tuple[str, bytes, str | None]:
    """(kind, line bytes, the line's own id if a reader can know it)."""
    own = f"fz{i}"
    doc = {"id": own, "text": text(rng, rng.randint(3, 40)), "meta": {"company": "Acme Corp.", "items": ["8.01"]}}
    kind = rng.choice(["malformed", "nested", "wrong-type", "wrong-meta", "binary", "encoding", "empty-or-huge",
                       "odd-text", "top-level", "duplicate"])
    if kind == "malformed":
        raw = json.dumps(doc)
        form = rng.randrange(6)
        if form == 0:
            return kind, raw[:rng.randrange(1, len(raw) - 1)].encode(), None
        if form == 1:
            return kind, raw.replace('"id"', "'id'").encode(), None
        if form == 2:
            return kind, (raw[:-1] + ",}").encode(), None
        if form == 3:
            return kind, raw.replace('"text"', '"text": NaN, "x"').encode(), own
        if form == 4:
            return kind, bytes(rng.randrange(32, 127) for _ in range(rng.randint(1, 80))), None
        return kind, (raw + raw).encode(), None
    if kind == "nested":
        depth = rng.choice([50, 900, 1200, 3000, 20000])
        where = rng.randrange(3)
        if where == 0:
            return kind, ('{"id": "%s", "text": "x", "meta": %s}' % (own, nested(rng, depth))).encode(), own
        if where == 1:
            return kind, ('{"id": %s, "text": "x"}' % nested(rng, depth)).encode(), None
        return kind, nested(rng, depth).encode(), None
    if kind == "wrong-type":
        bad = rng.choice([None, 5, 1.5, True, [], ["a"], {}, {"a": 1}, ""])
        key = rng.choice(["id", "text"])
        doc[key] = bad
        if rng.random() < 0.3:
            del doc[key]
        return kind, json.dumps(doc).encode(), own if key == "text" else None
    if kind == "wrong-meta":
        key = rng.choice(["meta", "items", "company", "context_names", "filed", "accepted"])
        bad = rng.choice([None, 5, -1e308, True, "2.02", [], [5, None, "2.02", ["x"]], {"a": [1]}, "x" * 300,
                          [""] * 3, "not-a-date", 20040101, "2004-13-45"])
        if key == "meta":
            doc["meta"] = bad
        else:
            doc["meta"][key] = bad
        return kind, json.dumps(doc).encode(), own
    if kind == "binary":
        blob = bytes(rng.randrange(256) for _ in range(rng.randint(1, 200))).replace(b"\n", b" ")
        if rng.random() < 0.5:
            return kind, blob, None
        return kind, b'{"id": "' + own.encode() + b'", "text": "' + blob.replace(b'"', b"'").replace(b"\\", b"/") + b'"}', own
    if kind == "encoding":
        form = rng.randrange(5)
        if form == 0:
            return kind, json.dumps(doc, ensure_ascii=False).encode("utf-16"), None
        if form == 1:
            return kind, json.dumps({**doc, "text": "caf\u00e9 \u2014 \u00a3 5"}, ensure_ascii=False).encode("cp1252"), own
        if form == 2:
            return kind, b"\xef\xbb\xbf" + json.dumps(doc).encode(), own
        if form == 3:
            return kind, json.dumps({**doc, "text": "lone \ud800 surrogate " + doc["text"]}).encode(), own
        return kind, json.dumps({**doc, "id": own + "\ud800"}).encode(), own + "\ud800"
    if kind == "empty-or-huge":
        form = rng.randrange(4)
        if form == 0:
            doc["text"] = ""
        elif form == 1:
            doc["text"] = " \n\t " * rng.randint(1, 50)
        elif form == 2 and rng.random() < 0.1:
            doc["text"] = "word " * 400_001  # over the 2,000,000-character limit
        else:
            doc["text"] = "A" * rng.choice([10_000, 40_000])  # one enormous token
        return kind, json.dumps(doc).encode(), own
    if kind == "odd-text":
        doc["text"] = rng.choice([
            "<html><body>" + "<div>" * 3000 + "deep" + "</div>" * 3000 + "</body></html>",
            "<DOCUMENT>\n<TYPE>8-K\n<TEXT>\n" + text(rng, 30),
            "".join(chr(rng.choice([rng.randrange(0x20, 0x7f), rng.randrange(0xa0, 0x2fff),
                                    rng.randrange(0x1f300, 0x1f600)])) for _ in range(300)),
            "\n" * 500 + "$" + " " * 31 + "\n" * 500,
            "ITEM 2.02 " * 200,
        ])
        return kind, json.dumps(doc, ensure_ascii=rng.random() < 0.5).encode(), own
    if kind == "top-level":
        return kind, json.dumps(rng.choice([None, 1, "text", [doc], [], True])).encode(), None
    # duplicate: a bad document's id again (never a good one's: the first of an id wins)
    return kind, json.dumps({**doc, "id": f"fz{max(i - 1, 0)}"}).encode(), f"fz{max(i - 1, 0)}"


def sgml(accession: str | None, docs: list[tuple[str, bytes]], close: bool = True) -> bytes:
    head = b"<SEC-DOCUMENT>x.txt : 20040105\n<SEC-HEADER>\n"
    if accession:
        head += b"ACCESSION NUMBER:\t\t" + accession.encode() + b"\n"
    head += b"CONFORMED SUBMISSION TYPE:\t8-K\nFILED AS OF DATE:\t\t20040105\n</SEC-HEADER>\n"
    body = b"".join(b"<DOCUMENT>\n<TYPE>" + t.encode() + b"\n<SEQUENCE>" + str(n).encode() + b"\n<TEXT>\n" + x
                    + b"\n</TEXT>\n</DOCUMENT>\n" for n, (t, x) in enumerate(docs, 1))
    return head + body + (b"</SEC-DOCUMENT>\n" if close else b"")


def bad_file(rng: random.Random, i: int) -> tuple[str, str, bytes | None, str | None]:
    """(kind, file name, content or None for a special file, accession of its ids)."""
    acc = f"0000{i:06d}-04-{i:06d}"
    body = text(rng, 60).encode()
    kind = rng.choice(["sgml-truncated", "sgml-nested", "sgml-odd", "binary", "encoding", "empty", "html",
                       "odd-name", "jsonl-file", "parquet-file"])
    if kind == "sgml-truncated":
        full = sgml(acc, [("8-K", body), ("EX-99.1", body)])
        return kind, f"bad-{i}.txt", full[:rng.randrange(10, len(full))], acc
    if kind == "sgml-nested":
        inner = sgml(acc, [("8-K", body)])
        depth = rng.choice([2, 50, 2000])
        return kind, f"bad-{i}.nc", sgml(acc, [("8-K", inner * 2 + b"<DOCUMENT>\n<TYPE>8-K\n<TEXT>\n" * depth)]), acc
    if kind == "sgml-odd":
        docs = rng.choice([[("GRAPHIC", b"begin 644 logo.gif\nM1234\nend")], [("EX-99", b"%PDF-1.4\x00\x01")],
                           [("8-K", b"")], [("", body)], [("8-K", b"\x00" * 500)],
                           [("8-K", "caf\u00e9 \u2014 5".encode("cp1252") + body)],
                           [("EX-99.1", body)] * rng.randint(2, 30)])
        return kind, f"bad-{i}.txt", sgml(rng.choice([acc, None]), docs, close=rng.random() < 0.5), acc
    if kind == "binary":
        blob = rng.choice([b"%PDF-1.4\n", b"PK\x03\x04", b"\x89PNG\r\n", b"", b"\x00"]) + bytes(
            rng.randrange(256) for _ in range(rng.randint(0, 3000)))
        return kind, f"bad-{i}.{rng.choice(['txt', 'htm', 'nc', 'html'])}", blob, None
    if kind == "encoding":
        txt = "FORM 8-K\nAcme Corp. caf\u00e9 \u2014 \u00a35 on March 5, 2004.\n" * 3
        return kind, f"bad-{i}.txt", rng.choice([txt.encode("utf-16"), txt.encode("cp1252"),
                                                  txt.encode("utf-8") + "\u00e9".encode("latin-1"),
                                                  b"\xff\xfe" + txt.encode("utf-8")]), None
    if kind == "empty":
        return kind, f"bad-{i}.{rng.choice(['txt', 'htm', 'jsonl', 'nc'])}", rng.choice([b"", b"\n\n  \t\n"]), None
    if kind == "html":
        return kind, f"bad-{i}.htm", rng.choice([
            b"<html>" + b"<div>" * 5000 + body + b"</html>", b"<html><body><p>" + body + b"</p>",
            b"<table>" * 200 + body, b"<html><script>" + body + b"</script></html>", b"<!DOCTYPE html>"]), None
    if kind == "odd-name":
        name = rng.choice([f"bad {i} with spaces.txt", f"bad-{i}-\u00e9\u4e2d.htm", f"-bad-{i}.txt",
                           f"bad-{i}\nnewline.txt", f"bad-{i}." + "x" * 200 + ".txt", f"bad-{i}.TXT",
                           f"bad-{i}.md", f"bad-{i}", f"bad-{i}.txt.gz"])
        return kind, name, b"FORM 8-K\nAcme Corp. appointed Jane Doe on March 5, 2004.\n", None
    if kind == "jsonl-file":
        return kind, f"bad-{i}.jsonl", rng.choice([bytes(rng.randrange(256) for _ in range(500)),
                                                  b"\n".join([b"{", b"}", b"[]"]), "\u00e9".encode("utf-16")]), None
    return kind, f"bad-{i}.parquet", rng.choice([b"PAR1" + bytes(rng.randrange(256) for _ in range(300)),
                                                b"not parquet"]), None


def generate(root: Path, clean: Path, shared: Path, rng: random.Random) -> Plan:
    """The fuzz folder `root` and, in `clean`, the same good inputs at the same names."""
    plan = Plan()
    goods = good_documents(shared)
    plan.good_ids = [d["id"] for d in goods]
    for folder in (root, clean):
        (folder / "sub").mkdir(parents=True)
    # JSONL files: bad lines with the good documents spread among them
    n_files = 4
    lines_per_file = N_BAD_LINES // n_files
    clean_lines = []
    g = iter(goods)
    for f in range(n_files):
        name = f"sub/docs-{f}.jsonl" if f % 2 else f"docs-{f}.jsonl"
        out = []
        for j in range(lines_per_file):
            i = f * lines_per_file + j
            if j % (lines_per_file // 2) == 7:
                good = next(g, None)
                if good is not None:
                    out.append(json.dumps(good).encode())
                    clean_lines.append(out[-1])
                    plan.add("good-line", {good["id"]})
            kind, raw, own = bad_line(rng, i, goods[0])
            out.append(raw.replace(b"\n", b" ").replace(b"\r", b" "))
            line_id = f"file:{name}#line{len(out)}"
            plan.add(kind, {line_id} | ({own} if own else set()))
        (root / name).write_bytes(b"\n".join(out) + b"\n")
    (clean / "docs-0.jsonl").write_bytes(b"\n".join(clean_lines) + b"\n")
    # files
    for i in range(150):
        kind, name, content, acc = bad_file(rng, i)
        path = root / ("sub" if i % 3 == 0 else "") / name
        path.write_bytes(content)
        rel = path.relative_to(root).as_posix()
        plan.add(kind, {f"file:{rel}"}, (f"file:{rel}/", f"{acc}/") if acc else (f"file:{rel}/",), str(path))
    os.mkfifo(root / "sub" / "pipe.txt")
    plan.add("fifo", {"file:sub/pipe.txt"}, (), str(root / "sub" / "pipe.txt"))
    os.symlink(root / "nowhere.txt", root / "dangling.txt")
    plan.add("dangling-link", {"file:dangling.txt"}, (), str(root / "dangling.txt"))
    os.symlink(root, root / "sub" / "loop")
    plan.add("folder-link", {"file:sub/loop"}, (), str(root / "sub" / "loop"))
    (root / "sub" / "dir.jsonl").mkdir()  # an empty folder with a documents name: no input
    sock = socket.socket(socket.AF_UNIX)
    sock.bind(str(root / "sub" / "sock.txt"))
    sock.close()
    plan.add("socket", {"file:sub/sock.txt"}, (), str(root / "sub" / "sock.txt"))
    (root / ".hidden.txt").write_text("ignored by design")
    (root / "huge.txt").write_bytes(b"FORM 8-K\n" + b"word " * 400_001)  # read, too long to extract
    plan.add("huge-file", {"file:huge.txt"}, (), str(root / "huge.txt"))
    raw_name = os.fsencode(root / "sub") + b"/bad-\xff\xfe-latin1-\xe9.txt"  # not UTF-8
    with open(raw_name, "wb") as fh:
        fh.write(b"FORM 8-K\nAcme Corp. appointed Jane Doe on March 5, 2004.\n")
    plan.add("undecodable-name", {"file:sub/bad-\\udcff\\udcfe-latin1-\\udce9.txt"})
    # good files, at the same names in both folders
    edgar = shared / "corpus" / "edgar"
    for src, name in ((edgar / "0001127602-25-004598.nc", "good/0001127602-25-004598.nc"),
                      (edgar / "NextPoint.8K.html", "good/NextPoint.8K.html")):
        for folder in (root, clean):
            (folder / name).parent.mkdir(exist_ok=True)
            (folder / name).write_bytes(src.read_bytes())
        plan.add("good-file", {f"file:{name}"}, (f"file:{name}", "0001127602-25-004598/"), "")
    return plan


# ----------------------------------------------------------------- running and checking
def run(*args: str) -> subprocess.CompletedProcess:
    start = time.monotonic()
    try:
        result = subprocess.run([sys.executable, "-m", "sec_events.cli", *args], capture_output=True,
                                text=True, timeout=DEADLINE, errors="replace")
    except subprocess.TimeoutExpired:
        pytest.fail(f"seed {SEED}: `{' '.join(args[:2])}` still running after {DEADLINE} s (a hang)")
    result.seconds = time.monotonic() - start
    assert "Traceback" not in result.stderr, f"seed {SEED}:\n{result.stderr[-3000:]}"
    return result


def read_jsonl(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def unaccounted(plan: Plan, ids: set[str], paths: set[str]) -> list:
    missing = []
    for kind, want, prefixes, path in plan.inputs:
        if want & ids or (path and path in paths) or any(i.startswith(p) for p in prefixes for i in ids):
            continue
        missing.append((kind, sorted(want), prefixes))
    return missing


@pytest.fixture(scope="module")
def fuzz(tmp_path_factory, shared):
    base = tmp_path_factory.mktemp("fuzz")
    plan = generate(base / "in", base / "clean", shared, random.Random(SEED))
    bad = sum(n for k, n in plan.kinds.items() if not k.startswith("good"))
    assert bad >= 2000
    return base, plan


def test_extract_survives_fuzzed_input(fuzz):
    base, plan = fuzz
    out, clean_out = base / "extract.jsonl", base / "clean.jsonl"
    result = run("extract", str(base / "in"), "-o", str(out), "--model", str(RULES), "--no-progress",
                 "--batch-size", "64")
    assert result.returncode == 1, f"seed {SEED}: {result.stderr[-2000:]}"  # some documents failed
    records = read_jsonl(out)
    errors = read_jsonl(base / "extract.errors.jsonl")
    ids = {r["id"] for r in records} | {e["id"] for e in errors}
    assert not unaccounted(plan, ids, {e["path"] for e in errors}), f"seed {SEED}"
    assert run("extract", str(base / "clean"), "-o", str(clean_out), "--model", str(RULES),
               "--no-progress").returncode == 0
    clean = {r["id"]: comparable(r) for r in read_jsonl(clean_out)}
    got = {r["id"]: comparable(r) for r in records if r["id"] in clean}
    assert set(plan.good_ids) <= set(clean) and got == clean, f"seed {SEED}"
    outcomes = Counter((r["error"] or "extracted").split(":")[0] for r in records)
    outcomes.update(f"errors file: {e['reason']}" for e in errors if e["kind"] == "skipped")
    print(f"\nfuzz seed {SEED}: {sum(plan.kinds.values())} inputs {dict(plan.kinds)}\n"
          f"extract ({result.seconds:.1f} s): {dict(outcomes)}")


def comparable(d: dict) -> dict:
    """A record or document without `meta.source` (the path it was read from: the fuzzed
    and the clean copy of a file sit in different folders)."""
    meta = d.get("meta")
    return {**d, "meta": {k: v for k, v in meta.items() if k != "source"}} if isinstance(meta, dict) else d


def test_corpus_build_survives_fuzzed_input(fuzz):
    base, plan = fuzz
    out, clean_out = base / "docs.jsonl", base / "clean-docs.jsonl"
    result = run("corpus", "build", str(base / "in"), "-o", str(out))
    assert result.returncode == 0, f"seed {SEED}: {result.stderr[-2000:]}"
    docs = read_jsonl(out)
    errors = read_jsonl(base / "docs.errors.jsonl")
    ids = {d["id"] for d in docs} | {e["id"] for e in errors}
    assert not unaccounted(plan, ids, {e["path"] for e in errors}), f"seed {SEED}"
    assert len({d["id"] for d in docs}) == len(docs)
    assert run("corpus", "build", str(base / "clean"), "-o", str(clean_out)).returncode == 0

    clean = {d["id"]: comparable(d) for d in read_jsonl(clean_out)}
    got = {d["id"]: comparable(d) for d in docs if d["id"] in clean}
    assert set(plan.good_ids) <= set(clean) and got == clean, f"seed {SEED}"
    outcomes = Counter(e["reason"] for e in errors)
    outcomes["written"] = len(docs)
    print(f"\ncorpus build ({result.seconds:.1f} s): {dict(outcomes)}")
