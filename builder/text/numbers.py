"""Persian number expressions: their values and exact offsets.

Statistics are the point of the graph («۱۹۹ کودک خیابانی», «سه هزار و 700
پرونده», «بیش از ۵۰ درصد»), and the same page mixes every way of writing a
number: Persian, Arabic-Indic and Latin digits, words, words and digits
together, and glued forms from scraped text that lost its ZWNJs («سیوهفت»).
Offsets must slice the caller's string exactly because they become
provenance, so nothing here rewrites the text: :func:`align_fold` folds it
character for character and the scanner works on the folded copy.

The scanner tokenises the text (digit groups, letter runs, single marks) and
parses number phrases over the tokens.  Working on tokens rather than one
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

__all__ = ["NumberMatch", "PERCENT_OF_THEM", "PERCENT_WORD", "SCALE_NAMES", "align_fold", "find_numbers", "parse_number"]

# One-for-one folding (never changes the length): Arabic letter forms, digit
# scripts, invisible joiners.  Bidi marks become spaces because they sit
# between a number and its neighbours in RTL pages; ZWJ and soft hyphen act as ZWNJ.
_ALIGN = str.maketrans({
    "ي": "ی", "ى": "ی", "ئ": "ی", "ك": "ک", "ة": "ه", "ۀ": "ه", "أ": "ا", "إ": "ا",
    "آ": "ا", "ؤ": "و",
    **{d: str(i % 10) for i, d in enumerate("۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩")},
    **dict.fromkeys("\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufeff", " "),
    "\u200d": "\u200c", "\u00ad": "\u200c",
})


# hazm's spacing splits «میلیاردو» (a scale with its «و» glued) into «میلی» + «اردو» (a camp)
_SPLIT_BILLION = re.compile("میلی\u200cارد(?=و)")


def align_fold(text: str) -> str:
    """Fold letters, digits (to 0-9) and joiners without changing any offset."""
    return _SPLIT_BILLION.sub("میلیارد\u200c", text.translate(_ALIGN))


# --- lexicon ---------------------------------------------------------------

_ONES = {"صفر": 0, "یک": 1, "دو": 2, "سه": 3, "چهار": 4, "پنج": 5, "شش": 6, "شیش": 6,
         "هفت": 7, "هشت": 8, "نه": 9}
_TEENS = {"ده": 10, "یازده": 11, "دوازده": 12, "سیزده": 13, "چهارده": 14, "پانزده": 15,
          "پونزده": 15, "شانزده": 16, "شونزده": 16, "هفده": 17, "هیفده": 17, "هجده": 18,
          "هیجده": 18, "هژده": 18, "نوزده": 19}
_TENS = {"بیست": 20, "سی": 30, "چهل": 40, "پنجاه": 50, "شصت": 60, "هفتاد": 70,
         "هشتاد": 80, "نود": 90}
_HUNDREDS = {"صد": 100, "یکصد": 100, "دویست": 200, "سیصد": 300, "چهارصد": 400,
             "پانصد": 500, "پونصد": 500, "ششصد": 600, "هفتصد": 700, "هشتصد": 800, "نهصد": 900}
_SCALES = {"هزار": 10**3, "میلیون": 10**6, "ملیون": 10**6, "میلون": 10**6, "میلیارد": 10**9,
           "ملیارد": 10**9, "تریلیون": 10**12}
SCALE_NAMES = {10**3: "هزار", 10**6: "میلیون", 10**9: "میلیارد", 10**12: "تریلیون"}
PERCENT_WORD = "درصد"
# «۲۸ درصدشان»: a percentage «of them»; whom, the reader of the figure resolves
PERCENT_OF_THEM = ("درصدشان", "درصدش", "درصدشون")

# In a word group a class may only be followed (after «و») by a lower one:
# صد و بیست و پنج, never پنج و بیست.  A teen closes the group.
_ENTRY_RANK = {"hundred": 3, "ten": 2, "teen": 2, "one": 1}
_EXIT_RANK = {"hundred": 3, "ten": 2, "teen": 1, "one": 1}


@dataclass(frozen=True)
class _Word:
    value: int
    cls: str  # one | teen | ten | hundred | scale | half | first
    ordinal: bool = False


def _lexicon() -> dict[str, _Word]:
    lex: dict[str, _Word] = {}
    for table, cls in ((_ONES, "one"), (_TEENS, "teen"), (_TENS, "ten"),
                       (_HUNDREDS, "hundred"), (_SCALES, "scale")):
        for word, value in table.items():
            lex[word] = _Word(value, cls)
            if word == "صفر":
                continue
            # سه -> سوم (not «سهم», a share); سی -> سی‌ام (not «سیم», a wire)
            stem = {"سه": "سو", "سی": "سیا"}.get(word, word)
            for suffix in ("م", "مین"):
                lex[stem + suffix] = _Word(value, cls, True)
    for word in ("اول", "اولین", "نخست", "نخستین"):
        lex[word] = _Word(1, "first", True)
    lex["نیم"] = _Word(0, "half")
    return lex


_LEX = _lexicon()
_WORD_AT = re.compile("|".join(sorted(map(re.escape, _LEX), key=len, reverse=True)))
_DENOMINATORS = {2, 3, 4, 5, 6, 7, 8, 9, 10, 100, 1000}
# units a scraped page may glue to the scale word before them («هزارنفر», «میلیاردریال»), as folded
_GLUED_UNITS = frozenset(("نفر", "تومان", "ریال", "مورد", "خانوار", "واحد", "فقره", "دلار"))

# --- tokens ----------------------------------------------------------------

_S = r"[ \t\u00a0\u200c]*"  # hazm's normaliser puts spaces around separators: «۱ ٫ ۲»
# Words and gaps, most of any text, are tried first; no other alternative can start where they do
# (the rest start with a digit, or take any one character), so the order changes no token.
_TOKEN = re.compile(rf"""
 (?P<word>(?:[^\W\d_]|[\u064b-\u065f\u0670])+)
