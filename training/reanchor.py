"""Re-anchor the gold after a reader change alters a document's text.

A stand-off record points into its source document's text by offsets and keeps the
SHA-256 of the annotated excerpt (`training.corpus`). When the reader changes how it
turns a filing into text (tables kept as rows, whitespace, headings), those offsets
point at the wrong characters and loading the gold fails with `HashMismatch`. This
module moves every offset to the new text:

1. Before changing the reader, `snapshot` the texts of every annotated source
   document (kept outside the repository: it holds filing text).
2. After the change, `reanchor` aligns each document's old text with its new text
   (words first, then characters inside changed stretches), maps every offset
   (excerpt bounds, spans, triggers, arguments, ignore regions) through the
   alignment, and checks each mapped mention: its text must be the old text up to
   whitespace. A mention that fails is searched for by its text near where it was
   and chosen by its context (the words around it). A mention found by neither is
   lost: it is listed, and nothing is written unless `--allow-loss` says so.

    sec-events corpus snapshot /tmp/gold-texts.jsonl     # before the change
    sec-events corpus reanchor /tmp/gold-texts.jsonl     # after it
"""
from __future__ import annotations

import bisect
import json
import re
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from pathlib import Path
from typing import Iterable

from sec_events.documents import read_jsonl
from sec_events.paths import CORPUS_DIR, PROJECT_ROOT
from training.corpus import sha256, sources_of
from training.synthetic import SYNTHETIC_DIR

UNITS = (re.compile(r"[^\n]*\S[^\n]*"), re.compile(r"\S+"))  # lines with a word, then words
CONTEXT = 60  # characters either side of a mention compared when searching for it
WINDOW = 5000  # how far from its mapped place a mention is searched for


def gold_files(corpus_dir: Path = CORPUS_DIR) -> list[Path]:
    """Every stand-off file of the project: the gold corpora and the agreement annotations (not
    the synthetic passages, which hold their own text)."""
    own_text = corpus_dir / SYNTHETIC_DIR.name
    return sorted(p for p in corpus_dir.rglob("*.jsonl") if own_text not in p.parents)


def squeeze(text: str) -> str:
    """A mention's text with whitespace ignored, as its identity across readers."""
    return "".join(text.split())


class Alignment:
    """Maps character offsets of an old text to a new one.

    Lines are aligned first; inside each stretch of lines that differ, the words
    (runs of non-space); inside each stretch of words that differ, the characters. An old offset whose character has no
    counterpart maps to the counterpart of the nearest aligned character before it.
    """

    def __init__(self, old: str, new: str):
        self.old, self.new = old, new
        pairs: list[tuple[int, int]] = []  # (old char, new char) of identical characters, increasing
        self._align(0, len(old), 0, len(new), 0, pairs)
        self.old_at = [a for a, _ in pairs]
        self.new_at = [b for _, b in pairs]

    def _align(self, a0: int, a1: int, b0: int, b1: int, level: int, pairs: list) -> None:
        """Align old[a0:a1] with new[b0:b1]: lines, then words inside differing lines, then characters."""
        if level == len(UNITS):
            chars = SequenceMatcher(None, self.old[a0:a1], self.new[b0:b1], autojunk=False)
            for block in chars.get_matching_blocks():
                pairs.extend((a0 + block.a + k, b0 + block.b + k) for k in range(block.size))
            return
        ou = [(m.start(), m.group()) for m in UNITS[level].finditer(self.old, a0, a1)]
        nu = [(m.start(), m.group()) for m in UNITS[level].finditer(self.new, b0, b1)]
        units = SequenceMatcher(None, [u for _, u in ou], [u for _, u in nu], autojunk=False)
        for op, i1, i2, j1, j2 in units.get_opcodes():
            if op == "equal":
                for (a, u), (b, _) in zip(ou[i1:i2], nu[j1:j2]):
                    pairs.extend((a + k, b + k) for k in range(len(u)) if not u[k].isspace())
            elif i1 < i2 and j1 < j2:
                self._align(ou[i1][0], ou[i2 - 1][0] + len(ou[i2 - 1][1]),
                            nu[j1][0], nu[j2 - 1][0] + len(nu[j2 - 1][1]), level + 1, pairs)

    def start(self, offset: int) -> int:
        """Where a mention starting at old `offset` starts in the new text."""
        k = bisect.bisect_left(self.old_at, offset)
        return self.new_at[k] if k < len(self.old_at) else len(self.new)

    def end(self, offset: int) -> int:
        """Where a mention ending at old `offset` (exclusive) ends in the new text."""
        k = bisect.bisect_left(self.old_at, offset) - 1
        return self.new_at[k] + 1 if k >= 0 else 0


