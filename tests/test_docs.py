"""The user documentation says what the code does: docs/schema.md lists every label,
event type and role with the fillers `extractors.schema` allows, and its value
examples are what the normaliser gives; docs/items.md maps every item as the items
check does."""
from __future__ import annotations

import json
import re

import pytest

from extractors.items import item_types
from extractors.normalise import normalise
from extractors.schema import CURRENT, LABELS, PRE_2004, ROLES
from sec_events.paths import PROJECT_ROOT

DOCS = PROJECT_ROOT / "docs"
SCHEMA = (DOCS / "schema.md").read_text(encoding="utf-8")
ITEMS = (DOCS / "items.md").read_text(encoding="utf-8")
FILLERS = {"ORG": "ORG", "PERSON": "PERSON", "ROLE": "ROLE", "MONEY": "MONEY", "SHARES": "SHARES",
           "PERCENT": "PERCENT", "DATE": "DATE", "text": "TEXT", "filer phrase": "FILER"}


def section(text: str, heading: str) -> str:
    start = text.index(heading) + len(heading)
    nxt = re.search(r"^#{2,3} ", text[start:], re.M)
    return text[start:start + nxt.start()] if nxt else text[start:]


def table_rows(text: str) -> list[list[str]]:
    return [[c.strip() for c in line.strip().strip("|").split("|")]
            for line in text.splitlines() if line.startswith("| ") and not line.startswith("| ---")]


def test_every_label_is_described():
    rows = table_rows(section(SCHEMA, "## 1. Entity spans"))
    assert [r[0] for r in rows[1:]] == [f"`{label}`" for label in LABELS]


@pytest.mark.parametrize("event_type", list(ROLES))
def test_every_type_lists_its_roles_and_fillers(event_type):
    rows = table_rows(section(SCHEMA, f"### {event_type}\n"))
    assert rows[0] == ["role", "filled by", "value"]
    documented = {}
    for role, filled_by, _ in rows[1:]:
        name = re.match(r"`(\w+)`", role).group(1)
        kinds = re.findall(r"\b(ORG|PERSON|ROLE|MONEY|SHARES|PERCENT|DATE|text|filer phrase)\b", filled_by)
        documented[name] = {FILLERS[k] for k in kinds}
    assert documented == {role: set(labels) for role, labels in ROLES[event_type].items()}


ARROW = re.compile(r"((?:`[^`]+`,\s*)*`[^`]+`)\s*->\s*(`[^`]+`|-?\d[\d.]*)(\s+`[A-Z]{3}`)?")


def value_examples():
    """(label, text, expected value) for every `text` -> value of schema.md section 3."""
    values, dates = section(SCHEMA, "## 3. Normalised values").split("Date forms:")
    parts = [(re.match(r"\| `([A-Z]+)`", row).group(1), row) for row in values.splitlines()
             if re.match(r"\| `[A-Z]+` \|", row)] + [("DATE", dates)]
    out = []
    for label, part in parts:
        for m in ARROW.finditer(" ".join(part.split())):
            expected = m.group(2)
            if expected.startswith("`"):
                expected = expected.strip("`")
                expected = json.loads(expected) if expected.startswith("{") else expected
            else:
                expected = float(expected)
            if label == "MONEY" and not isinstance(expected, dict):
                currency = m.group(3).strip().strip("`") if m.group(3) else "USD"
                expected = {"amount": expected, "currency": currency}
            out += [(label, source, expected) for source in re.findall(r"`([^`]+)`", m.group(1))]
    return out


def test_value_examples_are_found():
    labels = {label for label, _, _ in value_examples()}
    assert labels == {"MONEY", "SHARES", "PERCENT", "DATE"} and len(value_examples()) >= 25


@pytest.mark.parametrize("label, text, expected", value_examples())
def test_value_examples_are_what_the_normaliser_gives(label, text, expected):
    assert normalise(label, text, 2024) == expected


def test_items_table_is_the_items_map():
    rows = table_rows(section(ITEMS, "## The map"))[1:]
    current, old = {}, {}
    for numbers, before, _, types in rows:
        types = set(re.findall(r"`([A-Z_]+)`", types))
        for number in re.findall(r"\d\.\d\d", numbers):
            current[number] = types
        for number in re.findall(r"\d+", before):
            old[number] = types
    assert current == {k: set(v) for k, v in CURRENT.items()}
    assert old == {k: set(v) for k, v in PRE_2004.items()}
    for number, types in current.items():
        assert item_types(f"Item {number}", "2024-01-02") == types
    for number, types in old.items():
        assert item_types(f"Item {number}", "2003-01-02") == types