|(?P<gap>[\s\u200c]+)
|(?P<skip>  # dates and clock times are not quantities
    [0-9]{{4}}{_S}(?P<s1>[-/.٫]){_S}[0-9]{{1,2}}{_S}(?P=s1){_S}[0-9]{{1,2}}(?![0-9])
   |[0-9]{{1,2}}{_S}(?P<s2>[-/.٫]){_S}[0-9]{{1,2}}{_S}(?P=s2){_S}[0-9]{{4}}(?![0-9])
   |[0-9]{{1,2}}:[0-9]{{2}}(?::[0-9]{{2}})?(?![0-9]))
|(?P<num>
    (?P<grouped>[0-9]{{1,3}}(?:{_S}[,٬]{_S}[0-9]{{3}})+(?:\.[0-9]+|{_S}٫{_S}[0-9]+)?)(?![0-9])
   |(?P<dotted>[0-9]{{1,3}}(?:\.[0-9]{{3}}){{2,}}|[0-9]{{1,3}}(?:{_S}٫{_S}[0-9]{{3}}){{2,}})(?![0-9])
   |(?P<comma_decimal>[0-9]{{1,3}},[0-9]{{1,2}})(?=\s+(?:هزار|میلیون|ملیون|میلیارد|ملیارد)(?!\w))  # «۲,۸ میلیون»
   |[0-9]+(?:{_S}[٫/]{_S}[0-9]+|\.[0-9]+)?(?![0-9])(?!:[0-9]))
