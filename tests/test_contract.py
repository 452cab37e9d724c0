"""The contract every public callable keeps (DESIGN: "Testing shape").

Walks every public module's ``__all__``: each function, each class's
constructor and each public method of a class with a sample instance. For
every parameter in turn it passes values of the wrong type and extreme
values of the right type, the other parameters being valid:

* a wrong-typed value must raise a ``MappaError`` or ``TypeError``;
* an extreme value of the right type may succeed, or raise a
  ``MappaError`` or ``TypeError``, and nothing else.

It also checks that a call with only valid values succeeds, so a test
cannot pass because some other argument was wrong. Samples of each
module's own types live in ``tests/contract_samples/<module>.py``.
"""

from __future__ import annotations

import collections.abc as cabc
import datetime as dt
import enum
import importlib
import inspect
import itertools
import pkgutil
import types
import typing
from collections.abc import Callable, Iterator
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any

import attrs
import pytest

import mappa
from mappa.deadlines import Deadline
from mappa.errors import MappaError

# Modules the contract does not walk, and why.
SKIPPED_MODULES = {
    "mappa.cli": "a command-line entry point; tests/test_cli.py runs it",
    "mappa.strategies": "returns Hypothesis strategies; tested by using them",
    "mappa.__main__": "runs the command",
}


def _public_modules() -> list[types.ModuleType]:
    modules = []
    for info in pkgutil.iter_modules(mappa.__path__, "mappa."):
        short = info.name.rsplit(".", 1)[1]
        if short.startswith("_") or info.name in SKIPPED_MODULES:
            continue
        modules.append(importlib.import_module(info.name))
    return modules


def _load_samples() -> tuple[
    dict[type, Callable[[], object]], dict[str, Callable[[], object]]
]:
    samples: dict[type, Callable[[], object]] = {}
    params: dict[str, Callable[[], object]] = {}
    import contract_samples

    for info in pkgutil.iter_modules(contract_samples.__path__, "contract_samples."):
        module = importlib.import_module(info.name)
        samples.update(getattr(module, "SAMPLES", {}))
        params.update(getattr(module, "PARAMS", {}))
    return samples, params


SAMPLES, PARAMS = _load_samples()


class NoSample(Exception):
    """No valid value is known for an annotation."""


SEQUENCE_ORIGINS = (
    cabc.Sequence,
    cabc.Iterable,
    cabc.Collection,
    cabc.Iterator,
    cabc.Set,
    list,
    tuple,
    frozenset,
    set,
)


def sample_for(annotation: Any) -> object:
    """A valid value for *annotation*."""
    origin = typing.get_origin(annotation)
    args = typing.get_args(annotation)
    if annotation is type(None) or annotation is None:
        return None
    if origin in (typing.Union, types.UnionType):
        for arg in args:
            if arg is not type(None):
                try:
                    return sample_for(arg)
                except NoSample:
                    continue
        return None
    if origin is typing.Literal:
        return args[0]
    if annotation in SAMPLES:
        return SAMPLES[annotation]()
    if annotation is dt.date:
        return dt.date(2025, 6, 2)
    if annotation is bool:
        return False
    if annotation is int:
        return 1
    if annotation is str:
        return "x"
    if annotation is Decimal:
        return Decimal("100.00")
    if annotation is Fraction:
        return Fraction(1, 2)
    if isinstance(annotation, type) and issubclass(annotation, enum.Enum):
        return next(iter(annotation))
    if origin is tuple and args and args[-1] is not Ellipsis:
        return tuple(sample_for(arg) for arg in args)
    if origin in SEQUENCE_ORIGINS:
        item = sample_for(args[0]) if args else 1
        if origin in (cabc.Set, frozenset, set):
            return frozenset({item})
        if origin is cabc.Iterator:
            return iter((item,))
        return (item,)
    if origin in (cabc.Mapping, dict):
        return {}
    raise NoSample(repr(annotation))


