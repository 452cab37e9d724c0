"""mappa.rulebook: every number with its citation, versioned."""

from __future__ import annotations

import datetime as dt
import os
from decimal import Decimal
from pathlib import Path

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from mappa.errors import (
    InvalidTypeError,
    InvalidValueError,
    RecordError,
    RuleNotInForce,
    UnknownNameError,
    UnknownRuleError,
)
from mappa.periods import Counting, Duration
from mappa.rulebook import DEFAULT_RULEBOOK, Rule, Rulebook, RuleVersion, resolve
from mappa.sources import GUIDANCE, Citation

BOOK = DEFAULT_RULEBOOK


def test_the_sources_figures() -> None:
    # Guidance para 11.30: level 2 every 12 weeks, level 3 every 6 weeks.
    assert BOOK.duration("reviews.level2.interval") == Duration(weeks=12)
    assert BOOK.duration("reviews.level3.interval") == Duration(weeks=6)
    # Guidance para 11.15: draft within 5 working days, final within 10.
    assert BOOK.integer("minutes.draft") == 5
    assert BOOK.integer("minutes.final") == 10
    # Guidance para 18.25: local authorities fund at least 10%.
    assert BOOK.decimal("isp.local_authority.minimum_share") == Decimal("10")
    # Guidance para 4.3: level 1 is not applied to category 3.
    assert BOOK.integers("levels.category_3") == (2, 3)
    # Glasgow KPI page: 95% (previously 90%) and 95% (previously 85%).
    assert BOOK.decimal("kpi.level3_reviews.target") == Decimal("95")
    assert BOOK.decimal("kpi.level3_reviews.target", edition="previous") == Decimal(
        "90"
    )
    assert BOOK.decimal("kpi.level2_reviews.target", edition="previous") == Decimal(
        "85"
    )
    # Sexual Offences Act 2003 s.82(1): the table's fixed periods.
    assert BOOK.duration("notification.period.other") == Duration(years=5)


def test_every_kpi_has_a_target() -> None:
    kpis = [
        name
        for name in BOOK.names
        if name.startswith("kpi.") and name.endswith(".target")
    ]
    assert len(kpis) == 8
    for name in kpis:
        assert BOOK.rule(name).unit == "percent"
        assert Decimal(0) < BOOK.decimal(name) <= Decimal(100)


def test_every_rule_has_a_citation_and_a_description() -> None:
    for rule in BOOK:
        assert rule.description
        for version in rule.versions:
            assert isinstance(version.citation, Citation)
            assert version.citation.pinpoint


def test_periods_have_a_counting_convention() -> None:
    for rule in BOOK:
        if isinstance(rule.current.value, Duration) and rule.counting is None:
            # only caps, not deadlines, may go without one
            assert "maximum" in rule.name or "threshold" in rule.name, rule.name
    assert BOOK.counting("reviews.level3.interval") is Counting.AFTER
    with pytest.raises(InvalidValueError, match="not a period"):
        BOOK.counting("minutes.final")


def test_citation_lookup() -> None:
    assert (
        str(BOOK.citation("minutes.final"))
        == "MAPPA National Guidance (2023), para 11.15"
    )


def test_unknown_rule_suggests_close_names() -> None:
    with pytest.raises(UnknownRuleError) as info:
        BOOK.rule("minutes.finall")
    assert "minutes.final" in info.value.suggestions
    assert isinstance(info.value, LookupError)
    assert "minutes.finall" not in str(info.value)


def test_unknown_edition() -> None:
    with pytest.raises(UnknownNameError, match="'previous', 'current'"):
        BOOK.value("kpi.level3_reviews.target", edition="2010")


def test_rule_not_in_force_before_it_existed() -> None:
    # Part 2 of the Sexual Offences Act 2003 applies from its commencement.
    rule = BOOK.rule("notification.period.other")
    first = rule.in_force_from
    assert first is not None
    assert BOOK.value("notification.period.other", on=first) == Duration(years=5)
    with pytest.raises(RuleNotInForce) as info:
        BOOK.value("notification.period.other", on=first - dt.timedelta(days=1))
    assert isinstance(info.value, LookupError)
    assert info.value.rule == "notification.period.other"


