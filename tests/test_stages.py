"""The data flow is visible in the imports: read -> Doc contract and schema -> components
in pipeline order -> batch I/O -> training; a later stage is never imported by an
earlier one, so no import loop joins two stages."""
from __future__ import annotations

import ast
from pathlib import Path

from extractors.pipeline import load_config

PROJECT = Path(__file__).resolve().parents[1]
# the component modules of extractors/components, by the pipeline component they make
COMPONENT_MODULES = {
    "sec_sentencizer": "sentences", "sec_rules": "rules", "tok2vec": None, "span_finder": None,
    "spancat": "suggesters", "triggers": None, "sec_merge": "merge", "sec_aliases": "aliases",
    "sec_trigger_rules": "trigger_rules", "sec_linker": "linker", "sec_votes": "votes",
}


def imports(path: Path) -> set[str]:
    """The project modules a file imports (absolute names; relative imports resolved)."""
    module = list(path.relative_to(PROJECT).with_suffix("").parts)
    package = module[:-1]  # a module's package; an __init__'s own package
    out = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            out |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = package[:len(package) - node.level + 1] if node.level else []
            name = ".".join([*base, node.module] if node.module else base)
            out.add(name)
            out |= {f"{name}.{a.name}" for a in node.names}
    return {m for m in out if m.split(".")[0] in ("extractors", "training", "sec_events")}


def stage(module: str) -> tuple:
    """Where a module of `extractors` stands in the data flow (a sortable key)."""
    parts = module.split(".")
    if parts[:2] == ["extractors", "components"]:
        order = [m for m in COMPONENT_MODULES.values() if m]
        if len(parts) > 2 and parts[2] == "tokenizer":
            return (1, -1)
        return (1, order.index(parts[2])) if len(parts) > 2 and parts[2] in order else (1, -2)
    if parts[:2] == ["extractors", "batch"]:
        return (2,)
    if parts[:2] == ["extractors", "pipeline"]:
        return (3,)
    return (0,)  # extractors' base: schema, contract, layout, names, normalise, titles, items, offsets


def modules(folder: str):
    for path in sorted((PROJECT / folder).rglob("*.py")):
        yield ".".join(path.relative_to(PROJECT).with_suffix("").parts), path


def test_component_modules_follow_the_pipeline_config():
    pipeline = load_config()["nlp"]["pipeline"]
    assert list(COMPONENT_MODULES) == pipeline  # the order above is the config's
    for module in filter(None, COMPONENT_MODULES.values()):
        assert (PROJECT / "extractors" / "components" / module).with_suffix(".py").exists() \
            or (PROJECT / "extractors" / "components" / module).is_dir(), module


def test_no_stage_imports_a_later_one():
    bad = []
    for module, path in modules("extractors"):
        for target in imports(path):
            if target.startswith(("training", "sec_events.cli")):
                bad.append(f"{module} imports {target} (training and the CLI come after the runtime)")
            elif target.startswith("extractors") and target.split(".")[:3] != module.split(".")[:3] \
                    and stage(target) > stage(module):
                bad.append(f"{module} imports the later {target}")
    assert not bad, "\n".join(bad)


def test_the_reader_knows_nothing_of_extraction():
    bad = [f"{m} imports {t}" for m, p in modules("sec_events/read") for t in imports(p)
           if t.startswith(("extractors", "training"))]
    assert not bad, "\n".join(bad)
