"""``fakg build``: input files -> documents -> quads -> the store.

The library function :func:`build` and the CLI command mirror each other
(as in sqlite-utils): the CLI only parses arguments and prints.

Bad input never stops a batch: each problem (from reading, or an extractor
failing on one article) is reported as one line naming the file, and the
build goes on; nothing already stored is touched by a failed article.
"""
from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from .graph import article_iri, document_quads, vocabulary_quads
from .pipeline import process
from .sources import InputProblem, iter_articles
from .store import is_current, open_store, replace_graph, stamp_quads


@dataclass
class BuildReport:
    articles: int = 0  # articles written to the store
    unchanged: int = 0  # articles skipped because the store already had them
    quads: int = 0  # quads written
    problems: list[str] = field(default_factory=list)

    @property
    def built_anything(self) -> bool:
        return self.articles + self.unchanged > 0


class Progress:
    """A bar on a terminal, a line every few seconds otherwise (CI logs, pipes)."""

    def __init__(self, stream=sys.stderr, every: float = 5.0):
        self.stream, self.every = stream, every
        self.tty = hasattr(stream, "isatty") and stream.isatty()
        self.start = self.last = time.monotonic()
        self.count = 0

    def tick(self, n: int = 1) -> None:
        self.count += n
        now = time.monotonic()
        rate = self.count / max(now - self.start, 1e-9)
        if self.tty:
            self.stream.write(f"\r{self.count} articles  {rate:6.1f}/s")
            self.stream.flush()
        elif now - self.last >= self.every:
            self.stream.write(f"{self.count} articles processed ({rate:.1f}/s)\n")
            self.last = now

    def close(self) -> None:
        if self.tty and self.count:
            self.stream.write("\n")


def build(
    paths: Iterable[str],
    store_path: str | os.PathLike,
    *,
    force: bool = False,
    on_problem: Callable[[str], None] | None = None,
    progress: Progress | None = None,
) -> BuildReport:
    """Build ``paths`` into the store at ``store_path``; return what happened."""
    report = BuildReport()
    store = open_store(store_path)
    replace_graph(store, *_vocabulary())

    def problem(msg: str) -> None:
        report.problems.append(msg)
        if on_problem:
            on_problem(msg)

    for item in iter_articles(paths):
        if isinstance(item, InputProblem):
            problem(str(item))
            continue
        try:
            process(item)
            if not item.text.strip():
                problem(f"{item.source}: no article body found on the page")
                continue
            graph = article_iri(item)
            if not force and is_current(store, graph, item.content_hash):
                report.unchanged += 1
            else:
                quads = document_quads(item) + stamp_quads(graph, item.content_hash)
                replace_graph(store, graph, quads)
                report.articles += 1
                report.quads += len(quads)
        except Exception as e:  # one bad article must not stop the batch
            problem(f"{item.source}: extraction failed: {type(e).__name__}: {e}")
        if progress:
            progress.tick()
    if progress:
        progress.close()
    store.flush()
    return report


def _vocabulary():
    quads = vocabulary_quads()
    return quads[0].graph_name, quads
