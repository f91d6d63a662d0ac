"""Tables read from a document's text (extractors/tables.py): rows, cells, column
headers and scales, in the three forms a table reaches the pipeline (the HTML
reader's tab-separated rows, space-aligned text, cells stacked one per line), and
bad tables (ragged rows, nested tables, 10,000 rows, no alignment)."""
import time

from extractors.tables import cell_kind, core, find_tables, number, periods, scale_of, tables_from_regions
from sec_events.read.html import html_document

PRESS_RELEASE = (
    "<p>Brindlecomb Corp. today reported results for its fourth quarter.</p>"
    "<p>(In millions, except per share data)</p>"
    "<table>"
    "<tr><td></td><td colspan=2>Three Months Ended December 31,</td><td></td></tr>"
    "<tr><td></td><td>2023</td><td>2022</td><td>% Change</td></tr>"
    "<tr><td>Net revenues</td><td>$</td><td>1,234</td><td>$</td><td>1,100</td><td>12</td><td>%</td></tr>"
    "<tr><td>Cost of revenues</td><td>(500)</td><td>(450)</td><td>11%</td></tr>"
    "<tr><td>Weighted average shares outstanding</td><td>300</td><td>290</td><td></td></tr>"
    "<tr><td>Gross margin</td><td>59.5%</td><td>59.1%</td><td></td></tr>"
    "<tr><td>Net income per diluted share</td><td>$0.57</td><td>$0.50</td><td>14%</td></tr>"
    "</table><p>Brindlecomb will hold a call today.</p>")


def rows_of(text: str, table) -> list[tuple]:
    return [(r.label.text if r.label else None,
             [(v.text, h.text if h else None) for v, h in periods(table, r)]) for r in table.rows]


def test_cell_kinds():
    assert [cell_kind(t) for t in ("$1,234", "(1,234)", "$(7)", "1.5 billion", "12.5%", "36.6 %")] == \
        ["number"] * 4 + ["percent"] * 2
    assert [cell_kind(t) for t in ("—", "$ —", "n/a")] == ["dash"] * 3
    assert [cell_kind(t) for t in ("2023", "Fiscal 2023", "FY2024")] == ["year"] * 3
    assert [cell_kind(t) for t in ("Dec 30, 2023", "March 3, 2023", "Three Months Ended December 31, 2023",
                                   "Q4 2023")] == ["date"] * 4
    assert [cell_kind(t) for t in ("Net revenues", "December 31,", "% Change", "Revenue 2023 was up")] == \
        ["text"] * 4


def test_figures_and_scales():
    assert number("$1,234") == 1234.0 and number("(79)") == -79.0 and number("$(7)") == -7.0
    assert number("1.5 billion") == 1.5e9 and number("—") is None
    text = "Net loss\t(79)\t$(7)\t$1,234(1)\t12.5%"
    cells = find_tables(text)[0].rows[0].values
    assert [text[slice(*core(c))] for c in cells] == ["79", "7", "$1,234", "12.5%"]  # GUIDELINES: `(79)` -> `79`
    assert scale_of("(In millions, except per share data)") == 1e6
    assert scale_of("(Amounts in Thousands Except Per Share Amounts)") == 1e3
    assert scale_of("($ in billions)") == 1e9 and scale_of("Dollars in thousands") == 1e3
    assert scale_of("Consolidated Statements of Income") == 1.0


def test_html_table_through_the_reader():
    text, regions = html_document(PRESS_RELEASE)
    assert "Net revenues\t$1,234\t$1,100\t12%" in text
    for table in (find_tables(text)[0], tables_from_regions(text, regions)[0]):
        assert table.scale == 1e6
        assert rows_of(text, table) == [
            ("Net revenues", [("$1,234", "2023"), ("$1,100", "2022"), ("12%", "% Change")]),
            ("Cost of revenues", [("(500)", "2023"), ("(450)", "2022"), ("11%", "% Change")]),
            ("Weighted average shares outstanding", [("300", "2023"), ("290", "2022")]),
            ("Gross margin", [("59.5%", None), ("59.1%", None)]),  # a percent row has no period
            ("Net income per diluted share", [("$0.57", "2023"), ("$0.50", "2022"), ("14%", "% Change")])]
    assert len(find_tables(text)) == 1  # the prose around the table is no table


