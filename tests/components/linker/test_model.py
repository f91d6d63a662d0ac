"""The argument linker: training on real gold, SCHEMA decoding constraints, safe
persistence, and the event records the pipeline component writes."""
import json

import pytest

from extractors.components.linker.candidates import DocView
from extractors.components.linker.model import ArgumentLinker
from extractors.schema import REPEATABLE, ROLES, compatible
from extractors.components.linker.textroles import agreement, late_filing_form, proposal
from training.linker import fit_linker, gold_view, link_gold


@pytest.fixture(scope="module")
def seeds(shared):
    return [json.loads(l) for l in (shared / "spec" / "seeds-gold.jsonl").open(encoding="utf-8")]


@pytest.fixture(scope="module")
def nlp(rules_nlp):
    return rules_nlp


@pytest.fixture(scope="module")
def linker(nlp, seeds):
    return fit_linker(nlp, seeds)


def test_decoding_respects_schema(nlp, linker, seeds):
    for record in seeds:
        view = gold_view(nlp, record)
        for ev in record["events"]:
            args = linker.link(view, ev["type"], ev["trigger"]["start"], ev["trigger"]["end"])
            roles = [a["role"] for a in args]
            for role in set(roles):
                assert role in ROLES[ev["type"]]
                if (ev["type"], role) not in REPEATABLE:
                    assert roles.count(role) == 1, (ev["type"], role)
            spans = [(a["start"], a["end"]) for a in args if a["label"] != "TEXT"]
            assert len(spans) == len(set(spans)), "a filler fills one role of an event"
            for a in args:
                if a["label"] != "TEXT":
                    assert compatible(ev["type"], a["role"], a["label"])


def test_linker_learns_the_seed_arguments(nlp, linker, seeds):
    """Fitted on the seeds and applied to them with gold triggers and entities, the
    linker recovers most gold arguments (a training-set check of the learning code)."""
    m = link_gold(nlp, linker, seeds)
    assert m["arguments"]["r"] >= 0.7 and m["arguments"]["p"] >= 0.7


def test_repeatable_role_takes_several_parties(nlp):
    text = ("On May 2, 2022, Alder Works Inc. entered into a supply agreement with Birch Labs LLC "
            "and Cedar Point Corp. under which the parties will share costs.")
    record = {"id": "x", "text": text, "spans": [
        {"start": text.index("May 2, 2022"), "end": text.index("May 2, 2022") + 11, "label": "DATE"},
        *[{"start": text.index(n), "end": text.index(n) + len(n), "label": "ORG"}
          for n in ("Alder Works Inc.", "Birch Labs LLC", "Cedar Point Corp.")]],
        "events": [{"type": "AGREEMENT", "trigger": {"start": text.index("entered into"),
                                                     "end": text.index("entered into") + 12},
                    "args": [{"role": "party", "start": text.index(n), "end": text.index(n) + len(n)}
                             for n in ("Alder Works Inc.", "Birch Labs LLC", "Cedar Point Corp.")]
                    + [{"role": "date", "start": text.index("May 2, 2022"), "end": text.index("May 2, 2022") + 11}]}]}
    lk = fit_linker(nlp, [record] * 3)
    args = lk.link(gold_view(nlp, record), "AGREEMENT", *[record["events"][0]["trigger"][k] for k in ("start", "end")])
    parties = [text[a["start"]:a["end"]] for a in args if a["role"] == "party"]
    assert len(parties) >= 2
    assert [a["role"] for a in args].count("date") == 1


def test_a_repeatable_role_names_each_party_once(nlp):
    """Two mentions of one party near the trigger fill the role once."""
    text = ("On May 2, 2022, Alder Works Inc. entered into a supply agreement with Birch Labs LLC, and Birch "
            "Labs LLC will share its costs.")
    second = text.index("Birch Labs LLC", text.index("Birch Labs LLC") + 1)
    names = [(text.index(n), text.index(n) + len(n)) for n in ("Alder Works Inc.", "Birch Labs LLC")]
    names.append((second, second + len("Birch Labs LLC")))
    date = (text.index("May 2, 2022"), text.index("May 2, 2022") + 11)
    record = {"id": "x", "text": text,
              "spans": [{"start": s, "end": e, "label": "ORG"} for s, e in names]
              + [{"start": date[0], "end": date[1], "label": "DATE"}],
              "events": [{"type": "AGREEMENT", "trigger": {"start": text.index("entered into"),
                                                           "end": text.index("entered into") + 12},
                          "args": [{"role": "party", "start": s, "end": e} for s, e in names]
                          + [{"role": "date", "start": date[0], "end": date[1]}]}]}
    lk = fit_linker(nlp, [record] * 3)
    args = lk.link(gold_view(nlp, record), "AGREEMENT", *[record["events"][0]["trigger"][k] for k in ("start", "end")])
    parties = [text[a["start"]:a["end"]] for a in args if a["role"] == "party"]
    assert sorted(parties) == ["Alder Works Inc.", "Birch Labs LLC"]


