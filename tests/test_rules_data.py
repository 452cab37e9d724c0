"""The rulebook is the one source, and every answer is read as at its event.

Three checks (DESIGN, "The rulebook"):

* every ``rule=`` an error names, and every string in the code that looks
  like a rule's name, is a rule of :data:`~mappa.rulebook.DEFAULT_RULEBOOK`
  (found statically, from the source);
* every rule of the default rulebook is read by some code;
* a property test walks every public function that takes a rulebook: adding,
  to every rule, a version that starts after the event changes no answer.
"""

from __future__ import annotations

import ast
import datetime as dt
import inspect
import itertools
import re
from collections.abc import Callable, Iterator
from decimal import Decimal
from pathlib import Path

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import mappa
from mappa.errors import MappaError
from mappa.periods import Duration
from mappa.records import Caseload
from mappa.rulebook import DEFAULT_RULEBOOK, Rulebook, RuleVersion
from mappa.sources import Citation
from mappa.years import Quarter, ReportingYear, parse_period
from test_contract import CALLABLES, NoSample, valid_kwargs

SOURCE = Path(mappa.__file__).parent
DATA_MODULE = SOURCE / "_rules.py"
RULE_NAMES = frozenset(DEFAULT_RULEBOOK.names)
NAMESPACES = frozenset(name.split(".", 1)[0] for name in RULE_NAMES)
LOOKS_LIKE_A_RULE = re.compile(r"[a-z][a-z0-9_]*(\.[a-z0-9_]+)+")
# Strings in the code that look like rule names but are not, and why.
NOT_RULES = {
    "notification.relevant_date": "a Case field's path (duties.EventKind)",
    "notification.notifications": "a Case field's path (duties.EventKind)",
    "notification.changes": "a Case field's path (duties.EventKind)",
}


def _code_files() -> list[Path]:
    return sorted(p for p in SOURCE.rglob("*.py") if p != DATA_MODULE)


def _docstrings(tree: ast.AST) -> set[int]:
    """The ids of the docstring nodes of *tree* (not code)."""
    found = set()
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if isinstance(body, list) and body:
            first = body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                found.add(id(first.value))
    return found


def _pattern(node: ast.JoinedStr) -> str | None:
    """A regex for an f-string's possible values, if it may build a rule name."""
    parts = []
    for value in node.values:
        if isinstance(value, ast.Constant) and isinstance(value.value, str):
            parts.append(re.escape(value.value))
        else:
            parts.append("[a-z0-9_.]+")
    first = node.values[0] if node.values else None
    if not (
        isinstance(first, ast.Constant)
        and isinstance(first.value, str)
        and first.value.split(".", 1)[0] in NAMESPACES
        and "." in first.value
    ):
        return None
    return "".join(parts)


def _scan() -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    """(rule-like string constants, f-string patterns), each with where."""
    constants: dict[str, list[str]] = {}
    patterns: dict[str, list[str]] = {}
    for path in _code_files():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        skip = _docstrings(tree)
        inside_fstrings = {
            id(part)
            for node in ast.walk(tree)
            if isinstance(node, ast.JoinedStr)
            for part in node.values
        }
        for node in ast.walk(tree):
            where = f"{path.name}:{getattr(node, 'lineno', '?')}"
            if (
                isinstance(node, ast.Constant)
                and isinstance(node.value, str)
                and node.value not in NOT_RULES
                and id(node) not in skip
                and id(node) not in inside_fstrings
                and LOOKS_LIKE_A_RULE.fullmatch(node.value)
                and node.value.split(".", 1)[0] in NAMESPACES
            ):
                constants.setdefault(node.value, []).append(where)
            elif isinstance(node, ast.JoinedStr):
                pattern = _pattern(node)
                if pattern is not None:
                    patterns.setdefault(pattern, []).append(where)
    return constants, patterns


CONSTANTS, PATTERNS = _scan()


