"""The README documents every command, option and built-in extractor."""

from __future__ import annotations

import re

import typer.main
from conftest import ROOT

from newsx.cli import app
from newsx.plugins import load_registry

README = (ROOT / "README.md").read_text(encoding="utf-8")


def commands() -> dict:
    return dict(typer.main.get_command(app).commands)


def test_readme_opens_with_the_two_setup_commands():
    first_block = re.search(r"```sh\n(.*?)```", README, re.S).group(1)
    assert first_block.splitlines()[0].startswith("make demo")
    assert first_block.splitlines()[1].startswith("make test")


def test_every_command_is_documented():
    for name in commands():
        assert f"newsx {name}" in README, name


def test_every_option_is_documented():
    for name, command in commands().items():
        for param in command.params:
            if param.opts[0].startswith("-") and param.opts[0] != "--help":
                assert any(opt in README for opt in param.opts), f"{name} {param.opts}"


def test_every_builtin_extractor_is_documented():
    for extractor in load_registry().extractors:
        assert f"`{extractor.name}`" in README, extractor.name


def test_ci_runs_the_readme_test_command():
    assert "make test" in (ROOT / ".ci" / "run").read_text()
