"""The public face: __all__, py.typed, the version, and no Hypothesis at import."""

from __future__ import annotations

import importlib
import importlib.resources
import pkgutil
import subprocess
import sys

import mappa


def test_all_is_sorted_and_resolves() -> None:
    assert mappa.__all__ == sorted(mappa.__all__)
    for name in mappa.__all__:
        assert hasattr(mappa, name), name


def test_every_public_module_has_a_sorted_all() -> None:
    for info in pkgutil.iter_modules(mappa.__path__, "mappa."):
        if info.name.rsplit(".", 1)[1].startswith("_"):
            continue
        module = importlib.import_module(info.name)
        names = module.__all__
        assert names == sorted(names), info.name
        for name in names:
            assert hasattr(module, name), f"{info.name}.{name}"


def test_py_typed_is_shipped() -> None:
    assert importlib.resources.files("mappa").joinpath("py.typed").is_file()


def test_import_does_not_load_hypothesis() -> None:
    code = (
        "import sys, mappa; "
        "import mappa.framework, mappa.rulebook; "
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in "
        "{'hypothesis', 'pytest', 'numpy'}); "
        "print(','.join(bad))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == ""


def test_version() -> None:
    assert mappa.__version__.startswith("0.")


def test_ci_runs_the_readme_test_command_verbatim() -> None:
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    readme = (root / "README.md").read_text(encoding="utf-8")
    ci = (root / ".ci" / "run").read_text(encoding="utf-8")
    commands = [
        line.strip()
        for line in readme.splitlines()
        if line.startswith("python -m pip install")
    ]
    assert len(commands) == 2, "README gives exactly two set-up commands"
    test_command = next(c for c in commands if "pytest" in c)
    assert test_command in ci.splitlines()