def test_skops_round_trip(tmp_path, nlp, linker, seeds):
    linker.save(tmp_path)
    assert (tmp_path / "linker.skops").exists() and not list(tmp_path.glob("*.pkl"))
    loaded = ArgumentLinker.load(tmp_path)
    view = gold_view(nlp, seeds[0])
    ev = seeds[0]["events"][0]
    t = ev["trigger"]
    assert loaded.link(view, ev["type"], t["start"], t["end"]) == linker.link(view, ev["type"], t["start"], t["end"])


def test_a_holding_said_sold_in_a_relative_clause_is_the_asset():
    from extractors.components.linker.textroles import text_role

    text = ("The Company recognized a gain of $90 million on its investment in Pellucid Games, Inc. (Pellucid), "
            "which was sold in the current quarter.")
    k = text.index("sold")
    s, e = text_role("DISPOSITION", "asset", text, (k, k + 4))
    assert text[s:e] == "its investment in Pellucid Games, Inc. (Pellucid)"
    text = "In 2023, we sold our Canada condiment business to Tallow Foods."  # the object after the verb
    k = text.index("sold")
    s, e = text_role("DISPOSITION", "asset", text, (k, k + 4))
    assert text[s:e].startswith("our Canada condiment business")


def test_text_roles_on_written_examples():
    text = "At the meeting, the stockholders approved the amendment to the 2019 Plan. Next item."
    s, e = proposal(text, (text.index("approved"), text.index("approved") + 8))
    assert text[s:e] == "the amendment to the 2019 Plan"
    text = "The Company entered into a Second Amended and Restated Credit Agreement with its lenders."
    s, e = agreement(text, (text.index("entered into"), text.index("entered into") + 12))
    assert text[s:e] == "Second Amended and Restated Credit Agreement"
    # the agreement named right after the verb, not a defined name nearby
    text = ("In connection with the Merger Agreement, Quillmark has entered into a commitment letter "
            "(the \u201cCommitment Letter\u201d) with its bank.")
    s, e = agreement(text, (text.index("entered into"), text.index("entered into") + 12))
    assert text[s:e] == "commitment letter"
    text = "Brindle entered into. The Merger Agreement was signed later."  # no phrase in the sentence
    s, e = agreement(text, (text.index("entered into"), text.index("entered into") + 12))
    assert text[s:e] == "The Merger Agreement"  # the nearest capitalised name
    # the agreement the clause names before its verb: a relative clause's object, a passive's subject
    for text, verb, named in (
            ("It repaid the loans under the revolving credit facility agreement that we entered into in 2021, "
             "extending its maturity.", "entered into", "revolving credit facility agreement"),
            ("In August 2023, the revolving credit agreement was renewed and now expires in 2028.", "renewed",
             "revolving credit agreement"),
            ("The bonds are issued in accordance with loan agreements we entered into with the Authority.",
             "entered into", "loan agreements")):
        s, e = agreement(text, (text.index(verb), text.index(verb) + len(verb)))
        assert text[s:e] == named
    text = "(Check One): [ ] Form 10-K  [X] Form 10-Q"
    s, e = late_filing_form(text)
    assert text[s:e] == "Form 10-Q"


def test_the_plan_of_a_pay_decision():
    from extractors.components.linker.textroles import pay_plan

    def plan(text, trigger):
        s, e = pay_plan(text, (text.index(trigger), text.index(trigger) + len(trigger)))
        return text[s:e]
    assert plan("The Committee approved awards under the Brindle 2021 Equity Incentive Plan. Next.",
                "approved") == "Brindle 2021 Equity Incentive Plan"
    assert plan("On May 1, the Committee approved a retention bonus for Mr. Hallam.", "approved") == "retention"
    assert plan("Mr. Hallam will receive cash compensation of $9,000 per month.", "receive") == "compensation"
    text = "Our annual salary review ended. The Board approved it."
    assert pay_plan(text, (text.index("approved"), text.index("approved") + 8)) is None  # not past the sentence