def test_space_aligned_text_table():
    text = ("We computed earnings per share as follows.\n\n"
            "Years Ended (In Millions, Except Per Share Amounts)  Dec 30, 2023  Dec 31, 2022\n"
            "Net income                                           $1,675        $8,017\n"
            "Less: Net income attributable to partners            (14)          3\n"
            "Earnings per share—diluted                           $0.40         $1.94\n\n"
            "We computed diluted earnings per share of common stock based on the weighted average.")
    [table] = find_tables(text)
    assert table.form == "spaced" and table.scale == 1e6
    assert rows_of(text, table) == [
        ("Net income", [("$1,675", "Dec 30, 2023"), ("$8,017", "Dec 31, 2022")]),
        ("Less: Net income attributable to partners", [("(14)", "Dec 30, 2023"), ("3", "Dec 31, 2022")]),
        ("Earnings per share—diluted", [("$0.40", "Dec 30, 2023"), ("$1.94", "Dec 31, 2022")])]


def test_rows_with_blank_lines_and_signs_apart():
    """The EDGAR text form: a blank line between rows, `$` apart from its number."""
    text = ("Condensed Statements of Income\n\n(In millions; unaudited)\n\n    Three Months Ended\n\n"
            "    March 3, 2023    March 4, 2022\n\n  Revenue:\n\n  Subscription  $  4,373       $  3,958\n\n"
            "  Interest expense  (32)      (28)\n\n4\n\nThe Company's results are described in its report. "
            "It is a long sentence.")
    [table] = find_tables(text)
    assert table.scale == 1e6
    assert rows_of(text, table) == [("Subscription", [("$  4,373", "March 3, 2023"), ("$  3,958", "March 4, 2022")]),
                                    ("Interest expense", [("(32)", "March 3, 2023"), ("(28)", "March 4, 2022")])]


def test_cells_stacked_one_per_line():
    text = ("Consolidated results (in thousands)\n\nThree Months Ended\nDecember 31,\n2023\n2022\n"
            "Net revenues\n$1,234\n$1,100\nNet income\n(56)\n45\n\nThe quarter was strong. Sales grew.")
    [table] = find_tables(text)
    assert table.form == "stacked" and table.scale == 1e3
    assert rows_of(text, table) == [("Net revenues", [("$1,234", "2023"), ("$1,100", "2022")]),
                                    ("Net income", [("(56)", "2023"), ("45", "2022")])]


def test_a_footnote_mark_under_a_line_is_no_table():
    text = ("Non-GAAP net income of $275 million, or $0.78 per share\n(1)\n \n"
            "Orders of $1.84 billion, up 8 percent year-over-year\n2\n")
    assert find_tables(text) == []


def test_ragged_rows_give_figures_without_a_period():
    html = ("<table><tr><td></td><td>2023</td><td>2022</td><td>2021</td></tr>"
            "<tr><td>Net revenues</td><td>$1,234</td><td>$1,100</td><td>$1,000</td></tr>"
            "<tr><td>Net income</td><td>$200</td><td>$150</td></tr>"
            "<tr><td>Operating income</td><td>$300</td><td>$250</td><td>$220</td><td>$210</td></tr>"
            "<tr><td>Other</td></tr><tr><td>$5</td></tr></table>")
    text, _ = html_document(html)
    [table] = find_tables(text)
    assert rows_of(text, table) == [
        ("Net revenues", [("$1,234", "2023"), ("$1,100", "2022"), ("$1,000", "2021")]),
        ("Net income", [("$200", None), ("$150", None)]),  # which two of the three columns: unknown
        ("Operating income", [("$300", None), ("$250", None), ("$220", None), ("$210", None)]),
        ("Other", [("$5", None)])]  # a label row and a figure row under it: read as one row


def test_nested_table_is_read_as_its_cell():
    html = ("<table><tr><td></td><td>2023</td><td>2022</td></tr>"
            "<tr><td>Net revenues</td><td>$1,234</td><td>$1,100</td></tr>"
            "<tr><td>Segments<table><tr><td>Retail</td><td>$700</td></tr><tr><td>Online</td><td>$534</td></tr>"
            "</table></td><td>$1,234</td><td>$1,100</td></tr></table>")
    text, regions = html_document(html)
    [table] = find_tables(text)
    assert [r.label.text for r in table.rows][0] == "Net revenues"
    assert rows_of(text, table)[0] == ("Net revenues", [("$1,234", "2023"), ("$1,100", "2022")])
    assert len(tables_from_regions(text, regions)) == 1


