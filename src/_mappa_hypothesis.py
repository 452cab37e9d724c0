"""Hypothesis's entry point for mappa, kept outside the ``mappa`` package.

Hypothesis runs every ``hypothesis`` entry point when it is imported, in
every test run, whether or not the tests use ``mappa``. Loading a module
inside ``mappa`` would import the whole package first (its rules, the
``holidays`` package), so the entry point names this small top-level
module instead, which imports nothing until it knows ``mappa`` is loaded:

* ``mappa`` imported before Hypothesis: the hook registers ``mappa``'s
  types with ``st.from_type`` now;
* Hypothesis imported first: the hook does nothing, and ``mappa`` registers
  its types itself when it is imported (``mappa/__init__.py`` does so when
  it finds Hypothesis loaded).

Either way a test that uses ``mappa`` has its types registered, and one
that never imports ``mappa`` pays only for importing this module.
"""

from __future__ import annotations

import sys

__all__: list[str] = []


def _hypothesis_setup_hook() -> None:
    """Register ``mappa``'s types with Hypothesis, if ``mappa`` is loaded."""
    if "mappa" in sys.modules:
        from mappa._hypothesis_plugin import register

        register()
