"""HTML page to plain page text, shaped like the scraped ``.txt`` pages.

The rest of the pipeline reads page *text*: the title on the first line, then
paragraphs separated by blank lines.  This module produces that from HTML
with the standard library's :mod:`html.parser` only, which is safe for
untrusted pages: it never fetches anything, never expands DTD entities
(a ``<!DOCTYPE [<!ENTITY ...>]>`` subset is removed before parsing, so not
even its text leaks), and only standard character references are decoded.
The parser keeps its own explicit stack, so 10,000 nested ``<div>`` cost no
recursion, and unclosed or stray tags are tolerated the way browsers do.

Page furniture (scripts, menus, forms, footers, sidebars) is dropped.  When
an ``<article>`` (or an element whose class/id names the article body)
holds most of the Persian text, only it is kept, plus the title and a lead
paragraph found outside it; otherwise the whole body is kept and the
cleaning component decides what the article is.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from html import unescape
from html.parser import HTMLParser

from .decode import count_arabic_letters

__all__ = ["html_to_text"]

# Elements whose whole content is furniture or not text.
_DROP = frozenset(
    "script style noscript template nav header footer aside form iframe svg button select "
    "textarea object embed canvas audio video math dialog".split()
)
# Elements that are read for metadata (title, h1 of an article header) but not emitted.
_QUIET = frozenset(("head", "title"))
_PARAGRAPH = frozenset(
    "p div article section blockquote h1 h2 h3 h4 h5 h6 main ul ol dl table figure pre "
    "address fieldset details summary center body hr".split()
)
_HEAD_TAGS = frozenset("head title meta link style script base noscript template".split())
_LINE = frozenset("br li tr dd dt figcaption caption".split())
_CELL = frozenset(("td", "th"))
_VOID = frozenset("area base br col embed hr img input link meta param source track wbr keygen".split())
# A start tag of these closes an open element of the same group at the top of the stack.
_SELF_CLOSING_GROUPS = {"p": {"p"}, "li": {"li"}, "dt": {"dt", "dd"}, "dd": {"dt", "dd"},
                        "tr": {"tr", "td", "th"}, "td": {"td", "th"}, "th": {"td", "th"}, "option": {"option"}}

_CONTENT_ATTR = re.compile(r"article|content|body|news-?text|story", re.IGNORECASE)
_LEAD_ATTR = re.compile(r"lead|summary|introtext|subtitle|teaser|abstract", re.IGNORECASE)
_WS = re.compile(r"\s+")
_DOCTYPE = re.compile(r"<!doctype", re.IGNORECASE)
_DECLARATION_STOP = re.compile(r"[\[>]")
_SUBSET_END = re.compile(r"\]\s*>")
# A "<" that cannot start markup is text; escaped, a run of them is one text chunk
# for html.parser instead of one handle_data call per character (issue 8: speed).
_LONE_LT = re.compile(r"<(?![a-zA-Z/!?])")
# Unparsed input left when html.parser stops at an unterminated tag.  Longer than
# this, it is read as text (see _Extractor.finish).
_STUCK = 4096
_TAG_LIKE = re.compile(r"<[^<>]*>?")
_TITLE_SEPARATORS = re.compile(r"\s+(?:\||-|–|—|::|»)\s+")

# meta name/property -> (metadata key, priority; lower wins)
_META = {
    "og:title": ("title", 0), "twitter:title": ("title", 1),
    "article:published_time": ("published", 0), "og:article:published_time": ("published", 0),
    "datepublished": ("published", 1), "pubdate": ("published", 2), "publishdate": ("published", 2),
    "dc.date.issued": ("published", 3), "date": ("published", 4),
    "og:site_name": ("agency", 0), "application-name": ("agency", 5),
    "og:url": ("url", 1),
}

SHARE = 0.5  # an element "holds most of the Persian text" from this share on


@dataclass
class _Open:
    tag: str
    drop: bool = False
    quiet: bool = False
    region: int | None = None  # index into _Extractor.regions
    capture: bool = False
    hard: bool = False  # dropped for a reason other than being a <header>
    container: bool = False  # article/main: a <header> inside it is the article's header


@dataclass
class _Region:
    kind: str  # article | content | lead
    start: int  # first line index
    end: int = -1


class _Extractor(HTMLParser):
    """Collects text lines, candidate article regions, headings and metadata in one pass."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[_Open] = []
        self.open = Counter()  # tag -> number of open elements
        self.drop = 0
        self.hard = 0  # open dropped elements other than <header>
        self.quiet = 0
        self.containers = 0
        self.lines: list[str] = []
        self.breaks: list[int] = []  # 1: line break before the line, 2: paragraph break
        self.persian: list[int] = []
        self.buf: list[str] = []
        self.pending = 0
        self.regions: list[_Region] = []
        self.h1s: list[tuple[str, int, bool]] = []  # (text, line index where it started, in a dropped header)
        self.titles: list[str] = []
        self.capture: list[str] | None = None
        self.capture_line = 0
        self.capture_in_header = False
        self.meta: dict[str, tuple[int, str]] = {}
        self.time: str | None = None
        self.canonical: str | None = None

    # --- text assembly -------------------------------------------------
    def _flush(self) -> None:
        text = _WS.sub(" ", "".join(self.buf)).strip()
        self.buf.clear()
        if text:
            self.lines.append(text)
            self.breaks.append(self.pending)
            self.persian.append(count_arabic_letters(text))
            self.pending = 0

    def _break(self, level: int) -> None:
        self._flush()
        self.pending = max(self.pending, level)

    # --- parser callbacks ----------------------------------------------
    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k.lower(): (v or "") for k, v in attrs}
        if tag == "meta":
            self._meta(a)
            return
        if tag == "link":
            if "canonical" in a.get("rel", "").lower().split() and a.get("href") and not self.canonical:
                self.canonical = a["href"].strip()
            return
        if tag == "br":
            if self.drop or self.quiet:
                return
            if not "".join(self.buf).strip() and self.pending:
                self.pending = 2  # <br><br>: a paragraph break
            else:
                self._break(1)
            return
        if tag in _VOID:
            if tag == "hr" and not (self.drop or self.quiet):
                self._break(2)
            return
        if self.open["head"] and tag not in _HEAD_TAGS:  # body content without </head>: head has ended
            while self.open["head"]:
                self._pop()
        group = _SELF_CLOSING_GROUPS.get(tag)
        if group and self.stack and self.stack[-1].tag in group:
            self._pop()
        if tag == "time" and self.time is None and not (self.drop or self.quiet) and a.get("datetime"):
            self.time = a["datetime"].strip()

        entry = _Open(tag)
        entry.drop = (tag in _DROP and not (tag == "header" and self.containers)) or "hidden" in a
        entry.hard = entry.drop and tag != "header"
        entry.quiet = tag in _QUIET
        entry.container = tag in ("article", "main")
        if not (self.drop or self.quiet or entry.drop):
            if tag in _PARAGRAPH:
                self._break(2)
            elif tag in _LINE:
                self._break(1)
            elif tag in _CELL:
                self.buf.append(" ")
            kind = self._region_kind(tag, a)
            if kind:
                self._break(1)
                entry.region = len(self.regions)
                self.regions.append(_Region(kind, len(self.lines)))
        # an <h1> inside a page <header> may still be the article's title: read it, don't emit it
        if tag in ("h1", "title") and self.capture is None and not (self.hard or entry.hard):
            entry.capture = True
            self.capture = []
            self.capture_line = len(self.lines)
            self.capture_in_header = bool(self.drop)
        self.stack.append(entry)
        self.open[tag] += 1
        self.drop += entry.drop
        self.hard += entry.hard
        self.quiet += entry.quiet
        self.containers += entry.container

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in _VOID:  # <div/>: an empty element
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag == "br":  # browsers read </br> as <br>
            self.handle_starttag("br", [])
            return
        if not self.open[tag]:
            if tag in _PARAGRAPH and not (self.drop or self.quiet):
                self._break(2)
            return
        while self._pop() != tag:
            pass

    def handle_data(self, data: str) -> None:
        if self.open["head"] and self.stack[-1].tag == "head" and data.strip():
            while self.open["head"]:  # text directly in <head>: a page that never closed it
                self._pop()
        if self.capture is not None:
            self.capture.append(data)
        if not (self.drop or self.quiet):
            self.buf.append(data)

    def _pop(self) -> str:
        entry = self.stack.pop()
        self.open[entry.tag] -= 1
        self.drop -= entry.drop
        self.hard -= entry.hard
        self.quiet -= entry.quiet
        self.containers -= entry.container
        if not (self.drop or self.quiet or entry.drop or entry.quiet):
            if entry.tag in _PARAGRAPH:
                self._break(2)
            elif entry.tag in _LINE:
                self._break(1)
        if entry.capture and self.capture is not None:
            text = _WS.sub(" ", "".join(self.capture)).strip()
            if text:
                if entry.tag == "h1":
                    self.h1s.append((text, self.capture_line, self.capture_in_header))
                else:
                    self.titles.append(text)
            self.capture = None
        if entry.region is not None:
            self._break(1)
            self.regions[entry.region].end = len(self.lines)
        return entry.tag

    def _region_kind(self, tag: str, a: dict[str, str]) -> str | None:
        if tag == "article":
            return "article"
        if tag in ("body", "html"):
            return None
        names = " ".join((a.get("class", ""), a.get("id", ""), a.get("itemprop", "")))
        if _LEAD_ATTR.search(names):
            return "lead"
        if _CONTENT_ATTR.search(names):
            return "content"
        return None

    def _meta(self, a: dict[str, str]) -> None:
        name = (a.get("property") or a.get("name") or a.get("itemprop") or "").strip().lower()
        content = (a.get("content") or "").strip()
        if name in _META and content:
            field, rank = _META[name]
            if field not in self.meta or rank < self.meta[field][0]:
                self.meta[field] = (rank, content)

    def finish(self) -> None:
        # html.parser stops at an unterminated construct ("<a " never closed) and
        # keeps the rest of the page in rawdata.  close() then re-scans that rest
        # from every "<" in it to the end of the page: quadratic, hours for a
        # megabyte of "<a <a <a" (CPython 3.11; issue 8).  A long rest is not a
        # truncated last tag but garbage or one endless tag, so it is read as
        # text with anything tag-like removed, in linear time.  Inside
        # <script>/<style> (cdata_elem) html.parser drops the rest, as before.
        rest = self.rawdata
        if len(rest) > _STUCK and not self.cdata_elem:
            self.rawdata = ""
            self._break(2)
            self.handle_data(unescape(_TAG_LIKE.sub(" ", rest)))
        try:
            self.close()
        except Exception:  # malformed tail: keep what was read
            pass
        while self.stack:
            self._pop()
        self._flush()