def test_ten_thousand_rows_are_read_fast():
    rows = "\n".join(f"Net revenues of segment {i}\t${i * 7 + 1000:,}\t${i * 5 + 900:,}" for i in range(10_000))
    text = "Results (in thousands)\n\n\tYear Ended December 31,\n\t2023\t2022\n" + rows + "\n\nThe end."
    start = time.perf_counter()
    tables = find_tables(text)
    last = tables[0].rows[-1]
    assert rows_of(text, tables[0])[-1] == (last.label.text, [("$70,993", "2023"), ("$50,895", "2022")])
    assert time.perf_counter() - start < 5
    assert len(tables) == 1 and len(tables[0].rows) == 10_000
    html = "<table>" + "".join(f"<tr><td>Row {i}</td><td>${i}</td></tr>" for i in range(10_000)) + "</table>"
    start = time.perf_counter()
    text, regions = html_document(html)
    assert len(tables_from_regions(text, regions)[0].rows) == 10_000 == len(find_tables(text)[0].rows)
    assert time.perf_counter() - start < 10


def test_text_with_no_alignment_is_no_table():
    """Single spaces between cells: no column can be told from a word, so no table."""
    text = ("Net revenues $1,234 $1,100\nNet income $200 $150\n2023 2022\n")
    assert find_tables(text) == []


def test_bad_regions_are_skipped():
    text = "Net revenues\t$1,234\n"
    assert tables_from_regions(text, [{"start": "x"}, {"end": 4}, {"start": 50, "end": 90}, None]) == []
    assert [len(t.rows) for t in tables_from_regions(text, [{"start": 0, "end": 20}])] == [1]


def test_a_schedule_by_year_is_a_table_and_takes_its_caption_scale():
    from extractors.normalise import value_at

    text = ("Maturities of long-term debt are summarized below.\n\n(in millions)\n"
            "2025           $1,200\n2026           750\nThereafter     4,100\nTotal          $6,050\n\n"
            "In March 2024, Brindle Systems Corp. issued notes.")
    [table] = find_tables(text)
    assert [(r.cells[0].text, [v.text for v in r.values]) for r in table.rows][:2] == [
        ("2025", ["$1,200"]), ("2026", ["750"])]
    at = text.index("750")
    assert value_at("MONEY", text, at, at + 3, 2024) == {"amount": 750e6, "currency": "USD"}
    # a share count in a row about shares takes the caption's scale; a per-share amount does not
    text = ("Years Ended (In Millions, Except Per Share Amounts)   Dec 30, 2024  Dec 31, 2023\n"
            "Net income                                            $1,675        $8,017\n"
            "Weighted average shares of common stock outstanding   4,190         4,108\n"
            "Earnings per share                                    $0.40         $1.95\n")
    at = text.index("4,190")
    assert value_at("SHARES", text, at, at + 5, 2024) == 4_190_000_000
    assert value_at("MONEY", text, text.index("$0.40"), text.index("$0.40") + 5, 2024)["amount"] == 0.4


def test_a_figure_with_cents_in_a_table_in_thousands_is_a_price():
    """A price (`$104.18`, an option's exercise price) keeps its figure in a table whose
    caption scales its other figures; an amount without cents takes the scale of money, which
    `Options (in thousands)` is not (it scales the counts; the filing's unit of money holds)."""
    from extractors.normalise import value_at

    text = ("Options (in thousands)     Options     Weighted Average Exercise Price    Intrinsic Value\n"
            "Outstanding at July 1      121,205     $104.18                            $5,732\n"
            "Exercisable                75,692      $99.51                             $4,951\n\n"
            "The following table provides more.")
    assert value_at("MONEY", text, text.index("$104.18"), text.index("$104.18") + 7, 2024)["amount"] == 104.18
    assert value_at("MONEY", text, text.index("$4,951"), text.index("$4,951") + 6, 2024, None, 1e6)["amount"] == \
        4_951_000_000
    priced = text.replace("Options (in thousands)", "(Dollars in thousands)")
    assert value_at("MONEY", priced, priced.index("$4,951"), priced.index("$4,951") + 6, 2024)["amount"] == 4_951_000
    assert value_at("MONEY", priced, priced.index("$104.18"), priced.index("$104.18") + 7, 2024)["amount"] == 104.18


