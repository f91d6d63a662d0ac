"""Bytes to text: the encoding fallback chain and newline normalisation.

EDGAR files carry no reliable charset: modern filings are UTF-8 (or ASCII), older
ones were typed on Windows (cp1252 curly quotes and dashes) and a few are plain
latin-1. We try UTF-8 first (it rarely decodes non-UTF-8 by accident), then cp1252,
then latin-1, which never fails.
"""
from __future__ import annotations

ENCODINGS = ("utf-8", "cp1252", "latin-1")


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode `data` as UTF-8, else cp1252, else latin-1; return (text, encoding used).

    A UTF-8 byte-order mark is dropped. Newlines are left alone (see `normalize_newlines`).
    """
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    for encoding in ENCODINGS:
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    raise AssertionError("latin-1 decodes any byte string")  # pragma: no cover


def normalize_newlines(data: bytes) -> bytes:
    """CRLF and lone CR (some `.nc` files use bare CR) become LF."""
    if b"\r" not in data:
        return data
    return data.replace(b"\r\n", b"\n").replace(b"\r", b"\n")
