"""A second Python process for one half of a large job.

Loading a large caseload and evaluating its indicators each split into two
independent halves (the meetings file and the attendance file; the review
intervals and everything else). With two or more processors, :func:`start`
runs one half in a fresh interpreter while the caller does the other.

The second process is a new ``sys.executable`` started with
:mod:`subprocess`: never a fork (safe in threaded programs and notebooks),
and it never imports the caller's main module (so scripts need no
``if __name__ == "__main__"`` guard). The payload goes to it in a private
temporary file and the result comes back on its standard output, both as
pickles. If it cannot be started or does not finish cleanly,
:meth:`Job.result` warns and returns ``None``, and the caller does the work
itself: the answer never depends on the second process, only the time.
"""

from __future__ import annotations

import contextlib
import importlib
import json
import os
import pickle
import subprocess
import sys
import tempfile
import warnings
from typing import Any

from mappa import _check
from mappa.errors import InvalidValueError

# The tasks a second process may run: name -> (module, function, whether
# the module stands alone, what it does). Each function takes the payload
# and returns a picklable result. A module that stands alone imports only
# the standard library: the second process loads its file by itself,
# without importing the package (a third of a second sooner).
_TASKS = {
    "attendance": (
        "mappa.records",
        "_attendance_task",
        False,
        "reading the attendance file",
    ),
    "reviews": ("mappa._intervals", "task", True, "counting the review intervals"),
}

# What the second process runs: argv is the parent's sys.path (JSON), the
# module, its file if it stands alone (else ""), the function, the payload file.
_BOOT = """\
import json, os, pickle, sys
paths, name, file, function, payload = sys.argv[1:]
if file:
    import importlib.util
    spec = importlib.util.spec_from_file_location(name, file)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
else:
    import importlib
    sys.path[:0] = json.loads(paths)
    module = importlib.import_module(name)
with open(payload, "rb") as stream:
    argument = pickle.load(stream)
result = getattr(module, function)(argument)
sys.stdout.buffer.write(pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL))
sys.stdout.buffer.flush()
os._exit(0)  # done: skip freeing millions of objects one by one
"""


def processors() -> int:
    """The number of processors this process may run on."""
    affinity = getattr(os, "sched_getaffinity", None)
    if affinity is not None:
        return len(affinity(0))
    return os.cpu_count() or 1  # pragma: no cover - platforms without affinity


def _interpreter() -> bool:
    """Whether ``sys.executable`` looks like a Python interpreter (embedded
    Pythons may report their host program, or nothing)."""
    name = os.path.basename(sys.executable or "").lower()
    return name.startswith(("python", "pypy"))


def ensure_workers(value: object) -> int | None:
    """Check a ``workers`` argument: ``None`` (choose), 1 or 2."""
    if value is None:
        return None
    number = _check.ensure_int(value, "workers")
    if number not in (1, 2):
        raise InvalidValueError(
            f"workers must be 1, 2 or None (choose), got {number}",
            rule="workers",
            value=number,
        )
    return number


def wanted(workers: int | None, size: int, minimum: int) -> bool:
    """Whether to use a second process for a job of *size*.

    ``workers=2`` always does (if it can); ``1`` never does; ``None`` does
    when *size* is at least *minimum*, there are two processors or more,
    and ``sys.executable`` is a Python interpreter.
    """
    if workers is None:
        return size >= minimum and processors() >= 2 and _interpreter()
    return workers == 2


class Job:
    """A task running in a second process; :meth:`result` waits for it."""

    def __init__(self, task: str, payload: object) -> None:
        self._task = task
        module, function, alone, _ = _TASKS[task]
        self._process: subprocess.Popen[bytes] | None = None
        handle, self._path = tempfile.mkstemp(prefix="mappa-", suffix=".pickle")
        try:
            with os.fdopen(handle, "wb") as file:
                pickle.dump(payload, file, protocol=pickle.HIGHEST_PROTOCOL)
            self._process = subprocess.Popen(
                [
                    sys.executable,
                    "-c",
                    _BOOT,
                    json.dumps(sys.path),
                    module,
                    _module_file(module) if alone else "",
                    function,
                    self._path,
                ],
                stdin=subprocess.DEVNULL,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
            )
        except (OSError, ValueError, pickle.PicklingError) as error:
            self._warn(f"it could not be started ({type(error).__name__})")
            self._remove()

    def _warn(self, why: str) -> None:
        warnings.warn(
            f"mappa: a second process for {_TASKS[self._task][3]} was not used: "
            f"{why}; doing the work in this one",
            RuntimeWarning,
            stacklevel=4,
        )

    def _remove(self) -> None:
        with contextlib.suppress(OSError):
            os.remove(self._path)

    def result(self) -> Any:
        """The task's result, or ``None`` (with a warning) if it failed."""
        process = self._process
        if process is None:
            return None
        self._process = None
        try:
            output, _ = process.communicate()
        finally:
            self._remove()
        if process.returncode != 0:
            # Its error output is not repeated: it may quote the input.
            self._warn(f"it stopped with exit status {process.returncode}")
            return None
        try:
            return pickle.loads(output)
        except Exception as error:  # any unreadable result
            self._warn(f"its result was unreadable ({type(error).__name__})")
            return None

    def cancel(self) -> None:
        """Stop the task if it is still running (the caller has given up)."""
        process = self._process
        if process is None:
            return
        self._process = None
        process.kill()
        process.communicate()
        self._remove()


def start(task: str, payload: object) -> Job:
    """Start *task* (a name in ``_TASKS``) on *payload* in a second process."""
    if task not in _TASKS:
        raise ValueError(f"unknown task {task!r}")
    return Job(task, payload)


def run(task: str, payload: object) -> Any:
    """Run *task* on *payload* in this process (what the second one does)."""
    module, function, _, _ = _TASKS[task]
    return getattr(importlib.import_module(module), function)(payload)


def _module_file(module: str) -> str:
    """The file of a module that stands alone (beside this one)."""
    return os.path.join(os.path.dirname(__file__), module.rpartition(".")[2] + ".py")
