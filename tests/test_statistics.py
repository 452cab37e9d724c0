"""Tests for mappa.statistics (National Overview Report 2018/19)."""

from __future__ import annotations

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from mappa.errors import InvalidTypeError, InvalidValueError, UnknownNameError
from mappa.sources import NATIONAL_OVERVIEW_2018_19
from mappa.statistics import (
    FIGURES,
    NATIONAL_FIGURES_2018_19,
    FigureRow,
    KeepingChildrenSafe,
    NationalFigures,
    Programme,
    ProgrammeCompletions,
    TrainedGroup,
    figure_problems,
    figures_for,
    validate_figures,
)
from mappa.years import ReportingYear

FIG = NATIONAL_FIGURES_2018_19


@pytest.mark.parametrize(
    ("programme", "completions"),
    [
        # Overview 2018/19 section 6.0, Programme Delivery table.
        (Programme.MOVING_FORWARD_MAKING_CHANGES, 46),
        (Programme.SELF_CHANGE, 33),
        (Programme.DISCOVERY, 35),
        (Programme.CONSTRUCTS, 90),
        (Programme.PATHWAYS, 101),
        (Programme.YOUTH_JUSTICE, 16),
    ],
)
def test_programme_completions(programme: Programme, completions: int) -> None:
    assert FIG.completions(programme) == completions


def test_completions_sum_to_published_total() -> None:
    # Section 6.0: "The SPS delivered 321 completions"; the table's Total row.
    assert FIG.programme_completions_total == 321
    assert FIG.completions_sum == 321
    assert figure_problems(FIG) == ()
    assert validate_figures(FIG) is FIG


def test_keeping_children_safe() -> None:
    # Section 9.0: 279 applications, 191 online, 13 disclosures, 69 about RSOs.
    kcs = FIG.keeping_children_safe
    assert (kcs.applications, kcs.online_applications) == (279, 191)
    assert kcs.disclosures == 13
    assert kcs.about_registered_sex_offenders == 69
    assert kcs.citation.pinpoint == "section 9.0"


def test_training_counts() -> None:
    # Section 4.0: 3 courses to 65 JSWs (568 in all); 2 courses to 42 police
    # officers (275 in all); 2 courses to 33 SPS staff on OLR case management.
    by_group = {count.group: count for count in FIG.training}
    jsw = by_group[TrainedGroup.JUSTICE_SOCIAL_WORKERS]
    police = by_group[TrainedGroup.POLICE_OFFENDER_MANAGEMENT_OFFICERS]
    sps = by_group[TrainedGroup.SPS_STAFF]
    assert (jsw.courses, jsw.trained, jsw.total_trained) == (3, 65, 568)
    assert (police.courses, police.trained, police.total_trained) == (2, 42, 275)
    assert (sps.courses, sps.trained, sps.total_trained) == (2, 33, None)


def test_year_and_citations() -> None:
    assert FIG.year == ReportingYear(2018)
    assert FIG.source is NATIONAL_OVERVIEW_2018_19
    assert FIG.cite("section 6.0").document == NATIONAL_OVERVIEW_2018_19.title
    for entry in FIG.programme_completions:
        assert entry.citation.edition == "2018/19"
        assert entry.citation.pinpoint.startswith("section 6.0")


def test_figures_are_read_only() -> None:
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        FIG.programme_completions_total = 1  # type: ignore[misc]
    with pytest.raises(TypeError):
        FIGURES["2019/20"] = FIG  # type: ignore[index]
    assert isinstance(FIG.programme_completions, tuple)


def test_every_held_year_is_consistent() -> None:
    for label, figures in FIGURES.items():
        assert figures.year.label == label
        assert figure_problems(figures) == ()


def test_figures_for() -> None:
    assert figures_for("2018/19") is FIG
    assert figures_for(ReportingYear(2018)) is FIG
    with pytest.raises(UnknownNameError) as caught:
        figures_for(ReportingYear(2019))
    assert caught.value.suggestions == ("2018/19",)
    with pytest.raises(InvalidValueError):
        figures_for("last year")
    with pytest.raises(InvalidTypeError):
        figures_for(2018)  # type: ignore[arg-type]


