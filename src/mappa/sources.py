"""Where each rule comes from: documents and citations.

A :class:`Citation` is structured data (document, edition, pinpoint, URL),
never free text, so a case system can show it, link it or group by it.
The documents `mappa` cites are module constants; cite a paragraph or
section with :meth:`Document.cite`.

>>> from mappa.sources import GUIDANCE
>>> citation = GUIDANCE.cite("para 11.15")
>>> str(citation)
'MAPPA National Guidance (2023), para 11.15'
>>> citation.url
'https://www.gov.scot/publications/multi-agency-public-protection-arrangements-mappa-national-guidance/'

More information:

* MAPPA National Guidance, gov.scot (the current edition, 2023).
* Legislation: https://www.legislation.gov.uk
"""

from __future__ import annotations

import attrs

from mappa import _check

__all__ = [
    "Citation",
    "DATA_PROTECTION_ACT_2018",
    "DOCUMENTS",
    "Document",
    "GLASGOW_MAPPA_PAGE",
    "GUIDANCE",
    "ICO_RIGHT_OF_ACCESS",
    "MANAGEMENT_OF_OFFENDERS_ACT_2005",
    "NATIONAL_OVERVIEW_2018_19",
    "NOTIFICATION_REGULATIONS_2013",
    "SCR_GUIDANCE_2012",
    "SEXUAL_OFFENCES_ACT_2003",
    "SOCIAL_WORK_ACT_1968",
    "TRAVEL_NOTIFICATION_REGULATIONS_2004",
    "UK_GDPR",
]


@attrs.frozen
class Citation:
    """A pinpoint reference into a source document.

    Attributes:
        document: the document's title.
        edition: its edition, year or date (``"2023"``, ``"as amended"``).
        pinpoint: paragraph, section or page (``"para 11.15"``, ``"s.82(1)"``).
        url: where to read it, if public.
    """

    document: str = attrs.field(validator=_check.v_text)
    edition: str = attrs.field(validator=_check.v_text)
    pinpoint: str = attrs.field(validator=_check.v_text)
    # The address is long and adds nothing a reader of a repr needs.
    url: str | None = attrs.field(
        default=None, validator=_check.v_optional_text, repr=False
    )

    def __str__(self) -> str:
        return f"{self.document} ({self.edition}), {self.pinpoint}"

    def __repr__(self) -> str:
        return f"<Citation: {self}>"


@attrs.frozen
class Document:
    """A source document: guidance, a statute, a report.

    Attributes:
        key: a short stable identifier (``"guidance"``, ``"soa2003"``).
        title: the title as a citation shows it.
        edition: its edition, year or date.
        url: the document's public address, if it has one.
    """

    key: str = attrs.field(validator=_check.v_text)
    title: str = attrs.field(validator=_check.v_text)
    edition: str = attrs.field(validator=_check.v_text)
    url: str | None = attrs.field(default=None, validator=_check.v_optional_text)

    def cite(self, pinpoint: str, *, url: str | None = None) -> Citation:
        """A :class:`Citation` of *pinpoint* in this document.

        *url* overrides the document's address (a statute's section page).

        >>> SEXUAL_OFFENCES_ACT_2003.cite("s.82(1)").pinpoint
        's.82(1)'
        """
        return Citation(
            document=self.title,
            edition=self.edition,
            pinpoint=pinpoint,
            url=self.url if url is None else url,
        )


GUIDANCE = Document(
    key="guidance",
    title="MAPPA National Guidance",
    edition="2023",
    url=(
        "https://www.gov.scot/publications/"
        "multi-agency-public-protection-arrangements-mappa-national-guidance/"
    ),
)
"""Multi-Agency Public Protection Arrangements (MAPPA): national guidance,
the Scottish Government's ministerial guidance to Responsible Authorities
under ss.10 and 11 of the 2005 Act (the current edition, 2023)."""

GLASGOW_MAPPA_PAGE = Document(
    key="glasgow-mappa",
    title="Glasgow City Council, MAPPA web page",
    edition="under the 2023 guidance",
)
"""Glasgow City Council's MAPPA page: the three levels and the eight
national performance indicators with their current and previous targets."""

SCR_GUIDANCE_2012 = Document(
    key="scr-2012",
    title=(
        "MAPPA National Guidance 2012 Version 1 and Covering Justice and "
        "Communities Circular JD/01/2012"
    ),
    edition="2012",
)
"""The 2012 guidance on MAPPA Significant Case Reviews (criteria, paras 7-9)."""

