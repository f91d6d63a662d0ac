"""`sec-events corpus build`: raw EDGAR input to documents (FORMATS.md "Documents").

Input
    EDGAR full-submission SGML (`.txt`, `.nc`, also bare `<DOCUMENT>` fragments
    saved as `.html`), single HTML/HTM documents, plain-text filings, documents
    files (`.jsonl`, `.parquet`: passed through), and folders of these (walked
    recursively, sorted, hidden files ignored; files with other extensions are
    reported as skipped). File kind is sniffed from content, not only the name.

Document ids (stable: they depend only on the input, not on `types`)
    * SGML document:        ``<accession>/<TYPE>``, e.g. ``0001019687-04-000515/EX-99``;
      when several documents of the submission share that TYPE (kept or not),
      each of them gets ``#<SEQUENCE>``: ``0001213900-25-032135/EX-99.1#2``.
      With no accession in the header, the accession-shaped file stem is used,
      else ``file:<relpath>`` stands in for the accession.
    * HTML or plain-text file: ``file:<relpath>``, where relpath is the path
      relative to the folder given on the command line (POSIX separators), or the
      file name when the file itself was given; when different files of one run would
      share it (`a/report.htm`, `b/report.htm`), each gets as many of its parent
      folders as it takes to tell them apart (`file_names`). Undecodable bytes of a
      name are written as backslash escapes.
    * documents JSONL/Parquet: the id found there; a line (row) that is no document
      keeps its own id in its error record if it has one, else ``file:<relpath>#line<N>``
      (``#row<N>``). Every line is accounted for: a line nested too deeply, not JSON,
      of the wrong types or with an id that is not valid Unicode gets its error record
      and reading goes on.
    Error records carry the same ids (`ErrorRecord.id`: the document's, else its file's).
    The first document with a given id wins; later ones (e.g. the `.nc` and the
    `.txt` of the same submission) are reported as `duplicate-id`.

Kept SGML documents (`types`)
    Default: 8-K, NT 10-K, NT 10-Q, their amendments (8-K/A, NT 10-K/A...) and
    EX-99 with any suffix (EX-99, EX-99.1, EX-99.(A)(5)(C)). A pattern matches a
    type when equal, when the type is the pattern plus ``/A``, plus ``.``-suffix
    (EX-99 -> EX-99.1), or by shell glob (``EX-99*``). Single HTML/text files are
    always kept.

meta
    source (path), accession, form, type, sequence, filename, description, cik
    (no leading zeros), company, filed, period (ISO dates), items (the header's
    ITEM INFORMATION / <ITEMS> values, as declared), encoding; plus truncated=true
    on a document that was cut short, and tables: the document's tables as
    {"start", "end", "rows", "columns"} (HTML: `html.html_document`, each row one line
    of tab-separated cells; plain text: the `<TABLE>` regions, lines kept as they are).
    Absent values are left out.

Errors and skips
    Nothing stops a batch. Each problem is an `ErrorRecord` {"path", "reason",
    "kind", optional "document", "detail"} written to the side file (default:
    OUTPUT with suffix `.errors.jsonl`). `kind` is "error" (unreadable, empty,
    binary-file, truncated, no-documents, bad-json, bad-document, not-a-regular-file:
    a FIFO, socket, device or link to a folder is never opened, since reading it could
    block forever; unwritable-document...) or "skipped"
    (binary-document, uuencoded-document, empty-document, no-kept-documents,
    duplicate-id, unsupported-file). Every input file ends up in the output or in
    this file (a file whose documents were all of other types gets one
    `no-kept-documents` record listing them).

Streaming
    `iter_documents(inputs, types)` yields documents (dicts) and `ErrorRecord`s,
    one file in memory at a time; `CorpusReader` does the same and keeps counts.
"""
from __future__ import annotations

import fnmatch
import json
import logging
import os
import re
import stat
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator

from sec_events.documents import atomic_path, read_documents, write_documents
from sec_events.read.decode import decode_bytes, normalize_newlines
from sec_events.read.html import html_document
from sec_events.read.sgml import ACCESSION_RE, RawDocument, looks_like_sgml, parse_submission

log = logging.getLogger(__name__)

DEFAULT_TYPES = ("8-K", "NT 10-K", "NT 10-Q", "EX-99")
SUPPORTED_SUFFIXES = {".txt", ".nc", ".htm", ".html", ".xhtml", ".jsonl", ".parquet", ".pq", ".sgml"}
SKIP_REASONS = {"binary-document", "uuencoded-document", "empty-document", "no-kept-documents",
                "duplicate-id", "unsupported-file"}
BINARY_EXTENSIONS = {".pdf", ".jpg", ".jpeg", ".gif", ".png", ".bmp", ".tif", ".tiff", ".zip",
                     ".xls", ".xlsx", ".doc", ".docx", ".ppt", ".pptx", ".gz", ".exe"}
_MAGIC = (b"%PDF", b"PK\x03\x04", b"GIF8", b"\xff\xd8\xff", b"\x89PNG", b"\x1f\x8b",
          b"\xd0\xcf\x11\xe0", b"II*\x00", b"MM\x00*")
_UUENCODE = re.compile(rb"^\s*begin [0-7]{3,4} \S", re.I)
_HTML_SNIFF = re.compile(rb"<(html|body|!doctype\s+html|p[\s>]|div[\s>]|font[\s>]|br\s*/?>|td[\s>])", re.I)
_WRAPPER = re.compile(r"^\s*<(XBRL|XML)>\s*|\s*</(XBRL|XML)>\s*$", re.I)
# old EDGAR SGML markup inside plain-text documents
_SGML_TEXT_TAGS = re.compile(r"</?(PAGE|S|C|TABLE|CAPTION|FN|F\d+|R|PRE)>", re.I)
_FORM_GUESS = re.compile(r"^\s*FORM\s+(8-K(?:/A)?|10-K|10-Q|12b-25|6-K|20-F|NT 10-[KQ])\b", re.I | re.M)


# --------------------------------------------------------------------------- records
@dataclass
class ErrorRecord:
    """A file or document that produced no (or an incomplete) output document."""

    path: str
    reason: str
    document: str | None = None
    detail: str | None = None
    file_id: str | None = None  # ``file:<name>`` of the input file, set by CorpusReader

    @property
    def kind(self) -> str:
        return "skipped" if self.reason in SKIP_REASONS else "error"

    @property
    def id(self) -> str:
        """The id this record stands for: the document's when known, else its file's
        (``file:<name>``, the id scheme of documents read from files)."""
        return self.document or self.file_id or f"file:{self.path}"

    def to_dict(self) -> dict:
        d = {"id": self.id, "path": self.path, "reason": self.reason, "kind": self.kind}
        if self.document:
            d["document"] = self.document
        if self.detail:
            d["detail"] = self.detail
        return d


@dataclass
class Summary:
    files: int = 0
    bytes: int = 0
    documents: int = 0
    skipped_by_type: Counter = field(default_factory=Counter)
    errors: Counter = field(default_factory=Counter)
    skipped: Counter = field(default_factory=Counter)
    output: Path | None = None
    errors_path: Path | None = None
    seconds: float = 0.0

    def describe(self) -> str:
        mb = self.bytes / 1e6
        lines = [f"files read:          {self.files} ({mb:.1f} MB)",
                 f"documents written:   {self.documents}"]
        n_type = sum(self.skipped_by_type.values())
        top = ", ".join(f"{t} {n}" for t, n in self.skipped_by_type.most_common(8))
        more = " ..." if len(self.skipped_by_type) > 8 else ""
        lines.append(f"skipped by type:     {n_type}" + (f" ({top}{more})" if n_type else ""))
        for label, counter in (("skipped (other):", self.skipped), ("errors:", self.errors)):
            total = sum(counter.values())
            detail = ", ".join(f"{r} {n}" for r, n in sorted(counter.items()))
            lines.append(f"{label:<20} {total}" + (f" ({detail})" if total else ""))
        lines.append(f"output:              {self.output}")
        lines.append(f"errors file:         {self.errors_path}")
        rate = mb / self.seconds if self.seconds else 0.0
        lines.append(f"seconds:             {self.seconds:.1f} ({rate:.1f} MB/s)")
        return "\n".join(lines)