def test_the_scan_finds_the_code_that_reads_rules() -> None:
    # The scan is not vacuous: it sees plain names and built ones.
    assert "minutes.final" in CONSTANTS
    assert any(re.fullmatch(p, "reviews.level3.interval") for p in PATTERNS)
    assert any(re.fullmatch(p, "kpi.level2_reviews.target") for p in PATTERNS)


def test_the_strings_that_are_not_rules_are_in_the_code() -> None:
    """Each exception to the scan names a string the code holds, and no rule."""
    held = {
        node.value
        for path in _code_files()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.Constant) and isinstance(node.value, str)
    }
    assert set(NOT_RULES) <= held
    assert not set(NOT_RULES) & RULE_NAMES


def test_every_rule_name_in_the_code_is_a_rule() -> None:
    """Every string that names a rule (an error's ``rule=``, a constant, a
    name built with an f-string) names one the default rulebook has."""
    unknown = {
        name: where for name, where in CONSTANTS.items() if name not in RULE_NAMES
    }
    assert unknown == {}
    unmatched = {
        pattern: where
        for pattern, where in PATTERNS.items()
        if not any(re.fullmatch(pattern, name) for name in RULE_NAMES)
    }
    assert unmatched == {}


def _error_rules() -> Iterator[tuple[str, str]]:
    """Every literal ``rule=`` keyword in the code, with where."""
    for path in _code_files():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        constants = {
            node.targets[0].id: node.value.value
            for node in tree.body
            if isinstance(node, ast.Assign)
            and len(node.targets) == 1
            and isinstance(node.targets[0], ast.Name)
            and isinstance(node.value, ast.Constant)
            and isinstance(node.value.value, str)
        }
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            for keyword in node.keywords:
                if keyword.arg != "rule":
                    continue
                value = keyword.value
                if isinstance(value, ast.Constant) and isinstance(value.value, str):
                    yield value.value, f"{path.name}:{node.lineno}"
                elif isinstance(value, ast.Name) and value.id in constants:
                    yield constants[value.id], f"{path.name}:{node.lineno}"


def test_every_error_names_a_rule_or_the_value_it_checks() -> None:
    """An error's ``rule=`` is a rule of the rulebook, or else the type,
    field or argument whose check failed (``"Duration"``, ``"Meeting.level"``,
    ``"period"``): never a made-up rule name."""
    wrong = []
    seen = 0
    for name, where in _error_rules():
        seen += 1
        if name in RULE_NAMES:
            continue
        structural = name[:1].isupper() or "." not in name
        if not structural:
            wrong.append(f"{where}: {name}")
    assert seen > 50
    assert wrong == []


def test_every_rule_is_read_by_some_code() -> None:
    unread = sorted(
        name
        for name in RULE_NAMES
        if name not in CONSTANTS
        and not any(re.fullmatch(pattern, name) for pattern in PATTERNS)
    )
    assert unread == []


# -- as at the event's date ---------------------------------------------------------


def _different(value: object) -> object:
    """A value of the same type as *value*, but different."""
    if isinstance(value, bool):
        return not value
    if isinstance(value, int):
        return value + 1
    if isinstance(value, Decimal):
        return value + 1
    if isinstance(value, Duration):
        return attrs.evolve(value, days=value.days + 1)
    if isinstance(value, str):
        return value + " (later)"
    assert isinstance(value, tuple)
    return value[:-1] if len(value) > 1 else (*value, value[0])


def with_later_versions(book: Rulebook, starts: dt.date) -> Rulebook:
    """*book* with, for every rule, a version starting on *starts* (or the
    day after the rule's last dated version, if later) whose value differs
    from the rule's newest (same type)."""
    citation = Citation(document="A later rulebook", edition="later", pinpoint="-")
    rules = []
    for rule in book:
        dated = [v.applies_from for v in rule.versions if v.applies_from is not None]
        begins = max([starts, *(day + dt.timedelta(days=1) for day in dated)])
        later = RuleVersion(
            value=_different(rule.current.value),  # type: ignore[arg-type]
            citation=citation,
            edition="later",
            applies_from=begins,
        )
        rules.append(attrs.evolve(rule, versions=(*rule.versions, later)))
    return Rulebook(tuple(rules))


