"""The rule functions of `sec_rules`, by name and in the order they run.

Rule functions add what token patterns cannot express. They run in the order of
`DEFAULT_RULE_FUNCTIONS`; later functions see earlier candidates (an ORG run stops at
a ROLE, a person name stops at an ORG...). A config names the ones to run with
`{"@misc": "sec_events.rule_functions.v1", "names": [...]}`.
"""
from __future__ import annotations

import spacy

from .dates import date_years
from .money import money_table_cells
from .orgs import org_cues, org_defined_name, org_suffix
from .persons import (person_age, person_caption, person_contact, person_first_name, person_honorific,
                      person_known_surname, person_list, person_role_adjacent, person_signature)
from .roles import role_extend
from .shares import shares_vote_counts

RULE_FUNCTIONS = {f.__name__: f for f in (
    org_suffix, org_defined_name, person_signature, person_honorific, person_role_adjacent, person_contact,
    person_age, person_first_name, person_known_surname, person_list, org_cues, person_caption, role_extend,
    shares_vote_counts, date_years, money_table_cells)}
DEFAULT_RULE_FUNCTIONS = list(RULE_FUNCTIONS)


@spacy.registry.misc("sec_events.rule_functions.v1")
def make_rule_functions(names: list[str] = DEFAULT_RULE_FUNCTIONS):
    """The rule functions to run, in order, by name."""
    unknown = [n for n in names if n not in RULE_FUNCTIONS]
    if unknown:
        raise ValueError(f"unknown rule functions {unknown}; known: {sorted(RULE_FUNCTIONS)}")
    return [(n, RULE_FUNCTIONS[n]) for n in names]
