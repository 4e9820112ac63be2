"""``--scheduler``: a real Dask scheduler and two worker processes on localhost."""

from __future__ import annotations

import gzip
import json
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import DATA, ROOT, run_newsx

pytest.importorskip("distributed")

DASK = str(Path(sys.executable).with_name("dask"))


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def cluster(tmp_path_factory):
    """``dask scheduler`` plus two ``dask worker`` processes; yields the address."""
    port = free_port()
    address = f"tcp://127.0.0.1:{port}"
    logs = tmp_path_factory.mktemp("dask")
    env = {**os.environ, "NEWSX_BUILTIN_ONLY": "1", "DASK_DISTRIBUTED__WORKER__DAEMON": "False"}
    common = {"cwd": ROOT, "env": env, "stdin": subprocess.DEVNULL,
              "stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL}
    procs = [subprocess.Popen(
        [DASK, "scheduler", "--host", "127.0.0.1", "--port", str(port), "--no-dashboard"],
        **common)]
    for i in range(2):
        procs.append(subprocess.Popen(
            [DASK, "worker", address, "--nworkers", "1", "--nthreads", "1", "--no-dashboard",
             "--name", f"w{i}", "--local-directory", str(logs / f"w{i}")], **common))
    try:
        _wait_for_workers(address, 2)
        yield address
    finally:
        for proc in procs:
            proc.terminate()
        for proc in procs:
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                proc.kill()


def _wait_for_workers(address: str, n: int) -> None:
    from distributed import Client

    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with Client(address, timeout="5s") as client:
                client.wait_for_workers(n, timeout=30)
                return
        except (OSError, TimeoutError):
            time.sleep(0.5)
    raise RuntimeError("the Dask cluster did not come up")


def read_parts(folder: Path) -> list[dict]:
    records = []
    for part in sorted(folder.glob("part-*.jsonl.gz")):
        records.extend(json.loads(line) for line in gzip.decompress(part.read_bytes()).splitlines())
    return records


def test_cluster_records_equal_a_local_run(cluster, tmp_path):
    inputs = tmp_path / "in"
    inputs.mkdir()
    for path in sorted((DATA / "textdumps-scrapinghub").glob("*.compact.txt"))[:70]:
        (inputs / path.name).write_bytes(path.read_bytes())
    for path in sorted((DATA / "html-scrapinghub" / "html").glob("*.html.gz"))[:10]:
        (inputs / path.name).write_bytes(path.read_bytes())
    (inputs / "empty.txt").write_bytes(b"")
    out = tmp_path / "parts"
    errors = tmp_path / "errors.jsonl"
    remote = run_newsx("extract", "--scheduler", cluster, str(inputs), "-o", str(out),
                       "--errors", str(errors), timeout=300)
    local = run_newsx("extract", str(inputs), "-j", "1")
    assert remote.status == local.status == 1  # the empty file, in both runs
    assert len(list(out.glob("part-*.jsonl.gz"))) == 2  # 81 inputs, 64 a partition
    assert read_parts(out) == local.records
    assert [json.loads(line)["source"] for line in errors.read_text().splitlines()] == \
        [str(inputs / "empty.txt")]
    assert "newsx: done: 80 records, 1 failed" in remote.stderr


def test_cluster_needs_an_output_directory(cluster, tmp_path):
    result = run_newsx("extract", "--scheduler", cluster, str(DATA / "textdumps-scrapinghub"))
    assert result.status == 2 and "-o DIR" in result.stderr


def test_unreachable_scheduler_is_a_clear_error(tmp_path):
    result = run_newsx("extract", "--scheduler", f"tcp://127.0.0.1:{free_port()}",
                       str(ROOT / "samples"), "-o", str(tmp_path / "out"), timeout=120)
    assert result.status == 2
    assert "Traceback" not in result.stderr
    assert "cannot use the Dask scheduler" in result.stderr
