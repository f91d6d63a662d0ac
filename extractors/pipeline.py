"""Assemble the rule pipeline from ``extractors/config.cfg`` and save it as a model.

    python -m extractors.pipeline --output /work/main/models/sec_events_sm

saves a pipeline that ``spacy.load`` can read in a fresh process (the components and
the tokenizer are found through the package's ``spacy_factories`` /
``spacy_tokenizers`` / ``spacy_misc`` entry points).
"""
from __future__ import annotations

import argparse
from pathlib import Path

import spacy
from spacy.language import Language

# importing registers the tokenizer, the factories and the rule functions
from .components import sentences as _sentences  # noqa: F401
from .components import tokenizer as _tokenizer  # noqa: F401
from .components.rules import component as _component  # noqa: F401

CONFIG_PATH = Path(__file__).resolve().parent / "config.cfg"
META = {
    "name": "sec_events_sm",
    "version": "0.1.0",
    "description": "SEC filing entity rules (PERSON, ORG, ROLE, MONEY, SHARES, PERCENT, DATE) "
                   "on blank English with a filing tokenizer and sentence rules; no trained "
                   "weights. Default model until a trained pipeline replaces it.",
    "author": "sec-events",
    "license": "MIT",
    "labels": {"sec_rules": ["DATE", "MONEY", "ORG", "PERCENT", "PERSON", "ROLE", "SHARES"]},
}


def build_pipeline(config_path: str | Path | None = None) -> Language:
    """A ready pipeline built from ``config.cfg`` (or the given config file)."""
    config = spacy.util.load_config(config_path or CONFIG_PATH)
    nlp = spacy.util.load_model_from_config(config, auto_fill=True, validate=True)
    nlp.meta.update({k: v for k, v in META.items() if k not in ("lang",)})
    nlp.initialize()
    return nlp


def save_pipeline(output: str | Path, config_path: str | Path | None = None) -> Path:
    nlp = build_pipeline(config_path)
    output = Path(output)
    nlp.to_disk(output)
    return output


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", required=True, help="model directory to write")
    parser.add_argument("--config", default=None, help="config file (default extractors/config.cfg)")
    args = parser.parse_args(argv)
    out = save_pipeline(args.output, args.config)
    print(f"saved {out}")


if __name__ == "__main__":
    main()