def test_candidates_include_generic_filer_phrase(nlp):
    doc = nlp.make_doc("The Company acquired Birch Labs LLC on May 2, 2022.")
    view = DocView(doc, [(21, 35, "ORG")])
    labels = {(c.label, doc.text[c.start:c.end]) for c in view.candidates}
    assert ("FILER", "The Company") in labels and ("ORG", "Birch Labs LLC") in labels


def test_candidates_include_the_filer_as_we_or_us_never_the_country(nlp):
    """GUIDELINES wide reading 3: `we` and `us` fill the filer's roles; `US` is a country."""
    doc = nlp.make_doc("In May 2023, we sold our Marlow unit to Birch Labs LLC, which sued us in the US.")
    view = DocView(doc, [(doc.text.index("Birch"), doc.text.index(", which"), "ORG")])
    filers = [doc.text[c.start:c.end] for c in view.candidates if c.label == "FILER"]
    assert filers == ["we", "us"]


def test_refit_writes_a_linker_the_model_loads_and_records_it(tmp_path, seeds):
    """`python -m training.linker MODEL`'s step: a refitted linker replaces the model's, loads
    with spacy.load and is recorded in the meta."""
    import json
    import shutil

    import spacy

    from sec_events.paths import default_model
    from training.linker import refit

    model = tmp_path / "model"
    shutil.copytree(default_model(), model)
    info = refit(model, seeds, threshold=0.3)
    meta = json.loads((model / "meta.json").read_text())
    assert meta["sec_events"]["linker"] == info and info["records"] == len(seeds)
    assert info["params"]["threshold"] == 0.3
    assert spacy.load(model).get_pipe("sec_linker").linker.threshold == 0.3
    assert not (model / "sec_linker.new").exists()


def test_saved_weights_give_the_fitted_probabilities_without_scikit_learn(tmp_path, nlp, linker, seeds):
    """`linker.npz` holds the weights as plain arrays: loading reads them (no pickle, no
    scikit-learn import) and gives the fitted model's probabilities; saving the loaded
    linker writes the same files back."""
    import subprocess
    import sys

    import numpy

    linker.save(tmp_path)
    loaded = ArgumentLinker.load(tmp_path)
    assert loaded.model_ is None
    from extractors.components.linker.candidates import pairs
    view = gold_view(nlp, seeds[0])
    X = [f for ev in seeds[0]["events"] for _, f in pairs(view, ev["type"], ev["trigger"]["start"], ev["trigger"]["end"])]
    assert len(X) > 10
    assert numpy.allclose(loaded.predict_proba(X), linker.predict_proba(X), atol=1e-5)
    loaded.save(tmp_path / "again")
    assert (tmp_path / "again" / "linker.skops").read_bytes() == (tmp_path / "linker.skops").read_bytes()
    with numpy.load(tmp_path / "again" / "linker.npz") as a, numpy.load(tmp_path / "linker.npz") as b:
        assert all(numpy.array_equal(a[k], b[k]) for k in ("features", "classes", "coef", "intercept"))
    code = (f"import sys, pathlib; from extractors.components.linker.model import ArgumentLinker; "
            f"ArgumentLinker.load(pathlib.Path({str(tmp_path)!r})); print('sklearn' in sys.modules)")
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True).stdout.strip() == "False"


def test_the_refit_command_reads_the_splits_the_model_was_trained_on(tmp_path, monkeypatch):
    """`python -m training.linker MODEL` fits on lee8k train, plus wide-train with `wide`, plus
    wide-dev with `with_wide_dev`, as the model's meta records its training."""
    import json

    import training.linker as tl

    model = tmp_path / "m"
    (model / "sec_linker").mkdir(parents=True)
    seen = []
    monkeypatch.setattr(tl, "refit", lambda path, records: seen.append(sorted({r["split"] for r in records})) or
                        {"records": len(records), "params": {}})
    monkeypatch.setattr("training.corpus.load_gold", lambda split, shared=None: [{"split": split}])
    for training, splits in (({"wide": False}, ["train"]), ({"wide": True}, ["train", "wide-train"]),
                             ({"wide": True, "with_wide_dev": True}, ["train", "wide-dev", "wide-train"])):
        (model / "meta.json").write_text(json.dumps({"sec_events": {"training": training}}))
        tl.main(model, None)
        assert seen[-1] == splits


