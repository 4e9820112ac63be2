"""Bytes to text, and what the text is (HTML or a text dump).

Order of evidence for the encoding: a byte-order mark; for HTML, a
``<meta charset>`` / ``http-equiv`` declaration in the first bytes; strict
UTF-8; otherwise charset-normalizer's best guess.  Binary data (images,
PDFs, archives) is refused with a reason rather than decoded into noise.
"""

from __future__ import annotations

import codecs
import io
import re
from dataclasses import dataclass, field

from newsx.errors import InputError
from newsx.record import Format

#: Leading bytes of binary formats users pass by mistake, with a name for the message.
MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "a PDF document"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"RIFF", "a RIFF (WebP/AVI/WAV) file"),
    (b"PK\x03\x04", "a ZIP archive (or an office document)"),
    (b"\x1f\x8b", "gzip data that is not a readable gzip file"),
    (b"BZh", "bzip2 data"),
    (b"\xfd7zXZ\x00", "xz data"),
    (b"\x28\xb5\x2f\xfd", "zstd data"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"\x7fELF", "an executable (ELF)"),
    (b"MZ", "an executable (Windows)"),
    (b"\x00\x00\x01\x00", "an icon image"),
    (b"OggS", "an Ogg media file"),
    (b"ID3", "an MP3 audio file"),
    (b"\x1a\x45\xdf\xa3", "a Matroska/WebM video"),
    (b"SQLite format 3\x00", "an SQLite database"),
)
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_META_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE
)
_HTML_SIGNS = re.compile(
    r"<(?:!doctype\s+html|html[\s>]|head[\s>]|body[\s>]|meta\s|title>|div[\s>]|p>|"
    r"script[\s>]|article[\s>]|frameset[\s>]|\?xml\s)",
    re.IGNORECASE,
)
#: Bytes sniffed for HTML tags and binary signs; enough for any real page's head.
SNIFF_BYTES = 4096
#: Codecs in which a byte 0x0A is not always a line feed: decode whole, then split.
_NOT_ASCII_SAFE = re.compile(r"utf[-_]?(16|32)|utf[-_]?7|cp037|cp500|cp1026|hz|iso2022", re.I)
_CHUNK = 1 << 20
#: Inputs at least this large are decoded line by line (see :func:`decode_lines`).
LINEWISE_BYTES = 4 << 20
#: Legacy encodings by how many web pages use them (charset-normalizer's names).
_WEB_USE = ("cp1252", "cp1251", "shift_jis", "gb2312", "gb18030", "euc_kr", "cp1256", "euc_jp",
            "big5", "cp1250", "iso8859_2", "cp1254", "cp1253", "cp1255", "cp874", "cp1257")
#: Bytes looked at to guess a legacy encoding (charset-normalizer is slow on more).
GUESS_BYTES = 200_000
#: A well-formed multi-byte UTF-8 sequence; text in a legacy codec rarely has many.
_UTF8_MULTIBYTE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)
#: Control bytes (other than tab/newline/CR/FF/ESC) per sniffed byte above which data is binary.
BINARY_CONTROL_SHARE = 0.10
#: The control bytes counted by that share (text uses tab, newline, form feed, CR and ESC).
_CONTROL_BYTES = bytes(c for c in range(32) if c not in (9, 10, 12, 13, 27))


@dataclass(frozen=True, slots=True)
class Encoding:
    """How to decode an input: codec, bytes of BOM to skip, and a note if guessed."""

    name: str
    skip: int = 0
    warning: str | None = None
    text: str | None = field(default=None, repr=False, compare=False)  # already decoded


def detect_encoding(data: bytes, source: str, *, declared: str | None = None) -> Encoding:
    """Choose the codec for ``data``; raise :class:`InputError` for empty or binary input."""
    if not data or data.isspace():  # (``strip()`` would copy the whole input)
        raise InputError(source, "empty input" if not data else "input holds only whitespace")
    for bom, name in _BOMS:
        if data.startswith(bom):
            return Encoding(name, len(bom))
    _refuse_binary(data, source)
    name = declared or _declared_charset(data)
    text, error = _try_utf8(data)
    if name and _known(name) and codecs.lookup(name).name != "utf-8":
        if error is None and not data.isascii():
            # Valid UTF-8 that is not ASCII holds multi-byte sequences, which are all but
            # impossible by chance in a legacy encoding: the label lies.
            return Encoding("utf-8", 0, f"declared {name}, but the bytes are UTF-8", text)
        return Encoding(codecs.lookup(name).name)
    return Encoding("utf-8", 0, None, text) if error is None else _guess(data, error)


