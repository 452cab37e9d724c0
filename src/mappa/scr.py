"""Significant case reviews: the criteria, the decision and the stages.

When a person managed under MAPPA is charged with murder, attempted murder
or a crime of serious sexual harm, when significant concern is raised about
professional or service involvement in their management, or when they are
killed or seriously injured because their status as a sex offender became
known, a Significant Case Review (SCR) may be required (2012 guidance,
para 9). An Initial Case Review comes first and decides whether a review
is merited; any review is proportionate to the case (para 7). The list of
criteria is not exclusive: the Strategic Oversight Group (SOG) may proceed
on a case that does not fit it but has triggered significant professional
concern (para 8).

:func:`assess_scr` reads an :class:`Incident` and returns an
:class:`ScrAssessment` naming the criteria met, each with its citation,
and the next step. :func:`check_transition` validates a move between the
stages of the review process (:class:`ScrStage`).

>>> from mappa.scr import Charge, Incident, ScrNextStep, ScrStage, assess_scr
>>> incident = Incident(charge=Charge.MURDER, managed_under_mappa=True)
>>> result = assess_scr(incident)
>>> result.criteria_met
True
>>> [criterion.name for criterion in result.criteria]
['CHARGED_WITH_SERIOUS_OFFENCE']
>>> result.next_step
<ScrNextStep.INITIAL_CASE_REVIEW: 'initial case review'>
>>> concern = Incident(managed_under_mappa=True, other_professional_concern=True)
>>> assess_scr(concern).next_step
<ScrNextStep.SOG_DISCRETION: 'SOG decides whether to proceed'>
>>> check_transition(ScrStage.SOG_CHAIR_REVIEW, ScrStage.REVIEW)
Traceback (most recent call last):
...
mappa.errors.InvalidTransition: an SCR cannot move from SOG chair review to review; only the SOG decision may open a review or close the case; from SOG chair review it may move only to: SOG decision

The criteria are data (:class:`ScrCriterion`, each with its description
and citation), not numbers: there is nothing for the rulebook to hold.
The sources set no timescales for the stages, so this module sets none.

**Our reading.** The stage sequence of the Initial Case Review (Initial
Notification Report, review by the SOG chair, SOG decision) is described
in chapter 20 of the 2023 national guidance, which we could not read; the
2012 guidance says that an Initial Case Review comes first (para 7) and
that the SOG decides whether a review is warranted (para 4). The
transitions in :func:`check_transition` are our reading of both.

More information:

* MAPPA National Guidance 2012 Version 1 and Covering Justice and
  Communities Circular JD/01/2012, paras 4 and 6-9.
* MAPPA National Guidance (2023), chapter 20 (Significant Case Reviews).
"""

from __future__ import annotations

import enum
from collections.abc import Mapping

import attrs

from mappa import _check
from mappa.errors import InvalidTransition
from mappa.rulebook import DEFAULT_RULEBOOK, Rulebook, resolve
from mappa.sources import Citation

__all__ = [
    "Charge",
    "Incident",
    "PROPORTIONALITY",
    "ScrAssessment",
    "ScrCriterion",
    "ScrNextStep",
    "ScrStage",
    "assess_scr",
    "check_transition",
    "is_valid_transition",
    "next_stages",
]


class Charge(enum.Enum):
    """What the person managed under MAPPA was charged with, if anything."""

    NONE = "none"
    """No charge."""
    MURDER = "murder"
    """Murder."""
    ATTEMPTED_MURDER = "attempted murder"
    """Attempted murder."""
    SERIOUS_SEXUAL_HARM = "crime of serious sexual harm"
    """A crime of serious sexual harm."""
    OTHER = "other"
    """Any other charge: not an SCR criterion on its own."""

    def __str__(self) -> str:
        return self.value


_SERIOUS_CHARGES = "scr.criteria.serious_charges"
_NOT_EXCLUSIVE = "scr.criteria.not_exclusive"
_INITIAL_CASE_REVIEW = "scr.initial_case_review"
_PROPORTIONALITY = "scr.proportionality"
_SOG_DECISION = "scr.sog_decision"
_STAGES = "scr.stages"