def conforms(value: object, annotation: Any) -> bool:
    """True if *value* is a valid instance of *annotation* (deeply, roughly)."""
    origin = typing.get_origin(annotation)
    args = typing.get_args(annotation)
    if annotation in (Any, object) or isinstance(annotation, typing.TypeVar):
        return True
    if annotation is type(None) or annotation is None:
        return value is None
    if origin in (typing.Union, types.UnionType):
        return any(conforms(value, arg) for arg in args)
    if origin is typing.Literal:
        return value in args
    if annotation is bool:
        return isinstance(value, bool)
    if annotation is int:
        return isinstance(value, int) and not isinstance(value, bool)
    if annotation is float:
        return isinstance(value, int | float) and not isinstance(value, bool)
    if annotation is dt.date:
        return isinstance(value, dt.date) and not isinstance(value, dt.datetime)
    if origin is not None and origin in SEQUENCE_ORIGINS:
        if isinstance(value, str | bytes) and args and args[0] is not str:
            return False
        if not isinstance(value, origin):
            return False
        if origin is tuple and args and args[-1] is not Ellipsis:
            return len(value) == len(args) and all(  # type: ignore[arg-type]
                conforms(v, a)
                for v, a in zip(value, args, strict=False)  # type: ignore[call-overload]
            )
        if origin is cabc.Iterator:
            return True
        return all(conforms(v, args[0]) for v in value) if args else True  # type: ignore[attr-defined]
    if origin in (cabc.Mapping, dict):
        return isinstance(value, cabc.Mapping)
    if origin in (cabc.Callable,) or annotation is cabc.Callable:
        return callable(value)
    if isinstance(annotation, type):
        if getattr(annotation, "_is_protocol", False):
            try:
                return isinstance(value, annotation)
            except TypeError:
                return True
        return isinstance(value, annotation)
    return True


def junk_values() -> list[object]:
    """Wrong-typed and extreme values, made fresh for each call."""
    return [
        object(),
        "junk",
        "2025-06-02",
        dt.datetime(2025, 6, 2, 12, 0),
        1.5,
        float("nan"),
        None,
        True,
        0,
        -1,
        10**12,
        -(10**12),
        dt.date.min,
        dt.date.max,
        Decimal("-1"),
        Decimal("NaN"),
        Decimal("1E+30"),
        # Too long to write out (Python refuses past 4,300 digits) or too
        # big to work with: refused, quickly, with a MappaError.
        10**5000,
        -(10**5000),
        Decimal("1E+10000000"),
        Decimal("1.00000000000000000000000000001"),
        "x\x00y",
        (object(),),
        ("junk",),
    ]


def _shown(value: object) -> str:
    """A junk value for a failure message (a huge int has no repr)."""
    try:
        return repr(value)[:80]
    except ValueError:
        return f"<an int of {value.bit_length()} bits>"  # type: ignore[attr-defined]


def _hints(func: Callable[..., object]) -> dict[str, Any]:
    target = func.__init__ if isinstance(func, type) else func  # type: ignore[misc]
    try:
        return typing.get_type_hints(target)
    except Exception:  # pragma: no cover - an unresolvable hint
        return {}


def _parameters(func: Callable[..., object]) -> list[inspect.Parameter]:
    signature = inspect.signature(func)
    return [
        p
        for p in signature.parameters.values()
        if p.kind not in (p.VAR_POSITIONAL, p.VAR_KEYWORD) and p.name != "self"
    ]


def _call(func: Callable[..., object], kwargs: dict[str, object]) -> object:
    result = func(**kwargs)
    # Consume lazy results, so errors hidden in generators surface here.
    if isinstance(result, Iterator):
        list(itertools.islice(result, 200))
    return result


def _qualname(func: Callable[..., object]) -> str:
    name = getattr(func, "__qualname__", getattr(func, "__name__", repr(func)))
    return str(name)


