"""Known places, organisations and news agencies, and finding them in text.

The extractor has to work on articles from any of Iran's 31 provinces and any
agency, so names come from tables in :mod:`builder.data` (``places.csv``,
``organizations.csv``, ``agencies.csv``; see ``data/SOURCES.md``) rather than
from patterns that happen to fit the example pages.

Scraped Persian text spells one name many ways: with a ZWNJ, a space or
nothing between its parts («خرم‌آباد», «خرم آباد», «خرمآباد»), with Arabic
ي/ك, with or without hamza and diacritics («تأکید»/«تاکید»).  Each table is
therefore compiled into one regex whose letters accept those variants and
whose word gaps accept ``[\\s\\u200c]*``; the regex is a trie (shared prefixes
factored out) so that a whole article is scanned in one pass, and matches are
leftmost-longest («استان خراسان رضوی» beats «خراسان») and whole-word («ری» is
not found in «کاری», «قم» not in «رقم»).  A matched surface is mapped back to
its entry through :func:`builder.text.textkey.key`.

The gazetteer only supplies names.  Ambiguity is left to the extractor: a bare
name shared by a province and its capital («اصفهان») is returned as the
province; «فارس» is returned as a place even in «خبرگزاری فارس»; a bare
«بهزیستی» is returned as the national organisation even when it heads a
provincial office name.  In the CSVs a variant written ``!x`` means "never
match the surface x" (used where a name is also an everyday word, e.g. the
province «مرکزی» only matches as «استان مرکزی»).
"""
from __future__ import annotations

import bisect
import csv
import functools
import re
from dataclasses import dataclass
from pathlib import Path

from builder.text.diskcache import compile_cached
from builder.text.patterns import GAP
from builder.text.textkey import fold, key

DATA = Path(__file__).resolve().parents[1] / "data"  # builder/data

# --------------------------------------------------------------------------
# Spelling-tolerant regexes
# --------------------------------------------------------------------------

#: Organisation names may also keep or drop the comma of «وزارت تعاون، کار و ...».
ORG_SEP = r"[\s\u200c،,]*"
# After each letter: optional diacritics (harakat, hamza above, superscript alef) and tatweel.
_MARKS = "[\u064b-\u065f\u0670\u0640]*"
# Every folded letter accepts the spellings that builder.text.textkey.fold maps onto it,
# so key(matched text) == key(name) always holds.
_CLASSES = {
    "ا": "[اآأإ]", "ی": "[یيىئ]", "ک": "[کك]", "ه": "[هةۀ]", "و": "[وؤ]",
    **{d: f"[{d}{p}{a}]" for d, p, a in zip("0123456789", "۰۱۲۳۴۵۶۷۸۹", "٠١٢٣٤٥٦٧٨٩")},
}
#: Left edge of a whole word: not after a letter, digit or ZWNJ.
LEFT = r"(?<![\w\u200c])"
#: Right edge: not before a letter/digit; a ZWNJ only when an ezafe or plural follows («ساوه‌ی»).
RIGHT = r"(?![\w])(?!\u200c(?!(?:ی|ای|ها|های)(?![\w\u200c])))"
_END = ""


def _letter(c: str) -> str:
    return _CLASSES.get(c) or re.escape(c)


def _tokens(phrase: str) -> list[str]:
    """The folded letters of ``phrase`` with a ``" "`` token for each word gap."""
    out: list[str] = []
    for i, word in enumerate(fold(phrase).split()):
        if i:
            out.append(" ")
        out.extend(word)
    return out


def phrases_regex(phrases, sep: str = GAP) -> str:
    """Regex source (no boundaries) matching any of ``phrases``, longest first.

    The phrases are merged into a trie so the regex tries each text position
    once per shared prefix instead of once per phrase; at every node longer
    continuations are tried before ending, which with :data:`RIGHT` outside the
    group yields the longest whole-word match at a position.
    """
    trie: dict = {}
    for p in phrases:
        toks = _tokens(p)
        if not toks:
            continue
        node = trie
        for t in toks:
            node = node.setdefault(t, {})
        node[_END] = True

    def emit(node: dict) -> str:
        alts = [
            (sep if t == " " else _letter(t) + _MARKS) + emit(child)
            for t, child in sorted(node.items(), key=lambda kv: kv[0])
            if t != _END
        ]
        if _END in node:
            alts.append("")
        if len(alts) == 1:
            return alts[0]
        return "(?:" + "|".join(alts) + ")"

    return emit(trie) if trie else "(?!)"


