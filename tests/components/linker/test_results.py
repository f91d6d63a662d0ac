"""FINANCIAL_RESULT decoding: one event per reported figure (linker/results.py)."""
import re
import time

import pytest

from extractors.components.linker.results import decode_results


def _metric(text, word):
    """Whether `word` in `text` is a metric phrase (results.is_metric)."""
    from extractors.components.linker.results import is_metric
    k = text.index(word)
    return is_metric(text, k, k + len(word))


def test_results_one_event_per_figure(rules_nlp):
    text = ("Net revenues were $87.4 million for the second quarter of 2023, compared with $78.0 million "
            "for the second quarter of 2022. The Company expects charges between $5 million and $7 million.")
    doc = rules_nlp(text)
    events = decode_results(doc, [])
    values = [text[slice(*e["args"]["value"])] for e in events]
    assert values == ["$87.4 million", "$78.0 million", "$5 million"]  # the range's upper bound is no event
    first, second = events[0]["args"], events[1]["args"]
    assert text[slice(*first["metric"])] == "Net revenues" == text[slice(*second["metric"])]
    assert text[slice(*first["period"])] == "the second quarter of 2023"
    assert text[slice(*second["period"])] == "the second quarter of 2022"


def test_results_metric_is_the_measured_phrase(rules_nlp):
    """The figure's metric is the phrase the figure measures: not a share of another
    metric (`31% of revenues`), an exclusion (`other than cost of revenues`), a relative
    clause listing components, a price (`par value $0.01 per share`) or a difference
    (`would have been $0.4 million lower`)."""
    text = ("Other cost of revenues, which consists primarily of hosting expenses and card processing charges, "
            "increased to $2.1 million, or 9% of revenues, in the third quarter of 2023. "
            "Operating expenses, other than cost of revenues, were $4.2 million in the third quarter of 2023, "
            "or 31% of revenues, compared to $3.9 million in the third quarter of 2022. "
            "Had exchange rates remained constant, our revenues would have been $0.4 million lower. "
            "Holders received one share of Class A Stock, par value $0.01 per share, for each unit. "
            "We contributed $1.5 million to our defined benefit plans.")
    doc = rules_nlp(text)
    found = [(text[slice(*e["trigger"])], text[slice(*e["args"]["value"])]) for e in decode_results(doc, [])]
    assert found == [("Other cost of revenues", "$2.1 million"), ("Operating expenses", "$4.2 million"),
                     ("Operating expenses", "$3.9 million")]


def test_what_a_figure_changed_by_is_no_result(rules_nlp):
    """`decreased by $1,123 million`, `a decrease of $2.30 billion` state a change, not a
    period's figure; `increased $0.8 million to $9.1 million` reports the second figure only."""
    text = ("Net cash used in investing activities decreased by $1,123 million in the first half of 2023. "
            "Net revenues increased $0.8 million to $9.1 million in the third quarter of 2023. "
            "Cash flows from operating activities for 2023 were $6.42 billion, a decrease of $2.30 billion.")
    doc = rules_nlp(text)
    assert [text[slice(*e["args"]["value"])] for e in decode_results(doc, []) if "value" in e["args"]] == [
        "$9.1 million", "$6.42 billion"]


def test_the_parts_a_metric_lists_are_not_its_figures(rules_nlp):
    """A metric whose verb lists its parts (`consisted primarily of`, `include`, `was driven
    by`, `due to`, `reflecting`) before the figures: those figures are the parts', not the metric's; a metric
    stated with its own figure still is one."""
    text = ("Cash used for investing activities in 2024 consisted primarily of $3.9 billion related to the "
            "purchase of Quillmark. These charges include $95 million for employee-related costs. "
            "Net cash used in financing activities was $14.7 billion in 2023, primarily driven by $11.0 billion "
            "used for dividends. Cash related to financing activities increased by $2,969 million primarily due "
            "to a $2,965 million increase in commercial paper. Revenues were $12.7 billion in the second quarter "
            "of 2023, reflecting an unfavorable impact of foreign exchange of $283 million.")
    found = [(text[slice(*e["args"]["metric"])], text[slice(*e["args"]["value"])])
             for e in decode_results(rules_nlp(text), []) if "value" in e["args"]]
    assert found == [("Net cash used in financing activities", "$14.7 billion"), ("Revenues", "$12.7 billion")]