def test_repurchase_table_figures_are_labelled_by_their_columns():
    from extractors.tables import repurchase_figures

    text = ("Period          Total Number of Shares Purchased  Average Price Paid per Share  "
            "Approximate Dollar Value of Shares that May Yet Be Purchased\n"
            "October 2024    149                               81.13                         976\n"
            "November 2024   —                                 —                             (1)\n"
            "Total           149                               $81.13\n\n"
            "All purchases were made in the open market.")
    assert [(text[f.start:f.end], f.label, f.price) for f in repurchase_figures(text)] == [
        ("149", "SHARES", False), ("81.13", "MONEY", True), ("976", "MONEY", False),
        ("(1)", None, False)]  # the total row fits no column count; a note mark is no figure


def test_a_note_after_a_repurchase_figure_holds_no_column_and_the_caption_scales_counts():
    from extractors.normalise import value_at
    from extractors.tables import repurchase_figures

    text = ("Purchases of our shares (in millions, except average price per share) were:\n\n"
            "Period             Total Number of Shares Purchased  Average Price Paid per Share  "
            "Maximum Dollar Value of Shares that May Yet Be Purchased\n"
            "December 2025      2.5                               (1)    $108.223               $7,741\n\n"
            "All purchases were made in the open market.")
    figures = [(text[f.start:f.end], f.label, f.price, f.scale) for f in repurchase_figures(text)]
    assert figures == [("2.5", "SHARES", False, 1e6), ("(1)", None, False, None), ("$108.223", "MONEY", True, None),
                       ("$7,741", "MONEY", False, None)]
    at = text.index("2.5")
    assert value_at("SHARES", text, at, at + 3, 2025) == 2_500_000
    at = text.index("$108.223")
    assert value_at("MONEY", text, at, at + 8, 2025)["amount"] == 108.223  # a price: no scale


AWARD_TABLE = (
    "A summary of option activity is presented below:\n"
    "Options                      Options (in thousands)  Weighted Average Exercise Price  "
    "Weighted Average Contractual Life in Years  Aggregate Intrinsic Value (in millions)\n"
    "Outstanding at July 1, 2025  12,400                  $94.18\n"
    "Granted                      1,310                   137.76\n"
    "Exercised                    (2,219)                 75.08\n"
    "Outstanding at June 30, 2026  11,491                 $99.59                           5.1                                         $3,732\n"
    "\n"
    "Cash received from options exercised was $188 million.")


def test_award_table_columns_label_counts_prices_and_terms():
    from extractors.tables import award_figures

    figures = {AWARD_TABLE[f.start:f.end]: (f.label, f.price, f.scale) for f in award_figures(AWARD_TABLE)}
    assert figures == {
        "12,400": ("SHARES", False, 1e3), "$94.18": ("MONEY", True, None), "1,310": ("SHARES", False, 1e3),
        "137.76": ("MONEY", True, None), "2,219": ("SHARES", False, 1e3), "75.08": ("MONEY", True, None),
        "11,491": ("SHARES", False, 1e3), "$99.59": ("MONEY", True, None), "5.1": (None, False, None),
        "$3,732": ("MONEY", False, 1e6)}  # short rows read by where their cells stand


def test_award_table_values_take_their_columns_scale_and_brackets():
    from extractors.normalise import value_at

    def value(label, figure):
        at = AWARD_TABLE.index(figure)
        return value_at(label, AWARD_TABLE, at, at + len(figure), 2026)

    assert value("SHARES", "12,400") == 12_400_000
    assert value("SHARES", "2,219") == -2_219_000  # `(2,219)` exercised
    assert value("MONEY", "137.76")["amount"] == 137.76
    assert value("MONEY", "$3,732")["amount"] == 3_732_000_000


def test_a_text_with_no_award_header_has_no_award_figures():
    from extractors.tables import award_figures

    text = ("Revenue                      Options (in thousands)  Weighted Average Exercise Price\n"
            "is a word we use in prose, and this line of prose is long enough to end any table at once.")
    assert award_figures(text) == []
    assert award_figures("Net revenues     $1,234    $1,100\nCost of sales    $800      $700\n") == []


