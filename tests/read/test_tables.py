"""Tables kept in the reader's text (issue 19): one line per row, cells tab-separated,
a blank line around each table, and the tables listed in the document's meta."""
import time

import pytest

from sec_events.read.build import CorpusReader, ErrorRecord, plain_sgml_document
from sec_events.read.html import html_document, html_to_text, join_symbols


@pytest.fixture(scope="module")
def EDGAR(shared):  # the real EDGAR files of ../shared
    return shared / "corpus" / "edgar"


def table_lines(text: str, table: dict) -> list[str]:
    return text[table["start"]:table["end"]].split("\n")


def test_rows_are_lines_and_cells_tabs():
    html = ("<p>The results were:</p><table>"
            "<tr><td>Nominee</td><td>&nbsp;</td><td>For</td><td></td><td>Withheld</td></tr>"
            "<tr><td>Jane Q. Doe</td><td>&nbsp;</td><td>1,234,567</td><td></td><td>8,910</td></tr>"
            "<tr><td>Revenue</td><td>$</td><td>1,234</td><td>(</td><td>56</td><td>)</td></tr>"
            "<tr><td>Margin</td><td>12.5</td><td>%</td></tr>"
            "<tr><td>&nbsp;</td><td> </td></tr>"
            "</table><p>Nothing else.</p>")
    text, tables = html_document(html)
    assert text == ("The results were:\n\n"
                    "Nominee\tFor\tWithheld\n"
                    "Jane Q. Doe\t1,234,567\t8,910\n"
                    "Revenue\t$1,234\t(56)\n"
                    "Margin\t12.5%\n\n"
                    "Nothing else.")
    assert tables == [{"start": 19, "end": 19 + len("Nominee\tFor\tWithheld\nJane Q. Doe\t1,234,567\t8,910\n"
                                                  "Revenue\t$1,234\t(56)\nMargin\t12.5%"),
                       "rows": 4, "columns": 3}]
    assert html_to_text(html) == text


def test_symbols_joined_to_their_numbers():
    assert join_symbols(["Net", "$", "1,234", "12.5", "%", "(", "1,234", ")", ""]) == \
        ["Net", "$1,234", "12.5%", "(1,234)"]
    assert join_symbols(["$", "(", "7", ")"]) == ["$(7)"]
    assert join_symbols(["%", "x", "$"]) == ["%", "x", "$"]  # nothing to join to: kept


def test_two_tables_and_cell_paragraphs():
    html = ("<table><tr><td><p>Net</p><p>income</p></td><td>5<br>(restated)</td></tr></table>"
            "<table><tr><th>A</th><th>B</th></tr></table>tail words")
    text, tables = html_document(html)
    assert text == "Net income\t5 (restated)\n\nA\tB\n\ntail words"
    assert [table_lines(text, t) for t in tables] == [["Net income\t5 (restated)"], ["A\tB"]]


def test_bad_tables_give_text():
    # ragged rows, colspan, a nested table (flattened into its cell), stray text, an empty table
    html = ("<table><tr><td colspan=3>Wide header</td></tr><tr><td>a</td><td>b</td><td>c</td><td>d</td></tr>"
            "<tr><td>only</td><td>x</td></tr>"
            "<tr><td>outer</td><td><table><tr><td>in 1</td><td>in 2</td></tr><tr><td>in 3</td></tr></table></td></tr>"
            "</table>between<table>stray<tr><td>p</td><td>q</td></tr>after row</table>"
            "<table><tr><td>&nbsp;</td></tr></table><p>end</p>")
    text, tables = html_document(html)
    assert table_lines(text, tables[0]) == ["Wide header", "a\tb\tc\td", "only\tx", "outer\tin 1 in 2 in 3"]
    assert tables[0]["rows"] == 4 and tables[0]["columns"] == 4
    assert table_lines(text, tables[1]) == ["stray", "p\tq", "after row"]
    assert len(tables) == 2
    assert text.endswith("\n\nbetween\n\nstray\np\tq\nafter row\n\nend")
    # unclosed and broken markup
    for html in ("<table><tr><td>a<td>b", "<table><td>x</td><td>y</td></table>", "<tr><td>1</td></tr>",
                 "<table></table>", "<table><tr></tr></table>", "<td>orphan</td>", "<table><table><tr><td>1"):
        text, tables = html_document(html)
        assert isinstance(text, str)
        assert all(0 <= t["start"] < t["end"] <= len(text) for t in tables)
    assert html_document("<table><tr><td>a<td>b")[0] == "a\tb"


