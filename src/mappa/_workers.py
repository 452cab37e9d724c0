"""A second Python process for one half of a large job.

Loading a large caseload and evaluating its indicators each split into two
independent halves (the meetings file and the attendance file; the review
intervals and everything else). With two or more processors, :func:`start`
runs one half in a fresh interpreter while the caller does the other.

The second process is a new ``sys.executable`` started with
:mod:`subprocess`: never a fork (safe in threaded programs and notebooks),
and it never imports the caller's main module (so scripts need no
``if __name__ == "__main__"`` guard). The payload goes to it down a pipe
(never to disk) and the result comes back on its standard output, both as
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
import threading
import warnings
from typing import Any

from mappa import _check
from mappa.errors import InvalidValueError

# The tasks a second process may run: name -> (module, function, what it
# does). Each function takes the payload and returns a picklable result.
_TASKS = {
    "attendance": ("mappa.records", "_attendance_task", "reading the attendance file"),
    "reviews": ("mappa._intervals", "task", "counting the review intervals"),
}

# What the second process runs. argv: the parent's sys.path (JSON), this
# package's folder, the module, the function; the payload comes on standard
# input. The package is set up without running its __init__ (which imports
# every module), so only the task's module and what it imports are loaded:
# a third of a second sooner.
_BOOT = """\
import importlib, json, os, pickle, sys, types
paths, folder, name, function = sys.argv[1:]
sys.path[:0] = json.loads(paths)
package = types.ModuleType("mappa")
package.__path__ = [folder]
sys.modules["mappa"] = package
module = importlib.import_module(name)
argument = pickle.load(sys.stdin.buffer)
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
        module, function, _ = _TASKS[task]
        self._process: subprocess.Popen[bytes] | None = None
        self._feeder: threading.Thread | None = None
        try:
            data = pickle.dumps(payload, protocol=pickle.HIGHEST_PROTOCOL)
            self._process = subprocess.Popen(
                [
                    sys.executable,
                    "-c",
                    _BOOT,
                    json.dumps(sys.path),
                    os.path.dirname(os.path.abspath(__file__)),
                    module,
                    function,
                ],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
            )
        except (
            OSError,
            ValueError,
            TypeError,
            AttributeError,
            pickle.PicklingError,
        ) as error:
            self._warn(f"it could not be started ({type(error).__name__})")
            return
        # The payload goes down a pipe (never to disk), from a thread so
        # that this process carries on while the other one starts up.
        self._feeder = threading.Thread(
            target=_feed, args=(self._process, data), daemon=True
        )
        self._feeder.start()

    def _warn(self, why: str) -> None:
        warnings.warn(
            f"mappa: a second process for {_TASKS[self._task][2]} was not used: "
            f"{why}; doing the work in this one",
            RuntimeWarning,
            stacklevel=4,
        )

    def _finish(self) -> tuple[subprocess.Popen[bytes], bytes] | None:
        process, feeder = self._process, self._feeder
        if process is None or feeder is None:
            return None
        self._process = self._feeder = None
        feeder.join()
        process.stdin = None  # closed by the feeder: communicate() leaves it
        output, _ = process.communicate()
        return process, output

    def result(self) -> Any:
        """The task's result, or ``None`` (with a warning) if it failed."""
        finished = self._finish()
        if finished is None:
            return None
        process, output = finished
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
        if self._process is not None:
            self._process.kill()
        self._finish()


def _feed(process: subprocess.Popen[bytes], data: bytes) -> None:
    """Write *data* to the process's standard input and close it."""
    stdin = process.stdin
    assert stdin is not None  # opened as a pipe
    try:
        stdin.write(data)
    except OSError:  # it stopped before reading it all: result() says so
        pass
    finally:
        with contextlib.suppress(OSError):
            stdin.close()


def start(task: str, payload: object) -> Job:
    """Start *task* (a name in ``_TASKS``) on *payload* in a second process."""
    if task not in _TASKS:
        raise ValueError(f"unknown task {task!r}")
    return Job(task, payload)


def run(task: str, payload: object) -> Any:
    """Run *task* on *payload* in this process (what the second one does)."""
    module, function, _ = _TASKS[task]
    return getattr(importlib.import_module(module), function)(payload)
