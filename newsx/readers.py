"""One input reference to the documents it holds.

A plain or compressed file (``.gz``, ``.bz2``, ``.xz``, ``.zst``) holds one
document.  A tar archive, a WARC file and a JSON Lines file hold many; each
is read as a stream, one member/record/line at a time, and named
``CONTAINER#MEMBER`` (tar member name, WARC record id, JSONL line number).

:func:`read_items` yields, in order, a :class:`RawInput` per document, an
:class:`~newsx.errors.InputError` per unusable one (corrupt data stops only
the container it is in), and a :class:`Skipped` per WARC record that is not
an HTML page with status 200.  Nothing is parsed here beyond framing.
"""

from __future__ import annotations

import bz2
import io
import lzma
import os
import sys
import tarfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from typing import IO

import orjson

from newsx.errors import InputError, os_reason, short_reason
from newsx.inputs import InputRef, container_kind, is_dump_name, is_input_name

#: Refuse documents larger than this (bytes, after decompression) unless told otherwise.
DEFAULT_MAX_BYTES = 512 * 1024 * 1024

#: Bytes read at a time: a small page takes one read, a huge one never a cap-sized buffer.
READ_CHUNK = 1 << 20
#: Compressed pages of at most this many bytes are read whole and decompressed in one go.
WHOLE_GZIP_BYTES = 64 << 20

#: Compression by leading bytes.
COMPRESSIONS: tuple[tuple[bytes, str], ...] = (
    (b"\x1f\x8b", "gzip"),
    (b"BZh", "bzip2"),
    (b"\xfd7zXZ\x00", "xz"),
    (b"\x28\xb5\x2f\xfd", "zstd"),
)

_MAGIC = {name: magic for magic, name in COMPRESSIONS}


@dataclass(slots=True)
class RawInput:
    """One document's bytes, how it is named, and what its container said of it.

    ``charset`` and ``format`` are hints (HTTP header, JSONL field name);
    :meth:`take` hands the bytes over once, so they can be freed as soon as
    they are decoded.
    """

    source: str
    data: bytes
    url: str | None = None
    charset: str | None = None
    format: str | None = None

    def take(self) -> bytes:
        data, self.data = self.data, b""
        return data


@dataclass(frozen=True, slots=True)
class Skipped:
    """A container record that is not an article page (counted, not reported)."""

    source: str
    reason: str


@dataclass(frozen=True)
class ReadSettings:
    """How to read inputs: the size cap and the JSON Lines field names."""

    max_bytes: int = DEFAULT_MAX_BYTES
    html_field: str = "html"
    text_field: str = "text"
    url_field: str = "url"
    id_field: str | None = None


Item = RawInput | InputError | Skipped


def read_items(ref: InputRef, settings: ReadSettings = ReadSettings()) -> Iterator[Item]:
    """Every document in ``ref``, in order; failures become values, never raise."""
    try:
        with _open(ref) as raw:
            if _one_gzip_page(ref, raw):
                compressed = read_limited(raw, ref.source, WHOLE_GZIP_BYTES)
                yield RawInput(ref.source,
                               gunzip_limited(compressed, ref.source, settings.max_bytes))
                return
            stream, compression = _decompressing(raw)
            kind = container_kind(ref.source) or _sniff_container(ref.source, stream, compression)
            reader = _READERS.get(kind, _read_single)
            yield from reader(ref.source, stream, settings, compression)
    except InputError as err:
        yield err
    except OSError as err:
        yield InputError(ref.source, os_reason(err))


def _one_gzip_page(ref: InputRef, raw: IO[bytes]) -> bool:
    """Is ``ref`` a file named as one page (``x.html.gz``) that is gzip data of a modest size?"""
    if ref.path is None or not is_dump_name(ref.source) or not hasattr(raw, "peek"):
        return False
    if not raw.peek(2).startswith(_MAGIC["gzip"]):
        return False
    try:
        return os.fstat(raw.fileno()).st_size <= WHOLE_GZIP_BYTES
    except (OSError, ValueError):
        return False


def _open(ref: InputRef):
    """The input's byte stream, as a context manager (standard input is left open)."""
    if ref.path is None and "://" in ref.source:
        return _open_url(ref.source)
    if ref.path is None and sys.stdin is None:
        raise InputError(ref.source, "there is no standard input to read")
    if ref.path is None:
        # A file object of its own: a worker forked while this one blocks in read()
        # must not inherit sys.stdin's lock held (the child closes sys.stdin).
        return open(os.dup(sys.stdin.fileno()), "rb")
    if ref.path.is_dir():
        raise InputError(ref.source, "is a directory")
    return open(ref.path, "rb")


