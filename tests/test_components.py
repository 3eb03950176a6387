"""The pipeline contract (builder/components.py): each component's declaration, the check made when the
pipeline is assembled, declarations that say what the components really do, and each extractor run alone
on a document prepared by only the components it requires."""
from __future__ import annotations

import copy
import dataclasses
from collections import Counter
from pathlib import Path

import pytest

from builder.graph import vocabulary
from builder.components import ADDITIVE, Component, PipelineError, assemble, component, layers, needed, problems, table
from builder.text.document import Document
from builder.kinds import by_attribute
from builder.pipeline import COMPONENTS, process
from builder.read.sources import iter_articles
from builder.text.textkey import key

ROOT = Path(__file__).resolve().parent.parent
NAMES = [c.name for c in COMPONENTS]


def _pipeline(*names: str) -> list[Component]:
    by_name = {c.name: c for c in COMPONENTS}
    return [by_name[n] for n in names]


# ------------------------------------------------------------------------------------------ the check at start-up

def test_the_real_pipeline_fits_together():
    assert problems(COMPONENTS) == []
    assert assemble(COMPONENTS) == tuple(COMPONENTS)
    assert NAMES[:6] == ["clean", "normalize", "place_names", "metadata", "units", "verbs"] and NAMES[-1] == "events"


def test_a_misordered_pipeline_is_refused_naming_the_component_and_the_layer():
    names = NAMES.copy()
    i, j = names.index("persons"), names.index("roles")
    names[i], names[j] = "roles", "persons"
    with pytest.raises(PipelineError) as refused:
        assemble(_pipeline(*names))
    assert "component 'roles' requires 'persons', which no earlier component assigns " \
           "(it is assigned later, by 'persons')" in str(refused.value)


def test_a_pipeline_missing_a_component_is_refused():
    with pytest.raises(PipelineError, match="component 'places' requires 'units', which no earlier component assigns"):
        assemble(_pipeline(*[n for n in NAMES if n != "units"]))


def test_a_second_assignment_must_be_declared_as_an_edit():
    sneaky = component("sneaky", requires=("text",), assigns=("persons",))(lambda doc: None)
    found = problems([*COMPONENTS, sneaky])
    assert found == ["component 'sneaky' assigns 'persons', which component 'persons' already assigned: "
                     "declare it under edits, with the reason"]
    honest = component("honest", requires=("text",), edits={"persons": "a reason"})(lambda doc: None)
    assert problems([*COMPONENTS, honest]) == []


def test_every_extractor_may_add_mentions_without_declaring_an_edit():
    assert ADDITIVE == {"mentions"}
    assert [c.name for c in COMPONENTS if "mentions" in c.assigns][:3] == ["places", "organizations", "persons"]


def test_an_edit_of_a_layer_nobody_made_a_misspelt_layer_a_plain_function_and_a_twin_are_refused():
    early = component("early", edits={"posts": "why"})(lambda doc: None)
    assert problems([early]) == ["component 'early' edits 'posts', which no earlier component assigns"]
    typo = component("typo", requires=("persson",))(lambda doc: None)
    assert problems([typo]) == ["component 'typo' names 'persson', which is no layer of a Document"]
    with pytest.raises(PipelineError, match="not declared as components: plain"):
        def plain(doc):
            pass
        assemble([*COMPONENTS, plain])
    assert "two components are named 'events'" in problems([*COMPONENTS, COMPONENTS[-1]])


def test_the_table_lists_each_component_with_what_it_requires_assigns_and_edits():
    lines = table(COMPONENTS).splitlines()
    assert lines[0].split() == ["component", "requires", "assigns", "edits"]
    assert len(lines) == len(COMPONENTS) + 1
    roles = next(line for line in lines if line.startswith("roles "))
    assert roles.split()[-1] == "organizations" and "posts" in roles


def test_a_layer_is_a_document_attribute_or_a_kind():
    assert {"units", "reporting_verbs", "title_span", "mentions", "persons", "setting"} <= layers()
    assert "scratch" not in layers()
    assert all(by_attribute(a) is not None or a in {f.name for f in dataclasses.fields(Document)} for a in layers())


def test_needed_follows_requirements_back_through_the_pipeline():
    assert [c.name for c in needed(COMPONENTS, "verbs")] == ["clean", "normalize"]
    assert [c.name for c in needed(COMPONENTS, "units")] == ["clean", "normalize", "place_names"]
    assert [c.name for c in needed(COMPONENTS, "places")] == ["clean", "normalize", "place_names", "metadata", "units"]
    events = [c.name for c in needed(COMPONENTS, "events")]
    assert "program_places" in events and "statistics" not in events
    with pytest.raises(KeyError):
        needed(COMPONENTS, "nobody")


