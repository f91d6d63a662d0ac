"""Shared state for rule functions: the doc, candidates so far, lexicons, token helpers.

Speed: iterating a ``Doc`` (or indexing it) builds a Python ``Token`` object each
time, which used to dominate the rule functions' run time. The context therefore
reads the tokens once into plain lists (``texts``, ``lowers``, ``spaces``,
``token_starts``) and precomputes the next/previous non-space token of every token,
so that rule functions scan strings and only build ``Token`` objects on hits.
"""
from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass, field

from spacy.attrs import SENT_START
from spacy.tokens import Doc

from extractors.names import HONORIFICS

from ..sentences import doc_arrays

# `A.`, and two glued (`Michael B.G. Froman`), not a place's or a company's (`U.S.`, `N.A.`)
INITIAL_RE = re.compile(r"^(?!U\.S\.|U\.K\.|N\.A\.|L\.P\.|S\.A\.|N\.V\.|A\.G\.|P\.C\.|D\.C\.|B\.V\.)(?:[A-Z]\.){1,2}$")
NAME_SUFFIXES = {"Jr.", "Sr.", "Jr", "Sr", "II", "III", "IV", "JR.", "SR.", "Esq.", "M.D.", "Ph.D."}
NAME_PARTICLES = {"de", "van", "von", "der", "den", "la", "le", "del", "da", "di", "du", "St."}
# a surname with its particle glued on (`Francis A. deSouza`, `vanDyke`)
GLUED_PARTICLE_RE = re.compile(r"^(?:de|di|da|du|la|le|van|von)[A-Z][a-z]+$")
PUNCT_CLOSE = set(",.;:)]}!?\"'”’")
NAME_WORD_RE = re.compile(r"^[^\W\d_](?:[^\W\d_]|['’\-])*\.?$")  # letters of any alphabet (`Echeverría`)
# the source of a rule span that outranks the classifier as a rule label does (merge): a state
# suing (orgs.org_cues), whose place word the classifier tends to take for a PERSON
GOVERNMENT_PARTY_SOURCE = "government_party"


CURRENCY_TOKENS = frozenset({"$", "US$", "\u20ac", "\u00a3"})


def is_currency_sign(tok) -> bool:
    """A currency sign as a token (`$`, `US$`, or one spaCy knows): a figure after it is money."""
    return tok.text in CURRENCY_TOKENS or tok.is_currency


def name_like(tok) -> bool:
    """A capitalised word or a digit-letter mix ("3M"); takes a Token or its text."""
    t = tok if isinstance(tok, str) else tok.text
    # a token that starts with a letter or digit is never punctuation
    return bool(t) and (t[0].isupper() or (t[0].isdigit() and any(c.isalpha() for c in t)))


def fold_accents(t: str) -> str:
    """`Tomás` -> `Tomas`: the letters without their accents."""
    return "".join(c for c in unicodedata.normalize("NFKD", t) if not unicodedata.combining(c))


@dataclass(eq=False)
class Candidate:
    """One rule hit over tokens ``start``..``end`` (exclusive); equal by offsets and label."""
    start: int
    end: int
    label: str
    source: str
    score: float = 1.0

    def key(self):
        return (self.start, self.end, self.label)

    def __hash__(self):
        return hash(self.key())

    def __eq__(self, other):
        return isinstance(other, Candidate) and self.key() == other.key()


class LazyTokens:
    """A Doc's tokens as a list that builds each Token object on first access."""

    __slots__ = ("doc", "_toks")

    def __init__(self, doc: Doc):
        self.doc = doc
        self._toks: list = [None] * len(doc)

    def __len__(self) -> int:
        return len(self._toks)

    def __getitem__(self, i):
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(len(self._toks)))]
        tok = self._toks[i]
        if tok is None:
            tok = self._toks[i] = self.doc[i]
        return tok

    def __iter__(self):
        for i in range(len(self._toks)):
            yield self[i]


