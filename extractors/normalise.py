"""Value normalisation (SCHEMA.md section 3): one pure function per label.

    money("$12.5 million")            -> {"amount": 12500000.0, "currency": "USD"}
    shares("1,041,667 additional shares") -> 1041667
    percent("5.5 percent")            -> 5.5
    date("the fiscal year ended November 30, 2002") -> "2002-11-30"

Every function returns ``None`` for text it cannot read; none raises on any string.
`normalise(label, text, doc_year)` dispatches by label. `doc_year` is the year the
document's dates imply; it fixes the century of two-digit years and the year of
quarters named without one (`the third quarter`). `span_value` reads a span in its
place in the text (accounting brackets), `doc_year` a Doc's year (its filing's, for
a window of a long filing).
"""
from __future__ import annotations

import calendar
import math
import re
from functools import lru_cache

from extractors.contract import filing_context
from extractors import tables as tb  # the table reader (its SCALES are a caption's, not number words')
from extractors.schema import VALUED

# --- numbers ---------------------------------------------------------------

WORD_NUMBERS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "a": 1, "an": 1,
}
SCALES = {
    "thousand": 1e3, "k": 1e3, "million": 1e6, "mil": 1e6, "mm": 1e6, "m": 1e6,
    "billion": 1e9, "bn": 1e9, "b": 1e9, "trillion": 1e12, "tn": 1e12,
}
_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d*\.\d+|\d+"
NUMBER_RE = re.compile(rf"(?<![\w.])({_NUM})(?!\d)")
SCALE_RE = re.compile(r"\b(thousand|million|billion|trillion|mil|mm|bn|tn|k|m|b)\b", re.I)
PAREN_NUMBER_RE = re.compile(rf"\(\s*({_NUM})\s*\)")


def _to_float(number: str) -> float | None:
    try:
        return float(number.replace(",", ""))
    except ValueError:
        return None


WORD_SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
HALF_RE = re.compile(r"^\s*(?:one[\s-]+)?half\s+(?:of\s+)?an?\s+(?=(?:thousand|million|billion|trillion)\b)", re.I)
#: fraction words by denominator: `one-half`, `two-thirds`, `three quarters`
FRACTION_WORDS = {"half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4,
                  "fourth": 4, "fourths": 4, "eighth": 8, "eighths": 8}
_FRACTION = r"(?:one|a|two|three|five|seven)[\s-]+(?:halves|half|thirds?|quarters?|fourths?|eighths?)"
AND_FRACTION_RE = re.compile(rf"\band\s+({_FRACTION})\b", re.I)


def _fraction_words(text: str) -> float | None:
    """`one-half` -> 0.5, `a third` -> 1/3, `three-quarters` -> 0.75; None for anything else."""
    words = re.split(r"[\s-]+", text.strip().lower())
    if len(words) != 2 or words[1] not in FRACTION_WORDS:
        return None
    top = 1 if words[0] in ("a", "an") else WORD_NUMBERS.get(words[0])
    den = FRACTION_WORDS[words[1]]
    return top / den if top and top < den else None


def _and_fraction(m: re.Match) -> str:
    return f" +{_fraction_words(m.group(1))!r} "


def _words_value(words: list[str]) -> float | None:
    """The value of number words with scales: `two million five hundred thousand` ->
    2500000; `one and a half million` -> 1500000; `million five hundred thousand` ->
    1500000 (a leading scale counts one, though not a scale alone: `million dollars`)."""
    if len(words) == 1 and words[0] in WORD_SCALES:
        return None
    total, current, seen = 0.0, 0.0, False
    for w in words:
        if w == "and" and seen:
            continue
        if w.startswith("+"):  # `and a half`, `and one-half`, `and two-thirds`
            try:
                current += float(w[1:])
            except ValueError:
                return None
        elif w == "hundred":
            current = (current or 1) * 100
        elif w in WORD_SCALES:
            total += (current or 1) * WORD_SCALES[w]
            current = 0.0
        elif w in WORD_NUMBERS:
            current += WORD_NUMBERS[w]
        else:
            return None
        seen = True
    return total + current if seen else None


def _word_number(text: str) -> float | None:
    """`thirty-five` -> 35, `two hundred` -> 200, `two million five hundred thousand`
    -> 2500000, `half a billion` -> 500000000; None when a word is not a number word."""
    half = HALF_RE.match(text)
    if half:
        rest = text[half.end():].strip().lower()
        value = WORD_SCALES[rest] if rest in WORD_SCALES else _word_number(rest)
        return None if value is None else value / 2
    fraction = _fraction_words(text)
    if fraction is not None:
        return fraction
    words = [w for w in re.split(r"[\s-]+", AND_FRACTION_RE.sub(_and_fraction, text).lower().strip()) if w]
    if not words or words[-1] == "and" or all(w in ("a", "an", "and") for w in words):
        return None
    return _words_value(words)


_NUMBER_WORDS = "(?:" + "|".join(sorted((w for w in [*WORD_NUMBERS, *WORD_SCALES] if w not in ("a", "an")),
                                        key=len, reverse=True)) + ")"
LEADING_WORDS_RE = re.compile(
    rf"^\s*((?:(?:one[\s-]+)?half\s+(?:of\s+)?an?\s+|an?\s+)?{_NUMBER_WORDS}"
    rf"(?:[\s-]+and\s+{_FRACTION}|[\s-]+(?:and[\s-]+)?{_NUMBER_WORDS})*)\b", re.I)


def _leading_words(text: str) -> float | None:
    """The value of the number words a text begins with (`three cents`, `one new share`,
    `half a billion dollars`), or None."""
    m = LEADING_WORDS_RE.match(text)
    return _word_number(m.group(1)) if m else None


