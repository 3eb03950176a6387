"""Number tokens: the folding, the lexicon of number words and the tokens that :mod:`builder.text.numbers`
parses into number expressions.

A page writes numbers in Persian, Arabic-Indic and Latin digits, in words, in words and digits
together, and glued where scraping lost a ZWNJ or a space («سیوهفت», «۳ هزارنفر»).  Here the text
is folded one character for one (offsets stay those of the caller's string) and cut into digit
groups, number words, «و» and other words and marks, each with the gap before it; the grammar of
number phrases is the parser's.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from fractions import Fraction
from functools import lru_cache

__all__ = ["DASHES", "DENOMINATORS", "ENTRY_RANK", "EXIT_RANK", "PERCENT_OF_THEM", "PERCENT_SIGNS", "PERCENT_WORD",
           "SCALE_NAMES", "Tok", "align_fold", "tokens"]

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
ENTRY_RANK = {"hundred": 3, "ten": 2, "teen": 2, "one": 1}
EXIT_RANK = {"hundred": 3, "ten": 2, "teen": 1, "one": 1}


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
DENOMINATORS = {2, 3, 4, 5, 6, 7, 8, 9, 10, 100, 1000}
# units a scraped page may glue to the scale word before them («هزارنفر», «میلیاردریال»), as folded
_GLUED_UNITS = frozenset(("نفر", "تومان", "ریال", "مورد", "خانوار", "واحد", "فقره", "دلار", "کودک", "زن", "مرد",
                          "نوجوان", "دانش\u200cاموز", "دانشاموز", "مددجو", "معلول", "سالمند", "پرونده", "تماس"))

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
DASHES = frozenset("-‐‑–—−")
PERCENT_SIGNS = frozenset("%٪")


@dataclass(slots=True)
class Tok:
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


def _split_run(run: str, start: int, gap: str) -> list[Tok]:
    """A letter run as number words and glued «و» («سیوهفت»), else one text token."""
    if run == "و":
        return [Tok("and", start, start + 1, run, gap)]
    parts = _number_parts(run)
    if parts is None:
        scale = next((w for w in _SCALES if run.startswith(w) and run[len(w):] in _GLUED_UNITS), None)
        if scale:  # «۳ هزارنفر», «۵۰ میلیاردریال»: a scale word glued to the unit after it
            return [Tok("word", start, start + len(scale), scale, gap, Fraction(_SCALES[scale]), cls="scale"),
                    Tok("text", start + len(scale), start + len(run), run[len(scale):], "0")]
        return [Tok("text", start, start + len(run), run, gap)]
    toks = []
    for a, b, w in parts:
        g = gap if a == 0 else "0"
        if w is None:
            toks.append(Tok("and", start + a, start + b, "و", g))
        else:
            toks.append(Tok("word", start + a, start + b, run[a:b], g, Fraction(w.value),
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


def tokens(folded: str) -> list[Tok]:
    toks: list[Tok] = []
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
            toks.append(Tok("skip", s, e, m.group(), gap))
        elif kind == "num":
            value, alt = _digits_value(m)
            toks.append(Tok("num", s, e, m.group(), gap, value, alt))
        else:
            toks.append(Tok(kind, s, e, m.group(), gap))
        gap = "0"
    return toks
