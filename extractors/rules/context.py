"""Shared state for rule functions: the doc, candidates so far, lexicons, token helpers."""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from spacy.tokens import Doc

INITIAL_RE = re.compile(r"^[A-Z]\.$")
NAME_SUFFIXES = {"Jr.", "Sr.", "Jr", "Sr", "II", "III", "IV", "JR.", "SR.", "Esq.", "M.D.", "Ph.D."}
NAME_PARTICLES = {"de", "van", "von", "der", "den", "la", "le", "del", "da", "di", "du", "St."}
PUNCT_CLOSE = set(",.;:)]}!?\"'”’")


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


@dataclass
class RuleContext:
    doc: Doc
    lex: dict
    candidates: list[Candidate] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def __post_init__(self):
        self.text = text = self.doc.text  # Doc.text is rebuilt on every access: cache it
        self.line_starts = [0] + [m.end() for m in re.finditer(r"\n", text)]
        self._covered: dict[int, set[str]] | None = None
        self.token_starts = [t.idx for t in self.doc]

    def line_start_token(self, i: int) -> int:
        """Index of the first token on the line of token ``i``."""
        line_char = self.line_starts[self.line_of(i)]
        return bisect.bisect_left(self.token_starts, line_char)

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
        return self._covered.get(i, set())

    def of_label(self, label: str) -> list[Candidate]:
        return [c for c in self.candidates if c.label == label]

    # --- tokens ---------------------------------------------------------------
    def line_of(self, i: int) -> int:
        return bisect.bisect_right(self.line_starts, self.doc[i].idx) - 1

    def next_ns(self, i: int, same_line: bool = False, allow_blank: bool = False):
        """Index of the next non-space token after ``i`` (None past the end or a break)."""
        doc = self.doc
        j = i + 1
        while j < len(doc) and doc[j].is_space:
            if same_line and "\n" in doc[j].text:
                return None
            if not allow_blank and doc[j].text.count("\n") >= 2:
                return None
            j += 1
        if j >= len(doc):
            return None
        if same_line and "\n" in self.text[doc[i].idx + len(doc[i]):doc[j].idx]:
            return None
        return j

    def prev_ns(self, i: int, same_line: bool = False, allow_blank: bool = False):
        doc = self.doc
        j = i - 1
        while j >= 0 and doc[j].is_space:
            if same_line and "\n" in doc[j].text:
                return None
            if not allow_blank and doc[j].text.count("\n") >= 2:
                return None
            j -= 1
        if j < 0:
            return None
        if same_line and "\n" in self.text[doc[j].idx + len(doc[j]):doc[i].idx]:
            return None
        return j

    # --- name shapes ------------------------------------------------------------
    def is_name_word(self, tok) -> bool:
        t = tok.text
        if not t or not t[0].isupper() or t in self.lex["person_stop"]:
            return False
        if INITIAL_RE.match(t):
            return True
        if not re.match(r"^[A-Z][A-Za-z'’\-]*\.?$", t) or t.endswith(".") and len(t) > 3:
            return False
        return len(t) > 1

    def read_name(self, i: int, same_line: bool = True, max_tokens: int = 5,
                  blocked=("ROLE", "ORG", "DATE", "MONEY")):
        """End (exclusive) of a person name starting at token ``i``, or None.

        A name is 1..max_tokens capitalised words/initials/particles, then an optional
        ``, Jr.``-style suffix. At least one word must not be an initial.
        """
        doc = self.doc
        if i is None or i >= len(doc) or not self.is_name_word(doc[i]) or doc[i].text in NAME_PARTICLES:
            return None
        end, words, full, j = None, 0, 0, i
        while j is not None and words < max_tokens:
            tok = doc[j]
            if self.labels_at(j) & set(blocked):
                break
            if self.is_name_word(tok) or (words and tok.text in NAME_PARTICLES):
                words += 1
                full += 0 if INITIAL_RE.match(tok.text) or tok.text in NAME_PARTICLES else 1
                end = j + 1
            else:
                break
            j = self.next_ns(j, same_line=same_line)
        if end is None or full == 0:
            return None
        if INITIAL_RE.match(doc[end - 1].text) and words > 1:
            # a trailing initial is more likely the end of a sentence ("... Smith J.")
            pass
        # suffix: "Samuel J. Furrow, Jr."
        j = self.next_ns(end - 1, same_line=True)
        if j is not None and doc[j].text == ",":
            k = self.next_ns(j, same_line=True)
            if k is not None and doc[k].text in NAME_SUFFIXES:
                end = k + 1
        elif j is not None and doc[j].text in NAME_SUFFIXES:
            end = j + 1
        return end

    def name_words(self, start: int, end: int) -> list:
        return [t for t in self.doc[start:end] if not t.is_space and t.text not in NAME_SUFFIXES
                and t.text != "," and not INITIAL_RE.match(t.text)]