def test_layout_table_is_prose():
    html = ("<table><tr><td><p>First paragraph.</p><p>Second paragraph.</p>"
            "<table><tr><td>Q</td><td>1</td></tr></table></td></tr><tr><td></td></tr></table>")
    text, tables = html_document(html)
    assert text == "First paragraph.\n\nSecond paragraph.\n\nQ\t1"
    assert [table_lines(text, t) for t in tables] == [["Q\t1"]]


def test_ten_thousand_rows_in_linear_time():
    def render(n: int) -> float:
        rows = "".join(f"<tr><td>Item {i}</td><td>$</td><td>{i:,}</td><td></td></tr>" for i in range(n))
        t = time.perf_counter()
        text, tables = html_document(f"<p>Before</p><table>{rows}</table><p>After</p>")
        seconds = time.perf_counter() - t
        assert tables[0]["rows"] == n and tables[0]["columns"] == 2
        assert text.count("\n") == n + 3 and f"Item {n - 1}\t${n - 1:,}" in text
        return seconds

    small, large = render(1000), render(10_000)
    assert large < 5.0
    assert large < 25 * max(small, 0.01)  # ten times the rows, not a hundred times the time


def test_plain_text_tables_keep_their_lines():
    raw = ("\n<PAGE>\n   Results\n<TABLE>\n<CAPTION>\n<S>                <C>        <C>\n"
           "Revenue            $1,234     $1,100\n"
           "Net income            56         40   \n"
           "</TABLE>\nno alignment here at all\n<TABLE>\nragged   row\n one\n")
    text, tables = plain_sgml_document(raw)
    assert text.split("\n")[0] == "   Results"
    assert "Revenue            $1,234     $1,100\nNet income            56         40" in text
    assert [text[t["start"]:t["end"]] for t in tables] == [
        "Revenue            $1,234     $1,100\nNet income            56         40", "ragged   row\n one"]
    assert [(t["rows"], t["columns"]) for t in tables] == [(2, 3), (2, 2)]
    assert plain_sgml_document("x  y\nz") == ("x  y\nz", [])


def _read(path):
    return [d for d in CorpusReader().iter_file(path) if not isinstance(d, ErrorRecord)]


def test_real_vote_table(EDGAR):
    [doc] = _read(EDGAR / "1800Flowers.8-K.html")
    text, tables = doc["text"], doc["meta"]["tables"]
    votes = [t for t in tables if text[t["start"]:t["end"]].startswith("Nominee\tFor\tWithheld")]
    assert len(votes) == 1 and votes[0]["rows"] == 12 and votes[0]["columns"] == 4
    lines = table_lines(text, votes[0])
    assert lines[1].split("\t")[0] == "Celia R. Brown" and all(len(line.split("\t")) == 4 for line in lines)
    assert all(text[t["start"] - 2:t["start"]] in ("\n\n", "") or t["start"] == 0 for t in tables)
    assert all(text[t["end"]:t["end"] + 2] in ("\n\n", "") for t in tables)
    assert "\n\n\n" not in text and not any(line != line.rstrip() for line in text.splitlines())


def test_real_tables_listed_for_every_html_document(EDGAR):
    for path in ("0001493152-25-001317.nc", "BuckleInc.8-K.EX99.1.html", "form8k.Nordstrom.html"):
        for doc in _read(EDGAR / path):
            text, tables = doc["text"], doc["meta"]["tables"]
            assert tables and all("\t" in text[t["start"]:t["end"]] for t in tables)
            assert all(text[t["start"]:t["end"]].count("\n") + 1 == t["rows"] for t in tables)
            starts = [t["start"] for t in tables]
            assert starts == sorted(starts)
