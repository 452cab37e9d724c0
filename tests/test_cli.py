"""The mappa command: `mappa rules`."""

from __future__ import annotations

import csv
import io
import json
import runpy
import subprocess
import sys
from importlib.metadata import version
from pathlib import Path

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
    """Every rule once, from the data, each value beside its source."""
    _, text = run("rules", "--format", "json")
    rules = json.loads(text)
    _, text = run("rules", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert rows == rule_rows()
    names = [r["name"] for r in rows]
    assert names == [r["name"] for r in rules] == list(DEFAULT_RULEBOOK.names)
    assert len(set(names)) == len(names)
    (target,) = [r for r in rules if r["name"] == "kpi.level3_reviews.target"]
    assert [(v["edition"], v["value"]) for v in target["versions"]] == [
        ("previous", 90),
        ("current", 95),
    ]
    assert all(v["citation"] for r in rules for v in r["versions"])
    (row,) = [r for r in rows if r["name"] == "kpi.level3_reviews.target"]
    assert row["value"] == "90 | 95"
    assert row["edition"] == "previous | current"


def test_rules_on_a_date() -> None:
    """``--on`` shows the rules in force that day, each with its value then."""
    _, text = run("rules", "--on", "2019-06-01", "--format", "json")
    rules = {r["name"]: r for r in json.loads(text)}
    assert all(len(r["versions"]) == 1 for r in rules.values())
    assert rules["kpi.level3_reviews.target"]["versions"][0]["value"] == 95
    # not yet in force in 2019: the Data (Use and Access) Act 2025 clock stop
    assert "disclosure.subject_access.law_enforcement.clock_stop" not in rules
    assert "notification.initial" in rules
    _, text = run("rules", "--on", "2003-01-01", "--format", "csv")
    names = {r["name"] for r in csv.DictReader(io.StringIO(text))}
    assert "notification.initial" not in names  # Part 2 applied from 2004
    assert "minutes.final" in names
    status, table = run("rules", "--on", "2026-06-01")
    assert status == 0
    assert "disclosure.subject_access.law_enforcement.clock_stop" in table


def test_rules_with_a_councils_overrides(tmp_path: Path) -> None:
    local = tmp_path / "local.json"
    local.write_text(
        json.dumps(
            {
                "override": [
                    {
                        "rule": "kpi.minutes_released.target",
                        "value": "92",
                        "applies_from": "2026-04-01",
                        "reason": "SOG target",
                    }
                ]
            }
        ),
        encoding="utf-8",
    )
    _, text = run(
        "rules", "--overrides", str(local), "--on", "2026-04-01", "--format", "csv"
    )
    (row,) = [
        r
        for r in csv.DictReader(io.StringIO(text))
        if r["name"] == "kpi.minutes_released.target"
    ]
    assert row["value"] == "92"
    assert row["edition"] == "local"


def test_rules_bad_date(capsys: pytest.CaptureFixture[str]) -> None:
    status, _ = run("rules", "--on", "1 June 2019")
    assert status == 1
    assert "--on must be a date" in capsys.readouterr().err


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


def test_rule_rows_refuses_what_is_not_a_rulebook() -> None:
    with pytest.raises(TypeError, match="must be a Rulebook"):
        rule_rows({"minutes.final": 10})  # type: ignore[arg-type]


def test_rules_read_well_in_a_terminal_and_as_json() -> None:
    """Before: lines up to 362 characters, units such as "True flag" and
    "s.27 section", ``"unconfirmed": ""``, and the area table unmarked."""
    _, text = run("rules")
    assert max(len(line) for line in text.splitlines()) <= 88
    assert "True flag" not in text
    assert " section" not in text.replace("section of", "")
    assert "= yes [current]" in text  # a flag reads yes or no
    assert "framework.areas  (unconfirmed)" in text
    _, text = run("rules", "--format", "json")
    rules = {r["name"]: r for r in json.loads(text)}
    assert rules["framework.areas"]["unconfirmed"] is True
    assert rules["framework.areas"]["versions"][0]["value"] == 10
    assert rules["chairs.restricted_patients.health"]["versions"][0]["value"] is True
    assert rules["reviews.level3.interval"]["counting"] is None or isinstance(
        rules["reviews.level3.interval"]["counting"], str
    )
    for rule in rules.values():
        assert isinstance(rule["unconfirmed"], bool)
        for each in rule["versions"]:
            assert each["applies_from"] is None or len(each["applies_from"]) == 10
            assert each["note"] is None or each["note"]
    assert isinstance(rules["levels.category_3"]["versions"][0]["value"], list)


def test_rules_table_on_a_date_leaves_out_rules_not_yet_in_force() -> None:
    _, text = run("rules", "--on", "2003-01-01")
    assert "notification.initial\n" not in text
    assert "levels.category_1\n" in text
