"""Buy-back rows of a statement of equity (linker/repurchases.py): one SHARE_REPURCHASE per period."""
import re

from extractors.components.linker.repurchases import REPURCHASE_ROW, equity_repurchase_events

EQUITY = ("Six Months Ended June 30,\n"
          "2026                                      2025\n"
          "Shares         $              Shares         $\n"
          "(In millions, except per share amounts)\n"
          "Treasury stock\n"
          "Beginning balance                         (140.2)        (21,310)       (131.8)        (19,904)\n"
          "Reacquired stock or repurchases of common stock  (1.6)   (402)          —              —\n"
          "Issued for employee savings plans         0.8            39             0.5            25\n"
          "Ending balance                            (141.0)        (21,673)       (131.3)        (19,879)\n\n"
          "The statement is unaudited.")


def _ents(text):
    """The entities a pipeline would give: the years (DATE), the figures of the buy-back row."""
    ents = [(m.start(), m.end(), "DATE") for m in re.finditer(r"\b202[56]\b", text)]
    row = text.index("Reacquired")
    for m in re.finditer(r"\d[\d,.]*", text[row:text.index("\n", row)]):
        ents.append((row + m.start(), row + m.end(), "SHARES" if "." in m.group() else "MONEY"))
    return sorted(ents)


def test_one_event_per_period_with_a_purchase():
    events = equity_repurchase_events(EQUITY, _ents(EQUITY))
    assert [(EQUITY[slice(*e["trigger"])], {role: EQUITY[slice(*span)] for role, span in e["args"].items()})
            for e in events] == [("Reacquired stock or repurchases of common stock",
                                  {"shares": "1.6", "amount": "402", "date": "2026"})]  # 2025: none (`—`)
    a, b = events[0]["table"]
    assert EQUITY[a:].startswith("Shares") and b > EQUITY.index("Ending balance")


def test_the_labels_of_a_buy_back_row():
    for label in ("Purchases of treasury shares", "Share repurchases", "Shares of common stock repurchased",
                  "Reacquired stock", "Repurchases", "Stock repurchases"):
        assert REPURCHASE_ROW.search(label), label
    for label in ("Issued for employee savings plans", "Shares issued", "Beginning balance"):
        assert not REPURCHASE_ROW.search(label), label


def test_a_table_of_money_only_gives_no_buy_back_rows():
    text = EQUITY.replace("Shares         $              Shares         $\n", "2026 $         2025 $\n")
    assert equity_repurchase_events(text, _ents(text)) == []
