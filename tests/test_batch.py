"""Batch conversion: archives, compression, JSON Lines, workers, resume, errors."""

from __future__ import annotations

import bz2
import gzip
import io
import json
import lzma
import os
import signal
import subprocess
import sys
import tarfile
import textwrap
import time

import pytest
import zstandard
from conftest import DATA, ROOT, SAMPLES, install_plugin, run_newsx

SAMPLE = SAMPLES / "000_acf8eca9862cbc58.txt"
HTML_DIR = DATA / "html-scrapinghub" / "html"
DUMPS = DATA / "textdumps-scrapinghub"


def error_lines(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines()
            if line.startswith("newsx: ") and not line.startswith("newsx: done: ")]


@pytest.fixture(scope="module")
def pages() -> list[tuple[str, bytes]]:
    """A few real pages: (name, bytes), HTML and text dumps."""
    html = [(p.name[:12] + ".html", gzip.decompress(p.read_bytes()))
            for p in sorted(HTML_DIR.glob("*.html.gz"))[:4]]
    text = [(p.name[:12] + ".txt", p.read_bytes()) for p in sorted(DUMPS.glob("*.compact.txt"))[:4]]
    return html + text


@pytest.fixture
def tree(tmp_path, pages):
    folder = tmp_path / "pages"
    folder.mkdir()
    for name, data in pages:
        (folder / name).write_bytes(data)
    return folder


def plain_records(tree) -> dict[str, dict]:
    result = run_newsx("extract", str(tree), "-j", "1")
    assert result.status == 0, result.stderr
    return {os.path.basename(r["source"]): r for r in result.records}


def strip_source(record: dict) -> dict:
    return {k: v for k, v in record.items() if k != "source"}


@pytest.mark.parametrize(("suffix", "compress"), [
    (".gz", gzip.compress), (".bz2", bz2.compress), (".xz", lzma.compress),
    (".zst", zstandard.ZstdCompressor().compress),
])
def test_compressed_files_read_like_plain_ones(tmp_path, suffix, compress):
    path = tmp_path / f"page.txt{suffix}"
    path.write_bytes(compress(SAMPLE.read_bytes()))
    packed = run_newsx("extract", str(path))
    plain = run_newsx("extract", str(SAMPLE))
    assert packed.status == 0, packed.stderr
    assert strip_source(packed.records[0]) == strip_source(plain.records[0])


@pytest.mark.parametrize("mode", ["w", "w:gz"])
def test_tar_members_are_inputs(tmp_path, tree, mode):
    archive = tmp_path / ("pages.tar" if mode == "w" else "pages.tgz")
    with tarfile.open(archive, mode) as tar:
        for path in sorted(tree.iterdir()):
            tar.add(path, arcname=f"dump/{path.name}")
    result = run_newsx("extract", str(archive), "-j", "2")
    assert result.status == 0, result.stderr
    expected = plain_records(tree)
    got = {r["source"].split("#", 1)[1].split("/")[-1]: r for r in result.records}
    assert all(r["source"].startswith(f"{archive}#dump/") for r in result.records)
    assert {k: strip_source(v) for k, v in got.items()} == \
        {k: strip_source(v) for k, v in expected.items()}


