"""Build pipelines from the one config of the shipped pipeline (`extractors/pipeline.cfg`).

    python -m extractors.pipeline --trained models/sec_events_sm -o models/sec_events_sm
    python -m extractors.pipeline --rules-only -o models/rules_only

`assemble` does what `spacy assemble` does with that config (the span classifier
sourced from a trained model, the linker's weights read at initialisation) and keeps
the trained model's meta; `rules_pipeline` is the same pipeline without the sourced
components and without linker weights (entity rules, merge, aliases, rule triggers,
text roles). No pipeline order is written in Python: both read it from the config.
The rule patterns come from `extractors/components/rules/patterns`, the one source the
saved models copy (tests/test_pipeline.py checks the shipped copies).
"""
from __future__ import annotations

import argparse
import json
import shutil
from pathlib import Path

import spacy
from spacy.language import Language

CONFIG_PATH = Path(__file__).resolve().parent / "pipeline.cfg"
PROJECT_META = {"version": "0.1.0", "author": "sec-events", "license": "MIT"}
RULES_ONLY_META = {
    "name": "sec_events_rules",
    "description": "sec-events without trained weights: filing tokenizer, sentence rules, entity rules, the "
                   "merge and name aliases, rule triggers and text roles (extractors/pipeline.cfg without "
                   "the span classifier and the linker's weights).",
}


def load_config(config_path: str | Path | None = None, **paths):
    """The pipeline config with `paths` (trained=..., linker=...) filled in."""
    overrides = {f"paths.{k}": str(v) if v is not None else None for k, v in paths.items()}
    return spacy.util.load_config(config_path or CONFIG_PATH, overrides=overrides, interpolate=False)


def sourced_components(config) -> list[str]:
    """The components a config sources from a trained model."""
    return [name for name in config["nlp"]["pipeline"] if "source" in config["components"].get(name, {})]


def _initialized(config, exclude: list[str]) -> Language:
    """`spacy assemble`'s steps: build from the config, then initialise the components
    that are not sourced."""
    nlp = spacy.util.load_model_from_config(config, auto_fill=True, validate=True, exclude=exclude)
    sourced = [n for n in sourced_components(config) if n in nlp.pipe_names]
    nlp._link_components()
    with nlp.select_pipes(disable=sourced):
        nlp.initialize()
    return nlp


def rules_pipeline(config_path: str | Path | None = None) -> Language:
    """The pipeline without its trained parts (see the module docstring)."""
    config = load_config(config_path)
    nlp = _initialized(config, exclude=sourced_components(config))
    nlp.meta.update({**PROJECT_META, **RULES_ONLY_META})
    return nlp


def has_vectors(model: Path) -> bool:
    """Whether a saved model holds static vectors (floret, or a table of real size)."""
    vocab = Path(model) / "vocab"
    if not (vocab / "vectors.cfg").is_file():
        return False
    mode = json.loads((vocab / "vectors.cfg").read_text(encoding="utf-8")).get("mode")
    return mode == "floret" or (vocab / "vectors").stat().st_size > 1024


def assemble(trained: str | Path, linker: str | Path | None = None, config_path: str | Path | None = None,
             meta: dict | None = None) -> Language:
    """The shipped pipeline with the span classifier of the model at `trained` and the
    linker weights at `linker` (default: the same model). Sourced components the
    trained model lacks (a span classifier trained without span_finder) are left out.
    `meta` (default: the trained model's) is kept in the result."""
    trained = Path(trained)
    config = load_config(config_path, trained=trained, linker=linker or trained)
    have = set(spacy.util.load_config(trained / "config.cfg")["nlp"]["pipeline"])
    missing = [n for n in sourced_components(config) if n not in have]
    if has_vectors(trained):
        # static vectors the span classifier's tok2vec reads (`train --vectors`): sourcing a
        # component does not bring its vectors along; initialising from the model does
        config["initialize"]["vectors"] = str(trained)
    nlp = _initialized(config, exclude=missing)
    if meta is None:
        meta = json.loads((trained / "meta.json").read_text(encoding="utf-8"))
    nlp.meta.update({k: v for k, v in meta.items() if k not in ("lang", "pipeline", "components", "disabled",
                                                                 "labels", "vectors", "spacy_version")})
    record = dict(nlp.meta.get("sec_events") or {})
    record["pipeline_config"] = Path(config_path or CONFIG_PATH).read_text(encoding="utf-8")
    nlp.meta["sec_events"] = record
    return nlp


def forget_paths(model: Path) -> None:
    """Null the build-time `paths` in a saved model's config: the model holds what they
    pointed at, and another machine has no such paths."""
    config = spacy.util.load_config(model / "config.cfg", interpolate=False)
    for key in ("trained", "linker"):
        if key in config["paths"]:
            config["paths"][key] = None
    vectors = config["initialize"].get("vectors")
    if isinstance(vectors, str) and not vectors.startswith("${"):
        config["initialize"]["vectors"] = None  # the model holds its vectors (set by assemble)
    config.to_disk(model / "config.cfg")


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-o", "--output", required=True, help="model directory to write")
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--trained", help="model holding the trained span classifier (and linker weights)")
    group.add_argument("--rules-only", action="store_true", help="the pipeline without trained parts")
    parser.add_argument("--linker", default=None, help="model or folder holding linker.skops (default: --trained)")
    parser.add_argument("--config", default=None, help="pipeline config (default extractors/pipeline.cfg)")
    args = parser.parse_args(argv)
    if args.rules_only:
        nlp = rules_pipeline(args.config)
    else:
        nlp = assemble(args.trained, args.linker, args.config)
    output = Path(args.output)
    staging = output.with_name(output.name + ".new")
    if staging.exists():
        shutil.rmtree(staging)
    nlp.to_disk(staging)  # the trained model may be the output itself: replace it only when done
    forget_paths(staging)
    if output.exists():
        shutil.rmtree(output)
    staging.rename(output)
    print(f"saved {output}: {', '.join(nlp.pipe_names)}")


if __name__ == "__main__":
    main()
