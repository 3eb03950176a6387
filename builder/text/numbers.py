"""Persian number expressions: their values and exact offsets.

Statistics are the point of the graph («۱۹۹ کودک خیابانی», «سه هزار و 700
پرونده», «بیش از ۵۰ درصد»), and the same page mixes every way of writing a
number: Persian, Arabic-Indic and Latin digits, words, words and digits
together, and glued forms from scraped text that lost its ZWNJs («سیوهفت»).
Offsets must slice the caller's string exactly because they become
provenance, so nothing here rewrites the text: :func:`align_fold` folds it
character for character and the scanner works on the folded copy.

:mod:`builder.text.number_tokens` cuts the text into tokens (digit groups,
number words, other letter runs, single marks) and this module parses number
phrases over them.  Working on tokens rather than one
giant regex is what lets «سیستان», «هفته», «یکی» or «سه‌شنبه» stay words while
«سی‌وهفت», «۱۲ هزار و ۵۰۰» and «دو و نیم میلیون» become numbers.  Values are
computed with :class:`fractions.Fraction` so «۱.۱ میلیون» is exactly 1100000.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from fractions import Fraction
from functools import lru_cache
from typing import NamedTuple

from .number_tokens import (DASHES, DENOMINATORS, ENTRY_RANK, EXIT_RANK, PERCENT_OF_THEM, PERCENT_SIGNS, PERCENT_WORD,
                            SCALE_NAMES, Tok, align_fold, tokens)

__all__ = ["NumberMatch", "PERCENT_OF_THEM", "PERCENT_WORD", "SCALE_NAMES", "align_fold", "find_numbers", "parse_number"]

# --- phrase parser -----------------------------------------------------------

@dataclass(frozen=True)
class NumberMatch:
    """A number expression; ``text == source[start:end]``.

    ``value`` is the number (the lower bound for a range, the fraction for
    «یک سوم», the percentage for «۵۰ درصد»); ``high`` is a range's upper bound;
    ``unit_word`` is «درصد» for percentages, otherwise the largest scale word
    written («هزار», «میلیون», «میلیارد», «تریلیون»), in canonical spelling.
    """

    start: int
    end: int
    text: str
    value: float
    kind: str  # cardinal | percent | fraction | range | ordinal
    high: float | None = None
    unit_word: str | None = None


class _Hit(NamedTuple):
    end: int  # token index after the expression
    kind: str
    value: Fraction
    high: Fraction | None = None
    unit: str | None = None


@dataclass(frozen=True)
class _Card:
    value: Fraction
    end: int  # token index after the phrase
    ordinal: bool
    scale: int  # largest scale written, 0 if none
    single: tuple[Fraction, Fraction] | None  # (group, multiplier) when the phrase is «۱۰ هزار», «۳ هزار میلیارد»
    digits_only: bool  # one digit token, nothing else


class _Parser:
    def __init__(self, toks: list[Tok]):
        self.t = toks

    def _at(self, i: int) -> Tok | None:
        return self.t[i] if 0 <= i < len(self.t) else None

    def _is(self, i: int, kind: str, texts=None, gaps: str = "0zs") -> bool:
        """Token ``i`` is of ``kind`` (one of ``texts``) with a gap code in ``gaps``."""
        t = self._at(i)
        return t is not None and t.kind == kind and (texts is None or t.text in texts) and t.gap in gaps

    def _scale_at(self, i: int) -> bool:
        t = self._at(i)
        return t is not None and t.kind == "word" and t.cls == "scale" and t.gap != "n"

    def group(self, i: int) -> tuple[Fraction, int, bool] | None:
        """A sub-thousand group: digits, or words «صد و بیست و پنج» (value, next, ordinal)."""
        t = self._at(i)
        if t is None:
            return None
        if t.kind == "num":
            value = t.alt if t.alt is not None and self._scale_at(i + 1) else t.value
            return self._half(value, i + 1)
        if t.kind != "word" or t.cls == "scale":
            return None
        if t.cls == "half":  # «نیم میلیون»
            return (Fraction(1, 2), i + 1, False) if self._scale_at(i + 1) else None
        if t.cls == "first":
            return Fraction(1), i + 1, True
        value, j = t.value, i + 1
        if t.ordinal:
            return value, j, True
        rank = EXIT_RANK[t.cls]
        nxt = self._at(j)
        if (t.cls == "one" and value and nxt and nxt.kind == "word" and nxt.value == 100
                and nxt.cls == "hundred" and nxt.gap in "zs" and nxt.text.startswith("صد")):
            value, rank, j = value * 100, 3, j + 1  # «یک صد», «یک‌صد»
            if nxt.ordinal:
                return value, j, True
        while self._is(j, "and") and self._is(j + 1, "word"):
            w = self.t[j + 1]
            if w.cls not in ENTRY_RANK or ENTRY_RANK[w.cls] >= rank:
                break
            value, rank, j = value + w.value, EXIT_RANK[w.cls], j + 2
            if w.ordinal:
                return value, j, True
        # «یکصد و ۸۰», «دویست و ۵»: digits may finish a group begun in words
        if rank >= 2 and self._is(j, "and") and self._is(j + 1, "num"):
            tail = self.t[j + 1].value
            if tail == int(tail) and 0 < tail < (100 if rank == 3 else 10):
                value, j = value + tail, j + 2
        return self._half(value, j)

    def _half(self, value: Fraction, j: int) -> tuple[Fraction, int, bool]:
        """«دو و نیم» = 2.5."""
        if self._is(j, "and") and self._is(j + 1, "word") and self.t[j + 1].cls == "half":
            return value + Fraction(1, 2), j + 2, False
        return value, j, False

    def _three_digits(self, j: int) -> bool:
        """Token ``j`` is a bare group of three digits after a space («۲ هزار ۸۳۶»)."""
        t = self._at(j)
        return t is not None and t.kind == "num" and t.gap == "s" and re.fullmatch(r"[0-9]{3}", t.text) is not None

    def cardinal(self, i: int) -> _Card | None:
        """Groups joined by scales and «و»: «یک میلیون و دویست هزار», «۵ هزار میلیارد».

        A scale multiplies everything written since the last larger scale, so
        «دو هزار و پانصد میلیارد» is 2.5e12; «و» may only continue after a
        scale, with a part below the smallest scale so far («هزار و ۷۰۰») or
        a scale above the largest.
        """
        parts: list[tuple[Fraction, int]] = []  # (value, scale); scale 1 for a bare group
        j, segments, single, ordinal = i, 0, None, False
        while True:
            k = j
            if segments:
                if self._three_digits(j) and (self._scale_at(j + 1) or min(sc for _, sc in parts) == 1000):
                    k = j  # «۲ هزار ۸۳۶»: the «و» left out before a group of three digits
                elif not self._is(j, "and") or self._at(j + 1) is None or self._at(j + 1).gap == "n":
                    break
                else:
                    k = j + 1
            g = self.group(k)
            if g is None and not self._scale_at(k):
                break
            cur, k, seg_ordinal = g if g else (Fraction(1), k, False)
            new, scales = list(parts), []
            while not seg_ordinal and self._scale_at(k):
                s = int(self.t[k].value)
                if any(sc == s for _, sc in new) or (scales and s < scales[-1]):
                    break
                lower = sum((v for v, sc in new if sc < s), Fraction(0))
                new = [(v, sc) for v, sc in new if sc > s] + [((cur + lower) * s, s)]
                cur, seg_ordinal = Fraction(0), self.t[k].ordinal
                scales.append(s)
                k += 1
            if segments:
                low, top = min(sc for _, sc in parts), max(sc for _, sc in parts)
                if (scales and low <= scales[0] <= top) or (not scales and (cur >= low or self._scale_at(k))):
                    # «۳۱۲ هزار و ۷۳ هزار نفر»: a scale this number has used already starts the next one
                    break
            elif g and scales and g[0]:
                single = (g[0], sum((v for v, _ in new), Fraction(0)) / g[0])  # «۳ هزار میلیارد»: 3 × 10^12
            if cur:
                new.append((cur, 1))
            parts, j, ordinal, segments = new, k, seg_ordinal, segments + 1
            if ordinal or not scales:
                break
        if not segments:
            return None
        return _Card(value=sum((v for v, _ in parts), Fraction(0)), end=j, ordinal=ordinal,
                     scale=max((sc for _, sc in parts if sc > 1), default=0),
                     single=single if segments == 1 else None,
                     digits_only=j == i + 1 and self.t[i].kind == "num")

    # -- whole expressions --

    def percent_after(self, j: int) -> int | None:
        """Token index after a following «درصد»/«%», if there is one."""
        if self._is(j, "text", {"درصد", "درصدی", *PERCENT_OF_THEM}) or self._is(j, "ch", PERCENT_SIGNS, gaps="0s"):
            return j + 1
        # «چهار در صد» written in two words, not «۳ در صد هزار» (a rate per hundred thousand)
        if self._is(j, "text", {"در"}, gaps="zs") and self._is(j + 1, "word", {"صد"}, gaps="zs") \
                and not self._scale_at(j + 2):
            return j + 2
        return None

    def match(self, i: int, lone_nine: bool) -> _Hit | None:
        """The expression starting at token ``i``, if any."""
        t = self.t[i]
        half = Fraction(1, 2)
        if t.kind == "text" and t.text == "بین":
            return self._range(i + 1, between=True)
        if t.kind == "ch" and t.text in PERCENT_SIGNS and self._is(i + 1, "num", gaps="0s"):
            c = self.cardinal(i + 1)  # «٪۵۰»
            return _Hit(c.end, "percent", c.value, unit=PERCENT_WORD) if c and not c.ordinal else None
        if t.kind == "text" and (t.text == "نصف" or (t.text == "نیمی" and self._is(i + 1, "text", {"از"}))) \
                and self._is(i + 1, "text", gaps="zs"):
            return _Hit(i + 1, "fraction", half)
        c = self.cardinal(i)
        if c is None:
            if t.kind == "word" and t.cls == "half":  # «نیم درصد», «نیم ساعت»
                p = self.percent_after(i + 1)
                return _Hit(p, "percent", half, unit=PERCENT_WORD) if p else _Hit(i + 1, "fraction", half)
            return None
        if not self._acceptable(i, c, lone_nine):
            return None
        if c.ordinal:
            return _Hit(c.end, "ordinal", c.value)
        j = c.end
        # «۲۰ام», «سی‌ام», «۲۰ امین»
        if self._is(j, "text", {"ام", "امین"}) or self._is(j, "text", {"م", "مین"}, gaps="0"):
            return _Hit(j + 1, "ordinal", c.value)
        frac = self._decimal_words(c) or self._fraction(c)
        if frac:
            value, j = frac
            p = self.percent_after(j)
            return _Hit(p, "percent", value, unit=PERCENT_WORD) if p else _Hit(j, "fraction", value)
        r = self._range(i, between=False, first=c)
        if r:
            return r
        p = self.percent_after(j)
        if p:
            return _Hit(p, "percent", c.value, unit=PERCENT_WORD)
        return _Hit(j, "cardinal", c.value, unit=SCALE_NAMES.get(c.scale))

    def _acceptable(self, i: int, c: _Card, lone_nine: bool) -> bool:
        """Reject words that only look like numbers: «می‌دهم», «سه شنبه», «ده‌ها», «نه» (no)."""
        first, last, after = self.t[i], self.t[c.end - 1], self._at(c.end)
        if first.kind == "word":
            before = self._at(i - 1)
            if before is not None and before.kind == "text" and (
                    first.gap == "z" or (first.gap == "s" and before.text in ("می", "نمی"))):
                return False
        if after is not None and after.gap != "n":
            if after.kind == "and" and after.gap == "0":  # «سیو…» glued to a non-number
                return False
            if after.kind == "text" and after.gap in "zs" and last.kind == "word":
                if after.text in ("ها", "های", "هایی", "هاست", "دیگر", "دیگری", "وزیر"):
                    return False
                if after.text == "شنبه" and c.end == i + 1 and 1 <= c.value <= 5:
                    return False
        if not lone_nine and c.end == i + 1 and first.kind == "word" and first.text == "نه":
            return False
        return True

    def _fraction(self, c: _Card) -> tuple[Fraction, int] | None:
        """«یک سوم», «دو سوم», «سه دهم»: a small cardinal then a bare ordinal."""
        w = self._at(c.end)
        if (c.scale or c.value.denominator != 1 or w is None or w.kind != "word"
                or not w.ordinal or w.gap not in "zs" or w.text.endswith("ین")):
            return None
        if int(w.value) not in DENOMINATORS or not 0 < c.value < w.value:
            return None
        return c.value / w.value, c.end + 1

    def _decimal_words(self, c: _Card) -> tuple[Fraction, int] | None:
        """«پنج و شش دهم» = 5.6, «دو و هفتاد و دو صدم» = 2.72: a whole number, «و», then tenths,
        hundredths or thousandths, as officials read decimals aloud and reporters write them down;
        or «ممیز» («decimal point») then the digits or the tenths after it, as broadcasters write them."""
        if c.scale or c.value.denominator != 1:
            return None
        point = self._is(c.end, "text", {"ممیز"}, gaps="zs")
        if point and self._is(c.end + 1, "num", gaps="zs") and self.t[c.end + 1].text.isdigit():
            digits = self.t[c.end + 1]  # «۹۷ ممیز ۱ درصد» = 97.1, «۲ ممیز ۰۵» = 2.05: the digits after the point
            if not self._is(c.end + 2, "word", gaps="zs"):
                return c.value + Fraction(int(digits.value), 10 ** len(digits.text)), c.end + 2
        if not (point or self._is(c.end, "and", gaps="zs")):  # «۹۷ ممیز یک دهم», «پنج و شش دهم»
            return None
        nxt = self._at(c.end + 1)
        part = self.cardinal(c.end + 1) if nxt is not None and nxt.gap in "zs" else None
        if part is None or part.ordinal or part.scale:
            return None
        frac = self._fraction(part)
        if frac is None or self.t[part.end].value not in (10, 100, 1000):
            return None
        return c.value + frac[0], frac[1]

    def _range(self, i: int, between: bool, first: _Card | None = None) -> _Hit | None:
        """«۱۸-۱۳ سال», «۵ تا ۱۰», «بین ۵ و ۱۰ درصد»; value = min, high = max."""
        a = first or self.cardinal(i)
        if a is None or a.ordinal:
            return None
        j = a.end
        unit = None
        p = self.percent_after(j)
        if p:
            j, unit = p, PERCENT_WORD
        joiners = {"تا", "الی", "لغایت"}
        if self._is(j, "ch", DASHES, gaps="0s") and a.digits_only and not unit and not between:
            b = self.cardinal(j + 1) if self._is(j + 1, "num", gaps="0s") else None
            if b is None or not b.digits_only or b.ordinal:
                return None
        elif self._is(j, "text", joiners, gaps="zs") or (between and self._is(j, "and", gaps="zs")):
            b = self.cardinal(j + 1) if self._at(j + 1) and self._at(j + 1).gap in "zs" else None
            if b is None or b.ordinal:
                return None
        else:
            return None
        k = b.end
        p = self.percent_after(k)
        if p:
            k, unit = p, PERCENT_WORD
        low = a.value
        if not a.scale and b.single and a.value < b.single[0]:
            low = a.value * b.single[1]  # «۵ تا ۱۰ هزار» = 5000..10000, «۲ تا ۳ هزار میلیارد» = 2e12..3e12
        lo, hi = sorted((low, b.value))
        return _Hit(k, "range", lo, hi, unit or SCALE_NAMES.get(max(a.scale, b.scale)))


_STARTING_TEXT = frozenset(("بین", "نصف", "نیمی"))  # the text tokens that :meth:`_Parser.match` tests first


def _can_start(tok: Tok) -> bool:
    """Whether :meth:`_Parser.match` can find anything at ``tok``.  Most tokens are plain
    words, and trying the parser at each of them was nearly half the cost of finding numbers."""
    kind = tok.kind
    return (kind == "num" or kind == "word" or (kind == "ch" and tok.text in PERCENT_SIGNS)
            or (kind == "text" and tok.text in _STARTING_TEXT))


def find_numbers(text: str) -> list[NumberMatch]:
    """Every number expression in ``text``: longest match, left to right, no overlaps."""
    return list(_find_numbers(text))


def _without_spelled_out(toks: list[Tok]) -> list[Tok]:
    """Drop a number's value spelled out in brackets before its scale: «۳۵ (سی و پنج) میلیون ریال»,
    as contracts and official notices write amounts, is 35 million."""
    out, i = [], 0
    while i < len(toks):
        t = toks[i]
        out.append(t)
        if t.kind == "num" and i + 1 < len(toks) and toks[i + 1].text == "(":
            close = next((j for j in range(i + 2, min(i + 12, len(toks))) if toks[j].text == ")"), None)
            inner = toks[i + 2:close] if close else []
            hit = _Parser(inner).match(0, lone_nine=True) if inner else None
            after = toks[close + 1] if close is not None and close + 1 < len(toks) else None
            if hit is not None and hit.end == len(inner) and hit.value == t.value \
                    and after is not None and after.kind == "word" and after.cls == "scale":
                i = close + 1
                continue
        i += 1
    return out


@lru_cache(maxsize=256)  # statistics and dates both scan each sentence
def _find_numbers(text: str) -> tuple[NumberMatch, ...]:
    toks = _without_spelled_out(tokens(align_fold(text)))
    parser = _Parser(toks)
    out: list[NumberMatch] = []
    i = 0
    while i < len(toks):
        hit = parser.match(i, lone_nine=False) if _can_start(toks[i]) else None
        if hit is None or not _fits(hit):
            i += 1
            continue
        s, e = toks[i].start, toks[hit.end - 1].end
        out.append(NumberMatch(s, e, text[s:e], float(hit.value), hit.kind,
                               None if hit.high is None else float(hit.high), hit.unit))
        i = hit.end
    return tuple(out)


def _fits(hit: _Hit) -> bool:
    """A float can hold the value (a 400-digit run of digits is not a quantity)."""
    return all(v is None or abs(v) < 10**300 for v in (hit.value, hit.high))


def parse_number(phrase: str) -> float | None:
    """The value of a whole number phrase («سه هزار و ۷۰۰», «۲/۵», «سی‌وهفت»), else None.

    The phrase must be one expression from end to end; a range has no single
    value and gives None.
    """
    toks = tokens(align_fold(phrase))
    if not toks:
        return None
    hit = _Parser(toks).match(0, lone_nine=True)
    if hit is None or hit.end != len(toks) or hit.kind == "range" or not _fits(hit):
        return None
    return float(hit.value)
