"""Evidence: where on the page a fact was read, and the literal the graph keeps it as.

Every entity and fact of a :class:`~builder.text.document.Document` carries a list
of :class:`Evidence`; :mod:`builder.graph.graph` writes each as one ``fakg:evidence``
literal, an *evidence record* (:func:`evidence_record`), which
:func:`read_evidence` reads back.  One literal per piece of evidence, where an
evidence node took six quads: evidence was most of an article's quads, and the
load and the store cost per quad.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Evidence:
    """Where a fact was read: sentence index, raw-page offsets, who read it and how sure."""

    sentence: int  # index into Document.sentences, -1 for page metadata
    start: int  # offset into Document.raw
    end: int
    extractor: str  # component name, e.g. "persons"
    confidence: float = 1.0


def evidence_record(ev: Evidence, raw: str, sentences: int) -> str:
    """One piece of evidence as the literal ``fakg:evidence`` states: ``"S,E;I;extractor[;confidence]|words"``.

    ``S,E``: the raw-page offsets (Unicode code points, end exclusive: RFC 5147's ``char=S,E``);
    ``I``: the body sentence it lies in, ``{article}/sentence/{I}`` (empty for page metadata, or
    when the document has no such sentence: ``sentences`` is how many it has); the extractor, and
    its confidence only when below 1 (most readings are certain); after the first ``|``, the page's
    own words between the offsets.  Every field before the ``|`` is free of ``;`` and ``|``, so the
    words, last, may hold anything.  :func:`read_evidence` reads it back; the queries read it with
    STRBEFORE/STRAFTER (``queries/source-sentence.rq``).
    """
    sentence = str(ev.sentence) if 0 <= ev.sentence < sentences else ""
    reading = ev.extractor if ev.confidence >= 1 else f"{ev.extractor};{round(ev.confidence, 4)}"
    return f"{ev.start},{ev.end};{sentence};{reading}|{raw[ev.start:ev.end]}"


def read_evidence(record: str) -> tuple[Evidence, str]:
    """An evidence record (:func:`evidence_record`) as ``(Evidence, words)``; sentence -1 when it names none."""
    head, words = record.split("|", 1)
    span, sentence, *reading = head.split(";")
    start, end = span.split(",")
    confidence = float(reading[1]) if len(reading) > 1 else 1.0
    return Evidence(int(sentence) if sentence else -1, int(start), int(end), reading[0], confidence), words
