"""Small dialogs: a line of text, one choice among several, a yes/no question."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, OptionList, Static
from textual.widgets.option_list import Option

from tui.terminal_text import literal

CANCEL: list[BindingType] = [Binding("escape", "cancel", "Cancel", id="dialog.cancel")]


class TextDialog(ModalScreen[str | None]):
    """Ask for one line of text; None when cancelled."""

    BINDINGS = CANCEL

    def __init__(self, title: str, *, placeholder: str = "", value: str = "") -> None:
        super().__init__()
        self._title = title
        self._placeholder = placeholder
        self._value = value

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(literal(self._title), classes="dialog-title")
            yield Input(value=self._value, placeholder=self._placeholder, id="dialog-input")
            with Horizontal(classes="dialog-buttons"):
                yield Button("OK", variant="primary", id="ok")
                yield Button("Cancel", id="cancel")

    @on(Input.Submitted)
    @on(Button.Pressed, "#ok")
    def _ok(self) -> None:
        self.dismiss(self.query_one("#dialog-input", Input).value)

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)


class ChoiceDialog(ModalScreen[str | None]):
    """Pick one of ``choices`` (value, label); None when cancelled."""

    BINDINGS = CANCEL

    def __init__(
        self, title: str, choices: list[tuple[str, str]], *, highlighted: str | None = None
    ) -> None:
        super().__init__()
        self._title = title
        self._choices = choices
        self._highlighted = highlighted

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(literal(self._title), classes="dialog-title")
            yield OptionList(
                *[Option(literal(label), id=value) for value, label in self._choices],
                id="dialog-choices",
            )

    def on_mount(self) -> None:
        values = [value for value, _ in self._choices]
        start = values.index(self._highlighted) if self._highlighted in values else 0
        self.query_one("#dialog-choices", OptionList).highlighted = start

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)


class ConfirmDialog(ModalScreen[bool]):
    """A yes/no question; cancelling answers no."""

    BINDINGS = CANCEL

    def __init__(self, question: str, *, yes: str = "Yes", no: str = "No") -> None:
        super().__init__()
        self._question = question
        self._yes = yes
        self._no = no

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(literal(self._question), classes="dialog-title")
            with Horizontal(classes="dialog-buttons"):
                yield Button(self._yes, variant="warning", id="yes")
                yield Button(self._no, id="no")

    def on_mount(self) -> None:
        self.query_one("#no", Button).focus()

    @on(Button.Pressed, "#yes")
    def _yes_pressed(self) -> None:
        self.dismiss(True)

    @on(Button.Pressed, "#no")
    def action_cancel(self) -> None:
        self.dismiss(False)


class ReasonDialog(ModalScreen[str | None]):
    """A yes/no question with an optional reason; the reason ("" if none), or None for no."""

    BINDINGS = CANCEL

    def __init__(self, question: str, *, yes: str = "Yes", placeholder: str = "why") -> None:
        super().__init__()
        self._question = question
        self._yes = yes
        self._placeholder = placeholder

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(literal(self._question), classes="dialog-title")
            yield Input(placeholder=self._placeholder, id="dialog-reason")
            with Horizontal(classes="dialog-buttons"):
                yield Button(self._yes, variant="warning", id="yes")
                yield Button("No", id="no")

    def on_mount(self) -> None:
        self.query_one("#dialog-reason", Input).focus()

    @on(Input.Submitted)
    @on(Button.Pressed, "#yes")
    def _yes_pressed(self) -> None:
        self.dismiss(self.query_one("#dialog-reason", Input).value.strip())

    @on(Button.Pressed, "#no")
    def action_cancel(self) -> None:
        self.dismiss(None)