def html_to_text(html: str) -> tuple[str, dict]:
    """Page text (title first, paragraphs separated by blank lines) and page metadata.

    The metadata dict has the keys found among ``title``, ``published`` (raw
    string from ``article:published_time`` and kin, else the first visible
    ``<time datetime>``), ``agency`` (``og:site_name``) and ``url``
    (canonical link, else ``og:url``).
    """
    p = _Extractor()
    try:
        p.feed(_LONE_LT.sub("&lt;", _without_dtd_subset(html)))
    except Exception:  # html.parser is lenient, but never let a page stop the batch
        pass
    p.finish()

    start, end = _choose_region(p)
    meta = {field: value for field, (_, value) in p.meta.items()}
    title = _choose_title(p, start, end, meta.get("title"))
    out: list[tuple[int, str]] = []
    if title:
        out.append((2, title))
    lead = _lead_outside(p, start, end)
    out.extend((2, line) for line in lead)
    skipped_title = False
    for i in range(start, end):
        line = p.lines[i]
        if title and not skipped_title and line == title:
            skipped_title = True
            continue
        out.append((2 if len(out) == len(lead) + bool(title) else p.breaks[i] or 1, line))
    text = "".join(("" if n == 0 else "\n" * level) + line for n, (level, line) in enumerate(out))

    result: dict[str, str] = {}
    if title:
        result["title"] = title
    published = meta.get("published") or p.time
    if published:
        result["published"] = published
    if meta.get("agency"):
        result["agency"] = meta["agency"]
    url = p.canonical or meta.get("url")
    if url:
        result["url"] = url
    return text, result