def valid_kwargs(func: Callable[..., object], qualname: str) -> dict[str, object]:
    hints = _hints(func)
    kwargs: dict[str, object] = {}
    for parameter in _parameters(func):
        key = f"{qualname}.{parameter.name}"
        if key in PARAMS:
            kwargs[parameter.name] = PARAMS[key]()
        elif parameter.default is not inspect.Parameter.empty:
            continue
        else:
            annotation = hints.get(parameter.name, Any)
            try:
                kwargs[parameter.name] = sample_for(annotation)
            except NoSample as missing:
                raise NoSample(
                    f"{key}: add a sample for {missing} to tests/contract_samples/"
                ) from None
    return kwargs


def _missing_sample(module: str, name: str) -> Callable[..., object]:
    """A stand-in that fails the test of a method with no sample instance."""

    def missing(**_: object) -> object:
        raise NoSample(
            f"{module}.{name}: add a sample instance to tests/contract_samples/ "
            "so its methods are checked"
        )

    return missing


def _callables() -> Iterator[tuple[str, Callable[..., object], Callable[..., object]]]:
    """(id, callable, the function whose hints describe it)."""
    for module in _public_modules():
        for name in getattr(module, "__all__", ()):
            obj = getattr(module, name)
            if getattr(obj, "__module__", None) != module.__name__:
                continue
            if isinstance(obj, type):
                if issubclass(obj, BaseException | enum.Enum) or getattr(
                    obj, "_is_protocol", False
                ):
                    continue
                if attrs.has(obj) or "__init__" in vars(obj):
                    yield f"{module.__name__}.{name}", obj, obj
                for attr_name, attr in vars(obj).items():
                    # mutmut (scripts/mutation.py) adds renamed copies of each
                    # method, named ``...__mutmut_...``: not part of the API.
                    if attr_name.startswith("_") or "__mutmut_" in attr_name:
                        continue
                    if isinstance(attr, staticmethod | classmethod):
                        bound = getattr(obj, attr_name)
                        yield f"{module.__name__}.{name}.{attr_name}", bound, bound
                    elif inspect.isfunction(attr):
                        label = f"{module.__name__}.{name}.{attr_name}"
                        if obj not in SAMPLES:
                            yield label, _missing_sample(module.__name__, name), attr
                            continue
                        bound = getattr(SAMPLES[obj](), attr_name)
                        yield label, bound, attr
            elif callable(obj):
                yield f"{module.__name__}.{name}", obj, obj


CALLABLES = list(_callables())


def test_every_public_module_is_walked() -> None:
    walked = {name.rsplit(".", 1)[0] for name, _, _ in CALLABLES}
    assert "mappa.framework" in walked
    assert "mappa.rulebook" in walked
    assert len(CALLABLES) > 20