def test_rows_counting_shares_in_a_table_of_money_are_shares_with_its_scale():
    from extractors.normalise import value_at
    from extractors.tables import share_row_figures

    text = ("Basic and diluted earnings per share are computed as follows (in millions):\n\n"
            "                                                  2026    2025\n"
            "Net income                                        $ 1,812 $ 1,590\n"
            "Basic weighted average shares outstanding         673.8   684.3\n"
            "Stock options and unvested restricted stock       2.2     3.1\n"
            "Diluted earnings per share                        $ 2.68  $ 2.31\n\n"
            "Antidilutive options were not material.")
    figures = [text[f.start:f.end] for f in share_row_figures(text)]
    assert figures == ["673.8", "684.3", "2.2", "3.1"]  # not the income or per-share rows
    at = text.index("673.8")
    assert value_at("SHARES", text, at, at + 5, 2026) == 673_800_000
    expenses = ("Share-based compensation expense (in millions):\n\n"
                "                   2026    2025\n"
                "Stock options      $ 45    $ 41\n"
                "Restricted stock   112     98\n\n"
                "The expense is recognised over the vesting period.")
    assert share_row_figures(expenses) == []  # awards count shares only beside a shares row


def test_a_table_captioned_as_counting_shares_has_share_figures():
    """`(shares in thousands)` above award activity, `(Number of Shares)` over the share part of a
    statement of equity: bare figures are SHARES with the caption's scale, until a row of money."""
    from extractors.normalise import value_at
    from extractors.tables import column_figures, share_table_figures

    awards = ("The following table summarizes Quill Harbor's restricted stock unit activity:\n"
              "(shares in thousands)         Equity Awards   Liability Awards\n"
              "Outstanding January 1, 2026   3,410           1,205\n"
              "Granted                       1,120           402\n"
              "Payments                      (980)           (311)\n"
              "Outstanding December 31, 2026  3,550          1,296\n\n"
              "Units are paid in shares of common stock.")
    assert [awards[f.start:f.end] for f in share_table_figures(awards)] == [
        "3,410", "1,205", "1,120", "402", "980", "311", "3,550", "1,296"]
    at = awards.index("980")
    assert value_at("SHARES", awards, at, at + 3, 2026) == -980_000
    equity = ("                                  Common Stock   Retained Earnings   Total\n"
              "Balance at March 31, 2026         $1,200         $48,100             $49,300\n"
              "Net income                        —              2,410               2,410\n"
              "Balance at June 30, 2026          $1,200         $50,510             $51,710\n"
              "(Number of Shares)                Issued         Treasury            Outstanding\n"
              "Balance at March 31, 2026         812,440,120    (61,210,004)        751,230,116\n"
              "Purchases                         —              (2,118,450)         (2,118,450)\n"
              "Balance at June 30, 2026          812,440,120    (63,328,454)        749,111,666\n\n"
              "Shares are held at cost.")
    shares = [equity[f.start:f.end] for f in column_figures(equity) if f.label == "SHARES"]
    assert shares[:3] == ["812,440,120", "61,210,004", "751,230,116"] and len(shares) == 8
    assert "2,410" not in shares  # the money rows above the caption line
    assert share_table_figures("(dollars and shares in millions)\nRevenue   $1,200   $1,100\n") == []
    # the caption as the header line's first cell
    esop = ("The preferred shares outstanding were as follows:\n"
            "Shares in thousands  2026    2025\n"
            "Allocated            22,724  24,449\n"
            "Unallocated          \u2014       535\n\n"
            "Each share is convertible into one share of common stock.")
    assert [esop[f.start:f.end] for f in share_table_figures(esop)] == ["22,724", "24,449", "535"]
    at = esop.index("22,724")
    assert value_at("SHARES", esop, at, at + 6, 2026) == 22_724_000


