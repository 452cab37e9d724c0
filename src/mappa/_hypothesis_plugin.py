"""Hypothesis's entry point for mappa: ``st.from_type`` for every public value type.

Hypothesis calls :func:`_hypothesis_setup_hook` when it starts (it is
declared under ``[project.entry-points.hypothesis]``). The hook imports
Hypothesis and :mod:`mappa.strategies` inside the function, so importing
``mappa`` never needs Hypothesis. Each registration is a function that
builds its strategy only when a test first asks for the type.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

__all__: list[str] = []


def _hypothesis_setup_hook() -> None:
    """Register a strategy with Hypothesis for each of mappa's public value types."""
    from hypothesis import strategies as st

    from mappa import strategies

    for cls, make in strategies._registrations().items():
        st.register_type_strategy(cls, _deferred(make))


def _deferred(make: Callable[[], Any]) -> Callable[[type], Any]:
    """A ``register_type_strategy`` function that calls *make* on first use."""
    return lambda _cls: make()