def _dated_rule() -> Rule:
    citation = GUIDANCE.cite("para 1")
    return Rule(
        name="test.dated",
        description="A rule with dated versions.",
        unit="days",
        versions=(
            RuleVersion(
                value=1,
                citation=citation,
                edition="a",
                applies_from=dt.date(2020, 1, 1),
            ),
            RuleVersion(
                value=2,
                citation=citation,
                edition="b",
                applies_from=dt.date(2022, 1, 1),
            ),
        ),
    )


def test_dated_versions_are_chosen_by_date() -> None:
    rule = _dated_rule()
    assert rule.version(on=dt.date(2021, 12, 31)).value == 1
    assert rule.version(on=dt.date(2022, 1, 1)).value == 2
    assert rule.version().value == 2
    assert rule.version(edition="a").value == 1
    with pytest.raises(RuleNotInForce):
        rule.version(on=dt.date(2019, 12, 31))
    with pytest.raises(RuleNotInForce):
        rule.version(edition="b", on=dt.date(2021, 1, 1))


def test_undated_change_answers_with_the_newest_value() -> None:
    # The guidance does not date the change of targets: every date gets 95%.
    assert BOOK.value("kpi.level3_reviews.target", on=dt.date(2010, 1, 1)) == Decimal(
        "95"
    )


@given(st.dates(min_value=dt.date(2020, 1, 1)), st.dates(min_value=dt.date(2020, 1, 1)))
def test_a_later_date_never_selects_an_older_version(a: dt.date, b: dt.date) -> None:
    rule = _dated_rule()
    a, b = min(a, b), max(a, b)
    assert rule.version(on=a).value <= rule.version(on=b).value  # type: ignore[operator]


def test_with_value_adds_a_local_version_and_keeps_the_rest() -> None:
    local = BOOK.with_value(
        "kpi.minutes_released.target", Decimal("92"), reason="local target"
    )
    assert local.decimal("kpi.minutes_released.target") == Decimal("92")
    assert local.decimal("kpi.minutes_released.target", edition="current") == Decimal(
        "90"
    )
    assert local.citation("kpi.minutes_released.target").pinpoint == "local target"
    assert BOOK.decimal("kpi.minutes_released.target") == Decimal("90")  # unchanged
    again = local.with_value(
        "kpi.minutes_released.target", Decimal("93"), reason="revised"
    )
    assert again.decimal("kpi.minutes_released.target") == Decimal("93")
    assert len(again.rule("kpi.minutes_released.target").versions) == 2
    assert len(again) == len(BOOK)


def test_with_value_refuses_another_type() -> None:
    with pytest.raises(InvalidTypeError, match="holds a int"):
        BOOK.with_value("minutes.final", Decimal("10"), reason="x")


def test_with_rule_replaces_or_adds() -> None:
    rule = _dated_rule()
    added = BOOK.with_rule(rule)
    assert "test.dated" in added
    assert "test.dated" not in BOOK
    replaced = added.with_rule(attrs.evolve(rule, description="Changed."))
    assert replaced.rule("test.dated").description == "Changed."
    assert len(replaced) == len(added)


def test_typed_accessors_check_the_type() -> None:
    with pytest.raises(InvalidTypeError, match="must hold a Duration"):
        BOOK.duration("minutes.final")
    with pytest.raises(InvalidTypeError, match="must hold a int"):
        BOOK.integer("chairs.level2.police")
    assert BOOK.text("chairs.level2.police") == "INSPECTOR"


