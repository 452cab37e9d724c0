"""Published national figures: what analysts compare local data against.

Scottish Ministers publish an overview report with the national MAPPA
statistics each year (guidance para 18.22). This module holds the
figures of those reports as typed, read-only, cited data, one
:class:`NationalFigures` per reporting year, in :data:`FIGURES`. They are
data, not rules: no function reads them as thresholds.

For 2018/19 (:data:`NATIONAL_FIGURES_2018_19`): the Scottish Prison
Service's 321 offending behaviour programme completions by programme; the
Keeping Children Safe (Sex Offender Community Disclosure) scheme's
applications, online applications, disclosures and applications about
registered sex offenders; and the Risk Management Authority's risk
practice training counts. :func:`validate_figures` checks a year's figures
against the source's own totals (the programme completions must sum to the
published 321); every year in :data:`FIGURES` passes it.

>>> from mappa.statistics import FIGURES, NATIONAL_FIGURES_2018_19 as fig, Programme
>>> fig.year.label, fig.programme_completions_total, fig.completions_sum
('2018/19', 321, 321)
>>> fig.completions(Programme.PATHWAYS)
101
>>> kcs = fig.keeping_children_safe
>>> kcs.applications, kcs.online_applications, kcs.disclosures, kcs.about_registered_sex_offenders
(279, 191, 13, 69)
>>> str(kcs.citation)
'Multi-Agency Public Protection Arrangements (MAPPA) in Scotland: National Overview Report (2018/19), section 9.0'
>>> sorted(FIGURES)
['2018/19']

More information:

* Multi-Agency Public Protection Arrangements (MAPPA) in Scotland:
  National Overview Report 2018/19, sections 4.0, 6.0 and 9.0 (gov.scot).
* MAPPA National Guidance (2023), para 18.22.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from types import MappingProxyType
from typing import Any

import attrs

from mappa import _check
from mappa.errors import InvalidValueError, UnknownNameError
from mappa.sources import NATIONAL_OVERVIEW_2018_19, Citation, Document
from mappa.years import ReportingYear

__all__ = [
    "FIGURES",
    "FigureRow",
    "KeepingChildrenSafe",
    "NATIONAL_FIGURES_2018_19",
    "NationalFigures",
    "Programme",
    "ProgrammeCompletions",
    "TrainedGroup",
    "TrainingCount",
    "figure_problems",
    "figures_for",
    "validate_figures",
]


class Programme(enum.Enum):
    """The Scottish Prison Service's offending behaviour programmes."""

    MOVING_FORWARD_MAKING_CHANGES = "Moving Forward: Making Changes"
    SELF_CHANGE = "Self-Change"
    DISCOVERY = "Discovery"
    CONSTRUCTS = "Constructs"
    PATHWAYS = "Pathways"
    YOUTH_JUSTICE = "Youth Justice"

    def __str__(self) -> str:
        return self.value


class TrainedGroup(enum.Enum):
    """Who the Risk Management Authority trained."""

    JUSTICE_SOCIAL_WORKERS = "Justice Social Workers"
    POLICE_OFFENDER_MANAGEMENT_OFFICERS = "Police Offender Management Officers"
    SPS_STAFF = "Scottish Prison Service staff"

    def __str__(self) -> str:
        return self.value


@attrs.frozen
class ProgrammeCompletions:
    """Completions of one programme in a year.

    Attributes:
        programme: the programme.
        target_risk: what it targets, as the report puts it.
        completions: the number of completions.
        citation: where the figure is published.
    """

    programme: Programme = attrs.field(validator=_check.v_instance(Programme))
    target_risk: str = attrs.field(validator=_check.v_text)
    completions: int = attrs.field(validator=_check.v_non_negative_int)
    citation: Citation = attrs.field(validator=_check.v_instance(Citation))


@attrs.frozen
class KeepingChildrenSafe:
    """The Sex Offender Community Disclosure Scheme (Keeping Children Safe) in a year.

    Attributes:
        applications: applications received by Police Scotland.
        online_applications: how many of them were made online.
        disclosures: disclosures made to parents, carers or guardians.
        about_registered_sex_offenders: applications that related to
            registered sex offenders.
        citation: where the figures are published.
    """

    applications: int = attrs.field(validator=_check.v_non_negative_int)
    online_applications: int = attrs.field(validator=_check.v_non_negative_int)
    disclosures: int = attrs.field(validator=_check.v_non_negative_int)
    about_registered_sex_offenders: int = attrs.field(
        validator=_check.v_non_negative_int
    )
    citation: Citation = attrs.field(validator=_check.v_instance(Citation))


def _v_optional_count(
    instance: object, attribute: attrs.Attribute[Any], value: object
) -> None:
    if value is not None:
        _check.v_non_negative_int(instance, attribute, value)


