"""Pausing the cyclic garbage collector around bulk work (private)."""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator

__all__: list[str] = []


@contextlib.contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while millions of acyclic objects are
    made (it would otherwise rescan them again and again); restore it after."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
