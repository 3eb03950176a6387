"""Fetch the development set's page texts into the git-ignored ``cache/``.

The gold was annotated on the stored copies of the pages that the project's
search tool returns (its ``pages`` corpus: each page's text from its beginning,
often cut off mid-text).  Those copies are third-party text, so they are never
committed; this script puts them back in ``cache/<id>.txt``:

    python -m benchmarks.realpages.fetch ANSWER.json [ANSWER.json …]

where each ANSWER.json is the search tool's answer (its JSON, as returned) to
one of the manifest's ``query`` strings; every result whose ``url`` is a
manifest page is written as that page's text.  ``--live`` instead downloads
each URL and keeps the text of its HTML with fakg's own reader: the live page
is longer and laid out differently from the stored copy, so scores on it are
only indicative.  Either way each text is checked against the evaluation kit's
held-out guard when it is at hand (``--guard PATH``).
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import urllib.request
from pathlib import Path

from .score import CACHE, pages


def from_answers(answers: list[Path]) -> dict[str, str]:
    """``{url: text}`` of every result in the saved search answers."""
    found = {}
    for path in answers:
        for result in json.loads(path.read_text(encoding="utf-8")).get("results", []):
            if result.get("url") and result.get("excerpt") is not None:
                found[result["url"]] = result["excerpt"]
    return found


def live(url: str) -> str:
    """The article text of the page at ``url`` today (fakg's HTML reader)."""
    from builder.read.decode import decode
    from builder.read.htmltext import html_to_text

    with urllib.request.urlopen(url, timeout=30) as response:
        text, _ = html_to_text(decode(response.read()))
    return text


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("answers", nargs="*", type=Path, help="saved answers of the search tool")
    ap.add_argument("--live", action="store_true", help="download every page from its URL instead")
    ap.add_argument("--guard", type=Path, help="the evaluation kit's heldout_guard.py, to check each text")
    a = ap.parse_args(argv)
    CACHE.mkdir(exist_ok=True)
    texts = {} if a.live else from_answers(a.answers)
    written = 0
    for row in pages():
        try:
            text = live(row["url"]) if a.live else texts.get(row["url"])
        except OSError as e:
            print(f"fakg: {row['id']}: {row['url']}: {e}", file=sys.stderr)
            continue
        if text is None:
            continue
        target = CACHE / f"{row['id']}.txt"
        target.write_text(text, encoding="utf-8")
        if a.guard and subprocess.run([sys.executable, str(a.guard), "--url", row["url"], str(target)],
                                      capture_output=True).returncode:
            target.unlink()
            print(f"fakg: {row['id']}: flagged by the held-out guard; left out", file=sys.stderr)
            continue
        written += 1
    print(f"wrote {written} of {len(pages())} pages to {CACHE}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
