"""Licence changes: where a requested change goes, and ending life-licence supervision.

When a MAPPA risk management plan needs a change to the conditions a
person is under, the route depends on what imposes them (guidance paras
11.36-11.39): licence conditions change by a Licence Amendment template
sent by the Justice Social Work (JSW) supervising officer to the Scottish
Government Community Licence Team, never straight to the Parole Board; a
preventative order's conditions by representation to the police, who
consider seeking the amendment; a Supervised Release Order's by the
supervising officer writing to the court. Ending supervision on a life
licence goes on the same template to the Community Licence Team with an
Assessment Report dated within the last 12 months; if the Parole Board
agrees, a new licence keeps two standing conditions.

>>> import datetime as dt
>>> from mappa.licences import ChangeKind, Party, change_route, life_licence_termination
>>> route = change_route(ChangeKind.LICENCE_CONDITIONS)
>>> route.sender.name, route.recipient.name, route.form.name
('JSW_SUPERVISING_OFFICER', 'COMMUNITY_LICENCE_TEAM', 'LICENCE_AMENDMENT_TEMPLATE')
>>> change_route(ChangeKind.LICENCE_CONDITIONS, recipient=Party.PAROLE_BOARD)
Traceback (most recent call last):
...
mappa.errors.InvalidValueError: a licence condition change is never sent to the Parole Board for Scotland: it goes to the Scottish Government Community Licence Team (para 11.37)
>>> check = life_licence_termination(
...     request_date=dt.date(2025, 6, 2), report_date=dt.date(2024, 6, 2)
... )
>>> check.report_valid, [c.name for c in check.retained_conditions]
(True, ['GOOD_BEHAVIOUR_AND_KEEP_THE_PEACE', 'REPORT_ARREST_OR_QUESTIONING'])

More information:

* MAPPA National Guidance (2023), paras 11.36-11.39.
"""

from __future__ import annotations

import datetime as _dt
import enum

import attrs

from mappa import _check
from mappa.errors import InvalidValueError
from mappa.rulebook import Rulebook, resolve
from mappa.sources import Citation

__all__ = [
    "ChangeKind",
    "ChangeRoute",
    "Form",
    "Party",
    "StandingCondition",
    "TerminationCheck",
    "assessment_report_valid",
    "change_route",
    "life_licence_termination",
]

_VALIDITY_RULE = "licences.assessment_report.validity"
_NEVER_TO_RULE = "licences.licence_conditions.never_to"


class Party(enum.Enum):
    """Who sends, receives or decides a requested change."""

    JSW_SUPERVISING_OFFICER = "JSW supervising officer"
    COMMUNITY_LICENCE_TEAM = "Scottish Government Community Licence Team"
    PAROLE_BOARD = "Parole Board for Scotland"
    POLICE = "Police Scotland"
    COURT = "the court"

    def __str__(self) -> str:
        return self.value


class ChangeKind(enum.Enum):
    """What a requested change is to."""

    LICENCE_CONDITIONS = "licence conditions"
    """The conditions of a licence (paras 11.36-11.37)."""
    PREVENTATIVE_ORDER_CONDITIONS = "preventative order conditions"
    """The conditions of a preventative order, such as a sexual offences order (para 11.37)."""
    SUPERVISED_RELEASE_ORDER_CONDITIONS = "Supervised Release Order conditions"
    """The conditions of a Supervised Release Order (para 11.39)."""
    LIFE_LICENCE_TERMINATION = "termination of life-licence supervision"
    """Ending supervision for a person on a life licence (para 11.38)."""

    def __str__(self) -> str:
        return self.value


class Form(enum.Enum):
    """How the request is made."""

    LICENCE_AMENDMENT_TEMPLATE = "Licence Amendment (LA) template"
    REPRESENTATION_TO_POLICE = "representation to the police"
    LETTER_TO_COURT = (
        "letter setting out the current conditions, the change sought, the "
        "reasons and the suitability of the variation"
    )


