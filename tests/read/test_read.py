"""Reading raw EDGAR input into documents (sec_events.read)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from sec_events.documents import read_documents
from sec_events.read.build import (ErrorRecord, CorpusReader, build_corpus, iter_documents,
                                   list_input_files, type_matches)
from sec_events.read.decode import decode_bytes
from sec_events.read.html import html_to_text
from sec_events.read.sgml import parse_submission


@pytest.fixture(scope="module")
def EDGAR(shared):  # the real EDGAR files of ../shared (the tests using them skip without it)
    return shared / "corpus" / "edgar"


@pytest.fixture(scope="module")
def SEEDS(shared):  # the seed filings of ../shared
    return shared / "seeds"


def read_one(path: Path, types=None) -> tuple[dict[str, dict], list[ErrorRecord]]:
    docs, errors = {}, []
    for item in CorpusReader(types).iter_file(path):
        if isinstance(item, ErrorRecord):
            errors.append(item)
        else:
            docs[item["id"]] = item
    return docs, errors


def sgml(*documents: bytes, header: bytes | None = None, close: bool = True) -> bytes:
    header = header if header is not None else (
        b"<SEC-DOCUMENT>0000000001-24-000001.txt : 20240102\n<SEC-HEADER>\n"
        b"ACCESSION NUMBER:\t\t0000000001-24-000001\nCONFORMED SUBMISSION TYPE:\t8-K\n"
        b"FILED AS OF DATE:\t\t20240102\n\nFILER:\n\n\tCOMPANY DATA:\n"
        b"\t\tCOMPANY CONFORMED NAME:\t\t\tTEST CO\n\t\tCENTRAL INDEX KEY:\t\t\t0000000001\n"
        b"</SEC-HEADER>\n")
    body = header + b"".join(documents)
    return body + (b"</SEC-DOCUMENT>\n" if close else b"")


def doc(type_: str, seq: int, text: bytes, filename: str | None = None, end: bool = True) -> bytes:
    out = f"<DOCUMENT>\n<TYPE>{type_}\n<SEQUENCE>{seq}\n".encode()
    if filename:
        out += f"<FILENAME>{filename}\n".encode()
    out += b"<TEXT>\n" + text
    if end:
        out += b"\n</TEXT>\n</DOCUMENT>\n"
    return out


# ----------------------------------------------------------------- real submissions
def test_documents_kept_per_submission(EDGAR):
    docs, errors = read_one(EDGAR / "0001213900-25-032135.txt")
    assert list(docs) == ["0001213900-25-032135/8-K", "0001213900-25-032135/EX-99.1"]
    assert not errors

    docs, _ = read_one(EDGAR / "0000929638-25-000114.nc")  # ABS-15G with an EX-99.1 and a logo
    assert list(docs) == ["0000929638-25-000114/EX-99.1"]
    assert docs["0000929638-25-000114/EX-99.1"]["meta"]["filename"] == "exhibit99-1.htm"

    docs, _ = read_one(EDGAR / "0001104659-25-002604.nc")  # single-line CR-separated .nc
    assert list(docs) == ["0001104659-25-002604/EX-99.(A)(5)(C)"]

    docs, _ = read_one(EDGAR / "0000950129-95-001652.txt")  # 1995, PEM-wrapped
    assert list(docs) == ["0000950129-95-001652/EX-99.11"]

    docs, _ = read_one(EDGAR / "0001493152-25-001317.nc")  # iXBRL 8-K; EX-10.1 not kept
    assert list(docs) == ["0001493152-25-001317/8-K"]


def test_types_override_and_prefixes(EDGAR):
    docs, _ = read_one(EDGAR / "0001493152-25-001317.nc", types=["EX-10"])
    assert list(docs) == ["0001493152-25-001317/EX-10.1"]
    docs, _ = read_one(EDGAR / "0001213900-25-032135.txt", types=["EX-99*"])
    assert list(docs) == ["0001213900-25-032135/EX-99.1"]
    assert type_matches("EX-99.1") and type_matches("EX-99") and type_matches("EX-99.(A)(5)(C)")
    assert type_matches("8-K/A") and type_matches("NT 10-K/A") and type_matches("NT 10-Q")
    assert not type_matches("EX-990") and not type_matches("10-K") and not type_matches("8-K12B")
    assert type_matches("ex-99.1", ["EX-99"]) and not type_matches("EX-99.1", ["EX-10"])


@pytest.mark.parametrize("name, expected", [
    ("0000943374-24-000509.txt", {
        "accession": "0000943374-24-000509", "form": "8-K", "cik": "1847360",
        "company": "1895 Bancorp of Wisconsin, Inc. /MD/", "filed": "2024-12-27", "period": "2024-12-20",
        "items": ["Departure of Directors or Certain Officers; Election of Directors; Appointment of "
                  "Certain Officers: Compensatory Arrangements of Certain Officers"]}),
    ("0001213900-25-032135.txt", {
        "accession": "0001213900-25-032135", "form": "8-K", "cik": "1173313",
        "company": "ABVC BIOPHARMA, INC.", "filed": "2025-04-15",
        "items": ["Results of Operations and Financial Condition",
                  "Non-Reliance on Previously Issued Financial Statements or a Related Audit Report or "
                  "Completed Interim Review", "Regulation FD Disclosure",
                  "Financial Statements and Exhibits"]}),
    ("0001493152-25-001317.nc", {
        "accession": "0001493152-25-001317", "form": "8-K", "cik": "880984",
        "company": "ACORN ENERGY, INC.", "filed": "2025-01-08", "period": "2025-01-06",
        "items": ["5.02", "9.01"]}),
    ("0001011438-98-000429.txt", {
        "accession": "0001011438-98-000429", "form": "8-K", "cik": "913951",
        "company": "AAMES CAPITAL CORP", "filed": "1998-12-31", "period": "1998-12-15"}),
    ("header_with_double_newlines.txt", {
        "accession": "0001193125-24-066744", "form": "485APOS", "cik": "1100663",
        "company": "iSHARES TRUST", "filed": "2024-03-13"}),
])
def test_header_metadata(name, expected, EDGAR):
    header = parse_submission((EDGAR / name).read_bytes()).header
    for key, value in expected.items():
        assert header.get(key) == value, key
    if "items" not in expected:
        assert not header.get("items")


def test_document_meta_carries_header_and_document_fields(EDGAR):
    docs, _ = read_one(EDGAR / "0001213900-25-032135.txt")
    meta = docs["0001213900-25-032135/EX-99.1"]["meta"]
    assert meta["type"] == "EX-99.1" and meta["sequence"] == "2"
    assert meta["description"] == "PRESS RELEASE"
    assert meta["company"] == "ABVC BIOPHARMA, INC." and meta["cik"] == "1173313"
    assert meta["filed"] == "2025-04-15" and meta["form"] == "8-K" and len(meta["items"]) == 4
    assert meta["source"].endswith("0001213900-25-032135.txt")


def test_press_release_text_is_intact(EDGAR):
    docs, _ = read_one(EDGAR / "0001104659-25-002604.txt")
    text = docs["0001104659-25-002604/EX-99.(A)(5)(C)"]["text"]
    assert ("SUNNY ISLES BEACH, Fla., January 9, 2025 — Icahn Enterprises L.P. (NASDAQ: IEP) (“IEP”) "
            "and Icahn Enterprises Holdings L.P. (“IEH”) today announced the results of IEH’s cash "
            "tender offer for up to 17,753,322 shares of CVR Energy, Inc.’s (NYSE: CVI) (“CVR Energy”) "
            "common stock, par value $0.01 per share, at a price per share of $18.25") in text
    assert "<" not in text and "&amp;" not in text

    docs, _ = read_one(EDGAR / "0001213900-25-032135.txt")
    text = docs["0001213900-25-032135/EX-99.1"]["text"]
    assert "ABVC reported total revenues of $509,589 in 2024, representing a 234% increase " \
           "compared to $152,430 in 2023." in text


def test_ixbrl_hidden_header_dropped_and_tables_one_line(EDGAR):
    docs, _ = read_one(EDGAR / "form8k.Nordstrom.html")
    text = docs["file:form8k.Nordstrom.html"]["text"]
    assert text.startswith("UNITED STATES\nSECURITIES AND EXCHANGE COMMISSION")
    assert "0000072333" not in text  # CIK from the hidden ix:header
    assert any(line.startswith("Erik B. Nordstrom Chief Executive Officer") and "$758,500" in line
               for line in text.splitlines())
    assert "\n\n\n" not in text and not any(line != line.rstrip() for line in text.splitlines())


def test_html_to_text_basics():
    html = ("<html><head><title>t</title><style>p{color:red}</style><script>var x=1;</script></head>"
            "<body><div style='display:none'><ix:header>HIDDEN</ix:header></div>"
            "<p>AT&amp;T &#8220;said&#8221;&nbsp;so.</p><p>Second<br>line</p>"
            "<table><tr><td>Revenue</td><td></td><td>$</td><td>1,000</td></tr>"
            "<tr><td><p>Net</p><p>income</p></td><td>(5</td><td>)</td></tr></table></body></html>")
    text = html_to_text(html)
    assert "HIDDEN" not in text and "var x" not in text and "color" not in text
    assert "AT&T “said” so." in text
    assert "Second\nline" in text
    lines = text.splitlines()
    assert any(line.startswith("Revenue") and line.endswith("$1,000") for line in lines)
    assert any(line.startswith("Net income") and line.endswith("(5)") for line in lines)


def test_plain_sgml_text_keeps_layout(EDGAR):
    docs, _ = read_one(EDGAR / "0001011438-98-000429.txt")
    text = docs["0001011438-98-000429/8-K"]["text"]
    assert "\n" in text and "SECURITIES AND EXCHANGE COMMISSION" in text
    assert text.splitlines()[0].startswith("      ")  # leading layout kept
    data = sgml(doc("8-K", 1, b"<PAGE>\n   Line one\n<TABLE>\n<S>   <C>\nA     1\n</TABLE>\n"))
    docs, _ = read_one(_write(data))
    text = next(iter(docs.values()))["text"]
    assert "<PAGE>" not in text and "<S>" not in text and "   Line one" in text and "A     1" in text


# ----------------------------------------------------------------- ids
def test_ids_disambiguated_by_sequence(tmp_path):
    data = sgml(doc("8-K", 1, b"Main."), doc("EX-99", 2, b"Release one."), doc("EX-99", 3, b"Release two."))
    docs, _ = read_one(_write(data, tmp_path))
    assert list(docs) == ["0000000001-24-000001/8-K", "0000000001-24-000001/EX-99#2",
                          "0000000001-24-000001/EX-99#3"]


def test_duplicate_submission_reported_once(tmp_path, EDGAR):
    items = list(iter_documents([EDGAR / "0001104659-25-002604.nc", EDGAR / "0001104659-25-002604.txt"]))
    docs = [i for i in items if not isinstance(i, ErrorRecord)]
    errs = [i for i in items if isinstance(i, ErrorRecord)]
    assert [d["id"] for d in docs] == ["0001104659-25-002604/EX-99.(A)(5)(C)"]
    assert [(e.reason, e.document) for e in errs] == [("duplicate-id", "0001104659-25-002604/EX-99.(A)(5)(C)")]


def test_plain_text_seed_and_single_html(EDGAR, SEEDS):
    docs, _ = read_one(SEEDS / "002_60273d0750d61c5f.txt")
    d = docs["file:002_60273d0750d61c5f.txt"]
    assert d["text"] == (SEEDS / "002_60273d0750d61c5f.txt").read_text(encoding="utf-8")  # untouched
    assert d["meta"]["form"] == "NT 10-K"
    items = list(iter_documents([SEEDS]))
    assert sorted(i["id"] for i in items) == ["file:001_e77005689aeae0ac.txt", "file:002_60273d0750d61c5f.txt"]
    docs, _ = read_one(EDGAR / "0001437749-16-028287.html")
    meta = docs["file:0001437749-16-028287.html"]["meta"]
    assert meta["form"] == "8-K" and meta["accession"] == "0001437749-16-028287"


# ----------------------------------------------------------------- encodings
def test_decode_bytes_fallbacks():
    assert decode_bytes("caf\u00e9 \u201cq\u201d".encode("utf-8")) == ("caf\u00e9 \u201cq\u201d", "utf-8")
    assert decode_bytes(b"\x93quoted\x94 \x96 dash") == ("\u201cquoted\u201d \u2013 dash", "cp1252")
    # 0x81 and 0x9d are undefined in cp1252: latin-1 takes over
    assert decode_bytes(b"caf\xe9 \x81\x9d") == ("caf\u00e9 \x81\x9d", "latin-1")
    assert decode_bytes(b"\xef\xbb\xbfBOM") == ("BOM", "utf-8")


def test_cp1252_document_in_submission(tmp_path):
    data = sgml(doc("EX-99.1", 1, b"<html><body><p>The \x93Company\x94 said \x96 caf\xe9.</p></body></html>",
                    filename="ex99.htm"),
                doc("EX-99.2", 2, b"Plain caf\xc3\xa9 in UTF-8."))
    docs, errors = read_one(_write(data, tmp_path))
    assert docs["0000000001-24-000001/EX-99.1"]["text"] == "The \u201cCompany\u201d said \u2013 caf\u00e9."
    assert docs["0000000001-24-000001/EX-99.1"]["meta"]["encoding"] == "cp1252"
    assert docs["0000000001-24-000001/EX-99.2"]["text"] == "Plain caf\u00e9 in UTF-8."
    assert not errors


# ----------------------------------------------------------------- bad input
def test_truncated_document_kept_and_reported(tmp_path):
    data = sgml(doc("8-K", 1, b"Main report."),
                doc("EX-99.1", 2, b"<html><body><p>Press release cut in the mid", filename="ex.htm", end=False),
                close=False)
    docs, errors = read_one(_write(data, tmp_path))
    assert docs["0000000001-24-000001/EX-99.1"]["text"] == "Press release cut in the mid"
    assert docs["0000000001-24-000001/EX-99.1"]["meta"]["truncated"] is True
    assert "truncated" not in docs["0000000001-24-000001/8-K"]["meta"]
    reasons = sorted((e.reason, e.document or "") for e in errors)
    assert reasons == [("truncated", ""), ("truncated", "0000000001-24-000001/EX-99.1")]


def test_real_file_cut_midway(tmp_path, EDGAR):
    raw = (EDGAR / "0001213900-25-032135.txt").read_bytes()
    cut = raw[: raw.index(b"ABVC reported total revenues") + 200]
    docs, errors = read_one(_write(cut, tmp_path))
    assert "ABVC reported total revenues of $509,589" in docs["0001213900-25-032135/EX-99.1"]["text"]
    assert {e.reason for e in errors} == {"truncated"}


def test_binary_and_uuencoded_documents_skipped(tmp_path):
    data = sgml(doc("8-K", 1, b"Main."),
                doc("EX-99.1", 2, b"begin 644 release.pdf\nM)5!$1BTQ+C0*)>+CS],*,2`P(&]B:@H\\/`H@\n`\nend", filename="release.pdf"),
                doc("EX-99.2", 3, b"<PDF>\nbegin 644 x.pdf\nM)5!$\n</PDF>"),
                doc("EX-99.3", 4, b"GIF89a\x00\x01\x02\x03\x00\x00", filename="chart.gif"))
    docs, errors = read_one(_write(data, tmp_path))
    assert list(docs) == ["0000000001-24-000001/8-K"]
    got = sorted((e.reason, e.document, e.kind) for e in errors)
    assert got == [("binary-document", "0000000001-24-000001/EX-99.2", "skipped"),
                   ("binary-document", "0000000001-24-000001/EX-99.3", "skipped"),
                   ("uuencoded-document", "0000000001-24-000001/EX-99.1", "skipped")]


def test_bad_files_become_error_records(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.htm").write_bytes(b"  \n\n")
    (tmp_path / "report.pdf.txt").write_bytes(b"%PDF-1.4\n\x00\x01\x02binary")
    (tmp_path / "image.html").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    (tmp_path / "header_only.txt").write_bytes(b"<SEC-DOCUMENT>x\n<SEC-HEADER>\nACCESSION NUMBER:\t1\n")
    (tmp_path / "notes.md").write_text("not a filing")
    (tmp_path / "docs.jsonl").write_text('{"id": "a", "text": "A."}\nnot json\n{"id": "b"}\n')
    items = list(iter_documents([tmp_path]))
    docs = [i for i in items if not isinstance(i, ErrorRecord)]
    errs = {(Path(e.path).name, e.reason) for e in items if isinstance(e, ErrorRecord)}
    assert [d["id"] for d in docs] == ["a"]
    assert errs == {("empty.txt", "empty"), ("blank.htm", "empty"), ("report.pdf.txt", "binary-file"),
                    ("image.html", "binary-file"), ("header_only.txt", "no-documents"),
                    ("header_only.txt", "truncated"), ("notes.md", "unsupported-file"),
                    ("docs.jsonl", "bad-json"), ("docs.jsonl", "bad-document")}


def test_unreadable_file(tmp_path):
    items = list(CorpusReader().iter_file(tmp_path / "missing.txt"))
    assert [(i.reason) for i in items] == ["unreadable"]


# ----------------------------------------------------------------- whole corpus, output, CLI
def test_every_edgar_file_accounted_for(tmp_path, EDGAR):
    out = tmp_path / "docs.jsonl"
    summary = build_corpus([EDGAR], out)
    files = {str(p) for p, _ in list_input_files([EDGAR])}
    docs = list(read_documents(out))
    errors = [json.loads(line) for line in (tmp_path / "docs.errors.jsonl").read_text().splitlines()]
    seen = {d["meta"]["source"] for d in docs} | {e["path"] for e in errors}
    assert seen == files
    assert summary.files == len(files) == 35
    assert summary.documents == len(docs) == 21
    assert len({d["id"] for d in docs}) == len(docs)
    assert all(d["text"].strip() for d in docs)
    assert summary.errors == {"no-documents": 1}
    assert summary.skipped["duplicate-id"] == 2
    assert summary.skipped_by_type["GRAPHIC"] == 16
    text = summary.describe()
    for word in ("files read", "documents written", "skipped by type", "errors", str(out), "seconds"):
        assert word in text


def test_parquet_round_trip(tmp_path, EDGAR, SEEDS):
    out = tmp_path / "docs.parquet"
    build_corpus([EDGAR / "0001213900-25-032135.txt", SEEDS], out)
    docs = {d["id"]: d for d in read_documents(out)}
    assert set(docs) == {"0001213900-25-032135/8-K", "0001213900-25-032135/EX-99.1",
                         "file:001_e77005689aeae0ac.txt", "file:002_60273d0750d61c5f.txt"}
    assert docs["0001213900-25-032135/EX-99.1"]["meta"]["items"][0] == "Results of Operations and Financial Condition"
    jsonl = tmp_path / "docs.jsonl"
    build_corpus([EDGAR / "0001213900-25-032135.txt", SEEDS], jsonl)
    assert {d["id"]: d for d in read_documents(jsonl)} == docs
    assert (tmp_path / "docs.errors.jsonl").exists()


def test_interrupted_build_leaves_no_output(tmp_path, monkeypatch, EDGAR):
    import sec_events.read.build as build

    def boom(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(build, "html_document", boom)
    out = tmp_path / "docs.jsonl"
    with pytest.raises(KeyboardInterrupt):
        build_corpus([EDGAR / "0001213900-25-032135.txt"], out)
    assert list(tmp_path.iterdir()) == []


def test_cli_corpus_build(tmp_path, EDGAR):
    from sec_events.cli import app

    out = tmp_path / "tmp" / "docs.jsonl"
    result = CliRunner().invoke(app, ["corpus", "build", str(EDGAR / "0001213900-25-032135.txt"),
                                      str(EDGAR / "header_with_double_newlines.txt"), "-o", str(out),
                                      "--types", "EX-99"])
    assert result.exit_code == 0, result.output
    assert "documents written:   1" in result.output
    assert [d["id"] for d in read_documents(out)] == ["0001213900-25-032135/EX-99.1"]
    errors = [json.loads(l) for l in (out.parent / "docs.errors.jsonl").read_text().splitlines()]
    assert [e["reason"] for e in errors] == ["no-documents"]


def _write(data: bytes, folder: Path | None = None) -> Path:
    import tempfile

    folder = folder or Path(tempfile.mkdtemp())
    path = folder / "0000000001-24-000001.txt"
    path.write_bytes(data)
    return path
