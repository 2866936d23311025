"""Export the notes from the reader: pick a format and optionally a tag; the file lands in Downloads."""

from __future__ import annotations

import io
from datetime import datetime
from pathlib import Path

from platformdirs import user_downloads_path

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Select

from store.export import export, unknown_tags_said

DELIVERY = "tearsheet-export"
FORMATS = (("CSV (spreadsheets)", "csv"), ("JSON Lines (scripts)", "jsonl"), ("Markdown (reports)", "md"))


class ExportModal(ModalScreen[None]):
    BINDINGS = [Binding("escape", "cancel", "Cancel"), Binding("ctrl+s", "export", "Export")]

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label("Export notes", classes="dialog-title")
            yield Label("Every tagged or noted paragraph and figure; saved to your downloads folder.", classes="dialog-help")
            yield Select(FORMATS, value="csv", allow_blank=False, id="export-format")
            yield Input(placeholder="only these tags (comma-separated; empty for all)", id="export-tags")
            yield Button("Export (ctrl+s)", id="export-go", variant="primary")

    @on(Button.Pressed, "#export-go")
    @on(Input.Submitted, "#export-tags")
    def action_export(self) -> None:
        fmt = str(self.query_one("#export-format", Select).value)
        tags = [t.strip() for t in self.query_one("#export-tags", Input).value.split(",") if t.strip()]
        self._export(fmt, tags)

    @work(thread=True, exclusive=True, group="export")
    def _export(self, fmt: str, tags: list[str]) -> None:
        if (unknown := self.app.store(unknown_tags_said, tags)) is not None:
            self.app.call_from_thread(self.notify, f"{unknown[0].upper()}{unknown[1:]}: nothing exported",
                                      title="Export", severity="error", timeout=8)
            return
        buffer = io.StringIO(newline="")
        if not self.app.store(export, buffer, fmt=fmt, tags=tags):
            self.app.call_from_thread(self._nothing_to_export, tags)
            return
        name = f"tearsheet-notes-{datetime.now():%Y%m%d-%H%M%S}.{fmt}"
        self.app.call_from_thread(self._deliver, buffer.getvalue(), name)

    def _nothing_to_export(self, tags: list[str]) -> None:
        which = f"tagged {', '.join(tags)}" if tags else "tagged or noted"
        self.notify(f"Nothing to export: no paragraphs {which}; no file written", title="Export", timeout=6)
        self.dismiss()

    def _deliver(self, text: str, name: str) -> None:
        folder = Path(self.app.export_dir) if self.app.export_dir else user_downloads_path()
        folder.mkdir(parents=True, exist_ok=True)
        self.app.deliver_text(
            io.StringIO(text, newline=""), save_directory=folder, save_filename=name, encoding="utf-8", name=DELIVERY
        )
        self.dismiss()

    def action_cancel(self) -> None:
        self.dismiss()