def test_a_figures_per_share_is_no_metric_of_the_next_figure(rules_nlp):
    """`$0.15 per share` is that figure's metric; `compared to $61 million` is income's again."""
    text = ("Income from continuing operations was $172 million, or $0.15 per share, in third quarter 2011, "
            "compared to $61 million, or $0.06 per share, in third quarter 2010.")
    found = [(text[slice(*e["args"]["metric"])], text[slice(*e["args"]["value"])])
             for e in decode_results(rules_nlp(text), []) if "value" in e["args"]]
    assert found == [("Income from continuing operations", "$172 million"), ("per share", "$0.15"),
                     ("Income from continuing operations", "$61 million"), ("per share", "$0.06")]
    # a figure and its per-share companion share the period stated after both
    periods = [text[slice(*e["args"]["period"])] for e in decode_results(rules_nlp(text), [])]
    assert periods == ["third quarter 2011", "third quarter 2011", "third quarter 2010", "third quarter 2010"]


def test_a_change_stated_before_the_figure_or_above_a_year_ago(rules_nlp):
    """`revenues increased 7% to $485.2 million`; `$1.73 billion ..., 3 percent above one year ago`;
    a share of revenues is no change."""
    text = ("In the third quarter of 2011, revenues increased 7% to $485.2 million. Brindle reported revenues of "
            "$1.73 billion for the quarter ended April 30, 2012, 3 percent above one year ago. Operating expenses "
            "were 31% of revenues, or $4.2 million.")
    changes = [text[slice(*e["args"]["change"])] if "change" in e["args"] else None
               for e in decode_results(rules_nlp(text), []) if "value" in e["args"]]
    assert changes == ["7%", "3 percent", None]


def test_figures_and_periods_listed_respectively(rules_nlp):
    text = ("Research and development expenses were $43.8 million, $61.6 million, and $62.7 million in 2024, 2023, "
            "and 2022, respectively. During 2023 and 2022, net cash used in financing activities was $14.7 billion "
            "and $8.5 billion, respectively.")
    found = [(text[slice(*e["args"]["value"])], text[slice(*e["args"]["period"])])
             for e in decode_results(rules_nlp(text), []) if "value" in e["args"]]
    assert found == [("$43.8 million", "2024"), ("$61.6 million", "2023"), ("$62.7 million", "2022"),
                     ("$14.7 billion", "2023"), ("$8.5 billion", "2022")]


def test_a_sentence_with_no_date_takes_the_period_of_the_one_before(rules_nlp):
    """In its paragraph only: the first DATE of the nearest sentence before that has one."""
    text = ("In 2023, other income was $570 million, compared to $262 million in 2022. The Company recorded a net "
            "gain of $439 million on the sale.\n\nThe Company recorded a net gain of $94 million on a sale.")
    periods = [text[slice(*e["args"]["period"])] if "period" in e["args"] else None
               for e in decode_results(rules_nlp(text), []) if "value" in e["args"]]
    assert periods == ["2023", "2022", "2023", None]


def test_results_with_no_figure_are_events_only_when_generic(rules_nlp):
    text = ("Brindlecomb Corp. today announced its financial results for the third quarter of 2021. "
            "The Company expects a net loss in fiscal 2022.")
    doc = rules_nlp(text)
    found = [(m.start(), m.end()) for m in re.finditer(r"financial results|net loss", text)]
    events = decode_results(doc, [(a, b, 0.9) for a, b in found])
    assert [text[slice(*e["trigger"])] for e in events] == ["financial results"]
    assert text[slice(*events[0]["args"]["period"])] == "the third quarter of 2021"
    assert len(decode_results(doc, [(a, b, 0.9) for a, b in found], generic_only=False)) == 2


