"""The wide set can be edited as annotation sheets: exported sheets compile back to the
very same stand-off records."""
from training.corpus import WIDE_ANNOTATIONS
from training.wide_sheets import compile_folder, export


def test_export_then_compile_gives_back_the_records(tmp_path, shared):
    from sec_events.documents import read_jsonl

    assert export(tmp_path, shared) == len(list(read_jsonl(WIDE_ANNOTATIONS)))
    assert compile_folder(tmp_path, shared) == list(read_jsonl(WIDE_ANNOTATIONS))
