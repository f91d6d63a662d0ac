"""External training data: FIN5 (SEC loan agreements) and WikiGold (Wikipedia), CoNLL, IO tags PER/ORG/LOC/MISC.

FIN5's guideline differs from SCHEMA v1 (`../shared/README.md`): most PER tags mark
the contract roles `Borrower` and `Lender`, and IO tags merge adjacent names. So:

- PER runs become PERSON only when every token is capitalised and none is a
  contract-role word (Borrower, Lender, Guarantor, ...);
- ORG runs become ORG only when they start with a capital letter and are not a
  role word or a lone lower-case common noun (`bank`);
- LOC and MISC are dropped (SCHEMA has no such labels).

FIN5 marks no amounts, dates or titles; to keep those from becoming negatives for
the span classifier, `fin5_records(..., silver=nlp)` adds the rule layer's MONEY,
SHARES, PERCENT, DATE and ROLE spans where they do not overlap a FIN5 name
(rule-made silver data). Sentences are grouped into documents of `sentences_per_doc`.

WikiGold (`wikigold_records`) is general prose: people, companies, bands, teams and
agencies in 145 Wikipedia articles. PER runs of capitalised words become PERSON and ORG
runs ORG; LOC and MISC are dropped; the same rule-made silver spans are added.

In both sets an ORG loses a leading `The` (`The Mad Capsule Markets`): SCHEMA tags the name.
`EXTERNAL_SETS` names the sets `sec-events train` can add.
"""
from __future__ import annotations

from pathlib import Path

from extractors.components.merge import RULE_LABELS
from sec_events.paths import shared_dir

ROLE_WORDS = {"borrower", "borrowers", "lender", "lenders", "guarantor", "guarantors", "bank", "agent",
              "administrative", "trustee", "secured", "party", "parties", "holder", "holders", "company",
              "issuer", "purchaser", "seller", "buyer", "the"}
SILVER_LABELS = RULE_LABELS  # the labels whose rule spans the merge trusts over the classifier


def read_conll(path: Path) -> list[list[tuple[str, str]]]:
    """Sentences of (token, tag) pairs; document breaks are dropped."""
    sentences, current = [], []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if not parts or parts[0] == "-DOCSTART-":
            if current:
                sentences.append(current)
            current = []
            continue
        current.append((parts[0], parts[-1]))
    if current:
        sentences.append(current)
    return sentences


def _keep(label: str, tokens: list[str]) -> bool:
    words = [t.lower() for t in tokens]
    if any(w in ROLE_WORDS for w in words) and label == "PER":
        return False
    if label == "PER":
        return all(t[:1].isupper() for t in tokens)
    if label == "ORG":
        return tokens[0][:1].isupper() and not (len(tokens) == 1 and words[0] in ROLE_WORDS)
    return False


def sentence_record(tokens: list[tuple[str, str]], offset_text: list[str], keep=None) -> tuple[str, list[dict]]:
    """Text (tokens joined by spaces) and PERSON/ORG spans of one sentence (`keep`: which
    tagged runs count, default FIN5's filter)."""
    keep = keep or _keep
    text_parts, spans, pos = [], [], 0
    run_label, run_start, run_tokens = None, 0, []

    def close(end: int) -> None:
        if run_label and keep(run_label, run_tokens):
            spans.append({"start": run_start, "end": end, "label": "PERSON" if run_label == "PER" else "ORG"})

    last_end = 0
    for tok, tag in tokens:
        label = tag[2:] if tag.startswith(("I-", "B-")) else None
        start = pos
        if label != run_label or tag.startswith("B-"):
            close(last_end)
            run_label, run_start, run_tokens = label, start, []
        if label:
            run_tokens.append(tok)
        text_parts.append(tok)
        pos += len(tok) + 1
        last_end = start + len(tok)
    close(last_end)
    return " ".join(text_parts), spans


def _keep_wiki(label: str, tokens: list[str]) -> bool:
    if label == "PER":
        return all(t[:1].isupper() for t in tokens)
    return label == "ORG" and tokens[0][:1].isupper()


def fin5_records(shared: Path | None = None, sentences_per_doc: int = 20, silver=None) -> list[dict]:
    path = shared_dir(shared) / "external" / "fin-ner" / "FIN5.txt"
    return conll_records(read_conll(path), "fin5", sentences_per_doc, silver)


def wikigold_records(shared: Path | None = None, sentences_per_doc: int = 20, silver=None) -> list[dict]:
    path = shared_dir(shared) / "external" / "wikigold" / "wikigold.conll.txt"
    return conll_records(read_conll(path), "wikigold", sentences_per_doc, silver, keep=_keep_wiki)


def _without_the(text: str, span: dict) -> dict:
    """An ORG span without a leading `The ` (`The Mad Capsule Markets` -> `Mad Capsule Markets`)."""
    if span["label"] == "ORG" and text[span["start"]:span["start"] + 4] in ("The ", "THE ") \
            and span["end"] - span["start"] > 4:
        return {**span, "start": span["start"] + 4}
    return span


def conll_records(sentences, prefix: str, sentences_per_doc: int = 20, silver=None, keep=None) -> list[dict]:
    """Training records of CoNLL sentences: `sentences_per_doc` sentences per record, PERSON
    and ORG from the tags (`keep` decides which runs count), and with `silver` (a rules
    pipeline) the rule layer's valued and ROLE spans where no name lies."""
    records = []
    for k in range(0, len(sentences), sentences_per_doc):
        texts, spans, pos = [], [], 0
        for sent in sentences[k:k + sentences_per_doc]:
            text, sent_spans = sentence_record(sent, [], keep)
            spans += [{**s, "start": s["start"] + pos, "end": s["end"] + pos} for s in sent_spans]
            texts.append(text)
            pos += len(text) + 1
        text = "\n".join(texts)
        spans = [_without_the(text, s) for s in spans]
        record = {"id": f"{prefix}:{k // sentences_per_doc}", "text": text, "spans": spans, "events": []}
        if silver is not None:
            doc = silver(record["text"])
            for ent in doc.ents:
                if ent.label_ in SILVER_LABELS and not any(
                        s["start"] < ent.end_char and ent.start_char < s["end"] for s in record["spans"]):
                    record["spans"].append({"start": ent.start_char, "end": ent.end_char, "label": ent.label_})
            record["spans"].sort(key=lambda s: s["start"])
        records.append(record)
    return records


# the sets `sec-events train` adds (`--fin5`, `--wikigold`): name -> (title, reader)
EXTERNAL_SETS = {"fin5": ("FIN5", fin5_records), "wikigold": ("WikiGold", wikigold_records)}