def test_announced_results_without_the_classifier(rules_nlp):
    """An Item 2.02 statement of announced results is one event (GUIDELINES) even when
    the trigger classifier finds nothing; it needs the period after the phrase."""
    text = ("On May 2, 2024, Brindlecomb Corp. issued a press release announcing its financial results "
            "for the fiscal quarter ended March 31, 2024. Brindlecomb also reported results for 2023 "
            "of $4.1 million. The board reported its results for review.")
    doc = rules_nlp(text)
    events = decode_results(doc, [])
    generic = [e for e in events if "value" not in e["args"]]
    assert [text[slice(*e["trigger"])] for e in generic] == ["financial results"]
    assert text[slice(*generic[0]["args"]["metric"])] == "financial results"
    assert text[slice(*generic[0]["args"]["period"])] == "the fiscal quarter ended March 31, 2024"
    assert not [e for e in decode_results(doc, [], announced=False) if "value" not in e["args"]]


def test_results_call_held_is_an_announced_results_event(rules_nlp):
    """`held its ... earnings conference call` states that results were announced: one
    event, trigger and metric `earnings`, period the DATE before it."""
    text = ("On February 3, 2025, Brindlecomb Corp. held its fourth quarter 2024 earnings conference call, "
            "broadcast live by webcast. Brindlecomb will hold its annual meeting in May.")
    doc = rules_nlp(text)
    generic = [e for e in decode_results(doc, []) if "value" not in e["args"]]
    assert [text[slice(*e["trigger"])] for e in generic] == ["earnings"]
    assert text[slice(*generic[0]["args"]["period"])] == "fourth quarter 2024"


def test_a_result_stated_twice_is_one_event():
    from extractors.components.linker.results import one_per_fact

    def ev(trigger, amount, *roles):
        args = [{"role": "value", "value": {"amount": amount, "currency": "USD"}}] + [{"role": r} for r in roles]
        return {"type": "FINANCIAL_RESULT", "trigger": {"text": trigger}, "args": args}
    headline, body = ev("Net Earnings", 51e6), ev("Net earnings", 51e6, "period")
    other = ev("net earnings", 44e6, "period")
    assert one_per_fact([headline, body, other]) == [body, other]
    per_share = [ev("per share", 0.15, "period"), ev("per share", 0.15, "period")]
    assert one_per_fact(per_share) == per_share  # `per share` follows different metrics
    vote = {"type": "SHAREHOLDER_VOTE", "trigger": {"text": "approved"}, "args": []}
    assert one_per_fact([vote, vote]) == [vote, vote]


# ------------------------------------------------------------------ results tables (issue 19)
from extractors.components.linker.results import table_results  # noqa: E402
from extractors.tables import find_tables  # noqa: E402
from sec_events.read.html import html_document  # noqa: E402

from tests.components.test_tables import PRESS_RELEASE  # noqa: E402  (one written press release)


def table_events(events: list[dict]) -> list[tuple]:
    """(metric, value text, value, period text, period value, change) of the records
    the linker wrote (doc._.events)."""
    out = []
    for ev in events:
        args = {a["role"]: a for a in ev["args"]}
        if ev["type"] != "FINANCIAL_RESULT" or "value" not in args:
            continue
        assert args["metric"]["text"] == ev["trigger"]["text"]
        row = (args["metric"]["text"], args["value"]["text"], args["value"]["value"]["amount"])
        row += (args["period"]["text"], args["period"]["value"]) if "period" in args else (None, None)
        out.append(row + (args["change"]["value"] if "change" in args else None,))
    return out


def test_press_release_table_one_event_per_figure(rules_nlp):
    """GUIDELINES (wide set, reading 1): trigger and metric the row label, value the
    cell with the caption's scale (per-share rows unscaled, `(500)` -> the span `500`,
    negative), period the column header's year (reading 20), change the `% Change`
    column; no events for share counts or margins."""
    text, _ = html_document(PRESS_RELEASE)
    doc = rules_nlp(text)
    assert table_events(doc._.events) == [
        ("Net revenues", "$1,234", 1234e6, "2023", "2023", 12.0),
        ("Net revenues", "$1,100", 1100e6, "2022", "2022", None),
        ("Cost of revenues", "500", -500e6, "2023", "2023", 11.0),
        ("Cost of revenues", "450", -450e6, "2022", "2022", None),
        ("Net income per diluted share", "$0.57", 0.57, "2023", "2023", 14.0),
        ("Net income per diluted share", "$0.50", 0.50, "2022", "2022", None)]
    values = [a for ev in doc._.events for a in ev["args"] if a["role"] == "value"]
    assert all(list(a) == ["role", "start", "end", "text", "value", "score"] for a in values)


