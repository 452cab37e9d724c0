"""A pytest plugin for the test runs of ``scripts/mutation.py``.

The script loads it (``-p mutation_plugin``) into every pytest run mutmut
starts. Hypothesis would draw new examples in each run and time each one:
a run slowed by mutmut's trampolines could then fail on a deadline and
count as a kill, and a survivor could be killed one run and not the next.
The ``mutation`` profile draws the same examples in every run, with no
deadline and no example database, and at most ``MAPPA_MUTATION_EXAMPLES``
examples per property test (25 unless set; explicit ``@settings`` are
capped too): property tests state invariants, and the boundaries a
mutant moves are pinned by example tests, so a few hundred examples per
mutant buy little and cost most of the run.

In the default, fast mode mutmut forks each mutant's run from a process
that has already imported ``mappa`` and run the tests, so every
``lru_cache`` (which mutmut never mutates) holds the original code's
answers, and a mutant in a helper it calls would never run. The plugin
clears those caches when each session starts, except the shared national
calendar in ``KEEP``: test modules hold it from their import, and a test
checks it stays one object. Mutants in building a calendar are still
seen through the calendars the tests build themselves; ``--fresh`` runs
every mutant in a new process, where nothing is inherited. In that mode
the plugin refuses a process that imported ``mappa`` before the mutant
was chosen.
"""

from __future__ import annotations

import os
import sys

import pytest

# Caches that hand out an object tests hold and compare by identity.
KEEP = {"mappa.calendar._default_scotland"}


def _mutant() -> str:
    name = os.environ.get("MUTANT_UNDER_TEST", "")
    return name if "__mutmut_" in name else ""


def _clear_caches() -> None:
    """Clear every ``lru_cache`` of the loaded ``mappa`` modules but ``KEEP``."""
    for name, module in list(sys.modules.items()):
        if module is None or not (name == "mappa" or name.startswith("mappa.")):
            continue
        for attr, value in list(vars(module).items()):
            if f"{name}.{attr}" in KEEP or not hasattr(value, "cache_info"):
                continue
            value.cache_clear()


def pytest_configure(config: pytest.Config) -> None:
    """Check the process; load a deterministic Hypothesis profile."""
    fresh = os.environ.get("MAPPA_MUTATION_FRESH") == "1"
    if fresh and _mutant() and "mappa" in sys.modules:
        raise pytest.UsageError(
            "mappa was imported before the mutant was chosen: run mutmut with "
            "process_isolation = forkserver and no mappa import in the warm-up"
        )
    try:
        from hypothesis import HealthCheck, settings
    except ImportError:  # pragma: no cover - Hypothesis is a test dependency
        return
    settings.register_profile(
        "mutation",
        derandomize=True,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.too_slow],
    )
    settings.load_profile("mutation")


def pytest_sessionstart(session: pytest.Session) -> None:
    """In a forked run, empty the caches so the mutant fills them."""
    if _mutant() and os.environ.get("MAPPA_MUTATION_FRESH") != "1":
        _clear_caches()


def pytest_collection_modifyitems(
    session: pytest.Session, config: pytest.Config, items: list[pytest.Item]
) -> None:
    """Cap every property test's examples; no deadline, same examples each run."""
    try:
        from hypothesis import HealthCheck, settings
    except ImportError:  # pragma: no cover - Hypothesis is a test dependency
        return
    cap = int(os.environ.get("MAPPA_MUTATION_EXAMPLES", "25"))
    for item in items:
        test = getattr(item, "obj", None)
        current = getattr(test, "_hypothesis_internal_use_settings", None)
        if current is None:
            continue
        test._hypothesis_internal_use_settings = settings(  # type: ignore[union-attr]
            current,
            max_examples=min(current.max_examples, cap),
            deadline=None,
            derandomize=True,
            database=None,
            suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
        )