class ScrCriterion(enum.Enum):
    """The three criteria for a MAPPA Significant Case Review (2012 para 9).

    Each member carries its :attr:`description` and :attr:`citation`
    (rules ``scr.criteria.*`` of the default rulebook). Meeting any one of
    them is enough.
    """

    CHARGED_WITH_SERIOUS_OFFENCE = "charged with a serious offence"
    """Charged with murder, attempted murder or a crime of serious sexual harm."""
    CONCERN_ABOUT_INVOLVEMENT = "concern about professional or service involvement"
    """Significant concern about professional and/or service involvement."""
    HARMED_AS_KNOWN_SEX_OFFENDER = "harmed after status became known"
    """Killed or seriously injured because their sex offender status became known."""

    @property
    def rule(self) -> str:
        """The rulebook name of the criterion."""
        return f"scr.criteria.{self.name.lower()}"

    @property
    def description(self) -> str:
        """The criterion as the guidance states it."""
        return DEFAULT_RULEBOOK.text(self.rule)

    @property
    def citation(self) -> Citation:
        """Where the criterion is set."""
        return DEFAULT_RULEBOOK.citation(self.rule)

    def __str__(self) -> str:
        return self.value


PROPORTIONALITY = DEFAULT_RULEBOOK.text(_PROPORTIONALITY)
"""The guidance's reminder that any review is proportionate to the case
(rule ``scr.proportionality``)."""


@attrs.frozen(kw_only=True)
class Incident:
    """What happened to or by a person managed (or not) under MAPPA.

    It holds facts as flags and an enum only, never names or narratives.

    Attributes:
        managed_under_mappa: whether the person was managed under MAPPA at
            the time. Every criterion concerns a person managed under MAPPA.
        charge: what they were charged with (:attr:`Charge.NONE` if nothing).
        concern_about_involvement: significant concern has been raised about
            their management, giving rise to serious concerns about
            professional and/or service involvement (criterion 2).
        harmed_as_known_sex_offender: they appear to have been killed or
            seriously injured as a direct result of their status as a sex
            offender becoming known (criterion 3).
        other_professional_concern: the case does not fit the criteria but
            has nevertheless triggered significant professional concern
            (para 8): the SOG decides how to proceed.
    """

    managed_under_mappa: bool = attrs.field(validator=_check.v_bool)
    charge: Charge = attrs.field(
        default=Charge.NONE, validator=_check.v_instance(Charge)
    )
    concern_about_involvement: bool = attrs.field(
        default=False, validator=_check.v_bool
    )
    harmed_as_known_sex_offender: bool = attrs.field(
        default=False, validator=_check.v_bool
    )
    other_professional_concern: bool = attrs.field(
        default=False, validator=_check.v_bool
    )


class ScrNextStep(enum.Enum):
    """What happens next after an incident is assessed."""

    INITIAL_CASE_REVIEW = "initial case review"
    """A criterion is met: an Initial Case Review decides whether an SCR is merited."""
    SOG_DISCRETION = "SOG decides whether to proceed"
    """No criterion is met, but significant professional concern: the SOG decides."""
    NO_REVIEW_REQUIRED = "no review required"
    """No criterion is met and no professional concern is flagged."""

    def __str__(self) -> str:
        return self.value


@attrs.frozen(kw_only=True)
class ScrAssessment:
    """The result of :func:`assess_scr`: which criteria are met, and what next.

    Attributes:
        criteria: the criteria met, in the guidance's order (each carries
            its citation).
        next_step: what happens next.
        reason: why, in one sentence (no personal data).
        rule: the rulebook name of the rule that decided:
            ``"scr.initial_case_review"`` when a criterion is met, else
            ``"scr.criteria.not_exclusive"`` (the SOG may still proceed on
            significant professional concern, or no review is required).
        citations: the paragraphs that decided it.
        proportionality: the guidance's reminder that any review is
            proportionate to the case.
    """

    criteria: tuple[ScrCriterion, ...] = attrs.field(
        validator=_check.v_tuple_of(ScrCriterion), repr=_check.repr_names
    )
    next_step: ScrNextStep = attrs.field(validator=_check.v_instance(ScrNextStep))
    reason: str = attrs.field(validator=_check.v_text)
    rule: str = attrs.field(validator=_check.v_text)
    citations: tuple[Citation, ...] = attrs.field(validator=_check.v_tuple_of(Citation))
    proportionality: str = attrs.field(
        factory=lambda: DEFAULT_RULEBOOK.text(_PROPORTIONALITY),
        validator=_check.v_text,
        repr=False,
    )

    @property
    def criteria_met(self) -> bool:
        """True if at least one of the criteria (any one suffices) is met."""
        return bool(self.criteria)

    @property
    def may_proceed(self) -> bool:
        """True unless no review is required (an SCR may follow)."""
        return self.next_step is not ScrNextStep.NO_REVIEW_REQUIRED

    def __bool__(self) -> bool:
        return self.criteria_met