#: a whole number and a fraction: `66 2/3`, `7-3/8`, `6-\n1\n/\n2` (a table cell's lines)
MIXED_RE = re.compile(r"(?<![\w.,/])(\d{1,3}(?:,\d{3})*)(?:\s+|\s*-\s*)([1-9])\s*/\s*([1-9]\d?)(?![\d/])")
#: thirds whose fraction lost its superscript: `662/3%`, `331/3%` (two-thirds and
#: one-third majorities; as written they would be 220.67% and 110.33%)
GLUED_THIRDS_RE = re.compile(r"(?<![\w.,/])([1-9]\d)([12])/3(?![\d/])")
BARE_FRACTION_RE = re.compile(r"(?<![\w.,/])([1-9])\s*/\s*([1-9]\d?)(?![\d/])")


def _fraction_number(text: str, glued: bool = False) -> tuple[float, re.Match] | None:
    """A number written with a fraction (`66 2/3`, `7-3/8`, `1/2`; with `glued`, also
    `662/3`) and its match, or None. Only proper fractions count (`1/2`, not `3/2`)."""
    m = MIXED_RE.search(text)
    if m and int(m.group(2)) < int(m.group(3)):
        return _to_float(m.group(1)) + int(m.group(2)) / int(m.group(3)), m
    m = GLUED_THIRDS_RE.search(text) if glued else None
    if m:
        return int(m.group(1)) + int(m.group(2)) / 3, m
    m = BARE_FRACTION_RE.search(text)
    if m and int(m.group(1)) < int(m.group(2)):
        return int(m.group(1)) / int(m.group(2)), m
    return None


def _number_and_scale(text: str) -> float | None:
    """The first number in `text` times the scale word that follows it, if any.

    `thirty (30)` takes the numeral in parentheses; `two million` reads number words;
    `5 1/2 million` its fraction.
    """
    paren = PAREN_NUMBER_RE.search(text)
    match = NUMBER_RE.search(text)
    fraction = _fraction_number(text)
    if fraction and (not match or fraction[1].start() <= match.start()) and \
            (not paren or fraction[1].start() < paren.start()):
        value, rest = fraction[0], text[fraction[1].end():]
    elif paren and (not match or match.start() > paren.start()):
        value, rest = _to_float(paren.group(1)), text[paren.end():]
    elif match:
        value, rest = _to_float(match.group(1)), text[match.end():]
    else:
        return _leading_words(text)
    if value is None:
        return None
    scale = SCALE_RE.match(rest.lstrip(" \t\n-"))
    if scale and (len(scale.group(1)) > 1 or rest[:1] in "MBK" or rest.lstrip()[:1] in "MBK"):
        value *= SCALES[scale.group(1).lower()]
    return value


# --- MONEY -----------------------------------------------------------------

def _code(*codes: str) -> str:
    """ISO codes as written, in capitals, glued to a number or not (`EUR 50`, `INR22.7`)."""
    return r"(?-i:(?<![A-Za-z])(?:" + "|".join(codes) + r")(?![a-z]))"


def _sign(*prefixes: str) -> str:
    """A dollar sign with a country prefix (`HK$`, `Cdn. $`), not inside a word; a
    one-letter prefix only glued to the sign (`A$5`, while `A $5 million` is an article)."""
    longer = [p for p in prefixes if len(p) > 1]
    single = [p for p in prefixes if len(p) == 1]
    parts = [r"(?<![A-Za-z.])(?:" + "|".join(longer) + r")\.?\s?\$"] if longer else []
    if single:
        parts.append(r"(?<![A-Za-z.])(?-i:" + "|".join(single) + r")\$")
    return "|".join(parts)


CURRENCIES = [  # (pattern, ISO code), checked in order: the most specific first
    (_sign("US", r"U\.S") + "|" + _code("USD") + r"|\bU\.?S\.? dollars?\b", "USD"),
    (_sign("HK") + "|" + _code("HKD") + r"|\bHong Kong dollars?\b", "HKD"),
    (_sign("C", "CA", "CAD", "Cdn", "CDN", "Can", "CAN") + "|" + _code("CAD") + r"|\bCanadian dollars?\b", "CAD"),
    (_sign("A", "AU", "AUD") + "|" + _code("AUD") + r"|\bAustralian dollars?\b", "AUD"),
    (_sign("NZ") + "|" + _code("NZD") + r"|\bNew Zealand dollars?\b", "NZD"),
    (_sign("S", "SG") + "|" + _code("SGD") + r"|\bSingapore dollars?\b", "SGD"),
    (_sign("NT") + "|" + _code("TWD") + r"|\bNew Taiwan dollars?\b", "TWD"),
    (_sign("Mex", "MX") + "|" + _code("MXN") + r"|\bMexican pesos?\b", "MXN"),
    (_sign("R") + "|" + _code("BRL") + r"|\breais\b|\bBrazilian real\b", "BRL"),
    (r"€|" + _code("EUR") + r"|\beuros?\b", "EUR"),
    (r"£|" + _code("GBP") + r"|\bpounds? sterling\b|\bsterling\b|\bpounds?\b", "GBP"),
    (r"¥|" + _code("JPY") + r"|\byen\b", "JPY"),
    (_code("RMB", "Rmb", "CNY") + r"|\byuan\b|\brenminbi\b", "CNY"),
    (r"₹|" + _code("INR") + r"|(?-i:\bRs\b)\.?|\brupees?\b", "INR"),
    (_code("CHF", "SFr") + r"|\bSwiss francs?\b", "CHF"),
    (_code("DKK") + r"|\bDanish kron(?:er|e)\b", "DKK"),
    (_code("SEK") + r"|\bSwedish kron(?:or|a)\b", "SEK"),
    (_code("NOK") + r"|\bNorwegian kron(?:er|e)\b", "NOK"),
    (_code("SAR") + r"|\bSaudi riyals?\b", "SAR"),
    (r"₩|" + _code("KRW") + r"|\bKorean won\b", "KRW"),
    (r"₪|" + _code("ILS", "NIS") + r"|\bshekels?\b", "ILS"),
    (_code("ZAR") + r"|\bSouth African rand\b", "ZAR"),
    (r"\$|\bdollars?\b|\bcents?\b", "USD"),
]
_CURRENCY_RES = [(re.compile(p, re.I), code) for p, code in CURRENCIES]
CURRENCY_CODES = frozenset({code for _, code in CURRENCIES} | {"RMB", "NIS"})


