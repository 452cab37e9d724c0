"""mappa.framework: categories, levels and areas."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mappa.errors import (
    InvalidTypeError,
    InvalidValueError,
    LevelNotPermitted,
    UnknownNameError,
)
from mappa.framework import (
    AREAS,
    DEFAULT_AREA_TABLE,
    LOCAL_AUTHORITIES,
    Area,
    AreaTable,
    Category,
    Level,
    area_of,
    check_level,
    permitted_levels,
)
from mappa.rulebook import DEFAULT_RULEBOOK


def test_enums_have_values_and_readable_names() -> None:
    assert [int(c) for c in Category] == [1, 2, 3]
    assert [int(level) for level in Level] == [1, 2, 3]
    assert str(Level.MAPPP) == "level 3 (multi agency public protection panel)"
    assert str(Category.RESTRICTED_PATIENT) == "category 2 (restricted patient)"
    assert Level(2) is Level.MULTI_AGENCY


def test_category_3_is_never_at_level_1() -> None:
    # Guidance para 4.3 / Glasgow page: "Level 1 risk management is not applied
    # to category 3 offenders."
    assert permitted_levels(Category.OTHER_RISK_OF_SERIOUS_HARM) == {
        Level.MULTI_AGENCY,
        Level.MAPPP,
    }
    with pytest.raises(LevelNotPermitted) as info:
        check_level(Category.OTHER_RISK_OF_SERIOUS_HARM, Level.ROUTINE)
    assert isinstance(info.value, ValueError)
    assert info.value.rule == "levels.category_3"
    # the exclusion comes from para 9.4 (and the Glasgow page), not para 4.3
    assert "para 9.4" in str(info.value)


@given(st.sampled_from(Category), st.sampled_from(Level))
def test_check_level_agrees_with_permitted_levels(
    category: Category, level: Level
) -> None:
    if level in permitted_levels(category):
        assert check_level(category, level) is level
    else:
        with pytest.raises(LevelNotPermitted):
            check_level(category, level)


def test_levels_2_and_3_are_open_to_every_category() -> None:
    for category in Category:
        assert {Level.MULTI_AGENCY, Level.MAPPP} <= permitted_levels(category)


def test_plain_ints_are_not_levels() -> None:
    with pytest.raises(InvalidTypeError, match=r"convert with Level\(\.\.\.\)"):
        check_level(Category.REGISTERED_SEX_OFFENDER, 2)  # type: ignore[arg-type]
    with pytest.raises(InvalidTypeError, match="category must be a Category"):
        permitted_levels("1")  # type: ignore[arg-type]


def test_a_caller_rulebook_changes_the_levels() -> None:
    book = DEFAULT_RULEBOOK.with_value("levels.category_3", (1, 2, 3), reason="test")
    assert check_level(
        Category.OTHER_RISK_OF_SERIOUS_HARM, Level.ROUTINE, rulebook=book
    )
    broken = DEFAULT_RULEBOOK.with_value("levels.category_3", (4,), reason="test")
    with pytest.raises(InvalidValueError, match="does not exist"):
        permitted_levels(Category.OTHER_RISK_OF_SERIOUS_HARM, rulebook=broken)


def test_ten_areas_and_thirty_two_councils() -> None:
    # Guidance para 18.1: 32 local authorities in 10 MAPPA areas.
    assert len(AREAS) == DEFAULT_RULEBOOK.integer("framework.areas") == 10
    assert len(LOCAL_AUTHORITIES) == DEFAULT_RULEBOOK.integer(
        "framework.local_authorities"
    )
    assert len(set(LOCAL_AUTHORITIES)) == 32
    assert "Reconstructed" in DEFAULT_AREA_TABLE.source


@pytest.mark.parametrize(
    ("name", "area"),
    [
        ("Edinburgh", "Lothian and Borders"),
        ("City of Edinburgh Council", "Lothian and Borders"),
        ("  city  of edinburgh ", "Lothian and Borders"),
        ("Western Isles", "Highland and Islands"),
        ("Eilean Siar", "Highland and Islands"),
        ("Comhairle nan Eilean Siar", "Highland and Islands"),
        ("Na h-Eileanan Siar", "Highland and Islands"),
        ("Glasgow", "Glasgow"),
        ("GLASGOW CITY COUNCIL", "Glasgow"),
        ("Highland", "Highland and Islands"),
        ("The Highland Council", "Highland and Islands"),
        ("Perth & Kinross", "Tayside"),
        ("Dumfries and Galloway", "South West Scotland"),
        ("Argyll & Bute", "North Strathclyde"),
        ("Scottish Borders", "Lothian and Borders"),
        ("Fife", "Fife"),
        ("North Strathclyde", "North Strathclyde"),
        ("Forth Valley", "Forth Valley"),
    ],
)
def test_area_lookup_forgives_common_forms(name: str, area: str) -> None:
    assert area_of(name).name == area


def test_every_official_name_finds_its_own_area() -> None:
    for area in AREAS:
        for council in area.local_authorities:
            assert area_of(council) is area


def test_unknown_area_lists_close_matches() -> None:
    with pytest.raises(UnknownNameError) as info:
        area_of("Edinbrugh")
    assert isinstance(info.value, LookupError)
    assert info.value.suggestions == ("City of Edinburgh Council",)
    with pytest.raises(UnknownNameError) as info:
        area_of("Atlantis")
    assert info.value.suggestions == ()
    with pytest.raises(InvalidTypeError):
        area_of(3)  # type: ignore[arg-type]


def test_a_caller_supplies_their_own_table() -> None:
    table = AreaTable(
        areas=(Area("North", ("Alpha Council",)), Area("South", ("Beta Council",))),
        aliases={"A": "Alpha Council"},
    )
    assert area_of("alpha", area_table=table).name == "North"
    assert area_of("a", area_table=table).name == "North"
    assert table.local_authorities == ("Alpha Council", "Beta Council")
    assert str(table.areas[0]) == "North"
    with pytest.raises(UnknownNameError):
        area_of("Fife", area_table=table)


def test_area_table_validation() -> None:
    with pytest.raises(InvalidValueError, match="twice"):
        AreaTable(areas=(Area("X", ("One",)), Area("Y", ("one council",))))
    with pytest.raises(InvalidValueError, match="in no area"):
        AreaTable(areas=(Area("X", ("One",)),), aliases={"Two": "Two"})
    with pytest.raises(InvalidTypeError, match="mapping of str to str"):
        AreaTable(areas=(Area("X", ("One",)),), aliases={"Two": 2})  # type: ignore[dict-item]
    with pytest.raises(InvalidValueError, match="at least one local authority"):
        Area("X", ())