def test_the_refit_reads_the_documents_the_meta_lists(tmp_path, monkeypatch):
    """A model trained on a fraction, or with wide-train entered twice (`~1`), is refitted on
    exactly those documents; one the gold no longer holds is a clear error."""
    import json

    import typer

    import training.linker as tl

    model = tmp_path / "m"
    (model / "sec_linker").mkdir(parents=True)
    gold = {"train": [{"id": "a"}, {"id": "b"}], "wide-train": [{"id": "w"}], "wide-dev": [{"id": "d"}]}
    monkeypatch.setattr("training.corpus.load_gold", lambda split, shared=None: gold[split])
    listed = ["b", "w", "w~1", "d"]
    (model / "meta.json").write_text(json.dumps({"sec_events": {"training": {"documents": {"train": listed}}}}))
    assert [r["id"] for r in tl.trained_records(model)] == listed
    (model / "meta.json").write_text(json.dumps({"sec_events": {"training": {"documents": {"train": ["gone"]}}}}))
    with pytest.raises(typer.BadParameter, match="gone"):
        tl.main(model, None)


def test_a_suit_is_brought_against_every_party_named_after_against(nlp):
    from extractors.components.linker.cues import suit_parties

    text = ("On May 2, 2023, a stockholder filed a derivative complaint in the U.S. District Court for the District "
            "of Delaware against Brindle Systems Corp., its Chief Executive Officer Dana Ostergaard, and the members "
            "of Brindle's board (Lee Marlow; Kim Hallam), alleging that Quill Partners LLC was misled.")
    names = [("Brindle Systems Corp.", "ORG"), ("U.S. District Court for the District of Delaware", "ORG"),
             ("Dana Ostergaard", "PERSON"), ("Brindle's", "ORG"), ("Lee Marlow", "PERSON"), ("Kim Hallam", "PERSON"),
             ("Quill Partners LLC", "ORG")]
    spans = [{"start": text.index(n), "end": text.index(n) + len(n.removesuffix("'s")), "label": label}
             for n, label in names]
    view = gold_view(nlp, {"id": "x", "text": text, "spans": spans, "events": []})
    found = suit_parties(view, text.index("filed"), text.index("filed") + 5, [])
    assert [text[a["start"]:a["end"]] for a in found] == [
        "Brindle Systems Corp.", "Dana Ostergaard", "Lee Marlow", "Kim Hallam"]  # no court, possessive or claim


def test_a_later_step_of_a_case_takes_the_court_its_paragraph_named(nlp):
    from extractors.components.linker.cues import case_court

    court = "U.S. District Court for the District of Delaware"
    text = (f"In March 2022, Quill Partners LLC filed a complaint in the {court} against Brindle Systems Corp. "
            "In May 2023, the court granted Brindle's motion to dismiss.\n\n"
            "In June 2023, Brindle Systems Corp. announced a new product line.")
    names = [(court, "ORG"), ("Quill Partners LLC", "ORG"), ("Brindle Systems Corp.", "ORG")]
    spans = [{"start": text.index(n), "end": text.index(n) + len(n), "label": label} for n, label in names]
    view = gold_view(nlp, {"id": "x", "text": text, "spans": spans, "events": []})
    granted = text.index("granted")
    found = case_court(view, granted, granted + 7, [])
    assert [text[a["start"]:a["end"]] for a in found] == [court]
    assert case_court(view, granted, granted + 7, found) == []  # a court already linked stays the only one
    announced = text.index("announced")  # another paragraph, and no word of a case
    assert case_court(view, announced, announced + 9, []) == []


def test_an_officer_list_line_is_its_own_role_not_a_change(nlp):
    title = "Executive Vice President, Human Resources"
    text = f"Dana Ostergaard, 57\n2013 to 2019 — {title}.\n"
    spans = [{"start": 0, "end": 15, "label": "PERSON"},
             {"start": text.index(title), "end": text.index(title) + len(title), "label": "ROLE"},
             {"start": text.index("2013"), "end": text.index("2013") + 4, "label": "DATE"},
             {"start": text.index("2019"), "end": text.index("2019") + 4, "label": "DATE"}]
    view = gold_view(nlp, {"id": "x", "text": text, "spans": spans, "events": []})
    start = text.index(title)
    args = ArgumentLinker.with_text_roles(view, "EXECUTIVE_CHANGE", start, start + len(title),
                                          [{"role": "person", "start": 0, "end": 15, "label": "PERSON", "score": 0.9}])
    assert [(a["role"], text[a["start"]:a["end"]]) for a in args] == [
        ("person", "Dana Ostergaard"), ("date", "2013"), ("role", title)]  # the office began in 2013
    to = text.index("to 2019")
    verb = ArgumentLinker.with_text_roles(view, "EXECUTIVE_CHANGE", to, to + 2, [])
    assert [a["role"] for a in verb] == ["change"]  # a verb is the change, and the linker finds its date