def is_currency_code(text: str) -> bool:
    """`INR`, `EUR`: a currency's ISO code (never a company's name)."""
    return text in CURRENCY_CODES


# a currency named in words (`Indian Rupee`, `Euro`, `Canadian dollars`), not a company named
# after one (`Dollar General`, `Dollar Tree`)
CURRENCY_NAME = re.compile(r"^(?:[A-Z][a-z]+\s+)?(?:[Rr]upees?|[Yy]en|[Ee]uros?|[Pp]ounds?(?:\s+[Ss]terling)?|[Dd]ollars?|"
                           r"[Rr]enminbi|[Yy]uan|[Ff]rancs?|[Pp]esos?|[Ww]on|[Rr]eais|[Rr]ubles?|[Rr]and|[Kk]rona|[Kk]rone)$")


def is_currency(text: str) -> bool:
    """A currency's ISO code or its name in words: no company's name."""
    return is_currency_code(text) or bool(CURRENCY_NAME.match(text))


def _currency_match(text: str) -> tuple[str, re.Match] | tuple[None, None]:
    for pattern, code in _CURRENCY_RES:
        m = pattern.search(text)
        if m:
            return code, m
    return None, None


def currency(text: str) -> str | None:
    """The ISO 4217 code of the currency a text's sign, code or word names:
    `HK$` -> HKD, `Cdn. $` -> CAD, `EUR`/`€`/`euros` -> EUR, `RMB` -> CNY; a bare `$`,
    `dollars` or `cents` -> USD."""
    return _currency_match(text)[0]


def money(text: str) -> dict | None:
    """`$12.5 million` -> {"amount": 12500000.0, "currency": "USD"}; `$(0.05)` -> -0.05."""
    code, mark = _currency_match(text)
    if code is None:
        return None
    body = text.strip()
    negative = bool(re.search(r"\(\s*[\d.,]+\s*\)|^[-\u2212\u2013]|\$\s*[-\u2212]", body))
    # the number without its currency mark: `INR22.7 billion`, `EUR5 million`
    numbers = text[:mark.start()] + " " + text[mark.end():]
    amount = _number_and_scale(re.sub(r"[()]", " ", numbers))
    if amount is None and DASH_AMOUNT_RE.match(body):
        amount = 0.0  # a table's `$ —`: nothing
    if amount is None:
        return None
    if re.search(r"\bcents?\b", body, re.I) and "$" not in body:
        amount /= 100
    return {"amount": -amount if negative else amount, "currency": code}


DASH_AMOUNT_RE = re.compile(r"^(?:US)?\$\s*[\u2014\u2013-]+$")


# --- SHARES and PERCENT ------------------------------------------------------

UNIT_WORDS = re.compile(r"\s+(?:additional\s+|favorable\s+|outstanding\s+)*(?:shares?|units?|warrants?|votes?|"
                        r"options?|abstentions?)\b.*$", re.I | re.S)


PHONE_RE = re.compile(r"\d-\d{3}-[\dA-Z]{3}|\(\d{3}\)\s*\d{3}-\d{4}|\b\d{3}-\d{3}-\d{4}\b", re.I)


def shares(text: str) -> int | float | None:
    """`3,125,000 shares` -> 3125000; `2.5 million shares` -> 2500000; `two shares` -> 2;
    a fraction that matters at a millionth of the count is kept (a conversion rate's
    `155.4908 shares` -> 155.4908; `70,733,260.214 shares` -> 70733260); a telephone
    number (`1-800-SEC-0330`) is no count."""
    if PHONE_RE.search(text):
        return None
    value = _number_and_scale(text)
    if value is None:
        value = _number_and_scale(UNIT_WORDS.sub("", text.strip()))
    if value is None:
        return None
    return share_count(value)


def share_count(value: float) -> int | float:
    """A count of shares as an integer, unless its fraction matters at a millionth of it."""
    whole = round(value)
    return int(whole) if abs(value - whole) <= 1e-6 * max(1.0, abs(value)) else value


def percent(text: str) -> float | None:
    """`65%` -> 65.0, `5.5 percent` -> 5.5, `(3.2)%` -> -3.2, `five percent` -> 5.0,
    `66 2/3%` -> 66.6667, `Twelve and one-half percent` -> 12.5, `one-half of one percent`
    -> 0.5."""
    body = text.strip()
    negative = bool(re.search(r"^\(.*\)\s*%?$|^[-\u2212\u2013]", body))
    match = NUMBER_RE.search(body)
    fraction = _fraction_number(body, glued=True)
    if fraction and (not match or fraction[1].start() <= match.start()):
        value = round(fraction[0], 4)  # 66 2/3% -> 66.6667, as the gold writes thirds
    elif match:
        value = _to_float(match.group(1))
    else:
        words = re.sub(r"\s*(%|per\s*cent|percent(age points?)?)\s*$", "", body, flags=re.I)
        of_one = re.match(r"^(.+?)\s+of\s+one$", words, re.I)  # `one-half of one percent` -> 0.5
        value = _fraction_words(of_one.group(1)) if of_one else _word_number(words)
        value = None if value is None else round(value, 4)
    if value is None:
        return None
    return -value if negative else value


# --- DATE ------------------------------------------------------------------

MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
_MONTH = (r"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
          r"sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
_YEAR = r"(\d{4}|'\d{2}|\u2019\d{2})"
ORDINALS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}