def test_a_statement_of_equity_with_shares_and_dollars_columns_in_turn():
    """`Shares  $  Shares  $`: a row filling every column holds shares and dollars in turn;
    the caption below the header scales the counts, not the header's `$`; a row with more
    figures than the header names makes it no such table."""
    from extractors.normalise import value_at
    from extractors.tables import shares_dollars_figures

    text = ("Three Months Ended June 30,\n"
            "2026                          2025\n"
            "Shares         $              Shares         $\n"
            "(In millions, except per share amounts)\n"
            "Common stock, par value       512.4          512            512.4          512\n"
            "Treasury stock\n"
            "Beginning balance             (140.2)        (21,310)       (131.8)        (19,904)\n"
            "Reacquired stock              (1.6)          (402)          (2.9)          (655)\n"
            "Ending balance                (141.8)        (21,712)       (134.7)        (20,559)\n\n"
            "The statement is unaudited.")
    figures = {text[f.start:f.end]: f.label for f in shares_dollars_figures(text)}
    assert figures["512.4"] == "SHARES" and figures["512"] == "MONEY"
    assert figures["1.6"] == "SHARES" and figures["402"] == "MONEY" and len(figures) == 14
    at = text.index("1.6")
    assert value_at("SHARES", text, at, at + 3, 2026) == -1_600_000
    wider = text.replace("(655)\n", "(655)         (88)\n")
    assert shares_dollars_figures(wider) == []


def test_captions_in_capitals_or_of_dollars_state_a_scale():
    assert scale_of("(MILLIONS)") == 1e6 and scale_of("(Millions of dollars)") == 1e6
    assert scale_of("(millions of dollars, unless otherwise noted)") == 1e6
    assert scale_of("(Billions of dollars)") == 1e9
    assert scale_of("losses of hundreds of millions of dollars") == 1.0  # prose, no caption


def test_a_line_of_figures_led_by_a_rate_takes_its_tables_scale():
    """`4.850 %  Senior Notes due March 2033  750`: the rate before the label makes the line no
    row of the table, but its amount is in the caption's millions all the same."""
    from extractors.normalise import value_at

    text = ("Debt consisted of the following:\n"
            "(in millions)\n"
            "2026 USD Notes     4.875 %     Senior Notes due March 2031     $750     5.003 %\n"
            "4.850 %            Senior Notes due March 2036     650      4.923 %\n"
            "Total debt                                       $1,400\n\n"
            "The notes are unsecured.")
    at = text.index("650")
    assert value_at("MONEY", text, at, at + 3, 2026) == {"amount": 650_000_000.0, "currency": "USD"}


def test_a_scale_for_counts_is_no_scale_of_money():
    """`Options (in thousands)` scales the option counts of an award table, not its intrinsic
    values, which take the filing's unit of money (here its tables' `(Dollars in millions)`)."""
    from extractors.normalise import value_at
    from extractors.tables import counts_only

    assert counts_only("Options (in thousands)", 8, 22) and not counts_only("(Dollars in thousands)", 0, 21)
    awards = ("A summary of options outstanding is presented below:\n"
              "Options                       Options (in thousands)  Weighted Average Exercise Price  "
              "Aggregate Intrinsic Value\n"
              "OUTSTANDING AT JULY 1, 2026   121,205                 $104.18\n"
              "Exercised                     (22,190)                85.08\n"
              "OUTSTANDING AT JUNE 30, 2027  99,015                  $111.59                          $5,732\n\n"
              "The options vest over three years.")
    at = awards.index("$5,732")
    assert value_at("MONEY", awards, at, at + 6, 2027, None, 1e6) == {"amount": 5_732_000_000.0, "currency": "USD"}
    at = awards.index("22,190")
    assert value_at("SHARES", awards, at, at + 6, 2027) == -22_190_000  # the counts keep their thousands


def test_a_bracketed_digit_of_awards_going_out_is_a_count_not_a_note():
    from extractors.tables import award_figures

    text = ("Stock option and RSU transactions (shares in millions):\n"
            "                                     Shares   Weighted Average Exercise Price per Share\n"
            "Outstanding grants, December 31, 2025  25       $105.75\n"
            "Stock options exercised                (3)      $71.16\n"
            "Outstanding grants, December 31, 2026  22       $119.60\n\n"
            "Forfeited and expired shares were not material.")
    labels = {text[f.start:f.end]: f.label for f in award_figures(text)}
    assert labels["3"] == "SHARES" and labels["25"] == "SHARES" and labels["$71.16"] == "MONEY"
    plans = ("Plan Category    Number of securities to be issued    Weighted average exercise price    Number of "
             "securities remaining available\n"
             "Stock Options    107,379,563    $111.5700    (1)\n\n"
             "(1) Shares remaining are given below.")
    assert [(plans[f.start:f.end], f.label) for f in award_figures(plans)][-1] == ("1", None)  # a note's mark
