"""Roles (posts): role phrases, their organisation, and their holder by apposition.

«مهران کریمیان مدیر کل بهزیستی ...» and «مدیرکل بهزیستی استان گیلان، علی
رحیمی ...» put a role right after or right before a name (a comma between is
allowed): that person holds the post.  A role with no name beside it is kept
as a post without a holder; :mod:`builder.extract.coref` may give it one
later (the lead's «معاون ... گفت:» is usually the person named further on).

One person's mentions of one post («مدیر کل بهزیستی», later «مدیر کل
بهزیستی خوزستان») are one post, titled with the fullest wording.
"""
from __future__ import annotations

import re

from ..components import component
from ..text.document import Document, Mention, Post
from ..text.patterns import GAP
from ..text.textkey import key
from . import places
from .organizations import register
from .phrases import RolePhrase, match_head, role_phrase
from .speech import TITLED
from .units import Unit

#: the component's name, the extractor its evidence names (see builder.components)
NAME = "roles"
#: what roles changes of the organisations' output, and why (see builder.components)
EDITS = {
    "places": "a country named only inside a post's, a body's or a medium's name («رئیس انجمن مددکاران اجتماعی "
              "ایران», «جمهوری اسلامی ایران», «به گزارش رئال ایران،») is no place of the story: its evidence there "
              "goes, and the country if nothing else names it; only the role phrases show where those names end",
    "mentions": "the place mentions of those countries go with them",
    "organizations": "the organisation a role phrase names («مدیرکل بهزیستی استان …») is registered with "
                     "organizations.register, as the organisations component registers its own: only the "
                     "role phrase shows where that name ends",
}

_COMMAS = ("،", ",", "؛")  # «علیرضا کاظمی؛ وزیر آموزش و پرورش» too
#: marks a page may put around a name («با حضور «علی کریمی» مدیرکل …»): they separate nothing
_QUOTE_MARKS = ("«", "»", '"', "“", "”")


def post_key(post: Post) -> tuple:
    """Two mentions name the same post when head, organisation and place agree."""
    head = key(post.title.split()[0]) if post.title else ""
    return (head, post.organization, post.place if post.organization is None else None)


def _neighbour_person(doc: Document, units: list[Unit], ph: RolePhrase) -> str | None:
    """The person named directly before or after the role.

    A name right against the role wins over one across a comma (or «که»), and the one
    before over the one after: in «با حضور علی کریمی مدیرکل …، حسن احمدی معاون …» each
    post is the name's before it, not the next item's.  Quote marks a page puts around a
    name («با حضور «علی کریمی» مدیرکل …») separate nothing.
    """
    starts = {m.start: m.ref for m in doc.mentions if m.kind == "person"}
    ends = {m.end: m.ref for m in doc.mentions if m.kind == "person"}

    def after(i: int) -> str | None:
        i += i < len(units) and units[i].text in _QUOTE_MARKS
        return starts.get(units[i].start) if i < len(units) else None

    def before(i: int) -> str | None:
        i -= i >= 0 and units[i].text in _QUOTE_MARKS + ("(",)  # «X (معاون …)»: the post in brackets
        return ends.get(units[i].end) if i >= 0 else None

    def separator(i: int, colon: bool = False) -> bool:
        return 0 <= i < len(units) and (units[i].text in _COMMAS or units[i].key == key("که")
                                        or colon and units[i].text in (":", "："))

    def posted(i: int) -> bool:
        """The name starting at unit ``i`` has a post of its own after a comma («…، حسن احمدی، امام جمعه»)."""
        end = next((m.end for m in doc.mentions if m.kind == "person" and m.start == units[i].start), None)
        k = next((j for j in range(i, len(units)) if units[j].start >= (end or 0)), len(units))
        return k + 1 < len(units) and units[k].text in _COMMAS and bool(match_head(units, k + 1, ("role",)))

    across_after = after(ph.end + 1) if separator(ph.end) and units[ph.end].text in _COMMAS else None
    # «علی عسگر ظاهری: نماینده مردم مسجدسلیمان … خبر داد»: a colon between the name and its post too
    across_before = before(ph.start - 2) if separator(ph.start - 1, colon=True) else None
    if across_after and across_before and posted(ph.end + 1):
        across_after = None  # «علی کریمی، مدیرکل …، حسن احمدی، امام جمعه …»: each post follows its name
    return before(ph.start - 1) or after(ph.end) or across_after or across_before


def _coordinated_holder(doc: Document, units: list[Unit], ph: RolePhrase) -> str | None:
    """«X، معاون استاندار و رئیس شورای سالمندان استان»: a role joined by «و» to a role
    that X holds by apposition is X's too."""
    if ph.start >= 2 and units[ph.start - 1].key == key("و"):
        end = units[ph.start - 2].end
        for m in doc.mentions:
            if m.kind == "role" and m.end == end and doc.posts[m.ref].holder:
                return doc.posts[m.ref].holder
    return None


def _org_ref(doc: Document, units: list[Unit], ph: RolePhrase, sentence: int) -> str | None:
    """Key of the organisation in the role (found by the organisations pass, else registered now)."""
    if ph.org is None:
        return None
    at = units[ph.org.start].start
    for m in doc.mentions:
        if m.kind == "organization" and m.start == at:
            return m.ref
    return register(doc, units, ph.org, sentence)