#: ordinal days in words, as agreements date themselves (`the fifteenth day of March, 2012`)
DAY_ORDINALS = {w: n for n, w in enumerate(
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth "
    "fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth".split(), 1)}
DAY_ORDINALS["thirtieth"] = 30
_DAY_WORD = (r"(?:(twenty|thirty)[\s-]*)?(" + "|".join(sorted(DAY_ORDINALS, key=len, reverse=True)) + r")")
DAY_WORD_RE = re.compile(rf"\b{_DAY_WORD}(?=\s+day\s+of\b)", re.I)
MONTH_DAY_WORD_RE = re.compile(rf"\b({_MONTH}\s+){_DAY_WORD}(?=,?\s+\d{{4}}\b)", re.I)


def _day_number(tens: str | None, unit: str) -> str | None:
    day = DAY_ORDINALS[unit.lower()]
    if tens:
        if day >= 10:
            return None
        day += 20 if tens.lower() == "twenty" else 30
    return f"{day}th" if day <= 31 else None


def _day_words(text: str) -> str:
    """Ordinal days in words as numbers: `the fifteenth day of March, 2012` -> `the 15th
    day of March, 2012`, `March fifteenth, 2012` -> `March 15th, 2012`."""
    text = DAY_WORD_RE.sub(lambda m: _day_number(m.group(1), m.group(2)) or m.group(0), text)
    return MONTH_DAY_WORD_RE.sub(
        lambda m: m.group(1) + (_day_number(m.group(3), m.group(4)) or m.group(0)[len(m.group(1)):]), text)


MDY_RE = re.compile(rf"\b{_MONTH}\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s*{_YEAR}", re.I)
DMY_RE = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:day\s+of\s+)?{_MONTH},?\s+{_YEAR}", re.I)
MD_RE = re.compile(rf"\b{_MONTH}\s+(\d{{1,2}})(?:st|nd|rd|th)?\b(?!\s*,?\s*\d)", re.I)
NUMERIC_RE = re.compile(r"\b(\d{1,2})/(\d{1,2})/(\d{4}|\d{2})\b")
ISO_RE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
MY_RE = re.compile(rf"\b{_MONTH},?\s+(?:of\s+)?{_YEAR}", re.I)
QUARTER_RE = re.compile(
    r"\b(first|second|third|fourth|1st|2nd|3rd|4th)[\s-]+(?:fiscal\s+|calendar\s+)?quarter"
    r"(?:\s+(?:of\s+)?(?:fiscal\s+(?:year\s+)?|calendar\s+(?:year\s+)?)?(\d{4}|'\d{2}))?", re.I)
QUARTER_AFTER_YEAR_RE = re.compile(
    r"\b(?:fiscal\s+(?:year\s+)?)?(\d{4})\s+(first|second|third|fourth|1st|2nd|3rd|4th)[\s-]+quarter", re.I)
LAST_YEAR_RE = re.compile(r"\b(?:last|prior|previous)\s+year|\byear[- ]ago\b|\ba\s+year\s+ago\b", re.I)
QN_RE = re.compile(r"\b(?:Q([1-4])\s*(?:FY|fiscal\s+)?'?(\d{4}|\d{2})|([1-4])Q\s*'?(\d{4}|\d{2})|"
                   r"(?:FY|fiscal\s+)?'?(\d{4}|\d{2})\s*Q([1-4]))\b", re.I)
FISCAL_YEAR_RE = re.compile(r"\b(?:fiscal(?:[\s-]+year)?|FY)\s*[-'\u2019]?(\d{4}|\d{2})\b|\b(\d{4})\s+fiscal\s+year\b", re.I)
BARE_QUARTER_RE = re.compile(r"^\s*(?:the\s+)?(?:fiscal\s+)?Q([1-4])\s*$", re.I)
MONTH_ONLY_RE = re.compile(rf"^\s*(?:(?:early|mid|late|the end of|end of)[\s-]+)?{_MONTH}\s*$", re.I)
THIS_YEAR_MONTH_RE = re.compile(rf"\b{_MONTH}\s+(?:of\s+)?this\s+year\b", re.I)
YEAR_RE = re.compile(r"(?<![\d$.,])(1[89]\d{2}|20\d{2})(?![\d,]|\.\d)")
CALENDAR_RE = re.compile(r"\bcalendar\b", re.I)
# a part of a year named by its months, quarters or half (`the first six months of 2023`,
# `the first two quarters of fiscal 2022`, `the first half of 2024`)
PART_OF_YEAR_RE = re.compile(r"\b(?:first|last)\s+(?:two|three|four|five|six|seven|eight|nine|ten|eleven|\d{1,2})\s+"
                             r"(?:months|quarters)\s+of\s+(?:fiscal\s+(?:year\s+)?|calendar\s+(?:year\s+)?)?"
                             r"(1[89]\d{2}|20\d{2})\b|\b(?:first|second)\s+half\s+of\s+(?:fiscal\s+(?:year\s+)?|"
                             r"calendar\s+(?:year\s+)?)?(1[89]\d{2}|20\d{2})\b", re.I)
TWO_DIGIT_YEAR_RE = re.compile(r"['\u2019](\d{2})\b")


def _year(token: str, doc_year: int | None) -> int | None:
    token = token.lstrip("'\u2019")
    if not token.isdigit():
        return None
    if len(token) == 4:
        return int(token)
    two = int(token)
    if doc_year:
        century = doc_year - doc_year % 100
        candidates = [century - 100 + two, century + two, century + 100 + two]
        return min(candidates, key=lambda y: abs(y - doc_year))
    return 2000 + two if two < 50 else 1900 + two