def test_text_tables_spaced_and_stacked(rules_nlp):
    spaced = ("Note 5: Earnings Per Share\n\n"
              "Years Ended (In Millions, Except Per Share Amounts)  Dec 30, 2023  Dec 31, 2022\n"
              "Net income                                           $1,675        $8,017\n"
              "Less: Net income attributable to partners            (14)          3\n"
              "Weighted average shares of common stock outstanding  4,190         4,108\n"
              "Earnings per share—diluted                           $0.40         $1.94\n\n"
              "We computed diluted earnings per share of common stock based on the weighted average shares.")
    assert table_events(rules_nlp(spaced)._.events) == [
        ("Net income", "$1,675", 1675e6, "Dec 30, 2023", "2023-12-30", None),
        ("Net income", "$8,017", 8017e6, "Dec 31, 2022", "2022-12-31", None),
        ("Net income attributable to partners", "14", -14e6, "Dec 30, 2023", "2023-12-30", None),
        ("Net income attributable to partners", "3", 3e6, "Dec 31, 2022", "2022-12-31", None),
        ("Earnings per share—diluted", "$0.40", 0.40, "Dec 30, 2023", "2023-12-30", None),
        ("Earnings per share—diluted", "$1.94", 1.94, "Dec 31, 2022", "2022-12-31", None)]
    stacked = ("Consolidated Statements of Operations (in thousands)\n\nThree Months Ended\nDecember 31,\n"
               "2023\n2022\nRevenue:\nSubscription\n$1,234\n$1,100\nTotal operating expenses\n(56)\n45\n\n"
               "The quarter was strong, the Company said in a statement.")
    assert table_events(rules_nlp(stacked)._.events) == [
        ("Subscription", "$1,234", 1234e3, "2023", "2023", None),  # under the section label `Revenue:`
        ("Subscription", "$1,100", 1100e3, "2022", "2022", None),
        ("Total operating expenses", "56", -56e3, "2023", "2023", None),
        ("Total operating expenses", "45", 45e3, "2022", "2022", None)]


def test_table_figures_stated_in_prose_and_balance_sheets(rules_nlp):
    """A figure the prose states as an event is not a second event (GUIDELINES,
    reading 1); a table with no scale caption takes the scale under which a figure
    equals a prose amount; balance sheets hold no results."""
    text = ("Revenue for 2023 was $17.52 billion, compared with $20.03 billion for 2022.\n\n"
            "For Years Ended December 31,\n"
            "2023                                  2022\n"
            "Revenue                               $17,519   $20,028\n"
            "Free cash flow (non-GAAP)             $1,349    $5,923\n"
            "Free cash flow as a percentage of revenue  7.7 %    29.6 %\n\n"
            "Condensed Consolidated Balance Sheets\n(In millions)\n\n"
            "ASSETS                     December 31, 2023    December 31, 2022\n"
            "Accounts receivable         $1,800              $1,900\n"
            "Deferred revenue            300                 290\n"
            "Retained earnings           $5,000              $4,000\n\n"
            "The Company reported these results in its annual report for the year.")
    found = table_events(rules_nlp(text)._.events)
    assert ("Free cash flow (non-GAAP)", "$1,349", 1349e6, "2023", "2023", None) in found
    assert ("Free cash flow (non-GAAP)", "$5,923", 5923e6, "2022", "2022", None) in found
    # the table's revenue figures are the prose's (`$17,519` in millions): no second events
    assert [f[1:5] for f in found if f[0] == "Revenue"] == [("$17.52 billion", 17.52e9, "2023", "2023"),
                                                          ("$20.03 billion", 20.03e9, "2022", "2022")]
    assert not [f for f in found if f[0] in ("Accounts receivable", "Deferred revenue", "Retained earnings")]