class StandingCondition(enum.Enum):
    """The two conditions a new licence keeps when supervision ends (para 11.38)."""

    GOOD_BEHAVIOUR_AND_KEEP_THE_PEACE = (
        "the licensee is of good behaviour and keeps the peace"
    )
    REPORT_ARREST_OR_QUESTIONING = "the licensee tells their local authority if arrested or questioned by the police"


_RECIPIENT_RULES = {
    ChangeKind.LICENCE_CONDITIONS: "licences.licence_conditions.recipient",
    ChangeKind.PREVENTATIVE_ORDER_CONDITIONS: "licences.preventative_order.recipient",
    ChangeKind.SUPERVISED_RELEASE_ORDER_CONDITIONS: (
        "licences.supervised_release_order.recipient"
    ),
    ChangeKind.LIFE_LICENCE_TERMINATION: "licences.life_licence_termination.recipient",
}

# The sender, form and deciding body are what each paragraph describes; the
# recipients are rules (they name a body a caller may need to correct).
_SENDERS: dict[ChangeKind, Party | None] = {
    ChangeKind.LICENCE_CONDITIONS: Party.JSW_SUPERVISING_OFFICER,
    # Para 11.37 says only that representation is made to the police.
    ChangeKind.PREVENTATIVE_ORDER_CONDITIONS: None,
    ChangeKind.SUPERVISED_RELEASE_ORDER_CONDITIONS: Party.JSW_SUPERVISING_OFFICER,
    ChangeKind.LIFE_LICENCE_TERMINATION: Party.JSW_SUPERVISING_OFFICER,
}
_FORMS = {
    ChangeKind.LICENCE_CONDITIONS: Form.LICENCE_AMENDMENT_TEMPLATE,
    ChangeKind.PREVENTATIVE_ORDER_CONDITIONS: Form.REPRESENTATION_TO_POLICE,
    ChangeKind.SUPERVISED_RELEASE_ORDER_CONDITIONS: Form.LETTER_TO_COURT,
    ChangeKind.LIFE_LICENCE_TERMINATION: Form.LICENCE_AMENDMENT_TEMPLATE,
}
_DECIDERS: dict[ChangeKind, Party | None] = {
    # Para 11.36 does not say who decides a licence amendment.
    ChangeKind.LICENCE_CONDITIONS: None,
    # The police consider seeking the amendment from the court (para 11.37).
    ChangeKind.PREVENTATIVE_ORDER_CONDITIONS: None,
    ChangeKind.SUPERVISED_RELEASE_ORDER_CONDITIONS: Party.COURT,
    ChangeKind.LIFE_LICENCE_TERMINATION: Party.PAROLE_BOARD,
}
_LABELS = {
    ChangeKind.LICENCE_CONDITIONS: "a licence condition change",
    ChangeKind.PREVENTATIVE_ORDER_CONDITIONS: "a preventative order change",
    ChangeKind.SUPERVISED_RELEASE_ORDER_CONDITIONS: "a Supervised Release Order change",
    ChangeKind.LIFE_LICENCE_TERMINATION: "a request to end life-licence supervision",
}


@attrs.frozen
class ChangeRoute:
    """The route of a requested change.

    Attributes:
        kind: what the change is to.
        sender: who sends it, or ``None`` where the guidance names no one.
        recipient: who it goes to.
        form: how it is made.
        decided_by: who decides, where the guidance says.
        never_to: bodies it must not be sent to directly.
        with_assessment_report: True if an Assessment Report goes with it.
        citation: the paragraph that sets the route.
    """

    kind: ChangeKind = attrs.field(validator=_check.v_instance(ChangeKind))
    sender: Party | None = attrs.field(validator=_check.v_optional_instance(Party))
    recipient: Party = attrs.field(validator=_check.v_instance(Party))
    form: Form = attrs.field(validator=_check.v_instance(Form))
    decided_by: Party | None = attrs.field(validator=_check.v_optional_instance(Party))
    never_to: tuple[Party, ...] = attrs.field(validator=_check.v_tuple_of(Party))
    with_assessment_report: bool = attrs.field(validator=_check.v_bool)
    citation: Citation = attrs.field(validator=_check.v_instance(Citation))

    @property
    def rule(self) -> str:
        """The rulebook name of the rule that sets the recipient."""
        return _RECIPIENT_RULES[self.kind]

    @property
    def citations(self) -> tuple[Citation, ...]:
        """The rule's citation, as the tuple every result has."""
        return (self.citation,)


