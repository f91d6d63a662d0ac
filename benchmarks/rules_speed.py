"""Rules-only throughput: words/s of the rule pipeline on the first N lee8k documents.

    /work/venv/bin/python benchmarks/rules_speed.py [--limit 30] [--model DIR] [--repeat 3]
                                                    [--profile] [--by-component]

Words are whitespace-separated words (``len(text.split())``). The pipeline is built
from ``extractors/pipeline.cfg`` (its rules pipeline) unless ``--model`` names a saved one. Each pass runs
``nlp.pipe`` over the texts; the best of ``--repeat`` passes is reported (a warm-up
pass runs first). ``--by-component`` also times the tokenizer and every component
alone; ``--profile`` prints the top cProfile entries of one pass.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from itertools import islice
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sec_events.paths import shared_dir  # noqa: E402


def load_texts(limit: int) -> list[str]:
    with open(shared_dir() / "corpus" / "lee8k.jsonl", encoding="utf8") as fh:
        return [json.loads(line)["text"] for line in islice(fh, limit)]


def one_pass(nlp, texts) -> float:
    start = time.perf_counter()
    for _ in nlp.pipe(texts):
        pass
    return time.perf_counter() - start


def main(argv=None) -> float:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=30, help="first N lee8k documents (default 30)")
    ap.add_argument("--model", default=None, help="saved pipeline (default: build from config)")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--profile", action="store_true")
    ap.add_argument("--by-component", action="store_true")
    args = ap.parse_args(argv)

    if args.model:
        import spacy
        nlp = spacy.load(args.model)
    else:
        from extractors.pipeline import rules_pipeline
        nlp = rules_pipeline()
    texts = load_texts(args.limit)
    words = sum(len(t.split()) for t in texts)
    one_pass(nlp, texts[:5])  # warm-up
    best = min(one_pass(nlp, texts) for _ in range(max(1, args.repeat)))
    wps = words / best
    print(f"{len(texts)} docs, {words} words, best of {args.repeat}: {best:.2f} s -> "
          f"{wps:,.0f} words/s")
    if args.by_component:
        start = time.perf_counter()
        docs = [nlp.make_doc(t) for t in texts]
        print(f"  tokenizer: {time.perf_counter() - start:.2f} s")
        for name, proc in nlp.pipeline:
            start = time.perf_counter()
            docs = [proc(d) for d in docs]
            print(f"  {name}: {time.perf_counter() - start:.2f} s")
    if args.profile:
        import cProfile
        import pstats

        prof = cProfile.Profile()
        prof.enable()
        one_pass(nlp, texts)
        prof.disable()
        pstats.Stats(prof).sort_stats("cumulative").print_stats(40)
        pstats.Stats(prof).sort_stats("tottime").print_stats(30)
    return wps


if __name__ == "__main__":
    main()