def _without_dtd_subset(html: str) -> str:
    """Remove ``<!DOCTYPE x [ ... ]>`` internal subsets, which html.parser would leak as text.

    Linear time: each ``<!doctype`` is looked at once, and the scans for its
    ``[``/``>`` and for the subset's ``]>`` never go back (a single regex
    ``<!doctype[^[>]*[`` took quadratic time on many ``<!doctype`` without
    ``[``: 23 s for 350 kB, issue 8).
    """
    parts: list[str] = []
    pos = search = 0
    while (m := _DOCTYPE.search(html, search)) is not None:
        stop = _DECLARATION_STOP.search(html, m.end())
        if stop is None:  # neither "[" nor ">" anywhere after: nothing more to remove
            break
        if stop.group() == ">":  # a declaration without an internal subset
            search = stop.end()
            continue
        end = _SUBSET_END.search(html, stop.end())
        if end is None:  # unterminated: leave it to the parser, stop scanning
            break
        parts.append(html[pos:m.start()])
        pos = search = end.end()
    parts.append(html[pos:])
    return "".join(parts)


def _choose_region(p: _Extractor) -> tuple[int, int]:
    """Line range of the article: an <article> or content element holding most Persian letters."""
    total = sum(p.persian)
    everything = (0, len(p.lines))
    if not total:
        return everything
    prefix, chars = [0], [0]  # running totals of Persian letters and of characters per line
    for n, line in zip(p.persian, p.lines):
        prefix.append(prefix[-1] + n)
        chars.append(chars[-1] + len(line))

    def share(r: _Region) -> float:
        return (prefix[r.end] - prefix[r.start]) / total

    articles = [r for r in p.regions if r.kind == "article" and r.end > r.start and share(r) >= SHARE]
    if articles:
        best = max(articles, key=share)  # the outermost if articles nest (comments as articles)
        return best.start, best.end
    contents = [r for r in p.regions if r.kind == "content" and r.end > r.start and share(r) >= SHARE]
    if contents:
        best = min(contents, key=lambda r: (chars[r.end] - chars[r.start], -r.start))  # the tightest
        return best.start, best.end
    return everything


