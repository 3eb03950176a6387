"""iter_articles(): files, folders, globs and JSON Lines into Documents, bad input into InputProblems.

The Persian snippets are invented for these tests.
"""
import hashlib
import json
import os
from pathlib import Path

import pytest

from builder.text.document import Document
from builder.read.sources import InputProblem, iter_articles, skipped_line

REPO = Path(__file__).resolve().parent.parent

ARTICLE = (
    "افتتاح خانه امن کودکان در شهر نمونه\n\n"
    "مدیر بهزیستی شهر نمونه امروز از راه‌اندازی یک خانه امن برای ۴۵ کودک کار خبر داد.\n"
)
OTHER = "گروه داوطلبان محله هر هفته برای کودکان بازمانده از تحصیل کلاس کتاب‌خوانی برگزار می‌کنند.\n"


def run(*paths, **kw):
    items = list(iter_articles([str(p) for p in paths], **kw))
    docs = [i for i in items if isinstance(i, Document)]
    problems = [i for i in items if isinstance(i, InputProblem)]
    assert len(docs) + len(problems) == len(items)
    return docs, problems


def only_problem(path, **kw):
    docs, problems = run(path, **kw)
    assert docs == [] and len(problems) == 1, (docs, problems)
    return problems[0]


# --- single pages -------------------------------------------------------------

def test_txt_document_fields(tmp_path):
    f = tmp_path / "page_one.txt"
    f.write_text(ARTICLE, encoding="utf-8")
    docs, problems = run(f)
    assert problems == []
    (doc,) = docs
    assert doc.source == str(f)
    assert doc.stem == "page_one"
    assert doc.raw == ARTICLE
    assert doc.given == {}
    assert doc.content_hash == hashlib.sha256(ARTICLE.encode("utf-8")).hexdigest()


def test_encodings(tmp_path):
    (tmp_path / "u16.txt").write_bytes(ARTICLE.encode("utf-16"))
    (tmp_path / "bom.txt").write_bytes(b"\xef\xbb\xbf" + ARTICLE.encode("utf-8"))
    legacy = ARTICLE.replace("ی", "ي").replace("ک", "ك").replace("۴۵", "45")
    (tmp_path / "legacy.txt").write_bytes(legacy.encode("cp1256"))
    docs, problems = run(tmp_path)
    assert problems == []
    by_stem = {d.stem: d for d in docs}
    assert by_stem["u16"].raw == ARTICLE
    assert by_stem["bom"].raw == ARTICLE and not by_stem["bom"].raw.startswith("\ufeff")
    assert by_stem["legacy"].raw == legacy  # Arabic ي/ك kept; normalisation comes later
    # same text, same hash, whatever the encoding
    assert by_stem["u16"].content_hash == by_stem["bom"].content_hash


@pytest.mark.parametrize(
    "name,data,reason",
    [
        ("empty.txt", b"", "empty file"),
        ("blank.txt", b"  \n\t\r\n  ", "only whitespace"),
        ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(64), "binary file (PNG image)"),
        ("doc.txt", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n", "binary file (PDF document)"),
        ("nul.txt", b"abc\x00\x00\x00def\x00\x01\x02" * 20, "binary file"),
        ("english.txt", b"Street children programme report, 2024.\n" * 5, "no Persian text"),
        ("latin1.txt", "Rapport: enfants des rues, été.".encode("latin-1"), "undecodable"),
        ("short.txt", "کودک کار".encode("utf-8"), "no Persian text (only 7 Arabic-script letters)"),
    ],
)
def test_bad_files_become_problems(tmp_path, name, data, reason):
    f = tmp_path / name
    f.write_bytes(data)
    problem = only_problem(f)
    assert problem.source == str(f) and problem.line is None
    assert reason in problem.reason
    assert str(problem) == f"{f}: {problem.reason}"


def test_size_limit(tmp_path):
    f = tmp_path / "big.txt"
    f.write_text(ARTICLE * 50, encoding="utf-8")
    problem = only_problem(f, max_bytes=1000)
    assert "larger than" in problem.reason
    assert run(f)[0]  # the default limit (8 MB) lets it through


