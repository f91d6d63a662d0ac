"""training.meta: the project's part of a model's meta, read and updated in one place."""
import json

from training.meta import sec_events_meta, update_sec_events


def test_update_sets_entries_and_keeps_the_rest(tmp_path):
    (tmp_path / "meta.json").write_text(json.dumps({"name": "m", "sec_events": {"training": {"wide": True}}}))
    update_sec_events(tmp_path, linker={"records": 3}, scores={"dev": 1})
    meta = json.loads((tmp_path / "meta.json").read_text())
    assert meta == {"name": "m", "sec_events": {"training": {"wide": True}, "linker": {"records": 3},
                                                "scores": {"dev": 1}}}
    assert sec_events_meta(tmp_path)["linker"] == {"records": 3}


def test_a_meta_without_the_projects_part(tmp_path):
    (tmp_path / "meta.json").write_text(json.dumps({"name": "m"}))
    assert sec_events_meta(tmp_path) == {}
    update_sec_events(tmp_path, ablation=[])
    assert json.loads((tmp_path / "meta.json").read_text())["sec_events"] == {"ablation": []}
