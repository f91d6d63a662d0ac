"""`sec-events train` end to end, on a few steps: the span classifier is trained, the
linker fitted, and the shipped pipeline assembled from extractors/pipeline.cfg."""
import json
import subprocess
import sys

import pytest
import spacy

from extractors.pipeline import CONFIG_PATH, load_config


@pytest.mark.slow
def test_train_assembles_the_configured_pipeline(tmp_path, shared):
    out = tmp_path / "models" / "model"  # a folder that does not exist yet, nor its parent
    subprocess.run([sys.executable, "-m", "sec_events.cli", "train", "-o", str(out), "--max-steps", "10",
                    "--workdir", str(tmp_path / "work"), "--shared", str(shared)], check=True, capture_output=True)
    nlp = spacy.load(out)
    assert nlp.pipe_names == load_config()["nlp"]["pipeline"]
    assert nlp.get_pipe("sec_linker").linker is not None  # the fitted linker's weights were read
    meta = json.loads((out / "meta.json").read_text())["sec_events"]
    assert set(meta["training"]["data_sha256"]) >= {"annotations", "manifest", "train.spacy", "dev.spacy"}
    assert meta["pipeline_config"] == CONFIG_PATH.read_text()
    assert set(meta["scores"]) == {"dev", "wide-dev"}  # no test split read at training time
    doc = nlp("On May 2, 2022, Quillfeather Robotics, Inc. appointed Ada Byron as Chief Financial Officer.")
    assert ("Quillfeather Robotics, Inc.", "ORG") in {(e.text, e.label_) for e in doc.ents}
    assert isinstance(doc._.events, list)  # (a 10-step classifier finds little: no accuracy asserted)
