"""End-to-end extraction throughput: words/s, documents/s and peak memory.

    python benchmarks/throughput.py [--limit N] [--processes 1,2] [--model DIR]

Runs `extractors.batch.extract.run_extract` (read JSONL -> pipeline -> records -> JSONL
writer, worker start-up and model loading included) over the first N documents of
``<shared>/corpus/lee8k.jsonl`` (all 575, 3.4 M words, by default) once per process
count, each in a fresh Python process so that memory figures are not mixed up, and,
in the same run, ``spacy.blank("en")`` tokenisation of the same texts (the floor) and
the model's own tokenizer alone. Words are whitespace-separated words
(``len(text.split())``).

Peak RSS: the run process's peak (``ru_maxrss`` of itself) and the largest peak of
its worker processes (``ru_maxrss`` of its waited-for children), cross-checked with
a psutil sampler (every 0.2 s) over the whole process tree, which also gives the
peak of the tree's total. CPU s is user + system time of the run and its workers:
words per CPU-second does not depend on other load on the machine, wall-clock
figures do (the load average is printed with the table).

Targets (issue 7): >= 10,000 words/s per process end to end; 2 processes >= 1.7x
one; peak RSS <= 1 GB per process. ``--json FILE`` saves the figures.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import threading
import time
from itertools import islice
from pathlib import Path

TARGET_WPS = 10_000
TARGET_SPEEDUP = 1.7
TARGET_RSS_MB = 1024


def _mb_maxrss(value_kb: int) -> float:
    return value_kb / 1024 if sys.platform != "darwin" else value_kb / 2**20


class TreeSampler:
    """Peak RSS per process and of the total over this process and its descendants."""

    def __init__(self, every: float = 0.2):
        import psutil

        self.proc = psutil.Process()
        self.every = every
        self.peak: dict[int, float] = {}
        self.peak_total = 0.0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self):
        import psutil

        while not self._stop.is_set():
            total = 0.0
            try:
                procs = [self.proc] + self.proc.children(recursive=True)
            except psutil.Error:
                procs = [self.proc]
            for p in procs:
                try:
                    rss = p.memory_info().rss / 2**20
                except psutil.Error:
                    continue
                total += rss
                self.peak[p.pid] = max(self.peak.get(p.pid, 0.0), rss)
            self.peak_total = max(self.peak_total, total)
            self._stop.wait(self.every)

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join()


# --------------------------------------------------------------------------- children
def child_extract(args) -> dict:
    from extractors.batch.extract import run_extract

    with tempfile.TemporaryDirectory() as tmp, TreeSampler() as sampler:
        summary = run_extract([Path(args.input)], Path(tmp) / "out.jsonl", model=args.model,
                              processes=args.processes, batch_size=args.batch_size, resume=False,
                              progress=args.progress)
    me = os.getpid()
    workers = [v for pid, v in sampler.peak.items() if pid != me]
    return {"name": f"extract, {args.processes} process{'es' if args.processes > 1 else ''}",
            "processes": args.processes, "documents": summary.documents, "errors": summary.errors,
            "words": summary.words, "seconds": summary.seconds,
            "rss_main_mb": _mb_maxrss(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss),
            "rss_worker_mb": (_mb_maxrss(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
                              if args.processes > 1 else None),
            "rss_worker_sampled_mb": max(workers) if workers else None,
            "rss_total_sampled_mb": sampler.peak_total, "cpu_seconds": _cpu_seconds()}


def _cpu_seconds() -> float:
    """User + system CPU time of this process and its (finished) worker processes."""
    total = 0.0
    for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN):
        ru = resource.getrusage(who)
        total += ru.ru_utime + ru.ru_stime
    return total


def child_tokenize(args) -> dict:
    import spacy

    texts = [json.loads(line)["text"] for line in open(args.input, encoding="utf-8")]
    words = sum(len(t.split()) for t in texts)
    if args.mode == "blank":
        nlp = spacy.blank("en")
        name = 'spacy.blank("en") tokenizer (floor)'
    else:
        from extractors.batch.extract import load_model

        nlp = load_model(args.model)
        name = "model tokenizer only"
    nlp.max_length = 10**8
    start = time.perf_counter()
    n_tokens = 0
    for doc in nlp.tokenizer.pipe(texts, batch_size=args.batch_size):
        n_tokens += len(doc)
    seconds = time.perf_counter() - start
    return {"name": name, "processes": 1, "documents": len(texts), "errors": 0, "words": words,
            "tokens": n_tokens, "seconds": seconds,
            "rss_main_mb": _mb_maxrss(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss),
            "rss_worker_mb": None, "rss_worker_sampled_mb": None, "rss_total_sampled_mb": None,
            "cpu_seconds": None}


# --------------------------------------------------------------------------- driver
def run_child(extra: list[str]) -> dict:
    cmd = [sys.executable, __file__, "--child", *extra]
    proc = subprocess.run(cmd, stdout=subprocess.PIPE, text=True)
    if proc.returncode != 0:
        raise SystemExit(f"benchmark child failed: {' '.join(cmd)}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def fmt_mb(v) -> str:
    return "-" if v is None else f"{v:,.0f}"


def print_table(rows: list[dict], limit_desc: str) -> None:
    base = next((r for r in rows if r["name"].startswith("extract") and r["processes"] == 1), None)
    header = ("run", "docs", "words", "seconds", "words/s", "docs/s", "words/s/proc", "speedup",
              "CPU s", "words/CPU-s", "RSS main MB", "RSS worker MB", "RSS tree MB")
    lines = []
    for r in rows:
        wps = r["words"] / r["seconds"] if r["seconds"] else 0.0
        dps = r["documents"] / r["seconds"] if r["seconds"] else 0.0
        speed = "-"
        if base and r["name"].startswith("extract"):
            speed = f"{wps / (base['words'] / base['seconds']):.2f}x"
        worker = r["rss_worker_mb"] if r["rss_worker_mb"] is not None else r["rss_worker_sampled_mb"]
        cpu = r.get("cpu_seconds")
        lines.append((r["name"], f"{r['documents']:,}", f"{r['words']:,}", f"{r['seconds']:.1f}",
                      f"{wps:,.0f}", f"{dps:,.2f}", f"{wps / r['processes']:,.0f}", speed,
                      "-" if cpu is None else f"{cpu:.1f}", "-" if not cpu else f"{r['words'] / cpu:,.0f}",
                      fmt_mb(r["rss_main_mb"]), fmt_mb(worker), fmt_mb(r["rss_total_sampled_mb"])))
    widths = [max(len(str(x)) for x in col) for col in zip(header, *lines)]
    print(f"\nthroughput over {limit_desc}")
    print("  ".join(h.ljust(w) if i == 0 else h.rjust(w) for i, (h, w) in enumerate(zip(header, widths))))
    for line in lines:
        print("  ".join(x.ljust(w) if i == 0 else x.rjust(w) for i, (x, w) in enumerate(zip(line, widths))))
    try:
        print(f"load average at the end: {', '.join(f'{x:.2f}' for x in os.getloadavg())} "
              f"on {os.cpu_count()} CPUs (other work on the machine slows the runs down)")
    except OSError:
        pass
    print(f"targets: >= {TARGET_WPS:,} words/s per process; 2 processes >= {TARGET_SPEEDUP}x one; "
          f"peak RSS <= {TARGET_RSS_MB} MB per process")


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=None, help="first N documents only")
    ap.add_argument("--processes", default="1,2", help="process counts to run (comma-separated)")
    ap.add_argument("--model", default=None, help="model directory (default: the shipped model)")
    ap.add_argument("--corpus", default=None, help="documents JSONL (default <shared>/corpus/lee8k.jsonl)")
    ap.add_argument("--batch-size", type=int, default=32)
    ap.add_argument("--progress", action="store_true", help="show extraction progress")
    ap.add_argument("--json", default=None, help="also write the figures to this file")
    # internal: one measurement in a fresh process
    ap.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--mode", default="extract", help=argparse.SUPPRESS)
    ap.add_argument("--input", default=None, help=argparse.SUPPRESS)
    ap.add_argument("--n", type=int, default=1, dest="n_processes", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)

    if args.child:
        args.processes = args.n_processes
        result = child_extract(args) if args.mode == "extract" else child_tokenize(args)
        print(json.dumps(result))
        return

    from extractors.batch.extract import resolve_model
    from sec_events.paths import shared_dir

    corpus = Path(args.corpus) if args.corpus else shared_dir() / "corpus" / "lee8k.jsonl"
    model = str(resolve_model(args.model))
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "input.jsonl"
        with open(corpus, encoding="utf-8") as src, open(data, "w", encoding="utf-8") as dst:
            for line in islice(src, args.limit):
                dst.write(line)
        common = ["--input", str(data), "--model", model, "--batch-size", str(args.batch_size)]
        rows = [run_child(common + ["--mode", "blank"]), run_child(common + ["--mode", "tokenizer"])]
        for n in [int(x) for x in args.processes.split(",") if x.strip()]:
            print(f"running extract with {n} process(es)...", file=sys.stderr, flush=True)
            rows.append(run_child(common + ["--mode", "extract", "--n", str(n)]
                                  + (["--progress"] if args.progress else [])))
    desc = (f"the first {args.limit} documents of {corpus}" if args.limit else f"{corpus}")
    print(f"model: {model}")
    print_table(rows, desc)
    if args.json:
        Path(args.json).write_text(json.dumps({"model": model, "corpus": str(corpus), "limit": args.limit,
                                               "rows": rows}, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
