"""EDGAR full-submission SGML (`.txt` and `.nc`): header metadata and documents.

Two header dialects exist and both are read:

* the text header of `.txt` submissions (`ACCESSION NUMBER:\t\t0001...`, sections
  such as `FILER:` / `COMPANY DATA:` introduced by indented `KEY:` lines; blank
  lines between lines are tolerated);
* the tagged header of `.nc` submissions (`<ACCESSION-NUMBER>0001...`,
  `<FILER><COMPANY-DATA><CONFORMED-NAME>...`), sometimes all on one CR-separated
  line.

Parsing works on bytes (all SGML markup is ASCII) so that each document's text
can be decoded on its own (see `decode.py`). A submission is held in memory, one
file at a time.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from sec_events.read.decode import normalize_newlines

ACCESSION_RE = re.compile(r"\d{10}-\d{2}-\d{6}")

_DOC_OPEN = re.compile(rb"<DOCUMENT>", re.I)
_DOC_CLOSE = re.compile(rb"</DOCUMENT>", re.I)
_TEXT_OPEN = re.compile(rb"<TEXT>", re.I)
_TEXT_CLOSE = re.compile(rb"</TEXT>", re.I)
_DOC_FIELD = re.compile(rb"<(TYPE|SEQUENCE|FILENAME|DESCRIPTION)>([^<\n]*)", re.I)
_SUBMISSION_OPEN = re.compile(rb"<(SEC-DOCUMENT|SUBMISSION)>", re.I)

# text header: "KEY:<tabs>value", sections are "KEY:" lines without a value
_TEXT_FIELD = re.compile(r"^(\s*)([A-Z0-9][A-Z0-9 &/().,'_-]*?):[ \t]*(.*?)\s*$")
# tagged header: "<KEY>value" (value up to the next tag or line end)
_TAG = re.compile(r"<(/?)([A-Z0-9][A-Z0-9_-]*)>([^<\n]*)", re.I)

# entity sections in the order we prefer them when naming "the" company
ENTITY_ROLES = ("FILER", "SUBJECT COMPANY", "ISSUER", "FILED BY", "REPORTING OWNER",
                "DEPOSITOR", "SECURITIZER", "ISSUING ENTITY", "SERIAL COMPANY")


@dataclass
class RawDocument:
    """One `<DOCUMENT>` of a submission, its text still as bytes."""

    type: str
    sequence: str | None
    filename: str | None
    description: str | None
    body: bytes
    truncated: str | None = None  # why the document is incomplete, if it is


@dataclass
class Submission:
    header: dict = field(default_factory=dict)
    documents: list[RawDocument] = field(default_factory=list)
    truncated: str | None = None  # file-level truncation (no closing tag)


def looks_like_sgml(head: bytes) -> bool:
    """Whether the start of a file looks like an EDGAR submission or document fragment."""
    return bool(re.search(rb"<(SEC-DOCUMENT|SEC-HEADER|SUBMISSION|DOCUMENT)>", head, re.I)
                or re.search(rb"^ACCESSION NUMBER:", head, re.M)
                or re.search(rb"<ACCESSION-NUMBER>", head))


def iso_date(value: str | None) -> str | None:
    """'20041231' -> '2004-12-31'; other shapes are returned unchanged."""
    if not value:
        return None
    value = value.strip()
    if re.fullmatch(r"\d{8}", value):
        return f"{value[:4]}-{value[4:6]}-{value[6:]}"
    return value or None


def _parse_text_header(text: str) -> dict:
    top: dict[str, list[str]] = {}
    entities: list[dict] = []
    section = None
    current = None
    for line in text.split("\n"):
        if not line.strip() or line.lstrip().startswith("<"):
            m = re.match(r"\s*<ACCEPTANCE-DATETIME>(\d+)", line)
            if m:
                top.setdefault("ACCEPTANCE-DATETIME", []).append(m.group(1))
            continue
        m = _TEXT_FIELD.match(line)
        if not m:
            continue
        indent, key, value = len(m.group(1).expandtabs(8)), m.group(2).strip(), m.group(3)
        if indent == 0:
            if value or key in ("ITEM INFORMATION",):
                top.setdefault(key, []).append(value)
                section = None
            else:
                section = key
                current = None
            continue
        if section is None:
            continue
        if not value and key.endswith("DATA"):  # COMPANY DATA / OWNER DATA
            current = {"role": section}
            entities.append(current)
        elif current is not None and value and key not in current:
            current[key] = value
    header = {
        "accession": _first(top, "ACCESSION NUMBER"),
        "form": _first(top, "CONFORMED SUBMISSION TYPE"),
        "period": iso_date(_first(top, "CONFORMED PERIOD OF REPORT")),
        "filed": iso_date(_first(top, "FILED AS OF DATE")),
        "accepted": _first(top, "ACCEPTANCE-DATETIME"),
        "items": [v for v in top.get("ITEM INFORMATION", []) if v],
    }
    header["entities"] = [{"role": e["role"], "cik": e.get("CENTRAL INDEX KEY"),
                           "company": e.get("COMPANY CONFORMED NAME")} for e in entities]
    return header


def _first(d: dict, key: str) -> str | None:
    values = d.get(key)
    return values[0] if values else None


def _parse_tagged_header(text: str) -> dict:
    top: dict[str, list[str]] = {}
    entities: list[dict] = []
    stack: list[str] = []
    current = None
    for m in _TAG.finditer(text):
        closing, tag, value = m.group(1), m.group(2).upper(), m.group(3).strip()
        if closing:
            if tag in stack:
                while stack and stack.pop() != tag:
                    pass
            if tag in ("COMPANY-DATA", "OWNER-DATA"):
                current = None
            continue
        if tag in ("SUBMISSION", "SEC-HEADER"):
            continue
        if not value and tag not in ("ITEMS",):
            # a container, unless it is an empty leaf such as <ORGANIZATION-NAME>
            if tag in ("COMPANY-DATA", "OWNER-DATA"):
                role = stack[-1] if stack else "FILER"
                current = {"role": role.replace("-", " ").replace("_", " ")}
                entities.append(current)
            elif not stack or tag not in _LEAVES:
                if tag not in _LEAVES:
                    stack.append(tag)
            continue
        if not stack:
            top.setdefault(tag, []).append(value)
        elif current is not None and tag not in current:
            current[tag] = value
    return {
        "accession": _first(top, "ACCESSION-NUMBER"),
        "form": _first(top, "TYPE"),
        "period": iso_date(_first(top, "PERIOD")),
        "filed": iso_date(_first(top, "FILING-DATE")),
        "accepted": _first(top, "ACCEPTANCE-DATETIME"),
        "items": [v for v in top.get("ITEMS", []) if v],
        "entities": [{"role": e["role"], "cik": e.get("CIK"), "company": e.get("CONFORMED-NAME")}
                     for e in entities],
    }


# tags that may appear with an empty value but are not containers
_LEAVES = {"ORGANIZATION-NAME", "IRS-NUMBER", "STATE-OF-INCORPORATION", "FISCAL-YEAR-END",
           "ASSIGNED-SIC", "ACT", "FILE-NUMBER", "FILM-NUMBER", "STREET1", "STREET2", "CITY",
           "STATE", "ZIP", "PHONE", "CONFORMED-NAME", "CIK", "PRIVATE-TO-PUBLIC", "ITEMS",
           "PERIOD", "GROUP-MEMBERS", "DATE-CHANGED", "FORMER-CONFORMED-NAME", "FORM-TYPE"}


def parse_header(text: str) -> dict:
    """Header metadata: accession, form, period, filed, accepted, items, entities, and
    the preferred entity's cik and company (first FILER, else subject company, ...)."""
    if re.search(r"^\s*ACCESSION NUMBER:", text, re.M) or "CONFORMED SUBMISSION TYPE:" in text:
        header = _parse_text_header(text)
    elif re.search(r"<ACCESSION-NUMBER>|<FILING-DATE>", text, re.I):
        header = _parse_tagged_header(text)
    else:
        header = {"items": [], "entities": []}
        m = re.search(r"<SEC-DOCUMENT>\s*(\d{10}-\d{2}-\d{6})", text)
        if m:
            header["accession"] = m.group(1)
    if not header.get("accession"):
        m = re.search(r"<SEC-DOCUMENT>\s*(\d{10}-\d{2}-\d{6})", text)
        if m:
            header["accession"] = m.group(1)
    entity = None
    for role in ENTITY_ROLES:
        entity = next((e for e in header["entities"] if e["role"] == role), None)
        if entity:
            break
    entity = entity or (header["entities"][0] if header["entities"] else {})
    header["cik"] = (entity.get("cik") or "").lstrip("0") or None
    header["company"] = entity.get("company")
    return {k: v for k, v in header.items() if v not in (None, "")}


