"""``st.from_type`` for every public value type of mappa (private).

:func:`register` registers a function for each public value type (each
class in a public module's ``__all__``, enums and exceptions aside) that
builds the type's strategy from :mod:`mappa.strategies` when a test first
asks for it. It runs once Hypothesis and ``mappa`` are both loaded,
whichever came first: from the top-level ``_mappa_hypothesis`` module
(Hypothesis's entry point, which imports nothing of ``mappa``) or from
``mappa/__init__.py``. It imports Hypothesis inside the function, so
importing ``mappa`` never needs it; :mod:`mappa.strategies` is imported
only when a strategy is first built: it imports Hypothesis, so importing
it while Hypothesis is still starting would be circular.
"""

from __future__ import annotations

import enum
import importlib
import pkgutil
from typing import Any

__all__: list[str] = []

# Not rule modules: the command line, and the strategies themselves.
_NOT_TYPES = frozenset({"mappa.__main__", "mappa.cli", "mappa.strategies"})


def _public_types() -> list[type]:
    """Every class in a public module's ``__all__``, less enums and exceptions."""
    import mappa

    found: dict[type, None] = {}
    for info in sorted(pkgutil.iter_modules(mappa.__path__, "mappa."), key=str):
        short = info.name.rpartition(".")[2]
        if info.name in _NOT_TYPES or short.startswith("_"):
            continue
        module = importlib.import_module(info.name)
        for name in getattr(module, "__all__", ()):
            value = getattr(module, name)
            if (
                isinstance(value, type)
                and value.__module__.startswith("mappa.")
                and not issubclass(value, enum.Enum | BaseException)
            ):
                found[value] = None
    return list(found)


def _strategy_for(cls: type) -> Any:
    """The strategy :mod:`mappa.strategies` gives *cls* (``NotImplemented`` if none)."""
    from mappa import strategies

    make = strategies._registrations().get(cls)
    return NotImplemented if make is None else make()


def register() -> None:
    """Register a strategy with Hypothesis for each of mappa's public value types."""
    from hypothesis import strategies as st

    for cls in _public_types():
        st.register_type_strategy(cls, _strategy_for)


# The entry point's name before it moved out of the package (0.1.0.dev0).
_hypothesis_setup_hook = register