def _ymd(year: int | None, month: int, day: int | None = None) -> str | None:
    """`YYYY-MM-DD` (or `YYYY-MM` without a day); never a day the calendar does not have:
    `November 31, 2001` gives its month, `2001-11`, and a day past 31 nothing."""
    if year is None or not 1 <= year <= 9999 or not 1 <= month <= 12:
        return None
    if day is None:
        return f"{year:04d}-{month:02d}"
    if not 1 <= day <= 31:
        return None
    if day > calendar.monthrange(year, month)[1]:
        return f"{year:04d}-{month:02d}"
    return f"{year:04d}-{month:02d}-{day:02d}"


def _month(name: str) -> int:
    return MONTHS[name.lower().rstrip(".")[:4] if name.lower().startswith("sept") else name.lower()[:3]]


def _quarter(text: str, doc_year: int | None) -> str | None:
    prefix = "" if CALENDAR_RE.search(text) else "FY"
    m = QUARTER_AFTER_YEAR_RE.search(text)
    if m:
        return f"{prefix}{m.group(1)}-Q{ORDINALS[m.group(2).lower()]}"
    m = QUARTER_RE.search(text)
    if m:
        year = _year(m.group(2), doc_year) if m.group(2) else None
        if year is None:
            later = YEAR_RE.search(text, m.end())
            year = int(later.group(1)) if later else doc_year
            if not later and year and LAST_YEAR_RE.search(text):
                year -= 1
        return f"{prefix}{year}-Q{ORDINALS[m.group(1).lower()]}" if year else None
    m = QN_RE.search(text)
    if m:
        q, y = (m.group(1), m.group(2)) if m.group(1) else \
            (m.group(3), m.group(4)) if m.group(3) else (m.group(6), m.group(5))
        year = _year(y, doc_year)
        return f"{prefix}{year}-Q{q}" if year else None
    return None


def date(text: str, doc_year: int | None = None) -> str | None:
    """ISO date at the precision the text gives (SCHEMA section 3), or None.

    A period named by its end date (`the fiscal year ended November 30, 2002`) takes
    that date; quarters of the company's own results are fiscal unless the text says
    calendar; `fiscal 2002` -> `FY2002`.
    """
    try:
        return _date(" ".join(text.split()), doc_year)
    except (ValueError, KeyError, IndexError, OverflowError):
        return None


MONTH_RANGE_RE = re.compile(rf"^{_MONTH}\s+(\d{{1,2}})\s*(?:-|–|—|to|through)\s*(?:{_MONTH}\s+)?(\d{{1,2}})"
                            rf"(?:,?\s*{_YEAR})?$", re.I)
NUMERIC_RANGE_RE = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4}|\d{2})\s*(?:-|–|—|to|through)\s*"
                              r"(\d{1,2})/(\d{1,2})/(\d{4}|\d{2})$")


def _range(month: int, first: int, month2: int, last: int, year: int | None) -> str | None:
    """A range of days: the month when it covers the whole month (a repurchase table's
    `October 1 - October 31`), else its first day (`November 14-18, 2022`)."""
    if year is None:
        return None
    if month == month2 and first == 1 and last == calendar.monthrange(year, month)[1]:
        return _ymd(year, month)
    return _ymd(year, month, first)


