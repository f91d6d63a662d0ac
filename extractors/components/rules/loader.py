"""Rule data: pattern files, lexicons and the expansion that makes them whitespace-proof.

Pattern files live in ``extractors/components/rules/patterns/``:

``entities.jsonl``, ``roles.jsonl``
    token patterns ``{"label", "id", "pattern": [...]}`` in spaCy Matcher syntax. A token
    may be a macro ``{"_": "MONTH"}`` (see ``macros.json``, ``role_lexicon.json``),
    optionally with an ``OP``. ``"keep_first": n`` makes the rest of the pattern context
    only: the span is the first ``n`` (non-space) tokens of the match (``10`` in
    ``10 to 15 percent``); ``"keep": [a, b]`` keeps tokens ``a`` to ``b`` (exclusive).
``orgs.jsonl``
    phrase patterns ``{"label", "pattern": "New York Stock Exchange"}`` (matched as
    written and in capitals), optional ``not_before`` words.
``first_names.txt`` (and ``first_names_more.txt``, written by ``training.first_names``), ``person_stop.txt``, ``role_lexicon.json``
    lexicons the rule functions use.

EDGAR text puts runs of spaces and line breaks between the words of one mention;
spaCy turns those into whitespace tokens. :func:`expand_pattern` therefore inserts an
optional whitespace token (no blank line) between every two pattern tokens, so the
files can be written as if text were single-spaced.
"""
from __future__ import annotations

import copy
import json
from functools import lru_cache
from pathlib import Path

from extractors.names import LEXICON

PATTERNS_DIR = Path(__file__).resolve().parent / "patterns"
WS_TOKEN = {"IS_SPACE": True, "TEXT": {"REGEX": r"^[^\n]*\n?[^\n]*$"}, "OP": "?"}
TOKEN_PATTERN_FILES = ("entities.jsonl", "roles.jsonl")


def read_jsonl(path: Path) -> list[dict]:
    out = []
    with open(path, encoding="utf8") as fh:
        for n, line in enumerate(fh, 1):
            line = line.strip()
            if not line or line.startswith("//"):
                continue
            try:
                out.append(json.loads(line))
            except json.JSONDecodeError as err:
                raise ValueError(f"{path}:{n}: bad JSON: {err}") from err
    return out


def read_wordlist(path: Path) -> list[str]:
    words = []
    with open(path, encoding="utf8") as fh:
        for line in fh:
            if line.lstrip().startswith("#"):
                continue
            words += line.split()
    return words


@lru_cache(maxsize=8)
def load_lexicons(patterns_dir: str | None = None) -> dict:
    """All lexicon files of a patterns folder, as plain Python data."""
    base = Path(patterns_dir) if patterns_dir else PATTERNS_DIR
    macros = json.loads((base / "macros.json").read_text(encoding="utf8"))
    roles = json.loads((base / "role_lexicon.json").read_text(encoding="utf8"))
    macros["ROLE_MOD"] = {"LOWER": {"IN": roles["ROLE_MOD"]}}
    macros["ROLE_WORD"] = {"LOWER": {"IN": roles["ROLE_WORD"]}}
    return {
        "macros": macros,
        "roles": roles,
        "org_suffixes": LEXICON,  # the project's one list of name words (extractors/names.json)
        "first_names": frozenset(read_wordlist(base / "first_names.txt")
                                 + (read_wordlist(base / "first_names_more.txt")
                                    if (base / "first_names_more.txt").exists() else [])),
        "person_stop": frozenset(read_wordlist(base / "person_stop.txt")),
    }


def expand_token(tok: dict, macros: dict) -> dict:
    """Replace a macro token by its definition, keeping the token's own OP."""
    if "_" not in tok:
        return copy.deepcopy(tok)
    name = tok["_"]
    if name not in macros:
        raise KeyError(f"unknown pattern macro {name!r}")
    out = copy.deepcopy(macros[name])
    out.pop("OP", None)
    if "OP" in tok:
        out["OP"] = tok["OP"]
    return out


MAX_REPEAT = 4


def _unroll(tok: dict) -> list[dict]:
    """A repeated token as copies, so that whitespace can sit between the repeats.

    ``+`` -> 1 required + 3 optional copies, ``*`` -> 4 optional, ``{n,m}`` -> n required +
    m-n optional (``{n,}`` counts as ``{n,n+3}``).
    """
    bounds = _repeat_bounds(tok.get("OP"))
    if bounds is None:
        return [tok]
    lo, hi = bounds
    base = {k: v for k, v in tok.items() if k != "OP"}
    return [dict(base) for _ in range(lo)] + [dict(base, OP="?") for _ in range(hi - lo)]


def expand_pattern(pattern: list[dict], macros: dict) -> list[dict]:
    """Expand macros and allow one whitespace token between any two tokens.

    Repeated tokens are unrolled so whitespace may also sit between the repeats. Matches
    may then start or end on whitespace; the component trims those edges.
    """
    out: list[dict] = []
    for tok in pattern:
        for copy_ in _unroll(expand_token(tok, macros)):
            if out:
                out.append(dict(WS_TOKEN))
            out.append(copy_)
    return out


def _repeat_bounds(op: str | None) -> tuple[int, int] | None:
    """(min, max) copies of a repeated token (``+`` -> 1..MAX_REPEAT); None when not repeated."""
    if op == "+":
        return 1, MAX_REPEAT
    if op == "*":
        return 0, MAX_REPEAT
    if op and op.startswith("{"):
        inner = op.strip("{}")
        if "," not in inner:
            return int(inner), int(inner)
        a, b = inner.split(",")
        lo = int(a or 0)
        return lo, int(b) if b else lo + MAX_REPEAT - 1
    return None


def _bounded_op(op: str | None) -> str | None:
    """The repeat operator with the bounds :func:`_unroll` gives it (``+`` -> ``{1,4}``);
    an exact count (``{3}``) stays as it is."""
    bounds = _repeat_bounds(op)
    if bounds is None or (op.startswith("{") and "," not in op):
        return op
    return f"{{{bounds[0]},{bounds[1]}}}"


def compact_pattern(pattern: list[dict], macros: dict) -> list[dict]:
    """Expand macros for matching on a doc without whitespace tokens.

    The component matches on a compact copy of the doc (whitespace tokens removed,
    matches across a blank line rejected), which is equivalent to
    :func:`expand_pattern`'s optional whitespace tokens; repeats keep its bounds.
    """
    out = []
    for tok in pattern:
        t = expand_token(tok, macros)
        if "OP" in t:
            op = _bounded_op(t["OP"])
            if op != t["OP"]:
                t["OP"] = op
        out.append(t)
    return out


def phrase_to_pattern(phrase: str, tokenizer, case: str = "exact") -> list[dict]:
    """Token pattern for a lexicon phrase (tokenised with the pipeline's tokenizer)."""
    attr = "LOWER" if case == "lower" else "ORTH"
    words = [t.text for t in tokenizer(phrase) if not t.is_space]
    return [{attr: w.lower() if attr == "LOWER" else w} for w in words]


def load_token_patterns(patterns_dir: str | None = None) -> list[dict]:
    base = Path(patterns_dir) if patterns_dir else PATTERNS_DIR
    out = []
    for name in TOKEN_PATTERN_FILES:
        if (base / name).exists():
            out += read_jsonl(base / name)
    return out


def load_phrase_patterns(patterns_dir: str | None = None) -> list[dict]:
    base = Path(patterns_dir) if patterns_dir else PATTERNS_DIR
    path = base / "orgs.jsonl"
    return read_jsonl(path) if path.exists() else []