def _open_url(url: str):
    """An fsspec URL (``s3://``, ``https://``...); its filesystem package must be installed."""
    try:
        import fsspec
    except ImportError:
        raise InputError(url, "reading URLs needs fsspec: pip install 'newsx[dask]'") from None
    try:
        return fsspec.open(url, "rb").open()
    except (ImportError, ValueError) as err:
        raise InputError(url, f"cannot open this URL ({short_reason(err)})") from None


def _decompressing(raw: IO[bytes]) -> tuple[IO[bytes], str | None]:
    """Wrap ``raw`` in the decompressor its first bytes call for."""
    buffered = raw if hasattr(raw, "peek") else io.BufferedReader(raw)
    head = buffered.peek(8)[:8]
    for magic, name in COMPRESSIONS:
        if head.startswith(magic):
            return _DECOMPRESSORS[name](buffered), name
    return buffered, None


def _zstd(raw: IO[bytes]) -> IO[bytes]:
    import zstandard

    return io.BufferedReader(zstandard.ZstdDecompressor().stream_reader(raw))


_DECOMPRESSORS = {
    "gzip": lambda raw: io.BufferedReader(_gzip_file(raw)),
    "bzip2": lambda raw: bz2.BZ2File(raw),
    "xz": lambda raw: lzma.LZMAFile(raw),  # noqa: SIM115 - closed with the input
    "zstd": _zstd,
}


def _gzip_file(raw: IO[bytes]):
    import gzip

    return gzip.GzipFile(fileobj=raw, mode="rb")


def _sniff_container(source: str, stream: IO[bytes], compression: str | None) -> str | None:
    """Containers given without a telling name (standard input): WARC or tar."""
    try:
        head = stream.peek(512)[:512] if hasattr(stream, "peek") else b""
    except Exception as err:  # the decompressor fails on the first block
        raise _data_error(source, compression, err) from None
    if head.startswith(b"WARC/"):
        return "warc"
    if len(head) >= 262 and head[257:262] == b"ustar":
        return "tar"
    return None


def read_limited(stream: IO[bytes], source: str, max_bytes: int,
                 compression: str | None = None) -> bytes:
    """Read a whole document, refusing more than ``max_bytes`` (gzip bombs too).

    Read in chunks: one ``read(max_bytes + 1)`` would allocate the whole cap
    (512 MiB) for every small page, which costs more than reading it.
    """
    chunks: list[bytes] = []
    total = 0
    try:
        while chunk := stream.read(min(READ_CHUNK, max_bytes + 1 - total)):
            chunks.append(chunk)
            total += len(chunk)
            if total > max_bytes:
                break
    except OSError as err:
        if err.errno is not None:
            raise InputError(source, os_reason(err)) from None
        raise _data_error(source, compression, err) from None
    except (EOFError, zlib.error, lzma.LZMAError, ValueError) as err:
        raise _data_error(source, compression, err) from None
    except Exception as err:  # zstandard raises its own ZstdError
        raise _data_error(source, compression, err) from None
    if total > max_bytes:
        raise _too_large(source, max_bytes, compression)
    return chunks[0] if len(chunks) == 1 else b"".join(chunks)


def gunzip_limited(data: bytes, source: str, max_bytes: int) -> bytes:
    """A whole gzip file (all its members) in memory, decompressed in C calls.

    Several times faster than streaming through :class:`gzip.GzipFile`, for
    the common case of one compressed page; ``max_bytes`` still stops a bomb.
    """
    out: list[bytes] = []
    total = 0
    try:
        while data:
            inflate = zlib.decompressobj(wbits=31)
            out.append(inflate.decompress(data, max_bytes + 1 - total))
            total += len(out[-1])
            if total > max_bytes:
                raise _too_large(source, max_bytes, "gzip")
            if not inflate.eof:
                raise EOFError("compressed file ended before the end-of-stream marker")
            data = inflate.unused_data.lstrip(b"\x00")  # (members may be zero-padded)
    except (EOFError, zlib.error) as err:
        raise _data_error(source, "gzip", err) from None
    return out[0] if len(out) == 1 else b"".join(out)


def _too_large(source: str, max_bytes: int, compression: str | None) -> InputError:
    grew = "decompresses to more" if compression else "larger"
    return InputError(source, f"{grew} than the {_size(max_bytes)} limit (see --max-bytes)")


