"""``st.from_type`` works for every public value type of every public module.

The types come from each public module's ``__all__``, so a new public type
without a registration in ``mappa.strategies._registrations`` fails here.
"""

from __future__ import annotations

import enum
import importlib
import pkgutil
import subprocess
import sys
import typing
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import mappa
from mappa import strategies as ms
from mappa.indicators import evaluate
from mappa.records import Caseload
from mappa.years import reporting_year

_SKIP_MODULES = {"mappa.strategies", "mappa.__main__", "mappa.cli"}


def _public_modules() -> list[Any]:
    names = [
        info.name
        for info in pkgutil.iter_modules(mappa.__path__, "mappa.")
        if info.name not in _SKIP_MODULES
        and not info.name.split(".")[-1].startswith("_")
    ]
    return [importlib.import_module(name) for name in sorted(names)]


def _public_objects() -> dict[str, Any]:
    found: dict[str, Any] = {}
    for module in _public_modules():
        for name in module.__all__:
            value = getattr(module, name)
            found.setdefault(f"{module.__name__}.{name}", value)
    return found


def _is_value_type(value: object) -> bool:
    return (
        isinstance(value, type)
        and not issubclass(value, enum.Enum | BaseException)
        and value.__module__.startswith("mappa.")
    )


_OBJECTS = _public_objects()
_VALUE_TYPES = {
    name: value for name, value in _OBJECTS.items() if _is_value_type(value)
}
_ENUMS = {
    name: value
    for name, value in _OBJECTS.items()
    if isinstance(value, type) and issubclass(value, enum.Enum)
}
_UNIONS = {
    name: value
    for name, value in _OBJECTS.items()
    if typing.get_origin(value) is not None
    and all(
        isinstance(arg, type) and arg.__module__.startswith("mappa.")
        for arg in typing.get_args(value)
    )
}


def test_the_walk_finds_the_types() -> None:
    assert "mappa.scr.Incident" in _VALUE_TYPES
    assert "mappa.records.Meeting" in _VALUE_TYPES
    assert "mappa.framework.Level" in _ENUMS
    assert {"mappa.chairs.Rank", "mappa.notification.Disposal"} <= set(_UNIONS)


@pytest.mark.parametrize("name", sorted(_VALUE_TYPES))
def test_every_public_value_type_is_registered(name: str) -> None:
    # A new public type needs a strategy in mappa.strategies._registrations.
    assert _VALUE_TYPES[name] in ms._registrations(), (
        f"{name} has no from_type registration in mappa.strategies"
    )


def test_registrations_are_public_types() -> None:
    assert set(ms._registrations()) <= set(_VALUE_TYPES.values())


def _check_valid(value: object) -> None:
    """*value* passes the library's own validation again."""
    if isinstance(value, Caseload):
        if len(value):
            evaluate(value, period=reporting_year(value.first_date))
        assert Caseload.from_meetings(list(value)) is not value
    elif attrs.has(type(value)):
        assert attrs.evolve(value) == value


@pytest.mark.parametrize("name", sorted(_VALUE_TYPES))
def test_from_type_draws_valid_instances(name: str) -> None:
    cls = _VALUE_TYPES[name]

    @settings(
        max_examples=5, deadline=None, suppress_health_check=[HealthCheck.too_slow]
    )
    @given(st.from_type(cls))
    def check(value: object) -> None:
        assert isinstance(value, cls)
        _check_valid(value)

    check()


@pytest.mark.parametrize("name", sorted(_ENUMS))
def test_from_type_draws_enum_members(name: str) -> None:
    cls = _ENUMS[name]

    @settings(max_examples=5, deadline=None)
    @given(st.from_type(cls))
    def check(value: object) -> None:
        assert isinstance(value, cls)

    check()


@pytest.mark.parametrize("name", sorted(_UNIONS))
def test_from_type_draws_union_members(name: str) -> None:
    union = _UNIONS[name]

    @settings(max_examples=10, deadline=None)
    @given(st.from_type(union))
    def check(value: object) -> None:
        assert isinstance(value, typing.get_args(union))
        _check_valid(value)

    check()


def test_the_hook_is_an_entry_point_outside_the_package() -> None:
    from importlib.metadata import entry_points

    (point,) = [e for e in entry_points(group="hypothesis") if e.name == "mappa"]
    assert point.value == "_mappa_hypothesis:_hypothesis_setup_hook"


def test_the_hook_imports_hypothesis_only_when_called() -> None:
    source = importlib.import_module("mappa._hypothesis_plugin")
    assert "hypothesis" not in vars(source)
    assert "strategies" not in vars(source)
    source.register()  # registering twice is harmless
    importlib.import_module("_mappa_hypothesis")._hypothesis_setup_hook()
    assert set(source._public_types()) == set(_VALUE_TYPES.values())


def test_importing_hypothesis_does_not_import_mappa() -> None:
    # The entry point costs a test run that never uses mappa next to nothing.
    code = (
        "import sys, hypothesis;"
        "assert '_mappa_hypothesis' in sys.modules, 'the hook did not run';"
        "assert 'mappa' not in sys.modules, 'the hook imported mappa'"
    )
    result = subprocess.run(
        [sys.executable, "-W", "ignore", "-c", code],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr[-2000:]


def test_a_type_without_a_strategy_falls_back() -> None:
    source = importlib.import_module("mappa._hypothesis_plugin")
    assert source._strategy_for(int) is NotImplemented


@pytest.mark.parametrize(
    "code",
    [
        # mappa.strategies imported first: Hypothesis starts, and runs the
        # hook, while mappa.strategies is still importing.
        "import mappa.strategies as ms, hypothesis.strategies as st, mappa;"
        "print(ms.SIMPLE_DAY, st.from_type(mappa.Incident).example())",
        "import hypothesis.strategies as st, mappa;"
        "print(st.from_type(mappa.Duration).example())",
        # mappa first, then Hypothesis: the entry point registers.
        "import mappa, hypothesis.strategies as st;"
        "print(st.from_type(mappa.Incident).example())",
    ],
)
def test_import_orders(code: str) -> None:
    result = subprocess.run(
        [sys.executable, "-W", "ignore", "-c", code],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr[-2000:]


def test_mappa_registers_its_types_when_hypothesis_came_first() -> None:
    # Hypothesis is loaded in this process: importing mappa again (here, a
    # reload of the package) registers its types, as a first import would.
    importlib.reload(mappa)

    @settings(max_examples=3, database=None)
    @given(st.from_type(mappa.Incident))
    def check(incident: object) -> None:
        assert isinstance(incident, mappa.Incident)

    check()
