"""Offsets: spans within a range, the first of a label there, where a line starts and ends."""
from extractors.offsets import first_of, line_end, line_start, within

SPANS = [(0, 4, "DATE"), (5, 9, "MONEY"), (10, 20, "ORG"), (12, 15, "MONEY"), (30, 34, "MONEY")]


def test_spans_within_a_range_and_the_first_of_a_label():
    assert within(SPANS, 5, 20) == [(5, 9, "MONEY"), (10, 20, "ORG"), (12, 15, "MONEY")]
    assert within(SPANS, 6, 19) == [(12, 15, "MONEY")]  # a span running over either end is out
    assert first_of(SPANS, "MONEY", 10, 40) == (12, 15)
    assert first_of(SPANS, "ORG", 11, 40) is None
    assert first_of([], "MONEY", 0, 10) is None


def test_where_a_line_starts_and_ends():
    text = "first line\nsecond"
    assert line_start(text, 3) == 0
    assert line_start(text, 11) == 11
    assert line_start(text, 14) == 11
    assert line_end(text, 3) == 10
    assert line_end(text, 10) == 10
    assert line_end(text, 12) == len(text)