def _party(book: Rulebook, rule: str) -> Party:
    text = book.text(rule)
    try:
        return Party[text]
    except KeyError:
        raise InvalidValueError(
            f"rule {rule!r} must name a Party member", rule=rule
        ) from None


def change_route(
    kind: ChangeKind,
    *,
    recipient: Party | None = None,
    sender: Party | None = None,
    rulebook: Rulebook | None = None,
) -> ChangeRoute:
    """The route for a requested change of *kind*.

    Pass the *recipient* (and *sender*) a case system proposes to have the
    route checked: an impossible route (a Licence Amendment sent straight
    to the Parole Board, a Supervised Release Order change sent to the
    police...) raises :class:`~mappa.errors.InvalidValueError` naming the
    right one. The rules are read as at today, or as at the date of a
    rulebook from :meth:`~mappa.rulebook.Rulebook.as_at` (pass the date of
    the request).

    >>> change_route(ChangeKind.SUPERVISED_RELEASE_ORDER_CONDITIONS).recipient.name
    'COURT'
    >>> change_route(ChangeKind.PREVENTATIVE_ORDER_CONDITIONS, recipient=Party.COURT)
    Traceback (most recent call last):
    ...
    mappa.errors.InvalidValueError: a preventative order change goes to Police Scotland, not the court (para 11.37)
    """
    kind = _check.ensure_member(kind, ChangeKind, "kind")
    if recipient is not None:
        recipient = _check.ensure_member(recipient, Party, "recipient")
    if sender is not None:
        sender = _check.ensure_member(sender, Party, "sender")
    book = resolve(rulebook)
    rule = _RECIPIENT_RULES[kind]
    citation = book.citation(rule)
    right = _party(book, rule)
    never_to: tuple[Party, ...] = ()
    if kind in (ChangeKind.LICENCE_CONDITIONS, ChangeKind.LIFE_LICENCE_TERMINATION):
        never_to = (_party(book, _NEVER_TO_RULE),)
    if recipient is not None and recipient is not right:
        if recipient in never_to:
            never_citation = book.citation(_NEVER_TO_RULE)
            raise InvalidValueError(
                f"{_LABELS[kind]} is never sent to the {recipient}: "
                f"it goes to the {right} ({never_citation.pinpoint})",
                rule=_NEVER_TO_RULE,
                value=recipient,
            )
        raise InvalidValueError(
            f"{_LABELS[kind]} goes to {right}, not {recipient} ({citation.pinpoint})",
            rule=rule,
            value=recipient,
        )
    expected_sender = _SENDERS[kind]
    if (
        sender is not None
        and expected_sender is not None
        and sender is not expected_sender
    ):
        raise InvalidValueError(
            f"{_LABELS[kind]} is sent by the {expected_sender}, not {sender} "
            f"({citation.pinpoint})",
            rule=rule,
            value=sender,
        )
    return ChangeRoute(
        kind=kind,
        sender=expected_sender,
        recipient=right,
        form=_FORMS[kind],
        decided_by=_DECIDERS[kind],
        never_to=never_to,
        with_assessment_report=kind is ChangeKind.LIFE_LICENCE_TERMINATION,
        citation=citation,
    )


