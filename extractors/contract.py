"""A Doc's text, read once.

`Doc.text` joins the text of every token, creating a `Token` object for each: on a
60k-character window that costs tens of milliseconds, and the record writer, the
linker and the batch driver each need the text. `doc_text` keeps it in
`doc.user_data` after the first call; the batch driver stores the text it already
holds when it makes the Doc (`remember_text`). Tokenisation and retokenisation never
change a Doc's text, so the stored copy stays valid.
"""
from __future__ import annotations

from spacy.tokens import Doc

TEXT_KEY = "sec_events.text"


def remember_text(doc: Doc, text: str) -> Doc:
    """Store `text` (which must be the Doc's own text) as its cached text."""
    doc.user_data[TEXT_KEY] = text
    return doc


def doc_text(doc: Doc) -> str:
    text = doc.user_data.get(TEXT_KEY)
    if text is None:
        text = doc.user_data[TEXT_KEY] = doc.text
    return text