def words_pattern(phrases, sep: str = GAP, flags: int = 0) -> re.Pattern:
    """Compiled whole-word, leftmost-longest pattern for ``phrases``."""
    return compile_cached(LEFT + "(?:" + phrases_regex(phrases, sep) + ")" + RIGHT, flags)


# Everything a pattern built with GAP lets through besides letters: spacing, ZWNJ, diacritics, tatweel.
_NOT_LETTERS = re.compile(r"[^\s\u200c\u064b-\u065f\u0670\u0640]+")
_VARIANTS = str.maketrans({c: letter for letter, cls in _CLASSES.items() for c in cls[1:-1]})


class FoldedText:
    """``text`` as the tolerant patterns read it: letter variants folded, spacing, ZWNJ,
    diacritics and tatweel dropped.

    Whatever :func:`words_pattern` (with :data:`GAP`) matches for a phrase reads
    here as the phrase's folded letters.  So where they do not occur, no match
    can start, and the caller may skip compiling the pattern at all (about a
    millisecond for each name).
    """

    def __init__(self, text: str):
        runs = list(_NOT_LETTERS.finditer(text))
        self._starts = [m.start() for m in runs]  # where each run of letters starts in text ...
        self._offsets = []  # ... and in self.folded
        n = 0
        for m in runs:
            self._offsets.append(n)
            n += m.end() - m.start()
        self.folded = "".join(m.group() for m in runs).translate(_VARIANTS)

    def starts(self, phrase: str) -> list[int]:
        """Offsets of ``text`` where a match of ``phrase``'s tolerant pattern could start."""
        letters = "".join(fold(phrase).split())
        out = []
        at = self.folded.find(letters)
        while at >= 0 and letters:
            run = bisect.bisect_right(self._offsets, at) - 1
            out.append(self._starts[run] + at - self._offsets[run])
            at = self.folded.find(letters, at + 1)
        return out


# --------------------------------------------------------------------------
# Entries
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class PlaceEntry:
    """A row of ``places.csv``; ``province`` is the enclosing province's key."""

    key: str
    name: str
    kind: str  # province | city | county | country | region
    province: str
    english: str
    wikidata: str
    iso: str
    capital: str = ""  # provinces only: key of the capital city
    variants: tuple[str, ...] = ()


@dataclass(frozen=True)
class OrgEntry:
    """A row of ``organizations.csv``; ``parent`` is the parent organisation's key."""

    key: str
    name: str
    kind: str
    parent: str
    english: str
    wikidata: str
    variants: tuple[str, ...] = ()


@dataclass(frozen=True)
class AgencyEntry:
    """A row of ``agencies.csv``; ``name`` is the canonical short name (ArticleMeta.agency)."""

    key: str
    name: str
    english: str
    site: str
    variants: tuple[str, ...] = ()


def _rows(filename: str) -> list[dict[str, str]]:
    with open(DATA / filename, encoding="utf-8", newline="") as f:
        return [{k: (v or "").strip() for k, v in r.items()} for r in csv.DictReader(f)]


def _split(variants: str) -> tuple[str, ...]:
    return tuple(v for v in (variants or "").split("|") if v.strip())


def _surfaces(name: str, variants: tuple[str, ...]) -> list[str]:
    """Name and variants to match, minus the ``!x`` exclusions."""
    banned = {key(v[1:]) for v in variants if v.startswith("!")}
    return [s for s in (name, *(v for v in variants if not v.startswith("!"))) if key(s) not in banned]


def _lines(filename: str) -> list[str]:
    with open(DATA / filename, encoding="utf-8") as f:
        return [s.strip() for s in f if s.strip() and not s.lstrip().startswith("#")]


# --------------------------------------------------------------------------
# Places
# --------------------------------------------------------------------------

# When one surface names two entries, the earlier kind wins (a bare «اصفهان» is the province).
_PLACE_PRIORITY = {"province": 0, "country": 1, "region": 2, "city": 3, "county": 4}


@functools.cache
def _places() -> dict[str, PlaceEntry]:
    out = {}
    for r in _rows("places.csv"):
        out[r["key"]] = PlaceEntry(
            r["key"], r["name"], r["kind"], r["province"], r["english"], r["wikidata"], r["iso"],
            r.get("capital", ""), _split(r["variants"]),
        )
    return out