def _choose_title(p: _Extractor, start: int, end: int, meta_title: str | None) -> str | None:
    """The article's title: an <h1> in the article (or matching og:title), else og:title, else <title>."""
    inside = [t for t, at, _ in p.h1s if start <= at <= end and (start, end) != (0, len(p.lines))]
    if meta_title:
        folded = _WS.sub("", meta_title)
        for t in inside or [t for t, _, _ in p.h1s]:
            ft = _WS.sub("", t)
            if ft and (ft in folded or folded in ft):
                return t
        return _WS.sub(" ", meta_title).strip()
    if inside:
        return inside[0]
    # a page-header <h1> is usually the site's logo: prefer one from the page itself
    if p.h1s:
        return min(p.h1s, key=lambda h: h[2])[0]
    if p.titles:
        # "<headline> - <site name>": keep the longest part
        return max(_TITLE_SEPARATORS.split(p.titles[0]), key=len).strip() or None
    return None


def _lead_outside(p: _Extractor, start: int, end: int) -> list[str]:
    """Lines of a lead/summary element that sits outside the chosen article region."""
    if (start, end) == (0, len(p.lines)):
        return []
    for r in p.regions:
        if r.kind == "lead" and r.end > r.start and (r.end <= start or r.start >= end):
            if sum(p.persian[r.start:r.end]):
                return p.lines[r.start:r.end]
    return []