# ------------------------------------------------------------------------------------------ honest declarations

def _documents() -> list[Document]:
    """The invented article, the seed examples, the test pages (text, HTML, JSON Lines), a person whose
    given name is a place (which persons takes back from places), a country inside a body's name
    (which roles takes back from places) and an official named by post, then by surname alone (whom
    coreference makes a person)."""
    paths = [str(ROOT / "tests" / "data" / "invented.txt"), str(ROOT / "examples" / "articles"), str(ROOT / "tests" / "articles")]
    named_like_a_place = Document("x.txt", "x", HEAD + "شهریار مهردادی امروز در تهران گفت: طرح اجرا می‌شود.\n")
    country_in_a_name = Document("y.txt", "y", HEAD + "رئیس انجمن مددکاران اجتماعی ایران گفت: آموزش ادامه دارد.\n")
    surname_alone = Document("z.txt", "z", HEAD + "مدیر شعب موسسه خیریه نور گفت: کار ادامه دارد.\n\nنوروزی افزود: خدمات بیشتر شد.\n")
    return [d for d in iter_articles(paths) if isinstance(d, Document)] + [named_like_a_place, country_in_a_name, surname_alone]


def _empty(layer: str):
    field = next((f for f in dataclasses.fields(Document) if f.name == layer), None)
    if field is None:
        return by_attribute(layer).empty()
    return field.default_factory() if field.default_factory is not dataclasses.MISSING else field.default


def _comparable(layer: str, value):
    """The layer's value as something ``==`` compares by content (a regex match compares by identity)."""
    if layer == "reporting_verbs" and value is not None:
        return {i: [(m.span(), m.group()) for m in found] for i, found in value.items()}
    return copy.deepcopy(value)


def _undeclared_changes(c: Component, before: dict, doc: Document) -> list[str]:
    found = []
    for layer, old in before.items():
        new = _comparable(layer, getattr(doc, layer))
        if new == old or layer in c.edits:
            continue
        if layer not in c.assigns:
            found.append(f"{c.name} changed {layer}")
        elif layer in ADDITIVE:
            if Counter(map(repr, old)) - Counter(map(repr, new)):
                found.append(f"{c.name} changed the {layer} of earlier components")
        elif old != _empty(layer):
            found.append(f"{c.name} assigned {layer} over an earlier one")
    return found


def test_components_change_only_the_layers_they_declare():
    """A component changes a layer only if it assigns it (adding only its own mentions) or declares the edit;
    and every layer a component assigns or edits is changed by it on some page (no stale declaration)."""
    found, used = [], set()
    for doc in _documents():
        for c in COMPONENTS:
            before = {layer: _comparable(layer, getattr(doc, layer)) for layer in layers()}
            c(doc)
            found += _undeclared_changes(c, before, doc)
            used |= {(c.name, layer) for layer, old in before.items() if _comparable(layer, getattr(doc, layer)) != old}
    assert sorted(set(found)) == []
    declared = {(c.name, layer) for c in COMPONENTS for layer in (*c.assigns, *c.edits)}
    assert declared - used == set()


def test_the_evidence_names_its_component():
    written = {e.extractor for doc in _documents() for items in _entities_and_facts(process(doc)) for e in items}
    assert written <= set(NAMES)
    assert written == set(vocabulary.extractors())


def _entities_and_facts(doc: Document):
    for layer in ("places", "organizations", "persons", "programs"):
        yield from (x.evidence for x in getattr(doc, layer).values())
    for layer in ("posts", "quotes", "statistics", "events"):
        yield from (x.evidence for x in getattr(doc, layer))


@pytest.mark.parametrize("name", [n for n in NAMES if n != "clean"])
def test_what_a_component_requires_is_all_it_reads(name, prepared, component):
    """Run alone on a document prepared by only its requirements, a component makes what it makes in the
    whole pipeline: it reads nothing it does not declare."""
    raw = (ROOT / "tests" / "data" / "invented.txt").read_text(encoding="utf-8")
    whole = Document("invented.txt", "invented", raw)
    for c in COMPONENTS[:NAMES.index(name) + 1]:
        c(whole)
    alone = prepared(raw, name)
    c = component(name)
    c(alone)
    for layer in (*c.assigns, *c.edits):
        assert _comparable(layer, getattr(alone, layer)) == _comparable(layer, getattr(whole, layer)), layer


# ------------------------------------------------------------------------------------------ each extractor alone

HEAD = "ایسنا - کد خبر: ۱۲۳۴۵۶\n۱۴ آذر ۱۴۰۲ - ۱۰:۰۰\n\nگزارشی از بهزیستی استان زنجان\n\n"


def _run(prepared, component, name: str, body: str) -> Document:
    doc = prepared(HEAD + body.strip() + "\n\nانتهای پیام\n", name)
    component(name)(doc)
    return doc