@dataclass
class Outcome:
    """What happened to the mentions of one file."""
    kept: int = 0        # the document's text did not change
    moved: int = 0       # mapped through the alignment, its text checked
    searched: int = 0    # found again by its text and context
    lost: list[str] = field(default_factory=list)
    renamed: dict[str, str] = field(default_factory=dict)  # excerpt ids whose offsets moved


EXCERPT_ID = re.compile(r"^(?P<head>.+):(?P<start>\d+)-(?P<end>\d+)$")


def moved_id(record_id: str, s0: int, e0: int, s1: int, e1: int) -> str:
    """An excerpt's id (`<source>/<source id>:<start>-<end>`) with the offsets it has now;
    ids of another form are kept."""
    m = EXCERPT_ID.match(record_id)
    if not m or (int(m["start"]), int(m["end"])) != (s0, e0):
        return record_id
    return f"{m['head']}:{s1}-{e1}"


def context_fit(old: str, a: int, b: int, new: str, c: int, d: int) -> int:
    """How many non-space characters around new[c:d] are those around old[a:b]."""
    before, after = squeeze(old[max(0, a - CONTEXT):a]), squeeze(old[b:b + CONTEXT])
    left, right = squeeze(new[max(0, c - 2 * CONTEXT):c]), squeeze(new[d:d + 2 * CONTEXT])
    return (sum(x == y for x, y in zip(reversed(before), reversed(left)))
            + sum(x == y for x, y in zip(after, right)))


def _find(old: str, new: str, a: int, b: int, guess: int) -> tuple[int, int] | None:
    """The old mention old[a:b] in the new text, by its words and the words around it."""
    words = old[a:b].split()
    if not words:
        return None
    rx = re.compile(r"\s*".join(re.escape(w) for w in words))
    lo, hi = max(0, guess - WINDOW), min(len(new), guess + WINDOW)

    def fit(m: re.Match) -> tuple[int, int]:
        return context_fit(old, a, b, new, m.start(), m.end()), -abs(m.start() - guess)

    hits = list(rx.finditer(new, lo, hi)) or list(rx.finditer(new))  # near its place, else anywhere
    if not hits:
        return None
    best = max(hits, key=fit)
    return best.start(), best.end()


def reanchor_record(record: dict, old: str, new: str, alignment: Alignment | None, outcome: Outcome) -> dict | None:
    """The stand-off record moved from `old` to `new` (its source document's texts),
    or None when its excerpt cannot be placed. Mentions that cannot be placed are
    counted as lost in `outcome` and left out of the returned record."""
    s0, e0 = record["start"], record["end"]
    excerpt_old = old[s0:e0]
    if sha256(excerpt_old) != record["sha256"]:
        outcome.lost.append(f"{record['id']}: the snapshot's text is not the annotated text (SHA-256 differs)")
        return None
    if old == new:
        outcome.kept += _mentions(record)
        return record
    s1 = alignment.start(s0) if s0 else 0
    e1 = alignment.end(e0) if e0 < len(old) else len(new)
    if not (0 <= s1 < e1 <= len(new)):
        outcome.lost.append(f"{record['id']}: excerpt [{s0}:{e0}] has no place in the new text")
        return None
    out = dict(record, start=s1, end=e1, sha256=sha256(new[s1:e1]), id=moved_id(record["id"], s0, e0, s1, e1))
    if out["id"] != record["id"]:
        outcome.renamed[record["id"]] = out["id"]

    def place(item: dict, what: str) -> dict | None:
        a, b = s0 + item["start"], s0 + item["end"]
        c, d = alignment.start(a), alignment.end(b)
        if (c < d and squeeze(new[c:d]) == squeeze(old[a:b])
                and 2 * context_fit(old, a, b, new, c, d) >= len(squeeze(old[max(0, a - CONTEXT):b + CONTEXT]))
                - len(squeeze(old[a:b]))):
            outcome.moved += 1  # its text, and at least half of the text around it
        else:
            found = _find(old, new, a, b, c)
            if not found:
                outcome.lost.append(f"{record['id']}: {what} {old[a:b]!r} at {item['start']}")
                return None
            c, d = found
            outcome.searched += 1
        if not (s1 <= c < d <= e1):
            outcome.lost.append(f"{record['id']}: {what} {old[a:b]!r} falls outside the excerpt")
            return None
        return dict(item, start=c - s1, end=d - s1)

    spans = [place(s, s["label"]) for s in record.get("spans", [])]
    out["spans"] = [s for s in spans if s]
    events = []
    for e in record.get("events", []):
        trigger = place(e["trigger"], f"{e['type']} trigger")
        if not trigger:
            continue  # the trigger is counted as lost; its arguments go with it
        args = [place(x, f"{e['type']} {x['role']}") for x in e.get("args", [])]
        events.append(dict(e, trigger=trigger, args=[x for x in args if x]))
    out["events"] = events
    if record.get("ignore"):
        out["ignore"] = [r for r in (place(r, "ignore region") for r in record["ignore"]) if r]
    return out


