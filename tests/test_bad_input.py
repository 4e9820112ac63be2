"""Bad input: one clear stderr line naming the input, the rest still go through.

Exit status: 0 when every input gave a record, 1 when some input failed.
"""

from __future__ import annotations

import gzip
import os
import subprocess
import sys

import pytest
from conftest import ROOT, SAMPLES, run_newsx

from newsx.decode import decode_text, detect_encoding
from newsx.errors import InputError
from newsx.inputs import InputRef
from newsx.readers import ReadSettings, read_items

SAMPLE = SAMPLES / "000_acf8eca9862cbc58.txt"
ARABIC = "قال الرئيس الروسي فلاديمير بوتين يوم الخميس إن حركة طالبان حليف لبلاده في مكافحة الإرهاب."
FRENCH = "Le président a déclaré jeudi que « la coopération » était “essentielle” pour l’été."


def assert_one_error_line(stderr: str, source: str, *words: str) -> None:
    lines = [line for line in stderr.splitlines()
             if line.strip() and not line.startswith("newsx: done: ")]
    assert "Traceback" not in stderr
    assert len(lines) == 1, stderr
    assert lines[0].startswith(f"newsx: {source}: "), lines[0]
    for word in words:
        assert word in lines[0].lower(), lines[0]


def run_with_good(bad: str) -> tuple:
    """Run the bad input between two good ones; both good ones must still come out."""
    result = run_newsx("extract", str(SAMPLE), bad, str(SAMPLE))
    assert [r["source"] for r in result.records] == [str(SAMPLE), str(SAMPLE)]
    return result


def test_missing_path():
    result = run_with_good("no/such/file.txt")
    assert result.status == 1
    assert_one_error_line(result.stderr, "no/such/file.txt", "no such file")


def test_directory_with_nothing_to_read(tmp_path):
    (tmp_path / "notes.json").write_text("{}")
    result = run_with_good(str(tmp_path))
    assert result.status == 1
    assert_one_error_line(result.stderr, str(tmp_path), "directory holds no")


@pytest.mark.parametrize("content", [b"", b"   \n\n\t  \n"])
def test_empty_file(tmp_path, content):
    path = tmp_path / "empty.txt"
    path.write_bytes(content)
    result = run_with_good(str(path))
    assert result.status == 1
    assert_one_error_line(result.stderr, str(path), "empty")


