"""What `fakg query` prints, as a researcher reads it: tables that keep their columns in order in a
bidirectional display and fit a 100-column terminal, data formats free of layout marks, and a
quiet end when the reader of a pipe stops early (`fakg query … | head`)."""
from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

from builder.use.sparql import FSI, PDI, _width

REPO = Path(__file__).resolve().parent.parent
QUERIES = ["officials", "figures-by-province", "events", "quotes-about-group", "latest-figure", "co-mentions",
           "programs", "target-groups", "organization-hierarchy", "figures-by-official", "source-sentence"]
STRONG = {"L", "R", "AL"}


def outside_isolates(line: str) -> str:
    """The characters of ``line`` that no FSI … PDI pair encloses."""
    out, depth = [], 0
    for c in line:
        if c == FSI:
            depth += 1
        elif c == PDI:
            depth -= 1
        elif depth == 0:
            out.append(c)
    assert depth == 0, line
    return "".join(out)


@pytest.mark.parametrize("name", QUERIES)
def test_a_table_isolates_every_cell_and_fits_100_columns(capsys, name, query):
    code, out, _ = query(name)
    assert code == 0
    lines = out.splitlines()
    header, rule, body, count = lines[0], lines[1], lines[2:-1], lines[-1]
    assert body and count.startswith("(") and count.endswith("rows)")
    for line in [header, *body]:
        assert _width(line) <= 100, line
        cells = line.split(" | ")
        assert len(cells) == len(rule.split("-+-")), line
        for cell in cells:
            assert cell.startswith(FSI) and cell.rstrip().endswith(PDI), (line, cell)
        # Nothing strong outside the isolates: each line is a left-to-right paragraph (UAX #9, P2-P3),
        # so a bidi-aware display keeps the columns in this order, however Persian the cells.
        assert not {unicodedata.bidirectional(c) for c in outside_isolates(line)} & STRONG, line
    assert _width(rule) <= 100


def test_a_persian_row_reads_its_cells_in_column_order(capsys, query):
    code, out, _ = query("officials", "--param", "person_name=کریمیان")
    assert code == 0
    row = out.splitlines()[2]
    cells = [c.strip().strip(FSI + PDI) for c in row.split(" | ")]
    assert cells[0] == "مهران کریمیان" and cells[3] == "خوزستان"  # name first, jurisdiction fourth


def test_a_table_hides_iris_and_echoed_parameters_unless_asked(capsys, query):
    code, out, _ = query("officials", "--param", "person_name=کریمیان")
    assert code == 0
    assert "https://" not in out and "person_name" not in out
    assert out.count("کریمیان") == 1  # the name, not also the parameter's echo
    code, out, _ = query("officials", "--param", "person_name=کریمیان", "--all-columns", "--width", "300")
    assert code == 0
    header = out.splitlines()[0].replace(FSI, "").replace(PDI, "")
    assert [c.strip() for c in header.split(" | ")][-3:] == ["person", "person_name", "count"]
    assert "https://w3id.org/fakg/person/" in out


def test_width_narrows_a_table_and_cuts_text_not_numbers(capsys, query):
    code, out, _ = query("figures-by-province", "--param", "province=اردبیل", "--width", "90")
    assert code == 0
    lines = out.splitlines()
    assert all(_width(line) <= 90 for line in lines)
    assert "…" in out
    values = {c.strip().strip(FSI + PDI) for line in lines[2:-1] for c in line.split(" | ")}
    assert {"199", "12500", "3700"} <= values  # numbers are never cut


@pytest.mark.parametrize("fmt", ["csv", "tsv"])
def test_csv_and_tsv_carry_no_marks_and_end_with_one_newline(capsys, fmt, query):
    code, out, _ = query("figures-by-province", "--format", fmt)
    assert code == 0
    assert FSI not in out and PDI not in out
    assert out.endswith("\n") and not out.endswith("\n\n")
    found = list(csv.reader(io.StringIO(out), delimiter="," if fmt == "csv" else "\t"))
    assert found[0][:3] == ["province_label", "place_label", "subject"] and "statistic" in found[0]
    assert all(len(r) == len(found[0]) for r in found) and "۱۹۹ کودک خیابانی" in out


def test_json_carries_no_marks(capsys, query):
    code, out, _ = query("officials", "--format", "json")
    assert code == 0 and FSI not in out and PDI not in out
    assert {r["name"] for r in json.loads(out)} >= {"مهران کریمیان"}


def test_events_keep_participants_in_one_cell(capsys, query):
    code, out, _ = query("events", "--param", "event_kind=visit", "--format", "json")
    assert code == 0
    visit = json.loads(out)[0]
    assert visit["participants"].split("; ") == ["صادق جعفری چگنی", "اداره کل بهزیستی استان خوزستان"] or \
        set(visit["participants"].split("; ")) == {"صادق جعفری چگنی", "اداره کل بهزیستی استان خوزستان"}
    code, out, _ = query("events")
    assert code == 0
    columns = len(out.splitlines()[0].split(" | "))
    assert all(len(line.split(" | ")) == columns for line in out.splitlines()[2:-1])


def test_a_closed_pipe_ends_quietly(seed_store):
    """`fakg query … | head`: the reader goes away before fakg writes; fakg says nothing and exits 0."""
    p = subprocess.Popen([sys.executable, "-m", "builder.cli", "query", "figures-by-province", "--store",
                          str(seed_store), "--format", "csv"],
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL, cwd=REPO)
    p.stdout.close()  # long before the child has opened the store and written its first line
    err = p.stderr.read().decode()
    assert p.wait(timeout=120) == 0, err
    assert err == ""


def test_source_sentence_names_the_file(capsys, query):
    """examples/README.md: a figure's sentence, its words and offsets, and the file they are in."""
    code, out, _ = query("figures-by-province", "--param", "province=IR-24", "--format", "json")
    statistic = next(r["statistic"] for r in json.loads(out) if r["value"] == 199)
    code, out, _ = query("source-sentence", "--param", f"fact={statistic}")
    assert code == 0
    header = [c.strip().strip(FSI + PDI) for c in out.splitlines()[0].split(" | ")]
    assert header[:2] == ["source", "sentence"]
    first = out.splitlines()[2].split(" | ")[0].strip()
    assert first.startswith(FSI + "…") and first.endswith(".txt" + PDI)  # a path is cut at its start
    code, out, _ = query("source-sentence", "--param", f"fact={statistic}", "--width", "200")
    assert "/examples/articles/002_f0d8b60221c6b38a.txt" + PDI in out
    code, out, _ = query("source-sentence", "--param", f"fact={statistic}", "--format", "json")
    assert {Path(r["source"]).name for r in json.loads(out)} == {"002_f0d8b60221c6b38a.txt"}
