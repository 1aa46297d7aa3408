"""Raw bytes of a filing → numbered text lines, decoded and folded, or an ``InputError``.

Decoding, in order: a byte-order mark (UTF-8, UTF-16 LE/BE) decides; then NUL bytes mean
binary — unless they sit at every other byte of what is plainly BOM-less UTF-16; then strict
UTF-8; then strict GB18030 (a superset of GBK and GB2312, the usual encoding of mainland
government text files) — unless the bytes are UTF-8 but for a few damaged sequences, which
GB18030 would happily turn into nonsense: that is an error at the first damaged line.
Nothing is decoded with ``errors="replace"``: a filing we cannot read exactly is an error,
never silently mangled text.

Line ends: CRLF and lone CR become LF, one line for one line, so line numbers match what an
editor shows for the original file.  Form feeds (page breaks of PDF extractors) are dropped
without starting a line, for the same reason.

Full-width folding — chosen so that a filing typed with full-width digits and comparators gives
the SAME records as its half-width twin, while Chinese prose keeps its own punctuation:

* always folded to ASCII: full-width digits ０-９, Latin letters Ａ-Ｚ ａ-ｚ, and the characters
  that only occur in numbers and comparisons: ％ ＞ ＜ ＝ ＋;
* folded only between two digits (where they are part of a number, a time or a range):
  ． → ``.``, ， → ``,``, ： → ``:``, － → ``-``, ～ → ``~``, ／ → ``/``;
* ideographic space U+3000 and no-break space U+00A0 → plain space.

Everything else is kept as printed: ：，。（）；《》 separate Chinese clauses and names, and
folding them would rewrite the filing's wording (names must keep it).  ``≥``/``≤`` have no
full-width form.  Unicode NFKC is deliberately not used: it would fold ：（） as well.
"""

from __future__ import annotations

import codecs
import hashlib
import re
from dataclasses import dataclass

from budgetkg.errors import InputError

# full-width forms that are only ever parts of numbers, comparisons or Latin words
_ALWAYS = {chr(c): chr(c - 0xFEE0) for c in range(0xFF10, 0xFF1A)}
_ALWAYS.update({chr(c): chr(c - 0xFEE0) for c in range(0xFF21, 0xFF3B)})
_ALWAYS.update({chr(c): chr(c - 0xFEE0) for c in range(0xFF41, 0xFF5B)})
_ALWAYS.update({"％": "%", "＞": ">", "＜": "<", "＝": "=", "＋": "+", "\u3000": " ", "\u00a0": " "})
_ALWAYS_TABLE = str.maketrans(_ALWAYS)

# full-width separators that are part of a number only when digits sit on both sides
_BETWEEN_DIGITS = {"．": ".", "，": ",", "：": ":", "－": "-", "～": "~", "／": "/"}
_BETWEEN_DIGITS_RE = re.compile(r"(?<=\d)[．，：－～／](?=\d)")

# control characters that never occur in text (tab, LF, CR and form feed are handled apart)
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


@dataclass(frozen=True)
class Text:
    """A decoded filing: ``lines[0]`` is line 1 of the file; no line carries its line end."""

    path: str
    lines: tuple[str, ...]
    encoding: str
    sha256: str

    def line(self, number: int) -> str:
        """The text of 1-based line ``number``."""
        return self.lines[number - 1]


def fold(line: str) -> str:
    """Full-width number/comparator characters → ASCII, as documented in the module docstring."""
    line = line.translate(_ALWAYS_TABLE)
    return _BETWEEN_DIGITS_RE.sub(lambda m: _BETWEEN_DIGITS[m.group(0)], line)


def _line_of(data: bytes, offset: int) -> int:
    """The 1-based line of a byte offset, counting CRLF, CR and LF line ends as decoding does."""
    return data[:offset].replace(b"\r\n", b"\n").replace(b"\r", b"\n").count(b"\n") + 1


def _looks_like_utf16(data: bytes) -> str | None:
    """``utf-16-le``/``utf-16-be`` for BOM-less UTF-16 of mostly CJK/ASCII text, else None."""
    if len(data) < 4 or len(data) % 2:
        return None
    even_nuls = data[0::2].count(0)
    odd_nuls = data[1::2].count(0)
    half = len(data) // 2
    # the ASCII characters (digits, line ends) of UTF-16 text put a NUL in their high byte;
    # a CJK character has a NUL low byte only rarely (U+4E00, U+5F00 …)
    if odd_nuls > half * 0.1 and odd_nuls > 4 * even_nuls:
        return "utf-16-le"
    if even_nuls > half * 0.1 and even_nuls > 4 * odd_nuls:
        return "utf-16-be"
    return None


def _mostly_utf8(data: bytes) -> bool:
    """Valid UTF-8 multi-byte characters outnumber the invalid sequences ten to one."""
    text = data.decode("utf-8", errors="replace")
    invalid = text.count("\ufffd")
    valid = sum(1 for ch in text if ord(ch) > 0x7F) - invalid
    return valid > 10 * invalid


def _decode_bytes(data: bytes, path: str) -> tuple[str, str]:
    """(decoded text, encoding name) or InputError naming the first offending line."""
    boms = (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    )
    for bom, encoding in boms:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError as error:
                raise InputError(path, 1, f"starts with a {encoding} byte-order mark but is not {encoding}") from error
    if b"\x00" in data:
        utf16 = _looks_like_utf16(data)
        if utf16 is not None:
            try:
                return data.decode(utf16), utf16
            except UnicodeDecodeError:
                pass
        at = data.index(b"\x00")
        raise InputError(path, _line_of(data, at), "binary data (NUL byte), not a text filing")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as utf8_error:
        line = _line_of(data, utf8_error.start)
        if _mostly_utf8(data):
            # GB18030 would decode it, as nonsense: a damaged UTF-8 file is an error, not another encoding
            raise InputError(path, line, "invalid UTF-8 byte sequence in an otherwise UTF-8 file") from None
        try:
            return data.decode("gb18030"), "gb18030"
        except UnicodeDecodeError:
            raise InputError(path, line, "undecodable bytes: neither UTF-8, UTF-16 nor GB18030") from None


def decode(data: bytes, path: str) -> Text:
    """Decode, split and fold a filing's raw bytes; ``sha256`` is of ``data`` as given."""
    if not data.strip():
        raise InputError(path, 1, "empty file")
    decoded, encoding = _decode_bytes(data, path)
    decoded = decoded.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "")
    control = _CONTROL_RE.search(decoded)
    if control:
        line = decoded.count("\n", 0, control.start()) + 1
        raise InputError(path, line, "control characters: binary data, not a text filing")
    # folding never crosses a line end (digits on both sides), so the whole text folds at once
    lines = fold(decoded).split("\n")
    if lines[-1] == "":
        lines.pop()
    if not any(line.strip() for line in lines):
        raise InputError(path, 1, "empty file (only blank lines)")
    return Text(path=path, lines=tuple(lines), encoding=encoding, sha256=hashlib.sha256(data).hexdigest())
