"""Company folds of the cross-validation over wide-train (training/crossval.py)."""
from training.corpus import company, load_gold
from training.crossval import folds


def test_folds_split_wide_train_by_company_and_hold_every_excerpt_once():
    wide = load_gold("wide-train")
    groups = folds(wide, 4)
    assert sorted(r["id"] for g in groups for r in g) == sorted(r["id"] for r in wide)
    companies = [{company(r) for r in g} for g in groups]
    assert all(companies[i].isdisjoint(companies[j]) for i in range(4) for j in range(i + 1, 4))
    assert all(len(c) >= 7 for c in companies)
    assert [[r["id"] for r in g] for g in folds(wide, 4)] == [[r["id"] for r in g] for g in groups]  # fixed order
