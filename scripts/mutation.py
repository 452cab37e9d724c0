"""Mutation-test one ``mappa`` module with mutmut and print its score.

Run from the repository root, with the ``mutation`` extra installed
(``pip install -e ".[test,mutation]"``)::

    python scripts/mutation.py minutes              # 2 workers, 2-core machine
    python scripts/mutation.py calendar --workers 1
    python scripts/mutation.py isp --show           # print each survivor's diff

Each run mutates one module (``src/mappa/<module>.py``, or every file of
the package ``src/mappa/<module>/``) and runs, for each mutant, only the
tests that call the mutated function, chosen from:

* ``tests/test_<module>.py`` and ``tests/test_<module>_*.py`` (or the
  files given with ``--tests``);
* the module's doctests and ``docs/<module>.md``;
* ``tests/test_contract.py`` (unless ``--no-contract``).

What trips a naive ``mutmut run`` on this layout, and how this script
handles it:

* mutmut forks each mutant's run from a process that has already run the
  tests, so caches filled then (``lru_cache`` results, which mutmut never
  mutates: the bank-holiday tables, the notification sweep) hold the
  original code's answers. ``scripts/mutation_plugin.py`` clears them when
  each run starts (all but the shared national calendar, which tests hold
  by identity). ``--fresh`` instead runs each mutant in a new process
  that imports ``mappa`` with the mutant active (mutmut's fork server,
  preloading only third-party modules): exact, and about ten times slower.
  The plugin also gives Hypothesis a deterministic profile with no
  deadline (a deadline missed because of mutmut's trampolines is not a
  kill).
* mutmut adds renamed copies of each method to its class (names
  containing ``__mutmut_``); the contract test skips them.
* Doctests run from the mutated copy, so they count as tests.

``--survivors`` runs only the last run's survivors again against the
current tests (added tests never revive a killed mutant), which takes
minutes where a whole run takes an hour.

The work happens in a copy of the project under ``build/mutation/<module>``
(ignored by git), so a run never touches the work tree and the tests can
be edited while it runs; ``mutmut show <name>`` run inside that directory
prints a mutant's diff afterwards.

The score is killed / all mutants, where killed counts mutants a test
killed, mutants that timed out, and survivors listed as equivalent in the
"Equivalent mutants" table of ``docs/testing.md`` (each with its reason).
Mutants no selected test reaches count as survivors.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCRIPTS = ROOT / "scripts"
DOCS_TESTING = ROOT / "docs" / "testing.md"
KILLED = {"killed", "timeout", "caught by type check"}
PRELOAD = ["attrs", "dateutil.relativedelta", "holidays", "pytest", "_pytest.doctest"]
_RESULT_LINE = re.compile(r"^\s+(?P<name>\S+): (?P<status>.+?)\s*$")
_LISTED = re.compile(r"`(mappa\.\S+?__mutmut_\d+)`")


def _targets(module: str) -> tuple[list[str], list[str]]:
    """The glob patterns to mutate and the files whose doctests run."""
    single = ROOT / "src" / "mappa" / f"{module}.py"
    package = ROOT / "src" / "mappa" / module
    if single.is_file():
        return [f"src/mappa/{module}.py"], [f"src/mappa/{module}.py"]
    if package.is_dir():
        files = sorted(str(path.relative_to(ROOT)) for path in package.rglob("*.py"))
        return [f"src/mappa/{module}/*"], files
    raise SystemExit(f"no module or package mappa.{module} under src/mappa")


def _test_files(module: str, given: list[str] | None, contract: bool) -> list[str]:
    if given:
        files = list(given)
    else:
        tests = ROOT / "tests"
        found = [
            tests / f"test_{module}.py",
            *sorted(tests.glob(f"test_{module}_*.py")),
        ]
        found += (
            sorted((tests / module).rglob("test_*.py"))
            if (tests / module).is_dir()
            else []
        )
        files = [str(path.relative_to(ROOT)) for path in found if path.is_file()]
    if contract:
        files.append("tests/test_contract.py")
    doc = ROOT / "docs" / f"{module}.md"
    if doc.is_file():
        files.append(str(doc.relative_to(ROOT)))
    return files


def _toml_list(items: list[str]) -> str:
    return "[" + ", ".join(f'"{item}"' for item in items) + "]"


def _prepare(
    workdir: Path, mutate: list[str], selection: list[str], *, fresh: bool
) -> None:
    """A fresh copy of the project with mutmut's settings for this run."""
    if workdir.exists():
        shutil.rmtree(workdir)
    workdir.mkdir(parents=True)
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc", ".hypothesis")
    for name in ("src", "tests", "docs"):
        shutil.copytree(ROOT / name, workdir / name, ignore=ignore)
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(ROOT / name, workdir / name)
    settings = f"""

[tool.mutmut]
source_paths = ["src/mappa"]
only_mutate = {_toml_list(mutate)}
also_copy = ["docs/", "README.md"]
pytest_add_cli_args = ["-p", "mutation_plugin"]
pytest_add_cli_args_test_selection = {_toml_list(selection)}
use_git_change_detection = false
"""
    if fresh:
        settings += f"""process_isolation = "forkserver"
forkserver_warmup = "import"
preload_modules_file = "{workdir / "preload.txt"}"
"""
    with (workdir / "pyproject.toml").open("a", encoding="utf-8") as file:
        file.write(settings)
    # What the fork server imports once for every mutant: never mappa (nor
    # Hypothesis, whose entry point imports mappa), so each mutant's run
    # imports mappa afresh and builds its caches with the mutant active.
    (workdir / "preload.txt").write_text("\n".join(PRELOAD) + "\n", encoding="utf-8")


