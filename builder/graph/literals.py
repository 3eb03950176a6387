"""RDF literals as the graph writes them: Persian text, whole and decimal numbers, ISO dates."""
from __future__ import annotations

import re
from decimal import Decimal

from pyoxigraph import Literal, NamedNode

from .namespaces import TIME, XSD

_DATE_TYPES = [(re.compile(r"\d{4}"), XSD.gYear, TIME.inXSDgYear),
               (re.compile(r"\d{4}-\d{2}"), XSD.gYearMonth, TIME.inXSDgYearMonth),
               (re.compile(r"\d{4}-\d{2}-\d{2}"), XSD.date, TIME.inXSDDate),
               (re.compile(r"\d{4}-\d{2}-\d{2}T[\d:.]+(Z|[+-]\d{2}:\d{2})"), XSD.dateTime, TIME.inXSDDateTimeStamp)]


def fa(text: str | None) -> Literal | None:
    """Persian text tagged ``@fa`` (None for no text: the writer then writes nothing)."""
    return Literal(text, language="fa") if text else None


def integer(n: int) -> Literal:
    return Literal(str(int(n)), datatype=XSD.integer)


def number(x: float) -> Literal:
    """xsd:integer when whole (1600, not 1600.0), else xsd:decimal."""
    if float(x).is_integer():
        return integer(int(x))
    return Literal(format(Decimal(repr(float(x))), "f"), datatype=XSD.decimal)


def iso_date(text: str) -> tuple[Literal, NamedNode] | None:
    """An ISO date string as a typed literal (gYear, gYearMonth, date, dateTime) and its OWL-Time property.

    Times need an offset (OWL-Time's inXSDDateTimeStamp); they are typed xsd:dateTime
    because Oxigraph stores xsd:dateTimeStamp values as xsd:dateTime anyway.
    """
    for pattern, datatype, time_property in _DATE_TYPES:
        if pattern.fullmatch(text):
            return Literal(text, datatype=datatype), time_property
    return None