def _doc_fields(head: bytes) -> dict[str, str]:
    fields: dict[str, str] = {}
    for m in _DOC_FIELD.finditer(head):
        key = m.group(1).decode("ascii").lower()
        if key not in fields:
            fields[key] = m.group(2).decode("latin-1").strip()
    return fields


def parse_submission(data: bytes) -> Submission:
    """Split a submission (or a bare `<DOCUMENT>` fragment) into header and documents.

    A `<DOCUMENT>` without `</DOCUMENT>` (or `<TEXT>` without `</TEXT>`) is kept up to
    the next `<DOCUMENT>` or the end of the file and marked `truncated`; so is the
    submission when `<SEC-DOCUMENT>`/`<SUBMISSION>` is never closed.
    """
    data = normalize_newlines(data)
    first = _DOC_OPEN.search(data)
    header_bytes = data[: first.start()] if first else data
    sub = Submission(header=parse_header(header_bytes.decode("latin-1")))
    opener = _SUBMISSION_OPEN.search(data[:65536])
    if opener:
        closer = re.compile(rb"</" + opener.group(1) + rb">", re.I)
        if not closer.search(data, max(0, len(data) - 4096)) and not closer.search(data):
            sub.truncated = f"<{opener.group(1).decode()}> is never closed (file cut short?)"
    pos = first.start() if first else len(data)
    while pos < len(data):
        m = _DOC_OPEN.search(data, pos)
        if not m:
            break
        start = m.end()
        close = _DOC_CLOSE.search(data, start)
        nxt = _DOC_OPEN.search(data, start)
        truncated = None
        if close and (not nxt or close.start() < nxt.start()):
            end, pos = close.start(), close.end()
        else:
            end = nxt.start() if nxt else len(data)
            pos = end
            truncated = "<DOCUMENT> without </DOCUMENT>"
        chunk = data[start:end]
        t_open = _TEXT_OPEN.search(chunk)
        if t_open:
            fields = _doc_fields(chunk[: t_open.start()])
            t_close = _TEXT_CLOSE.search(chunk, t_open.end())
            if t_close:
                body = chunk[t_open.end(): t_close.start()]
            else:
                body = chunk[t_open.end():]
                truncated = truncated or "<TEXT> without </TEXT>"
        else:
            fields = _doc_fields(chunk)
            body = b""
            truncated = truncated or "no <TEXT> in document"
        sub.documents.append(RawDocument(
            type=(fields.get("type") or "").upper(),
            sequence=fields.get("sequence") or None,
            filename=fields.get("filename") or None,
            description=fields.get("description") or None,
            body=body,
            truncated=truncated,
        ))
    return sub