def _criteria_citations(book: Rulebook, *names: str) -> tuple[Citation, ...]:
    criteria = (f"scr.criteria.{c.name.lower()}" for c in ScrCriterion)
    return tuple(dict.fromkeys(book.citation(name) for name in (*criteria, *names)))


def assess_scr(
    incident: Incident, *, rulebook: Rulebook | None = None
) -> ScrAssessment:
    """Assess *incident* against the Significant Case Review criteria.

    Any one criterion suffices; each is met only for a person managed under
    MAPPA at the time. When one is met, the next step is an Initial Case
    Review (para 7). When none is met but the incident flags significant
    professional concern, the SOG may still proceed, since the criteria
    are not exclusive (para 8): the result says so rather than answering
    no. The rules are read as at today, or as at the date of a rulebook
    from :meth:`~mappa.rulebook.Rulebook.as_at` (pass the incident's date).

    >>> assess_scr(Incident(managed_under_mappa=False, charge=Charge.MURDER)).next_step
    <ScrNextStep.NO_REVIEW_REQUIRED: 'no review required'>
    """
    incident = _check.ensure_instance(incident, Incident, "incident")
    book = resolve(rulebook)
    proportionality = book.text(_PROPORTIONALITY)
    met: list[ScrCriterion] = []
    if incident.managed_under_mappa:
        if incident.charge.name in book.texts(_SERIOUS_CHARGES):
            met.append(ScrCriterion.CHARGED_WITH_SERIOUS_OFFENCE)
        if incident.concern_about_involvement:
            met.append(ScrCriterion.CONCERN_ABOUT_INVOLVEMENT)
        if incident.harmed_as_known_sex_offender:
            met.append(ScrCriterion.HARMED_AS_KNOWN_SEX_OFFENDER)
    if met:
        return ScrAssessment(
            criteria=tuple(met),
            next_step=ScrNextStep.INITIAL_CASE_REVIEW,
            reason=(
                f"{len(met)} of the SCR criteria met: an Initial Case Review "
                "first determines whether a Significant Case Review is merited"
            ),
            rule=_INITIAL_CASE_REVIEW,
            citations=_criteria_citations(book, _INITIAL_CASE_REVIEW),
            proportionality=proportionality,
        )
    if incident.other_professional_concern and book.value(_NOT_EXCLUSIVE) is True:
        return ScrAssessment(
            criteria=(),
            next_step=ScrNextStep.SOG_DISCRETION,
            reason=(
                "no SCR criterion is met, but the criteria are not exclusive: "
                "the case has triggered significant professional concern and "
                "the SOG decides how to proceed (an Initial Case Review first "
                "if it does)"
            ),
            rule=_NOT_EXCLUSIVE,
            citations=_criteria_citations(book, _NOT_EXCLUSIVE, _INITIAL_CASE_REVIEW),
            proportionality=proportionality,
        )
    why = (
        "no SCR criterion is met and no significant professional concern is flagged"
        if incident.managed_under_mappa
        else "the SCR criteria concern a person managed under MAPPA at the time, "
        "and no significant professional concern is flagged"
    )
    return ScrAssessment(
        criteria=(),
        next_step=ScrNextStep.NO_REVIEW_REQUIRED,
        reason=why,
        rule=_NOT_EXCLUSIVE,
        citations=_criteria_citations(book, _NOT_EXCLUSIVE),
        proportionality=proportionality,
    )


