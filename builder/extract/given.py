"""What was given to the people a figure counts: «پرداخت کمک‌هزینه فرزندآوری به ۲۰۰۰ نفر», «تسهیلات اشتغال به
۸۴۴۱ مددجو پرداخت شد».

Welfare news counts people by what they received (loans, aid, a trousseau): the count is of the people,
and what they received says which people.  The gift is named before «به» either as a noun of giving
(«پرداخت …», «اعطای …») or as the clause's subject or object with a verb of giving after the count.
"""
from __future__ import annotations

import re

from ..text.document import Document
from ..text.patterns import GAP
from ..text.textkey import key
from . import clauses
from .figures import _TO_BEFORE, _UNIT_OF
from .tokens import is_function_word

__all__ = ["given_to", "received"]

# nouns and verbs of giving: «پرداخت», «اعطا», «تحویل», «توزیع», «ارائه», «واریز», «اهدا», «واگذار»
_GIVING = ("پرداخت", "اعطای", "اعطا", "تحویل", "توزیع", "ارائه", "واریز", "اهدا", "واگذار")
# «از پرداخت کمک‌هزینه فرزندآوری به بیش از ۲۰۰۰ نفر …»: what was given to the people counted
_GIVEN_TO = re.compile(rf"(?<![\w\u200c])((?:{'|'.join(_GIVING)})[\s\u200c]+[^،,.:؛;0-9۰-۹]{{2,60}}?)[\s\u200c]+به{GAP}$")
_GIVING_KEYS = tuple(key(w) for w in _GIVING)  # «پرداخت‌شده», «اهدا شد»: the verb's non-verbal part starts so
_AMOUNT_WORDS = frozenset(key(w) for w in ("هزار", "میلیون", "میلیارد", "ریال", "تومان"))


def given_to(doc: Document, sent_start: int, pos: int) -> str:
    """What the clause says was given to a bare count of people («پرداخت کمک‌هزینه فرزندآوری» before
    «به ۲۰۰۰ نفر»), else ""."""
    m = _GIVEN_TO.search(doc.text, max(sent_start, pos - 80), pos)
    return m.group(1) if m else ""


def received(doc: Document, sent_start: int, q_start: int, head: str, pred) -> str:
    """What the people or households a figure after «به» counts received, when a verb of giving follows
    («امسال تسهیلات اشتغال به ۸۴۴۱ مددجو پرداخت شده است»): the words before the verb, else the noun of an
    amount given («… ۱۰ هزار میلیارد ریال تسهیلات اشتغال‌زایی به …»), else what the clause opens with; or ""."""
    if pred is None or not pred.verbal or not key(pred.verbal.split()[0]).startswith(_GIVING_KEYS) \
            or not _TO_BEFORE.search(doc.text, max(sent_start, q_start - 5), q_start) \
            or _UNIT_OF.get(key(head.split()[0]) if head else "") not in ("persons", "households"):
        return ""
    if pred.complement:
        return pred.complement
    before = doc.text[clauses.clause_start(doc, sent_start, q_start):q_start]
    if amount := list(re.finditer(r"[0-9۰-۹]+", before)):
        return " ".join(w for w in before[amount[-1].end():].split()[:-1]
                        if key(w) not in _AMOUNT_WORDS and not is_function_word(w))
    found = clauses.topic(doc, sent_start, q_start)
    return " ".join(w for w in found[0].split() if not is_function_word(w)) if found else ""
