"""Augmented training records keep every annotation on the text it marked."""
import random

import pytest

from training.augment import augment, break_lines, name_pool, swap_names, upper_cover
from training.corpus import load_gold


@pytest.fixture(scope="module")
def train(shared):
    return load_gold("train", shared)[:40]


def texts(record):
    t = record["text"]
    return ([(s["label"], t[s["start"]:s["end"]]) for s in record["spans"]],
            [(e["type"], t[e["trigger"]["start"]:e["trigger"]["end"]],
              [(a["role"], t[a["start"]:a["end"]]) for a in e["args"]]) for e in record["events"]])


def test_swapped_names_move_every_annotation_along(train):
    pool = name_pool(train)
    assert len(pool["PERSON"]) > 20 and len(pool["ORG"]) > 50
    rng = random.Random(0)
    changed = 0
    for r in train:
        v = swap_names(r, rng, pool)
        if v is None:
            continue
        (before, events_before), (after, events_after) = texts(r), texts(v)
        assert len(before) == len(after) and len(events_before) == len(events_after)
        for (label, old), (label2, new) in zip(before, after):
            assert label == label2
            if label in ("PERSON", "ORG"):
                assert " ".join(new.split()) in pool[label]
                changed += old != new
            else:
                assert old == new, (r["id"], old, new)
        for (ty, trig, _), (ty2, trig2, _) in zip(events_before, events_after):
            assert ty == ty2 and (trig == trig2 or trig in {old for _, old in before})
        # a name written twice gets the same replacement twice
        seen = {}
        for (label, old), (_, new) in zip(before, after):
            if label in ("PERSON", "ORG"):
                assert seen.setdefault((label, " ".join(old.split())), new) == new
    assert changed > 100


def test_cover_page_variants_keep_offsets_and_labels(train):
    rng = random.Random(1)
    for make in (upper_cover, break_lines):
        made = 0
        for r in train:
            v = make(r, rng)
            if v is None:
                continue
            made += 1
            assert len(v["text"]) == len(r["text"]) and v["spans"] == r["spans"]
            for (l1, a), (l2, b) in zip(*(texts(x)[0] for x in (r, v))):
                assert l1 == l2 and a.upper().split() == b.upper().split()
        assert made >= 10, make.__name__


def test_augment_names_each_variant_and_rejects_unknown(train):
    out = augment(train, ["names", "upper"], seed=0)
    assert {r["id"].rsplit("~", 1)[1] for r in out} == {"names", "upper"}
    assert all(r["id"].rsplit("~", 1)[0] in {t["id"] for t in train} for r in out)
    with pytest.raises(ValueError, match="unknown augmenters"):
        augment(train, ["shuffle"])