@dataclass
class RuleContext:
    doc: Doc
    lex: dict
    candidates: list[Candidate] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def __post_init__(self):
        doc = self.doc
        self.n = n = len(doc)
        # Doc.text is rebuilt from Token objects on every access: read it once, cheaply
        self.texts, self.token_starts, self.text = texts, _, text = doc_arrays(doc)
        self.line_starts = [0] + [m.end() for m in re.finditer(r"\n", text)]
        self._covered: dict[int, set[str]] | None = None
        self.spaces = spaces = [t.isspace() for t in texts]
        self.lowers = [t.lower() for t in texts]
        # for each token: the next/previous non-space token, and for each non-space
        # token what the whitespace tokens just before it hold
        nxt, prv = [None] * n, [None] * n
        gap_nl = [0] * n          # newlines in the whitespace tokens just before token i
        gap_blank = [False] * n   # one of them holds a blank line (2+ newlines)
        last, nl, blank = None, 0, False
        for i in range(n):
            prv[i] = last
            if spaces[i]:
                c = texts[i].count("\n")
                nl += c
                blank = blank or c >= 2
                continue
            gap_nl[i], gap_blank[i] = nl, blank
            last, nl, blank = i, 0, False
        last = None
        for i in range(n - 1, -1, -1):
            nxt[i] = last
            if not spaces[i]:
                last = i
        self._nxt, self._prv, self._gap_nl, self._gap_blank = nxt, prv, gap_nl, gap_blank
        self._name_word: dict[str, bool] = {}
        self._toks = None
        self._sent_starts: list[int] | None = None
        self._sent_bounds: list[tuple[int, int]] = []

    @property
    def toks(self) -> "LazyTokens":
        """The doc's Token objects, each built once when first read (``doc[i]`` builds
        a new one each time; most rules read only the tokens around their cues)."""
        if self._toks is None:
            self._toks = LazyTokens(self.doc)
        return self._toks

    def sent_bounds(self) -> list[tuple[int, int]]:
        """(start, end) of each sentence, as ``doc.sents`` gives them (the whole doc
        when sentence starts are not set)."""
        doc, n = self.doc, self.n
        if not n or not doc.has_annotation("SENT_START") or "sents" in doc.user_hooks:
            return [(s.start, s.end) for s in doc.sents] if n and doc.has_annotation("SENT_START") \
                else [(0, n)]
        flags = doc.to_array(SENT_START).tolist()
        starts = [0] + [i for i in range(1, n) if flags[i] == 1]
        return list(zip(starts, starts[1:] + [n]))

    def sentence_of(self, i: int) -> tuple[int, int]:
        """(start, end) of the sentence holding token ``i``."""
        if self._sent_starts is None:
            bounds = self.sent_bounds()
            self._sent_starts = [b[0] for b in bounds]
            self._sent_bounds = bounds
        return self._sent_bounds[bisect.bisect_right(self._sent_starts, i) - 1]

    def line_start_token(self, i: int) -> int:
        """Index of the first token on the line of token ``i``."""
        line_char = self.line_starts[self.line_of(i)]
        return bisect.bisect_left(self.token_starts, line_char)

    def first_on_line(self, i: int) -> int | None:
        """Index of the first non-space token on the line of token ``i``."""
        first = self.line_start_token(i)
        return first if not self.toks[first].is_space else self.next_ns(first)

    def gap_has_newline(self, i: int) -> bool:
        """Whether a line break separates non-space token ``i`` from the one before it."""
        return bool(self._gap_nl[i])

    # --- candidates -----------------------------------------------------------
    def add(self, cands) -> None:
        self.candidates.extend(cands)
        self._covered = None

    def labels_at(self, i: int) -> set[str]:
        if self._covered is None:
            cov: dict[int, set[str]] = {}
            for c in self.candidates:
                for k in range(c.start, c.end):
                    cov.setdefault(k, set()).add(c.label)
            self._covered = cov
        return self._covered.get(i, _EMPTY)

    def of_label(self, label: str) -> list[Candidate]:
        return [c for c in self.candidates if c.label == label]

    # --- tokens ---------------------------------------------------------------
    def char_bounds(self, start: int, end: int) -> tuple[int, int]:
        """The character offsets of tokens start..end (exclusive) in the Doc's text."""
        return self.token_starts[start], self.token_starts[end - 1] + len(self.texts[end - 1])

    def line_of(self, i: int) -> int:
        return bisect.bisect_right(self.line_starts, self.token_starts[i]) - 1

    def next_ns(self, i: int, same_line: bool = False, allow_blank: bool = False):
        """Index of the next non-space token after ``i`` (None past the end or a break)."""
        if self.spaces[i]:
            return self._next_ns_slow(i, same_line, allow_blank)
        j = self._nxt[i]
        if j is None:
            return None
        if same_line and self._gap_nl[j]:
            return None
        if not allow_blank and self._gap_blank[j]:
            return None
        return j

    def prev_ns(self, i: int, same_line: bool = False, allow_blank: bool = False):
        if i <= 0:
            return None
        if self.spaces[i]:
            return self._prev_ns_slow(i, same_line, allow_blank)
        j = self._prv[i]
        if j is None:
            return None
        if same_line and self._gap_nl[i]:
            return None
        if not allow_blank and self._gap_blank[i]:
            return None
        return j

    def _next_ns_slow(self, i: int, same_line: bool, allow_blank: bool):
        texts, spaces, n = self.texts, self.spaces, self.n
        j = i + 1
        while j < n and spaces[j]:
            if same_line and "\n" in texts[j]:
                return None
            if not allow_blank and texts[j].count("\n") >= 2:
                return None
            j += 1
        return j if j < n else None

    def _prev_ns_slow(self, i: int, same_line: bool, allow_blank: bool):
        texts, spaces = self.texts, self.spaces
        j = i - 1
        while j >= 0 and spaces[j]:
            if same_line and "\n" in texts[j]:
                return None
            if not allow_blank and texts[j].count("\n") >= 2:
                return None
            j -= 1
        return j if j >= 0 else None

    # --- name shapes ------------------------------------------------------------
    def is_name_text(self, t: str) -> bool:
        ok = self._name_word.get(t)
        if ok is None:
            if not t or not t[0].isupper() or t in self.lex["person_stop"] or t in HONORIFICS:
                ok = False
            elif INITIAL_RE.match(t):
                ok = True
            elif not NAME_WORD_RE.match(t) or t.endswith(".") and len(t) > 3:
                ok = False
            else:
                ok = len(t) > 1
            self._name_word[t] = ok
        return ok

    def is_name_word(self, tok) -> bool:
        return self.is_name_text(tok if isinstance(tok, str) else tok.text)

    def read_name(self, i: int, same_line: bool = True, max_tokens: int = 5,
                  blocked=("ROLE", "ORG", "DATE", "MONEY")):
        """End (exclusive) of a person name starting at token ``i``, or None.

        A name is 1..max_tokens capitalised words/initials/particles, then an optional
        ``, Jr.``-style suffix. At least one word must not be an initial.
        """
        texts = self.texts
        if i is None or i >= self.n or not self.is_name_text(texts[i]) or texts[i] in NAME_PARTICLES:
            return None
        blocked = set(blocked)
        end, words, full, j = None, 0, 0, i
        while j is not None and words < max_tokens:
            t = texts[j]
            if self.labels_at(j) & blocked:
                break
            if end == j and self.glued_hyphen(j):  # a double name (`Ibarra-Quintero`, `Mei-Ling`), which
                end = j + 2  # a name on the next line never continues (a signature's typed name)
                j = self.next_ns(end - 1, same_line=True)
                continue
            if self.is_name_text(t) or (words and (t in NAME_PARTICLES or GLUED_PARTICLE_RE.match(t))):
                words += 1
                full += 0 if INITIAL_RE.match(t) or t in NAME_PARTICLES else 1
                end = j + 1
            else:
                break
            j = self.next_ns(j, same_line=same_line)
        if end is None or full == 0:
            return None
        # suffix: "Samuel J. Furrow, Jr."
        j = self.next_ns(end - 1, same_line=True)
        if j is not None and texts[j] == ",":
            k = self.next_ns(j, same_line=True)
            if k is not None and texts[k] in NAME_SUFFIXES:
                end = k + 1
        elif j is not None and texts[j] in NAME_SUFFIXES:
            end = j + 1
        return end

    def is_first_name(self, t: str) -> bool:
        """A given name of the lexicon, also written with accents (`Tomás`, `Ramón`: `Tomas`, `Ramon`)."""
        names = self.lex["first_names"]
        return t in names or (not t.isascii() and fold_accents(t) in names)

    def glued_hyphen(self, j: int) -> bool:
        """Token `j` is a hyphen that joins two name words with no space (`Ibarra-Quintero`)."""
        return (self.texts[j] == "-" and 0 < j < self.n - 1 and not self.toks[j - 1].whitespace_
                and not self.toks[j].whitespace_ and self.is_name_text(self.texts[j - 1])
                and self.is_name_text(self.texts[j + 1]))

    def name_words(self, start: int, end: int) -> list:
        """The words of a name (a double name's second part is no word of its own)."""
        texts, spaces, toks = self.texts, self.spaces, self.toks
        return [toks[k] for k in range(start, end) if not spaces[k] and texts[k] not in NAME_SUFFIXES
                and texts[k] != "," and not INITIAL_RE.match(texts[k])
                and not self.glued_hyphen(k) and not (k > start and self.glued_hyphen(k - 1))]


_EMPTY: frozenset = frozenset()