@attrs.frozen
class TerminationCheck:
    """A request to end supervision on a life licence, checked (para 11.38).

    Attributes:
        request_date: the day the request is submitted.
        report_date: the date of the Assessment Report sent with it.
        earliest_report_date: the earliest report date still within the
            last 12 months of the request.
        report_valid: True if the report is dated within the last 12 months.
        route: the request's route (the Licence Amendment template to the
            Community Licence Team; the Parole Board decides).
        retained_conditions: the two conditions a new licence keeps if the
            Parole Board agrees.
        citation: the paragraph that sets the rule.
    """

    request_date: _dt.date = attrs.field(validator=_check.v_date)
    report_date: _dt.date = attrs.field(validator=_check.v_date)
    earliest_report_date: _dt.date = attrs.field(validator=_check.v_date)
    report_valid: bool = attrs.field(validator=_check.v_bool)
    route: ChangeRoute = attrs.field(
        validator=_check.v_instance(ChangeRoute),
        repr=lambda route: f"<ChangeRoute {route.kind.name}>",
    )
    retained_conditions: tuple[StandingCondition, ...] = attrs.field(
        validator=_check.v_tuple_of(StandingCondition), repr=_check.repr_names
    )
    citation: Citation = attrs.field(validator=_check.v_instance(Citation))

    @property
    def rule(self) -> str:
        """The rulebook name of the report's validity rule."""
        return _VALIDITY_RULE

    @property
    def citations(self) -> tuple[Citation, ...]:
        """The rule's citation, as the tuple every result has."""
        return (self.citation,)

    def __bool__(self) -> bool:
        return self.report_valid


def life_licence_termination(
    *,
    request_date: _dt.date,
    report_date: _dt.date,
    rulebook: Rulebook | None = None,
) -> TerminationCheck:
    """Check a request to end supervision on a life licence.

    The Assessment Report must be dated within the last 12 months: on or
    after the corresponding date 12 months before the request (the
    month's last day where there is none), counted as the rulebook's
    ``licences.assessment_report.validity`` rule says. A report dated after
    the request is bad input and raises
    :class:`~mappa.errors.InvalidValueError`. The rule is read as at the
    request date.

    >>> life_licence_termination(
    ...     request_date=_dt.date(2025, 6, 2), report_date=_dt.date(2024, 6, 1)
    ... ).report_valid
    False
    """
    request_date = _check.ensure_date(request_date, "request_date")
    report_date = _check.ensure_date(report_date, "report_date")
    book = resolve(rulebook, request_date)
    if report_date > request_date:
        raise InvalidValueError(
            "the Assessment Report is dated after the request: a report "
            "cannot be dated in the future",
            rule=_VALIDITY_RULE,
            value=report_date,
        )
    try:
        earliest = book.counting(_VALIDITY_RULE).apply(
            book.duration(_VALIDITY_RULE), request_date
        )
    except InvalidValueError:
        # Twelve months before the first representable dates: any report
        # Python can date is within them.
        earliest = _dt.date.min
    return TerminationCheck(
        request_date=request_date,
        report_date=report_date,
        earliest_report_date=earliest,
        report_valid=report_date >= earliest,
        route=change_route(ChangeKind.LIFE_LICENCE_TERMINATION, rulebook=book),
        retained_conditions=tuple(StandingCondition),
        citation=book.citation(_VALIDITY_RULE),
    )


def assessment_report_valid(
    *,
    request_date: _dt.date,
    report_date: _dt.date,
    rulebook: Rulebook | None = None,
) -> bool:
    """True if the Assessment Report is dated within the last 12 months.

    >>> assessment_report_valid(
    ...     request_date=_dt.date(2025, 2, 28), report_date=_dt.date(2024, 2, 29)
    ... )
    True
    """
    return life_licence_termination(
        request_date=request_date, report_date=report_date, rulebook=rulebook
    ).report_valid