def _refresh_tests(workdir: Path) -> None:
    """Copy the current tests and docs over an earlier run's copies."""
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc", ".hypothesis")
    for name in ("tests", "docs"):
        for target in (workdir / name, workdir / "mutants" / name):
            shutil.copytree(ROOT / name, target, ignore=ignore, dirs_exist_ok=True)


def _listed_equivalents() -> set[str]:
    """Mutant names listed in the "Equivalent mutants" table of the docs."""
    text = DOCS_TESTING.read_text(encoding="utf-8")
    start = text.find("### Equivalent mutants")
    if start < 0:
        return set()
    end = text.find("\n## ", start)
    return set(_LISTED.findall(text[start : end if end >= 0 else None]))


def _results(workdir: Path, env: dict[str, str]) -> dict[str, str]:
    out = subprocess.run(
        [sys.executable, "-m", "mutmut", "results", "--all", "true"],
        cwd=workdir,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    statuses = {}
    for line in out.splitlines():
        match = _RESULT_LINE.match(line)
        if match:
            statuses[match["name"]] = match["status"]
    return statuses


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("module", help="calendar, minutes, reviews, isp, ...")
    parser.add_argument("--workers", type=int, default=2, help="mutmut workers (2)")
    parser.add_argument("--tests", nargs="+", help="test files to use instead")
    parser.add_argument(
        "--no-contract", action="store_true", help="leave out tests/test_contract.py"
    )
    parser.add_argument(
        "--report-only",
        action="store_true",
        help="score the last run's results again (after editing the docs' list)",
    )
    parser.add_argument(
        "--survivors",
        action="store_true",
        help="run the last run's survivors again against the current tests",
    )
    parser.add_argument("--show", action="store_true", help="print survivors' diffs")
    parser.add_argument(
        "--fresh",
        action="store_true",
        help="run each mutant in a new process (exact, about ten times slower)",
    )
    args = parser.parse_args(argv)
    module = args.module.removeprefix("mappa.")

    workdir = ROOT / "build" / "mutation" / module
    env = dict(os.environ)
    env["MAPPA_MUTATION_FRESH"] = "1" if args.fresh else "0"
    env["PYTHONPATH"] = os.pathsep.join(
        [str(SCRIPTS), *filter(None, [env.get("PYTHONPATH")])]
    )
    if args.survivors:
        if not workdir.is_dir():
            raise SystemExit(f"no earlier run of mappa.{module} to take survivors from")
        _refresh_tests(workdir)
        again = [
            name
            for name, status in _results(workdir, env).items()
            if status not in KILLED and name.startswith(f"mappa.{module}.")
        ]
        print(f"running {len(again)} survivors again", flush=True)
        if again:
            subprocess.run(
                [
                    sys.executable,
                    "-m",
                    "mutmut",
                    "run",
                    "--max-children",
                    str(args.workers),
                    *again,
                ],
                cwd=workdir,
                env=env,
                check=False,
            )
    elif not args.report_only:
        mutate, _ = _targets(module)
        selection = _test_files(module, args.tests, not args.no_contract)
        selection += _targets(module)[1]
        _prepare(workdir, mutate, selection, fresh=args.fresh)
        print(f"mutating {', '.join(mutate)}; tests: {' '.join(selection)}", flush=True)
        run = subprocess.run(
            [
                sys.executable,
                "-m",
                "mutmut",
                "run",
                "--max-children",
                str(args.workers),
            ],
            cwd=workdir,
            env=env,
            check=False,
        )
        if run.returncode != 0:
            print(f"mutmut run failed with exit code {run.returncode}")
            return run.returncode

    statuses = _results(workdir, env)
    prefix = f"mappa.{module}."
    statuses = {k: v for k, v in statuses.items() if k.startswith(prefix)}
    listed = _listed_equivalents()
    counts = Counter(statuses.values())
    equivalent = sorted(
        k for k, v in statuses.items() if v == "survived" and k in listed
    )
    stale = sorted(
        k for k in listed if k.startswith(prefix) and statuses.get(k) != "survived"
    )
    killed = sum(counts[s] for s in KILLED) + len(equivalent)
    total = len(statuses)
    survivors = sorted(
        k for k, v in statuses.items() if v not in KILLED and k not in equivalent
    )
    print()
    print(f"mappa.{module}: {total} mutants")
    for status, count in sorted(counts.items()):
        print(f"  {status:<22}{count:>6}")
    print(f"  {'listed as equivalent':<22}{len(equivalent):>6}")
    score = 100 * killed / total if total else 100.0
    print(f"score: {killed}/{total} = {score:.1f}%")
    for name in stale:
        print(f"listed as equivalent but not a survivor now: {name}")
    if survivors:
        print("not killed:")
        for name in survivors:
            print(f"  {name}: {statuses[name]}")
            if args.show:
                subprocess.run(
                    [sys.executable, "-m", "mutmut", "show", name],
                    cwd=workdir,
                    env=env,
                    check=False,
                )
    return 0


if __name__ == "__main__":
    sys.exit(main())
