"""Choosing the lee8k documents and excerpts that make up the gold corpus.

A document over the size limit is annotated on one contiguous excerpt of whole lines,
stored as its own document: id ``<source id>:<start>-<end>``, with the start offset in
the source and the SHA-256 of the excerpt text. The window is the one with the most
event cues for the category that put the document in the sample, so annotation time
goes to text that carries events rather than to boilerplate.
"""
from __future__ import annotations

import hashlib
import random
import re
from collections import defaultdict

MAX_WHOLE_WORDS = 900
WINDOW_WORDS = 700

# 8-K item titles (current and pre-August-2004 wording, as lee8k declares them) -> category
ITEM_CATEGORY = [
    (re.compile(r"results of operations", re.I), "results"),
    (re.compile(r"departure of directors", re.I), "exec"),
    (re.compile(r"submission of matters to a vote", re.I), "vote"),
    (re.compile(r"completion of acquisition|acquisition or disposition", re.I), "acq"),
    (re.compile(r"direct financial obligation|unregistered sales", re.I), "financing"),
    (re.compile(r"material definitive agreement", re.I), "agreement"),
    (re.compile(r"regulation fd", re.I), "regfd"),
    (re.compile(r"other events", re.I), "other"),
]
# scarce categories first, so documents declaring several items count where they are rare
QUOTA = {"vote": 15, "acq": 10, "financing": 15, "exec": 30, "agreement": 24, "results": 38,
         "other": 32, "regfd": 6}
CUES = {
    "results": r"\$\s?[\d.,]+\s*(?:million|billion)?|per (?:diluted )?share|revenues?|net (?:income|loss)|earnings",
    "exec": r"appoint|resign|elect|retire|named|successor|chief|officer|director",
    "vote": r"\bvotes?\b|\bfor\b|against|abstain|non-votes|elected|approved|ratif",
    "acq": r"acqui|complet|sale|sold|purchase|merger|\$\s?[\d.,]+",
    "financing": r"notes?\b|credit|borrow|facility|offering|loan|\$\s?[\d.,]+|interest",
    "agreement": r"agreement|\bparties\b|entered|amend|\$\s?[\d.,]+",
    "regfd": r"\$\s?[\d.,]+|revenues?|outlook|guidance",
    "other": r"dividend|repurchase|acqui|lawsuit|court|agreement|\$\s?[\d.,]+|announce",
}


def category(items: list[str]) -> str | None:
    for pattern, cat in ITEM_CATEGORY:
        if any(pattern.search(it) for it in items):
            return cat
    return None


def sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def best_window(text: str, cat: str, words: int = WINDOW_WORDS) -> tuple[int, int]:
    """Offsets of the run of whole lines (about `words` words) richest in `cat` cues."""
    if len(text.split()) <= MAX_WHOLE_WORDS:
        return 0, len(text)
    lines = [(m.start(), m.end()) for m in re.finditer(r"[^\n]*\n?", text) if m.end() > m.start()]
    counts = [len(text[s:e].split()) for s, e in lines]
    cue = re.compile(CUES[cat], re.I)
    hits = [len(cue.findall(text[s:e])) for s, e in lines]
    best, best_score = (0, len(text)), -1.0
    j, total_words, total_hits = 0, 0, 0
    for i in range(len(lines)):
        while j < len(lines) and total_words + counts[j] <= words:
            total_words += counts[j]
            total_hits += hits[j]
            j += 1
        if j == i:  # a single line longer than the window: take it alone
            j, total_words, total_hits = i + 1, counts[i], hits[i]
        score = total_hits / max(total_words, 1) + (0.02 if i == 0 else 0.0)
        if score > best_score and total_words >= min(words // 2, sum(counts)):
            best, best_score = (lines[i][0], lines[j - 1][1]), score
        total_words -= counts[i]
        total_hits -= hits[i]
    start, end = best
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def select(documents: list[dict], seed: int = 13, test_company: str = "GOOG") -> list[dict]:
    """Pick documents by item category quota, spread over companies and years."""
    rng = random.Random(seed)
    pools: dict[str, list[dict]] = defaultdict(list)
    for doc in documents:
        cat = category(doc["meta"].get("items", []))
        if cat:
            pools[cat].append(doc)
    chosen, seen = [], set()
    for cat, quota in QUOTA.items():
        pool = [d for d in pools[cat] if d["id"] not in seen]
        rng.shuffle(pool)
        # round-robin over (company, year) so every company and year is represented
        buckets: dict[tuple, list[dict]] = defaultdict(list)
        for d in pool:
            buckets[(d["meta"]["ticker"], d["meta"]["accepted"][:4])].append(d)
        keys = sorted(buckets, key=lambda k: (rng.random(), k))
        taken = 0
        while taken < quota and any(buckets.values()):
            for key in keys:
                if buckets[key] and taken < quota:
                    d = buckets[key].pop()
                    seen.add(d["id"])
                    chosen.append((cat, d))
                    taken += 1
    excerpts = []
    for cat, d in chosen:
        start, end = best_window(d["text"], cat)
        text = d["text"][start:end]
        whole = start == 0 and end == len(d["text"])
        excerpts.append({
            "id": d["id"] if whole else f"{d['id']}:{start}-{end}",
            "source_id": d["id"], "start": start, "end": end, "sha256": sha256(text),
            "category": cat, "company": d["meta"]["ticker"], "accepted": d["meta"]["accepted"],
            "items": d["meta"].get("items", []), "words": len(text.split()),
        })
    return excerpts