@pytest.mark.parametrize("cue, role, text, found, other", [
    # the filer's `our` in what a sale sells; not somebody else's sale
    ("own_sale_seller", "seller",
     "Other income included a net gain of $94 million related to the sale of our ownership interests in "
     "Brindle Systems Corp. and a gain on the sale of Quill Partners LLC by Dana Holdings Inc.", "sale", "sale of Q"),
    # the filer's `we`/`our` near a financing; not where its sentence has neither
    ("own_borrower", "borrower",
     "Cash flows were offset by $8.6 billion of proceeds from long-term borrowings, which included "
     "$6.6 billion of proceeds from our asset-backed debt transactions. Brindle Systems Corp. borrowed $5 million.",
     "borrowings", "borrowed"),
])
def test_the_filers_our_fills_its_role_where_the_linker_found_none(nlp, cue, role, text, found, other):
    from extractors.components.linker import cues

    rule = getattr(cues, cue)
    view = gold_view(nlp, {"id": "x", "text": text, "spans": [], "events": []})
    at, apart = text.index(found), text.index(other)
    assert [(a["role"], text[a["start"]:a["end"]]) for a in rule(view, at, at + len(found), [])] == [(role, "our")]
    assert rule(view, apart, apart + 4, []) == []
    assert rule(view, at, at + len(found), [{"role": role, "start": 0, "end": 4}]) == []  # one found stays alone


def _view_of(nlp, text: str, names: list[tuple[str, str]]):
    spans = [{"start": text.index(n), "end": text.index(n) + len(n), "label": label} for n, label in names]
    return gold_view(nlp, {"id": "x", "text": text, "spans": spans, "events": []})


def _roles(found: list[dict], text: str) -> set[tuple[str, str]]:
    return {(a["role"], text[a["start"]:a["end"]]) for a in found}


def test_a_bankruptcy_takes_its_filer_court_and_date_from_its_sentence(nlp):
    from extractors.components.linker.cues import bankruptcy_parties, stated_date

    court = "United States Bankruptcy Court for the Southern District of Texas"
    text = (f"On March 3, 2024, Plover Corp. (with certain subsidiaries, the Debtors) filed voluntary petitions in the "
            f"{court}. In June 2024, Brindle Systems Corp. bought its plant.")
    view = _view_of(nlp, text, [("March 3, 2024", "DATE"), ("Plover Corp.", "ORG"), (court, "ORG"),
                                ("June 2024", "DATE"), ("Brindle Systems Corp.", "ORG")])
    at = text.index("filed")
    parties = bankruptcy_parties(view, at, at + 5, [])
    assert _roles(parties, text) == {("filer", "Plover Corp."), ("court", court)}
    assert _roles(stated_date(view, at, at + 5, parties), text) == {("date", "March 3, 2024")}   # not next sentence's
    assert bankruptcy_parties(view, at, at + 5, parties) == []     # roles already filled stay as they are


def test_an_auditor_change_names_the_firm_leaving_or_engaged(nlp):
    from extractors.components.linker.cues import auditor

    text = ("On August 4, 2023, the Audit Committee dismissed Grant & Fell LLP as the Company's independent "
            "registered public accounting firm. On August 9, 2023, it engaged Hollis & Crane LLP.")
    view = _view_of(nlp, text, [("Grant & Fell LLP", "ORG"), ("Hollis & Crane LLP", "ORG")])
    dismissed, engaged = text.index("dismissed"), text.index("engaged")
    assert _roles(auditor(view, dismissed, dismissed + 9, []), text) == {("former_auditor", "Grant & Fell LLP")}
    assert _roles(auditor(view, engaged, engaged + 7, []), text) == {("new_auditor", "Hollis & Crane LLP")}


def test_a_delisting_notice_names_its_exchange_not_any_company(nlp):
    from extractors.components.linker.cues import exchange

    text = "On June 2, 2023, Plover Corp. received a letter from The Nasdaq Stock Market LLC about its bid price."
    view = _view_of(nlp, text, [("Plover Corp.", "ORG"), ("The Nasdaq Stock Market LLC", "ORG")])
    at = text.index("received")
    assert _roles(exchange(view, at, at + 8, []), text) == {("exchange", "The Nasdaq Stock Market LLC")}
