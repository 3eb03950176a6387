"""decode(): every encoding Persian pages come in, and clear refusals for the rest.

The Persian snippets are invented for these tests.
"""
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from builder.read.decode import DecodeError, binary_kind, count_arabic_letters, decode, repair_mojibake

PAGE = (
    "راه‌اندازی خانه امن کودکان در شهر نمونه\r\n\r\n"
    "مدیر بهزیستی شهر نمونه گفت: این خانه به ۴۵ کودک کار خدمات آموزشی می‌دهد.\r\n"
    "وی افزود: گروه داوطلبان محله هر هفته با کودکان کتاب می‌خوانند.\n"
)
# Legacy Windows-1256 sites write Arabic yeh/kaf; Persian ی is not in that code page.
ARABIC_LETTERS_PAGE = PAGE.replace("ی", "ي").replace("ک", "ك").replace("۴۵", "45")


def test_utf8_plain_and_line_endings_kept():
    assert decode(PAGE.encode("utf-8")) == PAGE


def test_utf8_bom_removed():
    assert decode(b"\xef\xbb\xbf" + PAGE.encode("utf-8")) == PAGE


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be", "utf-32"])
def test_utf16_and_utf32_with_bom(codec):
    data = PAGE.encode(codec)
    if codec in ("utf-16-le", "utf-16-be"):
        data = "\ufeff".encode(codec) + data
    assert decode(data) == PAGE


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom(codec):
    assert decode(PAGE.encode(codec)) == PAGE


def test_utf16_without_bom_and_without_spaces():
    # no ASCII at all, so no NUL bytes: recognised by the 0x06 high bytes
    word = "کودکان" * 10
    assert decode(word.encode("utf-16-le")) == word


def test_utf16_ascii_without_bom():
    assert decode("hello world\n".encode("utf-16-le")) == "hello world\n"


def test_cp1256_keeps_arabic_yeh_and_kaf():
    text = decode(ARABIC_LETTERS_PAGE.encode("cp1256"))
    assert text == ARABIC_LETTERS_PAGE
    assert "ك" in text and "ي" in text and "ی" not in text
    assert "\r\n" in text
    assert "\u200c" in text  # ZWNJ survives (0x9D in Windows-1256)


def test_truncated_utf8_page_is_kept():
    data = PAGE.encode("utf-8")[:-3]  # cut inside a two-byte letter
    text = decode(data)
    assert text.startswith(PAGE[:20])
    assert text.endswith("\ufffd")


@pytest.mark.parametrize(
    "data,kind",
    [
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * 40, "PNG"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF"),
        (b"PK\x03\x04\x14\x00\x06\x00", "ZIP"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", "JPEG"),
        (b"\x1f\x8b\x08\x00", "gzip"),
    ],
)
def test_binary_signatures(data, kind):
    with pytest.raises(DecodeError) as err:
        decode(data)
    assert err.value.kind == "binary"
    assert kind in err.value.reason
    assert binary_kind(data)


def test_nul_and_control_bytes_are_binary():
    blob = bytes(range(256)) * 20
    with pytest.raises(DecodeError) as err:
        decode(blob)
    assert err.value.kind == "binary"
    with pytest.raises(DecodeError):
        decode(b"\x01\x02\x03\x04abc\x05\x06\x07" * 50)


def test_latin1_text_is_not_taken_for_persian():
    with pytest.raises(DecodeError) as err:
        decode("Le café était fermé, déjà très tôt.".encode("latin-1"))
    assert err.value.kind == "undecodable"
    assert "undecodable" in err.value.reason


def test_invalid_bytes_after_bom():
    with pytest.raises(DecodeError):
        decode(b"\xfe\xff\xd8\x00")  # lone high surrogate in UTF-16 BE


def test_empty():
    assert decode(b"") == ""
    assert decode(b"\xef\xbb\xbf") == ""


def test_count_arabic_letters():
    assert count_arabic_letters("کودک کار 123") == 7
    assert count_arabic_letters("كودك") == 4
    assert count_arabic_letters("hello") == 0
    assert count_arabic_letters(PAGE, limit=5) == 5


PERSIAN = st.text(alphabet="ابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهی‌ ۰۱۲۳۴۵۶۷۸۹،.\n\r:«»0123456789abc", min_size=1)


@given(PERSIAN)
@settings(max_examples=200, deadline=None)
def test_roundtrip_persian_text(s):
    assert decode(s.encode("utf-8")) == s
    assert decode(s.encode("utf-16")) == s
    assert decode(b"\xef\xbb\xbf" + s.encode("utf-8")) == s


@given(st.binary(max_size=300))
@settings(max_examples=300, deadline=None)
def test_arbitrary_bytes_give_text_or_decode_error(data):
    try:
        assert isinstance(decode(data), str)
    except DecodeError as e:
        assert e.reason


# --- pages mis-decoded upstream (mojibake) ----------------------------------------------

def test_mojibake_examples_are_what_the_issue_shows():
    """«بهزیستی» as UTF-8 read as Windows-1252 and as Windows-1256."""
    assert "بهزیستی".encode("utf-8").decode("cp1252") == "Ø¨Ù‡Ø²ÛŒØ³ØªÛŒ"
    assert "بهزیستی".encode("utf-8").decode("cp1256") == "ط¨ظ‡ط²غŒط³طھغŒ"


@pytest.mark.parametrize("codec", ["cp1256", "cp1252", "latin-1"])
@pytest.mark.parametrize("save_as", ["utf-8", "utf-16"])
def test_mojibake_is_repaired_exactly(codec, save_as):
    """It was stored as an article without a fact (or refused as binary, for Latin-1's C1 controls)."""
    misread = PAGE.encode("utf-8").decode(codec, errors="strict" if codec != "cp1252" else "surrogateescape")
    if codec == "cp1252":  # a browser reads cp1252's five holes as C1 controls, not as errors
        misread = "".join(chr(ord(c) - 0xDC00) if "\udc80" <= c <= "\udcff" else c for c in misread)
    assert misread != PAGE and decode(misread.encode(save_as)) == PAGE


def test_mojibake_that_does_not_turn_back_is_refused():
    misread = PAGE.encode("utf-8").decode("cp1256")
    cut = misread[:40] + "?" + misread[41:]  # a byte lost upstream
    with pytest.raises(DecodeError) as e:
        decode(cut.encode("utf-8"))
    assert e.value.reason.startswith("mis-decoded text: UTF-8 read as Windows-1256 («")
    assert e.value.reason.endswith("…»), and it does not turn back into UTF-8 exactly")
    with pytest.raises(DecodeError, match="Windows-1252"):
        decode(PAGE.encode("utf-8").decode("cp1252", errors="replace").encode("utf-8"))  # U+FFFD for the holes


@pytest.mark.parametrize("text", [
    PAGE, ARABIC_LETTERS_PAGE, PAGE * 20,
    "گزارش Øسط: " + PAGE,  # a stray Latin letter
    ("کودکان «ع‌» و «غ‌»؛ " * 10) + PAGE,  # «ع» and «غ» before ZWNJ and «»: lead-like pairs in cp1256, but few
])
def test_persian_read_correctly_is_left_alone(text):
    assert repair_mojibake(text) == text
    assert decode(text.encode("utf-8")) == text