def _mentions(record: dict) -> int:
    return (len(record.get("spans", [])) + len(record.get("ignore", []))
            + sum(1 + len(e.get("args", [])) for e in record.get("events", [])))


def snapshot(path: Path, files: Iterable[Path] | None = None, shared: Path | None = None) -> int:
    """Write the current text of every source document the gold points into."""
    if path.resolve().is_relative_to(PROJECT_ROOT):
        raise ValueError(f"{path}: the snapshot holds filing text; write it outside the repository")
    standoffs = [s for f in (files or gold_files()) for s in read_jsonl(f)]
    docs = sources_of(standoffs, shared)
    with open(path, "w", encoding="utf-8") as out:
        for (source, i), d in sorted(docs.items()):
            out.write(json.dumps({"source": source, "id": i, "text": d["text"]}, ensure_ascii=False) + "\n")
    return len(docs)


def reanchor(snapshot_path: Path, files: Iterable[Path] | None = None, shared: Path | None = None,
             allow_loss: bool = False) -> dict[Path, Outcome]:
    """Move every gold file's offsets from the snapshot's texts to the current reader's;
    files are rewritten only when nothing is lost (or `allow_loss`)."""
    old = {(d["source"], d["id"]): d["text"] for d in read_jsonl(snapshot_path)}
    files = list(files or gold_files())
    standoffs = {f: list(read_jsonl(f)) for f in files}
    new = {k: d["text"] for k, d in sources_of([s for v in standoffs.values() for s in v], shared).items()}
    alignments: dict[tuple[str, str], Alignment] = {}
    outcomes, results = {}, {}
    for f, records in standoffs.items():
        outcome, moved = Outcome(), []
        for r in records:
            key = (r.get("source", "lee8k"), r["source_id"])
            if key not in old:
                outcome.lost.append(f"{r['id']}: not in the snapshot {snapshot_path}")
                continue
            if key not in alignments and old[key] != new[key]:
                alignments[key] = Alignment(old[key], new[key])
            placed = reanchor_record(r, old[key], new[key], alignments.get(key), outcome)
            if placed:
                moved.append(placed)
        outcomes[f], results[f] = outcome, moved
    if allow_loss or not any(o.lost for o in outcomes.values()):
        for f, records in results.items():
            if records != standoffs[f]:
                f.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
        renamed = {a: b for o in outcomes.values() for a, b in o.renamed.items()}
        for manifest in sorted({f.parent / "manifest.json" for f in files}):
            rename_in_manifest(manifest, renamed)
    return outcomes


def rename_in_manifest(path: Path, renamed: dict[str, str]) -> bool:
    """Rename the excerpt ids a split manifest lists (any string value equal to an old id);
    True when the file changed."""
    if not renamed or not path.exists():
        return False
    data = json.loads(path.read_text(encoding="utf-8"))

    def walk(x):
        if isinstance(x, str):
            return renamed.get(x, x)
        if isinstance(x, list):
            return [walk(v) for v in x]
        if isinstance(x, dict):
            return {k: walk(v) for k, v in x.items()}
        return x
    new = walk(data)
    if new == data:
        return False
    second = (path.read_text(encoding="utf-8").splitlines() or [""])[1:2]
    indent = len(second[0]) - len(second[0].lstrip(" ")) if second else 1  # the file's own layout
    path.write_text(json.dumps(new, indent=indent or 1, ensure_ascii=False) + "\n", encoding="utf-8")
    return True
