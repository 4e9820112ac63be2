"""Rich terminal output: a table of articles, or one article in full."""

from __future__ import annotations

import io
from typing import IO, Any

from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

#: Body characters shown in the single-article view before it is cut.
ARTICLE_PREVIEW_CHARS = 4000
BLOCK_STYLES = {"heading": "bold", "quote": "italic", "preformatted": "dim"}


class TableWriter:
    """Collects records, then draws them: a table, or a full view for one."""

    def __init__(self, stream: IO[bytes], *, color: bool, width: int | None) -> None:
        self._stream = stream
        self._color = color
        self._width = width
        self._records: list[dict[str, Any]] = []

    def write(self, record: dict[str, Any]) -> None:
        self._records.append(record)

    def write_line(self, line: bytes) -> None:
        import orjson

        self.write(orjson.loads(line))

    def close(self) -> None:
        buffer = io.StringIO()
        console = Console(
            file=buffer,
            force_terminal=self._color,
            no_color=not self._color,
            width=self._width,
            highlight=False,
        )
        if len(self._records) == 1:
            console.print(article_view(self._records[0]))
        elif self._records:
            console.print(articles_table(self._records))
        self._stream.write(buffer.getvalue().encode("utf-8"))
        self._stream.flush()


def _get(record: dict[str, Any], block: str, key: str) -> Any:
    return (record.get(block) or {}).get(key)


def articles_table(records: list[dict[str, Any]]) -> Table:
    """One row per article: source, title, section, date, words, related count."""
    table = Table(title=f"{len(records)} articles", expand=False, show_lines=False)
    table.add_column("source", overflow="fold", max_width=28)
    table.add_column("title", overflow="fold", ratio=3)
    table.add_column("section", overflow="fold", max_width=16)
    table.add_column("published", no_wrap=True)
    table.add_column("words", justify="right")
    table.add_column("related", justify="right")
    for record in records:
        words = _get(record, "body", "words")
        related = record.get("related")
        table.add_row(
            str(record.get("source", "")),
            _get(record, "header", "title") or "",
            _get(record, "header", "section") or "",
            _get(record, "header", "published") or "",
            "" if words is None else str(words),
            "" if related is None else str(len(related)),
        )
    return table


def article_view(record: dict[str, Any]) -> Group:
    """Header fields, body blocks and related items of one article."""
    header = record.get("header") or {}
    meta = Table.grid(padding=(0, 2))
    meta.add_column(style="bold cyan", no_wrap=True)
    meta.add_column(overflow="fold")
    for key in ("source", "url", "format"):
        if record.get(key):
            meta.add_row(key, str(record[key]))
    for key, value in header.items():
        if value and key not in ("title", "ticker") and value != record.get(key):
            meta.add_row(key, ", ".join(value) if isinstance(value, list) else str(value))
    parts: list[Any] = []
    if header.get("ticker"):
        parts.append(Panel("\n".join(f"• {t}" for t in header["ticker"]), title="ticker"))
    parts.append(Panel(meta, title=Text(header.get("title") or "(no title)", style="bold")))
    parts.append(_body_panel(record.get("body") or {}))
    if record.get("related"):
        parts.append(_related_table(record["related"]))
    return Group(*parts)


def _body_panel(body: dict[str, Any]) -> Panel:
    text = Text()
    shown = 0
    for block in body.get("blocks") or [{"kind": "paragraph", "text": body.get("text", "")}]:
        if shown > ARTICLE_PREVIEW_CHARS:
            text.append("…\n", style="dim")
            break
        style = BLOCK_STYLES.get(block["kind"], "")
        prefix = "• " if block["kind"] == "list_item" else ""
        text.append(prefix + block["text"] + "\n\n", style=style)
        shown += len(block["text"])
    subtitle = f"{body.get('words', 0)} words"
    if body.get("attribution"):
        subtitle += f" · source: {body['attribution']}"
    return Panel(text, title="body", subtitle=subtitle)


def _related_table(items: list[dict[str, Any]]) -> Table:
    table = Table(title="related", expand=True)
    for column in ("title", "section", "published", "url"):
        table.add_column(column, overflow="fold")
    for item in items:
        table.add_row(*(str(item.get(k) or "") for k in ("title", "section", "published", "url")))
    return table