@pytest.mark.parametrize(
    ("func", "described_by"),
    [pytest.param(f, d, id=name) for name, f, d in CALLABLES],
)
def test_contract(
    func: Callable[..., object],
    described_by: Callable[..., object],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(tmp_path)  # junk file names land here, never in the repo
    qualname = _qualname(described_by)
    hints = _hints(described_by)
    base = valid_kwargs(func, qualname)
    try:
        _call(func, base)  # the valid call must succeed
    except NoSample as missing:
        pytest.fail(str(missing))
    for parameter in _parameters(func):
        annotation = hints.get(parameter.name, Any)
        for junk in junk_values():
            kwargs = {**base, parameter.name: junk}
            wrong_type = not conforms(junk, annotation)
            try:
                _call(func, kwargs)
            except (MappaError, TypeError):
                continue
            except Exception as error:
                pytest.fail(
                    f"{qualname}({parameter.name}={_shown(junk)}) raised "
                    f"{type(error).__name__}: {error}"
                )
            if wrong_type:
                pytest.fail(
                    f"{qualname}({parameter.name}={_shown(junk)}) accepted a value "
                    f"that is not a {annotation}"
                )


def test_contract_errors_carry_no_caller_text(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A message never echoes a caller's string (it could be personal data).

    File names are the exception: a loading error must name its file.
    """
    monkeypatch.chdir(tmp_path)
    secret = "Jane Example, born 1 January 1980, lives at 1 High Street"
    leaks = []
    for name, func, described_by in CALLABLES:
        try:
            base = valid_kwargs(func, _qualname(described_by))
        except NoSample:
            continue  # test_contract reports it
        hints = _hints(described_by)
        for parameter in _parameters(func):
            if conforms(Path("x"), hints.get(parameter.name, Any)):
                continue  # a file name, which errors name on purpose
            try:
                _call(func, {**base, parameter.name: secret})
            except Exception as error:
                if (
                    "Jane" in str(error)
                    or "Jane" in repr(error)
                    or "Jane" in repr(getattr(error, "value", None))
                ):
                    leaks.append(f"{name}({parameter.name}=...)")
    assert leaks == []


# -- one shape for every rule function (DESIGN: "One shape for every rule function")

# Classes that carry a citation but are not a rule's result, and why.
NOT_RESULTS = {
    "mappa.rulebook.Rule": "the rulebook's machinery: a rule, not a result",
    "mappa.rulebook.RuleVersion": "the rulebook's machinery: a rule's value",
    "mappa.rulebook.Rulebook": "the rulebook itself (its citation() looks one up)",
    "mappa.sources.Citation": "a citation itself",
    "mappa.sources.Document": "a source document",
    "mappa.indicators.Indicator": "an indicator's definition, named by its rule",
    "mappa.statistics.ProgrammeCompletions": "a published figure, not a rule",
    "mappa.statistics.KeepingChildrenSafe": "published figures, not a rule",
    "mappa.statistics.TrainingCount": "published figures, not a rule",
    "mappa.statistics.FigureRow": "a published figure as a tidy row",
    "mappa.duties.DutyRow": "a due list's tidy row of plain values (its "
    "citation as text); the Duty it comes from names its rule and citation",
    "mappa.statistics.NationalFigures": "published figures, not a rule",
}

# The longest repr a value may have: a few hundred characters.
MAX_REPR = 600


def _public_names() -> Iterator[tuple[str, object]]:
    for module in _public_modules():
        for name in getattr(module, "__all__", ()):
            obj = getattr(module, name)
            if getattr(obj, "__module__", None) == module.__name__:
                yield f"{module.__name__}.{name}", obj


PUBLIC = list(_public_names())
FUNCTIONS = [(n, o) for n, o in PUBLIC if inspect.isfunction(o)]
CLASSES = [(n, o) for n, o in PUBLIC if isinstance(o, type)]


def _return_type(func: Callable[..., object]) -> Any:
    return typing.get_type_hints(func).get("return")


def _valid_result(func: Callable[..., object]) -> object:
    return _call(func, valid_kwargs(func, _qualname(func)))


def _attribute_names(cls: type) -> set[str]:
    names = {name for klass in cls.__mro__ for name in vars(klass)}
    if attrs.has(cls):
        names |= {field.name for field in attrs.fields(cls)}
    return names


def _holds_a_deadline(hint: object) -> bool:
    if isinstance(hint, str):  # a hint that cannot be resolved at run time
        return hint in ("Deadline", "Deadline | None")
    return hint is Deadline or set(typing.get_args(hint)) == {Deadline, type(None)}


def _field_types(cls: type) -> dict[str, Any]:
    try:
        return typing.get_type_hints(cls)
    except NameError:  # a hint naming a type imported only for type checking
        return {f.name: f.type for f in attrs.fields(cls)}


def _is_bundle(cls: object) -> bool:
    """An attrs class holding deadlines (a minute's draft and final)."""
    if not (isinstance(cls, type) and attrs.has(cls)):
        return False
    hints = _field_types(cls)
    return any(_holds_a_deadline(hints[f.name]) for f in attrs.fields(cls))


def test_the_shape_checks_see_every_kind_of_name() -> None:
    names = {name.rsplit(".", 1)[1] for name, _ in FUNCTIONS}
    assert {"minutes_due", "next_review_due", "check_level", "may_chair"} <= names
    assert any(name.startswith("assess_") for name in names)


@pytest.mark.parametrize(
    "func",
    [pytest.param(f, id=n) for n, f in FUNCTIONS if n.endswith("_due")],
)
def test_due_functions_return_a_deadline(
    func: Callable[..., object], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every ``*_due`` returns a Deadline, or a bundle holding Deadlines."""
    monkeypatch.chdir(tmp_path)
    declared = _return_type(func)
    assert declared is Deadline or _is_bundle(declared), (
        f"{_qualname(func)} is declared to return {declared}, not a Deadline"
    )
    result = _valid_result(func)
    assert isinstance(result, declared)
    deadlines = (
        [result]
        if isinstance(result, Deadline)
        else [getattr(result, f.name) for f in attrs.fields(type(result))]
    )
    for deadline in deadlines:
        if isinstance(deadline, Deadline):
            assert deadline.rule in mappa.DEFAULT_RULEBOOK.names
            assert deadline.citation == mappa.DEFAULT_RULEBOOK.citation(deadline.rule)


def _bare_due_fields(cls: type) -> list[str]:
    """The fields named ``due`` or ``*_due`` of *cls* not typed as a Deadline."""
    hints = _field_types(cls)
    return [
        f.name
        for f in attrs.fields(cls)
        if (f.name == "due" or f.name.endswith("_due"))
        and not _holds_a_deadline(hints[f.name])
    ]


BUNDLES = [
    (n, c)
    for n, c in CLASSES
    if attrs.has(c) and c is not Deadline and n.endswith(("Due", "Deadline"))
]


@pytest.mark.parametrize("cls", [pytest.param(c, id=n) for n, c in BUNDLES])
def test_deadline_bundles_hold_deadlines(cls: type) -> None:
    """A public ``*Due`` or ``*Deadline`` class is a bundle of Deadlines:
    each of its ``due`` and ``*_due`` fields is one (or None), never a date."""
    assert _is_bundle(cls), f"{cls.__name__} holds no Deadline"
    assert _bare_due_fields(cls) == [], f"{cls.__name__} holds bare dates"


def test_the_bundles_are_found() -> None:
    names = {n.rsplit(".", 1)[1] for n, _ in BUNDLES}
    assert {"MinutesDue", "SubjectAccessDeadline"} <= names


def _rule_functions() -> list[tuple[str, Callable[..., object]]]:
    found = list(FUNCTIONS)
    for name, cls in CLASSES:
        for attr_name, attr in vars(cls).items():
            if isinstance(attr, staticmethod | classmethod) or (
                inspect.isfunction(attr) and not attr_name.startswith("_")
            ):
                found.append((f"{name}.{attr_name}", getattr(cls, attr_name)))
    return found


def test_calendar_and_rulebook_come_last_keyword_only_in_that_order() -> None:
    wrong = []
    for name, func in _rule_functions():
        parameters = [
            p
            for p in inspect.signature(func).parameters.values()
            if p.name != "self" and p.kind not in (p.VAR_POSITIONAL, p.VAR_KEYWORD)
        ]
        names = [p.name for p in parameters]
        tail = [n for n in names if n in ("calendar", "rulebook")]
        if not tail:
            continue
        if names[-len(tail) :] != tail or tail not in (
            ["calendar", "rulebook"],
            ["calendar"],
            ["rulebook"],
        ):
            wrong.append(f"{name}: {names}")
            continue
        for parameter in parameters[-len(tail) :]:
            if (
                parameter.kind is not parameter.KEYWORD_ONLY
                or parameter.default is not None
            ):
                wrong.append(f"{name}: {parameter.name} is not keyword-only =None")
    assert wrong == []


def test_one_name_for_the_area_table() -> None:
    wrong = [
        name
        for name, func in _rule_functions()
        if "table" in inspect.signature(func).parameters
    ]
    assert wrong == []


@pytest.mark.parametrize(
    "func",
    [
        pytest.param(f, id=n)
        for n, f in FUNCTIONS
        if n.rsplit(".", 1)[1].startswith("check_")
    ],
)
def test_check_functions_return_their_input(func: Callable[..., object]) -> None:
    kwargs = valid_kwargs(func, _qualname(func))
    result = _call(func, kwargs)
    assert any(result is value for value in kwargs.values()), (
        f"{_qualname(func)} returned a new {type(result).__name__}: a check_* "
        "returns its input or raises (name a decision assess_*)"
    )


DECISION_FUNCTIONS = [
    (n, f) for n, f in FUNCTIONS if n.rsplit(".", 1)[1].startswith(("assess_", "may_"))
]


@pytest.mark.parametrize("func", [pytest.param(f, id=n) for n, f in DECISION_FUNCTIONS])
def test_decisions_carry_rule_citations_and_bool(func: Callable[..., object]) -> None:
    declared = _return_type(func)
    assert isinstance(declared, type)
    assert "__bool__" in _attribute_names(declared), (
        f"{declared.__name__} has no __bool__"
    )
    result = _valid_result(func)
    assert isinstance(result, declared)
    _assert_names_its_rule(result)
    assert isinstance(bool(result), bool)


def _assert_names_its_rule(result: object) -> None:
    rule = getattr(result, "rule", None)
    citations = getattr(result, "citations", None)
    assert isinstance(rule, str), f"{type(result).__name__} names no rule"
    assert rule in mappa.DEFAULT_RULEBOOK, (
        f"{type(result).__name__} names {rule!r}, which is not a rule of the rulebook"
    )
    assert isinstance(citations, tuple), f"{type(result).__name__} has no citations"
    assert citations, f"{type(result).__name__} has no citations"
    assert all(isinstance(c, mappa.Citation) for c in citations)


def _carries_a_citation(cls: type) -> bool:
    return any(
        name == "citation" or name == "citations" or name.endswith("_citation")
        for name in _attribute_names(cls)
        if not name.startswith("_")
    )


RESULT_CLASSES = [
    (n, c)
    for n, c in CLASSES
    if attrs.has(c) and n not in NOT_RESULTS and _carries_a_citation(c)
]


@pytest.mark.parametrize("cls", [pytest.param(c, id=n) for n, c in RESULT_CLASSES])
def test_every_result_names_its_rule_and_carries_citations(cls: type) -> None:
    assert cls in SAMPLES, f"add a sample of {cls.__name__} to tests/contract_samples/"
    sample = SAMPLES[cls]()
    if _is_bundle(cls):
        # A bundle's deadlines each name their rule.
        held = [getattr(sample, f.name) for f in attrs.fields(cls)]
        for deadline in (d for d in held if isinstance(d, Deadline)):
            _assert_names_its_rule(deadline)
        assert isinstance(getattr(sample, "citations", None), tuple)
    else:
        _assert_names_its_rule(sample)


def test_the_result_classes_are_found() -> None:
    names = {n.rsplit(".", 1)[1] for n, _ in RESULT_CLASSES}
    assert {"Deadline", "ChairDecision", "MinutesDecision", "RecordingCheck"} <= names


@pytest.mark.parametrize(
    "cls", [pytest.param(c, id=n) for n, c in CLASSES if attrs.has(c)]
)
def test_no_private_attrs_field(cls: type) -> None:
    private = [f.name for f in attrs.fields(cls) if f.name.startswith("_")]
    assert private == [], f"{cls.__name__} shows private fields to attrs.asdict"


@pytest.mark.parametrize(
    "make", [pytest.param(m, id=t.__name__) for t, m in SAMPLES.items()]
)
def test_reprs_are_short(make: Callable[[], object]) -> None:
    text = repr(make())
    assert len(text) <= MAX_REPR, f"{len(text)} characters: {text[:200]}..."


@pytest.mark.parametrize("func", [pytest.param(f, id=n) for n, f in FUNCTIONS])
def test_results_have_short_reprs(
    func: Callable[..., object], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    try:
        result = _valid_result(func)
    except NoSample:
        pytest.skip("test_contract reports the missing sample")
    results = list(result)[:3] if isinstance(result, tuple | list) else [result]
    for item in results:
        text = repr(item)
        assert len(text) <= MAX_REPR, f"{len(text)} characters: {text[:200]}..."


# -- the shape checks catch what they are for ---------------------------------------


def _bare_date_due(day: dt.date) -> dt.date:
    return day


def _check_returning_a_result(level: mappa.Level) -> mappa.Deadline:
    return mappa.Deadline(
        dt.date(2025, 6, 2), "minutes.final", mappa.Citation("a", "b", "c")
    )


@attrs.frozen
class _RuleLess:
    citation: mappa.Citation


def test_the_checks_catch_a_due_returning_a_bare_date() -> None:
    declared = _return_type(_bare_date_due)
    assert declared is dt.date
    assert not _is_bundle(declared)


@attrs.frozen
class _BareDue:
    due: dt.date
    extended_due: Deadline | None


@attrs.frozen
class _DatesDue:
    draft: dt.date
    final: dt.date


def test_the_checks_catch_a_bundle_holding_bare_dates() -> None:
    assert _bare_due_fields(_BareDue) == ["due"]
    assert _is_bundle(_BareDue)
    assert not _is_bundle(_DatesDue)
    assert _holds_a_deadline(Deadline | None)
    assert not _holds_a_deadline(dt.date | None)
    assert _holds_a_deadline("Deadline | None")
    assert not _holds_a_deadline("date")


def test_the_checks_catch_a_check_returning_a_result() -> None:
    kwargs = {"level": mappa.Level.MAPPP}
    result = _check_returning_a_result(**kwargs)  # type: ignore[arg-type]
    assert not any(result is value for value in kwargs.values())


def test_the_checks_catch_a_result_naming_no_rule() -> None:
    rule_less = _RuleLess(mappa.Citation("a", "b", "c"))
    assert _carries_a_citation(_RuleLess)
    with pytest.raises(AssertionError, match="names no rule"):
        _assert_names_its_rule(rule_less)

    @attrs.frozen
    class MadeUp:
        rule: str
        citations: tuple[mappa.Citation, ...]

    with pytest.raises(AssertionError, match="not a rule of the rulebook"):
        _assert_names_its_rule(MadeUp("no.such.rule", (mappa.Citation("a", "b", "c"),)))
    assert "__bool__" not in _attribute_names(_RuleLess)


def test_values_with_derived_slots_survive_pickling() -> None:
    """The values that keep derived data outside their attrs fields rebuild
    it after a copy (pickle restores fields only)."""
    import pickle

    from mappa.records import Caseload, sample_caseload

    def copy(value: Any) -> Any:
        twin = pickle.loads(pickle.dumps(value))
        assert twin == value
        return twin

    assert copy(mappa.DEFAULT_AREA_TABLE).area("Fife").name == "Fife"
    assert copy(mappa.DEFAULT_RULEBOOK).rule("minutes.final").name == "minutes.final"
    calendar = copy(mappa.WorkingCalendar.scotland())
    assert calendar.add_working_days(dt.date(2025, 6, 2), 1) == dt.date(2025, 6, 3)
    meeting = next(m for m in sample_caseload() if m.attendance)
    twin = copy(meeting)
    assert twin._tally == meeting._tally
    attendance = copy(meeting.attendance[0])
    assert attendance._code == meeting.attendance[0]._code
    assert list(Caseload.from_meetings([twin])) == [meeting]


def test_ipython_and_hypothesis_print_the_short_repr() -> None:
    class Printer:
        def __init__(self) -> None:
            self.parts: list[str] = []

        def text(self, part: str) -> None:
            self.parts.append(part)

    for value in (mappa.DEFAULT_RULEBOOK, mappa.DEFAULT_AREA_TABLE):
        printer = Printer()
        value._repr_pretty_(printer, False)
        assert printer.parts == [repr(value)]
        assert len(repr(value)) < 400