def test_rulebook_validation() -> None:
    rule = _dated_rule()
    with pytest.raises(InvalidValueError, match="unique"):
        Rulebook((rule, rule))
    with pytest.raises(InvalidTypeError):
        Rulebook(("not a rule",))  # type: ignore[arg-type]
    with pytest.raises(InvalidValueError, match="at least one version"):
        attrs.evolve(rule, versions=())
    with pytest.raises(InvalidValueError, match="distinct editions"):
        attrs.evolve(rule, versions=(rule.versions[0], rule.versions[0]))
    with pytest.raises(InvalidValueError, match="date order"):
        attrs.evolve(rule, versions=tuple(reversed(rule.versions)))
    mixed = attrs.evolve(rule.versions[1], value=Decimal(2))
    with pytest.raises(InvalidTypeError, match="one type"):
        attrs.evolve(rule, versions=(rule.versions[0], mixed))
    with pytest.raises(InvalidTypeError, match="tuple of ints"):
        attrs.evolve(rule.versions[0], value=1.5)
    with pytest.raises(InvalidTypeError, match="tuple of ints"):
        attrs.evolve(rule.versions[0], value=(1, "2"))


def test_resolve() -> None:
    # Without an event date, a rulebook is read as at today...
    assert resolve(None) == BOOK.as_at(dt.date.today())
    custom = Rulebook(BOOK.rules[:3])
    assert resolve(custom).rules is custom.rules
    assert resolve(custom).on == dt.date.today()
    # ...a rulebook already read as at a date keeps it...
    pinned = custom.as_at(dt.date(2019, 6, 1))
    assert resolve(pinned) is pinned
    # ...and an event's date always decides.
    assert resolve(pinned, dt.date(2020, 1, 1)).on == dt.date(2020, 1, 1)
    with pytest.raises(InvalidTypeError, match="rulebook must be a Rulebook"):
        resolve({"minutes.final": 10})
    assert list(custom) == list(BOOK.rules[:3])


# -- rulebooks read as at a date, and a council's overrides file ----------


def test_as_at_reads_every_rule_on_that_date() -> None:
    later = BOOK.with_value(
        "minutes.final", 15, reason="a later target", applies_from=dt.date(2031, 1, 1)
    )
    assert later.value("minutes.final") == 15
    assert later.as_at(dt.date(2030, 12, 31)).value("minutes.final") == 10
    assert later.as_at(dt.date(2031, 1, 1)).value("minutes.final") == 15
    pinned = later.as_at(dt.date(2030, 12, 31))
    assert pinned.as_at(dt.date(2030, 12, 31)) is pinned
    # an explicit date still wins over the rulebook's own
    assert pinned.value("minutes.final", on=dt.date(2031, 6, 1)) == 15
    # copies keep the date
    assert pinned.with_value("minutes.draft", 4, reason="x").on == pinned.on
    with pytest.raises(RuleNotInForce):
        BOOK.as_at(dt.date(2003, 1, 1)).value("notification.initial")
    assert repr(pinned) == f"Rulebook(<{len(BOOK)} rules>, on=2030-12-31)"
    assert repr(BOOK) == f"Rulebook(<{len(BOOK)} rules>)"
    with pytest.raises(InvalidTypeError):
        BOOK.as_at(dt.datetime(2025, 1, 1, 9))  # type: ignore[arg-type]


