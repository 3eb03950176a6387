"""The pipeline contract: each component's name and the Document layers it requires and assigns.

As spaCy's ``@Language.component(name, assigns=…, requires=…)`` and ``analyze_pipes``: every
component of :mod:`builder.pipeline` is declared with :func:`component`, and the pipeline is
assembled by :func:`assemble`, which refuses, with one clear message, a component that needs a
layer no earlier component makes.  A layer is an attribute of :class:`builder.text.document.Document`
(``units``, ``persons``, ``mentions``…); the reader gives the first ones (:data:`GIVEN`).

Three kinds of declaration:

``requires``
    the layers the component reads; each must be given or assigned by an earlier component.
``assigns``
    the layers the component makes.  A layer is assigned once, by one component, except the
    additive layers (:data:`ADDITIVE`, the mentions) to which every extractor adds its own items
    without touching the others'.
``edits``
    the layers, assigned by an earlier component, whose items this component changes (adds to,
    rewrites or removes), each with the reason why that is not left to the component that made
    them.  Editing is the exception; the reason is there for the next engineer who changes
    either component.

The component's name is the name its evidence carries (:attr:`builder.text.evidence.Evidence.extractor`)
and, for a component declared with ``evidence=True``, the name of its ``prov:Activity`` in the graph.  ``python -m builder.components`` prints the
table of the real pipeline.
"""
from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field

#: the layers a Document has when it is made, before any component runs (the reader fills them)
GIVEN = frozenset({"source", "stem", "raw", "page", "page_offsets", "given", "content_hash"})
#: layers every extractor may add its own items to (its mentions), leaving the others' as they are
ADDITIVE = frozenset({"mentions"})


class PipelineError(ValueError):
    """The components, in the order given, do not fit together (a requirement comes too late…)."""


@dataclass(frozen=True)
class Component:
    """One step of the pipeline: ``run(doc)`` fills the layers it ``assigns`` from those it ``requires``."""

    name: str
    run: Callable = field(repr=False)
    requires: tuple[str, ...] = ()
    assigns: tuple[str, ...] = ()
    edits: Mapping[str, str] = field(default_factory=dict)  # layer -> why this component changes it
    evidence: bool = False  # evidence names it: a prov:Activity of the vocabulary graph

    def __call__(self, doc) -> None:
        self.run(doc)

    @property
    def __doc__(self) -> str | None:  # the function's own docstring, for help() and readers
        return self.run.__doc__


def component(name: str, *, requires: Iterable[str] = (), assigns: Iterable[str] = (),
              edits: Mapping[str, str] | None = None, evidence: bool = False) -> Callable[[Callable], Component]:
    """Declare ``fn(doc) -> None`` a pipeline component (see the module's docstring); ``evidence``: the
    evidence it or another component writes names it (:func:`builder.graph.vocabulary.extractors`)."""
    def declare(fn: Callable) -> Component:
        return Component(name, fn, tuple(requires), tuple(assigns), dict(edits or {}), evidence)
    return declare


def layers() -> frozenset[str]:
    """Every layer a component may name: the Document's fields and the attributes of the kinds."""
    from .text.document import Document
    from .kinds import KINDS

    return frozenset(f.name for f in dataclasses.fields(Document) if not f.name.startswith("_")) \
        | frozenset(k.attribute for k in KINDS)


def problems(components: Sequence[Component]) -> list[str]:
    """What is wrong with running ``components`` in this order (an empty list: nothing)."""
    known, found = layers(), []
    made: dict[str, str] = {layer: "the reader" for layer in GIVEN}  # layer -> who assigned it
    seen: set[str] = set()
    for c in components:
        if c.name in seen:
            found.append(f"two components are named {c.name!r}")
        seen.add(c.name)
        for layer in (*c.requires, *c.assigns, *c.edits):
            if layer not in known:
                found.append(f"component {c.name!r} names {layer!r}, which is no layer of a Document")
        for layer in (*c.requires, *c.edits):
            if layer in known and layer not in made:
                how = "requires" if layer in c.requires else "edits"
                found.append(f"component {c.name!r} {how} {layer!r}, which no earlier component assigns"
                             + _assigned_later(components, c, layer))
        for layer in c.assigns:
            if layer in made and layer not in ADDITIVE:
                found.append(f"component {c.name!r} assigns {layer!r}, which {made[layer]} already assigned: "
                             f"declare it under edits, with the reason")
        for layer in c.assigns:
            made.setdefault(layer, f"component {c.name!r}")
    return found


def _assigned_later(components: Sequence[Component], c: Component, layer: str) -> str:
    later = [o.name for o in components[components.index(c) + 1:] if layer in o.assigns]
    return f" (it is assigned later, by {later[0]!r})" if later else ""


def assemble(components: Iterable[Component]) -> tuple[Component, ...]:
    """The components as a pipeline, once :func:`problems` finds nothing wrong with their order."""
    components = tuple(components)
    not_declared = [getattr(c, "__name__", repr(c)) for c in components if not isinstance(c, Component)]
    if not_declared:
        raise PipelineError(f"not declared as components: {', '.join(not_declared)}")
    found = problems(components)
    if found:
        raise PipelineError("the pipeline does not fit together: " + "; ".join(found))
    return components


def needed(components: Sequence[Component], name: str) -> list[Component]:
    """The earlier components that the one called ``name`` depends on, in pipeline order: those that
    assign or edit a layer it requires or edits, and theirs in turn.  Running them, then it, on a
    fresh document gives it everything it declares it reads (the extractors' own tests do this)."""
    index = {c.name: i for i, c in enumerate(components)}
    if name not in index:
        raise KeyError(f"no component is named {name!r}")
    wanted, todo = set(), [index[name]]
    while todo:
        i = todo.pop()
        c = components[i]
        for layer in (*c.requires, *c.edits):
            for j in range(i):
                if j not in wanted and (layer in components[j].assigns or layer in components[j].edits):
                    wanted.add(j)
                    todo.append(j)
    return [components[i] for i in sorted(wanted)]


def table(components: Sequence[Component]) -> str:
    """The pipeline as text, one component a line: name, requires, assigns, edits."""
    rows = [(c.name, ", ".join(c.requires), ", ".join(c.assigns), ", ".join(c.edits)) for c in components]
    rows.insert(0, ("component", "requires", "assigns", "edits"))
    widths = [max(len(r[i]) for r in rows) for i in range(3)]
    return "\n".join(f"{a:<{widths[0]}}  {b:<{widths[1]}}  {c:<{widths[2]}}  {d}".rstrip() for a, b, c, d in rows)


if __name__ == "__main__":
    from .pipeline import COMPONENTS

    print(table(COMPONENTS))
    for c in COMPONENTS:
        for layer, why in c.edits.items():
            print(f"\n{c.name} edits {layer}: {why}")
