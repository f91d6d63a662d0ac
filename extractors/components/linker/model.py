"""The argument linker: a scikit-learn classifier over (trigger, candidate) pairs,
decoded under SCHEMA's constraints.

`ArgumentLinker` follows the scikit-learn estimator contract: `__init__` stores
parameters, `fit` learns from gold annotation records and returns self. It is saved
with skops (never pickle) as `linker.skops` plus its parameters in `linker.json`.

Decoding, per trigger: every candidate gets a probability for each role; a role
takes its best candidate whose label fits the role (SCHEMA) and whose probability is
at least `threshold`; a candidate fills at most one role of an event; repeatable
roles (AGREEMENT.party, LEGAL_PROCEEDING.party) take every candidate above the
threshold. Roles the classifier leaves empty may be filled by `cues` (vote tallies, dividend
dates); text roles come from `textroles`.
"""
from __future__ import annotations

import json
from pathlib import Path

import numpy as np

from extractors.components.linker.candidates import DocView, pairs
from extractors.components.linker.cues import cue_args
from extractors.schema import REPEATABLE, ROLES, compatible
from extractors.components.linker.textroles import TEXT_ROLES, text_role

NONE = "NONE"


class ArgumentLinker:
    def __init__(self, C: float = 0.5, threshold: float = 0.35, max_iter: int = 500, class_weight=None,
                 role_thresholds: dict | None = None, min_count: int = 2):
        self.C = C
        self.min_count = min_count
        self.threshold = threshold
        self.role_thresholds = dict(role_thresholds or {})
        self.max_iter = max_iter
        self.class_weight = class_weight

    # -- training ------------------------------------------------------------
    @staticmethod
    def training_pairs(view: DocView, record: dict) -> tuple[list[dict], list[str]]:
        """Features and role labels of every (gold trigger, candidate) pair."""
        X, y = [], []
        for event in record.get("events", []):
            gold = {(a["start"], a["end"]): a["role"] for a in event.get("args", [])}
            t = event["trigger"]
            for cand, feats in pairs(view, event["type"], t["start"], t["end"]):
                role = gold.get((cand.start, cand.end), NONE)
                if role != NONE and not compatible(event["type"], role, cand.label):
                    role = NONE
                X.append(feats)
                y.append(f"{event['type']}.{role}" if role != NONE else NONE)
        return X, y

    def fit(self, X: list[dict], y: list[str]) -> "ArgumentLinker":
        from sklearn.feature_extraction import DictVectorizer
        from sklearn.linear_model import LogisticRegression

        from collections import Counter

        counts = Counter(k for x in X for k in x)
        keep = {k for k, n in counts.items() if n >= self.min_count}
        self.vectorizer_ = DictVectorizer(dtype=np.float32)
        matrix = self.vectorizer_.fit_transform([{k: v for k, v in x.items() if k in keep} for x in X])
        self.model_ = LogisticRegression(C=self.C, max_iter=self.max_iter, class_weight=self.class_weight)
        self.model_.fit(matrix, y)
        # float32 weights: half the size on disk, no measurable change in the probabilities
        self.model_.coef_ = self.model_.coef_.astype(np.float32)
        self.model_.intercept_ = self.model_.intercept_.astype(np.float32)
        self.classes_ = list(self.model_.classes_)
        return self

    def predict_proba(self, X: list[dict]) -> np.ndarray:
        return self.model_.predict_proba(self.vectorizer_.transform(X))

    # -- decoding ------------------------------------------------------------
    def link(self, view: DocView, event_type: str, trig_start: int, trig_end: int) -> list[dict]:
        """Arguments of one event: [{"role", "start", "end", "label", "score"}]."""
        args: list[dict] = []
        cand_pairs = pairs(view, event_type, trig_start, trig_end)
        roles = ROLES[event_type]
        if cand_pairs:
            probs = self.predict_proba([f for _, f in cand_pairs])
            col = {c: i for i, c in enumerate(self.classes_)}
            options = []
            for ci, (cand, _) in enumerate(cand_pairs):
                for role in roles:
                    key = f"{event_type}.{role}"
                    if key in col and compatible(event_type, role, cand.label):
                        p = float(probs[ci, col[key]])
                        if p >= self.role_thresholds.get(key, self.threshold):
                            options.append((p, role, ci))
            options.sort(reverse=True)
            filled: set[str] = set()
            used: set[int] = set()
            for p, role, ci in options:
                if ci in used or (role in filled and (event_type, role) not in REPEATABLE):
                    continue
                cand = cand_pairs[ci][0]
                args.append({"role": role, "start": cand.start, "end": cand.end, "label": cand.label,
                             "score": round(p, 4)})
                filled.add(role)
                used.add(ci)
        args += cue_args(view, event_type, trig_start, trig_end, args)
        return self.with_text_roles(view, event_type, trig_start, trig_end, args)

    @staticmethod
    def with_text_roles(view: DocView, event_type: str, trig_start: int, trig_end: int,
                        args: list[dict]) -> list[dict]:
        """`args` plus the text roles (textroles) of the type that are still empty."""
        args = list(args)
        for role in TEXT_ROLES.get(event_type, []):
            if any(a["role"] == role for a in args):
                continue
            span = text_role(event_type, role, view.text, (trig_start, trig_end))
            if span:
                args.append({"role": role, "start": span[0], "end": span[1], "label": "TEXT", "score": 0.5})
        return sorted(args, key=lambda a: a["start"])

    # -- persistence (skops + JSON, no pickle) -------------------------------
    def save(self, path: Path) -> None:
        import skops.io as sio

        path.mkdir(parents=True, exist_ok=True)
        import zipfile

        sio.dump({"vectorizer": self.vectorizer_, "model": self.model_}, path / "linker.skops",
                 compression=zipfile.ZIP_DEFLATED, compresslevel=9)
        (path / "linker.json").write_text(json.dumps(
            {"C": self.C, "threshold": self.threshold, "max_iter": self.max_iter,
             "class_weight": self.class_weight, "role_thresholds": self.role_thresholds,
             "min_count": self.min_count}, indent=1),
            encoding="utf-8")

    @classmethod
    def load(cls, path: Path) -> "ArgumentLinker":
        import skops.io as sio

        params = json.loads((path / "linker.json").read_text(encoding="utf-8"))
        obj = cls(**params)
        file = path / "linker.skops"
        untrusted = sio.get_untrusted_types(file=file)
        allowed = {t for t in untrusted if t.startswith(("sklearn.", "numpy.", "scipy.", "builtins."))}
        if set(untrusted) - allowed:
            raise ValueError(f"{file}: refusing to load unexpected types {sorted(set(untrusted) - allowed)}")
        state = sio.load(file, trusted=sorted(allowed))
        obj.vectorizer_, obj.model_ = state["vectorizer"], state["model"]
        obj.classes_ = list(obj.model_.classes_)
        return obj
