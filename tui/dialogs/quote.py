"""Pick the evidence passage: accept a proposal or search the page's sentences.

Typing filters the sentences; Enter on a sentence picks it; Enter in the search
box with no sentence matching takes the typed text itself as the quote (the
claims layer anchors it, forgiving spacing, quotes and case).
"""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from claims.services.preview import PagePreview
from tui.dialogs.prompts import CANCEL
from tui.terminal_text import literal, safe
from tui.widgets.formatting import short

SHOWN = 200


class QuotePicker(ModalScreen[str | None]):
    """The chosen passage (exact text of the page), or None."""

    BINDINGS = CANCEL

    def __init__(self, preview: PagePreview) -> None:
        super().__init__()
        self._preview = preview
        self._choices: list[str] = []

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide", id="quote-picker"):
            yield Static(
                literal(f"Pick the passage of {self._preview.url}"), classes="dialog-title"
            )
            yield Input(placeholder="search the page's text", id="quote-search")
            yield OptionList(id="quote-options")
            yield Static(id="quote-count", markup=False)

    def on_mount(self) -> None:
        self._show("")
        self.query_one("#quote-search", Input).focus()

    def _show(self, needle: str) -> None:
        folded = needle.casefold().strip()
        options = self.query_one("#quote-options", OptionList)
        options.clear_options()
        self._choices = []
        prompts: list[Option] = []
        if not folded:
            for n, passage in enumerate(self._preview.proposals, start=1):
                label = Text.assemble(
                    (f"auto {n} ({passage.score:g})  ", "bold green"),
                    literal(short(passage.text, 160)),
                )
                prompts.append(Option(label, id=str(len(self._choices))))
                self._choices.append(passage.text)
        matches = [s for s in self._preview.sentences if folded in s.casefold()]
        for sentence in matches[:SHOWN]:
            prompts.append(Option(literal(short(sentence, 180)), id=str(len(self._choices))))
            self._choices.append(sentence)
        options.add_options(prompts)
        if prompts:
            options.highlighted = 0
        self.query_one("#quote-count", Static).update(
            f"{min(len(matches), SHOWN)} of {len(matches)} sentences"
            + (f", {len(self._preview.proposals)} proposals" if not folded else "")
            + "  ·  enter: pick  ·  esc: cancel"
        )

    @on(Input.Changed, "#quote-search")
    def _search(self, event: Input.Changed) -> None:
        self._show(event.value)

    @on(Input.Submitted, "#quote-search")
    def _submitted(self, event: Input.Submitted) -> None:
        options = self.query_one("#quote-options", OptionList)
        if options.highlighted is not None and self._choices:
            self.dismiss(self._choices[options.highlighted])
        elif event.value.strip():
            self.dismiss(safe(event.value.strip()))

    @on(OptionList.OptionSelected, "#quote-options")
    def _picked(self, event: OptionList.OptionSelected) -> None:
        if event.option.id is not None:
            self.dismiss(self._choices[int(event.option.id)])

    def key_down(self) -> None:
        # From the search box, the arrow moves into the list as users expect.
        self.query_one("#quote-options", OptionList).focus()

    def action_cancel(self) -> None:
        self.dismiss(None)