def _data_error(source: str, compression: str | None, err: BaseException) -> InputError:
    what = f"{compression} data" if compression else "data"
    if isinstance(err, EOFError) or "end-of-stream" in str(err) or "truncated" in str(err):
        return InputError(source, f"truncated {what} (the file ends mid-stream)")
    return InputError(source, f"corrupt {what} ({_short(err)})")


def _read_single(source: str, stream: IO[bytes], settings: ReadSettings,
                 compression: str | None) -> Iterator[Item]:
    yield RawInput(source, read_limited(stream, source, settings.max_bytes, compression))


def _read_tar(source: str, stream: IO[bytes], settings: ReadSettings,
              compression: str | None) -> Iterator[Item]:
    """Members of a tar archive, streamed; a truncated archive ends with an error."""
    last = "its start"
    found = False
    try:
        with tarfile.open(fileobj=stream, mode="r|") as archive:
            for member in archive:
                if not member.isfile() or not is_input_name(member.name):
                    continue
                found = True
                name = f"{source}#{member.name}"
                last = f"member {member.name}"
                if member.size > settings.max_bytes:
                    yield InputError(name, f"larger than {_size(settings.max_bytes)}")
                    continue
                handle = archive.extractfile(member)
                if handle is None:
                    continue
                yield from _member_document(name, handle.read(), settings)
    except (tarfile.TarError, EOFError, OSError, zlib.error, lzma.LZMAError) as err:
        reason = "truncated" if "unexpected end" in str(err) or isinstance(err, EOFError) \
            else "corrupt"
        yield InputError(source, f"{reason} tar archive after {last} ({_short(err)})")
        return
    if not found:
        yield InputError(source, "tar archive holds no .txt/.html/.htm files")


def _member_document(name: str, data: bytes, settings: ReadSettings) -> Iterator[Item]:
    """A tar member may itself be compressed (``page.html.gz``)."""
    for magic, compression in COMPRESSIONS:
        if data.startswith(magic):
            try:
                data = _decompress_member(data, name, settings.max_bytes, compression)
            except InputError as err:
                yield err
                return
            break
    yield RawInput(name, data)


def _decompress_member(data: bytes, name: str, max_bytes: int, compression: str) -> bytes:
    if compression == "gzip":
        return gunzip_limited(data, name, max_bytes)
    stream = _DECOMPRESSORS[compression](io.BufferedReader(io.BytesIO(data)))
    return read_limited(stream, name, max_bytes, compression)


def _read_jsonl(source: str, stream: IO[bytes], settings: ReadSettings,
                compression: str | None) -> Iterator[Item]:
    """One page per line: ``{"url": ..., "html": ...}`` or ``{"text": ...}``."""
    lineno = 0
    try:
        for lineno, line in enumerate(stream, 1):
            if line.strip():
                yield _jsonl_document(f"{source}#{lineno}", line, settings)
    except (EOFError, OSError, zlib.error, lzma.LZMAError) as err:
        yield _data_error(f"{source}#{lineno + 1}", compression, err)


def _jsonl_document(name: str, line: bytes, settings: ReadSettings) -> Item:
    try:
        obj = orjson.loads(line)
    except orjson.JSONDecodeError as err:
        return InputError(name, f"line is not JSON ({_short(err)})")
    if not isinstance(obj, dict):
        return InputError(name, "line is not a JSON object")
    if settings.id_field and isinstance(obj.get(settings.id_field), (str, int)):
        name = f"{name.rsplit('#', 1)[0]}#{obj[settings.id_field]}"
    url = obj.get(settings.url_field)
    url = url if isinstance(url, str) else None
    for key, fmt in ((settings.html_field, "html"), (settings.text_field, "text")):
        value = obj.get(key)
        if isinstance(value, str):
            return RawInput(name, value.encode("utf-8", "surrogatepass"), url, "utf-8", fmt)
    fields = f"{settings.html_field!r} or {settings.text_field!r}"
    return InputError(name, f"no string field {fields} (see --html-field/--text-field)")


def _read_warc(source: str, stream: IO[bytes], settings: ReadSettings,
               compression: str | None) -> Iterator[Item]:
    from newsx.warc import read_warc

    yield from read_warc(source, stream, settings.max_bytes)


_READERS = {"tar": _read_tar, "jsonl": _read_jsonl, "warc": _read_warc}


def _short(err: BaseException) -> str:
    return short_reason(err)


def _size(n: int) -> str:
    return f"{n / (1024 * 1024):.0f} MiB" if n >= 1024 * 1024 else f"{n} bytes"


