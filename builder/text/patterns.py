"""Three regular-expression pieces every rule of fakg spells the same way, written once.

``GAP`` is the gap between the words of a phrase as Persian pages write it: a space, a ZWNJ
(«می‌شود»), both, or nothing at all («میشود», «خبرداد»), so that one rule reads every spelling.
``LETTER`` is a Persian letter as the body of a character class (``[{LETTER}]``): the Arabic
block's letters without its punctuation and digits («،», «؛», «۴» are not letters).
``CREDIT_OPENING`` is the credit that opens a story's sentence, up to its comma: the places in it
are where the agency's desk is or where the story comes from, never a program's or a figure's
(compiled here, for the readers that skip it: programs and the story's setting).
"""
from __future__ import annotations

import re

#: spaces, ZWNJs or nothing between two words
GAP = r"[\s\u200c]*"
#: a Persian (Arabic-script) letter, as the inside of a character class
LETTER = r"\u0620-\u064A\u066E-\u06D3"
#: «به گزارش خبرگزاری تسنیم از تایباد،»: a credit opening a sentence, up to its comma
CREDIT_OPENING = re.compile(rf"به{GAP}گزارش[^،,.:؛;\n]{{0,80}}[،,]")
