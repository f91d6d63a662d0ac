"""The argument linker: a scikit-learn classifier over (trigger, candidate) pairs,
decoded under SCHEMA's constraints.

`ArgumentLinker` follows the scikit-learn estimator contract: `__init__` stores
parameters, `fit` learns from gold annotation records and returns self. It is saved
with skops (never pickle) as `linker.skops`, its weights also as plain arrays in
`linker.npz` (what a model load reads, without importing scikit-learn), and its
parameters in `linker.json`.

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
from extractors.components.linker.cues import FILLER_CUES, cue_args
from extractors.schema import REPEATABLE, ROLES, compatible
from extractors.components.linker.textroles import TEXT_ROLES, line_start_date, names_an_office, text_role

NONE = "NONE"


class ArgumentLinker:
    # threshold: a candidate's least probability for a role; 0.15 chosen on the fold linkers of the
    # company-fold CV (0.1-0.25 tried: at 0.15 arguments F1 unchanged, complete records +0.021)
    def __init__(self, C: float = 0.5, threshold: float = 0.15, max_iter: int = 500, class_weight=None,
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
        if getattr(self, "model_", None) is not None:
            return self.model_.predict_proba(self.vectorizer_.transform(X))
        return self._weights_proba(X)

    def _weights_proba(self, X: list[dict]) -> np.ndarray:
        """predict_proba from the saved weights alone (`linker.npz`; no scikit-learn to import
        at load time): the features as DictVectorizer maps them, then the multinomial
        logistic regression's softmax (or the binary one's sigmoid)."""
        scores = np.tile(self.intercept_, (len(X), 1)).astype(np.float64)
        for i, x in enumerate(X):
            cols, vals = [], []
            for k, v in x.items():
                name, value = (f"{k}={v}", 1.0) if isinstance(v, str) else (k, float(v))
                j = self.vocabulary_.get(name)
                if j is not None and value:
                    cols.append(j)
                    vals.append(value)
            if cols:
                scores[i] += self.coef_[:, cols] @ np.asarray(vals)
        if scores.shape[1] == 1:  # binary: one column of scores for the second class
            p = 1.0 / (1.0 + np.exp(-scores[:, 0]))
            return np.column_stack([1.0 - p, p])
        scores -= scores.max(axis=1, keepdims=True)
        e = np.exp(scores)
        return e / e.sum(axis=1, keepdims=True)

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
            named: set[tuple[str, str]] = set()  # (role, text) of the fillers so far
            for p, role, ci in options:
                if ci in used or (role in filled and (event_type, role) not in REPEATABLE):
                    continue
                cand = cand_pairs[ci][0]
                said = (role, view.text[cand.start:cand.end].lower())
                if said in named:
                    continue  # a repeatable role names each party once (`Ho` ... `Ho`)
                named.add(said)
                args.append({"role": role, "start": cand.start, "end": cand.end, "label": cand.label,
                             "score": round(p, 4)})
                filled.add(role)
                used.add(ci)
        args += cue_args(view, event_type, trig_start, trig_end, args)
        for cue in FILLER_CUES.get(event_type, ()):
            args += cue(view, trig_start, trig_end, args)
        return self.with_text_roles(view, event_type, trig_start, trig_end, args)

    @staticmethod
    def with_text_roles(view: DocView, event_type: str, trig_start: int, trig_end: int,
                        args: list[dict]) -> list[dict]:
        """`args` plus the text roles (textroles) of the type that are still empty."""
        args = list(args)
        office = event_type == "EXECUTIVE_CHANGE" and names_an_office(view.candidates, trig_start, trig_end)
        if office:
            # an officer list's line (`2019 to present — Executive Vice President, Human Resources`):
            # the trigger is the office itself, the event's role; no verb states a change
            args = [a for a in args if a["role"] not in ("role", "change")]
            args.append({"role": "role", "start": trig_start, "end": trig_end, "label": "ROLE", "score": 0.5})
            since = line_start_date(view.text, view.candidates, trig_start)  # `2013 to 2019 — ...`: 2013
            if since is not None and not any(a["role"] == "date" for a in args):
                args.append({"role": "date", "start": since.start, "end": since.end, "label": "DATE", "score": 0.5})
        for role in TEXT_ROLES.get(event_type, []):
            if any(a["role"] == role for a in args) or (office and role == "change"):
                continue
            span = text_role(event_type, role, view.text, (trig_start, trig_end))
            if span:
                args.append({"role": role, "start": span[0], "end": span[1], "label": "TEXT", "score": 0.5})
        return sorted(args, key=lambda a: a["start"])

    # -- persistence (skops + JSON, no pickle) -------------------------------
    def save(self, path: Path) -> None:
        """`linker.skops` (the fitted scikit-learn objects, for refitting and inspection),
        `linker.npz` (the same weights as plain arrays, what `load` reads: no scikit-learn
        import when a model loads) and `linker.json` (the parameters)."""
        path.mkdir(parents=True, exist_ok=True)
        if getattr(self, "model_", None) is not None:
            import zipfile

            import skops.io as sio

            sio.dump({"vectorizer": self.vectorizer_, "model": self.model_}, path / "linker.skops",
                     compression=zipfile.ZIP_DEFLATED, compresslevel=9)
            names = self.vectorizer_.get_feature_names_out()
            coef, intercept = self.model_.coef_, self.model_.intercept_
        else:  # loaded from linker.npz: write back what was read
            (path / "linker.skops").write_bytes(self.skops_bytes_)
            names = np.array(sorted(self.vocabulary_, key=self.vocabulary_.get))
            coef, intercept = self.coef_, self.intercept_
        np.savez_compressed(path / "linker.npz", features=np.asarray(names, dtype=str),
                            classes=np.asarray(self.classes_, dtype=str),
                            coef=np.asarray(coef, dtype=np.float32), intercept=np.asarray(intercept, dtype=np.float32))
        (path / "linker.json").write_text(json.dumps(
            {"C": self.C, "threshold": self.threshold, "max_iter": self.max_iter,
             "class_weight": self.class_weight, "role_thresholds": self.role_thresholds,
             "min_count": self.min_count}, indent=1),
            encoding="utf-8")

    @classmethod
    def load(cls, path: Path) -> "ArgumentLinker":
        """From `linker.npz` (plain arrays, `allow_pickle=False`) where it exists, else from
        `linker.skops` (only scikit-learn, numpy and scipy types are trusted)."""
        params = json.loads((path / "linker.json").read_text(encoding="utf-8"))
        obj = cls(**params)
        if (path / "linker.npz").exists():
            with np.load(path / "linker.npz", allow_pickle=False) as data:
                obj.vocabulary_ = {str(n): i for i, n in enumerate(data["features"])}
                obj.classes_ = [str(c) for c in data["classes"]]
                obj.coef_, obj.intercept_ = data["coef"].astype(np.float64), data["intercept"].astype(np.float64)
            obj.model_ = None
            obj.skops_bytes_ = (path / "linker.skops").read_bytes()
            return obj
        import skops.io as sio

        file = path / "linker.skops"
        untrusted = sio.get_untrusted_types(file=file)
        allowed = {t for t in untrusted if t.startswith(("sklearn.", "numpy.", "scipy.", "builtins."))}
        if set(untrusted) - allowed:
            raise ValueError(f"{file}: refusing to load unexpected types {sorted(set(untrusted) - allowed)}")
        state = sio.load(file, trusted=sorted(allowed))
        obj.vectorizer_, obj.model_ = state["vectorizer"], state["model"]
        obj.classes_ = list(obj.model_.classes_)
        return obj