def test_bad_tables_give_text_and_events(rules_nlp):
    """Ragged rows, a nested table and a text table with no alignment: text and events,
    never an error."""
    ragged = ("<p>(In millions)</p><table><tr><td></td><td>2023</td><td>2022</td><td>2021</td></tr>"
              "<tr><td>Net revenues</td><td>$1,234</td><td>$1,100</td><td>$1,000</td></tr>"
              "<tr><td>Net income</td><td>$200</td><td>$150</td></tr>"
              "<tr><td>Operating income</td><td>$300</td></tr><tr><td></td></tr>"
              "<tr><td>Segments<table><tr><td>Retail sales</td><td>$700</td></tr></table></td><td>$9</td></tr>"
              "</table>")
    text, _ = html_document(ragged)
    found = table_events(rules_nlp(text)._.events)
    assert found[:3] == [("Net revenues", "$1,234", 1234e6, "2023", "2023", None),
                         ("Net revenues", "$1,100", 1100e6, "2022", "2022", None),
                         ("Net revenues", "$1,000", 1000e6, "2021", "2021", None)]
    assert ("Net income", "$200", 200e6, None, None, None) in found  # no column fits: no period
    assert ("Operating income", "$300", 300e6, None, None, None) in found
    unaligned = "Results for 2023:\nNet revenues $1,234 million $1,100 million\nNet income $200 million $150 million\n"
    found = table_events(rules_nlp(unaligned)._.events)
    assert [f[:2] for f in found] == [("Net revenues", "$1,234 million"), ("Net revenues", "$1,100 million"),
                                      ("Net income", "$200 million"), ("Net income", "$150 million")]


def test_ten_thousand_row_table_decodes_fast():
    rows = "\n".join(f"Net revenues of segment {i}\t${i * 7 + 1000:,}\t${i * 5 + 900:,}" for i in range(10_000))
    text = "Results (in thousands)\n\n\tYear Ended December 31,\n\t2023\t2022\n" + rows + "\n\nThe end."
    start = time.perf_counter()
    events = table_results(text, find_tables(text), [])
    assert len(events) == 20_000 and time.perf_counter() - start < 10
    last = events[-1]
    assert text[slice(*last["trigger"])] == "Net revenues of segment 9999"
    assert last["values"] == {"value": {"amount": 50_895_000.0, "currency": "USD"}, "period": "2022"}


@pytest.mark.slow
def test_ten_thousand_row_table_through_the_pipeline(rules_nlp):
    rows = "".join(f"<tr><td>Net revenues of segment {i}</td><td>${i + 1000:,}</td></tr>" for i in range(10_000))
    text, _ = html_document("<p>(In thousands)</p><table><tr><td></td><td>2023</td></tr>" + rows + "</table>")
    events = [e for e in rules_nlp(text)._.events if e["type"] == "FINANCIAL_RESULT"]
    assert len(events) == 10_000


def test_a_title_above_a_table_is_no_results_section(rules_nlp):
    text = ("Licensing Milestone Income Provides Strong Revenue Visibility for the Company\n\n"
            "Partner\tProgram\tCash Collected\tRemaining Milestone Potential\n"
            "Zeta Pharma Inc.\tOncology\t$200,000\t$6,800,000\n"
            "Total\t$200,000\t$6,800,000\n\n"
            "Future milestone payments remain subject to development events, the Company said.")
    assert table_events(rules_nlp(text)._.events) == []


def test_a_bare_per_share_after_a_price_or_a_dividend_is_no_result():
    for text in ("The Company repurchased 4.6 million shares at an average price of $396.75 per share.",
                 "The Board declared a quarterly cash dividend of $0.66 per share payable on May 9.",
                 "Common Stock, $0.01 par value per share, is listed on the exchange.",
                 # a price further before, a dividend after
                 "The closing price of our common stock on the last trading day of 2024 was $114.85 "
                 "per share.",
                 "The dividend represents an increase of 8.5 percent over the $0.47 per share dividend declared in "
                 "2022."):
        assert not _metric(text, "per share"), text
    assert _metric("Net income was $1.2 billion, or $0.57 per share, in the quarter.", "per share")