def test_unreadable_file(tmp_path):
    f = tmp_path / "locked.txt"
    f.write_text(ARTICLE, encoding="utf-8")
    f.chmod(0)
    try:
        if os.access(f, os.R_OK):
            pytest.skip("running as a user who can read anything (root)")
        problem = only_problem(f)
        assert "cannot read" in problem.reason
    finally:
        f.chmod(0o644)


def test_permission_error_is_a_problem(tmp_path, monkeypatch):
    f = tmp_path / "page.txt"
    f.write_text(ARTICLE, encoding="utf-8")

    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("builder.read.sources.open", refuse, raising=False)
    problem = only_problem(f)
    assert problem.reason == "cannot read file: Permission denied"


def test_fifo_is_not_read(tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    problem = only_problem(tmp_path)  # would block forever if opened
    assert problem.source == str(fifo) and "not a regular file" in problem.reason


def test_missing_path_and_empty_glob(tmp_path):
    assert "no such file" in only_problem(tmp_path / "nope.txt").reason
    assert "no files match" in only_problem(tmp_path / "*.html").reason


def test_named_file_with_other_extension_is_text(tmp_path):
    f = tmp_path / "note.md"
    f.write_text(ARTICLE, encoding="utf-8")
    (doc,) = run(f)[0]
    assert doc.stem == "note" and doc.raw == ARTICLE


# --- folders, globs, links -----------------------------------------------------

def test_recursive_folder_sorted_and_filtered(tmp_path):
    (tmp_path / "b" / "deep").mkdir(parents=True)
    (tmp_path / "a").mkdir()
    (tmp_path / "z.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "a" / "2.txt").write_text(OTHER, encoding="utf-8")
    (tmp_path / "a" / "1.TXT").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "b" / "deep" / "x.htm").write_text(f"<p>{OTHER}</p>", encoding="utf-8")
    (tmp_path / "b" / "picture.png").write_bytes(b"\x89PNG\r\n\x1a\n")  # not a page: skipped, named
    (tmp_path / "b" / "notes.md").write_text(ARTICLE, encoding="utf-8")  # not a page: skipped, named
    (tmp_path / ".hidden.txt").write_text(ARTICLE, encoding="utf-8")  # skipped silently
    docs, problems = run(tmp_path)
    assert problems == []
    assert [Path(d.source).relative_to(tmp_path).as_posix() for d in docs] == [
        "a/1.TXT", "a/2.txt", "b/deep/x.htm", "z.txt"]
    assert [d.stem for d in docs] == ["1", "2", "x", "z"]


def test_glob(tmp_path):
    (tmp_path / "in").mkdir()
    for n in ("p1", "p2"):
        (tmp_path / "in" / f"{n}.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "in" / "p3.html").write_text(f"<p>{ARTICLE}</p>", encoding="utf-8")
    docs, problems = run(tmp_path / "in" / "p*.txt")
    assert problems == [] and [d.stem for d in docs] == ["p1", "p2"]
    docs, _ = run(tmp_path / "**" / "*.html")
    assert [d.stem for d in docs] == ["p3"]


def test_same_file_twice_is_read_once(tmp_path):
    f = tmp_path / "one.txt"
    f.write_text(ARTICLE, encoding="utf-8")
    docs, _ = run(f, tmp_path, tmp_path / "*.txt")
    assert len(docs) == 1


def test_symlink_outside_tree_not_followed(tmp_path):
    outside = tmp_path / "outside"
    tree = tmp_path / "tree"
    outside.mkdir()
    tree.mkdir()
    (outside / "secret.txt").write_text(OTHER, encoding="utf-8")
    (tree / "ok.txt").write_text(ARTICLE, encoding="utf-8")
    (tree / "link.txt").symlink_to(outside / "secret.txt")
    (tree / "linkdir").symlink_to(outside, target_is_directory=True)
    (tree / "inner.txt").symlink_to(tree / "ok.txt")  # inside the tree: same file, read once
    docs, problems = run(tree)
    assert [d.stem for d in docs] == ["inner"]  # ok.txt is the same file, reached first as inner.txt
    assert all(OTHER not in d.raw for d in docs)
    assert sorted(Path(p.source).name for p in problems) == ["link.txt", "linkdir"]
    assert all("outside the input tree" in p.reason for p in problems)
    # also when the link is named directly or matched by a glob
    assert "outside the input tree" in only_problem(tree / "link.txt").reason
    # ... and followed when the caller turns the check off
    docs, problems = run(tree, root_check=False)
    assert problems == [] and any(d.raw == OTHER for d in docs)


def test_broken_symlink(tmp_path):
    (tmp_path / "dangling.txt").symlink_to(tmp_path / "gone.txt")
    assert only_problem(tmp_path).reason == "broken symbolic link"


@pytest.mark.parametrize("links", [{"self.txt": "self.txt"}, {"a.txt": "b.txt", "b.txt": "a.txt"}])
def test_symlink_loop_is_called_a_loop(tmp_path, links):
    """It was reported as a "broken symbolic link", which sends one looking for a missing file."""
    for name, target in links.items():
        (tmp_path / name).symlink_to(target)
    docs, problems = run(tmp_path, tmp_path / next(iter(links)))  # walked, and named: reported once
    assert docs == [] and [(Path(p.source).name, p.reason) for p in problems] == [
        (name, "symbolic link loop") for name in sorted(links)]


def test_file_under_a_closed_folder_says_permission_denied(tmp_path, monkeypatch):
    """A folder this process may not enter made its files "no such file or folder"."""
    closed = tmp_path / "closed"
    (closed / "inner").mkdir(parents=True)
    (closed / "inner" / "page.txt").write_text(ARTICLE, encoding="utf-8")
    real_lstat, real_stat, real_access, real_realpath = os.lstat, os.stat, os.access, os.path.realpath

    def refuse(real, follow):  # what the kernel does below a folder without search permission (not to root)
        def call(path, *a, **kw):
            where = real_realpath(path) if follow and kw.get("follow_symlinks", True) else str(path)
            if where.startswith(str(closed) + os.sep):
                raise PermissionError(13, "Permission denied", str(path))
            return real(path, *a, **kw)
        return call

    monkeypatch.setattr(os, "lstat", refuse(real_lstat, follow=False))
    monkeypatch.setattr(os, "stat", refuse(real_stat, follow=True))
    monkeypatch.setattr(os, "access", lambda p, mode, **kw: str(p) != str(closed) and real_access(p, mode, **kw))
    problem = only_problem(closed / "inner" / "page.txt")
    assert problem.reason == f"cannot read folder {closed}: Permission denied"
    (tmp_path / "link.txt").symlink_to(closed / "inner" / "page.txt")  # a link into it: the folder on the way to its target
    assert only_problem(tmp_path / "link.txt").reason == f"cannot read folder {closed}: Permission denied"


def test_file_under_a_closed_folder_for_real(tmp_path):
    closed = tmp_path / "closed"
    closed.mkdir()
    (closed / "page.txt").write_text(ARTICLE, encoding="utf-8")
    closed.chmod(0o600)  # readable, not enterable
    try:
        if os.access(closed, os.X_OK):
            pytest.skip("running as a user who can enter any folder (root)")
        assert only_problem(closed / "page.txt").reason == f"cannot read folder {closed}: Permission denied"
    finally:
        closed.chmod(0o755)


def test_files_that_are_not_pages_are_named_on_one_line(tmp_path):
    """An image among the pages vanished without a word."""
    (tmp_path / "sub").mkdir()
    (tmp_path / "page.txt").write_text(ARTICLE, encoding="utf-8")
    for name in ("a.png", "sub/b.pdf", "sub/README", ".hidden.png"):
        (tmp_path / name).write_bytes(b"x")
    skipped = []
    docs = [d for d in iter_articles([str(tmp_path), str(tmp_path / "sub")], skipped=skipped)]
    assert [d.stem for d in docs] == ["page"]
    assert skipped_line(skipped) == (f"skipped 3 files that are not pages (.pdf, .png, no extension): "
                                     f"{tmp_path / 'a.png'}, {tmp_path / 'sub' / 'README'}, {tmp_path / 'sub' / 'b.pdf'}")
    many = [f"in/{i}.jpg" for i in range(25)]
    assert skipped_line(many).endswith("in/8.jpg, in/9.jpg, … and 15 more") and skipped_line(many[:1]) == (
        "skipped 1 file that is not a page (.jpg): in/0.jpg")


# --- HTML pages ---------------------------------------------------------------

def test_html_page(tmp_path):
    html = (
        '<html><head><title>خانه امن کودکان - سایت نمونه</title>'
        '<meta property="og:site_name" content="سایت نمونه">'
        '<meta property="article:published_time" content="2024-06-12T08:00:00Z">'
        '<link rel="canonical" href="https://example.org/news/7"></head><body>'
        '<nav>خانه | اخبار | تماس با ما | درباره ما</nav>'
        '<script>var t = "اسکریپت نباید بیاید";</script>'
        f'<article><h1>خانه امن کودکان</h1><p>{OTHER}</p></article>'
        '<form><p>قوانین ارسال دیدگاه را بخوانید</p></form>'
        '<footer>کلیه حقوق محفوظ است</footer></body></html>'
    )
    f = tmp_path / "news.html"
    f.write_text(html, encoding="utf-8")
    (doc,) = run(f)[0]
    assert doc.stem == "news"
    assert doc.raw == f"خانه امن کودکان\n\n{OTHER.strip()}"
    assert doc.given == {
        "title": "خانه امن کودکان",
        "published": "2024-06-12T08:00:00Z",
        "agency": "سایت نمونه",
        "url": "https://example.org/news/7",
    }
    assert doc.content_hash == hashlib.sha256(doc.raw.encode("utf-8")).hexdigest()


def test_html_cp1256(tmp_path):
    legacy = OTHER.replace("ی", "ي").replace("ک", "ك")
    f = tmp_path / "old.htm"
    f.write_bytes(f"<html><body><p>{legacy}</p></body></html>".encode("cp1256"))
    (doc,) = run(f)[0]
    assert doc.raw == legacy.strip()


def test_html_without_persian_is_a_problem(tmp_path):
    f = tmp_path / "menu.html"
    f.write_text("<html><body><nav>" + "کودکان " * 30 + "</nav><p>Hello</p></body></html>", encoding="utf-8")
    assert "no Persian text" in only_problem(f).reason


# --- JSON Lines -----------------------------------------------------------------

def test_jsonl_good_bad_and_missing_text(tmp_path):
    lines = [
        json.dumps({"id": "n-1", "text": ARTICLE, "url": "https://example.org/1", "agency": "ایرنا",
                    "published": "1403-03-23", "title": "خانه امن", "extra": 5}, ensure_ascii=False),
        '{"id": "n-2", "text": "ناتمام',  # broken
        "",  # blank: skipped, still counted
        json.dumps({"id": "n-3", "body": OTHER}, ensure_ascii=False),  # no text
        json.dumps({"text": OTHER}, ensure_ascii=False),  # no id
        json.dumps(["text", OTHER], ensure_ascii=False),  # not an object
        json.dumps({"id": "n-7", "text": "   "}),
        json.dumps({"id": "n/8", "text": f"<html><body><nav>منو</nav><p>{OTHER}</p></body></html>"},
                   ensure_ascii=False),
    ]
    f = tmp_path / "batch.jsonl"
    f.write_text("\n".join(lines) + "\n", encoding="utf-8")
    docs, problems = run(f)
    assert [d.stem for d in docs] == ["n-1", "batch_5", "n_8"]
    assert [d.source for d in docs] == [f"{f}:1", f"{f}:5", f"{f}:8"]
    first = docs[0]
    assert first.raw == ARTICLE
    assert first.given == {"id": "n-1", "url": "https://example.org/1", "agency": "ایرنا",
                           "published": "1403-03-23", "title": "خانه امن"}
    assert docs[2].raw == OTHER.strip()  # HTML text went through htmltext
    assert [(p.line, p.source) for p in problems] == [(2, str(f)), (4, str(f)), (6, str(f)), (7, str(f))]
    assert "malformed JSON" in problems[0].reason
    assert str(problems[0]).startswith(f"{f}:2: malformed JSON line")
    assert '"text"' in problems[1].reason
    assert "not an object" in problems[2].reason
    assert "empty" in problems[3].reason


def test_jsonl_crlf_bom_and_long_line(tmp_path):
    f = tmp_path / "win.jsonl"
    good = json.dumps({"text": ARTICLE}, ensure_ascii=False)
    f.write_bytes(b"\xef\xbb\xbf" + (good + "\r\n" + json.dumps({"text": "x" * 5000}) + "\r\n" + good).encode("utf-8"))
    docs, problems = run(f, max_bytes=len(good.encode("utf-8")) + 10)
    assert [d.stem for d in docs] == ["win_1", "win_3"]
    assert docs[0].raw == ARTICLE
    assert [(p.line, "longer than" in p.reason) for p in problems] == [(2, True)]


def test_jsonl_utf16(tmp_path):
    f = tmp_path / "wide.jsonl"
    f.write_bytes(("\n".join(json.dumps({"id": i, "text": ARTICLE}, ensure_ascii=False) for i in (7, 8))).encode("utf-16"))
    docs, problems = run(f)
    assert problems == [] and [d.stem for d in docs] == ["7", "8"]


def test_jsonl_empty_and_binary(tmp_path):
    (tmp_path / "empty.jsonl").write_bytes(b"")
    (tmp_path / "blank.jsonl").write_bytes(b"\n\n  \n")
    (tmp_path / "zip.jsonl").write_bytes(b"PK\x03\x04" + bytes(100))
    docs, problems = run(tmp_path)
    assert docs == []
    reasons = {Path(p.source).name: p.reason for p in problems}
    assert reasons == {"blank.jsonl": "file holds only whitespace", "empty.jsonl": "empty file",
                       "zip.jsonl": "binary file (ZIP archive or office document)"}


def test_jsonl_numbers_and_ids_too_long(tmp_path):
    """A 5000-digit number made json.loads raise (Python's int-conversion limit) and the line was lost;
    a 5000-character id then made `fakg facts` fail on the whole store (file name too long)."""
    f = tmp_path / "x.jsonl"
    f.write_text(json.dumps({"text": ARTICLE})[:-1] + ', "id": ' + "1" * 5000 + "}\n"
                 + json.dumps({"text": OTHER, "id": "ب" * 200}) + "\n", encoding="utf-8")
    docs, problems = run(f)
    assert problems == [] and [d.stem for d in docs] == ["x_1", "x_2"]


def test_jsonl_mojibake_repaired_or_refused(tmp_path):
    misread = ARTICLE.encode("utf-8").decode("cp1256")
    f = tmp_path / "x.jsonl"
    f.write_text(json.dumps({"text": misread}) + "\n" + json.dumps({"text": misread[:30] + "?" + misread[31:]}) + "\n",
                 encoding="utf-8")
    docs, problems = run(f)
    assert [d.raw for d in docs] == [ARTICLE]
    assert [(p.line, p.reason.split(" («")[0]) for p in problems] == [(2, "mis-decoded text: UTF-8 read as Windows-1256")]


# --- the example pages ------------------------------------------------------------

def test_example_articles():
    folder = REPO / "examples" / "articles"
    docs, problems = run(folder)
    assert problems == []
    assert len(docs) == 5
    assert [d.stem for d in docs] == sorted(p.stem for p in folder.glob("*.txt"))
    for d in docs:
        assert d.raw == (folder / f"{d.stem}.txt").read_text(encoding="utf-8")
        assert len(d.content_hash) == 64
    assert len({d.content_hash for d in docs}) == 5