@functools.cache
def _place_surfaces() -> dict[str, PlaceEntry]:
    """key(surface) -> entry, resolving collisions by :data:`_PLACE_PRIORITY`."""
    out: dict[str, PlaceEntry] = {}
    for e in _places().values():
        for s in _surfaces(e.name, e.variants):
            k = key(s)
            old = out.get(k)
            if old is None or _PLACE_PRIORITY[e.kind] < _PLACE_PRIORITY[old.kind]:
                out[k] = e
    return out


@functools.cache
def _place_pattern() -> re.Pattern:
    return words_pattern(
        [s for e in _places().values() for s in _surfaces(e.name, e.variants)]
    )


def _find(pattern: re.Pattern, surfaces: dict, text: str) -> list:
    hits = []
    for m in pattern.finditer(text or ""):
        e = surfaces.get(key(m.group()))
        if e is not None:
            hits.append((m.start(), m.end(), e))
    return hits


def find_places(text: str) -> list[tuple[int, int, PlaceEntry]]:
    """Every gazetteer place in ``text`` as ``(start, end, entry)``: leftmost-longest, non-overlapping."""
    return list(_places_in(text))


@functools.lru_cache(maxsize=64)  # short texts recur: a dateline, a category, a credit
def _places_in(text: str) -> tuple[tuple[int, int, PlaceEntry], ...]:
    return tuple(_find(_place_pattern(), _place_surfaces(), text))


def places() -> list[PlaceEntry]:
    """All place entries in table order."""
    return list(_places().values())


def place(key_or_name: str) -> PlaceEntry | None:
    """Entry by key («city:اصفهان», «دزفول») or by any matchable spelling of its name."""
    e = _places().get(key_or_name)
    return e if e is not None else _place_surfaces().get(key(key_or_name))


def province(key_or_name: str) -> PlaceEntry | None:
    """The province a place belongs to (a province is its own province); None for countries/unplaced regions."""
    e = place(key_or_name)
    if e is None:
        return None
    if e.kind == "province":
        return e
    return _places().get(e.province) if e.province else None


def provinces() -> list[PlaceEntry]:
    """The 31 provinces."""
    return [e for e in _places().values() if e.kind == "province"]


def capital_of(province_key: str) -> PlaceEntry | None:
    """The capital city of a province (accepts a key or a name)."""
    p = province(province_key)
    return _places().get(p.capital) if p is not None and p.capital else None


def city_named_like(province_key: str) -> PlaceEntry | None:
    """The city that shares its name with the province («اصفهان» -> city:اصفهان), if there is one."""
    p = province(province_key)
    if p is None:
        return None
    return _places().get("city:" + p.key)


# --------------------------------------------------------------------------
# Organisations
# --------------------------------------------------------------------------


@functools.cache
def _orgs() -> dict[str, OrgEntry]:
    return {
        r["key"]: OrgEntry(r["key"], r["name"], r["kind"], r["parent"], r["english"], r["wikidata"], _split(r["variants"]))
        for r in _rows("organizations.csv")
    }


@functools.cache
def _org_surfaces() -> dict[str, OrgEntry]:
    out: dict[str, OrgEntry] = {}
    for e in _orgs().values():
        for s in _surfaces(e.name, e.variants):
            out.setdefault(key(s), e)
    return out


@functools.cache
def _org_pattern() -> re.Pattern:
    return words_pattern([s for e in _orgs().values() for s in _surfaces(e.name, e.variants)], ORG_SEP)


def find_organizations(text: str) -> list[tuple[int, int, OrgEntry]]:
    """Every known organisation in ``text`` as ``(start, end, entry)``, leftmost-longest.

    Short forms («بهزیستی», «آموزش و پرورش», «کمیته امداد») are found too; when
    they head a provincial office («بهزیستی خوزستان») the extractor builds that
    office and may use the entry found here as its parent.
    """
    return _find(_org_pattern(), _org_surfaces(), text)


def organizations() -> list[OrgEntry]:
    return list(_orgs().values())


def organization(key_or_name: str) -> OrgEntry | None:
    """Entry by key or by any known spelling («سازمان بهزیستی», «فراجا», «UNICEF»)."""
    e = _orgs().get(key_or_name)
    return e if e is not None else _org_surfaces().get(key(key_or_name))


# --------------------------------------------------------------------------
# News agencies
# --------------------------------------------------------------------------