NATIONAL_OVERVIEW_2018_19 = Document(
    key="overview-2018-19",
    title=(
        "Multi-Agency Public Protection Arrangements (MAPPA) in Scotland: "
        "National Overview Report"
    ),
    edition="2018/19",
    url=(
        "https://www.gov.scot/publications/"
        "multi-agency-public-protection-arrangements-mappa-scotland-national-"
        "overview-report-2018-19/"
    ),
)
"""The Scottish Government's national overview report for 2018/19."""

MANAGEMENT_OF_OFFENDERS_ACT_2005 = Document(
    key="moa2005",
    title="Management of Offenders etc. (Scotland) Act 2005",
    edition="asp 14, as amended",
    url="https://www.legislation.gov.uk/asp/2005/14",
)
"""The Act that creates MAPPA (ss.10 and 11)."""

SEXUAL_OFFENCES_ACT_2003 = Document(
    key="soa2003",
    title="Sexual Offences Act 2003",
    edition="c. 42, Part 2, as it applies in Scotland",
    url="https://www.legislation.gov.uk/ukpga/2003/42",
)
"""The notification requirements for sex offenders (Part 2, ss.80-88I)."""

NOTIFICATION_REGULATIONS_2013 = Document(
    key="ssi2013-216",
    title="Sexual Offences Act 2003 (Notification Requirements) (Scotland) Regulations 2013",
    edition="SSI 2013/216",
    url="https://www.legislation.gov.uk/ssi/2013/216",
)
"""Regulation 2: the 7-day periodic notification period for a person with
no sole or main residence; regulation 3 amends the 2004 travel regulations."""

TRAVEL_NOTIFICATION_REGULATIONS_2004 = Document(
    key="ssi2004-205",
    title=(
        "Sexual Offences Act 2003 (Travel Notification Requirements) (Scotland) "
        "Regulations 2004"
    ),
    edition="SSI 2004/205, as amended by SSI 2013/216",
    url="https://www.legislation.gov.uk/ssi/2004/205",
)
"""Notice of travel outside the United Kingdom (regulation 5)."""

SOCIAL_WORK_ACT_1968 = Document(
    key="swsa1968",
    title="Social Work (Scotland) Act 1968",
    edition="c. 49, as amended",
    url="https://www.legislation.gov.uk/ukpga/1968/49",
)
"""Section 27 funds local authorities' part of intensive support packages."""

DATA_PROTECTION_ACT_2018 = Document(
    key="dpa2018",
    title="Data Protection Act 2018",
    edition="c. 12",
    url="https://www.legislation.gov.uk/ukpga/2018/12",
)
"""Subject access requests for a MAPPA minute (guidance para 11.22)."""

UK_GDPR = Document(
    key="uk-gdpr",
    title="UK General Data Protection Regulation",
    edition="retained Regulation (EU) 2016/679, as amended",
    url="https://www.legislation.gov.uk/eur/2016/679/article/12",
)
"""Article 12(3): the one-month time limit for a subject access request."""

ICO_RIGHT_OF_ACCESS = Document(
    key="ico-right-of-access",
    title="Information Commissioner's Office, Right of access (subject access requests)",
    edition="UK GDPR guidance, as published on ico.org.uk",
    url=(
        "https://ico.org.uk/for-organisations/uk-gdpr-guidance-and-resources/"
        "individual-rights/right-of-access/what-should-we-consider-when-responding-to-a-request/"
    ),
)
"""How the Information Commissioner counts the one-month limit: from the
day of receipt to the corresponding date of the next month, the month's
last day where there is none, the next working day where that day is a
weekend or public holiday; two further months for complex or numerous
requests, counted as three months from receipt. The counting has stood
since the August 2019 revision; an edition revised for the Data (Use and
Access) Act 2025 could not be confirmed."""

DOCUMENTS: tuple[Document, ...] = (
    GUIDANCE,
    GLASGOW_MAPPA_PAGE,
    SCR_GUIDANCE_2012,
    NATIONAL_OVERVIEW_2018_19,
    MANAGEMENT_OF_OFFENDERS_ACT_2005,
    SEXUAL_OFFENCES_ACT_2003,
    NOTIFICATION_REGULATIONS_2013,
    TRAVEL_NOTIFICATION_REGULATIONS_2004,
    SOCIAL_WORK_ACT_1968,
    DATA_PROTECTION_ACT_2018,
    UK_GDPR,
    ICO_RIGHT_OF_ACCESS,
)
"""Every document `mappa` cites."""