@attrs.frozen
class TrainingCount:
    """Staff trained by the Risk Management Authority in a year.

    Attributes:
        group: who was trained.
        course: the course, as the report names it.
        courses: the number of courses delivered.
        trained: the staff trained in the year.
        total_trained: the running total of staff trained, where published.
        citation: where the figures are published.
    """

    group: TrainedGroup = attrs.field(validator=_check.v_instance(TrainedGroup))
    course: str = attrs.field(validator=_check.v_text)
    courses: int = attrs.field(validator=_check.v_non_negative_int)
    trained: int = attrs.field(validator=_check.v_non_negative_int)
    total_trained: int | None = attrs.field(validator=_v_optional_count)
    citation: Citation = attrs.field(validator=_check.v_instance(Citation))


@attrs.frozen
class FigureRow:
    """One published figure as a tidy row, for data frames.

    Attributes:
        year: the reporting year's label (``'2018/19'``).
        measure: what is counted (``'programme_completions'``).
        breakdown: the programme or group, or ``None`` for a total.
        value: the figure.
        citation: where it is published, as text.
    """

    year: str = attrs.field(validator=_check.v_text)
    measure: str = attrs.field(validator=_check.v_text)
    breakdown: str | None = attrs.field(validator=_check.v_optional_text)
    value: int = attrs.field(validator=_check.v_non_negative_int)
    citation: str = attrs.field(validator=_check.v_text)


@attrs.frozen
class NationalFigures:
    """The national figures of one reporting year, as published.

    Attributes:
        year: the reporting year.
        source: the report they come from.
        programme_completions: completions by programme.
        programme_completions_total: the total as the report publishes it.
        keeping_children_safe: the disclosure scheme's figures.
        training: risk practice training counts.
    """

    year: ReportingYear = attrs.field(validator=_check.v_instance(ReportingYear))
    source: Document = attrs.field(
        validator=_check.v_instance(Document), repr=lambda source: repr(source.key)
    )
    programme_completions: tuple[ProgrammeCompletions, ...] = attrs.field(
        validator=_check.v_tuple_of(ProgrammeCompletions), repr=_check.repr_count
    )
    programme_completions_total: int = attrs.field(validator=_check.v_non_negative_int)
    keeping_children_safe: KeepingChildrenSafe = attrs.field(
        validator=_check.v_instance(KeepingChildrenSafe), repr=False
    )
    training: tuple[TrainingCount, ...] = attrs.field(
        validator=_check.v_tuple_of(TrainingCount), repr=_check.repr_count
    )

    def cite(self, pinpoint: str) -> Citation:
        """A citation of *pinpoint* in the source report.

        >>> NATIONAL_FIGURES_2018_19.cite("Appendix B").pinpoint
        'Appendix B'
        """
        return self.source.cite(_check.ensure_str(pinpoint, "pinpoint"))

    @property
    def completions_sum(self) -> int:
        """The programme completions added up."""
        return sum(entry.completions for entry in self.programme_completions)

    def completions(self, programme: Programme) -> int:
        """The completions of *programme*; ``UnknownNameError`` if not published."""
        programme = _check.ensure_member(programme, Programme, "programme")
        for entry in self.programme_completions:
            if entry.programme is programme:
                return entry.completions
        raise UnknownNameError(
            f"no completions of {programme} are published for {self.year.label}",
            rule="NationalFigures.programme_completions",
            value=programme,
        )

    def rows(self) -> tuple[FigureRow, ...]:
        """Every figure as a tidy :class:`FigureRow`."""
        year = self.year.label
        rows = [
            FigureRow(
                year,
                "programme_completions",
                entry.programme.name,
                entry.completions,
                str(entry.citation),
            )
            for entry in self.programme_completions
        ]
        first = self.programme_completions[0].citation if rows else self.cite("-")
        rows.append(
            FigureRow(
                year,
                "programme_completions",
                None,
                self.programme_completions_total,
                str(first),
            )
        )
        kcs = self.keeping_children_safe
        for measure, value in (
            ("kcs_applications", kcs.applications),
            ("kcs_online_applications", kcs.online_applications),
            ("kcs_disclosures", kcs.disclosures),
            ("kcs_applications_about_rsos", kcs.about_registered_sex_offenders),
        ):
            rows.append(FigureRow(year, measure, None, value, str(kcs.citation)))
        for count in self.training:
            for measure, number in (
                ("training_courses", count.courses),
                ("training_staff_trained", count.trained),
                ("training_total_trained", count.total_trained),
            ):
                if number is not None:
                    rows.append(
                        FigureRow(
                            year, measure, count.group.name, number, str(count.citation)
                        )
                    )
        return tuple(rows)