# Words that, just before a bare ambiguous name, show it is a news source.
_SOURCE_BEFORE = re.compile(
    rf"(?:خبرگزاری|پایگاه{GAP}(?:خبری|اطلاع{GAP}رسانی)(?:{GAP}تحلیلی)?|روزنامه|سایت"
    rf"|به{GAP}گزارش|به{GAP}نقل{GAP}از|منبع{GAP}:|گزارش){GAP}$"
)
_SOURCE_AFTER = re.compile(rf"^{GAP}[/|]")
# Leading words stripped by agency_for() before looking a name up.
_LEAD = re.compile(
    rf"^(?:به{GAP}گزارش|به{GAP}نقل{GAP}از|منبع{GAP}:|خبرگزاری|پایگاه{GAP}خبری"
    rf"(?:{GAP}تحلیلی)?|پایگاه{GAP}اطلاع{GAP}رسانی|سایت)[\s\u200c:]*"
)
_TAIL = re.compile(rf"{GAP}(?:[/|،,؛:\-–(]|\s+از\s+|\s+در\s+).*$", re.S)
_HOST = re.compile(r"(?:https?://)?(?:www\.)?([a-z0-9.\-]+\.[a-z]{2,})", re.I)


@functools.cache
def _agencies() -> dict[str, AgencyEntry]:
    return {
        r["key"]: AgencyEntry(r["key"], r["name"], r["english"], r["site"], _split(r["variants"]))
        for r in _rows("agencies.csv")
    }


def _akey(s: str) -> str:
    return key(s).lower()


@functools.cache
def _agency_surfaces() -> dict[str, AgencyEntry]:
    out: dict[str, AgencyEntry] = {}
    for e in _agencies().values():
        for s in _surfaces(e.name, e.variants):
            out.setdefault(_akey(s), e)
    return out


@functools.cache
def _ambiguous() -> frozenset[str]:
    """Keys of surfaces that need a source frame: listed everyday words and every place name."""
    return frozenset({_akey(s) for s in _lines("ambiguous_names.txt")} | set(_place_surfaces()))


@functools.cache
def _agency_pattern() -> re.Pattern:
    return words_pattern([s for e in _agencies().values() for s in _surfaces(e.name, e.variants)])


def find_agencies(text: str) -> list[tuple[int, int, AgencyEntry]]:
    """News agencies named in ``text``, as ``(start, end, entry)``.

    Unambiguous names («ایسنا», «خبرگزاری مهر», «YJC») count anywhere.  Names
    that are also words or places («مهر», «فارس», «انتخاب») count only in a
    source frame: after «خبرگزاری», «به گزارش», «به نقل از», «روزنامه», «منبع:»
    or before a slash («فارس/اصفهان»).
    """
    text = text or ""
    hits = []
    surfaces, ambiguous = _agency_surfaces(), _ambiguous()
    for m in _agency_pattern().finditer(text):
        k = _akey(m.group())
        e = surfaces.get(k)
        if e is None:
            continue
        if k in ambiguous and not (
            _SOURCE_BEFORE.search(text[max(0, m.start() - 40): m.start()])
            or _SOURCE_AFTER.match(text[m.end(): m.end() + 5])
        ):
            continue
        hits.append((m.start(), m.end(), e))
    return hits


def agencies() -> list[AgencyEntry]:
    return list(_agencies().values())


def agency(key_or_name: str) -> AgencyEntry | None:
    """Entry by key or exact known spelling (no context needed)."""
    e = _agencies().get(key_or_name)
    return e if e is not None else _agency_surfaces().get(_akey(key_or_name))


def agency_for(text_or_name: str) -> AgencyEntry | None:
    """The agency a name, dateline, credit line or URL refers to.

    Accepts «ایسنا», «خبرگزاری تسنیم», «ایسنا/خوزستان», «به گزارش خبرگزاری
    تسنیم از اردبیل», «منبع: مهر», «https://www.isna.ir/news/...»; falls back to
    the first agency :func:`find_agencies` sees in the text.
    """
    s = (text_or_name or "").strip()
    if not s:
        return None
    e = agency(s)
    if e is not None:
        return e
    m = _HOST.search(s)
    if m and re.fullmatch(r"\S+", s):
        host = m.group(1).lower()
        for e in _agencies().values():
            if e.site and (host == e.site or host.endswith("." + e.site)):
                return e
    core = s
    for _ in range(3):  # «به گزارش خبرگزاری ...» has two leads
        core = _LEAD.sub("", core).strip()
    core = _TAIL.sub("", core).strip()
    e = agency(core)
    if e is not None:
        return e
    hits = find_agencies(s)
    return hits[0][2] if hits else None