def add_post(doc: Document, post: Post) -> int:
    """Add or merge ``post``; return its index in ``doc.posts``."""
    k = post_key(post)
    for i, old in enumerate(doc.posts):
        if old.holder == post.holder and post_key(old) == k:
            if len(post.title) > len(old.title):
                old.title = post.title
            old.evidence += post.evidence
            return i
    doc.posts.append(post)
    return len(doc.posts) - 1


@component(NAME, requires=("text", "units", "mentions", "persons", "organizations", "places"), assigns=("posts", "mentions"),
           edits=EDITS, evidence=True)
def extract(doc: Document) -> None:
    for si, units in enumerate(doc.units):
        i = 0
        while i < len(units):
            anaphoric = i > 0 and units[i - 1].key in (key("این"), key("همین"), key("مقام"))  # «این مقام مسئول»
            ph = role_phrase(units, i) if units[i].kind == "word" and not anaphoric else None
            if ph is None:
                i = _shared_post(doc, units, i, si)
                continue
            start, end = units[ph.start].start, units[ph.end - 1].end
            org = _org_ref(doc, units, ph, si)
            # «رئیس نهضت سوادآموزی شهرستان بویراحمد»: a national body's office in the place its name ends with
            where = ph.place or (ph.org.place if ph.org is not None else None)
            place = where.entry.key if where is not None and where.entry is not None else None
            if org and doc.organizations[org].place:
                place = place or doc.organizations[org].place
            holder = _neighbour_person(doc, units, ph) or _coordinated_holder(doc, units, ph)
            post = Post(doc.surface(start, end), holder, org, place,
                        [doc.evidence(start, end, NAME)])
            index = add_post(doc, post)
            doc.mentions.append(Mention("role", start, end, doc.text[start:end], index, si))
            i = ph.end
    _countries_in_names(doc)
    doc.mentions.sort(key=lambda m: m.start)


# a post in the plural after two names joined by «و»: each holds the post in the singular
_PLURAL_POSTS = {key(plural): singular for plural, singular in (
    ("نمایندگان", "نماینده"), ("معاونان", "معاون"), ("معاونین", "معاون"), ("مدیران", "مدیر"), ("اعضای", "عضو"),
    ("رؤسای", "رئیس"), ("روسای", "رئیس"), ("فرمانداران", "فرماندار"), ("شهرداران", "شهردار"))}


def _shared_post(doc: Document, units: list[Unit], i: int, sentence: int) -> int:
    """«احمد امیرآبادی و مجتبی ذوالنور نمایندگان مردم قم در مجلس»: two persons named before a post in
    the plural each hold it in the singular («نماینده مردم قم در مجلس»).  The index to go on from."""
    singular = _PLURAL_POSTS.get(units[i].key)
    names = [m for m in doc.mentions if m.kind == "person" and m.sentence == sentence and m.end <= units[i].start]
    if singular is None or len(names) < 2 or doc.text[names[-1].end:units[i].start].strip(" ‌،,") \
            or not _joined(doc, names[-2].end, names[-1].start):
        return i + 1
    one = [*units[:i], Unit("word", units[i].start, units[i].end, singular), *units[i + 1:]]
    ph = role_phrase(one, i)
    if ph is None or ph.end == i + 1:
        return i + 1
    start, end = units[i].start, units[ph.end - 1].end
    org = _org_ref(doc, one, ph, sentence)
    title = f"{singular} {doc.surface(units[i + 1].start, end)}"
    place = ph.place.entry.key if ph.place is not None and ph.place.entry is not None else None
    for holder in (names[-2].ref, names[-1].ref):
        index = add_post(doc, Post(title, holder, org, place, [doc.evidence(start, end, NAME)]))
    doc.mentions.append(Mention("role", start, end, doc.text[start:end], index, sentence))
    return ph.end


_AND_BETWEEN = re.compile(r"[\s\u200c]*[،,]?[\s\u200c]*و[\s\u200c]+")


def _joined(doc: Document, end: int, start: int) -> bool:
    """The text between two names is «و», perhaps with a comma and a title before the second («و دکتر …»)."""
    joined = _AND_BETWEEN.match(doc.text, end, start)
    return joined is not None and TITLED.fullmatch(doc.text, joined.end(), start) is not None


# «جمهوری اسلامی ایران», and a credit's source up to the country («به گزارش تارنگار حقوق بشر در ایران»)
# «ایران پرسمان - …» opening a line: a site's name and its dash
_SITE_NAME_AFTER = re.compile(rf"{GAP}[^\s\u200c،,.:]{{2,20}}{GAP}[-–—|]")
_COUNTRY_IN_NAME = re.compile(rf"(?:جمهوری{GAP}اسلامی{GAP}|به{GAP}گزا?رش[^،,:؛\n]*)$")


def _countries_in_names(doc: Document) -> None:
    """Drop the mentions of a country that only names a post, a body or a medium (see :data:`EDITS`)."""
    bodies = [(m.start, m.end) for m in doc.mentions if m.kind in ("organization", "role")]
    gone = [m for m in doc.mentions if m.kind == "place" and m.ref in doc.places and doc.places[m.ref].kind == "country"
            and (any(s <= m.start and m.end <= e for s, e in bodies)
                 or _COUNTRY_IN_NAME.search(doc.text[doc.sentences[m.sentence].start:m.start])
                 or (not doc.text[doc.sentences[m.sentence].start:m.start].strip()
                     and _SITE_NAME_AFTER.match(doc.text, m.end)))]
    places.forget(doc, gone)  # «رئیس انجمن مددکاران اجتماعی ایران»: a national post, not a post in a place
