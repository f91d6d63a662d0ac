"""Cold start: from process start to the first document's record, shipped model.

Each run is a fresh Python process (`sys.executable`), started by this script, that
imports the package, loads the model and extracts one document (the first of
`examples/sample_filings.jsonl`, written for this project). Reported per run:

    to first record   launch of the process -> the record in hand (the figure; target <= 2 s)
    import            `import sec_events` + the API module (spaCy and the pipeline code)
    load              `sec_events.load()` (spacy.load of the model)
    first             `extract` of the first document
    exit              the process's whole life, as the parent sees it
    cpu               the process's user + system CPU time (whole life): what other work on
                      the machine moves least

Modes: `api` (sec_events.load + extract, the default), `batch` (the batch module's
functions as before the API existed: load_model + extract_records) and `cli`
(`sec-events extract ONE.jsonl -o TMP`, timed by the parent only: launch to exit).

    python benchmarks/cold_start.py                  # api, 3 runs, median
    python benchmarks/cold_start.py --mode cli --runs 5
    python benchmarks/cold_start.py --mode api --profile /tmp/cold.prof   # + cProfile of one run

By default the children cache compiled modules as an installed package does (in a
folder under the temp directory; one untimed run fills it first); `--no-bytecode`
measures processes that compile every project module from source, as where
PYTHONDONTWRITEBYTECODE=1 is set and no `__pycache__` exists (about 0.15-0.2 s more).
Other work on the machine moves these figures: the load average is printed with them.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "examples" / "sample_filings.jsonl"

# the child: every figure as seconds since the process was launched (T0 from the parent)
CHILD = r"""
import json, sys, time
t0 = float(sys.argv[1]); mode = sys.argv[2]; doc = json.loads(sys.argv[3]); model = sys.argv[4] or None
t_main = time.time()
if mode == "api":
    import sec_events
    sec_events.load
    t_import = time.time()
    ex = sec_events.load(model)
    t_load = time.time()
    record = ex.extract(doc)[0]
else:
    from extractors.batch.extract import ExtractSummary, extract_records, load_model
    t_import = time.time()
    nlp = load_model(model)
    t_load = time.time()
    record = next(extract_records(nlp, [doc], ExtractSummary(output="-")))
t_first = time.time()
assert record["error"] is None and record["spans"], record
print(json.dumps({"python": t_main - t0, "import": t_import - t_main, "load": t_load - t_import,
                  "first": t_first - t_load, "to_first_record": t_first - t0,
                  "spans": len(record["spans"]), "events": len(record["events"])}))
"""


def first_document() -> dict:
    with open(SAMPLE, encoding="utf-8") as fh:
        return json.loads(fh.readline())


def child_env(bytecode: bool) -> dict:
    """The children's environment. With `bytecode`, compiled modules are cached as an
    installed package caches them (in a folder under the temp directory, not in the
    repository, even where PYTHONDONTWRITEBYTECODE is set); without, every module of
    the project is compiled from source in every process."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    if bytecode:
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = str(Path(tempfile.gettempdir()) / "sec_events_cold_start_pycache")
    else:
        env["PYTHONDONTWRITEBYTECODE"] = "1"
        env.pop("PYTHONPYCACHEPREFIX", None)
    return env


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run_once(mode: str, model: str | None, profile: str | None = None, bytecode: bool = True) -> dict:
    """One fresh process; its figures (seconds) with `cpu`: the process's user + system time."""
    cpu = _cpu()
    figures = _run_once(mode, model, profile, bytecode)
    figures["cpu"] = _cpu() - cpu
    return figures


def _run_once(mode: str, model: str | None, profile: str | None, bytecode: bool) -> dict:
    doc = first_document()
    env = child_env(bytecode)
    if mode == "cli":
        with tempfile.TemporaryDirectory() as tmp:
            src = Path(tmp) / "one.jsonl"
            src.write_text(json.dumps(doc) + "\n", encoding="utf-8")
            cmd = [sys.executable, "-m", "sec_events.cli", "extract", str(src), "-o", str(Path(tmp) / "out.jsonl"),
                   "--no-progress", "--no-resume"] + (["--model", model] if model else [])
            t0 = time.time()
            subprocess.run(cmd, env=env, cwd=ROOT, check=True, capture_output=True)
            exit_s = time.time() - t0
            lines = (Path(tmp) / "out.jsonl").read_text(encoding="utf-8").splitlines()
            assert len(lines) == 1 and json.loads(lines[0])["error"] is None
        return {"to_first_record": exit_s, "exit": exit_s}
    with tempfile.TemporaryDirectory() as tmp:
        child = Path(tmp) / "cold_child.py"
        child.write_text(CHILD, encoding="utf-8")
        prefix = ["-m", "cProfile", "-o", profile] if profile else []
        t0 = time.time()
        out = subprocess.run([sys.executable, *prefix, str(child), repr(t0), mode, json.dumps(doc), model or ""],
                             env=env, cwd=ROOT, capture_output=True, text=True)
        exit_s = time.time() - t0
    if out.returncode:
        raise SystemExit(f"the {mode} run failed:\n{out.stderr}")
    figures = json.loads(out.stdout.strip().splitlines()[-1])
    figures["exit"] = exit_s
    return figures


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--mode", choices=["api", "batch", "cli"], default="api")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--model", default=None, help="model folder (default: the shipped model)")
    ap.add_argument("--profile", default=None, help="write a cProfile of one extra run to this file")
    ap.add_argument("--no-bytecode", dest="bytecode", action="store_false",
                    help="no compiled-module cache (PYTHONDONTWRITEBYTECODE=1): every process compiles "
                    "the project's modules from source")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = ap.parse_args(argv)
    if args.mode == "cli" and args.profile:
        ap.error("--profile runs the api or batch mode")

    if args.bytecode:
        run_once(args.mode, args.model)  # untimed: fills the compiled-module cache
    runs = [run_once(args.mode, args.model, bytecode=args.bytecode) for _ in range(args.runs)]
    keys = [k for k in ("to_first_record", "python", "import", "load", "first", "exit", "cpu") if k in runs[0]]
    median = {k: statistics.median(r[k] for r in runs) for k in keys}
    if args.profile:
        run_once(args.mode, args.model, args.profile, args.bytecode)
    if args.json:
        print(json.dumps({"mode": args.mode, "bytecode": args.bytecode, "runs": runs, "median": median}))
        return 0
    print(f"cold start, mode {args.mode}, model {args.model or 'models/sec_events_sm'}, "
          f"{'cached' if args.bytecode else 'no'} bytecode, load average {os.getloadavg()[0]:.2f}")
    print("run  " + "  ".join(f"{k:>15}" for k in keys))
    for i, r in enumerate(runs, 1):
        print(f"{i:<4} " + "  ".join(f"{r[k]:>14.2f}s" for k in keys))
    print("med  " + "  ".join(f"{median[k]:>14.2f}s" for k in keys))
    verdict = "meets" if median["to_first_record"] <= 2.0 else "misses"
    print(f"median to first record {median['to_first_record']:.2f} s ({verdict} the 2 s target)")
    if args.profile:
        print(f"profile of one more run: {args.profile} (python -m pstats {args.profile})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
