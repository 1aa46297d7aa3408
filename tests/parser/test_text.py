"""Decoding: encodings, line ends, full-width folding, and what is refused."""

from __future__ import annotations

import codecs
import hashlib

import pytest

from budgetkg.errors import InputError
from budgetkg.parser.text import decode, fold

SAMPLE = "部门整体预算绩效目标表\n基本支出 2,571.09 财政拨款 0\n目标1：满意度≥95%。\n"
LINES = ("部门整体预算绩效目标表", "基本支出 2,571.09 财政拨款 0", "目标1：满意度≥95%。")


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (SAMPLE.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + SAMPLE.encode("utf-8"), "utf-8-sig"),
        (SAMPLE.encode("utf-16"), "utf-16"),
        (codecs.BOM_UTF16_BE + SAMPLE.encode("utf-16-be"), "utf-16"),
        (SAMPLE.encode("utf-16-le"), "utf-16-le"),
        (SAMPLE.encode("utf-16-be"), "utf-16-be"),
        (SAMPLE.encode("gb18030"), "gb18030"),
        (SAMPLE.encode("gbk"), "gb18030"),
    ],
    ids=["utf8", "utf8-bom", "utf16-bom", "utf16be-bom", "utf16le", "utf16be", "gb18030", "gbk"],
)
def test_every_encoding_gives_the_same_lines(data, encoding):
    text = decode(data, "f.txt")
    assert text.lines == LINES
    assert text.encoding == encoding
    assert text.sha256 == hashlib.sha256(data).hexdigest()


@pytest.mark.parametrize("newline", ["\r\n", "\r", "\n"])
def test_line_ends_keep_line_numbers(newline):
    data = newline.join(["a", "", "b", "c"]).encode()
    text = decode(data, "f.txt")
    assert text.lines == ("a", "", "b", "c")
    assert text.line(3) == "b"


def test_binary_line_counts_cr_line_ends_like_decoding():
    with pytest.raises(InputError) as caught:
        decode(b"a\rb\r\nc\x00", "f.txt")
    assert caught.value.line == 3


def test_form_feed_does_not_start_a_line():
    assert decode(b"a\n\fb\nc", "f.txt").lines == ("a", "b", "c")


@pytest.mark.parametrize(
    ("printed", "folded"),
    [
        ("２，５７１．０９", "2,571.09"),
        ("≥９５％", "≥95%"),
        ("＞９０％", ">90%"),
        ("＜＝３", "<=3"),
        ("１＋２＋Ｎ", "1+2+N"),
        ("９：００－１８：００", "9:00-18:00"),
        ("１～３天", "1~3天"),
        ("ＡＩ智能", "AI智能"),
        ("目标1：持续优化，全面提升。", "目标1：持续优化，全面提升。"),  # prose punctuation is the filing's wording
        ("广州（本级）", "广州（本级）"),
        ("项目\u3000", "项目 "),
    ],
)
def test_full_width_folding(printed, folded):
    assert fold(printed) == folded


def test_a_comma_between_words_is_not_a_thousands_separator():
    assert fold("服务，３个") == "服务，3个"


@pytest.mark.parametrize(
    ("data", "line", "words"),
    [
        (b"", 1, "empty"),
        (b"  \n\n \t\n", 1, "empty"),
        ("第一行\n第二行\x00\x01".encode(), 2, "binary"),
        (b"a\nb\nc\x07d\n", 3, "control"),
        (b"ok\nok\n\x80\xff\xfe\x80\n", 3, "undecodable"),
        (codecs.BOM_UTF8 + b"\xff\xfe\xfd", 1, "byte-order mark"),
    ],
    ids=["empty", "blank", "nul", "control", "undecodable", "bad-bom"],
)
def test_bad_bytes_are_refused_naming_file_and_line(data, line, words):
    with pytest.raises(InputError) as caught:
        decode(data, "bad.txt")
    assert caught.value.path == "bad.txt"
    assert caught.value.line == line
    assert words in caught.value.message
    assert str(caught.value).startswith(f"bad.txt:{line}: ")


def test_damaged_utf8_is_an_error_at_its_line_not_gb18030_nonsense():
    lines = ["部门整体预算绩效目标表"] * 5 + ["坏"] + ["正常的一行"] * 5
    data = bytearray("\n".join(lines).encode())
    at = data.index("坏".encode())
    data[at + 2 : at + 3] = b""  # cut the character short
    with pytest.raises(InputError) as caught:
        decode(bytes(data), "damaged.txt")
    assert caught.value.line == 6
    assert "UTF-8" in caught.value.message