class ScrStage(enum.Enum):
    """The stages of the review process, in order (our reading: see the module).

    The Initial Case Review is the first three stages. :attr:`REPORT` and
    :attr:`CLOSED` are final: a case is never reopened.
    """

    INITIAL_NOTIFICATION = "initial notification"
    """The Initial Notification Report of the incident to the SOG."""
    SOG_CHAIR_REVIEW = "SOG chair review"
    """The SOG chair reviews the Initial Notification Report."""
    SOG_DECISION = "SOG decision"
    """The SOG decides whether a Significant Case Review is warranted."""
    REVIEW = "review"
    """The Significant Case Review is undertaken or commissioned."""
    REPORT = "report"
    """The review reports (final)."""
    CLOSED = "closed"
    """Closed with no further action after the SOG decision (final)."""

    @property
    def is_final(self) -> bool:
        """True for a stage the process never leaves."""
        return not _TRANSITIONS[self]

    @property
    def citation(self) -> Citation:
        """Where the stage comes from (rules ``scr.sog_decision`` and
        ``scr.stages`` of the default rulebook)."""
        if self is ScrStage.SOG_DECISION:
            return DEFAULT_RULEBOOK.citation(_SOG_DECISION)
        return DEFAULT_RULEBOOK.citation(_STAGES)

    def __str__(self) -> str:
        return self.value


_TRANSITIONS: Mapping[ScrStage, tuple[ScrStage, ...]] = {
    ScrStage.INITIAL_NOTIFICATION: (ScrStage.SOG_CHAIR_REVIEW,),
    ScrStage.SOG_CHAIR_REVIEW: (ScrStage.SOG_DECISION,),
    ScrStage.SOG_DECISION: (ScrStage.REVIEW, ScrStage.CLOSED),
    ScrStage.REVIEW: (ScrStage.REPORT,),
    ScrStage.REPORT: (),
    ScrStage.CLOSED: (),
}


def next_stages(stage: ScrStage) -> tuple[ScrStage, ...]:
    """The stages a case at *stage* may move to (empty for a final stage).

    >>> next_stages(ScrStage.SOG_DECISION)
    (<ScrStage.REVIEW: 'review'>, <ScrStage.CLOSED: 'closed'>)
    """
    stage = _check.ensure_member(stage, ScrStage, "stage")
    return _TRANSITIONS[stage]


def check_transition(current: ScrStage, proposed: ScrStage) -> ScrStage:
    """*proposed*, if a case may move to it from *current*.

    Raises :class:`~mappa.errors.InvalidTransition` (a ``ValueError``) for
    any other move: skipping a stage (the SOG decision above all),
    going back, staying put, or reopening a closed or reported case.

    >>> check_transition(ScrStage.SOG_DECISION, ScrStage.CLOSED)
    <ScrStage.CLOSED: 'closed'>
    """
    current = _check.ensure_member(current, ScrStage, "current")
    proposed = _check.ensure_member(proposed, ScrStage, "proposed")
    allowed = _TRANSITIONS[current]
    if proposed in allowed:
        return proposed
    if current.is_final:
        why = f"the case is {current} and a final stage is never reopened"
    elif (
        proposed in (ScrStage.REVIEW, ScrStage.CLOSED)
        and current is not ScrStage.SOG_DECISION
        and _order(proposed) > _order(current)
    ):
        why = (
            f"only the SOG decision may open a review or close the case; "
            f"from {current} it may move only to: "
            + ", ".join(str(stage) for stage in allowed)
        )
    else:
        why = f"from {current} it may move only to: " + ", ".join(
            str(stage) for stage in allowed
        )
    raise InvalidTransition(
        f"an SCR cannot move from {current} to {proposed}; {why}",
        rule=_STAGES,
        value=(current, proposed),
    )


def is_valid_transition(current: ScrStage, proposed: ScrStage) -> bool:
    """True if a case may move from *current* to *proposed*.

    >>> is_valid_transition(ScrStage.CLOSED, ScrStage.REVIEW)
    False
    """
    current = _check.ensure_member(current, ScrStage, "current")
    proposed = _check.ensure_member(proposed, ScrStage, "proposed")
    return proposed in _TRANSITIONS[current]


def _order(stage: ScrStage) -> int:
    return list(ScrStage).index(stage)