def test_tuples_of_strs_and_their_accessors() -> None:
    assert BOOK.texts("notification.caution") == (
        "ENGLAND_AND_WALES",
        "NORTHERN_IRELAND",
    )
    with pytest.raises(InvalidTypeError, match="tuple of strs"):
        BOOK.texts("levels.category_1")
    with pytest.raises(InvalidTypeError, match="tuple of ints"):
        BOOK.integers("notification.caution")
    rule = BOOK.rule("notification.caution")
    with pytest.raises(InvalidTypeError, match="one type"):
        attrs.evolve(
            rule,
            versions=(
                rule.current,
                attrs.evolve(rule.current, value=(1,), edition="x"),
            ),
        )
    with pytest.raises(InvalidTypeError):
        BOOK.with_value("notification.caution", (1, 2), reason="x")
    with pytest.raises(InvalidTypeError):
        attrs.evolve(rule.current, value=())


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_overrides_from_toml_and_json(tmp_path: Path) -> None:
    toml = _write(
        tmp_path / "local.toml",
        """
[[override]]
rule = "kpi.minutes_released.target"
value = "92"
applies_from = 2026-04-01
reason = "SOG target for 2026/27"

[[override]]
rule = "reviews.level2.interval"
value = { weeks = 10 }
reason = "local practice"
edition = "fife"

[[override]]
rule = "levels.category_3"
value = [1, 2, 3]
reason = "a local reading"

[[override]]
rule = "chairs.social_work.ladder"
value = ["SOCIAL_WORKER", "TEAM_LEADER", "HEAD_OF_SERVICE", "SERVICE_MANAGER", "CHIEF_SOCIAL_WORK_OFFICER"]
reason = "our grades"

[[override]]
rule = "minutes.draft"
value = 4
reason = "x"

[[override]]
rule = "chairs.restricted_patients.health"
value = false
reason = "x"

[[override]]
rule = "chairs.level1.police"
value = "INSPECTOR"
reason = "x"
""",
    )
    local = BOOK.with_overrides(toml)
    assert local.value(
        "kpi.minutes_released.target", on=dt.date(2026, 4, 1)
    ) == Decimal("92")
    assert local.value(
        "kpi.minutes_released.target", on=dt.date(2026, 3, 31)
    ) == Decimal("90")
    assert local.version("kpi.minutes_released.target").edition == "local"
    assert local.version("kpi.minutes_released.target").note == "SOG target for 2026/27"
    assert local.duration("reviews.level2.interval") == Duration(weeks=10)
    assert local.version("reviews.level2.interval").edition == "fife"
    assert local.integers("levels.category_3") == (1, 2, 3)
    assert local.integer("minutes.draft") == 4
    assert local.value("chairs.restricted_patients.health") is False
    assert local.text("chairs.level1.police") == "INSPECTOR"
    json_file = _write(
        tmp_path / "local.json",
        '{"override": [{"rule": "minutes.final", "value": 12, "reason": "x",'
        ' "applies_from": "2027-01-01"}, {"rule": "isp.local_authority.minimum_share",'
        ' "value": 15, "reason": "x"}]}',
    )
    local = BOOK.with_overrides(json_file)
    assert local.value("minutes.final", on=dt.date(2027, 1, 1)) == 12
    assert local.value("isp.local_authority.minimum_share") == Decimal("15")
    assert BOOK.with_overrides(str(json_file)) == local


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('rule = "minutes.final"', "under the key 'override'"),
        (
            "[[override]]\nrule = 'minutes.final'\nvalue = 12\n",
            "column 'reason': missing",
        ),
        ("[[override]]\nvalue = 12\nreason = 'x'\n", "column 'rule': missing"),
        (
            "[[override]]\nrule = 'minutes.finl'\nvalue = 12\nreason = 'x'\n",
            "not a rule",
        ),
        (
            "[[override]]\nrule = 'minutes.final'\nvalue = 'SECRET'\nreason = 'x'\n",
            "column 'value'",
        ),
        (
            "[[override]]\nrule = 'minutes.final'\nvalue = true\nreason = 'x'\n",
            "column 'value'",
        ),
        (
            "[[override]]\nrule = 'minutes.final'\nvalue = 12\nreason = ''\n",
            "column 'reason'",
        ),
        (
            "[[override]]\nrule = 'minutes.final'\nvalue = 12\nreason = 'x'\nedition = 3\n",
            "column 'edition'",
        ),
        (
            "[[override]]\nrule = 'minutes.final'\nvalue = 12\nreason = 'x'\napplies_from = 'soon'\n",
            "column 'applies_from'",
        ),
        (
            "[[override]]\nrule = 'minutes.final'\nvalue = 12\nreason = 'x'\napplies_from = 2026-01-01T09:00:00\n",
            "column 'applies_from'",
        ),
        (
            "[[override]]\nrule = 'minutes.final'\nvalue = 12\nreason = 'x'\nwho = 'SECRET'\n",
            "1 unknown key",
        ),
        ("override = ['SECRET']", "row 1: an override must be a table"),
        (
            "[[override]]\nrule = 'kpi.minutes_released.target'\nvalue = 'NaN'\nreason = 'x'\n",
            "column 'value'",
        ),
        (
            "[[override]]\nrule = 'kpi.minutes_released.target'\nvalue = 'SECRET'\nreason = 'x'\n",
            "column 'value'",
        ),
        (
            "[[override]]\nrule = 'kpi.minutes_released.target'\nvalue = 9.5\nreason = 'x'\n",
            "column 'value'",
        ),
        (
            "[[override]]\nrule = 'reviews.level2.interval'\nvalue = { hours = 3 }\nreason = 'x'\n",
            "column 'value'",
        ),
        (
            "[[override]]\nrule = 'reviews.level2.interval'\nvalue = { weeks = -1 }\nreason = 'x'\n",
            "column 'value'",
        ),
        (
            "[[override]]\nrule = 'reviews.level2.interval'\nvalue = 'SECRET'\nreason = 'x'\n",
            "column 'value'",
        ),
        (
            "[[override]]\nrule = 'levels.category_3'\nvalue = ['SECRET']\nreason = 'x'\n",
            "column 'value'",
        ),
        (
            "[[override]]\nrule = 'levels.category_3'\nvalue = 'SECRET'\nreason = 'x'\n",
            "column 'value'",
        ),
        (
            "[[override]]\nrule = 'chairs.level1.police'\nvalue = ' '\nreason = 'x'\n",
            "column 'value'",
        ),
        (
            "[[override]]\nrule = 'chairs.restricted_patients.health'\nvalue = 1\nreason = 'x'\n",
            "column 'value'",
        ),
        # a date out of order with the rule's own dated versions
        (
            "[[override]]\nrule = 'notification.periodic.no_fixed_abode'\nvalue = { days = 5 }\nreason = 'x'\napplies_from = 2000-01-01\n",
            "column 'applies_from'",
        ),
        ("not = [valid", "not valid TOML"),
    ],
)
def test_override_errors_name_the_file_and_entry_never_the_value(
    tmp_path: Path, text: str, message: str
) -> None:
    path = _write(tmp_path / "local.toml", text)
    with pytest.raises(RecordError) as caught:
        BOOK.with_overrides(path)
    assert str(path) in str(caught.value)
    assert message in str(caught.value)
    assert "SECRET" not in str(caught.value)
    assert "SECRET" not in repr(caught.value)


def test_override_file_errors(tmp_path: Path) -> None:
    with pytest.raises(RecordError, match=r"TOML .* or JSON"):
        BOOK.with_overrides(tmp_path / "local.yaml")
    with pytest.raises(RecordError, match="cannot read the file"):
        BOOK.with_overrides(tmp_path / "missing.toml")
    bad = tmp_path / "bad.json"
    bad.write_text('{"override": [SECRET', encoding="utf-8")
    with pytest.raises(RecordError, match="not valid JSON") as caught:
        BOOK.with_overrides(bad)
    assert "SECRET" not in str(caught.value)
    latin = tmp_path / "latin.toml"
    latin.write_bytes(b"reason = '\xe9'")
    with pytest.raises(RecordError, match="not valid TOML"):
        BOOK.with_overrides(latin)
    with pytest.raises(InvalidTypeError):
        BOOK.with_overrides(3)  # type: ignore[arg-type]
    with pytest.raises(InvalidTypeError, match="bytes"):
        BOOK.with_overrides(_BytesPath())  # type: ignore[arg-type]


class _BytesPath:
    def __fspath__(self) -> bytes:
        return b"local.toml"


os.PathLike.register(_BytesPath)
