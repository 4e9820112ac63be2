"""The real ``newsx`` command: options, formats, streams and exit statuses."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys

import pytest
from conftest import ROOT, SAMPLES, run_newsx

SAMPLE = SAMPLES / "000_acf8eca9862cbc58.txt"
TITLE = (
    "Putin: The Taliban is our ally in the fight against terrorism, and we look seriously at "
    "Trump’s intention to stop the Ukraine war"
)


def test_version():
    result = run_newsx("--version")
    assert result.status == 0
    assert result.stdout.decode().startswith("newsx ")


@pytest.mark.parametrize("command", [[], ["extract"], ["extractors"], ["schema"]])
def test_every_help_has_an_example(command):
    result = run_newsx(*command, "--help", env={"COLUMNS": "120"})
    assert result.status == 0
    assert "Example" in result.stdout.decode()


def test_console_script_is_installed():
    exe = shutil.which("newsx", path=str(ROOT / ".venv" / "bin")) or shutil.which("newsx")
    assert exe, "the newsx console script is not installed"
    proc = subprocess.run([exe, "--version"], capture_output=True, text=True)
    assert proc.returncode == 0 and "newsx" in proc.stdout


def test_jsonl_in_a_pipe_by_default(valid):
    result = run_newsx("extract", str(SAMPLE))
    assert result.status == 0, result.stderr
    (record,) = result.records
    valid(record)
    assert record["source"] == str(SAMPLE)
    assert record["format"] == "text"
    assert record["header"]["title"] == TITLE


def test_stdin_dash_and_no_argument(valid):
    data = SAMPLE.read_bytes()
    for args in (["extract", "-"], ["extract"]):
        result = run_newsx(*args, stdin=data)
        assert result.status == 0, result.stderr
        (record,) = result.records
        assert valid(record)["source"] == "-"
        assert record["header"]["title"] == TITLE


def test_jq_pipeline_prints_the_title():
    assert shutil.which("jq"), "jq is needed for this test (.ci/run installs it)"
    cmd = f"{sys.executable} -m newsx extract {SAMPLE} | jq -r .header.title"
    proc = subprocess.run(cmd, shell=True, capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == TITLE


def test_json_array_format(valid):
    result = run_newsx("extract", "-f", "json", str(SAMPLE), str(SAMPLE))
    assert result.status == 0
    records = json.loads(result.stdout)
    assert isinstance(records, list) and len(records) == 2
    for record in records:
        valid(record)


def test_table_format_without_colour():
    result = run_newsx("extract", "-f", "table", str(SAMPLE), str(SAMPLE), env={"NO_COLOR": "1"})
    assert result.status == 0
    text = result.stdout.decode()
    assert "\x1b[" not in text
    assert "2 articles" in text and "World" in text and "2024-07-04" in text


def test_table_single_article_view():
    result = run_newsx("extract", "-f", "table", "--no-color", str(SAMPLE))
    text = result.stdout.decode()
    assert result.status == 0
    assert "Russian President Vladimir Putin" in text
    assert "ticker" in text and "related" in text


def test_output_file(tmp_path, valid):
    out = tmp_path / "out.jsonl"
    result = run_newsx("extract", str(SAMPLE), "-o", str(out))
    assert result.status == 0 and result.stdout == b""
    (line,) = out.read_text().splitlines()
    valid(json.loads(line))


def test_fields_keeps_only_those(tmp_path):
    result = run_newsx("extract", str(SAMPLE), "--fields", "header.title,body.text")
    (record,) = result.records
    assert set(record) == {"header", "body"}
    assert record["header"] == {"title": TITLE}
    assert set(record["body"]) == {"text"}


@pytest.mark.parametrize(
    "args",
    [
        ["extract", "--fields", "header.nope", str(SAMPLE)],
        ["extract", "--use", "body=no-such-extractor", str(SAMPLE)],
        ["extract", "--use", "nonsense", str(SAMPLE)],
        ["extract", "--use", "header=text-body", str(SAMPLE)],
        ["extract", "--input-format", "pdf", str(SAMPLE)],
        ["extract", "--no-such-option"],
        ["no-such-command"],
    ],
)
def test_usage_errors_exit_2(args):
    result = run_newsx(*args)
    assert result.status == 2
    assert "Traceback" not in result.stderr
    assert result.stdout == b""


def test_use_restricts_a_block():
    result = run_newsx("extract", "--use", "header=text-header", str(SAMPLE))
    (record,) = result.records
    assert record["header"]["title"] == TITLE


def test_input_format_override():
    html = b"<html><body><p>Hello there, this is a paragraph.</p></body></html>"
    result = run_newsx("extract", "--input-format", "text", "-", stdin=html)
    assert result.status == 0
    assert result.records[0]["format"] == "text"


def test_directory_is_walked_in_sorted_order(tmp_path):
    (tmp_path / "b").mkdir()
    for name in ("b/2.txt", "a.txt", "c.html.gz.txt", "skip.json"):
        (tmp_path / name).write_bytes(SAMPLE.read_bytes())
    result = run_newsx("extract", str(tmp_path), "--fields", "source")
    assert result.status == 0
    sources = [r["source"] for r in result.records]
    assert sources == [str(tmp_path / n) for n in ("a.txt", "b/2.txt", "c.html.gz.txt")]


def test_gzip_input(tmp_path, valid):
    import gzip

    path = tmp_path / "dump.txt.gz"
    path.write_bytes(gzip.compress(SAMPLE.read_bytes()))
    result = run_newsx("extract", str(path))
    assert result.status == 0
    assert valid(result.records[0])["header"]["title"] == TITLE


def test_extractors_lists_builtins():
    result = run_newsx("extractors", "--format", "json")
    assert result.status == 0
    rows = json.loads(result.stdout)
    names = {row["name"]: row for row in rows}
    for name, block in (("text-header", "header"), ("text-body", "body"),
                        ("text-related", "related")):
        assert names[name]["block"] == block
        assert names[name]["formats"] == ["text"]
        assert names[name]["origin"] == "newsx"


def test_schema_is_valid_json_schema():
    import jsonschema

    result = run_newsx("schema")
    assert result.status == 0
    schema = json.loads(result.stdout)
    jsonschema.Draft202012Validator.check_schema(schema)
    assert "header" in schema["properties"]


def test_records_flush_one_by_one(tmp_path):
    """The first record is readable before the last input is processed."""
    for i in range(3):
        (tmp_path / f"{i}.txt").write_bytes(SAMPLE.read_bytes())
    proc = subprocess.Popen(
        [sys.executable, "-m", "newsx", "extract", str(tmp_path), "-"],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT,
    )
    first = [proc.stdout.readline() for _ in range(3)]  # stdin still open: run not done
    assert all(json.loads(line)["source"].endswith(".txt") for line in first)
    proc.stdin.write(SAMPLE.read_bytes())
    proc.stdin.close()
    rest = proc.stdout.read()
    assert proc.wait(timeout=60) == 0
    assert json.loads(rest)["source"] == "-"
