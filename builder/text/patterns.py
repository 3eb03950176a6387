"""Two regular-expression pieces every rule of fakg spells the same way, written once.

``GAP`` is the gap between the words of a phrase as Persian pages write it: a space, a ZWNJ
(«می‌شود»), both, or nothing at all («میشود», «خبرداد»), so that one rule reads every spelling.
``LETTER`` is a Persian letter as the body of a character class (``[{LETTER}]``): the Arabic
block's letters without its punctuation and digits («،», «؛», «۴» are not letters).
"""
from __future__ import annotations

#: spaces, ZWNJs or nothing between two words
GAP = r"[\s\u200c]*"
#: a Persian (Arabic-script) letter, as the inside of a character class
LETTER = r"\u0620-\u064A\u066E-\u06D3"