# --------------------------------------------------------------------------- types
def type_matches(doc_type: str, patterns: Iterable[str] | None = None) -> bool:
    """Whether an SGML document TYPE is kept by `patterns` (default DEFAULT_TYPES).

    `8-K` keeps 8-K and 8-K/A; `EX-99` keeps EX-99, EX-99.1, EX-99.(A)(5)(C) (and
    their /A); shell globs such as `EX-99*` also work. Case-insensitive.
    """
    t = doc_type.strip().upper()
    for pattern in patterns if patterns is not None else DEFAULT_TYPES:
        p = pattern.strip().upper()
        if not p:
            continue
        if any(ch in p for ch in "*?["):
            if fnmatch.fnmatchcase(t, p):
                return True
            continue
        base = t[:-2] if t.endswith("/A") else t
        if t == p or base == p or base.startswith(p + "."):
            return True
    return False


# --------------------------------------------------------------------------- files
def list_input_files(inputs: Iterable[str | os.PathLike]) -> list[tuple[Path, Path]]:
    """(file, root) pairs: each input file with itself as root, folders walked
    recursively (sorted, hidden entries skipped) with the folder as root. A link to a
    folder inside a folder is listed (as an entry, not followed), so that it is
    reported rather than silently left out."""
    out: list[tuple[Path, Path]] = []
    for item in inputs:
        item = Path(item)
        if item.is_dir():
            for dirpath, dirnames, filenames in os.walk(item):
                dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
                links = [d for d in dirnames if os.path.islink(os.path.join(dirpath, d))]
                for name in sorted([*filenames, *links]):
                    if not name.startswith("."):
                        out.append((Path(dirpath) / name, item))
        else:
            out.append((item, item))
    return out


def _relname(path: Path, root: Path) -> str:
    if path == root:
        return path.name
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.name


def _printable(text: str) -> str:
    """`text` with what UTF-8 cannot encode (a file name's undecodable bytes, lone
    surrogates) written as backslash escapes: ids and paths are always writable."""
    return text.encode("utf-8", "backslashreplace").decode("utf-8") if not text.isascii() else text


def display_path(path: str | os.PathLike) -> str:
    """A path as records show it: as given, undecodable bytes escaped."""
    try:
        return str(path).encode("utf-8").decode("utf-8")
    except UnicodeEncodeError:
        return _printable(str(path))


def file_names(files: list[tuple[Path, Path]]) -> list[str]:
    """The name of each (file, root) of one run, unique among distinct files: the path
    relative to its root (the file name for a file given itself), lengthened by as many
    parent folders as it takes to tell apart different files that would share it
    (`a/report.htm`, `b/report.htm`). The same file listed twice keeps one name."""
    names = [display_path(_relname(path, root)) for path, root in files]
    full = [Path(os.path.abspath(path)).parts[1:] for path, _ in files]
    depth = [len(Path(n).parts) for n in names]
    for _ in range(max((len(f) for f in full), default=0) + 1):
        owners: dict[str, set] = {}
        for name, parts in zip(names, full):
            owners.setdefault(name, set()).add(parts)
        clashes = {name for name, who in owners.items() if len(who) > 1}
        if not clashes:
            break
        for i, name in enumerate(names):
            if name in clashes and depth[i] < len(full[i]):
                depth[i] += 1
                names[i] = display_path("/".join(full[i][-depth[i]:]))
            elif name in clashes:
                names[i] = display_path("/" + "/".join(full[i]))
    return names