def decode_text(data: bytes, encoding: Encoding) -> str:
    """The whole input as one string (the one the check for UTF-8 made, when it made one)."""
    if encoding.text is not None:
        return encoding.text
    return str(memoryview(data)[encoding.skip:], encoding.name, "replace")


def decode_head(data: bytes, encoding: Encoding) -> str:
    """The start of the input, enough to sniff what it is."""
    if encoding.text is not None:
        return encoding.text[:SNIFF_BYTES]
    return str(memoryview(data)[encoding.skip:SNIFF_BYTES], encoding.name, "replace")


def _try_utf8(data: bytes) -> tuple[str | None, UnicodeDecodeError | None]:
    """Strict UTF-8: the text of a normal-sized input, or just the verdict for a huge one."""
    if len(data) >= LINEWISE_BYTES:
        return None, _first_utf8_error(data)
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError as err:
        return None, err


def decode_lines(data: bytes, encoding: Encoding) -> list[str]:
    """The input's physical lines, without ever holding the whole text as one string.

    One string a line keeps memory near the input's size: a single emoji no
    longer widens every character of a 50 MB text to four bytes.
    """
    if len(data) < LINEWISE_BYTES or _NOT_ASCII_SAFE.match(encoding.name):
        return decode_text(data, encoding).splitlines()
    name, lines = encoding.name, []
    for raw in io.BytesIO(data):
        lines.extend(raw.decode(name, "replace").splitlines() or ("",))
    if encoding.skip and lines:
        lines[0] = lines[0].lstrip("\ufeff")
    return lines


def _first_utf8_error(data: bytes) -> UnicodeDecodeError | None:
    """Validate UTF-8 chunk by chunk, so no second copy of a large input is built."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    for start in range(0, len(data), _CHUNK):
        try:
            decoder.decode(data[start:start + _CHUNK], final=start + _CHUNK >= len(data))
        except UnicodeDecodeError as err:
            return UnicodeDecodeError("utf-8", data, start + err.start, start + err.end, err.reason)
    return None


def _known(encoding: str) -> bool:
    try:
        codecs.lookup(encoding)
    except LookupError:
        return False
    return True


def _declared_charset(data: bytes) -> str | None:
    match = _META_CHARSET.search(data, 0, SNIFF_BYTES)
    return match.group(1).decode("ascii") if match else None


def _refuse_binary(data: bytes, source: str) -> None:
    head = data[:SNIFF_BYTES]
    for magic, name in MAGIC:
        if head.startswith(magic):
            raise InputError(source, f"binary input ({name}), not HTML or text")
    if b"\x00" in head:
        raise InputError(source, "binary input (NUL bytes), not HTML or text")
    control = len(head) - len(head.translate(None, _CONTROL_BYTES))
    if control > len(head) * BINARY_CONTROL_SHARE:
        raise InputError(source, "binary input (control bytes), not HTML or text")


def _guess(data: bytes, err: UnicodeDecodeError) -> Encoding:
    """Not UTF-8: mostly UTF-8 with a few bad bytes, or a legacy single-byte encoding."""
    sample = data[:GUESS_BYTES]
    bad = sample.decode("utf-8", "replace").count("\ufffd") - sample.count("\ufffd".encode())
    damaged = f"invalid UTF-8 (first bad byte at {err.start}), replaced"
    if len(_UTF8_MULTIBYTE.findall(sample)) >= bad:
        return Encoding("utf-8", 0, damaged)
    from charset_normalizer import from_bytes

    best = _most_likely(from_bytes(sample))
    if best is None:
        return Encoding("utf-8", 0, damaged)
    name = codecs.lookup(best).name
    return Encoding(name, 0, f"not UTF-8, read as {name}")


def _most_likely(matches) -> str | None:
    """charset-normalizer's best guess; among equally good ones, the most used on the web.

    Short texts often decode equally well as cp1250, cp1252 and cp1257; the
    tie goes to the encoding that far more pages use.
    """
    best = matches.best()
    if best is None or not best.encoding:
        return None
    tied = [m.encoding for m in matches
            if m.chaos == best.chaos and abs(m.coherence - best.coherence) < 0.01]
    ranked = sorted(tied, key=lambda e: _WEB_USE.index(e) if e in _WEB_USE else len(_WEB_USE))
    return ranked[0] if ranked else best.encoding


def sniff_format(text: str) -> Format:
    """``html`` when the start of ``text`` has HTML tags, else ``text``."""
    head = text[:SNIFF_BYTES].lstrip("\ufeff \t\r\n")
    if head.startswith("<") and _HTML_SIGNS.search(head):
        return "html"
    return "html" if len(_HTML_SIGNS.findall(head)) >= 3 else "text"
