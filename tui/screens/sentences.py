"""The sentences of a snapshot's text, to add the one the extractor missed as a claim.

The text is split by the extractor's own sentence splitter
(``claims.services.review_actions.sentences_of``); a sentence already stored
as a claim is marked with its id. Enter on another one asks, then adds it
through the service ``factdesk add-claim`` uses, and opens the new claim.
"""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.message import Message
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from claims.review.corrections import SnapshotSentence
from claims.services.database import Database
from claims.services.review_actions import add_claim_by_hand, sentences_of
from tui.bindings import SENTENCE_KEYS, bindings
from tui.dialogs.prompts import ConfirmDialog
from tui.screens.base import DeskScreen
from tui.terminal_text import literal
from tui.widgets.formatting import short
from tui.widgets.key_footer import KeyFooter

MARK_WIDTH = 11  # "claim 12345": marked and unmarked sentences start in one column


def sentence_prompt(sentence: SnapshotSentence) -> Table:
    """One entry of the list: the claim it already is (if any), then the sentence,
    wrapped under itself."""
    mark = f"claim {sentence.claim_id}" if sentence.claim_id is not None else ""
    row = Table.grid(padding=(0, 1))
    row.add_column(width=MARK_WIDTH, no_wrap=True)
    row.add_column(ratio=1)
    row.add_row(
        Text(mark, style="green"),
        literal(" ".join(sentence.text.split()), style="dim" if mark else ""),
    )
    return row


class SentenceScreen(DeskScreen):
    AREA = "Sentences"
    BINDINGS = bindings(SENTENCE_KEYS)

    class Listed(Message):
        def __init__(self, sentences: list[SnapshotSentence]) -> None:
            super().__init__()
            self.sentences = sentences

    class Added(Message):
        def __init__(self, claim_id: int) -> None:
            super().__init__()
            self.claim_id = claim_id

    def __init__(self, snapshot_id: int, label: str) -> None:
        super().__init__()
        self.snapshot_id = snapshot_id
        self.label = label
        self.sentences: list[SnapshotSentence] = []

    def compose(self) -> ComposeResult:
        yield Static(id="sentences-head", markup=False)
        yield OptionList(id="sentence-options")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.title = f"Sentences of snapshot {self.snapshot_id}"
        self.query_one("#sentences-head", Static).update(
            literal(f"Snapshot {self.snapshot_id} · {self.label}")
        )
        self.reload()

    def reload(self) -> None:
        self._list(self.desk.database, self.snapshot_id)

    @work(thread=True, exclusive=True, exit_on_error=False, group="sentences-load")
    def _list(self, database: Database, snapshot_id: int) -> None:
        self.post_message(self.Listed(sentences_of(database, snapshot_id)))

    def on_sentence_screen_listed(self, message: Listed) -> None:
        self.sentences = message.sentences
        options = self.query_one("#sentence-options", OptionList)
        keep = options.highlighted
        options.clear_options()
        options.add_options(Option(sentence_prompt(s)) for s in self.sentences)
        if self.sentences:
            options.highlighted = min(keep or 0, len(self.sentences) - 1)
        stored = sum(1 for s in self.sentences if s.claim_id is not None)
        head = self.query_one("#sentences-head", Static)
        head.update(
            Text.assemble(
                literal(f"Snapshot {self.snapshot_id} · {self.label}\n"),
                (
                    f"{len(self.sentences)} sentences, {stored} already claims. "
                    "Enter adds the highlighted sentence as a claim.",
                    "dim",
                ),
            )
        )
        options.focus()

    @on(OptionList.OptionSelected, "#sentence-options")
    def _picked(self, event: OptionList.OptionSelected) -> None:
        self._offer(event.option_index)

    def action_add_claim(self) -> None:
        highlighted = self.query_one("#sentence-options", OptionList).highlighted
        if highlighted is not None:
            self._offer(highlighted)

    def _offer(self, index: int) -> None:
        if not 0 <= index < len(self.sentences):
            return
        sentence = self.sentences[index]
        if sentence.claim_id is not None:
            self.notify(
                f"this sentence is already claim {sentence.claim_id}", timeout=4, markup=False
            )
            return
        quote = sentence.text.strip()
        reviewer = self.desk.reviewer

        def answered(yes: bool | None) -> None:
            if yes:
                self._add(self.desk.database, quote, reviewer)

        self.app.push_screen(
            ConfirmDialog(f"Add as a claim: «{short(quote, 200)}»?", yes="Add claim"), answered
        )

    @work(thread=True, exclusive=True, exit_on_error=False, group="sentences-add")
    def _add(self, database: Database, quote: str, reviewer: str) -> None:
        self.post_message(
            self.Added(add_claim_by_hand(database, self.snapshot_id, quote, reviewer=reviewer))
        )

    def on_sentence_screen_added(self, message: Added) -> None:
        from tui.screens.claim import ClaimScreen

        self.notify(f"claim {message.claim_id} added", timeout=3, markup=False)
        # The new claim replaces this list: back (escape) is the claim it was opened from.
        self.app.switch_screen(ClaimScreen(message.claim_id))

    def action_back(self) -> None:
        self.dismiss(None)

    def action_reload(self) -> None:
        self.reload()