def _date(text: str, doc_year: int | None) -> str | None:
    if re.search(r"(?:st|nd|rd|th|tieth)\b", text, re.I):  # `fifteenth day of` -> `15th day of`
        text = _day_words(text)
    m = MONTH_RANGE_RE.match(text)
    if m:
        month = _month(m.group(1))
        month2 = _month(m.group(3)) if m.group(3) else month
        year = _year(m.group(5), doc_year) if m.group(5) else doc_year
        return _range(month, int(m.group(2)), month2, int(m.group(4)), year)
    m = NUMERIC_RANGE_RE.match(text)
    if m:
        return _range(int(m.group(1)), int(m.group(2)), int(m.group(4)), int(m.group(5)),
                      _year(m.group(6), doc_year))
    for regex, order in ((MDY_RE, "mdy"), (DMY_RE, "dmy")):
        m = regex.search(text)
        if m:
            if order == "mdy":
                month, day, year = _month(m.group(1)), int(m.group(2)), _year(m.group(3), doc_year)
            else:
                day, month, year = int(m.group(1)), _month(m.group(2)), _year(m.group(3), doc_year)
            return _ymd(year, month, day)
    m = ISO_RE.search(text)
    if m:
        return _ymd(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    m = NUMERIC_RE.search(text)
    if m:
        return _ymd(_year(m.group(3), doc_year), int(m.group(1)), int(m.group(2)))
    quarter = _quarter(text, doc_year)
    if quarter:
        return quarter
    m = MY_RE.search(text)
    if m:
        return _ymd(_year(m.group(2), doc_year), _month(m.group(1)))
    m = MD_RE.search(text)
    if m and doc_year:  # no year given: the document's (`the six months ended June 30`)
        return _ymd(doc_year, _month(m.group(1)), int(m.group(2)))
    m = THIS_YEAR_MONTH_RE.search(text)
    if m and doc_year:
        return _ymd(doc_year, _month(m.group(1)))
    m = FISCAL_YEAR_RE.search(text)
    if m:
        year = _year(m.group(1) or m.group(2), doc_year)
        return f"FY{year}" if year else None
    m = BARE_QUARTER_RE.match(text)
    if m and doc_year:
        return f"FY{doc_year}-Q{m.group(1)}"
    m = MONTH_ONLY_RE.match(text)
    if m and doc_year:
        return _ymd(doc_year, _month(m.group(1)))
    m = PART_OF_YEAR_RE.search(text)
    if m:  # `the first six months of 2023`: a part of the company's year, fiscal unless calendar
        calendar_year = CALENDAR_RE.search(text) is not None
        return ("" if calendar_year else "FY") + (m.group(1) or m.group(2))
    m = YEAR_RE.search(text)
    if m:
        return m.group(1)
    m = TWO_DIGIT_YEAR_RE.search(text)
    if m:
        year = _year(m.group(1), doc_year)
        return str(year) if year else None
    return _dateparser_fallback(text)


@lru_cache(maxsize=4096)
def _dateparser_fallback(text: str) -> str | None:
    """Last resort for unusual forms, through dateparser; only full dates are trusted."""
    if not re.search(r"\d", text):
        return None
    try:
        import dateparser

        parsed = dateparser.parse(text, languages=["en"], settings={
            "STRICT_PARSING": True, "REQUIRE_PARTS": ["day", "month", "year"],
            "PREFER_DAY_OF_MONTH": "first", "RETURN_AS_TIMEZONE_AWARE": False})
    except Exception:  # dateparser raises a variety of errors on odd input
        return None
    return parsed.strftime("%Y-%m-%d") if parsed else None


# --- dispatch ----------------------------------------------------------------

NORMALISERS = {"MONEY": money, "SHARES": shares, "PERCENT": percent}
assert set(NORMALISERS) | {"DATE"} == VALUED, "a valued label without its normaliser"


def normalise(label: str, text: str, doc_year: int | None = None):
    """The SCHEMA value for a span of `label`, None where the label has no value or
    the text cannot be read."""
    if label == "DATE":
        return date(text, doc_year)
    func = NORMALISERS.get(label)
    if func is None:
        return None
    try:
        value = func(text)
    except (ValueError, OverflowError):
        return None
    number = value["amount"] if isinstance(value, dict) else value
    if number is not None and not math.isfinite(number):  # `9` x 400 is no amount JSON can hold
        return None
    return value


def document_year(text: str) -> int | None:
    """The year a document's dates imply: the most frequent full date's year."""
    years: dict[int, int] = {}
    for m in MDY_RE.finditer(text[:20000]):
        y = m.group(3)
        if y.isdigit() and len(y) == 4:
            years[int(y)] = years.get(int(y), 0) + 1
    if not years:
        for m in YEAR_RE.finditer(text[:20000]):
            years[int(m.group(1))] = years.get(int(m.group(1)), 0) + 1
    return max(years, key=lambda y: (years[y], y)) if years else None


def span_value(label: str, text: str, before: str, after: str, doc_year: int | None):
    """The value of a span of `label` with text `text`, preceded by `before` and
    followed by `after` in the document; an amount of money written in accounting
    brackets (`($0.06)`, `$(0.06)`: the brackets outside the span as SCHEMA asks) is negative.
    (A percentage in brackets is usually an aside in prose, `(6 percent)`, so it keeps
    its sign.) The first amount of a range takes the scale the second names when `after`
    holds it (`$45` followed by ` to $50 million` -> 45000000.0). Callers read values
    through `value_at`, which gives the context."""
    value = normalise(label, text, doc_year)
    if label == "MONEY" and value is None and (sign := SIGN_BEFORE_BRACKET.search(before)):
        value = normalise(label, sign.group(1) + text, doc_year)  # `$(7)`: the span `7` (GUIDELINES)
    if label == "MONEY" and value and before.endswith("(") and after.startswith(")") and value["amount"] > 0:
        value = {**value, "amount": -value["amount"]}
    if label == "MONEY" and value and "," not in text and not SCALE_WORD_RE.search(text):
        shared = RANGE_SCALE_RE.match(after)  # `$45` in `$45 to $50 million` (GUIDELINES)
        if shared:
            value = {**value, "amount": value["amount"] * WORD_SCALES[shared.group(1).lower()]}
    return value


#: how much of the text around a span `value_at` shows `span_value`: the characters
#: before (an accounting bracket and its currency sign) and enough after for a range's
#: second amount
BEFORE_CHARS, AFTER_CHARS = 3, 40
#: a currency sign before an accounting bracket: `$(7)` is the amount `7` of dollars
SIGN_BEFORE_BRACKET = re.compile(rf"([{re.escape(tb.CURRENCY_SIGNS)}])\s*\($")


def value_at(label: str, text: str, start: int, end: int, doc_year: int | None, money_unit: float | None = None,
             table_unit: float | None = None):
    """The value of the span text[start:end] of `label` in its document's `text` (every
    caller reads a span's value through this, with the same context). In a table of
    money (`extractors.tables`) an amount takes the scale its caption states (`(In
    millions)`), unless it names its own scale or its row is per share, a dividend or a
    price; and a bare figure (`1,234` under `$1,100`) is an amount in the table's
    currency. Outside tables, an amount with no scale takes the filing's `money_unit`
    (`money_unit_of`: `(Dollars in millions, unless otherwise noted)`) unless it is a
    price or per-share amount (`in_unit`). No scale makes an amount of over MAX_SCALED,
    nor multiplies a figure with cents (a price: `$104.18` in a table in thousands). A table with a currency sign
    whose caption and text state no scale takes the filing's `table_unit` (`table_unit_of`:
    the scale its tables' captions state, where the table's caption was left in another
    part)."""
    value = span_value(label, text[start:end], text[max(0, start - BEFORE_CHARS):start],
                       text[end:end + AFTER_CHARS], doc_year)
    figure = column_figure_at(text, start, end)
    if figure is not None and figure.label == label and isinstance(value, (int, float, dict)) \
            and (label == "SHARES" or figure.price or figure.scale):
        return _column_value(value, figure.scale, text[max(0, start - 1):start] == "(" and text[end:end + 1] == ")")
    if label == "SHARES" and isinstance(value, (int, float)) and not SCALE_WORD_RE.search(text[start:end]):
        scale = shares_scale_at(text, start)
        return value * scale if isinstance(value, int) or scale == 1 else round(value * scale)
    if label != "MONEY" or SCALE_WORD_RE.search(text[start:end]):
        return value
    table = money_table_at(text, start, table_unit)
    if table is None:
        if money_unit and isinstance(value, dict) and value.get("amount") and in_unit(text, start, end):
            return {**value, "amount": value["amount"] * money_unit}
        return value
    scale, currency = table
    if value is None:
        figure = BARE_FIGURE.fullmatch(text[start:end].strip())
        if not figure:
            return None
        value = {"amount": float(figure.group().replace(",", "")), "currency": currency}
        if text[max(0, start - 1):start] == "(" and text[end:end + 1] == ")":
            value["amount"] = -value["amount"]
    if scale == 1.0 or abs(value["amount"]) * scale > MAX_SCALED or CENTS.search(text[start:end]):
        return value  # written in full (`$4,213,825,619`), or a price with its cents (`$104.18`)
    return {**value, "amount": value["amount"] * scale}


def column_figure_at(text: str, start: int, end: int) -> tb.ColumnFigure | None:
    """The figure of a table column that names what it counts (`tables.column_figures`:
    a repurchase or award table's) at text[start:end], if the span is one."""
    return next((f for f in tb.column_figures(text) if f.start <= start and end <= f.end), None)


def _column_value(value, scale: float | None, bracketed: bool):
    """A column figure's value: times its column's scale (none for a price), negative in
    brackets (`(22,190)` options exercised, `(79)` dollars)."""
    amount = value["amount"] if isinstance(value, dict) else value
    if scale and abs(amount) * scale <= MAX_SCALED:
        amount *= scale
    if bracketed and amount > 0:
        amount = -amount
    if isinstance(value, dict):
        return {**value, "amount": float(amount)}
    return share_count(amount)


# no amount a filing reports reaches this: a figure that would is written in full
MAX_SCALED = 1e13
CENTS = re.compile(r"\.\d\d$")
BARE_FIGURE = re.compile(r"\d{1,3}(?:,\d{3})*(?:\.\d+)?|\d+(?:\.\d+)?")
PER_SHARE_ROW = re.compile(r"\bper\s+(?:\w+\s+){0,2}share|\bEPS\b|\bdividends?\b|\bprice\b", re.I)
MONEY_CAPTION = re.compile(rf"\bdollars\b|[{re.escape(tb.CURRENCY_SIGNS)}]|\bin\s+(?:thousands|millions|billions)\b",
                           re.I)


# a stock performance graph's table (`$100 invested ... cumulative total return`) states
# dollars in full, whatever unit the filing's other tables use
TOTAL_RETURN = re.compile(r"\btotal\s+(?:share|stock)?(?:holder)?\s*returns?\b|\$\s?100\s+(?:invested|investment)|"
                          r"\binvestment\s+of\s+\$\s?100\b", re.I)
RETURN_REACH = 600  # characters before a table read for it


@lru_cache(maxsize=tb.TABLES_CACHED)  # a pipeline batch's documents, as tables_of
def _money_tables(text: str, table_unit: float | None = None) -> tuple:
    """(start, end, scale, currency, rows) of the tables of `text` about money: a
    currency sign in a figure, or a caption stating a scale of money (none in a text
    with no currency sign and no `millions` or `thousands`). A table with a sign whose
    caption and text state no scale takes `table_unit` (the filing's), unless it counts
    repurchased shares or is a performance graph's."""
    if not any(sign in text for sign in tb.CURRENCY_SIGNS) and "millions" not in text and "thousands" not in text:
        return ()

    # a statement of the unit above the tables (`(Dollars in millions, except per share
    # amounts)` under a 10-Q's note heading) holds for the tables after it that state none
    units = [(m.start(), tb.SCALES.get((m.group(1) or m.group(2) or "").lower(), 1.0)) for m in tb.SCALE.finditer(text)
             if "(" in text[max(0, m.start() - 12):m.start() + 1] and not tb.counts_only(text, m.start(), m.end())]
    out = []
    for t in tb.tables_of(text):
        signs = [ch for r in t.rows for c in r.values for ch in c.text if ch in tb.CURRENCY_SIGNS]
        scale = t.scale
        if scale != 1.0 and all(tb.counts_only(t.caption, m.start(), m.end()) for m in tb.SCALE.finditer(t.caption)):
            scale = 1.0  # the caption scales counts only (`Options (in thousands)`), not the table's money
        if scale == 1.0:
            scale = next((u for at, u in reversed(units) if at < t.start), 1.0)
        if scale == 1.0 and signs and table_unit and not tb.REPURCHASE_HEADER.search(text, t.start, t.end) \
                and not TOTAL_RETURN.search(text, max(0, t.start - RETURN_REACH), t.end):
            scale = table_unit
        if not signs and not (scale != 1.0 and (MONEY_CAPTION.search(t.caption) or t.scale == 1.0)):
            continue
        # a line of figures that is no row (`4.850 %  Senior Notes due March 2033  750`: a rate
        # before the label) is a row of the table, labelled by its first text cell
        headers = set(map(id, t.headers))
        rows = tuple((r.start, r.end, r.label.text if r.label else "") if id(r) in t.row_ids else
                     (r.start, r.end, next((c.text for c in r.cells if c.kind == "text"), ""))
                     for r in t.lines if id(r) in t.row_ids or (id(r) not in headers and any(
                         c.kind == "number" for c in r.cells)))
        out.append((t.start, t.end, scale, currency(signs[0]) if signs else "USD", rows))
    return tuple(out)


def money_table_at(text: str, offset: int, table_unit: float | None = None) -> tuple[float, str] | None:
    """(scale, currency) for an amount at `offset` in a table of money (scale 1.0 in
    per-share, dividend or price rows, and in the price column of a repurchase table),
    None outside such tables."""
    for start, end, scale, currency, rows in _money_tables(text, table_unit):
        if start <= offset < end:
            label = next((lab for a, b, lab in rows if a <= offset < b), None)
            price = any(f.start <= offset < f.end and f.price for f in tb.column_figures(text))
            return (1.0 if label is None or price or PER_SHARE_ROW.search(label) else scale), currency
    return None


SHARES_ROW = re.compile(r"\bshares\b", re.I)


def shares_scale_at(text: str, offset: int) -> int:
    """The scale of a share count at `offset` in a row about shares of a table whose caption
    states one (`(In Millions, Except Per Share Amounts)`: `Weighted average shares ...
    4,190` is 4,190,000,000), else 1."""
    for start, end, scale, _, rows in _money_tables(text):
        if start <= offset < end:
            label = next((lab for a, b, lab in rows if a <= offset < b), "")
            return int(scale) if SHARES_ROW.search(label) and not PER_SHARE_ROW.search(label) else 1
    return 1


SCALE_WORD_RE = re.compile(r"\b(?:thousand|million|billion|trillion|mil|mm|bn|tn)\b|\d\s*[KMB]\b", re.I)
#: the second amount of a range whose scale the first shares: ` to $50 million`
RANGE_SCALE_RE = re.compile(r"^\s*(?:to|-|\u2013|\u2014|through)\s*(?:US)?\$?\s*\d[\d,]*(?:\.\d+)?\s*"
                            r"(thousand|million|billion|trillion)\b", re.I)


# A filing's statement that its amounts of money, in prose too, are in a unit: `(Dollars
# and shares in millions, unless otherwise noted, except per share data)`, `(all amounts
# are presented in millions of U.S. dollars ...)`; not a table caption (`(In millions)`,
# `(Dollars in tables in millions ...)`: extractors.tables reads those)
UNIT_STATEMENT = re.compile(r"\((?=[^()]{0,200}?\b(?:unless\s+otherwise\s+(?:noted|indicated|stated|specified)|"
                            r"all\s+amounts\s+are\s+(?:presented|stated|expressed)\s+in))"
                            r"(?![^()]{0,200}?\btab(?:le|les|ular)\b)[^()]{0,80}?(?:\bdollars|\bamounts|\$)[^()]{0,40}?"
                            r"\bin\s+(thousands|millions|billions)\b[^()]{0,200}\)", re.I)
# a price or a per-share amount keeps its own figure (`$2.72 per diluted share`, `at $42 per
# share`, `par value $0.01`, `an average price of $78.22`); a figure written out in full
# (`$55,582,452,531`) or with cents (`$1.79`) is no amount in millions
NOT_IN_UNIT_AFTER = re.compile(r"^\s*(?:per\b|a\s+share|each\b|/)", re.I)
NOT_IN_UNIT_BEFORE = re.compile(r"(?:\bper\s+(?:\w+\s+)?share|\bEPS\b|\bprices?\b|\bpar\s+value|\bearnings\s+per|"
                                r"\bexercise|\bdividends?\b)[^.$]{0,40}$", re.I)
IN_UNIT_FIGURE = re.compile(r"^(?:US)?\$\s?(?:\d{1,3}(?:,\d{3})?(?:\.\d)?)$")


@lru_cache(maxsize=tb.TABLES_CACHED)
def money_unit_of(text: str) -> float | None:
    """The scale a filing states for all its amounts of money (`UNIT_STATEMENT`), or None."""
    m = UNIT_STATEMENT.search(text)
    return tb.SCALES.get(m.group(1).lower()) if m else None


def in_unit(text: str, start: int, end: int) -> bool:
    """Whether the amount text[start:end] is written in its filing's unit of money: a sign
    and a figure under a million with at most one decimal, not a price or per-share amount."""
    return (IN_UNIT_FIGURE.match(text[start:end].strip()) is not None
            and not NOT_IN_UNIT_AFTER.match(text[end:end + 20])
            and not NOT_IN_UNIT_BEFORE.search(text[max(0, start - 60):start]))


# at least this many captions state a scale, and this share of them the same one, for a
# filing's tables to be read in it
TABLE_UNIT_CAPTIONS, TABLE_UNIT_SHARE = 3, 0.75


@lru_cache(maxsize=tb.TABLES_CACHED)
def table_unit_of(text: str) -> float | None:
    """The scale a filing's table captions state for money (`(Dollars in tables in millions,
    except per share amounts)` under every note heading, `(In Millions)`; not `Options (in
    thousands)`, which scales counts: `tables.counts_only`), where at least
    TABLE_UNIT_CAPTIONS state one and TABLE_UNIT_SHARE of them the same; else None."""
    scales = []
    for m in tb.SCALE.finditer(text):
        before = text[max(0, m.start() - 30):m.start() + 1]  # in a bracket: `(Dollars in tables in millions`
        if "(" in before and ")" not in before[before.rfind("("):] and not tb.counts_only(text, m.start(), m.end()):
            scales.append(tb.SCALES.get((m.group(1) or m.group(2) or "").lower()))
    scales = [x for x in scales if x]
    if len(scales) < TABLE_UNIT_CAPTIONS:
        return None
    top = max(set(scales), key=scales.count)
    return top if scales.count(top) >= TABLE_UNIT_SHARE * len(scales) else None


def doc_units(doc, text: str) -> tuple[float | None, float | None]:
    """The unit of money a Doc's filing states for its prose and the one its table captions
    state (set by the batch driver on every window of a filing, and on a gold excerpt from
    its whole filing), else its own text's: `value_at`'s `money_unit` and `table_unit`."""
    context = filing_context(doc)
    return (context.money_unit if context.money_unit is not None else money_unit_of(text),
            context.table_unit if context.table_unit is not None else table_unit_of(text))


def doc_year(doc, text: str) -> int | None:
    """The year a Doc's dates imply: its filing's (set on a window of a long filing by
    the batch driver), else read from its text."""
    year = filing_context(doc).year
    return year if year is not None else document_year(text)