def test_the_later_rulebook_differs_in_every_rule() -> None:
    later = with_later_versions(DEFAULT_RULEBOOK, dt.date(2100, 1, 1))
    before = dt.date(2099, 12, 31)
    for rule in DEFAULT_RULEBOOK:
        assert later.value(rule.name) != rule.current.value
        assert later.as_at(before).value(rule.name) == DEFAULT_RULEBOOK.as_at(
            before
        ).value(rule.name)


def _dates(value: object, depth: int = 0) -> Iterator[dt.date]:
    """Every date in *value*, looking into attrs values and containers."""
    if depth > 6:
        return
    if isinstance(value, dt.date):
        yield value
    elif isinstance(value, ReportingYear | Quarter):
        yield value.end
    elif isinstance(value, Caseload):
        for meeting in value:
            yield from _dates(meeting, depth + 1)
    elif attrs.has(type(value)):
        for field in attrs.fields(type(value)):
            yield from _dates(getattr(value, field.name), depth + 1)
    elif isinstance(value, dict):
        for item in itertools.chain(value.keys(), value.values()):
            yield from _dates(item, depth + 1)
    elif isinstance(value, list | tuple | frozenset | set):
        for item in value:
            yield from _dates(item, depth + 1)


def _is_period(label: str) -> bool:
    try:
        parse_period(label)
    except MappaError:
        return False
    return True


def _takes_rulebook(func: Callable[..., object]) -> bool:
    try:
        return "rulebook" in inspect.signature(func).parameters
    except (TypeError, ValueError):  # pragma: no cover - a builtin
        return False


AS_AT = [
    (name, func, described_by)
    for name, func, described_by in CALLABLES
    if _takes_rulebook(func) and not isinstance(func, type)
]


def test_the_walk_covers_every_rule_module() -> None:
    walked = {name.rsplit(".", 1)[0] for name, _, _ in AS_AT}
    for module in (
        "mappa.minutes",
        "mappa.reviews",
        "mappa.isp",
        "mappa.disclosure",
        "mappa.notification",
        "mappa.indicators",
        "mappa.chairs",
        "mappa.framework",
        "mappa.licences",
        "mappa.scr",
        "mappa.years",
        "mappa.records",
        "mappa.defensibility",
        "mappa.duties",
    ):
        assert module in walked, module
    assert len(AS_AT) > 40


def _outcome(func: Callable[..., object], kwargs: dict[str, object]) -> object:
    try:
        result = func(**kwargs)
        if isinstance(result, Iterator):
            return ("iterated", list(itertools.islice(result, 200)))
        if isinstance(result, Caseload):
            return ("caseload", list(result))
        return ("answer", result)
    except Exception as error:
        return ("error", type(error).__name__, str(error))


