"""The mappa command: `mappa rules`."""

from __future__ import annotations

import csv
import io
import json
import runpy
import subprocess
import sys
from importlib.metadata import version

import pytest

import mappa
from mappa.cli import main, rule_rows
from mappa.rulebook import DEFAULT_RULEBOOK


def run(*args: str) -> tuple[int, str]:
    out = io.StringIO()
    status = main(list(args), stdout=out)
    return status, out.getvalue()


def test_rules_table_lists_every_rule_with_its_citation() -> None:
    status, text = run("rules")
    assert status == 0
    for rule in DEFAULT_RULEBOOK:
        assert rule.name in text
    assert "para 11.15" in text
    assert "(unconfirmed)" in text


def test_rules_json_and_csv_agree() -> None:
    _, text = run("rules", "--format", "json")
    rows = json.loads(text)
    _, text = run("rules", "--format", "csv")
    assert list(csv.DictReader(io.StringIO(text))) == rows
    assert rows == rule_rows()
    assert {r["name"] for r in rows} == set(DEFAULT_RULEBOOK.names)
    targets = [r for r in rows if r["name"] == "kpi.level3_reviews.target"]
    assert [(r["edition"], r["value"]) for r in targets] == [
        ("previous", "90"),
        ("current", "95"),
    ]


def test_version_names_mappa_and_the_holidays_release(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--version"])
    assert exit_info.value.code == 0
    expected = f"mappa {mappa.__version__} (holidays {version('holidays')})\n"
    assert capsys.readouterr().out == expected


def test_rules_say_which_holidays_release_supplies_the_calendar(
    capsys: pytest.CaptureFixture[str],
) -> None:
    note = f"Scottish bank holidays from the holidays package {version('holidays')}."
    _, text = run("rules")
    assert text.rstrip().endswith(note)
    for kind in ("json", "csv"):
        _, text = run("rules", "--format", kind)
        assert note not in text  # the data stays machine-readable
        assert note in capsys.readouterr().err


def test_no_command_prints_help() -> None:
    status, text = run()
    assert status == 0
    assert "usage: mappa" in text


def test_python_dash_m_runs_the_command() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "mappa", "rules", "--format", "csv"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert out.stdout.startswith("name,value,unit")


def test_main_module_runs_in_process(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys, "argv", ["mappa", "rules", "--format", "csv"])
    with pytest.raises(SystemExit) as exit_info:
        runpy.run_module("mappa", run_name="__main__")
    assert exit_info.value.code == 0
    assert capsys.readouterr().out.startswith("name,value,unit")