def test_units_fuse_gazetteer_names_into_one_unit(prepared, component):
    doc = _run(prepared, component, "units", "مدیرکل بهزیستی استان سیستان و بلوچستان از زاهدان بازدید کرد.")
    units = doc.units[-1]
    assert ("place", "استان سیستان و بلوچستان") in [(u.kind, u.text) for u in units]
    assert doc.persons == {} and doc.mentions == []  # nothing else ran


def test_verbs_are_found_by_sentence(prepared, component):
    doc = _run(prepared, component, "verbs", "مدیرکل بهزیستی گفت: طرح اجرا می‌شود.\n\nوی تأکید کرد: همکاری لازم است.")
    said = {i: [m.group() for m in found] for i, found in doc.reporting_verbs.items()}
    assert [v for vs in said.values() for v in vs] == ["گفت", "تأکید کرد"]


def test_places_alone(prepared, component):
    doc = _run(prepared, component, "places", "طرح در شهرستان ابهر و شهر خرمدره اجرا شد.")
    assert {p.name for p in doc.places.values()} >= {"ابهر", "خرمدره"}
    assert {m.kind for m in doc.mentions} == {"place"}
    assert all(e.extractor == "places" for p in doc.places.values() for e in p.evidence)


def test_organizations_alone(prepared, component):
    doc = _run(prepared, component, "organizations", "کمیته امداد امام خمینی و شهرداری زنجان به خانواده‌ها کمک کردند.")
    assert key("شهرداری زنجان") in {key(o.name) for o in doc.organizations.values()}
    assert doc.persons == {} and doc.posts == []


def test_persons_alone(prepared, component):
    doc = _run(prepared, component, "persons", "کامران نیک‌پور امروز گفت: طرح اجرا می‌شود.\n\nنیک‌پور افزود: کار ادامه دارد.")
    person = doc.persons[key("کامران نیک‌پور")]
    assert [e.extractor for e in person.evidence] == ["persons", "coreference"]  # the later surname is coreference's


def test_roles_alone(prepared, component):
    doc = _run(prepared, component, "roles", "کامران نیک‌پور مدیرکل بهزیستی استان زنجان گفت: طرح اجرا می‌شود.")
    assert [(p.title, p.holder) for p in doc.posts] == [("مدیرکل بهزیستی استان زنجان", key("کامران نیک‌پور"))]
    office = doc.organizations[doc.posts[0].organization]
    assert office.name == "اداره کل بهزیستی استان زنجان" and office.evidence[-1].extractor == "organizations"


def test_programs_alone(prepared, component):
    doc = _run(prepared, component, "programs", "طرح ساماندهی کودکان خیابانی در ابهر اجرا می‌شود.")
    program = doc.programs[key("طرح ساماندهی کودکان خیابانی")]
    assert program.kind == "plan" and program.places == ["ابهر"]


def test_coreference_alone(prepared, component):
    doc = _run(prepared, component, "coreference", "کامران نیک‌پور گفت: طرح اجرا می‌شود.\n\nوی افزود: کار ادامه دارد.")
    assert [(m.text, m.ref) for m in doc.mentions if m.kind == "pronoun"] == [("وی", key("کامران نیک‌پور"))]


def test_quotes_alone(prepared, component):
    doc = _run(prepared, component, "quotes", "کامران نیک‌پور گفت: طرح در ابهر اجرا می‌شود.")
    assert [(q.speaker, q.verb, q.text) for q in doc.quotes] == [(key("کامران نیک‌پور"), "گفت", "طرح در ابهر اجرا می‌شود.")]
    assert doc.statistics == []


def test_setting_alone(prepared, component):
    doc = _run(prepared, component, "setting", "فرماندار ابهر گفت: طرح در این شهرستان اجرا می‌شود.")
    assert doc.setting == key("ابهر")


def test_statistics_alone(prepared, component):
    doc = _run(prepared, component, "statistics", "مدیرکل بهزیستی استان زنجان گفت: ۳۴۰ کودک کار در این استان شناسایی شده‌اند.")
    assert [(s.value, s.unit, s.place) for s in doc.statistics] == [(340, "persons", key("زنجان"))]


def test_program_places_alone(prepared, component):
    doc = _run(prepared, component, "program_places", "فرماندار ابهر گفت: مرکز نگهداری کودکان کار راه‌اندازی شد.")
    assert doc.programs[key("مرکز نگهداری کودکان کار")].places == [key("ابهر")]


def test_events_alone(prepared, component):
    doc = _run(prepared, component, "events", "مدیرکل بهزیستی استان زنجان امروز در نشست خبری گفت: طرح اجرا می‌شود.")
    assert "press_conference" in [e.kind for e in doc.events]