def figure_problems(figures: NationalFigures) -> tuple[str, ...]:
    """Every way *figures* disagree with themselves (empty if consistent).

    Checks: the programme completions sum to the published total; no
    programme appears twice; online applications, disclosures and
    applications about registered sex offenders are each at most the
    applications; no group's staff trained in the year exceed its running
    total.

    >>> figure_problems(NATIONAL_FIGURES_2018_19)
    ()
    """
    figures = _check.ensure_instance(figures, NationalFigures, "figures")
    problems: list[str] = []
    if figures.completions_sum != figures.programme_completions_total:
        problems.append(
            f"programme completions sum to {figures.completions_sum}, not the "
            f"published total {figures.programme_completions_total}"
        )
    seen = [entry.programme for entry in figures.programme_completions]
    for programme in sorted({p for p in seen if seen.count(p) > 1}, key=seen.index):
        problems.append(f"{programme} appears {seen.count(programme)} times")
    kcs = figures.keeping_children_safe
    for label, part in (
        ("online applications", kcs.online_applications),
        ("disclosures", kcs.disclosures),
        (
            "applications about registered sex offenders",
            kcs.about_registered_sex_offenders,
        ),
    ):
        if part > kcs.applications:
            problems.append(
                f"{label} ({part}) exceed the applications ({kcs.applications})"
            )
    for count in figures.training:
        if count.total_trained is not None and count.trained > count.total_trained:
            problems.append(
                f"{count.group}: {count.trained} trained in the year exceed the "
                f"running total {count.total_trained}"
            )
    return tuple(problems)


def validate_figures(figures: NationalFigures) -> NationalFigures:
    """*figures* if they are consistent; else ``InvalidValueError`` listing the problems.

    >>> validate_figures(NATIONAL_FIGURES_2018_19).year.label
    '2018/19'
    """
    problems = figure_problems(figures)
    if problems:
        raise InvalidValueError(
            f"the {figures.year.label} figures are inconsistent: "
            + "; ".join(problems),
            rule="NationalFigures",
            value=figures.year.label,
        )
    return figures


def _overview_2018_19() -> NationalFigures:
    source = NATIONAL_OVERVIEW_2018_19
    programmes = source.cite("section 6.0, Programme Delivery")
    training = source.cite("section 4.0, Risk Practice Course")
    completions = (
        (Programme.MOVING_FORWARD_MAKING_CHANGES, "Sex Offending", 46),
        (Programme.SELF_CHANGE, "Instrumental Violence", 33),
        (Programme.DISCOVERY, "Violence", 35),
        (Programme.CONSTRUCTS, "Problem solving & consequential thinking", 90),
        (Programme.PATHWAYS, "Drug & Alcohol Misuse", 101),
        (Programme.YOUTH_JUSTICE, "Youth Offending", 16),
    )
    return NationalFigures(
        year=ReportingYear(2018),
        source=source,
        programme_completions=tuple(
            ProgrammeCompletions(programme, risk, number, programmes)
            for programme, risk, number in completions
        ),
        programme_completions_total=321,
        keeping_children_safe=KeepingChildrenSafe(
            applications=279,
            online_applications=191,
            disclosures=13,
            about_registered_sex_offenders=69,
            citation=source.cite("section 9.0"),
        ),
        training=(
            TrainingCount(
                TrainedGroup.JUSTICE_SOCIAL_WORKERS,
                "Fundamentals of Risk Practice",
                courses=3,
                trained=65,
                total_trained=568,
                citation=training,
            ),
            TrainingCount(
                TrainedGroup.POLICE_OFFENDER_MANAGEMENT_OFFICERS,
                "Fundamentals of Risk Practice",
                courses=2,
                trained=42,
                total_trained=275,
                citation=training,
            ),
            TrainingCount(
                TrainedGroup.SPS_STAFF,
                "Case management of individuals subject to an Order for Lifelong Restriction",
                courses=2,
                trained=33,
                total_trained=None,
                citation=training,
            ),
        ),
    )


NATIONAL_FIGURES_2018_19 = validate_figures(_overview_2018_19())
"""The national figures for 2018/19 (the national overview report)."""

FIGURES: Mapping[str, NationalFigures] = MappingProxyType(
    {figures.year.label: figures for figures in (NATIONAL_FIGURES_2018_19,)}
)
"""Every year's published figures, read-only, keyed by label (``'2018/19'``).

Later years are added as data: a further :class:`NationalFigures` in the
tuple above, checked by :func:`validate_figures` at import."""


def figures_for(year: ReportingYear | str) -> NationalFigures:
    """The published figures of *year* (a :class:`ReportingYear` or its label).

    >>> figures_for("2018/19").completions_sum
    321
    >>> figures_for("2019/20")
    Traceback (most recent call last):
    ...
    mappa.errors.UnknownNameError: no national figures are held for 2019/20; held: 2018/19
    """
    if isinstance(year, str):
        year = ReportingYear.parse(year)
    year = _check.ensure_instance(year, ReportingYear, "year")
    try:
        return FIGURES[year.label]
    except KeyError:
        raise UnknownNameError(
            f"no national figures are held for {year.label}; held: {', '.join(FIGURES)}",
            rule="statistics",
            value=year.label,
            suggestions=tuple(FIGURES),
        ) from None
