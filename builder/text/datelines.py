"""The datelines a story opens with: one table for the two readers of them.

«ایسنا/خوزستان», «مشهد- ایرنا-», «کاشان _ ایرنا _», «تهران (پانا) -»: :mod:`builder.read.credits`
reads the source each names (it captures it as the group ``source``), :mod:`builder.extract.speech`
lets a lead's subject follow one.  :func:`form` gives a form's regex source without anchors, so
each reader anchors it and combines it with its own alternatives as it needs.
"""
from __future__ import annotations

_WORDS = r"[\u0600-\u06FF\u200c ]"
_SOURCE = rf"{_WORDS}{{2,25}}?"
DASH = r"[-–—_]"  # «مشهد- ایرنا-», «کاشان _ ایرنا _»

_FORMS = {
    # an agency and its desk: «ایسنا/خوزستان», «تسنیم / اردبیل»
    "slash": rf"{{source}}\s*/\s*{_WORDS}{{{{2,25}}}}?",
    # a place, a dash, the source, a dash (or the semicolon after a desk): «دهدشت- ایرنا-», «باشگاه خبرنگاران جوان - کرمان؛»
    "dashed": rf"{_WORDS}{{{{2,30}}}}?\s*[-–—_/]\s*{{source}}\s*(?:[-–—_/]|؛)",
    # a city and the agency in brackets, then a dash: «تهران (پانا) -»
    "paren": rf"{_WORDS}{{{{2,25}}}}?\s*\(\s*{{source}}\s*\)\s*{DASH}",
}


def form(name: str, capture: bool = False) -> str:
    """The regex source of the dateline form ``name`` («slash», «dashed», «paren»), its source
    captured as the group ``source`` when ``capture``."""
    return _FORMS[name].format(source=f"(?P<source>{_SOURCE})" if capture else f"(?:{_SOURCE})")
