"""Regex building blocks shared by the extractors."""

from __future__ import annotations

import re
from collections.abc import Iterable


def trie_pattern(words: Iterable[str], *, flexible_space: bool = False,
                 guard: bool = False) -> str:
    """A regex matching any of the literal ``words``, factored by prefix: ``com(?:-|ment)``.

    Python's ``re`` tries every branch of a flat alternation at every position;
    a trie tries one branch per character, so vocabularies of hundreds of words
    search several times faster.  ``flexible_space`` lets a space in a word
    match any run of whitespace; ``guard`` adds a one-step check that the
    position can start a word at all.
    """
    trie: dict = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    body = _node_pattern(trie, flexible_space)
    if guard and trie:
        first = "".join(sorted(re.escape(ch) for ch in trie if ch))
        return f"(?=[{first}]){body}"
    return body


def _node_pattern(node: dict, flexible_space: bool) -> str:
    branches = [
        (r"\s+" if flexible_space and ch == " " else re.escape(ch))
        + _node_pattern(rest, flexible_space)
        for ch, rest in sorted(node.items()) if ch
    ]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"
    return f"(?:{body})?" if "" in node else body