def test_pay_and_prices_per_share_are_no_results():
    """An officer's benefits and expenses, the committee's name, a merger's cash amount per
    share and a value per share are no result of the filer."""
    assert not _metric("Mr. Lee will receive severance benefits totaling $289,230, payable on June 1.", "benefits")
    assert not _metric("He will be reimbursed for reasonable expenses of up to $10,000.", "expenses")
    assert not _metric("The Compensation and Benefits Committee approved a bonus of $2,000,000.", "Benefits")
    assert not _metric("Each share will be converted into the right to receive a cash amount of $52.00 per share.",
                      "per share")
    assert not _metric("The Shares were valued at $16.43 per share.", "per share")
    assert _metric("The company also recognized a tax benefit of $105 million.", "benefit")


def test_announced_results_period_past_a_line_break(rules_nlp):
    """HTML laid out in separate elements breaks the lines before the date (the sentence
    goes on after `ended`): the announced results take the period after the phrase."""
    text = ("On\nFebruary 14, 2024\n, Brindlecomb Corp. issued its press release announcing financial results "
            "for the\nfirst\nfiscal quarter ended\nJanuary 31, 2024\n. A copy of this press release is attached.")
    doc = rules_nlp(text)
    events = decode_results(doc, [])
    assert [text[slice(*e["trigger"])] for e in events] == ["financial results"]
    assert "January 31, 2024" in text[slice(*events[0]["args"]["period"])]


def test_words_that_name_no_result():
    """`sales` of assets or stakes, `sales-based milestones`, `sales practices`, `sales and
    marketing`, an offering's `expenses`: no result of the filer."""
    assert not _metric("Proceeds related to asset sales totaled $171 million.", "sales")
    assert not _metric("Net proceeds from the minority stake sales totaled $1.4 billion.", "sales")
    assert not _metric("It may receive up to $5.5 billion in sales-based milestones.", "sales")
    assert not _metric("The OCC reviewed historical sales practices and fined the bank $20 million.", "sales")
    assert not _metric("Net proceeds, after underwriting discount and offering expenses, were $1.489 billion.",
                      "expenses")
    assert not _metric("The IRS sought $3.3 billion of additional federal income tax for 2007.", "income")
    assert not _metric("The accumulated benefit obligation was $670 million.", "benefit")
    assert not _metric("Accumulated other comprehensive income (loss) was $56 million.", "loss")
    assert not _metric("It pays tiered royalties based on annual net sales of the assets.", "annual net sales")
    assert _metric("Net sales were $637.3 million in 2024.", "sales")
    assert _metric("It recorded a discrete income tax benefit of $60 million.", "benefit")
    assert not _metric("Costs not yet recognized in our Consolidated Statements of Income were $490 million.", "Income")
    assert not _metric("The total unrecognized stock-based compensation expense was $566.4 million.", "expense")
    assert not _metric("It used $1.5 billion for other financing activities.", "financing activities")
    assert not _metric("It is reflected in Cash flows from financing activities in our consolidated statements.",
                       "financing activities")
    assert not _metric("The Company reaffirmed in its earnings release on April 19 that it expects $5 billion.",
                       "earnings")
    assert not _metric("The weighted average grant date fair value per share of our PSUs was $33.33.", "per share")
    assert _metric("Net cash used in financing activities was $14.7 billion.", "financing activities")


def test_costs_of_restructuring_and_amortization_are_results(rules_nlp):
    text = ("During the second quarter of 2024, Prism Works Inc. had restructuring costs of $55 million, intangible "
            "amortization of $51 million, and acquisition-related costs of $9 million.")
    events = decode_results(rules_nlp(text), [])
    assert [(text[slice(*e["args"]["metric"])], text[slice(*e["args"]["value"])]) for e in events] == [
        ("restructuring costs", "$55 million"), ("intangible amortization", "$51 million"),
        ("acquisition-related costs", "$9 million")]


