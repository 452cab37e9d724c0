"""The defensibility test: six elements a case audit checks.

Responsible Authorities and the Strategic Oversight Group need to be
satisfied that risk management meets the defensibility test (guidance para
18.16): *was everything done that could reasonably have been done to
prevent individuals from reoffending?* "Everything" includes six elements
(para 18.17): all reasonable steps taken; reliable assessment methods used;
all available information relevant to risk collated and thoroughly
evaluated; decisions recorded, communicated and thoroughly evaluated;
appropriate policies and procedures followed; practitioners and their
managers investigative and proactive.

A :class:`DefensibilityChecklist` holds a case audit's answer for each
element (``True``, ``False``, or ``None`` if not answered);
:func:`assess_defensibility` reports which elements are unmet or
unanswered. The guidance sets no score or weighting, so none is invented:
the test is met only when every element is answered and met.

>>> from mappa.defensibility import DefensibilityChecklist, Element, assess_defensibility
>>> audit = DefensibilityChecklist(
...     reasonable_steps=True, reliable_assessment=True, information_evaluated=True,
...     decisions_recorded=False, policies_followed=True, investigative_and_proactive=None,
... )
>>> result = assess_defensibility(audit)
>>> result.meets_test, [e.name for e in result.unmet], [e.name for e in result.unanswered]
(False, ['DECISIONS_RECORDED'], ['INVESTIGATIVE_AND_PROACTIVE'])

More information:

* MAPPA National Guidance (2023), paras 18.16-18.18.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from typing import Any

import attrs

from mappa import _check
from mappa.errors import InvalidTypeError
from mappa.rulebook import Rulebook, resolve
from mappa.sources import Citation

__all__ = [
    "DefensibilityChecklist",
    "DefensibilityResult",
    "Element",
    "assess_defensibility",
    "checklist_from_answers",
    "meets_defensibility_test",
]

_RULE = "defensibility.test"


class Element(enum.Enum):
    """The six elements of the defensibility test (para 18.17), in the guidance's order."""

    REASONABLE_STEPS = "all reasonable steps have been taken"
    RELIABLE_ASSESSMENT = "reliable assessment methods have been used"
    INFORMATION_EVALUATED = (
        "all available information relevant to risk has been collated and "
        "thoroughly evaluated"
    )
    DECISIONS_RECORDED = "decisions are recorded, communicated and thoroughly evaluated"
    POLICIES_FOLLOWED = "appropriate policies and procedures have been followed"
    INVESTIGATIVE_AND_PROACTIVE = (
        "practitioners and their managers adopt an investigative approach and "
        "are proactive"
    )

    @property
    def field(self) -> str:
        """The :class:`DefensibilityChecklist` field that answers it."""
        return self.name.lower()

    def __str__(self) -> str:
        return self.value