@pytest.mark.parametrize(
    ("func", "described_by"),
    [pytest.param(f, d, id=name) for name, f, d in AS_AT],
)
@settings(
    max_examples=8,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    gap=st.integers(min_value=1, max_value=3 * 366),
    shift=st.integers(min_value=-4000, max_value=2000),
    rulebook_dated=st.booleans(),
)
def test_a_later_version_changes_no_answer(
    func: Callable[..., object],
    described_by: Callable[..., object],
    gap: int,
    shift: int,
    rulebook_dated: bool,
    tmp_path_factory: pytest.TempPathFactory,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """For every public function that takes a rulebook: the answer with the
    default rulebook equals the answer with a rulebook in which every rule
    has a later version (starting after every date the call is about, and
    after today for a call with no date), different in value."""
    monkeypatch.chdir(tmp_path_factory.mktemp("as_at"))
    qualname = getattr(described_by, "__qualname__", "")

    def arguments() -> dict[str, object]:
        """Fresh valid arguments (a stream is read once), the event moved:
        every date argument by the same number of days."""
        kwargs = valid_kwargs(func, qualname)
        kwargs.pop("rulebook", None)
        return {
            name: value + dt.timedelta(days=shift)
            if isinstance(value, dt.date) and not isinstance(value, dt.datetime)
            else value
            for name, value in kwargs.items()
        }

    try:
        kwargs = arguments()
    except NoSample as missing:  # pragma: no cover - test_contract reports it
        pytest.skip(str(missing))
    # The latest date the call is about (today for a call with no date): a
    # version from the next day on may start before today, so a function
    # that reads "today" instead of its event's date fails.
    found = [d for value in kwargs.values() for d in _dates(value)]
    found += [
        parse_period(value).end
        for name, value in kwargs.items()
        if name in ("period", "label") and isinstance(value, str) and _is_period(value)
    ]
    # A trend's periods, written FIRST..LAST: the last one's end.
    found += [
        parse_period(value.partition("..")[2]).end
        for name, value in kwargs.items()
        if name == "periods" and isinstance(value, str) and ".." in value
    ]
    latest = max(found) if found else dt.date.today()
    starts = latest + dt.timedelta(days=gap)
    later = with_later_versions(DEFAULT_RULEBOOK, starts)
    if rulebook_dated:
        # A rulebook the caller already pinned to a date keeps it.
        base, changed = DEFAULT_RULEBOOK.as_at(latest), later.as_at(latest)
    else:
        base, changed = DEFAULT_RULEBOOK, later
    assert _outcome(func, {**kwargs, "rulebook": base}) == _outcome(
        func, {**arguments(), "rulebook": changed}
    )


def test_the_property_catches_a_function_that_reads_the_newest_version() -> None:
    """The check can fail: a function that ignores the event's date reads
    the later version and answers differently."""

    def careless(day: dt.date, *, rulebook: Rulebook) -> object:
        return rulebook.value("minutes.final")

    later = with_later_versions(DEFAULT_RULEBOOK, dt.date(2031, 1, 1))
    kwargs = {"day": dt.date(2025, 12, 18)}
    assert _outcome(careless, {**kwargs, "rulebook": DEFAULT_RULEBOOK}) != _outcome(
        careless, {**kwargs, "rulebook": later}
    )


def test_a_later_target_does_not_move_an_earlier_deadline() -> None:
    """A 2031 target does not move a 2025 deadline."""
    from mappa.isp import approval_period, split_cost
    from mappa.minutes import minutes_due
    from mappa.reviews import next_review_due

    later = DEFAULT_RULEBOOK.with_value(
        "minutes.final", 15, reason="x", applies_from=dt.date(2031, 1, 1)
    )
    assert minutes_due(dt.date(2025, 12, 18), rulebook=later).final.due == dt.date(
        2026, 1, 7
    )
    assert minutes_due(dt.date(2031, 1, 6), rulebook=later).final_working_days == 15
    wider = DEFAULT_RULEBOOK.with_value(
        "reviews.level3.interval",
        Duration(weeks=8),
        reason="x",
        applies_from=dt.date(2031, 1, 1),
    )
    assert next_review_due(
        mappa.Level.MAPPP, dt.date(2025, 1, 6), rulebook=wider
    ).due == dt.date(2025, 2, 17)
    share = DEFAULT_RULEBOOK.with_value(
        "isp.local_authority.minimum_share",
        Decimal("20"),
        reason="x",
        applies_from=dt.date(2031, 1, 1),
    )
    assert split_cost(Decimal("100.00"), rulebook=share).local_authority == Decimal(
        "10.00"
    )
    assert split_cost(
        Decimal("100.00"), rulebook=share.as_at(dt.date(2031, 4, 1))
    ).local_authority == Decimal("20.00")
    longer = DEFAULT_RULEBOOK.with_value(
        "isp.approval_period",
        Duration(months=12),
        reason="x",
        applies_from=dt.date(2031, 1, 1),
    )
    assert approval_period(dt.date(2025, 4, 1), rulebook=longer).end == dt.date(
        2025, 9, 30
    )
    assert approval_period(dt.date(2031, 4, 1), rulebook=longer).end == dt.date(
        2032, 3, 31
    )
