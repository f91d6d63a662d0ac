"""Company and person names: aliases and the suffixed names of a filing (extractors/names.py)."""
from extractors.names import org_aliases, person_aliases


def test_alias_forms():
    aliases, suffixed = org_aliases("Agilent Technologies, Inc.")
    assert suffixed and {"Agilent Technologies, Inc.", "Agilent Technologies", "Agilent"} <= aliases
    aliases, _ = org_aliases("General Widget Corporation")
    assert "General" not in aliases and "General Widget" in aliases
    assert person_aliases("Samuel J. Furrow, Jr.") >= {"Furrow"}
    assert person_aliases("TAC") == set() and person_aliases("Furrow") == set()


def test_suffixed_names_of_a_filing():
    from extractors.names import suffixed_names

    text = ("WHEREAS Quillfeather Robotics, Inc. and Brindle Systems Corp. entered into the Agreement. "
            "QUILLFEATHER ROBOTICS, INC. The Board of Directors of Quillfeather Robotics, Inc. met. "
            "The Company, Inc. is a defined term.")
    names = suffixed_names(text)
    assert names[:2] == ["Quillfeather Robotics, Inc.", "Brindle Systems Corp."]
    assert "Quillfeather Robotics, Inc." in names and not any(n.startswith(("Board", "Company", "WHEREAS"))
                                                              for n in names)