def test_unpublished_programme() -> None:
    fewer = attrs.evolve(FIG, programme_completions=FIG.programme_completions[:2])
    with pytest.raises(UnknownNameError):
        fewer.completions(Programme.PATHWAYS)
    with pytest.raises(InvalidTypeError):
        FIG.completions("Pathways")  # type: ignore[arg-type]


def test_inconsistent_figures_are_reported() -> None:
    wrong_total = attrs.evolve(FIG, programme_completions_total=320)
    with pytest.raises(
        InvalidValueError, match="sum to 321, not the published total 320"
    ):
        validate_figures(wrong_total)
    doubled = attrs.evolve(
        FIG,
        programme_completions=(
            *FIG.programme_completions,
            FIG.programme_completions[0],
        ),
        programme_completions_total=367,
    )
    assert figure_problems(doubled) == (
        "Moving Forward: Making Changes appears 2 times",
    )
    bad_kcs = attrs.evolve(
        FIG,
        keeping_children_safe=attrs.evolve(
            FIG.keeping_children_safe, online_applications=300, disclosures=280
        ),
    )
    problems = figure_problems(bad_kcs)
    assert len(problems) == 2
    assert "online applications (300) exceed the applications (279)" in problems
    bad_training = attrs.evolve(
        FIG, training=(attrs.evolve(FIG.training[0], trained=600),)
    )
    assert len(figure_problems(bad_training)) == 1
    with pytest.raises(InvalidTypeError):
        figure_problems("2018/19")  # type: ignore[arg-type]


def test_records_refuse_bad_values() -> None:
    citation = FIG.keeping_children_safe.citation
    with pytest.raises(InvalidValueError):
        ProgrammeCompletions(Programme.PATHWAYS, "Drug & Alcohol Misuse", -1, citation)
    with pytest.raises(InvalidTypeError):
        ProgrammeCompletions(Programme.PATHWAYS, "x", 1.5, citation)  # type: ignore[arg-type]
    with pytest.raises(InvalidTypeError):
        KeepingChildrenSafe(279, 191, 13, True, citation)  # type: ignore[arg-type]
    with pytest.raises(InvalidTypeError):
        attrs.evolve(FIG.training[0], total_trained="568")
    with pytest.raises(InvalidTypeError):
        NationalFigures(
            year="2018/19",  # type: ignore[arg-type]
            source=NATIONAL_OVERVIEW_2018_19,
            programme_completions=(),
            programme_completions_total=0,
            keeping_children_safe=FIG.keeping_children_safe,
            training=(),
        )


def test_tidy_rows() -> None:
    rows = FIG.rows()
    assert all(isinstance(row, FigureRow) for row in rows)
    completions = [r for r in rows if r.measure == "programme_completions"]
    assert sum(r.value for r in completions if r.breakdown) == 321
    assert [r.value for r in completions if r.breakdown is None] == [321]
    assert {r.year for r in rows} == {"2018/19"}
    assert any(r.measure == "kcs_applications" and r.value == 279 for r in rows)
    # the SPS course has no running total, so no row for it
    assert not any(
        r.measure == "training_total_trained" and r.breakdown == "SPS_STAFF"
        for r in rows
    )
    assert attrs.asdict(rows[0])["breakdown"] == "MOVING_FORWARD_MAKING_CHANGES"
    empty = attrs.evolve(FIG, programme_completions=(), programme_completions_total=0)
    assert [r.value for r in empty.rows() if r.measure == "programme_completions"] == [
        0
    ]


@given(st.lists(st.integers(0, 10_000), min_size=6, max_size=6), st.integers(-5, 5))
def test_consistency_check_matches_reference(numbers: list[int], offset: int) -> None:
    # The check flags a total exactly when it differs from the plain sum.
    entries = tuple(
        attrs.evolve(entry, completions=number)
        for entry, number in zip(FIG.programme_completions, numbers, strict=True)
    )
    total = max(0, sum(numbers) + offset)
    figures = attrs.evolve(
        FIG, programme_completions=entries, programme_completions_total=total
    )
    assert (figure_problems(figures) == ()) == (total == sum(numbers))