def test_truncated_tar_keeps_what_came_before(tmp_path, tree):
    archive = tmp_path / "pages.tar"
    with tarfile.open(archive, "w") as tar:
        for path in sorted(tree.iterdir()):
            tar.add(path, arcname=path.name)
    data = archive.read_bytes()
    archive.write_bytes(data[: len(data) * 2 // 3])
    result = run_newsx("extract", str(archive), str(SAMPLE))
    assert result.status == 1
    (line,) = error_lines(result.stderr)
    assert line.startswith(f"newsx: {archive}: truncated tar archive")
    assert len(result.records) >= 3  # the members before the cut, and the sample after
    assert result.records[-1]["source"] == str(SAMPLE)


def _warc(path, pages, *, gz=True, lying=False):
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as out:
        writer = WARCWriter(out, gzip=gz)

        def response(url, status, ctype, body):
            headers = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(
                url, "response", payload=io.BytesIO(body), http_headers=headers))

        writer.write_record(writer.create_warc_record(
            "https://news.example/", "request", payload=io.BytesIO(b"GET / HTTP/1.1\r\n\r\n")))
        for i, (name, data) in enumerate(pages):
            if name.endswith(".html"):
                response(f"https://news.example/{i}", "200 OK", "text/html; charset=utf-8", data)
        response("https://news.example/gone", "404 Not Found", "text/html", b"<p>gone</p>")
        response("https://news.example/logo.png", "200 OK", "image/png", b"\x89PNG\r\n")
        if lying:
            page = ("<html><head><title>Café à Paris</title></head><body><h1>Les élèves du café"
                    "</h1>" + "<p>Le café est très bon à Paris, disent les élèves. Ça coûte 2 €."
                    "</p>" * 6 + "</body></html>")
            response("https://news.example/lying", "200 OK", "text/html; charset=iso-8859-1",
                     page.encode("utf-8"))


@pytest.mark.parametrize("gz", [True, False], ids=["warc.gz", "warc"])
def test_warc_responses_are_inputs(tmp_path, pages, gz):
    path = tmp_path / ("crawl.warc.gz" if gz else "crawl.warc")
    _warc(path, pages, gz=gz, lying=True)
    result = run_newsx("extract", str(path), "-j", "2")
    assert result.status == 0, result.stderr
    records = result.records
    assert [r["url"] for r in records] == [f"https://news.example/{i}" for i in range(4)] + \
        ["https://news.example/lying"]
    assert all(r["source"].startswith(f"{path}#urn:uuid:") for r in records)
    assert "2 skipped" in result.stderr  # the 404 and the PNG
    lying = records[-1]
    assert lying["header"]["title"] == "Les élèves du café"  # UTF-8, despite the header
    assert any("declared iso-8859-1" in line for line in error_lines(result.stderr))


def test_corrupt_warc_mid_stream(tmp_path, pages):
    path = tmp_path / "crawl.warc.gz"
    _warc(path, pages)
    data = path.read_bytes()
    path.write_bytes(data[: int(len(data) * 0.6)] + b"\x00garbage" * 50)
    result = run_newsx("extract", str(path), str(SAMPLE))
    assert result.status == 1
    (line,) = error_lines(result.stderr)
    assert line.startswith(f"newsx: {path}: corrupt WARC data after")
    assert result.records[-1]["source"] == str(SAMPLE)
    assert len(result.records) >= 2


def test_json_lines_pages(tmp_path, pages):
    path = tmp_path / "scraped.jsonl"
    html = pages[0][1]
    lines = [
        json.dumps({"link": "https://news.example/a", "page": html.decode("utf-8")}),
        "this is not json",
        json.dumps({"body": SAMPLE.read_text(encoding="utf-8")}),
        json.dumps(["not", "an", "object"]),
        json.dumps({"other": 1}),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = run_newsx("extract", str(path), "--html-field", "page", "--text-field", "body",
                       "--url-field", "link")
    assert result.status == 1
    assert [r["source"] for r in result.records] == [f"{path}#1", f"{path}#3"]
    assert result.records[0]["url"] == "https://news.example/a"
    assert result.records[0]["format"] == "html"
    assert result.records[1]["format"] == "text"
    errors = error_lines(result.stderr)
    assert [e.split(": ")[1] for e in errors] == [f"{path}#2", f"{path}#4", f"{path}#5"]
    assert "not JSON" in errors[0]


def test_json_lines_id_field(tmp_path):
    path = tmp_path / "pages.jsonl.gz"
    text = SAMPLE.read_text(encoding="utf-8")
    path.write_bytes(gzip.compress((json.dumps({"id": "a1", "text": text}) + "\n").encode()))
    result = run_newsx("extract", str(path), "--id-field", "id")
    assert [r["source"] for r in result.records] == [f"{path}#a1"]


def test_files_from_stdin_and_globs(tree):
    names = sorted(str(p) for p in tree.iterdir())
    listed = run_newsx("extract", "--files-from", "-", "--fields", "source",
                       stdin=("\n".join(names) + "\n").encode())
    assert [r["source"] for r in listed.records] == names
    globbed = run_newsx("extract", str(tree / "*.txt"), "--fields", "source")
    assert [r["source"] for r in globbed.records] == [n for n in names if n.endswith(".txt")]
    nothing = run_newsx("extract", str(tree / "*.nope"))
    assert nothing.status == 1 and "no file matches" in nothing.stderr


def test_workers_keep_input_order(tree):
    one = run_newsx("extract", str(tree), "-j", "1")
    two = run_newsx("extract", str(tree), "-j", "2")
    assert one.status == two.status == 0
    assert two.records == one.records
    loose = run_newsx("extract", str(tree), "-j", "2", "--unordered")
    key = lambda r: r["source"]  # noqa: E731
    assert sorted(loose.records, key=key) == sorted(one.records, key=key)


def test_errors_file(tmp_path, tree):
    (tree / "empty.txt").write_bytes(b"")
    errors = tmp_path / "failed.jsonl"
    result = run_newsx("extract", str(tree), "missing.html", "--errors", str(errors))
    assert result.status == 1
    failed = [json.loads(line) for line in errors.read_text().splitlines()]
    assert sorted(f["source"] for f in failed) == sorted([str(tree / "empty.txt"), "missing.html"])
    assert all(f["reason"] for f in failed)


def test_summary_line(tree):
    result = run_newsx("extract", str(tree), "-j", "2")
    assert "newsx: done: 8 records, 0 failed, 0 skipped in " in result.stderr
    quiet = run_newsx("extract", str(tree), "-j", "2", "-q")
    assert quiet.stderr == ""


def test_resume_skips_done_inputs_and_mends_a_torn_line(tmp_path, tree):
    out = tmp_path / "out.jsonl"
    names = sorted(str(p) for p in tree.iterdir())
    first = run_newsx("extract", *names[:3], "-o", str(out))
    assert first.status == 0
    with open(out, "ab") as handle:  # a run killed mid-write leaves half a line
        handle.write(b'{"source": "' + names[3].encode() + b'", "hea')
    again = run_newsx("extract", str(tree), "-o", str(out), "--resume")
    assert again.status == 0, again.stderr
    sources = [json.loads(line)["source"] for line in out.read_text().splitlines()]
    assert sorted(sources) == names  # every input once, none twice, no torn line
    usage = run_newsx("extract", str(tree), "--resume")
    assert usage.status == 2


def test_interrupted_run_leaves_whole_lines_and_resumes(tmp_path):
    folder = tmp_path / "many"
    folder.mkdir()
    # enough inputs that the interrupt lands mid-run however fast newsx gets
    names = [f"{copy}-{path.name}" for copy in range(5)
             for path in sorted(DUMPS.glob("*.wrapped.txt"))[:60]]
    for name in names:
        (folder / name).write_bytes((DUMPS / name.split("-", 1)[1]).read_bytes())
    out = tmp_path / "out.jsonl"
    args = [sys.executable, "-m", "newsx", "extract", str(folder), "-j", "2", "-o", str(out)]
    proc = subprocess.Popen(args, cwd=ROOT, stderr=subprocess.PIPE,
                            env={**os.environ, "NEWSX_BUILTIN_ONLY": "1"})
    deadline = time.monotonic() + 60
    while (not out.exists() or out.stat().st_size < 20_000) and time.monotonic() < deadline:
        time.sleep(0.05)
    proc.send_signal(signal.SIGINT)
    stderr = proc.communicate(timeout=60)[1].decode()
    assert proc.returncode != 0
    assert "Traceback" not in stderr
    lines = out.read_bytes().split(b"\n")
    assert lines[-1] == b""  # ends with a newline: no torn record
    done = [json.loads(line)["source"] for line in lines[:-1]]
    assert 0 < len(done) < len(names)
    again = run_newsx("extract", str(folder), "-j", "2", "-o", str(out), "--resume")
    assert again.status == 0, again.stderr
    sources = [json.loads(line)["source"] for line in out.read_text().splitlines()]
    assert sorted(sources) == sorted(str(folder / name) for name in names)


KILLER = textwrap.dedent(
    '''
    import os, signal
    from newsx.extractors.base import Extractor

    def kill(doc, ctx):
        if "KILL-THE-WORKER" in doc.text:
            os.kill(os.getpid(), signal.SIGKILL)
        return None

    EXTRACTOR = Extractor(name="killer", block="header", formats=frozenset({"text"}),
                          extract=kill, priority=1)
    '''
)


def test_a_killed_worker_fails_only_its_input(tmp_path, tree):
    env = install_plugin(tmp_path, "killer", KILLER)
    (tree / "poison.txt").write_text("KILL-THE-WORKER\nThis dump kills the process reading it.\n")
    result = run_newsx("extract", str(tree), "-j", "2", "--fields", "source", env=env)
    assert result.status == 1
    (line,) = error_lines(result.stderr)
    assert line.startswith(f"newsx: {tree / 'poison.txt'}: a worker process died")
    expected = sorted(str(p) for p in tree.iterdir() if p.name != "poison.txt")
    assert [r["source"] for r in result.records] == expected


def test_corrupt_gzip_mid_stream_keeps_earlier_lines(tmp_path):
    dumps = sorted(DUMPS.glob("*.compact.txt"))[:40]
    lines = [json.dumps({"text": path.read_text(encoding="utf-8")}) for path in dumps]
    data = gzip.compress(("\n".join(lines) + "\n").encode(), mtime=0)
    path = tmp_path / "pages.jsonl.gz"
    path.write_bytes(data[: len(data) // 2])
    result = run_newsx("extract", str(path), str(SAMPLE), "--fields", "source")
    assert result.status == 1
    (line,) = error_lines(result.stderr)
    assert line.startswith(f"newsx: {path}#") and "truncated gzip data" in line
    sources = [r["source"] for r in result.records]
    assert sources[0] == f"{path}#1" and sources[-1] == str(SAMPLE) and len(sources) > 2


def test_progress_bar_on_a_terminal(tmp_path, tree):
    """stderr on a pseudo-terminal: a live bar, then the summary line."""
    import pty

    leader, follower = pty.openpty()
    out = tmp_path / "out.jsonl"
    proc = subprocess.Popen(
        [sys.executable, "-m", "newsx", "extract", str(tree), "-j", "2", "-o", str(out)],
        cwd=ROOT, stderr=follower, stdin=subprocess.DEVNULL,
        env={**os.environ, "NEWSX_BUILTIN_ONLY": "1", "COLUMNS": "120", "TERM": "xterm"})
    os.close(follower)
    chunks = []
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:
            break
        if not chunk:
            break
        chunks.append(chunk)
    assert proc.wait(timeout=120) == 0
    screen = b"".join(chunks).decode("utf-8", "replace")
    assert "records/s" in screen and "failed" in screen
    assert "newsx: done: 8 records, 0 failed, 0 skipped" in screen
    assert len(out.read_text().splitlines()) == 8
