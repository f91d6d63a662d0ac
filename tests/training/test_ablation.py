"""The ablation driver's variants and table (training/ablation.py)."""
import json

import pytest

from training.ablation import markdown, options, row


def test_variants_combine_and_need_their_inputs(tmp_path):
    assert options("wide", None, None) == {"wide": True}
    combined = options("wide+steps+vectors", tmp_path, None)
    assert combined == {"wide": True, "max_steps": 2500, "vectors": tmp_path}
    with pytest.raises(ValueError, match="needs --vectors"):
        options("wide+vectors", None, None)
    with pytest.raises(ValueError, match="unknown variant"):
        options("wide+magic", None, None)
    assert options("wide+vectors+wikigold", tmp_path, None) == {"wide": True, "vectors": tmp_path, "wikigold": True}


def test_table_reads_what_train_records(tmp_path):
    model = tmp_path / "wide"
    model.mkdir()
    scores = {s: {k: {"f": f} for k, f in zip(("entities", "triggers", "arguments"), (0.9, 0.5, 0.4))}
              for s in ("dev", "wide-dev")}
    (model / "meta.json").write_text(json.dumps({"sec_events": {
        "training": {"seconds": 480.0, "wide": True}, "scores": scores}}))
    r = row(model)
    assert r["dev"] == {"entities": 0.9, "triggers": 0.5, "arguments": 0.4} and r["settings"]["wide"] is True
    table = markdown([r])
    assert table.splitlines()[2] == "| wide | 0.900 | 0.500 | 0.400 | 0.900 | 0.500 | 0.400 | 480 |"