@pytest.mark.parametrize(
    ("name", "data", "word"),
    [
        ("photo.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "png"),
        ("paper.html", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\n", "pdf"),
        ("blob.txt", bytes(range(256)) * 16, "binary"),
        ("pic.txt", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + b"\x00\x01" * 500, "jpeg"),
    ],
)
def test_binary_file(tmp_path, name, data, word):
    path = tmp_path / name
    path.write_bytes(data)
    result = run_with_good(str(path))
    assert result.status == 1
    assert_one_error_line(result.stderr, str(path), "binary", word)


def _article(paragraph: str) -> str:
    tails = ("1999", "2004", "2011", "2020")
    return "\n".join(["Home | World | Sport", "A headline about the news of the day",
                      *(f"{paragraph} {tail}." for tail in tails), "Related News"])


@pytest.mark.parametrize(
    ("encoding", "text"),
    [("utf-16", FRENCH), ("utf-16", ARABIC), ("cp1252", FRENCH), ("cp1256", ARABIC)],
)
def test_other_encodings_are_decoded(tmp_path, encoding, text):
    path = tmp_path / f"{encoding}.txt"
    path.write_bytes(_article(text).encode(encoding))  # utf-16 writes a BOM
    result = run_newsx("extract", str(path))
    assert result.status == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert len(result.records) == 1
    assert text in result.stdout.decode("utf-8")
    data = path.read_bytes()
    assert text in decode_text(data, detect_encoding(data, str(path)))


def test_invalid_utf8_is_replaced_with_a_warning(tmp_path):
    data = _article(FRENCH).encode("utf-8").replace("été".encode(), b"\xe9t\xe9")
    path = tmp_path / "broken.txt"
    path.write_bytes(data)
    result = run_newsx("extract", str(path))
    assert result.status == 0
    assert_one_error_line(result.stderr, str(path), "warning", "utf-8")
    assert "\ufffd" in result.stdout.decode("utf-8")


def test_huge_single_line(tmp_path):
    sentence = "The minister said the talks would continue next week in the capital. "
    path = tmp_path / "huge.txt"
    with open(path, "w") as handle:
        for _ in range(50 * 1024 * 1024 // len(sentence)):
            handle.write(sentence)
    assert path.stat().st_size > 49 * 1024 * 1024
    result = run_newsx("extract", str(path), "--fields", "source,body.words", timeout=300)
    assert result.status == 0, result.stderr
    assert result.records[0]["body"]["words"] > 7_000_000


def test_gzip_bomb_stopped_at_the_size_limit(tmp_path):
    path = tmp_path / "bomb.html.gz"
    path.write_bytes(gzip.compress(b"<p>" + b"a" * 5_000_000))
    (error,) = read_items(InputRef(str(path), path), ReadSettings(max_bytes=100_000))
    assert isinstance(error, InputError) and "decompresses to more" in error.reason


@pytest.mark.parametrize("padding", [b"", b"\x00" * 8], ids=["joined", "zero-padded"])
def test_multi_member_gzip_read_whole(tmp_path, padding):
    path = tmp_path / "page.html.gz"
    path.write_bytes(gzip.compress(b"<p>first half, ") + padding + gzip.compress(b"second</p>"))
    (raw,) = read_items(InputRef(str(path), path))
    assert raw.data == b"<p>first half, second</p>"


def test_gzip_page_in_a_tar(tmp_path):
    import io
    import tarfile

    page = gzip.compress(b"<html><body><p>Inside.</p></body></html>")
    path = tmp_path / "pages.tar"
    with tarfile.open(path, "w") as archive:
        info = tarfile.TarInfo("a/page.html.gz")
        info.size = len(page)
        archive.addfile(info, io.BytesIO(page))
    (raw,) = read_items(InputRef(str(path), path))
    assert raw.source.endswith("#a/page.html.gz") and raw.data.startswith(b"<html>")


def test_input_over_the_size_limit(tmp_path):
    path = tmp_path / "big.txt"
    path.write_bytes(b"word " * 4000)
    result = run_with_good_args(str(path), "--max-bytes", "10000")
    assert result.status == 1
    assert_one_error_line(result.stderr, str(path), "larger than")


def run_with_good_args(bad: str, *options: str):
    result = run_newsx("extract", *options, str(SAMPLE), bad)
    assert [r["source"] for r in result.records] == [str(SAMPLE)]
    return result


@pytest.mark.parametrize(
    ("data", "word"),
    [(gzip.compress(b"hello world " * 100, mtime=0)[:-20], "truncated"),
     (b"\x1f\x8b\x08\x00" + b"\x00" * 6 + b"garbage!" * 10, "corrupt")],
    ids=["truncated", "corrupt"],
)
def test_corrupt_gzip(tmp_path, data, word):
    path = tmp_path / "page.html.gz"
    path.write_bytes(data)
    result = run_with_good(str(path))
    assert result.status == 1
    assert_one_error_line(result.stderr, str(path), word)


def test_file_removed_while_running(tmp_path):
    (tmp_path / "a.txt").write_bytes(SAMPLE.read_bytes())
    (tmp_path / "b.txt").write_bytes(SAMPLE.read_bytes())
    ref = InputRef(str(tmp_path / "b.txt"), tmp_path / "b.txt")
    os.remove(tmp_path / "b.txt")
    (error,) = read_items(ref)
    assert isinstance(error, InputError) and "removed" in error.reason
    # Through the real command: a walk of the directory, b.txt removed after a.txt is read.
    script = (
        "import os, sys, newsx.cli as cli\n"
        "real = cli.read_items\n"
        "def read_items(ref, settings):\n"
        "    yield from real(ref, settings)\n"
        "    if ref.source.endswith('a.txt'): os.remove(ref.source[:-5] + 'b.txt')\n"
        "cli.read_items = read_items\n"
        "sys.argv = ['newsx', 'extract', sys.argv[1]]\n"
        "cli.main()\n"
    )
    (tmp_path / "b.txt").write_bytes(SAMPLE.read_bytes())
    proc = subprocess.run([sys.executable, "-c", script, str(tmp_path)], capture_output=True,
                          text=True, cwd=ROOT)
    assert proc.returncode == 1
    assert proc.stdout.count("\n") == 1
    assert_one_error_line(proc.stderr, str(tmp_path / "b.txt"), "no such file")


def test_unreadable_file(tmp_path, monkeypatch):
    path = tmp_path / "secret.txt"
    path.write_bytes(SAMPLE.read_bytes())
    if os.geteuid() != 0:
        path.chmod(0)
        result = run_with_good(str(path))
        assert result.status == 1
        assert_one_error_line(result.stderr, str(path), "permission denied")
        return
    real_open = open

    def deny(file, mode="r", *args, **kwargs):
        if str(file) == str(path):
            raise PermissionError(13, "Permission denied", str(file))
        return real_open(file, mode, *args, **kwargs)

    monkeypatch.setattr("builtins.open", deny)
    (error,) = read_items(InputRef(str(path), path))
    assert isinstance(error, InputError) and error.reason == "permission denied"


def test_closed_stdout_exits_quietly(tmp_path):
    for i in range(30):
        (tmp_path / f"{i:02}.txt").write_bytes(SAMPLE.read_bytes())
    cmd = f"{sys.executable} -m newsx extract {tmp_path} | head -1; echo status=${{PIPESTATUS[0]}}"
    proc = subprocess.run(["bash", "-c", cmd], capture_output=True, text=True, cwd=ROOT)
    assert proc.stderr == ""
    lines = proc.stdout.splitlines()
    assert lines[-1] == "status=0"
    assert len(lines) == 2


def test_api_refuses_empty_input():
    import newsx

    with pytest.raises(newsx.InputError, match="empty"):
        newsx.extract(b"")