|(?P<ch>.)
""", re.X | re.S)
_DOT3 = re.compile(r"[1-9][0-9]{0,2}\.[0-9]{3}")
_DASHES = frozenset("-‐‑–—−")
_PERCENT_SIGNS = frozenset("%٪")


@dataclass(slots=True)
class _Tok:
    kind: str  # num | word | and | text | ch | skip
    start: int
    end: int
    text: str  # folded surface
    gap: str = "0"  # what precedes: "0" nothing, "z" ZWNJ only, "s" spaces, "n" a line break
    value: Fraction | None = None
    alt: Fraction | None = None  # «1.200»: 1200, or 1.2 before a scale word
    cls: str = ""
    ordinal: bool = False


#: A number written with more digits than this is no figure (an id, digits run together, garbage)
#: and is skipped: 5000 digits went past Python's int-conversion limit, and the ValueError lost
#: the whole article.  The largest figures in the news, rials in the trillions, have 13 to 16.
MAX_DIGITS = 30


def _too_long(number: str) -> bool:
    return len(number) > MAX_DIGITS and sum(c.isdigit() for c in number) > MAX_DIGITS


def _digits_value(m: re.Match) -> tuple[Fraction, Fraction | None]:
    s = re.sub(r"[\s\u200c]", "", m.group())
    if m.group("grouped"):
        return Fraction(re.sub("[,٬]", "", s).replace("٫", ".")), None
    if m.group("comma_decimal"):
        return Fraction(s.replace(",", ".")), None
    if m.group("dotted"):
        return Fraction(re.sub("[.٫]", "", s)), None
    if _DOT3.fullmatch(s):
        return Fraction(s.replace(".", "")), Fraction(s)
    return Fraction(re.sub("[٫/]", ".", s)), None


def _split_run(run: str, start: int, gap: str) -> list[_Tok]:
    """A letter run as number words and glued «و» («سیوهفت»), else one text token."""
    if run == "و":
        return [_Tok("and", start, start + 1, run, gap)]
    parts = _number_parts(run)
    if parts is None:
        scale = _WORD_AT.match(run)
        if scale and scale.group() in _SCALES and run[scale.end():] in _GLUED_UNITS:
            # «۳ هزارنفر», «۵۰ میلیاردریال»: a scale word glued to the unit after it
            return [_Tok("word", start, start + scale.end(), scale.group(), gap, Fraction(_SCALES[scale.group()]),
                         cls="scale"), _Tok("text", start + scale.end(), start + len(run), run[scale.end():], "0")]
        return [_Tok("text", start, start + len(run), run, gap)]
    toks = []
    for a, b, w in parts:
        g = gap if a == 0 else "0"
        if w is None:
            toks.append(_Tok("and", start + a, start + b, "و", g))
        else:
            toks.append(_Tok("word", start + a, start + b, run[a:b], g, Fraction(w.value),
                             cls=w.cls, ordinal=w.ordinal))
    return toks


@lru_cache(maxsize=1 << 14)  # every word of every sentence is asked; the same few thousand recur
def _number_parts(run: str) -> tuple[tuple[int, int, _Word | None], ...] | None:
    """The number words and glued «و» that make up ``run`` as (start, end, word or None for «و»),
    or None when it is an ordinary word."""
    parts: list[tuple[int, int, _Word | None]] = []
    pos = 0
    if run[0] == "و":
        parts.append((0, 1, None))
        pos = 1
    while True:
        end = _word_end(run, pos)
        if end is None:
            return None
        parts.append((pos, end, _LEX[run[pos:end]]))
        pos = end
        if pos == len(run):
            break
        if _glued_scale(run, pos) and parts[-1][2].cls != "scale":
            continue  # «دوهزارو ۵۰۰», «هفتهزار»: a scale word glued to the number it multiplies
        if run[pos] != "و":
            return None
        parts.append((pos, pos + 1, None))
        pos += 1
        if pos == len(run):
            break
    return tuple(parts)


def _word_end(run: str, pos: int) -> int | None:
    """Where the number word at ``pos`` ends: the longest that ends the run or is followed by «و» or a
    glued scale word («دومیلیون» is «دو» + «میلیون», not the ordinal «دوم» + «یلیون»), else None."""
    for end in range(len(run), pos, -1):
        if run[pos:end] in _LEX and (end == len(run) or run[end] == "و" or _glued_scale(run, end)):
            return end
    return None


def _glued_scale(run: str, pos: int) -> bool:
    m = _WORD_AT.match(run, pos)
    return m is not None and m.group() in _SCALES


def _tokens(folded: str) -> list[_Tok]:
    toks: list[_Tok] = []
    gap = "0"
    for m in _TOKEN.finditer(folded):
        kind, (s, e) = m.lastgroup, m.span()
        if kind == "gap":
            g = m.group()
            gap = "n" if ("\n" in g or "\r" in g) else ("z" if g.strip("\u200c") == "" else "s")
            continue
        if kind == "word":
            toks.extend(_split_run(m.group(), s, gap))
        elif kind == "num" and _too_long(m.group()):
            toks.append(_Tok("skip", s, e, m.group(), gap))
        elif kind == "num":
            value, alt = _digits_value(m)
            toks.append(_Tok("num", s, e, m.group(), gap, value, alt))
        else:
            toks.append(_Tok(kind, s, e, m.group(), gap))
        gap = "0"
    return toks


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
    def __init__(self, toks: list[_Tok]):
        self.t = toks

    def _at(self, i: int) -> _Tok | None:
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
        rank = _EXIT_RANK[t.cls]
        nxt = self._at(j)
        if (t.cls == "one" and value and nxt and nxt.kind == "word" and nxt.value == 100
                and nxt.cls == "hundred" and nxt.gap in "zs" and nxt.text.startswith("صد")):
            value, rank, j = value * 100, 3, j + 1  # «یک صد», «یک‌صد»
            if nxt.ordinal:
                return value, j, True
        while self._is(j, "and") and self._is(j + 1, "word"):
            w = self.t[j + 1]
            if w.cls not in _ENTRY_RANK or _ENTRY_RANK[w.cls] >= rank:
                break
            value, rank, j = value + w.value, _EXIT_RANK[w.cls], j + 2
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
        if self._is(j, "text", {"درصد", "درصدی", *PERCENT_OF_THEM}) or self._is(j, "ch", _PERCENT_SIGNS, gaps="0s"):
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
        if t.kind == "ch" and t.text in _PERCENT_SIGNS and self._is(i + 1, "num", gaps="0s"):
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
        if int(w.value) not in _DENOMINATORS or not 0 < c.value < w.value:
            return None
        return c.value / w.value, c.end + 1

    def _decimal_words(self, c: _Card) -> tuple[Fraction, int] | None:
        """«پنج و شش دهم» = 5.6, «دو و هفتاد و دو صدم» = 2.72: a whole number, «و», then tenths,
        hundredths or thousandths, as officials read decimals aloud and reporters write them down."""
        if c.scale or c.value.denominator != 1 or not self._is(c.end, "and", gaps="zs"):
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
        if self._is(j, "ch", _DASHES, gaps="0s") and a.digits_only and not unit and not between:
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


def _can_start(tok: _Tok) -> bool:
    """Whether :meth:`_Parser.match` can find anything at ``tok``.  Most tokens are plain
    words, and trying the parser at each of them was nearly half the cost of finding numbers."""
    kind = tok.kind
    return (kind == "num" or kind == "word" or (kind == "ch" and tok.text in _PERCENT_SIGNS)
            or (kind == "text" and tok.text in _STARTING_TEXT))


def find_numbers(text: str) -> list[NumberMatch]:
    """Every number expression in ``text``: longest match, left to right, no overlaps."""
    return list(_find_numbers(text))


def _without_spelled_out(toks: list[_Tok]) -> list[_Tok]:
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
    toks = _without_spelled_out(_tokens(align_fold(text)))
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
    toks = _tokens(align_fold(phrase))
    if not toks:
        return None
    hit = _Parser(toks).match(0, lone_nine=True)
    if hit is None or hit.end != len(toks) or hit.kind == "range" or not _fits(hit):
        return None
    return float(hit.value)