def test_a_cash_flow_statements_lines_are_no_results_its_totals_are(rules_nlp):
    """GUIDELINES (settled readings): a cash-flow statement's totals are results, its lines not,
    and a section label `Cash flows from investing activities` makes no results section."""
    text = ("Zeta Widgets, Inc. Condensed Statement of Cash Flows (In millions)\n\n"
            "                                               2023        2022\n"
            "Cash flows from investing activities:\n"
            "Capital expenditures                           $(576)      $(825)\n"
            "Proceeds from disposals of property            26          41\n"
            "Net cash used for investing activities         (550)       (784)\n"
            "Cash flows from financing activities:\n"
            "Proceeds from issuance of long-term debt       2,966       1,144\n"
            "Repurchases of common stock                    (1,384)     (1,089)\n"
            "Net cash used for financing activities         (3,001)     (2,712)\n\n"
            "The statement is unaudited.")
    assert {e[0] for e in table_events(rules_nlp(text)._.events)} == {
        "Net cash used for investing activities", "Net cash used for financing activities"}
    assert not _metric("Capital expenditures were $576 million in 2023.", "Capital expenditures")
    assert _metric("Net cash provided by operating activities was $5.3 billion.", "Net cash provided by operating "
                   "activities")


def test_a_cash_flow_statement_reconciles_income_and_charges_its_totals_are_the_results(rules_nlp):
    """Two `Net cash provided by ...` rows make a table a cash-flow statement: `Net income`,
    `Amortization` and `Stock compensation expense` there are lines reconciling its totals, not
    results; `Net decrease in cash` is a total. The same lines in a statement of operations are
    results."""
    text = ("                                               2026        2025\n"
            "Net income                                     $1,410      $1,220\n"
            "Amortization                                   88          91\n"
            "Stock compensation expense                     57          49\n"
            "Net cash provided by operating activities      1,902       1,644\n"
            "Capital expenditures                           (410)       (380)\n"
            "Net cash used for investing activities         (402)       (361)\n"
            "Net cash used for financing activities         (1,730)     (1,505)\n"
            "Net decrease in cash and cash equivalents      (230)       (222)\n\n"
            "The statement is unaudited.")
    assert {e[0] for e in table_events(rules_nlp(text)._.events)} == {
        "Net cash provided by operating activities", "Net cash used for investing activities",
        "Net cash used for financing activities", "Net decrease in cash and cash equivalents"}
    operations = ("                                               2026        2025\n"
                  "Net sales                                      $9,410      $8,220\n"
                  "Amortization                                   88          91\n"
                  "Net income                                     1,410       1,220\n\n"
                  "The statement is unaudited.")
    assert {e[0] for e in table_events(rules_nlp(operations)._.events)} == {"Net sales", "Amortization", "Net income"}


def test_the_rows_above_a_total_of_sales_are_its_parts(rules_nlp):
    """A disaggregated revenue table names its segments' lines by what they sell, words no
    lexicon knows; the total of sales under them makes them results. Rows of no known kind
    with no such total under them stay no results."""
    text = ("Disaggregated revenue (Dollars in millions)\n\n"
            "                                       2026        2025\n"
            "Marine Systems\n"
            "Original Equipment                     $412        $388\n"
            "Aftermarket Services                   1,033       961\n"
            "Net Marine Systems sales               1,445       1,349\n"
            "Grid Controls\n"
            "Substations                            220         205\n"
            "Field crews                            74          70\n\n"
            "Amounts are unaudited.")
    metrics = {e[0] for e in table_events(rules_nlp(text)._.events)}
    assert metrics == {"Original Equipment", "Aftermarket Services", "Net Marine Systems sales"}


def test_pay_costs_recognised_are_results_what_they_are_charged_against_and_costs_not_yet_recognised_are_not(
        rules_nlp):
    text = ("Total non-cash stock compensation expense charged against income in 2026 and 2025 for share-based "
            "plans was $644 million and $685 million, respectively. At June 30, 2026, $171 million of "
            "compensation cost had not yet been recognized related to stock option grants.")
    events = decode_results(rules_nlp(text), [])
    assert [(text[slice(*e["args"]["metric"])], text[slice(*e["args"]["value"])]) for e in events] == [
        ("stock compensation expense", "$644 million"), ("stock compensation expense", "$685 million")]