def _file_kind(mode: int) -> str:
    for test, kind in ((stat.S_ISDIR, "a folder"), (stat.S_ISFIFO, "a FIFO"), (stat.S_ISSOCK, "a socket"),
                       (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device")):
        if test(mode):
            return kind
    return "not a regular file"


def binary_reason(data: bytes, filename: str | None = None) -> str | None:
    """Why bytes are not text ('uuencoded-document', 'binary-document') or None."""
    head = data[:4096]
    stripped = head.lstrip()
    if _UUENCODE.match(head):
        return "uuencoded-document"
    if stripped[:5].upper() == b"<PDF>" or stripped.startswith(_MAGIC):
        return "binary-document"
    if filename and Path(filename).suffix.lower() in BINARY_EXTENSIONS:
        return "binary-document"
    if b"\x00" in head:
        return "binary-document"
    if head:
        control = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
        if control / len(head) > 0.1:
            return "binary-document"
    return None


def is_html(text_head: str, filename: str | None = None) -> bool:
    if filename and Path(filename).suffix.lower() in (".htm", ".html", ".xhtml"):
        return True
    if filename and Path(filename).suffix.lower() == ".txt":
        return False
    return bool(_HTML_SNIFF.search(text_head[:8192].encode("utf-8", "replace")))


def plain_sgml_text(text: str) -> str:
    """Plain `<TEXT>`: keep the layout, drop EDGAR's <PAGE>/<S>/<C>/<TABLE>/<FN> markup
    and trailing spaces, trim blank lines at both ends."""
    return plain_sgml_document(text)[0]


_TABLE_OPEN = re.compile(r"<TABLE>", re.I)
_TABLE_CLOSE = re.compile(r"</TABLE>", re.I)
_TEXT_COLUMNS = re.compile(r"\S+(?: \S+)*")  # fields of a fixed-width line: runs split by 2+ spaces or tabs


def text_columns(line: str) -> int:
    """Columns of one line of a fixed-width table: its fields apart by two or more spaces."""
    return len(_TEXT_COLUMNS.findall(line.expandtabs()))


def plain_sgml_document(text: str) -> tuple[str, list[dict]]:
    """(text, tables) of a plain `<TEXT>` (`plain_sgml_text`). Fixed-width tables keep
    their lines as they are; those the filer marked with EDGAR's `<TABLE>` ... `</TABLE>`
    are listed as {"start", "end", "rows", "columns"} (offsets of their first and last
    non-blank line, non-blank lines, the most fields of a line: runs of text two or more
    spaces apart). A `<TABLE>` left open ends at the end of the text."""
    out: list[str] = []
    tables: list[dict] = []
    current: list[int] | None = None  # indices in `out` of the open table's lines
    for raw in text.split("\n"):
        opens, closes = _TABLE_OPEN.search(raw), _TABLE_CLOSE.search(raw)
        line = _SGML_TEXT_TAGS.sub("", raw).rstrip()
        if opens and current is None:
            current = []
        out.append(line)
        if current is not None and line.strip():
            current.append(len(out) - 1)
        if closes and current is not None:
            if current:
                tables.append({"lines": current})
            current = None
    if current:
        tables.append({"lines": current})
    lead = 0
    while lead < len(out) and not out[lead]:
        lead += 1
    starts, pos = [], 0
    for line in out:
        starts.append(pos)
        pos += len(line) + 1
    joined = "\n".join(out).strip("\n")
    shift = starts[lead] if lead < len(out) else 0
    spans = []
    for t in tables:
        first, last = t["lines"][0], t["lines"][-1]
        spans.append({"start": starts[first] - shift, "end": starts[last] + len(out[last]) - shift,
                      "rows": len(t["lines"]), "columns": max(text_columns(out[i]) for i in t["lines"])})
    return joined, spans


def document_text(body: bytes, filename: str | None = None) -> tuple[str | None, str, str | None, list[dict]]:
    """(text, encoding, skip reason, tables) for the bytes inside one SGML <TEXT>."""
    reason = binary_reason(body, filename)
    if reason:
        return None, "", reason, []
    text, encoding = decode_bytes(body)
    text = _WRAPPER.sub("", text)
    if is_html(text, filename):
        text, tables = html_document(text)
    else:
        text, tables = plain_sgml_document(text)
    if not text.strip():
        return None, encoding, "empty-document", []
    return text, encoding, None, tables


def guess_form(text: str) -> str | None:
    """'8-K', 'NT 10-K'... from the cover of a filing's text; None when unsure."""
    m = _FORM_GUESS.search(text[:5000])
    if not m:
        return None
    form = m.group(1).upper()
    if form == "12B-25":
        head = text[:5000]
        if re.search(r"(_X_|\[\s*X\s*\]|\(X\))\s*Form 10-Q", head, re.I):
            return "NT 10-Q"
        if re.search(r"(_X_|\[\s*X\s*\]|\(X\))\s*Form 10-K", head, re.I):
            return "NT 10-K"
        return "NT"
    return form


# --------------------------------------------------------------------------- reader
class CorpusReader:
    """Streams documents and error records from raw input, keeping counts in `summary`.

    Usage::

        reader = CorpusReader(types=None)
        for item in reader.iter_documents(["/data/edgar"]):
            if isinstance(item, ErrorRecord): ...
            else: ...  # {"id", "text", "meta"}
    """

    def __init__(self, types: list[str] | None = None, dedupe: bool = True):
        self.types = list(types) if types else None
        self.dedupe = dedupe
        self.summary = Summary()
        self._seen: set[str] = set()
        self.current: Path | None = None

    # public ------------------------------------------------------------------
    def iter_documents(self, inputs: Iterable[str | os.PathLike],
                       files: list[tuple[Path, Path]] | None = None) -> Iterator[dict | ErrorRecord]:
        files = files if files is not None else list_input_files(inputs)
        for (path, root), name in zip(files, file_names(files)):
            self.current = path
            yield from self.iter_file(path, root, name)

    def iter_file(self, path: Path, root: Path | None = None,
                  name: str | None = None) -> Iterator[dict | ErrorRecord]:
        """Documents and error records of one input file (never raises for bad input).
        `name` is the file's name in the run (`file_names`; default: relative to root)."""
        root = root or path
        self.summary.files += 1
        rel = name or _relname(path, root)
        file_id = f"file:{rel}"
        try:
            for item in self._read_file(path, rel, explicit=(path == root)):
                if isinstance(item, ErrorRecord):
                    item.file_id = file_id
                    self._count_error(item)
                elif self.dedupe and item["id"] in self._seen:
                    err = ErrorRecord(display_path(path), "duplicate-id", item["id"], file_id=file_id)
                    self._count_error(err)
                    item = err
                else:
                    if self.dedupe:
                        self._seen.add(item["id"])
                    self.summary.documents += 1
                yield item
        except Exception as exc:  # a reader bug must not stop the batch either
            log.debug("failed on %s", path, exc_info=True)
            err = ErrorRecord(display_path(path), "unreadable", detail=_printable(f"{type(exc).__name__}: {exc}"),
                              file_id=file_id)
            self._count_error(err)
            yield err

    # internals ---------------------------------------------------------------
    def _count_error(self, err: ErrorRecord) -> None:
        (self.summary.skipped if err.kind == "skipped" else self.summary.errors)[err.reason] += 1

    def _read_file(self, path: Path, rel: str, explicit: bool) -> Iterator[dict | ErrorRecord]:
        src = display_path(path)
        suffix = path.suffix.lower()
        try:
            mode = path.stat().st_mode
        except OSError as exc:
            yield ErrorRecord(src, "unreadable", detail=str(exc))
            return
        if not stat.S_ISREG(mode):  # a FIFO would block the run forever, a device never end
            yield ErrorRecord(src, "not-a-regular-file", detail=_file_kind(mode))
            return
        if suffix in (".jsonl", ".parquet", ".pq"):
            try:
                self.summary.bytes += path.stat().st_size
            except OSError:
                pass
            yield from self._read_documents_file(path, rel)
            return
        if not explicit and suffix not in SUPPORTED_SUFFIXES:
            yield ErrorRecord(src, "unsupported-file", detail=f"extension {suffix or '(none)'}")
            return
        try:
            data = path.read_bytes()
        except OSError as exc:
            yield ErrorRecord(src, "unreadable", detail=str(exc))
            return
        self.summary.bytes += len(data)
        if not data.strip():
            yield ErrorRecord(src, "empty")
            return
        head = data[:65536]
        if looks_like_sgml(head):
            yield from self._read_sgml(data, src, rel, path)
            return
        reason = binary_reason(data)
        if reason:
            yield ErrorRecord(src, "binary-file", detail=reason)
            return
        text, encoding = decode_bytes(normalize_newlines(data))
        html = is_html(text, path.name)
        tables: list[dict] = []
        if html:
            text, tables = html_document(text)
        if not text.strip():
            yield ErrorRecord(src, "empty", detail="no text after conversion")
            return
        meta = {"source": src, "encoding": encoding, "format": "html" if html else "text"}
        if tables:
            meta["tables"] = tables
        form = guess_form(text)
        if form:
            meta["form"] = form
        m = ACCESSION_RE.search(path.name)
        if m:
            meta["accession"] = m.group(0)
        yield {"id": f"file:{rel}", "text": text, "meta": meta}

    def _read_sgml(self, data: bytes, src: str, rel: str, path: Path) -> Iterator[dict | ErrorRecord]:
        sub = parse_submission(data)
        header = sub.header
        if sub.truncated:
            yield ErrorRecord(src, "truncated", detail=sub.truncated)
        if not sub.documents:
            yield ErrorRecord(src, "no-documents", detail="no <DOCUMENT> found (header only?)")
            return
        accession = header.get("accession")
        if not accession:
            m = ACCESSION_RE.search(path.name)
            accession = m.group(0) if m else None
        prefix = accession or f"file:{rel}"
        type_counts = Counter(d.type for d in sub.documents)
        kept = 0
        other: Counter = Counter()
        for index, doc in enumerate(sub.documents, 1):
            doc_id = f"{prefix}/{doc.type or 'UNKNOWN'}"
            if type_counts[doc.type] > 1:
                doc_id += f"#{doc.sequence or index}"
            if not type_matches(doc.type, self.types):
                other[doc.type or "UNKNOWN"] += 1
                self.summary.skipped_by_type[doc.type or "UNKNOWN"] += 1
                continue
            kept += 1
            if doc.truncated:
                yield ErrorRecord(src, "truncated", doc_id, doc.truncated)
            text, encoding, reason, tables = document_text(doc.body, doc.filename)
            if reason:
                yield ErrorRecord(src, reason, doc_id, doc.filename)
                continue
            meta = _meta(header, doc, src, accession, encoding)
            if tables:
                meta["tables"] = tables
            yield {"id": doc_id, "text": text, "meta": meta}
        if not kept:
            yield ErrorRecord(src, "no-kept-documents",
                              detail="types: " + ", ".join(sorted(other)))


    def _read_documents_file(self, path: Path, rel: str) -> Iterator[dict | ErrorRecord]:
        src = display_path(path)
        if path.suffix.lower() != ".jsonl":
            try:
                for n, doc in enumerate(read_documents(path), 1):
                    doc_id = doc.get("id") if isinstance(doc, dict) else None
                    if isinstance(doc_id, str) and doc_id and _writable_text(doc_id) \
                            and isinstance(doc.get("text"), str):
                        yield doc
                    else:
                        yield ErrorRecord(src, "bad-document", f"file:{rel}#row{n}",
                                          f"row {n}: needs id and text (strings)")
            except Exception as exc:
                yield ErrorRecord(src, "unreadable", detail=f"{type(exc).__name__}: {exc}")
            return
        n_docs = 0
        try:
            with open(path, "rb") as fh:
                for lineno, raw in enumerate(fh, 1):
                    if not raw.strip():
                        continue
                    n_docs += 1  # a line accounted for (a document or its error record)
                    yield _jsonl_document(raw, lineno, src, rel)
        except OSError as exc:
            yield ErrorRecord(src, "unreadable", detail=str(exc))
            return
        if n_docs == 0:
            yield ErrorRecord(src, "empty", detail="no documents in JSONL")


def _jsonl_document(raw: bytes, lineno: int, src: str, rel: str) -> dict | ErrorRecord:
    """One line of a documents JSONL file: the document, or an error record whose
    document id is the line's own id when it has one, else ``file:<name>#line<N>``.
    Never raises: one line never ends the reading of its file."""
    try:
        return _read_line(raw, lineno, src, rel)
    except Exception as exc:  # a reader bug on an odd line: that line only
        log.debug("failed on %s line %d", src, lineno, exc_info=True)
        return ErrorRecord(src, "bad-document", f"file:{rel}#line{lineno}",
                           _printable(f"line {lineno}: {type(exc).__name__}: {exc}")[:300])


def _read_line(raw: bytes, lineno: int, src: str, rel: str) -> dict | ErrorRecord:
    own = f"file:{rel}#line{lineno}"
    try:
        doc = json.loads(decode_bytes(raw)[0])
    except RecursionError:
        return ErrorRecord(src, "bad-json", own, f"line {lineno}: nested too deeply")
    except ValueError as exc:  # JSONDecodeError, and any decoding problem
        return ErrorRecord(src, "bad-json", own, f"line {lineno}: {getattr(exc, 'msg', exc)}")
    doc_id = doc.get("id") if isinstance(doc, dict) else None
    if isinstance(doc_id, str) and not _writable_text(doc_id):
        return ErrorRecord(src, "bad-document", own, f"line {lineno}: id {_printable(doc_id)!r} is not valid Unicode")
    if not (isinstance(doc_id, str) and doc_id and isinstance(doc.get("text"), str)):
        return ErrorRecord(src, "bad-document", doc_id if isinstance(doc_id, str) and doc_id else own,
                           f"line {lineno}: needs id and text (strings)")
    return doc


def _writable_text(text: str) -> bool:
    try:
        text.encode("utf-8")
        return True
    except UnicodeEncodeError:
        return False


def _meta(header: dict, doc: RawDocument, src: str, accession: str | None, encoding: str) -> dict:
    meta = {
        "source": src,
        "accession": accession,
        "form": header.get("form"),
        "type": doc.type,
        "sequence": doc.sequence,
        "filename": doc.filename,
        "description": doc.description,
        "cik": header.get("cik"),
        "company": header.get("company"),
        "filed": header.get("filed"),
        "period": header.get("period"),
        "items": header.get("items") or None,
        "encoding": encoding,
        "truncated": True if doc.truncated else None,
    }
    return {k: v for k, v in meta.items() if v is not None}


def iter_documents(inputs: Iterable[str | os.PathLike], types: list[str] | None = None
                   ) -> Iterator[dict | ErrorRecord]:
    """Stream documents ({"id","text","meta"} dicts) and `ErrorRecord`s from raw input
    (files or folders, see the module docstring), one file in memory at a time.
    Callers tell them apart with ``isinstance(item, ErrorRecord)``."""
    return CorpusReader(types).iter_documents(inputs)


# --------------------------------------------------------------------------- build
def default_errors_path(output: Path) -> Path:
    output = Path(output)
    return output.with_name(output.stem + ".errors.jsonl") if output.suffix else \
        output.with_name(output.name + ".errors.jsonl")


class _Progress:
    """A rich progress bar on a terminal, plain log lines otherwise."""

    def __init__(self, total_files: int, total_bytes: int, every: int = 100, stream=None):
        self.stream = stream or sys.stderr
        self.total_files, self.total_bytes, self.every = total_files, total_bytes, every
        self.start = time.monotonic()
        self.bar = None
        if getattr(self.stream, "isatty", lambda: False)():
            from rich.console import Console
            from rich.progress import (BarColumn, MofNCompleteColumn, Progress, TextColumn,
                                       TimeElapsedColumn, TimeRemainingColumn)

            self.bar = Progress(TextColumn("[bold]reading"), BarColumn(), MofNCompleteColumn(),
                                TextColumn("files  {task.fields[docs]} docs  {task.fields[rate]}"),
                                TimeElapsedColumn(), TimeRemainingColumn(),
                                console=Console(file=self.stream), transient=False)
            self.task = self.bar.add_task("read", total=total_files, docs=0, rate="")
            self.bar.start()

    def update(self, summary: Summary) -> None:
        elapsed = max(time.monotonic() - self.start, 1e-6)
        rate = f"{summary.bytes / 1e6 / elapsed:.1f} MB/s"
        if self.bar is not None:
            self.bar.update(self.task, completed=summary.files, docs=summary.documents, rate=rate)
        elif summary.files % self.every == 0 or summary.files == self.total_files:
            print(f"corpus build: {summary.files}/{self.total_files} files, "
                  f"{summary.documents} documents, {sum(summary.errors.values())} errors, "
                  f"{rate}", file=self.stream, flush=True)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.stop()


def _writable(doc: dict, path: Path, summary: Summary) -> dict | ErrorRecord:
    """The document if it can be written as UTF-8 JSON (a documents-file line may hold
    lone surrogates or be nested too deeply to write), else an error record for it."""
    try:
        json.dumps(doc, ensure_ascii=False).encode("utf-8")
        return doc
    except (ValueError, TypeError, RecursionError) as exc:
        summary.documents -= 1
        summary.errors["unwritable-document"] += 1
        return ErrorRecord(display_path(path), "unwritable-document", doc["id"], f"{type(exc).__name__}: {exc}"[:300])


def build_corpus(inputs: list[Path], output: Path, types: list[str] | None = None,
                 errors_path: Path | None = None, progress_every: int = 100) -> Summary:
    """Read `inputs` and write documents to `output` (JSONL or Parquet by extension) and
    error records to `errors_path` (default OUTPUT.errors.jsonl), both atomically."""
    started = time.monotonic()
    output = Path(output)
    errors_path = Path(errors_path) if errors_path else default_errors_path(output)
    files = list_input_files(inputs)
    total_bytes = 0
    for path, _ in files:
        try:
            total_bytes += path.stat().st_size
        except OSError:
            pass
    reader = CorpusReader(types)
    progress = _Progress(len(files), total_bytes, every=progress_every)
    try:
        with atomic_path(errors_path) as etmp, open(etmp, "w", encoding="utf-8") as efh:
            def documents() -> Iterator[dict]:
                for (path, root), name in zip(files, file_names(files)):
                    for item in reader.iter_file(path, root, name):
                        if not isinstance(item, ErrorRecord):
                            item = _writable(item, path, reader.summary)
                        if isinstance(item, ErrorRecord):
                            efh.write(json.dumps(item.to_dict(), ensure_ascii=False) + "\n")
                        else:
                            yield item
                    progress.update(reader.summary)

            write_documents(documents(), output)
            efh.flush()
    finally:
        progress.close()
    summary = reader.summary
    summary.output, summary.errors_path = output, errors_path
    summary.seconds = time.monotonic() - started
    return summary
