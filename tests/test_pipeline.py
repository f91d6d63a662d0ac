"""The shipped models are built from one config and one pattern source, and spaCy finds
every component of the package through its entry points."""
from __future__ import annotations

import ast
import filecmp
import importlib.metadata
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
import spacy

from extractors.pipeline import CONFIG_PATH, assemble, load_config, rules_pipeline, sourced_components

PROJECT = Path(__file__).resolve().parents[1]
PATTERNS = PROJECT / "extractors" / "components" / "rules" / "patterns"
SHIPPED = PROJECT / "models" / "sec_events_sm"
RULES_ONLY = PROJECT / "models" / "rules_only"
# decorator -> entry-point group
REGISTRIES = {"factory": "spacy_factories", "misc": "spacy_misc", "tokenizers": "spacy_tokenizers"}


def registered_in_source() -> dict[str, dict[str, str]]:
    """Every name the package registers with spaCy (`@Language.factory(...)`,
    `@spacy.registry.misc(...)`, `@spacy.registry.tokenizers(...)`), read from the
    source: group -> name -> "module:function"."""
    found: dict[str, dict[str, str]] = {group: {} for group in REGISTRIES.values()}
    for path in (PROJECT / "extractors").rglob("*.py"):
        module = ".".join(path.relative_to(PROJECT).with_suffix("").parts)
        tree = ast.parse(path.read_text(encoding="utf-8"))
        constants = {t.id: node.value.value for node in tree.body if isinstance(node, ast.Assign)
                     and isinstance(node.value, ast.Constant) for t in node.targets if isinstance(t, ast.Name)}
        for node in ast.walk(tree):
            if not isinstance(node, ast.FunctionDef):
                continue
            for deco in node.decorator_list:
                if isinstance(deco, ast.Call) and isinstance(deco.func, ast.Attribute) \
                        and deco.func.attr in REGISTRIES and deco.args:
                    arg = deco.args[0]
                    name = arg.value if isinstance(arg, ast.Constant) else constants.get(getattr(arg, "id", None))
                    assert name, f"{module}:{node.name}: registered under a name this test cannot read"
                    found[REGISTRIES[deco.func.attr]][name] = f"{module}:{node.name}"
    return found


def test_every_registered_function_has_its_entry_point():
    registered = registered_in_source()
    assert registered["spacy_factories"], "no factories found: the scan is broken"
    declared = tomllib.loads((PROJECT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["entry-points"]
    for group, names in registered.items():
        assert declared.get(group, {}) == names, group
        installed = {e.name: e.value for e in importlib.metadata.entry_points(group=group)
                     if e.value.startswith("extractors.")}
        assert installed == names, f"{group}: reinstall the package (pip install -e .)"


def test_rule_patterns_have_one_source():
    """The shipped models hold copies of extractors/components/rules/patterns, made when
    they were built (python -m extractors.pipeline): the copies must equal the source."""
    for model in (SHIPPED, RULES_ONLY):
        copy = model / "sec_rules" / "patterns"
        source_files = sorted(p.name for p in PATTERNS.iterdir() if p.is_file())
        assert sorted(p.name for p in copy.iterdir()) == source_files, model
        match, mismatch, errors = filecmp.cmpfiles(PATTERNS, copy, source_files, shallow=False)
        assert not mismatch and not errors, f"{model}: rebuild it (python -m extractors.pipeline ...)"


def test_shipped_models_are_the_config_assembled(tmp_path):
    """Assembling extractors/pipeline.cfg around the shipped weights gives the shipped
    config; the rules-only model is the same config without trained parts."""
    assemble(SHIPPED).to_disk(tmp_path / "sm")
    from extractors.pipeline import forget_paths

    forget_paths(tmp_path / "sm")
    assert (tmp_path / "sm" / "config.cfg").read_text() == (SHIPPED / "config.cfg").read_text()
    rules_pipeline().to_disk(tmp_path / "rules")
    assert (tmp_path / "rules" / "config.cfg").read_text() == (RULES_ONLY / "config.cfg").read_text()
    config = load_config()
    assert sourced_components(config) == ["tok2vec", "span_finder", "spancat", "triggers"]
    assert spacy.load(RULES_ONLY).pipe_names == [n for n in config["nlp"]["pipeline"]
                                                  if n not in sourced_components(config)]


def test_spacy_assemble_reads_the_config(tmp_path):
    """`spacy assemble` itself builds the shipped pipeline from the config, and it
    extracts what the shipped model extracts."""
    out = tmp_path / "assembled"
    subprocess.run([sys.executable, "-m", "spacy", "assemble", str(CONFIG_PATH), str(out),
                    "--paths.trained", str(SHIPPED), "--paths.linker", str(SHIPPED),
                    "--initialize.vectors", str(SHIPPED)],
                   check=True, capture_output=True, cwd=tmp_path)
    text = ("On May 2, 2022, Quillfeather Robotics, Inc. appointed Ada Byron as Chief Financial Officer. "
            "Quillfeather also agreed to acquire Brindle Systems Corp. for $12.5 million.")
    shipped, assembled = spacy.load(SHIPPED)(text), spacy.load(out)(text)
    assert [(e.text, e.label_) for e in assembled.ents] == [(e.text, e.label_) for e in shipped.ents]
    assert assembled._.events == shipped._.events and shipped._.events


def test_missing_linker_weights_are_an_error(tmp_path):
    with pytest.raises(FileNotFoundError, match="linker.skops"):
        assemble(SHIPPED, linker=tmp_path)


def test_assembly_keeps_the_static_vectors_of_the_trained_model(tmp_path):
    """A span classifier trained with `--vectors` reads them in its tok2vec: the assembled
    pipeline must hold the same vectors (sourcing a component alone drops them)."""
    import numpy
    import spacy
    from spacy.vectors import Vectors

    from extractors.pipeline import has_vectors

    trained = spacy.load(SHIPPED)
    data = numpy.random.default_rng(0).random((50, 8), dtype="float32")
    trained.vocab.vectors = Vectors(data=data, mode="floret", hash_count=2, minn=3, maxn=5, strings=trained.vocab.strings)
    trained.to_disk(tmp_path / "trained")
    assert has_vectors(tmp_path / "trained") and not has_vectors(RULES_ONLY)
    nlp = assemble(tmp_path / "trained", SHIPPED)
    assert nlp.vocab.vectors.shape == (50, 8) and nlp.vocab.vectors.mode == "floret"
    assert numpy.allclose(nlp.vocab["filing"].vector, trained.vocab["filing"].vector)