def _v_answer(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and not isinstance(value, bool):
        name = f"{type(instance).__name__}.{attribute.name}"
        raise InvalidTypeError(
            f"{name} must be True, False or None (not answered), not "
            f"{_check.type_name(value)}",
            rule=name,
        )


@attrs.frozen
class DefensibilityChecklist:
    """A case audit's answers to the six elements (para 18.17).

    Each field is ``True`` (met), ``False`` (not met) or ``None`` (not
    answered), and defaults to ``None``.
    """

    reasonable_steps: bool | None = attrs.field(default=None, validator=_v_answer)
    """All reasonable steps have been taken."""
    reliable_assessment: bool | None = attrs.field(default=None, validator=_v_answer)
    """Reliable assessment methods have been used."""
    information_evaluated: bool | None = attrs.field(default=None, validator=_v_answer)
    """All available information relevant to risk collated and thoroughly evaluated."""
    decisions_recorded: bool | None = attrs.field(default=None, validator=_v_answer)
    """Decisions are recorded, communicated and thoroughly evaluated."""
    policies_followed: bool | None = attrs.field(default=None, validator=_v_answer)
    """Appropriate policies and procedures have been followed."""
    investigative_and_proactive: bool | None = attrs.field(
        default=None, validator=_v_answer
    )
    """Practitioners and their managers are investigative and proactive."""

    def answer(self, element: Element) -> bool | None:
        """The answer for *element*.

        >>> DefensibilityChecklist(policies_followed=True).answer(Element.POLICIES_FOLLOWED)
        True
        """
        element = _check.ensure_member(element, Element, "element")
        answer: bool | None = getattr(self, element.field)
        return answer

    def answers(self) -> dict[Element, bool | None]:
        """Every element with its answer, in the guidance's order."""
        return {element: getattr(self, element.field) for element in Element}


@attrs.frozen
class DefensibilityResult:
    """Which elements of the defensibility test a case audit found unmet.

    Attributes:
        met: elements answered as met.
        unmet: elements answered as not met.
        unanswered: elements the audit did not answer.
        question: the test's question (para 18.16).
        citation: paras 18.16-18.17.
    """

    met: tuple[Element, ...] = attrs.field(
        validator=_check.v_tuple_of(Element), repr=_check.repr_names
    )
    unmet: tuple[Element, ...] = attrs.field(
        validator=_check.v_tuple_of(Element), repr=_check.repr_names
    )
    unanswered: tuple[Element, ...] = attrs.field(
        validator=_check.v_tuple_of(Element), repr=_check.repr_names
    )
    question: str = attrs.field(validator=_check.v_text, repr=False)
    citation: Citation = attrs.field(validator=_check.v_instance(Citation))

    @property
    def meets_test(self) -> bool:
        """True only if every element is answered and met."""
        return not self.unmet and not self.unanswered

    @property
    def rule(self) -> str:
        """The rulebook name of the test (``"defensibility.test"``)."""
        return _RULE

    @property
    def citations(self) -> tuple[Citation, ...]:
        """The rule's citation, as the tuple every result has."""
        return (self.citation,)

    def __bool__(self) -> bool:
        return self.meets_test


def checklist_from_answers(answers: Mapping[Element, bool]) -> DefensibilityChecklist:
    """A checklist from a mapping of elements to answers (missing ones unanswered).

    Keys must be :class:`Element` members and values ``bool``; anything
    else raises :class:`~mappa.errors.InvalidTypeError`.

    >>> checklist_from_answers({Element.REASONABLE_STEPS: True}).reasonable_steps
    True
    """
    if not isinstance(answers, Mapping):
        raise InvalidTypeError(
            "answers must be a mapping of Element to bool, not "
            f"{_check.type_name(answers)}",
            rule="answers",
        )
    fields: dict[str, bool] = {}
    for key, value in answers.items():
        element = _check.ensure_member(key, Element, "answers key")
        fields[element.field] = _check.ensure_bool(value, f"answers[{element.name}]")
    return DefensibilityChecklist(**fields)


def assess_defensibility(
    audit: DefensibilityChecklist | Mapping[Element, bool],
    *,
    rulebook: Rulebook | None = None,
) -> DefensibilityResult:
    """Report which elements of the defensibility test are met, unmet or unanswered.

    *audit* is a :class:`DefensibilityChecklist` or a mapping of
    :class:`Element` to ``bool``. The rule is read as at today, or as at
    the date of a rulebook from :meth:`~mappa.rulebook.Rulebook.as_at`
    (pass the date of the decisions audited).

    >>> assess_defensibility({e: True for e in Element}).meets_test
    True
    """
    if not isinstance(audit, DefensibilityChecklist):
        if not isinstance(audit, Mapping):
            raise InvalidTypeError(
                "audit must be a DefensibilityChecklist or a mapping of Element "
                f"to bool, not {_check.type_name(audit)}",
                rule="audit",
            )
        audit = checklist_from_answers(audit)
    book = resolve(rulebook)
    answers = audit.answers()
    return DefensibilityResult(
        met=tuple(e for e, answer in answers.items() if answer is True),
        unmet=tuple(e for e, answer in answers.items() if answer is False),
        unanswered=tuple(e for e, answer in answers.items() if answer is None),
        question=book.text(_RULE),
        citation=book.citation(_RULE),
    )


def meets_defensibility_test(
    audit: DefensibilityChecklist | Mapping[Element, bool],
    *,
    rulebook: Rulebook | None = None,
) -> bool:
    """True if every element is answered and met (see :func:`assess_defensibility`).

    >>> meets_defensibility_test(DefensibilityChecklist(reasonable_steps=True))
    False
    """
    return assess_defensibility(audit, rulebook=rulebook).meets_test
